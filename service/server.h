// phiscrubd's network side (Boost.Asio/Beast, OpenSSL): HTTP and TCP
// listeners, relay, signals and lifecycle. Only service/*.cc include Beast.
#pragma once

#include <string>
#include <vector>

namespace phiscrub::service {

// Runs the service until SIGTERM/SIGINT and drain. Returns the exit code:
// 0 clean, 1 work abandoned at the end of the grace period, 2 usage or
// runtime error, 78 invalid configuration.
int RunServer(const std::vector<std::string>& args);

}  // namespace phiscrub::service
