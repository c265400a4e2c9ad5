#include "webhook_forward.h"

// Boost 1.74 asio/awaitable.hpp uses std::exchange without <utility>.
#include <utility>

#include <openssl/ssl.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <optional>

namespace phiscrub::service {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// One forward: resolve, connect, [TLS], write, read; then retry or finish.
class Forward : public std::enable_shared_from_this<Forward> {
 public:
  Forward(asio::any_io_executor ex, const WebhookRoute& route,
          std::shared_ptr<asio::ssl::context> tls, std::string body, std::string content_type,
          std::string request_id, size_t max_response, std::function<void(int)> on_retry,
          std::function<void(ForwardResult)> done)
      : ex_(ex),
        route_(route),
        tls_(std::move(tls)),
        resolver_(ex),
        timer_(ex),
        max_response_(max_response),
        on_retry_(std::move(on_retry)),
        done_(std::move(done)) {
    req_.method(http::verb::post);
    req_.target(route_.target);
    req_.version(11);
    req_.set(http::field::host, route_.host);
    req_.set(http::field::user_agent, "phiscrubd");
    req_.set(http::field::content_type, content_type);
    req_.set("X-Phiscrub-Route", route_.name);
    req_.set("X-Request-Id", request_id);
    req_.keep_alive(false);
    req_.body() = std::move(body);
    req_.prepare_payload();
  }

  void Start() { Attempt(); }

 private:
  void Attempt() {
    ++result_.attempts;
    plain_.reset();
    secure_.reset();
    parser_.emplace();
    parser_->body_limit(max_response_);
    buffer_.clear();
    resolver_.async_resolve(route_.host, route_.port,
                            beast::bind_front_handler(&Forward::OnResolve, shared_from_this()));
  }

  beast::tcp_stream& Lowest() {
    return secure_ ? beast::get_lowest_layer(*secure_) : *plain_;
  }

  void OnResolve(beast::error_code ec, tcp::resolver::results_type results) {
    if (ec) return Failed(0);
    if (route_.tls) {
      secure_.emplace(ex_, *tls_);
      // SNI and host name verification against the URL's host.
      SSL_set_tlsext_host_name(secure_->native_handle(), route_.host.c_str());
      secure_->set_verify_callback(asio::ssl::host_name_verification(route_.host));
    } else {
      plain_.emplace(ex_);
    }
    Lowest().expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(kForwardTimeout)));
    Lowest().async_connect(results,
                           beast::bind_front_handler(&Forward::OnConnect, shared_from_this()));
  }

  void OnConnect(beast::error_code ec, const tcp::endpoint&) {
    if (ec) return Failed(0);
    if (secure_) {
      return secure_->async_handshake(
          asio::ssl::stream_base::client,
          beast::bind_front_handler(&Forward::OnHandshake, shared_from_this()));
    }
    Write();
  }

  void OnHandshake(beast::error_code ec) {
    if (ec) return Failed(0);
    Write();
  }

  void Write() {
    auto h = beast::bind_front_handler(&Forward::OnWrite, shared_from_this());
    if (secure_) http::async_write(*secure_, req_, std::move(h));
    else http::async_write(*plain_, req_, std::move(h));
  }

  void OnWrite(beast::error_code ec, size_t) {
    if (ec) return Failed(0);
    auto h = beast::bind_front_handler(&Forward::OnRead, shared_from_this());
    if (secure_) http::async_read(*secure_, buffer_, *parser_, std::move(h));
    else http::async_read(*plain_, buffer_, *parser_, std::move(h));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec) return Failed(0);
    auto& res = parser_->get();
    int status = static_cast<int>(res.result_int());
    beast::error_code ignored;
    Lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    if (status >= 200 && status < 300) {
      result_.status = status;
      auto ct = res[http::field::content_type];
      result_.content_type = std::string(ct.data(), ct.size());
      result_.body = std::move(res.body());
      return Finish();
    }
    if (status == 429 || status >= 500) return Failed(status);
    result_.status = status;  // the application refused it: not retried
    Finish();
  }

  void Failed(int status) {
    result_.status = status;
    if (plain_ || secure_) {
      beast::error_code ignored;
      Lowest().socket().close(ignored);
    }
    if (result_.attempts >= kForwardAttempts) return Finish();
    if (on_retry_) on_retry_(result_.attempts);
    timer_.expires_after(std::chrono::milliseconds(result_.attempts == 1 ? 200 : 800));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->Finish();
      self->Attempt();
    });
  }

  void Finish() {
    if (!done_) return;
    auto done = std::move(done_);
    done_ = nullptr;
    done(std::move(result_));
  }

  asio::any_io_executor ex_;
  WebhookRoute route_;
  std::shared_ptr<asio::ssl::context> tls_;
  tcp::resolver resolver_;
  asio::steady_timer timer_;
  std::optional<beast::tcp_stream> plain_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure_;
  http::request<http::string_body> req_;
  std::optional<http::response_parser<http::string_body>> parser_;
  beast::flat_buffer buffer_;
  size_t max_response_;
  std::function<void(int)> on_retry_;
  std::function<void(ForwardResult)> done_;
  ForwardResult result_;
};

}  // namespace

void ForwardWebhook(asio::any_io_executor executor, const WebhookRoute& route,
                    std::shared_ptr<asio::ssl::context> tls, std::string body,
                    std::string content_type, std::string request_id, size_t max_response,
                    std::function<void(int)> on_retry, std::function<void(ForwardResult)> done) {
  auto f = std::make_shared<Forward>(executor, route, std::move(tls), std::move(body),
                                     std::move(content_type), std::move(request_id),
                                     max_response, std::move(on_retry), std::move(done));
  f->Start();
}

}  // namespace phiscrub::service
