#include "webhook.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <utility>

#include "phiscrub/json.h"

namespace phiscrub::service {
namespace {

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

constexpr double kWindowSeconds = 300;  // signatures older or newer are replays

std::string Sha256Hex(std::string_view data) {
  unsigned char out[32];
  unsigned int n = 32;
  EVP_Digest(data.data(), data.size(), out, &n, EVP_sha256(), nullptr);
  return Hex(std::string_view(reinterpret_cast<char*>(out), n));
}

// Constant-time comparison; hex is compared case-insensitively.
bool SameSecret(std::string_view a, std::string_view b, bool hex = false) {
  if (a.size() != b.size() || a.empty()) return false;
  std::string x(a), y(b);
  if (hex) {
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : y) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return CRYPTO_memcmp(x.data(), y.data(), x.size()) == 0;
}

int FromHex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding ('+' is a space).
std::string FormDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && FromHex(s[i + 1]) >= 0 &&
               FromHex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(FromHex(s[i + 1]) * 16 + FromHex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Splits a form body into decoded (name, value) pairs and their raw bytes;
// names are not checked here (the signature covers whatever was sent).
void SplitForm(std::string_view form, std::vector<FormField>* fields) {
  fields->clear();
  while (!form.empty()) {
    size_t amp = form.find('&');
    std::string_view kv = form.substr(0, amp);
    if (!kv.empty()) {
      size_t eq = kv.find('=');
      FormField f;
      f.raw_name = kv.substr(0, eq);
      f.raw_value = eq == std::string_view::npos ? std::string_view() : kv.substr(eq + 1);
      f.name = FormDecode(f.raw_name);
      f.value = FormDecode(f.raw_value);
      fields->push_back(std::move(f));
    }
    if (amp == std::string_view::npos) break;
    form.remove_prefix(amp + 1);
  }
}

// Twilio's signed string: the URL, then each POST parameter's name and value,
// sorted by name (and, for a repeated name, by value, as Twilio's SDKs do).
std::string TwilioSignedString(const std::string& url, std::string_view form) {
  std::vector<FormField> fields;
  SplitForm(form, &fields);
  std::vector<std::pair<std::string, std::string>> params;
  params.reserve(fields.size());
  for (auto& f : fields) params.emplace_back(std::move(f.name), std::move(f.value));
  std::sort(params.begin(), params.end());
  std::string s = url;
  for (const auto& [k, v] : params) s += k + v;
  return s;
}

std::string QueryValue(std::string_view url, std::string_view name) {
  size_t q = url.find('?');
  if (q == std::string_view::npos) return "";
  std::string_view query = url.substr(q + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view kv = query.substr(0, amp);
    if (kv.size() > name.size() && kv.substr(0, name.size()) == name && kv[name.size()] == '=') {
      return std::string(kv.substr(name.size() + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return "";
}

bool Fresh(double stamp_seconds, double now) {
  return std::fabs(now - stamp_seconds) <= kWindowSeconds;
}

SignatureCheck Twilio(const WebhookRoute& r, std::string_view sig, std::string_view body,
                      const std::string& url, bool json) {
  if (sig.empty()) return SignatureCheck::kMissing;
  if (json) {
    // JSON bodies: the URL carries the body's SHA-256, and only the URL is signed.
    std::string want = QueryValue(url, "bodySHA256");
    if (want.empty() || !SameSecret(want, Sha256Hex(body), true)) return SignatureCheck::kBad;
    return SameSecret(sig, Base64(Hmac(EVP_sha1(), r.secret, url))) ? SignatureCheck::kOk
                                                                     : SignatureCheck::kBad;
  }
  return SameSecret(sig, Base64(Hmac(EVP_sha1(), r.secret, TwilioSignedString(url, body))))
             ? SignatureCheck::kOk
             : SignatureCheck::kBad;
}

}  // namespace

std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view msg) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), out, &n);
  return std::string(reinterpret_cast<char*>(out), n);
}

std::string Hex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}


const char* WebhookVendorName(WebhookVendor v) {
  switch (v) {
    case WebhookVendor::kVapi: return "vapi";
    case WebhookVendor::kRetell: return "retell";
    case WebhookVendor::kSignalWire: return "signalwire";
    case WebhookVendor::kTwilio: return "twilio";
    default: return "none";
  }
}

bool ParseWebhookRoute(const std::string& spec, WebhookRoute* r, std::string* error) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    *error =
        "--webhook takes ROUTE=URL[,vendor=V][,secret-file=F][,profile=P][,public-url=U]"
        "[,ca-file=F]";
    return false;
  }
  r->name = spec.substr(0, eq);
  if (!std::all_of(r->name.begin(), r->name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
      })) {
    *error = "--webhook route names are [A-Za-z0-9_-]+";
    return false;
  }
  std::string rest = spec.substr(eq + 1);
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= rest.size()) {
    size_t comma = rest.find(',', pos);
    if (comma == std::string::npos) comma = rest.size();
    parts.push_back(rest.substr(pos, comma - pos));
    pos = comma + 1;
  }
  r->url = parts[0];
  std::string vendor;
  for (size_t i = 1; i < parts.size(); ++i) {
    size_t e = parts[i].find('=');
    std::string k = parts[i].substr(0, e), v = e == std::string::npos ? "" : parts[i].substr(e + 1);
    if (k == "vendor") vendor = v;
    else if (k == "secret-file") r->secret_file = v;
    else if (k == "profile") r->profile = v;
    else if (k == "public-url") r->public_url = v;
    else if (k == "ca-file") r->ca_file = v;
    else {
      *error = "--webhook " + r->name + ": unknown option '" + k + "'";
      return false;
    }
  }
  if (vendor.empty()) vendor = r->name;
  if (vendor == "vapi") r->vendor = WebhookVendor::kVapi;
  else if (vendor == "retell") r->vendor = WebhookVendor::kRetell;
  else if (vendor == "signalwire") r->vendor = WebhookVendor::kSignalWire;
  else if (vendor == "twilio") r->vendor = WebhookVendor::kTwilio;
  else if (vendor == "none") r->vendor = WebhookVendor::kNone;
  else {
    *error = "--webhook " + r->name +
             ": name a vendor (vendor=vapi|retell|signalwire|twilio|none)";
    return false;
  }
  if (r->profile.empty()) {
    r->profile = r->vendor == WebhookVendor::kNone || r->vendor == WebhookVendor::kTwilio
                     ? "auto"
                     : WebhookVendorName(r->vendor);
  }
  if (r->vendor != WebhookVendor::kNone && r->secret_file.empty()) {
    *error = "--webhook " + r->name + ": vendor " + WebhookVendorName(r->vendor) +
             " signs its webhooks; give secret-file=FILE";
    return false;
  }
  // URL: http(s)://host[:port][/target]
  std::string u = r->url;
  if (u.rfind("http://", 0) == 0) {
    u = u.substr(7);
    r->tls = false;
    r->port = "80";
  } else if (u.rfind("https://", 0) == 0) {
    u = u.substr(8);
    r->tls = true;
    r->port = "443";
  } else {
    *error = "--webhook " + r->name + ": the URL must start with http:// or https://";
    return false;
  }
  size_t slash = u.find('/');
  std::string authority = u.substr(0, slash);
  r->target = slash == std::string::npos ? "/" : u.substr(slash);
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string::npos) {
      *error = "--webhook " + r->name + ": bad URL host";
      return false;
    }
    r->host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') {
      r->port = authority.substr(close + 2);
    }
  } else {
    size_t colon = authority.rfind(':');
    r->host = authority.substr(0, colon);
    if (colon != std::string::npos) r->port = authority.substr(colon + 1);
  }
  if (r->host.empty() || r->port.empty() ||
      !std::all_of(r->port.begin(), r->port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    *error = "--webhook " + r->name + ": bad URL host or port";
    return false;
  }
  if (!r->ca_file.empty() && !r->tls) {
    *error = "--webhook " + r->name + ": ca-file= needs an https:// URL";
    return false;
  }
  return true;
}

bool LoadWebhookSecret(WebhookRoute* r, std::string* error) {
  if (r->secret_file.empty()) return true;
  std::ifstream in(r->secret_file, std::ios::binary);
  if (!in) {
    *error = "--webhook " + r->name + ": cannot read secret file " + r->secret_file;
    return false;
  }
  r->secret.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  while (!r->secret.empty() && (r->secret.back() == '\n' || r->secret.back() == '\r')) {
    r->secret.pop_back();
  }
  if (r->secret.size() < 8) {
    *error = "--webhook " + r->name + ": secret file " + r->secret_file +
             " holds less than 8 bytes";
    return false;
  }
  return true;
}

bool IsFormContentType(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  constexpr std::string_view kForm = "application/x-www-form-urlencoded";
  return type.size() == kForm.size() &&
         std::equal(type.begin(), type.end(), kForm.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

bool ParseForm(std::string_view body, std::vector<FormField>* fields) {
  SplitForm(body, fields);
  for (const FormField& f : *fields) {
    if (f.name.empty()) return false;
    for (char c : f.name) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-' &&
          c != '[' && c != ']') {
        return false;
      }
    }
  }
  return true;
}

void AppendFormEncoded(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '*' || c == '-' || c == '.' || c == '_') {
      out->push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out->push_back('+');
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
  }
}

void AddTwilioFormRules(JsonOptions* o) {
  using Action = JsonKeyRule::Action;
  auto rule = [o](const char* key, Action action, const char* entity) {
    JsonKeyRule r;
    r.key = key;
    r.action = action;
    r.entity = entity;
    r.id = std::string("webhook.twilio.") + key;
    r.source = "<twilio form fields>";
    o->rules.push_back(std::move(r));
  };
  // Who called whom: redacted whatever they look like (E.164, "client:alice",
  // "whatsapp:+1...", "sip:...").
  for (const char* k : {"From", "To", "Caller", "Called", "ForwardedFrom"}) {
    rule(k, Action::kRedact, "PHONE_NUMBER");
  }
  rule("WaId", Action::kRedact, "PHONE_NUMBER");  // a WhatsApp sender's number
  for (const char* k : {"CallerName", "ProfileName"}) rule(k, Action::kRedact, "PERSON");
  // A SHAKEN PASSporT (JWT) carries the calling number.
  rule("StirPassportToken", Action::kRedact, "OTHER_ID");
  // Geography of those numbers: cities and ZIPs are Safe Harbor identifiers;
  // states and countries are not (skipped below).
  for (const char* p : {"From", "To", "Caller", "Called"}) {
    rule((std::string(p) + "City").c_str(), Action::kRedact, "LOCATION");
    rule((std::string(p) + "Zip").c_str(), Action::kRedact, "ZIP_CODE");
    rule((std::string(p) + "State").c_str(), Action::kSkip, "");
    rule((std::string(p) + "Country").c_str(), Action::kSkip, "");
  }
  // Recordings, transcriptions and MMS media are the caller's voice, words
  // or pictures: their links are RECORDING_URL when the key file asks
  // (redact_recording_urls), scanned otherwise.
  if (o->redact_recording_urls) {
    for (const char* k : {"RecordingUrl", "TranscriptionUrl"}) {
      rule(k, Action::kRedact, "RECORDING_URL");
    }
  }
  for (int i = 0; i < 10; ++i) {
    if (o->redact_recording_urls) {
      rule(("MediaUrl" + std::to_string(i)).c_str(), Action::kRedact, "RECORDING_URL");
    }
    rule(("MediaContentType" + std::to_string(i)).c_str(), Action::kSkip, "");
  }
  // Keypad input at a <Gather> (a date of birth, a member number...).
  rule("Digits", Action::kRedact, "OTHER_ID");
  // Identifiers and call state: not PHI, and ids can look like numbers.
  for (const char* k :
       {"AccountSid", "CallSid", "ParentCallSid", "DialCallSid", "MessageSid", "SmsSid",
        "SmsMessageSid", "MessagingServiceSid", "RecordingSid", "TranscriptionSid",
        "ConferenceSid", "QueueSid", "ApplicationSid", "ApiVersion", "CallStatus",
        "DialCallStatus", "SmsStatus", "MessageStatus", "RecordingStatus",
        "TranscriptionStatus", "TranscriptionType", "Direction", "CallDuration",
        "DialCallDuration", "RecordingDuration", "Duration", "NumMedia", "NumSegments",
        "Confidence", "Stability", "Timestamp", "SequenceNumber", "CallbackSource",
        "RecordingChannels", "RecordingSource", "RecordingStartTime", "ErrorCode",
        "AnsweredBy", "StirVerstat", "QueueTime", "Language",
        "DialBridged", "OptOutType", "SpeechModel"}) {
    rule(k, Action::kSkip, "");
  }
}

SignatureCheck VerifyWebhookSignature(
    const WebhookRoute& r, const std::function<std::string_view(std::string_view)>& header,
    std::string_view body, const std::string& url, double now) {
  bool json = !IsFormContentType(header("content-type"));
  switch (r.vendor) {
    case WebhookVendor::kNone: return SignatureCheck::kOk;
    case WebhookVendor::kVapi: {
      std::string_view secret = header("x-vapi-secret");
      if (!secret.empty()) {
        return SameSecret(secret, r.secret) ? SignatureCheck::kOk : SignatureCheck::kBad;
      }
      std::string_view sig = header("x-vapi-signature");
      if (sig.empty()) sig = header("x-signature");
      if (sig.empty()) return SignatureCheck::kMissing;
      if (sig.substr(0, 7) == "sha256=") sig.remove_prefix(7);
      std::string_view ts = header("x-timestamp");
      std::string msg = ts.empty() ? std::string(body) : std::string(ts) + "." + std::string(body);
      if (!SameSecret(sig, Hex(Hmac(EVP_sha256(), r.secret, msg)), true)) {
        return SignatureCheck::kBad;
      }
      if (!ts.empty()) {
        double t = std::strtod(std::string(ts).c_str(), nullptr);
        if (t > 1e11) t /= 1000;  // milliseconds
        if (!Fresh(t, now)) return SignatureCheck::kStale;
      }
      return SignatureCheck::kOk;
    }
    case WebhookVendor::kRetell: {
      std::string_view sig = header("x-retell-signature");
      if (sig.empty()) return SignatureCheck::kMissing;
      // "v=<milliseconds>,d=<hex digest>"
      if (sig.substr(0, 2) != "v=") return SignatureCheck::kBad;
      size_t comma = sig.find(",d=");
      if (comma == std::string_view::npos) return SignatureCheck::kBad;
      std::string_view ms = sig.substr(2, comma - 2), digest = sig.substr(comma + 3);
      if (ms.empty() || !std::all_of(ms.begin(), ms.end(), [](char c) {
            return c >= '0' && c <= '9';
          })) {
        return SignatureCheck::kBad;
      }
      std::string msg = std::string(body) + std::string(ms);
      if (!SameSecret(digest, Hex(Hmac(EVP_sha256(), r.secret, msg)), true)) {
        return SignatureCheck::kBad;
      }
      return Fresh(std::strtod(std::string(ms).c_str(), nullptr) / 1000, now)
                 ? SignatureCheck::kOk
                 : SignatureCheck::kStale;
    }
    case WebhookVendor::kSignalWire: {
      std::string_view sig = header("x-signalwire-signature");
      if (sig.empty()) sig = header("x-twilio-signature");
      if (sig.empty()) return SignatureCheck::kMissing;
      if (json) {
        return SameSecret(sig, Hex(Hmac(EVP_sha1(), r.secret, url + std::string(body))), true)
                   ? SignatureCheck::kOk
                   : SignatureCheck::kBad;
      }
      return Twilio(r, sig, body, url, false);
    }
    case WebhookVendor::kTwilio:
      return Twilio(r, header("x-twilio-signature"), body, url, json);
  }
  return SignatureCheck::kBad;
}

}  // namespace phiscrub::service
