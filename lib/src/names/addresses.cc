#include "names/addresses.h"

#include <algorithm>
#include <string>

#include "names/places.h"

namespace phiscrub::internal {
namespace {

using Word = NameScratch::Word;

// (Both run for every word near a number: the first and last letters
// decide most comparisons.)
bool Contains(std::initializer_list<std::string_view> list, std::string_view w) {
  if (w.empty()) return false;
  for (std::string_view x : list) {
    if (x.size() == w.size() && x[0] == w[0] && x == w) return true;
  }
  return false;
}

bool EndsWith(std::string_view w, std::string_view tail) {
  return w.size() >= tail.size() + 2 && w.back() == tail.back() &&
         w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
}

// A word that names a street's type, on its own ("Rue", "Via", "u.", "tér",
// "Street") or as the end of one word ("Koskikatu", "Søndergade",
// "Bundesstrasse"). Folded forms (names.h FoldWord: "straße" -> "strase",
// "stræti" -> "strati").
bool StreetWord(std::string_view f) {
  static const std::initializer_list<std::string_view> kWords = {
      // English (the US grammar has them all; these open or close a line here)
      "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "ln", "drive",
      "dr", "court", "ct", "place", "pl", "square", "sq", "terrace", "way", "crescent", "close",
      "parade", "highway", "hwy", "streets", "str",
      // elsewhere
      "u", "utca", "ut", "ter", "krt", "korut", "koz", "ulica", "ul", "aleja", "ulice", "namesti",
      "trida", "cesta", "ulitsa", "prospekt", "via", "viale", "piazza", "piazzale", "corso",
      "vicolo", "rue", "chemin", "allee", "impasse", "calle", "avenida", "avda", "paseo", "plaza",
      "camino", "carrer", "rua", "travessa", "largo", "praca", "rambla", "carretera", "odos",
      "leoforos", "gata", "gatan", "vej", "vegen", "veien", "straat", "laan", "weg", "plein",
      "strasse", "strase", "gasse", "platz", "katu", "tie", "kuja", "tanav", "maantee"};
  if (Contains(kWords, f)) return true;
  static const std::initializer_list<std::string_view> kTails = {
      "katu", "tie", "kuja", "polku", "gade", "vej", "gatan", "gata", "gaten", "vagen", "vegen",
      "veien", "vegur", "straeti", "strati", "stigur", "strasse", "strase", "weg", "gasse",
      "platz", "allee", "straat", "laan", "gracht", "plein", "utca", "ulica", "tanav", "maantee"};
  for (std::string_view t : kTails) {
    if (EndsWith(f, t)) return true;
  }
  return false;
}

bool UnitWord(std::string_view f) {
  return Contains({"apt", "apartment", "suite", "ste", "unit", "floor", "fl", "room", "rm", "bldg",
                   "building", "box", "flat", "lot", "space", "dept"},
                  f);
}

class Lines {
 public:
  Lines(std::string_view text, const std::vector<Word>& words) : text_(text), words_(words) {}

  bool AllDigits(const Word& w) const {
    for (uint32_t i = w.start; i < w.end; ++i) {
      if (text_[i] < '0' || text_[i] > '9') return false;
    }
    return true;
  }
  // A house or building number: digits, or digits and one letter ("12a").
  bool HouseNumber(const Word& w, size_t max_digits) const {
    if (!w.digits) return false;
    size_t n = w.end - w.start, d = 0;
    while (d < n && text_[w.start + d] >= '0' && text_[w.start + d] <= '9') ++d;
    if (d == 0 || d > max_digits) return false;
    if (d == n) return true;
    char c = text_[w.start + d];
    return d + 1 == n && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  }
  std::string_view Gap(size_t a, size_t b) const {
    return text_.substr(words_[a].end, words_[b].start - words_[a].end);
  }
  // A word in a place's name: letters (any case, any script).
  static bool NameWord(const Word& w) { return !w.digits && !w.label && !w.contraction; }
  static bool Everyday(const Word& w) {
    return (w.flags & kCommonWord) != 0 && (w.flags & (kGivenName | kSurname)) == 0;
  }
  // Latin letters in lower case only (an everyday word in a sentence).
  static bool Lower(const Word& w) { return w.lower; }
  // Written as a name: a capital first, or a script without case.
  static bool Named(const Word& w) {
    return w.title_case || w.upper ||
           (!w.folded.empty() && static_cast<unsigned char>(w.folded[0]) >= 0x80);
  }
  // A word of a sentence, never of a street's name ("lives", "on"); the
  // particles of street names stay ("Rua do Arenque", "Via della Scala").
  static bool SentenceWord(const Word& w) {
    return w.lower && (w.flags & kCommonWord) != 0 && !StreetWord(w.folded) &&
           !Contains({"de", "del", "della", "di", "da", "do", "dos", "das", "la", "le", "les", "van",
                      "von", "der", "den", "het", "y", "e", "gate", "vei", "veg", "tee", "trg",
                      "rkp", "des", "du"},
                     w.folded);
  }

  // Street words [k, e): number, 1-4 words, number ("28245 Puruntie 82",
  // "233 Erzsébet tér 19.", "0605 πεντέλης 210"). Returns the end word
  // index (exclusive) or 0.
  size_t NumberWordsNumber(size_t k, size_t line_end) const {
    if (!HouseNumber(words_[k], 6) || !AllDigits(words_[k])) return 0;
    size_t w0 = k + 1;
    // A delivery number, then the house number ("9554 62 Rue Gafsa").
    if (w0 + 1 < line_end && HouseNumber(words_[w0], 5) && Gap(k, w0) == " " &&
        NameWord(words_[w0 + 1]) && StreetWord(words_[w0 + 1].folded)) {
      ++w0;
    }
    size_t e = w0;
    bool proper = false, street_word = false;
    while (e < line_end && e - w0 < 4 && NameWord(words_[e])) {
      std::string_view g = Gap(e - 1, e);
      if (g != " " && g != ". " && g != "-") return 0;
      if (SentenceWord(words_[e])) return 0;
      proper |= !Everyday(words_[e]);
      street_word |= StreetWord(words_[e].folded);
      ++e;
    }
    if (e == w0) return 0;
    // Number, a street word first, a name: "62 Rue Gafsa", "12 Via Roma".
    if ((e >= line_end || !HouseNumber(words_[e], 5)) && e >= w0 + 2 &&
        StreetWord(words_[w0].folded) && !Everyday(words_[e - 1])) {
      return e;
    }
    if (e >= line_end || !HouseNumber(words_[e], 5)) return 0;
    if (Gap(e - 1, e) != " " && Gap(e - 1, e) != ". ") return 0;
    if (!proper && !street_word) return 0;
    // A count with a word and a size ("2 Tylenol 500") is no street: the
    // building number has three digits or more, or a street word says so.
    if (words_[k].end - words_[k].start < 3 && !street_word) return 0;
    return e + 1;
  }

  // Street words [k, e): 1-3 words and a number ("Koskikatu 25", "Via
  // Franscini 71", "Joaquin Suarez 2906"); `block`: in an address block any
  // such words, else a street word among them. Returns the end or 0.
  size_t WordsNumber(size_t k, size_t line_end, bool block) const {
    size_t e = k;
    bool proper = false, street_word = false;
    while (e < line_end && e - k < 4 && NameWord(words_[e])) {
      if (SentenceWord(words_[e])) return 0;
      if (e > k) {
        std::string_view g = Gap(e - 1, e);
        if (g != " " && g != ". " && g != "-") return 0;
      }
      proper |= !Everyday(words_[e]);
      street_word |= StreetWord(words_[e].folded);
      ++e;
    }
    // (Five digits after words without a street word: a country and its
    // postal code, "Estonia 62488".)
    if (e == k || e >= line_end || !HouseNumber(words_[e], street_word ? 5 : 4)) return 0;
    if (Gap(e - 1, e) != " " && Gap(e - 1, e) != ". ") return 0;
    if (!(block ? (proper || street_word) : street_word)) return 0;
    return e + 1;
  }

  // A unit after a street ("Apt. 864", ", Suite 501", "Box 8144"):
  // returns the end word or `e` unchanged.
  size_t Unit(size_t e, size_t line_end) const {
    while (e + 1 < line_end && UnitWord(words_[e].folded)) {
      std::string_view g = Gap(e, e + 1);
      if (g != " " && g != ". " && g != " #" && g != ". #" && g != "# " && g != " # ") break;
      if (!words_[e + 1].digits && words_[e + 1].end - words_[e + 1].start != 1) break;
      e += 2;
      // (A unit number said digit by digit: "apt 2 1 0", "unit 1 2".)
      auto lone_digit = [&](size_t q) {
        return words_[q].digits && words_[q].end - words_[q].start == 1;
      };
      for (int more = 0; more < 3 && e < line_end && lone_digit(e - 1) && lone_digit(e) &&
                         Gap(e - 1, e) == " ";
           ++more) {
        ++e;
      }
      if (e < line_end) {
        std::string_view g2 = Gap(e - 1, e);
        if (g2 != " " && g2 != ", " && g2 != ". ") break;
      }
    }
    return e;
  }

  std::string_view text_;
  const std::vector<Word>& words_;
};

bool Blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A line that ends in a street word after a number ("1200 Elm Street",
// "74 Diakou Street"): what the US street grammar reads.
bool EndsLikeStreet(std::string_view line) {
  size_t e = line.size();
  while (e > 0 && (Blank(line[e - 1]) || line[e - 1] == '.' || line[e - 1] == ',')) --e;
  size_t s = e;
  while (s > 0 && !Blank(line[s - 1]) && line[s - 1] != ',') --s;
  if (s == e) return false;
  std::string folded;
  bool first_upper = false, all_upper = false;
  FoldWord(line.substr(s, e - s), &folded, &first_upper, &all_upper);
  if (!StreetWord(folded)) return false;
  for (size_t i = 0; i < s; ++i) {
    if (line[i] >= '0' && line[i] <= '9') return true;
  }
  return false;
}

// Past the quote marks of a quoted message at a line's start: blanks and
// '>' ("> > Suite 501"), '›', or the '???' a lost encoding made of it.
size_t QuoteEnd(std::string_view line, size_t b, size_t e) {
  while (b < e) {
    if (Blank(line[b]) || line[b] == '>') {
      ++b;
    } else if (line.compare(b, 3, "\xE2\x80\xBA") == 0) {
      b += 3;
    } else if (line.compare(b, 4, "??? ") == 0) {
      b += 4;
    } else {
      break;
    }
  }
  return b;
}

}  // namespace

void FindAddressBlocks(std::string_view text, const NameScratch& scratch,
                       const std::vector<std::pair<uint32_t, uint32_t>>& streets,
                       std::vector<AddressPiece>* out) {
  const auto& words = scratch.words;
  Lines L(text, words);
  size_t w = 0;       // first word of the current line
  size_t si = 0;      // next street span
  int block = 0;      // lines of an address block still allowed after this one
  bool labelled = false;  // the block was opened by a label; no street yet
  size_t blanks = 0;
  size_t ls = 0;
  while (ls <= text.size()) {
    size_t le = text.find('\n', ls);
    if (le == std::string_view::npos) le = text.size();
    size_t lw = w;
    while (lw < words.size() && words[lw].start < le) ++lw;
    // Words [w, lw) lie on this line. Trim the line: blanks, quote marks,
    // a leading comma, a trailing period.
    size_t b = ls, e = le;
    b = QuoteEnd(text, b, e);
    while (b < e && (Blank(text[b]) || text[b] == ',')) ++b;
    while (e > b && Blank(text[e - 1])) --e;
    size_t e_core = e;
    while (e_core > b && (text[e_core - 1] == '.' || text[e_core - 1] == ',')) --e_core;
    const bool blank_line = b == e;

    // Street spans of other rules that end on this line.
    uint32_t street_end = 0;  // the last one's end on this line
    uint32_t street_begin = 0;
    while (si < streets.size() && streets[si].first < le) {
      if (streets[si].first >= ls) {
        street_begin = street_begin ? street_begin : streets[si].first;
        street_end = std::max(street_end, streets[si].second);
      }
      ++si;
    }

    bool opens = false;  // this line ends with a street: the block goes on
    bool closes = false;
    if (blank_line) {
      if (block > 0 && ++blanks > 2) block = 0;
    } else {
      blanks = 0;
      bool in_block = block > 0;
      // 1. Street lines: at the line start (an address line) or after an
      // address cue ("lives at", "is", "address:", "with", "to").
      for (size_t k = w; k < lw; ++k) {
        bool anchored = words[k].start == b;
        if (!anchored && k > w) {
          std::string_view g = L.Gap(k - 1, k);
          const std::string& pw = words[k - 1].folded;
          anchored = (g == " " && (pw == "at" || pw == "to" || pw == "is" || pw == "with" ||
                                   pw == "on" || pw == "in" || pw == "of" || pw == "from" ||
                                   pw == "address" || pw == "addr")) ||
                     (g.size() <= 8 && g.find(':') != std::string_view::npos &&
                      g.find_first_not_of(": \t") == std::string_view::npos) ||
                     // after a unit ("Apt. 675 62314 Mellemvej 32")
                     (g == " " && k >= w + 2 && words[k - 1].digits &&
                      UnitWord(words[k - 2].folded));
        }
        if (!anchored) continue;
        size_t end = L.NumberWordsNumber(k, lw);
        if (end == 0) end = L.WordsNumber(k, lw, in_block);
        if (end == 0) continue;
        end = L.Unit(end, lw);
        uint32_t pe = words[end - 1].end;
        if (pe < text.size() && text[pe] == '.' && words[end - 1].digits) ++pe;
        // What follows: the line's end, a comma, a unit, a sentence's end.
        size_t rest = pe;
        while (rest < e && Blank(text[rest])) ++rest;
        bool ends_line = rest >= e_core;
        bool fits = ends_line || text[rest] == ',' || text[rest] == '?' || text[rest] == '!' ||
                    text[rest] == ')' || text[rest] == ';' || text[pe - 1] == '.' ||
                    (end < lw && StreetWord(words[end].folded));  // "... 130 st."
        if (!fits) continue;
        out->push_back({words[k].start, pe, AddressPart::kStreet});
        if (street_begin == 0 || words[k].start < street_begin) street_begin = words[k].start;
        street_end = std::max<uint32_t>(street_end, static_cast<uint32_t>(pe));
        break;
      }
      // A number right before another rule's street ("17151 2450 Crown St").
      if (street_begin > 0 && street_begin > ls) {
        size_t k = w;
        while (k < lw && words[k].end < street_begin) ++k;
        if (k > w && words[k - 1].end + 1 == street_begin && text[street_begin - 1] == ' ' &&
            L.AllDigits(words[k - 1]) && words[k - 1].end - words[k - 1].start <= 6 &&
            (words[k - 1].start == b ||
             (k - 1 > w && L.Gap(k - 2, k - 1).find(':') != std::string_view::npos) ||
             (k - 1 > w && L.Gap(k - 2, k - 1) == ", " && words[k - 2].title_case) ||
             (k - 1 > w && (words[k - 2].folded == "at" || words[k - 2].folded == "to" ||
                            words[k - 2].folded == "is")))) {
          out->push_back({words[k - 1].start, words[k - 1].end, AddressPart::kStreet});
        }
      }
      // 2. The rest of the address on the street's line: ", City[, Region]
      // [code]" up to the line's end.
      if (street_end > 0) {
        size_t k = w;
        while (k < lw && words[k].start < street_end) ++k;
        size_t p = street_end;
        while (p < e && (Blank(text[p]) || text[p] == '.')) ++p;
        // (An address that ends in its ZIP is whole: "..., AZ 85741 room 627".)
        const bool with_zip = k > w && words[k - 1].end == street_end && L.AllDigits(words[k - 1]) &&
                              (words[k - 1].end - words[k - 1].start == 5 ||
                               (words[k - 1].end - words[k - 1].start == 4 && k >= w + 2 &&
                                text[words[k - 1].start - 1] == '-'));
        if (with_zip) k = lw;
        // A unit after another rule's street ("... Suite 697 Apt. 397").
        if (k < lw && k > w && p < e && (text[p] == ',' || p == street_end + 1) &&
            UnitWord(words[k].folded)) {
          size_t u = L.Unit(k, lw);
          if (u > k) {
            out->push_back({words[k].start, words[u - 1].end, AddressPart::kStreet});
            street_end = words[u - 1].end;
            k = u;
            p = street_end;
            while (p < e && (Blank(text[p]) || text[p] == '.')) ++p;
          }
        }
        if (k < lw && p < e && text[p] == ',') {
          // Words and a code up to the line's end, a code, or a sentence's
          // end ("..., Gdańsk, Poland 52096 last night.").
          size_t first = k, end = k;
          for (size_t q = k; q < lw && q - k < 6; ++q) {
            const Word& x = words[q];
            if (x.start >= e) break;
            if (q > k) {
              std::string_view g = L.Gap(q - 1, q);
              if (!(g == " " || g == ", " || g == "-" || g == " (" || g == ") " || g == ". ")) break;
            }
            if (L.NameWord(x) ? (L.Lower(x) && (x.flags & kCommonWord) != 0)
                              : !L.HouseNumber(x, 7)) {
              break;
            }
            // (The name of the next field is no place: "..., Houston, ZIP code
            // seven seven ...".)
            if (x.folded == "zip" || x.folded == "zipcode" || x.folded == "postal" ||
                x.folded == "phone") {
              break;
            }
            end = q + 1;
            if (!L.NameWord(x)) break;  // a code ends it
          }
          if (end > first) {
            const Word& lastw = words[end - 1];
            size_t tail = lastw.end;
            while (tail < e && (text[tail] == ')' || Blank(text[tail]))) ++tail;
            bool code = !L.NameWord(lastw) && lastw.end - lastw.start >= 4;
            bool sentence_end = tail < e && (text[tail] == '?' || text[tail] == '!' ||
                                             (text[tail] == '.' && (tail + 1 >= e || Blank(text[tail + 1]))));
            // Names of places, then the sentence goes on in lower case
            // ("..., Cite Guedouala, Tunisia last night.").
            bool named = true;
            for (size_t q = first; q < end; ++q) {
              named = named && Lines::Named(words[q]) && words[q].end - words[q].start >= 2;
            }
            bool prose_after = named && end < lw && words[end].lower && L.Gap(end - 1, end) == " ";
            if (tail >= e_core || code || sentence_end || prose_after) {
              if (code && end - 1 > first) {
                // (A state's name after the city is no PHI and stays:
                // "Stonebridge, georgia 37211", "Albany, New York 12207". Its
                // two-letter code goes with the city: "WA 98473" alone reads
                // as an id.)
                size_t loc = end - 1;
                for (size_t n = 2; n >= 1; --n) {
                  if (loc < first + n + 1) continue;
                  std::string name(words[loc - n].folded);
                  for (size_t q = loc - n + 1; q < loc; ++q) name += " " + words[q].folded;
                  if (name.size() > 2 && PlaceGazetteer::StateIndex(name) >= 0) {
                    loc -= n;
                    break;
                  }
                }
                out->push_back({words[first].start, words[loc - 1].end, AddressPart::kLocation});
                out->push_back({lastw.start, lastw.end, AddressPart::kZip});
              } else {
                out->push_back({words[first].start, lastw.end,
                                code ? AddressPart::kZip : AddressPart::kLocation});
              }
              street_end = lastw.end;
            }
          }
        } else if (k < lw && p == street_end + 1 && text[street_end] == ' ') {
          // Without a comma: names of places up to the line's or the
          // sentence's end ("... Apt. 892 GUÉRET LI", "... Suite 907 Soloi
          // Cyprus.").
          size_t end = k;
          for (size_t q = k; q < lw && q - k < 4; ++q) {
            const Word& x = words[q];
            if (q > k && L.Gap(q - 1, q) != " " && L.Gap(q - 1, q) != "-") break;
            if (!L.NameWord(x) || !Lines::Named(x)) break;
            end = q + 1;
          }
          if (end > k) {
            size_t tail = words[end - 1].end;
            bool at_end = tail >= e_core ||
                          (tail < e && (text[tail] == '?' || text[tail] == '!' ||
                                        (text[tail] == '.' && (tail + 1 >= e || Blank(text[tail + 1])))));
            if (at_end) {
              out->push_back({words[k].start, words[end - 1].end, AddressPart::kLocation});
              street_end = words[end - 1].end;
            }
          }
        }
        // The block goes on after a street that ends its line.
        size_t p2 = street_end;
        while (p2 < e && (Blank(text[p2]) || text[p2] == '.' || text[p2] == ',')) ++p2;
        // (A street that ends in its ZIP is complete: "..., IL 62704".)
        size_t last = lw;
        while (last > w && words[last - 1].start >= street_end) --last;
        bool complete = last > w && words[last - 1].end - words[last - 1].start == 5 &&
                        L.AllDigits(words[last - 1]) && last - 1 > w &&
                        !UnitWord(words[last - 2].folded);
        if (p2 >= e && !complete) opens = true;
        labelled = false;
      }
      // 3. A line of the block: a unit, a city, a region, a country and its
      // postal code, a code alone.
      if (street_end == 0 && in_block && !MayContinueAddressBlock(text.substr(ls, le - ls))) {
        closes = true;
      } else if (street_end == 0 && in_block) {
        size_t first = w;
        while (first < lw && words[first].start < b) ++first;
        // The block's part of the line ends at a question or an exclamation
        // ("Cyprus 36903? I am in ... for a business trip"), or after a
        // code that more words follow ("KNIVSTA, 18237 after the concert").
        size_t stop = e_core;
        for (size_t i = b; i < e_core; ++i) {
          if (text[i] == '?' || text[i] == '!') {
            stop = i;
            break;
          }
        }
        size_t line_words = first;
        while (line_words < lw && words[line_words].end <= stop) ++line_words;
        size_t n = 0, name_words = 0, codes = 0, everyday_lower = 0, everyday = 0, capital = 0;
        bool ok = first < line_words && stop - b <= 64;
        size_t taken = first;
        for (size_t q = first; q < line_words && ok; ++q) {
          const Word& x = words[q];
          if (q > first) {
            std::string_view g = L.Gap(q - 1, q);
            bool joined = g == " " || g == ", " || g == "," || g == "-" || g == " (" ||
                          g == ") " || g == ". " || g == " - ";
            if (!joined || (!L.NameWord(words[q - 1]) && L.NameWord(x))) {
              // After a code, or at a mark the block does not use, the rest
              // of the line is no part of it; a code must end the part.
              if (!L.NameWord(words[q - 1])) break;
              ok = false;
              break;
            }
          }
          taken = q + 1;
          if (L.NameWord(x)) {
            ++name_words;
            if (x.title_case || x.upper) ++capital;
            // (Capitals of two or three letters are a region's code: "ON", "NO".)
            const bool code = x.upper && x.end - x.start <= 3;
            if ((x.flags & kCommonWord) != 0 && !code) {
              ++everyday;
              if (L.Lower(x)) ++everyday_lower;
            }
          } else if (x.digits) {
            ++codes;
          } else {
            ok = false;  // "I'm", a label: no address line
          }
          ++n;
        }
        const size_t lw3 = taken;  // the words of the block's part
        // A postal code ends the part: one or two tokens with digits
        // ("53650", "340 12", "B0J 2H0").
        size_t tail_codes = 0, code_chars = 0;
        while (tail_codes < 2 && lw3 - tail_codes > first &&
               !L.NameWord(words[lw3 - 1 - tail_codes]) &&
               words[lw3 - 1 - tail_codes].end - words[lw3 - 1 - tail_codes].start <= 8) {
          code_chars += words[lw3 - 1 - tail_codes].end - words[lw3 - 1 - tail_codes].start;
          ++tail_codes;
        }
        // (A line cut after its code needs place names before the code:
        // "KNIVSTA 18237 after the concert"; never "276418 node-84 start".)
        const bool code_ok = codes > 0 && codes == tail_codes && code_chars >= 3 &&
                             (lw3 == line_words || tail_codes < n);
        size_t unit_end = ok && n >= 2 ? L.Unit(first, lw3) : first;
        if (ok && unit_end == lw3 && unit_end > first) {
          out->push_back({words[first].start, words[lw3 - 1].end, AddressPart::kStreet});
        } else if (ok && labelled && n <= 4 && codes == 0 && everyday == 0) {
          // After a label, a name may come before the street.
        } else if (ok && n >= 1 && n <= 6 && everyday_lower == 0 &&
                   // (One everyday word is no city: "Done"; "Mill Village" is.)
                   !(name_words > 0 && everyday == name_words && codes == 0 &&
                     !(name_words >= 2 && capital == name_words)) &&
                   (codes == 0 || code_ok)) {
          if (labelled) {
            closes = true;  // a label's block starts with its street
          } else if (codes == 0) {
            out->push_back({words[first].start, words[lw3 - 1].end, AddressPart::kLocation});
          } else {
            if (lw3 - tail_codes > first) {
              out->push_back({words[first].start, words[lw3 - tail_codes - 1].end,
                              AddressPart::kLocation});
            }
            out->push_back({words[lw3 - tail_codes].start, words[lw3 - 1].end, AddressPart::kZip});
            closes = true;
          }
        } else {
          closes = true;
        }
      }
      // An address label opens a block: "Address:", "Billing address: Dana
      // Reyes", "Ship to:".
      if (!opens && street_end == 0) {
        size_t colon = text.substr(b, e - b).find(':');
        if (colon != std::string_view::npos && colon < 40) {
          for (size_t q = w; q < lw && words[q].start < b + colon; ++q) {
            const std::string& f = words[q].folded;
            if (f == "address" || f == "addresses" ||
                ((f == "ship" || f == "mail" || f == "send" || f == "deliver") && q + 1 < lw &&
                 words[q + 1].folded == "to")) {
              size_t after = 0;
              bool digits = false;
              for (size_t r = q + 1; r < lw; ++r) {
                if (words[r].start > b + colon) {
                  ++after;
                  digits |= words[r].digits;
                }
              }
              if (after <= 4 && !digits) {
                opens = true;
                labelled = true;
              }
            }
          }
        }
      }
    }
    if (opens) {
      block = 6;
    } else if (closes) {
      block = 0;
      labelled = false;
    } else if (!blank_line && block > 0) {
      --block;
    }
    if (block == 0) labelled = false;
    w = lw;
    if (le >= text.size()) break;
    ls = le + 1;
  }
}

bool MayOpenAddressBlock(std::string_view line) {
  if (line.size() > 240) return false;
  // A street's end: a number after a capitalised word or a unit ("Koskikatu
  // 25", "Apt. 864", "Erzsébet tér 19."), or a street word after a number
  // ("1200 Elm Street"). Never "SSN 123-45-6789" or "processed 5".
  size_t e = line.size();
  while (e > 0 && (Blank(line[e - 1]) || line[e - 1] == '.' || line[e - 1] == ',')) --e;
  size_t s = e;
  while (s > 0 && !Blank(line[s - 1]) && line[s - 1] != ',') --s;
  std::string_view last = line.substr(s, e - s);
  auto digits_only = [](std::string_view t) {
    size_t d = 0;
    while (d < t.size() && t[d] >= '0' && t[d] <= '9') ++d;
    return d >= 1 && d <= 5 && (d == t.size() || (d + 1 == t.size() && ((t[d] | 0x20) >= 'a' && (t[d] | 0x20) <= 'z')));
  };
  if (!last.empty() && digits_only(last)) {
    size_t pe = s;
    while (pe > 0 && (Blank(line[pe - 1]) || line[pe - 1] == '.' || line[pe - 1] == ',' ||
                      line[pe - 1] == '#')) {
      --pe;
    }
    size_t ps = pe;
    while (ps > 0 && !Blank(line[ps - 1])) --ps;
    std::string_view prev = line.substr(ps, pe - ps);
    size_t b = QuoteEnd(line, 0, line.size());
    bool digit_led = b < line.size() && line[b] >= '0' && line[b] <= '9' && ps > b;
    if (prev.size() >= 1) {
      // One capitalised word and a number is a step, a page, a version
      // ("Step 5"); two are a street's name ("Joaquin Suarez 2906").
      unsigned char c0 = static_cast<unsigned char>(prev[0]);
      size_t qs = ps, named_words = 0;
      while (qs > b) {
        size_t qe = qs;
        while (qe > b && Blank(line[qe - 1])) --qe;
        size_t q0 = qe;
        while (q0 > b && !Blank(line[q0 - 1])) --q0;
        if (q0 == qe) break;
        unsigned char w0 = static_cast<unsigned char>(line[q0]);
        if (!((w0 >= 'A' && w0 <= 'Z') || w0 >= 0x80)) break;
        ++named_words;
        qs = q0;
      }
      std::string folded;
      bool first_upper = false, all_upper = false;
      FoldWord(prev, &folded, &first_upper, &all_upper);
      if (digit_led || UnitWord(folded) || StreetWord(folded) ||
          (((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80) && named_words >= 1)) {
        return true;
      }
    }
  } else if (EndsLikeStreet(line)) {
    return true;
  }
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if ((c == 'd' || c == 'D') && i + 6 < line.size() &&
        (line.compare(i, 7, "ddress:") == 0 || line.compare(i, 7, "DDRESS:") == 0)) {
      return true;
    }
    if (c == ':' && i >= 2 && (line.compare(i - 2, 2, "to") == 0 || line.compare(i - 2, 2, "TO") == 0)) {
      return true;
    }
  }
  return false;
}

bool ContinuesAddressBlock(std::string_view block, std::string_view line) {
  thread_local std::string joined;
  thread_local NameScratch scratch;
  thread_local std::vector<AddressPiece> pieces;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> streets;
  joined.assign(block);
  joined.append(line);
  SplitWords(joined, NameGazetteer::Builtin(), &scratch);
  // The streets the other rules would find (roughly: the scanner reads
  // them): lines that end like one, or start with a number and end with a
  // unit's ("03262 2437 Main St Suite 442", "45818 P.O. Box 242").
  streets.clear();
  for (size_t ls = 0; ls < block.size();) {
    size_t le = block.find('\n', ls);
    if (le == std::string_view::npos) le = block.size();
    std::string_view l = block.substr(ls, le - ls);
    size_t b = QuoteEnd(l, 0, l.size());
    bool digit_led = b < l.size() && l[b] >= '0' && l[b] <= '9';
    if (EndsLikeStreet(l) || (digit_led && MayOpenAddressBlock(l))) {
      streets.emplace_back(ls + b, le);
    }
    ls = le + 1;
  }
  pieces.clear();
  FindAddressBlocks(joined, scratch, streets, &pieces);
  for (const auto& p : pieces) {
    if (p.begin >= block.size()) return true;
  }
  return false;
}

bool MayContinueAddressBlock(std::string_view line) {
  size_t e = line.size();
  size_t b = QuoteEnd(line, 0, e);
  // (Up to a question or an exclamation after a postal code: "Cyprus
  // 36903? I am in ..."; a question is no address line: "What's your
  // name? ...".)
  bool cut = false;
  for (size_t i = b; i < e; ++i) {
    if (line[i] == '?' || line[i] == '!') {
      e = i;
      cut = true;
      break;
    }
  }
  while (e > b && Blank(line[e - 1])) --e;
  if (cut && (e == b || line[e - 1] < '0' || line[e - 1] > '9')) return false;
  if (e - b > 64) return false;
  for (size_t i = b; i < e; ++i) {
    char c = line[i];
    if (c == ':' || c == '=' || c == '@' || c == '/' || c == '\\' || c == '{' || c == '}' ||
        c == '[' || c == ']' || c == '<' || c == '|' || c == ';' || c == '"' || c == '?' ||
        c == '!' || c == '\t') {
      return false;
    }
  }
  return true;
}

}  // namespace phiscrub::internal
