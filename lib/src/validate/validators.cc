#include "validate/validators.h"

#include <time.h>

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace phiscrub::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Collects up to `cap` digits of `value` into out; returns how many digits
// there were in total (may exceed cap).
size_t Digits(std::string_view value, char* out, size_t cap) {
  size_t n = 0;
  for (char c : value) {
    if (IsDigit(c)) {
      if (n < cap) out[n] = c;
      ++n;
    }
  }
  return n;
}

int ToInt(const char* d, int len) {
  int v = 0;
  for (int i = 0; i < len; ++i) v = v * 10 + (d[i] - '0');
  return v;
}

bool SsnRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidSsn(r.substr(s, e - s));
}
// "747 90 8817" on its own, not three groups of a longer run of numbers
// ("totals 12 747 90 8817 3").
bool SsnSpacedRecord(std::string_view r, size_t s, size_t e) {
  if (s >= 2 && (r[s - 1] == ' ' || r[s - 1] == ',') && IsDigit(r[s - 2])) return false;
  if (e + 1 < r.size() && (r[e] == ' ' || r[e] == ',') && IsDigit(r[e + 1])) return false;
  return SsnRecord(r, s, e);
}
// Four digits after a last-four cue, never a year said as one: "I've been
// on it since 2019", "back in 2016".
bool LastFourRecord(std::string_view r, size_t s, size_t e) {
  if (GluedToDigits(r, s, e)) return false;
  // Said in two pairs ("I have the last four as 08 68").
  // (Never two pairs of a longer run: "12 34 56".)
  // (The "4" of "last 4" is the cue's: "SSN last 4 96 97".)
  if (e - s == 5 && r[s + 2] == ' ') {
    const bool cue_four = s >= 7 && r[s - 2] == '4' && r[s - 3] == ' ' &&
                          (r.substr(s - 7, 4) == "last" || r.substr(s - 7, 4) == "Last" ||
                           r.substr(s - 7, 4) == "LAST");
    const bool more_before = s >= 2 && r[s - 1] == ' ' && IsDigit(r[s - 2]) && !cue_four;
    const bool more_after = e + 1 < r.size() && r[e] == ' ' && IsDigit(r[e + 1]);
    return !more_before && !more_after;
  }
  if (e - s != 4) return false;
  int v = 0;
  for (size_t i = s; i < e; ++i) v = v * 10 + (r[i] - '0');
  if (v < 1900 || v > 2099) return true;
  size_t we = s;
  while (we > 0 && r[we - 1] == ' ') --we;
  size_t wb = we;
  while (wb > 0 && IsAlpha(r[wb - 1])) --wb;
  std::string w(r.substr(wb, we - wb));
  for (char& c : w) c = static_cast<char>(c | 0x20);
  static constexpr std::string_view kYearWords[] = {
      "since", "in", "year", "until", "from", "by", "before", "after", "around", "circa",
      "of", "to", "til", "till", "during", "early", "late", "mid", "summer", "winter", "spring",
      "fall", "autumn", "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  for (std::string_view y : kYearWords) {
    if (w == y) return false;
  }
  return true;
}
bool NanpRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidNanp(r.substr(s, e - s));
}
// Ten digits (or 1 and ten) grouped oddly by an engine ("614 5550 175"): a
// valid NANP number, never a date and a time ("2024-04-25 14:19:05") nor a
// piece of one.
bool OddPhoneRecord(std::string_view r, size_t s, size_t e) {
  if (GluedToDigits(r, s, e) || !ValidNanp(r.substr(s, e - s))) return false;
  if ((e < r.size() && (r[e] == ':' || r[e] == '.' || r[e] == ',') && e + 1 < r.size() && IsDigit(r[e + 1])) ||
      (s > 0 && (r[s - 1] == ':' || r[s - 1] == '-' || r[s - 1] == '.'))) {
    return false;
  }
  for (size_t i = s; i + 4 < e; ++i) {
    if (((r[i] == '1' && r[i + 1] == '9') || (r[i] == '2' && r[i + 1] == '0')) && IsDigit(r[i + 2]) &&
        IsDigit(r[i + 3]) && r[i + 4] == '-' && (i == s || !IsDigit(r[i - 1]))) {
      return false;  // a year first: "2024-04-25"
    }
  }
  return true;
}
bool LuhnRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && LuhnValid(r.substr(s, e - s));
}
bool EmailRecord(std::string_view r, size_t s, size_t e) {
  return ValidEmail(r.substr(s, e - s));
}

bool ItinRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidItin(r.substr(s, e - s));
}
bool NpiRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidNpi(r.substr(s, e - s));
}
bool DeaRecord(std::string_view r, size_t s, size_t e) {
  return ValidDea(r.substr(s, e - s));
}
// A number that ends an identifier ("blk_-4980916519894289629", "id_123")
// is that identifier, not a value of its own.
bool IdentifierSuffix(std::string_view r, size_t s) {
  if (s == 0) return false;
  char p = r[s - 1];
  if (p == '_') return true;
  return p == '-' && s >= 2 && (IsAlpha(r[s - 2]) || r[s - 2] == '_');
}
// An id-shaped token: 6 to 20 letters, digits and dashes, at least three
// digits, not a word or a plain small number.
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The run of hex digits and dashes around r[s, e) is an opaque surrogate
// key, never a person's identifier: a UUID ("98fed694-8fde-47be-a175-
// 2f8bde06d234") or a hash of 16 hex digits and more with letters and digits
// mixed ("bdd8af0083605ae91f2e60d93b66743a").
bool OpaqueHexRun(std::string_view r, size_t s, size_t e) {
  size_t b = s, z = e;
  while (b > 0 && (IsHex(r[b - 1]) || r[b - 1] == '-')) --b;
  while (z < r.size() && (IsHex(r[z]) || r[z] == '-')) ++z;
  for (size_t i = s; i < e; ++i) {
    if (!IsHex(r[i]) && r[i] != '-') return false;
  }
  // Split the run at dashes: a UUID's 8-4-4-4-12 groups, or one long group.
  size_t groups[8], n = 0, len = 0, letters = 0, digits = 0, longest = 0;
  for (size_t i = b; i <= z; ++i) {
    if (i == z || r[i] == '-') {
      if (n < 8) groups[n] = len;
      ++n;
      longest = std::max(longest, len);
      len = 0;
      continue;
    }
    ++len;
    (IsDigit(r[i]) ? digits : letters) += 1;
  }
  bool uuid = false;
  for (size_t k = 0; k + 5 <= std::min<size_t>(n, 8); ++k) {
    if (groups[k] == 8 && groups[k + 1] == 4 && groups[k + 2] == 4 && groups[k + 3] == 4 &&
        groups[k + 4] == 12) {
      uuid = true;
    }
  }
  return uuid || (longest >= 16 && letters > 0 && digits > 0);
}

bool IdTokenRecord(std::string_view r, size_t s, size_t e) {
  if (e - s < 6 || e - s > 24) return false;
  if (OpaqueHexRun(r, s, e)) return false;
  // A timestamp cut at its first colon ("2023-01-21T06:34:05").
  if (e - s >= 10 && ValidDate(r.substr(s, 10))) return false;
  if (e < r.size() && r[e] == ':' && IsDigit(r[e - 1]) && e + 1 < r.size() && IsDigit(r[e + 1])) {
    return false;
  }
  int digits = 0, alnum = 0;
  for (size_t i = s; i < e; ++i) {
    if (IsDigit(r[i])) ++digits;
    if (IsDigit(r[i]) || IsAlpha(r[i])) ++alnum;
  }
  return digits >= 3 && alnum >= 6 && !IdentifierSuffix(r, s);
}
// A member id as plans print them: an id token, or 9-20 capital letters and
// digits with at least two digits ("2H2MKYRGPFA", "Y8ETGAT3HAA").
// An MBI typed in lower case or read out in spaced groups: the CMS grammar
// on its upper-case, dashed form.
bool MbiAnyCaseRecord(std::string_view r, size_t s, size_t e) {
  if (e - s > 13) return false;
  char buf[16];
  size_t n = 0;
  for (size_t i = s; i < e; ++i) {
    char c = r[i];
    if (c == ' ') c = '-';
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    buf[n++] = c;
  }
  return ValidMbi(std::string_view(buf, n));
}

bool MemberTokenRecord(std::string_view r, size_t s, size_t e) {
  if (IdTokenRecord(r, s, e)) return true;
  if (e - s < 9 || e - s > 20 || IdentifierSuffix(r, s) || OpaqueHexRun(r, s, e)) return false;
  int digits = 0, upper = 0, consonants = 0, max_consonants = 0;
  for (size_t i = s; i < e; ++i) {
    if (IsDigit(r[i])) {
      ++digits;
      consonants = 0;
    } else if (r[i] >= 'A' && r[i] <= 'Z') {
      ++upper;
      bool vowel = r[i] == 'A' || r[i] == 'E' || r[i] == 'I' || r[i] == 'O' || r[i] == 'U';
      consonants = vowel ? 0 : consonants + 1;
      max_consonants = std::max(max_consonants, consonants);
    } else {
      return false;
    }
  }
  if (upper < 2) return false;
  if (digits >= 2) return true;
  // One digit inside the letters ("XZ0MFTLKKFA"; never a word and a number:
  // "FALLBACK2"), or none in a run no word has ("LKKFXCETZCA": five
  // consonants in a row or more, ten letters or more).
  if (digits == 1) return !IsDigit(r[e - 1]);
  return e - s >= 10 && max_consonants >= 5;
}
// An address in any country's format after an address cue, one candidate
// per possible end: whole words, each starting with a digit, a capital, a
// non-ASCII letter or '#', or a connector of street names ("Rua do Arenque",
// "Király u. 15"); never a cue word of another value ("Phone", "SSN") or an
// everyday lower-case word, so the longest valid candidate ends where the
// address does ("7 Meadow Rd, and my Medicare number is ...").
bool AddressWordsRecord(std::string_view r, size_t s, size_t e) {
  static constexpr std::string_view kConnectors[] = {
      "de", "do", "da", "dos", "das", "del", "della", "di", "du", "la", "le", "les", "van", "von",
      "der", "den", "y", "e", "u", "u.", "str", "str.", "ul", "ul.", "utca", "rue", "via", "apt",
      "apt.", "suite", "unit", "box", "no", "no.", "bis", "am", "an", "im", "al", "el"};
  static constexpr std::string_view kStop[] = {
      "patient", "phone", "tel", "mobile", "fax", "email", "e-mail", "dob", "ssn", "mrn", "npi",
      "dea", "itin", "medicare", "member", "name", "date", "room", "bed", "build", "also",
      "thanks", "thank", "okay", "ok", "yes", "yeah", "no", "i", "my", "and", "is", "the",
      "website", "desk", "office", "mobile", "cell", "home", "work", "ext", "card"};
  if (e < r.size() && (IsDigit(r[e]) || IsAlpha(r[e]) || static_cast<unsigned char>(r[e]) >= 0x80)) {
    return false;  // ends inside a word
  }
  if (e == s || r[e - 1] == ' ' || r[e - 1] == ',' || r[e - 1] == '/') return false;
  int words = 0;
  size_t i = s;
  while (i < e) {
    while (i < e && (r[i] == ' ' || r[i] == ',' || r[i] == '/' || r[i] == '-')) ++i;
    size_t j = i;
    while (j < e && r[j] != ' ' && r[j] != ',' && r[j] != '/') ++j;
    if (j == i) break;
    std::string w(r.substr(i, j - i));
    if (w.find_first_of(":=@") != std::string::npos) return false;  // a label or key
    for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    unsigned char c0 = static_cast<unsigned char>(r[i]);
    bool connector = std::find(std::begin(kConnectors), std::end(kConnectors), w) != std::end(kConnectors);
    bool stop = std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
    bool shape = IsDigit(r[i]) || (r[i] >= 'A' && r[i] <= 'Z') || c0 >= 0x80 || r[i] == '#';
    if (stop || !(shape || connector)) return false;
    ++words;
    i = j;
  }
  return words >= 2;
}

// A lower-case street ("47 maple court"): the words between the number and
// the suffix are no units of time, distance, dose or count, and no function
// words ("a 10 minute drive", "2 tablets every day", "3 blocks down the road").
bool StreetWordsRecord(std::string_view r, size_t s, size_t e) {
  static constexpr std::string_view kStop[] = {
      "a",       "about",  "an",      "and",   "at",     "block",   "blocks", "capsule",
      "capsules", "day",   "days",    "dollar", "dollars", "down",  "each",   "every",
      "feet",    "first",  "foot",    "for",   "from",   "hour",    "hours",  "in",
      "inch",    "inches", "last",    "less",  "mg",     "mile",    "miles",  "min",
      "minute",  "minutes", "month",  "months", "more",  "my",      "next",   "of",
      "on",      "or",     "other",   "our",   "percent", "pill",   "pills",  "pound",
      "pounds",  "same",   "second",  "step",  "steps",  "tablet",  "tablets", "that",
      "the",     "their",  "these",   "third", "this",   "those",   "time",   "times",
      "to",      "up",     "week",    "weeks", "with",   "year",    "years",  "your",
      "around",  "along",  "across",  "through", "by",   "near",    "past",   "into",
      "laps",    "lap",    "kids",    "people", "dogs",  "cars",    "event",
      // (Words of a sentence, never of a street's name: "at eighty four
      // that's pretty common".)
      "that's",  "it's",   "pretty",  "very",  "really", "quite",   "is",     "are",
      "was",     "were",   "not",     "too",   "also",   "just",    "so"};
  size_t i = s;
  while (i < e && IsDigit(r[i])) ++i;  // the house number
  while (i < e) {
    while (i < e && !IsAlpha(r[i])) ++i;
    size_t j = i;
    while (j < e && (IsAlpha(r[j]) || r[j] == '\'')) ++j;
    std::string_view w = r.substr(i, j - i);
    // A unit's letter: glued to its number ("#16a") or the last word, said
    // after it ("suite 25 a"); never "i" ("... #16a i think").
    const bool unit_letter = i > s && (IsDigit(r[i - 1]) ||
                                       (j == e && w.size() == 1 && w != "i" && i >= s + 2 &&
                                        r[i - 1] == ' ' && IsDigit(r[i - 2])));
    if (w == "i" && !unit_letter) return false;
    for (std::string_view stop : kStop) {
      if (w == stop && !unit_letter) return false;
    }
    i = j;
  }
  return true;
}
// Digit groups standing alone: no digit group right before or after them
// (so "978 555" in "+1 978 555 0122" is no value of its own).
bool LoneGroupsRecord(std::string_view r, size_t s, size_t e) {
  auto digit = [&](size_t i) { return IsDigit(r[i]); };
  if (s >= 1 && digit(s - 1)) return false;
  if (s >= 2 && (r[s - 1] == ' ' || r[s - 1] == '-' || r[s - 1] == '+') && digit(s - 2)) return false;
  if (e < r.size() && digit(e)) return false;
  if (e + 1 < r.size() && (r[e] == ' ' || r[e] == '-') && digit(e + 1)) return false;
  return true;
}
// An id written in short groups ("70 17 59 51", "58 812 02 0", "1089 720
// 9510"): no other digit group next to it, 6 to 13 digits in all.
bool IdGroupsRecord(std::string_view r, size_t s, size_t e) {
  if (!LoneGroupsRecord(r, s, e)) return false;
  int digits = 0;
  for (size_t i = s; i < e; ++i) digits += IsDigit(r[i]);
  return digits >= 6 && digits <= 13;
}
// A phone number in any national format: 7 to 15 digits, not glued to other
// digits, and no date or time ("2024-01-15", "10.31.02").
bool PhoneDigitsRecord(std::string_view r, size_t s, size_t e) {
  if (GluedToDigits(r, s, e) || OpaqueHexRun(r, s, e)) return false;
  int digits = 0;
  for (size_t i = s; i < e; ++i) digits += IsDigit(r[i]);
  if (digits < 7 || digits > 15) return false;
  std::string_view v = r.substr(s, e - s);
  if (ValidDate(v) || v.find(':') != std::string_view::npos) return false;
  // A valid NANP number however it is grouped ("415 555-0132", "415/555-0132",
  // "(415)5550132", "415 - 555 - 0132").
  if ((digits == 10 || (digits == 11 && v[v.find_first_of("0123456789")] == '1')) &&
      ValidNanp(v)) {
    return true;
  }
  // The groups after the country code and the (area) share one separator:
  // "415-555-0132 200" is a number and a status code, "0490 75 40 81" is one.
  size_t from = v.rfind(')');
  from = from == std::string_view::npos ? 0 : from + 1;
  if (from == 0 && !v.empty() && v[0] == '+') from = v.find_first_of(" .-");
  char sep = 0;
  for (size_t i = from == std::string_view::npos ? v.size() : from; i < v.size(); ++i) {
    if (IsDigit(v[i])) continue;
    if (i == from) continue;  // the separator after ")" or the country code
    if (sep != 0 && v[i] != sep) return false;
    sep = v[i];
  }
  return true;
}
bool CardRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && !IdentifierSuffix(r, s) && ValidCard(r.substr(s, e - s));
}
bool Ipv4Record(std::string_view r, size_t s, size_t e) {
  // "1.2.3.4.5" and "v1.2.3.4" are not addresses.
  if (s > 0 && (r[s - 1] == '.' || IsAlpha(r[s - 1]))) return false;
  // "curl/7.68.0.1" is a product version; "http://10.0.0.1/" is a host;
  // "msra-sa-41/10.142.64.250:8030" is a host name and its address (Java's
  // InetSocketAddress): a port after it.
  if (s > 1 && r[s - 1] == '/' && (IsAlpha(r[s - 2]) || IsDigit(r[s - 2])) &&
      !(e + 1 < r.size() && r[e] == ':' && IsDigit(r[e + 1]))) {
    return false;
  }
  if (e < r.size() && r[e] == '.' && e + 1 < r.size() && IsDigit(r[e + 1])) {
    return false;
  }
  return ValidIpv4(r.substr(s, e - s));
}
// An AWS load balancer's access log ("https 2023-01-28T08:05:35.422Z
// app/portal-alb/f566c2d1 2603:9e18:c1e4:1177::4f2a:8443 10.0.198.123:8080
// ..."): the client field is address:port, so a compressed IPv6 address
// there ends before its last group when that group is decimal (the port).
// Whether [s, e) is that field with the port in it.
bool AlbClientPort(std::string_view r, size_t s, size_t e) {
  if (e >= r.size() || r[e] != ' ') return false;
  std::string_view v = r.substr(s, e - s);
  size_t last = v.rfind(':');
  if (v.find("::") == std::string_view::npos || last == std::string_view::npos ||
      last + 1 >= v.size() || v.size() - last - 1 > 5 || v.compare(last - 1, 2, "::") == 0) {
    return false;
  }
  for (size_t i = last + 1; i < v.size(); ++i) {
    if (!IsDigit(v[i])) return false;
  }
  // The line: type, time, load balancer, then this field.
  size_t ls = r.rfind('\n', s);
  ls = ls == std::string_view::npos ? 0 : ls + 1;
  std::string_view line = r.substr(ls, s - ls);
  size_t p = 0;
  while (p < line.size() && line[p] == ' ') ++p;
  line.remove_prefix(p);
  static constexpr std::string_view kTypes[] = {"http ", "https ", "h2 ", "ws ", "wss ",
                                                "grpcs "};
  bool type = false;
  for (std::string_view t : kTypes) type = type || line.substr(0, t.size()) == t;
  if (!type) return false;
  // Exactly what rule ip.v6_alb_client reads (it redacts the address):
  // type, a time of 10-40 bytes, "app/..." of at most 204, single blanks.
  std::string_view f[4];
  int n = 0;
  size_t b = 0;
  for (size_t i = 0; i <= line.size() && n < 4; ++i) {
    if (i == line.size() || line[i] == ' ') {
      f[n++] = line.substr(b, i - b);
      b = i + 1;
    }
  }
  return n == 4 && f[3].empty() && f[1].size() >= 10 && f[1].size() <= 40 &&
         f[2].substr(0, 4) == "app/" && f[2].size() >= 5 && f[2].size() <= 204;
}

bool Ipv6Record(std::string_view r, size_t s, size_t e) {
  auto word = [](char c) { return IsDigit(c) || IsAlpha(c) || c == '_' || c == ':'; };
  auto hex = [](char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  // A key's colon before it ("UserIp:2a02:..."): the key ends in a letter no
  // hex group has.
  bool keyed = s >= 2 && r[s - 1] == ':' && IsAlpha(r[s - 2]) && !hex(r[s - 2]);
  if (s > 0 && word(r[s - 1]) && !keyed) return false;
  // A port after all eight groups ("2a02:...:b08c:5432 10.0.27.189:8080").
  std::string_view v = r.substr(s, e - s);
  bool full = std::count(v.begin(), v.end(), ':') == 7 && v.find("::") == std::string_view::npos;
  bool port = false;
  if (e + 1 < r.size() && r[e] == ':') {
    size_t p = e + 1;
    while (p < r.size() && IsDigit(r[p]) && p - e <= 5) ++p;
    port = p > e + 1 && p - e <= 6 && (p == r.size() || !word(r[p]));
    // After "::" only five digits are surely a port (no hex group has
    // five: "2001:db8::77ad:50934"); four could be the last group.
    if (!full) port = port && p - e == 6;
  }
  if (e < r.size() && word(r[e]) && !port) return false;
  if (AlbClientPort(r, s, e)) return false;
  return ValidIpv6(v);
}
bool MbiRecord(std::string_view r, size_t s, size_t e) {
  return ValidMbi(r.substr(s, e - s));
}
bool PersonRecord(std::string_view r, size_t s, size_t e) {
  return ValidPersonName(r.substr(s, e - s));
}
bool UrlRecord(std::string_view r, size_t s, size_t e) {
  return UrlCarriesIds(r.substr(s, e - s));
}
// A date stored as a datetime at midnight ("1989-07-27T00:00:00",
// "...T00:00:00.000Z"): the date part; `*e` moves back to it.
size_t DatePartEnd(std::string_view r, size_t s, size_t e) {
  // (Between digits: the T of "10OCT1994" is the month's.)
  for (size_t i = s + 1; i + 1 < e; ++i) {
    if (r[i] == 'T' && IsDigit(r[i + 1]) && IsDigit(r[i - 1])) return i;
  }
  return e;
}
bool DateRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidDate(r.substr(s, DatePartEnd(r, s, e) - s));
}
// A birth date with no cue: a full date at least kOldDateYears in the past
// (appointment, visit and log dates are recent), never a timestamp.
constexpr int kOldDateYears = 12;
bool OldDateRecord(std::string_view r, size_t s, size_t e) {
  if (GluedToDigits(r, s, e) || FollowedByTime(r, e)) return false;
  // A path segment ("/openstack/2013-10-17/meta_data") or a log line's
  // leading timestamp is no birth date.
  if ((s > 0 && r[s - 1] == '/') || (e < r.size() && r[e] == '/')) return false;
  size_t lead = 0;
  while (lead < s && (r[lead] == ' ' || r[lead] == '[' || r[lead] == '\t')) ++lead;
  if (lead == s) return false;
  int y = DateYear(r.substr(s, DatePartEnd(r, s, e) - s));
  return y >= 1900 && y <= CurrentYear() - kOldDateYears;
}
// A short date ("12/15/38") old enough to be a birth date, as a whole field
// of a record: delimiters or quotes on both sides, never a blank.
bool OldDateFieldRecord(std::string_view r, size_t s, size_t e) {
  auto field = [](char c) {
    return c == ',' || c == '"' || c == '|' || c == '\t' || c == '=' || c == ';' || c == '^' ||
           c == '+' || c == '\'' || c == '[' || c == ']' || c == '~' || c == '*';
  };
  if (s == 0 || !field(r[s - 1])) return false;
  if (e < r.size() && !field(r[e])) return false;
  return OldDateRecord(r, s, e);
}
// An id that is no calendar date ("01-15-6445" is, "2024-01-02" is not).
bool NotDateRecord(std::string_view r, size_t s, size_t e) {
  std::string_view v = r.substr(s, e - s);
  int y = DateYear(v);
  return !(y >= 1900 && y <= 2100);
}
bool CompactDateRecord(std::string_view r, size_t s, size_t e) {
  return CompactDateYear(r.substr(s, e - s)) != 0 && !FollowedByTime(r, e);
}
bool OldCompactDateRecord(std::string_view r, size_t s, size_t e) {
  // Without a cue, only as a field of a record (HL7 "|19891212|", X12
  // "*19720314~", CSV, JSON, key=value), never in prose ("gcc version 3.3.3
  // 20040412", "mtrr: v2.0 (20020519)").
  auto field = [](char c) {
    return c == '|' || c == '^' || c == '*' || c == '=' || c == ',' || c == '"' || c == '\t' ||
           c == ';' || c == '~' || c == '\'';
  };
  if (s > 0 && !field(r[s - 1])) return false;
  if (e < r.size() && !field(r[e])) return false;
  int y = CompactDateYear(r.substr(s, e - s));
  return e - s == 8 && y >= 1900 && y <= CurrentYear() - kOldDateYears && !FollowedByTime(r, e);
}

// Not a piece of a UUID or a hex key ("02367866-9b22-4c00-..."): a value is
// redacted whole or not at all.
bool NotInHexRecord(std::string_view r, size_t s, size_t e) { return !OpaqueHexRun(r, s, e); }

// Whether the letters an id starts with are the acronym of another kind of
// identifier, said before its digits ("NPI two seven four ...", "SSN
// 123456789"): that is the other one. `own`: the acronym of the id's kind.
bool OtherIdLetters(std::string_view r, size_t s, size_t e, std::string_view own) {
  size_t k = s;
  while (k < e && IsAlpha(r[k])) ++k;
  if (k - s < 2 || k - s > 4) return false;
  std::string prefix(r.substr(s, k - s));
  for (char& c : prefix) c = static_cast<char>(c | 0x20);
  return prefix != own && IdAcronym(prefix);
}
// A member id / a record number: no hex run, no other id's letters.
bool MemberIdRecord(std::string_view r, size_t s, size_t e) {
  return !OpaqueHexRun(r, s, e) && !OtherIdLetters(r, s, e, "");
}
bool MrnRecord(std::string_view r, size_t s, size_t e) {
  return !OpaqueHexRun(r, s, e) && !OtherIdLetters(r, s, e, "mrn");
}

// A house number is no fraction of a second: "05:34:44,035 INFO Faith
// Community Health Center", "10:03:00.676Z ERROR Hope Valley Clinic".
bool HouseNumberRecord(std::string_view r, size_t s, size_t) {
  if (s < 2 || !IsDigit(r[s - 2])) return true;
  size_t k = s - 2;
  while (k > 0 && IsDigit(r[k - 1])) --k;
  // "10:45 Main": a time; "Address_line_1:57724 Switchgrass Rd": a key.
  if (r[s - 1] == ':') return k > 0 && (IsAlpha(r[k - 1]) || r[k - 1] == '_');
  if (r[s - 1] != ',' && r[s - 1] != '.') return true;
  // "44,035", "00.676": seconds before the fraction; "19591014,668 Cobblestone
  // Blvd" is a CSV field before a street.
  return !(k > 0 && r[k - 1] == ':');
}

// Nine digits in any grouping ("219-099999", "219 099 999", "219/09/9999"),
// not part of a longer run of numbers.
bool NineDigitsRecord(std::string_view r, size_t s, size_t e) {
  int digits = 0;
  for (size_t i = s; i < e; ++i) digits += IsDigit(r[i]) ? 1 : 0;
  if (digits != 9) return false;
  if (s >= 2 && (r[s - 1] == ' ' || r[s - 1] == '-' || r[s - 1] == '/') && IsDigit(r[s - 2])) {
    return false;
  }
  if (e + 1 < r.size() && (r[e] == ' ' || r[e] == '-' || r[e] == '/') && IsDigit(r[e + 1])) {
    return false;
  }
  return !GluedToDigits(r, s, e);
}

struct Entry {
  const char* name;
  Validator fn;
};
constexpr Entry kValidators[] = {
    {"ssn", SsnRecord},
    {"nanp", NanpRecord},
    {"odd_phone", OddPhoneRecord},
    {"luhn", LuhnRecord},
    {"email", EmailRecord},
    {"itin", ItinRecord},
    {"npi", NpiRecord},
    {"dea", DeaRecord},
    {"card", CardRecord},
    {"ipv4", Ipv4Record},
    {"ipv6", Ipv6Record},
    {"date", DateRecord},
    {"date_old", OldDateRecord},
    {"date_old_field", OldDateFieldRecord},
    {"not_date", NotDateRecord},
    {"id_token", IdTokenRecord},
    {"member_token", MemberTokenRecord},
    {"mbi_any_case", MbiAnyCaseRecord},
    {"street_words", StreetWordsRecord},
    {"lone_groups", LoneGroupsRecord},
    {"id_groups", IdGroupsRecord},
    {"address_words", AddressWordsRecord},
    {"phone_digits", PhoneDigitsRecord},
    {"ssn_spaced", SsnSpacedRecord},
    {"last_four", LastFourRecord},
    {"date_compact", CompactDateRecord},
    {"date_compact_old", OldCompactDateRecord},
    {"mbi", MbiRecord},
    {"url_ids", UrlRecord},
    {"person_name", PersonRecord},
    {"nine_digits", NineDigitsRecord},
    {"not_in_hex", NotInHexRecord},
    {"member_id", MemberIdRecord},
    {"mrn", MrnRecord},
    {"house_number", HouseNumberRecord},
};

}  // namespace

bool IdAcronym(std::string_view lower) {
  static constexpr std::string_view kIds[] = {"npi", "mrn", "ssn", "dob", "mbi", "zip", "tin",
                                              "ein", "dea", "ndc"};
  return std::find(std::begin(kIds), std::end(kIds), lower) != std::end(kIds);
}


Validator FindValidator(std::string_view name) {
  for (const auto& v : kValidators) {
    if (name == v.name) return v.fn;
  }
  return nullptr;
}

const char* ValidatorNames() {
  return "ssn, nanp, odd_phone, luhn, email, itin, npi, dea, card, ipv4, ipv6, date, date_old, "
         "date_compact, date_compact_old, date_old_field, not_date, id_token, member_token, mbi_any_case, street_words, lone_groups, address_words, phone_digits, ssn_spaced, "
         "last_four, mbi, "
         "url_ids, "
         "person_name, nine_digits, not_in_hex, member_id, mrn, house_number";
}

// Capitalised words that follow name cues without being names: discourse
// fillers ("Caller: Okay"), pronouns and articles, titles, days, and words of
// the healthcare domain. Sorted, lower case, for binary search.
constexpr std::string_view kNotNames[] = {
    "about", "account", "actually", "address", "afternoon", "age", "agent", "all",
    "alright", "also", "an", "and", "any", "appointment", "are", "as", "at", "be", "bed",
    "billing", "birth", "but", "by", "caller", "calling", "can", "chart", "claim", "clinic",
    "could", "customer", "date", "dear", "department", "details", "did", "do", "dob",
    "doctor", "does", "dr", "email", "evening", "female", "for", "friday", "from", "gender",
    "good", "great", "had", "has", "have", "he", "hello", "her", "here", "hey", "hi", "his",
    "history", "hmm", "hospital", "how", "i", "id", "if", "in", "info", "information",
    "insurance", "is", "it", "just", "let", "main", "male", "maybe", "me", "medicaid",
    "medicare", "miss", "monday", "morning", "mr", "mrn", "mrs", "ms", "mx", "my", "name",
    "names", "no", "nope", "not", "note", "notes", "now", "number", "nurse", "of", "office",
    "oh", "ok", "okay", "on", "one", "or", "our", "patient", "perfect", "pharmacy", "phone",
    "please", "pt", "record", "records", "regarding", "right", "room", "saturday",
    "scheduling", "sex", "she", "so", "sorry", "speaking", "ssn", "status", "still",
    "summary", "sunday", "support", "sure", "team", "thank", "thanks", "that", "the",
    "their", "then", "there", "they", "this", "thursday", "to", "today", "tomorrow",
    "tuesday", "uh", "um", "unit", "unknown", "visit", "ward", "was", "we", "wednesday",
    "well", "what", "when", "where", "who", "why", "will", "with", "would", "yeah", "yep",
    "yes", "yesterday", "you", "your",
};

// Greetings and titles that are name cues themselves: the scanner trims them
// off the front of the span ("Thanks Dana" -> "Dana"), so they may lead it.
constexpr std::string_view kLeadingCues[] = {
    "dear", "doctor", "dr", "hello", "hey", "hi", "miss", "mr", "mrs", "ms", "mx",
    "nurse", "patient", "pt", "thanks",
};

bool ValidPersonName(std::string_view v) {
  size_t i = 0;
  bool leading = true;
  int words = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == ',' || v[i] == '.')) ++i;
    size_t j = i;
    while (j < v.size() && v[j] != ' ' && v[j] != ',' && v[j] != '.') ++j;
    if (j > i && j - i <= 12) {
      char word[12];
      for (size_t k = i; k < j; ++k) {
        char c = v[k];
        word[k - i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
      std::string_view w(word, j - i);
      if (leading &&
          std::binary_search(std::begin(kLeadingCues), std::end(kLeadingCues), w)) {
        i = j;
        continue;
      }
      leading = false;
      if (std::binary_search(std::begin(kNotNames), std::end(kNotNames), w)) return false;
    }
    leading = false;
    ++words;
    i = j;
  }
  return words > 0;
}

bool SsnDigitsValid(int area, int group, int serial) {
  if (area == 0 || area == 666 || area >= 900) return false;
  if (group == 0) return false;
  if (serial == 0) return false;
  return true;
}

bool ValidSsn(std::string_view v) {
  char d[9];
  if (v.size() == 9) {
    for (char c : v) {
      if (!IsDigit(c)) return false;
    }
    std::memcpy(d, v.data(), 9);
  } else if (v.size() == 11) {
    const char sep = v[3];
    if (v[6] != sep || IsDigit(sep)) return false;
    if (sep != '-' && sep != ' ' && sep != '.') return false;
    for (size_t i : {0, 1, 2, 4, 5, 7, 8, 9, 10}) {
      if (!IsDigit(v[i])) return false;
    }
    std::memcpy(d, v.data(), 3);
    std::memcpy(d + 3, v.data() + 4, 2);
    std::memcpy(d + 5, v.data() + 7, 4);
  } else if (v.size() == 15 && v.substr(3, 3) == " - " && v.substr(8, 3) == " - ") {
    // "219 - 09 - 9999": dashes set off by blanks, as some exports write them.
    for (size_t i : {0, 1, 2, 6, 7, 11, 12, 13, 14}) {
      if (!IsDigit(v[i])) return false;
    }
    std::memcpy(d, v.data(), 3);
    std::memcpy(d + 3, v.data() + 6, 2);
    std::memcpy(d + 5, v.data() + 11, 4);
  } else {
    return false;
  }
  return SsnDigitsValid(ToInt(d, 3), ToInt(d + 3, 2), ToInt(d + 5, 4));
}

bool ValidNanp(std::string_view v) {
  // The number ends where an extension marker (a letter) starts.
  size_t cut = v.size();
  for (size_t i = 0; i < v.size(); ++i) {
    if (IsAlpha(v[i]) || v[i] == '#') {
      cut = i;
      break;
    }
  }
  char d[12];
  size_t n = Digits(v.substr(0, cut), d, sizeof d);
  const char* p = d;
  if (n == 11) {
    if (d[0] != '1') return false;
    ++p;
  } else if (n != 10) {
    return false;
  }
  auto n11 = [](const char* x) { return x[1] == '1' && x[2] == '1'; };
  if (p[0] < '2' || n11(p)) return false;      // NPA
  if (p[3] < '2' || n11(p + 3)) return false;  // NXX
  return true;
}

bool LuhnValid(std::string_view v) {
  int sum = 0;
  int count = 0;
  bool dbl = false;
  for (size_t i = v.size(); i-- > 0;) {
    char c = v[i];
    if (!IsDigit(c)) continue;
    int x = c - '0';
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
    ++count;
  }
  return count > 1 && sum % 10 == 0;
}

bool ValidEmail(std::string_view v) {
  size_t at = v.rfind('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view local = v.substr(0, at);
  std::string_view domain = v.substr(at + 1);
  if (local.size() > 64 || domain.empty() || domain.size() > 255) return false;
  if (v.size() > 254) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  if (v.find("..") != std::string_view::npos) return false;
  size_t label = 0;
  for (char c : domain) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (++label > 63) {
      return false;
    }
  }
  if (label == 0) return false;
  // The top-level label has letters only (IP-literal domains are not mail
  // addresses people dictate).
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string_view tld = domain.substr(dot + 1);
  for (char c : tld) {
    if (!IsAlpha(c)) return false;
  }
  // systemd template units ("notify@1693.service", "getty@tty1.service") and
  // file names are no mail domains.
  static constexpr std::string_view kNotTlds[] = {
      "service", "socket", "timer", "mount", "target", "slice", "scope", "path", "device",
      "swap", "automount", "conf", "log", "json", "yaml", "yml", "txt", "png", "jpg", "gif",
      "svg", "js", "css", "rb", "java", "jar", "dll", "exe", "tmp"};
  std::string lower(tld);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  for (std::string_view t : kNotTlds) {
    if (lower == t) return false;
  }
  return true;
}

bool ValidItin(std::string_view v) {
  char d[10];
  if (Digits(v, d, sizeof d) != 9 || d[0] != '9') return false;
  for (char c : v) {
    if (!IsDigit(c) && c != '-' && c != ' ' && c != '.') return false;
  }
  int mid = (d[3] - '0') * 10 + (d[4] - '0');
  return (mid >= 50 && mid <= 65) || (mid >= 70 && mid <= 88) ||
         (mid >= 90 && mid <= 92) || (mid >= 94 && mid <= 99);
}

bool ValidNpi(std::string_view v) {
  char d[11];
  if (Digits(v, d, sizeof d) != 10) return false;
  if (d[0] != '1' && d[0] != '2') return false;
  std::string full = "80840" + std::string(d, 10);
  return LuhnValid(full);
}

bool ValidDea(std::string_view v) {
  if (v.size() != 9) return false;
  static const char kFirst[] = "ABCDEFGHJKLMPRSTUX";
  char f = static_cast<char>(v[0] & ~0x20);
  if (std::strchr(kFirst, f) == nullptr || f == '\0') return false;
  if (!IsAlpha(v[1]) && v[1] != '9') return false;
  int d[7];
  for (int i = 0; i < 7; ++i) {
    if (!IsDigit(v[2 + i])) return false;
    d[i] = v[2 + i] - '0';
  }
  int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 == d[6];
}

bool ValidCard(std::string_view v) {
  char d[20];
  size_t n = Digits(v, d, sizeof d);
  if (n < 13 || n > 19 || !LuhnValid(v)) return false;
  auto prefix = [&](int len) { return ToInt(d, len); };
  if (d[0] == '4') return n == 13 || n == 16 || n == 19;                  // Visa
  int p2 = prefix(2), p3 = prefix(3), p4 = prefix(4), p6 = prefix(6);
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;  // Mastercard
  if (p4 >= 2200 && p4 <= 2204) return n >= 16 && n <= 19;                   // Mir
  if (p2 == 34 || p2 == 37) return n == 15;                                  // Amex
  if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) ||
      (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 && n <= 19;                                               // Discover
  }
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;                   // JCB
  if (p2 == 62) return n >= 16 && n <= 19;                                   // UnionPay
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
    return n >= 14 && n <= 19;                                               // Diners
  }
  return false;
}

bool ValidIpv4(std::string_view v) {
  int parts = 0;
  size_t i = 0;
  while (true) {
    size_t start = i;
    int value = 0;
    while (i < v.size() && IsDigit(v[i]) && i - start < 3) value = value * 10 + (v[i++] - '0');
    size_t len = i - start;
    if (len == 0 || value > 255 || (len > 1 && v[start] == '0')) return false;
    ++parts;
    if (i == v.size()) break;
    if (v[i] != '.' || parts == 4) return false;
    ++i;
  }
  return parts == 4;
}

bool ValidIpv6(std::string_view v) {
  if (v.size() < 3 || v.size() > 45) return false;
  if (v == "::") return false;
  std::string s(v);
  unsigned char buf[16];
  return inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

bool ValidCalendarDate(int year, int month, int day) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

namespace {

// Month from the first three letters of a month name; 0 if none.
int MonthFromName(std::string_view w) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  char m[3];
  for (int i = 0; i < 3; ++i) m[i] = static_cast<char>(w[i] | 0x20);
  for (int i = 0; i < 12; ++i) {
    if (std::memcmp(m, kMonths[i], 3) == 0) return i + 1;
  }
  return 0;
}

}  // namespace

namespace {
// A two-digit year as people say one ("January 20th 41"): the last century
// that is not in the future.
int BirthCentury(int yy) { return 2000 + yy > CurrentYear() + 1 ? 1900 + yy : 2000 + yy; }
}  // namespace

namespace {
// A word of hesitation inside a date said aloud.
bool IsHesitation(std::string_view word) {
  static constexpr std::string_view kWords[] = {"um", "umm", "uh", "uhh", "uhm", "er", "erm",
                                                "hmm", "ah", "let", "me", "think", "see"};
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}
}  // namespace

bool ValidDate(std::string_view v) {
  // Split into numeric fields and at most one month name.
  int nums[3];
  int lens[3];
  int count = 0;
  int month_name = 0;
  int fields_before_month = 0;
  for (size_t i = 0; i < v.size();) {
    if (IsDigit(v[i])) {
      int value = 0;
      size_t start = i;
      // At most four digits count; a longer run is no date field (and never
      // overflows `value`).
      while (i < v.size() && IsDigit(v[i])) {
        if (i - start < 4) value = value * 10 + (v[i] - '0');
        ++i;
      }
      if (count == 3 || i - start > 4) return false;
      lens[count] = static_cast<int>(i - start);
      nums[count++] = value;
      // An ordinal suffix ("15th") belongs to the number.
      if (i + 1 < v.size() && IsAlpha(v[i]) && IsAlpha(v[i + 1]) &&
          (i + 2 == v.size() || !IsAlpha(v[i + 2]))) {
        char x = static_cast<char>(v[i] | 0x20), y = static_cast<char>(v[i + 1] | 0x20);
        if ((x == 's' && y == 't') || (x == 'n' && y == 'd') ||
            (x == 'r' && y == 'd') || (x == 't' && y == 'h')) {
          i += 2;
        }
      }
    } else if (IsAlpha(v[i])) {
      size_t j = i;
      while (j < v.size() && IsAlpha(v[j])) ++j;
      std::string_view word = v.substr(i, j - i);
      if (word.size() == 2 && (word[0] | 0x20) == 'o' && (word[1] | 0x20) == 'f') {
        i = j;  // "1st of January"
        continue;
      }
      if (word.size() == 2 && (word[0] | 0x20) == 'i' && (word[1] | 0x20) == 'n' && month_name != 0) {
        i = j;  // "the third of May in fifty one"
        continue;
      }
      if (word.size() == 3 && (word[0] | 0x20) == 't' && (word[1] | 0x20) == 'h' &&
          (word[2] | 0x20) == 'e') {
        i = j;  // "March the 15th"
        continue;
      }
      if (IsHesitation(word)) {
        i = j;  // "1961 um april the 22nd", "1982, let me think... august the 20th"
        continue;
      }
      int m = MonthFromName(word);
      if (m == 0) return false;
      if (month_name != 0) return false;
      month_name = m;
      fields_before_month = count;
      i = j;
    } else if (v[i] == '/' || v[i] == '-' || v[i] == '.' || v[i] == ',' ||
               v[i] == ' ' || (v[i] == '\'' && i + 1 < v.size() && IsDigit(v[i + 1]))) {
      ++i;  // ("March 5th '82": a year's apostrophe)
    } else {
      return false;  // "10:31:02" is a time, not a date
    }
  }
  auto year_ok = [](int y, int len) {
    return len == 2 || (len == 4 && y >= 1900 && y <= 2099);
  };
  auto full_year = [](int y, int len) { return len == 2 ? 2000 + y : y; };
  if (month_name != 0) {
    // "March 15, 1985" or "15 Mar 1985": one day, one year.
    if (count != 2) return false;
    int day = nums[0], year = nums[1];
    // "1980-Jan-02": the year first.
    if (lens[0] == 4 && lens[1] <= 2) {
      return year_ok(nums[0], 4) && ValidCalendarDate(nums[0], month_name, nums[1]);
    }
    // "44, April 14th", "41 may 5th": a two-digit year first, as people say
    // a birth date, when it can be no day.
    if (fields_before_month == 1 && lens[0] == 2 && nums[0] > 31 && lens[1] <= 2) {
      return ValidCalendarDate(BirthCentury(nums[0]), month_name, nums[1]);
    }
    if ((lens[1] != 4 && lens[1] != 2) || !year_ok(year, lens[1]) || lens[0] > 2) return false;
    // A two-digit year ("January 20th 41", as people say it) is the last
    // century that is not in the future.
    if (lens[1] == 2) year = BirthCentury(year);
    return ValidCalendarDate(year, month_name, day);
  }
  if (count != 3) return false;
  if (lens[0] == 4) {  // 1985-03-15
    return year_ok(nums[0], 4) && lens[1] <= 2 && lens[2] <= 2 &&
           ValidCalendarDate(nums[0], nums[1], nums[2]);
  }
  if (lens[0] > 2 || lens[1] > 2 || !year_ok(nums[2], lens[2])) return false;
  int y = full_year(nums[2], lens[2]);
  // US month/day first; day/month (15.03.1985) when the first field > 12.
  return ValidCalendarDate(y, nums[0], nums[1]) ||
         ValidCalendarDate(y, nums[1], nums[0]);
}

int DateYear(std::string_view v) {
  if (!ValidDate(v)) return 0;
  // The year is the four-digit field, or the last field.
  int fields[3] = {0, 0, 0}, lens[3] = {0, 0, 0}, count = 0;
  for (size_t i = 0; i < v.size() && count < 3;) {
    if (!IsDigit(v[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    int value = 0;
    while (i < v.size() && IsDigit(v[i])) value = value * 10 + (v[i++] - '0');
    lens[count] = static_cast<int>(i - start);
    fields[count++] = value;
  }
  for (int k = 0; k < count; ++k) {
    if (lens[k] == 4) return fields[k];
  }
  if (count == 0 || lens[count - 1] != 2) return 0;
  int yy = fields[count - 1];
  int now = CurrentYear();
  return 2000 + yy > now + 1 ? 1900 + yy : 2000 + yy;
}

int CompactDateYear(std::string_view v) {
  if (v.size() != 8 && v.size() != 6) return 0;
  for (char c : v) {
    if (!IsDigit(c)) return 0;
  }
  auto num = [&](size_t at, size_t len) {
    int n = 0;
    for (size_t k = 0; k < len; ++k) n = n * 10 + (v[at + k] - '0');
    return n;
  };
  if (v.size() == 8) {
    int y = num(0, 4);  // YYYYMMDD
    if (y >= 1900 && y <= 2099 && ValidCalendarDate(y, num(4, 2), num(6, 2))) return y;
    y = num(4, 4);  // MMDDYYYY
    if (y >= 1900 && y <= 2099 && ValidCalendarDate(y, num(0, 2), num(2, 2))) return y;
    return 0;
  }
  int yy = num(4, 2);  // MMDDYY
  int y = 2000 + yy > CurrentYear() + 1 ? 1900 + yy : 2000 + yy;
  return ValidCalendarDate(y, num(0, 2), num(2, 2)) ? y : 0;
}

int CurrentYear() {
  static const int year = [] {
    time_t t = time(nullptr);
    struct tm tm;
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
  }();
  return year;
}

bool FollowedByTime(std::string_view r, size_t e) {
  size_t i = e;
  if (i < r.size() && (r[i] == 'T' || r[i] == ' ' || r[i] == '_')) ++i;
  return i + 4 < r.size() + 1 && i + 2 < r.size() && IsDigit(r[i]) &&
         ((r[i + 1] == ':' && i + 3 < r.size() && IsDigit(r[i + 2])) ||
          (IsDigit(r[i + 1]) && r[i + 2] == ':'));
}

bool GluedToDigits(std::string_view r, size_t s, size_t e) {
  auto joiner = [](char c) { return c == '-' || c == '.' || c == '/'; };
  if (s > 0) {
    char p = r[s - 1];
    if (IsDigit(p)) return true;
    if ((joiner(p) || p == ':') && s > 1 && IsDigit(r[s - 2])) {
      // ... unless those digits end a key's name ("Ssn4:4814", "l4=...").
      size_t k = s - 2;
      while (k > 0 && IsDigit(r[k - 1])) --k;
      if (!(p == ':' && k > 0 && IsAlpha(r[k - 1]))) return true;
    }
  }
  if (e < r.size()) {
    char n = r[e];
    if (IsDigit(n)) return true;
    if (joiner(n) && e + 1 < r.size() && IsDigit(r[e + 1])) return true;
  }
  return false;
}

namespace {
bool MbiLetter(char c) {
  return c >= 'A' && c <= 'Z' && c != 'S' && c != 'L' && c != 'O' &&
         c != 'I' && c != 'B' && c != 'Z';
}
}  // namespace

bool ValidMbi(std::string_view v) {
  char m[11];
  size_t n = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '-') {
      // Dashes only after the 4th and 7th characters.
      if (n != 4 && n != 7) return false;
      if (i > 0 && v[i - 1] == '-') return false;
      continue;
    }
    if (n == 11) return false;
    m[n++] = v[i];
  }
  if (n != 11) return false;
  if (m[0] < '1' || m[0] > '9') return false;
  for (int i : {1, 4, 7, 8}) {
    if (!MbiLetter(m[i])) return false;
  }
  for (int i : {2, 5}) {
    if (!MbiLetter(m[i]) && !IsDigit(m[i])) return false;
  }
  for (int i : {3, 6, 9, 10}) {
    if (!IsDigit(m[i])) return false;
  }
  return true;
}

bool UrlCarriesIds(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  size_t rest = url.find_first_of("/?#", scheme + 3);
  // Credentials (user:password@host) are always worth hiding.
  if (url.substr(scheme + 3, rest == std::string_view::npos ? url.npos : rest - scheme - 3)
          .find('@') != std::string_view::npos) {
    return true;
  }
  if (rest == std::string_view::npos) return false;
  // Terminology systems (FHIR code systems, value sets) name no one.
  std::string host(url.substr(scheme + 3, rest - scheme - 3));
  for (char& c : host) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view t : {"hl7.org", "loinc.org", "snomed.info", "unitsofmeasure.org",
                             "nlm.nih.gov", "fhir.org"}) {
    if (host == t || (host.size() > t.size() && host.compare(host.size() - t.size(), t.size(), t) == 0 &&
                      host[host.size() - t.size() - 1] == '.')) {
      return false;
    }
  }
  std::string lower(url.substr(rest));
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // A run of four digits and more, outside opaque keys (UUIDs and hashes in
  // recording and resource URLs) and API versions that are dates
  // ("/2010-04-01/Accounts/...", "?api-version=2021-06-01").
  auto dated_version = [&lower](size_t b) {
    auto digits = [&lower](size_t from, size_t n) {
      for (size_t k = from; k < from + n; ++k) {
        if (!IsDigit(lower[k])) return false;
      }
      return true;
    };
    if (b + 10 > lower.size() || !digits(b, 4) || lower[b + 4] != '-' || !digits(b + 5, 2) ||
        lower[b + 7] != '-' || !digits(b + 8, 2)) {
      return false;
    }
    char after = b + 10 < lower.size() ? lower[b + 10] : '/';
    if (after != '/' && after != '?' && after != '&' && after != '#') return false;
    std::string_view before(lower.data(), b);
    return (!before.empty() && before.back() == '/') ||
           (before.size() >= 8 && before.substr(before.size() - 8) == "version=");
  };
  int run = 0;
  for (size_t i = 0; i < lower.size(); ++i) {
    run = IsDigit(lower[i]) ? run + 1 : 0;
    if (run == 4 && dated_version(i - 3)) {
      i += 6;  // past the day
      run = 0;
      continue;
    }
    if (run >= 4 && !OpaqueHexRun(lower, i + 1 - run, i + 1)) return true;
  }
  if (lower.find('@') != std::string::npos ||
      lower.find("%40") != std::string::npos) {
    return true;
  }
  static const char* const kKeys[] = {
      "email", "mail", "phone", "tel", "mobile", "ssn", "dob", "birth",
      "name", "first", "last", "patient", "member", "mrn", "account",
      "address", "zip", "user", "token", "session"};
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower[i] != '?' && lower[i] != '&' && lower[i] != ';') continue;
    size_t eq = lower.find('=', i + 1);
    if (eq == std::string::npos) break;
    std::string_view key(lower.data() + i + 1, eq - i - 1);
    for (const char* k : kKeys) {
      if (key.find(k) != std::string_view::npos) return true;
    }
  }
  return false;
}

}  // namespace phiscrub::internal
