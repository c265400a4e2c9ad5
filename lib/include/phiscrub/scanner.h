// Scanner: finds PHI spans in one record and renders the redacted record.
//
// Lifetime: per thread. Holds Hyperscan scratch and reusable buffers; never
// share one between threads (debug builds abort on re-entry). Create one per
// worker from the shared Ruleset; it keeps the Ruleset alive.
//
// Pipeline per record: Hyperscan candidates (end offsets) -> RE2 confirm on a
// bounded window (finds the start) -> validator -> context scoring ->
// overlap resolution -> spans sorted by start. Render applies every span in a
// single pass.
//
// Usage:
//   phiscrub::Scanner scanner(rules);
//   std::vector<phiscrub::Span> spans;
//   std::string out;
//   if (scanner.Redact(line, &out, &spans).ok()) write(out);
//   else write(placeholder);   // fail closed, never `line`
//
// Cost: linear in the record for the candidate pass; the confirm, validate and
// context stages run only around candidates.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phiscrub/status.h"

namespace phiscrub {

class Ruleset;
namespace internal {
struct View;
}

// A redaction decision: [start, end) byte offsets in the scanned record.
// Carries no text, so it is safe to log.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint16_t rule = 0;    // index into Ruleset::rule()
  uint16_t entity = 0;  // index into Ruleset::entities()
  float score = 0;
};

class Scanner {
 public:
  explicit Scanner(std::shared_ptr<const Ruleset> ruleset);
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Finds the spans to redact in `text`. *spans is cleared first; on success
  // it holds non-overlapping spans sorted by start; on failure it is empty and
  // the caller must not emit `text`.
  Status Scan(std::string_view text, std::vector<Span>* spans);

  // Scan, then render the record with the policy into *out (appended). On
  // failure nothing is appended and *spans is empty.
  Status Redact(std::string_view text, std::string* out,
                std::vector<Span>* spans);

  // Scan with `context` as text that precedes `text` (e.g. a JSON key name):
  // its hotwords count as context, but spans lie only in `text` (offsets
  // relative to `text`).
  Status ScanWithContext(std::string_view context, std::string_view text,
                         std::vector<Span>* spans);

  // Conversations. In a transcript a question in one turn ("can I have your
  // date of birth?") makes the answer in the next turns ("march fifth
  // nineteen eighty two", or a bare "oh three one five sixty one") a value of
  // that entity, as a cue word next to it would; the same validators and
  // shapes still decide. A read-back two turns later counts too.
  //
  // ScanTurn: `turn` is one turn; `previous` holds the turns before it in
  // the same conversation (newest last, at most a few; may be empty). Spans
  // lie in `turn`.
  Status ScanTurn(std::string_view previous, std::string_view turn,
                  std::vector<Span>* spans);
  // ScanConversation: `text` holds a conversation, one turn per line; each
  // line expects what the three lines before it asked (an answer, a "sorry,
  // one more time?", a read-back; blank lines are paragraph breaks). Inside
  // a line, a question expects the next few sentences (transcripts
  // flattened into one string).
  Status ScanConversation(std::string_view text, std::vector<Span>* spans);
  // The entities that `turns` ask for: bit i for entity index i (< 64).
  uint64_t AskedEntities(std::string_view turns);
  // Expectations a question inside `line` (at `base` in the scanned text)
  // sets for the sentences after it.
  void AddSentenceExpectations(std::string_view line, uint32_t base);

  // Appends `text` with every span replaced per the policy (spans sorted,
  // non-overlapping, as Scan returns them).
  void RenderSpans(std::string_view text, const std::vector<Span>& spans,
                   std::string* out) const;

  // Appends the replacement of a whole value as entity `entity` (an index
  // into Ruleset::entities()), per the policy.
  void RenderWhole(uint16_t entity, std::string_view value,
                   std::string* out) const;

  // Batch form, used by pipelines: one candidate pass over many records.
  // `block` holds records separated by '\n'; *ends receives, per rule hit,
  // the rule index and the end offset in `block` (unsorted, may repeat).
  struct Candidate {
    uint32_t rule;
    uint32_t end;
    uint32_t length = 0;  // known match length (dictionary words); 0: find it
  };
  Status FindCandidates(std::string_view block, std::vector<Candidate>* out);
  // Confirms candidates whose ends lie in `record` (offsets relative to the
  // record) and renders it like Redact. `candidates` is reordered.
  Status RedactCandidates(std::string_view record,
                          std::vector<Candidate>* candidates, std::string* out,
                          std::vector<Span>* spans);

  // True when a native detector (person names) looks at every record, so a
  // record with no Hyperscan candidate must still be scanned.
  bool ScansEveryRecord() const;

  // Resolves overlapping spans (in any order) into their unions, each
  // labelled by a span that contains the others, else by the highest score;
  // sorts by start. Scan's results already are.
  static void MergeOverlaps(std::vector<Span>* spans);

  // True when `record` holds a percent escape (%40, %2D) or a JSON escape
  // (\u002d, \"): such records are also scanned through decoded views even
  // without candidates of their own.
  static bool NeedsViews(std::string_view record);

  const Ruleset& ruleset() const { return *ruleset_; }
  const std::shared_ptr<const Ruleset>& shared_ruleset() const {
    return ruleset_;
  }

  struct State;

 private:
  Status Confirm(std::string_view text, std::vector<Candidate>* candidates,
                 std::vector<Span>* spans);
  // Scans the views of `text` that apply (percent-decoded, JSON-unescaped;
  // see normalize/view.h) and adds their spans, mapped back to whole
  // original bytes, resolving overlaps with *spans as one union.
  Status AddViewSpans(std::string_view text, std::vector<Span>* spans);
  Status ScanView(const internal::View& view, std::vector<Span>* spans);
  // Words spelled out in the spoken view that the conversation asked for as
  // a name.
  void AddSpelledNames(std::string_view text, const internal::View& view,
                       std::vector<Span>* spans);
  // Ten-digit NANP numbers said in words, with no word before them that names
  // something else: phone numbers.
  void AddSpokenPhones(std::string_view text, const internal::View& view,
                       std::vector<Span>* spans);
  // Values said over several turns of one speaker (see scanner.cc).
  void AddSplitValues(std::string_view text, const internal::View& view,
                      std::vector<Span>* spans);
  // Values corrected in a part as they were said ("... 3999 no 3799", "...
  // two seven, no no, it's two four, not two seven, ...") and values after a
  // caller's "oh" (see scanner.cc).
  void AddCorrectedValues(std::string_view text, const internal::View& view,
                          std::vector<Span>* spans);
  // The end of an answer said again after its read-back (see scanner.cc).
  void AddAnswerTails(std::string_view text, const internal::View& view,
                      std::vector<Span>* spans);
  // Expectations for [begin, end) of `text` from the turns `before` it (the
  // last three, or up to eight after short ones, digits only from those
  // before the three).
  void ExpectAround(std::string_view before, uint32_t begin, uint32_t end, std::string_view text);
  // The questions in `turns` from offset `from` on: State::asks holds (end
  // of the ask word, entities asked), sorted.
  void AskHits(std::string_view turns, uint32_t from);
  // The first sentence of `text` that gives an answer (four digits or more,
  // spoken numbers written): true, *end after it, State::answer_digits.
  bool FindAnswer(std::string_view text, size_t* end);
  // Expects `entities` in text[begin, end): up to the end of the sentence
  // that answers; after it only read-backs of that answer.
  void ExpectAnswer(std::string_view text, uint32_t begin, uint32_t end, uint64_t entities);
  // Expects in text[begin, end) what `asked_in` (the turns before) asked
  // for, each entity by its latest question and whether an answer followed.
  void ExpectAfter(std::string_view asked_in, uint32_t from, std::string_view text,
                   uint32_t begin, uint32_t end);
  // Native detectors (places, person names) on `text`; their spans join
  // s->confirmed.
  void RunDetectors(std::string_view text, State* s);

  std::shared_ptr<const Ruleset> ruleset_;
  std::unique_ptr<State> state_;
};

}  // namespace phiscrub
