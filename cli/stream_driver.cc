#include "stream_driver.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace phiscrub::cli {
namespace {

// Writes all of `data`; false on error (errno set; EPIPE for a closed reader).
bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// Paths hold only identifier-like keys (see JsonFinding), but escape anyway.
void AppendJsonText(std::string_view s, std::string* out) {
  for (char c : s) {
    if (c == '"' || c == '\\') out->push_back('\\');
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out->push_back(c);
  }
}

void AppendFindings(const Ruleset& rules, const std::vector<Finding>& findings,
                    std::string* out) {
  char buf[64];
  for (const Finding& f : findings) {
    *out += "{\"record\":" + std::to_string(f.record);
    if (!f.path.empty()) {
      *out += ",\"path\":\"";
      AppendJsonText(f.path, out);
      out->push_back('"');
      *out += ",\"token\":" + std::to_string(f.token);
    }
    *out += ",\"start\":" + std::to_string(f.span.start);
    *out += ",\"end\":" + std::to_string(f.span.end);
    *out += ",\"entity\":\"" + rules.entities()[f.span.entity] + "\"";
    *out += ",\"rule\":\"";
    AppendJsonText(f.key_rule.empty() ? std::string_view(rules.rule(f.span.rule).id)
                                      : f.key_rule,
                   out);
    out->push_back('"');
    snprintf(buf, sizeof buf, ",\"score\":%.2f", f.span.score);
    *out += buf;
    if (f.audio_start >= 0 && f.audio_end >= 0) {
      snprintf(buf, sizeof buf, ",\"audio_start\":%.3f,\"audio_end\":%.3f",
               f.audio_start, f.audio_end);
      *out += buf;
    }
    *out += ",\"action\":\"";
    *out += rules.action_name(f.span.entity);
    *out += "\"}\n";
  }
}

// Batches go to workers with a sequence number; results come back into a map
// and are written strictly in sequence order. At most `max_inflight` batches
// exist at once, which bounds memory.
class Driver {
 public:
  Driver(const std::shared_ptr<const Ruleset>& rules, int out_fd,
         const DriverOptions& options)
      : rules_(rules), out_fd_(out_fd), options_(options) {
    max_inflight_ = static_cast<size_t>(options.threads) * 2;
    progress_ = options.progress && ::isatty(STDERR_FILENO);
    if (options.threads > 1) {
      for (int i = 0; i < options.threads; ++i) {
        workers_.emplace_back([this] { WorkerLoop(); });
      }
    } else {
      inline_redactor_ = std::make_unique<BatchRedactor>(rules, options.text);
    }
  }

  ~Driver() {
    if (progress_shown_) fputc('\n', stderr);
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  // Takes ownership of the batch contents.
  void Submit(RecordBatch* batch) {
    if (batch->records.empty()) return;
    if (inline_redactor_) {
      result_.Clear();
      inline_redactor_->Process(*batch, &result_, options_.findings_fd >= 0);
      batch->Clear();
      Write(result_);
      return;
    }
    auto owned = std::make_unique<RecordBatch>(std::move(*batch));
    batch->Clear();
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_.emplace_back(next_submit_++, std::move(owned));
    }
    work_cv_.notify_one();
    // Write whatever is ready; block while too much is in flight.
    DrainReady(/*wait_all=*/false);
  }

  // Waits until every submitted batch is written.
  void Flush() {
    if (!inline_redactor_) DrainReady(/*wait_all=*/true);
  }

  const Counters& counters() const { return counters_; }
  bool broken_pipe() const { return broken_pipe_; }
  // A write to stdout or the findings file failed for another reason than a
  // closed reader (ENOSPC, EIO...): already reported on stderr.
  bool write_error() const { return write_error_; }
  // True once output has nowhere to go: stop reading.
  bool stopped() const { return broken_pipe_ || write_error_; }

 private:
  void WorkerLoop() {
    BatchRedactor redactor(rules_, options_.text);
    while (true) {
      std::pair<uint64_t, std::unique_ptr<RecordBatch>> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_cv_.wait(lock, [this] { return stopping_ || !work_.empty(); });
        if (work_.empty()) return;
        job = std::move(work_.front());
        work_.pop_front();
      }
      auto result = std::make_unique<BatchResult>();
      redactor.Process(*job.second, result.get(), options_.findings_fd >= 0);
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_.emplace(job.first, std::move(result));
      }
      done_cv_.notify_all();
    }
  }

  void DrainReady(bool wait_all) {
    while (true) {
      std::unique_ptr<BatchResult> result;
      {
        std::unique_lock<std::mutex> lock(mu_);
        auto must_wait = [&] {
          size_t inflight = next_submit_ - next_write_;
          return wait_all ? inflight > 0 : inflight >= max_inflight_;
        };
        if (!must_wait() && done_.count(next_write_) == 0) return;
        if (next_submit_ == next_write_) return;
        done_cv_.wait(lock, [&] { return done_.count(next_write_) > 0; });
        auto it = done_.find(next_write_);
        result = std::move(it->second);
        done_.erase(it);
        ++next_write_;
      }
      Write(*result);
    }
  }

  void Write(const BatchResult& r) {
    counters_.Add(r.counters);
    if (progress_) ShowProgress(false);
    if (stopped()) return;  // keep counting; output has nowhere to go
    if (!WriteAll(out_fd_, r.output.data(), r.output.size())) {
      if (errno == EPIPE) {
        broken_pipe_ = true;  // the reader left: a quiet end
      } else {
        fprintf(stderr, "phiscrub: write error on stdout: %s\n", strerror(errno));
        write_error_ = true;
      }
      return;
    }
    if (options_.findings_fd >= 0 && !r.findings.empty()) {
      findings_buf_.clear();
      AppendFindings(*rules_, r.findings, &findings_buf_);
      if (!WriteAll(options_.findings_fd, findings_buf_.data(),
                    findings_buf_.size())) {
        fprintf(stderr, "phiscrub: write error on the findings file: %s\n",
                strerror(errno));
        write_error_ = true;
      }
    }
  }

  // One status line, rewritten in place: counts only, never content.
  void ShowProgress(bool force) {
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress_ < std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(counters_.bytes_in) / 1e6;
    fprintf(stderr, "\rphiscrub: %.1f MB, %llu records, %.1f MB/s   ", mb,
            (unsigned long long)counters_.records, secs > 0 ? mb / secs : 0.0);
    fflush(stderr);
    progress_shown_ = true;
  }

 public:
  void FinishProgress() {
    if (progress_) ShowProgress(true);
  }

 private:
  std::shared_ptr<const Ruleset> rules_;
  int out_fd_;
  bool progress_ = false;
  bool progress_shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_progress_ = start_;
  DriverOptions options_;
  size_t max_inflight_;
  std::unique_ptr<BatchRedactor> inline_redactor_;
  BatchResult result_;
  Counters counters_;
  bool broken_pipe_ = false;
  bool write_error_ = false;
  std::string findings_buf_;

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  bool stopping_ = false;
  std::deque<std::pair<uint64_t, std::unique_ptr<RecordBatch>>> work_;
  std::map<uint64_t, std::unique_ptr<BatchResult>> done_;
  uint64_t next_submit_ = 0;
  uint64_t next_write_ = 0;
  std::vector<std::thread> workers_;
};

// True when a read on fd would block (a pipe or terminal with nothing
// buffered). Regular files never drain.
bool WouldBlock(int fd) {
  struct pollfd p = {fd, POLLIN, 0};
  int rc = ::poll(&p, 1, 0);
  return rc == 0;
}

}  // namespace

DriverResult RunDriver(const std::shared_ptr<const Ruleset>& rules,
                       const std::vector<std::string>& inputs, int out_fd,
                       const DriverOptions& options) {
  DriverResult res;
  Driver driver(rules, out_fd, options);
  std::vector<char> buf(256 * 1024);
  RecordBatch batch;
  uint64_t record_base = 0;
  for (const std::string& input : inputs) {
    int fd = 0;
    bool is_stdin = input == "-";
    if (!is_stdin) {
      fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        fprintf(stderr, "phiscrub: cannot open %s: %s\n", input.c_str(),
                strerror(errno));
        res.io_error = true;
        continue;
      }
    }
    // --format json: each input is one document.
    LineFramer framer(options.text.max_record, record_base,
                      options.text.format == RecordFormat::kJson);
    framer.ConfigureFor(options.text.format);
    while (!driver.stopped()) {
      if (WouldBlock(fd)) {
        // Input drained: everything read so far goes out before we block.
        driver.Submit(&batch);
        driver.Flush();
      }
      ssize_t n = ::read(fd, buf.data(), buf.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        fprintf(stderr, "phiscrub: read error on %s: %s\n",
                is_stdin ? "stdin" : input.c_str(), strerror(errno));
        res.io_error = true;
        break;
      }
      if (n == 0) break;
      std::string_view chunk(buf.data(), static_cast<size_t>(n));
      if (options.line_buffered) {
        // One record per batch, written before the next read.
        while (!chunk.empty()) {
          size_t nl = chunk.find('\n');
          size_t take = nl == std::string_view::npos ? chunk.size() : nl + 1;
          framer.Feed(chunk.substr(0, take), &batch);
          chunk.remove_prefix(take);
          driver.Submit(&batch);
        }
        driver.Flush();
        continue;
      }
      framer.Feed(chunk, &batch);
      if (batch.data.size() >= options.batch_bytes ||
          batch.records.size() >= 16384) {
        driver.Submit(&batch);
      }
    }
    framer.Finish(&batch);
    record_base = framer.records_framed();
    if (!is_stdin) ::close(fd);
  }
  driver.Submit(&batch);
  driver.Flush();
  driver.FinishProgress();
  res.counters = driver.counters();
  res.broken_pipe = driver.broken_pipe();
  res.io_error = res.io_error || driver.write_error();
  return res;
}

}  // namespace phiscrub::cli
