#include "bench.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "phiscrub/pipeline.h"
#include "phiscrub/scanner.h"

namespace phiscrub::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Times the first `limit` records of `path` one by one through the same
// redactor the pipeline uses (text or JSON, as options say): what a
// per-record caller such as the sidecar sees. Nanoseconds per record.
std::vector<double> SampleLatencies(const std::shared_ptr<const Ruleset>& rules,
                                    const std::string& path, size_t limit,
                                    const TextOptions& options) {
  std::vector<double> ns;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ns;
  BatchRedactor redactor(rules, options);
  LineFramer framer(options.max_record);
  framer.ConfigureFor(options.format);
  RecordBatch batch, one;
  BatchResult result;
  std::vector<char> buf(1 << 16);
  bool eof = false;
  while (ns.size() < limit && !eof) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n <= 0) {
      eof = true;
      framer.Finish(&batch);
    } else {
      framer.Feed(std::string_view(buf.data(), static_cast<size_t>(n)), &batch);
    }
    for (const auto& rec : batch.records) {
      if (ns.size() >= limit || rec.oversize) continue;
      one.Clear();
      one.data.assign(batch.data, rec.offset, rec.length);
      one.data.push_back('\n');
      RecordBatch::Record r = rec;
      r.offset = 0;
      // The record's context (turns before it, a label line) comes along.
      if (rec.context_length > 0) {
        one.context.assign(batch.context, rec.context_offset, rec.context_length);
        r.context_offset = 0;
      }
      one.records.push_back(r);
      result.output.clear();
      auto t0 = Clock::now();
      redactor.Process(one, &result);
      auto t1 = Clock::now();
      ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    }
    batch.Clear();
  }
  ::close(fd);
  return ns;
}

double Percentile(std::vector<double>* v, double p) {
  if (v->empty()) return 0;
  size_t k = static_cast<size_t>(p * static_cast<double>(v->size() - 1) + 0.5);
  std::nth_element(v->begin(), v->begin() + static_cast<long>(k), v->end());
  return (*v)[k];
}

}  // namespace

int RunBench(const std::shared_ptr<const Ruleset>& rules,
             const std::vector<std::string>& files, const BenchOptions& options) {
  for (const auto& f : files) {
    if (f == "-") {
      fprintf(stderr, "phiscrub bench: give files, not stdin (they are read twice)\n");
      return 2;
    }
  }
  int null_fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd < 0) {
    fprintf(stderr, "phiscrub bench: cannot open /dev/null: %s\n", strerror(errno));
    return 2;
  }
  auto t0 = Clock::now();
  DriverResult res = RunDriver(rules, files, null_fd, options.driver);
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  ::close(null_fd);
  if (res.io_error) return 2;

  std::vector<double> lat = SampleLatencies(rules, files.front(), options.latency_records,
                                            options.driver.text);
  double p50 = Percentile(&lat, 0.50), p99 = Percentile(&lat, 0.99);
  double mx = lat.empty() ? 0 : *std::max_element(lat.begin(), lat.end());
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  double rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;  // KiB on Linux
  const Counters& c = res.counters;
  double mbps = secs > 0 ? static_cast<double>(c.bytes_in) / 1e6 / secs : 0;
  double rps = secs > 0 ? static_cast<double>(c.records) / secs : 0;

  if (options.json) {
    printf("{\"files\":%zu,\"bytes\":%llu,\"records\":%llu,\"threads\":%d,"
           "\"seconds\":%.4f,\"mb_per_s\":%.2f,\"records_per_s\":%.0f,"
           "\"compile_seconds\":%.3f,\"latency_ns\":{\"sampled\":%zu,\"p50\":%.0f,"
           "\"p99\":%.0f,\"max\":%.0f},\"findings\":%llu,\"findings_by_entity\":{",
           files.size(), (unsigned long long)c.bytes_in, (unsigned long long)c.records,
           options.driver.threads, secs, mbps, rps, options.compile_seconds, lat.size(),
           p50, p99, mx, (unsigned long long)c.findings());
    for (size_t i = 0; i < rules->entities().size(); ++i) {
      uint64_t n = i < c.findings_by_entity.size() ? c.findings_by_entity[i] : 0;
      printf("%s\"%s\":%llu", i ? "," : "", rules->entities()[i].c_str(),
             (unsigned long long)n);
    }
    printf("},\"failed_closed\":%llu,\"peak_rss_mb\":%.1f}\n",
           (unsigned long long)c.failed_closed(), rss_mb);
    return 0;
  }
  printf("phiscrub bench: %zu file(s), %.1f MB, %llu records, %d thread(s)\n",
         files.size(), static_cast<double>(c.bytes_in) / 1e6,
         (unsigned long long)c.records, options.driver.threads);
  printf("  throughput   %.1f MB/s, %.0f records/s (%.3f s)\n", mbps, rps, secs);
  printf("  start-up     %.3f s to build the rules (Hyperscan databases: %d built in or "
         "from the cache, %d compiled)\n",
         options.compile_seconds, rules->databases_loaded(), rules->databases_compiled());
  printf("  latency      p50 %.1f us, p99 %.1f us, max %.1f us per record "
         "(%zu records timed one by one through the redactor)\n",
         p50 / 1e3, p99 / 1e3, mx / 1e3, lat.size());
  printf("  findings     %llu in %llu records:", (unsigned long long)c.findings(),
         (unsigned long long)c.records_with_findings);
  for (size_t i = 0; i < rules->entities().size(); ++i) {
    uint64_t n = i < c.findings_by_entity.size() ? c.findings_by_entity[i] : 0;
    if (n) printf(" %s=%llu", rules->entities()[i].c_str(), (unsigned long long)n);
  }
  printf("\n  failed closed %llu\n  peak RSS     %.1f MB\n",
         (unsigned long long)c.failed_closed(), rss_mb);
  return 0;
}

}  // namespace phiscrub::cli
