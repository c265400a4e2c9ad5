// phiscrubd networking: Beast HTTP sessions (plain or TLS), framed TCP
// sessions, the relay to a downstream, signals and the drain on shutdown.
//
// Threads: N worker threads, each running its own io_context; every
// connection lives on one of them and scans on it with that thread's Worker
// (read -> scan -> write, so a slow reader slows only its own connection).
// The main thread runs a control io_context: acceptors, signals, the relay
// and reload bookkeeping.
#include "server.h"

// Boost 1.74 asio/awaitable.hpp uses std::exchange without <utility>.
#include <utility>

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

#include "config.h"
#include "engine.h"
#include "metrics.h"
#include "openapi.h"
#include "webhook_forward.h"

#ifndef PHISCRUB_VERSION
#define PHISCRUB_VERSION "0.0.0"
#endif

namespace phiscrub::service {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr int kExitOk = 0, kExitAbandoned = 1, kExitError = 2, kExitConfig = 78;
// Past max_connections, this many more connections are admitted for health
// probes only, each closed if it sends no header within kProbeHeaderTimeout
// seconds: a flood of idle connections never fails liveness.
constexpr int64_t kProbeSlots = 16;
constexpr double kProbeHeaderTimeout = 2.0;

Clock::duration Seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

double UnixNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string IsoNow() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  time_t secs = static_cast<time_t>(ms / 1000);
  struct tm tm;
  gmtime_r(&secs, &tm);
  char buf[96];
  snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
           static_cast<int>(ms % 1000));
  return buf;
}

// ---------------------------------------------------------------------------
// Bearer tokens: stored as SHA-256 digests; a presented token is hashed and
// compared with every digest by CRYPTO_memcmp, so neither the comparison nor
// the number of comparisons depends on where the bytes differ.
struct Tokens {
  struct Token {
    std::string id;  // "ID" from the file, or "sha256:<8 hex>"; never the token
    unsigned char digest[32];
  };
  std::vector<Token> list;
  bool enabled() const { return !list.empty(); }

  static void Digest(std::string_view s, unsigned char out[32]) {
    unsigned int n = 32;
    EVP_Digest(s.data(), s.size(), out, &n, EVP_sha256(), nullptr);
  }

  // The matching token's id, or nullptr.
  const std::string* Check(std::string_view presented) const {
    unsigned char d[32];
    Digest(presented, d);
    const std::string* found = nullptr;
    for (const Token& t : list) {
      if (CRYPTO_memcmp(d, t.digest, 32) == 0) found = &t.id;
    }
    return found;
  }

  static std::shared_ptr<const Tokens> Load(const std::string& path, std::string* error) {
    auto tokens = std::make_shared<Tokens>();
    if (path.empty()) return tokens;
    std::ifstream in(path);
    if (!in) {
      *error = "cannot read auth token file " + path;
      return nullptr;
    }
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
      size_t b = line.find_first_not_of(" \t");
      if (b == std::string::npos || line[b] == '#') continue;
      line = line.substr(b);
      Token t;
      std::string secret = line;
      size_t sp = line.find_first_of(" \t");
      if (sp != std::string::npos) {
        t.id = line.substr(0, sp);
        secret = line.substr(line.find_first_not_of(" \t", sp));
      }
      if (secret.size() < 16) {
        *error = "auth token file " + path + ": tokens must be at least 16 bytes";
        return nullptr;
      }
      Digest(secret, t.digest);
      if (t.id.empty()) {
        static const char kHex[] = "0123456789abcdef";
        t.id = "sha256:";
        for (int i = 0; i < 4; ++i) {
          t.id.push_back(kHex[t.digest[i] >> 4]);
          t.id.push_back(kHex[t.digest[i] & 15]);
        }
      }
      tokens->list.push_back(std::move(t));
    }
    if (tokens->list.empty()) {
      *error = "auth token file " + path + " holds no token";
      return nullptr;
    }
    return tokens;
  }
};

// ---------------------------------------------------------------------------
// Audit log: JSON lines, one write(2) per line under a mutex.
class AuditLog {
 public:
  ~AuditLog() {
    if (fd_ > 2) ::close(fd_);
  }
  bool Open(const std::string& path, std::string* error) {
    if (path.empty()) return true;
    if (path == "-") {
      fd_ = 2;
      return true;
    }
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd_ < 0) {
      *error = "cannot open audit log " + path;
      return false;
    }
    return true;
  }
  bool enabled() const { return fd_ >= 0; }
  void Write(std::string line) {
    if (fd_ < 0) return;
    line.push_back('\n');
    std::lock_guard<std::mutex> lock(mu_);
    const char* p = line.data();
    size_t n = line.size();
    while (n > 0) {
      ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        return;
      }
      p += w;
      n -= static_cast<size_t>(w);
    }
  }

 private:
  int fd_ = -1;
  std::mutex mu_;
};

class Relay;
class TcpSession;

// systemd's notification protocol (sd_notify(3), Type=notify): one datagram
// with `state` to the socket named by $NOTIFY_SOCKET ('@': abstract
// namespace). Does nothing outside systemd.
void NotifySystemd(const char* state) {
  const char* path = getenv("NOTIFY_SOCKET");
  if (path == nullptr || (path[0] != '/' && path[0] != '@')) return;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  size_t len = strlen(path);
  if (len >= sizeof addr.sun_path) return;
  memcpy(addr.sun_path, path, len);
  if (addr.sun_path[0] == '@') addr.sun_path[0] = '\0';
  int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  (void)::sendto(fd, state, strlen(state), MSG_NOSIGNAL, reinterpret_cast<sockaddr*>(&addr),
                 static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + len));
  ::close(fd);
}

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
      .count();
}

// ---------------------------------------------------------------------------
// Process-wide state. Lives in RunServer's frame, longer than every session.
struct Service {
  std::vector<std::string> args;
  ServiceConfig config;  // listeners and limits as started; rules reload
  Metrics metrics;
  AuditLog audit;
  std::atomic<bool> lockdown{false};
  std::atomic<bool> draining{false};
  std::atomic<bool> ready{false};
  std::atomic<int64_t> tcp_busy{0};
  std::atomic<int64_t> connections{0};
  // Connections admitted past max_connections for health probes only (see
  // Server::Admit).
  std::atomic<int64_t> probe_connections{0};
  std::atomic<uint64_t> next_id{0};
  std::string id_prefix;
  std::shared_ptr<Relay> relay;
  // Client TLS for webhook forwards to https:// applications, per route
  // (the system CAs, or the route's ca-file); null for http:// routes.
  std::vector<std::shared_ptr<ssl::context>> webhook_tls;
  // TCP connections, for the drain (Server::CheckDrain): when bytes were last
  // read from any of them, the open ones, the drain flushes not done yet and
  // the records lost (read but not delivered, or cut off by the shutdown).
  std::atomic<int64_t> tcp_last_read_ms{0};
  std::atomic<int64_t> tcp_flushes_pending{0};
  std::atomic<uint64_t> records_lost{0};
  std::mutex tcp_mu;
  std::vector<std::weak_ptr<TcpSession>> tcp_sessions;

  std::shared_ptr<const Engine> engine() {
    std::lock_guard<std::mutex> lock(mu);
    return engine_;
  }
  std::shared_ptr<const Tokens> tokens() {
    std::lock_guard<std::mutex> lock(mu);
    return tokens_;
  }
  std::shared_ptr<ssl::context> tls() {
    std::lock_guard<std::mutex> lock(mu);
    return tls_;
  }
  void Swap(std::shared_ptr<const Engine> e, std::shared_ptr<const Tokens> t,
            std::shared_ptr<ssl::context> tls) {
    std::lock_guard<std::mutex> lock(mu);
    if (e) engine_ = std::move(e);
    if (t) tokens_ = std::move(t);
    if (tls) tls_ = std::move(tls);
  }
  std::string NextRequestId() {
    char buf[48];
    snprintf(buf, sizeof buf, "%s-%08llx", id_prefix.c_str(),
             (unsigned long long)next_id.fetch_add(1, std::memory_order_relaxed));
    return buf;
  }

  std::mutex mu;
  std::shared_ptr<const Engine> engine_;
  std::shared_ptr<const Tokens> tokens_;
  std::shared_ptr<ssl::context> tls_;
};

// Adds an outcome's counts to the metrics.
void CountOutcome(Service& svc, const Engine& engine, const Outcome& o) {
  if (o.records) svc.metrics.Records(o.records);
  const auto& names = engine.rules()->entities();
  for (size_t i = 0; i < o.findings_by_entity.size(); ++i) {
    if (o.findings_by_entity[i]) svc.metrics.Finding(names[i], o.findings_by_entity[i]);
  }
  if (o.fail_count) svc.metrics.FailClosed(o.fail_reason, o.fail_count);
}

void AppendFindingsByEntity(const Engine* engine, const Outcome* o, std::string* line) {
  *line += "{";
  bool first = true;
  if (engine && o) {
    const auto& names = engine->rules()->entities();
    for (size_t i = 0; i < o->findings_by_entity.size(); ++i) {
      if (!o->findings_by_entity[i]) continue;
      if (!first) line->push_back(',');
      first = false;
      *line += "\"" + names[i] + "\":" + std::to_string(o->findings_by_entity[i]);
    }
  }
  *line += "}";
}

// One audit record. `client` is a token id or "anonymous"; never a secret,
// never content.
void AuditEvent(Service& svc, std::string_view event, const std::string& request_id,
                std::string_view client, const std::string& source, Endpoint endpoint,
                int status, std::string_view outcome, const Engine* engine, const Outcome* o,
                double seconds) {
  if (!svc.audit.enabled()) return;
  std::string line = "{\"time\":\"" + IsoNow() + "\",\"event\":\"";
  line += event;
  line += "\",\"request_id\":\"" + request_id + "\",\"client\":\"";
  AppendJsonEscaped(client, &line);
  line += "\",\"source\":\"" + source + "\",\"endpoint\":\"";
  line += EndpointName(endpoint);
  line += "\",\"format\":\"";
  if (o) AppendJsonEscaped(o->format, &line);
  line += "\",\"status\":" + std::to_string(status);
  line += ",\"outcome\":\"";
  line += outcome;
  line += "\",\"records\":" + std::to_string(o ? o->records : 0);
  line += ",\"findings_by_entity\":";
  AppendFindingsByEntity(engine, o, &line);
  if (o && o->fail_count) {
    line += ",\"withheld\":" + std::to_string(o->fail_count) + ",\"withheld_reason\":\"" +
            o->fail_reason + "\"";
  }
  if (engine) line += ",\"rules_generation\":" + std::to_string(engine->generation());
  char buf[48];
  snprintf(buf, sizeof buf, ",\"duration_ms\":%.3f}", seconds * 1e3);
  line += buf;
  svc.audit.Write(std::move(line));
}

// One Worker per thread per Engine; a connection started under an older
// Engine keeps using it (a reload never changes rules mid-connection).
Worker& WorkerFor(const std::shared_ptr<const Engine>& engine) {
  thread_local std::vector<std::unique_ptr<Worker>> cache;
  for (auto& w : cache) {
    if (&w->engine() == engine.get()) return *w;
  }
  if (cache.size() >= 3) cache.erase(cache.begin());
  cache.push_back(std::make_unique<Worker>(engine));
  return *cache.back();
}

std::string SourceOf(const tcp::socket& s) {
  boost::system::error_code ec;
  auto ep = s.remote_endpoint(ec);
  if (ec) return "unknown";
  return ep.address().to_string() + ":" + std::to_string(ep.port());
}

// ---------------------------------------------------------------------------
// HTTP session, plain or TLS.
template <bool kTls>
class HttpSession : public std::enable_shared_from_this<HttpSession<kTls>> {
  using Stream =
      std::conditional_t<kTls, beast::ssl_stream<beast::tcp_stream>, beast::tcp_stream>;

 public:
  // `probe_only`: admitted past the connection cap; it may ask for /healthz
  // or /readyz once, within a short header timeout, and is then closed.
  HttpSession(Service& svc, tcp::socket&& socket, std::shared_ptr<ssl::context> tls,
              bool probe_only = false)
      : svc_(svc),
        probe_only_(probe_only),
        source_(SourceOf(socket)),
        tls_(std::move(tls)),
        stream_(MakeStream(std::move(socket), tls_.get())),
        engine_(svc.engine()) {
    svc_.metrics.Connections(1);
  }
  ~HttpSession() {
    if (inflight_) svc_.metrics.Inflight(-1);
    svc_.metrics.Connections(-1);
    (probe_only_ ? svc_.probe_connections : svc_.connections).fetch_sub(1);
  }

  void Run() {
    if constexpr (kTls) {
      Lowest().expires_after(Seconds(svc_.config.header_timeout));
      stream_.async_handshake(
          ssl::stream_base::server,
          beast::bind_front_handler(&HttpSession::OnHandshake, this->shared_from_this()));
    } else {
      DoRead();
    }
  }

 private:
  static Stream MakeStream(tcp::socket&& socket, ssl::context* ctx) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *ctx);
    } else {
      return Stream(std::move(socket));
    }
  }
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void OnHandshake(beast::error_code ec) {
    if (ec) return;  // bad client certificate, timeout, not TLS: drop
    DoRead();
  }

  void DoRead() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // The body limit is set once the endpoint is known (a 413 needs it).
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    Lowest().expires_after(probe_only_ ? std::min(Seconds(svc_.config.header_timeout),
                                                  Seconds(kProbeHeaderTimeout))
                                       : Seconds(svc_.config.header_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::OnHeader, this->shared_from_this()));
  }

  static bool IsParseError(const beast::error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_target).category() &&
           ec != http::error::end_of_stream && ec != http::error::partial_message;
  }

  void OnHeader(beast::error_code ec, size_t) {
    start_ = Clock::now();
    if (ec) {
      if (ec == beast::error::timeout) {
        // A slow or idle client: the stream is already closed.
        if (buffer_.size() > 0) svc_.metrics.Request(Endpoint::kOther, 408, 0);
        return;
      }
      if (ec == http::error::header_limit) {
        endpoint_ = Endpoint::kOther;
        return Respond(431, R"({"error":"headers_too_large","message":"request headers exceed 16 KiB"})", "application/json", true);
      }
      if (IsParseError(ec)) {
        endpoint_ = Endpoint::kOther;
        return Respond(400, R"({"error":"malformed_http","message":"the request is not valid HTTP/1.1"})", "application/json", true);
      }
      return;  // end of stream, reset
    }
    rid_ = svc_.NextRequestId();
    auto& req = parser_->get();
    std::string_view target(req.target().data(), req.target().size());
    size_t q = target.find('?');
    path_ = std::string(target.substr(0, q));
    query_ = q == std::string_view::npos ? std::string() : std::string(target.substr(q + 1));
    bool post = true;
    route_ = -1;
    if (path_.rfind("/webhooks/", 0) == 0) {
      endpoint_ = Endpoint::kOther;  // 404 unless the route exists
      const auto& routes = svc_.config.webhooks;
      for (size_t i = 0; i < routes.size(); ++i) {
        if (path_.size() == 10 + routes[i].name.size() &&
            path_.compare(10, std::string::npos, routes[i].name) == 0) {
          route_ = static_cast<int>(i);
          endpoint_ = Endpoint::kWebhook;
        }
      }
    } else if (path_ == "/v1/redact") endpoint_ = Endpoint::kRedact;
    else if (path_ == "/v1/redact/stream") endpoint_ = Endpoint::kStream;
    else if (path_ == "/analyze") endpoint_ = Endpoint::kAnalyze;
    else if (path_ == "/anonymize") endpoint_ = Endpoint::kAnonymize;
    else if (path_ == "/deanonymize") endpoint_ = Endpoint::kDeanonymize;
    else {
      post = false;
      if (path_ == "/healthz") endpoint_ = Endpoint::kHealthz;
      else if (path_ == "/readyz") endpoint_ = Endpoint::kReadyz;
      else if (path_ == "/metrics") endpoint_ = Endpoint::kMetrics;
      else if (path_ == "/openapi.json") endpoint_ = Endpoint::kOpenApi;
      else if (path_ == "/health") endpoint_ = Endpoint::kHealth;
      else if (path_ == "/supportedentities") endpoint_ = Endpoint::kSupportedEntities;
      else if (path_ == "/recognizers") endpoint_ = Endpoint::kRecognizers;
      else if (path_ == "/anonymizers" || path_ == "/deanonymizers") {
        endpoint_ = Endpoint::kOperators;
      } else endpoint_ = Endpoint::kOther;
    }
    inflight_ = true;
    svc_.metrics.Inflight(1);
    bool has_body = parser_->chunked() ||
                    (parser_->content_length() && *parser_->content_length() > 0);
    bool probe = endpoint_ == Endpoint::kHealthz || endpoint_ == Endpoint::kReadyz ||
                 endpoint_ == Endpoint::kHealth;
    if (probe_only_ && !probe) {
      svc_.metrics.ConnectionRejected();
      return Respond(503,
                     R"({"error":"too_many_connections","message":"the connection limit is )"
                     R"(reached; only /healthz, /readyz and /health are answered"})",
                     "application/json", true);
    }
    if (svc_.draining.load() && !probe && endpoint_ != Endpoint::kMetrics) {
      return Respond(503, R"({"error":"draining","message":"the service is shutting down; retry on another instance"})", "application/json", true);
    }
    auto tokens = svc_.tokens();
    client_ = "anonymous";
    // A webhook route of a signing vendor is authenticated by the vendor's
    // signature instead (vendors send no bearer token).
    bool signed_route = endpoint_ == Endpoint::kWebhook &&
                        svc_.config.webhooks[route_].vendor != WebhookVendor::kNone;
    if (signed_route) client_ = "webhook:" + svc_.config.webhooks[route_].name;
    if (tokens->enabled() && !probe && !signed_route) {
      const std::string* id = nullptr;
      auto auth = req[http::field::authorization];
      std::string_view a(auth.data(), auth.size());
      if (a.size() > 7 && strncasecmp(a.data(), "Bearer ", 7) == 0) {
        a.remove_prefix(7);
        while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
        id = tokens->Check(a);
      }
      if (id == nullptr) {
        svc_.metrics.AuthFailure();
        AuditEvent(svc_, "auth_failure", rid_, "unauthenticated", source_, endpoint_, 401,
                   "denied", nullptr, nullptr, 0);
        return Respond(401, R"({"error":"unauthorized","message":"a valid bearer token is required"})", "application/json", has_body);
      }
      client_ = *id;
    }
    if (endpoint_ == Endpoint::kOther) {
      return Respond(404, R"({"error":"not_found","message":"no such endpoint; see GET /openapi.json"})", "application/json", has_body);
    }
    if (req.method() != (post ? http::verb::post : http::verb::get)) {
      allow_ = post ? "POST" : "GET";
      return Respond(405, R"({"error":"method_not_allowed","message":"see the Allow header"})", "application/json", has_body);
    }
    if (post) {
      auto ct = req[http::field::content_type];
      std::string_view type(ct.data(), ct.size());
      type = type.substr(0, type.find(';'));
      while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
      // Twilio and SignalWire (cXML) post their voice and SMS callbacks as
      // forms.
      bool form_route = endpoint_ == Endpoint::kWebhook &&
                        (svc_.config.webhooks[route_].vendor == WebhookVendor::kTwilio ||
                         svc_.config.webhooks[route_].vendor == WebhookVendor::kSignalWire);
      bool ok = endpoint_ == Endpoint::kStream
                    ? (strcasecmp(std::string(type).c_str(), "application/x-ndjson") == 0 ||
                       strcasecmp(std::string(type).c_str(), "application/jsonl") == 0 ||
                       strcasecmp(std::string(type).c_str(), "text/plain") == 0)
                    : strcasecmp(std::string(type).c_str(), "application/json") == 0 ||
                          (form_route && IsFormContentType(type));
      if (!ok) {
        return Respond(415,
                       form_route
                           ? R"({"error":"unsupported_media_type","message":"Content-Type must )"
                             R"(be application/json or application/x-www-form-urlencoded"})"
                       : endpoint_ == Endpoint::kStream
                           ? R"({"error":"unsupported_media_type","message":"Content-Type must )"
                             R"(be application/x-ndjson, application/jsonl or text/plain"})"
                           : R"({"error":"unsupported_media_type","message":"Content-Type must )"
                             R"(be application/json"})",
                       "application/json", has_body);
      }
    }
    if (parser_->content_length() && *parser_->content_length() > svc_.config.max_body) {
      return Respond(413, R"({"error":"body_too_large","message":"the request body exceeds --max-body"})", "application/json", true);
    }
    auto expect = req[http::field::expect];
    if (has_body && beast::iequals(expect, "100-continue")) {
      continue_.emplace(http::status::continue_, 11);
      Lowest().expires_after(Seconds(svc_.config.body_timeout));
      return http::async_write(stream_, *continue_,
                               [self = this->shared_from_this()](beast::error_code ec, size_t) {
                                 if (ec) return;
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  void ReadBody() {
    parser_->body_limit(svc_.config.max_body);
    Lowest().expires_after(Seconds(svc_.config.body_timeout));
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&HttpSession::OnBody, this->shared_from_this()));
  }

  void OnBody(beast::error_code ec, size_t) {
    if (ec) {
      if (ec == http::error::body_limit) {
        return Respond(413, R"({"error":"body_too_large","message":"the request body exceeds --max-body"})", "application/json", true);
      }
      if (ec == beast::error::timeout) {
        svc_.metrics.Request(endpoint_, 408, Elapsed());
        AuditEvent(svc_, "request", rid_, client_, source_, endpoint_, 408, "timeout", nullptr,
                   nullptr, Elapsed());
        return;  // closed by the stream
      }
      if (IsParseError(ec)) {
        return Respond(400, R"({"error":"malformed_http","message":"the request is not valid HTTP/1.1"})", "application/json", true);
      }
      return;
    }
    Handle();
  }

  double Elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  void Readyz(ApiResult* r) {
    bool lock = svc_.lockdown.load();
    std::string tail = std::string(",\"lockdown\":") + (lock ? "true" : "false") +
                       ",\"rules_generation\":" + std::to_string(svc_.engine()->generation()) +
                       "}";
    if (svc_.draining.load()) {
      r->status = 503;
      r->body = "{\"status\":\"draining\"" + tail;
    } else if (!svc_.ready.load()) {
      r->status = 503;
      r->body = "{\"status\":\"starting\"" + tail;
    } else {
      r->status = 200;
      r->body = std::string("{\"status\":\"") + (lock ? "lockdown" : "ready") + "\"" + tail;
    }
  }

  static std::string_view QueryParam(std::string_view query, std::string_view name) {
    while (!query.empty()) {
      size_t amp = query.find('&');
      std::string_view kv = query.substr(0, amp);
      if (kv.size() > name.size() && kv.substr(0, name.size()) == name &&
          kv[name.size()] == '=') {
        return kv.substr(name.size() + 1);
      }
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
    return {};
  }

  // POST /webhooks/ROUTE: signature, redaction, forward (asynchronous; the
  // response is written when the application has answered or the retries
  // are spent).
  void HandleWebhook() {
    const WebhookRoute& route = svc_.config.webhooks[route_];
    const size_t ri = static_cast<size_t>(route_);
    auto& req = parser_->get();
    const std::string& body = req.body();
    auto header = [&req](std::string_view name) -> std::string_view {
      auto it = req.find(beast::string_view(name.data(), name.size()));
      if (it == req.end()) return {};
      return std::string_view(it->value().data(), it->value().size());
    };
    std::string url = route.public_url;
    if (url.empty()) url = (svc_.tls() ? "https://" : "http://") + std::string(header("host")) + path_;
    if (!query_.empty()) url += "?" + query_;
    bool close = !parser_->keep_alive() || svc_.draining.load();
    SignatureCheck sig = VerifyWebhookSignature(route, header, body, url, UnixNow());
    if (sig != SignatureCheck::kOk) {
      svc_.metrics.Webhook(ri, Metrics::WebhookOutcome::kBadSignature);
      const char* why = sig == SignatureCheck::kMissing ? "missing_signature"
                        : sig == SignatureCheck::kStale ? "stale_signature"
                                                        : "bad_signature";
      AuditEvent(svc_, "webhook_signature_failure", rid_, client_, source_, endpoint_, 401, why,
                 nullptr, nullptr, Elapsed());
      return Respond(401,
                     sig == SignatureCheck::kStale
                         ? R"({"error":"stale_signature","message":"the signature is older )"
                           R"(or newer than 5 minutes"})"
                         : R"({"error":"bad_signature","message":"the vendor signature is )"
                           R"(missing or does not match the route's secret"})",
                     "application/json", close);
    }
    // A form goes on as a form (the application's Twilio handler reads the
    // same fields), JSON as JSON.
    const bool form = IsFormContentType(header("content-type"));
    Outcome o;
    std::string out;
    bool ok = false;
    try {
      ok = form ? WorkerFor(engine_).RedactWebhookForm(body, svc_.lockdown.load(), &out, &o)
                : WorkerFor(engine_).RedactWebhook(body, PayloadFormatIndex(route.profile),
                                                   svc_.lockdown.load(), &out, &o);
    } catch (const std::exception&) {
      out.clear();
      o.fail_reason = "internal";
      o.fail_count = 1;
    }
    CountOutcome(svc_, *engine_, o);
    if (!ok) {
      // Fail closed: nothing of the payload leaves; the vendor may retry.
      svc_.metrics.Webhook(ri, Metrics::WebhookOutcome::kRedactionFailed);
      AuditEvent(svc_, "webhook", rid_, client_, source_, endpoint_, 500, "error", engine_.get(),
                 &o, Elapsed());
      return Respond(500,
                     R"({"error":"redaction_failed","message":"the webhook could not be )"
                     R"(redacted; nothing was forwarded"})",
                     "application/json", close);
    }
    auto self = this->shared_from_this();
    ForwardWebhook(
        stream_.get_executor(), route, svc_.webhook_tls[ri], std::move(out),
        form ? "application/x-www-form-urlencoded" : "application/json",
        rid_, svc_.config.max_body,
        [self, ri](int) { self->svc_.metrics.WebhookRetry(ri); },
        [self, ri, o, close](ForwardResult fr) { self->OnForwarded(ri, o, close, std::move(fr)); });
  }

  void OnForwarded(size_t ri, const Outcome& o, bool close, ForwardResult fr) {
    if (fr.status >= 200 && fr.status < 300) {
      svc_.metrics.Webhook(ri, Metrics::WebhookOutcome::kForwarded);
      AuditEvent(svc_, "webhook", rid_, client_, source_, endpoint_, fr.status,
                 o.fail_count ? "withheld" : "forwarded", engine_.get(), &o, Elapsed());
      // The application's answer goes back to the vendor (tool results,
      // assistant configuration...).
      forward_type_ = fr.content_type.empty() ? "application/json" : fr.content_type;
      return Respond(fr.status, std::move(fr.body), forward_type_.c_str(), close);
    }
    svc_.metrics.Webhook(ri, Metrics::WebhookOutcome::kForwardFailed);
    AuditEvent(svc_, "webhook", rid_, client_, source_, endpoint_, 502, "forward_failed",
               engine_.get(), &o, Elapsed());
    Respond(502,
            "{\"error\":\"forward_failed\",\"message\":\"the application did not accept the "
            "redacted webhook after " + std::to_string(fr.attempts) +
                " attempts (last status " + std::to_string(fr.status) + "); retry later\"}",
            "application/json", close);
  }

  void Handle() {
    if (endpoint_ == Endpoint::kWebhook) return HandleWebhook();
    ApiResult r;
    Outcome o;
    const std::string& body = parser_->get().body();
    bool lock = svc_.lockdown.load();
    try {
      switch (endpoint_) {
        case Endpoint::kRedact: WorkerFor(engine_).Redact(body, lock, &r, &o); break;
        case Endpoint::kStream:
          WorkerFor(engine_).Stream(body, QueryParam(query_, "format"), lock, &r, &o);
          break;
        case Endpoint::kAnalyze: WorkerFor(engine_).Analyze(body, lock, &r, &o); break;
        case Endpoint::kAnonymize: WorkerFor(engine_).Anonymize(body, lock, &r, &o); break;
        case Endpoint::kHealthz: r.body = R"({"status":"ok"})"; break;
        case Endpoint::kReadyz: Readyz(&r); break;
        case Endpoint::kMetrics:
          r.body = svc_.metrics.Render(PHISCRUB_VERSION);
          r.content_type = "text/plain; version=0.0.4";
          break;
        case Endpoint::kOpenApi: r.body = std::string(OpenApiJson()); break;
        case Endpoint::kDeanonymize: WorkerFor(engine_).Deanonymize(body, lock, &r, &o); break;
        case Endpoint::kHealth:
          // Presidio's probe answers plain text.
          r.body = "phiscrubd (Presidio-compatible analyzer and anonymizer) is up";
          r.content_type = "text/plain";
          break;
        case Endpoint::kSupportedEntities:
          WorkerFor(engine_).SupportedEntities(QueryParam(query_, "language"), &r);
          break;
        case Endpoint::kRecognizers:
          WorkerFor(engine_).Recognizers(QueryParam(query_, "language"), &r);
          break;
        case Endpoint::kOperators:
          if (path_ == "/anonymizers") Worker::Anonymizers(&r);
          else Worker::Deanonymizers(&r);
          break;
        default: r.status = 404; r.body = R"({"error":"not_found","message":"no such endpoint; see GET /openapi.json"})"; break;
      }
    } catch (const std::exception&) {
      // Fail closed: nothing computed so far leaves the process.
      r = ApiResult();
      r.status = 500;
      r.body = R"({"error":"internal","message":"the request could not be processed"})";
      o.fail_reason = "internal";
      o.fail_count = 1;
    }
    CountOutcome(svc_, *engine_, o);
    bool api = endpoint_ == Endpoint::kRedact || endpoint_ == Endpoint::kStream ||
               endpoint_ == Endpoint::kAnalyze || endpoint_ == Endpoint::kAnonymize ||
               endpoint_ == Endpoint::kDeanonymize;
    if (api) {
      const char* outcome = r.status >= 500 ? "error"
                            : r.status >= 400 ? "rejected"
                            : o.fail_count ? "withheld"
                                           : "ok";
      AuditEvent(svc_, "request", rid_, client_, source_, endpoint_, r.status, outcome,
                 engine_.get(), &o, Elapsed());
    }
    bool close = !parser_->keep_alive() || svc_.draining.load() || probe_only_;
    Respond(r.status, std::move(r.body), r.content_type, close,
            endpoint_ == Endpoint::kStream && r.status == 200);
  }

  void Respond(int status, std::string body, const char* content_type, bool close,
               bool chunked = false) {
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(status));
    res_.set(http::field::server, "phiscrubd");
    res_.set(http::field::content_type, content_type);
    res_.set(http::field::cache_control, "no-store");
    res_.set("X-Content-Type-Options", "nosniff");
    if (!rid_.empty()) res_.set("X-Request-Id", rid_);
    if (status == 503) res_.set(http::field::retry_after, "5");
    if (status == 401) res_.set(http::field::www_authenticate, "Bearer realm=\"phiscrubd\"");
    if (status == 405) res_.set(http::field::allow, allow_);
    res_.keep_alive(!close);
    res_.body() = std::move(body);
    if (chunked) {
      res_.chunked(true);
    } else {
      res_.prepare_payload();
    }
    if (status != 200 && endpoint_ == Endpoint::kOther) {
      // bounded labels: unknown paths are "other"
    }
    svc_.metrics.Request(endpoint_, status, Elapsed());
    if (endpoint_ == Endpoint::kWebhook && route_ >= 0 && status >= 400 && status < 500 &&
        status != 401) {
      svc_.metrics.Webhook(static_cast<size_t>(route_), Metrics::WebhookOutcome::kRejected);
    }
    Lowest().expires_after(Seconds(svc_.config.body_timeout));
    http::async_write(stream_, res_,
                      beast::bind_front_handler(&HttpSession::OnWrite,
                                                this->shared_from_this(), close));
  }

  void OnWrite(bool close, beast::error_code ec, size_t) {
    if (inflight_) {
      inflight_ = false;
      svc_.metrics.Inflight(-1);
    }
    rid_.clear();
    if (ec) return;
    if (close) return DoClose();
    DoRead();
  }

  void DoClose() {
    if constexpr (kTls) {
      Lowest().expires_after(std::chrono::seconds(2));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    }
  }

  Service& svc_;
  bool probe_only_ = false;
  std::string source_;
  std::shared_ptr<ssl::context> tls_;
  Stream stream_;
  std::shared_ptr<const Engine> engine_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  http::response<http::string_body> res_;
  Endpoint endpoint_ = Endpoint::kOther;
  std::string path_, query_, rid_, allow_;
  std::string client_ = "anonymous";
  Clock::time_point start_;
  bool inflight_ = false;
  int route_ = -1;  // index into svc_.config.webhooks for Endpoint::kWebhook
  std::string forward_type_;
};

// ---------------------------------------------------------------------------
// Relay: one connection to the downstream, shared by every TCP session; runs
// on the control io_context. Holds at most `limit` bytes; a Push that does
// not fit waits (with its continuation) until the downstream drains, so the
// sending session stops reading: back-pressure, nothing dropped.
class Relay : public std::enable_shared_from_this<Relay> {
 public:
  Relay(asio::io_context& ctx, Service& svc, std::string host, std::string port, size_t limit)
      : ctx_(ctx), svc_(svc), host_(std::move(host)), port_(std::move(port)), limit_(limit),
        socket_(ctx), resolver_(ctx), timer_(ctx) {}

  void Start() {
    asio::post(ctx_, [self = shared_from_this()] { self->Connect(); });
  }

  // Thread-safe. `accepted` runs (on the control thread) once `data` (which
  // holds `records` records) is owned by the relay.
  void Push(std::string data, uint64_t records, std::function<void()> accepted) {
    asio::post(ctx_, [self = shared_from_this(), d = std::move(data), records,
                      a = std::move(accepted)]() mutable {
      self->waiters_.push_back(Waiter{std::move(d), records, std::move(a)});
      self->Admit();
      self->Write();
    });
  }

  // Control thread only.
  bool Empty() const { return queue_.empty() && waiters_.empty(); }
  size_t buffered() const { return bytes_; }
  // Records held (queued or waiting to be admitted): what is lost if we stop.
  uint64_t records() const {
    uint64_t n = 0;
    for (uint64_t r : queue_records_) n += r;
    for (const auto& w : waiters_) n += w.records;
    return n;
  }

 private:
  struct Waiter {
    std::string data;
    uint64_t records;
    std::function<void()> accepted;
  };

  void Admit() {
    while (!waiters_.empty() &&
           (bytes_ == 0 || bytes_ + waiters_.front().data.size() <= limit_)) {
      bytes_ += waiters_.front().data.size();
      queue_.push_back(std::move(waiters_.front().data));
      queue_records_.push_back(waiters_.front().records);
      auto cb = std::move(waiters_.front().accepted);
      waiters_.pop_front();
      cb();
    }
    svc_.metrics.RelayBuffered(static_cast<int64_t>(bytes_));
  }

  void Connect() {
    if (connecting_ || connected_) return;
    connecting_ = true;
    resolver_.async_resolve(
        host_, port_,
        [self = shared_from_this()](beast::error_code ec, tcp::resolver::results_type results) {
          if (ec) return self->Retry();
          asio::async_connect(self->socket_, results,
                              [self](beast::error_code ec, const tcp::endpoint&) {
                                if (ec) return self->Retry();
                                self->connecting_ = false;
                                self->connected_ = true;
                                // Bounded kernel buffering too: what is held
                                // for the downstream is mostly ours, counted.
                                beast::error_code ignored;
                                self->socket_.set_option(
                                    asio::socket_base::send_buffer_size(256 * 1024), ignored);
                                self->backoff_ms_ = 100;
                                self->svc_.metrics.RelayConnected(true);
                                self->Watch();
                                self->Write();
                              });
        });
  }

  // Detects a downstream that closed (restart) before we write into it.
  void Watch() {
    socket_.async_read_some(asio::buffer(sink_),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (!self->connected_) return;
                              if (ec) return self->Disconnect();
                              self->Watch();
                            });
  }

  void Disconnect() {
    if (!connected_) return;
    connected_ = false;
    beast::error_code ignored;
    socket_.close(ignored);
    svc_.metrics.RelayConnected(false);
    svc_.metrics.RelayReconnect();
    Retry();
  }

  void Retry() {
    connecting_ = false;
    beast::error_code ignored;
    socket_.close(ignored);
    timer_.expires_after(std::chrono::milliseconds(backoff_ms_));
    backoff_ms_ = std::min(backoff_ms_ * 2, 2000);
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->Connect();
    });
  }

  void Write() {
    if (!connected_) return Connect();
    if (writing_ || queue_.empty()) return;
    writing_ = true;
    // Gather up to 64 KiB of records into one write.
    out_.clear();
    n_out_ = 0;
    for (const auto& d : queue_) {
      if (n_out_ > 0 && out_.size() + d.size() > 65536) break;
      out_ += d;
      ++n_out_;
    }
    asio::async_write(socket_, asio::buffer(out_),
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        self->writing_ = false;
                        if (ec) {
                          // The records stay queued and go again, whole,
                          // on the next connection.
                          return self->Disconnect();
                        }
                        for (size_t i = 0; i < self->n_out_; ++i) {
                          self->bytes_ -= self->queue_.front().size();
                          self->queue_.pop_front();
                          self->queue_records_.pop_front();
                        }
                        self->Admit();
                        self->Write();
                      });
  }

  asio::io_context& ctx_;
  Service& svc_;
  std::string host_, port_;
  size_t limit_;
  tcp::socket socket_;
  tcp::resolver resolver_;
  asio::steady_timer timer_;
  std::deque<std::string> queue_;
  std::deque<uint64_t> queue_records_;  // records in each queue_ entry
  std::deque<Waiter> waiters_;
  size_t bytes_ = 0;
  bool connected_ = false, connecting_ = false, writing_ = false;
  int backoff_ms_ = 100;
  std::string out_;
  size_t n_out_ = 0;
  char sink_[512];
};

// ---------------------------------------------------------------------------
// RFC 6587 octet counting: "LEN SP MSG". Bytes between frames that are
// whitespace (a newline some senders add) are skipped. A message longer than
// max_record is discarded as it streams by and becomes a placeholder.
class OctetFramer {
 public:
  struct Message {
    std::string data;  // without a trailing '\n'
    bool newline = false;
    bool oversize = false;
  };
  explicit OctetFramer(size_t max_record) : max_(max_record) {}

  // False on a framing error (the stream cannot be resynchronised).
  bool Feed(std::string_view in, std::vector<Message>* out) {
    size_t i = 0;
    while (i < in.size()) {
      if (state_ == kLen) {
        char c = in[i];
        if (c >= '0' && c <= '9') {
          if (digits_.size() >= 10) return false;
          digits_.push_back(c);
          ++i;
        } else if (c == ' ' && !digits_.empty()) {
          want_ = std::strtoull(digits_.c_str(), nullptr, 10);
          digits_.clear();
          ++i;
          if (want_ == 0) return false;
          msg_.clear();
          state_ = want_ > max_ + 1 ? kSkip : kBody;
        } else if ((c == '\n' || c == '\r' || c == ' ') && digits_.empty()) {
          ++i;
        } else {
          return false;
        }
      } else {
        size_t take = std::min(want_, in.size() - i);
        if (state_ == kBody) msg_.append(in.data() + i, take);
        want_ -= take;
        i += take;
        if (want_ == 0) {
          Message m;
          if (state_ == kSkip) {
            m.oversize = true;
            m.newline = true;
          } else {
            m.newline = !msg_.empty() && msg_.back() == '\n';
            if (m.newline) msg_.pop_back();
            // The +1 allowance is for a trailing newline only: a record one
            // byte over the bound is oversize too.
            if (msg_.size() > max_) {
              m.oversize = true;
              m.newline = true;
            } else {
              m.data = std::move(msg_);
            }
            msg_.clear();
          }
          out->push_back(std::move(m));
          state_ = kLen;
        }
      }
    }
    return true;
  }
  // True when the stream ended inside a frame (that partial frame is dropped).
  bool partial() const { return state_ != kLen || !digits_.empty(); }

 private:
  enum State { kLen, kBody, kSkip };
  size_t max_;
  State state_ = kLen;
  std::string digits_;
  size_t want_ = 0;
  std::string msg_;
};

// A framed TCP connection from a log shipper, in reply or relay mode.
class TcpSession : public std::enable_shared_from_this<TcpSession> {
 public:
  TcpSession(Service& svc, tcp::socket&& socket)
      : svc_(svc),
        socket_(std::move(socket)),
        source_(SourceOf(socket_)),
        engine_(svc.engine()),
        framer_(engine_->max_record()),
        octets_(engine_->max_record()),
        framing_(svc.config.framing),
        start_(Clock::now()) {
    svc_.metrics.Connections(1);
    format_ = framing_ == Framing::kNdjson ? "ndjson" : svc_.config.tcp_format;
    NameFormat();
    rid_ = svc_.NextRequestId();
  }
  ~TcpSession() {
    FlushDone();
    svc_.metrics.Connections(-1);
    svc_.connections.fetch_sub(1);
    AuditEvent(svc_, "tcp_connection", rid_, "tcp", source_, Endpoint::kTcp, 0,
               framing_error_ ? "framing_error" : outcome_.fail_count ? "withheld" : "ok",
               engine_.get(), &outcome_,
               std::chrono::duration<double>(Clock::now() - start_).count());
  }

  void Start() { DoRead(); }

  // Drain (any thread): the listener is closed and every connection has been
  // idle; delivers what the framer still holds (a last line without its
  // newline) and stops reading. A partial octet-counted frame is lost.
  // Decrements svc.tcp_flushes_pending once done.
  void FlushForDrain() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      self->flush_owed_ = true;
      if (self->flushed_) {
        self->FlushDone();
      } else if (self->busy_) {
        self->flush_requested_ = true;  // after the delivery in progress
      } else {
        self->Flush();
      }
    });
  }

 private:
  void NameFormat() {
    outcome_.format = framing_ == Framing::kOctetCounted ? "octet-counted:" + format_ : format_;
  }

  void DoRead() {
    socket_.async_read_some(asio::buffer(buf_),
                            beast::bind_front_handler(&TcpSession::OnRead, shared_from_this()));
  }

  // Framing auto, as rsyslog's imtcp: a stream that starts with digits and a
  // space is octet-counted, anything else is lines. False while undecided
  // (only digits seen so far).
  bool Detect(bool eof) {
    size_t i = 0;
    while (i < detect_.size() && i <= 10 && detect_[i] >= '0' && detect_[i] <= '9') ++i;
    if (i < detect_.size() || i > 10) {
      framing_ = i > 0 && i <= 10 && i < detect_.size() && detect_[i] == ' '
                     ? Framing::kOctetCounted
                     : Framing::kLines;
    } else if (eof) {
      framing_ = Framing::kLines;
    } else {
      return false;
    }
    NameFormat();
    return true;
  }

  void OnRead(beast::error_code ec, size_t n) {
    bool eof = false;
    if (ec) {
      if (ec != asio::error::eof) return;  // reset: the partial record is dropped
      eof = true;
    }
    if (n > 0) svc_.tcp_last_read_ms.store(SteadyMs());
    if (flushed_) {
      // Bytes after the drain flushed this connection are not delivered.
      if (n > 0) Lose(1 + std::count(buf_.data(), buf_.data() + n, '\n'));
      return;
    }
    std::string_view chunk(buf_.data(), n);
    if (framing_ == Framing::kAuto) {
      detect_.append(chunk);
      if (!Detect(eof)) return DoRead();
      chunk = detect_;
    }
    busy_ = true;
    svc_.tcp_busy.fetch_add(1);
    out_.clear();
    out_records_ = 0;
    Outcome o;
    Worker& w = WorkerFor(engine_);
    bool lock = svc_.lockdown.load();
    if (framing_ == Framing::kOctetCounted) {
      messages_.clear();
      if (!octets_.Feed(chunk, &messages_)) framing_error_ = true;
      if (eof && octets_.partial()) {
        o.fail_reason = "framing";
        ++o.fail_count;
      }
      for (const auto& m : messages_) {
        batch_.Clear();
        RecordBatch::Record rec;
        rec.offset = 0;
        rec.length = m.oversize ? 0 : m.data.size();
        rec.newline = m.newline;
        rec.oversize = m.oversize;
        batch_.data = m.data;
        batch_.data.push_back('\n');
        batch_.records.push_back(rec);
        piece_.clear();
        w.RedactBatch(batch_, format_, lock, &piece_, &o);
        out_ += std::to_string(piece_.size());
        out_.push_back(' ');
        out_ += piece_;
        ++out_records_;
      }
      if (framing_error_) {
        o.fail_reason = "framing";
        ++o.fail_count;
        eof = true;  // fail closed: nothing after a broken frame is trusted
      }
    } else {
      batch_.Clear();
      framer_.Feed(chunk, &batch_);
      if (eof) framer_.Finish(&batch_);
      out_records_ = batch_.records.size();
      w.RedactBatch(batch_, format_, lock, &out_, &o);
    }
    if (!detect_.empty()) detect_ = std::string();  // decided: read directly from now on
    Account(o);
    Deliver(eof);
  }

  void Account(const Outcome& o) {
    CountOutcome(svc_, *engine_, o);
    outcome_.records += o.records;
    for (size_t i = 0; i < o.findings_by_entity.size(); ++i) {
      if (outcome_.findings_by_entity.size() <= i) outcome_.findings_by_entity.resize(i + 1);
      outcome_.findings_by_entity[i] += o.findings_by_entity[i];
    }
    if (o.fail_count) {
      outcome_.fail_count += o.fail_count;
      outcome_.fail_reason = o.fail_reason;
    }
  }

  void Lose(uint64_t records) {
    svc_.records_lost.fetch_add(records);
    svc_.metrics.FailClosed("abandoned", records);
  }

  void FlushDone() {
    if (!flush_owed_) return;
    flush_owed_ = false;
    svc_.tcp_flushes_pending.fetch_sub(1);
  }

  void Flush() {
    flushed_ = true;
    if (framing_ == Framing::kAuto) framing_ = Framing::kLines;  // only digits came: a line
    bool have = false;
    if (framing_ == Framing::kOctetCounted) {
      if (octets_.partial()) Lose(1);
    } else {
      batch_.Clear();
      if (!detect_.empty()) framer_.Feed(detect_, &batch_);
      detect_ = std::string();
      framer_.Finish(&batch_);
      have = !batch_.records.empty();
    }
    if (!have) return FlushDone();
    busy_ = true;
    svc_.tcp_busy.fetch_add(1);
    out_.clear();
    out_records_ = batch_.records.size();
    Outcome o;
    WorkerFor(engine_).RedactBatch(batch_, format_, svc_.lockdown.load(), &out_, &o);
    Account(o);
    Deliver(/*eof=*/true);
  }

  void Deliver(bool eof) {
    auto self = shared_from_this();
    auto next = [self, eof] {
      self->busy_ = false;
      self->svc_.tcp_busy.fetch_sub(1);
      if (eof) {
        // Everything of this connection is delivered (or, after a framing
        // error, withheld): nothing left for a drain flush.
        self->flushed_ = true;
        self->FlushDone();
        beast::error_code ignored;
        self->socket_.shutdown(tcp::socket::shutdown_send, ignored);
        return;
      }
      if (self->flush_requested_) {
        self->flush_requested_ = false;
        return self->Flush();
      }
      self->DoRead();
    };
    if (out_.empty()) return next();
    if (svc_.config.tcp_mode == TcpMode::kRelay && framing_ != Framing::kOctetCounted &&
        out_.back() != '\n') {
      // A last line without its newline: the downstream stream carries other
      // connections' records after it.
      out_.push_back('\n');
    }
    if (svc_.config.tcp_mode == TcpMode::kReply) {
      asio::async_write(socket_, asio::buffer(out_),
                        [self, next](beast::error_code ec, size_t) {
                          if (ec) {
                            self->busy_ = false;
                            self->svc_.tcp_busy.fetch_sub(1);
                            self->flushed_ = true;
                            self->FlushDone();
                            return;
                          }
                          next();
                        });
    } else {
      auto exec = socket_.get_executor();
      svc_.relay->Push(std::move(out_), out_records_, [exec, next] { asio::post(exec, next); });
      out_ = std::string();
    }
  }

  Service& svc_;
  tcp::socket socket_;
  std::string source_;
  std::shared_ptr<const Engine> engine_;
  LineFramer framer_;
  OctetFramer octets_;
  std::vector<OctetFramer::Message> messages_;
  Framing framing_;
  std::string detect_;  // framing auto: the first bytes, until decided
  std::string format_;
  std::array<char, 65536> buf_;
  RecordBatch batch_;
  std::string out_, piece_, rid_;
  uint64_t out_records_ = 0;
  Outcome outcome_;
  Clock::time_point start_;
  bool framing_error_ = false;
  bool busy_ = false;             // between a read and its delivery
  bool flushed_ = false;          // drain: delivered, reading stopped
  bool flush_requested_ = false;  // drain: flush after the current delivery
  bool flush_owed_ = false;       // drain: tcp_flushes_pending counts us
};

// ---------------------------------------------------------------------------
std::shared_ptr<ssl::context> MakeTls(const ServiceConfig& c, std::string* error) {
  if (c.tls_cert.empty()) return nullptr;
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  boost::system::error_code ec;
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                       ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                   ec);
  SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
  ctx->use_certificate_chain_file(c.tls_cert, ec);
  if (ec) {
    *error = "cannot load TLS certificate " + c.tls_cert;
    return nullptr;
  }
  ctx->use_private_key_file(c.tls_key, ssl::context::pem, ec);
  if (ec) {
    *error = "cannot load TLS key " + c.tls_key;
    return nullptr;
  }
  if (!c.tls_client_ca.empty()) {
    ctx->load_verify_file(c.tls_client_ca, ec);
    if (ec) {
      *error = "cannot load TLS client CA " + c.tls_client_ca;
      return nullptr;
    }
    ctx->set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
  }
  return ctx;
}

bool ParseListen(const std::string& s, tcp::endpoint* ep, std::string* error) {
  std::string host;
  uint16_t port;
  if (!SplitHostPort(s, &host, &port)) {
    *error = "bad address " + s;
    return false;
  }
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  auto addr = asio::ip::make_address(host, ec);
  if (ec) {
    *error = "listen address must be numeric (or localhost): " + s;
    return false;
  }
  *ep = tcp::endpoint(addr, port);
  return true;
}

bool WritePortFile(const std::string& path, uint16_t port) {
  if (path.empty()) return true;
  std::string tmp = path + ".tmp";
  FILE* f = fopen(tmp.c_str(), "w");
  if (!f) return false;
  fprintf(f, "%u\n", port);
  fclose(f);
  return rename(tmp.c_str(), path.c_str()) == 0;
}

void PrintDiagnostics(const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags) fprintf(stderr, "phiscrubd: %s\n", d.ToString().c_str());
}

class Server {
 public:
  explicit Server(Service& svc) : svc_(svc), signals_(control_, SIGTERM, SIGINT, SIGHUP) {}

  int Run() {
    std::string error;
    tcp::endpoint http_ep;
    if (!ParseListen(svc_.config.listen, &http_ep, &error)) return Fail(kExitError, error);
    auto tokens = svc_.tokens();
    if (!http_ep.address().is_loopback() && !tokens->enabled()) {
      return Fail(kExitConfig,
                  "refusing to listen on non-loopback " + svc_.config.listen +
                      " without --auth-token-file");
    }
    int n = svc_.config.threads;
    for (int i = 0; i < n; ++i) {
      ctxs_.push_back(std::make_unique<asio::io_context>(1));
      guards_.emplace_back(asio::make_work_guard(*ctxs_.back()));
    }
    http_ = std::make_unique<tcp::acceptor>(control_);
    if (!Bind(http_.get(), http_ep, &error)) return Fail(kExitError, error);
    uint16_t port = http_->local_endpoint().port();
    const char* scheme = svc_.tls() ? "https" : "http";
    fprintf(stderr, "phiscrubd: listening on %s://%s:%u\n", scheme,
            http_ep.address().to_string().c_str(), port);
    if (!WritePortFile(svc_.config.port_file, port)) {
      return Fail(kExitError, "cannot write port file " + svc_.config.port_file);
    }
    if (!svc_.config.listen_tcp.empty()) {
      tcp::endpoint ep;
      if (!ParseListen(svc_.config.listen_tcp, &ep, &error)) return Fail(kExitError, error);
      if (!ep.address().is_loopback()) {
        return Fail(kExitConfig, "refusing a non-loopback --listen-tcp: TCP listeners have no "
                                 "authentication; put them on loopback in the pod");
      }
      tcp_ = std::make_unique<tcp::acceptor>(control_);
      if (!Bind(tcp_.get(), ep, &error)) return Fail(kExitError, error);
      uint16_t tport = tcp_->local_endpoint().port();
      fprintf(stderr, "phiscrubd: tcp listener (%s) on %s:%u\n",
              svc_.config.tcp_mode == TcpMode::kReply ? "reply" : "relay",
              ep.address().to_string().c_str(), tport);
      if (!WritePortFile(svc_.config.tcp_port_file, tport)) {
        return Fail(kExitError, "cannot write port file " + svc_.config.tcp_port_file);
      }
      if (svc_.config.tcp_mode == TcpMode::kRelay) {
        std::string host;
        uint16_t dport;
        SplitHostPort(svc_.config.downstream, &host, &dport);
        svc_.relay = std::make_shared<Relay>(control_, svc_, host, std::to_string(dport),
                                             svc_.config.relay_buffer);
        svc_.relay->Start();
      }
      AcceptTcp();
    }
    AcceptHttp();
    WaitSignal();
    svc_.ready = true;
    svc_.metrics.SetReady(true);
    NotifySystemd("READY=1");
    for (auto& c : ctxs_) {
      threads_.emplace_back([ctx = c.get()] { ctx->run(); });
    }
    control_.run();
    for (auto& g : guards_) g.reset();
    for (auto& c : ctxs_) c->stop();
    for (auto& t : threads_) t.join();
    if (reload_thread_.joinable()) reload_thread_.join();
    // The relay's socket and timer belong to control_, which dies with us.
    svc_.relay.reset();
    fprintf(stderr, "phiscrubd: stopped (exit %d)\n", exit_code_);
    return exit_code_;
  }

 private:
  int Fail(int code, const std::string& error) {
    fprintf(stderr, "phiscrubd: %s\n", error.c_str());
    return code;
  }

  bool Bind(tcp::acceptor* a, const tcp::endpoint& ep, std::string* error) {
    boost::system::error_code ec;
    a->open(ep.protocol(), ec);
    if (!ec) a->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) a->bind(ep, ec);
    if (!ec) a->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      *error = "cannot listen on " + ep.address().to_string() + ":" +
               std::to_string(ep.port()) + ": " + ec.message();
      return false;
    }
    return true;
  }

  asio::io_context& NextContext() { return *ctxs_[next_++ % ctxs_.size()]; }

  enum class Admission { kRejected, kAdmitted, kProbeOnly };

  // Counts a new connection against max_connections. HTTP listeners may admit
  // kProbeSlots more for health probes only (`probes`).
  Admission Admit(tcp::socket& s, bool probes) {
    if (svc_.connections.fetch_add(1) < static_cast<int64_t>(svc_.config.max_connections)) {
      return Admission::kAdmitted;
    }
    svc_.connections.fetch_sub(1);
    if (probes && svc_.probe_connections.fetch_add(1) < kProbeSlots) {
      return Admission::kProbeOnly;
    }
    if (probes) svc_.probe_connections.fetch_sub(1);
    svc_.metrics.ConnectionRejected();
    beast::error_code ignored;
    s.close(ignored);
    return Admission::kRejected;
  }

  void AcceptHttp() {
    http_->async_accept(NextContext(), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted) return;
      Admission admitted = ec ? Admission::kRejected : Admit(s, /*probes=*/true);
      if (admitted != Admission::kRejected) {
        bool probe_only = admitted == Admission::kProbeOnly;
        s.set_option(tcp::no_delay(true), ec);
        auto exec = s.get_executor();
        auto tls = svc_.tls();
        if (tls) {
          auto session =
              std::make_shared<HttpSession<true>>(svc_, std::move(s), tls, probe_only);
          asio::post(exec, [session] { session->Run(); });
        } else {
          auto session =
              std::make_shared<HttpSession<false>>(svc_, std::move(s), nullptr, probe_only);
          asio::post(exec, [session] { session->Run(); });
        }
      }
      AcceptHttp();
    });
  }

  void AcceptTcp() {
    tcp_->async_accept(NextContext(), [this](beast::error_code ec, tcp::socket s) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec && Admit(s, /*probes=*/false) == Admission::kAdmitted) {
        // A fixed receive buffer (no autotuning to tens of MiB) keeps what a
        // stalled relay leaves in the kernel small, so back-pressure reaches
        // the sender.
        s.set_option(asio::socket_base::receive_buffer_size(256 * 1024), ec);
        auto exec = s.get_executor();
        auto session = std::make_shared<TcpSession>(svc_, std::move(s));
        {
          std::lock_guard<std::mutex> lock(svc_.tcp_mu);
          auto& list = svc_.tcp_sessions;
          list.erase(std::remove_if(list.begin(), list.end(),
                                    [](const std::weak_ptr<TcpSession>& w) { return w.expired(); }),
                     list.end());
          list.push_back(session);
        }
        asio::post(exec, [session] { session->Start(); });
      }
      AcceptTcp();
    });
  }

  void WaitSignal() {
    signals_.async_wait([this](beast::error_code ec, int sig) {
      if (ec) return;
      if (sig == SIGHUP) {
        Reload();
      } else if (!svc_.draining.load()) {
        fprintf(stderr, "phiscrubd: %s: draining (grace %.1fs)\n",
                sig == SIGTERM ? "SIGTERM" : "SIGINT", svc_.config.shutdown_grace);
        NotifySystemd("STOPPING=1");
        svc_.draining = true;
        svc_.ready = false;
        svc_.metrics.SetReady(false);
        // No new TCP connections; the open ones are read until idle.
        beast::error_code ignored;
        if (tcp_) tcp_->close(ignored);
        drain_deadline_ = Clock::now() + Seconds(svc_.config.shutdown_grace);
        drain_timer_ = std::make_unique<asio::steady_timer>(control_);
        CheckDrain();
      } else {
        fprintf(stderr, "phiscrubd: second signal: stopping now\n");
        Stop(kExitAbandoned);
        return;
      }
      WaitSignal();
    });
  }

  // A TCP connection counts as finished once no bytes came from any of them
  // for --drain-idle (a sender mid-stream when SIGTERM came keeps sending).
  bool TcpIdle() const {
    const auto idle_ms = static_cast<int64_t>(svc_.config.drain_idle * 1000);
    return SteadyMs() - svc_.tcp_last_read_ms.load() >= idle_ms;
  }

  bool Drained() const {
    return svc_.metrics.inflight() == 0 && svc_.tcp_busy.load() == 0 &&
           svc_.tcp_flushes_pending.load() == 0 && (!svc_.relay || svc_.relay->Empty());
  }

  // Open TCP connections (control thread).
  std::vector<std::shared_ptr<TcpSession>> TcpSessions() {
    std::vector<std::shared_ptr<TcpSession>> out;
    std::lock_guard<std::mutex> lock(svc_.tcp_mu);
    for (auto& w : svc_.tcp_sessions) {
      if (auto s = w.lock()) out.push_back(std::move(s));
    }
    return out;
  }

  void CheckDrain() {
    if (Drained() && (tcp_flushed_ || TcpIdle())) {
      if (!tcp_flushed_) {
        // Every connection has been idle: deliver what their framers hold
        // (a last line without its newline), then stop once that is out.
        tcp_flushed_ = true;
        for (auto& session : TcpSessions()) {
          svc_.tcp_flushes_pending.fetch_add(1);
          session->FlushForDrain();
        }
      } else {
        uint64_t lost = svc_.records_lost.load();
        if (lost > 0) {
          fprintf(stderr, "phiscrubd: drained; %llu record(s) lost (sent after the drain)\n",
                  (unsigned long long)lost);
        }
        return Stop(lost > 0 ? kExitAbandoned : kExitOk);
      }
    }
    if (Clock::now() >= drain_deadline_) {
      // Lost: what the relay still holds, and at least one record from each
      // connection still sending.
      uint64_t relay_records = svc_.relay ? svc_.relay->records() : 0;
      uint64_t sending = TcpIdle() ? 0 : TcpSessions().size();
      uint64_t lost = svc_.records_lost.load() + relay_records + sending;
      fprintf(stderr,
              "phiscrubd: grace period over with work left (requests in flight: %lld, relay "
              "records: %llu, bytes: %zu, TCP connections still sending: %llu): abandoned, at "
              "least %llu record(s) lost\n",
              (long long)svc_.metrics.inflight(), (unsigned long long)relay_records,
              svc_.relay ? svc_.relay->buffered() : 0, (unsigned long long)sending,
              (unsigned long long)lost);
      svc_.metrics.FailClosed("abandoned", std::max<uint64_t>(1, relay_records + sending));
      return Stop(kExitAbandoned);
    }
    drain_timer_->expires_after(std::chrono::milliseconds(20));
    drain_timer_->async_wait([this](beast::error_code ec) {
      if (!ec) CheckDrain();
    });
  }

  void Stop(int code) {
    exit_code_ = code;
    beast::error_code ignored;
    if (http_) http_->close(ignored);
    if (tcp_) tcp_->close(ignored);
    control_.stop();
  }

  // Builds new rules (off the control thread) and swaps them in; on any
  // failure the running ones stay and phiscrub_reload_success says 0.
  void Reload() {
    if (reloading_) return;  // one at a time; a SIGHUP during a reload is merged
    reloading_ = true;
    if (reload_thread_.joinable()) reload_thread_.join();
    uint64_t generation = ++generation_;
    reload_thread_ = std::thread([this, generation] {
      ServiceConfig c;
      std::string error;
      bool help = false;
      std::shared_ptr<const Engine> engine;
      std::shared_ptr<const Tokens> tokens;
      std::shared_ptr<ssl::context> tls;
      std::vector<Diagnostic> diags;
      bool config_ok = LoadConfig(svc_.args, &c, &error, &help);
      if (config_ok) {
        engine = Engine::Build(c, generation, &diags);
        if (engine) tokens = Tokens::Load(c.auth_token_file, &error);
        if (engine && tokens && !c.tls_cert.empty()) tls = MakeTls(c, &error);
      }
      asio::post(control_, [this, c, config_ok, engine, tokens, tls, error, diags]() {
        reloading_ = false;
        // Lockdown only ever tightens on a failed reload.
        if (config_ok && c.lockdown) svc_.lockdown = true;
        bool ok = engine && tokens && (c.tls_cert.empty() || tls);
        if (!ok) {
          if (!error.empty()) fprintf(stderr, "phiscrubd: reload failed: %s\n", error.c_str());
          PrintDiagnostics(diags);
          fprintf(stderr, "phiscrubd: reload failed; keeping the running rules\n");
          svc_.metrics.Reload(false, UnixNow());
          svc_.metrics.SetLockdown(svc_.lockdown.load());
          return;
        }
        svc_.Swap(engine, tokens, tls);
        svc_.lockdown = c.lockdown;
        svc_.metrics.SetLockdown(c.lockdown);
        svc_.metrics.Reload(true, UnixNow());
        svc_.metrics.SetRulesGeneration(engine->generation());
        fprintf(stderr, "phiscrubd: reloaded (rules generation %llu, lockdown %s)\n",
                (unsigned long long)engine->generation(), c.lockdown ? "on" : "off");
      });
    });
  }

  Service& svc_;
  // Declared before control_ so they outlive it: control_'s pending accepts
  // hold sockets built on these contexts, destroyed with control_.
  std::vector<std::unique_ptr<asio::io_context>> ctxs_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards_;
  asio::io_context control_{1};
  asio::signal_set signals_;
  std::vector<std::thread> threads_;
  std::unique_ptr<tcp::acceptor> http_, tcp_;
  size_t next_ = 0;
  int exit_code_ = kExitOk;
  Clock::time_point drain_deadline_;
  bool tcp_flushed_ = false;  // the drain asked every TCP session to flush
  std::unique_ptr<asio::steady_timer> drain_timer_;
  bool reloading_ = false;
  std::thread reload_thread_;
  uint64_t generation_ = 1;
};

}  // namespace

int RunServer(const std::vector<std::string>& args) {
  signal(SIGPIPE, SIG_IGN);
  Service svc;
  svc.args = args;
  std::string error;
  bool help = false;
  if (!LoadConfig(args, &svc.config, &error, &help)) {
    fprintf(stderr, "phiscrubd: %s\nTry 'phiscrubd --help'.\n", error.c_str());
    return kExitError;
  }
  if (help) {
    for (const auto& a : args) {
      if (a == "--version") {
        printf("phiscrubd %s\n", PHISCRUB_VERSION);
        return kExitOk;
      }
    }
    fputs(Usage(), stdout);
    return kExitOk;
  }
  std::vector<Diagnostic> diags;
  auto engine = Engine::Build(svc.config, 1, &diags);
  PrintDiagnostics(diags);
  if (!engine) return kExitConfig;
  auto tokens = Tokens::Load(svc.config.auth_token_file, &error);
  if (!tokens) {
    fprintf(stderr, "phiscrubd: %s\n", error.c_str());
    return kExitConfig;
  }
  auto tls = MakeTls(svc.config, &error);
  if (!svc.config.tls_cert.empty() && !tls) {
    fprintf(stderr, "phiscrubd: %s\n", error.c_str());
    return kExitConfig;
  }
  if (!svc.audit.Open(svc.config.audit_log, &error)) {
    fprintf(stderr, "phiscrubd: %s\n", error.c_str());
    return kExitError;
  }
  std::vector<std::string> route_names;
  std::shared_ptr<ssl::context> system_cas;  // shared by the routes without ca-file
  auto client_tls = [](const std::string& ca_file, std::string* error) {
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
    boost::system::error_code ec;
    if (ca_file.empty()) {
      ctx->set_default_verify_paths(ec);
    } else {
      ctx->load_verify_file(ca_file, ec);
    }
    if (ec) {
      *error = ca_file.empty() ? "cannot load the system CAs"
                               : "cannot read CA file " + ca_file + " (PEM certificates)";
      return std::shared_ptr<ssl::context>();
    }
    ctx->set_verify_mode(ssl::verify_peer);
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    return ctx;
  };
  for (auto& route : svc.config.webhooks) {
    if (!LoadWebhookSecret(&route, &error)) {
      fprintf(stderr, "phiscrubd: %s\n", error.c_str());
      return kExitConfig;
    }
    if (PayloadFormatIndex(route.profile) < 0) {
      fprintf(stderr, "phiscrubd: --webhook %s: unknown profile '%s'\n", route.name.c_str(),
              route.profile.c_str());
      return kExitConfig;
    }
    std::shared_ptr<ssl::context> ctx;
    if (route.tls && !route.ca_file.empty()) {
      ctx = client_tls(route.ca_file, &error);
    } else if (route.tls) {
      if (!system_cas) system_cas = client_tls("", &error);
      ctx = system_cas;
    }
    if (route.tls && !ctx) {
      fprintf(stderr, "phiscrubd: --webhook %s: %s\n", route.name.c_str(), error.c_str());
      return kExitConfig;
    }
    svc.webhook_tls.push_back(std::move(ctx));
    route_names.push_back(route.name);
    fprintf(stderr, "phiscrubd: webhook /webhooks/%s (%s, profile %s) -> %s\n",
            route.name.c_str(), WebhookVendorName(route.vendor), route.profile.c_str(),
            route.url.c_str());
  }
  svc.metrics.DefineWebhookRoutes(route_names);
  svc.Swap(engine, tokens, tls);
  svc.lockdown = svc.config.lockdown;
  svc.metrics.SetLockdown(svc.config.lockdown);
  svc.metrics.Reload(true, UnixNow());
  svc.metrics.SetRulesGeneration(1);
  std::random_device rd;
  char prefix[16];
  snprintf(prefix, sizeof prefix, "%08x", rd());
  svc.id_prefix = prefix;
  if (svc.config.lockdown) fprintf(stderr, "phiscrubd: LOCKDOWN: every record is withheld\n");
  Server server(svc);
  return server.Run();
}

}  // namespace phiscrub::service
