#include "config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <thread>

#include "phiscrub/pipeline.h"

namespace phiscrub::service {
namespace {

enum class Kind { kString, kSize, kDouble, kBool, kList };

struct Key {
  const char* name;
  Kind kind;
};

// Every setting, by its one name.
constexpr Key kKeys[] = {
    {"config", Kind::kString},          {"listen", Kind::kString},
    {"port-file", Kind::kString},       {"threads", Kind::kSize},
    {"max-body", Kind::kSize},          {"max-connections", Kind::kSize},
    {"header-timeout", Kind::kDouble},  {"body-timeout", Kind::kDouble},
    {"shutdown-grace", Kind::kDouble},  {"drain-idle", Kind::kDouble},
    {"auth-token-file", Kind::kString},
    {"tls-cert", Kind::kString},        {"tls-key", Kind::kString},
    {"tls-client-ca", Kind::kString},   {"audit-log", Kind::kString},
    {"lockdown", Kind::kBool},          {"rules", Kind::kList},
    {"entities", Kind::kList},          {"dict", Kind::kList},
    {"dates", Kind::kString},           {"url-keep-host", Kind::kBool},
    {"policy", Kind::kString},          {"hash-key-file", Kind::kString},
    {"json-keys", Kind::kString},       {"max-record", Kind::kSize},
    {"listen-tcp", Kind::kString},      {"tcp-port-file", Kind::kString},
    {"framing", Kind::kString},         {"tcp-mode", Kind::kString},
    {"tcp-format", Kind::kString},      {"downstream", Kind::kString},
    {"relay-buffer", Kind::kSize},      {"cache-dir", Kind::kString},
    {"encrypt-key-file", Kind::kString}, {"webhook", Kind::kList},
};

const Key* FindKey(const std::string& name) {
  for (const Key& k : kKeys) {
    if (name == k.name) return &k;
  }
  return nullptr;
}

using Values = std::map<std::string, std::vector<std::string>>;

std::string EnvName(const char* key) {
  std::string s = "PHISCRUB_";
  for (const char* p = key; *p; ++p) {
    s.push_back(*p == '-' ? '_' : static_cast<char>(std::toupper(*p)));
  }
  return s;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t comma = s.find(',', pos);
    if (comma == std::string::npos) comma = s.size();
    if (comma > pos) out.push_back(s.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

bool ParseFlags(const std::vector<std::string>& args, Values* out,
                std::string* error, bool* help) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a == "-h" || a == "--help" || a == "--version") {
      *help = true;
      return true;
    }
    if (a.rfind("--", 0) != 0) {
      *error = "unexpected argument '" + a + "'";
      return false;
    }
    a = a.substr(2);
    std::string value;
    bool has_value = false;
    size_t eq = a.find('=');
    if (eq != std::string::npos) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
      has_value = true;
    }
    const Key* key = FindKey(a);
    if (key == nullptr) {
      *error = "unknown option '--" + a + "'";
      return false;
    }
    if (!has_value) {
      if (key->kind == Kind::kBool) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        *error = "option '--" + a + "' needs a value";
        return false;
      }
    }
    // A repeated list flag accumulates; other flags: the last one wins.
    if (key->kind == Kind::kList) {
      auto parts = a == "dict" || a == "webhook" ? std::vector<std::string>{value}
                                                 : SplitList(value);
      auto& v = (*out)[a];
      v.insert(v.end(), parts.begin(), parts.end());
    } else {
      (*out)[a] = {value};
    }
  }
  return true;
}

void ReadEnv(Values* out) {
  for (const Key& k : kKeys) {
    const char* v = std::getenv(EnvName(k.name).c_str());
    if (v == nullptr) continue;
    if (std::string(k.name) == "webhook") {
      // Routes hold commas: one route per whitespace-separated word.
      std::vector<std::string> routes;
      std::string word;
      for (const char* p = v;; ++p) {
        if (*p == 0 || *p == ' ' || *p == '\n' || *p == '\t') {
          if (!word.empty()) routes.push_back(word);
          word.clear();
          if (*p == 0) break;
        } else {
          word.push_back(*p);
        }
      }
      (*out)[k.name] = routes;
      continue;
    }
    (*out)[k.name] = k.kind == Kind::kList ? SplitList(v)
                                           : std::vector<std::string>{v};
  }
}

bool ReadYaml(const std::string& path, Values* out, std::string* error) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const std::exception& e) {
    // yaml-cpp messages name a line and column, not file content.
    *error = "config file " + path + ": cannot load (" + e.what() + ")";
    return false;
  }
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    *error = "config file " + path + ": top level must be a mapping";
    return false;
  }
  for (const auto& kv : root) {
    std::string name = kv.first.as<std::string>("");
    std::replace(name.begin(), name.end(), '_', '-');
    const Key* key = FindKey(name);
    if (key == nullptr || name == "config") {
      *error = "config file " + path + ": unknown key '" + name + "'";
      return false;
    }
    std::vector<std::string> values;
    if (kv.second.IsSequence()) {
      for (const auto& item : kv.second) values.push_back(item.as<std::string>(""));
    } else if (kv.second.IsScalar()) {
      values = key->kind == Kind::kList && name != "dict" && name != "webhook"
                   ? SplitList(kv.second.as<std::string>(""))
                   : std::vector<std::string>{kv.second.as<std::string>("")};
    } else {
      *error = "config file " + path + ": key '" + name + "' must be a scalar or list";
      return false;
    }
    (*out)[name] = values;
  }
  return true;
}

// As --max-record (phiscrub::ParseByteSize), plus "0" for settings where 0
// means "off" or "default".
bool ParseSizeValue(const std::string& s, size_t* out) {
  if (s == "0") {
    *out = 0;
    return true;
  }
  return phiscrub::ParseByteSize(s, out);
}

bool ParseBool(const std::string& s, bool* out) {
  if (s == "true" || s == "1" || s == "yes" || s == "on") {
    *out = true;
  } else if (s == "false" || s == "0" || s == "no" || s == "off") {
    *out = false;
  } else {
    return false;
  }
  return true;
}

bool Apply(const std::string& name, const std::vector<std::string>& v,
           ServiceConfig* c, std::string* error) {
  const Key* key = FindKey(name);
  const std::string& s = v.empty() ? std::string() : v.back();
  size_t n = 0;
  double d = 0;
  bool b = false;
  auto bad = [&](const char* what) {
    *error = "'" + name + "' takes " + what;
    return false;
  };
  switch (key->kind) {
    case Kind::kSize:
      if (!ParseSizeValue(s, &n)) return bad("a number (K, M, G suffixes allowed)");
      break;
    case Kind::kDouble: {
      char* end = nullptr;
      d = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0' || d < 0) return bad("seconds (a number >= 0)");
      break;
    }
    case Kind::kBool:
      if (!ParseBool(s, &b)) return bad("true or false");
      break;
    default:
      break;
  }
  if (name == "config") c->config_file = s;
  else if (name == "listen") c->listen = s;
  else if (name == "port-file") c->port_file = s;
  else if (name == "threads") {
    if (n < 1 || n > 256) return bad("1..256");
    c->threads = static_cast<int>(n);
  } else if (name == "max-body") {
    if (n < 1) return bad("a positive size");
    c->max_body = n;
  } else if (name == "max-connections") {
    if (n < 1) return bad("a positive number");
    c->max_connections = n;
  } else if (name == "header-timeout") c->header_timeout = d;
  else if (name == "body-timeout") c->body_timeout = d;
  else if (name == "shutdown-grace") c->shutdown_grace = d;
  else if (name == "drain-idle") {
    if (!(d > 0)) return bad("a positive number of seconds");
    c->drain_idle = d;
  }
  else if (name == "auth-token-file") c->auth_token_file = s;
  else if (name == "tls-cert") c->tls_cert = s;
  else if (name == "tls-key") c->tls_key = s;
  else if (name == "tls-client-ca") c->tls_client_ca = s;
  else if (name == "audit-log") c->audit_log = s;
  else if (name == "lockdown") c->lockdown = b;
  else if (name == "rules") c->rules.rule_dirs = v;
  else if (name == "entities") c->rules.entities = v;
  else if (name == "dict") {
    c->rules.dictionaries.clear();
    for (const std::string& arg : v) c->rules.dictionaries.push_back(ParseDictionaryArg(arg));
  } else if (name == "dates") {
    if (s == "all") c->rules.dates_all = true;
    else if (s == "birth") c->rules.dates_all = false;
    else return bad("birth or all");
  } else if (name == "url-keep-host") c->rules.url_keep_host = b;
  else if (name == "policy") c->rules.policy_file = s;
  else if (name == "hash-key-file") c->rules.hash_key_file = s;
  else if (name == "cache-dir") c->rules.cache_dir = (s == "off") ? std::string() : s;
  else if (name == "json-keys") c->json_keys = s;
  else if (name == "encrypt-key-file") c->encrypt_key_file = s;
  else if (name == "webhook") {
    c->webhooks.clear();
    for (const std::string& spec : v) {
      WebhookRoute r;
      if (!ParseWebhookRoute(spec, &r, error)) return false;
      for (const auto& other : c->webhooks) {
        if (other.name == r.name) {
          *error = "--webhook " + r.name + " given twice";
          return false;
        }
      }
      c->webhooks.push_back(std::move(r));
    }
  }
  else if (name == "max-record") {
    if (n < 1 || n > (size_t{1} << 30)) return bad("1..1073741824 bytes");
    c->max_record = n;
  } else if (name == "listen-tcp") c->listen_tcp = s;
  else if (name == "tcp-port-file") c->tcp_port_file = s;
  else if (name == "framing") {
    if (s == "auto") c->framing = Framing::kAuto;
    else if (s == "lines") c->framing = Framing::kLines;
    else if (s == "ndjson") c->framing = Framing::kNdjson;
    else if (s == "octet-counted") c->framing = Framing::kOctetCounted;
    else return bad("auto, lines, ndjson or octet-counted");
  } else if (name == "tcp-mode") {
    if (s == "reply") c->tcp_mode = TcpMode::kReply;
    else if (s == "relay") c->tcp_mode = TcpMode::kRelay;
    else return bad("reply or relay");
  } else if (name == "tcp-format") {
    if (s != "text" && s != "ndjson" && s != "auto") return bad("text, ndjson or auto");
    c->tcp_format = s;
  } else if (name == "downstream") c->downstream = s;
  else if (name == "relay-buffer") {
    if (n < 1024) return bad("at least 1024 bytes");
    c->relay_buffer = n;
  }
  return true;
}

}  // namespace

bool SplitHostPort(const std::string& s, std::string* host, uint16_t* port) {
  size_t colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string h = s.substr(0, colon);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  std::string p = s.substr(colon + 1);
  if (p.empty() || p.size() > 5 ||
      !std::all_of(p.begin(), p.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return false;
  }
  unsigned long v = std::strtoul(p.c_str(), nullptr, 10);
  if (v > 65535) return false;
  *host = h;
  *port = static_cast<uint16_t>(v);
  return true;
}

bool LoadConfig(const std::vector<std::string>& args, ServiceConfig* config,
                std::string* error, bool* help) {
  *help = false;
  Values flags, env, yaml;
  if (!ParseFlags(args, &flags, error, help) || *help) return *help;
  ReadEnv(&env);
  std::string file;
  if (flags.count("config")) file = flags["config"].back();
  else if (env.count("config")) file = env["config"].back();
  if (!file.empty() && !ReadYaml(file, &yaml, error)) return false;
  // Lowest precedence first; later sources replace whole values.
  Values merged = yaml;
  for (auto& [k, v] : env) merged[k] = v;
  for (auto& [k, v] : flags) merged[k] = v;
  ServiceConfig c;
  c.rules.cache_dir = phiscrub::DefaultCacheDir();
  for (auto& [k, v] : merged) {
    if (!Apply(k, v, &c, error)) return false;
  }
  c.config_file = file;
  if (c.threads == 0) {
    unsigned cores = std::thread::hardware_concurrency();
    c.threads = cores > 0 ? static_cast<int>(cores) : 1;
  }
  std::string h;
  uint16_t p;
  if (!SplitHostPort(c.listen, &h, &p)) {
    *error = "--listen takes ADDR:PORT";
    return false;
  }
  if (!c.listen_tcp.empty() && !SplitHostPort(c.listen_tcp, &h, &p)) {
    *error = "--listen-tcp takes ADDR:PORT";
    return false;
  }
  if (c.tcp_mode == TcpMode::kRelay && !c.listen_tcp.empty() &&
      !SplitHostPort(c.downstream, &h, &p)) {
    *error = "--tcp-mode relay needs --downstream HOST:PORT";
    return false;
  }
  if (c.tls_cert.empty() != c.tls_key.empty()) {
    *error = "--tls-cert and --tls-key go together";
    return false;
  }
  *config = std::move(c);
  return true;
}

const char* Usage() {
  return R"(Usage: phiscrubd [OPTIONS]

The phiscrub sidecar: PHI redaction over HTTP/1.1 (JSON API, NDJSON stream,
Presidio-compatible /analyze and /anonymize) and framed TCP for log relays.

Every option is also PHISCRUB_<NAME> in the environment (PHISCRUB_MAX_BODY)
and <name> in the YAML file of --config; flags > environment > file > defaults.

HTTP:
  --listen ADDR:PORT       HTTP listener (default 127.0.0.1:8080; port 0 picks
                           one, printed on stderr). A non-loopback address
                           needs --auth-token-file
  --port-file FILE         write the bound HTTP port to FILE
  --threads N              I/O threads, each with its own scanner (default: cores)
  --max-body BYTES         request body limit (default 8M) -> 413
  --max-connections N      concurrent connections (default 1024)
  --header-timeout SECS    time to receive request headers, also the
                           keep-alive idle limit (default 10)
  --body-timeout SECS      time to receive a request body (default 30)
  --shutdown-grace SECS    drain time on SIGTERM/SIGINT (default 20)
  --drain-idle SECS        on SIGTERM, TCP senders count as done after this long
                           without a byte from any of them (default 0.2)
Security:
  --auth-token-file FILE   bearer tokens, one per line ("ID TOKEN" or TOKEN);
                           every endpoint but /healthz, /readyz and /health
                           needs one
  --tls-cert FILE --tls-key FILE   serve HTTPS (TLS 1.2+)
  --tls-client-ca FILE     require client certificates signed by this CA
  --audit-log FILE|-       JSON lines: one per request and per auth failure
  --lockdown               replace every record whole by a placeholder
Rules (as the phiscrub CLI):
  --rules DIR  --entities LIST  --dict [TYPE=]FILE  --dates birth|all
  --url-keep-host  --policy FILE  --hash-key-file FILE  --json-keys FILE
  --encrypt-key-file FILE  secret (>= 32 bytes) for the Presidio encrypt
                           anonymizer and /deanonymize (AES-256-GCM); the
                           hash anonymizer uses --hash-key-file
  --max-record BYTES       TCP and stream record limit (default 1M)
  --cache-dir DIR|off      compiled rules cache (default $PHISCRUB_CACHE_DIR,
                           $XDG_CACHE_HOME/phiscrub or ~/.cache/phiscrub)
Webhook relay (vendor -> phiscrubd -> application):
  --webhook ROUTE=URL[,vendor=V][,secret-file=F][,profile=P][,public-url=U][,ca-file=F]
                           POST /webhooks/ROUTE: check the vendor's signature
                           (vapi, retell, signalwire, twilio; none: no check,
                           bearer token as other endpoints), redact with the
                           profile (default: the vendor's), forward to URL
                           (3 attempts, 5 s each); 401 bad signature, 500 not
                           redactable (nothing forwarded), 502 not accepted.
                           Repeatable; PHISCRUB_WEBHOOK: routes separated by
                           spaces. public-url: the URL the vendor calls, for
                           the URL-signing vendors (signalwire, twilio).
                           JSON goes on as JSON; twilio and signalwire form
                           posts as forms. ca-file: PEM CAs that verify an
                           https:// URL (default: the system's)
TCP listener for log relays:
  --listen-tcp ADDR:PORT   --tcp-port-file FILE
  --framing auto|lines|ndjson|octet-counted   (default auto: per
                           connection, digits and a space first mean octet
                           counting as RFC 6587 (the count includes a
                           trailing newline), anything else lines, as
                           rsyslog's imtcp detects it)
  --tcp-format text|ndjson|auto           how records are redacted (default
                           text; ndjson framing implies ndjson)
  --tcp-mode reply|relay   reply: redacted records come back on the
                           connection; relay: sent to --downstream HOST:PORT
  --relay-buffer BYTES     bytes held for the downstream (default 8M); when
                           full, reading stops (back-pressure)
Other:
  --config FILE            YAML file with any of the keys above
  -h, --help               this help

Signals: SIGTERM/SIGINT drain and exit; SIGHUP reloads rules, policy,
dictionaries, tokens, certificates and lockdown. On SIGTERM the TCP listener
stops accepting; open connections are read until each has been idle for
--drain-idle (200 ms; or --shutdown-grace ends), everything read is delivered,
then exit 0;
exit 1 when records were lost (counted as failed closed, reason abandoned).
)";
}

}  // namespace phiscrub::service
