// Ruleset::Compile: packs + policy -> Hyperscan databases, RE2 finders,
// validators and the context lexicon. Every problem is reported, not just the
// first, and each names its file, rule id and pattern.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "format/json_internal.h"
#include "match/dictionary.h"
#include "match/ruleset_impl.h"
#include "pack/pack.h"
#include "pack/pack_blob.h"

namespace phiscrub {

using internal::Action;
using internal::CompiledRule;
using internal::RawRule;

namespace {

Diagnostic Problem(const std::string& file, const std::string& rule_id,
                   std::string message, std::string pattern = {}) {
  Diagnostic d;
  d.file = file;
  d.rule_id = rule_id;
  d.message = std::move(message);
  d.pattern = std::move(pattern);
  return d;
}

bool HasError(const std::vector<Diagnostic>& diags) {
  return std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

// Lower-cases and collapses blanks, so "Social  Security" == "social security".
std::string NormalizeWord(const std::string& w) {
  std::string out;
  bool space = false;
  for (char c : w) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  }
  return out;
}

bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

// The Hyperscan expression that finds where a hotword may be, for the windows
// in which context-only rules are scanned: its longest token as a caseless
// literal (cheap to compile and to scan); a token of three letters or fewer
// would hit inside every other word, so it must stand alone (or next to a
// digit).
std::string AnchorExpression(const std::string& w) {
  static const char kHex[] = "0123456789abcdef";
  std::string anchor = internal::ContextLexicon::AnchorOf(w);
  std::string core;
  for (char c : anchor) {
    core += "\\x";
    core.push_back(kHex[(c >> 4) & 0xF]);
    core.push_back(kHex[c & 0xF]);
  }
  if (anchor.size() > 3 || anchor.empty()) return core;
  // The expression finds at least every place where the context tokenizer
  // (TokenizeContext) reads the anchor as a token, or a record would get a
  // different answer in a batch where some other word opens the window
  // (fuzz_pipeline finding pipeline_text_chunking_invalid_utf8). A token
  // starts at a word edge, after "_" or a digit ("SSN4", "L4SSN", "mrn2"), or
  // at an upper-case letter after a letter ("xMRN", "patientMRN",
  // "ABCMrn"); it ends at a word edge, "_", a digit, or before an upper-case
  // letter ("mrnNumber", "NPIRenderer").
  auto upper = [&](char c) {
    char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    std::string x = "\\x";
    x.push_back(kHex[(u >> 4) & 0xF]);
    x.push_back(kHex[u & 0xF]);
    return x;
  };
  const bool letter_head = (anchor.front() >= 'a' && anchor.front() <= 'z');
  std::string head;
  if (letter_head) {
    head = "(?:(?:\\b|_|\\d)" + core.substr(0, 4) + "|(?-i:[A-Za-z]" + upper(anchor.front()) +
           "))";
    core = core.substr(4);
  } else if (IsWordChar(anchor.front())) {
    head = "(?:\\b|_|\\d)";
  }
  std::string tail;
  if (anchor.back() >= 'a' && anchor.back() <= 'z') {
    tail = "(?:\\b|_|\\d|(?-i:[A-Z]))";
  } else if (IsWordChar(anchor.back())) {
    tail = "(?:\\b|_|\\d)";
  }
  return head + core + tail;
}

void LoadPacks(const RulesetOptions& options, std::vector<RawRule>* rules,
               std::vector<Diagnostic>* diags) {
  std::vector<RawRule> loaded;
  if (options.builtin_packs) {
    // Each pack as the build parsed it (pack/pack_blob.h); its YAML when the
    // blob is missing or does not decode.
    const bool blobs = internal::kBuiltinPackBlobCount == internal::kBuiltinPackCount;
    for (size_t i = 0; i < internal::kBuiltinPackCount; ++i) {
      const auto& p = internal::kBuiltinPacks[i];
      if (blobs) {
        const auto& b = internal::kBuiltinPackBlobs[i];
        if (std::strcmp(b.name, p.name) == 0 && b.size > 0 &&
            internal::DeserializeRules(
                std::string_view(reinterpret_cast<const char*>(b.data), b.size), hs_version(),
                &loaded)) {
          continue;
        }
      }
      internal::ParsePack(std::string("<builtin>/") + p.name, p.text, &loaded,
                          diags);
    }
  }
  namespace fs = std::filesystem;
  for (const auto& dir : options.rule_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      diags->push_back(Problem(dir, "", "rules directory not found"));
      continue;
    }
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      auto ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());  // deterministic order
    for (const auto& f : files) {
      std::string text;
      if (!internal::ReadSmallFile(f, &text)) {
        diags->push_back(Problem(f, "", "cannot read pack file"));
        continue;
      }
      internal::ParsePack(f, text, &loaded, diags);
    }
  }
  // Later definitions of an id replace earlier ones in place; disabled rules
  // are removed. Duplicate ids inside one file are an error.
  std::unordered_map<std::string, size_t> index;
  for (auto& r : loaded) {
    auto it = index.find(r.id);
    if (it == index.end()) {
      index.emplace(r.id, rules->size());
      rules->push_back(std::move(r));
      continue;
    }
    RawRule& prev = (*rules)[it->second];
    if (prev.file == r.file) {
      diags->push_back(Problem(r.file, r.id, "duplicate rule id in one pack"));
    }
    prev = std::move(r);
  }
  rules->erase(std::remove_if(rules->begin(), rules->end(),
                              [&](const RawRule& r) {
                                return r.disabled ||
                                       (r.enabled_by == "dates_all" &&
                                        !options.dates_all);
                              }),
               rules->end());
}

bool ParseAction(const std::string& s, Action* a) {
  static const std::map<std::string, Action> kActions = {
      {"label", Action::kLabel},     {"mask", Action::kMask},
      {"partial", Action::kPartial}, {"hash", Action::kHash},
      {"drop", Action::kDrop}};
  auto it = kActions.find(s);
  if (it == kActions.end()) return false;
  *a = it->second;
  return true;
}

void ApplyEntityPolicy(const internal::RawEntityPolicy& raw,
                       const std::string& file, internal::EntityPolicy* p,
                       std::vector<Diagnostic>* diags) {
  if (!raw.action.empty() && !ParseAction(raw.action, &p->action)) {
    diags->push_back(Problem(file, raw.entity,
                             "unknown action '" + raw.action +
                                 "' (label, mask, partial, hash, drop)"));
  }
  if (!raw.label_template.empty()) p->label_template = raw.label_template;
  if (raw.keep >= 0) {
    // `partial` keeps at most the last kMaxPartialKeep characters (a card's or
    // an SSN's last four are the common need); more would leave most short
    // values readable.
    if (raw.keep > internal::kMaxPartialKeep) {
      diags->push_back(Problem(file, raw.entity,
                               "keep: " + std::to_string(raw.keep) + " is more than " +
                                   std::to_string(internal::kMaxPartialKeep) +
                                   " characters; partial must hide most of a value"));
    } else {
      p->keep = raw.keep;
    }
  }
  if (raw.keep_host >= 0) p->keep_host = raw.keep_host == 1;
}

}  // namespace

Ruleset::Ruleset(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ruleset::~Ruleset() = default;

size_t Ruleset::rule_count() const { return impl_->rules.size(); }
const RuleInfo& Ruleset::rule(size_t i) const { return impl_->rules[i].info; }
const std::vector<std::string>& Ruleset::entities() const {
  return impl_->entities;
}

int Ruleset::FindEntity(std::string_view name) const {
  for (size_t i = 0; i < impl_->entities.size(); ++i) {
    if (impl_->entities[i] == name) return static_cast<int>(i);
  }
  return -1;
}
const char* Ruleset::action_name(uint16_t entity) const {
  return internal::ActionName(impl_->policy.per_entity[entity].action);
}

DictionarySource ParseDictionaryArg(const std::string& arg) {
  DictionarySource src;
  size_t eq = arg.find('=');
  bool typed = eq != std::string::npos && eq > 0 &&
               std::all_of(arg.begin(), arg.begin() + eq, [](char ch) {
                 return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
               });
  if (typed) {
    src.entity = arg.substr(0, eq);
    src.path = arg.substr(eq + 1);
  } else {
    src.path = arg;
  }
  return src;
}

std::string Ruleset::TextPlaceholder(std::string_view reason) const {
  return internal::SubstituteReason(impl_->policy.placeholder, reason);
}

int Ruleset::databases_loaded() const { return impl_->databases_loaded; }
int Ruleset::databases_compiled() const { return impl_->databases_compiled; }

std::string DefaultCacheDir() {
  auto env = [](const char* name) -> std::string {
    const char* v = getenv(name);
    return v ? std::string(v) : std::string();
  };
  std::string dir = env("PHISCRUB_CACHE_DIR");
  if (dir == "off") return {};
  if (!dir.empty()) return dir;
  if (std::string x = env("XDG_CACHE_HOME"); !x.empty() && x[0] == '/') return x + "/phiscrub";
  if (std::string h = env("HOME"); !h.empty()) return h + "/.cache/phiscrub";
  return {};
}

// The parts of a detector rule the pack gives: entity, scores, cue words.
template <typename WordId>
bool BuildNativeRule(const RawRule& r, CompiledRule* c, WordId& word_id,
                     std::unordered_map<std::string, uint16_t>& entity_index,
                     Ruleset::Impl* impl, std::vector<Diagnostic>* diags) {
  if (r.entity.empty()) {
    diags->push_back(Problem(r.file, r.id, "rule has no entity"));
    return false;
  }
  for (const auto& w : r.words) {
    if (!NormalizeWord(w).empty()) c->words.push_back(word_id(w));
  }
  for (const auto& w : r.negative_words) {
    if (!NormalizeWord(w).empty()) c->negative_words.push_back(word_id(w));
  }
  for (const auto& w : r.asks) {
    if (!NormalizeWord(w).empty()) c->asks.push_back(word_id(w));
  }
  auto [eit, inserted] =
      entity_index.emplace(r.entity, static_cast<uint16_t>(impl->entities.size()));
  if (inserted) impl->entities.push_back(r.entity);
  c->entity = eit->second;
  c->score = static_cast<float>(r.score);
  c->min_score = static_cast<float>(r.min_score);
  c->before = r.before;
  c->after = r.after;
  c->conversation = r.conversation;
  c->info.id = r.id;
  c->info.entity = r.entity;
  c->info.file = r.file;
  c->info.pattern = "detector: " + r.detector;
  c->info.match_examples = r.match_examples;
  c->info.no_match_examples = r.no_match_examples;
  return true;
}

std::shared_ptr<const Ruleset> Ruleset::Compile(
    const RulesetOptions& options, std::vector<Diagnostic>* diags) {
  std::vector<Diagnostic> local;
  if (diags == nullptr) diags = &local;
  auto impl = std::make_unique<Impl>();
  impl->cache_dir = options.cache_dir;
  impl->spoken = options.spoken;

  std::vector<RawRule> raw;
  LoadPacks(options, &raw, diags);
  if (!options.entities.empty()) {
    for (const auto& e : options.entities) {
      bool known = std::any_of(raw.begin(), raw.end(),
                               [&](const RawRule& r) { return r.entity == e; }) ||
                   std::any_of(options.dictionaries.begin(), options.dictionaries.end(),
                               [&](const DictionarySource& d) { return d.entity == e; });
      if (!known) {
        // One vocabulary: names are PERSON everywhere (PERSON_NAME was an old
        // profile label), so the old name is refused with the new one.
        diags->push_back(Problem("", "", e == "PERSON_NAME"
                                             ? "no rule produces entity 'PERSON_NAME': names "
                                               "are 'PERSON' (--entities PERSON)"
                                             : "no rule produces entity '" + e + "'"));
      }
    }
    // A segments rule reports many entities: it stays, limited to those
    // asked for (see field_entities).
    raw.erase(std::remove_if(raw.begin(), raw.end(),
                             [&](const RawRule& r) {
                               return r.detector != "segments" &&
                                      std::find(options.entities.begin(),
                                                options.entities.end(),
                                                r.entity) == options.entities.end();
                             }),
              raw.end());
  }
  const bool any_dict = std::any_of(
      options.dictionaries.begin(), options.dictionaries.end(), [&](const DictionarySource& d) {
        return options.entities.empty() ||
               std::find(options.entities.begin(), options.entities.end(), d.entity) !=
                   options.entities.end();
      });
  if (raw.empty() && !any_dict && !HasError(*diags)) {
    diags->push_back(Problem("", "", "no rules loaded"));
  }
  if (raw.size() > 65535) {
    diags->push_back(Problem("", "", "more than 65535 rules"));
    return nullptr;
  }

  std::unordered_map<std::string, uint16_t> entity_index;
  std::unordered_map<std::string, uint32_t> word_index;
  auto word_id = [&](const std::string& w) -> uint32_t {
    std::string n = NormalizeWord(w);
    auto [it, inserted] =
        word_index.emplace(n, static_cast<uint32_t>(impl->hotwords.size()));
    if (inserted) {
      impl->hotwords.push_back({n, static_cast<uint32_t>(n.size())});
    }
    return it->second;
  };

  std::vector<const char*> exprs;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (auto& r : raw) {
    size_t before = diags->size();
    CompiledRule c;
    if (r.entity.empty()) {
      diags->push_back(Problem(r.file, r.id, "rule has no entity"));
    }
    if (!r.detector.empty()) {
      if (!r.pattern.empty()) {
        diags->push_back(Problem(r.file, r.id, "a rule has a pattern or a detector, not both"));
      }
      if (r.detector != "names" && r.detector != "places" && r.detector != "place_zips" &&
          r.detector != "segments" && r.detector != "companion_ids" &&
          r.detector != "companion_zips" && r.detector != "companion_dates" &&
          r.detector != "address_blocks" && r.detector != "place_cues" &&
          r.detector != "companion_phones") {
        diags->push_back(Problem(r.file, r.id, "unknown detector '" + r.detector +
                                                   "' (known: names, places, place_zips, "
                                                   "segments, companion_ids, companion_zips, companion_dates, "
                                                   "address_blocks, place_cues, companion_phones)"));
        continue;
      }
      CompiledRule c;
      c.detector = r.detector == "names"           ? CompiledRule::Detector::kNames
                   : r.detector == "places"        ? CompiledRule::Detector::kPlaces
                   : r.detector == "place_zips"    ? CompiledRule::Detector::kPlaceZips
                   : r.detector == "companion_ids" ? CompiledRule::Detector::kCompanionIds
                   : r.detector == "companion_zips" ? CompiledRule::Detector::kCompanionZips
                   : r.detector == "companion_dates" ? CompiledRule::Detector::kCompanionDates
                   : r.detector == "address_blocks" ? CompiledRule::Detector::kAddressBlocks
                   : r.detector == "place_cues"     ? CompiledRule::Detector::kPlaceCues
                   : r.detector == "companion_phones" ? CompiledRule::Detector::kCompanionPhones
                                                    : CompiledRule::Detector::kSegments;
      if (!BuildNativeRule(r, &c, word_id, entity_index, impl.get(), diags)) continue;
      if (c.detector == CompiledRule::Detector::kSegments) {
        // Each field cue reports its own entity (only those this run wants).
        static const char* const kFieldEntities[] = {
            "MRN", "US_SSN", "DATE_OF_BIRTH", "PERSON", "STREET_ADDRESS", "PHONE_NUMBER",
            "HEALTH_PLAN_ID", "US_NPI", "ACCOUNT_NUMBER", "ZIP_CODE", "LOCATION", "US_ITIN"};
        c.field_entities.fill(-1);
        for (size_t f = 0; f < std::size(kFieldEntities); ++f) {
          std::string e = kFieldEntities[f];
          if (!options.entities.empty() &&
              std::find(options.entities.begin(), options.entities.end(), e) ==
                  options.entities.end()) {
            continue;
          }
          auto [eit, inserted] =
              entity_index.emplace(e, static_cast<uint16_t>(impl->entities.size()));
          if (inserted) impl->entities.push_back(e);
          c.field_entities[f] = eit->second;
        }
      }
      impl->detector_rules.push_back(static_cast<uint32_t>(impl->rules.size()));
      flags.push_back(0);
      ids.push_back(static_cast<unsigned>(impl->rules.size()));
      impl->rules.push_back(std::move(c));
      continue;
    }
    if (r.pattern.empty()) {
      diags->push_back(Problem(r.file, r.id, "rule has no pattern"));
      continue;
    }
    if (r.score < 0 || r.score > 1 || r.min_score < 0 || r.min_score > 1) {
      diags->push_back(Problem(r.file, r.id, "score and min_score must be in [0, 1]"));
    }
    unsigned hs_flags = HS_FLAG_DOTALL | HS_FLAG_MULTILINE;
    if (r.caseless) hs_flags |= HS_FLAG_CASELESS;
    bool empty_ok = false;
    if (r.hs_info_known) {
      // Asked by the build of this same Hyperscan (pack/pack_blob.h).
      c.max_width = r.hs_max_width;
      empty_ok = r.hs_min_width_zero;
    } else {
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* err = nullptr;
      if (hs_expression_info(r.pattern.c_str(), hs_flags, &info, &err) != HS_SUCCESS) {
        internal::HsCompileError owned(err);
        diags->push_back(Problem(r.file, r.id,
                                 std::string("Hyperscan: ") + err->message,
                                 r.pattern));
        continue;
      }
      c.max_width = info->max_width;
      empty_ok = info->min_width == 0;
      free(info);
    }
    c.hs_expression = r.pattern;
    if (empty_ok) {
      diags->push_back(Problem(r.file, r.id, "pattern can match empty text", r.pattern));
    }
    if (r.max_width > 0) {
      c.max_width = std::min(c.max_width, r.max_width);
    } else if (c.max_width == UINT_MAX) {
      diags->push_back(Problem(
          r.file, r.id,
          "pattern has no maximum length: bound it or set max_width",
          r.pattern));
    }
    if (!r.candidate.empty() && r.hs_info_known) {
      c.hs_expression = r.candidate;  // the build checked it
    } else if (!r.candidate.empty()) {
      // The candidate replaces the pattern in Hyperscan only; it must report
      // (at least) every end offset of the pattern.
      hs_expr_info_t* cinfo = nullptr;
      hs_compile_error_t* cerr = nullptr;
      if (hs_expression_info(r.candidate.c_str(), hs_flags, &cinfo, &cerr) !=
          HS_SUCCESS) {
        internal::HsCompileError owned(cerr);
        diags->push_back(Problem(r.file, r.id,
                                 std::string("Hyperscan (candidate): ") + cerr->message,
                                 r.candidate));
      } else {
        free(cinfo);
        c.hs_expression = r.candidate;
      }
    }
    // Built-in rules the build checked (RE2 patterns, value_group) compile
    // their RE2s on first use; any other rule's now, so a problem is a
    // diagnostic of this load.
    using internal::LazyRe2;
    const LazyRe2::Mode re_mode = r.build_checked ? LazyRe2::Mode::kLazy : LazyRe2::Mode::kEager;
    c.finder = std::make_unique<LazyRe2>(r.pattern, internal::FinderOptions(r.caseless),
                                         r.id + " (pattern)", re_mode);
    if (!r.build_checked && !c.finder->re().ok()) {
      diags->push_back(Problem(r.file, r.id, "RE2: " + c.finder->re().error(), r.pattern));
    }
    if (!r.confirm.empty()) {
      c.confirm = std::make_unique<LazyRe2>(r.confirm, internal::ConfirmOptions(r.caseless),
                                            r.id + " (confirm)", re_mode);
      if (!r.build_checked && !c.confirm->re().ok()) {
        diags->push_back(Problem(r.file, r.id,
                                 "confirm RE2: " + c.confirm->re().error(), r.confirm));
      }
    }
    if (!r.build_checked &&
        (r.value_group < 0 ||
         (c.finder->re().ok() && r.value_group > c.finder->re().NumberOfCapturingGroups()))) {
      diags->push_back(Problem(r.file, r.id,
                               "value_group names no capturing group of the pattern",
                               r.pattern));
    }
    if (!r.extend.empty()) {
      c.extend = std::make_unique<LazyRe2>(r.extend, internal::ExtendOptions(r.caseless),
                                           r.id + " (extend)", re_mode);
      if (!r.build_checked && !c.extend->re().ok()) {
        diags->push_back(Problem(r.file, r.id,
                                 "extend RE2: " + c.extend->re().error(), r.extend));
      }
    }
    if (!r.validator.empty()) {
      c.validator = internal::FindValidator(r.validator);
      if (c.validator == nullptr) {
        diags->push_back(Problem(r.file, r.id,
                                 "unknown validator '" + r.validator +
                                     "' (known: " + internal::ValidatorNames() + ")"));
      }
    }
    if (r.min_score > r.score && r.words.empty()) {
      diags->push_back(Problem(r.file, r.id,
                               "min_score above score but no context words: "
                               "the rule can never fire"));
    }
    if (r.before < 0 || r.after < 0 || r.before > 4096 || r.after > 4096) {
      diags->push_back(Problem(r.file, r.id, "context windows must be 0..4096 bytes"));
    }
    for (const auto& w : r.words) {
      if (NormalizeWord(w).empty()) {
        diags->push_back(Problem(r.file, r.id, "empty context word"));
      } else {
        c.words.push_back(word_id(w));
      }
    }
    for (const auto& w : r.asks) {
      if (NormalizeWord(w).empty()) {
        diags->push_back(Problem(r.file, r.id, "empty asks phrase"));
      } else {
        c.asks.push_back(word_id(w));
      }
    }
    for (const auto& w : r.negative_words) {
      if (NormalizeWord(w).empty()) {
        diags->push_back(Problem(r.file, r.id, "empty negative context word"));
      } else {
        c.negative_words.push_back(word_id(w));
      }
    }
    if (diags->size() != before && HasError(*diags)) continue;

    auto [eit, inserted] = entity_index.emplace(
        r.entity, static_cast<uint16_t>(impl->entities.size()));
    if (inserted) impl->entities.push_back(r.entity);
    c.entity = eit->second;
    c.digit_boundary = r.digit_boundary;
    c.conversation = r.conversation;
    c.maximal = r.maximal;
    c.value_group = r.value_group;
    c.anchored = r.min_score > r.score;
    c.score = static_cast<float>(r.score);
    c.min_score = static_cast<float>(r.min_score);
    c.before = r.before;
    c.after = r.after;
    c.boost = static_cast<float>(r.boost);
    c.penalty = static_cast<float>(r.penalty);
    c.info.id = r.id;
    c.info.entity = r.entity;
    c.info.file = r.file;
    c.info.pattern = r.pattern;
    c.info.match_examples = r.match_examples;
    c.info.no_match_examples = r.no_match_examples;
    flags.push_back(hs_flags);
    ids.push_back(static_cast<unsigned>(impl->rules.size()));
    impl->rules.push_back(std::move(c));
  }

  // Dictionaries: one pseudo-rule per entity type.
  std::vector<internal::DictWords> dicts;
  internal::DictTokens dict_tokens;
  std::vector<uint32_t> rule_of_dict;
  // --entities filters dictionaries too: a PERSON roster stays out of an
  // `--entities US_SSN` run.
  std::vector<DictionarySource> dict_sources;
  for (const auto& d : options.dictionaries) {
    if (options.entities.empty() ||
        std::find(options.entities.begin(), options.entities.end(), d.entity) !=
            options.entities.end()) {
      dict_sources.push_back(d);
    }
  }
  internal::LoadDictionaries(dict_sources, &dicts, &dict_tokens,
                             &impl->dict_max_words, diags);
  for (const auto& d : dicts) {
    CompiledRule c;
    auto [eit, inserted] = entity_index.emplace(
        d.entity, static_cast<uint16_t>(impl->entities.size()));
    if (inserted) impl->entities.push_back(d.entity);
    c.entity = eit->second;
    c.dictionary = true;
    c.score = 0.9f;
    c.min_score = 0.5f;
    c.info.id = "dict." + d.entity;
    c.info.entity = d.entity;
    c.info.file = d.file;
    rule_of_dict.push_back(static_cast<uint32_t>(impl->rules.size()));
    impl->rules.push_back(std::move(c));
  }

  for (const auto& e : options.extra_entities) {
    auto [eit, inserted] = entity_index.emplace(
        e, static_cast<uint16_t>(impl->entities.size()));
    if (inserted) impl->entities.push_back(e);
  }

  // Policy.
  internal::RawPolicy raw_policy;
  if (!options.policy_file.empty()) {
    std::string text;
    if (!internal::ReadSmallFile(options.policy_file, &text)) {
      diags->push_back(Problem(options.policy_file, "", "cannot read policy file"));
    } else {
      internal::ParsePolicy(options.policy_file, text, &raw_policy, diags);
    }
  }
  auto& policy = impl->policy;
  ApplyEntityPolicy(raw_policy.default_policy, raw_policy.file,
                    &policy.default_policy, diags);
  policy.per_entity.assign(impl->entities.size(), policy.default_policy);
  for (const auto& e : raw_policy.entities) {
    auto it = entity_index.find(e.entity);
    if (it == entity_index.end()) {
      if (e.entity == "PERSON_NAME") {  // the old label: an error, or a policy is ignored
        diags->push_back(Problem(raw_policy.file, e.entity,
                                 "names are the entity 'PERSON'; write PERSON, not PERSON_NAME"));
        continue;
      }
      Diagnostic d = Problem(raw_policy.file, e.entity,
                             "policy names an entity no rule produces");
      d.severity = Diagnostic::Severity::kWarning;
      diags->push_back(d);
      continue;
    }
    ApplyEntityPolicy(e, raw_policy.file, &policy.per_entity[it->second], diags);
  }
  if (options.url_keep_host) {
    auto it = entity_index.find("URL");
    if (it != entity_index.end()) policy.per_entity[it->second].keep_host = true;
  }
  if (!raw_policy.key_id.empty()) policy.key_id = raw_policy.key_id;
  if (raw_policy.hash_hex_chars != 0) {
    if (raw_policy.hash_hex_chars < 8 || raw_policy.hash_hex_chars > 64) {
      diags->push_back(Problem(raw_policy.file, "", "hash length must be 8..64 hex chars"));
    } else {
      policy.hash_hex_chars = raw_policy.hash_hex_chars;
    }
  }
  if (!raw_policy.placeholder.empty()) policy.placeholder = raw_policy.placeholder;
  for (char c : policy.key_id) {
    if (!IsWordChar(c) && c != '-') {
      diags->push_back(Problem(raw_policy.file, "", "hash key_id must be [A-Za-z0-9_-]"));
      break;
    }
  }

  bool hashes = std::any_of(policy.per_entity.begin(), policy.per_entity.end(),
                            [](const auto& p) { return p.action == Action::kHash; });
  if (hashes) {
    std::string key_file = options.hash_key_file;
    if (key_file.empty()) {
      const char* env = std::getenv("PHISCRUB_HASH_KEY_FILE");
      if (env) key_file = env;
    }
    if (key_file.empty()) {
      diags->push_back(Problem(raw_policy.file, "",
                               "policy uses 'hash' but no key: pass --hash-key-file "
                               "or set PHISCRUB_HASH_KEY_FILE"));
    } else if (!internal::ReadSmallFile(key_file, &impl->hash_key)) {
      diags->push_back(Problem(key_file, "", "cannot read hash key file"));
    } else {
      while (!impl->hash_key.empty() &&
             (impl->hash_key.back() == '\n' || impl->hash_key.back() == '\r')) {
        impl->hash_key.pop_back();
      }
      if (impl->hash_key.size() < 16) {
        diags->push_back(Problem(key_file, "", "hash key must be at least 16 bytes"));
      }
    }
  }

  if (HasError(*diags)) return nullptr;

  // Hyperscan databases: rules that fire alone are scanned everywhere; rules
  // that need context only around their hotwords.
  for (auto& c : impl->rules) {
    if (!c.anchored) continue;
    for (uint32_t w : c.words) {
      auto& hw = impl->hotwords[w];
      hw.reach_left = std::max<uint32_t>(hw.reach_left, c.after + c.max_width + 1);
      hw.reach_right = std::max<uint32_t>(hw.reach_right, c.before + c.max_width + 1);
    }
  }
  impl->asked_entities.assign(impl->hotwords.size(), 0);
  impl->requested_entities.assign(impl->hotwords.size(), 0);
  for (const auto& c : impl->rules) {
    if (c.entity >= 64) continue;
    // (A rule outside conversations asks for nothing with its words.)
    if (c.conversation) {
      for (uint32_t w : c.words) impl->asked_entities[w] |= uint64_t{1} << c.entity;
    }
    for (uint32_t w : c.asks) {
      impl->asked_entities[w] |= uint64_t{1} << c.entity;
      impl->requested_entities[w] |= uint64_t{1} << c.entity;
    }
  }
  for (bool anchored : {false, true}) {
    exprs.clear();
    std::vector<unsigned> db_flags, db_ids;
    for (size_t i = 0; i < impl->rules.size(); ++i) {
      if (impl->rules[i].dictionary) continue;
      if (impl->rules[i].detector != CompiledRule::Detector::kNone) continue;
      if (impl->rules[i].anchored != anchored) continue;
      exprs.push_back(impl->rules[i].hs_expression.c_str());
      db_flags.push_back(flags[i]);
      db_ids.push_back(ids[i]);
    }
    if (exprs.empty()) continue;
    internal::HsDatabase db;
    hs_compile_error_t* err = nullptr;
    internal::HsCacheOutcome outcome;
    if (internal::CompileCached(impl->cache_dir, false, exprs.data(), db_flags.data(),
                                db_ids.data(), nullptr, static_cast<unsigned>(exprs.size()),
                                &db, &err, &outcome) != HS_SUCCESS) {
      internal::HsCompileError owned(err);
      std::string rule_id, pattern, file;
      if (err->expression >= 0 && static_cast<size_t>(err->expression) < db_ids.size()) {
        const auto& c = impl->rules[db_ids[err->expression]];
        rule_id = c.info.id;
        pattern = c.hs_expression;
        file = c.info.file;
      }
      diags->push_back(Problem(file, rule_id, std::string("Hyperscan: ") + err->message, pattern));
      return nullptr;
    }
    impl->Count(outcome);
    (anchored ? impl->anchored_db : impl->rules_db) = std::move(db);
  }

  if (!impl->hotwords.empty()) {
    std::vector<std::string> hw_exprs;
    std::vector<const char*> hw_ptrs;
    std::vector<unsigned> hw_flags, hw_ids;
    for (size_t i = 0; i < impl->hotwords.size(); ++i) {
      if (!impl->lexicon.Add(impl->hotwords[i].text, static_cast<uint32_t>(i))) continue;
      hw_exprs.push_back(AnchorExpression(impl->hotwords[i].text));
      hw_flags.push_back(HS_FLAG_CASELESS);
      hw_ids.push_back(static_cast<unsigned>(i));
    }
    for (const auto& e : hw_exprs) hw_ptrs.push_back(e.c_str());
    internal::HsDatabase db;
    hs_compile_error_t* err = nullptr;
    internal::HsCacheOutcome outcome;
    if (internal::CompileCached(impl->cache_dir, false, hw_ptrs.data(), hw_flags.data(),
                                hw_ids.data(), nullptr, static_cast<unsigned>(hw_ptrs.size()),
                                &db, &err, &outcome) != HS_SUCCESS) {
      internal::HsCompileError owned(err);
      std::string word = err->expression >= 0
                             ? impl->hotwords[hw_ids[err->expression]].text
                             : std::string();
      diags->push_back(Problem("", "", std::string("Hyperscan (context word): ") +
                                           err->message, word));
      return nullptr;
    }
    impl->Count(outcome);
    impl->context_db = std::move(db);
  }
  // Companion ids stand beside direct identifiers of a person: which
  // entities of this run those are.
  for (auto& c : impl->rules) {
    if (c.detector != CompiledRule::Detector::kCompanionIds &&
        c.detector != CompiledRule::Detector::kCompanionZips &&
        c.detector != CompiledRule::Detector::kCompanionDates &&
        c.detector != CompiledRule::Detector::kCompanionPhones) {
      continue;
    }
    static const char* const kAnchors[] = {"PERSON",       "US_SSN",         "US_ITIN",
                                           "DATE_OF_BIRTH", "PHONE_NUMBER",  "EMAIL_ADDRESS",
                                           "STREET_ADDRESS", "MRN",          "HEALTH_PLAN_ID",
                                           "US_MBI"};
    for (const char* a : kAnchors) {
      auto it = entity_index.find(a);
      if (it != entity_index.end() && it->second < 64) c.anchor_entities |= uint64_t{1} << it->second;
    }
  }
  if (!internal::CompileDictionaryDb(std::move(dicts), dict_tokens, rule_of_dict, impl.get(), diags)) {
    return nullptr;
  }
  hs_scratch_t* scratch = nullptr;
  bool scratch_ok = true;
  for (const hs_database_t* db : {impl->rules_db.get(), impl->anchored_db.get(),
                                  impl->context_db.get(), impl->dict_db.get()}) {
    if (db && hs_alloc_scratch(db, &scratch) != HS_SUCCESS) scratch_ok = false;
  }
  impl->scratch_prototype.reset(scratch);
  if (!scratch_ok) impl->scratch_prototype.reset();  // Scanners allocate their own
  return std::shared_ptr<const Ruleset>(new Ruleset(std::move(impl)));
}

}  // namespace phiscrub
