// Throughput of the Kafka worker on librdkafka's mock cluster, next to the
// same records through the CLI's pipeline (LineFramer + BatchRedactor, as
// `phiscrub` runs them), on one machine.
//
//   phiscrub_kafka_bench [RECORDS] [THREADS...]     (default 50000, 1 2)
//
// The mock cluster runs in this process (its broker threads share the CPU
// with the worker), so the Kafka numbers are a floor for the worker's own
// cost plus the client library, not a broker benchmark. Records: fictitious
// PHI (a made-up SSN, 555-01xx phones, example.com mail), ~120 bytes each.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "kafka_worker.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"
#include "rdkafka_handles.h"

namespace {

using Clock = std::chrono::steady_clock;
using phiscrub::kafka::HandlePtr;

struct MockDeleter {
  void operator()(rd_kafka_mock_cluster_t* p) const { rd_kafka_mock_cluster_destroy(p); }
};

// dense: every record holds a name, an SSN, a phone and an e-mail address;
// sparse: application log lines, one in ten with a phone number.
std::vector<std::string> MakeValues(size_t n, bool dense) {
  std::vector<std::string> v;
  v.reserve(n);
  char buf[256];
  for (size_t i = 0; i < n; ++i) {
    if (dense) {
      snprintf(buf, sizeof buf,
               "rec=%zu Patient Dana Reyes SSN 219-09-9999 phone (415) 555-01%02zu email "
               "dana.reyes%zu@example.com",
               i, i % 100, i);
    } else if (i % 10 == 0) {
      snprintf(buf, sizeof buf,
               "2026-12-01T10:%02zu:%02zuZ INFO callback requested rec=%zu phone (415) 555-01%02zu "
               "queue=billing",
               i / 60 % 60, i % 60, i, i % 100);
    } else {
      snprintf(buf, sizeof buf,
               "2026-12-01T10:%02zu:%02zuZ INFO GET /v1/orders/%zu status=200 latency_ms=%zu "
               "bytes=%zu",
               i / 60 % 60, i % 60, i, i % 300, 512 + i % 4096);
    }
    v.push_back(buf);
  }
  return v;
}

bool Produce(const std::string& brokers, const std::string& topic,
             const std::vector<std::string>& values) {
  phiscrub::kafka::ConfPtr conf(rd_kafka_conf_new());
  char err[256];
  rd_kafka_conf_set(conf.get(), "bootstrap.servers", brokers.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf.get(), "linger.ms", "20", err, sizeof err);
  HandlePtr rk(rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), err, sizeof err));
  if (!rk) return false;
  conf.release();
  for (size_t i = 0; i < values.size(); ++i) {
    std::string key = "patient-" + std::to_string(i % 997);
    while (rd_kafka_producev(
               rk.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_KEY(key.data(), key.size()),
               RD_KAFKA_V_VALUE(const_cast<char*>(values[i].data()), values[i].size()),
               RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
               RD_KAFKA_V_END) == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      rd_kafka_poll(rk.get(), 10);
    }
  }
  return rd_kafka_flush(rk.get(), 120000) == RD_KAFKA_RESP_ERR_NO_ERROR;
}

// The CLI's path: one stream of lines, one thread.
double CliRate(const std::shared_ptr<const phiscrub::Ruleset>& rules,
               const std::vector<std::string>& values, double* mb_s) {
  std::string stream;
  for (const auto& v : values) stream += v + "\n";
  phiscrub::TextOptions text;
  phiscrub::BatchRedactor redactor(rules, text);
  phiscrub::LineFramer framer(text.max_record);
  phiscrub::RecordBatch batch;
  phiscrub::BatchResult result;
  auto t0 = Clock::now();
  const size_t chunk = 256 * 1024;
  for (size_t off = 0; off < stream.size(); off += chunk) {
    framer.Feed(std::string_view(stream).substr(off, chunk), &batch);
    redactor.Process(batch, &result);
    batch.Clear();
    result.Clear();
  }
  framer.Finish(&batch);
  redactor.Process(batch, &result);
  double s = std::chrono::duration<double>(Clock::now() - t0).count();
  *mb_s = static_cast<double>(stream.size()) / 1e6 / s;
  return static_cast<double>(values.size()) / s;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? strtoul(argv[1], nullptr, 10) : 50000;
  std::vector<int> threads;
  for (int i = 2; i < argc; ++i) threads.push_back(atoi(argv[i]));
  if (threads.empty()) threads = {1, 2};

  std::vector<phiscrub::Diagnostic> diags;
  auto rules = phiscrub::Ruleset::Compile(phiscrub::RulesetOptions(), &diags);
  if (!rules) return 1;
  for (bool dense : {false, true}) {
    const char* corpus = dense ? "dense" : "sparse";
    auto values = MakeValues(n, dense);
    size_t bytes = 0;
    for (const auto& v : values) bytes += v.size();

    double cli_mb = 0;
    double cli_rps = CliRate(rules, values, &cli_mb);
    printf(
        "{\"bench\":\"cli_pipeline\",\"corpus\":\"%s\",\"threads\":1,\"records\":%zu,"
        "\"records_per_s\":%.0f,\"mb_per_s\":%.2f}\n",
        corpus, n, cli_rps, cli_mb);
    fflush(stdout);

    for (int t : threads) {
      for (bool eos : {false, true}) {
        char err[256];
        phiscrub::kafka::ConfPtr conf(rd_kafka_conf_new());
        rd_kafka_conf_set(conf.get(), "log_level", "2", err, sizeof err);
        HandlePtr owner(rd_kafka_new(RD_KAFKA_PRODUCER, conf.release(), err, sizeof err));
        std::unique_ptr<rd_kafka_mock_cluster_t, MockDeleter> mc(
            rd_kafka_mock_cluster_new(owner.get(), 1));
        std::string brokers = rd_kafka_mock_cluster_bootstraps(mc.get());
        rd_kafka_mock_topic_create(mc.get(), "in", 6, 1);
        rd_kafka_mock_topic_create(mc.get(), "out", 6, 1);
        if (!Produce(brokers, "in", values)) return 1;

        phiscrub::kafka::KafkaOptions k;
        k.brokers = brokers;
        k.group = "bench";
        k.in_topic = "in";
        k.out_topic = "out";
        k.threads = t;
        k.exactly_once = eos;
        k.transactional_id = "bench-tx";
        k.config = {{"log_level", "2"}};
        phiscrub::kafka::KafkaWorker worker(rules, phiscrub::TextOptions(), k);
        std::string error;
        if (!worker.Init(&error)) {
          fprintf(stderr, "%s\n", error.c_str());
          return 1;
        }
        Clock::time_point t0;
        bool started = false;
        std::thread runner([&] { worker.Run(); });
        auto deadline = Clock::now() + std::chrono::seconds(300);
        while (worker.counters().records_out < n && Clock::now() < deadline) {
          if (!started && worker.counters().records_in > 0) {
            t0 = Clock::now();  // from the first record (group join excluded)
            started = true;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        double s = std::chrono::duration<double>(Clock::now() - t0).count();
        worker.Stop();
        runner.join();
        auto c = worker.counters();
        printf(
            "{\"bench\":\"kafka_worker\",\"corpus\":\"%s\",\"mode\":\"%s\",\"threads\":%d,"
            "\"records\":%llu,"
            "\"seconds\":%.2f,\"records_per_s\":%.0f,\"mb_per_s\":%.2f,"
            "\"records_per_s_per_thread\":%.0f,\"mb_per_s_per_thread\":%.2f}\n",
            corpus, eos ? "exactly_once" : "at_least_once", t, (unsigned long long)c.records_out, s,
            c.records_out / s, static_cast<double>(bytes) / 1e6 / s, c.records_out / s / t,
            static_cast<double>(bytes) / 1e6 / s / t);
        fflush(stdout);
      }
    }
  }
  return 0;
}
