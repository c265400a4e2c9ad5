// JSON and NDJSON redaction: string values are scanned (decoded, with the key
// name as context) and only the strings that change are re-encoded; keys,
// numbers, booleans, nulls, whitespace and every other byte stay as they were.
//
// Three pieces, one per lifetime:
//   JsonOptions   plain configuration (key rules, placeholder); loaded from a
//                 YAML key file with LoadJsonKeyFile at start-up.
//   JsonRules     compiled: key rules resolved against a Ruleset. Immutable,
//                 shared by every thread as std::shared_ptr<const JsonRules>.
//   JsonRedactor  per thread: a simdjson parser, a Scanner and reusable
//                 buffers. Never share one between threads.
//
// Usage:
//   phiscrub::JsonOptions jopts;                      // HIPAA keys on
//   std::vector<phiscrub::Diagnostic> diags;
//   phiscrub::LoadJsonKeyFile("keys.yaml", &jopts, &diags);  // optional
//   phiscrub::RulesetOptions ropts;
//   for (auto& e : phiscrub::JsonRequiredEntities(jopts))
//     ropts.extra_entities.push_back(e);              // "DIAGNOSIS", ...
//   auto rules = phiscrub::Ruleset::Compile(ropts, &diags);
//   auto json_rules = phiscrub::JsonRules::Compile(rules, jopts, &diags);
//   phiscrub::JsonRedactor redactor(json_rules);      // one per thread
//   std::string out;
//   std::vector<phiscrub::JsonFinding> findings;
//   if (redactor.Redact(line, &out, &findings).ok()) write(out);
//   else write(json_rules->ErrorPlaceholder("malformed_json"));  // never `line`
//
// What gets redacted, most specific rule first:
//   1. a `path:` rule of the key file matching the value's JSON path;
//   2. a `key:` rule of the key file matching the member's key name;
//   3. a built-in HIPAA key (ssn, dob, date_of_birth, phone, address, mrn,
//      medical_record, diagnosis, prescription and siblings), unless
//      `hipaa_keys: false`;
//   4. the rule inherited from the enclosing object or array;
//   5. otherwise `scan`: the decoded string is scanned with the key name as
//      context (its hotwords count, as in Scanner::ScanWithContext).
// Key names match case-insensitively after dropping everything but letters
// and digits, so `dateOfBirth`, `date-of-birth`, `DATE_OF_BIRTH` are `dob`'s
// sibling `dateofbirth`. A `redact` rule replaces the whole value per the
// policy of its entity; a number or boolean becomes a JSON string
// (`"ssn": 123456789` -> `"ssn": "[US_SSN]"`); null and "" stay; an object or
// array has every scalar inside redacted, its structure kept. `skip` leaves a
// value (and everything inside it) unscanned.
//
// A string whose decoded value starts with `{` or `[` and parses as JSON (a
// tool call's `arguments`) is redacted as JSON and re-serialised; one that
// does not parse is scanned as text.
//
// Cost: one simdjson validation pass and one token walk per document; one
// Hyperscan candidate pass per document, or per batch of documents
// (BeginBatch), or per 256 KiB of decoded strings; confirm and render run
// only for strings with candidates. Memory is bounded by a small multiple of
// the record size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phiscrub/ruleset.h"
#include "phiscrub/scanner.h"
#include "phiscrub/status.h"

namespace phiscrub {

// One key rule. Exactly one of `path` and `key` is set.
struct JsonKeyRule {
  enum class Action : uint8_t {
    kRedact,  // replace the whole value per the policy of `entity`
    kScan,    // scan string values (the default for every value)
    kSkip,    // never scan (timestamps, trace ids); nothing inside either
  };
  // A JSON path from the document root: `$`, `.name`, `['name']`, `[3]`,
  // `[*]` (any element) and `.*` (any member), e.g. `$.call_log[*].content`.
  std::string path;
  // A key name, matched anywhere after normalisation (letters and digits
  // only, lower-cased).
  std::string key;
  Action action = Action::kScan;
  // Entity for kRedact (e.g. "DIAGNOSIS"); its policy renders the value.
  std::string entity;
  // Rule id reported in findings; empty: "json.rule.<n>" (1-based).
  std::string id;
  // Where the rule was written ("keys.yaml line 7"), named in diagnostics.
  std::string source;
};

// Keeps a speech-to-text transcript and its word list in step. The
// transcript string is scanned as usual; each word is located in it, and
// every word inside a span gets the span's replacement (the same label the
// transcript shows), its timings kept. The transcript's findings carry the
// audio start and end of those words. A word that cannot be located, and the
// words of a group without a transcript, are scanned on their own.
//
// Paths below `group` are relative ("transcript", "transcripts[0].transcript",
// "alternatives[0].content"). Alignment applies to the outer document only.
struct JsonWordAlignment {
  std::string group;       // e.g. "$.results.channels[*].alternatives[*]"
  std::string transcript;  // below the group: "transcript"
  std::string words;       // the word array below the group: "words"
  // Below a word: its text tokens, all rewritten ("word", "punctuated_word").
  std::vector<std::string> word_text;
  std::string start;  // below a word: start time, seconds (number or string)
  std::string end;    // below a word: end time
  std::string id;     // reported as the rule of nothing; for diagnostics
};

struct JsonOptions {
  // Apply the built-in HIPAA key rules (see the file comment).
  bool hipaa_keys = true;
  // Key file rules, in file order; earlier rules win among equals.
  std::vector<JsonKeyRule> rules;
  // Redact JSON found inside string values.
  bool nested_json = true;
  // Transcript/word-list pairs kept in step (speech-to-text profiles).
  std::vector<JsonWordAlignment> alignments;
  // Give each document that unambiguously is a known vendor payload (see
  // JsonProfileNames) that profile's rules on top of these options; others
  // get these options only. For mixed streams (--format auto).
  bool detect_profiles = false;
  // Replace call recording and log URLs named by the vendor profiles
  // (recordingUrl, recording_url, public_log_url, Twilio RecordingUrl and
  // MediaUrlN) with the entity RECORDING_URL: whoever holds such a link may
  // hear the call. Off (the default): they are scanned like any string, so a
  // phone number or name inside one is still redacted and the link works.
  bool redact_recording_urls = false;
  // Record written in JSON modes instead of a record that cannot be
  // redacted; `{reason}` becomes the FailReason name. Must yield valid JSON.
  std::string placeholder = R"({"phiscrub_error":"{reason}"})";
};

// Reads a YAML key file into *options (rules are appended; `hipaa_keys`,
// `nested_json` and `placeholder` override). Every problem is reported, each
// naming the file and rule number. Returns false when any error was found.
// Start-up only: may allocate freely; never throws.
//
//   hipaa_keys: true
//   placeholder: '{"phiscrub_error":"{reason}"}'
//   rules:
//     - {path: "$.user.notes", action: redact, entity: CLINICAL_NOTE}
//     - {path: "$.call_log[*].content", action: scan}
//     - {key: trace_id, action: skip}
bool LoadJsonKeyFile(const std::string& path, JsonOptions* options,
                     std::vector<Diagnostic>* diagnostics);

// Built-in payload profiles: the names AddJsonProfile accepts.
//   signalwire  SWML AI post_prompt_url payloads and SWAIG function requests:
//               caller_id_name/caller_id_number/caller_id_num always redacted;
//               ids skipped; call_log, swaig_log, post_prompt_data scanned
//               (JSON inside command_arg, arguments, raw decoded).
//   vapi        server messages (end-of-call-report, ...): customer number and
//               name always redacted; recording and log URLs scanned
//               (entity RECORDING_URL with redact_recording_urls); ids
//               skipped.
//   retell      call webhooks (call_analyzed, ...): from_number/to_number
//               always redacted; recording and log URLs as for vapi;
//               transcript_object[].words[] aligned with each utterance.
//   deepgram    pre-recorded and streaming results: every alternative's (and
//               utterance's) words[] aligned with its transcript.
//   transcribe  Amazon Transcribe batch output (results.items[] with
//               results.transcripts[0]) and streaming events (Items[] with
//               Transcript).
const std::vector<std::string>& JsonProfileNames();

// Appends the key rules and alignments of profile `name` to *options (after
// any rules already there, which therefore win). False for an unknown name.
bool AddJsonProfile(std::string_view name, JsonOptions* options);

// Entity names the key rules redact to (HIPAA keys and `redact` rules), to be
// registered with RulesetOptions::extra_entities before compiling the
// Ruleset that JsonRules::Compile receives.
std::vector<std::string> JsonRequiredEntities(const JsonOptions& options);

// Compiled key rules bound to one Ruleset. Immutable; thread-safe.
class JsonRules {
 public:
  // Returns nullptr when a rule is invalid (bad path, entity not registered
  // in `ruleset`, placeholder not valid JSON); *diagnostics lists every
  // problem.
  static std::shared_ptr<const JsonRules> Compile(
      std::shared_ptr<const Ruleset> ruleset, const JsonOptions& options,
      std::vector<Diagnostic>* diagnostics);

  ~JsonRules();
  JsonRules(const JsonRules&) = delete;
  JsonRules& operator=(const JsonRules&) = delete;

  const std::shared_ptr<const Ruleset>& ruleset() const;
  const JsonOptions& options() const;
  // The placeholder record for `reason` ("malformed_json", "oversize", ...).
  std::string ErrorPlaceholder(std::string_view reason) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit JsonRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A finding in a JSON document: where, never what.
struct JsonFinding {
  // JSON path of the string or scalar, e.g. `$.user.phones[2]`. A key that
  // could itself carry data (anything but ASCII letters, digits, `_` and
  // `-`, at most 64 bytes, fewer than 4 digits) prints as `*`. Inside JSON
  // decoded from a string, the inner path follows a `|`:
  // `$.tool_calls[0].function.arguments|$.ssn`.
  std::string path;
  // Byte offset of the value's token (its opening quote) in the document;
  // for JSON inside a string, the outer string's token.
  size_t token = 0;
  // start/end: offsets in the decoded string (the innermost one for JSON in
  // a string; the token text for a number or boolean). entity/score as in
  // Scanner. span.rule is a Ruleset rule index unless `key_rule` is set.
  Span span;
  // Id of the key rule that redacted the whole value ("json.hipaa.ssn"), or
  // empty when a pattern rule found the span. Points into the JsonRules,
  // valid while it lives.
  std::string_view key_rule;
  // Transcript spans of a JsonWordAlignment: start of the first and end of
  // the last word inside the span, in seconds; -1 when unknown.
  double audio_start = -1;
  double audio_end = -1;
};

// Per thread. Not thread-safe (debug builds abort on re-entry); keeps its
// JsonRules (and Ruleset) alive.
class JsonRedactor {
 public:
  explicit JsonRedactor(std::shared_ptr<const JsonRules> rules);
  ~JsonRedactor();
  JsonRedactor(const JsonRedactor&) = delete;
  JsonRedactor& operator=(const JsonRedactor&) = delete;

  // Appends the redacted form of the JSON document `json` to *out. On
  // success *findings (when not null) holds the findings in document order.
  // On failure nothing is appended, *findings is empty and the caller must
  // not emit `json`:
  //   kMalformed    not valid JSON, or nested deeper than the parser allows
  //                 (1024 levels), or a number simdjson cannot represent;
  //   kInvalidUtf8  not valid UTF-8;
  //   kEngine       Hyperscan/RE2 or memory failure;
  //   kInternal     a bug.
  //
  // `with_paths` false leaves JsonFinding::path empty (cheaper when only
  // counts are needed).
  [[nodiscard]] Status Redact(std::string_view json, std::string* out,
                              std::vector<JsonFinding>* findings,
                              bool with_paths = true);

  // Batch form, used by pipelines: the strings of many documents share one
  // Hyperscan candidate pass (per 256 KiB of strings), which costs far less
  // than one pass per small record. Output is identical to Redact per
  // document.
  //
  //   redactor.BeginBatch(true);
  //   for (auto line : lines) redactor.AddToBatch(line);  // bytes must live
  //   redactor.FinishBatch(&out, &findings, &items);      // until here
  //   // items[i]: status of line i, its bytes in out, its findings
  struct BatchItem {
    Status status;  // as Redact; a failed document has nothing in *out
    size_t out_begin = 0, out_end = 0;            // its bytes in *out
    size_t findings_begin = 0, findings_end = 0;  // its findings
  };
  void BeginBatch(bool with_paths = true);
  // Validates and walks `json` now; its strings are scanned later. The bytes
  // must stay valid until FinishBatch.
  void AddToBatch(std::string_view json);
  // Appends every successful document, in order, to *out; their findings (in
  // document order) to *findings unless null; one item per added document to
  // *items (cleared first).
  void FinishBatch(std::string* out, std::vector<JsonFinding>* findings,
                   std::vector<BatchItem>* items);

  const JsonRules& rules() const { return *rules_; }

  struct State;

 private:
  std::shared_ptr<const JsonRules> rules_;
  std::unique_ptr<State> state_;
  std::vector<BatchItem> items_;
};

}  // namespace phiscrub
