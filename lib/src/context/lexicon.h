// Context words looked up lazily around candidates.
//
// A rule's context words ("date of birth", "ssn#", "callback") are phrases of
// context tokens. The same tokenizer reads the text near a candidate, so a
// cue matches however a log or a key spells it: "date of birth",
// "date_of_birth", "dateOfBirth", "DATE-OF-BIRTH", "npiNumber", "renderingNpi".
//
// Tokens: runs of letters split at camelCase boundaries ("dateOfBirth" ->
// date, of, birth; "NPIRenderer" -> npi, renderer) and at letter/digit
// boundaries ("last4" -> last, 4; but an id such as "78339b6317abcfeb",
// letters and digits mixed through it, stays one token), runs of digits, and
// '#'; lower-cased. A single letter keeps a period after it ("D.O.B." ->
// d., o., b.), so "b." is an abbreviation and never the "b" of "plan b".
// Every other byte separates tokens. Bytes >= 0x80 count as lower-case
// letters (no cue word has them; they only keep words whole).
//
// Lifetime: ContextLexicon is built at compile time and immutable (shared by
// every thread); token buffers are per-thread scratch.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace phiscrub::internal {

struct ContextToken {
  uint32_t start = 0;
  uint32_t end = 0;
  uint64_t hash = 0;
  // A label's colon, a line break, a bracket or a question/exclamation mark
  // lies before it: no phrase runs across ("Patient: No, ..." is no
  // "patient no").
  bool break_before = false;
};

// A phrase occurrence: hotword id and its bytes [start, end).
struct ContextHit {
  uint32_t word = 0;
  uint32_t start = 0;
  uint32_t end = 0;
};

// Appends the tokens of text[lo, hi) to *out. `lo` and `hi` should sit on
// token boundaries (ExpandToWord) or a word is cut in two.
void TokenizeContext(std::string_view text, uint32_t lo, uint32_t hi,
                     std::vector<ContextToken>* out);

// Moves `lo` left and `hi` right (within text) to the edges of the words they
// fall in.
void ExpandToWords(std::string_view text, uint32_t* lo, uint32_t* hi);

class ContextLexicon {
 public:
  // Registers `phrase` (as a pack writes it) as hotword `id`. False when the
  // phrase has no token (e.g. only punctuation other than '#').
  bool Add(std::string_view phrase, uint32_t id);

  // Appends every registered phrase that occurs as consecutive tokens.
  void Match(const std::vector<ContextToken>& tokens, std::vector<ContextHit>* out) const;

  bool empty() const { return phrases_.empty(); }
  // Most tokens in one phrase.
  uint32_t max_tokens() const { return max_tokens_; }
  // The longest token of `phrase` (lower-cased), as a literal that finds it
  // in a fast global pass (Hyperscan), or empty.
  static std::string AnchorOf(std::string_view phrase);

 private:
  std::unordered_map<uint64_t, std::vector<uint32_t>> phrases_;
  // Bit per (first-token hash mod kBits): most tokens start no phrase.
  static constexpr uint32_t kBits = 1 << 14;
  std::vector<uint64_t> first_ = std::vector<uint64_t>(kBits / 64);
  uint32_t max_tokens_ = 0;
};

}  // namespace phiscrub::internal
