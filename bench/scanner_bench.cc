// Micro-benchmarks for the matching core, on deterministic generated logs.
// Reports bytes/s and records/s. Run: build/bin/phiscrub_bench
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "phiscrub/json.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"
#include "phiscrub/scanner.h"

namespace {

// Digit-dense application log lines; `phi_per_mille` of them carry PHI.
std::string MakeLog(size_t bytes, int phi_per_mille, uint32_t seed = 42) {
  std::mt19937 engine(seed);
  auto rng = [&engine]() { return static_cast<unsigned>(engine()); };
  const char* phi[] = {" ssn=123-45-6789", " callback (415) 555-0132",
                       " contact dana.reyes@example.com", " SSN: 219099999"};
  std::string s;
  while (s.size() < bytes) {
    char buf[256];
    snprintf(buf, sizeof buf,
             "2026-%02u-%02uT%02u:%02u:%02u.%03uZ INFO [svc] pid=%u tid=%u "
             "order=%u took %u.%03ums bytes=%u ip=10.%u.%u.%u",
             rng() % 12 + 1, rng() % 28 + 1, rng() % 24, rng() % 60, rng() % 60,
             rng() % 1000, rng() % 65535, rng() % 99999,
             100000000 + rng() % 900000000, rng() % 1000, rng() % 1000,
             rng() % 10000000, rng() % 256, rng() % 256, rng() % 256);
    s += buf;
    if (static_cast<int>(rng() % 1000) < phi_per_mille) s += phi[rng() % 4];
    s += '\n';
  }
  return s;
}

const std::shared_ptr<const phiscrub::Ruleset>& Rules() {
  static auto rules = [] {
    std::vector<phiscrub::Diagnostic> diags;
    return phiscrub::Ruleset::Compile(phiscrub::RulesetOptions(), &diags);
  }();
  return rules;
}

// Scanner::Scan on one record at a time.
void BM_ScanPerRecord(benchmark::State& state) {
  std::string log = MakeLog(1 << 20, static_cast<int>(state.range(0)));
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < log.size();) {
    size_t nl = log.find('\n', pos);
    lines.emplace_back(log.data() + pos, nl - pos);
    pos = nl + 1;
  }
  phiscrub::Scanner scanner(Rules());
  std::vector<phiscrub::Span> spans;
  for (auto _ : state) {
    for (auto line : lines) {
      benchmark::DoNotOptimize(scanner.Scan(line, &spans));
    }
  }
  state.SetBytesProcessed(state.iterations() * log.size());
  state.SetItemsProcessed(state.iterations() * lines.size());
}
BENCHMARK(BM_ScanPerRecord)->Arg(0)->Arg(50)->Arg(500);

// BatchRedactor: one candidate pass per batch, render, counters. This is the
// CLI's hot path minus I/O. Arg 0: PHI lines per mille; arg 1: batch bytes.
void BM_RedactBatch(benchmark::State& state) {
  std::string log = MakeLog(static_cast<size_t>(state.range(1)),
                            static_cast<int>(state.range(0)));
  phiscrub::LineFramer framer(1 << 20);
  phiscrub::RecordBatch batch;
  framer.Feed(log, &batch);
  phiscrub::BatchRedactor redactor(Rules(), phiscrub::TextOptions());
  phiscrub::BatchResult result;
  for (auto _ : state) {
    result.Clear();
    redactor.Process(batch, &result);
    benchmark::DoNotOptimize(result.output.data());
  }
  state.SetBytesProcessed(state.iterations() * log.size());
  state.SetItemsProcessed(state.iterations() * batch.size());
}
BENCHMARK(BM_RedactBatch)
    ->Args({0, 256 << 10})
    ->Args({50, 256 << 10})
    ->Args({500, 256 << 10})
    ->Args({50, 16 << 10})
    ->Args({50, 4 << 20});

// Structured-log NDJSON records (nested objects, numbers, booleans, arrays,
// an escaped string, sometimes a tool call with JSON in a string);
// `phi_per_mille` of them carry PHI in free text and under HIPAA keys.
std::string MakeNdjson(size_t bytes, int phi_per_mille, uint32_t seed = 42) {
  std::mt19937 engine(seed);
  auto rng = [&engine]() { return static_cast<unsigned>(engine()); };
  std::string s;
  while (s.size() < bytes) {
    bool phi = static_cast<int>(rng() % 1000) < phi_per_mille;
    char buf[768];
    snprintf(buf, sizeof buf,
             "{\"ts\":\"2026-%02u-%02uT%02u:%02u:%02u.%03uZ\",\"level\":\"info\","
             "\"svc\":\"intake\",\"trace_id\":\"%08x%08x%08x%08x\","
             "\"http\":{\"method\":\"POST\",\"path\":\"/api/v1/patients\","
             "\"status\":%u,\"latency_ms\":%u.%03u,\"bytes\":%u,"
             "\"client_ip\":\"10.%u.%u.%u\"},\"msg\":\"request \\\"%u\\\" done%s\","
             "\"retry\":false,\"tags\":[\"api\",\"v%u\"]",
             rng() % 12 + 1, rng() % 28 + 1, rng() % 24, rng() % 60, rng() % 60,
             rng() % 1000, rng(), rng(), rng(), rng(), 200 + rng() % 300,
             rng() % 1000, rng() % 1000, rng() % 100000, rng() % 256, rng() % 256,
             rng() % 256, rng() % 1000000, phi ? " callback (415) 555-0132" : "",
             rng() % 9 + 1);
    s += buf;
    if (phi) s += ",\"user\":{\"name\":\"Dana Reyes\",\"ssn\":219099999,\"dob\":\"1990-03-03\"}";
    if (rng() % 10 == 0) {
      s += ",\"tool_call\":{\"name\":\"book\",\"arguments\":\"{\\\"slot\\\":9,\\\"note\\\":\\\"";
      s += phi ? "SSN 123-45-6789" : "follow-up";
      s += "\\\"}\"}";
    }
    s += "}\n";
  }
  return s;
}

// BatchRedactor in --format ndjson: JSON validation, token walk, one candidate
// pass per batch. Arg 0: PHI records per mille; arg 1: batch bytes.
void BM_RedactNdjson(benchmark::State& state) {
  std::string log = MakeNdjson(static_cast<size_t>(state.range(1)),
                               static_cast<int>(state.range(0)));
  static auto rules = [] {
    phiscrub::RulesetOptions opts;
    opts.extra_entities = phiscrub::JsonRequiredEntities(phiscrub::JsonOptions());
    std::vector<phiscrub::Diagnostic> diags;
    return phiscrub::Ruleset::Compile(opts, &diags);
  }();
  std::vector<phiscrub::Diagnostic> diags;
  phiscrub::TextOptions opts;
  opts.format = phiscrub::RecordFormat::kNdjson;
  opts.json = phiscrub::JsonRules::Compile(rules, phiscrub::JsonOptions(), &diags);
  phiscrub::LineFramer framer(1 << 20);
  phiscrub::RecordBatch batch;
  framer.Feed(log, &batch);
  phiscrub::BatchRedactor redactor(rules, opts);
  phiscrub::BatchResult result;
  for (auto _ : state) {
    result.Clear();
    redactor.Process(batch, &result);
    benchmark::DoNotOptimize(result.output.data());
  }
  if (result.counters.failed_closed() != 0) state.SkipWithError("records withheld");
  state.SetBytesProcessed(state.iterations() * log.size());
  state.SetItemsProcessed(state.iterations() * batch.size());
}
BENCHMARK(BM_RedactNdjson)
    ->Args({0, 256 << 10})
    ->Args({50, 256 << 10})
    ->Args({500, 256 << 10})
    ->Args({50, 16 << 10});

// The same NDJSON records through text mode, for the cost of structure.
void BM_RedactNdjsonAsText(benchmark::State& state) {
  std::string log = MakeNdjson(static_cast<size_t>(state.range(1)),
                               static_cast<int>(state.range(0)));
  phiscrub::LineFramer framer(1 << 20);
  phiscrub::RecordBatch batch;
  framer.Feed(log, &batch);
  phiscrub::BatchRedactor redactor(Rules(), phiscrub::TextOptions());
  phiscrub::BatchResult result;
  for (auto _ : state) {
    result.Clear();
    redactor.Process(batch, &result);
    benchmark::DoNotOptimize(result.output.data());
  }
  state.SetBytesProcessed(state.iterations() * log.size());
  state.SetItemsProcessed(state.iterations() * batch.size());
}
BENCHMARK(BM_RedactNdjsonAsText)->Args({50, 256 << 10});

void BM_CompileBuiltinRuleset(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<phiscrub::Diagnostic> diags;
    benchmark::DoNotOptimize(
        phiscrub::Ruleset::Compile(phiscrub::RulesetOptions(), &diags));
  }
}
BENCHMARK(BM_CompileBuiltinRuleset)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
