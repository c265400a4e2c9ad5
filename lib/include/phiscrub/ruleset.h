// Ruleset: the compiled, immutable form of pattern packs and a redaction policy.
//
// Lifetime: compiled once, shared by every thread as
// std::shared_ptr<const Ruleset>. A reload builds a new Ruleset and swaps the
// pointer; streams keep the one they started with. Thread-safe: all methods
// are const.
//
// Usage:
//   phiscrub::RulesetOptions opts;
//   opts.rule_dirs = {"/etc/phiscrub/rules"};
//   std::vector<phiscrub::Diagnostic> diags;
//   auto rules = phiscrub::Ruleset::Compile(opts, &diags);
//   if (!rules) { for (auto& d : diags) std::cerr << d.ToString() << "\n"; }
//
// Cost: compiling the built-in packs takes tens of milliseconds (Hyperscan
// database build); do it at start-up, never per record.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace phiscrub {

// One problem found while loading or compiling packs and policy. Names the
// culprit (file, rule id, pattern); never carries scanned input.
struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string file;     // pack or policy file ("<builtin>/us_ssn.yaml")
  std::string rule_id;  // empty when the problem is not about one rule
  std::string pattern;  // the offending pattern, when there is one
  std::string message;
  std::string ToString() const;
};

// A word list whose entries are redacted wherever they occur as whole words
// (case-insensitive; multi-word entries; "Last, First" variants added).
struct DictionarySource {
  std::string entity = "PERSON";
  std::string path;  // one entry per line; blank lines and '#' comments skipped
};
// "FILE" or "TYPE=FILE" (TYPE: upper-case letters, digits, '_'), as --dict
// and the sidecar's `dict` setting take it.
DictionarySource ParseDictionaryArg(const std::string& arg);

struct RulesetOptions {
  // Load the packs compiled into the binary (patterns/*.yaml at build time).
  bool builtin_packs = true;
  // Extra pack directories (*.yaml, *.yml), loaded after the built-ins in
  // order. A rule whose id already exists replaces it; `disabled: true`
  // removes it.
  std::vector<std::string> rule_dirs;
  // When not empty, only rules of these entity types are kept (others are
  // dropped as if disabled). Naming an entity no rule produces is an error.
  std::vector<std::string> entities;
  // Entity types registered even when no rule produces them, so a policy
  // applies when a front end redacts a whole value by other means (a JSON key
  // such as "diagnosis"). Their spans come from Scanner::RenderWhole.
  std::vector<std::string> extra_entities;
  // Custom dictionaries (e.g. patient or provider names), compiled into one
  // Hyperscan literal database. Each entity gets a rule "dict.<ENTITY>".
  std::vector<DictionarySource> dictionaries;
  // HIPAA Safe Harbor dates: also load rules marked `enabled_by: dates_all`
  // (every date, entity DATE), not only dates of birth with context.
  bool dates_all = false;
  // URL spans keep their scheme and host (like `keep_host: true` in the
  // policy for entity URL).
  bool url_keep_host = false;
  // Spoken forms: number words, spelled letters, "dot"/"at" e-mail (the
  // spoken view, normalize/spoken.h). Off only to measure what the view costs
  // or for input that never holds speech.
  bool spoken = true;
  // Policy YAML; empty means the built-in default (label every entity).
  std::string policy_file;
  // HMAC key for `hash` actions. Empty: $PHISCRUB_HASH_KEY_FILE. A policy
  // that hashes with no key is an invalid configuration.
  std::string hash_key_file;
  // Directory of compiled Hyperscan databases (see DefaultCacheDir). Empty:
  // compile every time. A cache only saves time: a missing, corrupted or
  // foreign file is compiled again, never trusted.
  std::string cache_dir;
};

// The cache directory front ends use unless told otherwise:
// $PHISCRUB_CACHE_DIR, else $XDG_CACHE_HOME/phiscrub, else
// $HOME/.cache/phiscrub; "" when none of these is set or PHISCRUB_CACHE_DIR
// is "off".
std::string DefaultCacheDir();

// Read-only description of one compiled rule (for tools, tests, findings).
struct RuleInfo {
  std::string id;
  std::string entity;
  std::string file;
  std::string pattern;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
};

class Ruleset {
 public:
  // Loads, validates and compiles everything. Returns nullptr when any error
  // was found; *diagnostics then lists every problem (not just the first).
  // Warnings may be present on success.
  static std::shared_ptr<const Ruleset> Compile(
      const RulesetOptions& options, std::vector<Diagnostic>* diagnostics);

  ~Ruleset();
  Ruleset(const Ruleset&) = delete;
  Ruleset& operator=(const Ruleset&) = delete;

  size_t rule_count() const;
  const RuleInfo& rule(size_t index) const;
  // Entity names, indexed by Span::entity.
  const std::vector<std::string>& entities() const;
  // Index of an entity name in entities(), or -1.
  int FindEntity(std::string_view name) const;
  // Policy action name ("label", "mask", ...) for an entity index.
  const char* action_name(uint16_t entity) const;
  // The policy's placeholder for a withheld text record, with {reason}
  // replaced ("[PHISCRUB_WITHHELD reason=oversize]").
  std::string TextPlaceholder(std::string_view reason) const;
  // Hyperscan databases of this rule set read from the cache directory or
  // from those the build embedded (the built-in packs with default options),
  // and compiled (RulesetOptions::cache_dir).
  int databases_loaded() const;
  int databases_compiled() const;

  // Internal representation, used by Scanner and the renderer.
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Ruleset(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Runs every rule's `match:` and `no_match:` examples through a Scanner.
// A match example must yield a span from that rule; a no_match example must
// yield no span of the rule's entity. Returns one error per failing example.
std::vector<Diagnostic> CheckRuleExamples(
    const std::shared_ptr<const Ruleset>& ruleset);

}  // namespace phiscrub
