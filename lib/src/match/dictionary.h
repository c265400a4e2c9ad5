// Custom dictionaries (names of patients, providers, facilities): loading and
// compiling into Ruleset::Impl::dict_db. Used only by Ruleset::Compile.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "match/ruleset_impl.h"

namespace phiscrub::internal {

// The entries of every dictionary of one entity type, as hashes of their
// normalised form (lower case, single spaces, "last, first" variants added).
struct DictWords {
  std::string entity;
  std::string file;  // first file, for diagnostics
  std::vector<uint64_t> entry_hashes;
};

// Every distinct word of every entry (what Hyperscan looks for).
using DictTokens = std::unordered_set<std::string>;
// Bytes of each dictionary word compiled as a Hyperscan literal; the scanner
// extends a hit to the end of the word.
constexpr size_t kDictPrefix = 4;

// 64-bit hash of a normalised entry. Lookups compare hashes only: a
// collision (about 1e-7 for a million entries) can only over-redact.
uint64_t DictHash(std::string_view normalised);

// Reads every source; entries of the same entity are merged. Returns false
// (with diagnostics naming the file, never an entry) when a file is unusable.
bool LoadDictionaries(const std::vector<DictionarySource>& sources,
                      std::vector<DictWords>* out, DictTokens* tokens,
                      uint32_t* max_words, std::vector<Diagnostic>* diags);

// Compiles every token as a caseless Hyperscan literal and moves the entry
// hashes into impl->dict_sets; rule_of_dict[i] is the pseudo-rule of dicts[i].
bool CompileDictionaryDb(std::vector<DictWords> dicts, const DictTokens& tokens,
                         const std::vector<uint32_t>& rule_of_dict,
                         Ruleset::Impl* impl, std::vector<Diagnostic>* diags);

}  // namespace phiscrub::internal
