// Configuration of phiscrubd: flags > environment (PHISCRUB_*) > YAML config
// file (--config) > defaults.
//
// Every setting has one key, spelled like its flag without the dashes
// ("max-body"); the environment variable is PHISCRUB_ + the key upper-cased
// with '-' -> '_' (PHISCRUB_MAX_BODY); the YAML file uses the key itself.
// List settings (rules, dict, entities) take the whole list from the source
// with the highest precedence; from the environment they are comma-separated.
//
// Lifetime: plain value, built at start-up and again on SIGHUP (reload).
// Loading may allocate and read files freely; it never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "phiscrub/ruleset.h"
#include "webhook.h"

namespace phiscrub::service {

// kAuto: per connection, as rsyslog's imtcp: a stream that starts with
// digits and a space is octet-counted (RFC 6587), anything else is lines.
enum class Framing { kAuto, kLines, kNdjson, kOctetCounted };
enum class TcpMode { kReply, kRelay };

struct ServiceConfig {
  // HTTP listener.
  std::string listen = "127.0.0.1:8080";
  std::string port_file;  // the bound HTTP port is written here
  int threads = 0;        // 0: number of cores
  size_t max_body = 8u << 20;
  size_t max_connections = 1024;
  double header_timeout = 10;  // seconds; also the keep-alive idle limit
  double body_timeout = 30;
  double shutdown_grace = 20;
  // On SIGTERM, TCP senders count as done after this long without a byte.
  double drain_idle = 0.2;
  // Security.
  std::string auth_token_file;
  std::string tls_cert, tls_key, tls_client_ca;
  std::string audit_log;  // file, "-" for stderr, empty: off
  bool lockdown = false;
  // Rules (as the CLI's flags).
  RulesetOptions rules;
  std::string json_keys;
  std::string encrypt_key_file;  // AES-GCM key for /anonymize encrypt, /deanonymize
  // Vendor webhook relay routes (--webhook), parsed; secrets loaded at start.
  std::vector<WebhookRoute> webhooks;
  size_t max_record = 1u << 20;  // TCP records and /v1/redact/stream records
  // TCP listener for log relays.
  std::string listen_tcp;  // empty: none
  std::string tcp_port_file;
  Framing framing = Framing::kAuto;
  TcpMode tcp_mode = TcpMode::kReply;
  std::string tcp_format = "text";  // text|ndjson|auto
  std::string downstream;           // HOST:PORT for relay mode
  size_t relay_buffer = 8u << 20;   // bytes held for the downstream
  std::string config_file;
};

// Parses argv (after the program name) and the environment, then the YAML
// file named by --config / PHISCRUB_CONFIG, and merges them by precedence.
// Returns false with *error naming the culprit (never a secret's content).
// *help is set when --help or --version was given (text printed by caller).
bool LoadConfig(const std::vector<std::string>& args, ServiceConfig* config,
                std::string* error, bool* help);

const char* Usage();

// "host:port" -> parts. Accepts "[v6]:port". False when malformed.
bool SplitHostPort(const std::string& s, std::string* host, uint16_t* port);

}  // namespace phiscrub::service
