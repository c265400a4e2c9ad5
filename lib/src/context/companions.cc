#include "context/companions.h"

#include <algorithm>
#include <string>

#include "validate/validators.h"

namespace phiscrub::internal {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool TokenChar(char c) { return Digit(c) || Letter(c) || c == '-'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// What may stand right before a token: a field separator or the start.
bool OpensField(char c) {
  return c == ' ' || c == '\t' || c == ',' || c == '(' || c == '[' || c == '{' || c == '\'' ||
         c == '"' || c == '|' || c == ';' || c == '=' || c == ':' || c == '#' || c == '<' ||
         c == '>';
}

// Words that say what the number after them is (not a person's id).
bool NamesOtherThingWord(std::string_view w);

// The word, its last '_' part ("queue_depth") and their singulars
// ("retries", "attempts").
bool NamesOtherThing(std::string_view w) {
  auto one = [](std::string_view x) {
    if (x.empty()) return false;
    if (NamesOtherThingWord(x)) return true;
    if (x.size() > 4 && x.substr(x.size() - 3) == "ies") {
      return NamesOtherThingWord(std::string(x.substr(0, x.size() - 3)) + "y");
    }
    return x.size() > 3 && x.back() == 's' && NamesOtherThingWord(x.substr(0, x.size() - 1));
  };
  size_t us = w.rfind('_');
  return one(w) || (us != std::string_view::npos && one(w.substr(us + 1)));
}

bool NamesOtherThingWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "order",   "invoice",  "request", "req",      "trace",   "span",    "txn",
      "transaction", "pid",  "port",    "tid",      "thread",  "build",   "version",
      "ticket",  "job",      "batch",   "rows",     "bytes",   "took",    "line",
      "code",    "status",   "error",   "http",     "size",    "count",   "total",
      "amount",  "usd",      "confirmation", "tracking", "ref", "reference", "session",
      "sid",     "seq",      "offset",  "duration", "elapsed", "latency", "timeout",
      "retry",   "attempt",  "shard",   "partition", "page",   "limit",   "build",
      "commit",  "sha",      "hash",    "checksum", "crc",     "lot",     "ndc",
      "rx",      "claim",    "case",    "inv",      "po",      "sku",     "item",
      "qty",     "quantity", "pkg",     "package",  "container", "pod",   "node",
      "host",    "ip",       "uuid",    "guid",     "msgid",   "message", "event",
      "correlation", "cid",  "rid",     "xid",      "epoch",   "ts",      "time",
      "timestamp", "date",   "year",    "estimate", "balance", "fee",     "price",
      "cost",    "charge",   "paid",    "due",      "ms",      "sec",     "seconds",
      "rxbin",   "bin",      "pcn",     "rxpcn",    "grp",     "group",   "supplies",
      "pid",     "process",  "worker",  "queue",    "release", "control", "icn",
      "dcn",     "tcn",      "interchange", "envelope", "authorization", "auth", "referral",
      "voucher", "coupon",   "promo",   "receipt",  "shipment", "delivery", "tracking",
      "depth",   "hit",      "took",    "latency",  "len",     "length",  "chunk",
      "conf",    "confirm",  "booking", "reservation", "locator", "pnr",
      "rec",     "msg",      "frame",   "packet",   "chunk",   "step",
      // A staff member's number, not the patient's: "employee 4471", "badge
      // 220931" (and "interpreter ID number 569417": OtherThingBefore).
      "employee", "badge"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool Unit(std::string_view w) {
  static constexpr std::string_view kUnits[] = {"ms", "s", "sec", "secs", "seconds", "ns", "us",
                                                "bytes", "b", "kb", "mb", "gb", "px", "mg",
                                                "ml", "rows", "records", "items", "times",
                                                "usd", "dollars", "%"};
  for (std::string_view k : kUnits) {
    if (w == k) return true;
  }
  return false;
}

// The lower-cased word ending at or before `pos` (skipping separators), and
// where it starts.
std::string WordBefore(std::string_view t, size_t pos, size_t* start) {
  size_t e = pos;
  while (e > 0 && !Letter(t[e - 1]) && !Digit(t[e - 1]) && t[e - 1] != '$' &&
         pos - e < 4) {
    --e;
  }
  if (e > 0 && t[e - 1] == '$') {
    *start = e - 1;
    return "$";
  }
  size_t b = e;
  while (b > 0 && (Letter(t[b - 1]) || t[b - 1] == '_')) --b;
  *start = b;
  std::string w;
  for (size_t i = b; i < e; ++i) w.push_back(Lower(t[i]));
  // "request_id", "trace_id": the word before the id suffix.
  size_t us = w.rfind('_');
  if (us != std::string::npos && us > 0) {
    std::string tail = w.substr(us + 1);
    if (tail == "id" || tail == "no" || tail == "num" || tail == "number") w.resize(us);
  }
  return w;
}

// Six digits that read as a date (yymmdd, mmddyy, ddmmyy, yyyymm) or a time
// of day (hhmmss).
bool SixDigitsReadAsDateOrTime(std::string_view d) {
  auto num = [&](size_t at) { return (d[at] - '0') * 10 + (d[at + 1] - '0'); };
  const int a = num(0), b = num(2), c = num(4);
  auto month = [](int m) { return m >= 1 && m <= 12; };
  auto day = [](int v) { return v >= 1 && v <= 31; };
  if ((month(b) && day(c)) || (month(a) && day(b)) || (day(a) && month(b))) return true;
  if (a < 24 && b < 60 && c < 60) return true;
  const int year = a * 100 + b;
  return year >= 1900 && year <= 2099 && month(c);
}

bool Shape(std::string_view tok) {
  size_t n = tok.size();
  // A payer's member id of capitals and digits mixed ("7WGAAEEKYCA",
  // "QUCATZ40RBA"): 9-12 of them, a digit, four letters, one of them no hex
  // digit (never an upper-case hash).
  if (n >= 9 && n <= 12) {
    size_t upper = 0, digits = 0, beyond_hex = 0;
    for (char c : tok) {
      if (c >= 'A' && c <= 'Z') {
        ++upper;
        beyond_hex += c > 'F' ? 1 : 0;
      } else if (Digit(c)) {
        ++digits;
      }
    }
    if (upper + digits == n && digits >= 1 && upper >= 4 && beyond_hex >= 1 &&
        !(Digit(tok[0]) && digits >= 5)) {
      return true;
    }
  }
  size_t letters = 0;
  while (letters < n && Letter(tok[letters])) ++letters;
  std::string_view rest = tok.substr(letters);
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) {
    for (char c : rest) {
      if (!Digit(c)) return false;
    }
    if (letters == 0) {
      // Six digits are as often a date or a time (yymmdd, hhmmss) as an id:
      // only those that no date or time reads.
      if (n < 6 || n > 12) return false;
      if (n == 6 && SixDigitsReadAsDateOrTime(tok)) return false;
      // ("rec 000997": a counter padded with zeros.)
      if (n == 6 && tok[0] == '0' && tok[1] == '0') return false;
      // Epoch seconds (2001-2033) or milliseconds, a date as YYYYMMDD.
      if (n == 10 && tok[0] == '1') return false;
      if (n >= 12 && tok[0] == '1') return false;
      if (n == 8 && (tok.substr(0, 2) == "19" || tok.substr(0, 2) == "20")) return false;
      bool same = true;
      for (char c : tok) same = same && c == tok[0];
      return !same;
    }
    return letters <= 3 && rest.size() >= 6 && rest.size() <= 11;
  }
  auto all_digits = [](std::string_view s) {
    for (char c : s) {
      if (!Digit(c)) return false;
    }
    return !s.empty();
  };
  const size_t dash2 = rest.find('-', dash + 1);
  if (dash2 != std::string_view::npos) {
    // Three groups: letters, then two groups of 3-5 digits ("B-4219-7494");
    // or 2-2-4 digits that no date reads ("58-97-3414"; never "12-25-2024").
    std::string_view a = rest.substr(0, dash), b = rest.substr(dash + 1, dash2 - dash - 1),
                     c = rest.substr(dash2 + 1);
    if (!all_digits(b) || !all_digits(c) || c.find('-') != std::string_view::npos) return false;
    if (letters > 0) {
      // (Never a year in it: "INV-2024-44597" is a document number.)
      bool year = b.size() == 4 && (b.substr(0, 2) == "19" || b.substr(0, 2) == "20");
      return a.empty() && letters <= 2 && !year && b.size() >= 3 && b.size() <= 5 &&
             c.size() >= 3 && c.size() <= 5;
    }
    if (!all_digits(a) || a.size() != 2 || b.size() != 2 || c.size() != 4) return false;
    int x = (a[0] - '0') * 10 + (a[1] - '0'), y = (b[0] - '0') * 10 + (b[1] - '0');
    return !((x >= 1 && x <= 12 && y >= 1 && y <= 31) || (y >= 1 && y <= 12 && x >= 1 && x <= 31));
  }
  if (letters > 0) return false;
  std::string_view a = rest.substr(0, dash), b = rest.substr(dash + 1);
  // A subscriber's number and a member's suffix ("792066432-01").
  if (a.size() == 9 && b.size() == 2 && all_digits(a) && all_digits(b)) return true;
  if (a.size() < 2 || a.size() > 4 || b.size() < 5 || b.size() > 8) return false;
  for (char c : a) {
    if (!Digit(c)) return false;
  }
  for (char c : b) {
    if (!Digit(c)) return false;
  }
  return true;
}

// HL7 v2 or X12 segments ("PID|", "IN1|", "NM1*"): their fields say what
// they hold, and the segment detector reads them.
bool HasSegments(std::string_view t) {
  auto upper_or_digit = [](char c) { return (c >= 'A' && c <= 'Z') || Digit(c); };
  for (size_t i = 0; i + 3 <= t.size(); ++i) {
    if (t[i] < 'A' || t[i] > 'Z') continue;
    if (i > 0 && (Letter(t[i - 1]) || Digit(t[i - 1]))) continue;
    // HL7: three characters and '|' ("PID|", "IN1|"); X12: two or three and
    // '*' ("ST*", "NM1*", "ISA*").
    if (i + 3 < t.size() && upper_or_digit(t[i + 1]) && upper_or_digit(t[i + 2]) &&
        (t[i + 3] == '|' || t[i + 3] == '*')) {
      return true;
    }
    if (upper_or_digit(t[i + 1]) && t[i + 2] == '*' && i + 3 < t.size() &&
        upper_or_digit(t[i + 3])) {
      return true;
    }
  }
  return false;
}

// An access log line ("GET /x HTTP/1.1" 200 2326): its bare numbers are
// status, sizes and times.
bool AccessLog(std::string_view t) {
  size_t h = t.find("HTTP/");
  return h != std::string_view::npos && h + 6 < t.size() && Digit(t[h + 5]);
}

// The words before `pos` (up to six, lower-cased, newest first), stopping at
// a number or at punctuation that ends a phrase (a comma is a pause: "I
// placed the order, number B545002").
bool OtherThingBefore(std::string_view t, size_t pos) {
  size_t p = pos;
  // (Eight words: "reference number for today's call is C1806 ...".)
  for (int words = 0; words < 8; ++words) {
    while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '#' || t[p - 1] == '=' || t[p - 1] == '_' ||
                     t[p - 1] == '"' || t[p - 1] == '\'' || t[p - 1] == ':' || t[p - 1] == '-' ||
                     t[p - 1] == ',')) {
      if (t[p - 1] == ':' && words > 0) return false;  // "row: X": a label ends the phrase
      --p;
    }
    if (p == 0) return false;
    if (t[p - 1] == '$') return true;
    if (!Letter(t[p - 1])) return false;
    size_t b = p;
    while (b > 0 && Letter(t[b - 1])) --b;
    std::string w;
    for (size_t i = b; i < p; ++i) w.push_back(Lower(t[i]));
    if (NamesOtherThing(w)) return true;
    // ("interpreter ID number 569417", "operator number 4471": a staff
    // member's number; never the word right before the number, which may be
    // a speaker's label: "Interpreter: 569417".)
    if (words > 0 && (w == "interpreter" || w == "operator")) return true;
    // "request_id", "trace-id": the word before the id suffix counts.
    p = b;
  }
  return false;
}

// An HTTP status before the number: an access log's byte count.
bool AfterHttpStatus(std::string_view t, size_t pos) {
  size_t p = pos;
  while (p > 0 && t[p - 1] == ' ') --p;
  if (p < 4 || !Digit(t[p - 1]) || !Digit(t[p - 2]) || t[p - 3] < '1' || t[p - 3] > '5') {
    return false;
  }
  return t[p - 4] == ' ';
}

// A field of a pipe-delimited log header ("20171223-22:15:59:849|Step|
// 30002312|..."): among the first three fields of a line that starts with a
// digit.
bool InPipeHeader(std::string_view t, size_t b, size_t e) {
  if (b == 0 || t[b - 1] != '|' || e >= t.size() || t[e] != '|') return false;
  // The header's first fields lie within the first bytes of the record:
  // never look further (a long record with many fields stays linear).
  constexpr size_t kHeaderBytes = 256;
  if (b > kHeaderBytes) return false;
  size_t start = 0;
  while (start < b && (t[start] == ' ' || t[start] == '"' || t[start] == '{')) ++start;
  size_t colon = t.substr(0, b).find("\":\"", start);  // {"log":"2017...|...
  if (colon != std::string_view::npos) start = colon + 3;
  if (start >= b || !Digit(t[start])) return false;
  size_t pipes = 0;
  for (size_t i = start; i < b && pipes <= 2; ++i) pipes += t[i] == '|';
  return pipes <= 2;
}

// A value of a SQL statement's bind parameters, as database drivers log
// them: Postgres "DETAIL:  parameters: $1 = 'Reyes', $2 = '7082'", a
// Python tuple ("('Reyes', '7082', 12)", SQLAlchemy, psycopg), Hibernate's
// "binding parameter [2] as [VARCHAR] - [7082]". [b, e) is the value inside
// its quotes or brackets.
bool BindValue(std::string_view t, size_t b, size_t e) {
  if (b == 0 || e >= t.size()) return false;
  if (t[b - 1] == '[' && t[e] == ']') {
    // "binding parameter [2] as [VARCHAR] - [7082]"
    if (b < 5 || t.compare(b - 5, 4, "] - ") != 0) return false;
    size_t lo = b > 128 ? b - 128 : 0;
    return t.substr(lo, b - lo).find("binding parameter [") != std::string_view::npos;
  }
  if (t[b - 1] != '\'' || t[e] != '\'') return false;
  size_t p = b - 1;
  while (p > 0 && t[p - 1] == ' ') --p;
  if (p > 0 && t[p - 1] == '=') {
    --p;
    while (p > 0 && t[p - 1] == ' ') --p;
    size_t d = p;
    while (p > 0 && Digit(t[p - 1])) --p;
    return d > p && p > 0 && t[p - 1] == '$';
  }
  if (p > 0 && t[p - 1] == '(') return true;
  if (p == 0 || t[p - 1] != ',') return false;
  // Inside a tuple that opens with a quoted value, on this line.
  size_t lo = p > 512 ? p - 512 : 0;
  for (size_t k = p; k > lo; --k) {
    char c = t[k - 1];
    if (c == ')' || c == '\n' || c == '=' || c == '[' || c == '{') return false;
    if (c == '(') return k < t.size() && t[k] == '\'';
  }
  return false;
}

// A bind parameter's value that is an identifier in a person's row though
// no companion shape reads it: the last four digits of an SSN (never a
// year), a valid NPI.
bool BindId(std::string_view tok) {
  for (char c : tok) {
    if (!Digit(c)) return false;
  }
  if (tok.size() == 4) {
    int y = (tok[0] - '0') * 1000 + (tok[1] - '0') * 100 + (tok[2] - '0') * 10 + (tok[3] - '0');
    return !(y >= 1900 && y <= 2099);
  }
  // (Epoch-like numbers too: a statement's parameters are typed, its
  // timestamps are no bare digits.)
  return tok.size() >= 7 && tok.size() <= 12;
}

// Whether a command-line option for a ZIP code stands right before t[b]:
// " -z ", " --zip ", " --zip=", " --zipcode ", " --postal-code ".
bool ZipOptionBefore(std::string_view t, size_t b) {
  size_t p = b;
  if (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '=')) {
    --p;
  } else {
    return false;
  }
  for (std::string_view opt : {" -z", " --zip", " --zipcode", " --zip-code", " --postal-code",
                               " --postcode"}) {
    if (p >= opt.size() && t.compare(p - opt.size(), opt.size(), opt) == 0) {
      return opt != " -z" || t[b - 1] == ' ';
    }
  }
  return false;
}

}  // namespace

void FindCompanionIds(std::string_view t, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  if (HasSegments(t)) return;
  const bool access_log = AccessLog(t);
  size_t i = 0;
  while (i < t.size()) {
    if (!TokenChar(t[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < t.size() && TokenChar(t[i])) ++i;
    size_t e = i;
    if (b > 0 && !OpensField(t[b - 1])) continue;
    // What follows: a separator, the end, or a full stop that ends a
    // sentence (never a decimal point, a path, an address or a version).
    if (e < t.size()) {
      char c = t[e];
      bool ok = c == ' ' || c == '\t' || c == ',' || c == ')' || c == ']' || c == '}' ||
                c == '\'' || c == '"' || c == '|' || c == ';' || c == '<' || c == '>' ||
                c == '\r' || c == '\n';
      if ((c == '.' || c == ':') && (e + 1 == t.size() || t[e + 1] == ' ')) ok = true;
      if (!ok) continue;
    }
    std::string_view tok = t.substr(b, e - b);
    if (!Shape(tok) && !(BindValue(t, b, e) && BindId(tok))) continue;
    if (access_log && Digit(tok[0]) && tok.find('-') == std::string_view::npos) continue;
    size_t ws;
    std::string before = WordBefore(t, b, &ws);
    if (before == "$" || NamesOtherThing(before) || OtherThingBefore(t, b) ||
        AfterHttpStatus(t, b) || InPipeHeader(t, b, e)) {
      continue;
    }
    // A unit after the number.
    size_t a = e;
    while (a < t.size() && t[a] == ' ' && a - e < 2) ++a;
    size_t ae = a;
    while (ae < t.size() && (Letter(t[ae]) || t[ae] == '%')) ++ae;
    std::string unit;
    for (size_t k = a; k < ae; ++k) unit.push_back(Lower(t[k]));
    if (ae > a && Unit(unit)) continue;
    out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
}

void FindCompanionZips(std::string_view t, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  if (HasSegments(t)) return;
  size_t counted_line = std::string_view::npos;
  char counted_delim = 0;
  int counted_fields = 0;
  size_t scanned = 0, line_start = 0;  // tokens come in order: lines found once
  auto delim = [](char c) { return c == ',' || c == '|' || c == '\t' || c == ';'; };
  size_t i = 0;
  while (i < t.size()) {
    if (!Digit(t[i]) || (i > 0 && (Digit(t[i - 1]) || Letter(t[i - 1]) || t[i - 1] == '-' ||
                                   t[i - 1] == '.' || t[i - 1] == '/' || t[i - 1] == ':'))) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < t.size() && Digit(t[i])) ++i;
    size_t e = i;
    if (e - b != 5) continue;
    bool plus4 = e + 5 <= t.size() && t[e] == '-' && Digit(t[e + 1]) && Digit(t[e + 2]) &&
                 Digit(t[e + 3]) && Digit(t[e + 4]) && (e + 5 == t.size() || !(Digit(t[e + 5]) ||
                                                        Letter(t[e + 5]) || t[e + 5] == '-'));
    size_t end = plus4 ? e + 5 : e;
    i = end;
    if (!plus4 && end < t.size() && (Letter(t[end]) || Digit(t[end]) || t[end] == '-' ||
                                     t[end] == '.' || t[end] == ':' || t[end] == '/')) {
      continue;
    }
    // A statement's bind parameter in a person's record ("$3 = '84686'"),
    // or a command line's ZIP option ("export.py -z 84401 --acct ...").
    if (BindValue(t, b, end) || ZipOptionBefore(t, b)) {
      out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(end));
      continue;
    }
    // A whole field: quotes, then a delimiter (or the line's edge), on both
    // sides.
    size_t l = b, r = end;
    if (l > 0 && (t[l - 1] == '"' || t[l - 1] == '\'')) --l;
    if (r < t.size() && (t[r] == '"' || t[r] == '\'')) ++r;
    while (l > 0 && t[l - 1] == ' ') --l;
    while (r < t.size() && t[r] == ' ') ++r;
    // ('[' opens an array, never a process id: "postfix/smtp[48475]:".)
    // (A JSON string's whole value is read as "key: value".)
    bool left = l == 0 || delim(t[l - 1]) || (t[l - 1] == ':' && r == t.size() && plus4) ||
                (t[l - 1] == '[' && (l < 2 || !(Letter(t[l - 2]) || Digit(t[l - 2]))));
    bool right = r == t.size() || delim(t[r]) || t[r] == ']' || t[r] == '\n';
    if (!left || !right || InPipeHeader(t, b, end)) continue;
    if (l > 0 && t[l - 1] == '[' && r < t.size() && t[r] == ']') continue;  // "UTC [24978] LOG:"
    if (t[l > 0 ? l - 1 : 0] == '=' ) continue;
    size_t ws;
    std::string before = WordBefore(t, l, &ws);
    if (NamesOtherThing(before) || OtherThingBefore(t, l)) continue;
    if (!plus4) {
      // Five digits alone: only in a row of four fields or more on its line
      // (delimiters counted once per line and delimiter: linear in the text).
      for (; scanned < b; ++scanned) {
        if (t[scanned] == '\n') line_start = scanned + 1;
      }
      const size_t ls = line_start;
      char d = l > 0 ? t[l - 1] : (r < t.size() ? t[r] : ',');
      if (d == '[') d = ',';
      if (ls != counted_line || d != counted_delim) {
        size_t le = t.find('\n', end);
        if (le == std::string_view::npos) le = t.size();
        counted_fields = 1;
        for (size_t k = ls; k < le; ++k) counted_fields += t[k] == d;
        counted_line = ls;
        counted_delim = d;
      }
      if (counted_fields < 4) continue;
    }
    out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(end));
  }
}

void FindCompanionDates(std::string_view t, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (!Digit(t[i]) || (i > 0 && (Digit(t[i - 1]) || Letter(t[i - 1])))) continue;
    // d{1,2} sep d{1,2} sep dd, one separator repeated.
    size_t p = i, b = i;
    auto digits = [&](size_t min, size_t max) {
      size_t q = p;
      while (q < t.size() && Digit(t[q]) && q - p < max + 1) ++q;
      if (q - p < min || q - p > max) return false;
      p = q;
      return true;
    };
    if (!digits(1, 2) || p >= t.size()) continue;
    char sep = t[p];
    if (sep != '/' && sep != '-' && sep != '.') continue;
    ++p;
    if (!digits(1, 2) || p >= t.size() || t[p] != sep) continue;
    ++p;
    if (!digits(2, 2)) continue;
    size_t e = p;
    i = e;
    if (GluedToDigits(t, b, e) || FollowedByTime(t, e)) continue;
    // Versions: "HttpClient/4.5.14", "v1.2.3"; dotted dates are written in
    // full ("01.10.79").
    if (b > 0 && (t[b - 1] == '/' || t[b - 1] == 'v' || t[b - 1] == 'V')) continue;
    if (sep == '.' && (e - b) != 8) continue;
    if (e < t.size() && (Letter(t[e]) || t[e] == sep)) continue;
    int y = DateYear(t.substr(b, e - b));
    if (y < 1900 || y > CurrentYear() - 12) continue;
    size_t ws;
    std::string before = WordBefore(t, b, &ws);
    static constexpr std::string_view kNot[] = {"since", "from", "until", "till", "established",
                                                "effective", "issued", "expires", "version", "v",
                                                "founded", "est", "copyright", "build"};
    bool other = NamesOtherThing(before);
    for (std::string_view k : kNot) other = other || before == k;
    if (other) continue;
    out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
  FindCompanionFullDates(t, out);
}

void FindCompanionPhones(std::string_view t, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  const size_t n = t.size();
  auto nxx = [&](size_t p) { return t[p] >= '2' && t[p] <= '9' && Digit(t[p + 1]) && Digit(t[p + 2]); };
  for (size_t i = 0; i + 10 <= n; ++i) {
    if (!Digit(t[i]) || (i > 0 && (Digit(t[i - 1]) || Letter(t[i - 1])))) continue;
    size_t e = 0;
    if (i + 12 <= n && nxx(i) && t[i + 3] == ' ' && nxx(i + 4) && t[i + 7] == ' ' &&
        Digit(t[i + 8]) && Digit(t[i + 9]) && Digit(t[i + 10]) && Digit(t[i + 11])) {
      e = i + 12;  // 860 555 0160
    } else if (i + 11 <= n && t[i] == '1' && nxx(i + 1) && nxx(i + 4)) {
      size_t k = i + 7;
      while (k < i + 11 && Digit(t[k])) ++k;
      if (k == i + 11) e = k;  // 13075550187
    }
    if (e == 0) {
      while (i + 1 < n && (Digit(t[i + 1]) || Letter(t[i + 1]))) ++i;
      continue;
    }
    if (e < n && (Digit(t[e]) || Letter(t[e]) || t[e] == '.')) continue;
    if (GluedToDigits(t, i, e)) continue;
    size_t ws;
    std::string before = WordBefore(t, i, &ws);
    if (NamesOtherThing(before)) continue;
    out->emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(e));
    i = e - 1;
  }
}

namespace {

// After a hesitation said inside a date at t[p] (", uh...", " um", ", let
// me think..."): where it ends (before the blank that goes on), else p.
size_t SkipHesitation(std::string_view t, size_t p) {
  size_t q = p;
  if (q < t.size() && t[q] == ',') ++q;
  if (q >= t.size() || t[q] != ' ') return p;
  ++q;
  static constexpr std::string_view kSaid[] = {"let me think", "let me see", "umm", "uhm", "um",
                                               "uh", "erm", "er", "hmm", "ah"};
  for (std::string_view w : kSaid) {
    if (t.compare(q, w.size(), w) != 0 || (q + w.size() < t.size() && Letter(t[q + w.size()]))) {
      continue;
    }
    q += w.size();
    while (q < t.size() && q < p + 24 && (t[q] == '.' || t[q] == ',')) ++q;
    return q;
  }
  return p;
}

// The end of a date with a four-digit year that starts at t[b], or 0:
// 5/1/2019, 2015-12-12 (with a midnight time: T00:00:00), 13-Mar-2018,
// 10OCT1994, 1 Dec 2018, Sep 21 1949, December 12, 1978; 19910717 as a
// whole field only.
size_t FullDateEnd(std::string_view t, size_t b) {
  const size_t n = t.size();
  auto run = [&](size_t p, bool (*cls)(char)) {
    size_t q = p;
    while (q < n && cls(t[q])) ++q;
    return q - p;
  };
  size_t d1 = run(b, Digit);
  if (d1 == 0) {
    // Month name first.
    size_t l = run(b, Letter);
    if (l < 3 || l > 9) return 0;
    size_t p = b + l;
    if (p < n && t[p] == '.') ++p;
    if (p >= n || t[p] != ' ') return 0;
    ++p;
    size_t d = run(p, Digit);
    if (d < 1 || d > 2) return 0;
    p += d;
    if (p < n && t[p] == ',') ++p;
    if (p >= n || t[p] != ' ') return 0;
    ++p;
    if (run(p, Digit) != 4) return 0;
    return p + 4;
  }
  size_t p = b + d1;
  if (d1 == 8) {
    // Compact, as a whole field: quotes or delimiters on both sides.
    auto delim = [](char c) {
      return c == '"' || c == '\'' || c == ',' || c == '|' || c == '\t' || c == '[' || c == ']';
    };
    // (Or a JSON string's whole value, read as "key: value".)
    bool keyed = b >= 2 && t[b - 1] == ' ' && t[b - 2] == ':' && p == n;
    bool before = b > 0 && delim(t[b - 1]);
    bool after = p < n && delim(t[p]);
    if (keyed) return CompactDateYear(t.substr(b, 8)) > 0 ? p : 0;
    return before && after && CompactDateYear(t.substr(b, 8)) > 0 ? p : 0;
  }
  // An ordinal's letters after a day ("7th", "21st").
  auto ordinal = [&](size_t q) {
    if (q + 2 > n) return q;
    char a = Lower(t[q]), c = Lower(t[q + 1]);
    bool suffix = (a == 's' && c == 't') || (a == 'n' && c == 'd') || (a == 'r' && c == 'd') ||
                  (a == 't' && c == 'h');
    return suffix && (q + 2 == n || !Letter(t[q + 2])) ? q + 2 : q;
  };
  if (const size_t h = SkipHesitation(t, p); d1 == 4 && h + 1 < n && t[h] == ' ' && Letter(t[h + 1])) {
    // The year first, as said: "1968 march the 5th", "1971 December 9",
    // "1975, uh... july the 1st".
    size_t q = h + 1;
    size_t l = run(q, Letter);
    if (l < 3 || l > 9) return 0;
    q += l;
    if (q >= n || t[q] != ' ') return 0;
    ++q;
    if (t.compare(q, 4, "the ") == 0) q += 4;
    size_t d = run(q, Digit);
    if (d < 1 || d > 2) return 0;
    return ordinal(q + d);
  }
  if (d1 == 4) {
    if (p >= n || (t[p] != '-' && t[p] != '/')) return 0;
    char sep = t[p++];
    if (run(p, Digit) != 2) return 0;
    p += 2;
    if (p >= n || t[p] != sep) return 0;
    ++p;
    if (run(p, Digit) != 2) return 0;
    p += 2;
    if (t.compare(p, 9, "T00:00:00") == 0) p += 9;
    return p;
  }
  if (d1 > 2) return 0;
  if (p < n && (t[p] == '/' || t[p] == '-' || t[p] == '.')) {
    char sep = t[p++];
    size_t d2 = run(p, Digit);
    if (d2 >= 1 && d2 <= 2) {
      p += d2;
      if (p >= n || t[p] != sep) return 0;
      ++p;
      return run(p, Digit) == 4 ? p + 4 : 0;
    }
    // 13-Mar-2018
    size_t l = run(p, Letter);
    if (l < 3 || l > 9) return 0;
    p += l;
    if (p >= n || t[p] != sep) return 0;
    ++p;
    return run(p, Digit) == 4 ? p + 4 : 0;
  }
  // 10OCT1994, 1 Dec 2018; as said: "7th february of 2001", "1st of December, 1939"
  p = ordinal(p);
  if (p < n && t[p] == ' ') ++p;
  if (t.compare(p, 3, "of ") == 0) p += 3;
  size_t l = run(p, Letter);
  if (l < 3 || l > 9) return 0;
  p += l;
  if (p < n && t[p] == ',') ++p;
  if (p < n && t[p] == ' ') ++p;
  if (t.compare(p, 3, "of ") == 0) p += 3;
  return run(p, Digit) == 4 ? p + 4 : 0;
}

}  // namespace

void FindCompanionFullDates(std::string_view t, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  const int now = CurrentYear();
  for (size_t i = 0; i < t.size(); ++i) {
    if (!(Digit(t[i]) || Letter(t[i])) || (i > 0 && (Digit(t[i - 1]) || Letter(t[i - 1])))) {
      continue;
    }
    size_t b = i;
    size_t e = FullDateEnd(t, b);
    if (e == 0) {
      // Skip the rest of this token.
      while (i + 1 < t.size() && (Digit(t[i + 1]) || Letter(t[i + 1]))) ++i;
      continue;
    }
    i = e - 1;
    if (e < t.size() && (Digit(t[e]) || Letter(t[e]))) continue;
    std::string_view v = t.substr(b, e - b);
    int y = 0;
    if (e - b == 8 && Digit(v[0]) && Digit(v[7]) && v.find_first_not_of("0123456789") == std::string_view::npos) {
      y = CompactDateYear(v);
    } else {
      std::string_view date = v.size() > 9 && v.compare(v.size() - 9, 9, "T00:00:00") == 0
                                  ? v.substr(0, v.size() - 9)
                                  : v;
      if (!ValidDate(date)) continue;
      y = DateYear(date);
    }
    // Past years only (this year's dates are a record's own: visits,
    // appointments, log times).
    if (y < 1900 || y > now - 1) continue;
    if (GluedToDigits(t, b, e) || FollowedByTime(t, e)) continue;
    // A whole field of a row, an array or a parenthesis ("...,Dana,2015-12-
    // 12,M", ["...", "05/01/2019"], "Reyes, Dana (01/10/2015)"); a date in
    // running text is a visit's, an appointment's or a log's.
    auto opens = [](char c) {
      return c == '"' || c == '\'' || c == ',' || c == '|' || c == '\t' || c == '[' || c == '(';
    };
    auto closes = [](char c) {
      return c == '"' || c == '\'' || c == ',' || c == '|' || c == '\t' || c == ']' || c == ')' ||
             c == '\n' || c == '\r';
    };
    // (A JSON string is read as "key: value": a value that is the whole
    // rest of the text after its key is a whole field too.)
    const bool keyed_value = b >= 2 && t[b - 1] == ' ' && t[b - 2] == ':' && e == t.size();
    if (!keyed_value && (b == 0 || !opens(t[b - 1]) || (e < t.size() && !closes(t[e])))) continue;
    // A log line's leading timestamp.
    size_t ls = t.substr(0, b).rfind('\n');
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    size_t lead = ls;
    while (lead < b && (t[lead] == ' ' || t[lead] == '[' || t[lead] == '\t')) ++lead;
    if (lead == b) continue;
    size_t ws;
    std::string before = WordBefore(t, b, &ws);
    static constexpr std::string_view kNot[] = {"since", "from", "until", "till", "established",
                                                "effective", "issued", "expires", "version", "v",
                                                "founded", "est", "copyright", "build", "through",
                                                "to", "by", "before", "after", "on", "at"};
    bool other = NamesOtherThing(before);
    for (std::string_view k : kNot) other = other || before == k;
    if (other) continue;
    out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
}

}  // namespace phiscrub::internal

namespace phiscrub::internal {
namespace {

// A date with a four-digit year of a past year that starts at t[b] and ends
// a token: its end, or 0. Compact dates ("19730201") count here too.
size_t PastDateAt(std::string_view t, size_t b, int now) {
  size_t e = 0;
  int y = 0;
  size_t d = b;
  while (d < t.size() && Digit(t[d])) ++d;
  if (d - b == 8) {
    y = CompactDateYear(t.substr(b, 8));
    e = y > 0 ? d : 0;
  } else {
    e = FullDateEnd(t, b);
    if (e > 0) {
      std::string_view v = t.substr(b, e - b);
      if (v.size() > 9 && v.compare(v.size() - 9, 9, "T00:00:00") == 0) v.remove_suffix(9);
      y = ValidDate(v) ? DateYear(v) : 0;
    }
  }
  if (e == 0 || y < 1900 || y > now - 1) return 0;
  if (e < t.size() && (Digit(t[e]) || Letter(t[e]))) return 0;
  if (GluedToDigits(t, b, e) || FollowedByTime(t, e)) return 0;
  return e;
}

// A month-name date with a two-digit year at t[b] ("January 25th, 33",
// "Aug 20 73") that ends a clause (a full stop, a comma, the end): its end,
// or 0. Said after a caller's name, the date is her birth date.
size_t MonthDayShortYearAt(std::string_view t, size_t b) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec"};
  auto month_at = [&](size_t* at) {
    std::string w;
    size_t q = *at;
    while (q < t.size() && Letter(t[q])) w.push_back(Lower(t[q++]));
    for (std::string_view m : kMonths) {
      if (w == m) {
        *at = q;
        return true;
      }
    }
    return false;
  };
  auto day_at = [&](size_t* at) {
    size_t q = *at, d = q;
    while (d < t.size() && Digit(t[d])) ++d;
    if (d == q || d - q > 2) return false;
    int day = std::stoi(std::string(t.substr(q, d - q)));
    if (day < 1 || day > 31) return false;
    if (d + 2 <= t.size() && Letter(t[d]) && Letter(t[d + 1])) d += 2;  // 25th
    *at = d;
    return true;
  };
  size_t p = b;
  if (month_at(&p)) {
    // "January 25th, 33"
    if (p >= t.size() || t[p] != ' ') return 0;
    ++p;
    if (!day_at(&p)) return 0;
  } else {
    // "2nd of January 08"
    if (!day_at(&p) || t.compare(p, 4, " of ") != 0) return 0;
    p += 4;
    if (!month_at(&p)) return 0;
  }
  if (p < t.size() && t[p] == ',') ++p;
  if (p >= t.size() || t[p] != ' ') return 0;
  ++p;
  // A filler before the year, as said: "june 10th uh 39".
  if (t.compare(p, 3, "uh ") == 0 || t.compare(p, 3, "um ") == 0) p += 3;
  if (p < t.size() && t[p] == '\'') ++p;
  size_t y = p;
  while (y < t.size() && Digit(t[y])) ++y;
  if (y - p != 2) return 0;
  // (Or the clause goes on with "and": "... 53 and I'm calling"; in speech
  // written without punctuation, "... 39 i need to", "... 39 calling about".)
  if (y < t.size() && !(t[y] == '.' || t[y] == ',' || t[y] == ';' || t[y] == '\n' ||
                        t[y] == ')' || t[y] == '"' || t[y] == '!' || t[y] == '?' ||
                        t.compare(y, 5, " and ") == 0 || t.compare(y, 3, " i ") == 0 ||
                        t.compare(y, 8, " calling") == 0)) {
    return 0;
  }
  if (y + 1 < t.size() && (t[y] == '.' || t[y] == ',') && Digit(t[y + 1])) return 0;
  return y;
}

bool PathChar(char c) {
  return Digit(c) || Letter(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == ',' ||
         c == '%' || static_cast<unsigned char>(c) >= 0x80;
}

// A part of a path beside a name: [b, e) a date or an id.
void TakePathPart(std::string_view t, size_t b, size_t e, int now,
                  std::vector<std::pair<uint32_t, uint32_t>>* dates,
                  std::vector<std::pair<uint32_t, uint32_t>>* ids) {
  if (e <= b || e - b > 24) return;
  if (PastDateAt(t, b, now) == e) {
    dates->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  } else if (Shape(t.substr(b, e - b))) {
    ids->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  }
}

}  // namespace

std::pair<uint32_t, uint32_t> PastDateAfter(std::string_view t, size_t pos) {
  if (pos + 1 >= t.size() || t[pos] != ' ' || !(Digit(t[pos + 1]) || Letter(t[pos + 1]))) {
    return {0, 0};
  }
  size_t e = PastDateAt(t, pos + 1, CurrentYear());
  if (e == 0) return {0, 0};
  return {static_cast<uint32_t>(pos + 1), static_cast<uint32_t>(e)};
}

void FindBesideNames(std::string_view t, const std::vector<std::pair<uint32_t, uint32_t>>& names,
                     std::vector<std::pair<uint32_t, uint32_t>>* dates,
                     std::vector<std::pair<uint32_t, uint32_t>>* ids) {
  const int now = CurrentYear();
  const size_t n = t.size();
  for (const auto& [s, e] : names) {
    if (s >= n || e > n || s >= e) continue;
    // A date right after the name: "D. Karimi 1 Dec 2018 vs ...".
    size_t p = e;
    if (p < n && t[p] == ',') ++p;
    // (Or a pause, a full stop: "Fatima Saleh. October 15th 05.", "Huong
    // Ortiz... 2nd of January 08".)
    if (p + 1 < n && t[p] == '.' && t[p + 1] == ' ') {
      ++p;
    } else if (t.compare(p, 4, "... ") == 0) {
      p += 3;
    }
    if (p < n && t[p] == ' ') {
      ++p;
      // (A pause first: "Zhiwei Guo, um, August 20 73.")
      for (std::string_view filler : {"um, ", "uh, ", "um ", "uh "}) {
        if (t.compare(p, filler.size(), filler) == 0) {
          p += filler.size();
          break;
        }
      }
      if (p < n && (Digit(t[p]) || Letter(t[p]))) {
        size_t de = PastDateAt(t, p, now);
        if (de == 0) de = MonthDayShortYearAt(t, p);
        if (de > 0) dates->emplace_back(static_cast<uint32_t>(p), static_cast<uint32_t>(de));
      }
    }
    // In a path: the part joined to the name ("19480328_Harrington.tif",
    // "Harrington_19480328.tif") or the directory right before it
    // ("/exports/2017-0112806/Manalo-Maricel.csv").
    size_t lo = s > 256 ? s - 256 : 0;
    size_t ps = s;
    while (ps > lo && PathChar(t[ps - 1])) --ps;
    size_t slash = t.substr(ps, s - ps).rfind('/');
    if (slash == std::string_view::npos) continue;
    slash += ps;
    if (s > 0 && t[s - 1] == '_') {
      size_t b = s - 1;
      while (b > slash + 1 && t[b - 1] != '/' && t[b - 1] != '_') --b;
      TakePathPart(t, b, s - 1, now, dates, ids);
    } else if (s > 0 && t[s - 1] == '/' && slash + 1 == s) {
      size_t prev = t.substr(ps, s - 1 - ps).rfind('/');
      if (prev != std::string_view::npos) TakePathPart(t, ps + prev + 1, s - 1, now, dates, ids);
    }
    if (e < n && t[e] == '_') {
      size_t b = e + 1, x = b;
      while (x < n && (Digit(t[x]) || Letter(t[x]) || t[x] == '-')) ++x;
      if (x < n && (t[x] == '.' || t[x] == '/' || t[x] == '_')) {
        // (A file's extension is no part: "_19480328.tif" ends at the dot.)
        TakePathPart(t, b, x, now, dates, ids);
      }
    }
  }
  std::sort(dates->begin(), dates->end());
  std::sort(ids->begin(), ids->end());
}

}  // namespace phiscrub::internal
