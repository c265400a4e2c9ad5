#include "kafka_command.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fstream>

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

}  // namespace

const char* const kKafkaUsage =
    R"(Usage: phiscrub kafka --bootstrap-servers HOSTS --group ID --in-topic T --out-topic T
                      [KAFKA OPTIONS] [REDACTION OPTIONS]

Joins consumer group ID, redacts the value of every record of --in-topic and
produces it to --out-topic with the same key and headers plus the header
phiscrub-ruleset (the version of the rules that redacted it). Records of one
key keep their order. Scale out by starting more workers in the same group (up
to the number of input partitions). SIGTERM or SIGINT: finish what was read,
commit, leave the group, exit 0.

Kafka options (each also from the environment, e.g. PHISCRUB_KAFKA_GROUP):
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
  // Unset options from the environment (containers, like the sidecar).
  for (auto& s : strs) {
    if (!s.field->empty()) continue;
    std::string env = "PHISCRUB_KAFKA_";
    for (const char* p = s.name; *p; ++p) env += *p == '-' ? '_' : static_cast<char>(toupper(*p));
    if (const char* v = getenv(env.c_str())) *s.field = v;
  }
  if (const char* v = getenv("PHISCRUB_KAFKA_EXACTLY_ONCE")) {
    k->exactly_once = k->exactly_once || strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
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
