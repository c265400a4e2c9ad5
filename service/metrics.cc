#include "metrics.h"

#include <cstdio>
#include <cstring>

#include "metrics_http.h"

namespace phiscrub::service {
namespace {

constexpr int kCodeList[Metrics::kCodes] = {200, 400, 401, 403, 404, 405, 408, 413,
                                            415, 422, 431, 500, 502, 503, 504, 0};
constexpr double kBounds[Metrics::kBuckets] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                               0.05,   0.1,   0.25,   0.5,   1,    5};
constexpr const char* kReasonNames[Metrics::kReasons] = {
    "oversize", "invalid_utf8", "engine_error", "malformed_json",
    "lockdown", "internal",     "framing",      "abandoned", "malformed_form"};

int CodeIndex(int code) {
  for (int i = 0; i < Metrics::kCodes - 1; ++i) {
    if (kCodeList[i] == code) return i;
  }
  return Metrics::kCodes - 1;  // "other"
}

void AddMax(std::atomic<double>* a, double v) {
  a->store(v, std::memory_order_relaxed);
}

constexpr int kWebhookSlots = static_cast<int>(Metrics::WebhookOutcome::kCount) + 1;
constexpr const char* kWebhookOutcomeNames[] = {"forwarded", "bad_signature", "rejected",
                                                "redaction_failed", "forward_failed"};

}  // namespace

void Metrics::DefineWebhookRoutes(const std::vector<std::string>& routes) {
  webhook_routes_ = routes;
  webhook_ = std::make_unique<std::atomic<uint64_t>[]>(routes.size() * kWebhookSlots);
  for (size_t i = 0; i < routes.size() * kWebhookSlots; ++i) webhook_[i] = 0;
}

void Metrics::Webhook(size_t route, WebhookOutcome outcome) {
  webhook_[route * kWebhookSlots + static_cast<int>(outcome)].fetch_add(
      1, std::memory_order_relaxed);
}

void Metrics::WebhookRetry(size_t route) {
  webhook_[route * kWebhookSlots + kWebhookSlots - 1].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::RenderWebhooks(std::string* o) const {
  if (webhook_routes_.empty()) return;
  *o += "# HELP phiscrub_webhook_requests_total Vendor webhooks received, by route and outcome.\n"
        "# TYPE phiscrub_webhook_requests_total counter\n";
  for (size_t r = 0; r < webhook_routes_.size(); ++r) {
    for (int i = 0; i < kWebhookSlots - 1; ++i) {
      *o += "phiscrub_webhook_requests_total{route=\"" + webhook_routes_[r] +
            "\",outcome=\"" + kWebhookOutcomeNames[i] + "\"} " +
            std::to_string(webhook_[r * kWebhookSlots + i].load()) + "\n";
    }
  }
  *o += "# HELP phiscrub_webhook_forward_retries_total Forwards to the application retried.\n"
        "# TYPE phiscrub_webhook_forward_retries_total counter\n";
  for (size_t r = 0; r < webhook_routes_.size(); ++r) {
    *o += "phiscrub_webhook_forward_retries_total{route=\"" + webhook_routes_[r] + "\"} " +
          std::to_string(webhook_[r * kWebhookSlots + kWebhookSlots - 1].load()) + "\n";
  }
}

const char* EndpointName(Endpoint e) {
  switch (e) {
    case Endpoint::kRedact: return "redact";
    case Endpoint::kStream: return "redact_stream";
    case Endpoint::kAnalyze: return "analyze";
    case Endpoint::kAnonymize: return "anonymize";
    case Endpoint::kHealthz: return "healthz";
    case Endpoint::kReadyz: return "readyz";
    case Endpoint::kMetrics: return "metrics";
    case Endpoint::kTcp: return "tcp";
    case Endpoint::kOpenApi: return "openapi";
    case Endpoint::kHealth: return "health";
    case Endpoint::kSupportedEntities: return "supportedentities";
    case Endpoint::kRecognizers: return "recognizers";
    case Endpoint::kDeanonymize: return "deanonymize";
    case Endpoint::kOperators: return "operators";
    case Endpoint::kWebhook: return "webhook";
    default: return "other";
  }
}

void Metrics::Request(Endpoint e, int code, double seconds) {
  int ei = static_cast<int>(e);
  requests_[ei][CodeIndex(code)].fetch_add(1, std::memory_order_relaxed);
  int b = 0;
  while (b < kBuckets && seconds > kBounds[b]) ++b;
  buckets_[ei][b].fetch_add(1, std::memory_order_relaxed);
  duration_us_[ei].fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::Finding(std::string_view entity, uint64_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = findings_.find(entity);
  if (it == findings_.end()) it = findings_.emplace(std::string(entity), 0).first;
  it->second += n;
}

void Metrics::FailClosed(std::string_view reason, uint64_t n) {
  int idx = 5;  // internal
  for (int i = 0; i < kReasons; ++i) {
    if (reason == kReasonNames[i]) idx = i;
  }
  fail_closed_[idx].fetch_add(n, std::memory_order_relaxed);
}

void Metrics::Reload(bool ok, double unix_time) {
  reload_ok_.store(ok ? 1 : 0);
  AddMax(&last_reload_, unix_time);
  if (ok) {
    AddMax(&last_reload_ok_, unix_time);
  } else {
    reload_failures_.fetch_add(1);
  }
}

std::string Metrics::Render(std::string_view version) const {
  std::string o;
  o.reserve(8192);
  char buf[256];
  auto line = [&](const char* fmt, auto... args) {
    snprintf(buf, sizeof buf, fmt, args...);
    o += buf;
  };
  o += "# HELP phiscrub_build_info Build information.\n# TYPE phiscrub_build_info gauge\n";
  o += "phiscrub_build_info{version=\"";
  o += version;
  o += "\"} 1\n";
  o += "# HELP phiscrub_requests_total Requests by endpoint and status code.\n"
       "# TYPE phiscrub_requests_total counter\n";
  for (int e = 0; e < static_cast<int>(Endpoint::kCount); ++e) {
    for (int c = 0; c < kCodes; ++c) {
      uint64_t v = requests_[e][c].load(std::memory_order_relaxed);
      if (v == 0) continue;
      if (kCodeList[c] == 0) {
        line("phiscrub_requests_total{endpoint=\"%s\",code=\"other\"} %llu\n",
             EndpointName(static_cast<Endpoint>(e)), (unsigned long long)v);
      } else {
        line("phiscrub_requests_total{endpoint=\"%s\",code=\"%d\"} %llu\n",
             EndpointName(static_cast<Endpoint>(e)), kCodeList[c], (unsigned long long)v);
      }
    }
  }
  o += "# HELP phiscrub_request_duration_seconds Request latency, headers read to response written.\n"
       "# TYPE phiscrub_request_duration_seconds histogram\n";
  for (int e = 0; e < static_cast<int>(Endpoint::kCount); ++e) {
    uint64_t cum = 0;
    uint64_t total = 0;
    for (int b = 0; b <= kBuckets; ++b) total += buckets_[e][b].load(std::memory_order_relaxed);
    if (total == 0) continue;
    const char* name = EndpointName(static_cast<Endpoint>(e));
    for (int b = 0; b < kBuckets; ++b) {
      cum += buckets_[e][b].load(std::memory_order_relaxed);
      line("phiscrub_request_duration_seconds_bucket{endpoint=\"%s\",le=\"%g\"} %llu\n", name,
           kBounds[b], (unsigned long long)cum);
    }
    line("phiscrub_request_duration_seconds_bucket{endpoint=\"%s\",le=\"+Inf\"} %llu\n", name,
         (unsigned long long)total);
    line("phiscrub_request_duration_seconds_sum{endpoint=\"%s\"} %.6f\n", name,
         duration_us_[e].load(std::memory_order_relaxed) / 1e6);
    line("phiscrub_request_duration_seconds_count{endpoint=\"%s\"} %llu\n", name,
         (unsigned long long)total);
  }
  o += "# HELP phiscrub_records_total Records redacted (requests, stream lines, TCP records).\n"
       "# TYPE phiscrub_records_total counter\n";
  line("phiscrub_records_total %llu\n", (unsigned long long)records_.load());
  o += "# HELP phiscrub_findings_total Findings by entity type.\n"
       "# TYPE phiscrub_findings_total counter\n";
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [entity, n] : findings_) {
      o += "phiscrub_findings_total{entity=\"" + entity + "\"} " + std::to_string(n) + "\n";
    }
  }
  o += "# HELP phiscrub_fail_closed_total Records withheld (replaced by a placeholder or refused).\n"
       "# TYPE phiscrub_fail_closed_total counter\n";
  for (int i = 0; i < kReasons; ++i) {
    line("phiscrub_fail_closed_total{reason=\"%s\"} %llu\n", kReasonNames[i],
         (unsigned long long)fail_closed_[i].load());
  }
  auto family = [&](const char* name, const char* type, const char* help) {
    o += "# HELP ";
    o += name;
    o += " ";
    o += help;
    o += "\n# TYPE ";
    o += name;
    o += " ";
    o += type;
    o += "\n";
  };
  family("phiscrub_inflight_requests", "gauge", "HTTP requests being processed.");
  line("phiscrub_inflight_requests %lld\n", (long long)inflight_.load());
  family("phiscrub_open_connections", "gauge", "Open HTTP and TCP connections.");
  line("phiscrub_open_connections %lld\n", (long long)connections_.load());
  family("phiscrub_connections_rejected_total", "counter",
         "Connections closed at once because --max-connections was reached.");
  line("phiscrub_connections_rejected_total %llu\n", (unsigned long long)rejected_.load());
  family("phiscrub_auth_failures_total", "counter",
         "Requests refused for a missing or wrong bearer token.");
  line("phiscrub_auth_failures_total %llu\n", (unsigned long long)auth_failures_.load());
  family("phiscrub_reload_success", "gauge",
         "1 if the last reload succeeded (or none was tried).");
  line("phiscrub_reload_success %d\n", reload_ok_.load());
  family("phiscrub_reload_failures_total", "counter",
         "Reloads (SIGHUP) that failed and kept the running rules.");
  line("phiscrub_reload_failures_total %llu\n", (unsigned long long)reload_failures_.load());
  family("phiscrub_reload_last_timestamp_seconds", "gauge",
         "Unix time of the last load or reload attempt.");
  line("phiscrub_reload_last_timestamp_seconds %.3f\n", last_reload_.load());
  family("phiscrub_reload_last_success_timestamp_seconds", "gauge",
         "Unix time of the last successful load or reload.");
  line("phiscrub_reload_last_success_timestamp_seconds %.3f\n", last_reload_ok_.load());
  family("phiscrub_rules_generation", "gauge",
         "Generation of the running rules (1 at start, +1 per reload attempt).");
  line("phiscrub_rules_generation %llu\n", (unsigned long long)generation_.load());
  family("phiscrub_ready", "gauge", "1 while /readyz answers 200.");
  line("phiscrub_ready %d\n", ready_.load());
  family("phiscrub_lockdown", "gauge", "1 while every record is replaced by a placeholder.");
  line("phiscrub_lockdown %d\n", lockdown_.load());
  family("phiscrub_relay_buffered_bytes", "gauge",
         "Redacted bytes held for the TCP relay downstream.");
  line("phiscrub_relay_buffered_bytes %lld\n", (long long)relay_bytes_.load());
  family("phiscrub_relay_connected", "gauge", "1 while the TCP relay downstream is connected.");
  line("phiscrub_relay_connected %d\n", relay_up_.load());
  family("phiscrub_relay_reconnects_total", "counter",
         "Times the TCP relay downstream connection was lost.");
  line("phiscrub_relay_reconnects_total %llu\n", (unsigned long long)relay_reconnects_.load());
  RenderWebhooks(&o);
  AppendProcessMetrics(&o);
  return o;
}

}  // namespace phiscrub::service
