#include "engine.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <re2/re2.h>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <list>
#include <map>
#include <set>
#include <unordered_map>

#include "match/ruleset_impl.h"
#include "redact/render.h"
#include "webhook.h"


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

// As AppendError, for a message composed of fixed text and numbers (escaped
// anyway); never request content.
void AppendErrorText(int status, const char* reason, const std::string& message,
                     ApiResult* r) {
  r->status = status;
  r->content_type = "application/json";
  r->body = "{\"error\":\"";
  r->body += reason;
  r->body += "\",\"message\":\"";
  AppendJsonEscaped(message, &r->body);
  r->body += "\"}";
}

void AppendStringArray(const std::vector<std::string>& items, ApiResult* r) {
  r->status = 200;
  r->content_type = "application/json";
  r->body = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) r->body.push_back(',');
    r->body.push_back('"');
    AppendJsonEscaped(items[i], &r->body);
    r->body.push_back('"');
  }
  r->body += "]";
}

// Reads a key file: its bytes without trailing newlines. False when
// unreadable.
bool ReadKeyFile(const std::string& path, std::string* key) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  key->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  while (!key->empty() && (key->back() == '\n' || key->back() == '\r')) key->pop_back();
  return true;
}

// RAII for an EVP_CIPHER_CTX.
struct CipherCtx {
  CipherCtx() : ctx(EVP_CIPHER_CTX_new()) {}
  ~CipherCtx() { EVP_CIPHER_CTX_free(ctx); }
  CipherCtx(const CipherCtx&) = delete;
  CipherCtx& operator=(const CipherCtx&) = delete;
  EVP_CIPHER_CTX* ctx;
};

constexpr size_t kGcmNonce = 12, kGcmTag = 16;
constexpr char kGcmAad[] = "phiscrub/anonymize/v1";

constexpr size_t kMaxAnalyzeResults = 100000;

bool ValidEntityName(std::string_view e) {
  if (e.empty() || e.size() > 64 || e[0] < 'A' || e[0] > 'Z') return false;
  return std::all_of(e.begin(), e.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') ||
         (u >= 'A' && u <= 'Z') || u == '_';
}

// True when one of the 5 words before `pos` contains a context word
// (case-insensitive), as Presidio's LemmaContextAwareEnhancer (prefix 5,
// suffix 0) without lemmas.
bool ContextBefore(std::string_view text, size_t pos, const std::vector<std::string>& context) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  };
  size_t i = pos;
  for (int words = 0; words < 5 && i > 0;) {
    while (i > 0 && !IsWordByte(text[i - 1])) --i;
    size_t end = i;
    while (i > 0 && IsWordByte(text[i - 1])) --i;
    if (end == i) break;
    ++words;
    std::string w = lower(text.substr(i, end - i));
    for (const std::string& c : context) {
      std::string lc = lower(c);
      if (!lc.empty() && w.find(lc) != std::string::npos) return true;
    }
  }
  return false;
}

const char* Re2ErrorName(int code) {
  switch (code) {
    case RE2::ErrorBadEscape: return "bad escape sequence";
    case RE2::ErrorBadCharClass: return "bad character class";
    case RE2::ErrorBadCharRange: return "bad character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing or unexpected parenthesis";
    case RE2::ErrorTrailingBackslash: return "trailing backslash";
    case RE2::ErrorRepeatArgument: return "repetition of nothing";
    case RE2::ErrorRepeatSize: return "bad repetition count (at most 1000)";
    case RE2::ErrorRepeatOp: return "bad repetition operator";
    case RE2::ErrorBadPerlOp:
      return "unsupported (?...) group: look-arounds and backreferences do not exist in RE2";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "bad named capture group";
    case RE2::ErrorPatternTooLarge: return "pattern too large for the 1 MiB compile bound";
    default: return "compile error";
  }
}

// Presidio `encrypt`: "enc:v1:<key id>:" + base64(nonce || ciphertext || tag),
// AES-256-GCM with a random nonce. False on an OpenSSL failure.
bool EncryptToken(const std::string& key, const std::string& key_id, std::string_view plain,
                  std::string* token) {
  std::string buf(kGcmNonce + plain.size() + kGcmTag, '\0');
  auto* b = reinterpret_cast<unsigned char*>(buf.data());
  if (RAND_bytes(b, kGcmNonce) != 1) return false;
  CipherCtx c;
  int n = 0;
  if (!c.ctx ||
      EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr,
                         reinterpret_cast<const unsigned char*>(key.data()), b) != 1 ||
      EVP_EncryptUpdate(c.ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(kGcmAad),
                        sizeof kGcmAad - 1) != 1 ||
      EVP_EncryptUpdate(c.ctx, b + kGcmNonce, &n,
                        reinterpret_cast<const unsigned char*>(plain.data()),
                        static_cast<int>(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(c.ctx, b + kGcmNonce + n, &n) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kGcmTag,
                          b + kGcmNonce + plain.size()) != 1) {
    return false;
  }
  std::string b64(4 * ((buf.size() + 2) / 3) + 1, '\0');
  int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), b,
                            static_cast<int>(buf.size()));
  b64.resize(static_cast<size_t>(len));
  *token = "enc:v1:" + key_id + ":" + b64;
  return true;
}

enum class DecryptError { kOk, kMalformed, kOtherKey, kAuth };

DecryptError DecryptToken(const std::string& key, const std::string& key_id,
                          std::string_view token, std::string* plain) {
  constexpr std::string_view kPrefix = "enc:v1:";
  if (token.substr(0, kPrefix.size()) != kPrefix) return DecryptError::kMalformed;
  token.remove_prefix(kPrefix.size());
  size_t colon = token.find(':');
  if (colon == std::string_view::npos) return DecryptError::kMalformed;
  if (token.substr(0, colon) != key_id) return DecryptError::kOtherKey;
  std::string_view b64 = token.substr(colon + 1);
  if (b64.empty() || b64.size() % 4 != 0 || b64.size() > (1u << 28)) {
    return DecryptError::kMalformed;
  }
  std::string buf(b64.size() / 4 * 3, '\0');
  int len = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(buf.data()),
                            reinterpret_cast<const unsigned char*>(b64.data()),
                            static_cast<int>(b64.size()));
  if (len < 0) return DecryptError::kMalformed;
  size_t pad = (b64.back() == '=') + (b64.size() > 1 && b64[b64.size() - 2] == '=');
  size_t size = static_cast<size_t>(len) - pad;
  if (size < kGcmNonce + kGcmTag) return DecryptError::kMalformed;
  auto* b = reinterpret_cast<unsigned char*>(buf.data());
  size_t ct = size - kGcmNonce - kGcmTag;
  plain->assign(ct, '\0');
  CipherCtx c;
  int n = 0;
  if (!c.ctx ||
      EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr,
                         reinterpret_cast<const unsigned char*>(key.data()), b) != 1 ||
      EVP_DecryptUpdate(c.ctx, nullptr, &n, reinterpret_cast<const unsigned char*>(kGcmAad),
                        sizeof kGcmAad - 1) != 1 ||
      EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(plain->data()), &n,
                        b + kGcmNonce, static_cast<int>(ct)) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kGcmTag, b + kGcmNonce + ct) != 1 ||
      EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(plain->data()) + n, &n) !=
          1) {
    plain->clear();
    return DecryptError::kAuth;
  }
  return DecryptError::kOk;
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
    // A vendor payload gets its profile whatever format it was sent as
    // (its word lists otherwise keep what its transcript redacts).
    if (static_cast<int>(i) < kFirstProfile) opts[i].detect_profiles = true;
    if (static_cast<int>(i) >= kFirstProfile) AddJsonProfile(formats[i], &opts[i]);
  }
  JsonOptions form_opts;
  if (!config.json_keys.empty() && !LoadJsonKeyFile(config.json_keys, &form_opts, diags)) {
    return nullptr;
  }
  AddTwilioFormRules(&form_opts);
  form_opts.nested_json = true;
  RulesetOptions ropts = config.rules;
  opts.push_back(form_opts);  // for its entities; popped below
  for (const auto& o : opts) {
    for (auto& e : JsonRequiredEntities(o)) {
      if (std::find(ropts.extra_entities.begin(), ropts.extra_entities.end(), e) ==
          ropts.extra_entities.end()) {
        ropts.extra_entities.push_back(e);
      }
    }
  }
  opts.pop_back();
  auto rules = Ruleset::Compile(ropts, diags);
  if (!rules) return nullptr;
  auto engine = std::shared_ptr<Engine>(new Engine());
  auto key_problem = [&](const std::string& file, const char* message) {
    Diagnostic d;
    d.file = file;
    d.message = message;
    diags->push_back(std::move(d));
  };
  // The Presidio `hash` anonymizer uses the policy's key and token shape.
  std::string hash_file = config.rules.hash_key_file;
  if (hash_file.empty() && std::getenv("PHISCRUB_HASH_KEY_FILE")) {
    hash_file = std::getenv("PHISCRUB_HASH_KEY_FILE");
  }
  if (!hash_file.empty()) {
    if (!ReadKeyFile(hash_file, &engine->hash_key_)) {
      key_problem(hash_file, "cannot read hash key file");
      return nullptr;
    }
    if (engine->hash_key_.size() < 16) {
      key_problem(hash_file, "hash key must be at least 16 bytes");
      return nullptr;
    }
  }
  if (!config.encrypt_key_file.empty()) {
    std::string secret;
    if (!ReadKeyFile(config.encrypt_key_file, &secret)) {
      key_problem(config.encrypt_key_file, "cannot read encrypt key file");
      return nullptr;
    }
    if (secret.size() < 32) {
      key_problem(config.encrypt_key_file, "encrypt key must be at least 32 bytes");
      return nullptr;
    }
    // Separate keys for encryption and for the id that names it in tokens.
    engine->encrypt_key_ = Hmac(EVP_sha256(), secret, "phiscrub/aes-256-gcm/v1");
    engine->encrypt_key_id_ = Hex(Hmac(EVP_sha256(), secret, "phiscrub/key-id/v1").substr(0, 4));
  }
  {
    std::set<std::string> ents, ids;
    for (size_t i = 0; i < rules->rule_count(); ++i) {
      const RuleInfo& info = rules->rule(i);
      ids.insert(info.id);
      // The segments rule reports the entities of its fields, which have
      // rules of their own; its nominal entity is not one it reports.
      if (info.id.rfind("segments.", 0) == 0) continue;
      ents.insert(std::string(PresidioEntity(info.entity)));
    }
    engine->supported_.assign(ents.begin(), ents.end());
    engine->recognizers_.assign(ids.begin(), ids.end());
  }
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
  engine->twilio_form_ = JsonRules::Compile(rules, form_opts, diags);
  if (!engine->twilio_form_) return nullptr;
  return engine;
}

std::string Engine::TextPlaceholder(std::string_view reason) const {
  return rules_->TextPlaceholder(reason);
}

namespace {

// Per-thread cache of compiled ad-hoc regexes, least recently used out.
// Compiled as Presidio's default flags (IGNORECASE, MULTILINE, DOTALL) with a
// 1 MiB memory bound; RE2 matches in time linear in the text.
class RegexCache {
 public:
  static constexpr size_t kCapacity = 64;
  // nullptr when `pattern` does not compile; *error_code then says why.
  std::shared_ptr<const RE2> Get(const std::string& pattern, int* error_code) {
    auto it = index_.find(pattern);
    if (it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->second;
    }
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_dot_nl(true);
    o.set_log_errors(false);
    o.set_max_mem(1 << 20);
    auto re = std::make_shared<const RE2>("(?m)" + pattern, o);
    if (!re->ok()) {
      *error_code = re->error_code();
      return nullptr;
    }
    lru_.emplace_front(pattern, re);
    index_[pattern] = lru_.begin();
    if (lru_.size() > kCapacity) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
    return re;
  }
  size_t size() const { return lru_.size(); }

 private:
  std::list<std::pair<std::string, std::shared_ptr<const RE2>>> lru_;
  std::unordered_map<std::string, std::list<std::pair<std::string, std::shared_ptr<const RE2>>>::iterator>
      index_;
};

}  // namespace

struct Worker::State {
  RegexCache regexes;
  explicit State(const std::shared_ptr<const Ruleset>& rules) : scanner(rules) {}
  Scanner scanner;
  std::vector<std::unique_ptr<JsonRedactor>> json;
  std::unique_ptr<JsonRedactor> form;
  std::vector<FormField> fields;
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
    std::string hash_type;
    bool has_salt = false;
    bool has_key = false;
  };
  std::map<std::string, Operator, std::less<>> anonymizers;
  std::map<std::string, Operator, std::less<>> deanonymizers;
  // /analyze ad_hoc_recognizers (Presidio PatternRecognizer in JSON).
  struct AdHoc {
    std::string name;
    std::string entity;
    std::string language;
    struct Pattern {
      std::string name;
      std::string regex;
      double score = 0;
    };
    std::vector<Pattern> patterns;
    std::vector<std::string> deny_list;
    std::vector<std::string> context;
  };
  std::vector<AdHoc> ad_hoc;
};

using simdjson::ondemand::json_type;

// Bounds on ad-hoc recognizers: what one request may compile and run.
constexpr size_t kMaxAdHoc = 16, kMaxAdHocPatterns = 64, kMaxRegexBytes = 1024,
                 kMaxDenyWords = 1024, kMaxDenyBytes = 64 * 1024, kMaxContextWords = 64;
constexpr char kAdHocLimits[] =
    "ad_hoc_recognizers exceed the limits: 16 recognizers, regexes of 1024 bytes, deny lists "
    "of 1024 words and 64 KiB, 64 context words";

const char* ParseStringArray(simdjson::ondemand::value v, size_t max_items, size_t max_bytes,
                             const char* what, std::vector<std::string>* out) {
  simdjson::ondemand::array a;
  if (v.get_array().get(a)) return what;
  size_t bytes = 0;
  for (auto e : a) {
    std::string_view s;
    if (e.get_string().get(s)) return what;
    bytes += s.size();
    if (out->size() >= max_items || bytes > max_bytes) return kAdHocLimits;
    out->emplace_back(s);
  }
  return nullptr;
}

const char* ParseAdHoc(simdjson::ondemand::object obj, Request::AdHoc* r) {
  for (auto f : obj) {
    std::string_view k;
    if (f.unescaped_key().get(k)) return "malformed ad_hoc_recognizers";
    simdjson::ondemand::value v;
    if (f.value().get(v)) return "malformed ad_hoc_recognizers";
    std::string_view s;
    if (k == "name") {
      if (v.get_string().get(s)) return "ad-hoc recognizer name must be a string";
      r->name = s;
    } else if (k == "supported_entity") {
      if (v.get_string().get(s)) return "supported_entity must be a string";
      r->entity = s;
    } else if (k == "supported_language") {
      if (v.get_string().get(s)) return "supported_language must be a string";
      r->language = s;
    } else if (k == "patterns") {
      simdjson::ondemand::array a;
      if (v.get_array().get(a)) return "patterns must be an array";
      for (auto e : a) {
        simdjson::ondemand::object po;
        if (e.get_object().get(po)) return "patterns must hold objects";
        Request::AdHoc::Pattern p;
        bool has_regex = false;
        for (auto pf : po) {
          std::string_view pk;
          if (pf.unescaped_key().get(pk)) return "malformed ad_hoc_recognizers";
          auto pv = pf.value();
          if (pk == "name") {
            if (pv.get_string().get(s)) return "pattern name must be a string";
            p.name = s;
          } else if (pk == "regex") {
            if (pv.get_string().get(s)) return "regex must be a string";
            p.regex = s;
            has_regex = true;
          } else if (pk == "score") {
            if (pv.get_double().get(p.score) || p.score < 0 || p.score > 1) {
              return "pattern score must be a number in [0, 1]";
            }
          }
        }
        if (!has_regex) return "each pattern needs a regex";
        if (p.regex.size() > kMaxRegexBytes) return kAdHocLimits;
        r->patterns.push_back(std::move(p));
      }
    } else if (k == "deny_list") {
      if (const char* e = ParseStringArray(v, kMaxDenyWords, kMaxDenyBytes,
                                           "deny_list must be an array of strings",
                                           &r->deny_list)) {
        return e;
      }
    } else if (k == "context") {
      json_type t;
      if (v.type().get(t)) return "body is not valid JSON";
      if (t == json_type::null) continue;
      if (const char* e = ParseStringArray(v, kMaxContextWords, 4096,
                                           "context must be an array of strings",
                                           &r->context)) {
        return e;
      }
    }
  }
  return nullptr;
}


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
    } else if (k == "hash_type") {
      if (v.get_string().get(s)) return "hash_type must be a string";
      op->hash_type = s;
    } else if (k == "salt") {
      op->has_salt = true;
    } else if (k == "key") {
      op->has_key = true;  // refused: keys come from the server's key file
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
    } else if (key == "analyzer_results" || key == "anonymizer_results") {
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
    } else if (key == "ad_hoc_recognizers") {
      json_type t;
      if (v.type().get(t)) return "body is not valid JSON";
      if (t == json_type::null) continue;
      simdjson::ondemand::array a;
      if (v.get_array().get(a)) return "ad_hoc_recognizers must be an array";
      for (auto e : a) {
        simdjson::ondemand::object o;
        if (e.get_object().get(o)) return "ad_hoc_recognizers must hold objects";
        if (req->ad_hoc.size() >= kMaxAdHoc) return kAdHocLimits;
        Request::AdHoc r;
        if (const char* err = ParseAdHoc(o, &r)) return err;
        req->ad_hoc.push_back(std::move(r));
      }
    } else if (key == "anonymizers" || key == "deanonymizers") {
      auto& target = key == "anonymizers" ? req->anonymizers : req->deanonymizers;
      simdjson::ondemand::object o;
      if (v.get_object().get(o)) return "anonymizers must be an object";
      for (auto f : o) {
        std::string_view k;
        if (f.unescaped_key().get(k)) return "body is not valid JSON";
        simdjson::ondemand::object opo;
        if (f.value().get_object().get(opo)) return "each anonymizer must be an object";
        Request::Operator op;
        if (const char* err = ParseOperator(opo, &op)) return err;
        target[std::string(k)] = std::move(op);
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
    if (err == kAdHocLimits) AppendError(422, "ad_hoc_limits", err, r);
    else AppendError(400, "malformed_request", err, r);
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
  // Ad-hoc recognizers compile before anything is scanned: a bad one is a
  // 422 naming it, never a partial answer.
  struct Compiled {
    const Request::AdHoc* rec;
    std::string name;
    double score;
    bool deny;
    std::shared_ptr<const RE2> re;
  };
  std::vector<Compiled> ad_hoc;
  size_t n_patterns = 0;
  for (size_t i = 0; i < req.ad_hoc.size(); ++i) {
    const Request::AdHoc& rec = req.ad_hoc[i];
    if (!rec.language.empty() && rec.language != "en") continue;  // as Presidio: not this language
    if (!ValidEntityName(rec.entity)) {
      AppendErrorText(422, "invalid_recognizer",
                      "ad_hoc_recognizers[" + std::to_string(i) +
                          "]: supported_entity must match [A-Z][A-Z0-9_]*",
                      r);
      return;
    }
    if (rec.patterns.empty() && rec.deny_list.empty()) {
      AppendErrorText(422, "invalid_recognizer",
                      "ad_hoc_recognizers[" + std::to_string(i) +
                          "] needs patterns or a deny_list",
                      r);
      return;
    }
    n_patterns += rec.patterns.size() + (rec.deny_list.empty() ? 0 : 1);
    if (n_patterns > kMaxAdHocPatterns) {
      AppendErrorText(422, "ad_hoc_limits",
                      "at most " + std::to_string(kMaxAdHocPatterns) +
                          " ad-hoc patterns (a deny list counts as one) per request",
                      r);
      return;
    }
    for (size_t j = 0; j <= rec.patterns.size(); ++j) {
      Compiled c{&rec, rec.name.empty() ? "ad_hoc" : rec.name, 1.0, false, nullptr};
      std::string pattern;
      if (j < rec.patterns.size()) {
        pattern = rec.patterns[j].regex;
        c.score = rec.patterns[j].score;
      } else if (!rec.deny_list.empty()) {
        c.deny = true;
        pattern = "(?:";
        for (size_t k = 0; k < rec.deny_list.size(); ++k) {
          if (k) pattern += "|";
          pattern += RE2::QuoteMeta(rec.deny_list[k]);
        }
        pattern += ")";
      } else {
        break;
      }
      int code = 0;
      c.re = s.regexes.Get(pattern, &code);
      if (!c.re) {
        AppendErrorText(422, "invalid_recognizer",
                        "ad_hoc_recognizers[" + std::to_string(i) + "]" +
                            (c.deny ? ".deny_list" : ".patterns[" + std::to_string(j) + "]") +
                            ": not RE2 syntax (" + Re2ErrorName(code) + ")",
                        r);
        return;
      }
      ad_hoc.push_back(std::move(c));
    }
  }
  Status st = s.scanner.Scan(req.text, &s.spans);
  if (!st.ok()) {
    outcome->fail_reason = FailReasonName(FailReasonOf(st));
    outcome->fail_count = 1;
    AppendError(500, "internal", "the text could not be scanned", r);
    return;
  }
  auto wanted = [&](std::string_view name, double score) {
    if (score < req.score_threshold) return false;
    return !req.has_entities ||
           std::find(req.entities.begin(), req.entities.end(), name) != req.entities.end();
  };
  struct Result {
    size_t start, end;  // code points
    std::string entity;
    double score;
    std::string_view recognizer;
    bool ad_hoc;
  };
  std::vector<Result> results;
  CodePoints cp(req.text);
  for (const Span& span : s.spans) {
    std::string_view name = PresidioEntity(rules.entities()[span.entity]);
    if (!wanted(name, span.score)) continue;
    outcome->AddFinding(span.entity);
    size_t b = cp.At(span.start);
    results.push_back({b, cp.At(span.end), std::string(name), span.score,
                       rules.rule(span.rule).id, false});
  }
  // Ad-hoc matches: non-overlapping, left to right, as Python's finditer;
  // context words among the 5 words before a match raise its score as
  // Presidio's default context enhancer does.
  const std::string_view text = req.text;
  for (const Compiled& c : ad_hoc) {
    CodePoints acp(text);
    size_t pos = 0;
    re2::StringPiece m;
    while (pos <= text.size() && results.size() < kMaxAnalyzeResults &&
           c.re->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                       RE2::UNANCHORED, &m, 1)) {
      size_t b = static_cast<size_t>(m.data() - text.data()), e = b + m.size();
      pos = e > b ? e : b + 1;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      if (e == b) continue;
      if (c.deny && ((b > 0 && IsWordByte(text[b - 1])) ||
                     (e < text.size() && IsWordByte(text[e])))) {
        pos = b + 1;  // not a whole word here; a later start may be
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
          ++pos;
        }
        continue;
      }
      double score = c.score;
      if (!c.rec->context.empty() && ContextBefore(text, b, c.rec->context)) {
        score = std::min(1.0, std::max(score + 0.35, 0.4));
      }
      if (!wanted(c.rec->entity, score)) continue;
      results.push_back({acp.At(b), acp.At(e), c.rec->entity, score, c.name, true});
    }
  }
  std::stable_sort(results.begin(), results.end(), [](const Result& a, const Result& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  out = "[";
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& res = results[i];
    if (i) out.push_back(',');
    out += "{\"entity_type\":\"";
    out += res.entity;
    out += "\",\"start\":" + std::to_string(res.start);
    out += ",\"end\":" + std::to_string(res.end);
    out += ",\"score\":";
    AppendScore(static_cast<float>(res.score), &out);
    out += ",\"analysis_explanation\":null,\"recognition_metadata\":{\"recognizer_name\":\"";
    AppendJsonEscaped(res.recognizer, &out);
    out += res.ad_hoc ? "\",\"recognizer_identifier\":\"ad_hoc\"}}"
                      : "\",\"recognizer_identifier\":\"phiscrub\"}}";
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
    if (op.type != "replace" && op.type != "redact" && op.type != "mask" && op.type != "keep" &&
        op.type != "hash" && op.type != "encrypt") {
      AppendError(422, "unsupported_operator",
                  "anonymizer type must be replace, redact, mask, keep, hash or encrypt", r);
      return;
    }
    if (op.type == "hash") {
      if (!op.hash_type.empty() && op.hash_type != "sha256") {
        AppendError(422, "unsupported_operator",
                    "hash is keyed HMAC-SHA-256 only: hash_type must be sha256", r);
        return;
      }
      if (op.has_salt) {
        AppendError(422, "unsupported_operator",
                    "hash is keyed by --hash-key-file; a salt is not accepted", r);
        return;
      }
      if (engine_->hash_key().empty()) {
        AppendError(422, "missing_key",
                    "the hash anonymizer needs a key: start phiscrubd with --hash-key-file "
                    "(or PHISCRUB_HASH_KEY_FILE)",
                    r);
        return;
      }
    }
    if (op.type == "encrypt") {
      if (op.has_key) {
        AppendError(422, "key_in_request",
                    "send no key: encrypt uses the key of --encrypt-key-file", r);
        return;
      }
      if (engine_->encrypt_key().empty()) {
        AppendError(422, "missing_key",
                    "the encrypt anonymizer needs a key: start phiscrubd with "
                    "--encrypt-key-file",
                    r);
        return;
      }
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
    } else if (op.type == "hash") {
      // The policy's token: HMAC-SHA-256 over the entity and the normalised
      // value, with the policy's key id and length.
      const auto& policy = engine_->rules()->impl().policy;
      std::string msg = it.entity + ":" + internal::NormalizeForHash(it.entity, original);
      repl = "<" + it.entity + ":" + policy.key_id + ":" +
             internal::HmacHex(engine_->hash_key(), msg, policy.hash_hex_chars) + ">";
    } else if (op.type == "encrypt") {
      if (!EncryptToken(engine_->encrypt_key(), engine_->encrypt_key_id(), original, &repl)) {
        outcome->fail_reason = "internal";
        outcome->fail_count = 1;
        AppendError(500, "internal", "encryption failed; nothing is returned", r);
        return;
      }
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

void Worker::Deanonymize(std::string_view body, bool lockdown, ApiResult* r,
                         Outcome* outcome) {
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
  for (const auto& [name, op] : req.deanonymizers) {
    if (op.type != "decrypt") {
      AppendError(422, "unsupported_operator", "deanonymizer type must be decrypt", r);
      return;
    }
    if (op.has_key) {
      AppendError(422, "key_in_request",
                  "send no key: decrypt uses the key of --encrypt-key-file", r);
      return;
    }
  }
  if (engine_->encrypt_key().empty()) {
    AppendError(422, "missing_key",
                "decrypt needs a key: start phiscrubd with --encrypt-key-file", r);
    return;
  }
  if (lockdown) {
    outcome->fail_reason = "lockdown";
    outcome->fail_count = 1;
    r->body = "{\"text\":\"";
    AppendJsonEscaped(engine_->TextPlaceholder("lockdown"), &r->body);
    r->body += "\",\"items\":[]}";
    return;
  }
  struct Item {
    size_t start, end;
    std::string entity;
  };
  std::vector<Item> items;
  for (const auto& it : req.items) {
    size_t b0, b1;
    if (it.start > it.end || !ByteOffset(req.text, it.start, &b0) ||
        !ByteOffset(req.text, it.end, &b1)) {
      AppendError(400, "malformed_request", "an anonymizer result lies outside the text", r);
      return;
    }
    items.push_back({b0, b1, it.entity});
  }
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.start < b.start; });
  for (size_t i = 1; i < items.size(); ++i) {
    if (items[i].start < items[i - 1].end) {
      AppendError(400, "malformed_request", "anonymizer results overlap", r);
      return;
    }
  }
  std::string text, plain;
  std::string items_json = "[";
  size_t pos = 0, out_cp = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    std::string_view token = req.text.substr(it.start, it.end - it.start);
    DecryptError e = DecryptToken(engine_->encrypt_key(), engine_->encrypt_key_id(), token,
                                  &plain);
    if (e != DecryptError::kOk) {
      AppendErrorText(
          422, "decrypt_failed",
          "anonymizer result " + std::to_string(i) +
              (e == DecryptError::kOtherKey
                   ? " was encrypted with another key (this key's id is " +
                         engine_->encrypt_key_id() + ")"
                   : e == DecryptError::kAuth ? " does not authenticate with this key"
                                              : " is not an enc:v1 token"),
          r);
      return;
    }
    text.append(req.text, pos, it.start - pos);
    out_cp += CountCodePoints(req.text.substr(pos, it.start - pos));
    size_t start_cp = out_cp;
    text += plain;
    out_cp += CountCodePoints(plain);
    if (i) items_json.push_back(',');
    items_json += "{\"start\":" + std::to_string(start_cp) + ",\"end\":" +
                  std::to_string(out_cp) + ",\"entity_type\":\"";
    AppendJsonEscaped(it.entity, &items_json);
    items_json += "\",\"text\":\"";
    AppendJsonEscaped(plain, &items_json);
    items_json += "\",\"operator\":\"decrypt\"}";
    pos = it.end;
  }
  text.append(req.text, pos, std::string_view::npos);
  items_json += "]";
  r->body = "{\"text\":\"";
  AppendJsonEscaped(text, &r->body);
  r->body += "\",\"items\":" + items_json + "}";
}

void Worker::SupportedEntities(std::string_view language, ApiResult* r) {
  if (!language.empty() && language != "en") {
    AppendError(422, "unsupported_language", "only language en is supported", r);
    return;
  }
  AppendStringArray(engine_->supported_entities(), r);
}

void Worker::Recognizers(std::string_view language, ApiResult* r) {
  if (!language.empty() && language != "en") {
    AppendError(422, "unsupported_language", "only language en is supported", r);
    return;
  }
  AppendStringArray(engine_->recognizers(), r);
}

void Worker::Anonymizers(ApiResult* r) {
  AppendStringArray({"replace", "redact", "mask", "keep", "hash", "encrypt"}, r);
}

void Worker::Deanonymizers(ApiResult* r) { AppendStringArray({"decrypt"}, r); }

bool Worker::RedactWebhook(std::string_view body, int format, bool lockdown, std::string* out,
                           Outcome* outcome) {
  State& s = *state_;
  out->clear();
  outcome->format = Formats()[format];
  outcome->records = 1;
  const auto& jrules = engine_->json(format);
  if (lockdown) {
    *out = jrules->ErrorPlaceholder("lockdown");
    outcome->fail_reason = "lockdown";
    outcome->fail_count = 1;
    return true;
  }
  auto& jr = s.json[format];
  if (!jr) jr = std::make_unique<JsonRedactor>(jrules);
  s.json_findings.clear();
  Status st = jr->Redact(body, out, &s.json_findings);
  if (!st.ok()) {
    out->clear();
    outcome->fail_reason = FailReasonName(FailReasonOf(st));
    outcome->fail_count = 1;
    return false;
  }
  for (const JsonFinding& f : s.json_findings) outcome->AddFinding(f.span.entity);
  return true;
}

bool Worker::RedactWebhookForm(std::string_view body, bool lockdown, std::string* out,
                               Outcome* outcome) {
  State& s = *state_;
  out->clear();
  outcome->format = "form";
  outcome->records = 1;
  auto fail = [&](const char* reason) {
    out->clear();
    outcome->fail_reason = reason;
    outcome->fail_count = 1;
    return false;
  };
  if (!ParseForm(body, &s.fields)) return fail("malformed_form");
  const JsonRules& rules = *engine_->twilio_form();
  // Key names compare as the JsonRedactor compares them: letters and digits,
  // lower-cased.
  auto norm = [](std::string_view name) {
    std::string n;
    for (unsigned char c : name) {
      if (std::isalnum(c)) n.push_back(static_cast<char>(std::tolower(c)));
    }
    return n;
  };
  auto skipped = [&rules, &norm](const std::string& name) {
    const std::string n = norm(name);
    for (const JsonKeyRule& r : rules.options().rules) {
      if (r.action == JsonKeyRule::Action::kSkip && !r.key.empty() && norm(r.key) == n) {
        return true;
      }
    }
    return false;
  };
  auto append_raw = [out](const FormField& f) {
    if (!out->empty()) out->push_back('&');
    out->append(f.raw_name);
    out->push_back('=');
    out->append(f.raw_value);
  };
  if (lockdown) {
    for (const FormField& f : s.fields) {
      if (skipped(f.name)) append_raw(f);
    }
    if (!out->empty()) out->push_back('&');
    *out += "phiscrub_error=lockdown";
    outcome->fail_reason = "lockdown";
    outcome->fail_count = 1;
    return true;
  }
  // The fields as one JSON object, so each value is redacted with its name
  // as the key (rules and context) in one scan.
  std::string doc = "{";
  for (size_t i = 0; i < s.fields.size(); ++i) {
    if (i) doc.push_back(',');
    doc.push_back('"');
    AppendJsonEscaped(s.fields[i].name, &doc);
    doc += "\":\"";
    AppendJsonEscaped(s.fields[i].value, &doc);
    doc.push_back('"');
  }
  doc.push_back('}');
  if (!s.form) s.form = std::make_unique<JsonRedactor>(engine_->twilio_form());
  s.json_findings.clear();
  std::string redacted;
  Status st = s.form->Redact(doc, &redacted, &s.json_findings, /*with_paths=*/false);
  if (!st.ok()) return fail(FailReasonName(FailReasonOf(st)));
  // Read the values back in field order (the redactor keeps the structure).
  s.padded.assign(redacted);
  s.padded.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::ondemand::document d;
  simdjson::ondemand::object obj;
  if (s.parser.iterate(s.padded.data(), redacted.size(), s.padded.size()).get(d) ||
      d.get_object().get(obj)) {
    return fail("internal");
  }
  size_t i = 0;
  for (auto member : obj) {
    simdjson::ondemand::field field;
    std::string_view value;
    if (i >= s.fields.size() || std::move(member).get(field) ||
        field.value().get_string().get(value)) {
      return fail("internal");
    }
    const FormField& f = s.fields[i++];
    if (value == f.value) {
      append_raw(f);  // unchanged: byte for byte
      continue;
    }
    if (!out->empty()) out->push_back('&');
    out->append(f.raw_name);
    out->push_back('=');
    AppendFormEncoded(value, out);
  }
  if (i != s.fields.size()) return fail("internal");
  for (const JsonFinding& f : s.json_findings) outcome->AddFinding(f.span.entity);
  return true;
}

}  // namespace phiscrub::service
