// fuzz_json: the JSON redactor on arbitrary bytes.
//
// The input is split at '\n' into documents (the NDJSON view of it).
// Properties:
//   - no crash, no sanitizer report;
//   - batch equals single: BeginBatch/AddToBatch/FinishBatch gives every
//     document the same status, bytes and findings as Redact one by one;
//   - a failure appends nothing and reports no findings (fail closed);
//   - whenever a document is valid JSON (simdjson's DOM parser says so) it is
//     redacted (a kMalformed or kInternal status there is a bug) and the
//     output is valid JSON too;
//   - the placeholder a caller writes instead of a failed document is valid
//     JSON;
//   - internal::HumaniseKey (key names as context) agrees with a plain
//     reference: clang 14 once miscompiled it under coverage instrumentation,
//     and this catches a recurrence in the instrumented build itself.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format/json_internal.h"
#include "fuzz_common.h"
#include "phiscrub/json.h"

namespace phiscrub::fuzz {
namespace {

struct Single {
  Status status;
  std::string out;
  std::vector<JsonFinding> findings;
};

bool SameFinding(const JsonFinding& a, const JsonFinding& b) {
  return a.path == b.path && a.token == b.token && a.span.start == b.span.start &&
         a.span.end == b.span.end && a.span.entity == b.span.entity && a.span.rule == b.span.rule &&
         a.key_rule == b.key_rule;
}

// The specification of HumaniseKey (json_internal.h), written plainly.
std::string ReferenceHumanise(std::string_view key) {
  if (key.size() > 64) {
    key.remove_prefix(key.size() - 64);
    while (!key.empty() && (static_cast<unsigned char>(key[0]) & 0xC0) == 0x80) {
      key.remove_prefix(1);
    }
  }
  std::string out;
  char prev = 0;
  for (char c : key) {
    bool upper = c >= 'A' && c <= 'Z';
    bool after_lower_or_digit = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
    if (c == '_' || c == '-' || c == '.') {
      out.push_back(' ');
    } else {
      if (upper && after_lower_or_digit) out.push_back(' ');
      out.push_back(c);
    }
    prev = c;
  }
  return out;
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub;
  using namespace phiscrub::fuzz;
  static JsonRedactor redactor(DefaultJsonRules());
  std::string_view all(reinterpret_cast<const char*>(data), size);

  {
    std::string got = "prefix:";
    internal::HumaniseKey(all.substr(0, 200), &got);
    PHISCRUB_FUZZ_CHECK(got == "prefix:" + ReferenceHumanise(all.substr(0, 200)));
  }

  std::vector<std::string_view> docs;
  for (size_t pos = 0; pos <= all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    docs.push_back(all.substr(pos, nl - pos));
    pos = nl + 1;
  }
  // Findings with and without paths are both batch-tested; the first byte
  // decides so the corpus keeps both.
  bool with_paths = size == 0 || (data[0] & 1) == 0;

  std::vector<Single> singles(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    Single& s = singles[i];
    s.status = redactor.Redact(docs[i], &s.out, &s.findings, with_paths);
    if (!s.status.ok()) {
      PHISCRUB_FUZZ_CHECK(s.out.empty() && s.findings.empty());
      PHISCRUB_FUZZ_CHECK(s.status.code() != ErrorCode::kInternal);
    }
    if (ValidJson(docs[i])) {
      PHISCRUB_FUZZ_CHECK(s.status.code() != ErrorCode::kMalformed);
      PHISCRUB_FUZZ_CHECK(s.status.code() != ErrorCode::kInvalidUtf8);
      if (s.status.ok()) PHISCRUB_FUZZ_CHECK(ValidJson(s.out));
    }
  }

  std::string out = "kept";  // FinishBatch appends
  std::vector<JsonFinding> findings;
  std::vector<JsonRedactor::BatchItem> items;
  redactor.BeginBatch(with_paths);
  for (auto d : docs) redactor.AddToBatch(d);
  redactor.FinishBatch(&out, &findings, &items);
  PHISCRUB_FUZZ_CHECK(items.size() == docs.size());
  PHISCRUB_FUZZ_CHECK(out.compare(0, 4, "kept") == 0);
  size_t next_out = 4, next_finding = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const auto& item = items[i];
    const Single& s = singles[i];
    PHISCRUB_FUZZ_CHECK(item.status.code() == s.status.code());
    PHISCRUB_FUZZ_CHECK(item.out_begin == next_out && item.out_end >= item.out_begin);
    PHISCRUB_FUZZ_CHECK(item.out_end <= out.size());
    PHISCRUB_FUZZ_CHECK(
        std::string_view(out).substr(item.out_begin, item.out_end - item.out_begin) == s.out);
    PHISCRUB_FUZZ_CHECK(item.findings_begin == next_finding);
    PHISCRUB_FUZZ_CHECK(item.findings_end - item.findings_begin == s.findings.size());
    PHISCRUB_FUZZ_CHECK(item.findings_end <= findings.size());
    for (size_t f = 0; f < s.findings.size(); ++f) {
      PHISCRUB_FUZZ_CHECK(SameFinding(findings[item.findings_begin + f], s.findings[f]));
    }
    next_out = item.out_end;
    next_finding = item.findings_end;
  }
  PHISCRUB_FUZZ_CHECK(next_out == out.size() && next_finding == findings.size());

  PHISCRUB_FUZZ_CHECK(ValidJson(DefaultJsonRules()->ErrorPlaceholder("malformed_json")));
  return 0;
}
