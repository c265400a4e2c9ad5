// Custom dictionaries -> one Hyperscan literal database of their words, plus
// sorted hash sets of their entries.
//
// Entries are normalised (ASCII lower case, single spaces) and multi-word
// entries also get their "Last, First" form. Hyperscan finds the words (as
// caseless literals; whole-word checks happen at confirm time); the scanner
// assembles adjacent words into a phrase and looks its hash up. Compiling
// word prefixes (kDictPrefix bytes) rather than entries or whole words keeps
// a million-entry dictionary in seconds: Hyperscan's literal compile time
// grows with the number of distinct literals.
#include "match/dictionary.h"

#include <algorithm>
#include <fstream>

namespace phiscrub::internal {
namespace {

void Normalize(std::string_view line, std::string* out) {
  out->clear();
  bool space = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !out->empty();
      continue;
    }
    if (space) out->push_back(' ');
    space = false;
    out->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

Diagnostic DictProblem(const std::string& file, std::string message) {
  Diagnostic d;
  d.file = file;
  d.message = std::move(message);
  return d;
}

}  // namespace

uint64_t DictHash(std::string_view s) {
  // FNV-1a 64 with a final avalanche (splitmix64 finaliser).
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

bool LoadDictionaries(const std::vector<DictionarySource>& sources,
                      std::vector<DictWords>* out, DictTokens* tokens,
                      uint32_t* max_words, std::vector<Diagnostic>* diags) {
  bool ok = true;
  std::string line, entry, variant, token;
  for (const auto& src : sources) {
    std::ifstream in(src.path, std::ios::binary);
    if (!in) {
      diags->push_back(DictProblem(src.path, "cannot read dictionary file"));
      ok = false;
      continue;
    }
    if (src.entity.empty()) {
      diags->push_back(DictProblem(src.path, "dictionary has no entity type"));
      ok = false;
      continue;
    }
    DictWords* words = nullptr;
    for (auto& w : *out) {
      if (w.entity == src.entity) words = &w;
    }
    if (words == nullptr) {
      out->push_back({src.entity, src.path, {}});
      words = &out->back();
    }
    size_t too_short = 0;
    while (std::getline(in, line)) {
      Normalize(line, &entry);
      if (entry.empty() || entry[0] == '#') continue;
      // One-letter entries would redact every initial; never PHI alone.
      if (entry.size() < 2) {
        ++too_short;
        continue;
      }
      words->entry_hashes.push_back(DictHash(entry));
      uint32_t n = 0;
      size_t pos = 0;
      while (pos < entry.size()) {
        size_t sp = entry.find(' ', pos);
        if (sp == std::string::npos) sp = entry.size();
        size_t end = sp;
        while (end > pos && entry[end - 1] == ',') --end;
        if (end > pos) {
          token.assign(entry, pos, std::min(end - pos, kDictPrefix));
          tokens->insert(token);
          ++n;
        }
        pos = sp + 1;
      }
      *max_words = std::max(*max_words, n);
      size_t last_space = entry.rfind(' ');
      if (last_space != std::string::npos) {  // "dana reyes" -> "reyes, dana"
        variant.assign(entry, last_space + 1);
        variant += ", ";
        variant.append(entry, 0, last_space);
        words->entry_hashes.push_back(DictHash(variant));
      }
    }
    if (too_short > 0) {
      Diagnostic d = DictProblem(
          src.path, std::to_string(too_short) + " entries shorter than 2 bytes skipped");
      d.severity = Diagnostic::Severity::kWarning;
      diags->push_back(d);
    }
  }
  return ok;
}

bool CompileDictionaryDb(std::vector<DictWords> dicts, const DictTokens& tokens,
                         const std::vector<uint32_t>& rule_of_dict,
                         Ruleset::Impl* impl, std::vector<Diagnostic>* diags) {
  for (size_t d = 0; d < dicts.size(); ++d) {
    Ruleset::Impl::DictSet set;
    set.rule = rule_of_dict[d];
    set.hashes = std::move(dicts[d].entry_hashes);
    std::sort(set.hashes.begin(), set.hashes.end());
    set.hashes.erase(std::unique(set.hashes.begin(), set.hashes.end()),
                     set.hashes.end());
    impl->dict_sets.push_back(std::move(set));
  }
  if (tokens.empty()) return true;
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  exprs.reserve(tokens.size());
  lens.reserve(tokens.size());
  for (const auto& t : tokens) {
    exprs.push_back(t.data());
    lens.push_back(t.size());
    impl->dict_token_length.push_back(static_cast<uint32_t>(t.size()));
  }
  std::vector<unsigned> flags(exprs.size(), HS_FLAG_CASELESS);
  std::vector<unsigned> ids(exprs.size());
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<unsigned>(i);
  HsDatabase db;
  hs_compile_error_t* err = nullptr;
  HsCacheOutcome outcome;
  if (CompileCached(impl->cache_dir, true, exprs.data(), flags.data(), ids.data(),
                    lens.data(), static_cast<unsigned>(exprs.size()), &db, &err,
                    &outcome) != HS_SUCCESS) {
    HsCompileError owned(err);
    // The word itself is not printed: it may be part of a patient's name.
    diags->push_back(DictProblem(dicts.empty() ? "" : dicts[0].file,
                                 std::string("Hyperscan (dictionary): ") + err->message));
    return false;
  }
  impl->Count(outcome);
  impl->dict_db = std::move(db);
  return true;
}

}  // namespace phiscrub::internal
