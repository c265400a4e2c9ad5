#include "phiscrub/scanner.h"

#include <algorithm>
#include <cassert>
#include <climits>

#include "match/ruleset_impl.h"
#include "redact/render.h"

namespace phiscrub {

using internal::CompiledRule;

struct Scanner::State {
  internal::HsScratch scratch;
  struct Candidate {
    uint32_t rule;
    uint32_t end;
  };
  struct Hit {
    uint32_t word;
    uint32_t end;
  };
  std::vector<Candidate> candidates;
  std::vector<Hit> hits;
  std::vector<Span> confirmed;
  bool context_scanned = false;
  bool in_use = false;  // re-entry guard (checked in debug builds)
};

namespace {

int OnCandidate(unsigned int id, unsigned long long, unsigned long long to,
                unsigned int, void* ctx) {
  auto* s = static_cast<Scanner::State*>(ctx);
  s->candidates.push_back({id, static_cast<uint32_t>(to)});
  return 0;
}

int OnHotword(unsigned int id, unsigned long long, unsigned long long to,
              unsigned int, void* ctx) {
  auto* s = static_cast<Scanner::State*>(ctx);
  s->hits.push_back({id, static_cast<uint32_t>(to)});
  return 0;
}

// Finds the longest match of `rule` that ends exactly at `end`, searching no
// further back than the rule's maximum width. Hyperscan only reported the
// end; RE2 on this bounded window recovers the start without the cost of
// start-of-match tracking in Hyperscan.
bool FindStart(const CompiledRule& rule, std::string_view text, uint32_t end,
               uint32_t* start) {
  size_t pos = end > rule.max_width ? end - rule.max_width : 0;
  re2::StringPiece m;
  while (pos <= end) {
    if (!rule.finder->Match(text, pos, end, RE2::UNANCHORED, &m, 1)) {
      return false;
    }
    size_t ms = static_cast<size_t>(m.data() - text.data());
    if (ms + m.size() == end) {
      *start = static_cast<uint32_t>(ms);
      return true;
    }
    pos = ms + 1;
  }
  return false;
}

bool Overlaps(const Span& a, const Span& b) {
  return a.start < b.end && b.start < a.end;
}

}  // namespace

Scanner::Scanner(std::shared_ptr<const Ruleset> ruleset)
    : ruleset_(std::move(ruleset)), state_(std::make_unique<State>()) {
  const auto& impl = ruleset_->impl();
  hs_scratch_t* scratch = nullptr;
  // Allocation failure here is out-of-memory; Scan reports kEngine then.
  if (hs_alloc_scratch(impl.rules_db.get(), &scratch) == HS_SUCCESS &&
      (!impl.context_db ||
       hs_alloc_scratch(impl.context_db.get(), &scratch) == HS_SUCCESS)) {
    state_->scratch.reset(scratch);
  } else if (scratch) {
    hs_free_scratch(scratch);
  }
}

Scanner::~Scanner() = default;

Status Scanner::Scan(std::string_view text, std::vector<Span>* spans) {
  spans->clear();
  State& s = *state_;
  assert(!s.in_use && "Scanner used from two threads at once");
  s.in_use = true;
  struct Release {
    State& s;
    ~Release() { s.in_use = false; }
  } release{s};

  if (!s.scratch) return Status(ErrorCode::kEngine, "no Hyperscan scratch");
  if (text.size() >= UINT32_MAX) {
    return Status(ErrorCode::kOversize, "record exceeds 4 GiB");
  }
  const auto& impl = ruleset_->impl();
  s.candidates.clear();
  s.confirmed.clear();
  s.hits.clear();
  s.context_scanned = false;

  hs_error_t rc = hs_scan(impl.rules_db.get(), text.data(),
                          static_cast<unsigned>(text.size()), 0,
                          s.scratch.get(), OnCandidate, &s);
  if (rc != HS_SUCCESS) {
    return Status(ErrorCode::kEngine,
                  "hs_scan failed with code " + std::to_string(rc));
  }
  if (s.candidates.empty()) return Status::Ok();

  std::sort(s.candidates.begin(), s.candidates.end(),
            [](const State::Candidate& a, const State::Candidate& b) {
              return a.rule != b.rule ? a.rule < b.rule : a.end < b.end;
            });
  s.candidates.erase(
      std::unique(s.candidates.begin(), s.candidates.end(),
                  [](const State::Candidate& a, const State::Candidate& b) {
                    return a.rule == b.rule && a.end == b.end;
                  }),
      s.candidates.end());

  for (const auto& cand : s.candidates) {
    const CompiledRule& rule = impl.rules[cand.rule];
    uint32_t start = 0;
    if (!FindStart(rule, text, cand.end, &start)) continue;
    std::string_view value = text.substr(start, cand.end - start);
    if (rule.confirm && !RE2::FullMatch(value, *rule.confirm)) continue;
    if (rule.validator && !rule.validator(text, start, cand.end)) continue;
    if (rule.digit_boundary && internal::GluedToDigits(text, start, cand.end)) {
      continue;
    }
    float score = rule.score;
    if (rule.has_context()) {
      if (!s.context_scanned) {
        s.context_scanned = true;
        rc = hs_scan(impl.context_db.get(), text.data(),
                     static_cast<unsigned>(text.size()), 0, s.scratch.get(),
                     OnHotword, &s);
        if (rc != HS_SUCCESS) {
          return Status(ErrorCode::kEngine,
                        "context hs_scan failed with code " + std::to_string(rc));
        }
      }
      bool positive = false;
      bool negative = false;
      for (const auto& hit : s.hits) {
        uint32_t hit_start = hit.end - std::min(hit.end, impl.hotwords[hit.word].length);
        bool near = (hit.end <= start && hit.end + rule.before >= start) ||
                    (hit_start >= cand.end && hit_start <= cand.end + rule.after);
        if (!near) continue;
        if (!positive && std::find(rule.words.begin(), rule.words.end(),
                                   hit.word) != rule.words.end()) {
          positive = true;
        }
        if (!negative &&
            std::find(rule.negative_words.begin(), rule.negative_words.end(),
                      hit.word) != rule.negative_words.end()) {
          negative = true;
        }
      }
      // Positive context wins: "SSN for order 123-45-6789" stays redacted.
      if (positive) {
        score = std::min(1.0f, score + rule.boost);
      } else if (negative) {
        score = std::max(0.0f, score - rule.penalty);
      }
    }
    if (score < rule.min_score) continue;
    s.confirmed.push_back(
        {start, cand.end, static_cast<uint16_t>(cand.rule), rule.entity, score});
  }

  // Deterministic overlap resolution: higher score, then longer, then
  // earlier, then lower rule index wins.
  std::sort(s.confirmed.begin(), s.confirmed.end(),
            [](const Span& a, const Span& b) {
              if (a.score != b.score) return a.score > b.score;
              uint32_t la = a.end - a.start, lb = b.end - b.start;
              if (la != lb) return la > lb;
              if (a.start != b.start) return a.start < b.start;
              return a.rule < b.rule;
            });
  for (const Span& c : s.confirmed) {
    auto it = std::lower_bound(
        spans->begin(), spans->end(), c,
        [](const Span& a, const Span& b) { return a.start < b.start; });
    if (it != spans->end() && Overlaps(*it, c)) continue;
    if (it != spans->begin() && Overlaps(*(it - 1), c)) continue;
    spans->insert(it, c);
  }
  return Status::Ok();
}

Status Scanner::Redact(std::string_view text, std::string* out,
                       std::vector<Span>* spans) {
  Status st = Scan(text, spans);
  if (!st.ok()) return st;
  const auto& impl = ruleset_->impl();
  size_t pos = 0;
  for (const Span& sp : *spans) {
    out->append(text.data() + pos, sp.start - pos);
    internal::RenderReplacement(impl, sp,
                                text.substr(sp.start, sp.end - sp.start), out);
    pos = sp.end;
  }
  out->append(text.data() + pos, text.size() - pos);
  return Status::Ok();
}

}  // namespace phiscrub
