#include "metrics_http.h"

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

// Boost 1.74 asio/awaitable.hpp uses std::exchange without <utility>.
#include <utility>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

namespace phiscrub::service {

// The standard process_* series (as Prometheus client libraries export
// them), read from /proc at scrape time.
void AppendProcessMetrics(std::string* o) {
  char buf[256];
  auto family = [&](const char* name, const char* type, const char* help, double v) {
    snprintf(buf, sizeof buf, "# HELP %s %s\n# TYPE %s %s\n%s %.15g\n", name, help, name, type,
             name, v);
    *o += buf;
  };
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page = static_cast<double>(sysconf(_SC_PAGESIZE));
  std::ifstream stat_file("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(stat_file)), std::istreambuf_iterator<char>());
  size_t paren = stat.rfind(')');
  if (paren != std::string::npos && ticks > 0) {
    // Fields after the command name, counted from 3 (state) as in proc(5).
    std::istringstream in(stat.substr(paren + 1));
    std::vector<std::string> f(3);
    std::string tok;
    while (in >> tok) f.push_back(tok);
    if (f.size() > 24) {
      double start_ticks = std::strtod(f[22].c_str(), nullptr);
      // (getrusage: microseconds; /proc/self/stat counts clock ticks of 10
      // ms, and a daemon that started in a few ms has used none.)
      struct rusage ru {};
      getrusage(RUSAGE_SELF, &ru);
      const double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
      family("process_cpu_seconds_total", "counter", "Total user and system CPU time in seconds.",
             cpu);
      family("process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.",
             std::strtod(f[23].c_str(), nullptr));
      family("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
             std::strtod(f[24].c_str(), nullptr) * page);
      std::ifstream pstat("/proc/stat");
      std::string line;
      while (std::getline(pstat, line)) {
        if (line.rfind("btime ", 0) == 0) {
          double btime = std::strtod(line.c_str() + 6, nullptr);
          family("process_start_time_seconds", "gauge",
                 "Start time of the process since unix epoch in seconds.",
                 btime + start_ticks / ticks);
          break;
        }
      }
    }
  }
  if (DIR* d = opendir("/proc/self/fd")) {
    double n = 0;
    while (struct dirent* e = readdir(d)) {
      if (e->d_name[0] != '.') ++n;
    }
    closedir(d);
    family("process_open_fds", "gauge", "Number of open file descriptors.", n - 1);  // not d's
  }
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
    family("process_max_fds", "gauge", "Maximum number of open file descriptors.",
           rl.rlim_cur == RLIM_INFINITY ? -1.0 : static_cast<double>(rl.rlim_cur));
  }
}

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr size_t kHeaderLimit = 8 * 1024;
constexpr auto kRequestDeadline = std::chrono::seconds(5);
constexpr int kMaxConnections = 16;

bool ParseEndpoint(const std::string& s, tcp::endpoint* ep, std::string* error) {
  std::string host = "127.0.0.1", port = s;
  if (!s.empty() && s.front() == '[') {
    size_t close = s.find(']');
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      *error = "bad address " + s + " (HOST:PORT, [V6]:PORT or PORT)";
      return false;
    }
    host = s.substr(1, close - 1);
    port = s.substr(close + 2);
  } else if (size_t colon = s.rfind(':'); colon != std::string::npos) {
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
  }
  if (host == "localhost") host = "127.0.0.1";
  char* end = nullptr;
  long p = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || *end != '\0' || p < 0 || p > 65535) {
    *error = "bad port in " + s;
    return false;
  }
  boost::system::error_code ec;
  auto addr = asio::ip::make_address(host, ec);
  if (ec) {
    *error = "the metrics address must be numeric (or localhost): " + s;
    return false;
  }
  *ep = tcp::endpoint(addr, static_cast<uint16_t>(p));
  return true;
}

}  // namespace

struct MetricsEndpoint::Impl {
  // Declared before the io_context: sessions still queued in it when it is
  // destroyed count themselves out of `connections`.
  std::function<std::string()> render;
  std::atomic<int> connections{0};
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::steady_timer retry{io};  // after a failed accept (EMFILE...)
  std::thread thread;

  // One connection: read a request, answer, repeat while keep-alive.
  class Session : public std::enable_shared_from_this<Session> {
   public:
    Session(Impl& impl, tcp::socket socket) : impl_(impl), stream_(std::move(socket)) {
      ++impl_.connections;
    }
    ~Session() { --impl_.connections; }

    void Read() {
      parser_.emplace();
      parser_->header_limit(kHeaderLimit);
      parser_->body_limit(0);
      stream_.expires_after(kRequestDeadline);
      http::async_read(stream_, buffer_, *parser_,
                       beast::bind_front_handler(&Session::OnRead, shared_from_this()));
    }

   private:
    void OnRead(beast::error_code ec, size_t) {
      if (ec) {
        if (ec == http::error::end_of_stream || ec == beast::error::timeout) return;
        // Malformed, too large or a body: answered once, then closed.
        return Write(http::status::bad_request, "bad request\n", false);
      }
      const auto& req = parser_->get();
      auto target = req.target();
      std::string_view path(target.data(), target.size());
      path = path.substr(0, path.find('?'));
      bool keep = req.keep_alive();
      if (path != "/metrics" && path != "/healthz") {
        return Write(http::status::not_found, "not found: see /metrics\n", keep);
      }
      if (req.method() != http::verb::get && req.method() != http::verb::head) {
        return Write(http::status::method_not_allowed, "GET only\n", keep);
      }
      if (path == "/healthz") return Write(http::status::ok, "ok\n", keep);
      std::string body = impl_.render ? impl_.render() : std::string();
      AppendProcessMetrics(&body);
      Write(http::status::ok, std::move(body), keep, "text/plain; version=0.0.4; charset=utf-8",
            req.method() == http::verb::head);
    }

    void Write(http::status status, std::string body, bool keep,
               const char* type = "text/plain; charset=utf-8", bool head = false) {
      res_ = {};
      res_.result(status);
      res_.version(11);
      res_.set(http::field::content_type, type);
      res_.set(http::field::server, "phiscrub");
      if (status == http::status::method_not_allowed) res_.set(http::field::allow, "GET, HEAD");
      res_.keep_alive(keep);
      res_.body() = std::move(body);
      res_.prepare_payload();
      if (head) res_.body().clear();  // Content-Length stays the GET's
      stream_.expires_after(kRequestDeadline);
      http::async_write(stream_, res_,
                        [self = shared_from_this(), keep](beast::error_code ec, size_t) {
                          if (ec || !keep) {
                            beast::error_code ignored;
                            self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                            return;
                          }
                          self->Read();
                        });
    }

    Impl& impl_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::empty_body>> parser_;
    http::response<http::string_body> res_;
  };

  void Accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        // Out of descriptors or similar: try again shortly, not in a spin.
        retry.expires_after(std::chrono::milliseconds(100));
        retry.async_wait([this](beast::error_code e) {
          if (!e) Accept();
        });
        return;
      }
      if (connections.load() >= kMaxConnections) {
        beast::error_code ignored;
        socket.close(ignored);  // a scraper retries; the cap bounds memory
      } else {
        std::make_shared<Session>(*this, std::move(socket))->Read();
      }
      Accept();
    });
  }
};

MetricsEndpoint::MetricsEndpoint(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::unique_ptr<MetricsEndpoint> MetricsEndpoint::Start(const std::string& listen,
                                                        std::function<std::string()> render,
                                                        std::string* error) {
  auto impl = std::make_unique<Impl>();
  impl->render = std::move(render);
  tcp::endpoint ep;
  if (!ParseEndpoint(listen, &ep, error)) return nullptr;
  boost::system::error_code ec;
  impl->acceptor.open(ep.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(ep, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    *error = "cannot listen on " + listen + ": " + ec.message();
    return nullptr;
  }
  impl->Accept();
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->io.run(); });
  return std::unique_ptr<MetricsEndpoint>(new MetricsEndpoint(std::move(impl)));
}

MetricsEndpoint::~MetricsEndpoint() {
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
  boost::system::error_code ignored;
  impl_->acceptor.close(ignored);  // the port is free once we return
}

uint16_t MetricsEndpoint::port() const { return impl_->acceptor.local_endpoint().port(); }

}  // namespace phiscrub::service
