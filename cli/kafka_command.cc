#include "kafka_command.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#ifdef PHISCRUB_HAVE_METRICS_HTTP
#include "metrics_http.h"
#endif

namespace phiscrub::cli {
namespace {

kafka::KafkaWorker* g_worker = nullptr;

void OnSignal(int) {
  if (g_worker) g_worker->Stop();
}

bool ParseInt(const std::string& s, long lo, long hi, long* out) {
  char* end = nullptr;
  errno = 0;
  long v = strtol(s.c_str(), &end, 10);
  if (errno || end == s.c_str() || *end != '\0' || v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool AddProperty(const std::string& kv, kafka::KafkaOptions* k) {
  size_t eq = kv.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  k->config.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
  return true;
}

bool WritePortFile(const std::string& path, uint16_t port) {
  std::string tmp = path + ".tmp";
  FILE* f = fopen(tmp.c_str(), "w");
  if (!f) return false;
  bool ok = fprintf(f, "%u\n", port) > 0;
  ok = fclose(f) == 0 && ok;
  return ok && rename(tmp.c_str(), path.c_str()) == 0;
}

// Every setting of `phiscrub kafka` that a file or the environment may give,
// by its flag's name (YAML keys may use '_' for '-').
enum class Shape {
  kValue,  // --name VALUE
  kBool,   // --name (true) or nothing (false)
  kList,   // --name V repeated (rules, dict, -X)
  kComma,  // --name A,B,C (a YAML list is joined)
};
struct Setting {
  const char* name;
  Shape shape;
};
constexpr Setting kSettings[] = {
    {"bootstrap-servers", Shape::kValue}, {"group", Shape::kValue},
    {"in-topic", Shape::kValue},
    {"out-topic", Shape::kValue},         {"dead-letter-topic", Shape::kValue},
    {"exactly-once", Shape::kBool},       {"transactional-id", Shape::kValue},
    {"max-inflight", Shape::kValue},      {"metrics-listen", Shape::kValue},
    {"metrics-port-file", Shape::kValue}, {"metrics-file", Shape::kValue},
    {"metrics-interval", Shape::kValue},  {"X", Shape::kList},
    {"kafka-config", Shape::kValue},      {"verbose", Shape::kBool},
    // Redaction options (cli/main.cc).
    {"format", Shape::kValue},            {"profile", Shape::kValue},
    {"json-keys", Shape::kValue},         {"json-placeholder", Shape::kValue},
    {"rules", Shape::kList},              {"entities", Shape::kComma},
    {"dict", Shape::kList},               {"dates", Shape::kValue},
    {"url-keep-host", Shape::kBool},      {"policy", Shape::kValue},
    {"hash-key-file", Shape::kValue},     {"cache-dir", Shape::kValue},
    {"threads", Shape::kValue},           {"max-record", Shape::kValue},
    {"scan-invalid-utf8", Shape::kBool},  {"stats", Shape::kBool},
    {"redact-recording-urls", Shape::kBool}, {"no-spoken", Shape::kBool},
};

const Setting* FindSetting(const std::string& name) {
  for (const Setting& s : kSettings) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

bool ParseBool(const std::string& v, bool* out) {
  if (v == "true" || v == "1" || v == "yes" || v == "on") {
    *out = true;
  } else if (v == "false" || v == "0" || v == "no" || v == "off") {
    *out = false;
  } else {
    return false;
  }
  return true;
}

// Whether the command line gives setting `name` (--brokers, the short
// spelling of --bootstrap-servers, counts for it).
bool OnCommandLine(const std::vector<std::string>& args, const std::string& name) {
  auto given = [&args](const std::string& n) {
    for (size_t i = 1; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (n == "X") {
        if (a.rfind("-X", 0) == 0) return true;
        continue;
      }
      if (a == "--" + n || a.rfind("--" + n + "=", 0) == 0) return true;
    }
    return false;
  };
  if (name == "bootstrap-servers") return given(name) || given("brokers");
  return given(name);
}

std::string EnvName(const std::string& name) {
  std::string env = "PHISCRUB_KAFKA_";
  for (char c : name) env += c == '-' ? '_' : static_cast<char>(toupper(c));
  return env;
}

// The flags for `values` of setting `s` (false: a bool that is not one).
bool ToFlags(const Setting& s, const std::vector<std::string>& values,
             std::vector<std::string>* flags) {
  const std::string flag = std::string(s.name) == "X" ? "-X" : std::string("--") + s.name;
  switch (s.shape) {
    case Shape::kBool: {
      bool on = false;
      if (values.size() != 1 || !ParseBool(values[0], &on)) return false;
      if (on) flags->push_back(flag);
      return true;
    }
    case Shape::kComma: {
      std::string joined;
      for (const auto& v : values) joined += (joined.empty() ? "" : ",") + v;
      flags->push_back(flag);
      flags->push_back(joined);
      return true;
    }
    case Shape::kList:
      for (const auto& v : values) {
        flags->push_back(flag);
        flags->push_back(v);
      }
      return true;
    case Shape::kValue:
      if (values.size() != 1) return false;
      flags->push_back(flag);
      flags->push_back(values[0]);
      return true;
  }
  return false;
}

}  // namespace

int MergeKafkaConfig(std::vector<std::string>* args) {
  // --config FILE / --config=FILE, taken out; else PHISCRUB_KAFKA_CONFIG.
  std::string file;
  for (size_t i = 1; i < args->size(); ++i) {
    const std::string a = (*args)[i];
    if (a == "--config" || a.rfind("--config=", 0) == 0) {
      size_t n = 1;
      if (a == "--config") {
        if (i + 1 >= args->size()) {
          fprintf(stderr, "phiscrub kafka: --config needs a value\n");
          return 2;
        }
        file = (*args)[i + 1];
        n = 2;
      } else {
        file = a.substr(9);
      }
      args->erase(args->begin() + static_cast<long>(i),
                  args->begin() + static_cast<long>(i + n));
      --i;
    }
  }
  if (file.empty()) {
    if (const char* v = getenv("PHISCRUB_KAFKA_CONFIG")) file = v;
  }
  std::map<std::string, std::vector<std::string>> from_file;
  if (!file.empty()) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(file);
    } catch (const std::exception& e) {
      // yaml-cpp messages name a line and column, not the file's content.
      fprintf(stderr, "phiscrub kafka: config file %s: cannot load (%s)\n", file.c_str(),
              e.what());
      return 78;
    }
    if (!root.IsNull() && !root.IsMap()) {
      fprintf(stderr, "phiscrub kafka: config file %s: top level must be a mapping\n",
              file.c_str());
      return 78;
    }
    for (const auto& kv : root) {
      std::string name = kv.first.as<std::string>("");
      if (name != "X") std::replace(name.begin(), name.end(), '_', '-');
      const Setting* s = FindSetting(name);
      if (s == nullptr) {
        fprintf(stderr, "phiscrub kafka: config file %s: unknown key '%s'\n", file.c_str(),
                name.c_str());
        return 78;
      }
      std::vector<std::string> values;
      const YAML::Node& v = kv.second;
      if (v.IsScalar()) {
        values.push_back(v.as<std::string>(""));
      } else if (v.IsSequence() && (s->shape == Shape::kList || s->shape == Shape::kComma)) {
        bool scalars = true;
        for (const auto& item : v) {
          scalars = scalars && item.IsScalar();
          if (scalars) values.push_back(item.as<std::string>(""));
        }
        if (!scalars) {
          fprintf(stderr, "phiscrub kafka: config file %s: key '%s' takes a list of scalars\n",
                  file.c_str(), name.c_str());
          return 78;
        }
      } else if (v.IsMap() && name == "X") {
        // librdkafka properties as a mapping: {security.protocol: SSL, ...}
        for (const auto& p : v) {
          values.push_back(p.first.as<std::string>("") + "=" + p.second.as<std::string>(""));
        }
      } else {
        fprintf(stderr, "phiscrub kafka: config file %s: key '%s' must be %s\n", file.c_str(),
                name.c_str(),
                s->shape == Shape::kList || s->shape == Shape::kComma ? "a scalar or a list"
                                                                       : "a scalar");
        return 78;
      }
      from_file[name] = std::move(values);
    }
  }
  std::vector<std::string> flags;
  for (const Setting& s : kSettings) {
    const std::string name = s.name;
    if (OnCommandLine(*args, name)) continue;
    std::vector<std::string> values;
    const char* source = nullptr;
    if (const char* env = getenv(EnvName(name).c_str())) {
      source = "environment";
      if (s.shape == Shape::kList) {
        // Paths and KEY=VALUE pairs hold commas: one item per word.
        std::istringstream words(env);
        std::string w;
        while (words >> w) values.push_back(w);
      } else {
        values.push_back(env);
      }
    } else if (auto it = from_file.find(name); it != from_file.end()) {
      source = "config file";
      values = it->second;
    } else {
      continue;
    }
    if (!ToFlags(s, values, &flags)) {
      fprintf(stderr, "phiscrub kafka: %s: '%s' takes %s\n", source, name.c_str(),
              s.shape == Shape::kBool ? "true or false" : "one value");
      return 78;
    }
  }
  args->insert(args->begin() + 1, flags.begin(), flags.end());
  return -1;
}

const char* const kKafkaUsage =
    R"(Usage: phiscrub kafka --bootstrap-servers HOSTS --group ID --in-topic T --out-topic T
                      [KAFKA OPTIONS] [REDACTION OPTIONS]

Joins consumer group ID, redacts the value of every record of --in-topic and
produces it to --out-topic with the same key and headers plus the header
phiscrub-ruleset (the version of the rules that redacted it). Records of one
key keep their order. Scale out by starting more workers in the same group (up
to the number of input partitions). SIGTERM or SIGINT: finish what was read,
commit, leave the group, exit 0.

Configuration: every option below (Kafka and redaction alike) is also
PHISCRUB_KAFKA_<NAME> in the environment (PHISCRUB_KAFKA_GROUP,
PHISCRUB_KAFKA_FORMAT, PHISCRUB_KAFKA_EXACTLY_ONCE=true; lists as words:
PHISCRUB_KAFKA_X="acks=all linger.ms=5") and <name> in a YAML file:
  --config FILE              (or PHISCRUB_KAFKA_CONFIG) a mapping of option
                             names to values (lists for rules, dict, entities;
                             X a list of KEY=VALUE or a mapping). Precedence:
                             flags > environment > file > defaults

Kafka options:
  --bootstrap-servers HOSTS  brokers (host:port,...)
  --group ID                 consumer group
  --in-topic T, --out-topic T
  --dead-letter-topic T      a record with a part that cannot be redacted goes
                             here instead, with no key and no value: headers
                             phiscrub-reason, phiscrub-source-topic,
                             phiscrub-source-partition, phiscrub-source-offset.
                             Without it: the placeholder goes to --out-topic
  --exactly-once             Kafka transactions: output and input offsets commit
                             together (default: at-least-once, offsets committed
                             after the output is acknowledged)
  --transactional-id ID      unique per worker, stable across its restarts
                             (default phiscrub-<group>-<hostname>)
  --max-inflight BYTES       input read and not yet acknowledged (default 64M)
  --metrics-listen [HOST:]PORT
                             serve GET /metrics (Prometheus text format, with
                             the process_* series) and GET /healthz over HTTP;
                             HOST defaults to 127.0.0.1 (loopback). Counts
                             only, never record content
  --metrics-port-file FILE   write the port --metrics-listen bound (for :0)
  --metrics-file PATH        Prometheus text format, rewritten atomically
  --metrics-interval MS      gauges (lag, in-flight) refreshed this often
                             (default 5000)
  -X KEY=VALUE               librdkafka property for consumer and producer
                             (security.protocol, sasl.*, ssl.*, ...); may repeat
  --kafka-config FILE        librdkafka properties, one KEY=VALUE a line
  --verbose                  partition assignments on stderr

Redaction options: those of `phiscrub` (--format, --profile, --json-keys,
--rules, --entities, --dict, --policy, --hash-key-file, --max-record,
--threads, ...). Each record value is one input: --format text redacts its
lines, ndjson its JSON lines, transcript its turns as one conversation,
json or a vendor profile the whole value as one document.

Exit codes: 0 stopped by signal after draining, 2 runtime error (nothing past
an unacknowledged record is committed), 78 invalid configuration.
)";

int ParseKafkaArgs(std::vector<char*>* args, kafka::KafkaOptions* k) {
  struct Str {
    const char* name;
    std::string* field;
  };
  Str strs[] = {{"bootstrap-servers", &k->brokers},
                {"brokers", &k->brokers},
                {"group", &k->group},
                {"in-topic", &k->in_topic},
                {"out-topic", &k->out_topic},
                {"dead-letter-topic", &k->dead_letter_topic},
                {"transactional-id", &k->transactional_id},
                {"metrics-file", &k->metrics_file},
                {"metrics-listen", &k->metrics_listen},
                {"metrics-port-file", &k->metrics_port_file}};
  std::vector<char*> rest;
  rest.push_back((*args)[0]);
  for (size_t i = 1; i < args->size(); ++i) {
    std::string a = (*args)[i];
    if (a == "-h" || a == "--help") {
      fputs(kKafkaUsage, stdout);
      return 0;
    }
    std::string name, value;
    bool has_value = false;
    if (a == "-X") {
      name = "X";
    } else if (a.rfind("-X", 0) == 0) {
      name = "X";
      value = a.substr(2);
      has_value = true;
    } else if (a.rfind("--", 0) == 0) {
      size_t eq = a.find('=');
      name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      if (eq != std::string::npos) {
        value = a.substr(eq + 1);
        has_value = true;
      }
    }
    bool flag = name == "exactly-once" || name == "verbose";
    bool known = flag || name == "X" || name == "max-inflight" || name == "metrics-interval" ||
                 name == "kafka-config";
    for (auto& s : strs) known = known || name == s.name;
    if (!known) {
      rest.push_back((*args)[i]);
      continue;
    }
    if (!flag && !has_value) {
      if (i + 1 >= args->size()) {
        fprintf(stderr, "phiscrub kafka: %s needs a value\n", a.c_str());
        return 2;
      }
      value = (*args)[++i];
    }
    if (name == "exactly-once") {
      k->exactly_once = true;
    } else if (name == "verbose") {
      k->verbose = true;
    } else if (name == "X") {
      if (!AddProperty(value, k)) {
        fprintf(stderr, "phiscrub kafka: -X takes KEY=VALUE\n");
        return 2;
      }
    } else if (name == "max-inflight") {
      if (!ParseByteSize(value, &k->max_inflight_bytes)) {
        fprintf(stderr, "phiscrub kafka: --max-inflight takes a byte count (K, M, G)\n");
        return 2;
      }
    } else if (name == "metrics-interval") {
      long v = 0;
      if (!ParseInt(value, 10, 3600000, &v)) {
        fprintf(stderr, "phiscrub kafka: --metrics-interval takes 10..3600000 ms\n");
        return 2;
      }
      k->metrics_interval_ms = static_cast<int>(v);
    } else if (name == "kafka-config") {
      std::ifstream in(value);
      if (!in) {
        fprintf(stderr, "phiscrub kafka: cannot read %s\n", value.c_str());
        return 78;
      }
      std::string line;
      while (std::getline(in, line)) {
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        if (!AddProperty(line.substr(b), k)) {
          fprintf(stderr, "phiscrub kafka: %s: a line is not KEY=VALUE\n", value.c_str());
          return 78;
        }
      }
    } else {
      for (auto& s : strs) {
        if (name == s.name) *s.field = value;
      }
    }
  }
  *args = std::move(rest);
  return -1;
}

int RunKafka(const std::shared_ptr<const Ruleset>& rules, const TextOptions& text,
             kafka::KafkaOptions k, bool stats) {
  const std::string metrics_listen = k.metrics_listen, port_file = k.metrics_port_file;
#ifndef PHISCRUB_HAVE_METRICS_HTTP
  if (!metrics_listen.empty()) {
    fprintf(stderr, "phiscrub kafka: built without phiscrubd (Boost.Beast): no "
                    "--metrics-listen; use --metrics-file\n");
    return 78;
  }
#endif
  kafka::KafkaWorker worker(rules, text, std::move(k));
  std::string error;
  if (!worker.Init(&error)) {
    fprintf(stderr, "phiscrub kafka: %s\n", error.c_str());
    return 78;
  }
#ifdef PHISCRUB_HAVE_METRICS_HTTP
  std::unique_ptr<service::MetricsEndpoint> endpoint;
  if (!metrics_listen.empty()) {
    endpoint = service::MetricsEndpoint::Start(
        metrics_listen, [&worker] { return worker.RenderMetrics(); }, &error);
    if (!endpoint) {
      fprintf(stderr, "phiscrub kafka: --metrics-listen: %s\n", error.c_str());
      return 78;
    }
    if (!port_file.empty() && !WritePortFile(port_file, endpoint->port())) {
      fprintf(stderr, "phiscrub kafka: cannot write %s\n", port_file.c_str());
      return 78;
    }
  }
#endif
  g_worker = &worker;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  int rc = worker.Run();
  g_worker = nullptr;
  if (stats) {
    kafka::KafkaCounters c = worker.counters();
    fprintf(stderr,
            "phiscrub kafka: records_in=%llu records_out=%llu dead_lettered=%llu "
            "failed_closed=%llu bytes_in=%llu bytes_out=%llu rebalances=%llu "
            "transactions=%llu aborted=%llu produce_errors=%llu\n",
            (unsigned long long)c.records_in, (unsigned long long)c.records_out,
            (unsigned long long)c.dead_lettered, (unsigned long long)c.failed_closed,
            (unsigned long long)c.bytes_in, (unsigned long long)c.bytes_out,
            (unsigned long long)c.rebalances, (unsigned long long)c.transactions,
            (unsigned long long)c.aborted_transactions, (unsigned long long)c.produce_errors);
  }
  return rc;
}

}  // namespace phiscrub::cli
