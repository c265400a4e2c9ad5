// Prometheus exposition shared by phiscrubd and `phiscrub kafka`: the
// standard process_* series, and a small HTTP endpoint that serves GET
// /metrics for a process that has no HTTP API of its own (the Kafka worker,
// --metrics-listen). phiscrubd serves /metrics on its own listener and uses
// only AppendProcessMetrics.
//
// Usage:
//   std::string error;
//   auto ep = MetricsEndpoint::Start("127.0.0.1:9464",
//                                    [&] { return worker.RenderMetrics(); }, &error);
//   if (!ep) ...;          // error names the address, never content
//   ep->port();            // the bound port (":0" picks one)
//   ...
//   ep.reset();            // stops serving and joins its thread
//
// Lifetime: one per process. The endpoint owns one thread and one
// io_context; `render` runs on that thread, so it must be thread-safe with
// respect to the rest of the process. Requests are parsed by Boost.Beast
// with an 8 KiB header limit, no body, a 5 s deadline per request and at
// most 16 connections; GET /metrics answers the rendered text followed by
// AppendProcessMetrics, GET /healthz answers "ok", anything else 404 or 405.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace phiscrub::service {

// Appends process_cpu_seconds_total, process_virtual_memory_bytes,
// process_resident_memory_bytes, process_start_time_seconds,
// process_open_fds and process_max_fds (each with HELP and TYPE), read from
// /proc at call time. Series that cannot be read are left out.
void AppendProcessMetrics(std::string* out);

class MetricsEndpoint {
 public:
  // Binds `listen` (HOST:PORT or [V6]:PORT; HOST an address, not a name)
  // and starts serving. nullptr with *error set when it cannot.
  static std::unique_ptr<MetricsEndpoint> Start(const std::string& listen,
                                                std::function<std::string()> render,
                                                std::string* error);
  ~MetricsEndpoint();  // stops serving, joins the thread
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  uint16_t port() const;

  struct Impl;

 private:
  explicit MetricsEndpoint(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace phiscrub::service
