// Forwarding a redacted webhook payload to the application (Boost.Beast
// HTTP/1.1 client, plain or TLS), with bounded retries.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ssl/context.hpp>
#include <functional>
#include <memory>
#include <string>

#include "webhook.h"

namespace phiscrub::service {

struct ForwardResult {
  int status = 0;  // the application's final HTTP status; 0 when none came
  std::string content_type;
  std::string body;  // the application's answer (2xx only), relayed to the vendor
  int attempts = 0;
};

// Up to kForwardAttempts POSTs of `body` to route.url, each bounded by
// kForwardTimeout seconds; a connection error, a timeout, 429 or 5xx is
// retried after 0.2 s, then 0.8 s; another 4xx is final. `done` runs once, on
// `executor`. `tls` (https:// routes) verifies the application's certificate
// against its CAs (the system's or the route's ca-file), SNI and host name.
constexpr int kForwardAttempts = 3;
constexpr double kForwardTimeout = 5;
void ForwardWebhook(boost::asio::any_io_executor executor, const WebhookRoute& route,
                    std::shared_ptr<boost::asio::ssl::context> tls, std::string body,
                    std::string content_type, std::string request_id, size_t max_response,
                    std::function<void(int attempt)> on_retry,
                    std::function<void(ForwardResult)> done);

}  // namespace phiscrub::service
