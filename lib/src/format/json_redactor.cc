// JSON redaction (see phiscrub/json.h).
//
// simdjson's DOM parser validates each document completely (structure,
// strings, numbers, UTF-8, depth). The rewrite then walks the *validated*
// bytes with a small token walker: it only has to find token boundaries, so
// every byte outside a rewritten string token is copied from the input.
//
// Strings to scan are decoded and appended to one block as
// "<humanised key>: <decoded value>\n" segments -- what
// Scanner::ScanWithContext would scan for each -- so one Hyperscan candidate
// pass covers the record; only segments with candidates are confirmed and
// rendered.
#include <emmintrin.h>
#include <simdjson.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "format/json_internal.h"
#include "match/sort_candidates.h"
#include "normalize/view.h"
#include "phiscrub/json.h"
#include "phiscrub/pipeline.h"

namespace phiscrub {
namespace {

using Action = JsonKeyRule::Action;

// JSON-in-string is followed at most this many levels deep.
constexpr int kMaxNestedJson = 4;
// Integers of at least this many digits may be identifiers (SSNs, phone
// numbers, NPIs) or ages over 89; single digits are counts and codes, and
// fractions and exponents are measurements.
constexpr size_t kMinScannedDigits = 2;

bool IsIdentifierNumber(std::string_view token) {
  if (!token.empty() && token[0] == '-') token.remove_prefix(1);
  if (token.size() < kMinScannedDigits) return false;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}
// Scan the collected strings once the block holds this much.
constexpr size_t kBlockFlush = 256 * 1024;
// Context: at most this many trailing bytes of the key name.
constexpr size_t kMaxContext = 64;

struct HipaaKey {
  const char* canonical;
  const char* entity;
  std::vector<const char*> names;  // normalised: lower-case letters, digits
};

const std::vector<HipaaKey>& HipaaKeys() {
  static const std::vector<HipaaKey> kKeys = {
      {"ssn", "US_SSN",
       {"ssn", "socialsecurity", "socialsecuritynumber", "socialsecurityno",
        "socialsecuritynum", "ssnumber", "patientssn", "memberssn", "subscriberssn", "ssnfull",
        "socsecno", "ssno", "ssnno", "ssnnum", "insuredssn", "guarantorssn"}},
      {"dob", "DATE_OF_BIRTH",
       {"dob", "dateofbirth", "birthdate", "birthday", "birthdt", "patientdob", "ptdob",
        "memberdob", "subscriberdob", "insureddob", "dobstr", "bdate", "bday", "birthdatestr",
        "dateofbirthstr", "patientbirthdate", "memberbirthdate"}},
      {"phone", "PHONE_NUMBER",
       {"phone", "phones", "phonenumber", "phonenumbers", "phoneno",
        "phonenum", "telephone", "telephonenumber", "homephone", "workphone",
        "mobilephone", "cellphone", "mobilenumber", "cellnumber",
        "faxnumber", "calleridnumber", "callerid", "callernumber", "callerphone", "ani",
        "callbacknumber", "callbackphone", "contactnumber", "contactphone", "patientphone",
        "customerphone", "customernumber", "dayphone", "eveningphone", "nightphone",
        "alternatephone", "altphone", "altphones", "phonehome", "phonemobile", "phonework"}},
      {"address", "STREET_ADDRESS",
       {"address", "addresses", "streetaddress", "homeaddress",
        "mailingaddress", "postaladdress", "addressline1", "addressline2",
        "address1", "address2"}},
      {"mrn", "MRN",
       {"mrn", "medicalrecord", "medicalrecordnumber", "medicalrecordno",
        "medicalrecordnum", "medicalrecords", "mrno", "medrecno", "mrnumber", "hospitalnumber",
        "patientmrn", "mrnid", "chartnumber", "chartno", "empi", "emrid"}},
      {"diagnosis", "DIAGNOSIS",
       {"diagnosis", "diagnoses", "diagnosiscode", "diagnosiscodes"}},
      {"prescription", "PRESCRIPTION", {"prescription", "prescriptions"}},
      {"name", "PERSON",
       {"firstname", "fname", "givenname", "given", "lastname", "lname", "surname",
        "familyname", "family", "middlename", "maidenname", "fullname", "patientname",
        "membername", "subscribername", "guarantorname", "insuredname", "callername",
        "contactname", "emergencycontactname", "cardholder", "cardholdername",
        "spousename", "mothername", "fathername", "preferredname", "legalname",
        "patientfirstname", "patientlastname", "ptname", "ptfirstname", "ptlastname",
        "firstnm", "lastnm", "patientfullname", "customername", "clientname", "forename",
        "forenames", "givennames", "patientforename", "patientsurname", "patientmiddlename",
        "customerfirstname", "customerlastname", "callerfirstname", "callerlastname",
        "memberfirstname", "memberlastname", "subscriberfirstname", "subscriberlastname",
        "insuredfirstname", "insuredlastname", "guarantorfirstname", "guarantorlastname",
        "contactfirstname", "contactlastname", "ptfirstnm", "ptlastnm", "namegiven",
        "namefamily", "nokname", "nextofkin", "nextofkinname", "namelast", "namefirst",
        "namemiddle", "nmlast", "nmfirst", "fullnm", "patientnm", "subscribernm", "membernm",
        "ptnm", "guardianname", "caregivername", "parentname", "recipientname",
        "beneficiaryname", "insname", "mbrname", "patname", "lastnm", "firstnm"}},
      {"city", "LOCATION",
       {"city", "town", "addresscity", "addrcity", "homecity", "mailingcity", "cityname",
        "patientcity"}},
      {"zip", "ZIP_CODE",
       {"zip", "zipcode", "postalcode", "postcode", "zip5", "addresszip", "addrzip",
        "homezip", "mailingzip", "zipplus4"}},
  };
  return kKeys;
}

// HL7 v2 table 0203 identifier type codes (FHIR Identifier.type) that name
// PHI, as a cue phrase of the built-in packs; empty for other codes.
std::string_view IdentifierTypePhrase(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kCodes[] = {
      {"MR", "medical record number"}, {"MRT", "medical record number"},
      {"PI", "patient id"},            {"PT", "patient id"},
      {"SS", "ssn"},                   {"SB", "ssn"},
      {"MB", "member id"},             {"SN", "member id"},
      {"MA", "medicaid id"},           {"MC", "medicare number"},
      {"MCN", "medicare number"},      {"DL", "driver license"},
      {"PPN", "passport"},             {"AN", "account number"},
      {"NPI", "npi"},                  {"TAX", "tax id"},
      {"HC", "health card number"},    {"NI", "national id"},
      {"NH", "national health number"}, {"JHN", "health card number"},
  };
  for (const auto& [c, phrase] : kCodes) {
    if (c == code) return phrase;
  }
  return {};
}

bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsScalarEnd(char c) { return c == ',' || c == '}' || c == ']' || IsWs(c); }

// Byte -> its lower-case letter or digit, or 0 for every other byte.
struct KeyFold {
  char map[256] = {};
  constexpr KeyFold() {
    for (int c = 0; c < 256; ++c) {
      if (c >= 'a' && c <= 'z') map[c] = static_cast<char>(c);
      if (c >= '0' && c <= '9') map[c] = static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') map[c] = static_cast<char>(c - 'A' + 'a');
    }
  }
};
constexpr KeyFold kKeyFold;

// Lower-cased letters and digits of `key` into `buf`; false when longer than
// `cap` (no rule key is that long).
bool NormaliseKey(std::string_view key, char* buf, size_t cap, size_t* len) {
  size_t n = 0;
  for (unsigned char c : key) {
    char f = kKeyFold.map[c];
    if (f == 0) continue;
    if (n == cap) return false;
    buf[n++] = f;
  }
  *len = n;
  return true;
}

// A key printed in finding paths: plain identifiers only, so a key that is
// itself data (a phone number used as a map key) never reaches a side channel.
bool PrintableKey(std::string_view key) {
  if (key.empty() || key.size() > 64) return false;
  int digits = 0;
  for (unsigned char c : key) {
    bool digit = c >= '0' && c <= '9';
    digits += digit;
    if (!(digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          c == '_' || c == '-')) {
      return false;
    }
  }
  return digits < 4;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Hex4(std::string_view s, size_t at, uint32_t* v) {
  if (at + 4 > s.size()) return false;
  uint32_t r = 0;
  for (size_t k = 0; k < 4; ++k) {
    int h = HexValue(s[at + k]);
    if (h < 0) return false;
    r = (r << 4) | static_cast<uint32_t>(h);
  }
  *v = r;
  return true;
}

}  // namespace

namespace internal {

bool DecodeJsonString(std::string_view content, std::string* out) {
  size_t i = 0;
  while (i < content.size()) {
    const void* bs = std::memchr(content.data() + i, '\\', content.size() - i);
    size_t run = bs ? static_cast<const char*>(bs) - (content.data() + i)
                    : content.size() - i;
    out->append(content.data() + i, run);
    i += run;
    if (i >= content.size()) break;
    if (i + 1 >= content.size()) return false;
    char e = content[i + 1];
    i += 2;
    switch (e) {
      case '"': out->push_back('"'); break;
      case '\\': out->push_back('\\'); break;
      case '/': out->push_back('/'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        uint32_t cp = 0;
        if (!Hex4(content, i, &cp)) return false;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00) {
          uint32_t lo = 0;
          if (i + 1 < content.size() && content[i] == '\\' &&
              content[i + 1] == 'u' && Hex4(content, i + 2, &lo) &&
              lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;  // a lone surrogate has no UTF-8 form
          }
        } else if (cp >= 0xDC00 && cp < 0xE000) {
          cp = 0xFFFD;
        }
        AppendUtf8(cp, out);
        break;
      }
      default: return false;
    }
  }
  return true;
}

void AppendJsonString(std::string_view text, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

size_t JsonStringToken(std::string_view doc, size_t open, bool* escaped) {
  const char* p = doc.data();
  const size_t n = doc.size();
  bool esc = false;
  size_t j = open + 1;
  // 16 bytes at a time (SSE2 is x86-64 baseline) until a quote or backslash.
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  while (j + 16 <= n) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
    unsigned q = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
    unsigned b = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, backslash)));
    if ((q | b) == 0) {
      j += 16;
      continue;
    }
    if (b == 0 || (q != 0 && __builtin_ctz(q) < __builtin_ctz(b))) {
      *escaped = esc;
      return j + __builtin_ctz(q) + 1;
    }
    esc = true;
    j += __builtin_ctz(b) + 2;  // the backslash and the byte it escapes
  }
  for (; j < n; ++j) {
    char c = p[j];
    if (c == '"') {
      *escaped = esc;
      return j + 1;
    }
    if (c == '\\') {
      esc = true;
      ++j;
    }
  }
  return std::string_view::npos;
}

size_t JsonStringEnd(std::string_view doc, size_t open) {
  size_t j = open + 1;
  while (j < doc.size()) {
    const void* q = std::memchr(doc.data() + j, '"', doc.size() - j);
    if (q == nullptr) return std::string_view::npos;
    size_t at = static_cast<const char*>(q) - doc.data();
    size_t backslashes = 0;
    while (at - backslashes > open + 1 && doc[at - backslashes - 1] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 0) return at + 1;
    j = at + 1;
  }
  return std::string_view::npos;
}

void HumaniseKey(std::string_view key, std::string* out) {
  if (key.size() > kMaxContext) {
    key.remove_prefix(key.size() - kMaxContext);
    while (!key.empty() && (static_cast<unsigned char>(key[0]) & 0xC0) == 0x80) {
      key.remove_prefix(1);
    }
  }
  // At most one inserted space per byte: build on the stack, append once.
  char buf[2 * kMaxContext];
  char* w = buf;
  char prev = 0;
  for (char c : key) {
    if (c == '_' || c == '-' || c == '.') {
      *w++ = ' ';
    } else {
      if (c >= 'A' && c <= 'Z' &&
          ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9'))) {
        *w++ = ' ';
      }
      *w++ = c;
    }
    prev = c;
  }
  out->append(buf, static_cast<size_t>(w - buf));
}

}  // namespace internal

// ---------------------------------------------------------------------------
// JsonRules

namespace {

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>()(s);
  }
};

}  // namespace

struct JsonRules::Impl {
  struct Rule {
    Action action = Action::kScan;
    uint16_t entity = 0;
    std::string id;
    bool hipaa = false;  // built-in: yields to a skip inherited from a rule
  };
  struct Segment {
    enum class Kind : uint8_t { kKey, kIndex, kAnyKey, kAnyIndex };
    Kind kind = Kind::kKey;
    std::string key;
    uint64_t index = 0;
  };
  struct PathRule {
    std::vector<Segment> segments;
    int rule = 0;
  };

  // A JsonWordAlignment with every path made absolute.
  struct Alignment {
    std::vector<Segment> transcript;
    std::vector<std::vector<Segment>> text;  // group + words + [*] + text
    std::vector<Segment> start;
    std::vector<Segment> end;
    size_t group_len = 0;  // frames[group_len] is the group's container
    size_t words_len = 0;  // frames[words_len] is the word array
  };

  std::shared_ptr<const Ruleset> ruleset;
  JsonOptions options;
  std::vector<Rule> rules;
  std::vector<PathRule> path_rules;
  std::vector<Alignment> alignments;
  // JsonOptions::detect_profiles: profile name -> these options plus it.
  std::vector<std::pair<std::string, std::shared_ptr<const JsonRules>>> detected;
  // Normalised key -> index into rules.
  std::unordered_map<std::string, int, TransparentHash, std::equal_to<>>
      key_rules;
  size_t max_key = 0;
  // Cheap pre-filter before hashing: per first character (a-z, 0-9), a bit
  // per normalised length (63: longer) that some rule key has.
  uint64_t first_len[36] = {};

  static int CharSlot(char c) {
    return c >= 'a' && c <= 'z' ? c - 'a' : c - '0' + 26;
  }
  void NoteKey(std::string_view norm) {
    first_len[CharSlot(norm[0])] |= uint64_t{1} << std::min<size_t>(norm.size(), 63);
    max_key = std::max(max_key, norm.size());
  }
  bool MayMatch(std::string_view norm) const {
    return !norm.empty() &&
           (first_len[CharSlot(norm[0])] >> std::min<size_t>(norm.size(), 63)) & 1;
  }
  // The rule for a member's key, or -1: the whole key, else the last part of
  // a flattened path ("ctx.member.name.given" -> "given", as log pipelines
  // flatten nested records).
  int FindKey(std::string_view key) const;
};

int JsonRules::Impl::FindKey(std::string_view key) const {
  if (key_rules.empty()) return -1;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      size_t dot = key.rfind('.');
      if (dot == std::string_view::npos || dot + 1 >= key.size()) break;
      key = key.substr(dot + 1);
    }
    char norm[256];
    size_t len = 0;
    if (NormaliseKey(key, norm, std::min(sizeof norm, max_key), &len) &&
        MayMatch(std::string_view(norm, len))) {
      auto it = key_rules.find(std::string_view(norm, len));
      if (it != key_rules.end()) return it->second;
    }
  }
  return -1;
}

namespace {

// Parses `$.a['b'][3][*].*` into segments; false with *error set otherwise.
bool ParseJsonPath(std::string_view path,
                   std::vector<JsonRules::Impl::Segment>* out,
                   std::string* error) {
  using Segment = JsonRules::Impl::Segment;
  out->clear();
  if (path.empty() || path[0] != '$') {
    *error = "a path starts with '$'";
    return false;
  }
  size_t i = 1;
  while (i < path.size()) {
    Segment seg;
    if (path[i] == '.') {
      ++i;
      size_t j = i;
      while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
      if (j == i) {
        *error = "empty name after '.' (recursive '..' is not supported)";
        return false;
      }
      std::string_view name = path.substr(i, j - i);
      if (name == "*") {
        seg.kind = Segment::Kind::kAnyKey;
      } else {
        seg.key = std::string(name);
      }
      i = j;
    } else if (path[i] == '[') {
      ++i;
      if (i < path.size() && (path[i] == '\'' || path[i] == '"')) {
        char q = path[i++];
        size_t j = path.find(q, i);
        if (j == std::string_view::npos || j + 1 >= path.size() ||
            path[j + 1] != ']') {
          *error = "unterminated quoted name";
          return false;
        }
        seg.key = std::string(path.substr(i, j - i));
        i = j + 2;
      } else {
        size_t j = path.find(']', i);
        if (j == std::string_view::npos || j == i) {
          *error = "unterminated or empty '[]'";
          return false;
        }
        std::string_view idx = path.substr(i, j - i);
        if (idx == "*") {
          seg.kind = Segment::Kind::kAnyIndex;
        } else {
          seg.kind = Segment::Kind::kIndex;
          for (char c : idx) {
            if (c < '0' || c > '9' || seg.index > (uint64_t{1} << 40)) {
              *error = "an index is '*' or a non-negative integer";
              return false;
            }
            seg.index = seg.index * 10 + static_cast<uint64_t>(c - '0');
          }
        }
        i = j + 1;
      }
    } else {
      *error = "expected '.' or '[' at byte " + std::to_string(i);
      return false;
    }
    out->push_back(std::move(seg));
  }
  return true;
}

}  // namespace

JsonRules::JsonRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JsonRules::~JsonRules() = default;

const std::shared_ptr<const Ruleset>& JsonRules::ruleset() const {
  return impl_->ruleset;
}
const JsonOptions& JsonRules::options() const { return impl_->options; }

std::string JsonRules::ErrorPlaceholder(std::string_view reason) const {
  return internal::SubstituteReason(impl_->options.placeholder, reason);
}

namespace internal {

std::string SubstituteReason(const std::string& tmpl, std::string_view reason) {
  std::string out;
  const std::string_view key = "{reason}";
  size_t pos = 0;
  while (true) {
    size_t at = tmpl.find(key, pos);
    if (at == std::string::npos) break;
    out.append(tmpl, pos, at - pos);
    out.append(reason);
    pos = at + key.size();
  }
  out.append(tmpl, pos, std::string::npos);
  return out;
}

}  // namespace internal

namespace internal {

void LooseKeyRuleSpans(const JsonRules& rules, std::string_view text,
                       std::vector<LooseKeySpan>* out) {
  const JsonRules::Impl& impl = rules.impl();
  if (impl.key_rules.empty()) return;
  const size_t n = text.size();
  // One past the closing quote of the string opening at `open` (or n).
  auto string_end = [&](size_t open) {
    size_t j = open + 1;
    while (j < n && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
    return std::min(j + 1, n);
  };
  size_t i = 0;
  while (i < n) {
    size_t open = text.find('"', i);
    if (open == std::string_view::npos) break;
    size_t close = string_end(open);
    size_t j = close;
    while (j < n && IsWs(text[j])) ++j;
    if (j >= n || text[j] != ':' || close - open < 2) {
      i = close;
      continue;
    }
    std::string_view key = text.substr(open + 1, close - open - 2);
    int rule = impl.FindKey(key);
    ++j;
    while (j < n && IsWs(text[j])) ++j;
    if (rule < 0 || impl.rules[rule].action != Action::kRedact || j >= n) {
      i = j;
      continue;
    }
    size_t vb = j, ve = j;
    if (text[j] == '"') {
      ve = string_end(j);
      vb = j + 1;
      if (ve > vb && text[ve - 1] == '"' && ve - 1 >= vb) --ve;
    } else if (text[j] == '{' || text[j] == '[') {
      int depth = 0;
      for (ve = j; ve < n; ++ve) {
        char c = text[ve];
        if (c == '"') {
          ve = string_end(ve) - 1;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          ++ve;
          break;
        }
      }
    } else {
      while (ve < n && !IsScalarEnd(text[ve])) ++ve;
    }
    if (ve > vb && text.substr(vb, ve - vb) != "null") {
      const auto& r = impl.rules[rule];
      out->push_back({static_cast<uint32_t>(vb), static_cast<uint32_t>(ve), r.entity, r.id});
    }
    i = std::max(ve, j + 1);
  }
}

}  // namespace internal

std::vector<std::string> JsonRequiredEntities(const JsonOptions& options) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& e) {
    if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) {
      out.push_back(e);
    }
  };
  if (options.hipaa_keys) {
    for (const auto& k : HipaaKeys()) add(k.entity);
  }
  for (const auto& r : options.rules) {
    if (r.action == Action::kRedact) add(r.entity);
  }
  if (options.detect_profiles) {
    for (const std::string& name : JsonProfileNames()) {
      JsonOptions sub;
      sub.hipaa_keys = false;
      sub.redact_recording_urls = options.redact_recording_urls;
      AddJsonProfile(name, &sub);
      for (const auto& e : JsonRequiredEntities(sub)) add(e);
    }
  }
  return out;
}

std::shared_ptr<const JsonRules> JsonRules::Compile(
    std::shared_ptr<const Ruleset> ruleset, const JsonOptions& options,
    std::vector<Diagnostic>* diags) {
  auto impl = std::make_unique<Impl>();
  impl->ruleset = ruleset;
  impl->options = options;
  bool ok = true;
  std::string source = "<json key rules>";
  auto problem = [&](const std::string& rule_id, std::string message) {
    Diagnostic d;
    d.file = source;
    d.rule_id = rule_id;
    d.message = std::move(message);
    diags->push_back(std::move(d));
    ok = false;
  };
  if (!ruleset) {
    problem("", "no ruleset");
    return nullptr;
  }
  auto entity_of = [&](const std::string& id, const std::string& name,
                       uint16_t* index) {
    int e = ruleset->FindEntity(name);
    if (e < 0) {
      problem(id, "entity '" + name +
                      "' is not registered in the ruleset (add it to "
                      "RulesetOptions::extra_entities)");
      return false;
    }
    *index = static_cast<uint16_t>(e);
    return true;
  };
  char norm[256];
  for (size_t i = 0; i < options.rules.size(); ++i) {
    const JsonKeyRule& r = options.rules[i];
    source = r.source.empty() ? "<json key rules>" : r.source;
    Impl::Rule rule;
    rule.action = r.action;
    rule.id = r.id.empty() ? "json.rule." + std::to_string(i + 1) : r.id;
    if (r.action == Action::kRedact) {
      if (r.entity.empty()) {
        problem(rule.id, "action 'redact' needs an entity");
      } else {
        entity_of(rule.id, r.entity, &rule.entity);
      }
    }
    int index = static_cast<int>(impl->rules.size());
    if (r.path.empty() == r.key.empty()) {
      problem(rule.id, "a rule has exactly one of 'path' and 'key'");
      continue;
    }
    if (!r.path.empty()) {
      Impl::PathRule pr;
      std::string error;
      if (!ParseJsonPath(r.path, &pr.segments, &error)) {
        problem(rule.id, "invalid path '" + r.path + "': " + error);
        continue;
      }
      pr.rule = index;
      impl->path_rules.push_back(std::move(pr));
    } else {
      size_t len = 0;
      if (!NormaliseKey(r.key, norm, sizeof norm, &len) || len == 0) {
        problem(rule.id, "key '" + r.key +
                             "' needs 1 to 256 letters or digits");
        continue;
      }
      // First rule for a key wins.
      impl->key_rules.emplace(std::string(norm, len), index);
      impl->NoteKey(std::string_view(norm, len));
    }
    impl->rules.push_back(std::move(rule));
  }
  source = "<json key rules>";
  if (options.hipaa_keys) {
    for (const auto& k : HipaaKeys()) {
      Impl::Rule rule;
      rule.action = Action::kRedact;
      rule.id = std::string("json.hipaa.") + k.canonical;
      rule.hipaa = true;
      if (!entity_of(rule.id, k.entity, &rule.entity)) continue;
      int index = static_cast<int>(impl->rules.size());
      impl->rules.push_back(std::move(rule));
      for (const char* name : k.names) {
        // A key file rule for the same key takes precedence.
        impl->key_rules.emplace(name, index);
        impl->NoteKey(name);
      }
    }
  }
  for (const JsonWordAlignment& a : options.alignments) {
    source = "<json word alignment " + a.id + ">";
    Impl::Alignment al;
    std::vector<Impl::Segment> group, words, rel;
    std::string error;
    auto relative = [](const std::string& r) {
      return (!r.empty() && r[0] == '[') ? "$" + r : "$." + r;
    };
    if (!ParseJsonPath(a.group, &group, &error) ||
        !ParseJsonPath(relative(a.words), &words, &error)) {
      problem(a.id, "invalid group or words path: " + error);
      continue;
    }
    al.group_len = group.size();
    auto join = [](std::vector<Impl::Segment> base, const std::vector<Impl::Segment>& tail) {
      base.insert(base.end(), tail.begin(), tail.end());
      return base;
    };
    std::vector<Impl::Segment> word = join(group, words);
    al.words_len = word.size();
    Impl::Segment any;
    any.kind = Impl::Segment::Kind::kAnyIndex;
    word.push_back(any);
    bool ok_paths = ParseJsonPath(relative(a.transcript), &rel, &error);
    if (ok_paths) al.transcript = join(group, rel);
    for (const auto& t : a.word_text) {
      if (!ok_paths || !ParseJsonPath(relative(t), &rel, &error)) {
        ok_paths = false;
        break;
      }
      al.text.push_back(join(word, rel));
    }
    if (ok_paths && ParseJsonPath(relative(a.start), &rel, &error)) {
      al.start = join(word, rel);
    } else {
      ok_paths = false;
    }
    if (ok_paths && ParseJsonPath(relative(a.end), &rel, &error)) {
      al.end = join(word, rel);
    } else {
      ok_paths = false;
    }
    if (!ok_paths || al.text.empty()) {
      problem(a.id, "invalid transcript, word text or time path: " + error);
      continue;
    }
    impl->alignments.push_back(std::move(al));
  }
  source = "<json key rules>";
  if (options.detect_profiles) {
    for (const std::string& name : JsonProfileNames()) {
      JsonOptions sub = options;
      sub.detect_profiles = false;
      AddJsonProfile(name, &sub);
      auto compiled = Compile(ruleset, sub, diags);
      if (!compiled) {
        problem("", "profile " + name + " does not compile with these options");
        continue;
      }
      impl->detected.emplace_back(name, std::move(compiled));
    }
  }
  // The placeholder must be one line of valid JSON for every reason.
  {
    std::string sample =
        internal::SubstituteReason(options.placeholder, "malformed_json");
    simdjson::dom::parser parser;
    if (sample.find('\n') != std::string::npos ||
        parser.parse(sample).error() != simdjson::SUCCESS) {
      problem("", "placeholder is not one line of valid JSON: " +
                      options.placeholder);
    }
  }
  if (!ok) return nullptr;
  return std::shared_ptr<const JsonRules>(new JsonRules(std::move(impl)));
}

// ---------------------------------------------------------------------------
// JsonRedactor

namespace {

// The rule that applies to one value.
// What carriers put in a caller-ID name (CNAM) when they have none: no
// person's name.
bool IsCallerIdPlaceholder(std::string_view v) {
  static constexpr std::string_view kPlaceholders[] = {
      "wireless caller", "unknown", "unknown caller", "unknown name", "unavailable",
      "name unavailable", "not available", "anonymous", "private", "private caller",
      "private number", "restricted", "blocked", "toll free", "toll free call",
      "toll free caller", "no caller id", "out of area", "cell phone", "cell phone caller"};
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v.size() > 20) return false;
  std::string lower;
  for (char c : v) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  for (std::string_view p : kPlaceholders) {
    if (lower == p) return true;
  }
  return false;
}

// The JSON string at doc[q] ('"') reads like a person's name: one to three
// words of letters (any script; apostrophes, hyphens, periods inside), the
// first capitalised.
bool NameShapedString(std::string_view doc, size_t q) {
  size_t i = q + 1;
  int words = 0;
  bool in_word = false;
  size_t n = 0;
  for (; i < doc.size() && doc[i] != '"'; ++i, ++n) {
    unsigned char c = static_cast<unsigned char>(doc[i]);
    if (n > 60 || c == '\\') return false;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (letter) {
      if (!in_word) {
        ++words;
        if (words == 1 && c >= 'a' && c <= 'z') return false;
      }
      in_word = true;
    } else if (c == ' ') {
      in_word = false;
    } else if (!((c == '\'' || c == '-' || c == '.') && in_word)) {
      return false;
    }
  }
  return i < doc.size() && words >= 1 && words <= 3 && n >= 2;
}

struct ValueRule {
  Action action = Action::kScan;
  uint16_t entity = 0;
  int rule = -1;  // index into JsonRules::Impl::rules, or -1 (default scan)
};

struct Frame {
  bool object = false;
  uint64_t index = 0;        // current element (arrays)
  uint32_t key_begin = 0;    // current member key in Level::keys (objects)
  uint32_t key_end = 0;
  uint32_t ctx_begin = 0;    // key naming this array's elements (arrays)
  uint32_t ctx_end = 0;
  uint32_t keys_mark = 0;    // Level::keys size when pushed
  uint32_t path_mark = 0;    // Level::path size when pushed
  uint32_t open = 0;         // offset of its '{' or '[' in the document
  ValueRule rule;            // inherited by the values inside
  // Structure as context (see StructureContext):
  std::string label;      // objects: a sibling naming the value ("name": "dob")
  bool typed = false;     // label comes from an identifier type code (FHIR "MR")
  std::string prev_item;  // arrays: the string element before ("--dob")
  std::string row;        // arrays: the short string elements before, as a row
  std::vector<std::string> columns;  // objects: names a "columns" array gave
  std::vector<std::string> turns;  // arrays of messages: recent turns, oldest first
};

// A string or scalar token to replace; sorted by (doc, begin) before output.
struct Rewrite {
  uint32_t doc = 0;    // index into Level::docs
  uint32_t begin = 0;  // token range in the document
  uint32_t end = 0;
  uint32_t repl_begin = 0;  // replacement token in Level::repl
  uint32_t repl_end = 0;
};

// A string queued for the candidate pass.
struct Pending {
  uint32_t doc = 0;
  uint32_t begin = 0;      // token range in the document
  uint32_t end = 0;
  uint32_t seg_begin = 0;  // segment in Level::block
  uint32_t shift = 0;      // bytes of context before the value
  uint32_t seg_end = 0;
  uint32_t path_begin = 0;  // in Level::pending_paths
  uint32_t path_end = 0;
  int32_t group = -1;  // the transcript of Level::groups[group]
  // Conversations: a turn with the turns before it (in Level::turns), or a
  // transcript string with one turn per line; scanned on its own.
  uint32_t turns_begin = 0, turns_end = 0;
  uint32_t tail = 0;  // bytes of context after the value (a row's elements after it)
  bool conversation = false;
};

// Word alignment state of one group instance (see JsonWordAlignment).
struct WordText {
  uint32_t begin = 0, end = 0;  // its string token
  std::string text;             // decoded
  std::string path;             // when paths are kept
};
struct AlignWord {
  uint64_t index = 0;
  std::vector<WordText> texts;
  double start = -1, end = -1;
};
struct AlignGroup {
  uint32_t doc = 0;
  int alignment = 0;
  uint32_t open = 0;  // its container's offset: identifies the instance
  bool has_transcript = false;
  std::string transcript;  // decoded
  std::vector<Span> spans;          // found in the transcript
  std::vector<uint32_t> findings;   // their findings, in Level::found
  std::vector<AlignWord> words;
};

struct Doc {
  std::string_view json;
  Status status;
};

// Buffers for one level of JSON-in-string nesting (level 0: the records of
// a batch). Reused across batches.
struct Level {
  std::vector<Doc> docs;
  std::vector<Frame> frames;
  std::string keys;
  std::string path;
  std::string block;
  std::vector<Pending> pending;
  std::string pending_paths;
  std::string turns;  // Pending::turns_begin/end
  std::string extra;  // scratch: structure context of the value being queued
  std::string row;    // scratch: the row before the value ("a","b",), if any
  std::string row_after;  // scratch: the row after a row's first value (","c","d"), if any
  std::string previous;  // scratch: the turns before the value being queued
  std::vector<Rewrite> rewrites;
  std::string repl;
  std::string dec;
  std::string tmp;
  std::string inner_out;
  std::vector<JsonFinding> inner_findings;
  std::vector<JsonRedactor::BatchItem> inner_items;
  std::vector<JsonFinding> found;
  std::vector<uint32_t> found_doc;
  std::vector<uint32_t> order;
  std::vector<Scanner::Candidate> cands;
  std::vector<Scanner::Candidate> unit_cands;
  std::vector<Span> spans;
  std::vector<Span> kept;
  std::vector<AlignGroup> groups;
  internal::View view;  // past the nesting limit: the unescaped string
  internal::View view_scratch;
  bool paths = false;

  void Reset(bool with_paths) {
    paths = with_paths;
    docs.clear();
    frames.clear();
    keys.clear();
    path.clear();
    block.clear();
    pending.clear();
    pending_paths.clear();
    turns.clear();
    rewrites.clear();
    repl.clear();
    found.clear();
    found_doc.clear();
    groups.clear();
  }
};

Status MapParseError(simdjson::error_code err) {
  switch (err) {
    case simdjson::UTF8_ERROR:
      return Status(ErrorCode::kInvalidUtf8, "JSON is not valid UTF-8");
    case simdjson::DEPTH_ERROR:
      return Status(ErrorCode::kMalformed, "JSON nested deeper than 1024 levels");
    case simdjson::MEMALLOC:
    case simdjson::CAPACITY:
      return Status(ErrorCode::kEngine, simdjson::error_message(err));
    default:
      return Status(ErrorCode::kMalformed,
                    std::string("malformed JSON: ") + simdjson::error_message(err));
  }
}

Status Bug(const char* what) {
  return Status(ErrorCode::kInternal, std::string("JSON walker: ") + what);
}

}  // namespace

struct JsonRedactor::State {
  explicit State(std::shared_ptr<const Ruleset> ruleset)
      : scanner(std::move(ruleset)) {}

  Scanner scanner;
  simdjson::dom::parser parser;
  // levels[0]: the batch; levels[k]: JSON inside strings, k deep.
  std::vector<std::unique_ptr<Level>> levels;
  bool in_use = false;     // re-entry guard (checked in debug builds)
  bool in_batch = false;   // between BeginBatch and FinishBatch
};

namespace {

// Redacts the documents of one Level: Begin, Add each document (walked at
// once; its strings queued), Finish (last candidate pass, then output).
class LevelRunner {
 public:
  LevelRunner(const JsonRules::Impl& rules, JsonRedactor::State& state, int depth)
      : rules_(&rules), state_(state), depth_(depth) {
    while (state_.levels.size() <= static_cast<size_t>(depth)) {
      state_.levels.push_back(std::make_unique<Level>());
    }
    lv_ = state_.levels[depth].get();
  }

  void Begin(bool with_paths) { lv_->Reset(with_paths); }

  void Add(std::string_view json) {
    const uint32_t index = static_cast<uint32_t>(lv_->docs.size());
    lv_->docs.push_back({json, Status::Ok()});
    Status st;
    if (json.size() >= UINT32_MAX) {
      st = Status(ErrorCode::kOversize, "JSON document exceeds 4 GiB");
    } else {
      simdjson::dom::element root;
      simdjson::error_code err =
          state_.parser.parse(json.data(), json.size(), true).get(root);
      if (err != simdjson::SUCCESS) {
        st = MapParseError(err);
      } else if (depth_ == 0 && !rules_->detected.empty()) {
        // A vendor payload gets its profile's rules.
        std::string_view profile = internal::DetectJsonProfile(root);
        for (const auto& [name, rules] : rules_->detected) {
          if (name == profile) rules_ = &rules->impl();
        }
      }
    }
    if (st.ok()) {
      doc_ = json;
      doc_index_ = index;
      pending_mark_ = lv_->pending.size();
      block_mark_ = lv_->block.size();
      paths_mark_ = lv_->pending_paths.size();
      st = Walk();
      if (!st.ok() && lv_->docs[index].status.ok()) {
        // Unqueue what this document left for the candidate pass.
        if (lv_->pending.size() > pending_mark_) {
          lv_->pending.resize(pending_mark_);
          lv_->block.resize(block_mark_);
          lv_->pending_paths.resize(paths_mark_);
        }
      }
    }
    if (!st.ok() && lv_->docs[index].status.ok()) lv_->docs[index].status = st;
  }

  // Appends every document that succeeded to *out (in order), its findings
  // to *findings (when not null) and one item per document to *items.
  void Finish(std::string* out, std::vector<JsonFinding>* findings,
              std::vector<JsonRedactor::BatchItem>* items) {
    Level& lv = *lv_;
    (void)Flush();  // a failure marks the documents concerned
    if (!lv.groups.empty()) {
      ResolveGroups();
      (void)Flush();  // words that could not be aligned
    }
    std::sort(lv.rewrites.begin(), lv.rewrites.end(),
              [](const Rewrite& a, const Rewrite& b) {
                return a.doc != b.doc ? a.doc < b.doc : a.begin < b.begin;
              });
    items->clear();
    items->resize(lv.docs.size());
    size_t r = 0;
    for (uint32_t d = 0; d < lv.docs.size(); ++d) {
      const Doc& doc = lv.docs[d];
      auto& item = (*items)[d];
      item.status = doc.status;
      item.out_begin = item.out_end = out->size();
      if (!doc.status.ok()) {
        while (r < lv.rewrites.size() && lv.rewrites[r].doc == d) ++r;
        continue;
      }
      size_t pos = 0;
      for (; r < lv.rewrites.size() && lv.rewrites[r].doc == d; ++r) {
        const Rewrite& rw = lv.rewrites[r];
        out->append(doc.json.data() + pos, rw.begin - pos);
        out->append(lv.repl, rw.repl_begin, rw.repl_end - rw.repl_begin);
        pos = rw.end;
      }
      out->append(doc.json.data() + pos, doc.json.size() - pos);
      item.out_end = out->size();
    }
    // Findings in (document, token) order, those of failed documents dropped.
    lv.order.resize(lv.found.size());
    for (uint32_t i = 0; i < lv.order.size(); ++i) lv.order[i] = i;
    std::stable_sort(lv.order.begin(), lv.order.end(), [&lv](uint32_t a, uint32_t b) {
      if (lv.found_doc[a] != lv.found_doc[b]) return lv.found_doc[a] < lv.found_doc[b];
      return lv.found[a].token < lv.found[b].token;
    });
    size_t k = 0;
    for (uint32_t d = 0; d < lv.docs.size(); ++d) {
      auto& item = (*items)[d];
      item.findings_begin = item.findings_end = findings ? findings->size() : 0;
      for (; k < lv.order.size() && lv.found_doc[lv.order[k]] == d; ++k) {
        if (!lv.docs[d].status.ok() || findings == nullptr) continue;
        findings->push_back(std::move(lv.found[lv.order[k]]));
      }
      if (findings) item.findings_end = findings->size();
    }
  }

 private:
  enum class Expect { kValue, kAfterValue, kKey };

  void SkipWs() {
    while (i_ < doc_.size() && IsWs(doc_[i_])) ++i_;
  }

  std::string_view Key(uint32_t b, uint32_t e) const {
    return std::string_view(lv_->keys).substr(b, e - b);
  }

  // The key naming the value about to be walked, for context.
  std::string_view ContextKey() const {
    if (lv_->frames.empty()) return {};
    const Frame& f = lv_->frames.back();
    return f.object ? Key(f.key_begin, f.key_end) : Key(f.ctx_begin, f.ctx_end);
  }

  bool PathMatches(const JsonRules::Impl::PathRule& pr) const {
    return SegmentsMatch(pr.segments);
  }

  bool SegmentsMatch(const std::vector<JsonRules::Impl::Segment>& segments) const {
    using Kind = JsonRules::Impl::Segment::Kind;
    if (segments.size() != lv_->frames.size()) return false;
    for (size_t k = 0; k < segments.size(); ++k) {
      const auto& seg = segments[k];
      const Frame& f = lv_->frames[k];
      switch (seg.kind) {
        case Kind::kKey:
          if (!f.object || Key(f.key_begin, f.key_end) != seg.key) return false;
          break;
        case Kind::kAnyKey:
          if (!f.object) return false;
          break;
        case Kind::kIndex:
          if (f.object || f.index != seg.index) return false;
          break;
        case Kind::kAnyIndex:
          if (f.object) return false;
          break;
      }
    }
    return true;
  }

  ValueRule Resolve() const {
    ValueRule r;
    if (!lv_->frames.empty()) r = lv_->frames.back().rule;
    int explicit_rule = -1;
    if (depth_ == 0) {
      for (const auto& pr : rules_->path_rules) {
        if (PathMatches(pr)) {
          explicit_rule = pr.rule;
          break;
        }
      }
    }
    if (explicit_rule < 0 && !rules_->key_rules.empty() && !lv_->frames.empty() &&
        lv_->frames.back().object) {
      const Frame& f = lv_->frames.back();
      explicit_rule = rules_->FindKey(Key(f.key_begin, f.key_end));
      // {"key": "last_name", "val": "..."}: a value named by its sibling is
      // that key's value.
      if (explicit_rule < 0 && !f.label.empty() && !f.typed &&
          IsValueKey(NormKey(Key(f.key_begin, f.key_end)))) {
        explicit_rule = rules_->FindKey(f.label);
      }
    }
    // {"first": "Takeshi", "last": "Hayashi"}: a name part under its bare
    // key, when the value is written like a name (capitalised letters, one
    // to three words; never "last": "2024-01-02" or "first": "true").
    if (explicit_rule < 0 && !rules_->key_rules.empty() && !lv_->frames.empty() &&
        lv_->frames.back().object && i_ < doc_.size() && doc_[i_] == '"') {
      const Frame& f = lv_->frames.back();
      std::string k = NormKey(Key(f.key_begin, f.key_end));
      if ((k == "first" || k == "last" || k == "middle" || k == "given" || k == "family") &&
          NameShapedString(doc_, i_)) {
        explicit_rule = rules_->FindKey(k + "name");
      }
    }
    // {"columns": ["mrn", "last", "dob"], "row": ["...", "...", "..."]}: an
    // element of a row is the value of its column.
    const bool scalar = i_ < doc_.size() && doc_[i_] != '{' && doc_[i_] != '[';
    if (explicit_rule < 0 && scalar && !rules_->key_rules.empty() && !lv_->frames.empty() &&
        !lv_->frames.back().object) {
      const std::string* column = ColumnOf(lv_->frames.size() - 1);
      if (column != nullptr) {
        explicit_rule = rules_->FindKey(*column);
        // Columns "first", "last", "middle": of a name.
        std::string k = NormKey(*column);
        if (explicit_rule < 0 && (k == "first" || k == "last" || k == "middle" || k == "given" ||
                                  k == "family" || k == "full")) {
          explicit_rule = rules_->FindKey(k + "name");
        }
      }
    }
    // A subtree a key file or profile skips stays skipped, built-in HIPAA
    // keys inside included (a JSON Schema's "ssn" property is no SSN).
    if (explicit_rule >= 0 && rules_->rules[explicit_rule].hipaa &&
        r.action == Action::kSkip) {
      explicit_rule = -1;
    }
    if (explicit_rule >= 0) {
      const auto& rule = rules_->rules[explicit_rule];
      r.action = rule.action;
      r.entity = rule.entity;
      r.rule = explicit_rule;
    } else if (r.rule >= 0 && rules_->rules[r.rule].hipaa && !lv_->frames.empty() &&
               lv_->frames.back().object && NonPhiAddressPart(Key(lv_->frames.back().key_begin,
                                                                  lv_->frames.back().key_end))) {
      // Inside an address object, the parts Safe Harbor keeps and the
      // record's own codes are scanned, not redacted: {"use": "home",
      // "state": "IL", "country": "US"} (FHIR Address, most address APIs).
      r = ValueRule{};
    }
    return r;
  }

  bool NonPhiAddressPart(std::string_view key) const {
    if (rules_->rules.empty()) return false;
    std::string k = NormKey(key);
    for (const char* part : {"use", "type", "state", "statecode", "stateprovince", "region",
                             "country", "countrycode", "countryname", "kind", "verified",
                             "validated", "primary", "preferred", "rank"}) {
      if (k == part) return true;
    }
    return false;
  }

  // Decodes a string token's content; the view lives until the next call.
  bool Decode(size_t open, size_t end, bool escaped, std::string_view* out) {
    std::string_view content = doc_.substr(open + 1, end - open - 2);
    if (!escaped) {
      *out = content;
      return true;
    }
    lv_->dec.clear();
    if (!internal::DecodeJsonString(content, &lv_->dec)) return false;
    *out = lv_->dec;
    return true;
  }

  void AddRewrite(uint32_t doc, size_t begin, size_t end,
                  std::string_view replacement) {
    Rewrite& rw = lv_->rewrites.emplace_back();
    rw.doc = doc;
    rw.begin = static_cast<uint32_t>(begin);
    rw.end = static_cast<uint32_t>(end);
    rw.repl_begin = static_cast<uint32_t>(lv_->repl.size());
    internal::AppendJsonString(replacement, &lv_->repl);
    rw.repl_end = static_cast<uint32_t>(lv_->repl.size());
  }

  void AddFinding(uint32_t doc, std::string_view path, size_t token,
                  const Span& span, int rule) {
    JsonFinding f;
    f.path.assign(path);
    f.token = token;
    f.span = span;
    if (rule >= 0) f.key_rule = rules_->rules[rule].id;
    lv_->found.push_back(std::move(f));
    lv_->found_doc.push_back(doc);
  }

  void RedactWhole(size_t begin, size_t end, std::string_view value,
                   const ValueRule& r) {
    lv_->tmp.clear();
    state_.scanner.RenderWhole(r.entity, value, &lv_->tmp);
    AddRewrite(doc_index_, begin, end, lv_->tmp);
    Span sp;
    sp.start = 0;
    sp.end = static_cast<uint32_t>(value.size());
    sp.entity = r.entity;
    sp.score = 1.0f;
    AddFinding(doc_index_, lv_->path, begin, sp, r.rule);
  }

  // True when `v` may be a JSON document (first non-blank byte).
  static bool LooksLikeJson(std::string_view v) {
    for (char c : v) {
      if (IsWs(c)) continue;
      return c == '{' || c == '[';
    }
    return false;
  }

  enum class Role { kNone, kTranscript, kWordText, kStart, kEnd };

  // What the value about to be walked is to a word alignment.
  Role AlignmentRole(int* alignment) const {
    if (depth_ != 0) return Role::kNone;
    const size_t depth = lv_->frames.size();
    for (size_t a = 0; a < rules_->alignments.size(); ++a) {
      const auto& al = rules_->alignments[a];
      if (depth <= al.group_len) continue;
      *alignment = static_cast<int>(a);
      if (SegmentsMatch(al.transcript)) return Role::kTranscript;
      if (depth <= al.words_len) continue;
      for (const auto& t : al.text) {
        if (SegmentsMatch(t)) return Role::kWordText;
      }
      if (SegmentsMatch(al.start)) return Role::kStart;
      if (SegmentsMatch(al.end)) return Role::kEnd;
    }
    return Role::kNone;
  }

  AlignGroup& Group(int alignment) {
    const auto& al = rules_->alignments[alignment];
    const uint32_t open = lv_->frames[al.group_len].open;
    auto& groups = lv_->groups;
    for (size_t g = groups.size(); g-- > 0;) {
      if (groups[g].doc != doc_index_) break;
      if (groups[g].alignment == alignment && groups[g].open == open) return groups[g];
    }
    AlignGroup& g = groups.emplace_back();
    g.doc = doc_index_;
    g.alignment = alignment;
    g.open = open;
    return g;
  }

  AlignWord& Word(int alignment) {
    AlignGroup& g = Group(alignment);
    const uint64_t index = lv_->frames[rules_->alignments[alignment].words_len].index;
    for (size_t w = g.words.size(); w-- > 0;) {
      if (g.words[w].index == index) return g.words[w];
    }
    AlignWord& w = g.words.emplace_back();
    w.index = index;
    return w;
  }

  static double ParseSeconds(std::string_view text) {
    char buf[64];
    if (text.empty() || text.size() >= sizeof buf) return -1;
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    char* endp = nullptr;
    double v = std::strtod(buf, &endp);
    return (endp == buf || v < 0) ? -1 : v;
  }

  void NoteTime(Role role, int alignment, std::string_view text) {
    AlignWord& w = Word(alignment);
    (role == Role::kStart ? w.start : w.end) = ParseSeconds(text);
  }

  Status OnString(size_t begin, size_t end, bool escaped, const ValueRule& r) {
    if (r.action == Action::kSkip) return Status::Ok();
    std::string_view value;
    if (!Decode(begin, end, escaped, &value)) return Bug("bad escape in validated JSON");
    int alignment = -1;
    Role role = rules_->alignments.empty() || r.action != Action::kScan
                    ? Role::kNone
                    : AlignmentRole(&alignment);
    if (role == Role::kStart || role == Role::kEnd) NoteTime(role, alignment, value);
    if (value.empty()) return Status::Ok();
    if (r.action == Action::kRedact) {
      // A carrier's caller-ID placeholder ("WIRELESS CALLER") names nobody.
      if (IsCallerIdPlaceholder(value) &&
          static_cast<int>(r.entity) == state_.scanner.ruleset().FindEntity("PERSON")) {
        return Status::Ok();
      }
      RedactWhole(begin, end, value, r);
      return Status::Ok();
    }
    if (role == Role::kWordText) {
      // Decided with the transcript in ResolveGroups.
      WordText& t = Word(alignment).texts.emplace_back();
      t.begin = static_cast<uint32_t>(begin);
      t.end = static_cast<uint32_t>(end);
      t.text.assign(value);
      if (lv_->paths) t.path = lv_->path;
      return Status::Ok();
    }
    int32_t group = -1;
    if (role == Role::kTranscript) {
      AlignGroup& g = Group(alignment);
      g.has_transcript = true;
      g.transcript.assign(value);
      group = static_cast<int32_t>(&g - lv_->groups.data());
    } else if (rules_->options.nested_json && LooksLikeJson(value)) {
      if (depth_ + 1 < kMaxNestedJson) {
        bool handled = false;
        Status st = TryNested(begin, end, value, &handled);
        if (!st.ok() || handled) return st;
      } else if (internal::JsonUnescapedView(value, internal::kMaxUnescapeRounds, &lv_->view,
                                             &lv_->view_scratch)) {
        // Past the nesting limit the string is scanned with every level of
        // escaping decoded, never as raw escapes; if anything is found it is
        // written back in that decoded form.
        value = lv_->view.text;
      }
    }
    // Structure as context, and conversations.
    std::string_view key = ContextKey();
    lv_->extra.clear();
    lv_->row.clear();
    lv_->row_after.clear();
    StructureContext(key, value, &lv_->extra);
    // The first element of a row has nothing before it: the elements after
    // it are its context ("row": ["1598278", "Joshi", "Lakshmi", ...]).
    if (!lv_->frames.empty() && !lv_->frames.back().object && lv_->frames.back().index == 0 &&
        value.size() <= 64) {
      RowAfter(end, &lv_->row_after);
    }
    std::string_view previous;
    bool conversation = false;
    // An utterance of an aligned transcript (Retell transcript_object[]) is
    // a turn too: its words are placed after it is scanned with the turns
    // before it.
    if (ConversationTurn(key, value, &previous)) {
      conversation = previous.empty() && IsTranscriptText(value);
    } else {
      // A whole transcript, aligned to its words or not (Deepgram's
      // alternatives[].transcript): questions in it expect what follows.
      conversation = IsTranscriptText(value);
    }
    Queue(begin, end, value, key, lv_->path, group, lv_->extra, previous, conversation);
    if (lv_->block.size() >= kBlockFlush) return Flush();
    return Status::Ok();
  }

  // Queues a string for the candidate pass. `extra` is context from the
  // structure around the value (StructureContext); `previous` the turns
  // before it when it is a turn of a conversation.
  void Queue(size_t begin, size_t end, std::string_view value,
             std::string_view key, std::string_view path, int32_t group,
             std::string_view extra = {}, std::string_view previous = {},
             bool conversation = false) {
    Level& lv = *lv_;
    Pending& p = lv.pending.emplace_back();
    p.doc = doc_index_;
    p.group = group;
    p.begin = static_cast<uint32_t>(begin);
    p.end = static_cast<uint32_t>(end);
    p.conversation = conversation;
    if (!previous.empty()) {
      p.turns_begin = static_cast<uint32_t>(lv.turns.size());
      lv.turns.append(previous);
      p.turns_end = static_cast<uint32_t>(lv.turns.size());
    }
    p.seg_begin = static_cast<uint32_t>(lv.block.size());
    if (!extra.empty()) {
      lv.block.append(extra);
      lv.block.push_back(' ');
    }
    if (!key.empty()) {
      internal::HumaniseKey(key, &lv.block);
      lv.block += ": ";
    } else if (!extra.empty()) {
      lv.block += ": ";
    }
    // A row: its elements before this one, and this one as the next field
    // ("row: "H65068268","Reyes","Dana").
    // (Or its first element, with the elements after it: "1598278","Joshi".)
    const bool row = !conversation && previous.empty();
    if (row && (!lv.row.empty() || !lv.row_after.empty())) {
      lv.block += lv.row;
      lv.block.push_back('"');
    }
    p.shift = static_cast<uint32_t>(lv.block.size()) - p.seg_begin;
    lv.block.append(value);
    if (row && !lv.row_after.empty()) {
      lv.block += lv.row_after;
      p.tail = static_cast<uint32_t>(lv.row_after.size());
    }
    // The row belongs to this value only: never to a later number or word
    // (which may be another document's).
    lv.row.clear();
    lv.row_after.clear();
    p.seg_end = static_cast<uint32_t>(lv.block.size());
    lv.block.push_back('\n');
    if (lv.paths) {
      p.path_begin = static_cast<uint32_t>(lv.pending_paths.size());
      lv.pending_paths += path;
      p.path_end = static_cast<uint32_t>(lv.pending_paths.size());
    }
  }

  // The column name of the current element of the array at frames[a], when
  // that array is a row of a table whose header an enclosing object holds
  // ({"columns": [...], "row": [...]} or {"header": [...], "rows": [[...]]}).
  const std::string* ColumnOf(size_t a) const {
    const auto& frames = lv_->frames;
    if (a == 0 || frames[a].object) return nullptr;
    size_t owner = a - 1;
    // rows: [[...], [...]]: the row's parent is an array of rows.
    if (!frames[owner].object && owner > 0) --owner;
    // Cheap checks first: this runs for every array element.
    if (!frames[owner].object || frames[owner].columns.empty()) return nullptr;
    uint64_t i = frames[a].index;
    if (i >= frames[owner].columns.size()) return nullptr;
    // The header array itself names nothing.
    if (IsHeaderKey(NormKey(Key(frames[a].ctx_begin, frames[a].ctx_end)))) return nullptr;
    const std::string& c = frames[owner].columns[i];
    return c.empty() ? nullptr : &c;
  }

  static bool IsHeaderKey(std::string_view k) {
    return k == "columns" || k == "header" || k == "headers" || k == "fieldnames" ||
           k == "colnames" || k == "columnnames";
  }

  // Keys that hold a value another key names: plain ones, answers to a form,
  // and what validation errors echo back (Spring's rejectedValue, pydantic's
  // input). `k` is normalised (NormKey).
  static bool IsValueKey(std::string_view k) {
    static constexpr std::string_view kValues[] = {
        "value",    "val",      "data",          "valuestring",  "fieldvalue",
        "text",     "v",        "answer",        "response",     "input",
        "rejectedvalue", "invalidvalue", "providedvalue", "badvalue", "newvalue",
        "oldvalue", "actual",   "received",      "given",        "entered",
        "id",       "identifier", "number",      "num",          "no"};
    if (std::find(std::begin(kValues), std::end(kValues), k) != std::end(kValues)) return true;
    // "id_value", "idNumber", "documentNumber": the value of a kind named
    // beside it ({"id_type": "ssn", "id_value": "..."}).
    auto ends = [k](std::string_view s) {
      return k.size() > s.size() && k.size() <= 20 && k.substr(k.size() - s.size()) == s;
    };
    return ends("value") || ends("number");
  }

  // Keys that name the kind of a sibling value: {"name": "dob", "value": ...},
  // {"id_type": "ssn", "id_value": ...}, {"kind": "mrn", "id": ...}. `k` is
  // normalised (NormKey).
  static bool IsNameKey(std::string_view k) {
    static constexpr std::string_view kNames[] = {
        "name",      "field",    "fieldname", "key",       "type",     "system",
        "code",      "label",    "attribute", "param",     "parameter", "column",
        "property",  "question", "prompt",    "fieldid",   "path",     "propertypath",
        "pointer",   "kind",     "category"};
    if (std::find(std::begin(kNames), std::end(kNames), k) != std::end(kNames)) return true;
    auto ends = [k](std::string_view s) {
      return k.size() > s.size() && k.size() <= 20 && k.substr(k.size() - s.size()) == s;
    };
    // (JSON Schema validators: {"instancePath": "/homePhone", "data": ...},
    // "dataPath", "fieldPath".)
    return ends("type") || ends("kind") || (ends("path") && k != "schemapath");
  }

  // Lower-cased letters and digits of `key` (as key rules normalise keys).
  static std::string NormKey(std::string_view key) {
    char buf[64];
    size_t len = 0;
    if (!NormaliseKey(key, buf, sizeof buf, &len)) return {};
    return std::string(buf, len);
  }

  // The short string elements after the one whose token ends at doc_[pos]
  // in its array, as the rest of a delimited row (","Joshi","Lakshmi"); at
  // most four, up to the first element that is no short string.
  void RowAfter(size_t pos, std::string* out) {
    const size_t n = doc_.size();
    std::string content;
    for (int count = 0; count < 4; ++count) {
      while (pos < n && IsWs(doc_[pos])) ++pos;
      if (pos >= n || doc_[pos] != ',') break;
      ++pos;
      while (pos < n && IsWs(doc_[pos])) ++pos;
      if (pos >= n || doc_[pos] != '"') break;
      bool escaped = false;
      size_t e = internal::JsonStringToken(doc_, pos, &escaped);
      if (e == std::string_view::npos || e - pos - 2 > 64) break;
      std::string_view raw = doc_.substr(pos + 1, e - pos - 2);
      content.clear();
      if (!escaped) {
        content.assign(raw);
      } else if (!internal::DecodeJsonString(raw, &content) || content.size() > 64) {
        break;
      }
      if (out->empty()) out->push_back('"');
      *out += ",\"";
      for (char c : content) out->push_back(c == '\n' ? ' ' : c);
      out->push_back('"');
      pos = e;
    }
  }

  // Context the structure around a string gives it, appended to *extra, and
  // the structure state it updates:
  //   - in an object, a sibling that names the value: [{"name": "dob",
  //     "value": "..."}], {"system": ".../us-ssn", "value": "..."},
  //     {"field": "ssn", "val": "..."}: the name (the last segment of a URL
  //     or URN) is context for the object's value-like keys;
  //   - in an array, the string element before it when it reads as a
  //     label or a flag: ["--dob", "11/02/1959"], ["DOB:", "..."];
  //   - the key of the enclosing object when this key says little
  //     ("patient": {"value": ...}).
  void StructureContext(std::string_view key, std::string_view value, std::string* extra) {
    Level& lv = *lv_;
    if (lv.frames.empty()) return;
    Frame& f = lv.frames.back();
    if (f.object) {
      std::string k = NormKey(key);
      bool names = IsNameKey(k);
      bool values = IsValueKey(k);
      if (values && !f.label.empty()) internal::HumaniseKey(f.label, extra);
      // A FHIR identifier names its value by a v2-0203 type code:
      // {"type": {"coding": [{"code": "MR"}]}, "system": ..., "value": ...}.
      if (k == "code" && value.size() <= 4) {
        std::string_view phrase = IdentifierTypePhrase(value);
        for (size_t j = lv.frames.size() - 1; !phrase.empty() && j-- > 0 &&
                                              j + 5 >= lv.frames.size();) {
          Frame& up = lv.frames[j];
          if (up.object && NormKey(Key(up.key_begin, up.key_end)) == "type") {
            up.label.assign(phrase);
            up.typed = true;
            break;
          }
        }
      }
      if (names && value.size() <= 128 && !f.typed) {
        std::string_view v = value;
        size_t cut = v.find_last_of("/:#");
        if (cut != std::string_view::npos && cut + 1 < v.size()) v.remove_prefix(cut + 1);
        // An OID ("urn:oid:1.2.36.146.595.217.0.1") names nothing.
        bool oid = v.find_first_not_of("0123456789.") == std::string_view::npos;
        if (!oid) f.label.assign(v.substr(0, 48));
      }
      // A generic key inherits the name of its parent ("phone": {"value": ...}).
      if ((values || k.empty()) && lv.frames.size() >= 2) {
        const Frame& parent = lv.frames[lv.frames.size() - 2];
        std::string_view pk = parent.object ? Key(parent.key_begin, parent.key_end)
                                            : Key(parent.ctx_begin, parent.ctx_end);
        if (!pk.empty()) {
          if (!extra->empty()) extra->push_back(' ');
          internal::HumaniseKey(pk, extra);
        }
      }
      return;
    }
    if (lv.frames.size() >= 2 && lv.frames[lv.frames.size() - 2].object) {
      Frame& parent = lv.frames[lv.frames.size() - 2];
      std::string ak = NormKey(Key(f.ctx_begin, f.ctx_end));
      // A location array names its sibling value: pydantic's
      // {"loc": ["body", "socialSecurityNumber"], "input": "..."}.
      if (value.size() <= 64 &&
          (ak == "loc" || ak == "location" || ak == "path" || ak == "fieldpath")) {
        parent.label.assign(value);
      }
      // Tables: a header array names the elements of the row arrays beside it.
      if (IsHeaderKey(ak) && parent.columns.size() < 256) {
        parent.columns.resize(static_cast<size_t>(f.index));
        parent.columns.emplace_back(value.substr(0, std::min<size_t>(value.size(), 64)));
      }
    }
    if (const std::string* column = ColumnOf(lv.frames.size() - 1)) {
      internal::HumaniseKey(*column, extra);
      extra->push_back(' ');
    }
    // Arrays of short strings are rows of one record ("row": [id, last,
    // first, dob, zip], "args": [...], "input": [e-mail, phone, dob]): the
    // elements before are read with this one, as a delimited row, so a
    // person named before makes the ids, dates and codes after hers.
    if (!f.row.empty()) lv.row = f.row;
    if (value.size() <= 64 && f.row.size() <= 320) {
      f.row.push_back('"');
      for (char c : value) f.row.push_back(c == '\n' ? ' ' : c);
      f.row += "\",";
    } else if (value.size() > 64) {
      f.row.clear();
    }
    // Arrays: the element before.
    if (!f.prev_item.empty()) extra->append(f.prev_item);
    f.prev_item.clear();
    std::string_view v = value;
    while (!v.empty() && v.front() == '-') v.remove_prefix(1);
    bool flag = v.size() < value.size();
    bool label = !value.empty() && (value.back() == ':' || value.back() == '=');
    bool digits = std::any_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if ((flag || label) && !digits && v.size() <= 40) f.prev_item.assign(v);
  }

  // A string under a message key ("content", "message", "text",
  // "transcript", "utterance") of an object inside an array is a turn of the
  // conversation that array holds: *previous gets the turns before it (newest
  // last), and it joins them. False when the string is no such turn.
  bool ConversationTurn(std::string_view key, std::string_view value,
                        std::string_view* previous) {
    Level& lv = *lv_;
    if (lv.frames.size() < 2 || !lv.frames.back().object) return false;
    Frame& array = lv.frames[lv.frames.size() - 2];
    if (array.object) return false;
    // Log events and records (CloudWatch logEvents[].message, records[],
    // entries[]) are no turns of one conversation.
    std::string ak = NormKey(Key(array.ctx_begin, array.ctx_end));
    bool talk = false;
    for (const char* turns : {"call", "chat", "conversation", "message", "turn", "transcript",
                              "dialog", "utterance", "history"}) {
      talk = talk || ak.find(turns) != std::string::npos;
    }
    for (const char* not_turns : {"log", "event", "record", "entr", "line", "item", "row",
                                  "error", "result"}) {
      if (!talk && ak.find(not_turns) != std::string::npos) return false;
    }
    std::string k = NormKey(key);
    if (k != "content" && k != "message" && k != "text" && k != "transcript" &&
        k != "utterance") {
      return false;
    }
    lv.previous.clear();
    for (const std::string& t : array.turns) {
      lv.previous.append(t);
      lv.previous.push_back('\n');
    }
    *previous = lv.previous;
    constexpr size_t kTurns = LineFramer::kContextTurns, kTurnBytes = 2048;
    if (array.turns.size() >= kTurns) array.turns.erase(array.turns.begin());
    std::string_view tail = value.size() > kTurnBytes ? value.substr(value.size() - kTurnBytes)
                                                      : value;
    array.turns.emplace_back(tail);
    return true;
  }

  // A transcript in one string: at least two lines that read as turns.
  static bool IsTranscriptText(std::string_view value) {
    // A transcript flattened into one string (Deepgram's "transcript"): a
    // question and sentences after it.
    if (value.find('\n') == std::string_view::npos) {
      size_t q = value.find("? ");
      return value.size() >= 80 && q != std::string_view::npos && q + 2 < value.size();
    }
    int turns = 0;
    size_t pos = 0;
    for (int line = 0; line < 6 && pos < value.size(); ++line) {
      size_t nl = value.find('\n', pos);
      if (nl == std::string_view::npos) nl = value.size();
      if (LooksLikeTurn(value.substr(pos, nl - pos)) && ++turns >= 2) return true;
      pos = nl + 1;
    }
    return false;
  }

  static bool IsAlnumAscii(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // Case-insensitive (ASCII) search for `needle` in `hay` from `from`.
  static size_t FindCaseless(std::string_view hay, std::string_view needle,
                             size_t from) {
    if (needle.empty() || needle.size() > hay.size()) return std::string_view::npos;
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
      size_t k = 0;
      while (k < needle.size() && lower(hay[i + k]) == lower(needle[k])) ++k;
      if (k == needle.size()) return i;
    }
    return std::string_view::npos;
  }

  // After the candidate pass: locates each group's words in its transcript,
  // gives the words inside a span the span's replacement and the span's
  // finding their audio times; queues words it cannot place.
  void ResolveGroups() {
    Level& lv = *lv_;
    for (AlignGroup& g : lv.groups) {
      if (!lv.docs[g.doc].status.ok()) continue;
      doc_index_ = g.doc;
      std::sort(g.words.begin(), g.words.end(),
                [](const AlignWord& a, const AlignWord& b) { return a.index < b.index; });
      std::vector<std::pair<size_t, size_t>> range(g.words.size(),
                                                   {std::string_view::npos, 0});
      // A word is placed near the cursor; further on only when the word
      // after it follows it there (text the words do not have, a speaker's
      // label), never a mark or a word the transcript does not have that
      // would jump over the words after it.
      auto find = [&](size_t w, size_t from, size_t* len) {
        size_t best = std::string_view::npos;
        for (const WordText& t : g.words[w].texts) {
          size_t at = FindCaseless(g.transcript, t.text, from);
          if (at < best) {
            best = at;
            *len = t.text.size();
          }
        }
        return best;
      };
      constexpr size_t kNear = 32;
      size_t cursor = 0;
      for (size_t w = 0; w < g.words.size(); ++w) {
        if (!g.has_transcript) break;
        size_t len = 0;
        size_t best = find(w, cursor, &len);
        if (best == std::string_view::npos) continue;
        bool word = false;
        for (const WordText& t : g.words[w].texts) {
          for (char c : t.text) word |= IsAlnumAscii(c);
        }
        // (A mark right where the cursor is, or none: "," is everywhere.)
        if (!word && best > cursor + 1) continue;
        if (best > cursor + kNear && cursor > 0) {
          size_t next_len = 0;
          size_t next = w + 1 < g.words.size() ? find(w + 1, best + len, &next_len)
                                                : std::string_view::npos;
          if (next == std::string_view::npos || next > best + len + kNear) continue;
        }
        range[w] = {best, best + len};
        cursor = best + len;
      }
      for (size_t w = 0; w < g.words.size(); ++w) {
        if (range[w].first != std::string_view::npos) continue;
        // Between two placed words of one span ("twentyone" where the
        // transcript says "twenty one"): a part of that value.
        size_t before = w, after = w + 1;
        while (before > 0 && range[before - 1].first == std::string_view::npos) --before;
        while (after < g.words.size() && range[after].first == std::string_view::npos) ++after;
        const Span* inside = nullptr;
        if (before > 0 && after < g.words.size()) {
          for (const Span& sp : g.spans) {
            if (range[before - 1].first >= sp.start && range[before - 1].second <= sp.end &&
                range[after].first >= sp.start && range[after].second <= sp.end) {
              inside = &sp;
            }
          }
        }
        for (const WordText& t : g.words[w].texts) {
          if (inside != nullptr) {
            lv.tmp.clear();
            state_.scanner.RenderWhole(inside->entity, t.text, &lv.tmp);
            AddRewrite(g.doc, t.begin, t.end, lv.tmp);
          } else {
            Queue(t.begin, t.end, t.text, "word", t.path, -1);
          }
        }
      }
      for (size_t s = 0; s < g.spans.size(); ++s) {
        const Span& sp = g.spans[s];
        double start = -1, end = -1;
        for (size_t w = 0; w < g.words.size(); ++w) {
          if (range[w].first == std::string_view::npos ||
              range[w].first >= sp.end || range[w].second <= sp.start) {
            continue;
          }
          const AlignWord& word = g.words[w];
          for (const WordText& t : word.texts) {
            lv.tmp.clear();
            state_.scanner.RenderWhole(sp.entity, t.text, &lv.tmp);
            AddRewrite(g.doc, t.begin, t.end, lv.tmp);
          }
          if (word.start >= 0 && (start < 0 || word.start < start)) start = word.start;
          if (word.end >= 0 && word.end > end) end = word.end;
        }
        if (s < g.findings.size()) {
          lv.found[g.findings[s]].audio_start = start;
          lv.found[g.findings[s]].audio_end = end;
        }
      }
    }
  }

  // JSON inside a string: redacted by the next level; *handled is false when
  // it does not parse (the caller scans it as text).
  Status TryNested(size_t begin, size_t end, std::string_view value,
                   bool* handled) {
    // Levels live on the heap: growing state_.levels keeps lv_ valid.
    LevelRunner inner(*rules_, state_, depth_ + 1);
    Level& lv = *lv_;
    lv.inner_out.clear();
    lv.inner_findings.clear();
    inner.Begin(lv.paths);
    inner.Add(value);
    inner.Finish(&lv.inner_out, &lv.inner_findings, &lv.inner_items);
    const Status& st = lv.inner_items[0].status;
    if (st.code() == ErrorCode::kMalformed) return Status::Ok();
    if (!st.ok()) return st;
    *handled = true;
    if (lv.inner_out != value) AddRewrite(doc_index_, begin, end, lv.inner_out);
    for (auto& f : lv.inner_findings) {
      if (lv.paths) f.path.insert(0, lv.path + "|");
      f.token = begin;
      lv.found.push_back(std::move(f));
      lv.found_doc.push_back(doc_index_);
    }
    return Status::Ok();
  }

  Status OnScalar(size_t begin, size_t end, const ValueRule& r) {
    std::string_view token = doc_.substr(begin, end - begin);
    if (!rules_->alignments.empty() && r.action != Action::kRedact) {
      int alignment = -1;
      Role role = AlignmentRole(&alignment);
      if (role == Role::kStart || role == Role::kEnd) {
        NoteTime(role, alignment, token);
        return Status::Ok();
      }
    }
    if (r.action == Action::kSkip) return Status::Ok();
    if (r.action == Action::kRedact) {
      if (token != "null") RedactWhole(begin, end, token, r);
      return Status::Ok();
    }
    // A number is scanned as its digits with the key as context, like a
    // string: `"patient_ssn":123456789` is an SSN. A span turns the number
    // into a JSON string ("[US_SSN]").
    if (IsIdentifierNumber(token)) {
      Queue(begin, end, token, ContextKey(), lv_->path, -1);
      if (lv_->block.size() >= kBlockFlush) return Flush();
    }
    return Status::Ok();
  }

  // Runs the candidate pass over the queued strings (of every document so
  // far) and renders those with findings. On failure every document with a
  // queued string is marked failed.
  Status Flush() {
    Level& lv = *lv_;
    if (lv.pending.empty()) return Status::Ok();
    Status st = Scan();
    if (!st.ok()) {
      for (const Pending& p : lv.pending) {
        if (lv.docs[p.doc].status.ok()) lv.docs[p.doc].status = st;
      }
    }
    lv.block.clear();
    lv.pending.clear();
    lv.pending_paths.clear();
    pending_mark_ = block_mark_ = paths_mark_ = 0;
    return st;
  }

  Status Scan() {
    Level& lv = *lv_;
    Scanner& scanner = state_.scanner;
    Status st = scanner.FindCandidates(lv.block, &lv.cands);
    if (!st.ok()) return st;
    internal::SortByEnd(&lv.cands);
    size_t ci = 0;
    for (const Pending& p : lv.pending) {
      const uint32_t lo = p.seg_begin, hi = p.seg_end;
      while (ci < lv.cands.size() && lv.cands[ci].end <= lo) ++ci;
      lv.unit_cands.clear();
      while (ci < lv.cands.size() && lv.cands[ci].end <= hi) {
        lv.unit_cands.push_back({lv.cands[ci].rule, lv.cands[ci].end - lo, lv.cands[ci].length});
        ++ci;
      }
      std::string_view seg = std::string_view(lv.block).substr(lo, hi - lo);
      const uint32_t value_end = static_cast<uint32_t>(seg.size() - p.tail);
      lv.kept.clear();
      if (p.conversation || p.turns_end > p.turns_begin) {
        // A turn (or a whole transcript) is scanned on its own, with what the
        // turns before it asked for.
        std::string_view value = seg.substr(p.shift, value_end - p.shift);
        if (p.conversation) {
          st = scanner.ScanConversation(value, &lv.kept);
        } else {
          std::string_view previous =
              std::string_view(lv.turns).substr(p.turns_begin, p.turns_end - p.turns_begin);
          st = scanner.ScanTurn(previous, value, &lv.kept);
        }
        if (!st.ok()) return st;
      } else {
        if (lv.unit_cands.empty() && !scanner.ScansEveryRecord() &&
            !Scanner::NeedsViews(seg)) {
          continue;
        }
        lv.tmp.clear();
        st = scanner.RedactCandidates(seg, &lv.unit_cands, &lv.tmp, &lv.spans);
        if (!st.ok()) return st;
        // Spans in the context itself are not in the value (as ScanWithContext).
        for (Span sp : lv.spans) {
          if (sp.start < p.shift || sp.start >= value_end) continue;
          sp.end = std::min(sp.end, value_end);
          sp.start -= p.shift;
          sp.end -= p.shift;
          lv.kept.push_back(sp);
        }
      }
      if (lv.kept.empty()) continue;
      std::string_view value = seg.substr(p.shift, value_end - p.shift);
      lv.tmp.clear();
      scanner.RenderSpans(value, lv.kept, &lv.tmp);
      AddRewrite(p.doc, p.begin, p.end, lv.tmp);
      std::string_view path = std::string_view(lv.pending_paths)
                                  .substr(p.path_begin, p.path_end - p.path_begin);
      AlignGroup* group = p.group >= 0 ? &lv.groups[p.group] : nullptr;
      if (group) group->spans = lv.kept;
      for (const Span& sp : lv.kept) {
        if (group) group->findings.push_back(static_cast<uint32_t>(lv.found.size()));
        AddFinding(p.doc, path, p.begin, sp, -1);
      }
    }
    return Status::Ok();
  }

  void SetKeySegment(Frame& f) {
    if (!lv_->paths) return;
    std::string& path = lv_->path;
    path.resize(f.path_mark);
    std::string_view key = Key(f.key_begin, f.key_end);
    path.push_back('.');
    if (PrintableKey(key)) {
      path.append(key);
    } else {
      path.push_back('*');
    }
  }

  void SetIndexSegment(Frame& f) {
    if (!lv_->paths) return;
    std::string& path = lv_->path;
    path.resize(f.path_mark);
    char buf[24];
    char* e = buf + sizeof buf;
    char* p = e;
    *--p = ']';
    uint64_t v = f.index;
    do {
      *--p = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    *--p = '[';
    path.append(p, static_cast<size_t>(e - p));
  }

  Status Walk() {
    Level& lv = *lv_;
    const size_t n = doc_.size();
    lv.frames.clear();
    lv.keys.clear();
    lv.path.clear();
    if (lv.paths) lv.path.assign("$");
    i_ = 0;
    Expect expect = Expect::kValue;
    while (true) {
      SkipWs();
      if (expect == Expect::kValue) {
        if (i_ >= n) return Bug("value expected");
        ValueRule r = Resolve();
        char c = doc_[i_];
        if (c == '{' || c == '[') {
          std::string_view ctx = ContextKey();
          Frame& f = lv.frames.emplace_back();
          f.object = c == '{';
          f.rule = r;
          if (!f.object && !ctx.empty()) {
            f.ctx_begin = static_cast<uint32_t>(ctx.data() - lv.keys.data());
            f.ctx_end = static_cast<uint32_t>(f.ctx_begin + ctx.size());
          }
          f.keys_mark = static_cast<uint32_t>(lv.keys.size());
          f.path_mark = static_cast<uint32_t>(lv.path.size());
          f.open = static_cast<uint32_t>(i_);
          ++i_;
          SkipWs();
          if (i_ < n && doc_[i_] == (f.object ? '}' : ']')) {
            ++i_;
            lv.frames.pop_back();
            expect = Expect::kAfterValue;
          } else if (f.object) {
            expect = Expect::kKey;
          } else {
            SetIndexSegment(f);
          }
          continue;
        }
        if (c == '"') {
          bool escaped = false;
          size_t end = internal::JsonStringToken(doc_, i_, &escaped);
          if (end == std::string_view::npos) return Bug("unterminated string");
          Status st = OnString(i_, end, escaped, r);
          if (!st.ok()) return st;
          i_ = end;
        } else {
          size_t j = i_;
          while (j < n && !IsScalarEnd(doc_[j])) ++j;
          Status st = OnScalar(i_, j, r);
          if (!st.ok()) return st;
          i_ = j;
        }
        expect = Expect::kAfterValue;
        continue;
      }
      if (expect == Expect::kAfterValue) {
        if (lv.frames.empty()) {
          if (i_ != n) return Bug("bytes after the document");
          return Status::Ok();
        }
        if (i_ >= n) return Bug("unterminated container");
        Frame& f = lv.frames.back();
        char c = doc_[i_++];
        if (c == ',') {
          if (f.object) {
            expect = Expect::kKey;
          } else {
            ++f.index;
            SetIndexSegment(f);
            expect = Expect::kValue;
          }
        } else if (c == (f.object ? '}' : ']')) {
          lv.keys.resize(f.keys_mark);
          if (lv.paths) lv.path.resize(f.path_mark);
          lv.frames.pop_back();
        } else {
          return Bug("unexpected byte after a value");
        }
        continue;
      }
      // Expect::kKey
      if (i_ >= n || doc_[i_] != '"') return Bug("key expected");
      bool escaped = false;
      size_t end = internal::JsonStringToken(doc_, i_, &escaped);
      if (end == std::string_view::npos) return Bug("unterminated key");
      Frame& f = lv.frames.back();
      lv.keys.resize(f.keys_mark);
      std::string_view content = doc_.substr(i_ + 1, end - i_ - 2);
      if (!escaped) {
        lv.keys.append(content);
      } else if (!internal::DecodeJsonString(content, &lv.keys)) {
        return Bug("bad escape in a validated key");
      }
      f.key_begin = f.keys_mark;
      f.key_end = static_cast<uint32_t>(lv.keys.size());
      SetKeySegment(f);
      i_ = end;
      SkipWs();
      if (i_ >= n || doc_[i_] != ':') return Bug("':' expected");
      ++i_;
      expect = Expect::kValue;
    }
  }

  const JsonRules::Impl* rules_;  // per document when profiles are detected
  JsonRedactor::State& state_;
  int depth_;
  Level* lv_ = nullptr;
  std::string_view doc_;
  uint32_t doc_index_ = 0;
  size_t i_ = 0;
  size_t pending_mark_ = 0;
  size_t block_mark_ = 0;
  size_t paths_mark_ = 0;
};

}  // namespace

JsonRedactor::JsonRedactor(std::shared_ptr<const JsonRules> rules)
    : rules_(std::move(rules)),
      state_(std::make_unique<State>(rules_->ruleset())) {}

JsonRedactor::~JsonRedactor() = default;

Status JsonRedactor::Redact(std::string_view json, std::string* out,
                            std::vector<JsonFinding>* findings,
                            bool with_paths) {
  if (findings) findings->clear();
  BeginBatch(with_paths && findings != nullptr);
  AddToBatch(json);
  FinishBatch(out, findings, &items_);
  return items_[0].status;
}

void JsonRedactor::BeginBatch(bool with_paths) {
  assert(!state_->in_use && "JsonRedactor used from two threads at once");
  state_->in_use = true;
  state_->in_batch = true;
  LevelRunner(rules_->impl(), *state_, 0).Begin(with_paths);
}

void JsonRedactor::AddToBatch(std::string_view json) {
  assert(state_->in_batch);
  LevelRunner(rules_->impl(), *state_, 0).Add(json);
}

void JsonRedactor::FinishBatch(std::string* out,
                               std::vector<JsonFinding>* findings,
                               std::vector<BatchItem>* items) {
  assert(state_->in_batch);
  LevelRunner(rules_->impl(), *state_, 0).Finish(out, findings, items);
  state_->in_batch = false;
  state_->in_use = false;
}

}  // namespace phiscrub
