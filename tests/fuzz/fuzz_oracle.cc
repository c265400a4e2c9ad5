// fuzz_oracle: a fail-open oracle. It plants fictitious PHI at
// fuzzer-chosen places in fuzzer-chosen text, redacts, and aborts when a
// planted value comes out in any form the input had it in.
//
// Planted values (all fictitious), each with its cue:
//   SSN     "SSN: " + a number the SSA rules allow (area 001-899 but 666,
//           group 01-99, serial 0001-9999) as 123-45-6789, 123.45.6789,
//           123 45 6789 or 123456789
//   PHONE   "phone: " or "at " + 415-555-01xx style NANP numbers (a real area
//           code, exchange 555, line 0100-0199) as 415-555-0123,
//           (415) 555-0123, 415.555.0123, +1 415 555 0123, +1-415-555-0123;
//           415 555 0123 always after "phone: " (spaced digits need a cue)
//   DOB     "DOB: " + a valid date 1930-2005 as 03/14/1962, 1962-03-14,
//           March 14, 1962 or 14 Mar 1962
//   EMAIL   "at " + local@domain, local part [a-z][a-z0-9._]{0,15} (no "..",
//           no trailing '.'), domain from example.com/.org/.net
//   MRN     "MRN: ", "MRN " or "MRN# " + 6-10 digits
//
// Isolation rules (what the fuzzer text may and may not do):
//   1. A planted item (cue and value) has one ASCII space on each side, so
//      no fuzzer byte is glued to it: no digit, letter, '@', '.', '-' or
//      escape can join it into a longer token or a different shape.
//   2. The cue is bound to its value by ':' (or is the MRN word right before
//      it); the library's own rule is that such a cue labels the value after
//      it "whatever lies before it" (scanner.cc, BindsForward). Fuzzer text
//      may hold anything else around it, negative words ("order", "case")
//      included: a value with its bound cue must be redacted regardless.
//   2a. A value planted without a cue (a formatted phone, an e-mail) follows
//      the neutral word "at": by design a negative word attached to a number
//      relabels it ("order 415-555-0132" is an order number; scanner.cc
//      AttachedNegative allows only punctuation and joiners such as "number"
//      or "is" in between), and "at" is no joiner, so fuzzer text cannot
//      attach one.
//   3. A planted value is only checked when it occurs exactly once in the
//      input, counting its escaped forms (the fuzzer text could spell the
//      same digits somewhere without a cue, where leaving them is fine).
//   4. In JSON the fuzzer text is JSON-escaped and made valid UTF-8 (bytes
//      >= 0x80 become '?' unless it already is), so the document is valid
//      and the JSON path is what gets tested, not the malformed-JSON
//      fallback. Keys come from a fixed list of neutral names (note, msg,
//      ...), never a key rule's name.
//   5. No record bound is hit (max_record 1 MiB, inputs are far smaller).
//
// Escapes: in JSON strings (and in "text with escapes" mode, as a log line
// quoting JSON) each byte of cue and value is independently written raw, as
// \u00XX (either hex case) or, for '/', as \/. The survival check looks for
// the raw value, its escaped form as written, and the raw value in the
// output with every JSON escape decoded.
//
// Modes (first choice of the input): Scanner::Redact on text; Scanner on
// text with escapes; JsonRedactor on a document; BatchRedactor on text lines
// (text, auto or transcript); BatchRedactor on one NDJSON line (ndjson or
// auto). A record that fails closed (placeholder) leaks nothing and passes.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "format/utf8.h"
#include "fuzz_common.h"
#include "phiscrub/json.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/scanner.h"

namespace phiscrub::fuzz {
namespace {

enum class Kind { kSsn, kPhone, kDob, kEmail, kMrn, kCount };
const char* const kKindNames[] = {"SSN", "PHONE", "DOB", "EMAIL", "MRN"};

enum class Mode { kText, kTextEscaped, kJson, kPipelineText, kPipelineJson, kCount };

struct Plant {
  Kind kind;
  std::string value;     // as it must not survive
  std::string as_input;  // the value's bytes in the input (escaped or raw)
};

std::string Digits(FuzzedDataProvider& fdp, int n, char first_min = '0') {
  std::string s;
  for (int i = 0; i < n; ++i) {
    char lo = i == 0 ? first_min : '0';
    s.push_back(static_cast<char>(lo + fdp.ConsumeIntegralInRange<int>(0, '9' - lo)));
  }
  return s;
}

std::string Pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

// Cue (with its separator) and value of one planted item.
void MakeValue(Kind kind, FuzzedDataProvider& fdp, std::string* cue, std::string* value) {
  switch (kind) {
    case Kind::kSsn: {
      int area = fdp.ConsumeIntegralInRange<int>(1, 899);
      if (area == 666) area = 667;
      std::string a = Pad(area, 3), g = Pad(fdp.ConsumeIntegralInRange<int>(1, 99), 2),
                  s = Pad(fdp.ConsumeIntegralInRange<int>(1, 9999), 4);
      static const char* const kSeps[] = {"-", ".", " ", ""};
      const char* sep = kSeps[fdp.ConsumeIntegralInRange<int>(0, 3)];
      *cue = "SSN: ";
      *value = a + sep + g + sep + s;
      break;
    }
    case Kind::kPhone: {
      static const char* const kAreas[] = {"415", "212", "312", "617", "206", "303", "512", "702"};
      std::string area = kAreas[fdp.ConsumeIntegralInRange<int>(0, 7)];
      std::string line = "01" + Digits(fdp, 2);
      int form = fdp.ConsumeIntegralInRange<int>(0, 5);
      switch (form) {
        case 0:
          *value = area + "-555-" + line;
          break;
        case 1:
          *value = "(" + area + ") 555-" + line;
          break;
        case 2:
          *value = area + ".555." + line;
          break;
        case 3:
          *value = "+1 " + area + " 555 " + line;
          break;
        case 4:
          *value = "+1-" + area + "-555-" + line;
          break;
        default:
          *value = area + " 555 " + line;
          break;
      }
      *cue = form == 5 || fdp.ConsumeBool() ? "phone: " : "at ";
      break;
    }
    case Kind::kDob: {
      int year = fdp.ConsumeIntegralInRange<int>(1930, 2005);
      int month = fdp.ConsumeIntegralInRange<int>(1, 12);
      int day = fdp.ConsumeIntegralInRange<int>(1, 28);
      static const char* const kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
      switch (fdp.ConsumeIntegralInRange<int>(0, 3)) {
        case 0:
          *value = Pad(month, 2) + "/" + Pad(day, 2) + "/" + std::to_string(year);
          break;
        case 1:
          *value = std::to_string(year) + "-" + Pad(month, 2) + "-" + Pad(day, 2);
          break;
        case 2:
          *value = std::string(kMonths[month - 1]) + " " + std::to_string(day) + ", " +
                   std::to_string(year);
          break;
        default:
          *value = std::to_string(day) + " " + std::string(kMonths[month - 1]).substr(0, 3) + " " +
                   std::to_string(year);
          break;
      }
      *cue = "DOB: ";
      break;
    }
    case Kind::kEmail: {
      static const char kLocal[] = "abcdefghijklmnopqrstuvwxyz0123456789._";
      std::string local(1, static_cast<char>('a' + fdp.ConsumeIntegralInRange<int>(0, 25)));
      int n = fdp.ConsumeIntegralInRange<int>(0, 15);
      for (int i = 0; i < n; ++i) {
        char c = kLocal[fdp.ConsumeIntegralInRange<int>(0, sizeof kLocal - 2)];
        if (c == '.' && local.back() == '.') c = 'x';
        local.push_back(c);
      }
      if (local.back() == '.') local.back() = 'z';
      static const char* const kDomains[] = {"example.com", "example.org", "mail.example.net",
                                             "clinic-example.org"};
      *value = local + "@" + kDomains[fdp.ConsumeIntegralInRange<int>(0, 3)];
      *cue = "at ";
      break;
    }
    default: {
      static const char* const kCues[] = {"MRN: ", "MRN ", "MRN# "};
      *cue = kCues[fdp.ConsumeIntegralInRange<int>(0, 2)];
      *value = Digits(fdp, fdp.ConsumeIntegralInRange<int>(6, 10));
      break;
    }
  }
}

// Each byte raw, \u00XX or \u00xx, or '\/' for '/', chosen by `bits`.
std::string EscapeSome(std::string_view s, uint64_t bits) {
  static const char kHexU[] = "0123456789ABCDEF", kHexL[] = "0123456789abcdef";
  std::string out;
  for (char c : s) {
    unsigned choice = bits & 3;
    bits = bits >> 2 | bits << 62;
    unsigned char u = static_cast<unsigned char>(c);
    if (choice == 0 || u >= 0x80) {
      out.push_back(c);
    } else if (choice == 3 && c == '/') {
      out += "\\/";
    } else {
      const char* hex = choice == 1 ? kHexU : kHexL;
      out += "\\u00";
      out.push_back(hex[u >> 4]);
      out.push_back(hex[u & 15]);
    }
  }
  return out;
}

// Fuzzer text as JSON string content: valid UTF-8, every character JSON
// requires escaped.
std::string JsonFiller(std::string s) {
  if (!internal::ValidUtf8(s)) {
    for (char& c : s) {
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    }
  }
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Decodes JSON escapes wherever they occur (text or JSON); anything that is
// not a complete escape stays as it is. \uXXXX becomes UTF-8 (surrogate
// pairs are left encoded one by one; no planted value needs them).
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    char e = s[i + 1];
    const char* simple = "\"\\/bfnrt";
    const char* plain = "\"\\/\b\f\n\r\t";
    const char* at = e ? strchr(simple, e) : nullptr;
    if (at != nullptr) {
      out.push_back(plain[at - simple]);
      ++i;
      continue;
    }
    if (e == 'u' && i + 6 <= s.size()) {
      unsigned v = 0;
      bool ok = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        char h = s[k];
        v <<= 4;
        if (h >= '0' && h <= '9')
          v |= h - '0';
        else if (h >= 'a' && h <= 'f')
          v |= h - 'a' + 10;
        else if (h >= 'A' && h <= 'F')
          v |= h - 'A' + 10;
        else
          ok = false;
      }
      if (ok) {
        if (v < 0x80) {
          out.push_back(static_cast<char>(v));
        } else if (v < 0x800) {
          out.push_back(static_cast<char>(0xC0 | v >> 6));
          out.push_back(static_cast<char>(0x80 | (v & 63)));
        } else {
          out.push_back(static_cast<char>(0xE0 | v >> 12));
          out.push_back(static_cast<char>(0x80 | ((v >> 6) & 63)));
          out.push_back(static_cast<char>(0x80 | (v & 63)));
        }
        i += 5;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

size_t Count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string_view::npos; p = hay.find(needle, p + 1)) {
    ++n;
  }
  return n;
}

// C-style escaped, for the debugging dump.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20 || u >= 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

[[noreturn]] void Leak(const Plant& p, const char* form, Mode mode) {
  // Kind and form only: the value is in the crash file.
  fprintf(stderr, "phiscrub fuzz_oracle: planted %s survived (%s form, mode %d)\n",
          kKindNames[static_cast<int>(p.kind)], form, static_cast<int>(mode));
  abort();
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub;
  using namespace phiscrub::fuzz;
  FuzzedDataProvider fdp(data, size);
  Mode mode =
      static_cast<Mode>(fdp.ConsumeIntegralInRange<int>(0, static_cast<int>(Mode::kCount) - 1));
  bool json = mode == Mode::kJson || mode == Mode::kPipelineJson;
  bool escapes = json || mode == Mode::kTextEscaped;
  static const char* const kKeys[] = {"note", "msg", "text", "comment", "body", "summary"};

  std::vector<Plant> plants;
  std::string input;
  // JSON: members of one object, each a string or an array of strings.
  bool in_array = false;
  auto open_member = [&](size_t key) {
    input += input.empty() ? "{" : in_array ? "\"], " : "\", ";
    in_array = fdp.ConsumeBool();
    input += "\"" + std::string(kKeys[key % 6]) + "\": " + (in_array ? "[\"" : "\"");
  };
  if (json) open_member(0);
  int n = fdp.ConsumeIntegralInRange<int>(1, 4);
  for (int i = 0; i <= n; ++i) {
    std::string filler = fdp.ConsumeRandomLengthString(48);
    input += json ? JsonFiller(filler) : filler;
    if (i == n) break;
    if (json && fdp.ConsumeBool()) {
      if (in_array && fdp.ConsumeBool()) {
        input += "\", \"";  // next element of the same array
      } else {
        open_member(fdp.ConsumeIntegral<uint8_t>());
      }
    }
    Plant p;
    p.kind =
        static_cast<Kind>(fdp.ConsumeIntegralInRange<int>(0, static_cast<int>(Kind::kCount) - 1));
    std::string cue;
    MakeValue(p.kind, fdp, &cue, &p.value);
    uint64_t bits = escapes ? fdp.ConsumeIntegral<uint64_t>() : 0;
    uint64_t cue_bits = escapes ? fdp.ConsumeIntegral<uint64_t>() : 0;
    p.as_input = EscapeSome(p.value, bits);
    input += " " + EscapeSome(cue, cue_bits) + p.as_input + " ";
    plants.push_back(std::move(p));
  }
  if (json) input += in_array ? "\"]}" : "\"}";

  std::string out;
  switch (mode) {
    case Mode::kText:
    case Mode::kTextEscaped: {
      static Scanner scanner(DefaultRules());
      std::vector<Span> spans;
      if (!scanner.Redact(input, &out, &spans).ok()) out.clear();
      break;
    }
    case Mode::kJson: {
      static JsonRedactor redactor(DefaultJsonRules());
      if (!redactor.Redact(input, &out, nullptr, false).ok()) out.clear();
      break;
    }
    default: {
      static const RecordFormat kText[] = {RecordFormat::kText, RecordFormat::kAuto,
                                           RecordFormat::kTranscript};
      static const RecordFormat kJsonFormats[] = {RecordFormat::kNdjson, RecordFormat::kAuto};
      static std::unique_ptr<BatchRedactor> redactors[5];
      RecordFormat format = mode == Mode::kPipelineJson
                                ? kJsonFormats[fdp.ConsumeIntegralInRange<int>(0, 1)]
                                : kText[fdp.ConsumeIntegralInRange<int>(0, 2)];
      auto& r = redactors[static_cast<int>(format)];
      TextOptions opts;
      opts.format = format;
      opts.json = DefaultJsonRules();
      if (!r) r = std::make_unique<BatchRedactor>(DefaultRules(), opts);
      LineFramer framer(opts.max_record);
      framer.ConfigureFor(format);
      RecordBatch batch;
      framer.Feed(input, &batch);
      framer.Finish(&batch);
      BatchResult result;
      r->Process(batch, &result);
      out = std::move(result.output);
      break;
    }
  }

  // Debugging aid for a crash file (planted values are fictitious; the
  // fuzzer text is whatever the crash file holds).
  static const bool dump = getenv("PHISCRUB_FUZZ_ORACLE_DUMP") != nullptr;
  if (dump) {
    fprintf(stderr, "mode %d\ninput:  %s\noutput: %s\n", static_cast<int>(mode),
            Quote(input).c_str(), Quote(out).c_str());
  }
  std::string decoded_in = Unescape(input), decoded_out = Unescape(out);
  for (const Plant& p : plants) {
    // Rule 3: the value must be the planted one, not also fuzzer text.
    if (Count(decoded_in, p.value) != 1 || Count(input, p.as_input) != 1 ||
        Count(input, p.value) > 1) {
      continue;
    }
    bool survived = out.find(p.value) != std::string::npos ||
                    out.find(p.as_input) != std::string::npos ||
                    decoded_out.find(p.value) != std::string::npos;
    if (!survived) continue;
    if (out.find(p.value) != std::string::npos) Leak(p, "raw", mode);
    if (out.find(p.as_input) != std::string::npos) Leak(p, "escaped", mode);
    Leak(p, "decoded", mode);
  }
  return 0;
}
