#include "normalize/spoken.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "validate/validators.h"

namespace phiscrub::internal {
namespace {

// ---------------------------------------------------------------------------
// Words

enum class W : uint8_t {
  kNone,
  kDigit,     // zero..nine, oh, o: value
  kTeen,      // ten..nineteen: value
  kTens,      // twenty..ninety: value
  kHundred,
  kThousand,
  kOrdinal,   // first..ninth, tenth..nineteenth, twentieth..ninetieth: value
  kDouble,    // value 2 (double) or 3 (triple)
  kSep,       // dash, hyphen, slash, dot, point, underscore: value = the char
  kExtension, // extension, ext
  kFiller,    // um, uh, er, ...
  kAnd,
  kAt,
  kMonth,
  kNato,      // value = the letter
  kAs,
  kIn,
};

struct WordInfo {
  W kind = W::kNone;
  int value = 0;
};

struct Entry {
  std::string_view word;
  W kind;
  int value;
};

constexpr Entry kWords[] = {
    {"zero", W::kDigit, 0},      {"oh", W::kDigit, 0},        {"o", W::kDigit, 0},
    {"one", W::kDigit, 1},       {"two", W::kDigit, 2},       {"three", W::kDigit, 3},
    {"four", W::kDigit, 4},      {"five", W::kDigit, 5},      {"six", W::kDigit, 6},
    {"seven", W::kDigit, 7},     {"eight", W::kDigit, 8},     {"nine", W::kDigit, 9},
    // Spanish digits, as callers say them through an interpreter ("dos
    // nueve seis cuatro cero").
    {"cero", W::kDigit, 0},      {"uno", W::kDigit, 1},       {"dos", W::kDigit, 2},
    {"tres", W::kDigit, 3},      {"cuatro", W::kDigit, 4},    {"cinco", W::kDigit, 5},
    {"seis", W::kDigit, 6},      {"siete", W::kDigit, 7},     {"ocho", W::kDigit, 8},
    {"nueve", W::kDigit, 9},
    // Spanish teens and tens ("sesenta y tres": the "y" goes, Tokenize;
    // never "once", an English word).
    {"diez", W::kTeen, 10},      {"doce", W::kTeen, 12},      {"trece", W::kTeen, 13},
    {"catorce", W::kTeen, 14},   {"quince", W::kTeen, 15},    {"dieciséis", W::kTeen, 16},
    {"dieciseis", W::kTeen, 16}, {"diecisiete", W::kTeen, 17}, {"dieciocho", W::kTeen, 18},
    {"diecinueve", W::kTeen, 19}, {"veinte", W::kTens, 20},   {"treinta", W::kTens, 30},
    {"cuarenta", W::kTens, 40},  {"cincuenta", W::kTens, 50}, {"sesenta", W::kTens, 60},
    {"setenta", W::kTens, 70},   {"ochenta", W::kTens, 80},   {"noventa", W::kTens, 90},
    {"ten", W::kTeen, 10},       {"eleven", W::kTeen, 11},    {"twelve", W::kTeen, 12},
    {"thirteen", W::kTeen, 13},  {"fourteen", W::kTeen, 14},  {"fifteen", W::kTeen, 15},
    {"sixteen", W::kTeen, 16},   {"seventeen", W::kTeen, 17}, {"eighteen", W::kTeen, 18},
    {"nineteen", W::kTeen, 19},  {"twenty", W::kTens, 20},    {"thirty", W::kTens, 30},
    {"forty", W::kTens, 40},     {"fourty", W::kTens, 40},    {"fifty", W::kTens, 50},
    {"sixty", W::kTens, 60},     {"seventy", W::kTens, 70},   {"eighty", W::kTens, 80},
    {"ninety", W::kTens, 90},    {"hundred", W::kHundred, 100},
    {"thousand", W::kThousand, 1000}, {"mil", W::kThousand, 1000},
    {"first", W::kOrdinal, 1},   {"second", W::kOrdinal, 2},  {"third", W::kOrdinal, 3},
    {"fourth", W::kOrdinal, 4},  {"fifth", W::kOrdinal, 5},   {"sixth", W::kOrdinal, 6},
    {"seventh", W::kOrdinal, 7}, {"eighth", W::kOrdinal, 8},  {"ninth", W::kOrdinal, 9},
    {"tenth", W::kOrdinal, 10},  {"eleventh", W::kOrdinal, 11},
    {"twelfth", W::kOrdinal, 12}, {"thirteenth", W::kOrdinal, 13},
    {"fourteenth", W::kOrdinal, 14}, {"fifteenth", W::kOrdinal, 15},
    {"sixteenth", W::kOrdinal, 16}, {"seventeenth", W::kOrdinal, 17},
    {"eighteenth", W::kOrdinal, 18}, {"nineteenth", W::kOrdinal, 19},
    {"twentieth", W::kOrdinal, 20}, {"thirtieth", W::kOrdinal, 30},
    {"double", W::kDouble, 2},   {"triple", W::kDouble, 3},
    {"dash", W::kSep, '-'},      {"hyphen", W::kSep, '-'},    {"slash", W::kSep, '/'},
    {"dot", W::kSep, '.'},       {"point", W::kSep, '.'},     {"underscore", W::kSep, '_'},
    {"period", W::kSep, '.'},
    {"extension", W::kExtension, 0}, {"ext", W::kExtension, 0},
    {"then", W::kFiller, 0},     {"um", W::kFiller, 0},       {"uh", W::kFiller, 0},       {"umm", W::kFiller, 0},
    {"uhm", W::kFiller, 0},      {"er", W::kFiller, 0},       {"erm", W::kFiller, 0},
    {"ah", W::kFiller, 0},       {"hmm", W::kFiller, 0},      {"mm", W::kFiller, 0},
    // (Other languages' "um" in English speech: "este", "eh".)
    {"uhh", W::kFiller, 0},      {"este", W::kFiller, 0},     {"eh", W::kFiller, 0},
    {"and", W::kAnd, 0},         {"at", W::kAt, 0},           {"as", W::kAs, 0},
    {"in", W::kIn, 0},
    {"january", W::kMonth, 1},   {"february", W::kMonth, 2},  {"march", W::kMonth, 3},
    {"april", W::kMonth, 4},     {"may", W::kMonth, 5},       {"june", W::kMonth, 6},
    {"july", W::kMonth, 7},      {"august", W::kMonth, 8},    {"september", W::kMonth, 9},
    {"october", W::kMonth, 10},  {"november", W::kMonth, 11}, {"december", W::kMonth, 12},
    {"jan", W::kMonth, 1},       {"feb", W::kMonth, 2},       {"mar", W::kMonth, 3},
    {"apr", W::kMonth, 4},       {"jun", W::kMonth, 6},       {"jul", W::kMonth, 7},
    {"aug", W::kMonth, 8},       {"sep", W::kMonth, 9},       {"sept", W::kMonth, 9},
    {"oct", W::kMonth, 10},      {"nov", W::kMonth, 11},      {"dec", W::kMonth, 12},
    // Spanish months (ReadSpanishDates writes them in English).
    {"enero", W::kMonth, 1},     {"febrero", W::kMonth, 2},   {"marzo", W::kMonth, 3},
    {"abril", W::kMonth, 4},     {"mayo", W::kMonth, 5},      {"junio", W::kMonth, 6},
    {"julio", W::kMonth, 7},     {"agosto", W::kMonth, 8},    {"septiembre", W::kMonth, 9},
    {"setiembre", W::kMonth, 9}, {"octubre", W::kMonth, 10},  {"noviembre", W::kMonth, 11},
    {"diciembre", W::kMonth, 12},
    {"alpha", W::kNato, 'a'},    {"alfa", W::kNato, 'a'},     {"bravo", W::kNato, 'b'},
    {"charlie", W::kNato, 'c'},  {"delta", W::kNato, 'd'},    {"echo", W::kNato, 'e'},
    {"foxtrot", W::kNato, 'f'},  {"golf", W::kNato, 'g'},     {"hotel", W::kNato, 'h'},
    {"india", W::kNato, 'i'},    {"juliet", W::kNato, 'j'},   {"juliett", W::kNato, 'j'},
    {"kilo", W::kNato, 'k'},     {"lima", W::kNato, 'l'},     {"mike", W::kNato, 'm'},
    {"oscar", W::kNato, 'o'},    {"papa", W::kNato, 'p'},     {"quebec", W::kNato, 'q'},
    {"romeo", W::kNato, 'r'},    {"sierra", W::kNato, 's'},   {"tango", W::kNato, 't'},
    {"uniform", W::kNato, 'u'},  {"victor", W::kNato, 'v'},   {"whiskey", W::kNato, 'w'},
    {"xray", W::kNato, 'x'},     {"x-ray", W::kNato, 'x'},     {"yankee", W::kNato, 'y'},   {"zulu", W::kNato, 'z'},
};
// "november" is a month and a NATO word; as a month it is looked up, and a
// spelled run takes it as 'n' (IsLetterItem).

// Top-level domains an e-mail spoken as words may end with.
constexpr std::string_view kTlds[] = {"com", "net",  "org", "edu", "gov", "io",     "us",  "uk",
                                      "co",  "info", "biz", "me",  "ai",  "health", "mil", "ca"};

inline bool IsAsciiLetterLower(char c) { return c >= 'a' && c <= 'z'; }

WordInfo Lookup(std::string_view lower) {
  // Small table; a linear scan over ~150 entries is only paid for words of
  // at most 11 letters that start like a table word.
  static const auto* index = [] {
    auto* idx = new std::array<std::vector<const Entry*>, 26>();
    for (const Entry& e : kWords) (*idx)[e.word[0] - 'a'].push_back(&e);
    return idx;
  }();
  if (lower.empty() || lower.size() > 11 || lower[0] < 'a' || lower[0] > 'z') return {};
  for (const Entry* e : (*index)[lower[0] - 'a']) {
    if (lower == e->word) return {e->kind, e->value};
  }
  return {};
}

// A known top-level domain, or any two-letter one (country codes).
bool IsListedTld(std::string_view lower) {
  for (std::string_view t : kTlds) {
    if (lower == t) return true;
  }
  return false;
}

bool IsTld(std::string_view lower) {
  if (IsListedTld(lower)) return true;
  return lower.size() == 2 && IsAsciiLetterLower(lower[0]) && IsAsciiLetterLower(lower[1]);
}

// ---------------------------------------------------------------------------
// Tokens

enum class T : uint8_t { kWord, kDigits, kPunct, kBreak };

struct Tok {
  T type = T::kWord;
  uint32_t b = 0, e = 0;
  std::string lower;  // words: lower-cased; digits: the digits; punct: the char
  WordInfo info;
  bool space_before = false;  // whitespace between this and the previous token
  // What the view writes for a token merged from several: a word said, then
  // spelled ("rosat, that's r o s a t,": "rosat"), an acronym spelled ("N P
  // I": "NPI"). Empty if none.
  std::string said;
  uint32_t spelled_b = 0, spelled_e = 0;  // the spelling's letters, if any
  // The first digits of a value trailed off before it is said again from
  // its start ("three... three nine five", "9... 99, 208"): left out of the
  // view with the dots after them.
  bool restart = false;
};

inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The suffix of a written ordinal ("1st", "42nd", "3rd", "10th"), either case.
inline bool OrdinalSuffix(char a, char b) {
  a = static_cast<char>(a | 0x20);
  b = static_cast<char>(b | 0x20);
  return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
         (a == 't' && b == 'h');
}

bool IsNumberWord(const Tok& t);
char JoinerOf(const Tok& t);

// A letter written as the word of its name ("kay", "ef", "tee", "are"):
// the letter, or 0. *sure: no other word is written so ("are", "you",
// "why", "see", "oh", "eye" are words too).
char LetterName(std::string_view w, bool* sure) {
  static constexpr std::pair<std::string_view, char> kSure[] = {
      {"bee", 'b'}, {"cee", 'c'},   {"dee", 'd'}, {"ee", 'e'},  {"ef", 'f'},  {"eff", 'f'},
      {"gee", 'g'}, {"aitch", 'h'}, {"jay", 'j'}, {"kay", 'k'}, {"el", 'l'},  {"ell", 'l'},
      {"em", 'm'},  {"en", 'n'},    {"pee", 'p'}, {"cue", 'q'}, {"es", 's'},  {"ess", 's'},
      {"tee", 't'}, {"vee", 'v'},   {"ex", 'x'},  {"zee", 'z'}, {"zed", 'z'}};
  static constexpr std::pair<std::string_view, char> kMaybe[] = {
      {"are", 'r'}, {"ar", 'r'},  {"you", 'u'}, {"why", 'y'}, {"see", 'c'},  {"sea", 'c'},
      {"oh", 'o'},  {"eye", 'i'}, {"tea", 't'}, {"pea", 'p'}, {"queue", 'q'}, {"ay", 'a'}};
  *sure = false;
  // (Asked of most short words of a record: a bucket by first letter, no
  // compare for a word none starts like.)
  if (w.size() < 2 || w.size() > 5 || w[0] < 'a' || w[0] > 'z') return '\0';
  struct Entry {
    std::string_view name;
    char letter;
    bool sure;
  };
  static const auto* index = [] {
    auto* idx = new std::array<std::vector<Entry>, 26>();
    for (const auto& [name, c] : kSure) (*idx)[name[0] - 'a'].push_back({name, c, true});
    for (const auto& [name, c] : kMaybe) (*idx)[name[0] - 'a'].push_back({name, c, false});
    return idx;
  }();
  for (const Entry& e : (*index)[w[0] - 'a']) {
    if (e.name.size() == w.size() && e.name == w) {
      *sure = e.sure;
      return e.letter;
    }
  }
  return '\0';
}

// Spanish tens and units: "veintitrés" is two numbers, as "twenty-three"
// is; the "y" of "sesenta y tres" goes.
void SplitSpanishNumbers(std::vector<Tok>* out) {
  for (size_t k = 0; k < out->size(); ++k) {
    Tok& w = (*out)[k];
    if (w.type != T::kWord || w.info.kind != W::kNone) continue;
    static constexpr std::pair<std::string_view, int> kVeinti[] = {
        {"veintiuno", 1}, {"veintiún", 1}, {"veintidós", 2}, {"veintidos", 2}, {"veintitrés", 3},
        {"veintitres", 3}, {"veinticuatro", 4}, {"veinticinco", 5}, {"veintiséis", 6},
        {"veintiseis", 6}, {"veintisiete", 7}, {"veintiocho", 8}, {"veintinueve", 9}};
    for (const auto& [word, unit] : kVeinti) {
      if (w.lower != word) continue;
      Tok second = w;
      second.lower = std::string(1, static_cast<char>('0' + unit));
      second.info = {W::kDigit, unit};
      second.b = w.e;  // (no bytes of its own: the word's end)
      second.space_before = false;
      w.lower = "veinte";
      w.info = Lookup(w.lower);
      out->insert(out->begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(second));
      ++k;
      break;
    }
  }
  for (size_t k = 1; k + 1 < out->size(); ++k) {
    const Tok& tens = (*out)[k - 1];
    const Tok& y = (*out)[k];
    const Tok& unit = (*out)[k + 1];
    static constexpr std::string_view kUnits[] = {"uno", "una", "dos", "tres", "cuatro",
                                                  "cinco", "seis", "siete", "ocho", "nueve"};
    if (y.type == T::kWord && y.lower == "y" && tens.type == T::kWord && tens.info.kind == W::kTens &&
        tens.lower.size() > 6 && tens.lower.back() == 'a' && unit.type == T::kWord &&
        std::find(std::begin(kUnits), std::end(kUnits), unit.lower) != std::end(kUnits)) {
      Tok& u = (*out)[k + 1];
      if (u.lower == "una") u.info = {W::kDigit, 1};
      u.space_before = false;
      out->erase(out->begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
}

// Dates said in Spanish: "el diez de marzo del ochenta y cuatro",
// "veintitrés de mayo de mil novecientos noventa y cuatro". The month is
// written in English with the "de"/"del" after it ("10 of March 84"), the
// "de" before it is "of", and "mil novecientos" is a nineteen before the
// rest of the year ("dos mil cuatro" is a thousand already).
void ReadSpanishDates(std::vector<Tok>* out) {
  static constexpr std::string_view kEnglish[] = {"", "January", "February", "March", "April",
                                                  "May", "June", "July", "August", "September",
                                                  "October", "November", "December"};
  auto word = [&](size_t k, std::string_view w) {
    return k < out->size() && (*out)[k].type == T::kWord && (*out)[k].lower == w;
  };
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    // "mil novecientos": nineteen hundred.
    if (word(k, "mil") && word(k + 1, "novecientos")) {
      Tok& m = (*out)[k];
      m.info = {W::kTeen, 19};
      m.lower = "nineteen";
      m.e = (*out)[k + 1].e;
      out->erase(out->begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
  }
  for (size_t k = 1; k + 1 < out->size(); ++k) {
    Tok& mo = (*out)[k];
    if (mo.type != T::kWord || mo.info.kind != W::kMonth || !mo.said.empty()) continue;
    const int month = mo.info.value;
    const bool spanish = mo.lower.size() >= 4 && mo.lower != "june" && mo.lower != "july" &&
                         Lookup(mo.lower).kind == W::kMonth &&
                         (mo.lower.back() == 'o' || mo.lower.back() == 'e' || mo.lower == "abril");
    if (!spanish || month < 1 || month > 12) continue;
    // "de" before it after a day: "of".
    const bool de_before = word(k - 1, "de") && k >= 2 && IsNumberWord((*out)[k - 2]);
    // "de"/"del" after it before a year.
    const bool de_after = (word(k + 1, "de") || word(k + 1, "del")) && k + 2 < out->size() &&
                          IsNumberWord((*out)[k + 2]);
    if (!de_before && !de_after) continue;
    if (de_before) (*out)[k - 1].said = "of";
    mo.said = std::string(kEnglish[month]);
    if (de_after) {
      mo.e = (*out)[k + 1].e;
      out->erase(out->begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
  }
}

// An id read out character by character with pauses, its letters as the
// words of their names ("three, gee, dee, one, double you, three, eight,
// ex, ex, three, seven", "four, why, double you, oh, ay, en, one ..."):
// a run of single characters (letters, letter names, digits) and commas,
// with two names at least that no other word shares and two digits.
void ReadIdLetterNames(std::vector<Tok>* out) {
  {
    auto is_w = [&](size_t q) {  // "double you": W
      return q + 1 < out->size() && (*out)[q].type == T::kWord && (*out)[q].lower == "double" &&
             ((*out)[q + 1].lower == "you" || (*out)[q + 1].lower == "u");
    };
    for (size_t k = 0; k < out->size();) {
      size_t q = k;
      int sure_names = 0, chars = 0, digits = 0;
      int names_after_digit = 0;  // sure names after the first digit
      bool sure = false;
      while (q < out->size()) {
        const Tok& x = (*out)[q];
        if (x.type == T::kPunct && x.lower == "," && q > k) {
          ++q;
          continue;
        }
        if (is_w(q)) {
          ++sure_names;
          if (digits > 0) ++names_after_digit;
          ++chars;
          q += 2;
          continue;
        }
        if (x.type == T::kWord && x.lower.size() == 1 && IsAsciiLetter(x.lower[0])) {
          ++chars;
        } else if (x.type == T::kWord && x.info.kind == W::kDigit) {
          ++chars;
          ++digits;
        } else if (x.type == T::kDigits && x.lower.size() == 1) {
          ++chars;
          ++digits;
        } else if (x.type == T::kWord && LetterName(x.lower, &sure) != '\0') {
          ++chars;
          if (sure) ++sure_names;
          if (sure && digits > 0) ++names_after_digit;
        } else {
          break;
        }
        ++q;
      }
      // (Letters among the digits, not only before them: "Es el siete uno
      // ocho ..." is Spanish before a phone number.)
      if (sure_names >= 2 && digits >= 2 && chars >= 7 && names_after_digit >= 1) {
        for (size_t r = k; r < q; ++r) {
          Tok& t = (*out)[r];
          if (is_w(r)) {
            t.lower = "w";
            t.info = Lookup(t.lower);
            t.e = (*out)[r + 1].e;
            out->erase(out->begin() + static_cast<std::ptrdiff_t>(r) + 1);
            --q;
            continue;
          }
          if (t.type != T::kWord || t.lower.size() == 1 || t.info.kind == W::kDigit) continue;
          const char c = LetterName(t.lower, &sure);
          if (c == '\0' || c == 'o') continue;
          t.lower = std::string(1, c);
          t.info = Lookup(t.lower);
        }
      }
      k = q > k ? q : k + 1;
    }
  }
}

// A caller's hesitation between two parts of a value ("five two zero let
// me see triple five ...", "three three, hold on, four oh", "9... 931,
// hold on, 555, 0112"): fillers, so the parts run on.
void MarkHesitations(std::vector<Tok>* out) {
  {
    static const std::vector<std::vector<std::string_view>> kHolds = {
        {"let", "me", "see"}, {"hold", "on"}, {"hang", "on"}, {"let", "me", "check"},
        {"let", "me", "think"}, {"wait", "a", "second"}, {"bear", "with", "me"}};
    auto number = [&](size_t q) {
      return q < out->size() && ((*out)[q].type == T::kDigits || IsNumberWord((*out)[q]));
    };
    // (Commas around it, never a full stop: "five four o. Hold on one
    // second" ends a value and begins a sentence.)
    auto punct = [&](size_t q) {
      return q < out->size() && (*out)[q].type == T::kPunct && (*out)[q].lower == ",";
    };
    for (size_t k = 1; k < out->size(); ++k) {
      // ("hold on one second", "hang on one moment": no number after it.)
      auto unit_after = [&](size_t n) {
        return n + 1 < out->size() && (*out)[n + 1].type == T::kWord &&
               ((*out)[n + 1].lower == "second" || (*out)[n + 1].lower == "sec" ||
                (*out)[n + 1].lower == "moment" || (*out)[n + 1].lower == "minute");
      };
      for (const auto& words : kHolds) {
        if (k + words.size() > out->size()) continue;
        bool same = true;
        for (size_t w = 0; w < words.size() && same; ++w) {
          same = (*out)[k + w].type == T::kWord && (*out)[k + w].lower == words[w];
        }
        if (!same) continue;
        size_t p = k;
        while (p > 0 && punct(p - 1)) --p;
        size_t n = k + words.size();
        while (punct(n)) ++n;
        if (p == 0 || !number(p - 1) || !number(n) || unit_after(n)) continue;
        for (size_t w = 0; w < words.size(); ++w) (*out)[k + w].info = {W::kFiller, 0};
        k += words.size() - 1;
        break;
      }
    }
  }
  // "like" between parts of a number is a filler: "209 like five five five
  // like 0184", "nine nineteen like five five five", "thirty one like four oh
  // one" (never a letter's example, "n like nancy", "o like oscar").
  auto number = [&](size_t q) {
    return (*out)[q].type == T::kDigits ||
           (IsNumberWord((*out)[q]) && (*out)[q].info.kind != W::kOrdinal);
  };
  for (size_t k = 1; k + 1 < out->size(); ++k) {
    if ((*out)[k].type != T::kWord || (*out)[k].lower != "like") continue;
    size_t p = k;
    while (p > 0 && (*out)[p - 1].type == T::kPunct &&
           ((*out)[p - 1].lower == "." || (*out)[p - 1].lower == ",")) {
      --p;
    }
    if (p == 0 || !number(p - 1) || !number(k + 1)) continue;
    // (Parts of a value on both sides, two numbers or three written digits
    // at least: "i take like two like three pills" is a word.)
    auto part = [&](size_t from, bool forward) {
      int n = 0;
      for (size_t q = from; q < out->size() && n < 3;) {
        const Tok& t = (*out)[q];
        if (t.type == T::kDigits) {
          n += static_cast<int>(t.lower.size());
        } else if (number(q)) {
          ++n;
        } else if (!(t.type == T::kPunct && (t.lower == "." || t.lower == ","))) {
          break;
        }
        if (forward) {
          ++q;
        } else if (q-- == 0) {
          break;
        }
      }
      return n >= 2;
    };
    if (!part(p - 1, false) || !part(k + 1, true)) continue;
    (*out)[k].info = {W::kFiller, 0};
  }
}

// Written digits trailed off, then the value from its start ("9... 99,
// 208", "4... 4977 3216 ..."): the first try is a pause.
void MarkWrittenRestarts(std::vector<Tok>* out) {
  auto dot = [&](size_t q) { return (*out)[q].type == T::kPunct && (*out)[q].lower == "."; };
  for (size_t k = 0; k + 4 < out->size(); ++k) {
    Tok& first = (*out)[k];
    const Tok& again = (*out)[k + 4];
    if (first.type == T::kDigits && first.lower.size() <= 3 && dot(k + 1) && dot(k + 2) &&
        dot(k + 3) && again.type == T::kDigits && again.space_before &&
        again.lower.compare(0, first.lower.size(), first.lower) == 0 &&
        !(k > 0 && ((*out)[k - 1].type == T::kDigits || IsNumberWord((*out)[k - 1])))) {
      first.type = T::kWord;
      first.info = {W::kFiller, 0};
      first.restart = true;
    }
  }
}

// A word said, then spelled letter by letter ("rosat, that's r o s a t,
// at comcast", "four nine Manzanita, M A N Z A N I T A, Drive", "marisol,
// m a r i s o l eight five two at ..."): one word, over its spelling and a
// pause after it. The letters must spell the word exactly.
void MergeWordsAndSpellings(std::string_view text, std::vector<Tok>* out) {
  for (size_t k = 0; k < out->size(); ++k) {
    Tok& w = (*out)[k];
    if (w.type != T::kWord || w.lower.size() < 3 || w.info.kind != W::kNone ||
        w.lower.size() != w.e - w.b ||
        !std::all_of(w.lower.begin(), w.lower.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    auto punct = [&](size_t q) {
      return q < out->size() && (*out)[q].type == T::kPunct &&
             ((*out)[q].lower == "," || (*out)[q].lower == "-" || (*out)[q].lower == ".");
    };
    size_t q = k + 1;
    if (punct(q)) ++q;
    bool marked = true;
    if (q < out->size() && ((*out)[q].lower == "that's" || (*out)[q].lower == "thats" ||
                            (*out)[q].lower == "spelled")) {
      ++q;
    } else if (q + 1 < out->size() && (*out)[q].lower == "that" && (*out)[q + 1].lower == "is") {
      q += 2;
    } else {
      marked = false;
    }
    if (punct(q)) ++q;
    size_t n = 0;
    size_t last = q;
    const size_t first_letter = q;
    while (n < w.lower.size() && q < out->size() && (*out)[q].type == T::kWord &&
           (*out)[q].lower.size() == 1 && (*out)[q].lower[0] == w.lower[n]) {
      last = q;
      ++n;
      ++q;
      if (n < w.lower.size() && punct(q)) ++q;
    }
    if (n != w.lower.size()) continue;
    const size_t last_letter = last;
    // (Not when the last letter is told by an example: "Awad, A, W, A, D
    // as in Delta" -- the spelling goes on past the word.)
    if (last + 1 < out->size() && ((*out)[last + 1].lower == "as" || (*out)[last + 1].lower == "like")) {
      continue;
    }
    // (Not the first letters of a longer spelling: "petrakis p e t r a k i
    // s s" spells something else.)
    if (q < out->size() && (*out)[q].type == T::kWord && (*out)[q].lower.size() == 1 &&
        IsAsciiLetter((*out)[q].lower[0])) {
      continue;
    }
    if (q < out->size() && (*out)[q].type == T::kPunct && (*out)[q].lower == ",") last = q;
    // (With "that's" or "spelled" between, only inside an e-mail address:
    // the word then goes on with a number, a joiner or "at". "Okafor,
    // spelled O-K-A-F-O-R." is a name and its spelling, the words apart.)
    if (marked) {
      const size_t after = last + 1;
      bool goes_on =
          after < out->size() && ((*out)[after].type == T::kDigits || IsNumberWord((*out)[after]) ||
                                  (*out)[after].info.kind == W::kAt || JoinerOf((*out)[after]) ||
                                  (*out)[after].lower == "underscore");
      // (Or "at" a few words on: "james that's j a m e s yazzie 56 at att
      // dot net".)
      for (size_t r = after; !goes_on && r < out->size() && r < after + 6 &&
                             (*out)[r].type != T::kBreak;
           ++r) {
        goes_on = (*out)[r].type == T::kWord && (*out)[r].info.kind == W::kAt;
      }
      if (!goes_on) continue;
    }
    w.said = std::string(text.substr(w.b, w.e - w.b));
    w.spelled_b = (*out)[first_letter].b;
    w.spelled_e = (*out)[last_letter].e;
    w.e = (*out)[last].e;
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(k) + 1,
               out->begin() + static_cast<std::ptrdiff_t>(last) + 1);
  }
}

// The name of an identifier spelled before its number ("it says N P I two
// ninety five ...", "m r n four four ..."): one word, never letters of the
// id.
void MergeSpelledIdNames(std::vector<Tok>* out) {
  for (size_t k = 0; k + 3 < out->size(); ++k) {
    static constexpr std::string_view kNames[] = {"npi", "mrn", "ssn", "mbi", "dob", "dea"};
    std::string letters;
    for (size_t q = k; q < k + 3; ++q) {
      const Tok& x = (*out)[q];
      if (x.type != T::kWord || x.lower.size() != 1 || !IsAsciiLetter(x.lower[0])) break;
      letters += x.lower;
    }
    if (letters.size() != 3 || std::find(std::begin(kNames), std::end(kNames), letters) == std::end(kNames) ||
        (k > 0 && (*out)[k - 1].type == T::kWord && (*out)[k - 1].lower.size() == 1)) {
      continue;
    }
    const Tok& next = (*out)[k + 3];
    if (next.type != T::kDigits && (next.type != T::kWord || Lookup(next.lower).kind == W::kNone ||
                                    next.lower.size() == 1)) {
      continue;
    }
    Tok& w = (*out)[k];
    w.said = letters;
    for (char& c : w.said) c = static_cast<char>(c - 'a' + 'A');
    w.lower = letters;
    w.info = Lookup(letters);
    w.e = (*out)[k + 2].e;
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(k) + 1,
               out->begin() + static_cast<std::ptrdiff_t>(k) + 3);
  }
}

// The digit a word an engine heard for one says: "won", "to", "too", "for",
// "ate"; and with `accent`, what it hears for digits said with an accent,
// "sick" for six, "free" and "tree" for three. -1 for any other token.
int HeardDigit(const Tok& t, bool accent) {
  if (t.type != T::kWord) return -1;
  static constexpr std::pair<std::string_view, int> kHeard[] = {
      {"won", 1}, {"to", 2}, {"too", 2}, {"for", 4}, {"ate", 8}};
  static constexpr std::pair<std::string_view, int> kAccent[] = {
      {"sick", 6}, {"free", 3}, {"tree", 3}};
  for (const auto& [w, v] : kHeard) {
    if (t.lower == w) return v;
  }
  for (const auto& [w, v] : kAccent) {
    if (accent && t.lower == w) return v;
  }
  return -1;
}

// Four digits said after "the last four" with words the engine heard for
// some of them: "last four of my social is won for two six", "One too
// eight won, yeah." (after a question for the last four). Exactly four
// such words, two of them digits at least, alone between other words.
void ReadLastFourHomophones(std::vector<Tok>* out) {
  auto homophone = [](const Tok& t) { return HeardDigit(t, false); };
  auto digit = [](const Tok& t) {
    return t.type == T::kWord && t.info.kind == W::kDigit && t.lower != "o";
  };
  const size_t n = out->size();
  for (size_t k = 0; k + 4 <= n; ++k) {
    // "last four" ("the last four of your social? / Member: ..."), or "ends
    // in" ("social ends in three to three four", "ending in six oh won
    // ate"), right before the digits.
    const bool last_four = (*out)[k].type == T::kWord && (*out)[k].lower == "four" && k > 0 &&
                           (*out)[k - 1].lower == "last";
    const bool ends_in = (*out)[k].type == T::kWord && (*out)[k].lower == "in" && k > 0 &&
                         ((*out)[k - 1].lower == "ends" || (*out)[k - 1].lower == "ending");
    if (!last_four && !ends_in) continue;
    // The run: the first digit-like word a few tokens after the cue.
    for (size_t b = k + 1; b < n && b < k + (ends_in ? 2 : 14); ++b) {
      if (!digit((*out)[b]) && homophone((*out)[b]) < 0) continue;
      if (last_four && b == k + 1) break;  // ("last four digits", never "last four two six")
      size_t e = b;
      int digits = 0, homophones = 0;
      while (e < n && e < b + 5) {
        const Tok& t = (*out)[e];
        if (digit(t)) {
          ++digits;
        } else if (homophone(t) >= 0) {
          ++homophones;
        } else if (!(t.type == T::kPunct && t.lower == ",")) {
          break;
        }
        ++e;
      }
      const bool alone = e >= n || (*out)[e].type != T::kWord ||
                         (!IsNumberWord((*out)[e]) && homophone((*out)[e]) < 0);
      if (digits + homophones == 4 && digits >= 2 && homophones > 0 && alone) {
        for (size_t q = b; q < e; ++q) {
          Tok& t = (*out)[q];
          const int v = homophone(t);
          if (v >= 0 && t.info.kind != W::kDigit) {
            t.info.kind = W::kDigit;
            t.info.value = v;
          }
        }
      }
      break;
    }
  }
}

// Digits of a mailbox heard as words right before its "at": "six for at
// the rate icloud", "eight sick at sign gmail", "youssef for zero at sign
// gmail.com". Words heard for digits in the run of digits said as words
// that ends at the "at", one digit said among them at least.
void ReadMailboxHomophones(std::vector<Tok>* out) {
  auto homophone = [](const Tok& t) { return t.info.kind == W::kDigit ? -1 : HeardDigit(t, true); };
  for (size_t k = 2; k < out->size(); ++k) {
    if ((*out)[k].type != T::kWord || (*out)[k].info.kind != W::kAt) continue;
    // (An "at" of an address: "at sign", "at the rate", or a dot a word or
    // two later -- never "at nine for at least an hour".)
    auto is = [&](size_t r, std::string_view w) { return r < out->size() && (*out)[r].lower == w; };
    auto dot = [&](size_t r) {
      return r < out->size() && ((*out)[r].lower == "." || (*out)[r].lower == "dot");
    };
    if (!is(k + 1, "sign") && !is(k + 1, "symbol") && !(is(k + 1, "the") && is(k + 2, "rate")) &&
        !dot(k + 2) && !dot(k + 3)) {
      continue;
    }
    // The run of digits and such words before it, a digit said among them.
    auto digit = [](const Tok& t) {
      return t.type == T::kWord &&
             (t.info.kind == W::kDigit || t.info.kind == W::kTeen || t.info.kind == W::kTens);
    };
    size_t q = k;
    bool heard = false, said = false;
    while (q >= 1 && (homophone((*out)[q - 1]) >= 0 || digit((*out)[q - 1]))) {
      heard = heard || homophone((*out)[q - 1]) >= 0;
      said = said || digit((*out)[q - 1]);
      --q;
    }
    if (!heard || !said) continue;
    for (size_t r = q; r < k; ++r) {
      Tok& t = (*out)[r];
      if (homophone(t) < 0) continue;
      t.info.value = homophone(t);
      t.info.kind = W::kDigit;
    }
  }
}

// The digit a correction names ("... no wait, that's a zero, five seven
// zero ...", "scratch that, that's a one, zero one two two"): a word, no
// digit of the value said after it.
void ReadNamedDigits(std::vector<Tok>* out) {
  const size_t n = out->size();
  for (size_t k = 2; k < n; ++k) {
    Tok& d = (*out)[k];
    if (d.type != T::kWord || d.info.kind != W::kDigit) continue;
    const std::string& a = (*out)[k - 1].lower;
    const std::string& that = (*out)[k - 2].lower;
    if ((a != "a" && a != "an") ||
        (that != "that's" && that != "thats" && that != "it's" && that != "its")) {
      continue;
    }
    const bool set_off = k + 1 >= n || (*out)[k + 1].type == T::kBreak ||
                         ((*out)[k + 1].type == T::kPunct && (*out)[k + 1].lower != "-");
    if (!set_off) continue;
    d.info.kind = W::kNone;
    d.info.value = 0;
  }
}

void Tokenize(std::string_view text, std::vector<Tok>* out) {
  out->clear();
  bool space = false;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == ' ' || c == '\t') {
      space = true;
      ++i;
      continue;
    }
    Tok t;
    t.b = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    if (c == '\n' || c == '\r') {
      t.type = T::kBreak;
      ++i;
    } else if (IsDigit(c)) {
      t.type = T::kDigits;
      while (i < n && IsDigit(text[i])) t.lower.push_back(text[i++]);
      // A written ordinal ("10th", "42nd", "1st") is a word: a street, a
      // floor, a day ("22 S. 10th Loop" is no spelled id).
      if (i + 1 < n && IsAsciiLetter(text[i]) && IsAsciiLetter(text[i + 1]) &&
          (i + 2 >= n || !IsAsciiLetter(text[i + 2]))) {
        const char a = static_cast<char>(text[i] | 0x20), b = static_cast<char>(text[i + 1] | 0x20);
        if (OrdinalSuffix(a, b)) {
          t.type = T::kWord;
          t.lower.push_back(a);
          t.lower.push_back(b);
          i += 2;
          t.info = Lookup(t.lower);
        }
      }
    } else if (IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80) {
      t.type = T::kWord;
      while (i < n) {
        char d = text[i];
        if (IsAsciiLetter(d)) {
          t.lower.push_back(static_cast<char>(d >= 'A' && d <= 'Z' ? d - 'A' + 'a' : d));
          ++i;
        } else if (static_cast<unsigned char>(d) >= 0x80) {
          t.lower.push_back(d);
          ++i;
        } else if (d == '\'' && i + 1 < n && IsAsciiLetter(text[i + 1]) && !t.lower.empty()) {
          t.lower.push_back('\'');
          ++i;
        } else if (d == '-' && i + 1 < n && IsAsciiLetter(text[i + 1]) && !t.lower.empty() &&
                   (t.lower.size() > 1 || (i + 2 < n && IsAsciiLetter(text[i + 2])))) {
          // "x-ray", "yo-yo", "mm-hmm" are words; "s-m-i-t-h" stays letters.
          t.lower.push_back('-');
          ++i;
        } else {
          break;
        }
      }
      t.info = Lookup(t.lower);
      // "four-one-five", "twenty-five", "oh-one-three-two": number words
      // joined by hyphens are numbers with dashes between.
      if (t.info.kind == W::kNone && t.lower.find('-') != std::string::npos) {
        std::vector<Tok> parts;
        bool numbers = true;
        uint32_t at = t.b;
        size_t from = 0;
        while (numbers && from <= t.lower.size()) {
          size_t dash = t.lower.find('-', from);
          if (dash == std::string::npos) dash = t.lower.size();
          Tok w;
          w.type = T::kWord;
          w.lower = t.lower.substr(from, dash - from);
          w.info = Lookup(w.lower);
          w.b = at;
          w.e = at + static_cast<uint32_t>(w.lower.size());
          w.space_before = parts.empty() && t.space_before;
          W k = w.info.kind;
          numbers = k == W::kDigit || k == W::kTeen || k == W::kTens || k == W::kHundred ||
                    k == W::kThousand || k == W::kOrdinal || k == W::kDouble;
          parts.push_back(std::move(w));
          // "twenty-five", "twenty-third": one number, no dash.
          size_t next_dash = dash < t.lower.size() ? t.lower.find('-', dash + 1) : std::string::npos;
          std::string next = dash < t.lower.size()
                                 ? t.lower.substr(dash + 1, (next_dash == std::string::npos
                                                                  ? t.lower.size()
                                                                  : next_dash) - dash - 1)
                                 : std::string();
          W nk = next.empty() ? W::kNone : Lookup(next).kind;
          bool compound = k == W::kTens && (nk == W::kDigit || nk == W::kOrdinal);
          if (dash < t.lower.size() && !compound) {
            Tok d;
            d.type = T::kPunct;
            d.lower = "-";
            d.b = at + static_cast<uint32_t>(dash - from);
            d.e = d.b + 1;
            parts.push_back(std::move(d));
          }
          at += static_cast<uint32_t>(dash - from) + 1;
          from = dash + 1;
        }
        if (numbers && t.lower.size() == i - t.b) {
          for (auto& part : parts) out->push_back(std::move(part));
          continue;
        }
      }
    } else {
      t.type = T::kPunct;
      t.lower.push_back(c);
      ++i;
    }
    t.e = static_cast<uint32_t>(i);
    out->push_back(std::move(t));
  }
  // "thirtythree", "fiftyfive": tens and a digit written as one word, as
  // some engines do; two tokens, as "thirty-three" is.
  for (size_t k = 0; k < out->size(); ++k) {
    Tok& w = (*out)[k];
    if (w.type != T::kWord || w.info.kind != W::kNone || w.lower.size() < 7 ||
        w.lower.size() != w.e - w.b) {
      continue;
    }
    static constexpr std::string_view kTensWords[] = {"twenty", "thirty",  "forty",  "fifty",
                                                      "sixty",  "seventy", "eighty", "ninety"};
    for (std::string_view tens : kTensWords) {
      if (w.lower.compare(0, tens.size(), tens) != 0) continue;
      const WordInfo unit = Lookup(std::string_view(w.lower).substr(tens.size()));
      if (unit.kind != W::kDigit || w.lower.size() - tens.size() < 3) break;  // not "oh"/"o"
      Tok second = w;
      second.lower = w.lower.substr(tens.size());
      second.info = unit;
      second.b = w.b + static_cast<uint32_t>(tens.size());
      second.space_before = false;
      w.lower.resize(tens.size());
      w.info = Lookup(w.lower);
      w.e = second.b;
      out->insert(out->begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(second));
      ++k;
      break;
    }
  }
  SplitSpanishNumbers(out);
  ReadSpanishDates(out);
  // Letters written as the words of their names, as engines write a name
  // spelled out ("oh kay a ef oh are", "tee h eye bee oh dee e a you ex"):
  // a run of four or more letters and letter names, three of them at least
  // single letters or names no other word shares ("kay", "ef", "tee"), one
  // such name at least. Never "how are you", "see you then".
  {
    auto single = [](const Tok& t) {
      return t.type == T::kWord && t.lower.size() == 1 && IsAsciiLetter(t.lower[0]);
    };
    for (size_t k = 0; k < out->size();) {
      size_t q = k;
      int strong = 0, sure_names = 0;
      bool sure = false;
      while (q < out->size() && (*out)[q].type == T::kWord &&
             (single((*out)[q]) || LetterName((*out)[q].lower, &sure) != '\0')) {
        if (single((*out)[q])) {
          ++strong;
        } else if (sure) {
          ++strong;
          ++sure_names;
        }
        ++q;
      }
      if (q - k >= 4 && strong >= 3 && sure_names >= 1) {
        for (size_t r = k; r < q; ++r) {
          Tok& t = (*out)[r];
          if (single(t)) continue;
          t.lower = std::string(1, LetterName(t.lower, &sure));
          t.info = Lookup(t.lower);
        }
      }
      k = q > k ? q : k + 1;
    }
  }
  ReadIdLetterNames(out);
  // "n like nancy", "b for boy": a letter told by an example word that
  // starts with it, said with "like" or "for" instead of "as in"; read as
  // "as in" (two tokens over the one word).
  for (size_t k = 1; k + 1 < out->size(); ++k) {
    Tok& w = (*out)[k];
    const Tok& letter = (*out)[k - 1];
    const Tok& example = (*out)[k + 1];
    if (w.type != T::kWord || (w.lower != "like" && w.lower != "for") ||
        letter.type != T::kWord || letter.lower.size() != 1 || !IsAsciiLetter(letter.lower[0]) ||
        example.type != T::kWord || example.lower.size() < 3 ||
        example.lower[0] != letter.lower[0]) {
      continue;
    }
    Tok as = w, in = w;
    as.lower = "as";
    as.info = Lookup("as");
    as.e = w.b + 1;
    in.lower = "in";
    in.info = Lookup("in");
    in.b = w.b + 1;
    in.space_before = true;
    (*out)[k] = std::move(as);
    out->insert(out->begin() + static_cast<std::ptrdiff_t>(k) + 1, std::move(in));
    ++k;
  }
  // A word said twice, the first cut off ("one- one three zero eight six",
  // "October- October twenty eighth"): the first is a pause.
  for (size_t k = 0; k + 2 < out->size(); ++k) {
    Tok& first = (*out)[k];
    const Tok& dash = (*out)[k + 1];
    const Tok& again = (*out)[k + 2];
    if (first.type == T::kWord && dash.type == T::kPunct && dash.lower == "-" &&
        !dash.space_before && again.type == T::kWord && again.space_before &&
        again.lower == first.lower) {
      first.info = {W::kFiller, 0};
    }
  }
  // The first three or four numbers of a value said, trailed off, said
  // again ("one two six nine... one two six nine, uh, double five six", "two
  // eight O... two eight O, eight six eight"): the first saying is a pause.
  // (Never fewer, nor a group inside a value: "zero two... zero two... two
  // zero one one" is 02/02/2011, "... eighty two eighty two... eighty two
  // eighty two ..." a card.)
  auto dot = [&](size_t q) { return (*out)[q].type == T::kPunct && (*out)[q].lower == "."; };
  for (size_t k = 0; k < out->size(); ++k) {
    size_t p = k;
    while (p > 0 && ((*out)[p - 1].type == T::kPunct ||
                     ((*out)[p - 1].type == T::kWord && (*out)[p - 1].info.kind == W::kFiller))) {
      --p;
    }
    if (p > 0 && IsNumberWord((*out)[p - 1])) continue;
    for (size_t n = 4; n >= 1; --n) {
      // [k, k + n) number words, then "...", then the same n words.
      if (k + n + 3 + n > out->size()) continue;
      // (One or two words only when more numbers follow them said again:
      // "seventeen... seventeen fifty eight", "nine... nine five, oh
      // eight"; never "zero two... zero two... two zero one one".)
      if (n <= 2 && !(k + 2 * n + 3 < out->size() && IsNumberWord((*out)[k + 2 * n + 3]))) continue;
      // (Nor after a word the engine wrote for a digit, read as one later:
      // "two won five... five five five oh won for six".)
      if (n <= 2 && p > 0 &&
          ((*out)[p - 1].type == T::kDigits || (*out)[p - 1].lower == "won" ||
           (*out)[p - 1].lower == "ate" || (*out)[p - 1].lower == "for" ||
           (*out)[p - 1].lower == "to" || (*out)[p - 1].lower == "too")) {
        continue;
      }
      bool numbers = true;
      for (size_t q = k; q < k + n && numbers; ++q) {
        const Tok& x = (*out)[q];
        numbers = x.type == T::kWord && x.info.kind != W::kFiller && x.info.kind != W::kNone &&
                  x.info.kind != W::kSep && x.info.kind != W::kAnd && x.info.kind != W::kAt &&
                  x.info.kind != W::kMonth;
      }
      if (!numbers || !dot(k + n) || !dot(k + n + 1) || !dot(k + n + 2)) continue;
      bool same = true;
      for (size_t q = 0; q < n && same; ++q) same = (*out)[k + q].lower == (*out)[k + n + 3 + q].lower;
      if (!same) continue;
      // (Said a third time: groups of a value, "four two four two... four
      // two four two... four two four two...".)
      const size_t third = k + 2 * n + 3;
      if (third + 3 + n <= out->size() && dot(third) && dot(third + 1) && dot(third + 2)) {
        bool again = true;
        for (size_t q = 0; q < n && again; ++q) again = (*out)[k + q].lower == (*out)[third + 3 + q].lower;
        if (again) continue;
      }
      for (size_t q = k; q < k + n; ++q) {
        (*out)[q].info = {W::kFiller, 0};
        (*out)[q].restart = n <= 2;
      }
      k += n + 2;
      break;
    }
  }
  MarkHesitations(out);
  MarkWrittenRestarts(out);
  // What speech-to-text writes for a digit it heard as a word ("seven three
  // to uh five fifty five", "for one zero", "o one two ate", "eighty for"):
  // a digit, inside a run of six digits or more said in words.
  auto digits_of = [](const Tok& t) {
    // (Digits the engine wrote among the words count too: "one ate seven
    // eight 6 3 ...", "six seven zero one 0 won eight".)
    if (t.type == T::kDigits) return static_cast<int>(t.lower.size());
    if (t.type != T::kWord) return 0;
    switch (t.info.kind) {
      case W::kDigit: return 1;
      case W::kTeen:
      case W::kTens: return 2;
      case W::kDouble: return 1;
      default: return 0;
    }
  };
  auto homophone = [](const Tok& t) { return std::max(0, HeardDigit(t, true)); };
  auto pause = [](const Tok& t) {
    return (t.type == T::kWord && t.info.kind == W::kFiller) ||
           (t.type == T::kPunct && (t.lower == "," || t.lower == "-"));
  };
  // (Between number words, or ending or opening what was said with them --
  // never before or after another word: "mail it to twenty three ...",
  // "... three eight, for evaluation".)
  // (Twice over: a word read as a digit counts for its neighbours, "for
  // zero won too... eight eight six nine".)
  for (int pass = 0; pass < 2; ++pass)
  for (size_t k = 0; k < out->size(); ++k) {
    const int value = homophone((*out)[k]);
    if (value == 0 || (*out)[k].info.kind == W::kDigit) continue;
    const Tok& self = (*out)[k];
    // The run around it: number words, pauses and other such words.
    int digits = 0;
    bool singles = true;  // every number word around it one digit ("seven eight seven for nine")
    bool sides[2] = {false, false};  // a number word / nothing more that way
    int side_digits[2] = {0, 0};
    for (int side = 0; side < 2; ++side) {
      const int dir = side == 0 ? -1 : 1;
      size_t q = k;
      bool adjacent = true;
      bool ended = true;
      while ((dir < 0 ? q > 0 : q + 1 < out->size())) {
        q = dir < 0 ? q - 1 : q + 1;
        const Tok& x = (*out)[q];
        if (x.type == T::kBreak) break;
        if (digits_of(x) > 0) {
          digits += digits_of(x);
          side_digits[side] += digits_of(x);
          // ("double" and "triple" say digits one by one too: "double five
          // four to zero".)
          singles = singles && (x.info.kind == W::kDigit || x.info.kind == W::kDouble ||
                                (x.type == T::kDigits && x.lower.size() == 1));
          if (adjacent) sides[side] = true;
          adjacent = false;
          continue;
        }
        // ("won" and "ate" among an id's letters: "five, U, G, won, X, Y,
        // eight", "seven H four won Y N won T C three three".)
        if ((self.lower == "won" || self.lower == "ate") && x.type == T::kWord &&
            x.lower.size() == 1 && IsAsciiLetter(x.lower[0]) && x.lower != "a" && x.lower != "i") {
          digits += 1;
          side_digits[side] += 1;
          if (adjacent) sides[side] = true;
          adjacent = false;
          continue;
        }
        if (homophone(x) > 0 && x.lower != "to") {
          // (One beside it is a side as a digit would be: "won uh for
          // nine"; it counts as the digit it sounds like: "eight five to
          // zero won", "six oh won ate".)
          if (adjacent) sides[side] = true;
          digits += 1;
          side_digits[side] += 1;
          adjacent = false;
          continue;
        }
        // (A pause written as dots before it is an edge: "Hold on... ate o
        // zero - eight six ...".)
        // (After digits on that side, a pause like any other: "won nine
        // o... four one... seven to three one".)
        if (dir < 0 && adjacent && x.type == T::kPunct && x.lower == "." && q > 0 &&
            (*out)[q - 1].type == T::kPunct && (*out)[q - 1].lower == ".") {
          break;
        }
        if (pause(x) || (x.type == T::kPunct && (x.lower == "." || x.lower == "?"))) continue;
        // The speaker's label before it ("Caller:", "[patient]"): an edge.
        if (dir < 0 && x.type == T::kPunct && (x.lower == ":" || x.lower == "]")) break;
        // (What opens an answer is an edge too: "Okay it's for zero won
        // too... eight eight six nine".)
        // (And what follows one: "the card ending in six four seven won is
        // on file".)
        static constexpr std::string_view kOpens[] = {"it's", "its",    "is",   "okay", "yeah",
                                                      "yes",  "npi",    "mrn",  "ssn",  "number",
                                                      "zip",  "code",   "id",   "in"};
        static constexpr std::string_view kCloses[] = {"is",    "and",   "that's", "thats",
                                                       "correct", "right", "please", "okay",
                                                       "yes",   "yeah",  "if"};
        auto in = [&](const auto& list) {
          return std::find(std::begin(list), std::end(list), x.lower) != std::end(list);
        };
        if (adjacent && x.type == T::kWord &&
            (x.info.kind == W::kFiller || (dir < 0 ? in(kOpens) : in(kCloses)))) {
          break;
        }
        if (adjacent) ended = false;  // a word
        break;
      }
      if (adjacent && !sides[side] && ended) sides[side] = true;  // an edge
    }
    // (At the end of a year said in tens, "to", "too" and "for" are the
    // digit: "july seventeenth nineteen sixty to", "the tenth of march
    // nineteen eighty for." -- never before more numbers, "nineteen sixty to
    // nineteen seventy".)
    if (k >= 2 && ((*out)[k].lower == "to" || (*out)[k].lower == "too" || (*out)[k].lower == "for") &&
        (*out)[k - 1].type == T::kWord && (*out)[k - 1].info.kind == W::kTens &&
        (*out)[k - 2].type == T::kWord && (*out)[k - 2].info.kind == W::kTeen &&
        ((*out)[k - 2].info.value == 19 || (*out)[k - 2].info.value == 18) &&
        (k + 1 == out->size() || (*out)[k + 1].type == T::kBreak ||
         ((*out)[k + 1].type == T::kPunct && (*out)[k + 1].lower != "-"))) {
      Tok& t = (*out)[k];
      t.info.kind = W::kDigit;
      t.info.value = value;
      continue;
    }
    // (So are they after a month, a day and tens before a word that goes on
    // no number: "march twelfth forty to calling about", "the fifth of
    // december nineteen eighty for is that right", "february twenty to
    // eighty three".)
    if (k >= 3 && ((*out)[k].lower == "to" || (*out)[k].lower == "too" || (*out)[k].lower == "for") &&
        (*out)[k - 1].type == T::kWord && (*out)[k - 1].info.kind == W::kTens && (*out)[k].space_before) {
      bool month = false;
      for (size_t q = k - 1; q > 0 && q + 7 > k && !month; --q) {
        month = (*out)[q - 1].type == T::kWord && (*out)[q - 1].info.kind == W::kMonth;
      }
      const bool more = k + 1 < out->size() && IsNumberWord((*out)[k + 1]);
      const bool year_after = more && (*out)[k + 1].info.kind == W::kTens;  // "twenty to eighty three"
      const bool day_tens = year_after && (*out)[k - 2].type == T::kWord &&
                            (*out)[k - 2].info.kind == W::kMonth;
      // (Before a word only one no "to"/"for" goes on to: "fifty for
      // security" is the word.)
      bool ends = k + 1 >= out->size() || (*out)[k + 1].type == T::kBreak ||
                  ((*out)[k + 1].type == T::kPunct && (*out)[k + 1].lower != "-");
      if (!ends && !more && (*out)[k + 1].type == T::kWord) {
        static constexpr std::string_view kAfterValue[] = {"is", "correct", "right", "and", "yes",
                                                           "yeah", "okay", "ok", "that's", "it's",
                                                           "i'm", "please", "thank", "thanks"};
        const std::string& nx = (*out)[k + 1].lower;
        ends = std::find(std::begin(kAfterValue), std::end(kAfterValue), nx) != std::end(kAfterValue) ||
               ((*out)[k].lower != "for" && nx == "calling");
      }
      if (month && ((!more && ends) || day_tens)) {
        Tok& t = (*out)[k];
        t.info.kind = W::kDigit;
        t.info.value = value;
        continue;
      }
    }
    // (Right after tens, "ate" and "won" are the digit: "nineteen fifty
    // ate", "sixty won".)
    if (k > 0 && ((*out)[k].lower == "ate" || (*out)[k].lower == "won") &&
        (*out)[k - 1].type == T::kWord && (*out)[k - 1].info.kind == W::kTens && (*out)[k].space_before) {
      Tok& t = (*out)[k];
      t.info.kind = W::kDigit;
      t.info.value = value;
      continue;
    }
    // (Five digits said one by one make a ZIP code, four with "won", a word
    // nobody says between digits otherwise ("three won six six"); pairs and
    // tens need six: "ninety to ninety five", "one to two tablets".)
    // ("won" and "ate" open four digits said after a word: "cedar rapids
    // ia won seven five seven one".)
    const bool won_ate = (*out)[k].lower == "won" || (*out)[k].lower == "ate" ||
                         (*out)[k].lower == "sick" || (*out)[k].lower == "free" ||
                         (*out)[k].lower == "tree";
    if (won_ate && !sides[0] && sides[1] && side_digits[1] >= 4) sides[0] = true;
    // ("won", "ate" and "too" are no words between numbers: "eighty one won
    // eight nine", "ninety two too nine nine".)
    const int least = won_ate ? 3 : (*out)[k].lower == "too" ? 4 : !singles ? 6 : 4;
    if (!(sides[0] && sides[1]) || digits < least) continue;
    // ("for" and "to" before a quantity are the words: "six six two nine
    // four zero two, for thirty milligrams", "... to 10 tablets".)
    if ((*out)[k].lower == "for" || (*out)[k].lower == "to" || (*out)[k].lower == "too") {
      size_t q = k + 1;
      while (q < out->size() && ((*out)[q].type == T::kDigits || IsNumberWord((*out)[q]) ||
                                 ((*out)[q].type == T::kPunct && (*out)[q].lower == "."))) {
        ++q;
      }
      static constexpr std::string_view kUnits[] = {
          "milligrams", "milligram", "mg", "mgs", "micrograms", "mcg", "tablets", "tablet",
          "pills", "pill", "capsules", "units", "ml", "minutes", "hours", "days", "weeks",
          "months", "years", "dollars", "percent", "pounds", "refills", "doses"};
      if (q < out->size() && q > k + 1 && (*out)[q].type == T::kWord &&
          std::find(std::begin(kUnits), std::end(kUnits), (*out)[q].lower) != std::end(kUnits)) {
        continue;
      }
    }
    Tok& t = (*out)[k];
    t.info.kind = W::kDigit;
    t.info.value = value;
  }
  ReadLastFourHomophones(out);
  ReadMailboxHomophones(out);
  ReadNamedDigits(out);
  MergeWordsAndSpellings(text, out);
  MergeSpelledIdNames(out);
}

bool IsNumberWord(const Tok& t) {
  if (t.type != T::kWord) return false;
  switch (t.info.kind) {
    case W::kDigit:
    case W::kTeen:
    case W::kTens:
    case W::kHundred:
    case W::kThousand:
    case W::kOrdinal:
    case W::kDouble:
      return true;
    default:
      return false;
  }
}

bool IsSingleLetter(const Tok& t) {
  return t.type == T::kWord && t.lower.size() == 1 && IsAsciiLetter(t.lower[0]);
}

// ---------------------------------------------------------------------------
// Output: the view under construction.

class Writer {
 public:
  explicit Writer(View* v) : v_(v) {}
  void Copy(std::string_view text, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; ++i) v_->Push(text[i], i, i + 1);
  }
  void Emit(std::string_view s, uint32_t b, uint32_t e) { v_->Append(s, b, e); }
  void Emit(char c, uint32_t b, uint32_t e) { v_->Push(c, b, e); }

 private:
  View* v_;
};

// ---------------------------------------------------------------------------
// Runs of spoken numbers and letters

// One unit of a run: a number group, written digits, a letter, or a
// separator.
struct Atom {
  enum Kind : uint8_t { kNumber, kWritten, kOrdinal, kLetter, kSeparator } kind;
  std::string text;     // digits / letter / separator char(s)
  uint32_t b = 0, e = 0;  // source bytes
  // Number atoms: what it was said as, for the date reader.
  enum Said : uint8_t { kOne, kOhOne, kTeen, kTens, kTensOne, kBig } said = kOne;
  int value = 0;
  bool pause = false;  // separator: a pause (comma, filler)
  bool thousand = false;  // number: said with "thousand"
};

bool IsLetterToken(const std::vector<Tok>& toks, size_t i) {
  const Tok& t = toks[i];
  // "four ninety-three N. Bramble Way": a direction's abbreviation before a
  // street's name, not a letter of an id.
  if (IsSingleLetter(t) && (t.lower == "n" || t.lower == "s" || t.lower == "e" || t.lower == "w") &&
      i > 0 && (IsNumberWord(toks[i - 1]) || toks[i - 1].type == T::kDigits) && i + 2 < toks.size() && toks[i + 1].type == T::kPunct && toks[i + 1].lower == "." &&
      toks[i + 2].type == T::kWord && toks[i + 2].lower.size() > 2 && !IsNumberWord(toks[i + 2]) &&
      toks[i + 2].info.kind != W::kNato) {
    return false;
  }
  if (IsSingleLetter(t)) return true;
  if (t.type == T::kWord && t.info.kind == W::kNato) return true;
  // "november" is a month unless letters are spelled around it or a digit
  // comes right before ("1 november dash whiskey...").
  if (t.type == T::kWord && t.lower == "november") {
    auto letter = [&](size_t k) {
      return IsSingleLetter(toks[k]) || (toks[k].type == T::kWord && toks[k].info.kind == W::kNato);
    };
    bool digit_before = i > 0 && (toks[i - 1].type == T::kDigits ||
                                  (toks[i - 1].type == T::kWord && toks[i - 1].info.kind == W::kDigit));
    // A comma between spelled letters ("hotel, november, alpha").
    auto comma = [&](size_t k) { return toks[k].type == T::kPunct && toks[k].lower == ","; };
    bool before = i > 0 && (letter(i - 1) || (i > 1 && comma(i - 1) && letter(i - 2)));
    bool after = i + 1 < toks.size() &&
                 (letter(i + 1) || (i + 2 < toks.size() && comma(i + 1) && letter(i + 2)));
    // (After a year, before a day: "born 1974 november twenty sixth" is a
    // date.)
    bool day_after = i + 1 < toks.size() && toks[i + 1].type == T::kWord &&
                     (toks[i + 1].info.kind == W::kOrdinal ||
                      (toks[i + 1].info.kind == W::kTens && i + 2 < toks.size() &&
                       toks[i + 2].type == T::kWord && toks[i + 2].info.kind == W::kOrdinal));
    bool year_before = i > 0 && toks[i - 1].type == T::kDigits && toks[i - 1].lower.size() == 4;
    if (year_before && day_after && !before && !after) return false;
    return before || after || digit_before;
  }
  return false;
}

char LetterOf(const Tok& t) {
  if (IsSingleLetter(t)) return t.lower[0];
  if (t.lower == "november") return 'n';
  return static_cast<char>(t.info.value);
}

// Whether toks[i] may continue a run whose previous core token is a number or
// a letter.
// Single letters right after a number that spell a unit ("one M G", "fifty
// M L", "ten C C"): a dose, never part of an id. Returns how many letters.
size_t UnitLetters(const std::vector<Tok>& toks, size_t k) {
  static constexpr std::string_view kUnits[] = {"mg", "ml", "mcg", "cc", "kg", "iu", "mm",
                                                "cm", "bpm", "lbs", "lb", "mmhg", "meq"};
  if (k == 0 || !(IsNumberWord(toks[k - 1]) || toks[k - 1].type == T::kDigits)) return 0;
  std::string letters;
  size_t q = k;
  while (q < toks.size() && IsSingleLetter(toks[q]) && letters.size() < 4) {
    letters.push_back(toks[q].lower[0]);
    ++q;
  }
  if (q < toks.size() && IsSingleLetter(toks[q])) return 0;
  // Inside an id the letters go on with more of it: "eight C M two" (an MBI).
  if (q < toks.size() && (IsNumberWord(toks[q]) || toks[q].type == T::kDigits ||
                          (toks[q].type == T::kWord && (toks[q].info.kind == W::kNato ||
                                                        toks[q].info.kind == W::kAs)))) {
    return 0;
  }
  for (std::string_view u : kUnits) {
    if (letters == u) return q - k;
  }
  return 0;
}

bool IsCore(const std::vector<Tok>& toks, size_t i) {
  const Tok& t = toks[i];
  // "the last four", "first two digits": a count, not a digit of a value.
  // (Never the day of a date: "october twenty first nineteen seventy three",
  // "january first two thousand".)
  if (IsNumberWord(t) && i > 0 && toks[i - 1].type == T::kWord &&
      (toks[i - 1].lower == "last" || toks[i - 1].lower == "first")) {
    size_t p = i - 1;
    while (p > 0 && toks[p - 1].type == T::kPunct && toks[p - 1].lower == "-") --p;
    bool day = toks[i - 1].lower == "first" && p > 0 && toks[p - 1].type == T::kWord &&
               (toks[p - 1].info.kind == W::kMonth || toks[p - 1].info.kind == W::kTens);
    if (!day) return false;
  }
  // "first name", "second name": the name's place, never a number.
  if (t.type == T::kWord && t.info.kind == W::kOrdinal && i + 1 < toks.size() &&
      toks[i + 1].type == T::kWord && (toks[i + 1].lower == "name" || toks[i + 1].lower == "names")) {
    return false;
  }
  return IsNumberWord(t) || t.type == T::kDigits || IsLetterToken(toks, i);
}

// A letter told by its example word: "S as in Snake", "O as in Orange" ("o"
// is a letter here, never zero).
bool LetterWithExample(const std::vector<Tok>& toks, size_t k, size_t end) {
  if (k + 3 > end || toks[k].type != T::kWord) return false;
  bool letter = IsSingleLetter(toks[k]) || toks[k].lower == "oh";
  return letter && toks[k + 1].type == T::kWord && toks[k + 1].info.kind == W::kAs &&
         toks[k + 2].type == T::kWord && toks[k + 2].info.kind == W::kIn;
}

// "o" among spelled letters is a letter ("p, o, o, j, a", "t o o m"); among
// numbers it is zero ("6011 dash o o six one"). Runs of "o" and the commas,
// dashes and dots between them count as one.
bool OIsLetter(const std::vector<Tok>& toks, size_t k, size_t b, size_t e) {
  if (toks[k].type != T::kWord || (toks[k].lower != "o" && toks[k].lower != "oh")) return false;
  if (LetterWithExample(toks, k, e)) return true;
  // "oh" is zero unless told as a letter ("nine J W oh, R J six": an MBI).
  if (toks[k].lower == "oh") return false;
  auto beyond = [&](size_t q, int step) {
    auto skip = [&](size_t z) {
      return toks[z].lower == "o" ||
             (toks[z].type == T::kPunct &&
              (toks[z].lower == "," || toks[z].lower == "-" || toks[z].lower == "."));
    };
    while (q >= b && q < e && skip(q)) q += step;
    if (q < b || q >= e) return false;
    // (Or the example word of a letter before it: "L as in Larry, O".)
    if (step < 0 && q >= b + 3 && toks[q - 1].type == T::kWord && toks[q - 1].info.kind == W::kIn &&
        toks[q - 2].type == T::kWord && toks[q - 2].info.kind == W::kAs &&
        IsSingleLetter(toks[q - 3])) {
      return true;
    }
    return IsSingleLetter(toks[q]) && toks[q].lower != "o";
  };
  return (k > b && beyond(k - 1, -1)) || (k + 1 < e && beyond(k + 1, 1));
}

// Parses the number words starting at toks[*i] into one number atom, moving
// *i past them.
Atom ParseNumber(const std::vector<Tok>& toks, size_t* i, size_t end) {
  auto kind_at = [&](size_t k) { return k < end && toks[k].type == T::kWord ? toks[k].info.kind : W::kNone; };
  auto value_at = [&](size_t k) { return toks[k].info.value; };
  Atom a;
  a.kind = Atom::kNumber;
  a.b = toks[*i].b;
  size_t k = *i;
  W kind = kind_at(k);
  int v = value_at(k);
  // "double five", "triple oh".
  if (kind == W::kDouble) {
    if (kind_at(k + 1) == W::kDigit) {
      a.text.assign(static_cast<size_t>(v), static_cast<char>('0' + value_at(k + 1)));
      a.said = Atom::kBig;
      a.e = toks[k + 1].e;
      *i = k + 2;
      return a;
    }
    *i = k + 1;
    a.kind = Atom::kSeparator;  // a stray "double": nothing
    a.text.clear();
    a.e = toks[k].e;
    return a;
  }
  // Rest after "hundred" / "thousand": [and] tens [digit] | teen | digit.
  // An ordinal at the end makes the whole number one ("one hundred twenty
  // first").
  // (Not after a number of four digits or more when a street's suffix
  // follows: "four thousand two hundred twenty-second avenue", "forty-two
  // hundred Fourteenth Lane" are a house number and a street.)
  bool ordinal_tail = false;
  auto street_after = [&](size_t q) {
    static constexpr std::string_view kSuffixes[] = {
        "avenue", "ave", "street", "st", "road", "rd", "lane", "ln", "drive", "dr",
        "boulevard", "blvd", "place", "pl", "way", "court", "ct", "terrace", "ter", "circle",
        "cir", "parkway", "pkwy", "highway", "hwy", "trail", "loop"};
    if (q >= toks.size() || toks[q].type != T::kWord) return false;
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), toks[q].lower) !=
           std::end(kSuffixes);
  };
  auto tail = [&](size_t* p, int* out, bool ordinal_ok) {
    size_t q = *p;
    if (kind_at(q) == W::kAnd) ++q;
    W kq = kind_at(q);
    if (kq == W::kTens) {
      *out = value_at(q);
      ++q;
      if (kind_at(q) == W::kDigit && value_at(q) > 0) {
        *out += value_at(q++);
      } else if (!ordinal_ok && kind_at(q) == W::kOrdinal && street_after(q + 1)) {
        return false;
      } else if (kind_at(q) == W::kOrdinal && value_at(q) < 10) {
        *out += value_at(q++);
        ordinal_tail = true;
      }
      *p = q;
      return true;
    }
    if (kq == W::kOrdinal) {
      if (!ordinal_ok && street_after(q + 1)) return false;
      *out = value_at(q);
      *p = q + 1;
      ordinal_tail = true;
      return true;
    }
    if (kq == W::kTeen || (kq == W::kDigit && toks[q].lower != "o" && toks[q].lower != "oh")) {
      *out = value_at(q);
      *p = q + 1;
      return true;
    }
    return false;
  };
  int value = v;
  size_t next = k + 1;
  if (kind == W::kTens && kind_at(next) == W::kDigit && value_at(next) > 0) {
    value += value_at(next);
    ++next;
    a.said = Atom::kTensOne;
  } else if (kind == W::kTens && kind_at(next) == W::kOrdinal && value_at(next) < 10) {
    // "twenty third"
    a.kind = Atom::kOrdinal;
    value += value_at(next);
    ++next;
  } else if (kind == W::kOrdinal) {
    a.kind = Atom::kOrdinal;
  } else {
    a.said = kind == W::kTeen ? Atom::kTeen : kind == W::kTens ? Atom::kTens : Atom::kOne;
  }
  if (a.kind == Atom::kNumber && (kind == W::kDigit || kind == W::kTeen || kind == W::kTens) &&
      kind_at(next) == W::kHundred) {
    // "two hundred and five", "twelve hundred", "twenty one hundred".
    value *= 100;
    ++next;
    int rest = 0;
    // "eight hundred five five five ...": a toll-free prefix, then digits
    // one by one (two single digits in a row after "hundred").
    bool digits_follow = kind_at(next) == W::kDigit && kind_at(next + 1) == W::kDigit &&
                         toks[next].lower != "o" && toks[next].lower != "oh";
    if (!digits_follow && tail(&next, &rest, value < 1000)) value += rest;
    if (kind_at(next) == W::kThousand) {
      // "one hundred forty seven thousand four hundred fifty one".
      value *= 1000;
      a.thousand = true;
      ++next;
      if (kind_at(next) == W::kDigit && kind_at(next + 1) == W::kHundred) {
        value += value_at(next) * 100;
        next += 2;
      }
      rest = 0;
      if (tail(&next, &rest, false)) value += rest;
    }
    a.said = Atom::kBig;
    a.text = std::to_string(value);
    if (ordinal_tail) a.kind = Atom::kOrdinal;
  } else if (a.kind == Atom::kNumber && (kind == W::kDigit || kind == W::kTeen || kind == W::kTens) &&
             kind_at(next) == W::kThousand) {
    // "two thousand nineteen", "two thousand four", "ten thousand".
    value *= 1000;
    a.thousand = true;
    ++next;
    if (kind_at(next) == W::kDigit && kind_at(next + 1) == W::kHundred) {
      value += value_at(next) * 100;
      next += 2;
    }
    int rest = 0;
    if (tail(&next, &rest, false)) value += rest;
    a.said = Atom::kBig;
    a.text = std::to_string(value);
    if (ordinal_tail) a.kind = Atom::kOrdinal;
  } else if (kind == W::kHundred || kind == W::kThousand) {
    a.said = Atom::kBig;
    a.text = std::to_string(v);
  }
  if (a.kind == Atom::kOrdinal) {
    a.text = std::to_string(value);
    int last = value % 10, tens = value % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : last == 1                ? "st"
                         : last == 2                ? "nd"
                         : last == 3                ? "rd"
                                                    : "th";
    a.text += suffix;
  } else if (a.text.empty()) {
    a.text = std::to_string(value);
  }
  a.value = value;
  a.e = toks[next - 1].e;
  *i = next;
  return a;
}

// Reads the number atoms nums[p..] as a year: "sixty one", "two thousand
// four", "oh five", "nineteen eighty two", "nineteen oh five", "twenty
// twelve", "twenty oh six".
bool ReadYear(const std::vector<const Atom*>& nums, size_t p, std::string* y) {
  if (p >= nums.size()) return false;
  size_t left = nums.size() - p;
  const Atom& a = *nums[p];
  auto said = [&](size_t q) { return nums[p + q]->said; };
  auto value = [&](size_t q) { return nums[p + q]->value; };
  if (left == 1 && a.kind == Atom::kWritten) {
    *y = a.text;  // checked by NumberAtoms: 19xx, 20xx
  } else if (left == 1 && (a.said == Atom::kTens || a.said == Atom::kTensOne || a.said == Atom::kTeen)) {
    *y = a.text;
  } else if (left == 1 && a.said == Atom::kBig && a.value >= 1900 && a.value <= 2099) {
    *y = a.text;
  } else if (left == 2 && a.said == Atom::kOne && a.value == 0 && said(1) == Atom::kOne) {
    *y = "0" + nums[p + 1]->text;
  } else if (left == 2 && a.said == Atom::kTeen && (a.value == 19 || a.value == 18) &&
             (said(1) == Atom::kTens || said(1) == Atom::kTensOne || said(1) == Atom::kTeen)) {
    *y = a.text + nums[p + 1]->text;
  } else if (left == 3 && a.said == Atom::kTeen && (a.value == 19 || a.value == 18) &&
             said(1) == Atom::kOne && value(1) == 0 && said(2) == Atom::kOne) {
    *y = a.text + "0" + nums[p + 2]->text;
  } else if (left == 2 && a.said == Atom::kTens && a.value == 20 &&
             (said(1) == Atom::kTeen || said(1) == Atom::kTens || said(1) == Atom::kTensOne)) {
    *y = "20" + nums[p + 1]->text;
  } else if (left == 3 && a.said == Atom::kTens && a.value == 20 && value(1) == 0 &&
             said(1) == Atom::kOne && said(2) == Atom::kOne) {
    *y = "200" + nums[p + 2]->text;
  } else if (left == 2 && a.said == Atom::kOne && said(1) == Atom::kOne) {
    *y = a.text + nums[p + 1]->text;  // "six four", "zero nine"
  } else if (left == 4 && std::all_of(nums.begin() + p, nums.end(),
                                      [](const Atom* x) { return x->said == Atom::kOne; }) &&
             ((a.value == 1 && value(1) == 9) || (a.value == 2 && value(1) == 0))) {
    *y = a.text + nums[p + 1]->text + nums[p + 2]->text + nums[p + 3]->text;  // "one nine six four"
  } else {
    return false;
  }
  return true;
}

// The number atoms of atoms[from, to), or false when the range holds anything
// but numbers and pauses.
bool NumberAtoms(const std::vector<Atom>& atoms, size_t from, size_t to,
                 std::vector<const Atom*>* nums) {
  nums->clear();
  for (size_t k = from; k < to; ++k) {
    const Atom& a = atoms[k];
    if (a.kind == Atom::kSeparator) {
      if (!a.pause && !a.text.empty() && a.text != " ") return false;
      continue;
    }
    // (A year written by the engine ends a date said in words: "eight
    // twelve 1975", "oh seven twenty seven 2025".)
    const bool written_year = a.kind == Atom::kWritten && a.text.size() == 4 &&
                              (a.text.compare(0, 2, "19") == 0 || a.text.compare(0, 2, "20") == 0) &&
                              !nums->empty() && std::all_of(atoms.begin() + static_cast<long>(k) + 1,
                                                            atoms.begin() + static_cast<long>(to),
                                                            [](const Atom& x) { return x.kind == Atom::kSeparator; });
    // (A month and a day written, the year said: "7 18 nineteen ninety
    // one", "3 24 twenty twenty six".)
    const bool written_field = a.kind == Atom::kWritten && a.text.size() <= 2 && nums->size() < 2 &&
                               std::any_of(atoms.begin() + static_cast<long>(k) + 1,
                                           atoms.begin() + static_cast<long>(to),
                                           [](const Atom& x) { return x.kind == Atom::kNumber; });
    if (a.kind != Atom::kNumber && !written_year && !written_field) return false;
    nums->push_back(&a);
  }
  // (The year said, after written fields: never written digits alone.)
  if (!nums->empty() && nums->back()->kind == Atom::kWritten && nums->back()->text.size() <= 2) {
    return false;
  }
  return true;
}

// One- or two-digit field alternatives at nums[p]: a group ("fifteen",
// "twenty one", "three"), zero + digit ("oh three"), or two digits said
// one by one ("one seven"). Calls `next(text, p_after)` for each until it
// returns true.
template <typename Next>
bool Field(const std::vector<const Atom*>& nums, size_t p, int lo, int hi, Next next) {
  if (p >= nums.size()) return false;
  const Atom& a = *nums[p];
  if (a.said != Atom::kBig && a.value >= lo && a.value <= hi && a.value > 0 &&
      a.kind == Atom::kNumber) {
    if (next(a.value < 10 ? "0" + a.text : a.text, p + 1)) return true;
  }
  if (a.kind == Atom::kWritten) {  // "7", "18" (NumberAtoms: one or two digits)
    const int v = std::atoi(a.text.c_str());
    return v >= lo && v <= hi && v > 0 && next(v < 10 ? "0" + std::to_string(v) : std::to_string(v), p + 1);
  }
  if (p + 1 < nums.size() && a.kind == Atom::kNumber && nums[p + 1]->kind == Atom::kNumber &&
      a.said == Atom::kOne && nums[p + 1]->said == Atom::kOne) {
    int v = a.value * 10 + nums[p + 1]->value;
    if (v >= lo && v <= hi && v > 0 && next(a.text + nums[p + 1]->text, p + 2)) return true;
  }
  return false;
}

// Reads atoms [from, to) as month / day / year: "oh three fifteen sixty one",
// "three fifteen sixty one", "zero nine one seven zero nine", "twelve oh
// three nineteen fifty". Fills m, d, y and the atom index where day and
// year start.
bool ReadDate(const std::vector<Atom>& atoms, size_t from, size_t to, std::string* m,
              std::string* d, std::string* y, size_t* day_at, size_t* year_at) {
  std::vector<const Atom*> nums;
  if (!NumberAtoms(atoms, from, to, &nums) || nums.size() < 3) return false;
  // Said digit by digit, a date has all its digits: "oh three one five six
  // one" (six) or eight; five digits one by one are a ZIP ("seven two five
  // two four"), never 7/25/24.
  if (std::all_of(nums.begin(), nums.end(), [](const Atom* a) { return a->said == Atom::kOne; }) &&
      nums.size() != 6 && nums.size() != 8) {
    return false;
  }
  auto at = [&](size_t q) { return static_cast<size_t>(nums[q] - atoms.data()); };
  return Field(nums, 0, 1, 12, [&](const std::string& month, size_t p1) {
    return Field(nums, p1, 1, 31, [&](const std::string& day, size_t p2) {
      if (p2 >= nums.size() || !ReadYear(nums, p2, y)) return false;
      // (After a written month and day, a whole year: "4 12 nineteen" is no
      // date; a year said in tens is one: "3 27 thirty nine".)
      if (nums[0]->kind == Atom::kWritten && y->size() != 4 &&
          !(p2 + 1 == nums.size() && nums[p2]->said == Atom::kTensOne)) {
        return false;
      }
      *m = month;
      *d = day;
      *day_at = at(p1);
      *year_at = at(p2);
      return true;
    });
  });
}

// Whether separator-joined segments of these lengths (digits and letters)
// are a written shape worth keeping: phone 3-3-4 and 1-3-3-4, local 3-4,
// SSN 3-2-4, cards 4-4-4-4 / 4-6-5 / 4-6-4, ZIP+4 5-4, MBI 4-3-4, dates
// (1-2)-(1-2)-(2|4), IPv4 with dots. Speakers group digits as they like
// ("eight five six. 555. 01. five one"); other groupings are dropped.
bool KnownShape(const std::vector<size_t>& len, char sep) {
  auto is = [&](std::initializer_list<size_t> want) {
    return len.size() == want.size() && std::equal(want.begin(), want.end(), len.begin());
  };
  if (len.size() == 3 && len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2 &&
      (len[2] == 2 || len[2] == 4)) {
    return true;  // a date
  }
  if (sep == '/') return false;
  if (sep == '.' && len.size() == 4 &&
      std::all_of(len.begin(), len.end(), [](size_t n) { return n >= 1 && n <= 3; })) {
    return true;  // IPv4
  }
  return is({3, 3, 4}) || is({1, 3, 3, 4}) || is({3, 4}) || is({3, 2, 4}) ||
         is({4, 4, 4, 4}) || is({4, 6, 5}) || is({4, 6, 4}) || is({5, 4}) || is({4, 3, 4});
}

// Renders atoms [from, to) of one run.
void RenderRun(const std::vector<Atom>& atoms, size_t from, size_t to, bool after_month,
               bool numeric_dates, View* view, Writer* w) {
  bool has_digits = false, has_ordinal = false;
  for (size_t k = from; k < to; ++k) {
    if (atoms[k].kind == Atom::kNumber || atoms[k].kind == Atom::kWritten) has_digits = true;
    if (atoms[k].kind == Atom::kOrdinal) has_ordinal = true;
  }
  auto emit_letter = [&](const Atom& a) {
    char c = a.text[0];
    if (has_digits && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    w->Emit(c, a.b, a.e);
  };
  // Month, day, year said as groups.
  std::string m, d, y;
  size_t day_at = 0, year_at = 0;
  if (!after_month && !has_ordinal && numeric_dates &&
      ReadDate(atoms, from, to, &m, &d, &y, &day_at, &year_at)) {
    view->spoken_dates = true;
    const Atom& first = atoms[from];
    const Atom& last = atoms[to - 1];
    w->Emit(m, first.b, atoms[day_at].b);
    w->Emit('/', atoms[day_at].b, atoms[day_at].b);
    w->Emit(d, atoms[day_at].b, atoms[year_at].b);
    w->Emit('/', atoms[year_at].b, atoms[year_at].b);
    w->Emit(y, atoms[year_at].b, last.e);
    return;
  }
  if (after_month || has_ordinal) {
    // Dates with words around them: groups stay apart ("march 5th 1982",
    // "the 23rd of june 1950").
    Atom::Kind prev = Atom::kSeparator;
    // After a month name the first number is the day ("march five nineteen
    // eighty two"), unless the numbers are a year on their own ("june
    // nineteen fifty").
    bool first_number = after_month;
    if (after_month) {
      std::vector<const Atom*> nums;
      std::string year;
      // (A "year" decades ahead is a day and a year: "august twenty seventy
      // three" is August 20, '73.)
      // (Nor one before 1900: "july eighteen forty eight" is July 18, '48.)
      if (NumberAtoms(atoms, from, to, &nums) && ReadYear(nums, 0, &year) &&
          !(year.size() == 4 &&
            (std::atoi(year.c_str()) > CurrentYear() + 5 || std::atoi(year.c_str()) < 1900) &&
            nums.size() >= 2 && nums[0]->value <= 31)) {
        first_number = false;
      }
    }
    for (size_t k = from; k < to; ++k) {
      const Atom& a = atoms[k];
      if (a.kind == Atom::kSeparator) {
        if (!a.pause && !a.text.empty()) w->Emit(a.text, a.b, a.e);
        if (!a.pause) prev = Atom::kSeparator;
        continue;
      }
      if (a.kind == Atom::kLetter) {
        if (prev == Atom::kOrdinal) w->Emit(' ', a.b, a.b);
        emit_letter(a);
        prev = Atom::kLetter;
        continue;
      }
      if (k > from && (prev == Atom::kWritten || prev == Atom::kOrdinal ||
                       (a.kind != Atom::kNumber && prev == Atom::kNumber))) {
        w->Emit(' ', a.b, a.b);
      }
      w->Emit(a.text, a.b, a.e);
      if (first_number && a.kind == Atom::kNumber && a.value <= 31 && a.said != Atom::kBig) {
        w->Emit(' ', a.e, a.e);
        prev = Atom::kSeparator;
        first_number = false;
        continue;
      }
      first_number = false;
      prev = a.kind;
    }
    return;
  }
  // Digits and letters: pauses never count; explicit separators (dash,
  // slash, dot) stay only where the groups make a written shape.
  std::vector<size_t> lengths(1, 0);
  char sep = 0;
  bool mixed = false;
  for (size_t k = from; k < to; ++k) {
    const Atom& a = atoms[k];
    if (a.kind == Atom::kSeparator) {
      if (a.pause || a.text.empty() || a.text == " ext ") continue;
      if (sep != 0 && sep != a.text[0]) mixed = true;
      sep = a.text[0];
      lengths.push_back(0);
      continue;
    }
    lengths.back() += a.kind == Atom::kLetter ? 1 : a.text.size();
  }
  const bool keep = sep != 0 && !mixed && KnownShape(lengths, sep);
  // "twelve thousand (steps)", "six thousand": an amount said as one number is
  // no identifier (those are said digit by digit or in groups), so it is
  // written with a thousands separator; years stay as they are.
  // ("fifty one hundred", "forty-two hundred" are digits said in pairs.)
  if (to - from == 1 && atoms[from].kind == Atom::kNumber && atoms[from].said == Atom::kBig &&
      atoms[from].thousand && atoms[from].value >= 1000 &&
      !(atoms[from].value >= 1900 && atoms[from].value <= 2099)) {
    const Atom& a = atoms[from];
    std::string t = a.text;
    for (int pos = static_cast<int>(t.size()) - 3; pos > 0; pos -= 3) t.insert(static_cast<size_t>(pos), ",");
    w->Emit(t, a.b, a.e);
    return;
  }
  for (size_t k = from; k < to; ++k) {
    const Atom& a = atoms[k];
    switch (a.kind) {
      case Atom::kSeparator:
        if (a.text == " ext ") {
          w->Emit(a.text, a.b, a.e);
        } else if (keep && !a.pause && !a.text.empty()) {
          w->Emit(a.text, a.b, a.e);
        }
        break;
      case Atom::kLetter:
        emit_letter(a);
        break;
      default:
        w->Emit(a.text, a.b, a.e);
        break;
    }
  }
}

// ---------------------------------------------------------------------------
// E-mail addresses said as words

// A joiner inside an address: dot, underscore, dash/hyphen.
char JoinerOf(const Tok& t) {
  if (t.type == T::kWord && t.info.kind == W::kSep && t.info.value != '/') {
    return static_cast<char>(t.info.value);
  }
  return 0;
}

bool IsAddressWord(const Tok& t) {
  return (t.type == T::kWord && t.info.kind != W::kFiller && t.info.kind != W::kAnd &&
          t.info.kind != W::kAt && t.info.kind != W::kSep) ||
         t.type == T::kDigits;
}

// Tries "<local> at <domain> dot <tld>" around the "at" at toks[at]. On
// success emits the address and returns the token range [*b, *e).
// A dot in a domain: "dot", "period", "point" or a written '.'.
bool IsDot(const Tok& t) {
  return (t.type == T::kWord && t.info.kind == W::kSep && t.info.value == '.') ||
         (t.type == T::kPunct && t.lower == ".");
}

// "at", "at sign" or a written '@'.
bool IsAt(const std::vector<Tok>& toks, size_t k) {
  return (toks[k].type == T::kWord && toks[k].info.kind == W::kAt) ||
         (toks[k].type == T::kPunct && toks[k].lower == "@");
}

// Tries "<local> at <domain> dot <tld>" around the "at" at toks[at]. On
// success emits the address and returns the token range [*b, *e).
bool ReadEmail(const std::vector<Tok>& toks, size_t at, size_t line_begin, size_t line_end,
               std::string* out, size_t* b, size_t* e) {
  // Domain: labels of words (spelled letters join) separated by dots, the
  // last one a top-level domain.
  size_t k = at + 1;
  if (k < line_end && toks[k].type == T::kWord && (toks[k].lower == "sign" || toks[k].lower == "symbol")) {
    ++k;  // "at sign", "at symbol"
  } else if (k + 1 < line_end && toks[k].lower == "the" && toks[k + 1].lower == "rate") {
    k += 2;  // "at the rate" (Indian English for '@')
  }
  const size_t domain_begin = k;
  bool dotted = false;
  bool written_dot = false;  // the last dot was a written '.', not "dot"
  bool said_point = false;   // the last dot was "point" ("at some point in time")
  bool said_dot = false;     // any dot said as a word
  std::string label;
  size_t label_start = k;
  size_t end = 0;
  while (k < line_end) {
    const Tok& t = toks[k];
    if (IsDot(t)) {
      if (label.empty()) break;
      label.clear();
      dotted = true;
      written_dot = t.type == T::kPunct;
      said_dot = said_dot || !written_dot;
      said_point = t.type == T::kWord && t.lower == "point";
      ++k;
      continue;
    }
    if (!IsAddressWord(t) || t.info.kind == W::kMonth) break;
    if (t.lower == "the" || t.lower == "an" || t.lower == "my" || t.lower == "your" ||
        t.lower == "our" || t.lower == "this" || t.lower == "that" || t.lower == "some" ||
        t.lower == "least" || t.lower == "any" || t.lower == "one") {
      break;
    }
    // A label is one word, spelled letters, or a few words said apart
    // ("hot mail", "g mail", "out look").
    // ("s b c global": spelled letters, then the rest of the label).
    if (!label.empty() && (k - label_start) >= 3 && !IsSingleLetter(t)) {
      bool spelled = k - label_start <= 5;
      for (size_t q = label_start; q < k && spelled; ++q) spelled = IsSingleLetter(toks[q]);
      if (!spelled) break;
    }
    if (label.empty()) label_start = k;
    label += t.lower;
    ++k;
    // After a written '.' a listed TLD only: "... fifth at three fifteen.
    // If I'm ..." is a sentence that ends, not an address in ".if".
    // ("point" is a dot only before the common ones: "at some point in
    // time" is no address.)
    // ("dot calm": the engine's ear for "dot com".)
    if (dotted && !written_dot && label == "calm") {
      end = k;
      continue;
    }
    if (dotted && (written_dot ? IsListedTld(label) : IsTld(label)) &&
        (!said_point || label == "com" || label == "net" || label == "org" || label == "edu" ||
         label == "gov")) {
      end = k;
    }
  }
  if (end == 0) return false;
  std::string domain;
  for (size_t q = domain_begin; q < end; ++q) {
    if (IsDot(toks[q])) {
      domain.push_back('.');
    } else {
      domain += toks[q].lower;
    }
  }
  if (domain.empty() || domain.back() == '.' || domain.front() == '.') return false;
  if (domain.size() > 5 && domain.compare(domain.size() - 5, 5, ".calm") == 0) {
    domain.replace(domain.size() - 4, 4, "com");
  }
  // ("eye cloud": the engine's ear for "icloud".)
  if (domain.compare(0, 9, "eyecloud.") == 0) domain.replace(0, 8, "icloud");
  // Local part, backwards from "at": words, spelled letters and numbers
  // joined by dot/period/underscore/dash; two words without a joiner end it
  // (only spelled letters and numbers run together).
  auto joiner = [&](size_t q) -> int {  // tokens a joiner takes, or 0
    const Tok& t = toks[q];
    if (JoinerOf(t) || (t.type == T::kPunct && (t.lower == "." || t.lower == "_" || t.lower == "-"))) {
      return 1;
    }
    if (t.type == T::kWord && t.lower == "score" && q > line_begin && toks[q - 1].lower == "under") {
      return 2;
    }
    return 0;
  };
  auto numeric = [&](const Tok& t) {
    return t.type == T::kDigits ||
           (IsNumberWord(t) && t.info.kind != W::kOrdinal && t.info.kind != W::kDouble);
  };
  // A NATO word spelling a letter: one of three or more in a row ("delta
  // india whiskey alpha ... at hotmail dot com"); one alone is a word
  // ("mike dot jones at ...").
  auto nato_of = [&](size_t q) -> char {
    const Tok& t = toks[q];
    if (t.type != T::kWord) return 0;
    if (t.info.kind == W::kNato) return static_cast<char>(t.info.value);
    return t.lower == "november" ? 'n' : 0;
  };
  auto nato_letter = [&](size_t q) -> char {
    const char c = nato_of(q);
    if (c == 0) return 0;
    size_t lo = q, hi = q + 1;
    while (lo > line_begin && nato_of(lo - 1)) --lo;
    while (hi < at && nato_of(hi)) ++hi;
    return hi - lo >= 3 ? c : 0;
  };
  // "V as in Vincent": a letter told by an example word, at toks[q - 4].
  auto as_in = [&](size_t q) {
    return q >= line_begin + 4 && toks[q - 1].type == T::kWord &&
           toks[q - 2].type == T::kWord && toks[q - 2].info.kind == W::kIn &&
           toks[q - 3].type == T::kWord && toks[q - 3].info.kind == W::kAs &&
           IsSingleLetter(toks[q - 4]);
  };
  // "..., all one word, at": the words before run together.
  size_t q = at;
  size_t mark_b = at, mark_e = at;
  {
    size_t m = q;
    while (m > line_begin && toks[m - 1].type == T::kPunct && toks[m - 1].lower == ",") --m;
    // (Or "no spaces", "all lowercase", "all lower case".)
    const bool one_word_said = m >= line_begin + 2 && toks[m - 1].lower == "word" &&
                               (toks[m - 2].lower == "one" || toks[m - 2].lower == "1");
    const bool no_spaces = m >= line_begin + 2 && (toks[m - 1].lower == "spaces" || toks[m - 1].lower == "space") &&
                           toks[m - 2].lower == "no";
    const bool lowercase = m >= line_begin + 2 && toks[m - 2].lower == "all" &&
                           (toks[m - 1].lower == "lowercase" || toks[m - 1].lower == "caps");
    const bool lower_case = m >= line_begin + 3 && toks[m - 3].lower == "all" &&
                            toks[m - 2].lower == "lower" && toks[m - 1].lower == "case";
    if (one_word_said || no_spaces || lowercase || lower_case) {
      size_t mb = m - (lower_case ? 3 : 2);
      if (one_word_said && mb > line_begin && toks[mb - 1].lower == "all") --mb;
      while (mb > line_begin && toks[mb - 1].type == T::kPunct && toks[mb - 1].lower == ",") --mb;
      mark_b = mb;
      mark_e = at;
      q = mb;
    }
  }
  const bool one_word = mark_b != mark_e;
  int words_joined = 0;
  static constexpr std::string_view kMailHosts[] = {
      "gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "comcast", "verizon",
      "msn", "live", "att", "sbcglobal", "protonmail", "me", "mail", "ymail", "cox"};
  const std::string_view host = std::string_view(domain).substr(0, domain.find('.'));
  const bool mail_host =
      std::find(std::begin(kMailHosts), std::end(kMailHosts), host) != std::end(kMailHosts);
  // A word and a number joined ("emr 1963"): at a mailbox provider one more
  // word may come before them ("mama emr 1963 at yahoo dot com", "bluejay
  // hol thirty four at sign yahoo").
  bool word_number_joined = false;
  // Before a written '@' the local part is written too; only a joiner said
  // as a word ("linh dot iyer@msn.com") reaches back to the word before it.
  const bool written_at = toks[at].type == T::kPunct;
  bool need_word = true;
  size_t start = q;
  size_t later = at;  // the token after the one being read (skips the mark)
  // Pauses read past: an ellipsis before a joiner said as a word
  // ("baptiste... dot ahmed"), a comma between letters told by example
  // words ("k as in king, e as in edward, ...").
  std::vector<size_t> paused;
  bool told_letters = false;  // a letter told by an example word before the "at"
  for (size_t k = line_begin + 4; k <= at && !told_letters; ++k) told_letters = as_in(k);
  bool stop_at_mark = false;  // (after a pause, a written '.' ends a sentence)
  auto punct = [&](size_t k, const char* c) { return toks[k].type == T::kPunct && toks[k].lower == c; };
  while (q > line_begin) {
    if (!written_at && need_word && q >= line_begin + 4 && punct(q - 1, ".") && punct(q - 2, ".") &&
        punct(q - 3, ".") && toks[q].type == T::kWord && JoinerOf(toks[q]) && toks[q].space_before &&
        !toks[q - 1].space_before && !toks[q - 2].space_before && toks[q - 4].type == T::kWord) {
      for (size_t k = q - 3; k < q; ++k) paused.push_back(k);
      q -= 3;
      stop_at_mark = true;
      continue;
    }
    // (Or after a letter said bare among them: "N, O for orange, U, R dot
    // E as in Edward, L as in Larry, S, A as in apple ...".)
    if (!written_at && !need_word && punct(q - 1, ",") &&
        (as_in(q - 1) || (q >= line_begin + 2 && IsSingleLetter(toks[q - 2]) && told_letters)) &&
        IsSingleLetter(toks[later])) {
      paused.push_back(q - 1);
      --q;
      stop_at_mark = true;
      continue;
    }
    int jn = joiner(q - 1);
    if ((written_at || stop_at_mark) && jn && toks[q - 1].type == T::kPunct) break;
    if (jn) {
      if (need_word) break;
      q -= static_cast<size_t>(jn);
      later = q;
      need_word = true;
      continue;
    }
    // (An initial said apart from a written local part joins it, and ends
    // it: "M Piotrowski@live.com".)
    // Before a written '@' only words said run together, never written
    // digits ("a 123-45-6789 b dana@example.com" is a log line), and only a
    // few of them.
    if (written_at && !need_word &&
        (toks[q - 1].type == T::kDigits || at - q >= 6 ||
         (q - 1 > line_begin && IsSingleLetter(toks[q - 1]) &&
          (toks[q - 2].type == T::kDigits || IsSingleLetter(toks[q - 2]))))) {
      break;
    }
    if (as_in(q)) {
      // A told letter runs together with whatever follows it.
      start = q - 4;
      need_word = false;
      q -= 4;
      later = q;
      continue;
    }
    const Tok& t = toks[q - 1];
    if (!IsAddressWord(t) && !IsNumberWord(t)) break;
    // Without a joiner only spelled letters, or a word and a number
    // ("ahmed sixty one"), or an initial and a word ("r krishnan") run
    // together, or anything before "all one word".
    // (t is the earlier word, toks[later] the later one: "ahmed sixty one",
    // never "third dana".)
    const Tok& next = toks[later];
    bool spelled_pair = (IsSingleLetter(t) || numeric(t) || nato_letter(q - 1)) &&
                        (IsSingleLetter(next) || numeric(next) || (later < at && nato_letter(later)));
    bool word_then_number = !numeric(t) && numeric(next);  // (no word of the sentence: below)
    bool initial = IsSingleLetter(t) && t.lower != "a" && t.lower != "i" && later != at &&
                   !IsSingleLetter(next) && next.type == T::kWord;
    // "all one word" joins the last words said, never the sentence before
    // them ("let me see tuan phan, all one word").
    static constexpr std::string_view kNotLocal[] = {
        "is", "it's", "its", "it", "me", "my", "see", "let", "the", "uh", "um", "so", "okay",
        "ok", "yes", "yeah", "that", "email", "address", "be", "would", "was", "sure", "and",
        "this", "them", "him", "her", "you", "look", "looked", "looking", "all", "there",
        "to", "send", "at", "for", "of", "in", "on", "mail", "reach", "right", "alright", "well"};
    const bool local_word = std::find(std::begin(kNotLocal), std::end(kNotLocal), t.lower) ==
                            std::end(kNotLocal);
    // ("the email is o b i ...": "is" before a letter heard as a digit.)
    word_then_number = word_then_number && local_word;
    bool joined = one_word && later - q <= 1 && words_joined < 3 && local_word;
    // A first name, then the surname spelled: "tariq F A R O U K".
    bool word_then_spelled = false;
    if (!IsSingleLetter(t) && !numeric(t) && local_word && t.type == T::kWord) {
      size_t run = 0;
      for (size_t r = later; r < at && IsSingleLetter(toks[r]); ++r) ++run;
      word_then_spelled = run >= 3;
    }
    // (Never a word of the sentence around it: "I heard huong oh oh at ...",
    // "I'm showing bao four five at ...", "Email's bao four eight at ...".)
    static constexpr std::string_view kTalk[] = {
        "heard", "showing", "show", "got", "have", "has", "had", "email's", "emails", "user",
        "back", "read", "confirm", "name", "i'm", "i've", "i", "we", "we've", "it's", "that's",
        "here", "just", "try", "use", "its", "write", "put", "under", "also", "or", "then"};
    const bool word_before_word_number =
        mail_host && !written_at && word_number_joined && words_joined == 1 && local_word &&
        t.type == T::kWord && !numeric(t) && !IsSingleLetter(t) &&
        std::find(std::begin(kTalk), std::end(kTalk), t.lower) == std::end(kTalk) &&
        !(q - 1 > line_begin && toks[q - 2].type == T::kPunct && toks[q - 2].lower != ",");
    if (!need_word && !spelled_pair && !word_then_number && !initial && !joined &&
        !word_then_spelled && !word_before_word_number) {
      break;
    }
    if (word_then_number) word_number_joined = true;
    if (!numeric(t)) ++words_joined;
    if (written_at && initial) {
      start = q - 1;
      break;
    }
    start = q - 1;
    need_word = false;
    --q;
    later = q;
  }
  if (start == at || start == mark_b) return false;
  // Render the local part forwards.
  std::string local;
  for (size_t r = start; r < mark_b;) {
    const Tok& t = toks[r];
    if (std::find(paused.begin(), paused.end(), r) != paused.end()) {
      ++r;
      continue;
    }
    if (const char c = nato_letter(r)) {
      local.push_back(c);
      ++r;
    } else if (IsSingleLetter(t) && r + 3 < mark_b && toks[r + 1].type == T::kWord &&
        toks[r + 1].info.kind == W::kAs && toks[r + 2].info.kind == W::kIn) {
      local.push_back(t.lower[0]);
      r += 4;
    } else if (t.type == T::kWord && t.lower == "under" && r + 1 < mark_b &&
               toks[r + 1].lower == "score") {
      local.push_back('_');
      r += 2;
    } else if (JoinerOf(t)) {
      local.push_back(JoinerOf(t));
      ++r;
    } else if (t.type == T::kPunct) {
      local += t.lower;
      ++r;
    } else if (IsNumberWord(t) && t.lower != "o") {
      Atom a = ParseNumber(toks, &r, mark_b);
      local += a.text;
    } else {
      local += t.lower;
      ++r;
    }
  }
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  // Only "at" said, the domain written ("donna.wright at hotmail.com"): a
  // local part that is one short plain word is a sentence ("we met at
  // walgreens.com"), unless the domain is a mailbox provider's ("dana at
  // gmail. Com").
  if (!written_at && !said_dot && !one_word && local.size() < 8 &&
      local.find_first_of("._-0123456789") == std::string::npos && !mail_host) {
    return false;
  }
  *out = local + "@" + domain;
  *b = start;
  *e = end;
  return true;
}

}  // namespace

char NatoLetter(std::string_view lower) {
  if (lower == "november") return 'n';
  const WordInfo w = Lookup(lower);
  return w.kind == W::kNato ? static_cast<char>(w.value) : 0;
}

// Digit groups an engine wrote its own way: groups joined by ", ", ". ",
// a blank, a thousands comma ("8,085,550,113") or dots ("832.082.949").
struct Groups {
  size_t len[6] = {};
  size_t count = 0;
  size_t total = 0;
  size_t dots = 0;  // dots with no blank after them
  size_t end = 0;   // where the last group ends
  bool punct = false;  // a comma or a dot among the joiners, not blanks only
};

// The groups from the digit run text[i, j) on.
Groups WrittenGroups(std::string_view text, size_t i, size_t j) {
  const size_t n = text.size();
  Groups g;
  g.len[g.count++] = j - i;
  g.total = j - i;
  size_t at = j;
  while (at < n && g.count < 6) {
    size_t d = at;
    if (text[d] == ',' || text[d] == '.') ++d;
    while (d < n && text[d] == ' ' && d - at < 2) ++d;
    if (d == at || d >= n || !IsDigit(text[d])) break;
    size_t e = d;
    while (e < n && IsDigit(text[e])) ++e;
    // (A thousands comma takes three digits; a decimal point is no joiner.)
    if (d == at + 1 && text[at] == ',' && e - d != 3) break;
    if (d == at + 1 && text[at] == '.' && (e >= n || text[e] != '.') && g.count < 2 &&
        (at < 2 || text[at - 2] != '.')) {
      // ("552.9932" is one dot: a decimal unless more dots follow or four
      // digits or more come after it.)
      if (e - d < 4) break;
    }
    if (e < n && (IsAsciiLetter(text[e]) || text[e] == ':' || text[e] == '/' || text[e] == '-' ||
                  text[e] == '%')) {
      break;
    }
    if (d == at + 1 && text[at] == '.') ++g.dots;
    if (d > at && (text[at] == ',' || text[at] == '.')) g.punct = true;
    g.len[g.count++] = e - d;
    g.total += e - d;
    at = e;
  }
  g.end = at;
  return g;
}

// Groups in a written shape are written already: "808 555 0180", ZIP+4,
// an EIN (2-7), an SSN in threes; a card's groups with dots are not,
// "4000.0545.8162.5455".
bool WrittenShape(const Groups& g) {
  auto is = [&](std::initializer_list<size_t> want) {
    return g.count == want.size() && std::equal(want.begin(), want.end(), g.len);
  };
  return is({3, 3, 4}) || is({1, 3, 3, 4}) || is({3, 4}) || is({3, 2, 4}) ||
         (is({4, 4, 4, 4}) && g.dots == 0) || is({4, 6, 5}) || is({4, 6, 4}) || is({5, 4}) ||
         is({4, 3, 4}) || is({2, 7}) || is({3, 3, 3});
}

// Whether groups of these lengths are worth a view: an identifier's length
// in all (5, 7 to 16 digits), a date's three parts or a year said in two.
bool RegroupedLengths(const Groups& g) {
  if (g.count < 2) return false;
  // (Never an IP address: four groups of one to three digits with dots.)
  if (g.dots >= 3 && std::all_of(g.len, g.len + g.count, [](size_t l) { return l <= 3; })) return false;
  const size_t* len = g.len;
  if (g.count == 3 && len[0] <= 2 && len[1] <= 2 && len[2] == 4) return true;  // "1, 13, 1962"
  if (g.count == 2 && len[0] == 2 && len[1] == 2) return true;  // a year in two: "14th 19 44"
  if (g.count == 3 && len[0] <= 2 && len[1] == 2 && len[2] == 2) return true;  // "May 11 19 88"
  if (WrittenShape(g)) return false;
  // (Five digits are a ZIP's in groups of three or fewer: "79 901", "2 77
  // 01"; "august 9 1944" is a day and a year.)
  if (g.total == 5 && !std::all_of(g.len, g.len + g.count, [](size_t l) { return l <= 3; })) return false;
  // (Groups with blanks only and 6 to 13 digits are a written record number's
  // or a phone's: "213 071 5", "666431 0001"; the rules read them so.)
  if (!g.punct) return g.total == 5 || (g.total >= 14 && g.total <= 16);
  return g.total == 5 || (g.total >= 7 && g.total <= 16);
}

// Whether the groups from text[i] on (WrittenGroups) sit in speech: after
// a word ("is 79 901", "Yeah, February 14th 19 44"), or opening the text,
// a turn or a sentence with a pause written in them ("1, 13, 1962.", "Anjali
// Jablonski. 3, 1, 1947."), and before the end, a
// stop or a word. Never in a log line's columns ("0.000 403 401 3214
// 18378459", "081110 103618 19 INFO").
bool InSpeech(std::string_view text, size_t i, const Groups& g) {
  const size_t n = text.size();
  const size_t e = g.end;
  if (e < n) {
    const char c = text[e];
    if (c == ' ') {
      if (e + 1 < n && !IsAsciiLetter(text[e + 1])) return false;
    } else if (c != '.' && c != ',' && c != '?' && c != '!' && c != '"') {
      return false;
    } else if (e + 1 < n && (IsDigit(text[e + 1]) || IsAsciiLetter(text[e + 1]))) {
      return false;  // ("174.189.153.162:2575": more of a written value)
    }
    // (A word in capitals after it is a log's: "19 INFO".)
    if (c == ' ' && e + 2 < n && text[e + 1] >= 'A' && text[e + 1] <= 'Z' && text[e + 2] >= 'A' &&
        text[e + 2] <= 'Z') {
      return false;
    }
  }
  size_t b = i;
  if (b > 0 && text[b - 1] == ' ') --b;
  if (b > 0 && text[b - 1] == ',') --b;
  if (b == 0 || text[b - 1] == '"' || text[b - 1] == ':' || text[b - 1] == ']' ||
      (b < i && (text[b - 1] == '.' || text[b - 1] == '?' || text[b - 1] == '!'))) {
    // Opening the text: only with a pause written between the groups, or a
    // phone's or a card's digits with thousands commas ("3,475,550,140, in
    // case we get disconnected").
    for (size_t k = i; k < e; ++k) {
      if ((text[k] == ',' || text[k] == '.') && k + 1 < e && text[k + 1] == ' ') return true;
    }
    bool thousands = g.count >= 4 && g.total >= 10;
    for (size_t q = 1; q < g.count && thousands; ++q) thousands = g.len[q] == 3;
    for (size_t k = i; k < e && thousands; ++k) thousands = IsDigit(text[k]) || text[k] == ',';
    return thousands;
  }
  if (b == i) return false;  // glued to what is before
  // The word before: letters, a lower-case one among them; or a written
  // ordinal ("14th").
  size_t w = b;
  bool lower = false;
  while (w > 0 && (IsAsciiLetter(text[w - 1]) || text[w - 1] == '\'')) {
    if (text[w - 1] >= 'a' && text[w - 1] <= 'z') lower = true;
    --w;
  }
  if (w < b && w > 0 && IsDigit(text[w - 1]) && b - w == 2) return OrdinalSuffix(text[w], text[w + 1]);  // "14th"
  return w < b && lower && (w == 0 || text[w - 1] == ' ' || text[w - 1] == '"' || text[w - 1] == '(');
}

bool HasSpokenSeed(std::string_view text) {
  // Any number word, "double"/"triple", a spelled run ("r e y"), or an "at"
  // followed later by "dot".
  const size_t n = text.size();
  size_t i = 0;
  int single_letters = 0;
  // Digits written one at a time, as some engines write a number read out
  // digit by digit: "3 1 3 5 5 5 0 1 4 3", "4-1-0, 5-5-5, 0-1-1-4".
  int lone_digits = 0;
  bool at = false;
  // A written address whose local part was said in pieces: "linh dot
  // iyer@msn.com", "katarzyna under score saleh@msn.com": the word before
  // the local part is a joiner.
  auto spoken_local = [&](size_t at_pos) {
    size_t b = at_pos;
    while (b > 0 && (IsAsciiLetter(text[b - 1]) || IsDigit(text[b - 1]) || text[b - 1] == '.' ||
                     text[b - 1] == '_' || text[b - 1] == '-' || text[b - 1] == '+')) {
      --b;
    }
    if (b == at_pos || b < 2 || text[b - 1] != ' ') return false;
    size_t we = b - 1, wb = we;
    while (wb > 0 && IsAsciiLetter(text[wb - 1])) --wb;
    // (A single letter before it, "M Piotrowski@live.com", is left alone:
    // in logs "a 123-45-6789 b dana@example.com" is no speech.)
    if (wb == we || we - wb > 11 || we - wb == 1) return false;
    char buf[12];
    for (size_t k = wb; k < we; ++k) {
      char c = text[k];
      buf[k - wb] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    std::string_view w(buf, we - wb);
    return Lookup(w).kind == W::kSep || w == "score";
  };
  while (i < n) {
    if (!IsAsciiLetter(text[i])) {
      if (text[i] == '@' && spoken_local(i)) return true;
      // "josee94 @gmail.com", "lupe@outlook. com": a blank the engine put
      // inside a written address.
      if (text[i] == '@' && i >= 2 && text[i - 1] == ' ' && (IsAsciiLetter(text[i - 2]) || IsDigit(text[i - 2])) &&
          i + 1 < n && IsAsciiLetter(text[i + 1])) {
        return true;
      }
      if (text[i] == '@') {
        size_t d = i + 1;
        while (d < n && (IsAsciiLetter(text[d]) || IsDigit(text[d]) || text[d] == '-')) ++d;
        if (d + 3 < n && d > i + 1 && text[d] == '.' && text[d + 1] == ' ' && IsAsciiLetter(text[d + 2])) {
          return true;
        }
      }
      // Digits between spelled letters keep the run ("5 E R 7 V C 9"),
      // digits glued to letters end it ("539f5ae2d7c9": a hex id).
      if (IsDigit(text[i])) {
        size_t j = i;
        while (j < n && IsDigit(text[j])) ++j;
        if ((i > 0 && IsAsciiLetter(text[i - 1])) || (j < n && IsAsciiLetter(text[j]))) {
          single_letters = 0;
        }
        // "312, 555, 0153": groups with pauses written as commas.
        auto group_after = [&](size_t at, size_t* end) {
          if (at + 2 > n || text[at] != ',' || text[at + 1] != ' ') return size_t{0};
          size_t d = at + 2, x = d;
          while (x < n && IsDigit(text[x])) ++x;
          *end = x;
          return x - d;
        };
        size_t e1 = 0, e2 = 0, e3 = 0;
        if (j - i == 3 && (i == 0 || !IsDigit(text[i - 1]))) {
          size_t g2 = group_after(j, &e1);
          if ((g2 == 2 || g2 == 3) && group_after(e1, &e2) == 4) return true;
        }
        // Groups an engine wrote its own way: "79 901", "415555, 0141",
        // "8,085,550,113", "609. 36. 823", "1, 13, 1962".
        if (i == 0 || (!IsDigit(text[i - 1]) && !IsAsciiLetter(text[i - 1]) && text[i - 1] != '.' &&
                       text[i - 1] != ',' && text[i - 1] != '$' && text[i - 1] != '/' &&
                       text[i - 1] != ':' && text[i - 1] != '-')) {
          const Groups g = WrittenGroups(text, i, j);
          if (RegroupedLengths(g) && InSpeech(text, i, g)) return true;
        }
        // "5555, 5505, 8081, 1893": a card's four groups.
        if (j - i == 4 && (i == 0 || !IsDigit(text[i - 1])) && group_after(j, &e1) == 4 &&
            group_after(e1, &e2) == 4 && group_after(e2, &e3) == 4) {
          return true;
        }
        // "9... 99, 208", "1... 13, 601": the first digits trailed off, then
        // the value from its start (Tokenize: the first try is a pause).
        if (j - i <= 3 && (i == 0 || !IsDigit(text[i - 1])) && j + 4 < n &&
            text.compare(j, 4, "... ") == 0 && text.compare(j + 4, j - i, text.substr(i, j - i)) == 0) {
          return true;
        }
        // "503 uh 555 uh 0157", "704 ... 555 ... 0141": written groups with
        // a filler or a pause between.
        if (j - i >= 2 && j - i <= 4) {
          size_t at = j;
          bool pause = false;
          for (int rounds = 0; rounds < 3; ++rounds) {
            while (at < n && (text[at] == ' ' || text[at] == ',')) ++at;
            if (at + 3 <= n && text.compare(at, 3, "...") == 0) {
              at += 3;
              pause = true;
            } else if (rounds == 0 && at == j && at + 2 <= n && text[at] == '.' && text[at + 1] == ' ') {
              at += 2;  // "8483. 2708": a full stop the engine put in a pause
              pause = true;
            } else if (at + 3 <= n &&
                       (text.compare(at, 2, "um") == 0 || text.compare(at, 2, "uh") == 0 ||
                        text.compare(at, 2, "er") == 0) &&
                       (text[at + 2] == ' ' || text[at + 2] == ',')) {
              at += 3;
              pause = true;
            } else {
              break;
            }
          }
          size_t d = at;
          while (d < n && IsDigit(text[d])) ++d;
          if (pause && d - at >= 3) return true;
        }
        auto gap = [](char c) { return c == ' ' || c == '-' || c == ','; };
        if (j == i + 1 && (i == 0 || gap(text[i - 1])) &&
            (j == n || gap(text[j]) || text[j] == '.' || text[j] == '?')) {
          if (++lone_digits >= 5) return true;
        } else {
          lone_digits = 0;
        }
        i = j;
        continue;
      }
      if (text[i] != ' ' && text[i] != '-' && text[i] != ',') lone_digits = 0;
      // "donna.wright at hotmail.com": "at" said, the domain written.
      if (at && text[i] == '.' && i > 0 && IsAsciiLetter(text[i - 1]) && i + 1 < n &&
          IsAsciiLetter(text[i + 1])) {
        return true;
      }
      // "D. O. N., N. A.": a dot right after a spelled letter keeps the run.
      bool letter_dot = text[i] == '.' && i > 0 && IsAsciiLetter(text[i - 1]) &&
                        (i < 2 || !IsAsciiLetter(text[i - 2])) && single_letters > 0 &&
                        (i + 1 == n || text[i + 1] == ' ' || text[i + 1] == ',');
      if (text[i] != ' ' && text[i] != '-' && text[i] != ',' && !letter_dot) single_letters = 0;
      ++i;
      continue;
    }
    size_t j = i;
    char buf[12];
    size_t len = 0;
    while (j < n && IsAsciiLetter(text[j])) {
      if (len < sizeof buf) {
        char c = text[j];
        buf[len] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
      ++len;
      ++j;
    }
    // A letter (or NATO word) said before digits: "W 263233008", "hotel
    // 3549 9745", "R dash 892".
    auto digits_follow = [&](size_t at) {
      // Pauses between: spaces, commas, an ellipsis, "dash", "um", "uh".
      for (int rounds = 0; rounds < 4; ++rounds) {
        while (at < n && (text[at] == ' ' || text[at] == ',')) ++at;
        if (at + 3 <= n && text.compare(at, 3, "...") == 0) {
          at += 3;
        } else if (at + 5 <= n && text.compare(at, 5, "dash ") == 0) {
          at += 5;
        } else if (at + 3 <= n && (text.compare(at, 2, "um") == 0 || text.compare(at, 2, "uh") == 0) &&
                   (text[at + 2] == ' ' || text[at + 2] == ',')) {
          at += 3;
        } else {
          break;
        }
      }
      size_t d = at;
      while (d < n && IsDigit(text[d])) ++d;
      return d - at >= 2;
    };
    // "x-ray" is the NATO word for x, hyphen and all.
    if (len == 1 && (text[i] | 0x20) == 'x' && j + 4 <= n &&
        (text.compare(j, 4, "-ray") == 0 || text.compare(j, 4, "-Ray") == 0) &&
        (j + 4 == n || !IsAsciiLetter(text[j + 4]))) {
      j += 4;
      if (++single_letters >= 3 || digits_follow(j)) return true;
      i = j;
      continue;
    }
    if (len == 1) {
      bool glued = (i > 0 && IsDigit(text[i - 1])) || (j < n && IsDigit(text[j]));
      char c = static_cast<char>(text[i] | 0x20);
      if (glued) {
        single_letters = 0;
      } else if (++single_letters >= 3) {
        return true;
      } else if (c != 'a' && c != 'i' && (i == 0 || !IsDigit(text[i - 1])) && j < n &&
                 (text[j] != '.' || text.compare(j, 3, "...") == 0) && text[j] != '\'' &&
                 digits_follow(j)) {
        return true;
      }
    } else {
      WordInfo w = len <= 11 ? Lookup(std::string_view(buf, len)) : WordInfo{};
      // NATO words are letters; "dash", "um", "as in <word>" keep a run.
      // "E as in Egg 100221975": the example word ends a letter said before
      // digits.
      // ("n like nancy", "b for boy" as well.)
      auto after = [&text, i](std::string_view w) {
        return i >= w.size() && text.compare(i - w.size(), w.size(), w) == 0;
      };
      bool example = after("as in ") || after(" like ") || after(" for ");
      std::string_view word(buf, len);
      if (example && single_letters > 0 && digits_follow(j)) return true;
      bool sure_name = false;
      const bool letter_name = len <= 5 && LetterName(word, &sure_name) != '\0';
      if (w.kind == W::kNato) {
        if (++single_letters >= 3 || digits_follow(j)) return true;
      } else if (letter_name) {
        // ("oh kay a ef oh are": letters said as their names.)
        // (A name other words share only after two letters: "j c oh".)
        if ((sure_name || single_letters >= 2) && ++single_letters >= 3) return true;
      } else if (w.kind != W::kSep && w.kind != W::kFiller && w.kind != W::kAs &&
                 w.kind != W::kIn && !example && word != "like" && word != "for") {
        single_letters = 0;
      }
      if (len <= 11) {
        switch (w.kind) {
          case W::kDigit:
            if (len > 2) return true;  // not "oh"/"o" alone
            // (Unless between written digits: "415 555 oh 1 9 0".)
            if (i >= 2 && text[i - 1] == ' ' && IsDigit(text[i - 2]) && j + 1 < n &&
                text[j] == ' ' && IsDigit(text[j + 1])) {
              return true;
            }
            break;
          case W::kTeen:
          case W::kTens:
          case W::kDouble:
          case W::kOrdinal:
            return true;
          case W::kAt:
            at = true;
            break;
          case W::kSep:
            if (at && w.value == '.') return true;
            break;
          default:
            break;
        }
      }
    }
    i = j;
  }
  return false;
}

// Whether toks[k] is the unit of an amount said before it ("500 uh 25 uh 10
// mg", "1,250 dollars").
bool AmountUnit(const std::vector<Tok>& toks, size_t k) {
  static constexpr std::string_view kUnits[] = {"mg", "mcg", "ml", "units", "dollars", "percent",
                                                "pounds", "lbs", "kg", "minutes", "hours", "days",
                                                "tablets", "pills", "milligrams", "steps", "calories",
                                                "miles", "feet", "years"};
  return k < toks.size() && toks[k].type == T::kWord &&
         std::find(std::begin(kUnits), std::end(kUnits), toks[k].lower) != std::end(kUnits);
}

// How a run of written digit groups an engine wrote its own way is read
// (WrittenGroups): joined into the identifier they make ("79 901", "415555,
// 0141", "8,085,550,113"), as a date ("1, 13, 1962") or with a year said in
// two after a month and day ("May 11 19 88", "February 14th 19 44").
struct Regroup {
  bool any = false;
  bool date = false;         // month/day/year: the pauses become slashes
  bool year_in_two = false;  // "19 88" is one year
  bool id = false;           // the engine's dots and commas are pauses
};

Regroup ReadRegroup(std::string_view text, const std::vector<Tok>& toks, size_t rb, size_t re,
                    int written, bool paused_groups, bool numeric_dates) {
  Regroup r;
  // (A card's four groups with dots are no pauses to keep: "4000.0545.8162.5455".)
  const bool dotted_card = paused_groups && written == 4 && toks[rb].b > 0 && rb + 2 < re &&
                           toks[rb + 1].type == T::kPunct && toks[rb + 1].lower == "." &&
                           !toks[rb + 2].space_before;
  if ((paused_groups && !dotted_card) || written < 2 || re - rb > 11) return r;
  const Groups g = WrittenGroups(text, toks[rb].b, toks[rb].e);
  for (size_t q = rb; q < re; ++q) {  // digits, commas and dots only
    if (!(toks[q].type == T::kDigits ||
          (toks[q].type == T::kPunct && (toks[q].lower == "," || toks[q].lower == ".")))) {
      return r;
    }
  }
  auto group = [&](size_t nth) {
    size_t seen = 0;
    for (size_t q = rb; q < re; ++q) {
      if (toks[q].type == T::kDigits && seen++ == nth) return std::atoi(toks[q].lower.c_str());
    }
    return 0;
  };
  // A month a few words before: "May 11", "February 14th", "May, 27".
  bool month = false;
  for (size_t q = rb, seen = 0; q > 0 && seen < 3; --q, ++seen) {
    const Tok& x = toks[q - 1];
    if (x.type == T::kWord && x.info.kind == W::kMonth) {
      month = true;
      break;
    }
    if (!(x.type == T::kPunct && x.lower == ",") && !(x.type == T::kWord && x.info.kind == W::kFiller) &&
        !(x.type == T::kWord && x.lower.size() >= 3 && IsDigit(x.lower[0]))) {
      break;
    }
  }
  // (The "4" of "last 4" names the digits after it: "SSN last 4 96 97".)
  if (rb > 0 && toks[rb - 1].type == T::kWord && toks[rb - 1].lower == "last" && g.len[0] == 1) return r;
  const bool dollars = toks[rb].b > 0 && text[toks[rb].b - 1] == '$';
  if (toks[re - 1].e != g.end || !(month || RegroupedLengths(g)) || dollars || AmountUnit(toks, re) ||
      !InSpeech(text, toks[rb].b, g)) {
    return r;
  }
  if (month) {
    // "May 11 19 88", "February 8, 19, 86"; "February 14th 19 44".
    const bool ordinal_before = rb > 0 && toks[rb - 1].type == T::kWord && IsDigit(toks[rb - 1].lower[0]);
    const bool century = g.count >= 2 && (group(g.count - 2) == 19 || group(g.count - 2) == 20) &&
                         g.len[g.count - 2] == 2 && g.len[g.count - 1] == 2;
    r.year_in_two = century && (g.count == 3 || (g.count == 2 && ordinal_before));
    r.any = r.year_in_two || (g.count == 2 && g.len[0] <= 2 && g.len[1] == 4);
    return r;
  }
  if (g.count == 3 && g.len[2] == 4) {
    const int m = group(0), d = group(1), y = group(2);
    r.any = r.date = numeric_dates && m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 &&
                     y <= CurrentYear() && g.len[0] <= 2;
    return r;
  }
  if (g.count == 2 && g.len[0] == 2 && g.len[1] == 2) return r;  // (a year in two, no month)
  bool years = true;
  size_t lone = 0;
  bool long_group = false;
  for (size_t q = 0; q < g.count; ++q) {
    years = years && g.len[q] == 4 && group(q) >= 1900 && group(q) <= 2099;
    lone += g.len[q] == 1 ? 1 : 0;
    long_group = long_group || g.len[q] >= 4;
  }
  // (Never a list: "1, 2, 3, 4, 5", one lone digit at most; nor one said with
  // pauses, "rooms 312, 55, 10": groups joined by ", " hold four digits or
  // more in one of them.)
  bool listed = false;
  for (size_t q = toks[rb].b; q + 1 < g.end && !listed; ++q) listed = text[q] == ',' && text[q + 1] == ' ';
  const bool list = lone > 1 || (listed && !long_group);
  // (Or a number written with thousands commas: "5,105,105,425,058,542".)
  const bool thousands = std::all_of(g.len + 1, g.len + g.count, [](size_t l) { return l == 3; });
  r.any = r.id = !years && !list && (g.count <= 4 || thousands);
  return r;
}

// Rewrites the atoms of a run ReadRegroup took.
void ApplyRegroup(const Regroup& r, std::vector<Atom>* atoms) {
  if (r.date) {
    // "1, 13, 1962", "12 3 1974": a date, its pauses slashes.
    std::vector<Atom> dated;
    for (const Atom& a : *atoms) {
      if (a.kind == Atom::kSeparator) continue;
      if (!dated.empty()) dated.push_back(Atom{Atom::kSeparator, "/", dated.back().e, a.b});
      dated.push_back(a);
    }
    atoms->swap(dated);
  }
  if (r.id) {
    // The engine's dots and commas are pauses: "5.81.02" is 58102.
    for (Atom& a : *atoms) {
      if (a.kind == Atom::kSeparator) {
        a.text = " ";
        a.pause = true;
      }
    }
  }
  if (r.year_in_two) {
    // "19 88" is one year: the two groups become one atom.
    for (size_t q = 0; q + 1 < atoms->size(); ++q) {
      auto century = [&](const Atom& a) {
        return a.kind == Atom::kWritten && (a.text == "19" || a.text == "20");
      };
      auto two = [](const Atom& a) { return a.kind == Atom::kWritten && a.text.size() == 2; };
      if (q + 2 < atoms->size() && century((*atoms)[q]) && (*atoms)[q + 1].kind == Atom::kSeparator &&
          (*atoms)[q + 1].pause && two((*atoms)[q + 2])) {
        atoms->erase(atoms->begin() + static_cast<long>(q) + 1);
      }
      if (century((*atoms)[q]) && two((*atoms)[q + 1])) {
        (*atoms)[q].text += (*atoms)[q + 1].text;
        (*atoms)[q].e = (*atoms)[q + 1].e;
        atoms->erase(atoms->begin() + static_cast<long>(q) + 1);
      }
    }
  }
}

bool SpokenView(std::string_view text, View* out, bool numeric_dates, bool o_zero) {
  out->Clear();
  std::vector<Tok> toks;
  auto OLetter = [&](size_t k, size_t b, size_t e) {
    return o_zero ? LetterWithExample(toks, k, e) : OIsLetter(toks, k, b, e);
  };
  Tokenize(text, &toks);
  Writer w(out);
  bool changed = false;
  uint32_t copied = 0;  // original bytes before this are in the view
  std::vector<Atom> atoms;
  // E-mail addresses of the current line: token ranges and the address.
  struct Email {
    size_t b, e;
    std::string addr;
  };
  std::vector<Email> emails;
  size_t next_email = 0;
  size_t line_end = 0;  // tokens of the current line end here
  size_t i = 0;
  auto copy_to = [&](uint32_t pos) {
    if (pos > copied) w.Copy(text, copied, pos);
    copied = std::max(copied, pos);
  };
  while (i < toks.size()) {
    const Tok& t = toks[i];
    if (t.type == T::kBreak) {
      ++i;
      continue;
    }
    if (i >= line_end) {
      // A new line: find its e-mail addresses first ("... at ... dot com"),
      // so a run of spelled letters never swallows a local part.
      size_t line_begin = i;
      line_end = i;
      while (line_end < toks.size() && toks[line_end].type != T::kBreak) ++line_end;
      emails.clear();
      next_email = 0;
      for (size_t k = line_begin; k < line_end; ++k) {
        if (!IsAt(toks, k)) continue;
        Email em;
        size_t floor = emails.empty() ? line_begin : emails.back().e;
        if (ReadEmail(toks, k, floor, line_end, &em.addr, &em.b, &em.e)) {
          emails.push_back(em);
          k = em.e - 1;
        }
      }
    }
    if (next_email < emails.size() && i == emails[next_email].b) {
      const Email& em = emails[next_email++];
      copy_to(toks[em.b].b);
      w.Emit(em.addr, toks[em.b].b, toks[em.e - 1].e);
      copied = toks[em.e - 1].e;
      changed = true;
      i = em.e;
      continue;
    }
    if (t.restart) {
      // A first try trailed off: out of the view, with the dots after it.
      size_t j = i;
      while (j < toks.size() && (toks[j].restart || (toks[j].type == T::kPunct && toks[j].lower == "."))) ++j;
      if (j < toks.size() && toks[j].type != T::kBreak) {
        copy_to(t.b);
        copied = toks[j].b;
        changed = true;
        i = j;
        continue;
      }
    }
    if (!t.said.empty()) {
      // A word said, then spelled; an acronym spelled.
      copy_to(t.b);
      w.Emit(t.said, t.b, t.e);
      if (t.spelled_e != 0) out->spelled.emplace_back(t.spelled_b, t.spelled_e);
      copied = t.e;
      changed = true;
      ++i;
      continue;
    }
    // Runs stop where the next address starts.
    const size_t stop = next_email < emails.size() ? emails[next_email].b : line_end;
    // A run of spoken numbers and letters.
    if (!IsCore(toks, i)) {
      ++i;
      continue;
    }
    if (size_t unit = UnitLetters(toks, i)) {
      i += unit;
      continue;
    }
    // Extent of the run: core tokens with separators between them.
    size_t r = i;
    size_t last_core = i;
    // An "and" at `at` between groups of digits said one by one, three of
    // them at least before it: "two four oh and five double five o one six
    // one", "two two four, and eight nine four".
    auto and_group = [&](size_t at) {
      if (toks[last_core].type != T::kWord || toks[last_core].info.kind != W::kDigit ||
          at + 1 >= stop || toks[at + 1].type != T::kWord ||
          (toks[at + 1].info.kind != W::kDigit && toks[at + 1].info.kind != W::kDouble)) {
        return false;
      }
      // (Three digits before it, no tens: an area code or a first group,
      // never "oh nine twenty eight and ..." (an expiry, then a ZIP).)
      int said = 0;
      for (size_t q = i; q <= last_core; ++q) {
        if (toks[q].type != T::kWord) continue;
        if (toks[q].info.kind != W::kDigit && toks[q].info.kind != W::kFiller) return false;
        if (toks[q].info.kind == W::kDigit) ++said;
      }
      if (said != 3) return false;
      // (Four digits or more after it: "one O two and one O four" are two
      // readings.)
      int after = 0;
      for (size_t q = at + 1; q < stop; ++q) {
        const Tok& t = toks[q];
        if (t.type == T::kPunct && t.lower == ",") continue;
        if (t.type != T::kWord) break;
        if (t.info.kind == W::kDigit) {
          ++after;
        } else if (t.info.kind == W::kDouble) {
          after += t.info.value - 1;
        } else if (t.info.kind != W::kFiller) {
          break;
        }
      }
      return after >= 4;
    };
    while (r < stop) {
      const Tok& x = toks[r];
      bool core = IsCore(toks, r);
      bool sep = (x.type == T::kWord && (x.info.kind == W::kSep || x.info.kind == W::kFiller ||
                                         x.info.kind == W::kExtension ||
                                         x.info.kind == W::kAnd || x.info.kind == W::kAs ||
                                         x.info.kind == W::kIn)) ||
                 (x.type == T::kPunct && (x.lower == "," || x.lower == "-" || x.lower == "/" ||
                                          x.lower == "." || x.lower == "(" || x.lower == ")"));
      if (core) {
        if (r > i && last_core + 1 == r && UnitLetters(toks, r) > 0) break;  // "one M G"
        last_core = r;
        ++r;
        continue;
      }
      if (!sep) break;
      // "as in": the letter before it, the word after it is its example.
      if (x.type == T::kWord && x.info.kind == W::kAs) {
        if (r + 2 < stop && toks[r + 1].type == T::kWord && toks[r + 1].info.kind == W::kIn &&
            toks[r + 2].type == T::kWord && IsSingleLetter(toks[last_core]) && last_core + 1 == r) {
          last_core = r + 2;
          r += 3;
          continue;
        }
        break;
      }
      if (x.type == T::kWord && x.info.kind == W::kIn) break;
      // "and" only inside a number ("two hundred and five").
      if (x.type == T::kWord && x.info.kind == W::kAnd) {
        W lk = toks[last_core].type == T::kWord ? toks[last_core].info.kind : W::kNone;
        // "... five five five, and then oh one three two"
        bool and_then = r + 1 < stop && toks[r + 1].type == T::kWord && toks[r + 1].lower == "then";
        // "two four oh and five double five o one six one": between groups
        // of digits said one by one, three of them at least before it.
        if (lk != W::kHundred && lk != W::kThousand && !and_then && !and_group(r)) break;
      }
      // A separator must be followed (soon) by another core token.
      // (The dots of a long pause count once: "two five four three
      // two...... nine five eight".)
      size_t q = r + 1, dots = 0;
      while (q < stop && q < r + 5 + dots && !IsCore(toks, q) &&
             ((toks[q].type == T::kPunct && (toks[q].lower == "," || toks[q].lower == ".")) ||
              (toks[q].type == T::kWord && (toks[q].info.kind == W::kFiller ||
                                            toks[q].info.kind == W::kExtension)) ||
              (toks[q].type == T::kWord && toks[q].info.kind == W::kAnd && q + 1 < stop &&
               (toks[q + 1].lower == "then" || and_group(q))))) {
        if (toks[q].type == T::kPunct && toks[q].lower == "." && toks[q - 1].type == T::kPunct &&
            toks[q - 1].lower == ".") {
          ++dots;
        }
        ++q;
      }
      if (q >= stop || !IsCore(toks, q)) break;
      // After a full stop, the run goes on only into a group of numbers
      // ("four zero one. Five five five. Zero one"), never into the next
      // sentence ("nineteen fifty six. One moment").
      auto dot = [&](size_t k) { return toks[k].type == T::kPunct && toks[k].lower == "."; };
      bool ellipsis = (r > 0 && dot(r - 1)) || (r + 1 < toks.size() && dot(r + 1));
      // (Spelled letters go on: "D. O. N., N. A.")
      if (x.type == T::kPunct && x.lower == "." && !ellipsis && !IsSingleLetter(toks[last_core])) {
        size_t g = q;
        while (g < stop && IsCore(toks, g)) ++g;
        if (g - q < 2 && !(toks[q].type == T::kDigits && toks[q].lower.size() >= 2)) break;
        // (Never into a written number that a word follows: "... seven three
        // six eight. 17940 Maple Ridge Drive" is a house number.)
        if (toks[q].type == T::kDigits && g < stop && toks[g].type == T::kWord &&
            text[toks[g].b] >= 'A' && text[toks[g].b] <= 'Z') {
          break;
        }
        // (Nor from a year said in tens into what is said next: "May tenth,
        // nineteen fifty five. four eight zero five ...".)
        auto kind = [&](size_t k) {
          return toks[k].type == T::kWord ? toks[k].info.kind : W::kNone;
        };
        auto value = [&](size_t k) { return toks[k].info.value; };
        const size_t lc = last_core;
        const bool tens_end = kind(lc) == W::kTens ||
                              (kind(lc) == W::kDigit && lc > i && kind(lc - 1) == W::kTens);
        const size_t t = kind(lc) == W::kTens ? lc : lc - 1;
        // (A year said in tens right after a month or a day: "fifth of
        // October sixty three. eighty eight zero two".)
        if (tens_end && t >= i && t > 0) {
          size_t m = t;
          while (m > 0 && toks[m - 1].type == T::kPunct && toks[m - 1].lower == ",") --m;
          if (m > 0 && (kind(m - 1) == W::kOrdinal || kind(m - 1) == W::kMonth)) break;
        }
        if (tens_end && t > i && kind(t - 1) == W::kTeen && (value(t - 1) == 19 || value(t - 1) == 18)) {
          // (A year of a date: a day or a month before it. "forty sixty two.
          // eighty nine ten, nineteen fifty-six. zero six ..." is a card.)
          size_t d = t - 1;
          auto comma_before = [&](size_t k) {
            while (k > i && toks[k - 1].type == T::kPunct && toks[k - 1].lower == ",") --k;
            return k;
          };
          d = comma_before(d);
          if (d > 0 && (kind(d - 1) == W::kOrdinal || kind(d - 1) == W::kMonth)) break;
          // (Or a month and a day said as numbers, each on its own: "twelve,
          // eighteen, nineteen seventy nine.")
          auto alone = [&](size_t k, int most) {
            const W w = kind(k);
            return (w == W::kDigit || w == W::kTeen) && value(k) >= 1 && value(k) <= most &&
                   (k == 0 || toks[k - 1].type != T::kWord || kind(k - 1) == W::kNone);
          };
          if (d > i + 1 && d < t - 1 && alone(d - 1, 31)) {
            const size_t m = comma_before(d - 1);
            if (m < d - 1 && m > i && alone(m - 1, 12)) break;
          }
        }
        // (Nor from a date said as numbers alone, a month and a day before a
        // year in tens: "eight twenty six nineteen sixty three. four one
        // nine ...", "seven thirteen fifty eight. double nine ...".)
        if (tens_end && t > i) {
          const size_t y = kind(t - 1) == W::kTeen && (value(t - 1) == 19 || value(t - 1) == 18) ? t - 1 : t;
          size_t k = i;
          int month = -1, day = -1;
          auto digit = [&](size_t q) { return q < y && kind(q) == W::kDigit; };
          if (digit(k) && value(k) == 0 && digit(k + 1)) {
            month = value(k + 1);
            k += 2;
          } else if (digit(k) || (k < y && kind(k) == W::kTeen && value(k) <= 12)) {
            month = value(k);
            k += 1;
          }
          if (digit(k) && value(k) == 0 && digit(k + 1)) {
            day = value(k + 1);
            k += 2;
          } else if (k < y && kind(k) == W::kTens && (value(k) == 20 || value(k) == 30)) {
            day = value(k) + (digit(k + 1) ? value(k + 1) : 0);
            k += digit(k + 1) ? 2 : 1;
          } else if (digit(k) || (k < y && kind(k) == W::kTeen)) {
            day = value(k);
            k += 1;
          }
          // (A two-digit year only after a day of two digits: "one eight
          // sixty three. five fifty five ..." is a phone's first digits.)
          if (k == y && month >= 1 && month <= 12 && day >= 1 && day <= 31 && (y < t || day >= 10)) break;
        }
        // (Nor from a date written with slashes: "10/12/75. 862, uh, 24, ...".)
        bool slashes = false;
        for (size_t k = i; k <= last_core && !slashes; ++k) {
          slashes = toks[k].type == T::kPunct && toks[k].lower == "/" && k > i &&
                    toks[k - 1].type == T::kDigits;
        }
        if (slashes) break;
      }
      r = q;
    }
    size_t run_end = last_core + 1;
    // What the run holds from `from` on.
    int numbers = 0, letters = 0, written = 0;
    auto count_run = [&](size_t from) {
      numbers = letters = written = 0;
      for (size_t k = from; k < run_end; ++k) {
        if (LetterWithExample(toks, k, run_end) || OLetter(k, from, run_end)) ++letters;
        else if (IsNumberWord(toks[k])) ++numbers;
        else if (toks[k].type == T::kDigits) ++written;
        else if (IsLetterToken(toks, k)) ++letters;
      }
    };
    count_run(i);
    // Trim "a" / "i" / NATO words at the edges of runs that are not spelled
    // words: "i have a four one five number".
    // A NATO word leads an id ("whiskey dash six five..."), but one after the
    // digits is a word again ("... nine, over").
    // (Unless it is a letter's example, "c as in charlie", or the id spells
    // its letters that way from its start: "mike seven five ... bravo".)
    auto nato = [&](size_t k) {
      return (toks[k].type == T::kWord && toks[k].info.kind == W::kNato) || toks[k].lower == "november";
    };
    auto spelled_so = [&](size_t k) {
      if (k >= 2 && toks[k - 1].type == T::kWord && toks[k - 1].info.kind == W::kIn &&
          toks[k - 2].type == T::kWord && toks[k - 2].info.kind == W::kAs) {
        return true;
      }
      for (size_t q = i; q < k; ++q) {
        if (nato(q) || LetterWithExample(toks, q, run_end)) return true;
      }
      return false;
    };
    auto trimmable = [&](size_t k) {
      return (IsSingleLetter(toks[k]) && (toks[k].lower == "a" || toks[k].lower == "i")) ||
             (k + 1 == run_end && nato(k) && !spelled_so(k));
    };
    size_t rb = i, re = run_end;
    // "Oh, um, seven two...": an "oh" set off by a pause is an interjection.
    // (So is one before a whole number written out: "no rush oh 3155550103".)
    auto interjection = [&](size_t k, size_t next) {
      return toks[k].type == T::kWord && (toks[k].lower == "oh" || toks[k].lower == "o") &&
             next < toks.size() &&
             (!IsCore(toks, next) || (toks[next].type == T::kDigits && toks[next].lower.size() >= 7 &&
                                      (next + 1 >= run_end || !IsCore(toks, next + 1)))) &&
             !OLetter(k, i, run_end);
    };
    while (rb + 1 < re && interjection(rb, rb + 1)) {
      ++rb;
      while (rb < re && !IsCore(toks, rb)) ++rb;
    }
    // (What the run holds without the interjection: "oh um mike echo hotel
    // tango alpha" is letters only.)
    // "... nineteen eighty six oh wait, you mean her": an "oh" that ends the
    // run before a word of surprise or correction is an interjection too.
    auto oh_wait = [&](size_t k) {
      if (toks[k].type != T::kWord || toks[k].lower != "oh" || OLetter(k, rb, re)) return false;
      size_t n = k + 1;
      while (n < toks.size() && toks[n].type == T::kPunct && toks[n].lower == ",") ++n;
      if (n >= toks.size() || toks[n].type != T::kWord) return false;
      static const char* const kAfter[] = {"wait", "shoot", "gosh", "dear", "wow"};
      for (const char* w : kAfter) {
        if (toks[n].lower == w) return true;
      }
      return false;
    };
    if (re > rb + 1 && oh_wait(re - 1)) {
      --re;
      while (re > rb && !IsCore(toks, re - 1)) --re;
      run_end = re;
    }
    if (rb > i || re < last_core + 1) count_run(rb);
    // (A leading "a" that spells with the letters after it stays: "A E P,
    // seven six six...", "a as in ant e as in echo...".)
    auto spells_on = [&](size_t k) {
      if (LetterWithExample(toks, k, re)) return true;
      size_t n = k + 1;
      while (n < re && toks[n].type == T::kPunct && toks[n].lower == ",") ++n;
      if (n + 1 < re && IsSingleLetter(toks[n]) && toks[n].lower != "a" &&
          toks[n].lower != "i" &&
          (IsSingleLetter(toks[n + 1]) || LetterWithExample(toks, n, re) ||
           (toks[n + 1].type == T::kPunct && toks[n + 1].lower == ","))) {
        return true;
      }
      // (A capital "A" and a capital letter before numbers: "A C four five
      // eight four one five" is an id's letters.)
      return n + 1 < re && text[toks[k].b] == 'A' && IsSingleLetter(toks[n]) &&
             text[toks[n].b] >= 'B' && text[toks[n].b] <= 'Z' && text[toks[n].b] != 'I' &&
             (IsNumberWord(toks[n + 1]) || toks[n + 1].type == T::kDigits);
    };
    if (letters < 3 || numbers + written > 0) {
      while (rb < re && trimmable(rb) && !spells_on(rb)) ++rb;
      while (re > rb && trimmable(re - 1)) --re;
      // Skip separators left at the edges.
      while (rb < re && !IsCore(toks, rb)) ++rb;
      while (re > rb && !IsCore(toks, re - 1) &&
             !(re >= rb + 4 && LetterWithExample(toks, re - 4, re))) {
        --re;
      }
    }
    numbers = letters = written = 0;
    int digit_words = 0;
    int lone_digits = 0;  // written one at a time: "3 1 3 5 5 5 0 1 4 3"
    for (size_t k = rb; k < re; ++k) {
      if (toks[k].type == T::kDigits && toks[k].lower.size() == 1) ++lone_digits;
      if (LetterWithExample(toks, k, re) || OLetter(k, rb, re)) {
        ++letters;
      } else if (IsNumberWord(toks[k])) {
        ++numbers;
        if (toks[k].info.kind == W::kDigit && toks[k].lower.size() > 2) ++digit_words;
      } else if (toks[k].type == T::kDigits) {
        ++written;
      } else if (IsLetterToken(toks, k)) {
        ++letters;
      }
    }
    // Worth rewriting: spoken numbers (not a lone "oh"/"o"), or a spelled
    // word of three or more letters, or letters mixed with digits.
    bool lone_oh = numbers == 1 && letters == 0 && written == 0 && digit_words == 0 &&
                   toks[rb].info.kind == W::kDigit;
    bool worth = (numbers > 0 && !lone_oh) || letters >= 3 || (letters > 0 && written > 0) ||
                 (lone_digits >= 5 && lone_digits == written && numbers == 0 && letters == 0);
    // Groups said with pauses the engine wrote as commas, in the shape of a
    // phone or an SSN: "312, 555, 0153", "123, 45, 6789".
    bool paused_groups = false;
    if (numbers == 0 && letters == 0 && written == 3 && re - rb == 5) {
      auto comma = [&](size_t q) { return toks[q].type == T::kPunct && toks[q].lower == ","; };
      size_t a = toks[rb].lower.size(), b = toks[rb + 2].lower.size(), c = toks[rb + 4].lower.size();
      paused_groups = toks[rb].type == T::kDigits && comma(rb + 1) && toks[rb + 2].type == T::kDigits &&
                      comma(rb + 3) && toks[rb + 4].type == T::kDigits && a == 3 && c == 4 &&
                      (b == 3 || b == 2);
    }
    // ... or with fillers or an ellipsis between: "503 uh 555 uh 0157",
    // "704 ... 555 ... 0141".
    // Any groups of two to four digits so, seven digits or more in all
    // ("8604 uh 3027", "1114 uh 931 uh 573", "6011 um 1162 um 8577 um
    // 8328"); four groups of four with commas, a card's shape ("5555, 5505,
    // 8081, 1893").
    if (!paused_groups && numbers == 0 && letters == 0 && written >= 2 && written <= 5) {
      size_t total = 0, fours = 0;
      bool filler = false, sized = true;
      for (size_t q = rb; q < re; ++q) {
        if (toks[q].type == T::kDigits) {
          const size_t n = toks[q].lower.size();
          total += n;
          fours += n == 4 ? 1 : 0;
          sized = sized && n >= 2 && n <= 4;
        } else if ((toks[q].type == T::kWord && toks[q].info.kind == W::kFiller) ||
                   (toks[q].type == T::kPunct && toks[q].lower == "." && q + 1 < re &&
                    toks[q + 1].space_before)) {
          filler = true;  // (a pause: "...", never a decimal point, "25.456")
        }
      }
      // (Never amounts with their unit: "take 500 uh 25 uh 10 mg".)
      const bool unit = AmountUnit(toks, re);
      // (Nor years: "in 2019. 2020 was ...".)
      bool years = true;
      for (size_t q = rb; q < re; ++q) {
        if (toks[q].type != T::kDigits) continue;
        const std::string& d = toks[q].lower;
        years = years && d.size() == 4 && (d.compare(0, 2, "19") == 0 || d.compare(0, 2, "20") == 0);
      }
      paused_groups = sized && total >= 7 && !unit && !years && (filler || (written == 4 && fours == 4));
    }
    // Groups an engine wrote its own way (ReadRegroup).
    const Regroup regroup = numbers == 0 && letters == 0
                                ? ReadRegroup(text, toks, rb, re, written, paused_groups, numeric_dates)
                                : Regroup{};
    const bool regrouped = regroup.any;
    worth = worth || paused_groups || regrouped;
    // A house number and an abbreviated direction ("22 S. 10th Loop", "91 N.
    // Main") are written already.
    if (numbers == 0 && letters == 1 && written == 1 && re == rb + 2 &&
        toks[rb].type == T::kDigits && re < toks.size() && toks[re].type == T::kPunct &&
        toks[re].lower == "." && IsSingleLetter(toks[rb + 1])) {
      char l = toks[rb + 1].lower[0];
      if (l == 'n' || l == 's' || l == 'e' || l == 'w') worth = false;
    }
    if (rb >= re || !worth) {
      i = std::max(run_end, i + 1);
      continue;
    }
    // Build atoms.
    atoms.clear();
    size_t k = rb;
    while (k < re) {
      const Tok& x = toks[k];
      if (IsNumberWord(x) && !(letters > 0 && numbers == 0) && !LetterWithExample(toks, k, re)) {
        // "o" between letters is a letter ("t o m"); next to numbers, zero.
        // Runs of "o" count as one: "t o o m" is letters, "6011 dash o o
        // six one" zeros.
        bool o_letter = OLetter(k, rb, re);
        if (o_letter) {
          if (written > 0 || numbers > 0) out->o_letters = true;
          Atom a{Atom::kLetter, "o", x.b, x.e};
          atoms.push_back(a);
          ++k;
          continue;
        }
        atoms.push_back(ParseNumber(toks, &k, re));
        continue;
      }
      if (x.type == T::kDigits) {
        Atom a{Atom::kWritten, x.lower, x.b, x.e};
        atoms.push_back(a);
        ++k;
        continue;
      }
      if (IsLetterToken(toks, k) || (IsNumberWord(x) && (x.lower == "o" || x.lower == "oh"))) {
        bool oh = x.lower == "o" || x.lower == "oh";
        Atom a{Atom::kLetter, std::string(1, oh ? 'o' : LetterOf(x)), x.b, x.e};
        // "t as in tango": the example word is part of the letter.
        if (k + 3 <= re && toks[k + 1].type == T::kWord && toks[k + 1].info.kind == W::kAs &&
            toks[k + 2].info.kind == W::kIn) {
          a.e = toks[k + 3].e;
          k += 4;
        } else {
          ++k;
        }
        atoms.push_back(a);
        continue;
      }
      // Separators.
      Atom a{Atom::kSeparator, "", x.b, x.e};
      if (x.type == T::kWord && x.info.kind == W::kSep) {
        a.text = std::string(1, static_cast<char>(x.info.value));
      } else if (x.type == T::kWord && x.info.kind == W::kExtension) {
        a.text = " ext ";
      } else if (x.type == T::kPunct && x.lower == "." &&
                 (k + 1 >= re || toks[k + 1].space_before ||
                  (toks[k + 1].type == T::kPunct && toks[k + 1].lower == ".") ||
                  (k > rb && toks[k - 1].type == T::kPunct && toks[k - 1].lower == "."))) {
        a.text = " ";
        a.pause = true;  // a sentence stop or "...": a pause
      } else if (x.type == T::kPunct && x.lower != ",") {
        a.text = x.lower;
      } else {
        a.text = " ";
        a.pause = true;  // comma, filler
      }
      // Runs of pauses collapse to one blank.
      if (!atoms.empty() && atoms.back().kind == Atom::kSeparator && atoms.back().pause && a.pause) {
        atoms.back().e = a.e;
      } else {
        atoms.push_back(a);
      }
      ++k;
    }
    if (regrouped) ApplyRegroup(regroup, &atoms);
    // A run made only of written digits and blanks is already written
    // (unless they were written one at a time).
    if (numbers == 0 && letters == 0 && !(lone_digits >= 5 && lone_digits == written) &&
        !paused_groups && !regrouped) {
      i = re;
      continue;
    }
    bool after_month = rb > 0 && toks[rb - 1].type == T::kWord && toks[rb - 1].info.kind == W::kMonth;
    // "November, uh, sixteenth... nineteen ninety eight": the pause after
    // the month is one blank ("November 16th 1998").
    size_t mp = rb;
    while (mp > 0 && (toks[mp - 1].type == T::kPunct ? toks[mp - 1].lower == "," :
                                   toks[mp - 1].type == T::kWord && toks[mp - 1].info.kind == W::kFiller)) {
      --mp;
    }
    if (!after_month && mp < rb && mp > 0 && toks[mp - 1].type == T::kWord &&
        toks[mp - 1].info.kind == W::kMonth && toks[mp - 1].e >= copied) {
      after_month = true;
      copy_to(toks[mp - 1].e);
      w.Emit(' ', toks[mp - 1].e, toks[rb].b);
      copied = toks[rb].b;
    }
    if (numbers == 0 && written == 0 && letters >= 2) out->spelled.emplace_back(toks[rb].b, toks[re - 1].e);
    copy_to(toks[rb].b);
    RenderRun(atoms, 0, atoms.size(), after_month, numeric_dates, out, &w);
    copied = toks[re - 1].e;
    changed = true;
    i = re;
  }
  if (!changed) {
    out->Clear();
    return false;
  }
  copy_to(static_cast<uint32_t>(text.size()));
  return true;
}

}  // namespace phiscrub::internal
