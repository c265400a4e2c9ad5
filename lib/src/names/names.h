// Person names without a user dictionary: gazetteers of given names and
// surnames (patterns/names: US Census, SSA baby names, faker's international
// lists), the shapes names take (Title Case, ALL CAPS, "Last, First",
// initials, particles, hyphenated surnames, lower-case ASR text after a cue)
// and the evidence around them (titles, cues, conversation, position in the
// sentence). Words that are also everyday English ("Will", "Grant", "Hope")
// are names only with evidence.
//
// Lifetime: NameGazetteer is built once (first use) and shared read-only by
// every thread; FindNames keeps its working buffers in a caller-owned
// NameScratch (per thread).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace phiscrub::internal {

enum NameFlag : uint8_t {
  kGivenName = 1,
  kSurname = 2,
  kCommonWord = 4,  // also an everyday English word
  kNotName = 8,     // months, days, places, titles: capitalised, never a name
};

class NameGazetteer {
 public:
  // The built-in lists (thread-safe; nothing to parse: see name_table.h).
  static const NameGazetteer& Builtin();
  // Flags of a word folded by FoldWord (lower-case ASCII).
  uint8_t Flags(std::string_view folded) const;

 private:
  NameGazetteer();
  // The flags of a word's hash: the lists' table is built at compile time
  // (names/name_table.h); a lookup reads one bucket of a few sorted hashes.
  uint8_t HashFlags(uint64_t h) const;
  const unsigned char* offsets_ = nullptr;  // uint32 x (kNameTableBuckets + 1)
  const unsigned char* hashes_ = nullptr;   // uint64 x count, ascending
  const unsigned char* flags_ = nullptr;    // one byte per hash
};

// Folds a UTF-8 word to lower-case ASCII (Latin letters lose their accents:
// "Nguyễn" -> "nguyen", "Łukasz" -> "lukasz"); letters of other scripts are
// kept as their bytes. *first_upper / *all_upper describe the case of its
// letters (Latin ones; other scripts have none).
void FoldWord(std::string_view word, std::string* out, bool* first_upper, bool* all_upper);

// Evidence a position has: a cue ending right before it.
enum class NameCue : uint8_t {
  kNone,
  kWeak,      // "for", "with", "thanks", "hi": takes a known name
  kExpected,  // a turn answering a question for a name: takes known names
  kStrong,    // "my name is", "patient", a name key: takes any capitalised word
};

struct NameScratch {
  struct Word {
    uint32_t start = 0, end = 0;
    uint8_t flags = 0;
    bool title_case = false, upper = false, lower = false;
    bool initial = false;   // "J" or "J."
    bool particle = false;  // de, van, al, bin...
    bool honorific = false; // Mr, Mrs, Ms, Dr...
    bool suffix = false;    // Jr, Sr, II, III
    bool digits = false;
    bool contraction = false;  // "that's", "I've": never a name
    bool possessive = false;   // "Maria's": a name ends with it
    bool sentence_start = false;  // first word of a sentence, line or field
    bool label = false;           // a speaker label ("Agent:")
    bool speaker_name = false;    // a speaker label that is a person's name ("Nicole:")
    bool blocked = false;         // taken by another detector (a place)
    std::string folded;
  };
  std::vector<Word> words;
};

// Splits `text` into the words the name and place finders read
// (scratch->words), with their shapes and gazetteer flags.
void SplitWords(std::string_view text, const NameGazetteer& gazetteer, NameScratch* scratch);

// Appends to *out every name found among the words SplitWords found in
// `text` (words marked `blocked` are skipped) as [start, end) byte ranges
// (titles and cues outside). `cue(pos)` tells what ends right before byte
// `pos` (context words of the names rule, a JSON key) or covers it (a
// question for a name in the turn before).
void FindNames(std::string_view text, const std::function<NameCue(uint32_t)>& cue,
               NameScratch* scratch, std::vector<std::pair<uint32_t, uint32_t>>* out);

// Names in the segments of file paths and URLs, where exports and uploads put
// them ("/exports/Manalo-Maricel.csv", "/uploads/DeepikaSubramanian_card.jpg",
// "/scans/19480328_Harrington.tif"): a part of a segment (split at - _ . and
// camelCase) that is a known given name or surname, next to another such part
// or to a date. Appends [start, end) of each such part.
void FindPathNames(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

// A name said to the person spoken to, after a greeting or an
// acknowledgement and before what is said to them ("hi heather it's nice to
// see you", "good morning seoyeon come on in", "Okay Lihua, I found your
// chart"): one word that is a known given name (an everyday word too, like
// "heather") or a word no list has, among the words SplitWords found (marked
// words, places and labels are skipped). Appends [start, end).
void FindVocativeNames(std::string_view text, const NameScratch& scratch,
                       std::vector<std::pair<uint32_t, uint32_t>>* out);

// The values of keys that name a person's name, whole ("PATIENTNAME=ARASH",
// "\"pt_first\":\"Rhea\"", "full_name = 'eun-ji moon'", "caller_id_name:
// NI BHRIAIN ANNE", a JSON key humanised as "patient name: XIN"): a value of
// one to four words of letters (initials, particles, "Last, First"), in
// quotes or up to the next field; never digits, placeholders ("NOT
// PROVIDED", "unknown") or everyday words alone. Appends [start, end).
void FindKeyedNames(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

}  // namespace phiscrub::internal
