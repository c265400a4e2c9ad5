#include "kafka_test_util.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace phiscrub::kafka::testing {

MockCluster::MockCluster(int brokers) {
  ConfPtr conf(rd_kafka_conf_new());
  char err[256];
  rd_kafka_conf_set(conf.get(), "log_level", "3", err, sizeof err);
  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), err, sizeof err);
  if (!rk) throw std::runtime_error(err);
  conf.release();
  owner_.reset(rk);
  cluster_.reset(rd_kafka_mock_cluster_new(rk, brokers));
  if (!cluster_) throw std::runtime_error("rd_kafka_mock_cluster_new failed");
  bootstraps_ = rd_kafka_mock_cluster_bootstraps(cluster_.get());
}

MockCluster::~MockCluster() { cluster_.reset(); }

void MockCluster::CreateTopic(const std::string& name, int partitions) {
  rd_kafka_resp_err_t e = rd_kafka_mock_topic_create(cluster_.get(), name.c_str(), partitions, 1);
  if (e) throw std::runtime_error(rd_kafka_err2str(e));
}

std::string PhiscrubBinary() {
  const char* p = getenv("PHISCRUB_BIN");
  return p ? p : PHISCRUB_BIN_PATH;
}

Worker::Worker(const std::vector<std::string>& args, const std::string& log_path) {
  std::vector<char*> argv;
  std::string bin = PhiscrubBinary();
  argv.push_back(const_cast<char*>(bin.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_ = fork();
  if (pid_ == 0) {
    int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 2);
      dup2(fd, 1);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
}

Worker::~Worker() {
  if (pid_ > 0 && !reaped_) {
    kill(pid_, SIGKILL);
    int st;
    waitpid(pid_, &st, 0);
  }
}

void Worker::Kill(int sig) {
  if (pid_ > 0 && !reaped_) kill(pid_, sig);
}

int Worker::Wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!reaped_) {
    int st = 0;
    pid_t r = waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
      reaped_ = true;
      return st;
    }
    if (std::chrono::steady_clock::now() > deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

size_t ProduceAll(const std::string& brokers, const std::string& topic,
                  const std::vector<InputSpec>& records) {
  ConfPtr conf(rd_kafka_conf_new());
  char err[256];
  rd_kafka_conf_set(conf.get(), "bootstrap.servers", brokers.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf.get(), "partitioner", "murmur2_random", err, sizeof err);
  rd_kafka_conf_set(conf.get(), "enable.idempotence", "true", err, sizeof err);
  rd_kafka_conf_set(conf.get(), "linger.ms", "20", err, sizeof err);
  static size_t acked;
  acked = 0;
  rd_kafka_conf_set_dr_msg_cb(conf.get(), [](rd_kafka_t*, const rd_kafka_message_t* m, void*) {
    if (!m->err) ++acked;
  });
  HandlePtr rk(rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), err, sizeof err));
  if (!rk) throw std::runtime_error(err);
  conf.release();
  for (const auto& r : records) {
    HeadersPtr hdrs(rd_kafka_headers_new(r.headers.size() + 1));
    for (const auto& h : r.headers) {
      rd_kafka_header_add(hdrs.get(), h.first.c_str(), -1, h.second.data(),
                          static_cast<ssize_t>(h.second.size()));
    }
    while (true) {
      rd_kafka_resp_err_t e = rd_kafka_producev(
          rk.get(), RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_KEY(r.key.data(), r.key.size()),
          RD_KAFKA_V_VALUE(const_cast<char*>(r.value.data()), r.value.size()),
          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(hdrs.get()), RD_KAFKA_V_END);
      if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
        hdrs.release();
        break;
      }
      if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) throw std::runtime_error(rd_kafka_err2str(e));
      rd_kafka_poll(rk.get(), 10);
    }
    rd_kafka_poll(rk.get(), 0);
  }
  rd_kafka_flush(rk.get(), 60000);
  return acked;
}

Reader::Reader(const std::string& brokers, const std::string& topic, int partitions) {
  ConfPtr conf(rd_kafka_conf_new());
  char err[256];
  rd_kafka_conf_set(conf.get(), "bootstrap.servers", brokers.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf.get(), "group.id", "phiscrub-test-reader", err, sizeof err);
  rd_kafka_conf_set(conf.get(), "enable.auto.commit", "false", err, sizeof err);
  rd_kafka_conf_set(conf.get(), "isolation.level", "read_committed", err, sizeof err);
  rd_kafka_conf_set(conf.get(), "log_level", "2", err, sizeof err);  // broker-down noise
  rk_.reset(rd_kafka_new(RD_KAFKA_CONSUMER, conf.get(), err, sizeof err));
  if (!rk_) throw std::runtime_error(err);
  conf.release();
  rd_kafka_poll_set_consumer(rk_.get());
  PartitionListPtr list(rd_kafka_topic_partition_list_new(partitions));
  for (int p = 0; p < partitions; ++p) {
    rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p)->offset =
        RD_KAFKA_OFFSET_BEGINNING;
  }
  rd_kafka_assign(rk_.get(), list.get());
}

void Reader::Poll(int ms) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    MessagePtr m(rd_kafka_consumer_poll(rk_.get(), 20));
    if (!m || m->err) continue;
    OutRecord r;
    r.partition = m->partition;
    r.offset = m->offset;
    if (m->key) r.key.assign(static_cast<const char*>(m->key), m->key_len);
    r.has_value = m->payload != nullptr;
    if (m->payload) r.value.assign(static_cast<const char*>(m->payload), m->len);
    rd_kafka_headers_t* h = nullptr;
    if (rd_kafka_message_headers(m.get(), &h) == RD_KAFKA_RESP_ERR_NO_ERROR) {
      const char* name;
      const void* val;
      size_t size;
      for (size_t i = 0; rd_kafka_header_get_all(h, i, &name, &val, &size) == 0; ++i) {
        r.headers[name] = val ? std::string(static_cast<const char*>(val), size) : "";
      }
    }
    records_.push_back(std::move(r));
  }
}

std::string CommittedOffsets(const std::string& brokers, const std::string& group,
                             const std::string& topic, int partitions) {
  ConfPtr conf(rd_kafka_conf_new());
  char err[256];
  rd_kafka_conf_set(conf.get(), "bootstrap.servers", brokers.c_str(), err, sizeof err);
  rd_kafka_conf_set(conf.get(), "group.id", group.c_str(), err, sizeof err);
  HandlePtr rk(rd_kafka_new(RD_KAFKA_CONSUMER, conf.get(), err, sizeof err));
  if (!rk) return err;
  conf.release();
  PartitionListPtr list(rd_kafka_topic_partition_list_new(partitions));
  for (int p = 0; p < partitions; ++p)
    rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p);
  rd_kafka_resp_err_t e = rd_kafka_committed(rk.get(), list.get(), 10000);
  if (e) return rd_kafka_err2str(e);
  std::string out;
  for (int i = 0; i < list->cnt; ++i) {
    out += std::to_string(list->elems[i].partition) + ":" + std::to_string(list->elems[i].offset) +
           " ";
  }
  return out;
}

double MetricValue(const std::string& path, const std::string& series) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 &&
        line[series.size()] == ' ') {
      return std::strtod(line.c_str() + series.size() + 1, nullptr);
    }
  }
  return -1;
}

}  // namespace phiscrub::kafka::testing
