// fuzz_http: the sidecar's HTTP request path without a socket: raw bytes go
// through Beast's request parser with the limits HttpSession sets (16 KiB of
// header, max-body of body), and a parsed request goes to the Worker handler
// its path names (engine.h: the request handlers are socket-free).
//
// Not reached: HttpSession's own header checks (auth, method, content type,
// Expect, connection cap) run inside the asio session in server.cc and need
// a stream; the routing table below repeats its four POST paths.
//
// Properties: no crash, no sanitizer report; every JSON endpoint answers
// valid JSON (results and errors alike), in lockdown too; /v1/redact/stream
// answers one record per record in (or a JSON error); /webhooks/twilio (a
// form callback, as a twilio route redacts it) answers a form with the same
// field names in the same order, or nothing.
#include <algorithm>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"
#include "engine.h"
#include "fuzz_common.h"
#include "webhook.h"

namespace phiscrub::fuzz {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using service::ApiResult;
using service::Outcome;

constexpr size_t kMaxBody = 1 << 16;

service::Worker& TheWorker() {
  static service::Worker* worker = [] {
    service::ServiceConfig config;
    config.max_body = kMaxBody;
    std::vector<Diagnostic> diags;
    auto engine = service::Engine::Build(config, 1, &diags);
    if (!engine) {
      for (const auto& d : diags) fprintf(stderr, "%s\n", d.ToString().c_str());
      abort();
    }
    return new service::Worker(engine);
  }();
  return *worker;
}

std::string_view QueryParam(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view kv = query.substr(0, amp);
    if (kv.size() > name.size() && kv.substr(0, name.size()) == name && kv[name.size()] == '=') {
      return kv.substr(name.size() + 1);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

void Handle(std::string_view target, const std::string& body, bool lockdown) {
  service::Worker& w = TheWorker();
  size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  ApiResult r;
  Outcome o;
  if (path == "/v1/redact") {
    w.Redact(body, lockdown, &r, &o);
  } else if (path == "/analyze") {
    w.Analyze(body, lockdown, &r, &o);
  } else if (path == "/anonymize") {
    w.Anonymize(body, lockdown, &r, &o);
  } else if (path == "/v1/redact/stream") {
    w.Stream(body, QueryParam(query, "format"), lockdown, &r, &o);
    if (r.status == 200) {
      size_t in = std::count(body.begin(), body.end(), '\n');
      size_t out = std::count(r.body.begin(), r.body.end(), '\n');
      PHISCRUB_FUZZ_CHECK(in == out);
      PHISCRUB_FUZZ_CHECK(o.records == in + (!body.empty() && body.back() != '\n'));
    } else {
      PHISCRUB_FUZZ_CHECK(ValidJson(r.body));
    }
    return;
  } else if (path == "/webhooks/twilio") {
    // A form callback: on success the output is a form with the input's
    // field names in order (in lockdown: the skipped ones, then the reason);
    // on failure nothing.
    std::string out;
    bool ok = w.RedactWebhookForm(body, lockdown, &out, &o);
    if (!ok) {
      PHISCRUB_FUZZ_CHECK(out.empty() && o.fail_count == 1);
      return;
    }
    std::vector<service::FormField> in_fields, out_fields;
    PHISCRUB_FUZZ_CHECK(service::ParseForm(body, &in_fields));
    PHISCRUB_FUZZ_CHECK(service::ParseForm(out, &out_fields));
    if (lockdown) {
      PHISCRUB_FUZZ_CHECK(!out_fields.empty() && out_fields.back().name == "phiscrub_error");
      return;
    }
    PHISCRUB_FUZZ_CHECK(in_fields.size() == out_fields.size());
    for (size_t i = 0; i < in_fields.size() && i < out_fields.size(); ++i) {
      PHISCRUB_FUZZ_CHECK(in_fields[i].raw_name == out_fields[i].raw_name);
    }
    return;
  } else {
    return;
  }
  PHISCRUB_FUZZ_CHECK(ValidJson(r.body));
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub::fuzz;
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(kMaxBody);
  parser.eager(true);
  beast::error_code ec;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  // As http::async_read does: put what there is; when the parser wants more
  // than the input has, the peer has closed (put_eof ends a body without a
  // length, and fails a partial message).
  while (!parser.is_done()) {
    size_t used = rest.empty() ? 0 : parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
    rest.remove_prefix(used);
    if (ec == http::error::need_more) ec = {};
    if (ec) break;
    if (used == 0) {
      parser.put_eof(ec);
      break;
    }
  }
  if (ec || !parser.is_done()) return 0;  // HttpSession answers 400/413/431
  const auto& req = parser.get();
  std::string_view target(req.target().data(), req.target().size());
  Handle(target, req.body(), false);
  Handle(target, req.body(), true);
  return 0;
}
