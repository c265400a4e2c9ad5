// Record pipeline: frames a byte stream into line records (or one whole-input
// JSON document) and redacts them as text, JSON or NDJSON.
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
// Formats (TextOptions::format): kText scans each line as text; kTranscript
// scans each line as a turn of a conversation, expecting what the turns
// before it asked for (Scanner::ScanTurn; frame with
// LineFramer::KeepConversationContext); kNdjson
// redacts each line as one JSON document (phiscrub/json.h; blank lines pass
// through); kAuto treats a line whose first non-blank byte is `{` or `[` as
// JSON and falls back to text when it does not parse, other lines as text;
// kJson is kNdjson over records framed with LineFramer(..., whole_input).
// In JSON formats a withheld record becomes the JsonRules placeholder
// (`{"phiscrub_error":"<reason>"}`), so the output stays valid JSON.
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

#include "phiscrub/json.h"
#include "phiscrub/scanner.h"

namespace phiscrub {

class Ruleset;

enum class RecordFormat : uint8_t { kText, kNdjson, kJson, kAuto, kTranscript };

// Parses a byte count as --max-record and the sidecar's settings take it:
// digits with an optional K/KiB, M/MiB or G/GiB suffix (powers of 1024).
// False for anything else, for 0 and on overflow.
bool ParseByteSize(std::string_view text, size_t* out);

struct TextOptions {
  // A record (line, without its newline) longer than this is replaced by a
  // placeholder and counted; its bytes are never emitted.
  size_t max_record = 1 << 20;
  // Invalid UTF-8 fails closed by default (placeholder). When true the record
  // is scanned as bytes and invalid sequences pass through outside spans.
  // JSON records never parse with invalid UTF-8: in kNdjson/kJson they are
  // withheld either way; in kAuto they are scanned as text.
  bool scan_invalid_utf8 = false;
  RecordFormat format = RecordFormat::kText;
  // Key rules for JSON records; required unless format is kText (without
  // them every JSON record is withheld as engine_error). Its ruleset must be
  // the one given to BatchRedactor.
  std::shared_ptr<const JsonRules> json;
};

// Complete records framed from a stream, copied so the batch can move to a
// worker thread.
struct RecordBatch {
  struct Record {
    size_t offset = 0;   // into data
    size_t length = 0;   // bytes kept (0 for oversize records)
    bool newline = false;   // the input record ended with '\n'
    bool oversize = false;  // longer than max_record: bytes were discarded
    // Oversize records only: first non-blank byte (' ', '\t') seen, or 0,
    // so a placeholder can match the record's format.
    char lead = 0;
    // Conversations (LineFramer with conversation context): the turns before
    // this one in the same conversation, in RecordBatch::context.
    size_t context_offset = 0;
    size_t context_length = 0;
    // Text mode (KeepLabelContext): the context is the turns before this
    // one, not a label.
    bool turn_context = false;
  };
  uint64_t first_record = 0;  // 0-based number of records[0] in the stream
  // Record bytes, each record followed by one '\n' separator (whether or not
  // the input record had one), so a whole batch can be scanned in one pass.
  std::string data;
  std::vector<Record> records;
  std::string context;  // conversation context of the records (see Record)

  void Clear();
  size_t size() const { return records.size(); }
};

// Per stream. Not thread-safe.
class LineFramer {
 public:
  // `first_record` numbers records continuously across several inputs.
  // `whole_input`: newlines do not end records; the whole stream (up to
  // Finish) is one record, newlines included (for one JSON document).
  explicit LineFramer(size_t max_record, uint64_t first_record = 0,
                      bool whole_input = false);

  // Conversations: each record carries the turns before it in the same
  // conversation (at most kContextTurns lines, each its last kContextBytes
  // bytes; a blank line starts a new conversation). `all_lines`: every line
  // is a turn (--format transcript); otherwise only lines that look like
  // turns ("Agent: ...", "[doctor] ...", see LooksLikeTurn) carry and get
  // context (--format auto).
  void KeepConversationContext(bool all_lines);
  // What `format` needs: conversation context for kTranscript (every line)
  // and kAuto (lines that look like turns); for kText, a form label on a
  // line of its own ("Phone:", "Date of Birth:") is the context of the line
  // right after it (see KeepLabelContext).
  void ConfigureFor(RecordFormat format);
  // A line that is only a label (IsLabelLine) becomes the context of the
  // next line, if that line follows it directly: forms and letters that put
  // the value under its label. A speaker turn right after other turns
  // ("Agent: Could you spell it?" / "Caller: r e y e s") gets them as
  // context instead, as with --format auto (Record::turn_context).
  void KeepLabelContext();
  // (Questions count from the last three; the five before those hold parts
  // of a value said over several turns, and questions a read-back after
  // short turns answers.)
  static constexpr size_t kContextTurns = 8;
  static constexpr size_t kContextBytes = 2048;

  // Appends every record completed by `chunk` to *batch. Any split of the same
  // stream into chunks yields the same records.
  void Feed(std::string_view chunk, RecordBatch* batch);
  // End of stream: a trailing line without '\n' becomes a last record.
  void Finish(RecordBatch* batch);

  uint64_t records_framed() const { return next_record_; }

 private:
  void Emit(RecordBatch* batch, std::string_view bytes, bool newline);

  void NoteLead(std::string_view bytes);
  // Records `line` in the conversation; a turn after turns gets them as its
  // context when `attach` says whether (given the turn before it) it should.
  void NoteTurn(RecordBatch* batch, RecordBatch::Record* r, std::string_view line,
                bool (*attach)(std::string_view previous, std::string_view line) = nullptr);

  size_t max_record_;
  bool whole_input_ = false;
  std::string carry_;
  bool discarding_ = false;  // inside an oversize record
  bool ends_newline_ = false;  // whole_input: the last byte fed was '\n'
  char lead_ = 0;            // of the oversize record being discarded
  uint64_t next_record_ = 0;
  bool conversation_ = false;
  bool all_turns_ = false;
  bool label_context_ = false;
  std::string label_;  // the previous line, when it was a label
  // The lines of a possible address block: from a line that may open one
  // (a street, an address label) and the short lines after it.
  std::string block_;
  size_t block_lines_ = 0;  // lines since the last one that may open a block
  static constexpr size_t kBlockLines = 6;
  static constexpr size_t kBlockKeep = 4;
  static constexpr size_t kBlockBytes = 1024;
  // A column header (internal::ColumnHeaderKind): a delimited one stays the
  // context of the rows after it until a blank line; a statement's, of the
  // next line only.
  std::string header_;
  bool header_sticky_ = false;
  std::string turns_[kContextTurns];  // older first
  size_t turn_count_ = 0;
};

// True when `line` is a form label alone: one to four words, then ':' and
// nothing after it ("Phone:", "Date of Birth:", "Personal Info:").
bool IsLabelLine(std::string_view line);

// True when `line` reads as a transcript turn: an optional [hh:mm:ss] or
// (hh:mm:ss) stamp, then a speaker label ("Agent:", "Speaker 1:", "user:",
// "[doctor]") before the words.
bool LooksLikeTurn(std::string_view line);

// A finding, safe for side channels: positions and ids, never text.
struct Finding {
  uint64_t record = 0;  // 0-based record number in the stream
  Span span;            // offsets within the record (JSON: within the string)
  // JSON records only (see JsonFinding): the value's path, and the key rule
  // id when a key rule redacted the whole value (points into the JsonRules).
  std::string path;
  std::string_view key_rule;
  double audio_start = -1;  // seconds, for aligned transcripts; -1 unknown
  double audio_end = -1;
  // JSON records only: byte offset in the record of the value's token (its
  // opening quote; for JSON inside a string, the outer string's token).
  int64_t token = -1;
};

// Why a record was withheld; index into Counters::fail_closed.
enum class FailReason : uint8_t {
  kOversize = 0,   // longer than max_record
  kInvalidUtf8,    // not UTF-8 (and not scanned as bytes)
  kEngine,         // Hyperscan/RE2 (or an internal) failure
  kMalformedJson,  // a JSON record that does not parse (or nests too deep)
  kCount
};
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

  // The placeholder written for a withheld record (no newline): the policy's
  // text placeholder, or the JSON one when `json`.
  std::string Placeholder(FailReason reason, bool json = false) const;

 private:
  void Withhold(FailReason reason, bool json, BatchResult* result);
  void ProcessStructured(const RecordBatch& batch, BatchResult* result,
                         bool collect_findings);
  void ProcessText(std::string_view text, uint64_t record,
                   BatchResult* result, bool collect_findings);
  // A turn of a conversation with the turns before it (may be empty).
  void ProcessTurn(std::string_view previous, std::string_view text, uint64_t record,
                   BatchResult* result, bool collect_findings);
  void ProcessTranscript(const RecordBatch& batch, BatchResult* result, bool collect_findings);
  // kAuto: a record that looks like JSON but does not parse is scanned as
  // text (JSON escapes decoded by the scanner's views) with the key rules
  // applied loosely (internal::LooseKeyRuleSpans).
  void ProcessLooseJson(std::string_view text, uint64_t record,
                        BatchResult* result, bool collect_findings);
  void CountSpans(uint64_t record, BatchResult* result, bool collect_findings);

  Scanner scanner_;
  TextOptions options_;
  std::unique_ptr<JsonRedactor> json_;
  // JSON formats: per record of the batch, what to do with it.
  struct Plan {
    uint8_t kind = 0;  // see line_pipeline.cc
    uint8_t reason = 0;
    bool json_placeholder = false;
  };
  std::vector<Plan> plan_;
  std::string json_out_;
  std::vector<JsonFinding> json_findings_;
  std::vector<JsonRedactor::BatchItem> json_items_;
  std::vector<Span> spans_;
  std::vector<Span> merged_;
  std::vector<Scanner::Candidate> candidates_;
  std::vector<Scanner::Candidate> record_candidates_;
};

}  // namespace phiscrub
