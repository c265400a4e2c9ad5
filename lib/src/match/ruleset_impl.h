// Internal layout of a compiled Ruleset (see phiscrub/ruleset.h).
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "context/lexicon.h"
#include "match/hs_cache.h"
#include "match/hs_handles.h"
#include "match/lazy_re2.h"
#include "phiscrub/ruleset.h"
#include "validate/validators.h"

namespace phiscrub {

namespace internal {

enum class Action : uint8_t { kLabel, kMask, kPartial, kHash, kDrop };
const char* ActionName(Action action);

// Most trailing characters `partial` may keep (policy files are checked).
constexpr int kMaxPartialKeep = 8;

struct EntityPolicy {
  Action action = Action::kLabel;
  std::string label_template = "[{type}]";  // for kLabel; {type} = entity
  int keep = 4;  // for kPartial; values of at most 2*keep characters are fully masked
  bool keep_host = false;  // URLs: keep scheme://host/, redact the rest
};

struct Policy {
  EntityPolicy default_policy;
  std::vector<EntityPolicy> per_entity;  // indexed by entity
  std::string key_id = "k1";
  int hash_hex_chars = 12;
  std::string placeholder = "[PHISCRUB_WITHHELD reason={reason}]";
};

struct CompiledRule {
  RuleInfo info;
  uint16_t entity = 0;
  // RE2s of the built-in packs compile on first use (LazyRe2).
  std::unique_ptr<LazyRe2> finder;   // the pattern, to find the start
  std::string hs_expression;         // what Hyperscan scans for (candidate or pattern)
  std::unique_ptr<LazyRe2> confirm;  // optional: must match the whole span
  std::unique_ptr<LazyRe2> extend;   // optional: grows the span at its end
  int value_group = 0;           // > 0: the span is this group of finder
  Validator validator = nullptr;
  bool digit_boundary = false;
  unsigned max_width = 0;
  float score = 0.5f;
  float min_score = 0.5f;
  // Context: word ids into Impl::hotwords.
  std::vector<uint32_t> words;
  std::vector<uint32_t> negative_words;
  std::vector<uint32_t> asks;  // conversation cues (RawRule::asks)
  bool conversation = true;    // RawRule::conversation
  int before = 48;
  int after = 24;
  float boost = 0.35f;
  float penalty = 0.5f;
  // Below min_score without a context boost: scanned only near hotwords.
  bool anchored = false;
  // A dictionary pseudo-rule: candidates come from Impl::dict_db with their
  // length; there is no finder and it is in neither rules_db nor anchored_db.
  bool dictionary = false;
  bool maximal = false;  // see RawRule::maximal
  // A native detector instead of a pattern (RawRule::detector); it has no
  // Hyperscan expression and runs on every scanned text.
  enum class Detector : uint8_t {
    kNone,
    kNames,
    kPlaces,
    kPlaceZips,
    kCompanionZips,
    kCompanionDates,
    kSegments,
    kCompanionIds,
    kAddressBlocks,
    kPlaceCues,
    kCompanionPhones
  } detector = Detector::kNone;
  // kCompanionIds: the entities (bit = index) whose spans make a record one
  // about a person.
  uint64_t anchor_entities = 0;
  // kSegments: the entity of each FieldCue (context/segments.h), or -1 when
  // that entity is not in this run.
  std::array<int32_t, 16> field_entities{};
  bool has_context() const { return !words.empty() || !negative_words.empty(); }
};

struct Hotword {
  std::string text;    // lower-cased, single spaces
  uint32_t length = 0; // bytes of `text`, to estimate a hit's start
  // How far from a hit an anchored rule using this word can match: the
  // window [hit_start - reach_left, hit_end + reach_right] holds all of them.
  uint32_t reach_left = 0;
  uint32_t reach_right = 0;
};

}  // namespace internal

struct Ruleset::Impl {
  bool spoken = true;  // RulesetOptions::spoken
  std::vector<internal::CompiledRule> rules;
  std::vector<std::string> entities;
  std::vector<internal::Hotword> hotwords;
  // Rules that can fire on their own, scanned over every byte; id = rule index.
  internal::HsDatabase rules_db;
  // Rules that need context, scanned only in windows around hotword hits.
  internal::HsDatabase anchored_db;
  // One literal per hotword (its longest token): where context-only rules
  // may match. May be null.
  internal::HsDatabase context_db;
  // Every hotword as a phrase of context tokens, matched lazily near
  // candidates (context/lexicon.h).
  internal::ContextLexicon lexicon;
  // Per hotword: the entities (bit = entity index, first 64) a turn that says
  // it asks for, so the next turns expect them (words and asks of rules).
  std::vector<uint64_t> asked_entities;
  // The same, from the rules' asks only: what a statement before the turn's
  // question still asks for.
  std::vector<uint64_t> requested_entities;
  // Rules with a native detector (indexes into rules).
  std::vector<uint32_t> detector_rules;
  // Dictionaries: every distinct word of every entry is one caseless
  // Hyperscan literal (id = index into dict_token_length); whole entries are
  // then confirmed by assembling adjacent word hits into a phrase and looking
  // it up in the entity's set. Words, not entries, keep a million-entry
  // dictionary compiling in seconds.
  internal::HsDatabase dict_db;
  // Scratch for every database above, never scanned with: each Scanner
  // clones it (hs_alloc_scratch checks each database's CRC again, at every
  // Scanner; hs_clone_scratch does not). Null if it could not be allocated.
  internal::HsScratch scratch_prototype;
  std::vector<uint32_t> dict_token_length;
  struct DictSet {
    uint32_t rule;  // the dictionary pseudo-rule (entity, rule id)
    std::vector<uint64_t> hashes;  // sorted DictHash of each normalised entry
  };
  std::vector<DictSet> dict_sets;
  uint32_t dict_max_words = 0;  // most words in any entry
  internal::Policy policy;
  std::string hash_key;  // raw key bytes; empty unless a policy hashes
  std::string cache_dir;  // RulesetOptions::cache_dir
  int databases_loaded = 0;
  int databases_compiled = 0;
  void Count(internal::HsCacheOutcome o) {
    const bool loaded =
        o == internal::HsCacheOutcome::kLoaded || o == internal::HsCacheOutcome::kEmbedded;
    (loaded ? databases_loaded : databases_compiled) += 1;
  }
};

}  // namespace phiscrub
