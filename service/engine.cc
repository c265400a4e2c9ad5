#include "engine.h"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>


namespace phiscrub::service {
namespace {

// Payload formats: 0 json, 1 ndjson, 2 auto, then the vendor profiles.
constexpr int kJson = 0, kNdjson = 1, kAuto = 2, kFirstProfile = 3;

std::vector<std::string> FormatNames() {
  std::vector<std::string> names = {"json", "ndjson", "auto"};
  for (const auto& p : JsonProfileNames()) names.push_back(p);
  return names;
}

const std::vector<std::string>& Formats() {
  static const std::vector<std::string> names = FormatNames();
  return names;
}

void AppendError(int status, const char* reason, const char* message, ApiResult* r) {
  r->status = status;
  r->content_type = "application/json";
  r->body = "{\"error\":\"";
  r->body += reason;
  r->body += "\",\"message\":\"";
  r->body += message;  // fixed text, never input
  r->body += "\"}";
}

void AppendScore(float score, std::string* out) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.2f", static_cast<double>(score));
  *out += buf;
}

void AppendOverview(const Ruleset& rules, const Outcome& o, std::string* out) {
  *out += "\"overview\":{\"findings_by_entity\":{";
  bool first = true;
  for (size_t i = 0; i < o.findings_by_entity.size(); ++i) {
    if (o.findings_by_entity[i] == 0) continue;
    if (!first) out->push_back(',');
    first = false;
    out->push_back('"');
    *out += rules.entities()[i];
    *out += "\":" + std::to_string(o.findings_by_entity[i]);
  }
  *out += "}}";
}

// One finding object; `path` null for plain text.
void AppendFinding(const Ruleset& rules, std::string_view path, bool has_path, const Span& span,
                   std::string_view key_rule, double audio_start, double audio_end,
                   int64_t record, std::string* out) {
  *out += "{";
  if (record >= 0) *out += "\"record\":" + std::to_string(record) + ",";
  *out += "\"path\":";
  if (has_path) {
    out->push_back('"');
    AppendJsonEscaped(path, out);
    out->push_back('"');
  } else {
    *out += "null";
  }
  *out += ",\"start\":" + std::to_string(span.start);
  *out += ",\"end\":" + std::to_string(span.end);
  *out += ",\"entity\":\"" + rules.entities()[span.entity] + "\",\"rule\":\"";
  AppendJsonEscaped(key_rule.empty() ? std::string_view(rules.rule(span.rule).id) : key_rule,
                    out);
  *out += "\",\"score\":";
  AppendScore(span.score, out);
  if (audio_start >= 0 && audio_end >= 0) {
    char buf[80];
    snprintf(buf, sizeof buf, ",\"audio_start\":%.3f,\"audio_end\":%.3f", audio_start,
             audio_end);
    *out += buf;
  }
  *out += "}";
}

FailReason FailReasonOf(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kOversize: return FailReason::kOversize;
    case ErrorCode::kInvalidUtf8: return FailReason::kInvalidUtf8;
    case ErrorCode::kMalformed: return FailReason::kMalformedJson;
    default: return FailReason::kEngine;
  }
}

// Byte offset -> code point offset (Presidio counts Python str indices).
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {}
  // Offsets must be asked in non-decreasing order.
  size_t At(size_t byte) {
    byte = std::min(byte, text_.size());
    if (byte < pos_) {
      pos_ = 0;
      count_ = 0;
    }
    for (; pos_ < byte; ++pos_) {
      if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) ++count_;
    }
    return count_;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t count_ = 0;
};

// Code point offset -> byte offset; false when past the end.
bool ByteOffset(std::string_view text, size_t cp, size_t* byte) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (n == cp) {
        *byte = i;
        return true;
      }
      ++n;
    }
  }
  if (n == cp) {
    *byte = text.size();
    return true;
  }
  return false;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

int PayloadFormatIndex(std::string_view name) {
  const auto& f = Formats();
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string_view PresidioEntity(std::string_view e) {
  if (e == "DATE_OF_BIRTH" || e == "DATE") return "DATE_TIME";
  if (e == "US_DEA") return "MEDICAL_LICENSE";
  if (e == "STREET_ADDRESS" || e == "ZIP_CODE") return "LOCATION";
  return e;  // US_SSN, PHONE_NUMBER, EMAIL_ADDRESS, CREDIT_CARD, IP_ADDRESS, PERSON, ...
}

void AppendJsonEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        *out += "\\u00";
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
}

std::shared_ptr<const Engine> Engine::Build(const ServiceConfig& config, uint64_t generation,
                                            std::vector<Diagnostic>* diags) {
  const auto& formats = Formats();
  std::vector<JsonOptions> opts(formats.size());
  for (size_t i = 0; i < formats.size(); ++i) {
    if (!config.json_keys.empty() && !LoadJsonKeyFile(config.json_keys, &opts[i], diags)) {
      return nullptr;
    }
    if (static_cast<int>(i) == kAuto) opts[i].detect_profiles = true;
    if (static_cast<int>(i) >= kFirstProfile) AddJsonProfile(formats[i], &opts[i]);
  }
  RulesetOptions ropts = config.rules;
  for (const auto& o : opts) {
    for (auto& e : JsonRequiredEntities(o)) {
      if (std::find(ropts.extra_entities.begin(), ropts.extra_entities.end(), e) ==
          ropts.extra_entities.end()) {
        ropts.extra_entities.push_back(e);
      }
    }
  }
  auto rules = Ruleset::Compile(ropts, diags);
  if (!rules) return nullptr;
  auto engine = std::shared_ptr<Engine>(new Engine());
  engine->rules_ = rules;
  engine->generation_ = generation;
  engine->max_record_ = config.max_record;
  engine->json_.resize(formats.size());
  for (size_t i = 0; i < formats.size(); ++i) {
    if (static_cast<int>(i) == kNdjson) {
      engine->json_[i] = engine->json_[kJson];
      continue;
    }
    engine->json_[i] = JsonRules::Compile(rules, opts[i], diags);
    if (!engine->json_[i]) return nullptr;
  }
  return engine;
}

std::string Engine::TextPlaceholder(std::string_view reason) const {
  return rules_->TextPlaceholder(reason);
}

struct Worker::State {
  explicit State(const std::shared_ptr<const Ruleset>& rules) : scanner(rules) {}
  Scanner scanner;
  std::vector<std::unique_ptr<JsonRedactor>> json;
  std::unique_ptr<BatchRedactor> batch[3];  // text, ndjson, auto
  simdjson::ondemand::parser parser;
  std::string padded;
  std::string scratch;
  std::vector<Span> spans;
  std::vector<JsonFinding> json_findings;
  BatchResult result;
  RecordBatch records;
};

Worker::Worker(std::shared_ptr<const Engine> engine)
    : engine_(std::move(engine)), state_(std::make_unique<State>(engine_->rules())) {
  state_->json.resize(Formats().size());
}

Worker::~Worker() = default;

namespace {

// Parsed POST /v1/redact, /analyze or /anonymize body. string_views point into
// the worker's padded copy or the parser's string buffer.
struct Request {
  bool has_text = false;
  std::string_view text;
  bool has_payload = false;
  bool payload_is_string = false;
  std::string_view payload;  // raw JSON, or the decoded string
  std::string_view format;
  std::string_view mode;
  std::string_view language;
  bool has_entities = false;
  std::vector<std::string_view> entities;
  double score_threshold = 0;
  // /anonymize
  struct Item {
    size_t start = 0, end = 0;
    double score = 0;
    std::string entity;
  };
  std::vector<Item> items;
  struct Operator {
    std::string type;
    std::string new_value;
    std::string masking_char = "*";
    int64_t chars_to_mask = 0;
    bool from_end = false;
  };
  std::map<std::string, Operator, std::less<>> anonymizers;
};

using simdjson::ondemand::json_type;

const char* ParseOperator(simdjson::ondemand::object obj, Request::Operator* op) {
  for (auto f : obj) {
    std::string_view k;
    if (f.unescaped_key().get(k)) return "malformed anonymizers";
    auto v = f.value();
    std::string_view s;
    if (k == "type") {
      if (v.get_string().get(s)) return "anonymizer type must be a string";
      op->type = s;
    } else if (k == "new_value") {
      if (v.get_string().get(s)) return "new_value must be a string";
      op->new_value = s;
    } else if (k == "masking_char") {
      if (v.get_string().get(s)) return "masking_char must be a string";
      op->masking_char = s;
    } else if (k == "chars_to_mask") {
      if (v.get_int64().get(op->chars_to_mask)) return "chars_to_mask must be an integer";
    } else if (k == "from_end") {
      if (v.get_bool().get(op->from_end)) return "from_end must be a boolean";
    }
  }
  return nullptr;
}

// Returns nullptr, or a fixed error message (400).
const char* ParseRequest(simdjson::ondemand::parser& parser, std::string& padded,
                         std::string_view body, Request* req) {
  padded.assign(body.data(), body.size());
  padded.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::ondemand::document doc;
  if (parser.iterate(padded.data(), body.size(), padded.size()).get(doc)) {
    return "body is not valid JSON";
  }
  simdjson::ondemand::object obj;
  if (doc.get_object().get(obj)) return "body must be a JSON object";
  for (auto field : obj) {
    std::string_view key;
    if (field.unescaped_key().get(key)) return "body is not valid JSON";
    simdjson::ondemand::value v;
    if (field.value().get(v)) return "body is not valid JSON";
    if (key == "text") {
      if (v.get_string().get(req->text)) return "\\\"text\\\" must be a string";
      req->has_text = true;
    } else if (key == "payload") {
      json_type t;
      if (v.type().get(t)) return "body is not valid JSON";
      req->has_payload = true;
      if (t == json_type::object) {
        simdjson::ondemand::object o;
        if (v.get_object().get(o) || o.raw_json().get(req->payload)) {
          return "payload is not valid JSON";
        }
      } else if (t == json_type::array) {
        simdjson::ondemand::array a;
        if (v.get_array().get(a) || a.raw_json().get(req->payload)) {
          return "payload is not valid JSON";
        }
      } else if (t == json_type::string) {
        if (v.get_string().get(req->payload)) return "payload is not valid JSON";
        req->payload_is_string = true;
      } else {
        return "payload must be an object, an array or a string";
      }
    } else if (key == "format") {
      if (v.get_string().get(req->format)) return "\\\"format\\\" must be a string";
    } else if (key == "mode") {
      if (v.get_string().get(req->mode)) return "\\\"mode\\\" must be a string";
    } else if (key == "language") {
      if (v.get_string().get(req->language)) return "\\\"language\\\" must be a string";
    } else if (key == "entities") {
      json_type t;
      if (v.type().get(t)) return "body is not valid JSON";
      if (t == json_type::null) continue;
      simdjson::ondemand::array a;
      if (v.get_array().get(a)) return "\\\"entities\\\" must be an array of strings";
      req->has_entities = true;
      for (auto e : a) {
        std::string_view s;
        if (e.get_string().get(s)) return "\\\"entities\\\" must be an array of strings";
        req->entities.push_back(s);
      }
    } else if (key == "score_threshold") {
      json_type t;
      if (v.type().get(t)) return "body is not valid JSON";
      if (t == json_type::null) continue;
      if (v.get_double().get(req->score_threshold)) return "score_threshold must be a number";
    } else if (key == "analyzer_results") {
      simdjson::ondemand::array a;
      if (v.get_array().get(a)) return "analyzer_results must be an array";
      for (auto e : a) {
        simdjson::ondemand::object o;
        if (e.get_object().get(o)) return "analyzer_results must hold objects";
        Request::Item item;
        bool has_start = false, has_end = false, has_type = false;
        for (auto f : o) {
          std::string_view k;
          if (f.unescaped_key().get(k)) return "body is not valid JSON";
          auto fv = f.value();
          if (k == "start") {
            int64_t n;
            if (fv.get_int64().get(n) || n < 0) return "start must be an integer >= 0";
            item.start = static_cast<size_t>(n);
            has_start = true;
          } else if (k == "end") {
            int64_t n;
            if (fv.get_int64().get(n) || n < 0) return "end must be an integer >= 0";
            item.end = static_cast<size_t>(n);
            has_end = true;
          } else if (k == "entity_type") {
            std::string_view s;
            if (fv.get_string().get(s)) return "entity_type must be a string";
            item.entity = s;
            has_type = true;
          } else if (k == "score") {
            if (fv.get_double().get(item.score)) return "score must be a number";
          }
        }
        if (!has_start || !has_end || !has_type) {
          return "analyzer_results items need start, end and entity_type";
        }
        req->items.push_back(std::move(item));
      }
    } else if (key == "anonymizers") {
      simdjson::ondemand::object o;
      if (v.get_object().get(o)) return "anonymizers must be an object";
      for (auto f : o) {
        std::string_view k;
        if (f.unescaped_key().get(k)) return "body is not valid JSON";
        simdjson::ondemand::object opo;
        if (f.value().get_object().get(opo)) return "each anonymizer must be an object";
        Request::Operator op;
        if (const char* err = ParseOperator(opo, &op)) return err;
        req->anonymizers[std::string(k)] = std::move(op);
      }
    }
    // Other members are ignored (Presidio clients send correlation_id, ...).
  }
  // Trailing bytes after the object are an error, too.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return "body is not valid JSON";
  return nullptr;
}

}  // namespace

void Worker::Redact(std::string_view body, bool lockdown, ApiResult* r, Outcome* outcome) {
  State& s = *state_;
  const Ruleset& rules = *engine_->rules();
  Request req;
  if (const char* err = ParseRequest(s.parser, s.padded, body, &req)) {
    AppendError(400, "malformed_request", err, r);
    return;
  }
  bool report = false;
  if (req.mode == "report") {
    report = true;
  } else if (!req.mode.empty() && req.mode != "redact") {
    AppendError(422, "unknown_mode", "mode must be redact or report", r);
    return;
  }
  if (req.has_text == req.has_payload) {
    AppendError(400, "malformed_request", "give exactly one of text and payload", r);
    return;
  }
  outcome->records = 1;
  std::string& out = r->body;
  out.clear();
  if (req.has_text) {
    outcome->format = "text";
    if (req.format.size() > 0 && req.format != "text" && req.format != "auto") {
      AppendError(422, "unknown_format", "text takes format text or auto", r);
      return;
    }
    std::string& red = s.scratch;
    red.clear();
    s.spans.clear();
    if (lockdown) {
      red = engine_->TextPlaceholder("lockdown");
      outcome->fail_reason = "lockdown";
      outcome->fail_count = 1;
    } else {
      Status st = s.scanner.Redact(req.text, &red, &s.spans);
      if (!st.ok()) {
        outcome->fail_reason = FailReasonName(FailReasonOf(st));
        outcome->fail_count = 1;
        AppendError(500, "internal", "the text could not be scanned; nothing is returned", r);
        return;
      }
    }
    out += "{";
    if (!report) {
      out += "\"text\":\"";
      AppendJsonEscaped(red, &out);
      out += "\",";
    }
    out += "\"findings\":[";
    for (size_t i = 0; i < s.spans.size(); ++i) {
      if (i) out.push_back(',');
      AppendFinding(rules, {}, false, s.spans[i], {}, -1, -1, -1, &out);
      outcome->AddFinding(s.spans[i].entity);
    }
    out += "],";
    AppendOverview(rules, *outcome, &out);
    out += "}";
    return;
  }
  // Payload.
  std::string_view fmt = req.format.empty() ? std::string_view("auto") : req.format;
  int fi = PayloadFormatIndex(fmt);
  if (fi < 0) {
    AppendError(422, "unknown_format",
                "format must be auto, json, ndjson, signalwire, vapi, retell, deepgram or "
                "transcribe",
                r);
    return;
  }
  outcome->format = std::string(fmt);
  const auto& jrules = engine_->json(fi);
  std::string& red = s.scratch;
  red.clear();
  if (fi == kNdjson && req.payload_is_string) {
    // NDJSON text: one JSON document per line, malformed lines withheld.
    RecordBatch& batch = s.records;
    batch.Clear();
    LineFramer framer(engine_->max_record());
    framer.Feed(req.payload, &batch);
    framer.Finish(&batch);
    outcome->records = batch.size();
    if (lockdown) {
      for (size_t i = 0; i < batch.size(); ++i) {
        red += jrules->ErrorPlaceholder("lockdown");
        if (batch.records[i].newline) red.push_back('\n');
      }
      outcome->fail_reason = "lockdown";
      outcome->fail_count = batch.size();
      s.result.Clear();
    } else {
      if (!s.batch[1]) {
        TextOptions to;
        to.format = RecordFormat::kNdjson;
        to.max_record = engine_->max_record();
        to.json = jrules;
        s.batch[1] = std::make_unique<BatchRedactor>(engine_->rules(), to);
      }
      s.result.Clear();
      s.batch[1]->Process(batch, &s.result, true);
      red = s.result.output;
      for (int i = 0; i < static_cast<int>(FailReason::kCount); ++i) {
        if (s.result.counters.fail_closed[i] == 0) continue;
        outcome->fail_reason = FailReasonName(static_cast<FailReason>(i));
        outcome->fail_count += s.result.counters.fail_closed[i];
      }
    }
    out += "{";
    if (!report) {
      out += "\"payload\":\"";
      AppendJsonEscaped(red, &out);
      out += "\",";
    }
    out += "\"findings\":[";
    bool first = true;
    for (const Finding& f : s.result.findings) {
      if (!first) out.push_back(',');
      first = false;
      AppendFinding(rules, f.path, !f.path.empty(), f.span, f.key_rule, f.audio_start,
                    f.audio_end, static_cast<int64_t>(f.record), &out);
      outcome->AddFinding(f.span.entity);
    }
    out += "],";
    AppendOverview(rules, *outcome, &out);
    out += "}";
    return;
  }
  if (req.payload_is_string && fi != kNdjson) {
    AppendError(400, "malformed_request",
                "a string payload needs format ndjson; send JSON payloads as JSON", r);
    return;
  }
  s.json_findings.clear();
  if (lockdown) {
    red = jrules->ErrorPlaceholder("lockdown");
    outcome->fail_reason = "lockdown";
    outcome->fail_count = 1;
  } else {
    auto& jr = s.json[fi];
    if (!jr) jr = std::make_unique<JsonRedactor>(jrules);
    Status st = jr->Redact(req.payload, &red, &s.json_findings);
    if (!st.ok()) {
      FailReason reason = FailReasonOf(st);
      outcome->fail_reason = FailReasonName(reason);
      outcome->fail_count = 1;
      red.clear();
      if (reason == FailReason::kMalformedJson || reason == FailReason::kInvalidUtf8) {
        AppendError(400, "malformed_payload", "payload is not valid JSON", r);
      } else {
        AppendError(500, "internal", "the payload could not be scanned; nothing is returned", r);
      }
      return;
    }
  }
  out += "{";
  if (!report) {
    out += "\"payload\":";
    out += red;
    out += ",";
  }
  out += "\"findings\":[";
  for (size_t i = 0; i < s.json_findings.size(); ++i) {
    const JsonFinding& f = s.json_findings[i];
    if (i) out.push_back(',');
    AppendFinding(rules, f.path, true, f.span, f.key_rule, f.audio_start, f.audio_end, -1, &out);
    outcome->AddFinding(f.span.entity);
  }
  out += "],";
  AppendOverview(rules, *outcome, &out);
  out += "}";
}

void Worker::RedactBatch(const RecordBatch& batch, std::string_view format, bool lockdown,
                         std::string* out, Outcome* outcome) {
  State& s = *state_;
  int bi = format == "ndjson" ? 1 : format == "auto" ? 2 : 0;
  outcome->records += batch.size();
  if (lockdown) {
    std::string text = engine_->TextPlaceholder("lockdown");
    std::string json = engine_->json(kJson)->ErrorPlaceholder("lockdown");
    for (const auto& rec : batch.records) {
      bool as_json = bi == 1;
      if (bi == 2) {
        std::string_view b(batch.data.data() + rec.offset, rec.length);
        size_t p = b.find_first_not_of(" \t");
        char lead = rec.oversize ? rec.lead : (p == std::string_view::npos ? 0 : b[p]);
        as_json = lead == '{' || lead == '[';
      }
      *out += as_json ? json : text;
      if (rec.newline) out->push_back('\n');
    }
    outcome->fail_reason = "lockdown";
    outcome->fail_count += batch.size();
    return;
  }
  auto& br = s.batch[bi];
  if (!br) {
    TextOptions to;
    to.format = bi == 0 ? RecordFormat::kText : bi == 1 ? RecordFormat::kNdjson
                                                        : RecordFormat::kAuto;
    to.max_record = engine_->max_record();
    if (bi != 0) to.json = engine_->json(bi == 1 ? kJson : kAuto);
    br = std::make_unique<BatchRedactor>(engine_->rules(), to);
  }
  s.result.Clear();
  br->Process(batch, &s.result, false);
  *out += s.result.output;
  const Counters& c = s.result.counters;
  for (size_t e = 0; e < c.findings_by_entity.size(); ++e) {
    if (c.findings_by_entity[e] == 0) continue;
    if (outcome->findings_by_entity.size() <= e) outcome->findings_by_entity.resize(e + 1);
    outcome->findings_by_entity[e] += c.findings_by_entity[e];
  }
  for (int i = 0; i < static_cast<int>(FailReason::kCount); ++i) {
    if (c.fail_closed[i] == 0) continue;
    outcome->fail_reason = FailReasonName(static_cast<FailReason>(i));
    outcome->fail_count += c.fail_closed[i];
  }
}

void Worker::Stream(std::string_view body, std::string_view format, bool lockdown,
                    ApiResult* r, Outcome* outcome) {
  if (format.empty()) format = "auto";
  if (format != "auto" && format != "ndjson" && format != "text") {
    AppendError(422, "unknown_format", "stream format must be auto, ndjson or text", r);
    return;
  }
  outcome->format = std::string(format);
  RecordBatch& batch = state_->records;
  batch.Clear();
  LineFramer framer(engine_->max_record());
  framer.Feed(body, &batch);
  framer.Finish(&batch);
  r->status = 200;
  r->content_type = "application/x-ndjson";
  r->body.clear();
  RedactBatch(batch, format, lockdown, &r->body, outcome);
}

void Worker::Analyze(std::string_view body, bool lockdown, ApiResult* r, Outcome* outcome) {
  State& s = *state_;
  const Ruleset& rules = *engine_->rules();
  Request req;
  if (const char* err = ParseRequest(s.parser, s.padded, body, &req)) {
    AppendError(400, "malformed_request", err, r);
    return;
  }
  if (!req.has_text) {
    AppendError(400, "malformed_request", "\\\"text\\\" is required", r);
    return;
  }
  if (req.language.empty()) {
    AppendError(400, "malformed_request", "\\\"language\\\" is required", r);
    return;
  }
  if (req.language != "en") {
    AppendError(422, "unsupported_language", "only language en is supported", r);
    return;
  }
  outcome->format = "text";
  outcome->records = 1;
  std::string& out = r->body;
  out = "[";
  if (lockdown) {
    // Everything is suspect: one result covering the whole text.
    outcome->fail_reason = "lockdown";
    outcome->fail_count = 1;
    out += "{\"entity_type\":\"PHISCRUB_LOCKDOWN\",\"start\":0,\"end\":" +
           std::to_string(CountCodePoints(req.text)) +
           ",\"score\":1.0,\"analysis_explanation\":null,\"recognition_metadata\":"
           "{\"recognizer_name\":\"phiscrub.lockdown\"}}]";
    return;
  }
  Status st = s.scanner.Scan(req.text, &s.spans);
  if (!st.ok()) {
    outcome->fail_reason = FailReasonName(FailReasonOf(st));
    outcome->fail_count = 1;
    AppendError(500, "internal", "the text could not be scanned", r);
    return;
  }
  CodePoints cp(req.text);
  bool first = true;
  for (const Span& span : s.spans) {
    std::string_view name = PresidioEntity(rules.entities()[span.entity]);
    if (req.has_entities &&
        std::find(req.entities.begin(), req.entities.end(), name) == req.entities.end()) {
      continue;
    }
    if (span.score < req.score_threshold) continue;
    outcome->AddFinding(span.entity);
    if (!first) out.push_back(',');
    first = false;
    out += "{\"entity_type\":\"";
    out += name;
    out += "\",\"start\":" + std::to_string(cp.At(span.start));
    out += ",\"end\":" + std::to_string(cp.At(span.end));
    out += ",\"score\":";
    AppendScore(span.score, &out);
    out += ",\"analysis_explanation\":null,\"recognition_metadata\":{\"recognizer_name\":\"";
    AppendJsonEscaped(rules.rule(span.rule).id, &out);
    out += "\",\"recognizer_identifier\":\"phiscrub\"}}";
  }
  out += "]";
}

void Worker::Anonymize(std::string_view body, bool lockdown, ApiResult* r, Outcome* outcome) {
  State& s = *state_;
  Request req;
  if (const char* err = ParseRequest(s.parser, s.padded, body, &req)) {
    AppendError(400, "malformed_request", err, r);
    return;
  }
  if (!req.has_text) {
    AppendError(400, "malformed_request", "\\\"text\\\" is required", r);
    return;
  }
  outcome->format = "text";
  outcome->records = 1;
  if (lockdown) {
    outcome->fail_reason = "lockdown";
    outcome->fail_count = 1;
    r->body = "{\"text\":\"";
    AppendJsonEscaped(engine_->TextPlaceholder("lockdown"), &r->body);
    r->body += "\",\"items\":[]}";
    return;
  }
  for (const auto& [name, op] : req.anonymizers) {
    if (op.type != "replace" && op.type != "redact" && op.type != "mask" && op.type != "keep") {
      AppendError(422, "unsupported_operator",
                  "anonymizer type must be replace, redact, mask or keep", r);
      return;
    }
  }
  // Code point offsets -> bytes; validate.
  struct Item {
    size_t start, end;
    double score;
    std::string entity;
  };
  std::vector<Item> items;
  for (const auto& it : req.items) {
    size_t b0, b1;
    if (it.start > it.end || !ByteOffset(req.text, it.start, &b0) ||
        !ByteOffset(req.text, it.end, &b1)) {
      AppendError(400, "malformed_request", "an analyzer result lies outside the text", r);
      return;
    }
    if (b1 > b0) items.push_back({b0, b1, it.score, it.entity});
  }
  // Overlaps: sorted by start; an overlapping item is merged into the one
  // before it (the higher score names the entity), as nothing may leak.
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.start < b.start; });
  std::vector<Item> merged;
  for (auto& it : items) {
    if (!merged.empty() && it.start < merged.back().end) {
      Item& m = merged.back();
      if (it.score > m.score) {
        m.entity = it.entity;
        m.score = it.score;
      }
      m.end = std::max(m.end, it.end);
      continue;
    }
    merged.push_back(std::move(it));
  }
  std::string text;
  std::string items_json = "[";
  size_t pos = 0;
  size_t out_cp = 0;
  for (size_t i = 0; i < merged.size(); ++i) {
    const Item& it = merged[i];
    text.append(req.text, pos, it.start - pos);
    out_cp += CountCodePoints(req.text.substr(pos, it.start - pos));
    auto op_it = req.anonymizers.find(it.entity);
    if (op_it == req.anonymizers.end()) op_it = req.anonymizers.find("DEFAULT");
    Request::Operator op;
    if (op_it != req.anonymizers.end()) op = op_it->second;
    if (op.type.empty()) op.type = "replace";
    std::string_view original = req.text.substr(it.start, it.end - it.start);
    std::string repl;
    if (op.type == "replace") {
      repl = op.new_value.empty() ? "<" + it.entity + ">" : op.new_value;
    } else if (op.type == "redact") {
      repl.clear();
    } else if (op.type == "keep") {
      repl = original;
    } else {  // mask, counted in code points
      size_t n = CountCodePoints(original);
      size_t k = static_cast<size_t>(std::clamp<int64_t>(op.chars_to_mask, 0, n));
      size_t cp_i = 0;
      for (size_t b = 0; b < original.size();) {
        size_t len = 1;
        while (b + len < original.size() &&
               (static_cast<unsigned char>(original[b + len]) & 0xC0) == 0x80) {
          ++len;
        }
        bool masked = op.from_end ? cp_i >= n - k : cp_i < k;
        if (masked) repl += op.masking_char;
        else repl.append(original.substr(b, len));
        b += len;
        ++cp_i;
      }
    }
    size_t start_cp = out_cp;
    text += repl;
    out_cp += CountCodePoints(repl);
    if (i) items_json.push_back(',');
    items_json += "{\"start\":" + std::to_string(start_cp) + ",\"end\":" +
                  std::to_string(out_cp) + ",\"entity_type\":\"";
    AppendJsonEscaped(it.entity, &items_json);
    items_json += "\",\"text\":\"";
    AppendJsonEscaped(op.type == "keep" ? std::string_view() : std::string_view(repl),
                      &items_json);
    items_json += "\",\"operator\":\"" + op.type + "\"}";
    pos = it.end;
  }
  text.append(req.text, pos, std::string_view::npos);
  items_json += "]";
  r->body = "{\"text\":\"";
  AppendJsonEscaped(text, &r->body);
  r->body += "\",\"items\":" + items_json + "}";
}

}  // namespace phiscrub::service
