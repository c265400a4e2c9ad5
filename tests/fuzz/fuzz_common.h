// Shared by the libFuzzer targets: the default compiled rules (built once per
// process, as a front end does at start-up), an abort that names the broken
// property, and a strict JSON check.
//
// Lifetime: everything here is per process; a fuzz target is single-threaded,
// so the per-thread objects (Scanner, JsonRedactor) are function statics.
#pragma once

#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phiscrub/json.h"
#include "phiscrub/ruleset.h"

namespace phiscrub::fuzz {

// Aborts with the property that failed. Never prints the record: the input
// that broke it is in the crash file libFuzzer writes.
[[noreturn]] inline void Fail(const char* property, const char* file, int line) {
  fprintf(stderr, "phiscrub fuzz: property violated: %s (%s:%d)\n", property, file, line);
  abort();
}
#define PHISCRUB_FUZZ_CHECK(cond) \
  ((cond) ? (void)0 : ::phiscrub::fuzz::Fail(#cond, __FILE__, __LINE__))

// Compiles or aborts: a target without rules would fuzz nothing.
// Through the compiled-rules cache (DefaultCacheDir), as the front ends do:
// compiling the default packs under ASan on a loaded machine took longer
// than libFuzzer's per-input timeout in the first input.
inline std::shared_ptr<const Ruleset> MustCompile(const RulesetOptions& opts) {
  std::vector<Diagnostic> diags;
  RulesetOptions o = opts;
  if (o.cache_dir.empty()) o.cache_dir = DefaultCacheDir();
  auto rules = Ruleset::Compile(o, &diags);
  if (!rules) {
    for (const auto& d : diags) fprintf(stderr, "%s\n", d.ToString().c_str());
    abort();
  }
  return rules;
}

// The built-in packs and default policy, with the entities the default JSON
// key rules redact to registered (as the CLI does).
inline const std::shared_ptr<const Ruleset>& DefaultRules() {
  static const std::shared_ptr<const Ruleset> rules = [] {
    RulesetOptions opts;
    for (auto& e : JsonRequiredEntities(JsonOptions())) opts.extra_entities.push_back(e);
    return MustCompile(opts);
  }();
  return rules;
}

inline std::shared_ptr<const JsonRules> MustCompileJson(const JsonOptions& jopts) {
  std::vector<Diagnostic> diags;
  auto json = JsonRules::Compile(DefaultRules(), jopts, &diags);
  if (!json) {
    for (const auto& d : diags) fprintf(stderr, "%s\n", d.ToString().c_str());
    abort();
  }
  return json;
}

// Default key rules (HIPAA keys, nested JSON), no vendor profiles.
inline const std::shared_ptr<const JsonRules>& DefaultJsonRules() {
  static const std::shared_ptr<const JsonRules> json = MustCompileJson(JsonOptions());
  return json;
}

// True when `text` is one valid JSON document (RFC 8259 and UTF-8, as
// simdjson's DOM parser checks them).
inline bool ValidJson(std::string_view text) {
  static simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element doc;
  return parser.parse(padded).get(doc) == simdjson::SUCCESS;
}

}  // namespace phiscrub::fuzz
