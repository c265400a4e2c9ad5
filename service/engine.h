// The redaction side of phiscrubd, free of any networking: compiled rules
// (shared), per-thread workers, and the request handlers of the HTTP API and
// the TCP framings. server.cc moves bytes; everything here is testable
// without a socket.
//
// Lifetimes:
//   Engine   compiled: a Ruleset and one JsonRules per payload format.
//            Immutable, shared as std::shared_ptr<const Engine>; a reload
//            builds a new one and swaps the pointer, and every connection
//            keeps the Engine it started with.
//   Worker   per thread: a Scanner and lazily created JsonRedactors and
//            BatchRedactors bound to one Engine. Never shared.
//
// Fail closed: a handler either returns redacted content, a placeholder, or
// an error body naming a reason; it never returns request bytes it could not
// scan, and error bodies never echo input.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"
#include "phiscrub/json.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"

namespace phiscrub::service {

// Payload formats accepted by POST /v1/redact: "json", "ndjson", "auto" and
// the vendor profiles. Index into Engine::json_.
int PayloadFormatIndex(std::string_view name);  // -1 when unknown

class Engine {
 public:
  // Compiles the rules of `config`. nullptr on failure, *diagnostics says why.
  static std::shared_ptr<const Engine> Build(const ServiceConfig& config, uint64_t generation,
                                             std::vector<Diagnostic>* diagnostics);
  const std::shared_ptr<const Ruleset>& rules() const { return rules_; }
  const std::shared_ptr<const JsonRules>& json(int format) const { return json_[format]; }
  // Twilio form callbacks' fields as a JSON object (AddTwilioFormRules).
  const std::shared_ptr<const JsonRules>& twilio_form() const { return twilio_form_; }
  uint64_t generation() const { return generation_; }
  size_t max_record() const { return max_record_; }
  // The policy's text placeholder with `reason` substituted.
  std::string TextPlaceholder(std::string_view reason) const;

  // Keys for the Presidio `hash` and `encrypt` anonymizers; empty when not
  // configured (then those operators answer 422 naming the setting).
  // hash: the policy's HMAC key (--hash-key-file / PHISCRUB_HASH_KEY_FILE).
  const std::string& hash_key() const { return hash_key_; }
  // encrypt: AES-256-GCM key derived from --encrypt-key-file, and its id.
  const std::string& encrypt_key() const { return encrypt_key_; }
  const std::string& encrypt_key_id() const { return encrypt_key_id_; }
  // Presidio entity names /analyze can report, and rule ids (recognizers).
  const std::vector<std::string>& supported_entities() const { return supported_; }
  const std::vector<std::string>& recognizers() const { return recognizers_; }

 private:
  std::string hash_key_, encrypt_key_, encrypt_key_id_;
  std::vector<std::string> supported_, recognizers_;
  std::shared_ptr<const Ruleset> rules_;
  std::vector<std::shared_ptr<const JsonRules>> json_;
  std::shared_ptr<const JsonRules> twilio_form_;
  uint64_t generation_ = 0;
  size_t max_record_ = 0;
};

// What a handler did, for metrics and the audit log. No content.
struct Outcome {
  std::string format;        // payload format, "text", "" when none
  uint64_t records = 0;
  std::vector<uint64_t> findings_by_entity;  // indexed like Ruleset::entities()
  std::string fail_reason;   // why something was withheld or refused, or ""
  uint64_t fail_count = 0;
  void AddFinding(uint16_t entity) {
    if (findings_by_entity.size() <= entity) findings_by_entity.resize(entity + 1u);
    ++findings_by_entity[entity];
  }
};

struct ApiResult {
  int status = 200;
  std::string body;
  const char* content_type = "application/json";
};

class Worker {
 public:
  explicit Worker(std::shared_ptr<const Engine> engine);
  ~Worker();
  const Engine& engine() const { return *engine_; }

  // POST /v1/redact.
  void Redact(std::string_view body, bool lockdown, ApiResult* result, Outcome* outcome);
  // POST /v1/redact/stream: NDJSON (or text lines), one record out per record
  // in. `format` is "auto" (default), "ndjson" or "text".
  void Stream(std::string_view body, std::string_view format, bool lockdown, ApiResult* result,
              Outcome* outcome);
  // POST /analyze (Presidio AnalyzerEngine REST shape).
  void Analyze(std::string_view body, bool lockdown, ApiResult* result, Outcome* outcome);
  // POST /anonymize (Presidio AnonymizerEngine REST shape).
  void Anonymize(std::string_view body, bool lockdown, ApiResult* result, Outcome* outcome);
  // POST /deanonymize: decrypts spans made by the `encrypt` anonymizer.
  void Deanonymize(std::string_view body, bool lockdown, ApiResult* result, Outcome* outcome);
  // A vendor webhook's JSON body, redacted with the payload format `format`
  // (a PayloadFormatIndex). False when it could not be redacted: *out is then
  // empty and the outcome says why (fail closed: nothing is forwarded).
  bool RedactWebhook(std::string_view body, int format, bool lockdown, std::string* out,
                     Outcome* outcome);
  // A form-encoded webhook (Twilio, SignalWire cXML): each field's value is
  // redacted with the field name as its cue (AddTwilioFormRules) and the
  // body re-encoded in the same field order; a field whose value did not
  // change keeps its bytes. In lockdown only the skipped (non-PHI) fields
  // and phiscrub_error=lockdown go out. False when it cannot be redacted
  // (malformed_form: a field name that is not a plain identifier; or the
  // JsonRedactor's reasons): *out is then empty.
  bool RedactWebhookForm(std::string_view body, bool lockdown, std::string* out,
                         Outcome* outcome);
  // GET /supportedentities, /recognizers (?language=), /anonymizers,
  // /deanonymizers: JSON arrays of names.
  void SupportedEntities(std::string_view language, ApiResult* result);
  void Recognizers(std::string_view language, ApiResult* result);
  static void Anonymizers(ApiResult* result);
  static void Deanonymizers(ApiResult* result);

  // TCP records: redacts framed records. `format` text|ndjson|auto. Appends
  // the redacted records (newlines restored as BatchRedactor does).
  void RedactBatch(const RecordBatch& batch, std::string_view format, bool lockdown,
                   std::string* out, Outcome* outcome);

  struct State;

 private:
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<State> state_;
};

// Presidio entity name for one of ours (US_DEA -> MEDICAL_LICENSE, ...).
std::string_view PresidioEntity(std::string_view ours);

// Appends `s` as a JSON string body (no quotes), escaping as RFC 8259 asks.
void AppendJsonEscaped(std::string_view s, std::string* out);

}  // namespace phiscrub::service
