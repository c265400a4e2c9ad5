// `phiscrub kafka` end to end on librdkafka's mock cluster: workers are the
// real binary in child processes, the cluster speaks the Kafka protocol on
// 127.0.0.1 inside this test process. All record contents are fictitious.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kafka_test_util.h"

namespace phiscrub::kafka::testing {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr int kPartitions = 6;
constexpr int kKeys = 997;

size_t RecordCount() {
  // PHISCRUB_KAFKA_RECORDS: a smaller run while developing; the suite runs
  // the 100,000 the issue asks for.
  const char* n = getenv("PHISCRUB_KAFKA_RECORDS");
  return n ? strtoul(n, nullptr, 10) : 100000;
}

// Worker logs and metrics files; removed when the test passed (declared
// before the workers, so it goes after them), kept for a look when it failed.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    char tmpl[] = "/tmp/phiscrub_kafka_XXXXXX";
    const char* d = mkdtemp(tmpl);
    if (!d) throw std::runtime_error("mkdtemp failed");
    path = d;
  }
  ~ScratchDir() {
    if (!::testing::Test::HasFailure()) std::filesystem::remove_all(path);
  }
};

// Fictitious PHI only: 555-01xx phones, a made-up SSN, example.com mail.
std::vector<InputSpec> MakeRecords(size_t n) {
  std::vector<InputSpec> out;
  out.reserve(n);
  std::vector<int> seq(kKeys, 0);
  char buf[512];
  for (size_t i = 0; i < n; ++i) {
    int k = static_cast<int>((i * 7919) % kKeys);
    InputSpec r;
    snprintf(buf, sizeof buf, "patient-%04d", k);
    r.key = buf;
    snprintf(buf, sizeof buf,
             "k=%s seq=%d rec=%zu Patient Dana Reyes SSN 219-09-9999 phone (415) 555-01%02zu "
             "email dana.reyes%zu@example.com%s",
             r.key.c_str(), seq[k]++, i, i % 100, i, i % 2 ? "\n" : "");
    r.value = buf;
    r.headers = {{"trace-id", "t-" + std::to_string(i)}};
    out.push_back(std::move(r));
  }
  return out;
}

// What the output of MakeRecords shows.
struct Tally {
  std::vector<int> seen;  // per input record
  size_t distinct = 0;
  size_t duplicates = 0;
  size_t leaks = 0;             // a raw value reached the output
  size_t order_violations = 0;  // a key's record before one it follows
  size_t bad_records = 0;       // key, headers or ruleset header missing
  std::map<std::string, int> next_seq;
  size_t scanned = 0;

  explicit Tally(size_t n) : seen(n, 0) {}

  void Add(const std::vector<OutRecord>& recs) {
    for (; scanned < recs.size(); ++scanned) {
      const OutRecord& r = recs[scanned];
      const std::string& v = r.value;
      if (v.find("219-09-9999") != std::string::npos || v.find("555-01") != std::string::npos ||
          v.find("@example.com") != std::string::npos || v.find("Reyes") != std::string::npos) {
        ++leaks;
      }
      size_t rp = v.find(" rec=");
      size_t sp = v.find(" seq=");
      if (rp == std::string::npos || sp == std::string::npos ||
          v.find("[US_SSN]") == std::string::npos ||
          v.compare(0, 2 + r.key.size(), "k=" + r.key) != 0 ||
          !r.headers.count("phiscrub-ruleset") || !r.headers.count("trace-id")) {
        ++bad_records;
        continue;
      }
      size_t id = strtoul(v.c_str() + rp + 5, nullptr, 10);
      int s = atoi(v.c_str() + sp + 5);
      if (id >= seen.size() || r.headers.at("trace-id") != "t-" + std::to_string(id)) {
        ++bad_records;
        continue;
      }
      if (seen[id]++ == 0) {
        ++distinct;
      } else {
        ++duplicates;
      }
      // A replay (at-least-once) may repeat earlier records of the key; a
      // record may never come before the one right before it.
      int& next = next_seq[r.key];
      if (s == next) {
        ++next;
      } else if (s > next) {
        ++order_violations;
      }
    }
  }
};

// The mock cluster checks produce sequence numbers only for transactional
// producers (librdkafka 2.0.2 src/rdkafka_mock.c, rd_kafka_mock_validate_records:
// `if (!TransactionalId || ...) return RD_KAFKA_RESP_ERR_NO_ERROR`). With several requests in
// flight, an injected error on request R1 and a success on R2 make the
// idempotent producer conclude R1 was written (rd_kafka_dr_implicit_ack: a real
// broker only accepts R2 after R1), or raise a fatal error; the mock never
// wrote R1. One request in flight per connection keeps the at-least-once tests
// about the worker, not about that gap in the mock. Transactional producers
// (--exactly-once) are validated by the mock and keep the default of 5.
const char* const kOneInFlight[2] = {"-X", "max.in.flight.requests.per.connection=1"};

std::vector<std::string> WorkerArgs(const MockCluster& c, const std::string& dir,
                                    const std::string& name, std::vector<std::string> extra) {
  std::vector<std::string> a = {"kafka",
                                "--bootstrap-servers",
                                c.bootstraps(),
                                "--group",
                                "phiscrub-test",
                                "--in-topic",
                                "in",
                                "--out-topic",
                                "out",
                                "--threads",
                                "1",
                                "--metrics-file",
                                dir + "/" + name + ".prom",
                                "--metrics-interval",
                                "200",
                                "-X",
                                "session.timeout.ms=6000",
                                "-X",
                                "heartbeat.interval.ms=300",
                                "-X",
                                "log_level=4",
                                "--verbose"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

void PrintLog(const std::string& path) {
  FILE* f = fopen(path.c_str(), "r");
  if (!f) return;
  char line[512];
  int n = 0;
  while (fgets(line, sizeof line, f) && n++ < 40) fprintf(stderr, "  | %s", line);
  fclose(f);
}

// Where the first missing records were in the input, and the group's
// committed offsets (diagnostics for a failure).
void PrintMissing(const MockCluster& cluster, const Tally& tally) {
  Reader in(cluster.bootstraps(), "in", kPartitions);
  in.Poll(3000);
  int shown = 0;
  for (const auto& r : in.records()) {
    size_t rp = r.value.find(" rec=");
    size_t id = strtoul(r.value.c_str() + rp + 5, nullptr, 10);
    if (id < tally.seen.size() && tally.seen[id] == 0 && shown++ < 20) {
      fprintf(stderr, "missing rec=%zu key=%s in partition %d offset %lld\n", id, r.key.c_str(),
              r.partition, static_cast<long long>(r.offset));
    }
  }
  // Is it in the output topic after all (the test's reader missed it)?
  Reader out(cluster.bootstraps(), "out", kPartitions);
  out.Poll(5000);
  size_t found = 0;
  for (const auto& r : out.records()) {
    size_t rp = r.value.find(" rec=");
    if (rp == std::string::npos) continue;
    size_t id = strtoul(r.value.c_str() + rp + 5, nullptr, 10);
    if (id < tally.seen.size() && tally.seen[id] == 0) {
      ++found;
      fprintf(stderr, "rec=%zu found on re-read: out partition %d offset %lld\n", id, r.partition,
              static_cast<long long>(r.offset));
    }
  }
  fprintf(stderr, "re-read %zu output records, %zu missing ones found\n", out.records().size(),
          found);
  fprintf(stderr, "committed: %s\n",
          CommittedOffsets(cluster.bootstraps(), "phiscrub-test", "in", kPartitions).c_str());
}

// Waits until the workers' metrics show every partition assigned.
bool WaitAssigned(const std::vector<std::string>& metric_files, int total, int ms) {
  auto deadline = Clock::now() + milliseconds(ms);
  while (Clock::now() < deadline) {
    int sum = 0;
    bool all = true;
    for (const auto& f : metric_files) {
      double v = MetricValue(f, "phiscrub_kafka_assigned_partitions");
      all = all && v > 0;
      sum += v > 0 ? static_cast<int>(v) : 0;
    }
    if (all && sum == total) return true;
    std::this_thread::sleep_for(milliseconds(100));
  }
  return false;
}

TEST(KafkaWorker, AtLeastOnceTwoWorkersOneKilledWithBrokerErrors) {
  const size_t n = RecordCount();
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(3);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  auto t0 = Clock::now();
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeRecords(n)), n);
  double produce_s = std::chrono::duration<double>(Clock::now() - t0).count();

  Worker a(WorkerArgs(cluster, dir, "a", {kOneInFlight[0], kOneInFlight[1]}), dir + "/a.log");
  Worker b(WorkerArgs(cluster, dir, "b", {kOneInFlight[0], kOneInFlight[1]}), dir + "/b.log");
  // Broker errors on every path the workers use; all retriable.
  rd_kafka_mock_push_request_errors(
      cluster.get(), kProduce, 4, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
      RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
      RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE);
  rd_kafka_mock_push_request_errors(cluster.get(), kOffsetCommit, 2,
                                    RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
                                    RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT);
  rd_kafka_mock_push_request_errors(cluster.get(), kFetch, 2,
                                    RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
                                    RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
  Reader reader(cluster.bootstraps(), "out", kPartitions);
  Tally tally(n);
  bool killed = false;
  auto deadline = Clock::now() + std::chrono::seconds(150);
  auto t1 = Clock::now();
  while (tally.distinct < n && Clock::now() < deadline) {
    reader.Poll(100);
    tally.Add(reader.records());
    if (!killed && tally.distinct >= n / 4) {
      b.Kill(SIGKILL);  // mid-way, whatever it had in flight
      killed = true;
      // More errors while the group rebalances.
      rd_kafka_mock_push_request_errors(cluster.get(), kProduce, 2,
                                        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
                                        RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT);
    }
  }
  double run_s = std::chrono::duration<double>(Clock::now() - t1).count();
  reader.Poll(500);  // late duplicates count too
  tally.Add(reader.records());
  a.Kill(SIGTERM);
  int st = a.Wait(std::chrono::seconds(40));
  fprintf(stderr, "records=%zu produce_s=%.1f redact_s=%.1f distinct=%zu duplicates=%zu\n", n,
          produce_s, run_s, tally.distinct, tally.duplicates);
  ::testing::Test::RecordProperty("duplicates", static_cast<int>(tally.duplicates));
  EXPECT_TRUE(killed);
  EXPECT_EQ(tally.distinct, n) << "records lost";
  EXPECT_EQ(tally.leaks, 0u);
  EXPECT_EQ(tally.order_violations, 0u);
  EXPECT_EQ(tally.bad_records, 0u);
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << "worker a status " << st;
  EXPECT_GT(MetricValue(dir + "/a.prom", "phiscrub_kafka_rebalances_total"), 1);
  EXPECT_EQ(MetricValue(dir + "/a.prom", "phiscrub_kafka_consumer_lag_sum"), 0);
  if (HasFailure()) {
    PrintLog(dir + "/a.log");
    PrintLog(dir + "/b.log");
    PrintMissing(cluster, tally);
  }
}

TEST(KafkaWorker, ExactlyOnceTwoWorkersWithBrokerErrors) {
  const size_t n = RecordCount();
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(3);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  Worker a(WorkerArgs(cluster, dir, "a", {"--exactly-once", "--transactional-id", "tx-a"}),
           dir + "/a.log");
  Worker b(WorkerArgs(cluster, dir, "b", {"--exactly-once", "--transactional-id", "tx-b"}),
           dir + "/b.log");
  // The mock cluster keeps neither transactional offset commits nor aborted
  // transactions apart (see README): the group settles before input arrives,
  // so no partition changes hands mid-stream.
  ASSERT_TRUE(WaitAssigned({dir + "/a.prom", dir + "/b.prom"}, kPartitions, 60000));
  auto t0 = Clock::now();
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeRecords(n)), n);
  rd_kafka_mock_push_request_errors(
      cluster.get(), kProduce, 3, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
      RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS);
  rd_kafka_mock_push_request_errors(cluster.get(), kAddPartitionsToTxn, 2,
                                    RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS,
                                    RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS);
  rd_kafka_mock_push_request_errors(cluster.get(), kTxnOffsetCommit, 1,
                                    RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS);
  rd_kafka_mock_push_request_errors(cluster.get(), kEndTxn, 2,
                                    RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
                                    RD_KAFKA_RESP_ERR_CONCURRENT_TRANSACTIONS);
  Reader reader(cluster.bootstraps(), "out", kPartitions);
  Tally tally(n);
  auto deadline = Clock::now() + std::chrono::seconds(150);
  while (tally.distinct < n && Clock::now() < deadline) {
    reader.Poll(100);
    tally.Add(reader.records());
  }
  double run_s = std::chrono::duration<double>(Clock::now() - t0).count();
  reader.Poll(1000);
  tally.Add(reader.records());
  a.Kill(SIGTERM);
  b.Kill(SIGTERM);
  int sa = a.Wait(std::chrono::seconds(40));
  int sb = b.Wait(std::chrono::seconds(40));
  fprintf(stderr, "records=%zu produce+redact_s=%.1f distinct=%zu duplicates=%zu\n", n, run_s,
          tally.distinct, tally.duplicates);
  EXPECT_EQ(tally.distinct, n) << "records lost";
  EXPECT_EQ(tally.duplicates, 0u) << "not exactly once";
  EXPECT_EQ(tally.leaks, 0u);
  EXPECT_EQ(tally.order_violations, 0u);
  EXPECT_EQ(tally.bad_records, 0u);
  EXPECT_TRUE(sa >= 0 && WIFEXITED(sa) && WEXITSTATUS(sa) == 0) << "worker a status " << sa;
  EXPECT_TRUE(sb >= 0 && WIFEXITED(sb) && WEXITSTATUS(sb) == 0) << "worker b status " << sb;
  double txa = MetricValue(dir + "/a.prom", "phiscrub_kafka_transactions_total");
  double txb = MetricValue(dir + "/b.prom", "phiscrub_kafka_transactions_total");
  EXPECT_GT(txa, 0);
  EXPECT_GT(txb, 0);
  EXPECT_EQ(
      MetricValue(dir + "/a.prom", "phiscrub_kafka_records_produced_total{topic=\"out\"}") +
          MetricValue(dir + "/b.prom", "phiscrub_kafka_records_produced_total{topic=\"out\"}"),
      static_cast<double>(n));
  if (HasFailure()) {
    PrintLog(dir + "/a.log");
    PrintLog(dir + "/b.log");
  }
}

// The mock cluster does not store transactional offset commits and shows
// aborted records to read_committed readers (see README), so a crash under
// --exactly-once cannot show exactly-once here. What it can show: the worker
// that takes over loses nothing, leaks nothing and keeps per-key order.
TEST(KafkaWorker, ExactlyOnceWorkerKilledLosesNothingOnMock) {
  const size_t n = std::min<size_t>(RecordCount(), 30000);
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(3);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeRecords(n)), n);
  Worker a(WorkerArgs(cluster, dir, "a", {"--exactly-once", "--transactional-id", "tx-a"}),
           dir + "/a.log");
  Worker b(WorkerArgs(cluster, dir, "b", {"--exactly-once", "--transactional-id", "tx-b"}),
           dir + "/b.log");
  Reader reader(cluster.bootstraps(), "out", kPartitions);
  Tally tally(n);
  bool killed = false;
  auto deadline = Clock::now() + std::chrono::seconds(120);
  while (tally.distinct < n && Clock::now() < deadline) {
    reader.Poll(100);
    tally.Add(reader.records());
    if (!killed && tally.distinct >= n / 4) {
      b.Kill(SIGKILL);
      killed = true;
    }
  }
  reader.Poll(300);
  tally.Add(reader.records());
  a.Kill(SIGTERM);
  int st = a.Wait(std::chrono::seconds(40));
  fprintf(stderr, "records=%zu distinct=%zu duplicates=%zu (mock: no aborted-record filtering)\n",
          n, tally.distinct, tally.duplicates);
  EXPECT_TRUE(killed);
  EXPECT_EQ(tally.distinct, n) << "records lost";
  EXPECT_EQ(tally.leaks, 0u);
  EXPECT_EQ(tally.order_violations, 0u);
  EXPECT_EQ(tally.bad_records, 0u);
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << "worker a status " << st;
  EXPECT_GT(MetricValue(dir + "/a.prom", "phiscrub_kafka_transactions_total"), 0);
  if (HasFailure()) {
    PrintLog(dir + "/a.log");
    PrintLog(dir + "/b.log");
    PrintMissing(cluster, tally);
  }
}

// Records that cannot be redacted: malformed JSON, invalid UTF-8, oversize.
std::vector<InputSpec> MakeFaultyNdjson(size_t n, std::vector<std::string>* reasons) {
  std::vector<InputSpec> out;
  for (size_t i = 0; i < n; ++i) {
    InputSpec r;
    r.key = "patient-" + std::to_string(i % 13);
    r.headers = {{"trace-id", "t-" + std::to_string(i)}};
    std::string phi = "SSN 219-09-9999, call (415) 555-0142";
    switch (i % 4) {
      case 0:
      case 1:
        r.value = "{\"rec\":" + std::to_string(i) + ",\"note\":\"" + phi + "\"}\n";
        reasons->push_back("");
        break;
      case 2:
        r.value = "{\"rec\":" + std::to_string(i) + ",\"note\":\"" + phi + "\"";  // cut short
        reasons->push_back("malformed_json");
        break;
      case 3:
        if (i % 8 == 3) {
          r.value = "{\"rec\":" + std::to_string(i) + ",\"note\":\"" + phi + " \xff\xfe\"}";
          reasons->push_back("invalid_utf8");
        } else {
          r.value = "{\"rec\":" + std::to_string(i) + ",\"note\":\"" + phi + std::string(600, 'x') +
                    "\"}";
          reasons->push_back("oversize");
        }
        break;
    }
    out.push_back(std::move(r));
  }
  return out;
}

bool Leaks(const std::string& v) {
  return v.find("219-09-9999") != std::string::npos || v.find("555-0142") != std::string::npos;
}

TEST(KafkaWorker, FailClosedToDeadLetterTopic) {
  const size_t n = 800;
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(1);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  cluster.CreateTopic("dlq", 1);
  std::vector<std::string> reasons;
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeFaultyNdjson(n, &reasons)), n);
  Worker w(WorkerArgs(cluster, dir, "w",
                      {"--format", "ndjson", "--max-record", "512", "--dead-letter-topic", "dlq"}),
           dir + "/w.log");
  Reader out(cluster.bootstraps(), "out", kPartitions);
  Reader dlq(cluster.bootstraps(), "dlq", 1);
  size_t want_dlq = 0;
  for (auto& r : reasons) want_dlq += !r.empty();
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while ((out.records().size() < n - want_dlq || dlq.records().size() < want_dlq) &&
         Clock::now() < deadline) {
    out.Poll(100);
    dlq.Poll(50);
  }
  w.Kill(SIGTERM);
  int st = w.Wait(std::chrono::seconds(30));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
  ASSERT_EQ(out.records().size(), n - want_dlq);
  ASSERT_EQ(dlq.records().size(), want_dlq);
  for (const auto& r : out.records()) {
    EXPECT_FALSE(Leaks(r.value));
    EXPECT_NE(r.value.find("[US_SSN]"), std::string::npos) << "not redacted";
    ASSERT_TRUE(r.headers.count("phiscrub-ruleset"));
    EXPECT_TRUE(std::regex_match(r.headers.at("phiscrub-ruleset"),
                                 std::regex("[0-9]+\\.[0-9]+\\.[0-9]+\\+[0-9]+r\\.[0-9a-f]{16}")))
        << r.headers.at("phiscrub-ruleset");
    EXPECT_EQ(r.key.rfind("patient-", 0), 0u);
  }
  std::map<std::string, int> by_reason;
  for (const auto& r : dlq.records()) {
    EXPECT_FALSE(r.has_value);
    EXPECT_TRUE(r.key.empty());
    EXPECT_EQ(r.headers.count("trace-id"), 0u) << "original headers must not go to the DLQ";
    ASSERT_TRUE(r.headers.count("phiscrub-source-offset"));
    EXPECT_EQ(r.headers.at("phiscrub-source-topic"), "in");
    ++by_reason[r.headers.at("phiscrub-reason")];
    for (const auto& h : r.headers) EXPECT_FALSE(Leaks(h.second));
  }
  std::map<std::string, int> want;
  for (auto& r : reasons) {
    if (!r.empty()) ++want[r];
  }
  EXPECT_EQ(by_reason, want);
  std::string prom = dir + "/w.prom";
  EXPECT_EQ(MetricValue(prom, "phiscrub_kafka_records_produced_total{topic=\"dead_letter\"}"),
            static_cast<double>(want_dlq));
  EXPECT_EQ(MetricValue(prom, "phiscrub_kafka_failed_closed_total{reason=\"malformed_json\"}"),
            want["malformed_json"]);
  EXPECT_EQ(MetricValue(prom, "phiscrub_kafka_failed_closed_total{reason=\"oversize\"}"),
            want["oversize"]);
  EXPECT_GT(MetricValue(prom, "phiscrub_kafka_findings_total{entity=\"US_SSN\"}"), 0);
  if (HasFailure()) PrintLog(dir + "/w.log");
}

TEST(KafkaWorker, FailClosedPlaceholderWithoutDeadLetterTopic) {
  const size_t n = 400;
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(1);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  std::vector<std::string> reasons;
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeFaultyNdjson(n, &reasons)), n);
  Worker w(WorkerArgs(cluster, dir, "w", {"--format", "ndjson", "--max-record", "512"}),
           dir + "/w.log");
  Reader out(cluster.bootstraps(), "out", kPartitions);
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while (out.records().size() < n && Clock::now() < deadline) out.Poll(100);
  w.Kill(SIGTERM);
  int st = w.Wait(std::chrono::seconds(30));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
  ASSERT_EQ(out.records().size(), n);
  size_t placeholders = 0;
  for (const auto& r : out.records()) {
    EXPECT_FALSE(Leaks(r.value));
    if (r.value.find("phiscrub_error") != std::string::npos) ++placeholders;
    EXPECT_EQ(r.headers.count("trace-id"), 1u);
  }
  size_t want = 0;
  for (auto& r : reasons) want += !r.empty();
  EXPECT_EQ(placeholders, want);
  EXPECT_EQ(
      MetricValue(dir + "/w.prom", "phiscrub_kafka_records_dead_lettered_or_placeholder_total"),
      static_cast<double>(want));
  if (HasFailure()) PrintLog(dir + "/w.log");
}

TEST(KafkaWorker, BrokerDownAndBackWithBoundedInflight) {
  const size_t n = std::min<size_t>(RecordCount(), 20000);
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(3);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeRecords(n)), n);
  const size_t bound = 64 * 1024;
  Worker w(
      WorkerArgs(cluster, dir, "w",
                 {"--max-inflight", "64K", "--threads", "2", kOneInFlight[0], kOneInFlight[1]}),
      dir + "/w.log");
  Reader reader(cluster.bootstraps(), "out", kPartitions);
  Tally tally(n);
  bool down = false, up = false;
  double max_inflight = 0;
  Clock::time_point down_at;
  auto deadline = Clock::now() + std::chrono::seconds(90);
  while (tally.distinct < n && Clock::now() < deadline) {
    reader.Poll(100);
    tally.Add(reader.records());
    max_inflight =
        std::max(max_inflight, MetricValue(dir + "/w.prom", "phiscrub_kafka_inflight_bytes"));
    if (!down && tally.distinct >= n / 5) {
      ASSERT_EQ(rd_kafka_mock_broker_set_down(cluster.get(), 2), RD_KAFKA_RESP_ERR_NO_ERROR);
      down = true;
      down_at = Clock::now();
    }
    if (down && !up && Clock::now() - down_at > std::chrono::seconds(3)) {
      ASSERT_EQ(rd_kafka_mock_broker_set_up(cluster.get(), 2), RD_KAFKA_RESP_ERR_NO_ERROR);
      up = true;
    }
  }
  // A fast worker may finish within the 3 s the broker is down: bring it
  // back all the same, so the shutdown below runs against the full cluster.
  if (down && !up) {
    std::this_thread::sleep_until(down_at + std::chrono::seconds(3));
    ASSERT_EQ(rd_kafka_mock_broker_set_up(cluster.get(), 2), RD_KAFKA_RESP_ERR_NO_ERROR);
    up = true;
  }
  reader.Poll(300);
  tally.Add(reader.records());
  w.Kill(SIGTERM);
  int st = w.Wait(std::chrono::seconds(40));
  EXPECT_TRUE(down);
  EXPECT_TRUE(up);
  EXPECT_EQ(tally.distinct, n);
  EXPECT_EQ(tally.leaks, 0u);
  EXPECT_EQ(tally.order_violations, 0u);
  EXPECT_EQ(tally.bad_records, 0u);
  EXPECT_LE(max_inflight, static_cast<double>(bound + 1024));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
  if (HasFailure()) PrintLog(dir + "/w.log");
}

std::string ReadFile(const std::string& path) {
  std::string s;
  FILE* f = fopen(path.c_str(), "r");
  if (!f) return s;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
  fclose(f);
  return s;
}

#ifdef PHISCRUB_SCRAPE_SCRIPT
// Waits for the port file --metrics-port-file writes; 0 when it does not come.
int WaitPort(const std::string& path, int ms) {
  auto deadline = Clock::now() + milliseconds(ms);
  while (Clock::now() < deadline) {
    FILE* f = fopen(path.c_str(), "r");
    int port = 0;
    if (f) {
      if (fscanf(f, "%d", &port) != 1) port = 0;
      fclose(f);
    }
    if (port > 0) return port;
    std::this_thread::sleep_for(milliseconds(50));
  }
  return 0;
}

// GET http://127.0.0.1:PORT/metrics with a real HTTP client (Python's
// urllib), the exposition checked by the strict parser of the phiscrubd tests
// (tests/kafka/scrape_metrics.py). True when it was served and parsed; the
// text is then in `out`.
bool Scrape(int port, const std::string& out, const std::string& err) {
  std::string cmd = std::string("'") + PHISCRUB_PYTHON + "' '" + PHISCRUB_SCRAPE_SCRIPT +
                    "' http://127.0.0.1:" + std::to_string(port) + "/metrics '" + out +
                    "' >/dev/null 2>>'" + err + "'";
  int st = std::system(cmd.c_str());
  return st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

// --metrics-listen: the worker's metrics on GET /metrics, scraped and parsed
// while it works through the topic, then again once everything is out.
TEST(KafkaWorker, MetricsServedOverHttpDuringARun) {
  const size_t n = std::min<size_t>(RecordCount(), 20000);
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(3);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeRecords(n)), n);
  Worker w(WorkerArgs(cluster, dir, "w",
                      {"--metrics-listen", "127.0.0.1:0", "--metrics-port-file", dir + "/port",
                       "--max-inflight", "64K", kOneInFlight[0], kOneInFlight[1]}),
           dir + "/w.log");
  const int port = WaitPort(dir + "/port", 20000);
  ASSERT_GT(port, 0) << ReadFile(dir + "/w.log");
  Reader reader(cluster.bootstraps(), "out", kPartitions);
  Tally tally(n);
  const std::string mid = dir + "/mid.prom", last = dir + "/last.prom", err = dir + "/scrape.err";
  bool scraped_mid = false;
  double mid_consumed = -1, mid_assigned = -1;
  auto deadline = Clock::now() + std::chrono::seconds(90);
  while (tally.distinct < n && Clock::now() < deadline) {
    reader.Poll(100);
    tally.Add(reader.records());
    if (!scraped_mid && tally.distinct >= n / 4 && tally.distinct < n) {
      ASSERT_TRUE(Scrape(port, mid, err)) << ReadFile(err);
      scraped_mid = true;
      mid_consumed = MetricValue(mid, "phiscrub_kafka_records_consumed_total");
      mid_assigned = MetricValue(mid, "phiscrub_kafka_assigned_partitions");
    }
  }
  EXPECT_EQ(tally.distinct, n);
  EXPECT_EQ(tally.leaks, 0u);
  EXPECT_TRUE(scraped_mid) << "the run ended before a scrape";
  EXPECT_GE(mid_consumed, static_cast<double>(n / 4));
  EXPECT_LE(mid_consumed, static_cast<double>(n));
  EXPECT_EQ(mid_assigned, kPartitions);
  // Everything out: the counters reach n and the lag 0 (gauges refresh every
  // --metrics-interval, 200 ms).
  double produced = -1, lag = -1;
  auto settle = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < settle) {
    ASSERT_TRUE(Scrape(port, last, err)) << ReadFile(err);
    produced = MetricValue(last, "phiscrub_kafka_records_produced_total{topic=\"out\"}");
    lag = MetricValue(last, "phiscrub_kafka_consumer_lag_sum");
    if (produced == static_cast<double>(n) && lag == 0) break;
    std::this_thread::sleep_for(milliseconds(200));
  }
  EXPECT_EQ(produced, static_cast<double>(n));
  EXPECT_EQ(lag, 0);
  EXPECT_EQ(MetricValue(last, "phiscrub_kafka_records_consumed_total"), static_cast<double>(n));
  EXPECT_GE(MetricValue(last, "phiscrub_kafka_findings_total{entity=\"US_SSN\"}"),
            static_cast<double>(n));
  EXPECT_GT(MetricValue(last, "process_resident_memory_bytes"), 0);
  EXPECT_GT(MetricValue(last, "process_open_fds"), 0);
  for (const std::string& text : {ReadFile(mid), ReadFile(last)}) {
    for (const char* phi : {"219-09-9999", "555-01", "example.com", "Reyes"}) {
      EXPECT_EQ(text.find(phi), std::string::npos) << phi << " in the metrics";
    }
  }
  w.Kill(SIGTERM);
  int st = w.Wait(std::chrono::seconds(40));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
  // Gone with the worker.
  EXPECT_FALSE(Scrape(port, dir + "/after.prom", dir + "/after.err"));
  if (HasFailure()) PrintLog(dir + "/w.log");
}
#endif  // PHISCRUB_SCRAPE_SCRIPT

// --config FILE (YAML, the flags' names as keys), PHISCRUB_KAFKA_* and flags:
// flags > environment > file. The file gives the brokers, topics, redaction
// options and librdkafka properties; the environment replaces its metrics
// file and group; flags replace the environment's group and the file's
// output topic.
TEST(KafkaWorker, ConfigFileEnvironmentAndFlags) {
  const size_t n = std::min<size_t>(RecordCount(), 3000);
  ScratchDir scratch;
  const std::string& dir = scratch.path;
  MockCluster cluster(1);
  cluster.CreateTopic("in", kPartitions);
  cluster.CreateTopic("out", kPartitions);
  cluster.CreateTopic("out-from-file", kPartitions);
  ASSERT_EQ(ProduceAll(cluster.bootstraps(), "in", MakeRecords(n)), n);
  const std::string config = dir + "/phiscrub-kafka.yaml";
  FILE* f = fopen(config.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fprintf(f,
          "# phiscrub kafka settings (test)\n"
          "bootstrap-servers: %s\n"
          "group: group-from-file\n"
          "in-topic: in\n"
          "out-topic: out-from-file\n"
          "entities: [US_SSN, EMAIL_ADDRESS]   # phone numbers stay: shows the file applies\n"
          "threads: 2\n"
          "metrics_file: %s/from-file.prom\n"
          "metrics-interval: 200\n"
          "verbose: true\n"
          "X:\n"
          "  session.timeout.ms: 6000\n"
          "  heartbeat.interval.ms: 300\n"
          "  max.in.flight.requests.per.connection: 1\n",
          cluster.bootstraps().c_str(), dir.c_str());
  fclose(f);
  setenv("PHISCRUB_KAFKA_METRICS_FILE", (dir + "/from-env.prom").c_str(), 1);
  setenv("PHISCRUB_KAFKA_GROUP", "group-from-env", 1);
  Worker w({"kafka", "--config", config, "--out-topic", "out", "--group", "group-from-flag"},
           dir + "/w.log");
  unsetenv("PHISCRUB_KAFKA_METRICS_FILE");
  unsetenv("PHISCRUB_KAFKA_GROUP");
  Reader reader(cluster.bootstraps(), "out", kPartitions);
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while (reader.records().size() < n && Clock::now() < deadline) reader.Poll(100);
  ASSERT_EQ(reader.records().size(), n) << ReadFile(dir + "/w.log");
  size_t ssn = 0, email = 0, phone_kept = 0;
  for (const auto& r : reader.records()) {
    EXPECT_EQ(r.value.find("219-09-9999"), std::string::npos);
    EXPECT_EQ(r.value.find("@example.com"), std::string::npos);
    ssn += r.value.find("SSN [US_SSN]") != std::string::npos;
    email += r.value.find("[EMAIL_ADDRESS]") != std::string::npos;
    phone_kept += r.value.find("(415) 555-01") != std::string::npos;
  }
  EXPECT_EQ(ssn, n);
  EXPECT_EQ(email, n);
  EXPECT_EQ(phone_kept, n);  // PHONE_NUMBER is not among the file's entities
  // Metrics where the environment said, not the file.
  auto until = Clock::now() + std::chrono::seconds(10);
  while (MetricValue(dir + "/from-env.prom", "phiscrub_kafka_consumer_lag_sum") != 0 &&
         Clock::now() < until) {
    std::this_thread::sleep_for(milliseconds(100));
  }
  EXPECT_EQ(MetricValue(dir + "/from-env.prom", "phiscrub_kafka_consumer_lag_sum"), 0);
  EXPECT_FALSE(std::filesystem::exists(dir + "/from-file.prom"));
  w.Kill(SIGTERM);
  int st = w.Wait(std::chrono::seconds(40));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) << st;
  // The flag's group committed the input; the environment's and the file's
  // never joined; nothing went to the file's output topic.
  std::string flag_group = CommittedOffsets(cluster.bootstraps(), "group-from-flag", "in",
                                            kPartitions);
  EXPECT_EQ(flag_group.find("-1001"), std::string::npos) << flag_group;
  for (const char* g : {"group-from-env", "group-from-file"}) {
    std::string c = CommittedOffsets(cluster.bootstraps(), g, "in", kPartitions);
    EXPECT_EQ(c, "0:-1001 1:-1001 2:-1001 3:-1001 4:-1001 5:-1001 ") << g;
  }
  Reader file_out(cluster.bootstraps(), "out-from-file", kPartitions);
  file_out.Poll(500);
  EXPECT_TRUE(file_out.records().empty());
  // A key that is not a flag, a value of the wrong shape, an unreadable
  // file: configuration errors (78), named without values.
  const std::string bad = dir + "/bad.yaml";
  const std::string valid = "group: g\nin-topic: a\nout-topic: b\n";
  for (auto [text, why] : std::vector<std::pair<std::string, std::string>>{
           {valid + "no-such-option: 1\n", "unknown key 'no-such-option'"},
           {valid + "exactly-once: maybe\n", "'exactly-once' takes true or false"},
           {valid + "format: [a, b]\n", "key 'format' must be a scalar"},
           {valid + "rules: [[a]]\n", "key 'rules' takes a list of scalars"},
           {valid + "x: [: :\n", "cannot load"}}) {
    f = fopen(bad.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs(text.c_str(), f);
    fclose(f);
    Worker e({"kafka", "--config", bad, "--bootstrap-servers", "127.0.0.1:1"}, dir + "/e.log");
    st = e.Wait(std::chrono::seconds(20));
    std::string log = ReadFile(dir + "/e.log");
    EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 78) << text << log;
    EXPECT_NE(log.find(why), std::string::npos) << log;
  }
  Worker missing({"kafka", "--config", dir + "/none.yaml"}, dir + "/e.log");
  st = missing.Wait(std::chrono::seconds(20));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 78) << st;
  if (HasFailure()) PrintLog(dir + "/w.log");
}

TEST(KafkaWorker, ConfigurationErrorsExit78) {
  Worker w({"kafka", "--group", "g", "--in-topic", "a", "--out-topic", "a", "--bootstrap-servers",
            "127.0.0.1:1"},
           "/dev/null");
  int st = w.Wait(std::chrono::seconds(20));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 78) << st;
  Worker bad({"kafka", "--group", "g", "--in-topic", "a", "--out-topic", "b", "--bootstrap-servers",
              "127.0.0.1:1", "-X", "no.such.property=1"},
             "/dev/null");
  st = bad.Wait(std::chrono::seconds(20));
  EXPECT_TRUE(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 78) << st;
}

}  // namespace
}  // namespace phiscrub::kafka::testing
