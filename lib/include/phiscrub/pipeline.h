// Text-mode pipeline: frames a byte stream into line records and redacts them.
//
// Two pieces, split so records can be redacted on several threads while the
// output keeps input order:
//   LineFramer    per stream: carries the partial last line across chunks,
//                 bounded by max_record; emits complete records into batches.
//   BatchRedactor per thread: redacts every record of a batch, failing closed
//                 (a placeholder line, counted) when a record cannot be
//                 scanned. Records in = records out, in order.
//
// Usage (single thread):
//   LineFramer framer(opts.max_record);
//   BatchRedactor redactor(rules, opts);
//   RecordBatch batch; BatchResult result;
//   framer.Feed(chunk, &batch); ... framer.Finish(&batch);
//   redactor.Process(batch, &result);   // result.output: redacted bytes
//
// Memory: a framer holds at most max_record bytes of carry-over; a batch
// holds what its caller feeds it before processing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phiscrub/scanner.h"

namespace phiscrub {

class Ruleset;

struct TextOptions {
  // A record (line, without its newline) longer than this is replaced by a
  // placeholder and counted; its bytes are never emitted.
  size_t max_record = 1 << 20;
  // Invalid UTF-8 fails closed by default (placeholder). When true the record
  // is scanned as bytes and invalid sequences pass through outside spans.
  bool scan_invalid_utf8 = false;
};

// Complete records framed from a stream, copied so the batch can move to a
// worker thread.
struct RecordBatch {
  struct Record {
    size_t offset = 0;   // into data
    size_t length = 0;   // bytes kept (0 for oversize records)
    bool newline = false;   // the input record ended with '\n'
    bool oversize = false;  // longer than max_record: bytes were discarded
  };
  uint64_t first_record = 0;  // 0-based number of records[0] in the stream
  // Record bytes, each record followed by one '\n' separator (whether or not
  // the input record had one), so a whole batch can be scanned in one pass.
  std::string data;
  std::vector<Record> records;

  void Clear();
  size_t size() const { return records.size(); }
};

// Per stream. Not thread-safe.
class LineFramer {
 public:
  // `first_record` numbers records continuously across several inputs.
  explicit LineFramer(size_t max_record, uint64_t first_record = 0);

  // Appends every record completed by `chunk` to *batch. Any split of the same
  // stream into chunks yields the same records.
  void Feed(std::string_view chunk, RecordBatch* batch);
  // End of stream: a trailing line without '\n' becomes a last record.
  void Finish(RecordBatch* batch);

  uint64_t records_framed() const { return next_record_; }

 private:
  void Emit(RecordBatch* batch, std::string_view bytes, bool newline);

  size_t max_record_;
  std::string carry_;
  bool discarding_ = false;  // inside an oversize record
  uint64_t next_record_ = 0;
};

// A finding, safe for side channels: positions and ids, never text.
struct Finding {
  uint64_t record = 0;  // 0-based record number in the stream
  Span span;            // offsets within the record
};

// Why a record was withheld; index into Counters::fail_closed.
enum class FailReason : uint8_t { kOversize = 0, kInvalidUtf8, kEngine, kCount };
const char* FailReasonName(FailReason reason);

struct Counters {
  uint64_t records = 0;
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
  uint64_t records_with_findings = 0;
  uint64_t fail_closed[static_cast<int>(FailReason::kCount)] = {};
  std::vector<uint64_t> findings_by_entity;  // indexed by entity

  void Add(const Counters& other);
  uint64_t findings() const;
  uint64_t failed_closed() const;
};

struct BatchResult {
  std::string output;             // redacted records, newlines restored
  std::vector<Finding> findings;  // filled only when requested
  Counters counters;
  void Clear();
};

// Per thread. Not thread-safe; one per worker.
class BatchRedactor {
 public:
  BatchRedactor(std::shared_ptr<const Ruleset> ruleset, TextOptions options);

  // Redacts every record of `batch`, appending to result->output and adding
  // to result->counters (and findings when collect_findings).
  void Process(const RecordBatch& batch, BatchResult* result,
               bool collect_findings = false);

  // The placeholder written for a withheld record (no newline).
  std::string Placeholder(FailReason reason) const;

 private:
  void Withhold(FailReason reason, BatchResult* result);

  Scanner scanner_;
  TextOptions options_;
  std::vector<Span> spans_;
  std::vector<Scanner::Candidate> candidates_;
  std::vector<Scanner::Candidate> record_candidates_;
};

}  // namespace phiscrub
