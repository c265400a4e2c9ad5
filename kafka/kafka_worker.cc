#include "kafka_worker.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "rdkafka_handles.h"

#ifndef PHISCRUB_VERSION
#define PHISCRUB_VERSION "0.0.0"
#endif

namespace phiscrub::kafka {
namespace {

constexpr const char* kRulesetHeader = "phiscrub-ruleset";
constexpr int kTxnAttempts = 5;

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Errors are named by librdkafka's code strings; they never carry records.
void Log(const char* what, const char* detail) {
  fprintf(stderr, "phiscrub kafka: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

// One consumed record between consume and acknowledgement, kept per input
// partition in offset order (at-least-once).
struct Pending {
  int64_t offset;
  bool done = false;
};

struct PartitionState {
  uint64_t epoch = 0;           // assignment this state belongs to
  std::deque<Pending> pending;  // at-least-once: unacknowledged, by offset
  int64_t next_commit = -1;     // acknowledged up to here (next to read)
  int64_t last_committed = -1;
  int64_t txn_start = -1;  // exactly-once: first offset in the open txn
  int64_t txn_next = -1;   // exactly-once: next offset after the txn
};

// Rides along with each produced record to its delivery report.
struct Ticket {
  int32_t partition;
  int64_t offset;
  uint64_t epoch;
  size_t bytes;
  bool dead_letter;
};

struct Output {
  enum Kind : uint8_t { kForward, kDeadLetter, kNull };
  Kind kind = kForward;
  bool withheld = false;  // a part of the record failed closed
  std::string value;
  FailReason reason = FailReason::kEngine;
};

struct Job {
  std::vector<MessagePtr> msgs;
  std::vector<Output> outs;
  Counters counters;
};

}  // namespace

std::string RulesetVersion(const Ruleset& rules) {
  std::string text;
  for (size_t i = 0; i < rules.rule_count(); ++i) {
    const RuleInfo& r = rules.rule(i);
    text += r.id + '\0' + r.entity + '\0' + r.pattern + '\n';
  }
  for (size_t i = 0; i < rules.entities().size(); ++i) {
    text += rules.entities()[i] + '\0' + rules.action_name(static_cast<uint16_t>(i)) + '\n';
  }
  text += rules.TextPlaceholder("r");
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  EVP_Digest(text.data(), text.size(), md, &md_len, EVP_sha256(), nullptr);
  char hex[17];
  for (int i = 0; i < 8; ++i) snprintf(hex + 2 * i, 3, "%02x", md[i]);
  return std::string(PHISCRUB_VERSION) + "+" + std::to_string(rules.rule_count()) + "r." + hex;
}

struct KafkaWorker::Impl {
  Impl(std::shared_ptr<const Ruleset> r, TextOptions t, KafkaOptions o, std::atomic<bool>* s)
      : rules(std::move(r)), text(std::move(t)), opt(std::move(o)), stop(s) {
    ruleset_version = RulesetVersion(*rules);
    if (opt.threads < 1) opt.threads = 1;
    if (opt.batch_records < 1) opt.batch_records = 1;
  }

  ~Impl() { StopPool(); }

  // ---- configuration ----------------------------------------------------
  bool Set(rd_kafka_conf_t* conf, const std::string& k, const std::string& v, std::string* error) {
    char err[512];
    if (rd_kafka_conf_set(conf, k.c_str(), v.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK) {
      *error = "librdkafka property " + k + ": " + err;
      return false;
    }
    return true;
  }

  bool Init(std::string* error) {
    if (opt.brokers.empty() || opt.group.empty() || opt.in_topic.empty() || opt.out_topic.empty()) {
      *error = "--bootstrap-servers, --group, --in-topic and --out-topic are required";
      return false;
    }
    if (opt.in_topic == opt.out_topic || opt.in_topic == opt.dead_letter_topic) {
      *error = "--in-topic must differ from --out-topic and --dead-letter-topic";
      return false;
    }
    size_t kb = std::max<size_t>(1024, opt.max_inflight_bytes / 1024);
    // Consumer: offsets only by us, after acknowledgement / in transactions.
    ConfPtr cconf(rd_kafka_conf_new());
    std::vector<std::pair<std::string, std::string>> cprops = {
        {"bootstrap.servers", opt.brokers},
        {"group.id", opt.group},
        {"client.id", "phiscrub"},
        {"enable.auto.commit", "false"},
        {"enable.auto.offset.store", "false"},
        {"auto.offset.reset", "earliest"},
        {"isolation.level", "read_committed"},
        {"enable.partition.eof", "false"},
        // The prefetch queue counts against the in-flight bound.
        {"queued.max.messages.kbytes", std::to_string(std::max<size_t>(1024, kb / 4))},
    };
    for (const auto& kv : cprops) {
      if (!Set(cconf.get(), kv.first, kv.second, error)) return false;
    }
    for (const auto& kv : opt.config) {
      if (!Set(cconf.get(), kv.first, kv.second, error)) return false;
    }
    rd_kafka_conf_set_opaque(cconf.get(), this);
    rd_kafka_conf_set_rebalance_cb(cconf.get(), &Impl::OnRebalance);

    ConfPtr pconf(rd_kafka_conf_new());
    std::vector<std::pair<std::string, std::string>> pprops = {
        {"bootstrap.servers", opt.brokers},
        {"client.id", "phiscrub"},
        // Ordered, unduplicated retries: per-key order survives broker errors.
        {"enable.idempotence", "true"},
        // Keys land where Java clients put them.
        {"partitioner", "murmur2_random"},
        {"linger.ms", "5"},
        {"queue.buffering.max.kbytes", std::to_string(std::min<size_t>(kb, 2097151))},
    };
    if (opt.exactly_once) {
      std::string id = opt.transactional_id;
      if (id.empty()) {
        char host[256] = "host";
        gethostname(host, sizeof host - 1);
        id = "phiscrub-" + opt.group + "-" + host;
      }
      pprops.emplace_back("transactional.id", id);
    }
    for (const auto& kv : pprops) {
      if (!Set(pconf.get(), kv.first, kv.second, error)) return false;
    }
    for (const auto& kv : opt.config) {
      // Consumer-only properties would only warn on the producer.
      if (kv.first.rfind("group.", 0) == 0 || kv.first.rfind("session.", 0) == 0 ||
          kv.first.rfind("heartbeat.", 0) == 0 || kv.first.rfind("auto.", 0) == 0 ||
          kv.first.rfind("fetch.", 0) == 0 || kv.first.rfind("max.poll", 0) == 0 ||
          kv.first == "isolation.level" || kv.first == "partition.assignment.strategy") {
        continue;
      }
      if (!Set(pconf.get(), kv.first, kv.second, error)) return false;
    }
    rd_kafka_conf_set_opaque(pconf.get(), this);
    rd_kafka_conf_set_dr_msg_cb(pconf.get(), &Impl::OnDelivery);

    char err[512];
    rd_kafka_t* p = rd_kafka_new(RD_KAFKA_PRODUCER, pconf.get(), err, sizeof err);
    if (!p) {
      *error = std::string("producer: ") + err;
      return false;
    }
    pconf.release();  // owned by the handle now
    producer.reset(p);
    rd_kafka_t* c = rd_kafka_new(RD_KAFKA_CONSUMER, cconf.get(), err, sizeof err);
    if (!c) {
      *error = std::string("consumer: ") + err;
      return false;
    }
    cconf.release();
    consumer.reset(c);
    rd_kafka_poll_set_consumer(consumer.get());

    if (opt.exactly_once) {
      ErrorPtr e(rd_kafka_init_transactions(producer.get(), opt.drain_timeout_ms));
      if (e) {
        *error = std::string("init_transactions: ") + rd_kafka_error_string(e.get());
        return false;
      }
    }
    PartitionListPtr topics(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(topics.get(), opt.in_topic.c_str(), RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t se = rd_kafka_subscribe(consumer.get(), topics.get());
    if (se) {
      *error = std::string("subscribe: ") + rd_kafka_err2str(se);
      return false;
    }
    StartPool();
    return true;
  }

  // ---- redaction threads ------------------------------------------------
  void StartPool() {
    if (opt.threads == 1) {
      inline_redactor = std::make_unique<BatchRedactor>(rules, text);
      return;
    }
    for (int i = 0; i < opt.threads; ++i) {
      pool.emplace_back([this] {
        BatchRedactor redactor(rules, text);
        RecordBatch batch;
        BatchResult result;
        while (true) {
          std::pair<uint64_t, std::unique_ptr<Job>> job;
          {
            std::unique_lock<std::mutex> lock(mu);
            work_cv.wait(lock, [this] { return pool_stopping || !work.empty(); });
            if (work.empty()) return;
            job = std::move(work.front());
            work.pop_front();
          }
          RedactJob(&redactor, job.second.get(), &batch, &result);
          {
            std::lock_guard<std::mutex> lock(mu);
            done.emplace(job.first, std::move(job.second));
          }
          done_cv.notify_all();
        }
      });
    }
  }

  void StopPool() {
    {
      std::lock_guard<std::mutex> lock(mu);
      pool_stopping = true;
    }
    work_cv.notify_all();
    for (auto& t : pool) t.join();
    pool.clear();
  }

  // Each record value is one stream: its own framer, so no state crosses
  // records (a transcript per value, a JSON document per value).
  void RedactJob(BatchRedactor* redactor, Job* job, RecordBatch* batch, BatchResult* result) {
    job->outs.resize(job->msgs.size());
    for (size_t i = 0; i < job->msgs.size(); ++i) {
      const rd_kafka_message_t* m = job->msgs[i].get();
      Output& out = job->outs[i];
      if (!m->payload) {
        out.kind = Output::kNull;  // tombstone: nothing to redact
        continue;
      }
      batch->Clear();
      result->Clear();
      LineFramer framer(text.max_record, 0, text.format == RecordFormat::kJson);
      framer.ConfigureFor(text.format);
      framer.Feed(std::string_view(static_cast<const char*>(m->payload), m->len), batch);
      framer.Finish(batch);
      redactor->Process(*batch, result);
      job->counters.Add(result->counters);
      out.withheld = result->counters.failed_closed() > 0;
      if (out.withheld && !opt.dead_letter_topic.empty()) {
        out.kind = Output::kDeadLetter;
        for (int r = 0; r < static_cast<int>(FailReason::kCount); ++r) {
          if (result->counters.fail_closed[r] > 0) {
            out.reason = static_cast<FailReason>(r);
            break;
          }
        }
      } else {
        out.kind = Output::kForward;
        out.value = std::move(result->output);
        result->output = std::string();
      }
    }
  }

  void SubmitCurrent() {
    if (current.msgs.empty()) return;
    auto job = std::make_unique<Job>(std::move(current));
    current = Job();
    uint64_t seq = next_submit++;
    if (inline_redactor) {
      RedactJob(inline_redactor.get(), job.get(), &inline_batch, &inline_result);
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(seq, std::move(job));
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      work.emplace_back(seq, std::move(job));
    }
    work_cv.notify_one();
  }

  // Produces finished jobs in submission order. wait_all: until every
  // submitted job is produced; otherwise what is ready (blocking only while
  // more than 2 * threads jobs are outstanding).
  void ProduceReady(bool wait_all) {
    while (next_take < next_submit && !fatal) {
      std::unique_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mu);
        bool must = wait_all || next_submit - next_take > 2 * static_cast<uint64_t>(opt.threads);
        if (!must && done.count(next_take) == 0) return;
        done_cv.wait(lock, [&] { return done.count(next_take) > 0; });
        auto it = done.find(next_take);
        job = std::move(it->second);
        done.erase(it);
        ++next_take;
      }
      {
        std::lock_guard<std::mutex> lock(metrics_mu);
        pipeline_counters.Add(job->counters);
      }
      for (size_t i = 0; i < job->msgs.size() && !fatal; ++i) {
        Produce(job->msgs[i].get(), &job->outs[i]);
      }
    }
  }

  // ---- producing ---------------------------------------------------------
  void Produce(const rd_kafka_message_t* in, Output* out) {
    HeadersPtr hdrs;
    const void* key = in->key;
    size_t key_len = in->key_len;
    const void* value = nullptr;
    size_t value_len = 0;
    const char* topic = opt.out_topic.c_str();
    if (out->kind == Output::kDeadLetter) {
      // Only the reason and where the record was: no key, no value, no
      // headers of the original (any of them may hold PHI).
      hdrs.reset(rd_kafka_headers_new(5));
      const char* reason = FailReasonName(out->reason);
      std::string part = std::to_string(in->partition);
      std::string off = std::to_string(in->offset);
      rd_kafka_header_add(hdrs.get(), "phiscrub-reason", -1, reason, -1);
      rd_kafka_header_add(hdrs.get(), "phiscrub-source-topic", -1, opt.in_topic.data(),
                          static_cast<ssize_t>(opt.in_topic.size()));
      rd_kafka_header_add(hdrs.get(), "phiscrub-source-partition", -1, part.data(),
                          static_cast<ssize_t>(part.size()));
      rd_kafka_header_add(hdrs.get(), "phiscrub-source-offset", -1, off.data(),
                          static_cast<ssize_t>(off.size()));
      key = nullptr;
      key_len = 0;
      topic = opt.dead_letter_topic.c_str();
    } else {
      rd_kafka_headers_t* src = nullptr;
      if (rd_kafka_message_headers(in, &src) == RD_KAFKA_RESP_ERR_NO_ERROR && src) {
        hdrs.reset(rd_kafka_headers_copy(src));
        rd_kafka_header_remove(hdrs.get(), kRulesetHeader);
      } else {
        hdrs.reset(rd_kafka_headers_new(1));
      }
      if (out->kind == Output::kForward) {
        value = out->value.data();
        value_len = out->value.size();
      }
    }
    rd_kafka_header_add(hdrs.get(), kRulesetHeader, -1, ruleset_version.data(),
                        static_cast<ssize_t>(ruleset_version.size()));
    if (out->withheld) failed_closed.fetch_add(1, std::memory_order_relaxed);
    auto* ticket =
        new Ticket{in->partition, in->offset, 0, in->len, out->kind == Output::kDeadLetter};
    auto it = parts.find(in->partition);
    ticket->epoch = it != parts.end() ? it->second.epoch : 0;
    while (true) {
      rd_kafka_resp_err_t err = rd_kafka_producev(
          producer.get(), RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, key_len),
          RD_KAFKA_V_VALUE(const_cast<void*>(value), value_len),
          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(hdrs.get()),
          RD_KAFKA_V_OPAQUE(ticket), RD_KAFKA_V_END);
      if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        hdrs.release();  // owned by the message now
        if (opt.exactly_once) txn_produced++;
        return;
      }
      if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(producer.get(), 50);  // delivery reports make room
        if (fatal) break;
        continue;
      }
      Log("produce failed", rd_kafka_err2str(err));
      if (!opt.exactly_once)
        SetFatal();
      else
        txn_failed = true;
      break;
    }
    delete ticket;
    inflight_bytes -= std::min(inflight_bytes, static_cast<size_t>(in->len));
  }

  static void OnDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque) {
    static_cast<Impl*>(opaque)->Delivered(m);
  }

  void Delivered(const rd_kafka_message_t* m) {
    std::unique_ptr<Ticket> t(static_cast<Ticket*>(m->_private));
    if (t) inflight_bytes -= std::min(inflight_bytes, t->bytes);
    if (m->err) {
      produce_errors.fetch_add(1, std::memory_order_relaxed);
      Log("delivery failed", rd_kafka_err2str(m->err));
      // Never commit past it: at-least-once ends the run (the records are
      // read again by whoever takes the partition); exactly-once aborts.
      if (opt.exactly_once)
        txn_failed = true;
      else
        SetFatal();
      return;
    }
    if (!t) return;
    if (opt.exactly_once) {
      (t->dead_letter ? txn_dead : txn_out)++;
      txn_bytes_out += m->len;
      return;
    }
    (t->dead_letter ? dead_lettered : records_out).fetch_add(1, std::memory_order_relaxed);
    bytes_out.fetch_add(m->len, std::memory_order_relaxed);
    auto it = parts.find(t->partition);
    if (it == parts.end() || it->second.epoch != t->epoch) return;  // revoked since
    auto& q = it->second.pending;
    auto p = std::lower_bound(q.begin(), q.end(), t->offset,
                              [](const Pending& a, int64_t off) { return a.offset < off; });
    if (p != q.end() && p->offset == t->offset) p->done = true;
  }

  void SetFatal() { fatal = true; }

  // ---- offsets (at-least-once) ------------------------------------------
  void AdvanceAcked() {
    for (auto& [p, st] : parts) {
      while (!st.pending.empty() && st.pending.front().done) {
        st.next_commit = st.pending.front().offset + 1;
        st.pending.pop_front();
      }
    }
  }

  // Commits acknowledged offsets of `only` (all assigned when null).
  void CommitAcked(bool sync, const rd_kafka_topic_partition_list_t* only = nullptr) {
    AdvanceAcked();
    PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(parts.size())));
    for (auto& [p, st] : parts) {
      if (st.next_commit < 0 || st.next_commit == st.last_committed) continue;
      if (only && !rd_kafka_topic_partition_list_find(only, opt.in_topic.c_str(), p)) continue;
      rd_kafka_topic_partition_list_add(list.get(), opt.in_topic.c_str(), p)->offset =
          st.next_commit;
      st.last_committed = st.next_commit;
    }
    if (list->cnt == 0) return;
    rd_kafka_resp_err_t err = rd_kafka_commit(consumer.get(), list.get(), sync ? 0 : 1);
    if (err && sync) Log("offset commit failed", rd_kafka_err2str(err));
  }

  // Waits for every produced record's acknowledgement.
  bool FlushProducer() {
    rd_kafka_resp_err_t err = rd_kafka_flush(producer.get(), opt.drain_timeout_ms);
    if (err) {
      Log("flush timed out: unacknowledged records stay uncommitted", rd_kafka_err2str(err));
      return false;
    }
    return true;
  }

  // ---- transactions (exactly-once) --------------------------------------
  // True: call again. A retriable error (each call already waits up to
  // drain_timeout_ms) is retried a few times, then treated as abortable so a
  // broker that stays away cannot hold a drain forever.
  bool Retry(rd_kafka_error_t* raw, const char* what, bool* abort, int* attempts) {
    ErrorPtr e(raw);
    if (!e) return false;
    if (rd_kafka_error_is_retriable(e.get()) && ++*attempts < kTxnAttempts) return true;
    Log(what, rd_kafka_error_string(e.get()));
    if (rd_kafka_error_txn_requires_abort(e.get())) {
      *abort = true;
    } else {
      SetFatal();
    }
    return false;
  }

  void BeginTxn() {
    if (txn_open) return;
    ErrorPtr e(rd_kafka_begin_transaction(producer.get()));
    if (e) {
      Log("begin_transaction", rd_kafka_error_string(e.get()));
      SetFatal();
      return;
    }
    txn_open = true;
    txn_failed = false;
    txn_produced = txn_out = txn_dead = 0;
    txn_bytes_out = 0;
  }

  // Produces what is in flight, then commits output and input offsets as one
  // transaction; on an abortable error aborts and rewinds to the start.
  void CommitTxn(bool rewind_on_abort = true) {
    if (!txn_open) return;
    SubmitCurrent();
    ProduceReady(/*wait_all=*/true);
    bool abort = txn_failed;
    if (!abort && !fatal) {
      PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(parts.size())));
      for (auto& [p, st] : parts) {
        if (st.txn_next < 0) continue;
        rd_kafka_topic_partition_list_add(list.get(), opt.in_topic.c_str(), p)->offset =
            st.txn_next;
      }
      GroupMetadataPtr md(rd_kafka_consumer_group_metadata(consumer.get()));
      int attempts = 0;
      while (!abort && !fatal &&
             Retry(rd_kafka_send_offsets_to_transaction(producer.get(), list.get(), md.get(),
                                                        opt.drain_timeout_ms),
                   "send_offsets_to_transaction", &abort, &attempts)) {
      }
    }
    if (!abort && !fatal) {
      int attempts = 0;
      while (!abort && !fatal &&
             Retry(rd_kafka_commit_transaction(producer.get(), opt.drain_timeout_ms),
                   "commit_transaction", &abort, &attempts)) {
      }
    }
    if (fatal) return;
    if (abort || txn_failed) {
      AbortTxn(rewind_on_abort);
      return;
    }
    txn_open = false;
    transactions.fetch_add(1, std::memory_order_relaxed);
    records_out.fetch_add(txn_out, std::memory_order_relaxed);
    dead_lettered.fetch_add(txn_dead, std::memory_order_relaxed);
    bytes_out.fetch_add(txn_bytes_out, std::memory_order_relaxed);
    for (auto& [p, st] : parts) {
      if (st.txn_next >= 0) st.last_committed = st.txn_next;
      st.txn_start = st.txn_next = -1;
    }
  }

  void AbortTxn(bool rewind) {
    SubmitCurrent();
    ProduceReady(/*wait_all=*/true);
    bool again = false;
    int attempts = 0;
    while (!fatal && Retry(rd_kafka_abort_transaction(producer.get(), opt.drain_timeout_ms),
                           "abort_transaction", &again, &attempts)) {
    }
    if (again) SetFatal();  // an abort that cannot complete: give up, commit nothing
    txn_open = false;
    aborted.fetch_add(1, std::memory_order_relaxed);
    if (!rewind || fatal) return;
    // Read the transaction's input again.
    PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(parts.size())));
    for (auto& [p, st] : parts) {
      if (st.txn_start < 0) continue;
      rd_kafka_topic_partition_list_add(list.get(), opt.in_topic.c_str(), p)->offset = st.txn_start;
      st.txn_start = st.txn_next = -1;
    }
    if (list->cnt > 0) {
      ErrorPtr e(rd_kafka_seek_partitions(consumer.get(), list.get(), opt.drain_timeout_ms));
      if (e) {
        Log("seek after abort", rd_kafka_error_string(e.get()));
        SetFatal();
      }
    }
  }

  // ---- rebalances --------------------------------------------------------
  static void OnRebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err,
                          rd_kafka_topic_partition_list_t* list, void* opaque) {
    static_cast<Impl*>(opaque)->Rebalance(rk, err, list);
  }

  void Rebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* list) {
    rebalances.fetch_add(1, std::memory_order_relaxed);
    bool cooperative = strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
      for (int i = 0; i < list->cnt; ++i) {
        PartitionState st;
        st.epoch = ++epoch;
        parts[list->elems[i].partition] = std::move(st);
      }
      if (opt.verbose) fprintf(stderr, "phiscrub kafka: assigned %d partition(s)\n", list->cnt);
      if (cooperative) {
        ErrorPtr e(rd_kafka_incremental_assign(rk, list));
        if (e) Log("incremental_assign", rd_kafka_error_string(e.get()));
      } else {
        rd_kafka_assign(rk, list);
      }
      return;
    }
    // Revoked (or lost): finish or drop what was read from them.
    bool lost = rd_kafka_assignment_lost(rk);
    if (opt.exactly_once) {
      if (txn_open) {
        // Revoked partitions resume at the committed offsets elsewhere.
        if (lost)
          AbortTxn(/*rewind=*/false);
        else
          CommitTxn(/*rewind_on_abort=*/false);
      }
    } else {
      SubmitCurrent();
      ProduceReady(/*wait_all=*/true);
      if (!lost && FlushProducer()) CommitAcked(/*sync=*/true, list);
    }
    for (int i = 0; i < list->cnt; ++i) parts.erase(list->elems[i].partition);
    if (opt.verbose) {
      fprintf(stderr, "phiscrub kafka: %s %d partition(s)\n", lost ? "lost" : "revoked", list->cnt);
    }
    if (cooperative) {
      ErrorPtr e(rd_kafka_incremental_unassign(rk, list));
      if (e) Log("incremental_unassign", rd_kafka_error_string(e.get()));
    } else {
      rd_kafka_assign(rk, nullptr);
    }
  }

  // ---- the loop ------------------------------------------------------------
  void Track(const rd_kafka_message_t* m) {
    records_in.fetch_add(1, std::memory_order_relaxed);
    bytes_in.fetch_add(m->len, std::memory_order_relaxed);
    inflight_bytes += m->len;
    auto it = parts.find(m->partition);
    if (it == parts.end()) return;  // cannot happen: fetched only when assigned
    PartitionState& st = it->second;
    if (opt.exactly_once) {
      if (st.txn_start < 0) st.txn_start = m->offset;
      st.txn_next = m->offset + 1;
    } else {
      st.pending.push_back(Pending{m->offset});
    }
  }

  int Run() {
    int64_t last_commit = NowMs();
    int64_t last_metrics = 0;
    int64_t txn_deadline = 0;
    size_t txn_records = 0;
    while (!stop->load(std::memory_order_relaxed) && !fatal) {
      int64_t now = NowMs();
      if ((!opt.metrics_file.empty() || !opt.metrics_listen.empty()) &&
          now - last_metrics >= opt.metrics_interval_ms) {
        UpdateLag();
        if (!opt.metrics_file.empty()) WriteMetrics();
        last_metrics = now;
      }
      if (opt.exactly_once && txn_open &&
          (now >= txn_deadline || txn_records >= opt.transaction_records ||
           inflight_bytes >= opt.max_inflight_bytes)) {
        CommitTxn();
        txn_records = 0;
        continue;
      }
      if (!opt.exactly_once && inflight_bytes >= opt.max_inflight_bytes) {
        // Back-pressure: no reading until acknowledgements come back.
        SubmitCurrent();
        ProduceReady(/*wait_all=*/false);
        rd_kafka_poll(producer.get(), 20);
        AdvanceAcked();
        continue;
      }
      bool busy = !current.msgs.empty() || next_take < next_submit;
      rd_kafka_message_t* raw = rd_kafka_consumer_poll(consumer.get(), busy ? 0 : 50);
      if (!raw) {
        SubmitCurrent();
        ProduceReady(/*wait_all=*/false);
        rd_kafka_poll(producer.get(), busy ? 1 : 0);
      } else {
        MessagePtr msg(raw);
        if (msg->err) {
          if (msg->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            Log("consumer", rd_kafka_err2str(msg->err));
            char reason[256];
            if (rd_kafka_fatal_error(consumer.get(), reason, sizeof reason)) SetFatal();
          }
          continue;
        }
        if (opt.exactly_once && !txn_open) {
          BeginTxn();
          if (fatal) break;
          txn_deadline = NowMs() + opt.transaction_ms;
          txn_records = 0;
        }
        Track(msg.get());
        ++txn_records;
        current.msgs.push_back(std::move(msg));
        if (current.msgs.size() >= opt.batch_records) SubmitCurrent();
        ProduceReady(/*wait_all=*/false);
        rd_kafka_poll(producer.get(), 0);
      }
      char reason[256];
      if (rd_kafka_fatal_error(producer.get(), reason, sizeof reason)) {
        Log("producer fatal error", reason);
        SetFatal();
      }
      if (!opt.exactly_once && NowMs() - last_commit >= opt.commit_interval_ms) {
        CommitAcked(/*sync=*/false);
        last_commit = NowMs();
      }
    }
    // Drain: everything read is redacted, produced, acknowledged, committed.
    int rc = fatal ? 2 : 0;
    if (!fatal) {
      if (opt.exactly_once) {
        CommitTxn();
      } else {
        SubmitCurrent();
        ProduceReady(/*wait_all=*/true);
        if (FlushProducer()) CommitAcked(/*sync=*/true);
      }
    } else if (opt.exactly_once && txn_open) {
      AbortTxn(/*rewind=*/false);
    }
    if (fatal) rc = 2;
    rd_kafka_consumer_close(consumer.get());
    UpdateLag();
    if (!opt.metrics_file.empty()) WriteMetrics();
    return rc;
  }

  // ---- metrics -------------------------------------------------------------
  void UpdateLag() {
    std::map<int32_t, int64_t> lag;
    for (auto& [p, st] : parts) {
      int64_t lo = -1, hi = -1;
      if (rd_kafka_get_watermark_offsets(consumer.get(), opt.in_topic.c_str(), p, &lo, &hi) ||
          hi < 0) {
        continue;
      }
      int64_t committed = opt.exactly_once ? st.last_committed : st.next_commit;
      if (committed < 0) committed = lo;
      lag[p] = std::max<int64_t>(0, hi - committed);
    }
    std::lock_guard<std::mutex> lock(metrics_mu);
    lag_ = std::move(lag);
    inflight_gauge_ = inflight_bytes;
    assigned_ = parts.size();
  }

  void WriteMetrics() {
    std::string body = Render();
    std::string tmp = opt.metrics_file + ".tmp";
    FILE* f = fopen(tmp.c_str(), "w");
    if (!f) return;
    bool ok = fwrite(body.data(), 1, body.size(), f) == body.size();
    ok = fclose(f) == 0 && ok;
    if (ok) rename(tmp.c_str(), opt.metrics_file.c_str());
  }

  std::string Render() const {
    std::string o;
    char buf[256];
    auto counter = [&](const std::string& name, const char* help, uint64_t v) {
      o += "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " +
           std::to_string(v) + "\n";
    };
    o += "# HELP phiscrub_kafka_info Worker build and ruleset version.\n"
         "# TYPE phiscrub_kafka_info gauge\n";
    o += "phiscrub_kafka_info{version=\"" PHISCRUB_VERSION "\",ruleset=\"" + ruleset_version +
         "\",mode=\"" + (opt.exactly_once ? "exactly_once" : "at_least_once") + "\"} 1\n";
    counter("phiscrub_kafka_records_consumed_total", "Records read from the input topic.",
            records_in.load());
    o += "# HELP phiscrub_kafka_records_produced_total Records acknowledged (committed in a "
         "transaction with --exactly-once), by destination.\n"
         "# TYPE phiscrub_kafka_records_produced_total counter\n";
    snprintf(buf, sizeof buf,
             "phiscrub_kafka_records_produced_total{topic=\"out\"} %llu\n"
             "phiscrub_kafka_records_produced_total{topic=\"dead_letter\"} %llu\n",
             static_cast<unsigned long long>(records_out.load()),
             static_cast<unsigned long long>(dead_lettered.load()));
    o += buf;
    counter("phiscrub_kafka_bytes_consumed_total", "Record value bytes read.", bytes_in.load());
    counter("phiscrub_kafka_bytes_produced_total", "Record value bytes acknowledged.",
            bytes_out.load());
    counter("phiscrub_kafka_produce_errors_total", "Delivery failures.", produce_errors.load());
    counter("phiscrub_kafka_rebalances_total", "Partition assignments and revocations.",
            rebalances.load());
    counter("phiscrub_kafka_transactions_total", "Committed transactions.", transactions.load());
    counter("phiscrub_kafka_transactions_aborted_total", "Aborted transactions.", aborted.load());
    counter("phiscrub_kafka_records_dead_lettered_or_placeholder_total",
            "Records with a part that could not be redacted (placeholder or dead letter).",
            failed_closed_records());
    std::lock_guard<std::mutex> lock(metrics_mu);
    o += "# HELP phiscrub_kafka_failed_closed_total Withheld record parts, by reason.\n"
         "# TYPE phiscrub_kafka_failed_closed_total counter\n";
    for (int i = 0; i < static_cast<int>(FailReason::kCount); ++i) {
      snprintf(buf, sizeof buf, "phiscrub_kafka_failed_closed_total{reason=\"%s\"} %llu\n",
               FailReasonName(static_cast<FailReason>(i)),
               static_cast<unsigned long long>(pipeline_counters.fail_closed[i]));
      o += buf;
    }
    o += "# HELP phiscrub_kafka_findings_total Redacted spans, by entity.\n"
         "# TYPE phiscrub_kafka_findings_total counter\n";
    for (size_t i = 0; i < rules->entities().size(); ++i) {
      uint64_t n = i < pipeline_counters.findings_by_entity.size()
                       ? pipeline_counters.findings_by_entity[i]
                       : 0;
      o += "phiscrub_kafka_findings_total{entity=\"" + rules->entities()[i] + "\"} " +
           std::to_string(n) + "\n";
    }
    o += "# HELP phiscrub_kafka_consumer_lag Records behind the high watermark, per assigned "
         "partition (from the last commit).\n# TYPE phiscrub_kafka_consumer_lag gauge\n";
    int64_t total = 0;
    for (auto& [p, l] : lag_) {
      o += "phiscrub_kafka_consumer_lag{partition=\"" + std::to_string(p) + "\"} " +
           std::to_string(l) + "\n";
      total += l;
    }
    o += "# HELP phiscrub_kafka_consumer_lag_sum Sum of consumer_lag over assigned partitions.\n"
         "# TYPE phiscrub_kafka_consumer_lag_sum gauge\nphiscrub_kafka_consumer_lag_sum " +
         std::to_string(total) + "\n";
    o += "# HELP phiscrub_kafka_assigned_partitions Partitions assigned to this worker.\n"
         "# TYPE phiscrub_kafka_assigned_partitions gauge\nphiscrub_kafka_assigned_partitions " +
         std::to_string(assigned_) + "\n";
    o += "# HELP phiscrub_kafka_inflight_bytes Input bytes read and not yet acknowledged.\n"
         "# TYPE phiscrub_kafka_inflight_bytes gauge\nphiscrub_kafka_inflight_bytes " +
         std::to_string(inflight_gauge_) + "\n";
    return o;
  }

  uint64_t failed_closed_records() const { return failed_closed.load(); }

  std::shared_ptr<const Ruleset> rules;
  TextOptions text;
  KafkaOptions opt;
  std::atomic<bool>* stop;
  std::string ruleset_version;
  HandlePtr producer;  // destroyed after the consumer (declared first)
  HandlePtr consumer;

  std::map<int32_t, PartitionState> parts;  // assigned partitions
  uint64_t epoch = 0;
  size_t inflight_bytes = 0;
  bool fatal = false;
  bool txn_open = false;
  bool txn_failed = false;
  uint64_t txn_produced = 0, txn_out = 0, txn_dead = 0, txn_bytes_out = 0;

  // Redaction: jobs numbered in submission order, produced in that order.
  Job current;
  std::unique_ptr<BatchRedactor> inline_redactor;
  RecordBatch inline_batch;
  BatchResult inline_result;
  std::vector<std::thread> pool;
  std::mutex mu;
  std::condition_variable work_cv, done_cv;
  bool pool_stopping = false;
  std::deque<std::pair<uint64_t, std::unique_ptr<Job>>> work;
  std::map<uint64_t, std::unique_ptr<Job>> done;
  uint64_t next_submit = 0, next_take = 0;

  std::atomic<uint64_t> records_in{0}, records_out{0}, dead_lettered{0}, failed_closed{0},
      bytes_in{0}, bytes_out{0}, produce_errors{0}, rebalances{0}, transactions{0}, aborted{0};
  mutable std::mutex metrics_mu;
  Counters pipeline_counters;
  std::map<int32_t, int64_t> lag_;
  size_t inflight_gauge_ = 0;
  size_t assigned_ = 0;
};

KafkaWorker::KafkaWorker(std::shared_ptr<const Ruleset> rules, TextOptions text,
                         KafkaOptions options)
    : impl_(std::make_unique<Impl>(std::move(rules), std::move(text), std::move(options), &stop_)) {
}

KafkaWorker::~KafkaWorker() = default;

bool KafkaWorker::Init(std::string* error) { return impl_->Init(error); }

int KafkaWorker::Run() { return impl_->Run(); }

KafkaCounters KafkaWorker::counters() const {
  KafkaCounters c;
  c.records_in = impl_->records_in.load();
  c.records_out = impl_->records_out.load();
  c.dead_lettered = impl_->dead_lettered.load();
  c.failed_closed = impl_->failed_closed.load();
  c.bytes_in = impl_->bytes_in.load();
  c.bytes_out = impl_->bytes_out.load();
  c.produce_errors = impl_->produce_errors.load();
  c.rebalances = impl_->rebalances.load();
  c.transactions = impl_->transactions.load();
  c.aborted_transactions = impl_->aborted.load();
  return c;
}

std::string KafkaWorker::RenderMetrics() const { return impl_->Render(); }

}  // namespace phiscrub::kafka
