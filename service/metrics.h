// Process-wide counters for GET /metrics (Prometheus text format).
//
// Lifetime: one per process, shared by every thread; all methods are
// thread-safe (atomics; a mutex only around the per-entity map). Labels are
// bounded: endpoints and status codes come from fixed lists, entities from
// the compiled rules, fail-closed reasons from a fixed list. No label or
// value ever holds request content.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace phiscrub::service {

enum class Endpoint : uint8_t {
  kRedact, kStream, kAnalyze, kAnonymize, kHealthz, kReadyz, kMetrics, kTcp,
  kOpenApi, kHealth, kSupportedEntities, kRecognizers, kDeanonymize, kOperators, kWebhook,
  kOther, kCount
};
const char* EndpointName(Endpoint e);

class Metrics {
 public:
  static constexpr int kCodes = 16;
  static constexpr int kBuckets = 12;
  static constexpr int kReasons = 9;

  void Request(Endpoint e, int code, double seconds);
  void Records(uint64_t n) { records_.fetch_add(n, std::memory_order_relaxed); }
  void Finding(std::string_view entity, uint64_t n);
  // reason: oversize, invalid_utf8, engine_error, malformed_json, lockdown,
  // internal, framing, abandoned, malformed_form (anything else counts as
  // internal).
  void FailClosed(std::string_view reason, uint64_t n = 1);
  void Inflight(int delta) { inflight_.fetch_add(delta, std::memory_order_relaxed); }
  void Connections(int delta) { connections_.fetch_add(delta, std::memory_order_relaxed); }
  void ConnectionRejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }
  void AuthFailure() { auth_failures_.fetch_add(1, std::memory_order_relaxed); }
  void Reload(bool ok, double unix_time);
  void RelayBuffered(int64_t bytes) { relay_bytes_.store(bytes, std::memory_order_relaxed); }
  void RelayConnected(bool up) { relay_up_.store(up ? 1 : 0, std::memory_order_relaxed); }
  void RelayReconnect() { relay_reconnects_.fetch_add(1, std::memory_order_relaxed); }
  void SetReady(bool ready) { ready_.store(ready ? 1 : 0, std::memory_order_relaxed); }
  void SetLockdown(bool on) { lockdown_.store(on ? 1 : 0, std::memory_order_relaxed); }
  void SetRulesGeneration(uint64_t g) { generation_.store(g, std::memory_order_relaxed); }

  // Webhook relay routes (--webhook), fixed at start-up before any request.
  enum class WebhookOutcome : uint8_t {
    kForwarded,        // redacted and accepted by the application (2xx)
    kBadSignature,     // 401: missing or wrong vendor signature
    kRejected,         // 4xx: not a JSON payload, too large, ...
    kRedactionFailed,  // 500: could not be redacted; nothing forwarded
    kForwardFailed,    // 502: the application did not accept it after the retries
    kCount
  };
  void DefineWebhookRoutes(const std::vector<std::string>& routes);
  void Webhook(size_t route, WebhookOutcome outcome);
  void WebhookRetry(size_t route);

  int64_t inflight() const { return inflight_.load(std::memory_order_relaxed); }

  std::string Render(std::string_view version) const;

 private:
  std::atomic<uint64_t> requests_[static_cast<int>(Endpoint::kCount)][kCodes] = {};
  std::atomic<uint64_t> buckets_[static_cast<int>(Endpoint::kCount)][kBuckets + 1] = {};
  std::atomic<uint64_t> duration_us_[static_cast<int>(Endpoint::kCount)] = {};
  std::atomic<uint64_t> records_{0};
  std::atomic<uint64_t> fail_closed_[kReasons] = {};
  std::atomic<int64_t> inflight_{0};
  std::atomic<int64_t> connections_{0};
  std::atomic<uint64_t> rejected_{0};
  std::atomic<uint64_t> auth_failures_{0};
  std::atomic<int> reload_ok_{1};
  std::atomic<uint64_t> reload_failures_{0};
  std::atomic<double> last_reload_{0};
  std::atomic<double> last_reload_ok_{0};
  std::atomic<int64_t> relay_bytes_{0};
  std::atomic<int> relay_up_{0};
  std::atomic<uint64_t> relay_reconnects_{0};
  std::atomic<int> ready_{0};
  std::atomic<int> lockdown_{0};
  std::atomic<uint64_t> generation_{0};
  mutable std::mutex mu_;
  std::map<std::string, uint64_t, std::less<>> findings_;  // entity -> count
  std::vector<std::string> webhook_routes_;
  std::unique_ptr<std::atomic<uint64_t>[]> webhook_;  // [route][outcome + retries]

  void RenderWebhooks(std::string* o) const;
};

}  // namespace phiscrub::service
