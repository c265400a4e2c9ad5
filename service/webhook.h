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
  // Parsed `url`.
  bool tls = false;
  std::string host, port, target;
  // Loaded at start-up from secret_file; never logged.
  std::string secret;
};

// Parses "ROUTE=URL[,vendor=V][,secret-file=F][,profile=P][,public-url=U]".
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
//   twilio     X-Twilio-Signature = base64 HMAC-SHA1(token, url + sorted
//              form params); JSON bodies: url carries bodySHA256=hex SHA-256
//              of the body, signed as the url alone
// `header` returns a request header by name ("" when absent); `url` is the
// full URL the vendor called (public_url + query, or http://Host + target).
SignatureCheck VerifyWebhookSignature(const WebhookRoute& route,
                                      const std::function<std::string_view(std::string_view)>& header,
                                      std::string_view body, const std::string& url,
                                      double now_unix_seconds);

}  // namespace phiscrub::service
