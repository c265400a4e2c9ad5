// fuzz_scanner: the text Scanner on arbitrary bytes.
//
// Properties, for every input:
//   - no crash, no sanitizer report (ASan, UBSan);
//   - Scan and Redact agree: same status, same spans; a failure leaves the
//     span list and the output empty (fail closed);
//   - spans are sorted, non-overlapping, non-empty and inside the record;
//   - the output is RenderSpans of those spans (one render pass);
//   - valid UTF-8 in gives valid UTF-8 out (no span cuts a character);
//   - the context, turn and conversation forms keep their spans inside the
//     text they were given.
//
// The first input byte picks a context split for ScanWithContext and
// ScanTurn; the rest is the record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format/utf8.h"
#include "fuzz_common.h"
#include "phiscrub/scanner.h"

namespace phiscrub::fuzz {
namespace {

void CheckSpans(const std::vector<Span>& spans, size_t size) {
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    PHISCRUB_FUZZ_CHECK(s.start < s.end);
    PHISCRUB_FUZZ_CHECK(s.end <= size);
    PHISCRUB_FUZZ_CHECK(s.start >= prev_end);
    prev_end = s.end;
  }
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub;
  using namespace phiscrub::fuzz;
  static Scanner scanner(DefaultRules());
  if (size == 0) return 0;
  size_t split = data[0];
  std::string_view all(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::vector<Span> scanned, redacted;
  Status scan_status = scanner.Scan(all, &scanned);
  std::string out;
  Status redact_status = scanner.Redact(all, &out, &redacted);
  PHISCRUB_FUZZ_CHECK(scan_status.code() == redact_status.code());
  if (!redact_status.ok()) {
    PHISCRUB_FUZZ_CHECK(out.empty() && redacted.empty() && scanned.empty());
  } else {
    CheckSpans(redacted, all.size());
    PHISCRUB_FUZZ_CHECK(scanned.size() == redacted.size());
    for (size_t i = 0; i < scanned.size(); ++i) {
      PHISCRUB_FUZZ_CHECK(scanned[i].start == redacted[i].start &&
                          scanned[i].end == redacted[i].end &&
                          scanned[i].entity == redacted[i].entity);
    }
    std::string rendered;
    scanner.RenderSpans(all, redacted, &rendered);
    PHISCRUB_FUZZ_CHECK(rendered == out);
    if (internal::ValidUtf8(all)) PHISCRUB_FUZZ_CHECK(internal::ValidUtf8(out));
  }

  // A key name or the turns before, then the value or the turn.
  split = std::min(split, all.size());
  std::string_view context = all.substr(0, split), text = all.substr(split);
  std::vector<Span> spans;
  if (scanner.ScanWithContext(context, text, &spans).ok()) {
    CheckSpans(spans, text.size());
  } else {
    PHISCRUB_FUZZ_CHECK(spans.empty());
  }
  if (scanner.ScanTurn(context, text, &spans).ok()) {
    CheckSpans(spans, text.size());
  } else {
    PHISCRUB_FUZZ_CHECK(spans.empty());
  }
  if (scanner.ScanConversation(all, &spans).ok()) {
    CheckSpans(spans, all.size());
  } else {
    PHISCRUB_FUZZ_CHECK(spans.empty());
  }
  return 0;
}
