// Micro-benchmarks by component: one entity at a time, the validators, each
// redaction policy (HMAC hashing included) and dictionary lookup. Reports
// bytes/s and records/s (items/s). Run: build/bin/phiscrub_micro_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "phiscrub/ruleset.h"
#include "phiscrub/scanner.h"
#include "validate/validators.h"

namespace {

// Transcript-like lines with PHI of every kind in `phi_per_mille` of them,
// and log-like noise (timestamps, ids, durations) in the rest.
std::vector<std::string> MakeLines(size_t count, int phi_per_mille, uint32_t seed = 7) {
  std::mt19937 engine(seed);
  auto rng = [&engine]() { return static_cast<unsigned>(engine()); };
  const char* phi[] = {
      "my social is 219-09-9999",          "call me at (415) 555-0132",
      "email dana.reyes@example.com",      "DOB 03/15/1985",
      "MRN: 00123456",                     "card 4111 1111 1111 1111",
      "Medicare ID 1EG4-TE5-MK73",         "NPI 1234567893",
      "I live at 123 Main St, Springfield, IL 62704",
      "my name is Dana Reyes",             "from 192.0.2.44",
      "see https://portal.example.com/patients/4481234"};
  std::vector<std::string> lines;
  char buf[256];
  for (size_t i = 0; i < count; ++i) {
    snprintf(buf, sizeof buf,
             "2026-11-%02uT10:%02u:%02uZ INFO [svc] pid=%u order=%u took %ums ", rng() % 28 + 1,
             rng() % 60, rng() % 60, rng() % 65535, 100000000 + rng() % 900000000, rng() % 5000);
    std::string line = buf;
    line += static_cast<int>(rng() % 1000) < phi_per_mille ? phi[rng() % 12]
                                                           : "request completed normally";
    lines.push_back(std::move(line));
  }
  return lines;
}

std::shared_ptr<const phiscrub::Ruleset> Compile(phiscrub::RulesetOptions o) {
  std::vector<phiscrub::Diagnostic> diags;
  auto rules = phiscrub::Ruleset::Compile(o, &diags);
  if (!rules) {
    for (const auto& d : diags) fprintf(stderr, "%s\n", d.message.c_str());
    abort();
  }
  return rules;
}

void ScanLines(benchmark::State& state, const std::shared_ptr<const phiscrub::Ruleset>& rules,
               const std::vector<std::string>& lines, bool render) {
  phiscrub::Scanner scanner(rules);
  std::vector<phiscrub::Span> spans;
  std::string out;
  size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size() + 1;
  for (auto _ : state) {
    for (const auto& l : lines) {
      if (render) {
        out.clear();
        benchmark::DoNotOptimize(scanner.Redact(l, &out, &spans));
      } else {
        benchmark::DoNotOptimize(scanner.Scan(l, &spans));
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lines.size()));
}

const char* kEntities[] = {"US_SSN",        "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH",
                           "MRN",           "CREDIT_CARD",  "US_MBI",        "US_NPI",
                           "STREET_ADDRESS", "PERSON",      "IP_ADDRESS",    "URL"};

// Scanner::Scan with one entity enabled (arg 0: index into kEntities), 5%
// of lines with PHI.
void BM_ScanOneEntity(benchmark::State& state) {
  const char* entity = kEntities[state.range(0)];
  state.SetLabel(entity);
  phiscrub::RulesetOptions o;
  o.entities = {entity};
  static const auto lines = MakeLines(20000, 50);
  ScanLines(state, Compile(o), lines, false);
}
BENCHMARK(BM_ScanOneEntity)->DenseRange(0, 11);

// Every built-in entity, by PHI density (lines with PHI per mille).
void BM_ScanAllByDensity(benchmark::State& state) {
  static const auto rules = Compile(phiscrub::RulesetOptions());
  ScanLines(state, rules, MakeLines(20000, static_cast<int>(state.range(0))), false);
}
BENCHMARK(BM_ScanAllByDensity)->Arg(0)->Arg(50)->Arg(200)->Arg(1000);

// Each redaction action on every entity (scan + render), all lines with PHI.
void BM_RedactPolicy(benchmark::State& state) {
  static const char* kActions[] = {"label", "mask", "{action: partial, keep: 4}", "hash", "drop"};
  const char* action = kActions[state.range(0)];
  state.SetLabel(action);
  char dir[] = "/tmp/phiscrub-bench-XXXXXX";
  if (!mkdtemp(dir)) abort();
  std::string policy = std::string(dir) + "/policy.yaml";
  std::string key = std::string(dir) + "/key";
  FILE* f = fopen(policy.c_str(), "w");
  fprintf(f, "default: %s\nhash: {key_id: bench, length: 12}\n", action);
  fclose(f);
  f = fopen(key.c_str(), "w");
  fprintf(f, "a fictitious benchmark key, not a secret\n");
  fclose(f);
  phiscrub::RulesetOptions o;
  o.policy_file = policy;
  o.hash_key_file = key;
  auto rules = Compile(o);
  unlink(policy.c_str());
  unlink(key.c_str());
  rmdir(dir);
  ScanLines(state, rules, MakeLines(20000, 1000), true);
}
BENCHMARK(BM_RedactPolicy)->DenseRange(0, 4);

// Dictionary lookup: a --dict of N fictitious "First Last" entries (arg 0),
// transcript lines of which 20% name someone from it.
void BM_DictionaryLookup(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  char path[] = "/tmp/phiscrub-dict-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) abort();
  std::mt19937 engine(11);
  auto word = [&engine](int len) {
    std::string w(1, static_cast<char>('A' + engine() % 26));
    for (int i = 1; i < len; ++i) w += static_cast<char>('a' + engine() % 26);
    return w;
  };
  std::vector<std::string> entries;
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    entries.push_back(word(4 + static_cast<int>(engine() % 5)) + " " +
                      word(5 + static_cast<int>(engine() % 6)));
    text += entries.back() + "\n";
  }
  if (write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) abort();
  close(fd);
  phiscrub::RulesetOptions o;
  o.entities = {"PERSON"};
  o.dictionaries.push_back({"PERSON", path});
  auto rules = Compile(o);
  unlink(path);
  std::vector<std::string> lines;
  for (size_t i = 0; i < 20000; ++i) {
    std::string l = "Agent: thanks for holding, I have the chart open for ";
    l += (i % 5 == 0) ? entries[engine() % entries.size()] : std::string("the patient");
    l += " and the refill is ready.";
    lines.push_back(std::move(l));
  }
  ScanLines(state, rules, lines, false);
}
BENCHMARK(BM_DictionaryLookup)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Validators on typical values (one call per item).
void BM_Validator(benchmark::State& state) {
  struct Case {
    const char* name;
    const char* value;
  };
  static const Case kCases[] = {{"ssn", "219-09-9999"},       {"nanp", "(415) 555-0132"},
                                {"luhn", "4111111111111111"}, {"card", "4111 1111 1111 1111"},
                                {"npi", "1234567893"},        {"dea", "AB1234563"},
                                {"mbi", "1EG4-TE5-MK73"},     {"date", "03/15/1985"},
                                {"ipv4", "192.0.2.44"},       {"ipv6", "2001:db8::8a2e:370:7334"},
                                {"email", "dana.reyes@example.com"},
                                {"person_name", "Dana Reyes"}};
  const Case& c = kCases[state.range(0)];
  state.SetLabel(c.name);
  auto fn = phiscrub::internal::FindValidator(c.name);
  if (!fn) abort();
  std::string_view v(c.value);
  for (auto _ : state) benchmark::DoNotOptimize(fn(v, 0, v.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Validator)->DenseRange(0, 11);

}  // namespace

BENCHMARK_MAIN();
