#include "phiscrub/scanner.h"

#include <algorithm>
#include <cassert>
#include <climits>

#include "match/dictionary.h"
#include "match/ruleset_impl.h"
#include "context/companions.h"
#include "names/addresses.h"
#include "context/segments.h"
#include "context/turns.h"
#include "names/names.h"
#include "names/places.h"
#include "normalize/columns.h"
#include "normalize/spoken.h"
#include "normalize/view.h"
#include "redact/render.h"
#include "validate/validators.h"

namespace phiscrub {

using internal::CompiledRule;

// One unanchored leftmost-longest search of a finder in text[p, e) (the whole
// record as context): it found [ms, me), or nothing. It answers every search
// from p' in [p, ms] to e' in [me, e] the same way (no match starts in
// [p, ms) and ends by e; none ending by e' starts earlier; me is the longest
// from ms up to e); a search that found nothing answers every p' >= p, e' <= e.
// RE2 refuses a start or end other than the text's for patterns anchored
// with ^ or $, so those groups do not chain.
struct ChainFact {
  uint32_t p, e, ms, me;
  bool found;
};

struct Scanner::State {
  // Looked up once per Scanner, not per record: the STREET_ADDRESS entity
  // (cities after a street) and the rule spoken phone numbers report as
  // (-1 when this run has none).
  int street_entity = -1;
  int dob_entity = -1;
  int mrn_entity = -1;       // ids printed after "MR " ("MR 7555932")
  int names_rule = -1;       // the names detector's rule (-1 if none)
  int location_entity = -1;  // address blocks: their city lines
  int person_entity = -1;    // companion ZIPs after a name
  int zip_entity = -1;       // and their postal codes
  int spoken_phone_rule = -1;
  // Rules of values said over several turns (AddSplitValues): a SplitKind each.
  struct SplitRule {
    uint8_t kind;
    int rule;
  };
  std::vector<SplitRule> split_rules;
  // Per entity (< 64): the first rule of it that conversations cue (the rule
  // a value's tail said again is reported under, see AddAnswerTails).
  std::vector<int> answer_rule;
  bool word_detectors = false;  // a places or names detector runs
  internal::HsScratch scratch;
  using Candidate = Scanner::Candidate;
  struct Hit {
    uint32_t word;
    uint32_t end;
  };
  std::vector<Candidate> candidates;
  std::vector<internal::ContextHit> hits;  // context phrases in this record
  std::vector<internal::ContextHit> rule_hits;  // those of the rule being scored
  std::vector<internal::ContextToken> tokens;
  std::vector<Hit> block_hits;
  std::vector<std::pair<uint32_t, uint32_t>> windows;
  std::vector<Span> pending;    // confirmed and validated, not yet scored
  std::vector<Span> confirmed;  // scored at or above min_score
  std::string joined;  // ScanWithContext's buffer
  // Conversation state for the scan under way: per range of the record, the
  // entities the turns before it asked for (see Scanner::ScanTurn).
  struct Expectation {
    uint32_t begin, end;
    uint64_t entities;
    // The question was answered before this range (digits of the answer,
    // spoken numbers written): a value here counts only as a read-back of
    // that answer ("Got it, 4 1 5 ..."), never as the answer to it ("the
    // pharmacy closes at ten forty five").
    std::string answered;
    // Digits said in the turns just before and now read back, asked for or
    // not: a value here counts only as those digits whole (five or more).
    bool echo = false;
    // Only a whole value counts here, never a part of one said over several
    // turns (a ZIP code offered: "forty five" is no first part of one).
    bool whole = false;
    // The value must end in the range too (a sentence of values said alone
    // after a name: never one that runs into the next).
    bool within = false;
    // An echo whose turn says "ending in" / "last four": four digits said
    // again that end the value are that value's last four.
    bool tail = false;
  };
  std::vector<Expectation> expect;
  // Whether a range of `expect` covering original byte `at` expects `entity`
  // (asked for or offered: digits said again expect only themselves).
  bool Expects(uint32_t at, uint16_t entity) const {
    return entity < 64 && std::any_of(expect.begin(), expect.end(), [&](const Expectation& x) {
             return !x.echo && !x.whole && at >= x.begin && at < x.end && ((x.entities >> entity) & 1);
           });
  }
  // ScanTurn: the turns before the one scanned (see AddSplitValues).
  std::string_view previous_turns;
  // Entities whose answers are digits (all but names, places, e-mail, URLs
  // and ages): an answer to them is recognised by its digits.
  uint64_t digit_entities = 0;
  int email_entity = -1;
  uint64_t date_entities = 0;  // dates said with month names read back as words
  // What a caller offers unasked ("..., you can write that down"): a birth
  // date, a record, member, Medicare or NPI number, a social, a phone.
  uint64_t offered_entities = 0;
  uint64_t identity_entities = 0;  // said unasked after a name (NameAlone)
  // Entities whose values have a format of their own (check digits, an
  // issuer's grammar, a calendar): read back, they name the digits better
  // than an id of any kind would.
  uint64_t format_entities = 0;
  uint64_t place_entities = 0;
  internal::View answer_view;
  std::string answer_digits;
  // The digits the last few lines said (ExpectAround's digits said again),
  // by line: each line is read once, not once for each turn after it.
  struct SaidDigits {
    std::string line;
    std::string digits;  // empty when the line named its number as none
  };
  std::vector<SaidDigits> said_digits;  // newest last, a few at most
  std::vector<std::pair<uint32_t, uint64_t>> asks;  // (end of the ask word, entities)
  // While a view is confirmed: maps its offsets back to the record's.
  const internal::View* confirming_view = nullptr;
  // Native detectors (RunDetector).
  std::vector<internal::ContextHit> detector_hits;
  internal::NameScratch names;
  std::vector<internal::FieldSpan> fields;
  std::vector<std::pair<uint32_t, uint32_t>> name_spans;
  std::vector<internal::AddressPiece> address_pieces;
  std::vector<std::pair<uint32_t, uint32_t>> zip_spans;
  std::vector<uint32_t> zip_from;  // where a city (and its state) ends, no ZIP after it
  internal::View zip_view;
  // Views of the record (percent-decoded, JSON-unescaped) and their results.
  internal::View view;
  internal::View columns_view;  // ScanWithContext: a row under its header
  internal::View view_scratch;
  std::vector<Candidate> view_candidates;
  std::vector<Span> view_spans;
  std::vector<std::pair<uint32_t, uint32_t>> dict_words;  // whole-word hits
  std::string phrase;
  // FindStart results shared by rules with the same finder (pattern, case,
  // max_width): several rules often scan the same id-shaped pattern with
  // different cues. finder_group[r] is -1 for a rule without a finder.
  std::vector<int32_t> finder_group;
  // Per group: whether its searches may reuse each other's results (no
  // anchors: see ChainFact), and those results for the text being confirmed.
  std::vector<bool> group_chainable;
  std::vector<std::vector<ChainFact>> group_facts;
  std::vector<uint32_t> group_facts_stamp;
  struct StartMemo {
    uint64_t key = 0;  // group << 32 | end
    uint32_t start = 0;
    uint32_t stamp = 0;  // valid when == memo_stamp
    bool found = false;
  };
  std::vector<StartMemo> start_memo;  // open addressing, power-of-two size
  uint32_t memo_stamp = 0;
  bool context_scanned = false;
  bool in_use = false;  // re-entry guard (checked in debug builds)
};

namespace {

int OnCandidate(unsigned int id, unsigned long long, unsigned long long to,
                unsigned int, void* ctx) {
  auto* out = static_cast<std::vector<Scanner::Candidate>*>(ctx);
  out->push_back({id, static_cast<uint32_t>(to)});
  return 0;
}

struct DictContext {
  std::vector<Scanner::Candidate>* out;
  const std::vector<uint32_t>* token_length;
  uint32_t rule;
};

int OnDictWord(unsigned int id, unsigned long long, unsigned long long to,
               unsigned int, void* ctx) {
  auto* c = static_cast<DictContext*>(ctx);
  c->out->push_back({c->rule, static_cast<uint32_t>(to), (*c->token_length)[id]});
  return 0;
}

// Word bytes for whole-word dictionary matching; any non-ASCII byte counts as
// a letter, so "Jos" never matches inside "José".
bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }
bool IsAlphaByte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `s` with ASCII capitals in lower case.
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// Whether every word of `part` (letters and apostrophes) is one of `words` (or of `more`).
template <size_t N, size_t M = 1>
bool OnlyWordsOf(std::string_view part, const std::string_view (&words)[N],
                 const std::string_view (&more)[M] = {std::string_view()}) {
  size_t i = 0;
  while (i < part.size()) {
    while (i < part.size() && !IsAlphaByte(part[i])) ++i;
    size_t j = i;
    while (j < part.size() && (IsAlphaByte(part[j]) || part[j] == '\'')) ++j;
    const std::string w = LowerAscii(part.substr(i, j - i));
    if (j > i && std::find(std::begin(words), std::end(words), w) == std::end(words) &&
        std::find(std::begin(more), std::end(more), w) == std::end(more)) {
      return false;
    }
    i = j;
  }
  return true;
}

// The words of `lower` (letters and apostrophes; `lower` already in lower
// case), in order.
void WordsOf(std::string_view lower, std::vector<std::string_view>* out) {
  out->clear();
  for (size_t k = 0; k < lower.size();) {
    if (!IsAlphaByte(lower[k])) {
      ++k;
      continue;
    }
    size_t j = k;
    while (j < lower.size() && (IsAlphaByte(lower[j]) || lower[j] == '\'')) ++j;
    out->push_back(lower.substr(k, j - k));
    k = j;
  }
}

// True when text[lo, hi) holds a run of three or more digits.
bool HasNumber(std::string_view text, uint32_t lo, uint32_t hi) {
  int run = 0;
  for (uint32_t i = lo; i < hi && i < text.size(); ++i) {
    run = (text[i] >= '0' && text[i] <= '9') ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

int OnHotword(unsigned int id, unsigned long long, unsigned long long to,
              unsigned int, void* ctx) {
  auto* hits = static_cast<std::vector<Scanner::State::Hit>*>(ctx);
  hits->push_back({id, static_cast<uint32_t>(to)});
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
    if (!rule.finder->re().Match(text, pos, end, RE2::UNANCHORED, &m, 1)) {
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

// FindStart answering its searches from `facts` where one applies (see
// ChainFact); same result as FindStart.
bool ChainedFindStart(const CompiledRule& rule, std::string_view text, uint32_t end,
                      std::vector<ChainFact>* facts, uint32_t* start) {
  constexpr size_t kRecent = 24;  // facts looked at: the last searches'
  uint32_t pos = end > rule.max_width ? end - rule.max_width : 0;
  while (pos <= end) {
    const ChainFact* fact = nullptr;
    for (size_t k = facts->size(), stop = k > kRecent ? k - kRecent : 0; k > stop; --k) {
      const ChainFact& f = (*facts)[k - 1];
      if (f.p <= pos && end <= f.e && (!f.found || (pos <= f.ms && f.me <= end))) {
        fact = &f;
        break;
      }
    }
    ChainFact found;
    if (fact == nullptr) {
      re2::StringPiece m;
      found = {pos, end, 0, 0, rule.finder->re().Match(text, pos, end, RE2::UNANCHORED, &m, 1)};
      if (found.found) {
        found.ms = static_cast<uint32_t>(m.data() - text.data());
        found.me = found.ms + static_cast<uint32_t>(m.size());
      }
      facts->push_back(found);
      fact = &found;
    }
    if (!fact->found) return false;
    if (fact->me == end) {
      *start = fact->ms;
      return true;
    }
    pos = fact->ms + 1;
  }
  return false;
}

// FindStart through the per-record memo of the rule's finder group.
bool MemoFindStart(const CompiledRule& rule, uint32_t group, std::string_view text, uint32_t end,
                   Scanner::State* s, uint32_t* start) {
  auto& memo = s->start_memo;
  const uint64_t key = (uint64_t{group} << 32) | end;
  const size_t mask = memo.size() - 1;
  size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 40) & mask;
  while (memo[i].stamp == s->memo_stamp && memo[i].key != key) i = (i + 1) & mask;
  auto& e = memo[i];
  if (e.stamp != s->memo_stamp) {
    e.key = key;
    e.stamp = s->memo_stamp;
    if (s->group_chainable[group]) {
      auto& facts = s->group_facts[group];
      if (s->group_facts_stamp[group] != s->memo_stamp) {
        s->group_facts_stamp[group] = s->memo_stamp;
        facts.clear();
      }
      e.found = ChainedFindStart(rule, text, end, &facts, &e.start);
    } else {
      e.found = FindStart(rule, text, end, &e.start);
    }
  }
  *start = e.start;
  return e.found;
}

// Appends the separator between two dictionary words as it appears in an
// entry ("dana reyes", "reyes, dana"), or returns false if `gap` is not one.
bool AppendSeparator(std::string_view gap, std::string* phrase) {
  size_t i = 0;
  bool comma = false;
  if (i < gap.size() && gap[i] == ',') {
    comma = true;
    ++i;
  }
  size_t blanks = 0;
  while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i, ++blanks;
  if (i != gap.size() || (!comma && blanks == 0) || blanks > 4) return false;
  phrase->append(comma ? ", " : " ");
  return true;
}

// How far off a question in an earlier turn counts as a cue (bytes), when a
// negative word competes for the same value.
constexpr uint32_t kExpectedDistance = 16;
// The score of a value kept only because it reads back digits said just
// before (Expectation::echo): under every rule's own.
constexpr float kEchoScore = 0.24f;
// (Of an entity with a format of its own: outranks an id of any kind.)
constexpr float kEchoFormatScore = 0.245f;
bool EchoScore(float score) { return score == kEchoScore || score == kEchoFormatScore; }

// Whether a value's digits repeat an answer's: "415-555-0132" after "four
// one five, five five five, oh one three two"; a part of it, or it within;
// in order with digits left out ("november twenty seventh sixty three"
// after "... nineteen sixty three"); or five in a row the same (a read-back
// that gets the rest wrong).
// The digits of `value`, in order.
std::string DigitsOnly(std::string_view value) {
  std::string d;
  for (char c : value) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

bool ReadsBack(std::string_view value, const std::string& answer) {
  const std::string d = DigitsOnly(value);
  if (d.size() < 4) return false;
  if (answer.find(d) != std::string::npos || d.find(answer) != std::string::npos) return true;
  // Misheard: as long as the answer, two digits off at most ("eight seven
  // one oh nine?" for 87190).
  if (d.size() == answer.size() && d.size() >= 5) {
    size_t off = 0;
    for (size_t i = 0; i < d.size(); ++i) off += d[i] != answer[i] ? 1 : 0;
    if (off <= 2) return true;
  }
  const std::string& shorter = d.size() <= answer.size() ? d : answer;
  const std::string& longer = d.size() <= answer.size() ? answer : d;
  if (shorter.size() * 5 >= longer.size() * 3) {
    size_t k = 0;
    for (char c : longer) {
      if (k < shorter.size() && shorter[k] == c) ++k;
    }
    if (k == shorter.size()) return true;
  }
  for (size_t i = 0; i + 5 <= shorter.size(); ++i) {
    if (longer.find(shorter.substr(i, 5)) != std::string::npos) return true;
  }
  return false;
}

// Where a value starts after the acronym of a cue said before its digits and
// caught by a pattern's letter prefix ("subscriber ID 60247933201", "MRN
// 102-021-931-3", "NPI: 1234567893"): the acronym is no part of it. `b` if
// there is none.
uint32_t AfterCueAcronym(std::string_view text, uint32_t b, uint32_t e) {
  uint32_t k = b;
  while (k < e && IsAlphaByte(text[k])) ++k;
  if (k - b < 2 || k - b > 3) return b;
  const std::string word = LowerAscii(text.substr(b, k - b));
  if (!internal::IdAcronym(word) && word != "id" && word != "no") return b;
  uint32_t d = k;
  if (d < e && (text[d] == ':' || text[d] == '#')) ++d;
  if (d >= e || text[d] != ' ') return b;
  ++d;
  return d < e && IsDigitByte(text[d]) ? d : b;
}

// Whether a value's digits, five or more, are said whole in `said` (the
// digits of the turns before it).
bool EchoOf(std::string_view value, const std::string& said, bool tail) {
  const std::string d = DigitsOnly(value);
  // (Or the last four of a longer value, where the turn says so:
  // "365-47-5352." / "Thank you, ending in 5352.")
  if (tail && d.size() == 4 && said.size() >= 9) return said.compare(said.size() - 4, 4, d) == 0;
  return d.size() >= 5 && said.find(d) != std::string::npos;
}

// Whether `before` (a turn's words before a value, lower case) ends naming a
// reading the value is ("a heart rate of", "my sugar was", "weight is"): said
// twice, it is still no id.
bool NamesAReading(std::string_view before) {
  static constexpr std::string_view kReadings[] = {
      "rate", "pulse", "pressure", "sugar", "glucose", "weight", "weighed", "weighs", "temperature",
      "temp", "a1c", "oxygen", "sats", "bp", "cholesterol", "level", "levels", "steps", "dose",
      "reading", "count", "score"};
  std::vector<std::string_view> words;
  WordsOf(before, &words);
  const size_t from = words.size() > 4 ? words.size() - 4 : 0;
  for (size_t k = from; k < words.size(); ++k) {
    if (std::find(std::begin(kReadings), std::end(kReadings), words[k]) != std::end(kReadings)) return true;
  }
  return false;
}

// A year alone ("2016"): no read-back of a date of birth.
bool BareYear(std::string_view value) {
  int digits = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c != ' ') return false;
  }
  return digits == 4;
}

// A date with its year (two groups of digits or four digits: "June 13th
// 1954", "the 3rd of December, 78", "6/13/54"): one without ("September
// 22nd") reads back nothing of a birth date given already, it is another
// date ("I can do on September 22nd").
bool DatedInFull(std::string_view value) {
  int digits = 0, groups = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    bool d = value[i] >= '0' && value[i] <= '9';
    digits += d ? 1 : 0;
    groups += d && (i == 0 || !(value[i - 1] >= '0' && value[i - 1] <= '9')) ? 1 : 0;
  }
  return digits >= 4 || groups >= 2;
}

// A value a conversation asked for stands as a value of its own: not a
// piece of an amount, a decimal, a percentage or a reading with its unit
// ("$567.97", "97.1F", "SpO2 91%", "HR 106 bpm", "BP 102/92"), nor the tail of a code
// ("INV-2024-396334"); a birth date is not in a year still to come
// ("next appointment 2027-09-26").
bool ExpectedValueFits(std::string_view t, uint32_t b, uint32_t e, bool birth) {
  auto digit = [&t](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  auto alnum = [&t, &digit](size_t i) {
    return digit(i) || (i < t.size() && IsAlphaByte(t[i]));
  };
  if (b > 0) {
    char c = t[b - 1];
    if (c == '$' || c == '#') return false;
    if ((c == '.' || c == '/') && b >= 2 && digit(b - 2)) return false;
    // Glued to the word before it ("INV-2024" + "-396334").
    if (alnum(b - 1) && !alnum(b)) return false;
  }
  if (e < t.size()) {
    char c = t[e];
    if (c == '%') return false;
    if ((c == '.' || c == '/') && digit(e + 1)) return false;  // "97.1", "102/92"
    if (c == ' ') {
      size_t w = e + 1, k = w;
      while (k < t.size() && alnum(k)) ++k;
      const std::string unit = LowerAscii(t.substr(w, k - w));
      static const char* const kUnits[] = {"bpm", "mg", "mcg", "ml", "mmhg", "kg", "kgs", "lb",
                                           "lbs", "percent", "degrees", "units", "dollars",
                                           "cents", "mm", "cm", "mph", "beats", "breaths",
                                           "hours", "hrs", "minutes", "mins", "days", "weeks",
                                           "months", "years", "tablets", "pills", "capsules",
                                           "steps", "calories", "miles", "feet", "inches"};
      for (const char* u : kUnits) {
        if (unit == u) return false;
      }
    }
  }
  if (birth) {
    // A day something was done on ("that we faxed over on 03/10/2025", "I
    // was seen on ...", "since ..."): no birth, whatever was asked before.
    std::string before = LowerAscii(t.substr(b > 32 ? b - 32 : 0, b > 32 ? 32 : b));
    while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.pop_back();
    std::vector<std::string_view> words;
    WordsOf(before, &words);
    if (!words.empty()) {
      const std::string_view last = words.back();
      const std::string_view prior = words.size() >= 2 ? words[words.size() - 2] : "";
      static constexpr std::string_view kDoneOn[] = {"over", "sent", "seen", "done", "paid",
                                                     "made", "went", "came", "back", "left",
                                                     "given", "taken", "put", "out"};
      const bool done = prior.size() > 3 && prior.substr(prior.size() - 2) == "ed";
      if (last == "since" || last == "until" ||
          (last == "on" && (done || std::find(std::begin(kDoneOn), std::end(kDoneOn), prior) !=
                                        std::end(kDoneOn)))) {
        return false;
      }
    }
    int run = 0;
    for (uint32_t i = b; i <= e; ++i) {
      if (i < e && digit(i)) {
        ++run;
        continue;
      }
      if (run == 4) {
        int year = std::stoi(std::string(t.substr(i - 4, 4)));
        if (year >= 1900 && year > internal::CurrentYear()) return false;
      }
      run = 0;
    }
  }
  return true;
}

// Words that say nothing of a number said with them: "um", "okay", "it's",
// "and then", "that's it", "area code".
// A ZIP said or written right after a city (and its state) that ends at
// `pos`: five or nine digits, grouped or not ("46833", "87-1-3-5", "4, 8, 2,
// 29", "seven double nine two oh"), before the end of the line, a word or
// punctuation. [b, e) in `text`, or {0, 0}.
std::pair<uint32_t, uint32_t> ZipAfterPlace(std::string_view text, uint32_t pos, internal::View* view) {
  size_t le = text.find_first_of("\n\"", pos);
  if (le == std::string_view::npos) le = text.size();
  const std::string_view rest = text.substr(pos, std::min<size_t>(le, pos + 96) - pos);
  const bool spoken = internal::HasSpokenSeed(rest) && internal::SpokenView(rest, view, false);
  const std::string_view v = spoken ? std::string_view(view->text) : rest;
  size_t i = 0;
  while (i < v.size() && i < 6 && (v[i] == ' ' || v[i] == ',' || v[i] == '.')) ++i;
  if (i >= v.size() || !IsDigitByte(v[i]) || (i == 0 && pos > 0 && IsWordByte(text[pos - 1]))) {
    return {0, 0};
  }
  const size_t b = i;
  size_t e = i, digits = 0;
  while (true) {
    size_t g = i;
    while (g < v.size() && IsDigitByte(v[g])) ++g;
    if (g < v.size() && IsWordByte(v[g])) return {0, 0};  // "5th", "12am"
    digits += g - i;
    e = g;
    if (digits > 9) return {0, 0};
    size_t k = g;
    while (k < v.size() && k < g + 2 && (v[k] == ' ' || v[k] == ',' || v[k] == '-')) ++k;
    if (k == g || k >= v.size() || !IsDigitByte(v[k])) break;
    i = k;
  }
  if (digits != 5 && digits != 9) return {0, 0};
  if (e + 1 < v.size() && (v[e] == '.' || v[e] == ',') && IsDigitByte(v[e + 1])) return {0, 0};
  if (!spoken) return {pos + static_cast<uint32_t>(b), pos + static_cast<uint32_t>(e)};
  return {pos + view->OriginalBegin(static_cast<uint32_t>(b)),
          pos + view->OriginalEnd(static_cast<uint32_t>(e))};
}

bool OnlyFillers(std::string_view part) {
  static constexpr std::string_view kFillers[] = {
      "um",   "uh",    "umm",  "uhh",   "oh",    "ok",   "okay",   "so",     "yeah",
      "yes",  "sure",  "it's", "its",   "it",    "is",   "hmm",    "mm",     "well",
      "alright", "right", "and", "then", "the",  "area", "code",   "first",  "hold",
      "on",   "that'd", "that's", "be", "would", "it'll", "that", "let", "me", "see", "let's",
      "este", "eh"};
  return OnlyWordsOf(part, kFillers);
}

// An area code said alone in its turn ([ob, oe) in `text`; `before`, lower
// case, the turn's words before it): digit by digit or in tens ("seven
// eighty six"), never with "hundred" or "point", and nothing but fillers
// around it, so no dose, time, count or reading ("take two ten", "at two
// thirty", "my sugar was two ten this morning"). `short_head`: a digit or
// two the speaker trailed off after, with even fewer words before them.
bool AreaCodeAlone(std::string_view text, uint32_t ob, uint32_t oe, std::string_view before,
                   bool short_head) {
  const std::string said = LowerAscii(text.substr(ob, oe - ob));
  if (said.find("hundred") != std::string::npos || said.find("point") != std::string::npos) {
    return false;
  }

  // (A digit or two: only "yes", "um", "it's"... before them -- "the first
  // one", "hold on one" are no number.)
  static constexpr std::string_view kLeads[] = {"um", "uh", "umm", "uhh", "okay", "ok", "so",
                                                "yeah", "yes", "sure", "it's", "its", "that's",
                                                "that'd", "be", "it", "is"};
  if (short_head) return OnlyWordsOf(before, kLeads);
  size_t line_end = text.find('\n', oe);
  if (line_end == std::string_view::npos) line_end = text.size();
  return OnlyFillers(before) && OnlyFillers(text.substr(oe, line_end - oe));
}

// The words of the turn before original byte `at` (up to 40 bytes), lower
// case, after its stamp and speaker label ("[00:02:21] [patient] ",
// "Member: um, ...").
// Where what a line says starts: after its time stamps ("[00:02:40] ") and
// its speaker label ("Speaker B: ", "Caller: ": up to three words).
size_t TurnBodyStart(std::string_view line) {
  size_t body = 0;
  while (body < line.size() && line[body] == '[') {
    const size_t close = line.find("] ", body);
    if (close == std::string_view::npos || close - body > 24) break;
    body = close + 2;
  }
  if (const size_t colon = line.find(": ", body);
      colon != std::string_view::npos && colon - body < 24 &&
      std::count(line.begin() + static_cast<std::ptrdiff_t>(body),
                 line.begin() + static_cast<std::ptrdiff_t>(colon), ' ') <= 2) {
    body = colon + 2;
  }
  return body;
}

std::string TurnWordsBefore(std::string_view text, uint32_t at) {
  const uint32_t from = at > 40 ? at - 40 : 0;
  std::string before = LowerAscii(text.substr(from, at - from));
  if (size_t nl = before.rfind('\n'); nl != std::string::npos) before.erase(0, nl + 1);
  before.erase(0, TurnBodyStart(before));
  return before;
}

// `text` as its own view (written text among spoken turns).
void IdentityView(std::string_view text, internal::View* v) {
  v->Clear();
  for (size_t k = 0; k < text.size(); ++k) {
    v->Push(text[k], static_cast<uint32_t>(k), static_cast<uint32_t>(k + 1));
  }
}

// Values said over several turns (see Scanner::AddSplitValues): what the
// parts must make whole.
enum class SplitKind : uint8_t { kPhone, kCard, kMbi, kSsn, kZip, kNpi, kMrn, kMemberId };

// A byte of such a value in the view: digits; for an MBI, the capitals the
// spoken view writes its letters as ("four quebec four one" -> 4Q41).
bool SplitByte(char c, SplitKind kind) {
  const bool letters =
      kind == SplitKind::kMbi || kind == SplitKind::kMrn || kind == SplitKind::kMemberId;
  return IsDigitByte(c) || (letters && c >= 'A' && c <= 'Z');
}

size_t SplitMaxLength(SplitKind kind) {
  switch (kind) {
    case SplitKind::kPhone: return 11;
    case SplitKind::kCard: return 19;
    case SplitKind::kMbi: return 11;
    case SplitKind::kSsn: return 9;
    case SplitKind::kZip: return 9;
    case SplitKind::kNpi: return 10;
    case SplitKind::kMrn: return 12;
    case SplitKind::kMemberId: return 15;
  }
  return 0;
}

bool SplitWhole(std::string_view v, SplitKind kind) {
  switch (kind) {
    case SplitKind::kPhone:
      return (v.size() == 10 || (v.size() == 11 && v[0] == '1')) && internal::ValidNanp(v);
    case SplitKind::kCard: return v.size() >= 13 && internal::ValidCard(v);
    case SplitKind::kMbi: return v.size() == 11 && internal::ValidMbi(v);
    case SplitKind::kSsn: return v.size() == 9 && internal::ValidSsn(v);
    case SplitKind::kZip: return v.size() == 5 || v.size() == 9;
    case SplitKind::kNpi: return v.size() == 10 && internal::ValidNpi(v);
    case SplitKind::kMrn:
    case SplitKind::kMemberId: return false;  // (no grammar: parts count by length)
  }
  return false;
}

// Whether `v` can begin a value of `kind` (a valid value padded out).
bool SplitPrefix(std::string_view v, SplitKind kind) {
  if (v.empty() || v.size() > SplitMaxLength(kind)) return false;
  auto pad = [&](std::string_view d, std::string_view full) {
    std::string p(d);
    p.append(full.substr(d.size()));
    return p;
  };
  switch (kind) {
    case SplitKind::kPhone: {
      std::string_view d = v;
      if (d[0] == '1') d.remove_prefix(1);  // (area codes never start with 1)
      return d.empty() || (d.size() <= 10 && internal::ValidNanp(pad(d, "2002000000")));
    }
    case SplitKind::kCard:
      return v[0] >= '2' && v[0] <= '6';
    case SplitKind::kMbi:
      return internal::ValidMbi(pad(v, "1AA0AA0AA00"));
    case SplitKind::kSsn:
      return internal::ValidSsn(pad(v, "101010001"));
    case SplitKind::kZip:
      return std::all_of(v.begin(), v.end(), IsDigitByte);
    case SplitKind::kNpi:
      return (v[0] == '1' || v[0] == '2') && std::all_of(v.begin(), v.end(), IsDigitByte);
    case SplitKind::kMrn:
    case SplitKind::kMemberId:
      return true;
  }
  return false;
}

// A sentence of a turn, or a whole turn, as a piece of a value said over
// several turns: a part of the value (one run said alone, with fillers
// only: "Uh, nine seven nine.", "And oh one double four, that's it"), an
// acknowledgement between parts ("Go ahead.", "Mm-hmm.", "Got it, and
// then?") or anything else.
struct Piece {
  enum Kind : uint8_t { kPart, kAck, kOther } kind = kOther;
  std::string value;         // kPart: the value's characters
  std::string_view speaker;  // the turn's label, empty when unknown
  bool here = false;         // in the unit scanned (vb, ve are view offsets)
  size_t vb = 0, ve = 0;
  uint32_t ob = 0;  // original offset of the part (here) or of its line (before)
  // A "double" or "triple" said last ("eight two eight dash triple" / "okay" /
  // "five dash oh one..."): it repeats the next part's first digit; the
  // part's words end at original byte oe (here) then.
  uint8_t times = 1;
  uint32_t oe = 0;
  // Words other than fillers after the part ("five dash oh one eight two
  // yep the lab said ..."): it may only end a value it makes whole.
  bool remark = false;
};

// The multiplier `word` is ("double" 2, "triple" 3), else 1.
uint8_t Multiplier(std::string_view word) {
  const std::string w = LowerAscii(word);
  return w == "double" ? 2 : w == "triple" ? 3 : 1;
}

// Whether `after` (the rest of a part's line after its digits) is fillers,
// then "double" or "triple" as its last word (a dash or a sentence break
// between allowed: "eight two eight dash triple", "Three one two. Triple"):
// the multiplier and, in *end, where that word ends in `after`.
uint8_t TrailingMultiplier(std::string_view after, size_t* end) {
  const size_t line = after.find('\n');
  if (line != std::string_view::npos) after = after.substr(0, line);
  size_t e = after.size();
  while (e > 0 && !IsAlphaByte(after[e - 1])) --e;
  size_t b = e;
  while (b > 0 && IsAlphaByte(after[b - 1])) --b;
  const uint8_t times = Multiplier(after.substr(b, e - b));
  if (times == 1) return 1;
  static constexpr std::string_view kLeads[] = {"um", "uh", "dash", "and", "then"};
  if (!OnlyWordsOf(after.substr(0, b), kLeads)) return 1;
  *end = e;
  return times;
}

// Classifies view bytes [sb, se) of `view` (over `text`) as a piece.
Piece ClassifyPiece(std::string_view text, const internal::View& view, size_t sb, size_t se,
                    SplitKind kind) {
  const std::string& v = view.text;
  Piece piece;
  size_t b = 0, e = 0;
  int runs = 0, words = 0;
  bool digits = false;
  std::string joined;  // the runs, when only separators lie between them
  bool apart = false;
  size_t run_b = 0;  // where the last run starts
  bool restart = false;  // the first run was a try trailed off
  for (size_t i = sb; i < se;) {
    if (IsDigitByte(v[i])) digits = true;
    if (SplitByte(v[i], kind) && (i == 0 || !IsWordByte(v[i - 1]))) {
      size_t j = i;
      while (j < se && SplitByte(v[j], kind)) ++j;
      // (No MBI has the letter O: an "oh" among its characters is a zero,
      // "j c oh".)
      const bool mbi = kind == SplitKind::kMbi;
      const bool has_digit =
          std::any_of(v.begin() + static_cast<std::ptrdiff_t>(i),
                      v.begin() + static_cast<std::ptrdiff_t>(j),
                      [&](char c) { return IsDigitByte(c) || (mbi && c == 'O' && j - i >= 3); });
      if (j < se && IsWordByte(v[j])) {
        // Glued to a word: "Go", "I'm", or "4th" -- a word.
        if (has_digit) digits = true;
        ++words;
        while (j < se && IsWordByte(v[j])) ++j;
        i = j;
        continue;
      }
      if (!has_digit) {  // "I", "OK": a word
        ++words;
        i = j;
        continue;
      }
      digits = true;
      // The digits before trailed off, then said again from their start
      // ("9... 99, 208"): the first try is none of the value.
      if (runs > 0 && e - run_b <= 3 && i == e + 4 && v.compare(e, 4, "... ") == 0 &&
          j - i >= e - run_b && v.compare(i, e - run_b, v, run_b, e - run_b) == 0 &&
          joined.size() == e - run_b) {
        joined.clear();
        runs = 0;
        restart = true;
      }
      // Runs with only blanks, dashes or commas between are one part ("seven
      // zero six - five five": 70655).
      if (runs > 0) {
        for (size_t k = e; k < i && !apart; ++k) apart = !(v[k] == ' ' || v[k] == '-' || v[k] == ',');
      }
      const bool restarted = runs == 0 && restart;
      ++runs;
      for (size_t k = i; k < j; ++k) joined.push_back(mbi && v[k] == 'O' ? '0' : v[k]);
      if (runs == 1 && !restarted) b = i;
      run_b = i;
      e = j;
      i = j;
      continue;
    }
    if (IsAlphaByte(v[i]) && (i == sb || !IsWordByte(v[i - 1]))) {
      ++words;
      // The part ends at a word after it other than a filler: the rest is a
      // remark ("... oh one eight two yep the lab said order number four
      // four one two").
      size_t j = i;
      while (j < se && (IsWordByte(v[j]) || v[j] == '\'')) ++j;
      if (runs > 0 && !OnlyFillers(std::string_view(v).substr(i, j - i))) break;
    }
    ++i;
  }
  if (runs == 0) {
    // (A question for something is no acknowledgement: "What's the best
    // callback number?" ends what was said before it.)
    static constexpr std::string_view kAsking[] = {"what", "what's", "whats", "which", "number",
                                                   "your", "card", "code", "zip", "birth",
                                                   "address", "name", "email", "social", "id",
                                                   "phone", "date"};
    const uint32_t qb = view.OriginalBegin(static_cast<uint32_t>(sb));
    const uint32_t qe = view.OriginalEnd(static_cast<uint32_t>(se));
    const std::string_view q = text.substr(qb, qe - qb);
    const size_t mark = q.find_last_not_of(" \t\r\n");
    bool asking = false;
    if (mark != std::string_view::npos && q[mark] == '?') {
      const std::string lower = LowerAscii(q);
      std::vector<std::string_view> w;
      WordsOf(lower, &w);
      asking = std::any_of(w.begin(), w.end(), [](std::string_view x) {
        return std::find(std::begin(kAsking), std::end(kAsking), x) != std::end(kAsking);
      });
    }
    if (!digits && words <= 6 && !asking) piece.kind = Piece::kAck;
    return piece;
  }
  if (apart || joined.size() >= SplitMaxLength(kind) ||
      !std::any_of(joined.begin(), joined.end(), IsDigitByte)) {
    return piece;
  }
  const uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(b));
  const uint32_t oe = view.OriginalEnd(static_cast<uint32_t>(e));
  const uint32_t osb = view.OriginalBegin(static_cast<uint32_t>(sb));
  const uint32_t ose = view.OriginalEnd(static_cast<uint32_t>(se));
  const std::string said = LowerAscii(text.substr(ob, oe - ob));
  const std::string before = LowerAscii(text.substr(osb, ob - osb));
  const std::string_view after = text.substr(oe, ose - oe);
  size_t times_end = 0;
  // (The view may end before the multiplier: the rest of the line counts.)
  const uint8_t times = TrailingMultiplier(text.substr(oe), &times_end);
  // What is said before a part, after a preamble ("hold on let me get the
  // card okay five echo seven seven"): the words after the last "okay",
  // "alright" or "here" in it.
  std::string_view lead = before;
  if (!OnlyFillers(lead)) {
    // (Or after the card is found: "okay hang on i've got it it's three n
    // oh one" -- those words no filler themselves, the rest after them.)
    struct Marker {
      std::string_view words;
      bool filler;  // the marker's own words count as fillers
    };
    static constexpr Marker kMarkers[] = {
        {" okay ", true},     {" ok ", true},        {" alright ", true},  {" all right ", true},
        {" here it is ", true}, {" here ", true},    {" got it ", false},  {" have it ", false},
        {" found it ", false},
        // (A caller looking for it: "hold on let me get my glasses three six
        // nine", "let me find it it's in my wallet somewhere eight eight six".)
        {" let me see ", false}, {" hold on ", false}, {" hang on ", false}, {" glasses ", false},
        {" somewhere ", false}, {" bear with me ", false}, {" let me look ", false},
        {" let me check ", false}, {" it says ", false}, {" right here ", false}};
    for (const Marker& m : kMarkers) {
      const size_t p = lead.rfind(m.words);
      if (p == std::string_view::npos) continue;
      const std::string_view rest = lead.substr(m.filler ? p + 1 : p + m.words.size() - 1);
      if (OnlyFillers(rest)) {
        lead = rest;
        break;
      }
    }
  }
  // ("Code is seven seven one": a card's security code, no part of its
  // number; only "area code" goes with a phone.)
  if (said.find("hundred") != std::string::npos || said.find("point") != std::string::npos ||
      !OnlyFillers(lead) ||
      (before.find("code") != std::string::npos &&
       (kind != SplitKind::kPhone || before.find("area code") == std::string::npos))) {
    return piece;
  }
  piece.kind = Piece::kPart;
  piece.remark = times == 1 && !OnlyFillers(after);
  piece.value = std::move(joined);
  piece.vb = b;
  piece.ve = e;
  piece.ob = ob;
  piece.times = times;
  piece.oe = times > 1 ? oe + static_cast<uint32_t>(times_end) : oe;
  return piece;
}

// Whether the '.' at v[dot] ends an abbreviation that a number or name
// follows ("ext. 2210", "No. 4", "Apt. 3B", "Dr. Lee"): no sentence ends there.
bool AbbreviationBefore(std::string_view v, size_t dot) {
  size_t w = dot;
  while (w > 0 && IsAlphaByte(v[w - 1])) --w;
  if (w == dot || dot - w > 4 || (w > 0 && IsWordByte(static_cast<unsigned char>(v[w - 1])))) {
    return false;
  }
  static constexpr std::string_view kAbbreviations[] = {"ext", "no", "apt", "ste", "dr", "mr",
                                                        "mrs", "ms", "st", "jr", "sr", "x"};
  const std::string word = LowerAscii(v.substr(w, dot - w));
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

// Appends the pieces of view line [lb, le) (over `text`): its sentences,
// after its speaker label.
void AddPieces(std::string_view text, const internal::View& view, size_t lb, size_t le,
               SplitKind kind, bool here, std::vector<Piece>* out) {
  const std::string& v = view.text;
  if (lb >= le || le > v.size()) return;
  size_t words = 0;
  const uint32_t ol = view.OriginalBegin(static_cast<uint32_t>(lb));
  size_t ole = text.find('\n', ol);
  if (ole == std::string_view::npos) ole = text.size();
  const std::string_view speaker = internal::SpeakerOf(text.substr(ol, ole - ol), &words);
  internal::SpeakerOf(std::string_view(v).substr(lb, le - lb), &words);
  size_t sb = lb + words;
  for (size_t i = sb; i <= le; ++i) {
    // A sentence ends at "? ", "! ", ". " -- not at an ellipsis before a
    // word in lower case ("nine six... two nine o" is one value).
    bool end = i == le;
    if (!end && (v[i] == '?' || v[i] == '!' || v[i] == '.') && i + 1 < le && v[i + 1] == ' ') {
      end = !(v[i] == '.' && i > 0 && v[i - 1] == '.' && i + 2 < le &&
              !(v[i + 2] >= 'A' && v[i + 2] <= 'Z')) &&
            !(v[i] == '.' && AbbreviationBefore(v, i));
    }
    if (!end) continue;
    if (i > sb) {
      Piece piece = ClassifyPiece(text, view, sb, std::min(i + 1, le), kind);
      piece.speaker = speaker;
      piece.here = here;
      if (!here) piece.ob = ol;
      out->push_back(std::move(piece));
    }
    sb = i + 1;
  }
}

// Whether the turns before original byte `at` of `text` (its own line, then
// the turns before the unit scanned) ask for a card's last four: "last
// four", "ending", "ends in" in the last 300 bytes.
bool AsksLastFour(std::string_view previous, std::string_view text, uint32_t at) {
  std::string before(previous);
  before.append(text.substr(0, at));
  if (before.size() > 300) before.erase(0, before.size() - 300);
  before = LowerAscii(before);
  return before.find("last four") != std::string::npos || before.find("last 4") != std::string::npos ||
         before.find("ending") != std::string::npos || before.find("ends in") != std::string::npos;
}

// The line before the one byte `at` of `text` is in: a line of `text`, or
// the last line of `previous` (the turns before a turn scanned on its own).
std::string_view LineBefore(std::string_view previous, std::string_view text, uint32_t at) {
  const size_t lb = text.rfind('\n', at > 0 ? at - 1 : 0);
  std::string_view before = lb == std::string_view::npos ? previous : text.substr(0, lb);
  while (!before.empty() && (before.back() == '\n' || before.back() == ' ')) before.remove_suffix(1);
  const size_t nl = before.rfind('\n');
  return before.substr(nl == std::string_view::npos ? 0 : nl + 1);
}

// Whether the line just before byte `at` of a turn (the turn's own words
// before it, or the last line of `previous`) asks for a card's expiry date:
// "And the expiration?", "exp date?", "good through?".
bool AsksExpiry(std::string_view previous, std::string_view text, uint32_t at) {
  // The turn's own words before the value, and the line before them.
  const size_t lb = text.rfind('\n', at > 0 ? at - 1 : 0);
  std::string said(text.substr(lb == std::string_view::npos ? 0 : lb + 1,
                               at - (lb == std::string_view::npos ? 0 : lb + 1)));
  said.append(" ");
  said.append(LineBefore(previous, text, at));
  const std::string line = LowerAscii(said.size() > 300 ? said.substr(said.size() - 300) : said);
  for (std::string_view w : {"expir", "exp date", "exp. date", "valid thru", "valid through",
                             "good thru", "good through"}) {
    if (line.find(w) != std::string::npos) return true;
  }
  return false;
}

// Whether a span of `spans` overlaps original bytes [b, e) (one kept only
// as a read-back of digits, kEchoScore, gives way: what a detector finds
// there names it better).
bool Overlaps(const std::vector<Span>& spans, uint32_t b, uint32_t e) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& sp) {
    return sp.start < e && b < sp.end && !EchoScore(sp.score);
  });
}

// Whether the words before a value (lower case, TurnWordsBefore) end in a
// name of what no one's value is: an extension ("call the nurse line, ext.
// 2210", "my direct extension is four four oh eight") or a plan's group
// ("member ID is ..., group 705574 0100"), whatever the turns before asked
// for. (An extension after a phone number goes with that number: the phone
// passes never ask this.)
bool NamedRightBefore(std::string_view before) {
  size_t e = before.find_last_not_of(" .:#,");
  if (e == std::string_view::npos) return false;
  std::string_view b = before.substr(0, e + 1);
  if (b.size() >= 3 && b.substr(b.size() - 3) == " is") b.remove_suffix(3);
  for (std::string_view w : {"extension", "ext", "group"}) {
    if (b.size() >= w.size() && b.substr(b.size() - w.size()) == w &&
        (b.size() == w.size() || !IsAlphaByte(b[b.size() - w.size() - 1]))) {
      return true;
    }
  }
  return false;
}

// Whether `before` (a turn's words before a value, lower case) names the
// value as something no PHI is: "order", "confirmation", "tracking",
// "reference", "ticket", "invoice", "claim". `ids`: or as an id of another
// kind ("member", "mrn", "npi", "social", "card", ...), for a value read as
// a phone number.
bool NamedOtherwise(std::string_view before, bool ids = false) {
  static constexpr std::string_view kOther[] = {
      "order",        "confirmation", "tracking", "claim", "ticket", "reference", "invoice", "rx",
      "prescription", "tax",          "tin",      "ein",   "authorization", "auth", "case number",
      "ndc",          "group number", "group #",  "group id", "the group", "group is", "group's",
      // A staff member's number (never "Operator:", a speaker's label).
      "interpreter id", "interpreter number", "operator id", "operator number", "employee id",
      "employee number", "badge",
      // An auto insurer's policy (an injury claim's), no health plan's.
      "auto policy", "auto insurance", "car insurance",
      // A referral's own number (never "calling about my referral").
      "referral number", "referral is", "referral #", "referral id"};
  static constexpr std::string_view kIds[] = {"account", "member", "record", "mrn", "policy",
                                              "npi", "social", "ssn", "card", "id"};
  auto has = [&](std::string_view w) {
    for (size_t p = before.find(w); p != std::string_view::npos; p = before.find(w, p + 1)) {
      bool start = p == 0 || !IsAlphaByte(before[p - 1]);
      bool end = p + w.size() >= before.size() || !IsAlphaByte(before[p + w.size()]);
      if (start && end) return true;
    }
    return false;
  };
  return std::any_of(std::begin(kOther), std::end(kOther), has) ||
         (ids && std::any_of(std::begin(kIds), std::end(kIds), has)) || NamedRightBefore(before);
}

// A phone number said after a false start with no word of correction: its
// first one to three digits, then the whole number again ("nine o, nine o
// seven ...", "three one, one, three one two ...", "two one two twelve
// ..."): `run` (at view byte `at`) is 11-14 digits whose tail after the
// false start is a valid NANP number (a leading 1 allowed) beginning with
// the same digits, and the false start ends where a word does.
bool RestartedPhone(const internal::View& view, size_t at, std::string_view run) {
  const size_t n = run.size();
  if (n < 11 || n > 14 || (n == 11 && run[0] == '1')) return false;
  for (size_t k = 1; k <= 4; ++k) {
    std::string_view rest = run.substr(k);
    std::string_view core = rest.size() == 11 && rest[0] == '1' ? rest.substr(1) : rest;
    // (Or its last four said first, then the whole number: "no, the last
    // part is oh one two nine, four zero four five five five oh one two nine".)
    const bool same_start = k <= 3 && core.size() == 10 && core.substr(0, k) == run.substr(0, k);
    const bool last_part = k == 4 && core.size() == 10 && core.substr(6) == run.substr(0, 4);
    if ((same_start || last_part) && view.begin[at + k] != view.begin[at + k - 1] &&
        internal::ValidNanp(core)) {
      return true;
    }
  }
  return false;
}

// Where a value starts when its first words were said, trailed off and
// said again ("one two six nine... one two six nine, uh, double five six"):
// the first saying goes with it.
uint32_t RepeatFrom(std::string_view text, uint32_t start) {
  if (start < 5) return start;
  // Written digits trailed off, then the value from its start ("9... 910 555
  // 0175", "5... 509, 555, 0141"): the first digits go with it.
  if (start >= 5 && IsDigitByte(text[start]) && text.compare(start - 4, 4, "... ") == 0 &&
      IsDigitByte(text[start - 5])) {
    uint32_t b = start - 4;
    while (b > 0 && IsDigitByte(text[b - 1])) --b;
    const uint32_t n = start - 4 - b;
    if (n <= 3 && (b == 0 || !IsWordByte(static_cast<unsigned char>(text[b - 1]))) &&
        start + n <= text.size() && text.compare(start, n, text.substr(b, n)) == 0) {
      return b;
    }
  }
  // Up to four words after the start, each tried as the repeated part.
  uint32_t e = start;
  for (int words = 0; words < 4 && e < text.size(); ++words) {
    while (e < text.size() && (IsAlphaByte(text[e]) || text[e] == '-')) ++e;
    const std::string_view said = text.substr(start, e - start);
    // Before the start: the same words, then "..." (and blanks).
    if (!said.empty() && start >= said.size() + 4 && text.compare(start - 4, 4, "... ") == 0) {
      const uint32_t b = start - 4 - static_cast<uint32_t>(said.size());
      if (LowerAscii(text.substr(b, said.size())) == LowerAscii(said) &&
          (b == 0 || !IsAlphaByte(text[b - 1]))) {
        return b;
      }
    }
    if (e >= text.size() || text[e] != ' ') break;
    ++e;
  }
  return start;
}

// Words that say a value's characters: digits, tens, "hundred", "double",
// "as in", "dash", fillers.
bool IsValueWord(std::string_view w) {
  static constexpr std::string_view kValueWords[] = {
      "zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
      "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
      "eighty", "ninety", "hundred", "double", "triple", "as", "in", "dash", "uh", "um"};
  return std::find(std::begin(kValueWords), std::end(kValueWords), w) != std::end(kValueWords);
}

// Whether `said` has no word but those (and single letters).
bool OnlyValueWords(std::string_view said) {
  for (size_t k = 0; k < said.size();) {
    if (!IsAlphaByte(said[k])) {
      ++k;
      continue;
    }
    size_t j = k;
    while (j < said.size() && IsAlphaByte(said[j])) ++j;
    if (j - k > 1 && !IsValueWord(LowerAscii(said.substr(k, j - k)))) return false;
    k = j;
  }
  return true;
}

// Where the questions a turn may answer start in `before` (the turns before
// it, oldest first): the last three turns; `extended`, up to eight when the
// last three are short ("Five three" / "Go ahead." / "One one eight." -- an
// answer in parts, then its read-back: "So that's 53118.").
size_t AskWindow(std::string_view before, bool extended) {
  std::vector<size_t> starts;  // line starts, newest first
  size_t end = before.size();
  if (end > 0 && before[end - 1] == '\n') --end;
  bool short_lines = true;
  std::string_view newer_speaker;
  int merged = 0;
  while (end > 0) {
    size_t nl = before.rfind('\n', end - 1);
    size_t b = nl == std::string_view::npos ? 0 : nl + 1;
    // (A blank line is a paragraph break, no turn.)
    if (before.substr(b, end - b).find_first_not_of(" \t\r") == std::string_view::npos) {
      if (b == 0) break;
      end = b - 1;
      continue;
    }
    if (starts.size() < 3) {
      // (Words that say a value's characters do not count: "Um, Y E as in
      // edward N as in nora five two two nine ..." is a short turn.)
      int words = 0;
      for (size_t k = b; k < end;) {
        if (!IsAlphaByte(before[k]) || (k > b && IsAlphaByte(before[k - 1]))) {
          ++k;
          continue;
        }
        size_t j = k;
        while (j < end && IsAlphaByte(before[j])) ++j;
        const std::string w = LowerAscii(before.substr(k, j - k));
        const bool value_word = j - k == 1 || IsValueWord(w);
        // (After "as in", the word the letter is spelled by.)
        const bool spelled_by = k >= 6 && LowerAscii(before.substr(k - 6, 6)) == "as in ";
        words += value_word || spelled_by ? 0 : 1;
        k = j;
      }
      short_lines = short_lines && words <= 12;
    }
    // A short line that holds no value nor question goes with the line of
    // its speaker after it, one turn ("Yeah, hang on, let me grab my
    // wallet." / "Okay, it starts with M, then numbers.").
    const std::string_view line = before.substr(b, end - b);
    const std::string_view speaker = internal::SpeakerOf(line, nullptr);
    auto holds_nothing = [&] {
      int words = 0;
      for (size_t k = 0; k < line.size();) {
        const char c = line[k];
        if ((c >= '0' && c <= '9') || c == '?') return false;
        if (!IsAlphaByte(c)) {
          ++k;
          continue;
        }
        size_t j = k;
        while (j < line.size() && IsAlphaByte(line[j])) ++j;
        const std::string w = LowerAscii(line.substr(k, j - k));
        if (IsValueWord(w) && w != "as" && w != "in" && w != "uh" && w != "um" && w != "oh" &&
            w != "o") {
          return false;
        }
        if (++words > 12) return false;
        k = j;
      }
      return true;
    };
    // (At most three lines to a turn: bounded work.)
    // (Not into the newest line: that may be the speaker of the turn being
    // answered, whose own lines are no questions.)
    if (starts.size() >= 2 && !speaker.empty() && speaker == newer_speaker && merged < 2 &&
        holds_nothing()) {
      ++merged;
      starts.back() = b;
    } else {
      if (starts.size() == 3 && (!short_lines || !extended)) break;
      if (starts.size() == 8) break;
      starts.push_back(b);
      merged = 0;
    }
    newer_speaker = speaker;
    end = b == 0 ? 0 : b - 1;
  }
  return starts.empty() ? 0 : starts.back();
}

// Where a value starts when its first word was said twice, the first cut
// off ("one- one three zero eight six", "the- the twenty second of May"):
// the cut-off word goes with it.
uint32_t RepeatFrom(std::string_view text, uint32_t start);

uint32_t StutterFrom(std::string_view text, uint32_t start) {
  uint32_t we = start;
  while (we < text.size() && IsAlphaByte(text[we])) ++we;
  if (we == start || start < 3 || text[start - 1] != ' ' || text[start - 2] != '-') return start;
  const uint32_t len = we - start;
  if (start < len + 2) return start;
  const uint32_t b = start - 2 - len;
  if (LowerAscii(text.substr(b, len)) != LowerAscii(text.substr(start, len)) ||
      (b > 0 && IsAlphaByte(text[b - 1]))) {
    return start;
  }
  return b;
}

// Words that say a number or a part of a date (CorrectedFrom, CorrectedTo).
constexpr std::string_view kSaidNumbers[] = {
    "zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "double", "triple",
    // Dates said again: "November eighth, no, sorry, November seventh".
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"};

// Whether an em or en dash (UTF-8) ends at text[i].
bool DashBefore(std::string_view text, uint32_t i) {
  return i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
         static_cast<unsigned char>(text[i - 2]) == 0x80 &&
         (static_cast<unsigned char>(text[i - 1]) == 0x94 ||
          static_cast<unsigned char>(text[i - 1]) == 0x93);
}

// Where a value said with a self-correction before it starts: "four one
// four no wait <value>", "nine seven four i mean <value>", "Nine-oh-one...
// sorry, <value>", "one six one six no, <value>" -- the abandoned digits
// and the correction go with the value. `start` if there is none.
uint32_t CorrectedFrom(std::string_view text, uint32_t start) {
  auto lower_word_before = [&text](uint32_t end, uint32_t* b) {
    uint32_t i = end;
    while (i > 0 && IsAlphaByte(text[i - 1])) --i;
    *b = i;
    return LowerAscii(text.substr(i, end - i));
  };
  auto skip_gap = [&text](uint32_t i) {
    while (i > 0) {
      if (text[i - 1] == ' ' || text[i - 1] == ',' || text[i - 1] == '.' || text[i - 1] == '-') {
        --i;
      } else if (DashBefore(text, i)) {
        i -= 3;  // "July fifth— no, sorry, July fourth"
      } else {
        break;
      }
    }
    return i;
  };
  // One marker or a few ("no, sorry", "sorry, I mean", "let me start
  // over"), matched word by word from their last.
  static const std::vector<std::vector<std::string_view>> kMarkers = {
      {"sorry"}, {"no"}, {"actually"}, {"wait", "no"}, {"wait"}, {"on", "hang"}, {"oops"}, {"mean", "i"},
      {"over", "start", "me", "let"}, {"over", "start"}, {"again", "try", "me", "let"},
      {"again", "that", "try"}, {"that", "scratch"}};
  auto number_before = [&](uint32_t at, uint32_t* b) {
    uint32_t j = skip_gap(at);
    if (j > 0 && text[j - 1] >= '0' && text[j - 1] <= '9') {
      while (j > 0 && text[j - 1] >= '0' && text[j - 1] <= '9') --j;
      *b = j;
      return true;
    }
    std::string n = lower_word_before(j, b);
    return !n.empty() && std::find(std::begin(kSaidNumbers), std::end(kSaidNumbers), n) != std::end(kSaidNumbers);
  };
  // A month given up on before a date said with its month's name ("january...
  // no, march twenty first nineteen sixty five"): the month goes with it.
  static constexpr std::string_view kMonths[] = {"january", "february", "march", "april", "may",
                                                 "june", "july", "august", "september", "october",
                                                 "november", "december"};
  auto month_end = [&](uint32_t b) -> uint32_t {  // where a month's name at b ends, or 0
    uint32_t i = b;
    while (i < text.size() && IsAlphaByte(text[i])) ++i;
    const std::string w = LowerAscii(text.substr(b, i - b));
    return std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths) ? i : 0;
  };
  // The position before a marker that ends at `at` (`at` if none).
  bool phrase = false;  // a marker of two words or more: one digit given up on is enough
  auto marker_before = [&](uint32_t at) {
    uint32_t best = at;
    for (const auto& words : kMarkers) {
      uint32_t w = at;
      size_t k = 0;
      for (; k < words.size(); ++k) {
        uint32_t b = 0;
        if (lower_word_before(skip_gap(w), &b) != words[k] || b == skip_gap(w)) break;
        w = b;
      }
      if (k == words.size() && w < best) {
        best = w;
        phrase = phrase || words.size() >= 2;
      }
    }
    return best;
  };
  // Markers right before the value ("four one four, no wait, four one
  // five ..."); or markers with the part corrected said both ways between
  // them and the value ("..., no no, it's four oh, not six oh, nine two six
  // four oh"): `marker` is where the first marker word starts.
  uint32_t marker = start;
  for (int markers = 0; markers < 3; ++markers) {
    const uint32_t m = marker_before(marker);
    if (m == marker) break;
    marker = m;
  }
  if (marker == start) {
    uint32_t at = start;
    bool contrast = false;  // "not" with numbers after it
    int run = 0;            // numbers since the last word that is none
    for (int steps = 0; steps < 16; ++steps) {
      const uint32_t m = marker_before(at);
      if (m < at) {
        at = marker = m;
        run = 0;
        continue;
      }
      uint32_t b = 0;
      const std::string w = lower_word_before(skip_gap(at), &b);
      if (b < skip_gap(at) && (w == "not" || w == "it's" || w == "its")) {
        contrast = contrast || (w == "not" && run > 0);
        at = b;
        run = 0;
        continue;
      }
      if (!number_before(at, &b)) break;
      at = b;
      ++run;
    }
    if (!contrast) marker = start;
    phrase = phrase || contrast;
  }
  if (marker == start) return start;
  if (month_end(start) != 0) {
    uint32_t b = 0;
    const uint32_t j = skip_gap(marker);
    lower_word_before(j, &b);
    if (b < j && month_end(b) == j) return b;
  }
  // The abandoned try: number words and digits right before the marker.
  uint32_t from = marker;
  int numbers = 0;
  for (uint32_t b = 0; numbers < 12 && number_before(from, &b); ++numbers) from = b;
  // (An "Oh" set off by a dash or a comma before it is an interjection:
  // "Oh— five seven— I mean five zero ...".)
  if (numbers >= 2 && from + 2 < text.size() && (text[from] | 0x20) == 'o' &&
      ((text[from + 1] | 0x20) == 'h' || !IsAlphaByte(text[from + 1]))) {
    uint32_t after = from + ((text[from + 1] | 0x20) == 'h' ? 2 : 1);
    const bool set_off = after < text.size() &&
                         (text[after] == ',' || (after + 3 <= text.size() && DashBefore(text, after + 3)));
    if (set_off) {
      while (after < text.size() && !IsAlphaByte(text[after]) && !IsDigitByte(text[after])) ++after;
      if (numbers - 1 >= (phrase ? 1 : 2)) return after;
    }
  }
  return numbers >= (phrase ? 1 : 2) ? from : start;
}

// Where a value found in its first try ends when a correction of a part of
// it follows ("nine two six six oh, no no, it's four oh, not six oh, nine two
// six four oh": the value corrected in a breath, all of it the value): after
// the last number of a run of markers ("no", "sorry", "wait", "actually",
// "i mean"), "it's"/"not" and numbers that begins with a marker and says a
// part both ways ("not six oh"). `end` if none follows. (A value said again
// whole after "no wait, it's" is found on its own; the words between are
// none of it.)
uint32_t CorrectedTo(std::string_view text, uint32_t end) {
  uint32_t at = end, last = end;
  bool marked = false, contrast = false, after_not = false, other = false;
  int numbers = 0;  // after the first marker
  int units = 0;    // digits written and number words after it
  for (int words = 0; words < 24 && at < text.size(); ++words) {
    while (at < text.size() && (text[at] == ' ' || text[at] == ',' || text[at] == '.' ||
                                text[at] == '-')) {
      ++at;
    }
    uint32_t e = at;
    if (e < text.size() && text[e] >= '0' && text[e] <= '9') {
      while (e < text.size() && text[e] >= '0' && text[e] <= '9') ++e;
      if (!marked) break;
      units += static_cast<int>(e - at);
      at = last = e;
      ++numbers;
      contrast = contrast || after_not;
      continue;
    }
    while (e < text.size() && (IsAlphaByte(text[e]) || text[e] == '\'')) ++e;
    if (e == at) break;
    const std::string w = LowerAscii(text.substr(at, e - at));
    const bool marker = w == "no" || w == "sorry" || w == "wait" || w == "actually" ||
                        w == "oops" || (w == "i" && LowerAscii(text.substr(e, 5)) == " mean") ||
                        (w == "mean" && marked);
    if (marker) {
      marked = true;
    } else if (!marked) {
      break;
    } else if (std::find(std::begin(kSaidNumbers), std::end(kSaidNumbers), w) !=
               std::end(kSaidNumbers)) {
      last = e;
      ++numbers;
      ++units;
      contrast = contrast || after_not;
    } else if (marked && numbers == 0 && (w == "uh" || w == "um")) {
      // (A filler after the marker: "i mean uh nineteen fifty three".)
    } else if (w != "not" && w != "it's" && w != "its") {
      break;
    } else {
      other = true;
    }
    after_not = w == "not";
    at = e;
  }
  if (numbers >= 2 && contrast) return last;
  // The last part corrected right after the value, and only that part
  // ("703550197 no wait 0190", "4757 7407 4598 3999 no 3799", "... nineteen
  // fifty four i mean uh nineteen fifty three"): two to five digits said
  // again go with the value. (A value said again whole is found on its own.)
  if (marked && !other && numbers >= 1 && units >= 2 && units <= 5) return last;
  return end;
}

// Whether the word at text[pos] appears as a word in `answer` (lower case).
bool RepeatsWord(std::string_view text, uint32_t pos, const std::string& answer) {
  std::string w;
  for (size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
    w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (w.size() < 3) return false;
  for (size_t at = answer.find(w); at != std::string::npos; at = answer.find(w, at + 1)) {
    bool left = at == 0 || !(answer[at - 1] >= 'a' && answer[at - 1] <= 'z');
    size_t r = at + w.size();
    bool right = r == answer.size() || !(answer[r] >= 'a' && answer[r] <= 'z');
    if (left && right) return true;
  }
  return false;
}

// An e-mail address whose local part speech-to-text split at a blank
// ("fatima habib@msn.com", "r nair@sbcglobal.net"): the word before it goes
// with it when it is a single letter or a known name (never an everyday word:
// "contact habib@msn.com").
void ExtendSplitEmails(std::string_view text, int entity, std::vector<Span>* spans) {
  const auto& gaz = internal::NameGazetteer::Builtin();
  uint32_t prev_end = 0;
  for (Span& sp : *spans) {
    if (sp.entity == entity && sp.start >= 2 && text[sp.start - 1] == ' ' &&
        text.substr(sp.start, sp.end - sp.start).find('@') != std::string_view::npos) {
      uint32_t b = sp.start - 1;
      while (b > prev_end && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') ||
                              (text[b - 1] >= 'A' && text[b - 1] <= 'Z'))) {
        --b;
      }
      std::string w;
      for (uint32_t i = b; i < sp.start - 1; ++i) {
        w.push_back(text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a')
                                                     : text[i]);
      }
      bool edge = b == 0 || text[b - 1] == ' ' || text[b - 1] == ',' || text[b - 1] == '"';
      // (A lone letter only after words: "okay r nair@...", never in a list of
      // fields "6789 b dana@...".)
      bool after_words = b < 2 || !(text[b - 2] >= '0' && text[b - 2] <= '9');
      bool letter = w.size() == 1 && w != "a" && w != "i" && after_words;
      uint8_t flags = w.size() >= 2 ? gaz.Flags(w) : 0;
      bool name = (flags & (internal::kGivenName | internal::kSurname)) != 0 &&
                  (flags & (internal::kCommonWord | internal::kNotName)) == 0;
      if (edge && !w.empty() && (letter || name)) sp.start = b;
    }
    prev_end = sp.end;
  }
}

// An e-mail address whose first word is spelled before it ("my email is
// m-a-r-i-s-o-l, marisol, marisol underscore ibarra at hotmail dot com",
// "H, h, h nguyen nineteen fifty eight at yahoo dot com"): the spelling, and
// the word said once more, are part of it. The letters must spell that word
// (or repeat its one letter); the word said once more with no letters before
// it is part of it too.
void ExtendEmailSpelling(std::string_view text, int entity, std::vector<Span>* spans) {
  for (Span& sp : *spans) {
    if (sp.entity != entity) continue;
    uint32_t k = sp.start;
    while (k < sp.end && IsAlphaByte(text[k])) ++k;
    if (k == sp.start) continue;
    const std::string first = LowerAscii(text.substr(sp.start, k - sp.start));
    auto skip_gap = [&](uint32_t at) {
      while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == ',' || text[at - 1] == '-')) --at;
      return at;
    };
    auto word_before = [&](uint32_t at, uint32_t* b) {
      uint32_t w = at;
      while (w > 0 && IsAlphaByte(text[w - 1])) --w;
      *b = w;
      return LowerAscii(text.substr(w, at - w));
    };
    uint32_t start = sp.start, at = skip_gap(sp.start), b = 0;
    // The word said once more ("..., marisol, marisol underscore ...").
    if (word_before(at, &b) == first && b < at && first.size() >= 2) {
      start = b;
      at = skip_gap(b);
    }
    std::string letters;  // backwards
    uint32_t spelled = start;
    for (int n = 0; n < 40 && at > 0; ++n) {
      const std::string w = word_before(at, &b);
      if (w.size() != 1 || b == at ||
          (b > 0 && (IsWordByte(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '\''))) {
        break;
      }
      letters.insert(letters.begin(), w[0]);
      spelled = b;
      at = skip_gap(b);
    }
    const bool spells = letters.size() >= 2 && letters == first;
    const bool repeats = !letters.empty() && first.size() == 1 &&
                         std::all_of(letters.begin(), letters.end(), [&](char c) { return c == first[0]; });
    if (spells || repeats) {
      sp.start = spelled;
    } else if (letters.empty()) {
      sp.start = start;  // ("dana, dana dot reyes at ...")
    }
  }
}

// What is said of an e-mail address right after it goes with it: "...
// at hotmail dot com lowercase", "... all lowercase", "... no caps", "...
// all one word".
void ExtendEmailNotes(std::string_view text, int entity, std::vector<Span>* spans) {
  static constexpr std::string_view kNotes[] = {" all lowercase", " all lower case", " lowercase",
                                                " lower case", " no caps", " all one word",
                                                " all small letters", ", all lowercase", ", lowercase"};
  for (Span& sp : *spans) {
    if (sp.entity != entity) continue;
    for (std::string_view note : kNotes) {
      if (sp.end + note.size() > text.size()) continue;
      bool same = true;
      for (size_t k = 0; k < note.size() && same; ++k) {
        char c = text[sp.end + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        same = c == note[k];
      }
      const size_t after = sp.end + note.size();
      if (same && (after >= text.size() || !IsWordByte(text[after]))) {
        sp.end = static_cast<uint32_t>(after);
        break;
      }
    }
  }
}

// Letters said one by one that spell an acronym ("your M R I results", "the
// U I H C", "an E K G"): no name, whatever was asked.
bool SpelledAcronym(std::string_view said) {
  std::string letters;
  for (size_t i = 0; i < said.size(); ++i) {
    char c = said[i];
    bool start = i == 0 || !((said[i - 1] >= 'a' && said[i - 1] <= 'z') ||
                             (said[i - 1] >= 'A' && said[i - 1] <= 'Z'));
    bool alone = i + 1 == said.size() || !((said[i + 1] >= 'a' && said[i + 1] <= 'z') ||
                                           (said[i + 1] >= 'A' && said[i + 1] <= 'Z'));
    if (!start || !alone) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;  // a word: NATO, "as in"
      continue;
    }
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') letters.push_back(c);
  }
  static constexpr std::string_view kAcronyms[] = {
      "MRI",  "CT",   "EKG",  "ECG",  "EEG",  "EMG",  "ICU",  "NICU", "ER",   "ED",  "OR",
      "HIV",  "AIDS", "COPD", "CHF",  "CPAP", "BIPAP", "ADHD", "PTSD", "OCD",  "UTI", "STD",
      "IV",   "BP",   "OB",   "GYN",  "OBGYN", "ENT", "PCP",  "NP",   "PA",   "RN",  "LPN",
      "MD",   "DO",   "DDS",  "HMO",  "PPO",  "EPO",  "EOB",  "FSA",  "HSA",  "NPI", "DOB",
      "SSN",  "MRN",  "ID",   "PIN",  "USA",  "US",   "UIHC", "UCSF", "UCLA", "VA",  "CVS",
      "ATM",  "TV",   "PT",   "OT",   "ABA",  "CBC",  "BMP",  "CMP",  "TSH",  "PSA", "INR",
      "DVT",  "PE",   "MS",   "ALS",  "IBS",  "GERD", "CPR",  "AED",  "EMT",  "ASAP", "FYI",
      "OK",   "PDF",  "URL",  "PM",   "AM",   "IUD",  "STI",  "HPV",  "RSV",  "TB",  "BMI",
      "A1C",  "LDL",  "HDL",  "PET",  "EGD",  "ACL",  "MCL",  "SNF",  "LTC",  "ADL", "DME"};
  for (std::string_view a : kAcronyms) {
    if (letters == a) return true;
  }
  return false;
}

// The digits of a turn's words: never those of a timestamp or a speaker
// label ("[00:01:47]", "Speaker 2:").
void AnswerDigits(std::string_view text, std::string* out) {
  out->clear();
  int bracket = 0;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (c < '0' || c > '9') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && text[e] >= '0' && text[e] <= '9') ++e;
    bool clock = (e < text.size() && text[e] == ':') || (i > 0 && text[i - 1] == ':');
    if (bracket == 0 && !clock) out->append(text.substr(i, e - i));
    i = e;
  }
}

// A sentence ends at text[i]: ". ", "? ", "! " (or at the end), a line
// break, a " / " between turns joined into one line.
bool SentenceEnd(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '\n') return true;
  // (An ellipsis is a pause: "six... seventeen... nineteen fifty three.")
  if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ' ||
                                             text[i + 1] == '\n')) {
    return !(c == '.' && i > 0 && text[i - 1] == '.' && i + 1 < text.size() &&
             text[i + 1] == ' ');
  }
  return c == '/' && i > 0 && text[i - 1] == ' ' && i + 1 < text.size() && text[i + 1] == ' ';
}

// True when the gap text[lo, hi) between a cue and the value after it is a
// label separator: ':' or '=' with at most blanks, quotes and '#' around.
bool BindsForward(std::string_view text, uint32_t lo, uint32_t hi) {
  if (hi < lo || hi - lo > 16) return false;
  // The rest of a compound key the cue begins ("ZIP_CD=", "dob_date:").
  if (lo < hi && text[lo] == '_') {
    while (lo < hi && (text[lo] == '_' || (text[lo] >= 'a' && text[lo] <= 'z') ||
                       (text[lo] >= 'A' && text[lo] <= 'Z') || (text[lo] >= '0' && text[lo] <= '9'))) {
      ++lo;
    }
  }
  if (hi - lo > 6) return false;
  bool sep = false;
  for (uint32_t i = lo; i < hi; ++i) {
    char c = text[i];
    if (c == ':' || c == '=') {
      sep = true;
    } else if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '#' && c != '`') {
      return false;
    }
  }
  return sep;
}

// True when the gap text[lo, hi) between a negative word and a value joins
// them as one phrase: at most a few bytes of punctuation, blanks and
// connecting words ("order #", "invoice number is", "ref no.").
bool AttachedNegative(std::string_view text, uint32_t lo, uint32_t hi) {
  if (hi < lo || hi - lo > 20) return false;
  static constexpr std::string_view kJoiners[] = {"number", "num", "no", "nr", "id",
                                                  "is", "was", "of", "code"};
  uint32_t i = lo;
  while (i < hi) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < hi && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    std::string word(text.substr(i, j - i));
    for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (std::find(std::begin(kJoiners), std::end(kJoiners), word) == std::end(kJoiners)) {
      return false;
    }
    i = j;
  }
  return true;
}

// Which of two spans labels the text both cover: higher score, then longer,
// then earlier, then lower rule index.
bool Outranks(const Span& a, const Span& b) {
  if (a.score != b.score) return a.score > b.score;
  uint32_t la = a.end - a.start, lb = b.end - b.start;
  if (la != lb) return la > lb;
  if (a.start != b.start) return a.start < b.start;
  return a.rule < b.rule;
}

// Overlap resolution, once: spans that overlap (directly or through a chain)
// become one span covering their union, labelled by a span that contains
// the others, else by the one that outranks them. Redacting the union never
// leaves part of a value behind ("https://dana:123-45-6789@host/..." is one
// URL span, not an e-mail span with the rest of the URL left). *spans ends
// sorted by start.
void ResolveOverlaps(std::vector<Span>* spans) {
  if (spans->size() < 2) return;
  std::sort(spans->begin(), spans->end(), [](const Span& a, const Span& b) {
    if (a.start != b.start) return a.start < b.start;
    return Outranks(a, b);
  });
  size_t out = 0;
  for (size_t i = 1; i < spans->size(); ++i) {
    Span& cur = (*spans)[out];
    const Span& next = (*spans)[i];
    if (next.start < cur.end) {
      uint32_t start = cur.start, end = std::max(cur.end, next.end);
      bool same = next.start == cur.start && next.end == cur.end;
      bool next_contains = !same && next.start <= cur.start && next.end >= cur.end;
      bool cur_contains = !same && cur.start <= next.start && cur.end >= next.end;
      if (next_contains || (!cur_contains && Outranks(next, cur))) cur = next;
      cur.start = start;
      cur.end = end;
    } else {
      (*spans)[++out] = next;
    }
  }
  spans->resize(out + 1);
}

// Whether what is said before a number (`prefix`) names it as no PHI:
// "your call reference number for this call is", "group", "The
// confirmation they gave me was" -- never "NPI on the order is" nor "my
// prescription oh and".
bool NamesNumberOtherwise(std::string_view prefix) {
  const std::string lower = LowerAscii(prefix.substr(prefix.size() > 60 ? prefix.size() - 60 : 0));
  std::vector<std::string_view> words;
  WordsOf(lower, &words);
  static constexpr std::string_view kLinks[] = {"is", "was", "it's", "number", "no", "id",
                                                "code", "for", "this", "call", "the", "of",
                                                "your", "my", "a", "they", "gave", "me"};
  static constexpr std::string_view kPhi[] = {"npi", "mrn", "ssn", "social", "member", "phone",
                                              "cell", "birth", "record", "card", "account"};
  for (std::string_view w : words) {
    if (std::find(std::begin(kPhi), std::end(kPhi), w) != std::end(kPhi)) return false;
  }
  // (An id's letter before its digits: "... number is R eight three nine",
  // "... is C as in cat, four four ...".)
  if (words.size() >= 4 && words[words.size() - 2] == "in" && words[words.size() - 3] == "as") {
    words.resize(words.size() - 3);
  }
  if (!words.empty() && words.back().size() == 1) words.pop_back();
  while (!words.empty() &&
         std::find(std::begin(kLinks), std::end(kLinks), words.back()) != std::end(kLinks)) {
    words.pop_back();
  }
  return !words.empty() && NamedOtherwise(words.back());
}

// Whether `value` was said in `turns` (their last 4 KB, whole) where words
// named it as what no PHI is ("the reference number is ...", NamedOtherwise).
// NamedOtherwiseEarlier: the value at [b, e) of `text`, said before it there.
bool NamedOtherwiseIn(std::string_view turns, std::string_view value) {
  if (value.size() < 4 || turns.empty()) return false;
  const size_t lo = turns.size() > 4096 ? turns.size() - 4096 : 0;
  const std::string_view window = turns.substr(lo);
  for (size_t p = window.rfind(value); p != std::string_view::npos;
       p = p == 0 ? std::string_view::npos : window.rfind(value, p - 1)) {
    const size_t at = lo + p;
    const bool whole = (at == 0 || !IsWordByte(static_cast<unsigned char>(turns[at - 1]))) &&
                       (at + value.size() >= turns.size() ||
                        !IsWordByte(static_cast<unsigned char>(turns[at + value.size()])));
    if (whole && NamedOtherwise(TurnWordsBefore(turns, static_cast<uint32_t>(at)))) return true;
  }
  return false;
}

bool NamedOtherwiseEarlier(std::string_view text, uint32_t b, uint32_t e) {
  return NamedOtherwiseIn(text.substr(0, b), text.substr(b, e - b));
}

// Identifier-shaped tokens beside a person's direct identifiers
// (context/companions.h): added to *spans when a span of an anchor entity is
// there. `tokens` is a reusable buffer.
void AddCompanionIds(std::string_view text, std::string_view previous_turns,
                     const Ruleset::Impl& impl, int person_entity,
                     std::vector<std::pair<uint32_t, uint32_t>>* tokens, std::vector<Span>* spans) {
  // Dates and ids right beside a person's name (found once: only records
  // that name someone pay for it).
  std::vector<std::pair<uint32_t, uint32_t>> names, beside_dates, beside_ids;
  for (const Span& sp : *spans) {
    if (static_cast<int>(sp.entity) == person_entity) names.emplace_back(sp.start, sp.end);
  }
  if (!names.empty()) internal::FindBesideNames(text, names, &beside_dates, &beside_ids);
  // What a token is (a phone, a ZIP, a date) before that it is some id.
  for (auto kind : {CompiledRule::Detector::kCompanionPhones, CompiledRule::Detector::kCompanionZips,
                    CompiledRule::Detector::kCompanionDates, CompiledRule::Detector::kCompanionIds})
  for (uint32_t r : impl.detector_rules) {
    const CompiledRule& rule = impl.rules[r];
    if (rule.detector != kind) continue;
    bool anchored = std::any_of(spans->begin(), spans->end(), [&rule](const Span& sp) {
      return sp.entity < 64 && ((rule.anchor_entities >> sp.entity) & 1);
    });
    if (!anchored) continue;
    tokens->clear();
    if (rule.detector == CompiledRule::Detector::kCompanionZips) {
      internal::FindCompanionZips(text, tokens);
      // A ZIP right after a person's name that ends the field (a search for
      // "Reyes 60431"): the pair finds one person.
      for (const Span& sp : *spans) {
        if (static_cast<int>(sp.entity) != person_entity) continue;
        size_t b = sp.end + 1;
        if (b >= text.size() || text[sp.end] != ' ') continue;
        size_t e = b;
        while (e < text.size() && e - b < 5 && text[e] >= '0' && text[e] <= '9') ++e;
        if (e - b != 5) continue;
        if (e + 5 <= text.size() && text[e] == '-' &&
            std::all_of(text.begin() + e + 1, text.begin() + e + 5,
                        [](char c) { return c >= '0' && c <= '9'; })) {
          e += 5;
        }
        bool field_end = e == text.size() || text[e] == '"' || text[e] == '\'' || text[e] == ',' ||
                         text[e] == '|' || text[e] == '\t' || text[e] == '\n';
        if (field_end) tokens->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
      }
      std::sort(tokens->begin(), tokens->end());
    } else if (rule.detector == CompiledRule::Detector::kCompanionDates) {
      internal::FindCompanionDates(text, tokens);
      if (!beside_dates.empty()) {
        tokens->insert(tokens->end(), beside_dates.begin(), beside_dates.end());
        std::sort(tokens->begin(), tokens->end());
      }
    } else if (rule.detector == CompiledRule::Detector::kCompanionPhones) {
      internal::FindCompanionPhones(text, tokens);
    } else {
      internal::FindCompanionIds(text, tokens);
      if (!beside_ids.empty()) {
        tokens->insert(tokens->end(), beside_ids.begin(), beside_ids.end());
        std::sort(tokens->begin(), tokens->end());
      }
    }
    size_t before = spans->size();
    // A date of birth outranks a plain date on the same bytes (--dates-all).
    int plain_date = -1;
    if (rule.detector == CompiledRule::Detector::kCompanionDates) {
      for (size_t i = 0; i < impl.entities.size(); ++i) {
        if (impl.entities[i] == "DATE") plain_date = static_cast<int>(i);
      }
    }
    for (const auto& [b, e] : *tokens) {
      // The spans before are sorted and disjoint (ResolveOverlaps): the one
      // that could overlap [b, e) is the first that ends after b. (Indices,
      // not iterators: the loop appends to *spans.)
      size_t lo = 0, hi = before;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((*spans)[mid].end <= b) lo = mid + 1; else hi = mid;
      }
      bool taken = false;
      for (size_t i = lo; i < before && (*spans)[i].start < e && !taken; ++i) {
        taken = static_cast<int>((*spans)[i].entity) != plain_date;
      }
      // A date needs its person on its own line (a conversation is one text:
      // "it's three eighteen eighty eight" answers a ZIP question).
      if (!taken && (rule.detector == CompiledRule::Detector::kCompanionDates ||
                     rule.detector == CompiledRule::Detector::kCompanionPhones)) {
        // (Dates are few: a line lookup per date is fine, but bounded.)
        size_t lo = b > 4096 ? b - 4096 : 0;
        size_t ls = text.substr(lo, b - lo).rfind('\n');
        ls = ls == std::string_view::npos ? lo : lo + ls + 1;
        size_t le = text.substr(e, 4096).find('\n');
        le = le == std::string_view::npos ? std::min(text.size(), size_t{e} + 4096) : e + le;
        bool near = false;
        // The spans before are sorted by start: only those in [ls, le).
        size_t i = 0, hi2 = before;
        while (i < hi2) {
          size_t mid = i + (hi2 - i) / 2;
          if ((*spans)[mid].start < ls) i = mid + 1; else hi2 = mid;
        }
        for (; i < before && (*spans)[i].start < le && !near; ++i) {
          const Span& sp = (*spans)[i];
          near = sp.entity < 64 && ((rule.anchor_entities >> sp.entity) & 1) && sp.end <= le &&
                 !(sp.start < e && b < sp.end);
        }
        if (!near) continue;
      }
      // ("your call reference number is R455406450." / "That's R455406450,
      // and I spoke with Gordon?": the id said again is still the reference.)
      if (!taken && rule.detector == CompiledRule::Detector::kCompanionIds &&
          (NamesNumberOtherwise(text.substr(0, b)) || NamedOtherwiseEarlier(text, b, e) ||
           NamedOtherwiseIn(previous_turns, text.substr(b, e - b)))) {
        continue;
      }
      if (!taken) spans->push_back({b, e, static_cast<uint16_t>(r), rule.entity, rule.score});
    }
    if (spans->size() > before) ResolveOverlaps(spans);
  }
}

// Context phrases near the values waiting to be scored: the text around each
// (its rule's windows, plus room for a phrase) is tokenized once and matched
// against the lexicon. A record without such values costs nothing.
void FindContextHits(std::string_view text, const Ruleset::Impl& impl, Scanner::State* s) {
  constexpr uint32_t kPhraseRoom = 64;  // bytes of a cue phrase itself
  s->hits.clear();
  s->windows.clear();
  const uint32_t size = static_cast<uint32_t>(text.size());
  for (const Span& p : s->pending) {
    const CompiledRule& rule = impl.rules[p.rule];
    if (!rule.has_context()) continue;
    uint32_t reach = static_cast<uint32_t>(rule.before) + kPhraseRoom;
    uint32_t lo = p.start > reach ? p.start - reach : 0;
    uint32_t hi = std::min<uint32_t>(size, p.end + static_cast<uint32_t>(rule.after) + kPhraseRoom);
    s->windows.emplace_back(lo, hi);
  }
  std::sort(s->windows.begin(), s->windows.end());
  // Overlapping windows are tokenized as one, so no phrase is cut in two.
  size_t w = 0;
  while (w < s->windows.size()) {
    uint32_t lo = s->windows[w].first, hi = s->windows[w].second;
    for (++w; w < s->windows.size() && s->windows[w].first <= hi; ++w) {
      hi = std::max(hi, s->windows[w].second);
    }
    internal::ExpandToWords(text, &lo, &hi);
    s->tokens.clear();
    internal::TokenizeContext(text, lo, hi, &s->tokens);
    impl.lexicon.Match(s->tokens, &s->hits);
  }
}

// The context hits that speak for or against `rule`, in *out. A phrase inside
// a longer one of the same rule is read as the longer one: "medical record"
// in "medical record number" is no cue of its own.
void RuleHits(const CompiledRule& rule, const std::vector<internal::ContextHit>& hits,
              std::vector<internal::ContextHit>* out) {
  out->clear();
  for (const auto& h : hits) {
    if (std::find(rule.words.begin(), rule.words.end(), h.word) != rule.words.end() ||
        std::find(rule.negative_words.begin(), rule.negative_words.end(), h.word) !=
            rule.negative_words.end()) {
      out->push_back(h);
    }
  }
  auto inside = [out](const internal::ContextHit& h) {
    for (const auto& o : *out) {
      if (o.start <= h.start && o.end >= h.end && (o.end - o.start) > (h.end - h.start)) {
        return true;
      }
    }
    return false;
  };
  out->erase(std::remove_if(out->begin(), out->end(), inside), out->end());
}

// Dictionary entries from whole-word hits: from each word, the longest run of
// adjacent words (single blanks or ", " between them) whose lower-cased
// phrase is an entry of some dictionary becomes a span of its entity.
void MatchDictionaryEntries(std::string_view text, const Ruleset::Impl& impl,
                            Scanner::State* state) {
  auto& words = state->dict_words;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string& phrase = state->phrase;
  for (size_t i = 0; i < words.size(); ++i) {
    phrase.clear();
    uint32_t best_end = 0;
    int best_set = -1;
    size_t prev = i;
    for (size_t j = i; j < words.size() && j - i < impl.dict_max_words; ++j) {
      if (j > i) {
        // The next word must start after the previous one ends.
        if (words[j].first < words[prev].second) continue;
        std::string_view gap =
            text.substr(words[prev].second, words[j].first - words[prev].second);
        if (!AppendSeparator(gap, &phrase)) break;
      }
      for (uint32_t k = words[j].first; k < words[j].second; ++k) {
        char c = text[k];
        phrase.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
      }
      prev = j;
      for (size_t d = 0; d < impl.dict_sets.size(); ++d) {
        const auto& hashes = impl.dict_sets[d].hashes;
        if (std::binary_search(hashes.begin(), hashes.end(),
                               internal::DictHash(phrase))) {
          best_end = words[j].second;
          best_set = static_cast<int>(d);
          break;
        }
      }
    }
    if (best_set < 0) continue;
    const CompiledRule& rule = impl.rules[impl.dict_sets[best_set].rule];
    state->confirmed.push_back({words[i].first, best_end,
                                static_cast<uint16_t>(impl.dict_sets[best_set].rule),
                                rule.entity, rule.score});
  }
}

// A town the gazetteer does not know, between a street and its ZIP ("...
// Sutter street, fort calloway, 42640", "... Magnolia drive, port ellis,
// nine four o nine seven"): one to three words of letters after ", ", and
// a ZIP right after them says what they are. Adds the town to
// s->name_spans (the places rule's) and the ZIP to s->zip_spans; the
// town's words are no names.
void CityBetweenStreetAndZip(std::string_view text, Scanner::State* s) {
  const size_t n = s->confirmed.size();
  for (size_t k = 0; k < n; ++k) {
    const Span sp = s->confirmed[k];
    if (sp.entity != s->street_entity) continue;
    uint32_t p = sp.end;
    if (p + 2 >= text.size() || text[p] != ',' || text[p + 1] != ' ') continue;
    p += 2;
    for (int words = 0; words < 3; ++words) {
      uint32_t q = p;
      while (q < text.size() && IsAlphaByte(text[q])) ++q;
      if (q == p || q - p > 20) break;
      // (Words that name a number, no town: "..., order 40213", "..., zip
      // code 40213" -- the ZIP is found by its own rules.)
      static constexpr std::string_view kNoTown[] = {
          "order", "confirmation", "reference", "ref", "claim", "account", "invoice", "case",
          "ticket", "number", "id", "code", "zip", "zipcode", "postal", "and", "the", "is",
          "was", "phone", "call", "extension", "ext", "room", "suite", "unit", "box",
          "ssn", "social", "dob", "mrn", "npi", "member", "fax", "cell", "tel", "date"};
      const std::string word = LowerAscii(text.substr(p, q - p));
      if (std::find(std::begin(kNoTown), std::end(kNoTown), word) != std::end(kNoTown)) break;
      const auto [zb, ze] = ZipAfterPlace(text, q, &s->zip_view);
      if (ze > zb) {
        const uint32_t cb = sp.end + 2;
        s->name_spans.emplace_back(cb, q);
        s->zip_spans.emplace_back(zb, ze);
        for (auto& w : s->names.words) {
          if (w.start >= cb && w.end <= q) w.blocked = true;
        }
        break;
      }
      if (q + 1 >= text.size() || text[q] != ' ' || !IsAlphaByte(text[q + 1])) break;
      p = q + 1;
    }
  }
}

}  // namespace

bool Scanner::ScansEveryRecord() const {
  return !ruleset_->impl().detector_rules.empty();
}

void Scanner::RunDetectors(std::string_view text, State* sp) {
  State& s = *sp;
  const auto& impl = ruleset_->impl();
  if (impl.detector_rules.empty()) return;
  // Only the place and name finders read words.
  if (s.word_detectors) internal::SplitWords(text, internal::NameGazetteer::Builtin(), &s.names);
  // Cue words anywhere in the text, tokenized once (lazily, on the first
  // question a detector asks).
  bool hits_found = false;
  auto hits = [&]() -> const std::vector<internal::ContextHit>& {
    if (!hits_found) {
      hits_found = true;
      s.tokens.clear();
      internal::TokenizeContext(text, 0, static_cast<uint32_t>(text.size()), &s.tokens);
      s.detector_hits.clear();
      impl.lexicon.Match(s.tokens, &s.detector_hits);
    }
    return s.detector_hits;
  };
  // Whether a cue word of `rule` ends right before pos: only blanks, ':',
  // '=', quotes, '-' or ',' between.
  // `labels`: a cue that is also an everyday word or part of a place's name
  // ("where", "city": "Rapid City, South Dakota") counts only as a label
  // ("Where: ...", "city=", "<city>").
  auto cued = [&](const CompiledRule& rule, uint32_t pos, bool labels = false) {
    for (const auto& h : hits()) {
      if (h.end > pos || pos - h.end > 4) continue;
      if (std::find(rule.words.begin(), rule.words.end(), h.word) == rule.words.end()) continue;
      if (labels &&
          (impl.hotwords[h.word].text == "where" || impl.hotwords[h.word].text == "city") &&
          text.substr(h.end, pos - h.end).find_first_of(":=>\"") == std::string_view::npos) {
        continue;
      }
      bool joined = true;
      for (uint32_t k = h.end; joined && k < pos; ++k) {
        char c = text[k];
        joined = c == ' ' || c == '>' || c == ':' || c == '=' || c == '"' || c == '\'' || c == '-' ||
                 c == ',' || c == '\t' || c == '`';
      }
      if (joined) return true;
    }
    return false;
  };
  auto expected = [&](const CompiledRule& rule, uint32_t pos) {
    if (s.expect.empty() || !rule.conversation || rule.entity >= 64) return false;
    uint32_t at = s.confirming_view ? s.confirming_view->OriginalBegin(pos) : pos;
    for (const auto& e : s.expect) {
      if (at < e.begin || at >= e.end || !((e.entities >> rule.entity) & 1)) continue;
      // Answered already: only a read-back of the answer ("So that's
      // Portland?").
      if (!e.echo && (e.answered.empty() || RepeatsWord(text, pos, e.answered))) return true;
    }
    return false;
  };
  // Fields of HL7 and X12 segments hold what their position says.
  for (uint32_t r : impl.detector_rules) {
    const CompiledRule& rule = impl.rules[r];
    if (rule.detector != CompiledRule::Detector::kSegments) continue;
    s.fields.clear();
    internal::FindSegmentFields(text, &s.fields);
    for (const auto& f : s.fields) {
      int32_t entity = rule.field_entities[static_cast<size_t>(f.cue)];
      if (entity < 0) continue;
      if (!internal::FieldLooksLike(f.cue, text.substr(f.begin, f.end - f.begin))) continue;
      s.confirmed.push_back({f.begin, f.end, static_cast<uint16_t>(r), static_cast<uint16_t>(entity),
                             rule.score});
    }
  }
  // Address blocks: streets written as the rest of the world writes them,
  // and the lines under a street (names/addresses.h). Their words are no
  // names and no other places.
  for (uint32_t r : impl.detector_rules) {
    const CompiledRule& rule = impl.rules[r];
    if (rule.detector != CompiledRule::Detector::kAddressBlocks) continue;
    s.name_spans.clear();  // the street spans of the pattern rules, sorted
    for (const Span& sp : s.confirmed) {
      if (static_cast<int>(sp.entity) == s.street_entity) s.name_spans.emplace_back(sp.start, sp.end);
    }
    std::sort(s.name_spans.begin(), s.name_spans.end());
    s.address_pieces.clear();
    internal::FindAddressBlocks(text, s.names, s.name_spans, &s.address_pieces);
    for (const auto& piece : s.address_pieces) {
      int entity = piece.part == internal::AddressPart::kLocation ? s.location_entity
                   : piece.part == internal::AddressPart::kZip    ? s.zip_entity
                                                                  : static_cast<int>(rule.entity);
      if (entity < 0) continue;
      s.confirmed.push_back({piece.begin, piece.end, static_cast<uint16_t>(r),
                             static_cast<uint16_t>(entity), rule.score});
      for (auto& word : s.names.words) {
        if (word.start >= piece.begin && word.end <= piece.end) word.blocked = true;
      }
    }
  }
  // Places first: their words are no names ("Des Moines", "Tacoma, WA").
  for (auto kind : {CompiledRule::Detector::kPlaces, CompiledRule::Detector::kPlaceCues,
                    CompiledRule::Detector::kNames}) {
    for (uint32_t r : impl.detector_rules) {
      const CompiledRule& rule = impl.rules[r];
      if (rule.detector != kind) continue;
      s.name_spans.clear();
      if (kind == CompiledRule::Detector::kPlaces) {
        s.zip_spans.clear();
        s.zip_from.clear();
        // A city right after a street address ("... Riverside Pl., #121 in
        // Providence", "... cleveland court in omaha").
        const int street = s.street_entity;
        auto after_street = [&](uint32_t pos) {
          if (street < 0) return false;
          // ("... Ziegelgasse 19 street.": the street's own word.)
          for (std::string_view w : {"street", "st", "road", "rd", "avenue", "ave", "lane"}) {
            if (text.compare(pos, w.size(), w) == 0) return false;
          }
          for (const Span& sp : s.confirmed) {
            if (sp.entity != street || sp.end > pos || pos - sp.end > 4) continue;
            std::string_view gap = text.substr(sp.end, pos - sp.end);
            // (Or the next field of a row: "...","89 S 90th Ave","Toledo",...)
            if (gap == " " || gap == ", " || gap == " in " || gap == ". " || gap == "," ||
                gap == "... " || gap == ".. " || gap == "\",\"" || gap == "\", \"" ||
                gap == "','" || gap == "', '" || gap == "|" || gap == "\t" || gap == "^") {
              return true;
            }
          }
          return false;
        };
        internal::FindPlaces(
            text,
            [&](uint32_t pos) { return cued(rule, pos) || expected(rule, pos) || after_street(pos); },
            &s.names, &s.name_spans, &s.zip_spans, &s.zip_from);
        for (uint32_t pos : s.zip_from) {
          const auto [zb, ze] = ZipAfterPlace(text, pos, &s.zip_view);
          if (ze > zb) s.zip_spans.emplace_back(zb, ze);
        }
        if (street >= 0) CityBetweenStreetAndZip(text, &s);
        // ZIPs after the cities go to the place_zips rules.
        for (uint32_t z : impl.detector_rules) {
          const CompiledRule& zr = impl.rules[z];
          if (zr.detector != CompiledRule::Detector::kPlaceZips) continue;
          for (const auto& [b, e] : s.zip_spans) {
            s.confirmed.push_back({b, e, static_cast<uint16_t>(z), zr.entity, zr.score});
          }
        }
      } else if (kind == CompiledRule::Detector::kPlaceCues) {
        internal::FindCuedPlaces(
            text, [&](uint32_t pos) { return cued(rule, pos, true); }, &s.names, &s.name_spans);
      } else {
        internal::FindNames(
            text,
            [&](uint32_t pos) {
              if (cued(rule, pos)) return internal::NameCue::kStrong;
              if (expected(rule, pos)) return internal::NameCue::kExpected;
              return internal::NameCue::kNone;
            },
            &s.names, &s.name_spans);
        if (text.find('/') != std::string_view::npos) internal::FindPathNames(text, &s.name_spans);
        internal::FindKeyedNames(text, &s.name_spans);
        internal::FindVocativeNames(text, s.names, &s.name_spans);
        // A known given name right before a past full date ("Body=Jericho
        // 14-Dec-2014 need refill"): a person and a birth date.
        for (const auto& w : s.names.words) {
          if (!w.title_case || w.digits || w.label || w.blocked || w.folded.size() < 3 ||
              (w.flags & internal::kGivenName) == 0 ||
              (w.flags & (internal::kCommonWord | internal::kNotName)) != 0) {
            continue;
          }
          if (internal::PastDateAfter(text, w.end).second != 0) {
            s.name_spans.emplace_back(w.start, w.end);
          }
        }
      }
      for (const auto& [b, e] : s.name_spans) {
        s.confirmed.push_back({b, e, static_cast<uint16_t>(r), rule.entity, rule.score});
      }
    }
  }
}

Scanner::Scanner(std::shared_ptr<const Ruleset> ruleset)
    : ruleset_(std::move(ruleset)), state_(std::make_unique<State>()) {
  const auto& impl = ruleset_->impl();
  state_->street_entity = ruleset_->FindEntity("STREET_ADDRESS");
  state_->dob_entity = ruleset_->FindEntity("DATE_OF_BIRTH");
  state_->mrn_entity = ruleset_->FindEntity("MRN");
  for (uint32_t r : impl.detector_rules) {
    if (impl.rules[r].detector == CompiledRule::Detector::kNames) state_->names_rule = static_cast<int>(r);
  }
  state_->location_entity = ruleset_->FindEntity("LOCATION");
  state_->person_entity = ruleset_->FindEntity("PERSON");
  state_->zip_entity = ruleset_->FindEntity("ZIP_CODE");
  state_->email_entity = ruleset_->FindEntity("EMAIL_ADDRESS");
  const auto& entities = ruleset_->entities();
  for (size_t e = 0; e < entities.size() && e < 64; ++e) {
    const std::string& n = entities[e];
    if (n != "PERSON" && n != "LOCATION" && n != "EMAIL_ADDRESS" && n != "URL" &&
        n != "AGE_OVER_89") {
      state_->digit_entities |= uint64_t{1} << e;
    }
    if (n == "DATE_OF_BIRTH" || n == "DATE") state_->date_entities |= uint64_t{1} << e;
    if (n == "DATE_OF_BIRTH" || n == "MRN" || n == "HEALTH_PLAN_ID" || n == "US_MBI" ||
        n == "US_NPI" || n == "US_SSN" || n == "PHONE_NUMBER") {
      state_->offered_entities |= uint64_t{1} << e;
    }
    if (n == "DATE_OF_BIRTH" || n == "US_SSN" || n == "PHONE_NUMBER" || n == "ZIP_CODE") {
      state_->identity_entities |= uint64_t{1} << e;
    }
    if (n == "LOCATION") state_->place_entities |= uint64_t{1} << e;
    if (n == "US_SSN" || n == "US_NPI" || n == "PHONE_NUMBER" || n == "US_MBI" ||
        n == "DATE_OF_BIRTH" || n == "ZIP_CODE" || n == "CREDIT_CARD") {
      state_->format_entities |= uint64_t{1} << e;
    }
  }
  {
    // Rules whose finders are the same regex with the same bound find the
    // same start for the same end: group them.
    struct Key {
      const std::string* pattern;
      bool case_sensitive;
      unsigned max_width;
    };
    std::vector<Key> keys;
    auto& group = state_->finder_group;
    group.assign(impl.rules.size(), -1);
    for (size_t r = 0; r < impl.rules.size(); ++r) {
      const CompiledRule& c = impl.rules[r];
      if (!c.finder || c.dictionary) continue;
      Key key{&c.finder->pattern(), c.finder->options().case_sensitive(), c.max_width};
      auto it = std::find_if(keys.begin(), keys.end(), [&key](const Key& k) {
        return *k.pattern == *key.pattern && k.case_sensitive == key.case_sensitive &&
               k.max_width == key.max_width;
      });
      group[r] = static_cast<int32_t>(it - keys.begin());
      if (it == keys.end()) keys.push_back(key);
    }
    state_->group_chainable.assign(keys.size(), false);
    state_->group_facts.assign(keys.size(), {});
    state_->group_facts_stamp.assign(keys.size(), 0);
    for (size_t g = 0; g < keys.size(); ++g) {
      const std::string& p = *keys[g].pattern;
      // Conservative: any ^ or $ (even a literal or a negated class) or \A \z.
      state_->group_chainable[g] = p.find_first_of("^$") == std::string::npos &&
                                   p.find("\\A") == std::string::npos &&
                                   p.find("\\z") == std::string::npos;
    }
  }
  state_->answer_rule.assign(64, -1);
  for (size_t r = 0; r < impl.rules.size(); ++r) {
    const CompiledRule& c = impl.rules[r];
    if (c.info.id == "phone.nanp.bare") state_->spoken_phone_rule = static_cast<int>(r);
    static constexpr std::pair<std::string_view, SplitKind> kSplit[] = {
        {"phone.nanp.bare", SplitKind::kPhone}, {"card.bare", SplitKind::kCard},
        {"us_mbi.standard", SplitKind::kMbi},   {"us_ssn.bare", SplitKind::kSsn},
        {"zip.with_context", SplitKind::kZip},  {"us_npi.with_context", SplitKind::kNpi},
        {"mrn.with_context", SplitKind::kMrn},  {"health_plan.member_id", SplitKind::kMemberId}};
    for (const auto& [id, kind] : kSplit) {
      if (c.info.id == id && c.entity < 64) {
        state_->split_rules.push_back({static_cast<uint8_t>(kind), static_cast<int>(r)});
      }
    }
    if (c.conversation && c.entity < 64 && state_->answer_rule[c.entity] < 0 &&
        ((state_->digit_entities >> c.entity) & 1)) {
      state_->answer_rule[c.entity] = static_cast<int>(r);
    }
  }
  for (uint32_t r : impl.detector_rules) {
    auto kind = impl.rules[r].detector;
    if (kind == CompiledRule::Detector::kPlaces || kind == CompiledRule::Detector::kNames ||
        kind == CompiledRule::Detector::kAddressBlocks ||
        kind == CompiledRule::Detector::kPlaceCues) {
      state_->word_detectors = true;
    }
  }
  hs_scratch_t* scratch = nullptr;
  bool ok = true;
  // Allocation failure here is out-of-memory; Scan reports kEngine then.
  if (impl.scratch_prototype) {
    ok = hs_clone_scratch(impl.scratch_prototype.get(), &scratch) == HS_SUCCESS;
  } else {
    for (const hs_database_t* db :
         {impl.rules_db.get(), impl.anchored_db.get(), impl.context_db.get(),
          impl.dict_db.get()}) {
      if (db && hs_alloc_scratch(db, &scratch) != HS_SUCCESS) ok = false;
    }
  }
  if (ok) {
    state_->scratch.reset(scratch);
  } else if (scratch) {
    hs_free_scratch(scratch);
  }
}

Scanner::~Scanner() = default;

Status Scanner::FindCandidates(std::string_view block,
                               std::vector<Candidate>* out) {
  out->clear();
  State& s = *state_;
  if (!s.scratch) return Status(ErrorCode::kEngine, "no Hyperscan scratch");
  if (block.size() >= UINT32_MAX) {
    return Status(ErrorCode::kOversize, "block exceeds 4 GiB");
  }
  const auto& impl = ruleset_->impl();
  auto failed = [out](const char* what, hs_error_t rc) {
    out->clear();
    return Status(ErrorCode::kEngine,
                  std::string(what) + " failed with code " + std::to_string(rc));
  };
  if (impl.rules_db) {
    hs_error_t rc = hs_scan(impl.rules_db.get(), block.data(),
                            static_cast<unsigned>(block.size()), 0,
                            s.scratch.get(), OnCandidate, out);
    if (rc != HS_SUCCESS) return failed("hs_scan", rc);
  }
  if (impl.dict_db) {
    DictContext ctx{out, &impl.dict_token_length, impl.dict_sets[0].rule};
    hs_error_t rc = hs_scan(impl.dict_db.get(), block.data(),
                            static_cast<unsigned>(block.size()), 0,
                            s.scratch.get(), OnDictWord, &ctx);
    if (rc != HS_SUCCESS) return failed("dictionary hs_scan", rc);
  }
  if (!impl.anchored_db) return Status::Ok();
  if (!s.expect.empty()) {
    // A conversation expects values with no cue of their own: rules that
    // need context look at the whole text.
    hs_error_t rc = hs_scan(impl.anchored_db.get(), block.data(),
                            static_cast<unsigned>(block.size()), 0, s.scratch.get(),
                            OnCandidate, out);
    if (rc != HS_SUCCESS) return failed("anchored hs_scan", rc);
    return Status::Ok();
  }
  // Context-only rules: find hotwords (a fast literal pass), then scan just
  // the windows in which a rule using that word could match.
  s.block_hits.clear();
  hs_error_t rc = hs_scan(impl.context_db.get(), block.data(),
                          static_cast<unsigned>(block.size()), 0,
                          s.scratch.get(), OnHotword, &s.block_hits);
  if (rc != HS_SUCCESS) return failed("context hs_scan", rc);
  s.windows.clear();
  const uint64_t size = block.size();
  for (const auto& hit : s.block_hits) {
    const auto& hw = impl.hotwords[hit.word];
    if (hw.reach_left == 0 && hw.reach_right == 0) continue;
    uint64_t hs = hit.end - std::min<uint64_t>(hit.end, hw.length);
    uint64_t lo = hs > hw.reach_left ? hs - hw.reach_left : 0;
    uint64_t hi = std::min<uint64_t>(size, uint64_t{hit.end} + hw.reach_right);
    // Whole words: a window cut inside a word would give the rules a word
    // edge ("\\b") the text does not have, and the answer for a record would
    // depend on where other records' hotwords put the window.
    uint32_t wlo = static_cast<uint32_t>(lo), whi = static_cast<uint32_t>(hi);
    internal::ExpandToWords(block, &wlo, &whi);
    s.windows.emplace_back(wlo, whi);
  }
  // Merge overlapping windows so no byte is scanned twice.
  std::sort(s.windows.begin(), s.windows.end());
  size_t merged = 0;
  for (size_t i = 0; i < s.windows.size(); ++i) {
    if (merged > 0 && s.windows[i].first <= s.windows[merged - 1].second) {
      s.windows[merged - 1].second =
          std::max(s.windows[merged - 1].second, s.windows[i].second);
    } else {
      s.windows[merged++] = s.windows[i];
    }
  }
  s.windows.resize(merged);
  for (const auto& [lo, hi] : s.windows) {
    size_t first = out->size();
    rc = hs_scan(impl.anchored_db.get(), block.data() + lo, hi - lo, 0,
                 s.scratch.get(), OnCandidate, out);
    if (rc != HS_SUCCESS) return failed("anchored hs_scan", rc);
    for (size_t i = first; i < out->size(); ++i) (*out)[i].end += lo;
  }
  return Status::Ok();
}

Status Scanner::Scan(std::string_view text, std::vector<Span>* spans) {
  spans->clear();
  Status st = FindCandidates(text, &state_->candidates);
  if (!st.ok()) return st;
  std::vector<Candidate> cands;
  cands.swap(state_->candidates);
  st = Confirm(text, &cands, spans);
  cands.swap(state_->candidates);
  // (In a conversation, parts of a value written in digits: AddViewSpans.)
  const bool parts = (!state_->expect.empty() || !state_->previous_turns.empty()) &&
                     std::any_of(text.begin(), text.end(), IsDigitByte);
  if (st.ok() && (parts || NeedsViews(text))) st = AddViewSpans(text, spans);
  if (!st.ok()) spans->clear();
  return st;
}

void Scanner::MergeOverlaps(std::vector<Span>* spans) { ResolveOverlaps(spans); }

bool Scanner::NeedsViews(std::string_view t) {
  return internal::HasPercentEscape(t) || internal::HasFormPlus(t) || internal::HasJsonEscape(t) ||
         t.find(" - ") != std::string_view::npos ||
         internal::HasSpokenSeed(t) || internal::HasInlineColumns(t);
}

Status Scanner::ScanView(const internal::View& view, std::vector<Span>* spans) {
  State& s = *state_;
  Status st = FindCandidates(view.text, &s.view_candidates);
  if (!st.ok()) return st;
  s.confirming_view = &view;
  st = Confirm(view.text, &s.view_candidates, &s.view_spans);
  s.confirming_view = nullptr;
  if (!st.ok()) return st;
  for (Span d : s.view_spans) {
    d.start = view.OriginalBegin(d.start);
    d.end = view.OriginalEnd(d.end);
    spans->push_back(d);
  }
  return Status::Ok();
}

// Values corrected in a part as they were said, spliced; each is the value
// when valid and of a kind asked for here. Appends spans (original offsets):
// - its last part corrected right after it ("4757 7407 4598 3999 no 3799"),
//   or a group corrected before the rest ("352, 565... no wait, 555, 0102"):
//   an SSN, NPI, phone number or card;
// - corrected in its middle ("oh seven oh, two seven, no no, it's two four,
//   not two seven, eight oh seven three": 070-24-8073): in the view, the
//   digits said first, a marker, the right part, "not" and the wrong part
//   said again (which ends the digits said first), then the rest: an SSN or
//   a phone number;
// - the digits after a caller's own "oh" ("oh seven two two nine oh eight
//   three four seven" for a social).
void Scanner::AddCorrectedValues(std::string_view text, const internal::View& view,
                                 std::vector<Span>* spans) {
  State& s = *state_;
  const std::string& v = view.text;
  struct Kind {
    const char* entity;
    size_t digits;
    bool (*valid)(std::string_view);
    bool middle;  // spliced in its middle too
  };
  // (An NPI's check digit names ten digits better than a phone's grammar.)
  static constexpr Kind kKinds[] = {{"US_SSN", 9, internal::ValidSsn, true},
                                    {"US_NPI", 10, internal::ValidNpi, false},
                                    {"PHONE_NUMBER", 10, internal::ValidNanp, true},
                                    {"CREDIT_CARD", 16, internal::ValidCard, false},
                                    {"CREDIT_CARD", 15, internal::ValidCard, false}};
  // A valid value of a kind asked for here: a span over [b, e) of the view.
  auto add = [&](const std::string& value, size_t b, size_t e, bool middle) {
    const uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(b));
    const uint32_t oe = view.OriginalEnd(static_cast<uint32_t>(e));
    for (const Kind& kind : kKinds) {
      if (middle && !kind.middle) continue;
      if (value.size() != kind.digits) continue;
      const int entity = ruleset_->FindEntity(kind.entity);
      if (entity < 0 || entity >= 64 || s.answer_rule[static_cast<size_t>(entity)] < 0) continue;
      if (!kind.valid(value) || !s.Expects(ob, static_cast<uint16_t>(entity))) continue;
      const int rule = s.answer_rule[static_cast<size_t>(entity)];
      spans->push_back({ob, oe, static_cast<uint16_t>(rule), static_cast<uint16_t>(entity),
                        ruleset_->impl().rules[static_cast<size_t>(rule)].score});
      return;
    }
  };
  // The last part corrected right after the value ("4757 7407 4598 3999 no
  // 3799", "4135 3375 7699 2612... no, 1612", "two two one four three, um,
  // one seven eight seven six... no, one seven eight seven nine"): the part
  // said again replaces as many digits at the end; valid, the whole of it is
  // the value.
  static const RE2 kAtTheEnd(
      R"((\d[\d ,.\-]*\d)[ ,.]*(?:(?:no|sorry|wait|i mean|I mean|actually),? ?(?:\.\.\. ?)?)+(?:it's |its |it is )?(\d[\d ,\-]*\d))");
  // (Only where a word of correction is: the regex stays off most lines.)
  const bool correction = v.find("no") != std::string::npos || v.find("sorry") != std::string::npos ||
                          v.find("wait") != std::string::npos || v.find("mean") != std::string::npos ||
                          v.find("actually") != std::string::npos;
  if (correction) {
    re2::StringPiece said_p, then_p;
    re2::StringPiece cursor(v);
    while (RE2::PartialMatch(cursor, kAtTheEnd, &said_p, &then_p)) {
      const size_t b = static_cast<size_t>(said_p.data() - v.data());
      const size_t e = static_cast<size_t>(then_p.data() + then_p.size() - v.data());
      cursor = re2::StringPiece(v.data() + e, v.size() - e);
      const std::string said = DigitsOnly(std::string_view(said_p.data(), said_p.size()));
      const std::string then = DigitsOnly(std::string_view(then_p.data(), then_p.size()));
      if (then.size() >= 2 && then.size() <= 5 && said.size() > then.size()) {
        add(said.substr(0, said.size() - then.size()) + then, b, e, false);
        continue;
      }
      // (A group corrected, then the rest said after it: "352, 565... no
      // wait, 555, 0102" -- the last group said first is the wrong one.)
      const std::string_view sp(said_p.data(), said_p.size());
      size_t cut = sp.size();
      while (cut > 0 && IsDigitByte(sp[cut - 1])) --cut;
      if (cut == 0 || then.size() <= 5) continue;
      add(DigitsOnly(sp.substr(0, cut)) + then, b, e, false);
    }
  }
  // A value said after an "oh" of the caller's own ("oh seven two two nine
  // oh eight three four seven" for a social, "oh 3155550103" for a phone):
  // the digits after the "oh", valid and asked for, are the value; the
  // "oh" stays.
  for (size_t i = 0; i < v.size();) {
    if (!IsDigitByte(v[i]) || (i > 0 && IsWordByte(v[i - 1]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < v.size() && IsDigitByte(v[j])) ++j;
    const size_t b = i;
    i = j;
    if (v[b] != '0' || j - b < 10 || (j < v.size() && IsWordByte(v[j]))) continue;
    const uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(b));
    const uint32_t next = view.OriginalBegin(static_cast<uint32_t>(b + 1));
    const std::string_view first = text.substr(ob, next > ob ? next - ob : 0);
    const std::string lower = LowerAscii(first);
    // (The first digit said as a word "oh"/"o", or written apart: "oh 315...".)
    if (lower.compare(0, 2, "oh") != 0 && lower.compare(0, 2, "o ") != 0) continue;
    add(std::string(v.substr(b + 1, j - b - 1)), b + 1, j, false);
  }
  if (v.find(" not ") == std::string::npos) return;
  // (The view may join the wrong part and the rest: "not 278073".)
  static const RE2 kSplice(
      R"((\d[\d ,]*\d|\d),? (?:no,? )?(?:no|sorry|wait),? (?:it's |its |it is )?(\d+),? not (\d[\d ,]*\d|\d))");
  re2::StringPiece first, right, after;
  re2::StringPiece cursor(v);
  while (RE2::PartialMatch(cursor, kSplice, &first, &right, &after)) {
    const size_t b = static_cast<size_t>(first.data() - v.data());
    const size_t e = static_cast<size_t>(after.data() + after.size() - v.data());
    cursor = re2::StringPiece(v.data() + e, v.size() - e);
    const std::string said = DigitsOnly(std::string_view(first.data(), first.size()));
    const std::string then = DigitsOnly(std::string_view(after.data(), after.size()));
    const size_t k = right.size();  // the wrong part is as long as the right one
    if (said.size() <= k || then.size() <= k ||
        said.compare(said.size() - k, k, then, 0, k) != 0) {
      continue;
    }
    const std::string value = said.substr(0, said.size() - k) + std::string(right.data(), k) +
                              then.substr(k);
    add(value, b, e, true);
  }
}

void Scanner::AddSpelledNames(std::string_view text, const internal::View& view,
                              std::vector<Span>* spans) {
  const State& s = *state_;
  if (view.spelled.empty() || s.names_rule < 0) return;
  const CompiledRule* names = &ruleset_->impl().rules[static_cast<size_t>(s.names_rule)];
  const uint32_t index = static_cast<uint32_t>(s.names_rule);
  // A word spelled letter by letter is a name when the conversation asked
  // for one ("could you spell your last name?") or a "spell" word leads
  // into it ("it's zeynep, spelled z e y...").
  for (const auto& [b, e] : view.spelled) {
    // A word said, then spelled ("Banks, B A N K S.", "Le, L E."): that word
    // and its spelling are a name, asked or not.
    {
      // The letters spelled: single letters, a NATO word's letter, never the
      // example word of "O as in ocean".
      std::string letters;
      const std::string spelled_lower = LowerAscii(text.substr(b, e - b));
      std::vector<std::string_view> said;
      WordsOf(spelled_lower, &said);
      for (size_t q = 0; q < said.size(); ++q) {
        if (said[q] == "as" && q + 2 < said.size() && said[q + 1] == "in") {
          q += 2;  // the example word
        } else if (said[q].size() == 1) {
          letters.push_back(said[q][0]);
        } else if (const char c = internal::NatoLetter(said[q])) {
          letters.push_back(c);
        }
      }
      uint32_t we = b;
      while (we > 0 && (text[we - 1] == ' ' || text[we - 1] == ',')) --we;
      uint32_t wb = we;
      while (wb > 0 && IsAlphaByte(text[wb - 1])) --wb;
      const bool word_edge = wb == 0 || !IsWordByte(text[wb - 1]);
      // (Never an acronym said and spelled: "my MRI, M R I.")
      const bool caps = we - wb >= 2 && std::all_of(text.begin() + wb, text.begin() + we,
                                                    [](char c) { return c >= 'A' && c <= 'Z'; });
      if (letters.size() >= 2 && we > wb && b - we <= 2 && word_edge && !caps &&
          !SpelledAcronym(text.substr(b, e - b)) &&
          LowerAscii(text.substr(wb, we - wb)) == letters) {
        // (And the same word said right before: "greta achebe achebe a c h
        // e b e", "Tomas Oyelaran. Oyelaran, O as in ocean ...".)
        uint32_t pe = wb;
        while (pe > 0 && (text[pe - 1] == ' ' || text[pe - 1] == ',' || text[pe - 1] == '.')) --pe;
        uint32_t pb = pe;
        while (pb > 0 && IsAlphaByte(text[pb - 1])) --pb;
        if (pe > pb && wb - pe <= 2 && LowerAscii(text.substr(pb, pe - pb)) == letters &&
            (pb == 0 || !IsWordByte(text[pb - 1]))) {
          wb = pb;
        }
        spans->push_back({wb, e, static_cast<uint16_t>(index), names->entity, names->score});
        continue;
      }
    }
    if (SpelledAcronym(text.substr(b, e - b))) continue;
    bool asked = false;
    for (const auto& x : s.expect) {
      if (b >= x.begin && b < x.end && names->entity < 64 && ((x.entities >> names->entity) & 1)) {
        asked = true;
      }
    }
    if (!asked) {
      uint32_t lo = b > 80 ? b - 80 : 0;
      std::string before(text.substr(lo, b - lo));
      for (char& c : before) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      size_t nl = before.rfind('\n');
      asked = before.find("spell", nl == std::string::npos ? 0 : nl) != std::string::npos;
    }
    if (asked) {
      spans->push_back({b, e, static_cast<uint16_t>(index), names->entity, names->score});
    }
  }
}

// A phone number said in words needs no cue: ten digits (or 1 and ten) read
// out in words ("three oh three, five five five, oh one six two"), a valid
// NANP number, is a phone number unless a word before it says what else it
// is ("my order number is ..."). Written digits keep needing context.
void Scanner::AddSpokenPhones(std::string_view text, const internal::View& view,
                              std::vector<Span>* spans) {
  const auto& impl = ruleset_->impl();
  const int rule = state_->spoken_phone_rule;
  if (rule < 0) return;
  const CompiledRule& phone = impl.rules[static_cast<size_t>(rule)];
  const std::string& v = view.text;
  for (size_t i = 0; i < v.size();) {
    if (!IsDigitByte(v[i]) || (i > 0 && (IsDigitByte(v[i - 1]) || IsWordByte(v[i - 1])))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < v.size() && IsDigitByte(v[j])) ++j;
    size_t n = j - i;
    std::string_view run(v.data() + i, n);
    const size_t b = i;
    i = j;
    if (j < v.size() && IsWordByte(v[j])) continue;
    // A local number (NXX-XXXX) when one was asked for or named in the
    // turn: "what's your phone number?" / "five five five, zero one four
    // two"; an area code said after it goes with it.
    const bool local = n == 7 && run[0] >= '2' && run[0] <= '9';
    // An area code said alone, the rest coming in the next turn ("What
    // number should we call?" / "Um, nine seven three," / "Okay." / "Five
    // five five..."): the only number of its turn.
    // Or its first digit or two, the speaker trailing off ("yes two" /
    // "mm-hmm" / "one two five five five..."; "Eight zero..."), each digit
    // a word of its own and no other word after them.
    bool area_only = false;
    const bool short_head = n <= 2 && run[0] >= '2' && (n == 1 || view.begin[b] != view.begin[b + 1]);
    // (Never N11 -- "nine one one" is no area code.)
    if ((n == 3 && run[0] >= '2' && run[0] <= '9' && !(run[1] == '1' && run[2] == '1')) ||
        short_head) {
      size_t lb = v.rfind('\n', b);
      lb = lb == std::string::npos ? 0 : lb + 1;
      size_t words = 0;
      internal::SpeakerOf(std::string_view(v).substr(lb), &words);
      lb += words;
      size_t le = v.find('\n', j);
      if (le == std::string::npos) le = v.size();
      area_only = lb <= b &&
                  std::count_if(v.begin() + static_cast<std::ptrdiff_t>(lb),
                                v.begin() + static_cast<std::ptrdiff_t>(le), IsDigitByte) ==
                      static_cast<std::ptrdiff_t>(n) &&
                  (!short_head || std::none_of(v.begin() + static_cast<std::ptrdiff_t>(j),
                                               v.begin() + static_cast<std::ptrdiff_t>(le),
                                               IsAlphaByte));
    }
    const bool restarted = RestartedPhone(view, b, run);
    if (!local && !area_only && !restarted &&
        (!(n == 10 || (n == 11 && run[0] == '1')) || !internal::ValidNanp(run))) {
      continue;
    }
    // "... extension nine nine two": the extension goes with it.
    size_t end = j;
    if (v.compare(j, 5, " ext ") == 0) {
      size_t x = j + 5;
      while (x < v.size() && IsDigitByte(v[x])) ++x;
      if (x > j + 5) end = x;
    }
    if (local) {
      size_t x = j;
      if (x < v.size() && (v[x] == ',' || v[x] == '.')) ++x;
      if (LowerAscii(v.substr(x, 11)) == " area code ") {
        size_t d = x + 11, y = d;
        while (y < v.size() && IsDigitByte(v[y])) ++y;
        if (y - d == 3 && (y == v.size() || !IsWordByte(v[y]))) end = y;
      }
    }
    uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(b));
    uint32_t oe = view.OriginalEnd(static_cast<uint32_t>(end));
    // Said in words: the original has letters where the view has digits
    // (or digits written one at a time, "3 1 3 5 5 5 0 1 4 3").
    int letters = 0;
    for (uint32_t k = ob; k < oe; ++k) letters += IsAlphaByte(text[k]) ? 1 : 0;
    if (letters < (area_only ? std::min<int>(6, 3 * static_cast<int>(n)) : 8) && oe - ob < 2 * n - 1) {
      continue;
    }
    if (Overlaps(*spans, ob, oe)) continue;
    // A word before it that names something else.
    const std::string before = TurnWordsBefore(text, ob);
    if (NamedOtherwise(before, true)) continue;
    if (area_only && !AreaCodeAlone(text, ob, oe, before, n < 3)) continue;
    if (local || area_only) {
      // (Never right after a question for a number named as none: "please
      // say or enter the prescription number from your label".)
      if (NamedOtherwise(LowerAscii(LineBefore(state_->previous_turns, text, ob)))) continue;
      bool asked = state_->Expects(ob, phone.entity);
      for (std::string_view w : {"phone", "number is", "call me", "reach me", "cell", "mobile"}) {
        asked |= local && before.find(w) != std::string::npos;
      }
      if (!asked) continue;
    }
    spans->push_back({ob, oe, static_cast<uint16_t>(rule), phone.entity, phone.score});
  }
}

// A value said with an interruption in it ("three seven six oh - oh two
// seven seven three six, six... sorry six six eight eight oh", "five four
// eight three o seven three nine seven wait seven eight one ...", "...
// zero... hang on. zero seven seven six ..."): two runs of digit groups
// (blanks, commas, dashes, dots between) with only a word of interruption
// and fillers between them, which make a whole value of `kind` joined, or
// without the one to three digits before the interruption that the second
// run says again. Appends the view ranges [b, e) of such values.
void InterruptedValues(std::string_view text, const internal::View& view, SplitKind kind,
                       std::vector<std::pair<size_t, size_t>>* out,
                       std::vector<std::pair<size_t, size_t>>* restarts) {
  const std::string& v = view.text;
  struct Run {
    size_t b, e;
    std::string digits;
    size_t first = 0;  // digits of its first group
  };
  // Runs of digit groups: groups joined by blanks, ',', '-', '.'.
  std::vector<Run> runs;
  for (size_t i = 0; i < v.size();) {
    if (!IsDigitByte(v[i]) || (i > 0 && IsWordByte(v[i - 1]))) {
      ++i;
      continue;
    }
    Run run{i, i, {}};
    size_t j = i;
    while (true) {
      size_t g = j;
      while (g < v.size() && IsDigitByte(v[g])) ++g;
      if (g < v.size() && IsWordByte(v[g])) break;  // "4th"
      // (The view writes "278... 278... eight nine three" as one group: its
      // first group ends where the words it was said in have a pause.)
      for (size_t d = j; d < g && run.first == 0; ++d) {
        if (d + 1 == g) break;
        const uint32_t oe = view.OriginalEnd(static_cast<uint32_t>(d + 1));
        const uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(d + 1));
        if (ob > oe && text.substr(oe, ob - oe).find_first_of(".,-") != std::string_view::npos) {
          run.first = run.digits.size() + (d + 1 - j);
        }
      }
      run.digits.append(v, j, g - j);
      if (run.first == 0) run.first = run.digits.size();
      run.e = g;
      size_t k = g;
      while (k < v.size() && (v[k] == ' ' || v[k] == ',' || v[k] == '-' || v[k] == '.')) ++k;
      if (k >= v.size() || !IsDigitByte(v[k]) || k == g) break;
      j = k;
    }
    i = std::max(run.e, i + 1);
    // (Never a speaker's label or a time: "Speaker 1:", "[00:02:59]".)
    if (!run.digits.empty() && !(run.e < v.size() && v[run.e] == ':') &&
        !(run.b > 0 && v[run.b - 1] == ':')) {
      runs.push_back(std::move(run));
    }
  }
  // A first group said again ("278... 278... eight nine three... O nine five
  // eight"): the value without it.
  // (Or any start of it said, then the whole value: "six five zero five
  // five, six fifty, five fifty five, zero one fifty three"; or the value,
  // then its last group again: "six four six five five five oh one four
  // six, oh one four six".)
  for (const Run& run : runs) {
    const size_t n = run.first;
    const std::string& d = run.digits;
    bool whole = n >= 2 && n <= 4 && d.size() > 2 * n && d.compare(0, n, d, n, n) == 0 &&
                 SplitWhole(d.substr(n), kind);
    // (Said in words or in groups, never one written run: "The claim number
    // 01016515442".)
    bool grouped = n < d.size();
    for (uint32_t k = view.OriginalBegin(static_cast<uint32_t>(run.b)),
                  ke = view.OriginalEnd(static_cast<uint32_t>(run.e));
         k < ke && !grouped; ++k) {
      grouped = IsAlphaByte(text[k]);
    }
    for (size_t p = 2; p <= 7 && grouped && !whole && 2 * p < d.size(); ++p) {
      whole = d.compare(0, p, d, p, p) == 0 && SplitWhole(d.substr(p), kind);
    }
    for (size_t p = 3; p <= 4 && grouped && !whole && 2 * p < d.size(); ++p) {
      whole = d.compare(d.size() - p, p, d, d.size() - 2 * p, p) == 0 &&
              SplitWhole(d.substr(0, d.size() - p), kind);
    }
    if (whole) {
      out->emplace_back(run.b, run.e);
      restarts->emplace_back(run.b, run.e);
    }
  }
  static constexpr std::string_view kBreaks[] = {"sorry", "wait", "hang", "mean", "no", "oops",
                                                 "actually", "again", "scratch"};
  static constexpr std::string_view kGap[] = {"sorry", "wait", "hang", "on", "i", "mean", "no",
                                              "oops", "actually", "uh", "um", "let", "me", "see",
                                              "hold", "start", "again", "try", "scratch", "that"};
  // (And the words that name a digit: "that's a zero".)
  static constexpr std::string_view kNaming[] = {"that's", "thats", "it's", "its", "a", "an",
                                                 "zero", "oh", "one", "two", "three", "four",
                                                 "five", "six", "seven", "eight", "nine"};
  // (How many digits of two numbers differ, over the shorter.)
  auto differ = [](std::string_view x, std::string_view y) {
    size_t d = 0;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) d += x[i] != y[i] ? 1 : 0;
    return d;
  };
  for (size_t r = 0; r + 1 < runs.size(); ++r) {
    const Run& a = runs[r];
    const Run& b = runs[r + 1];
    const std::string_view gap(v.data() + a.e, b.b - a.e);
    const std::string lower = LowerAscii(gap);
    // A digit named in so many words ("no wait, that's a zero, five seven
    // zero ..."): the part said after it puts right the one before.
    bool named = false;
    for (std::string_view w : {"that's a ", "thats a ", "it's a ", "its a ", "that's an ", "it's an "}) {
      named = named || lower.find(w) != std::string::npos;
    }
    if (gap.find_first_of(":\n[]") != std::string_view::npos) continue;
    if (named && gap.size() <= 40 && OnlyWordsOf(gap, kGap, kNaming)) {
      const std::string& x = a.digits;
      const std::string& y = b.digits;
      // (Nine characters or more: never a seven-digit prescription number
      // put right, "two seven nine one nine six three... wait, no, that's a
      // four, two seven nine four nine six three".)
      if (y.size() >= x.size() && y.size() >= 9 && differ(x, y) <= 1 && SplitWhole(y, kind)) {
        out->emplace_back(a.b, b.e);  // said again whole, a digit put right
        continue;
      }
      if (y.size() < x.size() && x.size() >= 9 && differ(std::string_view(x).substr(x.size() - y.size()), y) <= 1 &&
          SplitWhole(x.substr(0, x.size() - y.size()) + y, kind)) {
        out->emplace_back(a.b, b.e);  // its last part said again, put right
        continue;
      }
    }
    if (gap.size() > 24 || !OnlyWordsOf(gap, kGap)) continue;
    bool broken = false;
    for (std::string_view w : kBreaks) {
      for (size_t p = lower.find(w); p != std::string::npos && !broken; p = lower.find(w, p + 1)) {
        broken = (p == 0 || !IsAlphaByte(lower[p - 1])) &&
                 (p + w.size() >= lower.size() || !IsAlphaByte(lower[p + w.size()]));
      }
    }
    // (Without a word of interruption, only fillers between: the two joined,
    // "28711, uh, 66148".)
    bool found = false;
    for (size_t k = 0; k <= (broken ? 3u : 0u) && k + 2 <= a.digits.size(); ++k) {
      if (k > 0 && b.digits.compare(0, k, a.digits, a.digits.size() - k, k) != 0) continue;
      const std::string joined = a.digits.substr(0, a.digits.size() - k) + b.digits;
      if (joined.size() <= SplitMaxLength(kind) && SplitWhole(joined, kind)) {
        out->emplace_back(a.b, b.e);
        found = true;
        break;
      }
    }
    // (A false start, then the whole value from its start: "three oh five
    // five five five let me start again three oh five five fifty five zero
    // one fifty nine", "two oh one five five-- uh two oh one, ...".)
    // (A cut-off written "--" or "..." breaks it off too.)
    const bool cut = gap.find("--") != std::string_view::npos || gap.find("...") != std::string_view::npos;
    // (Four digits or more said again need no word between: "four six oh
    // three one nine eight, uh four six zero three one nine eight ...".)
    if (!found && (broken || cut || a.digits.size() >= 4) && a.digits.size() >= 2 &&
        a.digits.size() < b.digits.size() &&
        b.digits.compare(0, a.digits.size(), a.digits) == 0 && SplitWhole(b.digits, kind)) {
      out->emplace_back(a.b, b.e);
      restarts->emplace_back(a.b, b.e);
    }
  }
}

// A value said over several turns of one speaker, the other speaker
// acknowledging in between ("What's a good number for you?" / "Uh, 662." /
// "Got it, and then?" / "Uh, double five five." / "Uh huh." / "Oh one
// three eight."; "Can you read me the Medicare number?" / "Five C zero
// zero..." / "Go ahead." / "M seven four." ...), or over the sentences of a
// transcript written as one line: after a question for a phone, card, MBI
// or SSN, the parts said alone (each a piece of its own, Piece) that
// together begin a valid value of it are that value. A part is redacted
// once the parts up to it hold enough of the value to be no other number
// (six digits of a phone, four characters of the others) or, when the
// whole unit is at hand, once the parts make the value whole; the first
// part alone too when it is a card's, MBI's or SSN's (AddSpokenPhones takes
// a phone's area code alone). A turn scanned on its own (ScanTurn) finds
// the parts before it in the turns before it (State::previous_turns). A
// phone number said whole after a false start of its first digits in a
// turn before ("Eight zero..." / "Okay." / "Eight zero five, five five
// five...") takes that false start with it.
void Scanner::AddSplitValues(std::string_view text, const internal::View& view,
                             std::vector<Span>* spans) {
  State& s = *state_;
  const auto& rules = ruleset_->impl().rules;
  const std::string& v = view.text;
  std::vector<Piece> pieces, here;
  std::vector<std::pair<size_t, size_t>> interrupted, restarts;
  bool prev_asks_ready = false;
  for (const State::SplitRule& split : s.split_rules) {
    const SplitKind kind = static_cast<SplitKind>(split.kind);
    const CompiledRule& rule = rules[static_cast<size_t>(split.rule)];
    const uint16_t entity = rule.entity;
    // Values said with an interruption, where they were asked for.
    if (kind != SplitKind::kMrn && kind != SplitKind::kMemberId && kind != SplitKind::kZip) {
      interrupted.clear();
      restarts.clear();
      InterruptedValues(text, view, kind, &interrupted, &restarts);
      for (const auto& [b, e] : interrupted) {
        const uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(b));
        const uint32_t oe = view.OriginalEnd(static_cast<uint32_t>(e));
        // (A card number said again whole needs no question: its check
        // digit speaks for it.)
        const bool card_again = kind == SplitKind::kCard &&
                                std::find(restarts.begin(), restarts.end(), std::make_pair(b, e)) != restarts.end();
        if (s.Expects(ob, entity) || card_again) {
          spans->push_back({ob, oe, static_cast<uint16_t>(split.rule), entity, rule.score});
        }
      }
    }
    // The pieces: this unit's lines, and (only when one of them is a part)
    // the turns before it (a turn scanned on its own) in front of them.
    here.clear();
    for (size_t lb = 0; lb <= v.size();) {
      size_t le = v.find('\n', lb);
      if (le == std::string::npos) le = v.size();
      AddPieces(text, view, lb, le, kind, true, &here);
      lb = le + 1;
    }
    if (std::none_of(here.begin(), here.end(), [](const Piece& p) { return p.kind == Piece::kPart; })) {
      continue;
    }
    pieces.clear();
    std::string_view prev = s.previous_turns;
    while (!prev.empty() && prev.back() == '\n') prev.remove_suffix(1);
    for (size_t lb = 0; lb < prev.size();) {
      size_t le = prev.find('\n', lb);
      if (le == std::string_view::npos) le = prev.size();
      std::string_view line = prev.substr(lb, le - lb);
      internal::View& lv = s.answer_view;
      // (Written: its digits as they are.)
      if (!internal::HasSpokenSeed(line) || !internal::SpokenView(line, &lv)) IdentityView(line, &lv);
      const size_t first = pieces.size();
      AddPieces(line, lv, 0, lv.size(), kind, false, &pieces);
      for (size_t k = first; k < pieces.size(); ++k) pieces[k].ob += static_cast<uint32_t>(lb);
      lb = le + 1;
    }
    pieces.insert(pieces.end(), std::make_move_iterator(here.begin()),
                  std::make_move_iterator(here.end()));
    // Whether the value was asked for before the first part.
    auto asked = [&](const Piece& first) {
      if (first.here) return s.Expects(first.ob, entity);
      if (!prev_asks_ready) {
        AskHits(s.previous_turns, 0);
        prev_asks_ready = true;
      }
      return entity < 64 && std::any_of(s.asks.begin(), s.asks.end(), [&](const auto& a) {
               return a.first <= first.ob && ((a.second >> entity) & 1);
             });
    };
    auto add = [&](const Piece& p) {
      uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(p.vb));
      uint32_t oe = std::max(view.OriginalEnd(static_cast<uint32_t>(p.ve)), p.oe);
      // (A multiplier after a part another pass found goes with it: the
      // spans overlap and become one, ResolveOverlaps.)
      if (!Overlaps(*spans, ob, oe) || p.times > 1) {
        spans->push_back({ob, oe, static_cast<uint16_t>(split.rule), entity, rule.score});
      }
    };
    const size_t enough = kind == SplitKind::kPhone ? 6 : kind == SplitKind::kZip ? 3 : 4;
    // (A ZIP's first two digits are its first part: "Eight seven -".)
    const size_t head = kind == SplitKind::kZip ? 2 : 3;
    // Chains: parts of one speaker with at most two acknowledgements between.
    size_t i = 0;
    while (i < pieces.size()) {
      if (pieces[i].kind != Piece::kPart) {
        ++i;
        continue;
      }
      std::vector<size_t> chain{i};
      // The other speaker saying a part back ("one four seven" / "mm-hmm one
      // four seven" / "two one" / "two one"): an acknowledgement that is
      // that part again, (piece, chain position).
      std::vector<std::pair<size_t, size_t>> echoes;
      size_t j = i + 1;
      int acks = 0;
      for (; j < pieces.size(); ++j) {
        const Piece& q = pieces[j];
        if (q.kind == Piece::kAck) {
          if (++acks > 2) break;
          continue;
        }
        if (q.kind != Piece::kPart) break;
        const Piece& first = pieces[chain[0]];
        if (!q.speaker.empty() && !first.speaker.empty() && q.speaker != first.speaker) {
          if (q.remark || q.value != pieces[chain.back()].value) break;
          echoes.emplace_back(j, chain.size() - 1);
          continue;
        }
        if (pieces[chain.back()].remark) break;
        chain.push_back(j);
        acks = 0;
      }
      if (!asked(pieces[chain[0]])) {
        i = chain.size() > 1 ? chain[1] : j;
        continue;
      }
      // A month and a year after a question for a card's expiry ("And the
      // expiration?" / "oh nine twenty eight"): no part of any value.
      if (const Piece& last = pieces[chain.back()];
          last.here && last.value.size() == 4 &&
          ((last.value[0] == '0' && last.value[1] != '0') || (last.value[0] == '1' && last.value[1] <= '2')) &&
          AsksExpiry(s.previous_turns, text, last.ob)) {
        i = j;
        continue;
      }
      // The parts that begin a valid value, and whether they complete one.
      // (A part after "triple" begins with its first digit three times.)
      auto append = [&](std::string* to, size_t k) {
        const std::string& value = pieces[chain[k]].value;
        const uint8_t times = k > 0 ? pieces[chain[k - 1]].times : 1;
        if (times > 1 && !value.empty()) to->append(times - 1u, value[0]);
        to->append(value);
      };
      // Part k of the chain (when in the unit scanned), and its echoes.
      auto mark_part = [&](size_t k) {
        if (pieces[chain[k]].here) add(pieces[chain[k]]);
        for (const auto& [piece, at] : echoes) {
          if (at == k && pieces[piece].here) add(pieces[piece]);
        }
      };
      std::string whole;
      size_t valid = 0, complete = 0;
      for (size_t k = 0; k < chain.size(); ++k) {
        append(&whole, k);
        if (!SplitPrefix(whole, kind)) break;
        valid = k + 1;
        if (SplitWhole(whole, kind)) complete = k + 1;
      }
      // A card's last four said alone after its question ("What credit card
      // number do you have?" / "It's eleven seventeen."): its own value.
      // (Never a month and a year after a question for the expiry: "And
      // the expiration?" / "oh nine twenty eight".)
      if (kind == SplitKind::kCard && chain.size() == 1 && valid == 0 && !pieces[chain[0]].remark &&
          pieces[chain[0]].value.size() == 4) {
        mark_part(0);
      }
      std::string so_far;
      for (size_t k = 0; k < valid; ++k) {
        const Piece& part = pieces[chain[k]];
        append(&so_far, k);
        // (A phone's first part alone: an area code, or three to five digits
        // the speaker stopped after.)
        // (A remark's part ends a value with three digits or more: "Hold on
        // one second" after an NPI makes no phone number.)
        const bool mark = (k < complete && (!part.remark || part.value.size() >= 3)) ||
                          (!part.remark && (so_far.size() >= enough ||
                          (k == 0 && so_far.size() >= head &&
                           (kind != SplitKind::kPhone || (valid == 1 && so_far.size() <= 5)))));
        if (mark) mark_part(k);
      }
      // A card's last four in parts ("Eight four." / "Go ahead." / "Three
      // one."): two digits or more, not begun by 0 or 1 (an expiry month:
      // "oh nine" / "twenty eight").
      // The first part alone only after a question for the last four
      // ("Which card ending do you want to use?"), a temperature after a
      // question about a Medicare card stays ("thirty seven").
      if (kind == SplitKind::kCard) {
        std::string four;
        for (size_t k = 0; k < chain.size(); ++k) {
          append(&four, k);
          if (pieces[chain[k]].remark || four.size() > 4 || four[0] == '0' || four[0] == '1') break;
          if (four.size() == 4 ||
              (four.size() >= 2 && k == 0 && pieces[chain[0]].here &&
               AsksLastFour(s.previous_turns, text, pieces[chain[0]].ob))) {
            for (size_t m = 0; m <= k; ++m) mark_part(m);
          }
        }
      }
      // A false start said again whole in the next part.
      if (kind == SplitKind::kPhone && valid < chain.size() && valid >= 1) {
        const std::string& next = pieces[chain[valid]].value;
        std::string_view core(next);
        if (core.size() == 11 && core[0] == '1') core.remove_prefix(1);
        std::string head;
        for (size_t k = 0; k < valid; ++k) head += pieces[chain[k]].value;
        if (head.size() <= 3 && core.size() == 10 && core.substr(0, head.size()) == head &&
            internal::ValidNanp(core)) {
          for (size_t k = 0; k < valid; ++k) mark_part(k);
        }
      }
      // (Parts after those that began a value but did not go on with it may
      // begin one themselves; after a first part that began none, none do:
      // "911" / "and then?" / "555".)
      i = valid > 0 && valid < chain.size() ? chain[valid] : j;
    }
  }
  if (prev_asks_ready) s.asks.clear();
}

// The end of an answer said again, after its read-back ("i have eight six
// zero five five five zero one zero one" / "no, zero double one zero";
// "So 381-486-9?" / "No no, it's four eight nine six"; "the end is seven
// one nine o"), or a short answer read back whole ("Eight four three one."
// / "Let me read that back. Eight four three one."): in a range that
// expects a read-back of `answered` digits, a run said in words that ends
// the answer (three digits or more), lies inside it (four or more) or is
// all of it (four or more, a digit misheard) is that value, under the
// entity asked for (the one whose values have the answer's length when
// several were).
void Scanner::AddAnswerTails(std::string_view text, const internal::View& view,
                             std::vector<Span>* spans) {
  State& s = *state_;
  const std::string& v = view.text;
  for (const auto& x : s.expect) {
    const uint64_t digits = x.entities & s.digit_entities;
    if (x.answered.size() < 4 || digits == 0 || x.echo) continue;
    int entity = -1;
    for (int e = 0; e < 64; ++e) {
      if (((digits >> e) & 1) == 0 || s.answer_rule[static_cast<size_t>(e)] < 0) continue;
      const std::string& name = ruleset_->entities()[static_cast<size_t>(e)];
      const size_t n = x.answered.size();
      const bool fits = (name == "PHONE_NUMBER" && (n == 10 || n == 11)) ||
                        (name == "US_SSN" && n == 9) || (name == "ZIP_CODE" && (n == 5 || n == 9));
      if (entity < 0 || fits) entity = e;
      if (fits) break;
    }
    if (entity < 0) continue;
    const int rule = s.answer_rule[static_cast<size_t>(entity)];
    const CompiledRule& r = ruleset_->impl().rules[static_cast<size_t>(rule)];
    for (size_t i = 0; i < v.size();) {
      if (!IsDigitByte(v[i]) || (i > 0 && IsWordByte(v[i - 1]))) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < v.size() && IsDigitByte(v[j])) ++j;
      const size_t b = i;
      i = j;
      if (j < v.size() && IsWordByte(v[j])) continue;
      const std::string_view run(v.data() + b, j - b);
      const uint32_t ob = view.OriginalBegin(static_cast<uint32_t>(b));
      const uint32_t oe = view.OriginalEnd(static_cast<uint32_t>(j));
      if (ob < x.begin || ob >= x.end || run.size() < 3 || run.size() > x.answered.size()) continue;
      // The whole answer again, or misheard in a digit (two of five or more):
      // "Six six two seven, correct?", "forty four forty five" for 4444.
      size_t off = 0;
      if (run.size() == x.answered.size()) {
        for (size_t k = 0; k < run.size(); ++k) off += run[k] != x.answered[k] ? 1 : 0;
      }
      const bool again = run.size() == x.answered.size() && run.size() >= 4 &&
                         off <= (run.size() >= 5 ? 2u : 1u);
      const bool ends = run.size() < x.answered.size() &&
                        x.answered.compare(x.answered.size() - run.size(), run.size(), run) == 0;
      if (!again && !ends &&
          (run.size() < 4 || run.size() == x.answered.size() ||
           x.answered.find(run) == std::string::npos)) {
        continue;
      }
      // (Written digits only as the end of it: "The number ending in 0168?")
      auto ending = [&]() {
        const std::string before = TurnWordsBefore(text, ob);
        size_t e = before.find_last_not_of(" ,:");
        if (e == std::string::npos) return false;
        const std::string_view b(before.data(), e + 1);
        for (std::string_view w : {"ending in", "ends in", "ending with", "ends with", "last four",
                                   "last 4", "ending"}) {
          if (b.size() >= w.size() && b.substr(b.size() - w.size()) == w) return true;
        }
        return false;
      };
      // (Or a correction of a read-back: "I heard 3-3-4, 5-5-5, 0-1-1-3. Is
      // that right?" / "No, it's 0131.")
      auto correction = [&]() {
        const std::string before = TurnWordsBefore(text, ob);
        size_t w = before.find_first_not_of(" ");
        return w != std::string::npos &&
               (before.compare(w, 3, "no ") == 0 || before.compare(w, 3, "no,") == 0 ||
                before.compare(w, 4, "nope") == 0 || before.compare(w, 8, "actually") == 0);
      };
      if ((std::none_of(text.begin() + ob, text.begin() + oe, IsAlphaByte) &&
           !(ends && (ending() || correction()))) ||
          !ExpectedValueFits(text, ob, oe, false)) {
        continue;
      }
      // ("your order number is seven eight eight one": named as something else.)
      if (NamedOtherwise(TurnWordsBefore(text, ob))) continue;
      // Nothing said of it after it in its sentence but a check ("..., is
      // that right?"): "My sugar was two ten this morning." is a reading.
      {
        size_t se = oe;
        while (se < text.size() && text[se] != '.' && text[se] != '?' && text[se] != '!' &&
               text[se] != '\n') {
          ++se;
        }
        static constexpr std::string_view kChecks[] = {
            "um", "uh", "correct", "right", "is", "that", "yes", "yeah", "okay", "ok", "please",
            "thanks", "thank", "you", "so", "then", "and", "at", "the", "end", "i", "think", "it's",
            "not", "what", "said", "rest", "wrong", "that's", "last", "part", "of", "it", "sorry",
            "no", "instead", "there"};
        if (!OnlyWordsOf(text.substr(oe, se - oe), kChecks)) continue;
      }
      if (!Overlaps(*spans, ob, oe)) spans->push_back({ob, oe, static_cast<uint16_t>(rule), r.entity, r.score});
    }
  }
}

Status Scanner::AddViewSpans(std::string_view text, std::vector<Span>* spans) {
  State& s = *state_;
  size_t before = spans->size();
  bool moved = false;  // a span's edges (a correction before or after it)
  // URL-encoded PHI ("email=dana%40example.com").
  if (internal::PercentDecodedView(text, &s.view)) {
    Status st = ScanView(s.view, spans);
    if (!st.ok()) return st;
  }
  // JSON escapes in text, or in JSON that did not parse
  // ("123\u002d45\u002d6789"), decoded through every level of nesting.
  if (internal::HasJsonEscape(text) &&
      internal::JsonUnescapedView(text, internal::kMaxUnescapeRounds, &s.view, &s.view_scratch)) {
    Status st = ScanView(s.view, spans);
    if (!st.ok()) return st;
  }
  // Ids read aloud with the pauses written as " - " ("K - 853 - 4196").
  if (internal::SpacedDashView(text, &s.view)) {
    Status st = ScanView(s.view, spans);
    if (!st.ok()) return st;
  }
  // A row with its own column list: INSERT INTO t (name, ssn) VALUES (...).
  if (internal::HasInlineColumns(text) && internal::ColumnsView({}, text, &s.view)) {
    Status st = ScanView(s.view, spans);
    if (!st.ok()) return st;
  }
  // Spoken forms ("four one five, five five five...", "r e y e s", "dana
  // dot reyes at gmail dot com").
  if (ruleset_->impl().spoken && internal::HasSpokenSeed(text) &&
      internal::SpokenView(text, &s.view)) {
    size_t first = spans->size();
    Status st = ScanView(s.view, spans);
    if (!st.ok()) return st;
    // "the eighteenth of april ...": the article belongs to the date said.
    for (size_t i = first; i < spans->size(); ++i) {
      Span& d = (*spans)[i];
      if (d.start < 4 || d.end - d.start < 8) continue;
      std::string_view said = text.substr(d.start, d.end - d.start);
      std::string_view art = text.substr(d.start - 4, 4);
      bool the = (art[0] == 't' || art[0] == 'T') && art[1] == 'h' && art[2] == 'e' && art[3] == ' ';
      if (the && (d.start == 4 || !IsWordByte(static_cast<unsigned char>(text[d.start - 5]))) &&
          said.find(" of ") != std::string_view::npos && !(said[0] >= '0' && said[0] <= '9')) {
        d.start -= 4;
      }
    }
    AddSpelledNames(text, s.view, spans);
    AddSpokenPhones(text, s.view, spans);
    AddSplitValues(text, s.view, spans);
    AddAnswerTails(text, s.view, spans);
    AddCorrectedValues(text, s.view, spans);
    const bool o_letters = s.view.o_letters;
    // "three eighteen eighty eight" was read as a date; as digits it is a
    // ZIP when one was asked for: scan that reading too.
    if (s.view.spoken_dates && internal::SpokenView(text, &s.view, false)) {
      st = ScanView(s.view, spans);
      if (!st.ok()) return st;
    }
    // "three t two o r v four n k six three": the "o" was zero.
    if (o_letters && internal::SpokenView(text, &s.view, true, true)) {
      st = ScanView(s.view, spans);
      if (!st.ok()) return st;
    }
  } else if (ruleset_->impl().spoken && (!s.expect.empty() || !s.previous_turns.empty()) &&
             text.size() <= 4096 && std::any_of(text.begin(), text.end(), IsDigitByte)) {
    // A part of a value written in digits in a conversation ("Uh, 662.",
    // "555.", "And 0140."): the text is its own view.
    IdentityView(text, &s.view);
    AddSplitValues(text, s.view, spans);
    // ("The number ending in 0168?")
    AddAnswerTails(text, s.view, spans);
    // ("4757 7407 4598 3999 no 3799")
    AddCorrectedValues(text, s.view, spans);
  }
  if (ruleset_->impl().spoken) {
    // "four one four, no wait, four one five five five five...": the
    // number given up on is the same value's first try; "703550197 no wait
    // 0190": the part corrected after it goes with it.
    for (Span& d : *spans) {
      if (d.entity != static_cast<uint16_t>(s.person_entity)) {
        const uint32_t b = CorrectedFrom(text, RepeatFrom(text, StutterFrom(text, d.start)));
        const uint32_t e = CorrectedTo(text, d.end);
        moved = moved || b != d.start || e != d.end;
        d.start = b;
        d.end = e;
      }
    }
  }
  if (spans->size() > before || moved) {
    if (s.email_entity >= 0) {
      ExtendEmailNotes(text, s.email_entity, spans);
      ExtendEmailSpelling(text, s.email_entity, spans);
    }
    ResolveOverlaps(spans);
  }
  return Status::Ok();
}

Status Scanner::Confirm(std::string_view text, std::vector<Candidate>* cands,
                        std::vector<Span>* spans) {
  spans->clear();
  State& s = *state_;
  assert(!s.in_use && "Scanner used from two threads at once");
  s.in_use = true;
  struct Release {
    State& s;
    ~Release() { s.in_use = false; }
  } release{s};
  if (!s.scratch) return Status(ErrorCode::kEngine, "no Hyperscan scratch");
  const auto& impl = ruleset_->impl();
  s.confirmed.clear();
  s.pending.clear();
  s.dict_words.clear();
  s.hits.clear();
  s.context_scanned = false;
  if (cands->empty() && impl.detector_rules.empty()) return Status::Ok();

  std::sort(cands->begin(), cands->end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.rule != b.rule) return a.rule < b.rule;
              if (a.end != b.end) return a.end < b.end;
              return a.length < b.length;
            });
  cands->erase(std::unique(cands->begin(), cands->end(),
                           [](const Candidate& a, const Candidate& b) {
                             return a.rule == b.rule && a.end == b.end &&
                                    a.length == b.length;
                           }),
               cands->end());

  // A fresh memo per call: at most one entry per candidate, at most half full.
  if (s.start_memo.size() < 2 * cands->size() || s.memo_stamp == UINT32_MAX) {
    size_t size = 1024;
    while (size < 2 * cands->size()) size *= 2;
    s.start_memo.assign(size, {});
    s.memo_stamp = 0;
    std::fill(s.group_facts_stamp.begin(), s.group_facts_stamp.end(), 0);
  }
  ++s.memo_stamp;
  // Starts first, each rule's last end first: a search for an earlier end
  // then reuses what those for later ends established (ChainFact). Only the
  // order of the searches changes; their results do not depend on it.
  for (size_t ci = cands->size(); ci-- > 0;) {
    const Candidate& cand = (*cands)[ci];
    const CompiledRule& rule = impl.rules[cand.rule];
    const int32_t group = s.finder_group[cand.rule];
    if (rule.dictionary || group < 0 || !s.group_chainable[static_cast<size_t>(group)]) continue;
    if (rule.maximal && ci + 1 < cands->size() && (*cands)[ci + 1].rule == cand.rule &&
        (*cands)[ci + 1].end == cand.end + 1) {
      continue;
    }
    uint32_t start;
    MemoFindStart(rule, static_cast<uint32_t>(group), text, cand.end, &s, &start);
  }
  for (size_t ci = 0; ci < cands->size(); ++ci) {
    const Candidate& cand = (*cands)[ci];
    const CompiledRule& rule = impl.rules[cand.rule];
    if (rule.maximal && ci + 1 < cands->size() &&
        (*cands)[ci + 1].rule == cand.rule &&
        (*cands)[ci + 1].end == cand.end + 1) {
      continue;  // the match goes on: confirm only its longest end
    }
    uint32_t start = 0;
    if (rule.dictionary) {
      // Hyperscan found the first bytes of a dictionary word (its
      // kDictPrefix-byte prefix) at a word start; the word runs on to its
      // end ("o'brien", "mary-jane" included). Entries are assembled from
      // these words below and checked by hash, so a word that only shares
      // the prefix matches nothing.
      if (cand.length == 0 || cand.length > cand.end) continue;
      start = cand.end - cand.length;
      if (start > 0 && IsWordByte(text[start - 1])) continue;
      uint32_t end = cand.end;
      while (end < text.size() &&
             (IsWordByte(text[end]) ||
              ((text[end] == '\'' || text[end] == '-') && end + 1 < text.size() &&
               IsWordByte(text[end + 1])))) {
        ++end;
      }
      s.dict_words.emplace_back(start, end);
      continue;
    }
    const int32_t group = s.finder_group[cand.rule];
    if (group < 0) {
      if (!FindStart(rule, text, cand.end, &start)) continue;
    } else if (!MemoFindStart(rule, static_cast<uint32_t>(group), text, cand.end, &s, &start)) {
      continue;
    }
    uint32_t match_end = cand.end;
    if (rule.value_group > 0) {
      re2::StringPiece groups[8];
      int n = std::min(rule.value_group + 1, 8);
      if (!rule.finder->re().Match(text, start, cand.end, RE2::ANCHOR_BOTH, groups, n) ||
          groups[rule.value_group].data() == nullptr ||
          groups[rule.value_group].empty()) {
        continue;
      }
      start = static_cast<uint32_t>(groups[rule.value_group].data() - text.data());
      match_end = start + static_cast<uint32_t>(groups[rule.value_group].size());
    }
    std::string_view value = text.substr(start, match_end - start);
    if (rule.confirm && !RE2::FullMatch(value, rule.confirm->re())) continue;
    if (rule.validator && !rule.validator(text, start, match_end)) continue;
    start = AfterCueAcronym(text, start, match_end);
    // A chart number printed as "MR 7555932", said as "BH nine nine four
    // ...": the letters are part of it (one to three capitals, never a
    // word or a cue: "MRN", "ID", "I").
    if (static_cast<int>(rule.entity) == s.mrn_entity && start >= 3 && text[start - 1] == ' ' &&
        IsDigitByte(text[start])) {
      uint32_t b = start - 1;
      while (b > 0 && start - 1 - b < 4 && text[b - 1] >= 'A' && text[b - 1] <= 'Z') --b;
      const std::string_view letters = text.substr(b, start - 1 - b);
      static constexpr std::string_view kNot[] = {"MRN", "ID", "I", "A", "DOB", "SSN", "NPI", "IS",
                                                  "NO", "OK", "PM", "AM", "ER", "HR", "BP", "IT"};
      const bool mr = letters.empty() && (text[start - 3] | 0x20) == 'm' &&
                      (text[start - 2] | 0x20) == 'r' && (start == 3 || !IsWordByte(text[start - 4]));
      if (mr) {
        start -= 3;
      } else if (!letters.empty() && letters.size() <= 3 && (b == 0 || !IsWordByte(text[b - 1])) &&
                 std::find(std::begin(kNot), std::end(kNot), letters) == std::end(kNot) &&
                 // (Never the last of letters spelled apart: "M R N 60649612".)
                 !(b >= 2 && text[b - 1] == ' ' && IsAlphaByte(text[b - 2]) &&
                   (b == 2 || !IsWordByte(text[b - 3])))) {
        start = b;
      }
    }
    if (rule.digit_boundary && internal::GluedToDigits(text, start, match_end)) {
      continue;
    }
    uint32_t end = match_end;
    if (rule.extend) {
      re2::StringPiece m;
      size_t limit = std::min<size_t>(text.size(), size_t{end} + 512);
      if (rule.extend->re().Match(text, end, limit, RE2::ANCHOR_START, &m, 1)) {
        end += static_cast<uint32_t>(m.size());
      }
    }
    s.pending.push_back(
        {start, end, static_cast<uint16_t>(cand.rule), rule.entity, rule.score});
  }

  // Context scoring. A hotword speaks for the nearest value of the entity on
  // its side: in "DOB 03/15/1985, seen 2026-03-15" only the first date is
  // boosted, because another date of the same entity lies between.
  // Two values compared in one message ("birthdate mismatch (expected 7 Feb
  // 1969, got 19771021)", "DOB 1961-02-03 vs 1961-03-02") are both what the
  // cue names: the first does not block the second.
  auto compared = [text](uint32_t a, uint32_t b) {
    if (b <= a || b - a > 16) return false;
    std::string gap(text.substr(a, b - a));
    for (char& c : gap) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (std::string_view w : {"got", "vs", "actual", "received", "found", "but was", "!=",
                               "instead of", "entered", "provided"}) {
      size_t at = gap.find(w);
      if (at == std::string::npos) continue;
      bool left = at == 0 || !IsWordByte(gap[at - 1]);
      bool right = at + w.size() >= gap.size() || !IsWordByte(gap[at + w.size()]);
      if (left && right) return true;
    }
    return false;
  };
  auto blocked = [&s, &compared](const Span& p, uint32_t lo, uint32_t hi) {
    for (const Span& o : s.pending) {
      if (o.entity == p.entity && o.start >= lo && o.end <= hi &&
          (o.start != p.start || o.end != p.end) && !(o.end <= p.start && compared(o.end, p.start))) {
        return true;
      }
    }
    return false;
  };
  // Is another value of p's entity nearer to the cue `word` at [hs, he) on
  // the cue's other side than p is (`dist` bytes), and within its own rule's
  // reach of that cue?
  auto owned_elsewhere = [&s, &impl, text](const Span& p, uint32_t word, uint32_t hs,
                                           uint32_t he, uint32_t dist, bool cue_before) {
    // "Date of Birth: 06/24/1962", "mrn=5678": a cue joined to the value
    // after it by ':' or '=' labels that value, whatever lies before it.
    if (cue_before && BindsForward(text, he, p.start)) return false;
    for (const Span& o : s.pending) {
      if (o.entity != p.entity || (o.start == p.start && o.end == p.end)) continue;
      const CompiledRule& orule = impl.rules[o.rule];
      uint32_t gap;
      if (cue_before) {
        if (o.end > hs) continue;
        gap = hs - o.end;
        if (gap > static_cast<uint32_t>(orule.after)) continue;
        // (A value, then "and <cue>": the cue opens what follows, "admitted
        // June 7th, 2022 and discharged on the ninth of June ...".)
        const std::string_view between = text.substr(o.end, hs - o.end);
        if (between.find(" and ") != std::string_view::npos || between.find(" then ") != std::string_view::npos) {
          continue;
        }
      } else {
        if (o.start < he) continue;
        gap = o.start - he;
        if (gap > static_cast<uint32_t>(orule.before)) continue;
      }
      if (!cue_before && BindsForward(text, he, o.start) &&
          std::find(orule.words.begin(), orule.words.end(), word) != orule.words.end()) {
        return true;
      }
      // A tie goes to the value after the cue: "pid=1377833 chart_no=1558268844".
      if ((cue_before ? gap < dist : gap <= dist) &&
          std::find(orule.words.begin(), orule.words.end(), word) != orule.words.end()) {
        return true;
      }
    }
    return false;
  };
  // Pending values are grouped by rule: the hits of a rule are picked once.
  uint32_t rule_hits_of = UINT32_MAX;
  for (const Span& p : s.pending) {
    const CompiledRule& rule = impl.rules[p.rule];
    uint32_t start = p.start;
    float score = rule.score;
    bool echo_only = false;  // (only digits said just before and read back speak for it)
    if (rule.has_context()) {
      if (!s.context_scanned) {
        s.context_scanned = true;
        FindContextHits(text, impl, &s);
      }
      if (p.rule != rule_hits_of) {
        RuleHits(rule, s.hits, &s.rule_hits);
        rule_hits_of = p.rule;
      }
      bool positive = false;
      bool negative = false;
      uint32_t pos_dist = UINT32_MAX, neg_dist = UINT32_MAX;
      bool pos_before = false, neg_before = false;
      uint32_t neg_before_dist = UINT32_MAX;
      // A value never includes its own cue: when a positive hotword opens
      // the span ("Thanks Dana" for a name pattern), the span starts after
      // it and the cue counts as context before.
      for (const auto& hit : s.rule_hits) {
        if (hit.start != start || hit.end >= p.end) continue;
        if (std::find(rule.words.begin(), rule.words.end(), hit.word) ==
            rule.words.end()) {
          continue;
        }
        uint32_t s2 = hit.end;
        while (s2 < p.end && !IsWordByte(text[s2])) ++s2;
        if (s2 < p.end) start = s2;
        break;
      }
      // A value whose format alone is enough (score >= min_score).
      const bool strong = rule.score >= rule.min_score;
      auto is_negative = [&rule](uint32_t word) {
        return std::find(rule.negative_words.begin(), rule.negative_words.end(), word) !=
               rule.negative_words.end();
      };
      for (const auto& hit : s.rule_hits) {
        const uint32_t hit_start = hit.start;
        bool before = hit.end <= start && hit.end + rule.before >= start;
        bool after = hit_start >= p.end && hit_start <= p.end + rule.after;
        if (!before && !after) continue;
        uint32_t gap_lo = before ? hit.end : p.end;
        uint32_t gap_hi = before ? start : hit_start;
        if (blocked(p, gap_lo, gap_hi)) continue;
        // A cue with a value of the entity on its other side, nearer than
        // this one, speaks for that value: in "appt=2025-11-13
        // date_of_birth=1980-02-01" the cue belongs to the second date.
        if (owned_elsewhere(p, hit.word, hit_start, hit.end, gap_hi - gap_lo, before)) continue;
        const uint32_t dist = gap_hi - gap_lo;
        if (std::find(rule.words.begin(), rule.words.end(), hit.word) != rule.words.end()) {
          // "order number is 4155550132": a negative word that opens the
          // phrase ("order") turns the cue ("number is") into its own.
          bool cancelled = false;
          const std::string& cue = impl.hotwords[hit.word].text;
          for (const auto& h2 : s.rule_hits) {
            if (cue.compare(0, 6, "number") != 0) break;
            // (Or one whose phrase runs into it: "group number" in "group
            // number is".)
            if (h2.start < hit_start && h2.end + 2 >= hit_start && is_negative(h2.word)) {
              cancelled = true;
              break;
            }
          }
          // "reference number for this call is ...": "call" as a noun after
          // an article says nothing of the number.
          if (!cancelled && cue == "call") {
            uint32_t we = hit_start;
            while (we > 0 && text[we - 1] == ' ') --we;
            uint32_t wb = we;
            while (wb > 0 && IsAlphaByte(text[wb - 1])) --wb;
            const std::string article = LowerAscii(text.substr(wb, we - wb));
            cancelled = we < hit_start &&
                        (article == "this" || article == "the" || article == "that" || article == "a");
          }
          if (!cancelled) {
            positive = true;
            pos_before = pos_before || before;
            pos_dist = std::min(pos_dist, dist);
          }
        }
        // A negative word labels only the number it is attached to: in
        // "order #4895354966; updated 266-15-0010" the order number, not the
        // SSN after it; one after the value with a number of its own ("the
        // invoice number is 567825561") labels that one. A value whose
        // format alone is enough is labelled only by a word right before it
        // ("order 123-45-6789"), never by one that merely sits nearby ("my
        // number is 123-45-6789 in case you need it").
        // (Nor one the value is sent to: "text the tracking to <phone>",
        // "fax the invoice to <number>".)
        const bool sent_to = before && text.substr(gap_lo, gap_hi - gap_lo) == " to ";
        // ("in case" is no case: "330 555 0190, in case it doesn't show up".)
        const bool in_case = hit_start >= 3 && impl.hotwords[hit.word].text == "case" &&
                             LowerAscii(text.substr(hit_start - 3, 3)) == "in ";
        if (is_negative(hit.word) && !HasNumber(text, gap_lo, gap_hi) && !sent_to && !in_case) {
          bool applies = strong ? before && AttachedNegative(text, hit.end, start)
                                : before || !HasNumber(text, hit.end, hit.end + 32);
          if (applies) {
            negative = true;
            neg_before = neg_before || before;
            if (before) neg_before_dist = std::min(neg_before_dist, dist);
            neg_dist = std::min(neg_dist, dist);
          }
        }
      }
      // A conversation that asked for this entity speaks for the value, as a
      // cue a little way off would (an attached negative word still wins:
      // "my order number is ...").
      // A negative word of the value's own ("I have a confirmation number
      // from last time, ...") outweighs a question asked turns ago, as does
      // a word before it in its turn that names it as something else.
      const bool cued_by_words = positive;
      if (!s.expect.empty() && rule.conversation && rule.entity < 64 && !positive &&
          !negative) {
        uint32_t at = s.confirming_view ? s.confirming_view->OriginalBegin(p.start) : p.start;
        const uint32_t at_end = s.confirming_view ? s.confirming_view->OriginalEnd(p.end) : p.end;
        const std::string_view value = text.substr(start, p.end - start);
        std::string before_words;
        bool have_before = false;
        auto words_before = [&]() -> const std::string& {
          if (!have_before) before_words = TurnWordsBefore(text, start);
          have_before = true;
          return before_words;
        };
        for (const auto& e : s.expect) {
          if (at >= e.begin && at < e.end && ((e.entities >> rule.entity) & 1) &&
              (!e.within || at_end <= e.end) &&
              (!echo_only || !e.echo) &&
              ExpectedValueFits(text, start, p.end, rule.entity == s.dob_entity) &&
              // ("The confirmation they gave me was 88302.", "the rx number
              // is ...": named as what no PHI is.)
              !NamedOtherwise(words_before()) &&
              (e.echo ? EchoOf(value, e.answered, e.tail) && !NamesAReading(words_before())
                      : e.answered.empty() || !((s.digit_entities >> rule.entity) & 1) ||
                            ReadsBack(value, e.answered) ||
                            (((s.date_entities >> rule.entity) & 1) && !BareYear(value) &&
                             DatedInFull(value)))) {
            positive = true;
            pos_dist = std::min<uint32_t>(pos_dist, kExpectedDistance);
            echo_only = e.echo;
            if (!e.echo) break;
          }
        }
      }
      // A value whose format alone is enough: positive context wins ("SSN
      // for order 123-45-6789" stays redacted). A value that needs context
      // (a bare digit run): the nearer word decides ("callback scheduled;
      // order 6239054489" is an order number).
      // A cue before the value outweighs a negative word only after it
      // ("SSN: 260163856 order"): the key names the value it introduces.
      if (positive &&
          (strong || !negative || pos_dist <= neg_dist ||
           (pos_before && (!neg_before || pos_dist <= neg_before_dist)))) {
        // (A hair less when only the conversation speaks for it: a value
        // named by its own words outranks one of another kind the turn
        // expects, "Prescriber NPI <digits>" after an offer of any id.)
        // (Kept with a score under any other when only digits read back
        // speak for it: a value of the kind a question asked for, or of a
        // kind its format says, outranks one of any kind.)
        if (!echo_only) {
          score = std::min(1.0f, score + rule.boost - (cued_by_words ? 0.0f : 0.01f));
        } else if (score < rule.min_score) {
          score = ((s.format_entities >> rule.entity) & 1) ? kEchoFormatScore : kEchoScore;
        }
      } else if (negative) {
        score = std::max(0.0f, score - rule.penalty);
      }
    }
    if (score < rule.min_score && !(echo_only && EchoScore(score))) continue;
    Span kept = p;
    kept.start = start;
    kept.score = score;
    s.confirmed.push_back(kept);
  }

  if (!s.dict_words.empty()) MatchDictionaryEntries(text, impl, &s);
  RunDetectors(text, &s);

  spans->assign(s.confirmed.begin(), s.confirmed.end());
  ResolveOverlaps(spans);
  AddCompanionIds(text, s.previous_turns, impl, s.person_entity, &s.zip_spans, spans);
  if (s.email_entity >= 0) {
    ExtendSplitEmails(text, s.email_entity, spans);
    ExtendEmailNotes(text, s.email_entity, spans);
  }
  return Status::Ok();
}

Status Scanner::Redact(std::string_view text, std::string* out,
                       std::vector<Span>* spans) {
  Status st = Scan(text, spans);
  if (!st.ok()) return st;
  RenderSpans(text, *spans, out);
  return Status::Ok();
}

Status Scanner::RedactCandidates(std::string_view record,
                                 std::vector<Candidate>* candidates,
                                 std::string* out, std::vector<Span>* spans) {
  Status st = Confirm(record, candidates, spans);
  if (st.ok() && NeedsViews(record)) st = AddViewSpans(record, spans);
  if (!st.ok()) {
    spans->clear();
    return st;
  }
  RenderSpans(record, *spans, out);
  return Status::Ok();
}

uint64_t Scanner::AskedEntities(std::string_view turns) {
  State& s = *state_;
  AskHits(turns, 0);
  uint64_t mask = 0;
  for (const auto& a : s.asks) mask |= a.second;
  return mask;
}

void Scanner::AskHits(std::string_view turns, uint32_t from) {
  State& s = *state_;
  s.asks.clear();
  const auto& impl = ruleset_->impl();
  // The last few KiB are plenty for two turns.
  uint32_t lo = std::max<uint32_t>(
      from, turns.size() > 4096 ? static_cast<uint32_t>(turns.size() - 4096) : 0);
  uint32_t hi = static_cast<uint32_t>(turns.size());
  if (lo >= hi) return;
  internal::ExpandToWords(turns, &lo, &hi);
  s.tokens.clear();
  internal::TokenizeContext(turns, lo, hi, &s.tokens);
  s.hits.clear();
  impl.lexicon.Match(s.tokens, &s.hits);
  for (const auto& h : s.hits) {
    // A speaker label ("Caller:", "[patient]", "Member:") names a role; it
    // asks for nothing.
    size_t after = h.end;
    while (after < turns.size() && turns[after] == ' ') ++after;
    bool label_end = after < turns.size() && (turns[after] == ':' || turns[after] == ']');
    size_t line = h.start;
    while (line > 0 && turns[line - 1] != '\n') --line;
    bool line_start = true;
    for (size_t k = line; k < h.start && line_start; ++k) {
      char c = turns[k];
      line_start = c == ' ' || c == '[' || c == ']' || c == ':' || c == '\t' ||
                   (c >= '0' && c <= '9');
    }
    if (label_end && line_start) continue;
    // A cue after a value in its own turn describes that value ("It's J Q
    // S W ..., that's the ID on the card."): it asks for nothing new.
    // (A question after the value, in a sentence of its own, asks:
    // "nineteen fifty-one. Okay. And the last four of your social?".)
    size_t sentence = line;
    size_t q = h.end;
    while (q < turns.size() && !SentenceEnd(turns, q)) ++q;
    if (q < turns.size() && turns[q] == '?') {
      sentence = h.start;
      while (sentence > line && !SentenceEnd(turns, sentence - 1)) --sentence;
    }
    // (Unless the cue is asked for in so many words, whatever came before
    // it: "Because the stipends for protocol RG-2289 go over $600, we need
    // your Social Security number".)
    auto requested = [&] {
      const size_t w = h.start >= 16 ? h.start - 16 : 0;
      const std::string near = LowerAscii(turns.substr(w, h.start - w));
      for (std::string_view r : {"need your ", "get your ", "have your ", "verify your ",
                                 "give me your ", "provide your "}) {
        if (near.size() >= r.size() && near.compare(near.size() - r.size(), r.size(), r) == 0) return true;
      }
      return false;
    };
    if (h.start - sentence > 8 && !requested()) {
      std::string_view said = turns.substr(sentence, h.start - sentence);
      if (internal::HasSpokenSeed(said) && internal::SpokenView(said, &s.answer_view)) {
        said = s.answer_view.text;
      }
      AnswerDigits(said, &s.answer_digits);
      if (s.answer_digits.size() >= 4) continue;
    }
    // A cue that only says where a number named as none is ("what's the
    // group number on the card?", "the claim number on your insurance"):
    // it asks for nothing of its own.
    if (h.start > line) {
      const size_t w = std::max(line, h.start >= 20 ? h.start - 20 : size_t{0});
      if (NamedOtherwise(LowerAscii(turns.substr(w, h.end - w)))) continue;
    }
    // A word that only speaks for a value, in a statement before a question
    // for something in so many words, says what the statement is about; the
    // question asks ("... and bring your work status form. What's the claim
    // number?"). (What a rule asks for in so many words still asks: "I need
    // your callback number. Go ahead?"; and a question for nothing in
    // particular leaves the statement its say: "This is Ashley. What can I
    // do for you?")
    bool question_after = false;
    if (q < turns.size() && turns[q] == '.') {
      // (The next sentence, in the same turn.)
      size_t q2 = q + 1;
      while (q2 < turns.size() && !SentenceEnd(turns, q2) && turns[q2] != ':' && turns[q2] != ']') ++q2;
      if (q2 < turns.size() && turns[q2] == '?') {
        question_after = NamedOtherwise(LowerAscii(turns.substr(q + 1, q2 - q)));
        // (The hits come in order: the question's are after this one.)
        for (auto h2 = s.hits.begin() + (&h - s.hits.data()) + 1; h2 != s.hits.end(); ++h2) {
          if (question_after || h2->start > q2) break;
          question_after = h2->start > q && impl.requested_entities[h2->word] != 0;
        }
      }
    }
    uint64_t m = question_after ? impl.requested_entities[h.word] : impl.asked_entities[h.word];
    if (m != 0) s.asks.emplace_back(static_cast<uint32_t>(h.end), m);
  }
  std::sort(s.asks.begin(), s.asks.end());
}

bool Scanner::FindAnswer(std::string_view text, size_t* end) {
  State& s = *state_;
  size_t start = 0;
  std::string head;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !SentenceEnd(text, i)) continue;
    std::string_view sentence = text.substr(start, std::min(i + 1, text.size()) - start);
    start = i + 1;
    std::string_view src = sentence;
    if (ruleset_->impl().spoken && internal::HasSpokenSeed(sentence) &&
        internal::SpokenView(sentence, &s.answer_view)) {
      src = s.answer_view.text;
    }
    AnswerDigits(src, &s.answer_digits);
    // An answer begun in a part of two or three digits goes on in the next
    // sentence with digits ("Eight seven nine." / "Okay, and?" / "Oh one
    // twenty three."): its digits are the parts'.
    if (!s.answer_digits.empty() && (s.answer_digits.size() >= 2 || !head.empty())) {
      head += s.answer_digits;
      s.answer_digits = head;
    }
    if (s.answer_digits.size() >= 4) {
      *end = std::min(i + 1, text.size());
      // The sentences after it in its turn that go on with digits ("eight
      // six zero. double five five. zero one fifty one.").
      std::string more;
      const bool line_end = i >= text.size() || text[i] == '\n';
      for (size_t j = i + 1; !line_end && j <= text.size(); ++j) {
        if (j < text.size() && !SentenceEnd(text, j)) continue;
        std::string_view next = text.substr(start, std::min(j + 1, text.size()) - start);
        if (!OnlyValueWords(next)) break;
        if (ruleset_->impl().spoken && internal::HasSpokenSeed(next) &&
            internal::SpokenView(next, &s.answer_view)) {
          next = s.answer_view.text;
        }
        AnswerDigits(next, &more);
        if (more.size() < 2) break;
        s.answer_digits += more;
        *end = std::min(j + 1, text.size());
        start = j + 1;
        if (j >= text.size() || text[j] == '\n') break;
      }
      // (Read-backs compare against at most 64 digits: bounded work per value.)
      if (s.answer_digits.size() > 64) s.answer_digits.resize(64);
      return true;
    }
  }
  return false;
}

// Whether the answer's turn, ending at or right before `at`, takes the
// answer back after it ("one one two nine ... four... no sorry that's my
// husband's"): the question is still open, and the value said next answers
// it. (Never a correction that goes on to the value: "no sorry, it's ...".)
bool Retracted(std::string_view text, uint32_t at) {
  if (at == 0 || at > text.size()) return false;
  size_t le = at;
  while (le > 0 && (text[le - 1] == '\n' || text[le - 1] == ' ')) --le;
  const size_t nl = le > 0 ? text.rfind('\n', le - 1) : std::string_view::npos;
  const size_t lb = nl == std::string_view::npos ? 0 : nl + 1;
  const size_t from = le - lb > 80 ? le - 80 : lb;
  const std::string rest = LowerAscii(text.substr(from, le - from));
  for (std::string_view r : {"no sorry", "no, sorry", "no wait", "no, wait", "that's my husband",
                             "that's my wife", "that's my son", "that's my daughter",
                             "that's my mom", "that's my dad", "wrong one", "wrong number",
                             "not that one", "that's the old"}) {
    const size_t p = rest.find(r);
    if (p == std::string::npos) continue;
    const std::string_view after = std::string_view(rest).substr(p + r.size());
    if (std::none_of(after.begin(), after.end(), IsDigitByte) && !internal::HasSpokenSeed(after)) {
      return true;
    }
  }
  return false;
}

void Scanner::ExpectAnswer(std::string_view text, uint32_t begin, uint32_t end,
                           uint64_t entities) {
  State& s = *state_;
  size_t cut = 0;
  if ((entities & s.digit_entities) != 0 && FindAnswer(text.substr(begin, end - begin), &cut) &&
      begin + cut < end && !Retracted(text, begin + static_cast<uint32_t>(cut))) {
    const uint32_t at = begin + static_cast<uint32_t>(cut);
    s.expect.push_back({begin, at, entities, std::string()});
    s.expect.push_back({at, end, entities & s.digit_entities, s.answer_digits});
    if ((entities & ~s.digit_entities) != 0) {
      s.expect.push_back({at, end, entities & ~s.digit_entities, std::string()});
    }
    return;
  }
  s.expect.push_back({begin, end, entities, std::string()});
}

void Scanner::ExpectAfter(std::string_view asked_in, uint32_t from, std::string_view text,
                          uint32_t begin, uint32_t end) {
  State& s = *state_;
  AskHits(asked_in, from);
  // Entities by their latest question; answered after it already (in
  // `asked_in`), only read-backs count in [begin, end).
  std::vector<std::pair<uint32_t, uint64_t>> asks;
  asks.swap(s.asks);
  uint64_t pending = 0;
  for (const auto& a : asks) pending |= a.second;
  for (auto it = asks.rbegin(); it != asks.rend() && pending != 0; ++it) {
    uint64_t m = it->second & pending;
    if (m == 0) continue;
    pending &= ~m;
    uint64_t digits = m & s.digit_entities;
    uint64_t places = m & s.place_entities;
    const uint64_t rest = m & ~(digits | places);
    // Asked again on a line after the answer ("Sorry, one more time?", "Can
    // you repeat that?", or its question again): the next answer is a new
    // one. Returns where that line ends, npos when none asks again.
    // (A question that reads a value back, "I have eight seven one oh
    // nine?", asks for no new one; nor does one about something else, "And
    // your appointment is at 2:30?".)
    auto asked_again = [&](size_t answer_end) -> size_t {
      // (The answer may end with its line's break.)
      size_t nl = asked_in.find('\n', answer_end > 0 ? answer_end - 1 : 0);
      for (size_t q = nl == std::string_view::npos ? nl : asked_in.find('?', nl);
           q != std::string_view::npos; q = asked_in.find('?', q + 1)) {
        size_t lb = asked_in.rfind('\n', q) + 1;
        size_t le = asked_in.find('\n', q);
        std::string_view line = asked_in.substr(lb, le == std::string_view::npos ? le : le - lb);
        std::string_view said = line;
        if (internal::HasSpokenSeed(line) && internal::SpokenView(line, &s.answer_view)) {
          said = s.answer_view.text;
        }
        std::string got;
        AnswerDigits(said, &got);
        if (got.size() >= 3) continue;
        const std::string lower = LowerAscii(line);
        static constexpr std::string_view kAgain[] = {
            "again", "repeat", "one more time", "come again", "didn't catch", "did not catch",
            "missed that", "say that", "sorry?", "pardon", "cut out", "what was that", "slower"};
        bool again = std::any_of(std::begin(kAgain), std::end(kAgain), [&](std::string_view w) {
          return lower.find(w) != std::string::npos;
        });
        if (!again) {
          std::vector<std::pair<uint32_t, uint64_t>> keep;
          keep.swap(s.asks);
          again = (AskedEntities(line) & m) != 0;
          s.asks.swap(keep);
        }
        if (again) return le == std::string_view::npos ? asked_in.size() : le + 1;
      }
      return std::string_view::npos;
    };
    // The last answer: after each asking again, the next one.
    size_t cut = 0;
    for (size_t pos = it->first; digits != 0 && pos < asked_in.size() &&
                                 FindAnswer(asked_in.substr(pos), &cut);) {
      std::string answer = s.answer_digits;  // (asked_again looks at other lines)
      // (An answer taken back in its turn leaves the question open: "...
      // no sorry that's my husband's".)
      size_t again = std::string_view::npos;
      if (Retracted(asked_in, static_cast<uint32_t>(pos + cut))) {
        const size_t le = asked_in.find('\n', pos + cut);
        again = le == std::string_view::npos ? asked_in.size() : le + 1;
      } else {
        again = asked_again(pos + cut);
      }
      if (again == std::string_view::npos) {
        s.expect.push_back({begin, end, digits, std::move(answer)});
        digits = 0;
        break;
      }
      pos = again;
    }
    // A city asked for and named in the line after the question: the lines
    // after that expect none ("Which city?" "Plano." ... "the eligibility
    // check").
    if (places != 0) {
      size_t nl = asked_in.find('\n', it->first);
      if (nl != std::string_view::npos && nl + 1 < asked_in.size()) {
        size_t le = asked_in.find('\n', nl + 1);
        if (le == std::string_view::npos) le = asked_in.size();
        std::string_view line = asked_in.substr(nl + 1, le - nl - 1);
        if (internal::NamesACity(line) && asked_again(le + 1) == std::string_view::npos) {
          std::string answer;
          for (char c : line) {
            answer.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
          }
          s.expect.push_back({begin, end, places, std::move(answer)});
          places = 0;
        }
      }
    }
    if ((digits | places | rest) != 0) ExpectAnswer(text, begin, end, digits | places | rest);
  }
  asks.swap(s.asks);
}

void Scanner::ExpectAround(std::string_view before, uint32_t begin, uint32_t end,
                           std::string_view text) {
  State& s = *state_;
  size_t three = AskWindow(before, false);
  // A question right before that names its number as none ("Do you have
  // the prescription number?") is the one answered: the questions before it
  // ("In case we get disconnected, your number?") expect nothing more.
  {
    std::string_view b = before;
    while (!b.empty() && (b.back() == '\n' || b.back() == ' ')) b.remove_suffix(1);
    const size_t nl = b.rfind('\n');
    const size_t lb = nl == std::string_view::npos ? 0 : nl + 1;
    const std::string_view last = b.substr(lb);
    if (lb > three && !last.empty() && last.back() == '?' && NamedOtherwise(LowerAscii(last))) {
      three = lb;
    }
  }
  const size_t first = s.expect.size();
  if (three < before.size()) ExpectAfter(before.substr(three), 0, text, begin, end);
  // Questions of the turns before those (up to eight turns in all), after
  // short turns: digits only (a spelling asked for five turns ago expects
  // no name now), and none the last three asked again.
  // (Only for a turn that reads a value back: "Just to confirm, ...?",
  // "So that's ...", "Okay, I have ..., is that right?")
  const std::string line = LowerAscii(text.substr(begin, end - begin));
  bool reads_back = false;
  // (Or corrects one: "Not quite, it's 8779.", "No wait, ...", "Other way
  // around. ...", "Sorry about that. ...".)
  for (std::string_view m : {"confirm", "read that back", "read it back", "i have", "that's",
                             "got it", "correct", "is that right", "right?", "not quite",
                             "no wait", "no, it's", "no it's", "no no", "no, no", "other way around",
                             "sorry about that", "i'm showing", "showing"}) {
    reads_back = reads_back || line.find(m) != std::string::npos;
  }
  // A value asked back ("Okay, 04102?", "Got it, six one seven...?"): a
  // read-back too.
  if (!reads_back) {
    const size_t q = line.find_last_not_of(" \t\r.");
    reads_back = q != std::string::npos && line[q] == '?' &&
                 (std::count_if(line.begin(), line.end(), IsDigitByte) >= 4 ||
                  internal::HasSpokenSeed(line));
  }
  const size_t five = reads_back ? AskWindow(before, true) : three;
  if (five < three) {
    uint64_t near = 0;
    for (size_t k = first; k < s.expect.size(); ++k) near |= s.expect[k].entities;
    const size_t older = s.expect.size();
    ExpectAfter(before.substr(five), 0, text, begin, end);
    size_t kept = older;
    for (size_t k = older; k < s.expect.size(); ++k) {
      s.expect[k].entities &= s.digit_entities & ~near;
      // (Never moved onto itself: that would empty its answer.)
      if (s.expect[k].entities == 0) continue;
      if (kept != k) s.expect[kept] = std::move(s.expect[k]);
      ++kept;
    }
    s.expect.resize(kept);
  }
  // Digits the turns just before said, said again, asked for or not ("Oh,
  // and 87145, in case you need it." / "Okay so I have 87145, is that
  // right?"; "... could you repeat that a little slower?" / "sure, ..."): a
  // number worth saying twice is PHI said again (never one those turns
  // named as none, "your confirmation number is ...", nor a date: an
  // appointment is confirmed so too).
  const std::string_view said_now = text.substr(begin, end - begin);
  // (Each line is read once, not once for each turn after it.)
  auto line_digits = [&s](std::string_view line) -> const std::string& {
    for (const auto& d : s.said_digits) {
      if (d.line == line) return d.digits;
    }
    constexpr size_t kLines = 8;
    if (s.said_digits.size() >= kLines) s.said_digits.erase(s.said_digits.begin());
    State::SaidDigits d;
    d.line.assign(line);
    if (!NamedOtherwise(LowerAscii(line))) {
      std::string_view said = line;
      if (internal::HasSpokenSeed(line) && internal::SpokenView(line, &s.answer_view)) {
        said = s.answer_view.text;
      }
      AnswerDigits(said, &d.digits);
    }
    s.said_digits.push_back(std::move(d));
    return s.said_digits.back().digits;
  };
  const std::string said_lower = LowerAscii(said_now);
  const bool tail = said_lower.find("ending in") != std::string::npos ||
                    said_lower.find("ends in") != std::string::npos ||
                    said_lower.find("last four") != std::string::npos;
  if (std::count_if(said_now.begin(), said_now.end(), IsDigitByte) >= (tail ? 4 : 5) ||
      internal::HasSpokenSeed(said_now)) {
    size_t le = before.size();
    for (int lines = 0; lines < 3 && le > 0; ++lines) {
      const size_t nl = before.rfind('\n', le - 1);
      const size_t lb = nl == std::string_view::npos ? 0 : nl + 1;
      const std::string_view said_line = before.substr(lb, le - lb);
      le = lb > 0 ? lb - 1 : 0;
      if (said_line.size() > 400) continue;
      const std::string& digits = line_digits(said_line);
      if (digits.size() >= 5) {
        s.expect.push_back({begin, end, s.digit_entities & ~s.date_entities, digits, true});
        s.expect.back().tail = tail;
      }
    }
  }
}

// A name said again in a conversation ("My son Mateo ..." / "Does Mateo have
// dental insurance?", "Thank you, Okafor.", "we look forward to meeting
// ella"): a word of a person's name found in it (three letters or more, no
// everyday English word, no title) is that name wherever else it is said --
// capitalised, or in lower case where the name was said so (speech-to-text
// in lower case). `rule`: the names detector's rule.
void AddNamesSaidAgain(std::string_view text, int person_entity, int rule, float score,
                       std::vector<Span>* spans) {
  if (person_entity < 0 || rule < 0) return;
  struct Known {
    std::string folded;
    bool lower;  // said in lower case
  };
  std::vector<Known> known;
  const auto& gazetteer = internal::NameGazetteer::Builtin();
  std::string folded;
  bool first_upper = false, all_upper = false;
  static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "miss", "dr", "doctor",
                                                 "nurse", "mister", "sir", "madam"};
  for (const Span& sp : *spans) {
    if (static_cast<int>(sp.entity) != person_entity) continue;
    for (uint32_t k = sp.start; k < sp.end;) {
      if (!IsAlphaByte(text[k])) {
        ++k;
        continue;
      }
      uint32_t e = k;
      while (e < sp.end && (IsAlphaByte(text[e]) || text[e] == '\'' || text[e] == '-')) ++e;
      const std::string_view w = text.substr(k, e - k);
      k = e;
      if (w.size() < 3) continue;
      internal::FoldWord(w, &folded, &first_upper, &all_upper);
      if (std::find(std::begin(kTitles), std::end(kTitles), folded) != std::end(kTitles)) continue;
      if ((gazetteer.Flags(folded) & (internal::kCommonWord | internal::kNotName)) != 0) continue;
      const bool lower = !first_upper && !all_upper;
      auto it = std::find_if(known.begin(), known.end(), [&](const Known& x) { return x.folded == folded; });
      if (it == known.end()) {
        known.push_back({folded, lower});
      } else {
        it->lower = it->lower || lower;
      }
    }
  }
  if (known.empty()) return;
  const size_t before = spans->size();
  size_t next = 0;  // the first span that may hold the word (spans sorted)
  for (size_t k = 0; k < text.size();) {
    if (!IsAlphaByte(text[k]) || (k > 0 && IsWordByte(static_cast<unsigned char>(text[k - 1])))) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < text.size() && (IsAlphaByte(text[e]) || text[e] == '\'' || text[e] == '-')) ++e;
    const size_t b = k;
    k = e;
    if (e - b < 3 || (e < text.size() && IsDigitByte(text[e]))) continue;
    // (A possessive ends the name: "Mateo's".)
    size_t we = e;
    if (we >= b + 2 && text[we - 2] == '\'' && (text[we - 1] == 's' || text[we - 1] == 'S')) we -= 2;
    internal::FoldWord(text.substr(b, we - b), &folded, &first_upper, &all_upper);
    auto it = std::find_if(known.begin(), known.end(), [&](const Known& x) { return x.folded == folded; });
    if (it == known.end() || (!first_upper && !all_upper && !it->lower)) continue;
    // (A speaker label stays: "Brett: ...".)
    if (we < text.size() && text[we] == ':') continue;
    while (next < before && (*spans)[next].end <= b) ++next;
    if (next < before && (*spans)[next].start < we) continue;
    spans->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(we), static_cast<uint16_t>(rule),
                      static_cast<uint16_t>(person_entity), score});
  }
  if (spans->size() > before) ResolveOverlaps(spans);
}

// The digits of a line that names the number it says as no PHI ("[00:02:40]
// Rep: Sure, your call reference number is eight eight five nine ...":
// NamesNumberOtherwise on what its body says before its first digit), six or
// more; false for any other line.
bool NamedNumberDigits(std::string_view line, internal::View* scratch, std::string* digits) {
  const size_t body = TurnBodyStart(line);
  std::string_view said = line;
  size_t first_digit = std::string_view::npos;  // in `line`
  if (internal::HasSpokenSeed(line) && internal::SpokenView(line, scratch)) {
    said = scratch->text;
    for (size_t d = said.find_first_of("0123456789"); d != std::string_view::npos;
         d = said.find_first_of("0123456789", d + 1)) {
      const size_t o = scratch->OriginalBegin(static_cast<uint32_t>(d));
      if (o >= body) {
        first_digit = o;
        break;
      }
    }
  } else {
    first_digit = line.find_first_of("0123456789", body);
  }
  if (first_digit == std::string_view::npos || !NamesNumberOtherwise(line.substr(0, first_digit))) {
    return false;
  }
  AnswerDigits(said, digits);
  return digits->size() >= 6;
}

// A value said again that a turn before named as what no PHI is ("Sure,
// your call reference number is 8859007299." / "Thank you. That's eight
// eight five nine ..., and I spoke with Yolanda?"): its digits (six or
// more) are those of one of the eight lines before it that names a number
// so (NamedOtherwise) and says little else; such spans are dropped unless
// their own words call them PHI. `previous`: the turns before `text`.
void DropNamedRepeats(std::string_view previous, std::string_view text, uint64_t digit_entities,
                      uint64_t date_entities, internal::View* scratch, std::vector<Span>* spans) {
  auto digits_of = [&](std::string_view said, std::string* out) {
    if (internal::HasSpokenSeed(said) && internal::SpokenView(said, scratch)) said = scratch->text;
    AnswerDigits(said, out);
  };
  auto qualifies = [&](const Span& sp) {
    return sp.entity < 64 && ((digit_entities >> sp.entity) & 1) &&
           !((date_entities >> sp.entity) & 1) && sp.end - sp.start >= 6;
  };
  if (std::none_of(spans->begin(), spans->end(), qualifies)) return;
  struct NamedLine {
    int index;
    std::string digits;
  };
  std::vector<NamedLine> named;
  std::vector<size_t> starts;  // of the lines of `text`
  int index = 0;
  auto read_lines = [&](std::string_view t, bool here) {
    while (!t.empty() && t.back() == '\n') t.remove_suffix(1);
    for (size_t lb = 0; lb <= t.size();) {
      size_t le = t.find('\n', lb);
      if (le == std::string_view::npos) le = t.size();
      const std::string_view line = t.substr(lb, le - lb);
      if (here) starts.push_back(lb);
      NamedLine n{index, {}};
      if (line.size() <= 400 && NamedOtherwise(LowerAscii(line)) &&
          NamedNumberDigits(line, scratch, &n.digits)) {
        named.push_back(std::move(n));
      }
      ++index;
      if (le == t.size()) break;
      lb = le + 1;
    }
  };
  read_lines(previous, false);
  const int first = index;
  read_lines(text, true);
  if (named.empty()) return;
  static constexpr std::string_view kOwnCues[] = {"phone", "cell", "social", "ssn", "birth",
                                                  "mrn", "record", "member", "card"};
  std::string digits;
  size_t kept = 0;
  for (size_t i = 0; i < spans->size(); ++i) {
    const Span& sp = (*spans)[i];
    bool drop = false;
    if (qualifies(sp)) {
      const int line = first + static_cast<int>(std::upper_bound(starts.begin(), starts.end(),
                                                                 size_t{sp.start}) -
                                                starts.begin()) - 1;
      digits_of(text.substr(sp.start, sp.end - sp.start), &digits);
      for (const NamedLine& n : named) {
        if (digits.size() < 6 || n.index >= line || n.index < line - 8) continue;
        if (n.digits.size() <= digits.size() + 4 && n.digits.find(digits) != std::string::npos) {
          drop = true;
          break;
        }
      }
      if (drop) {
        const std::string before = TurnWordsBefore(text, sp.start);
        for (std::string_view w : kOwnCues) drop = drop && before.find(w) == std::string::npos;
      }
    }
    if (!drop) (*spans)[kept++] = sp;
  }
  spans->resize(kept);
}

Status Scanner::ScanTurn(std::string_view previous, std::string_view turn,
                         std::vector<Span>* spans) {
  State& s = *state_;
  s.expect.clear();
  // Questions count from the last three turns (up to eight after short ones,
  // AskWindow); the turns before them only hold parts of a value said over
  // several (AddSplitValues).
  ExpectAround(previous, 0, static_cast<uint32_t>(turn.size()), turn);
  AddSentenceExpectations(turn, 0);
  s.previous_turns = previous;
  Status st = Scan(turn, spans);
  s.previous_turns = {};
  s.expect.clear();
  if (st.ok()) {
    DropNamedRepeats(previous, turn, s.digit_entities, s.date_entities, &s.answer_view, spans);
  }
  return st;
}

// Whether a sentence (lower case) offers the value in it unasked: "oh,
// before I forget, <value>, you can write that down", "also <value> just so
// you have it", "<value>, in case you need it". `remarks`: or only remarks on
// a value given, which offer it when nothing was asked: "here, <value>, does
// that help?", "<value>. sorry, I'm just reading off my paper", "I have it
// right here, <value>", "<value>, I think that's what you need".
bool OffersValue(std::string_view sentence, bool remarks = false) {
  static constexpr std::string_view kOffers[] = {
      "you can write that down", "write that down", "in case you need it", "if you need it",
      "just so you have it",     "so you have it",  "before i forget",     "for your records",
      "jot that down",           "in case you need that", "if you need that",
      // (Against a dropped call, a caller ID that doesn't show, a namesake.)
      "in case it doesn't show", "in case we get",
      "in case the call",        "in case there's two",     "in case there are two",
      "in case theres two"};
  static constexpr std::string_view kRemarks[] = {
      "that's what you need", "that's what you'll need", "what's on the paper", "what it says on the",
      "reading off my",       "reading it off",          "have it right here",  "got it right here",
      "already gave that",    "does that help",          "if that helps",       "hope that helps"};
  auto in = [&](std::string_view o) { return sentence.find(o) != std::string_view::npos; };
  return std::any_of(std::begin(kOffers), std::end(kOffers), in) ||
         (remarks && std::any_of(std::begin(kRemarks), std::end(kRemarks), in));
}

// Whether a turn says a date with its year and nothing else but fillers
// ("And, um, six thirteen ninety four.", "Oh, and eight five eighty four,
// just in case."): three number words or more, a month's name or none, no
// other word (never "we have an opening April 14", "take two at nine").
constexpr std::string_view kMonthNames[] = {"january", "february", "march",     "april",
                                             "may",     "june",     "july",      "august",
                                             "september", "october", "november", "december"};

// An identity said unasked in one breath, as engines without punctuation
// write it: "yeah hi wanda mcallister the third of january fifty two i'm
// calling about my glasses", "hi yeah michael esposito march first eighty
// four my doctor ordered ...". A greeting, two or three words of a name, a
// month with numbers (a day and a year), then what the caller is calling
// about. The bytes of the date part go to *b, *e (line offsets).
bool DumpedDate(std::string_view line, size_t* b, size_t* e) {
  size_t words_at = 0;
  internal::SpeakerOf(line, &words_at);
  if (words_at > line.size()) return false;
  const std::string said = LowerAscii(line.substr(words_at));
  if (said.find_first_of(".?!0123456789") != std::string::npos) return false;
  std::vector<std::string_view> w;
  WordsOf(said, &w);
  static constexpr std::string_view kGreet[] = {"yeah", "hi", "hello", "hey", "yes", "um", "uh",
                                                "okay", "so", "good", "morning", "afternoon"};
  static constexpr std::string_view kNext[] = {"i'm", "im", "calling", "my", "i", "and", "um", "uh"};
  auto in = [](const auto& list, std::string_view x) {
    return std::find(std::begin(list), std::end(list), x) != std::end(list);
  };
  size_t k = 0;
  while (k < w.size() && in(kGreet, w[k])) ++k;
  if (k == 0) return false;
  const size_t name_b = k;
  while (k < w.size() && k < name_b + 3 && !in(kMonthNames, w[k]) && w[k] != "the" && !IsValueWord(w[k]) &&
         !in(kNext, w[k])) {
    ++k;
  }
  if (k - name_b < 2) return false;
  const size_t date_b = k;
  bool month = false;
  size_t numbers = 0;
  while (k < w.size() && !in(kNext, w[k])) {
    const std::string_view x = w[k++];
    if (in(kMonthNames, x)) {
      month = true;
    } else if ((IsValueWord(x) && x != "as" && x != "dash" && x != "in") ||
               (x.size() > 4 && (x.substr(x.size() - 2) == "th" || x.substr(x.size() - 2) == "st" ||
                                 x.substr(x.size() - 2) == "nd" || x.substr(x.size() - 2) == "rd"))) {
      ++numbers;  // (and "first", "third", "twentieth")
    } else if (x != "the" && x != "of") {
      return false;
    }
  }
  if (!month || numbers < 2 || numbers > 5 || k >= w.size() || k - date_b > 8) return false;
  *b = words_at + static_cast<size_t>(w[date_b].data() - said.data());
  *e = words_at + static_cast<size_t>(w[k - 1].data() + w[k - 1].size() - said.data());
  return true;
}

bool DateAloneInTurn(std::string_view line) {
  size_t words = 0;
  internal::SpeakerOf(line, &words);
  const std::string said = LowerAscii(line.substr(std::min(words, line.size())));
  static constexpr std::string_view kFillers[] = {
      "and", "also", "oh", "so", "just", "in", "case", "the", "of", "it's", "its", "that's",
      "that", "is", "okay", "ok", "yeah", "yes", "well", "hmm", "let", "me", "see", "sorry",
      "thousand", "nineteen", "hundred", "and"};
  // (Written digits: a date written by the engine, "6/13/94".)
  if (std::any_of(said.begin(), said.end(), IsDigitByte)) return false;
  std::vector<std::string_view> words_said;
  WordsOf(said, &words_said);
  size_t numbers = 0;
  for (const std::string_view w : words_said) {
    std::string_view stem = w;
    for (std::string_view suffix : {"th", "st", "nd", "rd"}) {
      if (stem.size() > 4 && stem.substr(stem.size() - 2) == suffix) stem.remove_suffix(2);
    }
    // (A year's "nineteen" or "thousand" is no number of its own: "nineteen
    // eighty four" alone is a year, no birth date.)
    if (w == "uh" || w == "um" ||
        std::find(std::begin(kFillers), std::end(kFillers), w) != std::end(kFillers) ||
        std::find(std::begin(kMonthNames), std::end(kMonthNames), w) != std::end(kMonthNames)) {
    } else if (IsValueWord(w) && w != "as" && w != "dash") {
      ++numbers;
    } else if (stem == "fir" || stem == "seco" || stem == "thi" || stem == "four" || stem == "fif" ||
               stem == "six" || stem == "seven" || stem == "eigh" || stem == "nin" || stem == "ten" ||
               stem == "eleven" || stem == "twelf" || stem == "thirteen" || stem == "fourteen" ||
               stem == "fifteen" || stem == "sixteen" || stem == "seventeen" || stem == "eighteen" ||
               stem == "nineteen" || stem == "twentie" || stem == "thirtie") {
      ++numbers;  // ordinals: "thirteenth", "twenty seventh", "first"
    } else {
      return false;
    }
  }
  return numbers >= 3 && numbers <= 8;
}

// Whether a sentence is only a date written with a year of the 1900s
// ("4 3 1970.", "6/1/1958", "Hey. Shirley Fontaine. 4 3 1970. Calling
// about ..."): a birth date told unasked.
bool OldDateAlone(std::string_view sentence) {
  size_t b = 0, e = sentence.size();
  while (b < e && (sentence[b] == ' ' || sentence[b] == '\n')) ++b;
  while (e > b && (sentence[e - 1] == ' ' || sentence[e - 1] == '.' || sentence[e - 1] == ',' ||
                   sentence[e - 1] == '\n')) {
    --e;
  }
  const std::string_view d = sentence.substr(b, e - b);
  // month, day, year: 1-2 digits, one separator, 1-2 digits, the same one, 19dd.
  size_t i = 0;
  auto group = [&](size_t lo, size_t hi) {
    size_t k = i;
    while (i < d.size() && IsDigitByte(d[i])) ++i;
    return i - k >= lo && i - k <= hi;
  };
  if (!group(1, 2) || i >= d.size()) return false;
  const char sep = d[i];
  if (sep != ' ' && sep != '/' && sep != '-') return false;
  ++i;
  if (!group(1, 2) || i >= d.size() || d[i] != sep) return false;
  ++i;
  const size_t y = i;
  if (!group(4, 4) || i != d.size()) return false;
  return d[y] == '1' && d[y + 1] == '9';
}

// Whether a turn offers a value unasked by its opening ("Oh, also, 55408,
// that's the other one.", "oh and w 478461190 okay", "Oh, and eight seven
// one oh two."): "oh and", "oh also", "and also" first, then nothing but
// the value (digits, number words, single letters) and fillers.
bool OfferedByOpening(std::string_view line) {
  size_t words = 0;
  internal::SpeakerOf(line, &words);
  const std::string said = LowerAscii(line.substr(std::min(words, line.size())));
  std::vector<std::string_view> w;
  WordsOf(said, &w);
  size_t at = 0;
  if (w.size() >= 2 && w[0] == "oh" && (w[1] == "and" || w[1] == "also")) {
    at = w[1] == "and" && w.size() >= 3 && w[2] == "also" ? 3 : 2;
  } else if (w.size() >= 2 && w[0] == "and" && w[1] == "also") {
    at = 2;
  } else {
    return false;
  }
  static constexpr std::string_view kRest[] = {"okay", "ok", "that's", "the", "other", "one",
                                               "just", "in", "case", "it's", "its", "um", "uh",
                                               "yeah", "so", "as"};
  // (Five characters of a value at least: "oh also 2024" is a year.)
  size_t value = static_cast<size_t>(std::count_if(said.begin(), said.end(), IsDigitByte));
  for (size_t k = at; k < w.size(); ++k) {
    if (IsValueWord(w[k])) {
      value += w[k] != "in" && w[k] != "as" && w[k] != "uh" && w[k] != "um" ? 1 : 0;
      continue;
    }
    if (w[k].size() == 1) continue;  // a letter
    if (std::find(std::begin(kRest), std::end(kRest), w[k]) == std::end(kRest)) return false;
  }
  return value >= 5;
}

// An identity said unasked, sentence by sentence, at the start of a turn
// ("Yeah hi. Tremaine Gonzalez. May tenth, nineteen fifty five. four eight
// zero five five five zero one eight five. I just moved ..."): a sentence
// that is a name alone (two or three capitalised words) and the sentences of
// values after it. NameAlone and ValuesAlone read one sentence (after its
// speaker label).
bool NameAlone(std::string_view sentence) {
  // (The surname first, after "it's": "Yeah, it's Thomas, Angela.")
  {
    const size_t its = sentence.rfind("it's ");
    const size_t comma = sentence.rfind(", ");
    if (its != std::string_view::npos && comma != std::string_view::npos && comma > its + 5) {
      std::string_view last_first = sentence.substr(its + 5);
      if (last_first.find(' ') == last_first.find(", ") + 1) {
        std::string joined(last_first);
        joined.erase(joined.find(", "), 1);  // "Thomas Angela."
        if (joined.find(", ") == std::string::npos) return NameAlone(joined);
      }
    }
  }
  // (After a greeting or a pause in the same sentence: "Hello, um... Dorothy
  // Kowalski.")
  for (std::string_view pause : {"...", ", "}) {
    const size_t p = sentence.rfind(pause);
    if (p != std::string_view::npos) sentence.remove_prefix(p + pause.size());
  }
  std::vector<std::string_view> words;
  size_t k = 0;
  while (k < sentence.size()) {
    while (k < sentence.size() && (sentence[k] == ' ' || sentence[k] == ',')) ++k;
    size_t e = k;
    while (e < sentence.size() && sentence[e] != ' ' && sentence[e] != ',' && sentence[e] != '.') ++e;
    if (e > k) words.push_back(sentence.substr(k, e - k));
    k = e;
    while (k < sentence.size() && sentence[k] == '.') ++k;
  }
  if (words.size() < 2 || words.size() > 3) return false;
  static constexpr std::string_view kNot[] = {"good", "thank", "thanks", "hi", "hello", "yes",
                                              "yeah", "okay", "hey", "morning", "afternoon",
                                              "evening", "you", "there", "sure"};
  for (std::string_view w : words) {
    if (w.size() < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
    for (size_t i = 1; i < w.size(); ++i) {
      if (!(IsAlphaByte(w[i]) || w[i] == '\'' || w[i] == '-')) return false;
    }
    const std::string lower = LowerAscii(w);
    if (std::find(std::begin(kNot), std::end(kNot), lower) != std::end(kNot)) return false;
  }
  return true;
}

bool ValuesAlone(std::string_view sentence) {
  static constexpr std::string_view kDateWords[] = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "first", "second", "third", "fifth", "eighth", "ninth",
      "twelfth", "the", "of", "and"};
  const std::string lower = LowerAscii(sentence);
  std::vector<std::string_view> words;
  WordsOf(lower, &words);
  size_t numbers = static_cast<size_t>(std::count_if(lower.begin(), lower.end(), IsDigitByte));
  for (std::string_view w : words) {
    if (IsValueWord(w)) {
      numbers += w != "uh" && w != "um" && w != "as" && w != "in" && w != "dash" ? 1 : 0;
      continue;
    }
    if (std::find(std::begin(kDateWords), std::end(kDateWords), w) != std::end(kDateWords)) {
      // (A day said as an ordinal or a month counts as a number: "October
      // twenty second, thirty eight.", "fifth of October sixty three.")
      numbers += w != "the" && w != "of" && w != "and" ? 1 : 0;
      continue;
    }
    // ("tenth", "twenty first", "seventeenth")
    if (w.size() > 4 && w.substr(w.size() - 2) == "th") {
      ++numbers;
      continue;
    }
    // (A written ordinal's suffix, "June 6th, 1940.": its digits count.)
    if (w.data() > lower.data() && IsDigitByte(w.data()[-1]) &&
        (w == "th" || w == "st" || w == "nd" || w == "rd")) {
      continue;
    }
    return false;
  }
  for (char c : lower) {
    if (!(IsAlphaByte(c) || IsDigitByte(c) || c == ' ' || c == ',' || c == '.' || c == '/' ||
          c == '-' || c == '\'')) {
      return false;
    }
  }
  // (Three words with tens among them say four digits: "Sixty seventy one.")
  static constexpr std::string_view kTens[] = {"twenty", "thirty", "forty", "fifty",
                                               "sixty", "seventy", "eighty", "ninety"};
  const bool tens = std::any_of(words.begin(), words.end(), [](std::string_view w) {
    return std::find(std::begin(kTens), std::end(kTens), w) != std::end(kTens);
  });
  return numbers >= 4 || (numbers == 3 && tens && words.size() == 3);
}

void Scanner::AddSentenceExpectations(std::string_view line, uint32_t base) {
  State& s = *state_;
  auto expect = [&](size_t b, size_t e, uint64_t entities) {
    s.expect.push_back({base + static_cast<uint32_t>(b), base + static_cast<uint32_t>(e), entities,
                        std::string()});
  };
  const uint64_t dob = s.dob_entity >= 0 && s.dob_entity < 64 ? uint64_t{1} << s.dob_entity : 0;
  const uint64_t zip = s.zip_entity >= 0 && s.zip_entity < 64 ? uint64_t{1} << s.zip_entity : 0;
  // Whether a question for a value of one of `entities` is open at line byte
  // `b` ("What's the zip code?" / "it's three eighteen eighty eight");
  // `or_read_back`: or a read-back of one answered is expected.
  auto open = [&](size_t b, bool or_read_back, uint64_t entities) {
    const uint32_t at = base + static_cast<uint32_t>(b);
    return std::any_of(s.expect.begin(), s.expect.end(), [&](const auto& x) {
      return x.begin <= at && at < x.end && (x.entities & entities) != 0 &&
             (or_read_back || x.answered.empty());
    });
  };
  // Per turn: a value offered by its opening ("Oh, also, ..."); a birth date
  // said alone in it, unasked.
  for (size_t lb = 0; (s.offered_entities != 0 || dob != 0) && lb < line.size();) {
    size_t le = line.find('\n', lb);
    if (le == std::string_view::npos) le = line.size();
    const std::string_view turn = line.substr(lb, le - lb);
    const bool asked = open(lb, false, s.digit_entities);
    if (s.offered_entities != 0 && turn.size() <= 200 && OfferedByOpening(turn)) {
      expect(lb, le, s.offered_entities | zip);
    } else if (s.offered_entities != 0 && turn.size() <= 200 && !open(lb, true, s.digit_entities) &&
               OffersValue(LowerAscii(turn), true)) {
      // (A short turn with an offer in any of its sentences when nothing is
      // asked: "two nine zero nine two. sorry, I'm just reading off my paper";
      // a ZIP code only whole.)
      expect(lb, le, s.offered_entities);
      s.expect.push_back({base + static_cast<uint32_t>(lb), base + static_cast<uint32_t>(le), zip,
                          std::string(), false, true});
    }
    if (dob != 0 && turn.size() <= 160 && !asked && DateAloneInTurn(turn)) {
      expect(lb, le, dob);
    }
    if (size_t db = 0, de = 0; dob != 0 && turn.size() <= 300 && DumpedDate(turn, &db, &de)) {
      expect(lb + db, lb + de, dob);
      s.expect.back().within = true;
    }
    lb = le + 1;
  }
  // Per sentence: a birth date written alone in it; a value offered unasked
  // ("..., you can write that down"), expected as if asked; the values said
  // alone after a name said alone (NameAlone).
  size_t from = 0;
  bool named = false;  // a name alone opened this turn, values alone since
  for (size_t i = 0; (s.offered_entities != 0 || dob != 0) && i <= line.size(); ++i) {
    if (i < line.size() && !SentenceEnd(line, i)) continue;
    const size_t end = std::min(i + 1, line.size());
    const std::string_view sentence = line.substr(from, end - from);
    size_t words = 0;
    const bool turn_starts = !internal::SpeakerOf(sentence, &words).empty();
    if (turn_starts || sentence.find('\n') != std::string_view::npos) named = false;
    if (dob != 0 && words <= sentence.size() && OldDateAlone(sentence.substr(words))) {
      expect(from, end, dob);
    }
    // (A question for a date of another kind leaves the identity its say:
    // "... discharge follow-up line. How can I help?" / "Hi. Dorothy
    // Kowalski. Eight twenty three forty. Seventy nine twenty nine.")
    if (words <= sentence.size() && !open(from, true, s.digit_entities & ~s.date_entities)) {
      const std::string_view said = sentence.substr(words);
      if (named && ValuesAlone(said)) {
        expect(from, end, s.identity_entities);
        s.expect.back().within = true;
      } else {
        named = NameAlone(said);
      }
    }
    if (s.offered_entities != 0 && sentence.size() > 8 &&
        OffersValue(LowerAscii(sentence), !open(from, true, s.digit_entities))) {
      expect(from, end, s.offered_entities);
    }
    from = i + 1;
  }
  // A transcript flattened into one string (a Deepgram "transcript", turns
  // joined by " / "): a question expects the next few sentences of its own
  // line, as a question in one turn expects the next turns.
  constexpr int kSentences = 4;
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (!SentenceEnd(line, i) || line[i] == '\n') continue;
    if (line[i] == '?') {
      uint64_t asked = AskedEntities(line.substr(start, i + 1 - start));
      if (asked != 0) {
        size_t end = i + 1;
        int seen = 0;
        for (size_t j = i + 1; j < line.size() && seen < kSentences; ++j) {
          if (SentenceEnd(line, j)) ++seen;
          end = j + 1;
        }
        if (end > i + 1) {
          // Offsets of the scanned text: `line` starts at `base` in it.
          size_t first = state_->expect.size();
          ExpectAnswer(line, static_cast<uint32_t>(i + 1), static_cast<uint32_t>(end), asked);
          for (size_t k = first; k < state_->expect.size(); ++k) {
            state_->expect[k].begin += base;
            state_->expect[k].end += base;
          }
        }
      }
    }
    start = i + 1;
  }
}

Status Scanner::ScanConversation(std::string_view text, std::vector<Span>* spans) {
  State& s = *state_;
  s.expect.clear();
  // Per line: what the three lines before it (in the same conversation)
  // asked: an answer, a "sorry, one more time?" and a read-back (up to eight lines
  // after short ones, AskWindow).
  // A blank line is a paragraph break ("Speaker 0: ...\n\nSpeaker 1: ..."),
  // not a turn.
  constexpr int kLines = 8;
  size_t starts[kLines] = {};  // the lines before, oldest first
  int lines = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank) {
      if (lines > 0) {
        size_t from = starts[kLines - lines];
        // The lines before, as one text; ask offsets are relative to it.
        ExpectAround(text.substr(from, pos - from), static_cast<uint32_t>(pos),
                     static_cast<uint32_t>(nl), text);
      }
      AddSentenceExpectations(line, static_cast<uint32_t>(pos));
      for (int k = 0; k + 1 < kLines; ++k) starts[k] = starts[k + 1];
      starts[kLines - 1] = pos;
      lines = std::min(lines + 1, kLines);
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  Status st = Scan(text, spans);
  s.expect.clear();
  if (st.ok()) {
    DropNamedRepeats({}, text, s.digit_entities, s.date_entities, &s.answer_view, spans);
    if (s.names_rule >= 0) {
      AddNamesSaidAgain(text, s.person_entity, s.names_rule,
                        ruleset_->impl().rules[static_cast<size_t>(s.names_rule)].score, spans);
    }
  }
  return st;
}

void Scanner::RenderWhole(uint16_t entity, std::string_view value,
                          std::string* out) const {
  Span sp;
  sp.end = static_cast<uint32_t>(value.size());
  sp.entity = entity;
  sp.score = 1.0f;
  internal::RenderReplacement(ruleset_->impl(), sp, value, out);
}

Status Scanner::ScanWithContext(std::string_view context, std::string_view text,
                                std::vector<Span>* spans) {
  if (context.empty()) return Scan(text, spans);
  const bool lines = context.back() == '\n';  // the lines above (an address block)
  // A header line names the row's fields by position; its words are no cue
  // for the row as a whole.
  if (!lines && internal::ColumnHeaderKind(context) != internal::HeaderKind::kNone) {
    Status st = Scan(text, spans);
    if (!st.ok()) return st;
    State& s = *state_;
    if (internal::ColumnsView(context, text, &s.columns_view)) {
      size_t before = spans->size();
      st = ScanView(s.columns_view, spans);
      if (!st.ok()) return st;
      if (spans->size() > before) ResolveOverlaps(spans);
    }
    return Status::Ok();
  }
  std::string& buf = state_->joined;
  buf.assign(context);
  // A label keeps its own colon ("Address:").
  if (!lines) buf.append(context.back() == ':' ? " " : ": ");
  const uint32_t shift = static_cast<uint32_t>(buf.size());
  buf.append(text);
  Status st = Scan(buf, spans);
  if (!st.ok()) return st;
  size_t kept = 0;
  for (const Span& sp : *spans) {
    if (sp.start < shift) continue;  // a span in the context itself
    Span moved = sp;
    moved.start -= shift;
    moved.end -= shift;
    (*spans)[kept++] = moved;
  }
  spans->resize(kept);
  return Status::Ok();
}

void Scanner::RenderSpans(std::string_view text, const std::vector<Span>& spans,
                     std::string* out) const {
  const auto& impl = ruleset_->impl();
  size_t pos = 0;
  for (const Span& sp : spans) {
    out->append(text.data() + pos, sp.start - pos);
    internal::RenderReplacement(impl, sp,
                                text.substr(sp.start, sp.end - sp.start), out);
    pos = sp.end;
  }
  out->append(text.data() + pos, text.size() - pos);
}

}  // namespace phiscrub
