// fuzz_pipeline: LineFramer + BatchRedactor in every RecordFormat, fed in
// fuzzer-chosen chunks and batches.
//
// Input layout: byte 0 picks the format (text, ndjson, json, auto,
// transcript), byte 1 the record bound (tiny ones make oversize records
// common) and whether invalid UTF-8 is scanned; then the stream; its last
// bytes (FuzzedDataProvider takes integers from the end) choose chunk sizes
// and where batches are cut.
//
// Properties:
//   - no crash, no sanitizer report;
//   - any chunking and batching gives the bytes, counters and findings of
//     whole-input processing (one Feed, one Process);
//   - records in = records out: the redactor counts every framed record, and
//     in line formats the output has the input's newlines (one per record
//     that had one; redaction never adds or drops a line);
//   - --format json: at most one record, and valid JSON out whenever the
//     input was valid JSON (a placeholder otherwise).
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "phiscrub/pipeline.h"

namespace phiscrub::fuzz {
namespace {

constexpr RecordFormat kFormats[] = {RecordFormat::kText, RecordFormat::kNdjson,
                                     RecordFormat::kJson, RecordFormat::kAuto,
                                     RecordFormat::kTranscript};
constexpr size_t kMaxRecords[] = {1 << 20, 8, 40, 200};

struct Run {
  BatchResult result;
  uint64_t framed = 0;
};

// `cuts` holds chunk sizes (cycled); a batch is processed whenever it reaches
// `batch_records` records. Empty `cuts`: the whole input at once.
Run Process(BatchRedactor& redactor, const TextOptions& opts, std::string_view input,
            const std::vector<size_t>& cuts, size_t batch_records) {
  Run run;
  LineFramer framer(opts.max_record, 0, opts.format == RecordFormat::kJson);
  framer.ConfigureFor(opts.format);
  RecordBatch batch;
  if (cuts.empty()) {
    framer.Feed(input, &batch);
  } else {
    size_t pos = 0, ci = 0;
    while (pos < input.size()) {
      size_t n = std::min(cuts[ci++ % cuts.size()], input.size() - pos);
      framer.Feed(input.substr(pos, n), &batch);
      pos += n;
      if (batch.size() >= batch_records) {
        redactor.Process(batch, &run.result, true);
        batch.Clear();
      }
    }
  }
  framer.Finish(&batch);
  redactor.Process(batch, &run.result, true);
  run.framed = framer.records_framed();
  return run;
}

bool SameFindings(const std::vector<Finding>& a, const std::vector<Finding>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].record != b[i].record || a[i].span.start != b[i].span.start ||
        a[i].span.end != b[i].span.end || a[i].span.entity != b[i].span.entity ||
        a[i].path != b[i].path || a[i].token != b[i].token || a[i].key_rule != b[i].key_rule) {
      return false;
    }
  }
  return true;
}

bool SameCounters(const Counters& a, const Counters& b) {
  if (a.records != b.records || a.bytes_in != b.bytes_in || a.bytes_out != b.bytes_out ||
      a.records_with_findings != b.records_with_findings) {
    return false;
  }
  for (int i = 0; i < static_cast<int>(FailReason::kCount); ++i) {
    if (a.fail_closed[i] != b.fail_closed[i]) return false;
  }
  return a.findings() == b.findings();
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub;
  using namespace phiscrub::fuzz;
  if (size < 2) return 0;
  uint8_t format_byte = data[0], options_byte = data[1];
  FuzzedDataProvider fdp(data + 2, size - 2);

  TextOptions opts;
  opts.format = kFormats[format_byte % 5];
  opts.max_record = kMaxRecords[options_byte & 3];
  opts.scan_invalid_utf8 = (options_byte & 4) != 0;
  opts.json = DefaultJsonRules();
  // The way the stream is cut: up to 16 chunk sizes and a batch size, taken
  // from the end of the input; the stream is what precedes them.
  std::vector<size_t> cuts;
  size_t n_cuts = fdp.ConsumeIntegralInRange<size_t>(1, 16);
  for (size_t i = 0; i < n_cuts; ++i) cuts.push_back(fdp.ConsumeIntegralInRange<size_t>(1, 64));
  size_t batch_records = fdp.ConsumeIntegralInRange<size_t>(1, 8);
  std::string input = fdp.ConsumeRemainingBytesAsString();

  // One redactor per format and bound, as one per worker thread: state left
  // by earlier inputs must not change results either.
  static std::unique_ptr<BatchRedactor> redactors[5][4][2];
  auto& redactor = redactors[format_byte % 5][options_byte & 3][(options_byte >> 2) & 1];
  if (!redactor) redactor = std::make_unique<BatchRedactor>(DefaultRules(), opts);

  Run whole = Process(*redactor, opts, input, {}, 0);
  Run cut = Process(*redactor, opts, input, cuts, batch_records);
  // Debugging a finding on fictitious fuzz input: both outputs on stderr.
  static const bool dump = getenv("PHISCRUB_FUZZ_PIPELINE_DUMP") != nullptr;
  if (dump) {
    fprintf(stderr, "cuts:");
    for (size_t c : cuts) fprintf(stderr, " %zu", c);
    fprintf(stderr, " batch %zu\n== whole ==\n%s\n== cut ==\n%s\n", batch_records,
            whole.result.output.c_str(), cut.result.output.c_str());
  }
  PHISCRUB_FUZZ_CHECK(cut.result.output == whole.result.output);
  PHISCRUB_FUZZ_CHECK(SameCounters(cut.result.counters, whole.result.counters));
  PHISCRUB_FUZZ_CHECK(SameFindings(cut.result.findings, whole.result.findings));
  PHISCRUB_FUZZ_CHECK(cut.framed == whole.framed);

  PHISCRUB_FUZZ_CHECK(whole.result.counters.records == whole.framed);
  if (opts.format == RecordFormat::kJson) {
    PHISCRUB_FUZZ_CHECK(whole.framed <= 1);
    if (!input.empty() && ValidJson(input)) {
      std::string_view out = whole.result.output;
      PHISCRUB_FUZZ_CHECK(ValidJson(out));
    }
  } else {
    size_t lines_in = std::count(input.begin(), input.end(), '\n');
    size_t lines_out = std::count(whole.result.output.begin(), whole.result.output.end(), '\n');
    PHISCRUB_FUZZ_CHECK(lines_in == lines_out);
    size_t records = lines_in + (!input.empty() && input.back() != '\n' ? 1 : 0);
    PHISCRUB_FUZZ_CHECK(whole.framed == records);
  }
  return 0;
}
