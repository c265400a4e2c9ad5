// Pattern packs and policy as loaded from YAML, before compilation.
// Only this layer knows yaml-cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "phiscrub/ruleset.h"

namespace phiscrub::internal {

struct RawRule {
  std::string file;
  std::string id;
  std::string entity;
  std::string pattern;
  std::string candidate;  // cheaper Hyperscan expression; same end offsets
  std::string confirm;
  std::string validator;
  // A native detector instead of a pattern ("names": the name finder of
  // names/names.h); context words are its cues.
  std::string detector;
  bool caseless = false;
  bool disabled = false;
  // When set, the rule is loaded only with that option ("dates_all").
  std::string enabled_by;
  // Open-ended patterns (URLs): only the longest of consecutive candidate
  // ends is confirmed, so a 200-byte URL costs one confirmation, not 200.
  bool maximal = false;
  // Optional RE2 applied at the end of a confirmed span; what it matches
  // there (longest) joins the span (an address's unit, city, state and ZIP).
  std::string extend;
  // When > 0, the span is this capturing group of the pattern; the rest of
  // the match is context ("Springfield, IL (62704)").
  int value_group = 0;
  bool digit_boundary = false;
  double score = 0.8;
  double min_score = 0.5;
  unsigned max_width = 0;  // 0: from the pattern (must be bounded)
  std::vector<std::string> words;
  std::vector<std::string> negative_words;
  // Conversations: phrases that, said in a turn ("what's the best number to
  // reach you?"), make the next turns expect this rule's entity, as its
  // `words` do.
  std::vector<std::string> asks;
  // Whether a turn that asked for this entity speaks for this rule's values
  // in the next turns (false for shapes too loose to rest on that alone,
  // such as capitalised words for names).
  bool conversation = true;
  int before = 48;
  int after = 24;
  double boost = 0.35;
  double penalty = 0.5;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
  // Rules of the built-in packs as decoded from their build-time blob
  // (pack/pack_blob.h). Hyperscan's expression info for `pattern` (and the
  // candidate's validity), computed by the build with the same Hyperscan
  // version; unknown (recomputed) otherwise.
  bool hs_info_known = false;
  unsigned hs_max_width = 0;
  bool hs_min_width_zero = false;
  // The build compiled this rule's RE2 patterns and checked value_group
  // (phiscrub_gen_packs): they may be compiled on first use (LazyRe2).
  bool build_checked = false;
};

struct RawEntityPolicy {
  std::string entity;  // empty for the default
  std::string action;  // label, mask, partial, hash, drop
  std::string label_template;
  int keep = -1;
  int keep_host = -1;  // -1 unset, 0 false, 1 true
};

struct RawPolicy {
  std::string file;
  RawEntityPolicy default_policy;
  std::vector<RawEntityPolicy> entities;
  std::string key_id;
  int hash_hex_chars = 0;
  std::string placeholder;
};

struct BuiltinPack {
  const char* name;
  const char* text;
};
// Generated at build time from patterns/*.yaml.
extern const BuiltinPack kBuiltinPacks[];
extern const size_t kBuiltinPackCount;

// Parses one pack; appends its rules (in file order) and any problems.
void ParsePack(const std::string& file, std::string_view text,
               std::vector<RawRule>* rules,
               std::vector<Diagnostic>* diagnostics);

// Parses a policy file into *policy; appends any problems.
void ParsePolicy(const std::string& file, std::string_view text,
                 RawPolicy* policy, std::vector<Diagnostic>* diagnostics);

// Reads a whole (small, configuration) file. False when it cannot.
bool ReadSmallFile(const std::string& path, std::string* out);

}  // namespace phiscrub::internal
