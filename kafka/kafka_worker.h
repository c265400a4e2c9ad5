// KafkaWorker: a consumer-group member that redacts records from one topic to
// another (`phiscrub kafka`).
//
// Each record value of --in-topic is one stream for the text pipeline
// (phiscrub/pipeline.h): its lines are redacted as text, NDJSON, a
// transcript, or the whole value as one JSON document (vendor payloads),
// per TextOptions::format. The record goes to --out-topic with its key and
// headers, plus the header `phiscrub-ruleset` (RulesetVersion); the
// producer partitions by key with murmur2 (as Java clients do), so records
// of one key stay in one partition and keep their order.
//
// Delivery:
//   at-least-once (default): offsets are committed only up to the last
//     record whose output the brokers acknowledged (idempotent producer).
//     A crash re-delivers, never loses.
//   exactly-once (--exactly-once): read-process-write in Kafka transactions;
//     input offsets go into the transaction (send_offsets_to_transaction), so
//     output and progress commit together; an aborted transaction rewinds.
// Fail closed: a record with any part that cannot be redacted (oversize,
// invalid UTF-8, malformed JSON, engine error) is written as the placeholder
// the pipeline renders, or, with a dead-letter topic, replaced there by a
// record with no key and no value, only headers naming the reason and the
// source topic, partition and offset. Both are counted. Raw input is never
// produced.
//
// Rebalances: before partitions are revoked, everything read from them is
// redacted, produced and acknowledged (or its transaction committed), then
// their offsets are committed. A lost assignment drops in-flight state
// without committing. Back-pressure: at most max_inflight_bytes of input are
// between consume and acknowledgement; above that the worker stops reading.
//
// Lifetime: one per process (or per test instance). Run() blocks on the
// calling thread (the consumer/producer thread) and starts `threads` redaction
// threads, each with its own BatchRedactor (one Scanner). Stop() is
// async-signal-safe and may be called from any thread or a signal handler:
// Run() then drains (redact, produce, acknowledge, commit), leaves the group
// and returns.
//
// Usage:
//   phiscrub::kafka::KafkaOptions k;
//   k.brokers = "kafka:9092"; k.group = "phiscrub";
//   k.in_topic = "logs.raw"; k.out_topic = "logs.clean";
//   phiscrub::kafka::KafkaWorker w(rules, text_options, k);
//   std::string err;
//   if (!w.Init(&err)) ...;
//   int rc = w.Run();   // until Stop()
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"

namespace phiscrub::kafka {

struct KafkaOptions {
  std::string brokers;  // bootstrap.servers
  std::string group;    // group.id
  std::string in_topic;
  std::string out_topic;
  std::string dead_letter_topic;  // empty: withheld records become placeholders
  bool exactly_once = false;
  // transactional.id for --exactly-once; empty: "phiscrub-<group>-<hostname>".
  // Must be unique per running worker and stable across its restarts.
  std::string transactional_id;
  int threads = 1;
  // Input bytes consumed and not yet acknowledged (or committed): above this
  // the worker stops consuming until acknowledgements come back.
  size_t max_inflight_bytes = 64u << 20;
  // A batch handed to one redaction thread.
  size_t batch_records = 512;
  // --exactly-once: a transaction spans at most this long / this many records.
  int transaction_ms = 100;
  size_t transaction_records = 20000;
  // at-least-once: acknowledged offsets are committed this often.
  int commit_interval_ms = 500;
  // Extra librdkafka properties (-X key=value), applied to consumer and
  // producer alike (security.protocol, sasl.*, ssl.*, ...), after ours.
  std::vector<std::pair<std::string, std::string>> config;
  // Prometheus text-format metrics, rewritten atomically every
  // metrics_interval_ms (for node_exporter's textfile collector or a
  // sidecar); empty: none.
  std::string metrics_file;
  // HOST:PORT (or PORT: 127.0.0.1) where the front end serves GET /metrics
  // with RenderMetrics(); the port it bound is written to metrics_port_file.
  // The worker itself only refreshes the gauges (lag, in-flight bytes,
  // assignment) every metrics_interval_ms when this or metrics_file is set.
  std::string metrics_listen;
  std::string metrics_port_file;
  int metrics_interval_ms = 5000;
  // How long a drain (SIGTERM, revoke) waits for acknowledgements.
  int drain_timeout_ms = 30000;
  bool verbose = false;  // partition assignments on stderr (no content)
};

// Totals since start; safe for side channels (counts only).
struct KafkaCounters {
  uint64_t records_in = 0;     // consumed
  uint64_t records_out = 0;    // acknowledged on out_topic
  uint64_t dead_lettered = 0;  // acknowledged on dead_letter_topic
  uint64_t failed_closed = 0;  // records with a withheld part
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
  uint64_t produce_errors = 0;  // delivery failures (fatal for the run)
  uint64_t rebalances = 0;
  uint64_t transactions = 0;  // committed
  uint64_t aborted_transactions = 0;
};

// Identifies the compiled rules and policy a record was redacted with:
// "<version>+<rules>r.<sha256 prefix>" over every rule's id, entity and
// pattern, the entities' actions and the placeholder (no key material).
std::string RulesetVersion(const Ruleset& rules);

class KafkaWorker {
 public:
  KafkaWorker(std::shared_ptr<const Ruleset> rules, TextOptions text, KafkaOptions options);
  ~KafkaWorker();
  KafkaWorker(const KafkaWorker&) = delete;
  KafkaWorker& operator=(const KafkaWorker&) = delete;

  // Creates the consumer and producer (and initialises transactions).
  // False with *error set (configuration, never content) on failure.
  bool Init(std::string* error);
  // Consumes until Stop(), then drains. 0: clean stop; 2: fatal error (named
  // on stderr); offsets past unacknowledged records are never committed.
  int Run();
  // Async-signal-safe.
  void Stop() { stop_.store(true, std::memory_order_relaxed); }

  KafkaCounters counters() const;
  // Prometheus text format: records, failures, lag per partition, ...
  // Thread-safe: a metrics endpoint may call it from its own thread.
  std::string RenderMetrics() const;

  struct Impl;

 private:
  std::atomic<bool> stop_{false};
  std::unique_ptr<Impl> impl_;
};

}  // namespace phiscrub::kafka
