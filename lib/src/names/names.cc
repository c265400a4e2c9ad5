#include "names/names.h"
#include "names/places.h"
#include "normalize/spoken.h"
#include "validate/validators.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "names/name_table.h"

// names/name_table_data.cc
extern "C" const unsigned char phiscrub_name_table[];
extern "C" const unsigned char phiscrub_name_table_end[];

namespace phiscrub::internal {
namespace {

struct FoldEntry {
  uint8_t base;   // ASCII lower-case letter, or 0
  uint8_t upper;  // 1 for an upper-case letter
};
#include "names/fold_table.inc"

uint64_t Hash(std::string_view s) { return NameListHash(s); }

// Decodes one UTF-8 code point at s[i]; *len gets its length (1 on a bad
// sequence).
uint32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = static_cast<size_t>(n);
  return cp;
}

// A letter of the word: ASCII letters, and any code point from U+00C0 on
// except the few punctuation marks people put in running text.
bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation (’ “ ” –)
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp == 0xFFFD) return false;
  return true;
}

bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

// Words that may stand inside a name in lower case.
constexpr std::string_view kParticles[] = {"al", "bin", "da", "das", "de", "del", "della",
                                           "den", "der", "di", "do", "dos", "du", "el",
                                           "ibn", "la", "le", "ni", "st", "ten", "ter", "van",
                                           "von", "y"};
constexpr std::string_view kHonorifics[] = {"dr",  "miss", "missus", "mister", "mr",
                                            "mrs", "ms",   "mx",     "prof"};
constexpr std::string_view kSuffixes[] = {"ii", "iii", "iv", "jr", "sr"};
// Words that follow an eponym ("Crohn's disease", "Apgar score").
constexpr std::string_view kEponymHeads[] = {
    "anemia",    "anaemia",   "ataxia",     "chorea",    "classification", "contracture",
    "criteria",  "cyst",      "disease",    "diseases",  "disorder",  "dystrophy",
    "encephalopathy", "fracture", "hernia", "lymphoma",  "maneuver",  "manoeuvre",
    "murmur",    "neuralgia", "palsy",      "phenomenon", "reflex",   "sarcoma",
    "score",     "syndrome",  "thyroiditis", "triad",    "tumor",     "tumour",
    "ulcer",     "virus"};

// Lower-case words that never continue a name in speech, though some are
// names too ("will", "may", "mark").
constexpr std::string_view kLowerStops[] = {
    "a",      "about",   "again", "also",  "am",    "an",    "and",   "are",    "at",
    "back",   "but",     "by",    "call",  "calling", "can", "could", "did",    "do",
    "for",    "from",    "had",   "has",   "have",  "here",  "i",     "in",     "is",
    "it",     "just",    "may",   "me",    "might", "mark",  "my",    "no",     "not",
    "now",    "of",      "on",    "or",    "please", "right", "said", "says",   "so",
    "speaking", "that",  "the",   "then",  "there", "this",  "to",    "today",  "too",
    "was",    "well",    "will",  "with",  "would", "yes",   "you",   "your",
    // (What is said next in an answer: "beatriz oyelaran date of birth ...",
    // "nadia bellweather november nineteen ...".)
    "date",   "dob",     "birth", "birthday", "born", "january", "february", "march",
    "july",   "september", "october", "november", "december", "okay",  "ok",    "um",
    "uh",     "yeah",    "sure",  "thanks", "thank", "spelled", "that's", "it's",
    // (Spanish an interpreter says: "¿Cuál es su fecha de nacimiento?".)
    "su",     "es",      "mi",    "tu",    "que",   "el",    "cual",  "cuál"};

// Function words that, right before a known name, point at a person.
constexpr std::string_view kWeakCues[] = {"afternoon", "attn", "bye", "by", "cc", "dear",
                                          "evening", "for", "from", "hello", "hey", "hi",
                                          "morning", "per", "thank", "thanks", "to", "with"};

// Whether `w` is in `list` (short words: compared byte by byte, no memcmp
// call per entry; SplitWords asks this three times for every word).
template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list) {
    if (x.size() != w.size()) continue;
    size_t k = 0;
    while (k < w.size() && x[k] == w[k]) ++k;
    if (k == w.size()) return true;
  }
  return false;
}

}  // namespace

void FoldWord(std::string_view word, std::string* out, bool* first_upper, bool* all_upper) {
  out->clear();
  bool first = true;
  bool any_lower = false, any_upper = false;
  *first_upper = false;
  for (size_t i = 0; i < word.size();) {
    size_t len = 1;
    uint32_t cp = Decode(word, i, &len);
    char base = 0;
    bool upper = false;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        base = static_cast<char>(c - 'A' + 'a');
        upper = true;
      } else {
        base = c;
      }
    } else if (cp >= 0xC0 && cp < 0x250) {
      base = static_cast<char>(kFoldLatin[cp - 0xC0].base);
      upper = kFoldLatin[cp - 0xC0].upper;
    } else if (cp >= 0x1E00 && cp < 0x1F00) {
      base = static_cast<char>(kFoldLatinExtra[cp - 0x1E00].base);
      upper = kFoldLatinExtra[cp - 0x1E00].upper;
    }
    bool letter = (base >= 'a' && base <= 'z');
    if (base != 0) {
      out->push_back(base);
    } else {
      out->append(word.substr(i, len));
    }
    if (letter) {
      if (first) *first_upper = upper;
      first = false;
      (upper ? any_upper : any_lower) = true;
    }
    i += len;
  }
  *all_upper = any_upper && !any_lower;
}

NameGazetteer::NameGazetteer() {
  const unsigned char* t = phiscrub_name_table;
  uint64_t count = 0;
  std::memcpy(&count, t + sizeof kNameTableMagic, sizeof count);
  size_t at = sizeof kNameTableMagic + sizeof count;
  offsets_ = t + at;
  at += (kNameTableBuckets + 1) * sizeof(uint32_t);
  at = (at + 7) / 8 * 8;
  hashes_ = t + at;
  flags_ = hashes_ + count * sizeof(uint64_t);
  // A build-time artifact: anything else is a broken build.
  if (std::memcmp(t, kNameTableMagic, sizeof kNameTableMagic) != 0 ||
      flags_ + count != phiscrub_name_table_end) {
    std::fprintf(stderr, "phiscrub: the built-in name table is damaged\n");
    std::abort();
  }
}

// The table is bytes (linked in by name_table_data.cc); values are read with
// memcpy, which compiles to plain loads.
uint8_t NameGazetteer::HashFlags(uint64_t h) const {
  const uint32_t b = static_cast<uint32_t>(h >> 48);
  uint32_t range[2];
  std::memcpy(range, offsets_ + b * sizeof(uint32_t), sizeof range);
  for (uint32_t i = range[0]; i < range[1]; ++i) {
    uint64_t x;
    std::memcpy(&x, hashes_ + size_t{i} * sizeof x, sizeof x);
    if (x >= h) return x == h ? flags_[i] : 0;
  }
  return 0;
}

const NameGazetteer& NameGazetteer::Builtin() {
  static const NameGazetteer* g = new NameGazetteer();
  return *g;
}

uint8_t NameGazetteer::Flags(std::string_view folded) const {
  uint8_t f = HashFlags(Hash(folded));
  // Hyphenated compounds and prefixes: "Ruiz-Tagle", "Ben-David",
  // "Huynh-Navarro", "al-Masri", "O'Neil", "D'Angelo" are surnames when a
  // part is a known name and no part is an everyday word ("x-ray",
  // "mpi-service").
  if ((f & (kGivenName | kSurname)) == 0 && folded.find_first_of("-'") != std::string_view::npos) {
    bool any_known = false, any_common = false;
    uint8_t part_flags = 0;
    size_t b = 0;
    while (b <= folded.size()) {
      size_t e = folded.find_first_of("-'", b);
      if (e == std::string_view::npos) e = folded.size();
      std::string_view part = folded.substr(b, e - b);
      bool prefix = folded[std::min(e, folded.size() - 1)] == '\'' && part.size() <= 2 &&
                    e < folded.size();
      if (!prefix && part.size() >= 2) {
        const uint8_t pf = HashFlags(Hash(part));
        part_flags |= pf & (kGivenName | kSurname);
        if (pf & (kGivenName | kSurname)) any_known = true;
        if (pf & (kCommonWord | kNotName)) any_common = true;
      } else if (!prefix) {
        any_common = true;  // "x-ray", "t-shirt"
      }
      b = e + 1;
    }
    // "Mary-Jane" is a given name, "Smith-Jones" a surname.
    if (any_known && !any_common) f |= part_flags;
  }
  return f;
}

// Whether word w is `x` as written, contractions included ("I'm", "it's":
// SplitWords folds them to their base, "i" and "it").
bool Says(std::string_view text, const NameScratch::Word& w, std::string_view x) {
  std::string said;
  for (uint32_t i = w.start; i < w.end && i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < w.end && text[i + 1] == '\x80' &&
        text[i + 2] == '\x99') {
      said.push_back('\'');
      i += 2;
      continue;
    }
    said.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return said == x;
}

bool SaysIm(std::string_view text, const NameScratch::Word& w) {
  return Says(text, w, "i'm") || w.folded == "im";
}

// Whether words[k] is followed by whom the call is for: "..., and it's for
// my son", "and this is for my father".
bool ForWhomAfter(std::string_view text, const std::vector<NameScratch::Word>& words, size_t k) {
  if (k + 3 >= words.size() || words[k + 1].folded != "and" || words[k + 1].start - words[k].end > 2) {
    return false;
  }
  const auto& a = words[k + 2];
  const std::string& b = words[k + 3].folded;
  return (Says(text, a, "it's") || a.folded == "its" || a.folded == "this") && (b == "for" || b == "is");
}

void SplitWords(std::string_view text, const NameGazetteer& gaz, NameScratch* scratch) {
  auto& words = scratch->words;
  words.clear();
  // Words: letters with apostrophes and hyphens inside ("O'Neil",
  // "Ruiz-Tagle"), and digits (which end any name).
  bool boundary = true;  // a sentence, line or field starts here
  int line_words = 0;    // words so far on this line
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    size_t len = 1;
    uint32_t cp = Decode(text, i, &len);
    bool digit = cp >= '0' && cp <= '9';
    if (!IsLetter(cp) && !digit) {
      char c = static_cast<char>(cp);
      if (c == '\n') line_words = 0;
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '|' || c == '"' ||
          c == '=' || c == '[' || c == ']' || c == '{' || c == '}' || c == '\t' || c == ';' ||
          c == '^' || c == '(' || c == ')') {
        boundary = true;
      }
      // A speaker label ends at its colon.
      if (c == ':' && !words.empty() && words.back().end == i && line_words <= 3) {
        bool line_start = true;
        for (size_t k = words.back().start; k > 0; --k) {
          char p = text[k - 1];
          if (p == '\n') break;
          if (p != ' ' && p != '\t' && !(p >= '0' && p <= '9') && !IsLetter(static_cast<unsigned char>(p))) {
            if (p != ']' && p != '[') line_start = false;
          }
        }
        if (line_start) {
          // A label that is a known given name, not an everyday word or a
          // role, is the speaker's name ("Nicole: Remember me?").
          auto& lw = words.back();
          bool person = lw.title_case && (lw.flags & kGivenName) != 0 &&
                        (lw.flags & (kCommonWord | kNotName)) == 0 && lw.folded.size() >= 3 &&
                        line_words == 1;
          if (person) {
            lw.speaker_name = true;
          } else {
            lw.label = true;
          }
        }
      }
      i += len;
      continue;
    }
    NameScratch::Word w;
    ++line_words;
    w.start = static_cast<uint32_t>(i);
    w.sentence_start = boundary;
    boundary = false;
    while (i < n) {
      uint32_t c = Decode(text, i, &len);
      if (IsLetter(c) || (c >= '0' && c <= '9')) {
        if (c >= '0' && c <= '9') w.digits = true;
        i += len;
        continue;
      }
      // Inner apostrophe or hyphen followed by a letter.
      size_t l2 = 1;
      if ((IsApostrophe(c) || c == '-') && i + len < n && IsLetter(Decode(text, i + len, &l2))) {
        i += len;
        continue;
      }
      break;
    }
    w.end = static_cast<uint32_t>(i);
    bool first_upper = false, all_upper = false;
    FoldWord(text.substr(w.start, w.end - w.start), &w.folded, &first_upper, &all_upper);
    // Normalise the apostrophe form ("o’neil" -> "o'neil").
    for (size_t k = 0; k + 2 < w.folded.size(); ++k) {
      if (static_cast<unsigned char>(w.folded[k]) == 0xE2 && w.folded[k + 1] == '\x80' &&
          w.folded[k + 2] == '\x99') {
        w.folded.replace(k, 3, "'");
      }
    }
    // Contractions and possessives: "that's", "I've", "don't", "Maria's".
    // The base word is looked up; a contraction of an everyday word is no
    // name, a possessive name still is one.
    // (Every tail starts with an apostrophe: most words skip the loop.)
    const size_t fs = w.folded.size();
    if ((fs >= 2 && w.folded[fs - 2] == '\'') || (fs >= 3 && w.folded[fs - 3] == '\'')) {
      for (std::string_view tail : {"'s", "'ve", "'re", "'t", "'m", "'ll", "'d"}) {
        if (w.folded.size() > tail.size() &&
            w.folded.compare(w.folded.size() - tail.size(), tail.size(), tail) == 0) {
          w.folded.resize(w.folded.size() - tail.size());
          w.contraction = tail != "'s";
          w.possessive = tail == "'s";
          break;
        }
      }
    }
    size_t letters = w.folded.size();
    w.upper = all_upper && letters >= 2;
    w.title_case = first_upper && !w.upper;
    w.lower = !first_upper;
    w.initial = letters == 1 && first_upper && !(w.folded == "i" && !(i < n && text[i] == '.'));
    if (w.initial && i < n && text[i] == '.') {
      // "J." keeps its period.
      ++i;
      w.end = static_cast<uint32_t>(i);
    }
    // CamelCase ("SurfaceView", "PopupWindow") is an identifier; a capital
    // inside a name follows a prefix (McKay, MacDonald, DeShawn, LaToya,
    // DiCaprio, O'Neil, VanBuren).
    if (w.title_case) {
      std::string_view raw = text.substr(w.start, w.end - w.start);
      for (size_t q = 1; q < raw.size(); ++q) {
        if (raw[q] >= 'A' && raw[q] <= 'Z' && raw[q - 1] >= 'a' && raw[q - 1] <= 'z') {
          std::string_view head = raw.substr(0, q);
          static constexpr std::string_view kPrefixes[] = {"Mc", "Mac", "De", "La", "Di",
                                                           "Le", "Van", "Von", "Da", "Du"};
          if (std::find(std::begin(kPrefixes), std::end(kPrefixes), head) == std::end(kPrefixes)) {
            w.flags |= kNotName;
          }
        }
      }
    }
    w.particle = In(kParticles, w.folded);
    w.honorific = In(kHonorifics, w.folded);
    w.suffix = In(kSuffixes, w.folded);
    const bool shape_not_name = (w.flags & kNotName) != 0;
    if (!w.digits && letters >= 2) w.flags |= gaz.Flags(w.folded);
    // A word written with letters English words do not use ("María",
    // "Jürgen", "Şule", "Ján") is no everyday English word nor a month or a
    // state, whatever it folds to.
    if ((w.flags & (kCommonWord | kNotName)) && (w.flags & (kGivenName | kSurname))) {
      for (uint32_t i = w.start; i < w.end; ++i) {
        if (static_cast<unsigned char>(text[i]) >= 0x80) {
          w.flags = static_cast<uint8_t>(w.flags & ~kCommonWord);
          if (!shape_not_name) w.flags = static_cast<uint8_t>(w.flags & ~kNotName);
          break;
        }
      }
    }
    if (w.contraction) w.flags = kCommonWord;
    // Acronyms ("DOB", "MRN", "HTTP") and state codes ("NV", "OR"): short
    // capitals no gazetteer knows, or two capitals, are no names.
    if (w.upper && letters <= 4 && !(w.flags & (kGivenName | kSurname))) {
      w.flags |= kNotName;
    }
    // Parts of identifiers, paths, hosts and user agents ("Mozilla/5.0",
    // "mpi_service", "portal.example.org", "Mac+OS").
    auto glue = [](char c) { return c == '/' || c == '+' || c == '_' || c == '@' || c == '\\'; };
    auto alnum = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    bool glued_before = w.start > 0 && (glue(text[w.start - 1]) ||
                                        (text[w.start - 1] == '.' && w.start > 1 &&
                                         alnum(text[w.start - 2])));
    bool glued_after = i < n && (glue(text[i]) || (text[i] == '.' && i + 1 < n && alnum(text[i + 1])));
    if (glued_before || glued_after) {
      if (!w.initial) w.flags |= kNotName;
    }
    // "Dr." / "Mr." end no sentence.
    if ((w.honorific || w.initial) && i < n && text[i] == '.') {
      ++i;
      if (w.honorific) w.end = static_cast<uint32_t>(i);
    }
    words.push_back(std::move(w));
  }
  // Given names that are also months ("Jun", "June", "April"): names beside
  // a known surname written alike, never before a number ("Jun 18").
  for (size_t k = 0; k < words.size(); ++k) {
    auto& w = words[k];
    static constexpr std::string_view kMonthNames[] = {"jan", "jun", "june", "april", "august"};
    if ((w.flags & (kNotName | kGivenName)) != (kNotName | kGivenName) || w.digits ||
        !In(kMonthNames, w.folded)) {
      continue;
    }
    auto surname = [&](size_t q) {
      const auto& x = words[q];
      return (x.flags & kSurname) && !(x.flags & (kNotName | kCommonWord)) && !x.digits &&
             x.upper == w.upper && (x.title_case || x.upper) && x.folded.size() >= 2;
    };
    auto gap = [&](size_t a) { return text.substr(words[a].end, words[a + 1].start - words[a].end); };
    bool before_number = k + 1 < words.size() && words[k + 1].digits;
    bool next = k + 1 < words.size() && gap(k) == " " && surname(k + 1);
    bool prev = k > 0 && (gap(k - 1) == " " || gap(k - 1) == ", ") && surname(k - 1);
    if (!before_number && (next || prev) && (w.title_case || w.upper)) {
      w.flags = static_cast<uint8_t>(w.flags & ~kNotName);
    }
  }
  // Given names that are also places ("Georgia", "Virginia", "Dallas"):
  // names before a capitalised word no list calls a place or a word
  // ("Georgia Birdsong", "Georgia Nakamura"), or right after "my name is",
  // "I'm", "this is" ("my name is Georgia, I'm a nurse").
  for (size_t k = 0; k < words.size(); ++k) {
    auto& w = words[k];
    static constexpr std::string_view kPlaceGiven[] = {
        "georgia", "virginia", "carolina", "dakota",  "savannah", "florence", "austin",
        "dallas",  "madison",  "charlotte", "sydney", "victoria", "chelsea",  "lincoln",
        "jordan",  "regina",   "aurora",   "phoenix", "orlando",  "eugene",   "raleigh",
        "tyler",   "paris",    "sierra",   "brooklyn", "camden",  "denver",   "houston"};
    if ((w.flags & (kNotName | kGivenName)) != (kNotName | kGivenName) || w.digits ||
        !(w.title_case || w.upper) || !In(kPlaceGiven, w.folded)) {
      continue;
    }
    auto gap = [&](size_t a) { return text.substr(words[a].end, words[a + 1].start - words[a].end); };
    const bool surname_next =
        k + 1 < words.size() && gap(k) == " " && !words[k + 1].digits &&
        (words[k + 1].title_case || (words[k + 1].upper && w.upper)) &&
        (words[k + 1].flags & (kNotName | kCommonWord)) == 0 && words[k + 1].folded.size() >= 2;
    const bool introduced =
        (k >= 1 && SaysIm(text, words[k - 1])) ||
        (k >= 2 && words[k - 1].folded == "is" &&
         (words[k - 2].folded == "name" || words[k - 2].folded == "this"));
    if (surname_next || introduced) w.flags = static_cast<uint8_t>(w.flags & ~kNotName);
  }
  // Given names that are also words ("Hope", "Grace"), introduced before
  // whom the call is for: "Yeah, I'm Hope, and it's for my son"; in lower
  // case only a name no word list has ("yeah i'm priya and it's for ...").
  for (size_t k = 1; k + 3 < words.size(); ++k) {
    auto& w = words[k];
    if (!(w.flags & kGivenName) || w.digits || w.folded.size() < 3 ||
        !SaysIm(text, words[k - 1]) ||
        !(w.title_case || (w.lower && !(w.flags & kCommonWord)))) {
      continue;
    }
    if (ForWhomAfter(text, words, k)) w.flags = static_cast<uint8_t>(w.flags & ~kNotName);
  }
  // Surnames that are also places ("Washington"): a surname right after a
  // given name written alike ("Tonya Washington", "ralph washington"),
  // never after a word that is no given name ("Seattle Washington") nor
  // after a comma ("Jackson, Washington").
  for (size_t k = 1; k < words.size(); ++k) {
    auto& w = words[k];
    static constexpr std::string_view kPlaceSurnames[] = {"washington"};
    if ((w.flags & (kNotName | kSurname)) != (kNotName | kSurname) || w.digits ||
        !In(kPlaceSurnames, w.folded)) {
      continue;
    }
    const auto& g = words[k - 1];
    const bool given = (g.flags & kGivenName) && !(g.flags & (kNotName | kCommonWord)) && !g.digits &&
                       g.folded.size() >= 3 && g.title_case == w.title_case && g.upper == w.upper &&
                       text.substr(g.end, w.start - g.end) == " ";
    // (Said as a name: first in the turn, or after "this is", "my name is",
    // "it's", "I'm".)
    static constexpr std::string_view kIntro[] = {"is", "im", "its", "named"};
    const bool said_as_name = k == 1 || words[k - 2].label || In(kIntro, words[k - 2].folded) ||
                              SaysIm(text, words[k - 2]) || Says(text, words[k - 2], "it's");
    if (given && said_as_name) w.flags = static_cast<uint8_t>(w.flags & ~kNotName);
  }
  // Capitals of three letters or fewer ("NIC", "PIO", "RAS") are acronyms,
  // unless the words around them are capitals too (an ALL CAPS record: "WU
  // HAO", "NG, ANH").
  for (size_t k = 0; k < words.size(); ++k) {
    auto& w = words[k];
    if (!w.upper || w.folded.size() > 3) continue;
    auto caps_word = [&](size_t q) {
      return words[q].upper && words[q].folded.size() >= 2 && !words[q].digits;
    };
    // Two capitals ("WU", "NG") need a known name next to them: "WU HAO",
    // never "PORTLAND OR" or "SEEN IN ER".
    auto known_caps = [&](size_t q) {
      return caps_word(q) && words[q].folded.size() >= 3 &&
             (words[q].flags & (kGivenName | kSurname)) != 0 && (words[q].flags & kCommonWord) == 0;
    };
    bool two = w.folded.size() == 2;
    bool prev = k > 0 && (two ? known_caps(k - 1) : caps_word(k - 1)) &&
                w.start - words[k - 1].end <= 2;
    bool next = k + 1 < words.size() && (two ? known_caps(k + 1) : caps_word(k + 1)) &&
                words[k + 1].start - w.end <= 2;
    if (!prev && !next) w.flags |= kNotName;
  }
}

// Whether words[at...] say what one answering a phone says after their
// name: "speaking", "how can/may I help", "what can I do for you", "who am I
// speaking with" (after a blank, a comma or a full stop).
bool Answering(std::string_view text, const std::vector<NameScratch::Word>& words, size_t at) {
  if (at == 0 || at >= words.size()) return false;
  std::string_view gap = text.substr(words[at - 1].end, words[at].start - words[at - 1].end);
  if (gap != " " && gap != ", " && gap != ". " && gap != ", uh, " && gap != "... ") return false;
  static constexpr std::string_view kPhrases[][5] = {
      {"speaking"},           {"how", "can", "i", "help"},     {"how", "may", "i", "help"},
      {"how", "can", "i", "assist"}, {"what", "can", "i", "do"}, {"who", "am", "i", "speaking"},
      {"how", "can", "we", "help"},  {"is", "this", "a", "medical"}, {"are", "you", "calling"}};
  for (const auto& phrase : kPhrases) {
    size_t n = 0;
    while (n < 5 && !phrase[n].empty()) ++n;
    if (at + n > words.size()) continue;
    bool all = true;
    for (size_t q = 0; q < n && all; ++q) {
      all = words[at + q].folded == phrase[q] &&
            (q == 0 || words[at + q].start - words[at + q - 1].end == 1);
    }
    if (all) return true;
  }
  return false;
}

void FindNames(std::string_view text, const std::function<NameCue(uint32_t)>& cue,
               NameScratch* scratch, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  auto& words = scratch->words;
  auto known = [](const NameScratch::Word& w) {
    return (w.flags & (kGivenName | kSurname)) != 0 && (w.flags & kNotName) == 0;
  };
  auto everyday = [](const NameScratch::Word& w) { return (w.flags & kCommonWord) != 0; };
  // Capitalised and able to be a name.
  auto capital = [](const NameScratch::Word& w) {
    return (w.title_case || w.upper) && !w.digits && (w.flags & kNotName) == 0 && !w.label;
  };

  // Words that open speech ("Okay, Louisville", "So Pawel ...", "Mm-hmm,
  // Rohan ..."): capitalised at the start of a sentence, never a name's first
  // word.
  static constexpr std::string_view kDiscourse[] = {
      "alright", "and", "but", "hmm", "is", "mhm", "mm-hmm", "ok", "okay", "oh", "right",
      "so", "sure", "uh", "uh-huh", "um", "well", "yeah", "yep", "yes",
      // (Yes, no and thanks as callers say them in their own language:
      // "Tak.", "Nie.", "Không.", "Não.", "Vâng.")
      "tak", "nie", "không", "não", "sim", "sí", "si", "vâng", "cảm", "gracias", "bien",
      "está", "tá", "ja", "oui", "non", "merci", "da", "nyet", "bueno", "claro",
      "obrigado", "obrigada", "dobrze", "dziękuję", "có", "dạ",
      // (and folded, as SplitWords folds them)
      "khong", "nao", "vang", "cam", "esta", "ta", "dziekuje", "co"};
  // The members of a list around word k ("Gerste, Johnson and Okafor"):
  // neighbours that are members and joined to the next by ", ", " & " or
  // "and"; returns (members, those `counted`).
  auto CountListMembers = [&](size_t k, const auto& member, const auto& joined,
                              const auto& counted) {
    int members = 1, marked = counted(k) ? 1 : 0;
    for (size_t q = k; q > 0;) {
      size_t p2 = q - 1;
      if (p2 > 0 && words[p2].folded == "and") --p2;
      if (!member(p2) || !joined(p2, q)) break;
      ++members;
      marked += counted(p2) ? 1 : 0;
      q = p2;
    }
    for (size_t q = k; q + 1 < words.size();) {
      size_t n2 = q + 1;
      if (words[n2].folded == "and" && n2 + 1 < words.size()) ++n2;
      if (!member(n2) || !joined(q, n2)) break;
      ++members;
      marked += counted(n2) ? 1 : 0;
      q = n2;
    }
    return std::make_pair(members, marked);
  };
  for (size_t k = 0; k < words.size();) {
    const auto& first = words[k];
    // (Nor a word cut off: "the date of bi-- / five twenty six ...".)
    const bool cut_off = first.end + 1 < text.size() && text[first.end] == '-' && text[first.end + 1] == '-';
    // (Nor a NATO word spelling an id's letter: "it's romeo three two two
    // ...", "claim number charlie lima two nine ...".)
    auto nato = [](const std::string& w) { return internal::NatoLetter(w) != 0; };
    auto number_word = [](const std::string& w) {
      static constexpr std::string_view kDigitWords[] = {
          "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "double", "triple"};
      return In(kDigitWords, w);
    };
    bool spells_id = false;
    if (first.lower && nato(first.folded)) {
      size_t q = k + 1;
      while (q < words.size() && q < k + 4 && nato(words[q].folded)) ++q;
      spells_id = q < words.size() && (words[q].digits || number_word(words[q].folded));
    }
    if (first.digits || first.label || first.honorific || first.suffix || first.blocked ||
        (first.flags & kNotName) != 0 || In(kDiscourse, first.folded) || cut_off || spells_id) {
      ++k;
      continue;
    }
    // A state of two words is no name: "Durham, North Dakota", "West
    // Virginia", "New Jersey".
    if (k + 1 < words.size() && words[k + 1].start == first.end + 1 &&
        (first.folded == "north" || first.folded == "south" || first.folded == "west" ||
         first.folded == "new" || first.folded == "rhode") &&
        PlaceGazetteer::StateIndex(first.folded + " " + words[k + 1].folded) >= 0) {
      k += 2;
      continue;
    }
    // Evidence before the name.
    NameCue c = cue(first.start);
    // Keys that name a person's name only as keys (before '=' or ':'):
    // "family=Kobayashi&given=Naoko", "first=Meseret", "display: Trevor",
    // and the first word of a search query ("q: Zhu 42094").
    if (c == NameCue::kNone && k > 0) {
      static constexpr std::string_view kKeyCues[] = {"family", "given", "first",  "last",
                                                      "display", "q",   "query", "fn",
                                                      "ln",     "searchterm"};
      std::string_view gap = text.substr(words[k - 1].end, first.start - words[k - 1].end);
      bool key_gap = gap == "=" || gap == ":" || gap == ": " || gap == "\":\"" ||
                     gap == "\": \"" || gap == "': '" || gap == "=\"" || gap == "=\'";
      if (key_gap && words[k - 1].lower && In(kKeyCues, words[k - 1].folded)) {
        c = NameCue::kStrong;
      }
    }
    // The name/value pair: "field=forename value=Arnel", "name=first_name
    // val=Rhea": the cue ends before the word "value".
    if (c == NameCue::kNone && k > 0 &&
        (words[k - 1].folded == "value" || words[k - 1].folded == "val")) {
      std::string_view gap = text.substr(words[k - 1].end, first.start - words[k - 1].end);
      if (gap == "=" || gap == ": " || gap == "=\"" || gap == ":\"" || gap == "=\'") {
        c = cue(words[k - 1].start);
      }
    }
    // (A title that is a speaker's label, "Dr: What kind of ...", is none.)
    bool honorific = k > 0 && words[k - 1].honorific && !words[k - 1].label &&
                     first.start - words[k - 1].end <= 2;
    // A title said as a word ("thank you missus young"): a surname after it
    // in lower case is one even when it is also a word ("ms" and "mr" in
    // lower case are milliseconds and more, never this).
    const bool said_title = honorific && (words[k - 1].folded == "missus" ||
                                          words[k - 1].folded == "mister");
    // "doctor" in lower case, as speech-to-text writes it ("i can put him
    // in with doctor achebe"): a surname, or a word no list has, after it.
    const bool said_doctor = k > 0 && !words[k - 1].label && first.start - words[k - 1].end == 1 &&
                             text[words[k - 1].end] == ' ' && words[k - 1].lower &&
                             !words[k - 1].possessive &&
                             (words[k - 1].folded == "doctor" || words[k - 1].folded == "dr") &&
                             // ("my doctor said", "the doctor gave me": the
                             // doctor, no title.)
                             !(k >= 2 && [&] {
                               static constexpr std::string_view kDeterminers[] = {
                                   "my",  "the",  "your", "his",  "her",   "a",    "an",  "our",
                                   "their", "that", "this", "any", "every", "no", "which",
                                   "what", "whose", "family", "new", "other", "same"};
                               return In(kDeterminers, words[k - 2].folded) ||
                                      (k >= 3 && In(kDeterminers, words[k - 3].folded));
                             }());
    bool weak_word = k > 0 && In(kWeakCues, words[k - 1].folded) &&
                     first.start - words[k - 1].end <= 2;
    static constexpr std::string_view kGreetings[] = {"afternoon", "bye", "dear", "evening",
                                                      "hello", "hey", "hi", "morning", "thank",
                                                      "thanks"};
    bool greeting = weak_word && In(kGreetings, words[k - 1].folded);
    // "hi yes barbara jackson", "hello yeah carol": a greeting and a yes.
    if (!greeting && k >= 2 && (words[k - 1].folded == "yes" || words[k - 1].folded == "yeah") &&
        In(kGreetings, words[k - 2].folded) && first.start - words[k - 1].end <= 2 &&
        words[k - 1].start - words[k - 2].end <= 2) {
      greeting = true;
      weak_word = true;
    }
    if (honorific) c = NameCue::kStrong;
    // The answer after a question for a name on the same line: "What's your
    // last name? Matthiasdottir".
    if (k >= 2 && words[k - 1].folded == "name" &&
        text.substr(words[k - 1].end, first.start - words[k - 1].end) == "? ") {
      std::string_view q = words[k - 2].folded;
      if ((q == "your" || q == "last" || q == "first" || q == "full" || q == "family" ||
           q == "given") &&
          !(first.flags & kCommonWord)) {
        c = NameCue::kStrong;
      }
    }
    if (c == NameCue::kNone && weak_word) c = NameCue::kWeak;
    // A speaker label ("Patient:", "Caller:") is a role, not a cue: what
    // follows is speech ("Patient: So I was..."), though a form field reads
    // the same ("Patient: Dana"), so it takes known names only.
    // (A label that says "name" is a field's key, not a role: "name: diego",
    // a JSON key.)
    static constexpr std::string_view kNameLabels[] = {
        "name",     "fullname",  "firstname", "lastname",   "surname",
        "forename", "givenname", "familyname", "patientname", "membername"};
    // (The key alone: "thread name: http-nio-8080", "clinic name: ..." name
    // other things.)
    if (k > 0 && words[k - 1].label && c == NameCue::kStrong && !honorific &&
        !(words[k - 1].sentence_start && In(kNameLabels, words[k - 1].folded))) {
      c = NameCue::kWeak;
    }
    const bool lower_ok = c == NameCue::kStrong || c == NameCue::kExpected;
    // "my name is maria", "name's colleen": right after the words that say
    // so, a given name in lower case even when it is also a word ("maria",
    // "colleen", "john" are in the word lists too).
    const bool name_is =
        c == NameCue::kStrong && (first.flags & kGivenName) != 0 && first.lower &&
        first.folded.size() >= 3 && !first.contraction && !In(kLowerStops, first.folded) &&
        !In(kDiscourse, first.folded) &&
        // (Not a question: "what name is the prescription under?")
        !(k >= 3 && (words[k - 3].folded == "what" || words[k - 3].folded == "which" ||
                     words[k - 3].folded == "whose")) &&
        ((k >= 2 && words[k - 1].folded == "is" && words[k - 2].folded == "name") ||
         (k >= 1 && (words[k - 1].folded == "name's" || words[k - 1].folded == "names")));
    // "first name hector", "last name thornbury": right after the label, a
    // name in lower case even when it is also a word.
    // (Right after "this is": "... dentistry this is glen how can i help".)
    const bool after_this_is = k >= 2 && words[k - 1].folded == "is" && words[k - 2].folded == "this";
    const bool after_name_label =
        k >= 2 && words[k - 1].folded == "name" && first.lower && first.folded.size() >= 2 &&
        !first.contraction && !In(kLowerStops, first.folded) && !In(kDiscourse, first.folded) &&
        (words[k - 2].folded == "first" || words[k - 2].folded == "last" ||
         words[k - 2].folded == "middle" || words[k - 2].folded == "given" ||
         words[k - 2].folded == "family") &&
        text.substr(words[k - 1].end, first.start - words[k - 1].end) == " " &&
        (((first.flags & kGivenName) != 0 && words[k - 2].folded != "last" &&
          words[k - 2].folded != "family") ||
         ((first.flags & (kGivenName | kSurname)) != 0 && (first.flags & kCommonWord) == 0) ||
         (first.flags & (kGivenName | kSurname | kCommonWord)) == 0);
    // Asked for a name, a given name in lower case (even one that is also a
    // word: "ivy", "miles", "ruby") and a surname or a word no list has,
    // ending what was said: "it's for ivy haskins he's seven", "miles
    // mcallister."; or the given name alone before the surname is named:
    // "ruby and the last name is whitfield".
    // Whether word q ends what was said (punctuation or the end, when
    // `or_stop`) or comes right before a word of `next`.
    auto said_before = [&](size_t q, const auto& next, bool or_stop) {
      const uint32_t after = words[q].end;
      if (or_stop && (after >= text.size() || std::strchr(".,!?\n", text[after]) != nullptr)) {
        return true;
      }
      return q + 1 < words.size() && words[q + 1].start == after + 1 && In(next, words[q + 1].folded);
    };
    size_t asked_name = 0;  // words of the name, 0 when none
    // ("nine fifty-six": numbers, whatever the lists say of their words.)
    auto numberish = [&](const std::string& w) {
      static constexpr std::string_view kNumberHeads[] = {
          "ten",     "eleven",  "twelve",  "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
          "seventy", "eighty",  "ninety",  "hundred", "thousand"};
      if (number_word(w)) return true;
      for (std::string_view h : kNumberHeads) {
        if (w.compare(0, h.size(), h) == 0 && (w.size() == h.size() || w[h.size()] == '-')) {
          return true;
        }
      }
      return false;
    };
    static constexpr std::string_view kNameWords[] = {
        "name",  "names",  "first", "last",    "middle",  "full",  "given", "family",
        "doctor", "dr",    "nurse", "mister",  "missus",  "miss",  "good",  "morning",
        "afternoon", "evening", "hello", "hey", "hi", "dear", "thank", "thanks", "let", "see",
        "her",   "his",    "him",   "our",     "their",   "its",   "she",   "he",
        "they",  "we",     "who"};
    // (After a greeting, only before words that say who speaks: "hey good
    // morning crystal dunleavy calling to schedule".)
    if ((lower_ok || greeting) && first.lower && (first.flags & kGivenName) && !first.contraction &&
        !first.possessive && !In(kNameWords, first.folded) && !numberish(first.folded) &&
        first.folded.size() >= 3 && !In(kLowerStops, first.folded) &&
        !In(kDiscourse, first.folded)) {
      auto ends_after = [&](size_t q) {
        if (!lower_ok) {
          static constexpr std::string_view kSelf[] = {"calling", "here", "speaking"};
          return said_before(q, kSelf, false);
        }
        static constexpr std::string_view kAfter[] = {
            "he's", "she's", "he", "she", "they", "who", "who's", "and", "i'm",  "sorry",
            "um",   "uh",    "here", "speaking", "calling", "my", "from", "with", "born"};
        return said_before(q, kAfter, true);
      };
      const bool last_named =
          k + 4 < words.size() && words[k + 1].folded == "and" &&
          ((words[k + 2].folded == "the" && words[k + 3].folded == "last" &&
            words[k + 4].folded == "name") ||
           (words[k + 2].folded == "last" && words[k + 3].folded == "name"));
      if (last_named && lower_ok) {
        asked_name = 1;
      } else if (k + 1 < words.size() && words[k + 1].lower && words[k + 1].start == first.end + 1 &&
                 !words[k + 1].contraction && !words[k + 1].digits && !words[k + 1].label &&
                 !words[k + 1].possessive && !numberish(words[k + 1].folded) &&
                 text.substr(words[k + 1].start, words[k + 1].end - words[k + 1].start)
                         .find('\'') == std::string_view::npos &&
                 (words[k + 1].flags & kNotName) == 0 && words[k + 1].folded.size() >= 3 &&
                 !In(kLowerStops, words[k + 1].folded) &&
                 !everyday(words[k + 1]) && ends_after(k + 1) && [&] {
                   // (Said first in the answer: "it's for ivy haskins",
                   // "yeah um miles mcallister.")
                   // (Words of its line before it, but a speaker label's.)
                   const size_t nl = first.start > 0 ? text.rfind('\n', first.start - 1)
                                                     : std::string_view::npos;
                   const size_t line = nl == std::string_view::npos ? 0 : nl + 1;
                   int lead = 0;
                   for (size_t q = k; q > 0 && words[q - 1].start >= line;) {
                     --q;
                     const char after = words[q].end < text.size() ? text[words[q].end] : ' ';
                     if (words[q].label || after == ':' || after == ']') break;
                     if (words[q].digits || ++lead > 3) return false;
                   }
                   return true;
                 }()) {
        asked_name = 2;
      }
    }
    // A relative or neighbour named after the word for them: "I've got my
    // mom Earl here with me", "my aunt bonnie here with me", "my daughter
    // Opal, she ...".
    if (asked_name == 0 && k >= 2 && first.start == words[k - 1].end + 1 &&
        (first.flags & kGivenName) && !first.contraction && !first.possessive &&
        first.folded.size() >= 3 && !In(kNameWords, first.folded) &&
        !In(kLowerStops, first.folded) && !In(kDiscourse, first.folded) &&
        !numberish(first.folded) && (first.lower || first.title_case)) {
      static constexpr std::string_view kKin[] = {
          "mom", "mother", "dad", "father", "aunt", "uncle", "son", "daughter", "husband",
          "wife", "neighbor", "neighbour", "grandson", "granddaughter", "grandma", "grandpa",
          "grandmother", "grandfather", "niece", "nephew", "brother", "sister", "cousin",
          "partner", "friend", "caregiver"};
      static constexpr std::string_view kOwners[] = {"my", "our", "her", "his", "your"};
      // (Or after "i'm" in lower case, a name no word shares: "hello yes
      // i'm bonnie i'm the niece".)
      const bool im = SaysIm(text, words[k - 1]) && first.lower && !everyday(first) &&
                      k + 1 < words.size() && words[k + 1].start == first.end + 1 &&
                      (SaysIm(text, words[k + 1]) || words[k + 1].folded == "calling");
      // (Or the caller a call-back asks for, the question ending there: "Is
      // this Heather?", "... returning your call is this linh" at the end.)
      const bool is_this =
          words[k - 1].folded == "this" && words[k - 2].folded == "is" &&
          (!everyday(first) || first.title_case) &&
          (first.end >= text.size() || text[first.end] == '?' || text[first.end] == '\n' ||
           (text.size() > first.end + 2 && text.compare(first.end, 3, " / ") == 0));
      // (Or before whom the call is for: "I'm Hope, and it's for my son".)
      // (A word in lower case only when no list has it: "i'm fine and this
      // is for my dad" is no name.)
      const bool im_for = SaysIm(text, words[k - 1]) && ForWhomAfter(text, words, k) &&
                          (first.title_case || !everyday(first));
      if (im || is_this || im_for) {
        asked_name = 1;
      } else if (In(kKin, words[k - 1].folded) && !words[k - 1].possessive &&
                 In(kOwners, words[k - 2].folded)) {
        static constexpr std::string_view kNext[] = {"here", "is", "who", "who's", "was",
                                                     "will", "has", "on", "with", "and"};
        if (said_before(k, kNext, true)) asked_name = 1;
      }
    }
    // The run of name-like words from k: capitalised words, initials and
    // particles (lower-case known names only after a strong cue), at most
    // four, joined by single blanks (or ", " once, for "Last, First").
    size_t e = k;
    bool inverted = false;
    while (e < words.size() && e - k < 4) {
      const auto& w = words[e];
      bool ok;
      if (w.digits || w.label || w.honorific || w.blocked || (w.flags & kNotName)) {
        ok = false;
      } else if (w.initial) {
        // "J." anywhere; a bare "J" inside a name ("Maria L Garcia").
        ok = text[w.end - 1] == '.' || e > k;
      } else if (w.lower && w.folded.size() == 1 && e > k && words[e - 1].lower &&
                 known(words[e - 1]) && e + 1 < words.size() && words[e + 1].lower &&
                 known(words[e + 1]) && !everyday(words[e + 1]) && w.folded != "a" &&
                 w.folded != "i") {
        ok = true;  // speech: "kelechi t adeleke"
      } else if (w.folded.size() < 2) {
        ok = false;  // "I", "a": never part of a name
      } else if (w.particle && e > k) {
        ok = true;
      } else if (w.suffix && e > k) {
        ok = true;
      } else if (capital(w)) {
        ok = true;
      } else if (w.lower && (lower_ok || greeting) && known(w) && !everyday(w) && !In(kLowerStops, w.folded)) {
        ok = true;
      } else if (e == k && (name_is || after_name_label)) {
        ok = true;
      } else if (w.lower && e == k && w.folded.size() >= 3 && !w.contraction &&
                 (((w.flags & kGivenName) &&
                   (!everyday(w) ||
                    after_this_is)) ||
                  (w.flags & (kGivenName | kSurname | kCommonWord)) == 0) &&
                 Answering(text, words, k + 1)) {
        ok = true;  // "... scheduling raymond speaking", "... this is glen how can i help"
      } else if (w.lower && e == k && said_title && (w.flags & kSurname)) {
        ok = true;
      } else if (e < k + asked_name) {
        ok = true;
      } else if (w.lower && e == k && said_doctor && !w.contraction && w.folded.size() >= 3 &&
                 (w.flags & kNotName) == 0 && !In(kLowerStops, w.folded) &&
                 ((w.flags & kSurname) || (w.flags & (kGivenName | kCommonWord)) == 0)) {
        ok = true;
      } else if (w.lower && lower_ok && e - k < 2 && !w.contraction &&
                 (w.flags & kNotName) == 0 && w.folded.size() >= 2 && !In(kLowerStops, w.folded) &&
                 [&] {
                   // Lower-case speech after a cue: a known name beside a
                   // word no list has ("tomasz chmielewska", "jiahui lin"),
                   // the two ending the phrase: punctuation or a word that
                   // never continues a name after them ("dr lawson npi one
                   // nine" is a provider and an identifier).
                   auto plain_name = [&](size_t q) {
                     return q < words.size() && words[q].lower && known(words[q]) &&
                            !everyday(words[q]);
                   };
                   bool unknown = (w.flags & (kGivenName | kSurname | kCommonWord)) == 0 &&
                                  w.folded.size() >= 3;
                   if (!unknown) return false;
                   size_t last = e;
                   if (e == k) {
                     if (!plain_name(k + 1) || words[k + 1].start - w.end != 1) return false;
                     last = k + 1;
                   } else if (!plain_name(k) || w.start - words[k].end != 1) {
                     return false;
                   }
                   if (last + 1 >= words.size()) return true;
                   std::string_view gap =
                       text.substr(words[last].end, words[last + 1].start - words[last].end);
                   return gap != " " || In(kLowerStops, words[last + 1].folded);
                 }()) {
        ok = true;
      } else if (w.lower && e == k && w.sentence_start && known(w) && !everyday(w) &&
                 e + 1 < words.size() && words[e + 1].start - w.end <= 2 &&
                 (words[e + 1].folded == "hi" || words[e + 1].folded == "hello" ||
                  words[e + 1].folded == "hey")) {
        ok = true;  // speech: "kelechi hi have a seat"
      } else if (w.lower && !lower_ok && known(w) && !everyday(w) &&
                 ((e > k && words[k].lower && known(words[k])) ||
                  (e == k && e + 1 < words.size() && words[e + 1].lower && known(words[e + 1]) &&
                   !everyday(words[e + 1]) && words[e + 1].start - w.end == 1))) {
        ok = true;  // "emre arslan": two known names in a row
      } else {
        ok = false;
      }
      // (A word that never continues a name ends one, capitalised or not:
      // "Priya Nakamura And your date of birth?".)
      if (ok && e > k && !w.upper && !w.initial && w.folded.size() > 1 && In(kLowerStops, w.folded)) ok = false;
      if (!ok) break;
      // An ALL CAPS name ends before a Title Case word: "RUIZ-TAGLE, MARISOL
      // Stelara 81 mg" (a drug on a label), "WALSH CAROLINE Metformin".
      if (e > k && words[k].upper && words[k].folded.size() >= 2 && w.title_case && !w.upper &&
          !w.initial && w.folded.size() >= 2) {
        break;
      }
      if (e > k) {
        std::string_view gap = text.substr(words[e - 1].end, w.start - words[e - 1].end);
        bool blank = gap == " " || gap == "  ";
        // (A surname after particles: "Van Dyke, Beverly", "Ní Bhriain, Eleni",
        // "van den Heuvel, Anna".)
        bool particles_before = e >= k + 2 && e <= k + 3;
        for (size_t q = k; particles_before && q + 1 < e; ++q) particles_before = words[q].particle;
        bool comma = (gap == ", " || gap == ",") && !inverted && (e == k + 1 || particles_before);
        if (!blank && !comma) break;
        if (comma) {
          const auto& sur = words[e - 1];
          // "Walsh, Caroline": surname then given name only.
          bool given = (w.flags & kGivenName) ||
                       (c != NameCue::kNone && capital(w) && (w.flags & kCommonWord) == 0);
          // (After a strong cue the surname need not be known: "the
          // account is under Oyelaran, Emeka".)
          bool surname = (sur.flags & kSurname) ||
                         (c == NameCue::kStrong && (w.flags & kGivenName) && !everyday(sur));
          if (!(surname && given) && c != NameCue::kStrong) {
            // Without a cue one of the two may be a name no list has when the
            // other is a known one of its kind, both written alike: "Feng,
            // Jiahui", "KAMAKAU, MALIA".
            const auto& last = sur;
            auto plain = [&](const NameScratch::Word& x) {
              return capital(x) && !everyday(x) && !x.initial && x.folded.size() >= 3;
            };
            bool known_last = (last.flags & kSurname) != 0;
            bool known_first = (w.flags & kGivenName) != 0;
            // (Not after another capitalised word: "Fairmeadow Endocrinology,
            // Pawel speaking" names a practice.)
            bool starts = k == 0 || !(words[k - 1].title_case || words[k - 1].upper) ||
                          words[k].start - words[k - 1].end > 1;
            if (starts && plain(last) && plain(w) && last.upper == w.upper &&
                (known_last || known_first)) {
              surname = given = true;
            }
          }
          // A list is no "Last, First": "Gerste, Johnson and Okafor",
          // "Okafor, Graves and Reed" (a cue may still say it is one).
          size_t nx = e + 1;
          bool list = nx < words.size() &&
                      ((words[nx].folded == "and" || words[nx].folded == "or") ||
                       (text.substr(w.end, words[nx].start - w.end) == ", " &&
                        capital(words[nx])));
          if (list && c != NameCue::kStrong) break;
          if (!surname || !given || !capital(w)) break;
          inverted = true;
        }
      }
      ++e;
      // A possessive ends the name: "Faina D. Yefremova's Cautionary Tales"
      // (an everyday one leads to its head: "Prairie Women's Health").
      if (w.possessive && !everyday(w)) break;
    }
    // Drop particles, suffixes and (lone) initials at the end.
    while (e > k && (words[e - 1].particle || (words[e - 1].initial && e - 1 == k))) --e;
    if (e == k) {
      ++k;
      continue;
    }
    // Judge the run.
    int real = 0, known_n = 0, known_plain = 0, plain_unknown = 0, common_only = 0;
    bool any_lower = false, all_upper = true;
    for (size_t q = k; q < e; ++q) {
      const auto& w = words[q];
      if (w.initial || w.particle || w.suffix) continue;
      ++real;
      if (known(w)) {
        ++known_n;
        if (!everyday(w)) ++known_plain;
      } else if (everyday(w)) {
        ++common_only;
      } else {
        ++plain_unknown;
      }
      if (w.lower) any_lower = true;
      if (!w.upper) all_upper = false;
    }
    bool has_initial = false;
    for (size_t q = k; q < e; ++q) has_initial |= words[q].initial;
    // Each kind of evidence on its own; any one is enough.
    const auto& head = words[k];
    // A full name: first a given name (or an initial), a known surname
    // somewhere, nothing that is only an everyday word; ALL CAPS records may
    // put the surname first ("WALSH CAROLINE").
    bool full_name = false;
    if (real >= 2 || (real == 1 && has_initial && e - k >= 2)) {
      // (A first word no list has before a known surname: "Przemek
      // Kucharski", "Hijacinta Godina".)
      bool unknown_given = real == 2 && e - k == 2 && head.title_case &&
                           (head.flags & (kGivenName | kSurname | kCommonWord | kNotName)) == 0 &&
                           head.folded.size() >= 3 && (words[e - 1].flags & kSurname) &&
                           !everyday(words[e - 1]) && words[e - 1].title_case;
      bool given_first = head.initial || (head.flags & kGivenName) || unknown_given;
      bool surname_last = (words[e - 1].flags & kSurname) != 0 || inverted;
      bool caps_pair = all_upper && known_n >= 2;
      full_name = common_only == 0 && known_plain >= 1 && !any_lower &&
                  ((given_first && (surname_last || plain_unknown > 0 || known_n >= 2)) ||
                   caps_pair || inverted);
    }
    // Lower-case speech: two known names in a row ("emre arslan").
    bool lower_pair = any_lower && known_plain >= 2 && real == 2 && common_only == 0;
    // One word that is a whole field of a record: "|HARGROVE^GWENDOLYN|",
    // a tab-separated column, a JSON string value.
    auto field_edge = [](char c) {
      return c == '\t' || c == '|' || c == '^' || c == '"' || c == ';' || c == '~' || c == '*' ||
             c == '\'';
    };
    bool whole_field = real == 1 && e - k == 1 && !head.lower && known_plain == 1 &&
                       (head.start == 0 || field_edge(text[head.start - 1])) &&
                       (head.end >= text.size() || field_edge(text[head.end]));
    // Alone in parentheses after an identifier or a record: "viewed chart
    // T6756359 (Minseo)", "target MRN H-4398-2552 (Abebe)".
    if (!whole_field && real == 1 && e - k == 1 && !head.lower && known_plain == 1 &&
        head.start >= 2 && text[head.start - 1] == '(' && text[head.start - 2] == ' ' &&
        head.end < text.size() && text[head.end] == ')' && k > 0 && words[k - 1].digits) {
      whole_field = true;
    }
    // A bound SQL parameter: "binding parameter [3] as [VARCHAR] - [Chen]".
    if (!whole_field && real == 1 && e - k == 1 && !head.lower && known_plain == 1 &&
        head.start >= 5 && text.substr(head.start - 5, 5) == "] - [" &&
        head.end < text.size() && text[head.end] == ']') {
      whole_field = true;
    }
    // A line that is only a name: "Przemek Kucharski" above an address,
    // ">Tzigane Lantos" in a quoted reply, "* Linneo Medrano".
    bool whole_line = false;
    if (real >= 2 && real <= 3 && common_only == 0 && known_plain >= 1 && !any_lower) {
      auto bullet = [](char ch) {
        return ch == ' ' || ch == '\t' || ch == '>' || ch == '?' || ch == '*' || ch == '-';
      };
      size_t b = head.start;
      while (b > 0 && bullet(text[b - 1])) --b;
      size_t a = words[e - 1].end;
      while (a < text.size() && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r')) ++a;
      whole_line = (b == 0 || text[b - 1] == '\n') && (a >= text.size() || text[a] == '\n');
    }
    // Two fields of a delimited record side by side that are both names:
    // "W807496972,EZEANI,EBERE,19591014", "QIANG|XU|509-555-0199",
    // "Yui\tShimizu\t808-555-0107", "\"Tran\",\"Dung\"": each field one
    // capitalised known name, one of the two no everyday word, joined by a
    // separator without blanks.
    bool record_pair = false;
    if (real == 1 && e - k == 1 && !head.lower) {
      auto field_word = [&](size_t q) {
        const auto& w = words[q];
        return capital(w) && known(w) && !w.blocked && !w.initial && w.folded.size() >= 2;
      };
      auto separator = [](std::string_view gap) {
        return gap == "," || gap == "|" || gap == "\t" || gap == ";" || gap == "\",\"" ||
               gap == "\"|\"" || gap == "\"\t\"" || gap == "\";\"";
      };
      auto pair = [&](size_t a) {  // words a and a + 1
        if (a + 1 >= words.size() || !field_word(a) || !field_word(a + 1)) return false;
        if (everyday(words[a]) && everyday(words[a + 1])) return false;
        if (!separator(text.substr(words[a].end, words[a + 1].start - words[a].end))) return false;
        const uint32_t before = words[a].start, after = words[a + 1].end;
        const bool open = before == 0 || std::strchr(",|\t\";=:( ", text[before - 1]) != nullptr;
        const bool close = after >= text.size() || std::strchr(",|\t\";\n)", text[after]) != nullptr;
        return open && close;
      };
      record_pair = (k > 0 && pair(k - 1)) || pair(k);
    }
    // A known given name told by the sentence around it: "we told Renata
    // yesterday" (between lower-case words), "Renata says ..." (at the start,
    // before a verb of speech or state).
    bool in_prose = false;
    // (A surname alone too, "Unlike the Castellanos novel", "that Kaczmarek
    // was", "(though Meza's song"; at least four letters.)
    // (In capitals only at the start, before the verb: "summarizer: DAWIT
    // has had no dizziness".)
    if (real == 1 && e - k == 1 && (head.title_case || (head.upper && head.sentence_start)) &&
        ((head.flags & kGivenName) ||
         ((head.flags & kSurname) && head.folded.size() >= 4 &&
          (head.end >= text.size() || text[head.end] != '-'))) &&  // "call Cipro-" (cut off)
        !everyday(head) && head.folded.size() >= 3) {
      bool prose_before = k > 0 && words[k - 1].lower && !words[k - 1].label &&
                          head.start - words[k - 1].end <= 2;
      bool prose_after = k + 1 >= words.size() ||
                         !(words[k + 1].title_case || words[k + 1].upper) ||
                         words[k + 1].start - head.end > 2;
      static constexpr std::string_view kVerbs[] = {
          "says",    "said",   "reports",   "reported", "states",  "stated",    "called",
          "calls",   "asked",  "asks",      "wants",    "needs",   "denies",    "complains",
          "presents", "notes", "mentioned", "confirmed", "verified", "requested", "declined",
          "agreed",  "is",     "was",       "has",      "had",      "admitted", "screened",
          "discharged", "arrived", "prefers", "missed", "rescheduled", "cancelled", "canceled"};
      bool verb_after = k + 1 < words.size() && words[k + 1].lower &&
                        words[k + 1].start - head.end <= 2 && In(kVerbs, words[k + 1].folded);
      in_prose = (!head.sentence_start && prose_before && prose_after && head.title_case) ||
                 (head.sentence_start && verb_after);
    }
    // A capitalised word no list knows, starting a sentence, before what
    // only people do: "Valida spent a year at ...", "Timotea lives on ...".
    if (!in_prose && real == 1 && e - k == 1 && head.title_case && head.sentence_start &&
        (head.flags & (kCommonWord | kNotName)) == 0 && head.folded.size() >= 3 &&
        k + 1 < words.size() && words[k + 1].lower && words[k + 1].start - head.end == 1) {
      static constexpr std::string_view kPersonVerbs[] = {
          "spent", "lives", "lived", "studied", "married", "says", "said", "told", "works",
          "worked", "graduated", "retired", "smiled", "laughed", "thinks", "thought", "began",
          "shouted", "whispered", "replied", "wrote", "sang"};
      in_prose = In(kPersonVerbs, words[k + 1].folded) ||
                 (words[k + 1].folded == "is" && k + 2 < words.size() &&
                  words[k + 2].folded == "from" && k + 3 < words.size() &&
                  (words[k + 3].title_case || words[k + 3].upper));
    }
    // The speaker after a quote: '..., says Gerste.', '"...!" said Maslin to
    // Antonio'.
    if (!in_prose && real >= 1 && e - k <= 3 && head.title_case && (head.flags & kNotName) == 0 &&
        !everyday(head) && k > 0 && words[k - 1].lower &&
        (words[k - 1].folded == "says" || words[k - 1].folded == "said") &&
        head.start - words[k - 1].end == 1 && words[k - 1].start >= 2) {
      char q = text[words[k - 1].start - 2];
      char q1 = text[words[k - 1].start - 1];
      bool after_quote = (q == '"' || q == ',' || q == '!' || q == '?') && q1 == ' ';
      char after_c = words[e - 1].end < text.size() ? text[words[e - 1].end] : '.';
      in_prose = after_quote && (after_c == '.' || after_c == ',' ||
                                 (e < words.size() && words[e].folded == "to"));
    }
    // "Nikhil from Ocala called ...", "Sung-min from Las Cruces called": a
    // caller and where they call from, known name or not.
    if (!in_prose && real == 1 && e - k == 1 && head.title_case && !everyday(head) &&
        head.sentence_start && head.folded.size() >= 2 && k + 2 < words.size() &&
        words[k + 1].folded == "from" && words[k + 1].start - head.end == 1) {
      static constexpr std::string_view kCallVerbs[] = {"called", "calls", "phoned", "wants",
                                                        "wanted", "needs", "requested", "asked"};
      size_t q = k + 2;
      while (q < words.size() && q < k + 6 && (words[q].title_case || words[q].upper) &&
             !words[q].digits) {
        ++q;
      }
      in_prose = q > k + 2 && q < words.size() && words[q].lower && In(kCallVerbs, words[q].folded);
    }
    // How people are addressed and introduced in calls: "Kelechi, hi, have a
    // seat", "Bluewater Family Practice, Pooja speaking", "Hi Yuting, how
    // are you", "my name is Fang".
    const size_t after = e < words.size() ? e : words.size();
    auto next_is = [&](std::initializer_list<std::string_view> list) {
      if (after >= words.size()) return false;
      std::string_view gap = text.substr(words[after - 1].end, words[after].start - words[after - 1].end);
      if (gap != " " && gap != ", ") return false;
      for (std::string_view w : list) {
        if (words[after].folded == w) return true;
      }
      return false;
    };
    bool addressed = false;
    if (real == 1 && e - k == 1 && head.speaker_name) addressed = true;
    // Who answers the phone, after the practice's name: "metro medical
    // transport scheduling raymond speaking", "pinecrest medical group
    // shirley how can i help", "Patient financial services, Earl. What can I
    // do for you?": a given name (capitalised when it is also a word) or a
    // word no list has, then what the one answering says.
    if (!addressed && real == 1 && e - k == 1 && !head.label && head.folded.size() >= 3 &&
        !head.contraction && !head.possessive && (head.flags & kNotName) == 0 &&
        (((head.flags & kGivenName) &&
          (!everyday(head) || (head.title_case && !head.sentence_start) ||
           after_this_is)) ||
         ((head.flags & (kGivenName | kSurname | kCommonWord)) == 0 && head.lower))) {
      // (After "this is" a given name that is also a word: "... dentistry
      // this is glen how can i help you".)
      addressed = Answering(text, words, e);
    }
    if (real == 1 && e - k == 1 && !head.label && !addressed) {
      bool speaking = next_is({"speaking"}) &&
                      (head.sentence_start || (k > 0 && text.substr(words[k - 1].end,
                                                                    head.start - words[k - 1].end) == ", "));
      bool vocative = head.sentence_start && next_is({"hi", "hello", "hey", "welcome"});
      // A word no list has, set off at the start before a request: "Warrane,
      // can I please speak to your boss?"
      // (Not an interjection or a contraction: "Ohh, can you", "Ma'am,
      // can you".)
      if (!vocative && head.sentence_start && head.title_case && head.folded.size() >= 4 &&
          (head.flags & (kCommonWord | kNotName)) == 0 && after + 1 < words.size() &&
          head.folded.find('\'') == std::string::npos &&
          head.folded.compare(head.folded.size() - 2, 2, "hh") != 0 &&
          text.substr(head.end, words[after].start - head.end) == ", ") {
        std::string_view v = words[after].folded, o = words[after + 1].folded;
        vocative = ((v == "can" || v == "could" || v == "would" || v == "will") &&
                    (o == "i" || o == "you" || o == "we")) ||
                   ((v == "do" || v == "are" || v == "have") && o == "you") || v == "please";
      }
      bool shape_ok = (head.title_case && !everyday(head)) || (known(head) && !everyday(head));
      addressed = (speaking || vocative) && shape_ok;
      // A known given name set off by commas: "Remember me, Mary?", "Leif,
      // can I speak to your boss".
      if ((head.flags & kGivenName) && !everyday(head) && head.title_case &&
          head.folded.size() >= 3) {
        std::string_view before =
            k > 0 ? text.substr(words[k - 1].end, head.start - words[k - 1].end) : std::string_view();
        char after_c = head.end < text.size() ? text[head.end] : '.';
        bool comma_before = before == ", ";
        bool closes = after_c == '?' || after_c == '!' || after_c == '.';
        bool opens = head.sentence_start && after_c == ',' && after < words.size() &&
                     words[after].lower && text.substr(head.end, words[after].start - head.end) == ", ";
        addressed = addressed || (comma_before && closes) || opens;
        // Set off by commas after an acknowledgement: "Great, Chiamaka, I
        // see you here", "Thanks, Dana, one moment".
        static constexpr std::string_view kAcks[] = {"great", "thanks", "okay", "ok",
                                                     "alright", "perfect", "sure", "thank",
                                                     "wonderful", "excellent", "right", "so"};
        if (!addressed && (comma_before || before == " ") && after_c == ',' && k > 0 &&
            In(kAcks, words[k - 1].folded) && words[k - 1].sentence_start) {
          addressed = true;
        }
        // A list of three or more given names: "Gaetane, Hannah, Anthony,
        // Derek, Anna and Andrew".
        auto given = [&](size_t q) {
          const auto& w = words[q];
          return w.title_case && (w.flags & kGivenName) && !everyday(w) && !w.label;
        };
        auto joined = [&](size_t a, size_t b) {  // words a < b, adjacent
          std::string_view gap = text.substr(words[a].end, words[b].start - words[a].end);
          if (gap == ", " || gap == " & ") return true;
          return b == a + 2 && words[a + 1].folded == "and" &&
                 (text.substr(words[a].end, words[a + 1].start - words[a].end) == " " ||
                  text.substr(words[a].end, words[a + 1].start - words[a].end) == ", ");
        };
        addressed = addressed || CountListMembers(k, given, joined, given).first >= 3;
      }
      // People named in a list, known names or not: "our 3 founders:
      // Gerste, Johnson and Johnson", "Barrett and Jones were ...": three
      // or more with a known name among them, or two known names; members
      // that are also words ("Graves", "Reed") when they are known names and
      // one member is no everyday word.
      auto member = [&](size_t q) {
        const auto& w = words[q];
        return w.title_case && (!everyday(w) || (known(w) && !w.sentence_start)) && !w.label &&
               (w.flags & kNotName) == 0 && !w.digits && !w.blocked && w.folded.size() >= 3;
      };
      if (!addressed && member(k)) {
        auto known_name = [&](size_t q) { return (words[q].flags & (kGivenName | kSurname)) != 0; };
        auto plain_member = [&](size_t q) { return !everyday(words[q]); };
        auto linked = [&](size_t a, size_t b) {  // words a < b, adjacent members
          std::string_view gap = text.substr(words[a].end, words[b].start - words[a].end);
          if (b == a + 1) return gap == ", " || gap == " & ";
          if (b != a + 2 || words[a + 1].folded != "and") return false;
          std::string_view g1 = text.substr(words[a].end, words[a + 1].start - words[a].end);
          std::string_view g2 = text.substr(words[a + 1].end, words[b].start - words[a + 1].end);
          return (g1 == " " || g1 == ", ") && g2 == " ";
        };
        auto [members, known_members] = CountListMembers(k, member, linked, known_name);
        const int plain_members = CountListMembers(k, member, linked, plain_member).second;
        addressed = plain_members >= 1 &&
                    ((members >= 3 && known_members >= 1) ||
                     (members == 2 && known_members == 2 && plain_members == 2));
        // Two people, one a known name, and what they were or did: "Usamov
        // and Bowers were precision engineers".
        if (!addressed && members == 2 && known_members >= 1 && plain_members >= 1) {
          size_t last = k;
          if (k + 2 < words.size() && words[k + 1].folded == "and" && member(k + 2) &&
              linked(k, k + 2)) {
            last = k + 2;
          }
          static constexpr std::string_view kPairVerbs[] = {"were", "are", "have", "had",
                                                            "both", "met", "married", "founded",
                                                            "wrote", "said"};
          addressed = last + 1 < words.size() && words[last + 1].lower &&
                      words[last + 1].start - words[last].end == 1 &&
                      In(kPairVerbs, words[last + 1].folded);
        }
      }
      // A greeting, then one capitalised word set off by punctuation. (A
      // name that is also a word only before a comma, as one is addressed:
      // "Hi Fang, how are you?", never "Hello World.")
      if (greeting && head.title_case && head.folded.size() >= 3) {
        char after_c = head.end < text.size() ? text[head.end] : '.';
        if (!everyday(head)) {
          addressed = addressed || after_c == ',' || after_c == '.' || after_c == '!' ||
                      after_c == '?';
        } else if ((head.flags & (kGivenName | kSurname)) && after_c == ',') {
          addressed = true;
        }
      }
    }
    bool accept = false;
    switch (real == 0 ? NameCue::kNone : c) {
      case NameCue::kStrong:
        // After "my name is", "Dr.", a name key: any capitalised word that is
        // not everyday English, or known names in lower case; a known name
        // that is also a word when it is capitalised ("my name is Fang").
        accept = ((name_is || after_name_label) && e == k + 1) || (common_only == 0 && (known_plain > 0 || (plain_unknown > 0 && !any_lower) ||
                                       (known_n > 0 && real >= 2))) ||
                 (real == known_n && !any_lower && !honorific && known_n > 0 &&
                  head.title_case && k > 0 && words[k - 1].lower &&
                  (e >= words.size() || !(words[e].title_case || words[e].upper) ||
                   text.substr(words[e - 1].end, words[e].start - words[e - 1].end)
                           .find_first_of(".!?;,") != std::string_view::npos));
        break;
      case NameCue::kExpected:
        accept = (common_only == 0 && known_plain > 0) || (after_name_label && e == k + 1);
        break;
      case NameCue::kWeak:
        // "for Renata", "hi ashley" (a greeting takes lower case too).
        accept = common_only == 0 && known_plain > 0 && (!any_lower || greeting);
        break;
      case NameCue::kNone:
        break;
    }
    // "Mr. Baker", "Mrs. Rose": after Mr/Mrs/Ms/Miss/Mx a capitalised word is
    // a surname even when it is also an everyday word ("Dr." stays with the
    // rule above: "Dr." also ends street names).
    bool titled = false;
    if (honorific && real >= 1 && !any_lower && (head.title_case || head.upper)) {
      static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "miss", "mx"};
      std::string_view t = words[k - 1].folded;
      while (!t.empty() && t.back() == '.') t.remove_suffix(1);
      // Capitalised: "4091 ms; Room 25A" is milliseconds.
      titled = In(kTitles, t) && (words[k - 1].title_case || words[k - 1].upper);
      // "Dr." too where it cannot end a street name: at the start of a
      // sentence or after a lower-case word ("my take on Dr. Wells"), never
      // after a capitalised one ("1200 Oak Dr. Wells Fargo ATM").
      if (!titled && t == "dr" && words[k - 1].title_case && !head.upper &&
          (words[k - 1].sentence_start || (k >= 2 && words[k - 2].lower && !words[k - 2].digits))) {
        titled = true;
      }
    }
    if (said_title && real == 1 && head.lower && (head.flags & kSurname)) titled = true;
    if (asked_name > 0 && e == k + asked_name) titled = true;
    if (said_doctor && real == 1 && e == k + 1 && head.lower && (head.flags & kNotName) == 0 &&
        ((head.flags & kSurname) || (head.flags & (kGivenName | kCommonWord)) == 0)) {
      // (A word that is also a verb, before what it does it to: "doctor
      // said i should", "doctor told me", never "doctor young said so".)
      static constexpr std::string_view kObjects[] = {
          "i", "me", "you", "to", "that", "it", "we", "he", "she", "so", "they", "us", "him",
          "her", "them", "my", "the", "a", "an", "i'd", "i'm", "it's", "your", "his", "our"};
      titled = !(everyday(head) && e < words.size() && In(kObjects, words[e].folded));
    }
    if (real > 0) {
      accept = accept || full_name || lower_pair || whole_field || whole_line || record_pair ||
               in_prose ||
               addressed || titled;
    }
    // Eponyms: "Huntington's disease", "Kawasaki disease", "Guillain-Barré
    // syndrome", "Bell's palsy" name a condition, not a person.
    if (accept && e < words.size() && words[e].start - words[e - 1].end <= 2 &&
        In(kEponymHeads, words[e].folded)) {
      accept = false;
    }
    // Places of care named after a person or a saint: "Saint Brigid
    // Regional Medical Center", "Mercy Hospital", "Kaplan Pediatrics" --
    // capitalised words of an organisation in or right after the run.
    // (Never after words that say a name comes: "my name is Dana Reyes
    // Medical Records asked me to call".)
    if (accept && c != NameCue::kStrong) {
      static constexpr std::string_view kOrgWords[] = {
          "regional", "medical",  "hospital", "clinic",    "center",     "centre",
          "health",   "healthcare", "pharmacy", "memorial", "hospice",   "institute",
          "university", "dental",  "pediatrics", "imaging", "laboratory", "laboratories",
          "labs",     "orthopedics", "cardiology", "oncology", "associates", "foundation",
          "physicians", "surgical", "rehabilitation", "rehab", "wellness", "urgent"};
      auto org = [&](size_t q) {
        return (words[q].title_case || words[q].upper) && In(kOrgWords, words[q].folded);
      };
      bool named_org = e < words.size() && words[e].start == words[e - 1].end + 1 &&
                       text[words[e - 1].end] == ' ' && org(e);
      for (size_t q = k; q < e && !named_org; ++q) named_org = org(q);
      if (named_org) accept = false;
    }
    if (accept && e == k + 1 && head.lower && (head.flags & kGivenName) && e < words.size() &&
        words[e].lower && (words[e].flags & kSurname) && !(words[e].flags & kNotName) &&
        !words[e].digits && words[e].folded.size() >= 3 &&
        text.substr(head.end, words[e].start - head.end) == " ") {
      // A given name said in lower case, then a surname that is also a word,
      // ending what was said: "it's jessica walker", "oh um paul baker
      // sorry", "linda smith." (never "paul called", "linda said so").
      const uint32_t after = words[e].end;
      bool ends = after >= text.size() || text[after] == '.' || text[after] == ',' ||
                  text[after] == '!' || text[after] == '?' || text[after] == '\n';
      if (!ends && e + 1 < words.size() && text.substr(after, words[e + 1].start - after) == " ") {
        static constexpr std::string_view kAfterName[] = {"sorry", "um", "uh", "here", "speaking",
                                                          "my", "calling"};
        ends = In(kAfterName, words[e + 1].folded);
      }
      if (ends) ++e;
    }
    if (accept) {
      // A generational suffix after the name goes with it: "Hamdi Tesfaye
      // III", "Dana Reyes, Jr.".
      uint32_t end = words[e - 1].end;
      if (e < words.size() && words[e].suffix && !words[e].lower) {
        std::string_view gap = text.substr(end, words[e].start - end);
        if (gap == " " || gap == ", ") {
          end = words[e].end;
          ++e;
        }
      }
      out->emplace_back(words[k].start, end);
      // A surname after a filler, ending what was said: "Priya uh
      // Delacroix.", "ximena er jankowski".
      if (e + 1 < words.size() && (words[e].folded == "uh" || words[e].folded == "um" ||
                                   words[e].folded == "er")) {
        const auto& sur = words[e + 1];
        const uint32_t after = sur.end;
        const bool ends = after >= text.size() || std::strchr(".,!?\n", text[after]) != nullptr ||
                          (e + 2 < words.size() && In(kLowerStops, words[e + 2].folded));
        if (ends && !sur.digits && !sur.label && !sur.honorific && !sur.contraction &&
            (sur.flags & kNotName) == 0 && sur.folded.size() >= 3 && sur.start - words[e].end <= 2 &&
            words[e].start - end <= 2 &&
            ((sur.title_case && !everyday(sur)) ||
             ((sur.flags & kSurname) && !everyday(sur)))) {
          out->emplace_back(sur.start, sur.end);
          e += 2;
        }
      }
      k = e;
    } else {
      ++k;
    }
  }
}

namespace {

// Whether a key, lower-cased with its separators dropped ("pt_first" ->
// "ptfirst", "Patient Name" -> "patientname"), names a person's name.
bool PersonNameKey(std::string_view k) {
  static constexpr std::string_view kWhole[] = {
      "first",    "last",     "given",    "family",   "fname",    "lname",    "forename",
      "surname",  "ptfirst",  "ptlast",   "namefirst", "namelast", "nmfirst", "nmlast",
      "firstnm",  "lastnm",   "fullnm",   "ptnm",     "patientnm", "membernm", "subscribernm",
      "givennames", "nextofkin", "nok"};
  static constexpr std::string_view kEnds[] = {"firstname", "lastname", "givenname",
                                               "familyname", "fullname", "middlename",
                                               "maidenname", "surname", "forename",
                                               "legalname", "preferredname"};
  static constexpr std::string_view kRoles[] = {
      "patient", "pt",        "member",   "mbr",       "subscriber", "guarantor",
      "insured", "cardholder", "caller",  "callerid",  "customer",   "client",
      "contact", "emergencycontact", "beneficiary", "recipient", "spouse", "guardian",
      "parent",  "mother",    "father",   "nok",       "responsibleparty", "person",
      "resident", "applicant", "enrollee", "dependent", "policyholder", "account",
      "accountholder", "cnam"};
  if (k.size() < 3 || k.size() > 40) return false;
  for (std::string_view w : kWhole) {
    if (k == w) return true;
  }
  for (std::string_view e : kEnds) {
    if (k.size() >= e.size() && k.substr(k.size() - e.size()) == e) return true;
  }
  for (std::string_view tail : {std::string_view("name"), std::string_view("nm")}) {
    if (k.size() <= tail.size() || k.substr(k.size() - tail.size()) != tail) continue;
    std::string_view head = k.substr(0, k.size() - tail.size());
    for (std::string_view r : kRoles) {
      if (head == r) return true;
      // "guarantorpatient", "emergencycontact": the role ends the head.
      if (head.size() > r.size() && head.substr(head.size() - r.size()) == r && r.size() >= 5) {
        return true;
      }
    }
  }
  return false;
}

bool KeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-' || c == '.';
}

// Whether [b, e) of text is a person's name as a key's whole value.
bool NameShapedValue(std::string_view text, size_t b, size_t e, bool capitals) {
  std::string_view v = text.substr(b, e - b);
  if (v.size() < 2 || v.size() > 64) return false;
  const NameGazetteer& gaz = NameGazetteer::Builtin();
  static constexpr std::string_view kPlaceholders[] = {
      "unknown", "na",    "n/a",   "none",      "null",  "nil",  "undefined", "redacted",
      "anonymous", "test", "tbd",  "pending",   "self",  "patient", "member", "caller",
      "user",    "guest", "other", "notprovided", "not", "provided", "missing", "empty",
      "blank",   "withheld", "private", "restricted", "confidential", "unavailable",
      "wireless", "caller", "unknownname", "name", "first", "last", "toll", "free",
      "true",    "false", "yes",   "no",        "ok",    "y",    "n"};
  int words = 0, commas = 0, letters_words = 0, everyday = 0, known = 0;
  std::string folded;
  size_t i = 0;
  while (i < v.size()) {
    if (v[i] == ' ') {
      if (i + 1 < v.size() && v[i + 1] == ' ') return false;
      ++i;
      continue;
    }
    if (v[i] == ',') {
      if (++commas > 1 || words != 1) return false;
      ++i;
      continue;
    }
    size_t j = i;
    bool letter = false;
    while (j < v.size() && v[j] != ' ' && v[j] != ',') {
      unsigned char c = static_cast<unsigned char>(v[j]);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
        letter = true;
      } else if (c == '-' || c == '\'' || c == '.') {
        // inside a word, or an initial's full stop
      } else {
        return false;  // digits, '@', '/', '_', markup
      }
      ++j;
    }
    if (!letter || ++words > 4) return false;
    std::string_view w = v.substr(i, j - i);
    // (When the key alone says little, "first": written like a name, or a
    // known name that is no everyday word: "first=rhea", never "last=login".)
    const bool lower_word = capitals && w[0] >= 'a' && w[0] <= 'z';
    bool first_upper = false, all_upper = false;
    FoldWord(w, &folded, &first_upper, &all_upper);
    while (!folded.empty() && folded.back() == '.') folded.pop_back();
    for (std::string_view p : kPlaceholders) {
      if (folded == p) return false;
    }
    // (The particles that lead a surname in lower case, before its last word.)
    static constexpr std::string_view kLeadingParticles[] = {
        "de", "la", "del", "della", "van", "von", "der", "den", "da",
        "di", "du", "le", "al",  "el",    "bin", "ibn", "ten", "ter"};
    const uint8_t f = gaz.Flags(folded);
    if (lower_word && !(j < v.size() && In(kLeadingParticles, folded)) &&
        (!(f & (kGivenName | kSurname)) || (f & (kCommonWord | kNotName)))) {
      return false;
    }
    if (folded.size() >= 2) {
      ++letters_words;
      if (f & (kGivenName | kSurname)) ++known;
      if ((f & kCommonWord) || (f & kNotName)) ++everyday;
    }
    i = j;
  }
  if (words == 0 || letters_words == 0) return false;
  // Everyday words alone ("Front Desk", "Main Office") are no name; one
  // that is also a given name may be ("Will", "Hope").
  return !(everyday == letters_words && (letters_words > 1 || known == 0));
}

}  // namespace

void FindKeyedNames(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  std::string key;
  for (size_t s = 0; s < text.size(); ++s) {
    char sep = text[s];
    if (sep != '=' && sep != ':') continue;
    // The key before: "PATIENTNAME", "\"pt_first\"", "full_name ", and a
    // JSON key humanised as words ("patient name").
    size_t k = s;
    while (k > 0 && text[k - 1] == ' ') --k;
    if (k > 0 && (text[k - 1] == '"' || text[k - 1] == '\'')) --k;
    size_t ke = k;
    key.clear();
    size_t kb = ke;
    for (int part = 0; part < 3; ++part) {
      size_t b = kb;
      while (b > 0 && KeyChar(text[b - 1])) --b;
      if (b == kb) break;
      std::string piece;
      for (size_t q = b; q < kb; ++q) {
        char c = text[q];
        if (c == '_' || c == '-' || c == '.') continue;
        piece.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      }
      key.insert(0, piece);
      kb = b;
      if (PersonNameKey(key)) break;
      // Humanised keys only: words joined by one blank.
      if (kb < 2 || text[kb - 1] != ' ' || !KeyChar(text[kb - 2])) break;
      --kb;
    }
    if (!PersonNameKey(key)) continue;
    // The value after: quoted, or up to the next field.
    size_t v = s + 1;
    while (v < text.size() && text[v] == ' ') ++v;
    if (v >= text.size()) continue;
    size_t b, e;
    char q = text[v];
    if (q == '"' || q == '\'') {
      b = v + 1;
      e = b;
      while (e < text.size() && text[e] != q && text[e] != '\n' && e - b <= 80) ++e;
      if (e >= text.size() || text[e] != q) continue;
    } else {
      b = v;
      e = b;
      while (e < text.size()) {
        char c = text[e];
        if (c == ';' || c == '&' || c == '|' || c == '\n' || c == '\t' || c == '<' || c == '>' ||
            c == ')' || c == ']' || c == '}' || c == '"' || c == '\r') {
          break;
        }
        // "Last, First" once; another field after a comma ends the value.
        if (c == ',') {
          size_t n = e + 1;
          while (n < text.size() && text[n] == ' ') ++n;
          size_t w = n;
          while (w < text.size() && KeyChar(text[w])) ++w;
          if (w < text.size() && (text[w] == '=' || text[w] == ':')) break;
        }
        // A blank before the next key ("first=Rhea last=Tolentino").
        if (c == ' ') {
          size_t w = e + 1;
          while (w < text.size() && KeyChar(text[w])) ++w;
          if (w > e + 1 && w < text.size() && (text[w] == '=' || text[w] == ':')) break;
        }
        if (e - b > 80) break;
        ++e;
      }
      while (e > b && (text[e - 1] == ' ' || text[e - 1] == ',' || text[e - 1] == '.')) {
        // (Keep an initial's full stop: "Dana L.")
        bool initial = text[e - 1] == '.' && e - b >= 2 && (e - b == 2 || text[e - 3] == ' ');
        if (initial) break;
        --e;
      }
    }
    // Keys that are only a part's name ("first", "last") take names written
    // with capitals ("first=Rhea", never "first=true").
    const bool bare = key == "first" || key == "last" || key == "given" || key == "family";
    if (NameShapedValue(text, b, e, bare)) {
      out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
      s = e;
    }
  }
}

void FindVocativeNames(std::string_view text, const NameScratch& scratch,
                       std::vector<std::pair<uint32_t, uint32_t>>* out) {
  static constexpr std::string_view kOpeners[] = {"hi",   "hello",   "hey",     "morning",
                                                  "afternoon", "evening", "okay", "ok",
                                                  "alright", "thanks", "welcome", "bye",
                                                  "goodbye"};
  static constexpr std::string_view kNext[] = {
      "it's", "its", "come", "how", "i", "i'm", "im", "thanks", "thank", "nice", "good",
      "great", "welcome", "please", "let's", "lets", "we", "have", "what", "so", "let", "it",
      "your"};
  static constexpr std::string_view kNever[] = {
      "there", "everyone", "everybody", "all", "guys", "folks", "team", "again", "doctor",
      "sir",   "madam",    "mam",       "yes", "yeah", "um",   "uh",   "so",    "and",
      "how",   "what",     "my",        "the", "this", "it",   "you",  "there's", "back",
      "dear",  "honey",    "sweetie",   "buddy", "friend", "ma'am", "then", "now", "just",
      "thanks", "thank",   "great",     "good", "perfect", "sure", "well", "right", "cool"};
  const auto& words = scratch.words;
  for (size_t k = 1; k < words.size(); ++k) {
    const auto& w = words[k];
    const auto& prev = words[k - 1];
    if (!In(kOpeners, prev.folded) &&
        !(prev.folded == "you" && k >= 2 && words[k - 2].folded == "thank") &&
        !(prev.folded == "right" && k >= 2 && words[k - 2].folded == "all")) {
      continue;
    }
    std::string_view gap = text.substr(prev.end, w.start - prev.end);
    if (gap != " " && gap != ", ") continue;
    if (w.digits || w.label || w.honorific || w.blocked || w.initial || w.contraction ||
        w.possessive || w.folded.size() < 3 || (w.flags & kNotName) || In(kNever, w.folded)) {
      continue;
    }
    // A known given name, everyday or not ("heather"), or a word no list has.
    const bool given = (w.flags & kGivenName) != 0;
    const bool unknown = (w.flags & (kGivenName | kSurname | kCommonWord)) == 0;
    if (!given && !unknown) continue;
    // (After "all right" a word that is also everyday English only in
    // capitals: "all right can i get ...".)
    if (prev.folded == "right" && (w.flags & kCommonWord) && !w.title_case) continue;
    if (!(w.lower || w.title_case)) continue;
    // What follows is said to them: the turn ends, or it goes on.
    bool next = false;
    size_t after = w.end;
    if (after >= text.size() || text[after] == '\n' || text[after] == ',' || text[after] == '.' ||
        text[after] == '!' || text[after] == '?') {
      next = true;
    } else if (k + 1 < words.size() && words[k + 1].start == after + 1 && text[after] == ' ') {
      // ("you're all set": contractions are looked up by their base word.)
      next = In(kNext, words[k + 1].folded) ||
             (words[k + 1].folded == "you" && words[k + 1].contraction);
    }
    if (next) out->emplace_back(w.start, w.end);
  }
}

void FindPathNames(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  const NameGazetteer& gaz = NameGazetteer::Builtin();
  auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  struct Part {
    uint32_t b, e;
    bool name, date;
  };
  std::vector<Part> parts;
  std::string folded, decoded;
  // A percent-escaped byte of a UTF-8 letter ("%C3%B9" in "B%C3%B9i").
  auto hex = [](char c) {
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : -1;
  };
  auto escaped = [&](size_t i) {
    return text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 8 && hex(text[i + 2]) >= 0;
  };
  // Collections of people: the segment after one names a person
  // ("/patients/Tahan,Youssef/documents").
  static constexpr std::string_view kPeople[] = {"patients", "patient",     "members",
                                                 "member",   "subscribers", "persons",
                                                 "people",   "contacts",    "guarantors"};
  std::string_view previous;
  size_t slash = text.find('/');
  while (slash != std::string_view::npos) {
    size_t b = slash + 1, e = b;
    // (A comma inside a segment, before a letter, joins "Last,First".)
    while (e < text.size() && text[e] != '/' && text[e] != ' ' && text[e] != '"' &&
           text[e] != '\'' && text[e] != '?' && text[e] != '&' && text[e] != '\t' &&
           !(text[e] == ',' && !(e + 1 < text.size() && (letter(text[e + 1]) || escaped(e + 1)))) &&
           text[e] != ')' && text[e] != ']' && text[e] != '>') {
      ++e;
    }
    std::string_view segment = text.substr(b, e - b);
    const bool after_people = In(kPeople, previous);
    previous = segment;
    // "Last,First" after a collection of people: both, known names or not.
    if (after_people) {
      size_t comma = segment.find(',');
      bool shape = comma != std::string_view::npos && comma > 0 && comma + 1 < segment.size() &&
                   segment.find(',', comma + 1) == std::string_view::npos;
      for (size_t q = 0; shape && q < segment.size(); ++q) {
        char c = segment[q];
        shape = letter(c) || c == ',' || c == '-' || c == '\'' || c == '.' || escaped(b + q) ||
                (q >= 1 && escaped(b + q - 1)) || (q >= 2 && escaped(b + q - 2));
      }
      // (Names are capitalised: "/patients/search,export" is no name.)
      auto capital_at = [&](size_t q) { return upper(text[q]) || escaped(q); };
      shape = shape && capital_at(b) && capital_at(b + comma + 1);
      if (shape) {
        out->emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(b + comma));
        out->emplace_back(static_cast<uint32_t>(b + comma + 1), static_cast<uint32_t>(e));
        slash = e < text.size() ? text.find('/', e) : std::string_view::npos;
        continue;
      }
    }
    parts.clear();
    // Hashes and UUIDs hold no names ("b6f4f968-d2cb-…", a trace id).
    size_t hexish = 0;
    for (size_t q = b; q < e; ++q) {
      char c = text[q];
      hexish += (digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-') ? 1 : 0;
    }
    if (e - b >= 16 && hexish * 10 >= (e - b) * 9) {
      slash = e < text.size() ? text.find('/', e) : std::string_view::npos;
      continue;
    }
    for (size_t i = b; i < e;) {
      if (digit(text[i])) {
        // Digits, joined by single '-' or '.': a date ("1951-12-13") or an
        // id ("2008-6381841", "472724") when six digits or more; fewer are
        // versions and counts ("v2", "1.2.3").
        size_t j = i, n = 0;
        while (j < e && (digit(text[j]) || ((text[j] == '-' || text[j] == '.') && j + 1 < e &&
                                            digit(text[j + 1]) && digit(text[j - 1])))) {
          n += digit(text[j]) ? 1 : 0;
          ++j;
        }
        parts.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), false, n >= 6});
        i = j;
        continue;
      }
      if (!letter(text[i]) && !escaped(i)) {
        ++i;
        continue;
      }
      size_t j = escaped(i) ? i + 3 : i + 1;
      while (j < e && (escaped(j) || (letter(text[j]) && !(upper(text[j]) && !upper(text[j - 1]))))) {
        j += escaped(j) ? 3 : 1;
      }
      decoded.clear();
      for (size_t q = i; q < j;) {
        if (escaped(q)) {
          decoded.push_back(static_cast<char>(hex(text[q + 1]) * 16 + hex(text[q + 2])));
          q += 3;
        } else {
          decoded.push_back(text[q++]);
        }
      }
      folded.clear();
      bool first_upper = false, all_upper = false;
      FoldWord(decoded, &folded, &first_upper, &all_upper);
      uint8_t f = gaz.Flags(folded);
      bool name = folded.size() >= 3 && (f & (kGivenName | kSurname)) != 0 &&
                  (f & (kCommonWord | kNotName)) == 0;
      parts.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), name, false});
      i = j;
    }
    for (size_t k = 0; k < parts.size(); ++k) {
      if (!parts[k].name) continue;
      // A name beside a name ("Manalo-Maricel", "DeepikaSubramanian"), or
      // beside a date or an id across one separator ("472724_Okonkwo"; never
      // letters inside hex: "…895201bede").
      auto near = [&](size_t o, size_t gap_b, size_t gap_e) {
        if (o >= parts.size() || gap_e - gap_b > 1) return false;
        if (parts[o].name) return true;
        char sep = gap_e > gap_b ? text[gap_b] : '\0';
        return parts[o].date && (sep == '_' || sep == '-' || sep == '.');
      };
      bool pair = (k > 0 && near(k - 1, parts[k - 1].e, parts[k].b)) ||
                  (k + 1 < parts.size() && near(k + 1, parts[k].e, parts[k + 1].b));
      if (pair) out->emplace_back(parts[k].b, parts[k].e);
    }
    slash = e < text.size() ? text.find('/', e) : std::string_view::npos;
  }
}

}  // namespace phiscrub::internal
