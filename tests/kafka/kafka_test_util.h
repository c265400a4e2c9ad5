// Test harness for `phiscrub kafka`: librdkafka's mock cluster in this process
// (real Kafka protocol on 127.0.0.1), workers as child processes running the
// real binary, a producer for input and a reader of the output topics.
#pragma once

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "rdkafka_handles.h"

namespace phiscrub::kafka::testing {

// Kafka API keys (the protocol's numbers; librdkafka keeps its enum private).
enum ApiKey : int16_t {
  kProduce = 0,
  kFetch = 1,
  kOffsetCommit = 8,
  kOffsetFetch = 9,
  kHeartbeat = 12,
  kAddPartitionsToTxn = 24,
  kAddOffsetsToTxn = 25,
  kEndTxn = 26,
  kTxnOffsetCommit = 28,
};

struct MockDeleter {
  void operator()(rd_kafka_mock_cluster_t* p) const { rd_kafka_mock_cluster_destroy(p); }
};

// Owns a mock cluster (and the handle it lives in).
class MockCluster {
 public:
  explicit MockCluster(int brokers);
  ~MockCluster();
  const std::string& bootstraps() const { return bootstraps_; }
  rd_kafka_mock_cluster_t* get() const { return cluster_.get(); }
  void CreateTopic(const std::string& name, int partitions);

 private:
  HandlePtr owner_;
  std::unique_ptr<rd_kafka_mock_cluster_t, MockDeleter> cluster_;
  std::string bootstraps_;
};

// A `phiscrub kafka` child process; killed (SIGKILL) if still running when
// destroyed.
class Worker {
 public:
  Worker(const std::vector<std::string>& args, const std::string& log_path);
  ~Worker();
  void Kill(int sig);
  // Exit status (as from waitpid), or -1 when it did not exit in time.
  int Wait(std::chrono::milliseconds timeout);
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
};

std::string PhiscrubBinary();

// One produced input record.
struct InputSpec {
  std::string key;
  std::string value;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Produces `records` to `topic` (murmur2 partitioner, like the workers), waits
// for every acknowledgement. Returns the number acknowledged.
size_t ProduceAll(const std::string& brokers, const std::string& topic,
                  const std::vector<InputSpec>& records);

// One record read back.
struct OutRecord {
  int32_t partition;
  int64_t offset;
  std::string key;
  bool has_value;
  std::string value;
  std::map<std::string, std::string> headers;
};

// Reads `topic` (all partitions, from the beginning, read_committed) until
// `done` returns true for the records so far or `timeout` passes.
class Reader {
 public:
  Reader(const std::string& brokers, const std::string& topic, int partitions);
  // Appends what arrives within `ms` to records().
  void Poll(int ms);
  const std::vector<OutRecord>& records() const { return records_; }

 private:
  HandlePtr rk_;
  std::vector<OutRecord> records_;
};

// The group's committed offsets of `topic`, as "p:offset ..." (diagnostics).
std::string CommittedOffsets(const std::string& brokers, const std::string& group,
                             const std::string& topic, int partitions);

// Reads the metrics file's value of `series` (exact text before the space),
// or -1.
double MetricValue(const std::string& path, const std::string& series);

}  // namespace phiscrub::kafka::testing
