// Vendor webhook relay (--webhook ROUTE=URL[,option=value...]): a vendor
// POSTs to /webhooks/ROUTE; phiscrubd checks the vendor's signature, redacts
// the payload with the route's profile and forwards the redacted payload to
// the application at URL. Nothing raw is ever forwarded or stored: a payload
// that cannot be redacted is answered 500 and dropped; a forward that fails
// after the retries is answered 502 so the vendor retries.
//
// Lifetimes: WebhookRoute is a plain value built at start-up (routes need a
// restart to change); signature checks are pure functions.
#pragma once

#include <openssl/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace phiscrub {
struct JsonOptions;
}

namespace phiscrub::service {

// HMAC of `msg` under `key` with the digest `md` (raw bytes), and the
// lower-case hex of bytes: the signature schemes here and the sidecar's key
// derivation (engine.cc) share them.
std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view msg);
std::string Hex(std::string_view bytes);

enum class WebhookVendor { kNone, kVapi, kRetell, kSignalWire, kTwilio };

struct WebhookRoute {
  std::string name;         // [A-Za-z0-9_-]+, the path is /webhooks/<name>
  std::string url;          // where the redacted payload goes (http:// or https://)
  WebhookVendor vendor = WebhookVendor::kNone;
  std::string secret_file;  // the vendor's signing secret (vapi, retell, ...)
  std::string profile;      // payload format for the redactor (vapi, retell, ...)
  std::string public_url;   // the URL the vendor calls (SignalWire, Twilio sign it)
  std::string ca_file;      // https:// only: PEM CAs for the application's
                            // certificate instead of the system's
  // Parsed `url`.
  bool tls = false;
  std::string host, port, target;
  // Loaded at start-up from secret_file; never logged.
  std::string secret;
};

// Parses "ROUTE=URL[,vendor=V][,secret-file=F][,profile=P][,public-url=U]
// [,ca-file=F]".
// The vendor defaults to ROUTE when ROUTE names one (vapi, retell,
// signalwire, twilio); the profile to the vendor's (twilio: json).
bool ParseWebhookRoute(const std::string& spec, WebhookRoute* route, std::string* error);

// Reads the secret file (trailing newlines dropped). Vendors that sign need
// one; false with *error naming the file (never its content).
bool LoadWebhookSecret(WebhookRoute* route, std::string* error);

const char* WebhookVendorName(WebhookVendor v);

enum class SignatureCheck {
  kOk,
  kMissing,  // no signature header
  kBad,      // present but wrong
  kStale,    // right but outside the 5-minute window (replay)
};

// Verifies a request's signature as the vendor documents it:
//   vapi       x-vapi-secret equal to the secret, or an HMAC credential:
//              x-vapi-signature (or x-signature) = hex HMAC-SHA256(secret,
//              [x-timestamp "."] body), optional "sha256=" prefix
//   retell     x-retell-signature "v=<ms>,d=<hex HMAC-SHA256(secret, body + ms)>"
//   signalwire X-SignalWire-Signature = hex HMAC-SHA1(key, url + body) (JSON);
//              form posts as twilio
//   twilio     X-Twilio-Signature = base64 HMAC-SHA1(token, url + every
//              form parameter's name and value, sorted by name, then value);
//              JSON bodies: url carries bodySHA256=hex SHA-256 of the body,
//              signed as the url alone
// A body is a form when the Content-Type header says so, JSON otherwise.
// `header` returns a request header by name ("" when absent); `url` is the
// full URL the vendor called (public_url + query, or http://Host + target).
// Whether a Content-Type (parameters ignored, case-insensitive) is
// application/x-www-form-urlencoded: Twilio's voice, SMS and transcription
// callbacks, and SignalWire's compatibility (cXML) callbacks.
bool IsFormContentType(std::string_view content_type);

// One application/x-www-form-urlencoded parameter: the raw bytes as sent and
// the decoded name and value (percent-escapes and '+' decoded).
struct FormField {
  std::string_view raw_name, raw_value;  // views into the parsed body
  std::string name, value;
};

// Splits a form body on '&' into *fields (cleared first; empty pieces
// skipped). False when a name is empty or holds anything but ASCII letters,
// digits, '_', '.', '-', '[' and ']' once decoded: names are forwarded as they
// came and never scanned, so one that could carry data fails closed.
bool ParseForm(std::string_view body, std::vector<FormField>* fields);

// Appends `s` form-encoded (WHATWG application/x-www-form-urlencoded: ASCII
// letters, digits and "*-._" as they are, space as '+', every other byte as
// %XX upper-case).
void AppendFormEncoded(std::string_view s, std::string* out);

// Key rules for a Twilio form callback redacted as a JSON object of its
// fields (field name = key, matched case-insensitively): caller and callee
// numbers (From, To, Caller, Called, ForwardedFrom) are PHONE_NUMBER and
// CallerName/ProfileName PERSON whatever they look like; their city and ZIP
// LOCATION and ZIP_CODE; recording, transcription and media URLs
// RECORDING_URL when options->redact_recording_urls (else scanned); DTMF
// Digits OTHER_ID; SIDs, statuses, durations, counts,
// states and countries skipped (never scanned, forwarded byte for byte);
// free text (Body, SpeechResult, TranscriptionText, ...) and any field not
// named here scanned with the field name as context.
void AddTwilioFormRules(JsonOptions* options);

SignatureCheck VerifyWebhookSignature(const WebhookRoute& route,
                                      const std::function<std::string_view(std::string_view)>& header,
                                      std::string_view body, const std::string& url,
                                      double now_unix_seconds);

}  // namespace phiscrub::service
