#include "names/places.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "names/embedded.h"

namespace phiscrub::internal {
namespace {

uint64_t Hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

struct State {
  std::string_view code;
  std::string_view name;  // folded
};
// The 50 states, DC and the territories with ZIP codes.
constexpr State kStates[] = {
    {"AL", "alabama"},        {"AK", "alaska"},        {"AZ", "arizona"},
    {"AR", "arkansas"},       {"CA", "california"},    {"CO", "colorado"},
    {"CT", "connecticut"},    {"DE", "delaware"},      {"DC", "district of columbia"},
    {"FL", "florida"},        {"GA", "georgia"},       {"HI", "hawaii"},
    {"ID", "idaho"},          {"IL", "illinois"},      {"IN", "indiana"},
    {"IA", "iowa"},           {"KS", "kansas"},        {"KY", "kentucky"},
    {"LA", "louisiana"},      {"ME", "maine"},         {"MD", "maryland"},
    {"MA", "massachusetts"},  {"MI", "michigan"},      {"MN", "minnesota"},
    {"MS", "mississippi"},    {"MO", "missouri"},      {"MT", "montana"},
    {"NE", "nebraska"},       {"NV", "nevada"},        {"NH", "new hampshire"},
    {"NJ", "new jersey"},     {"NM", "new mexico"},    {"NY", "new york"},
    {"NC", "north carolina"}, {"ND", "north dakota"},  {"OH", "ohio"},
    {"OK", "oklahoma"},       {"OR", "oregon"},        {"PA", "pennsylvania"},
    {"RI", "rhode island"},   {"SC", "south carolina"}, {"SD", "south dakota"},
    {"TN", "tennessee"},      {"TX", "texas"},         {"UT", "utah"},
    {"VT", "vermont"},        {"VA", "virginia"},      {"WA", "washington"},
    {"WV", "west virginia"},  {"WI", "wisconsin"},     {"WY", "wyoming"},
    {"PR", "puerto rico"},    {"GU", "guam"},          {"VI", "virgin islands"},
    {"AS", "american samoa"}, {"MP", "northern mariana islands"},
    {"FM", "micronesia"},     {"MH", "marshall islands"}, {"PW", "palau"},
};
constexpr int kStateCount = static_cast<int>(sizeof(kStates) / sizeof(kStates[0]));
// StateIndex relies on it: codes are distinct pairs of capitals, names longer.
constexpr bool CodesAreCapitalPairsNamesLonger() {
  for (int i = 0; i < kStateCount; ++i) {
    const State& st = kStates[i];
    if (st.code.size() != 2 || st.name.size() <= 2) return false;
    for (char c : st.code) {
      if (c < 'A' || c > 'Z') return false;
    }
    for (int j = 0; j < i; ++j) {
      if (kStates[j].code == st.code) return false;
    }
  }
  return true;
}
static_assert(CodesAreCapitalPairsNamesLonger());

// Words a city name starts with that people abbreviate.
std::string_view Expand(std::string_view w) {
  if (w == "st") return "saint";
  if (w == "ft") return "fort";
  if (w == "mt") return "mount";
  return w;
}

// StateIndex(a + " " + b) without building the string (a code has no blank).
int PairStateIndex(std::string_view a, std::string_view b) {
  for (int i = 0; i < kStateCount; ++i) {
    std::string_view n = kStates[i].name;
    if (n.size() == a.size() + 1 + b.size() && n[a.size()] == ' ' &&
        n.compare(0, a.size(), a) == 0 && n.compare(a.size() + 1, b.size(), b) == 0) {
      return i;
    }
  }
  return -1;
}

bool IsSeparator(std::string_view gap) {
  // ", " " " "^" "|" "\t" ";" ","; a pause in a transcript: "... ", ".. "
  // (the first period may have gone to the word before: "Blvd.").
  if (gap.size() >= 3 && gap.size() <= 4 && gap.back() == ' ' &&
      gap.find_first_not_of('.') == gap.size() - 1) {
    return true;
  }
  if (gap.empty() || gap.size() > 3) return false;
  for (char c : gap) {
    if (c != ' ' && c != ',' && c != '^' && c != '|' && c != '\t' && c != ';') return false;
  }
  return true;
}

}  // namespace

PlaceGazetteer::PlaceGazetteer() {
  for (size_t i = 0; i < kNameListsCount; ++i) {
    if (std::string_view(kNameLists[i].name) != "us_cities.txt") continue;
    const char* p = kNameLists[i].text;
    while (*p) {
      const char* nl = std::strchr(p, '\n');
      size_t len = nl ? static_cast<size_t>(nl - p) : std::strlen(p);
      std::string_view line(p, len);
      size_t bar = line.find('|');
      if (bar != std::string_view::npos && line[0] != '#') {
        int st = StateIndex(line.substr(bar + 1));
        if (st >= 0) cities_.emplace_back(Hash(line.substr(0, bar)), uint64_t{1} << st);
      }
      if (!nl) break;
      p = nl + 1;
    }
  }
  // Sorted by (hash, states): placed by the hash's top 12 bits, then each
  // bucket (a handful of cities) sorted; the same order as sorting the whole
  // list, in a fraction of the time this costs before the first record.
  {
    std::vector<uint32_t> start((size_t{1} << 12) + 1, 0);
    for (const auto& c : cities_) ++start[(c.first >> 52) + 1];
    for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
    std::vector<std::pair<uint64_t, uint64_t>> sorted(cities_.size());
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (const auto& c : cities_) sorted[next[c.first >> 52]++] = c;
    for (size_t b = 0; b + 1 < start.size(); ++b) {
      std::sort(sorted.begin() + start[b], sorted.begin() + start[b + 1]);
    }
    cities_.swap(sorted);
  }
  // Merge the states of each city.
  size_t out = 0;
  for (size_t i = 0; i < cities_.size(); ++i) {
    if (out > 0 && cities_[out - 1].first == cities_[i].first) {
      cities_[out - 1].second |= cities_[i].second;
    } else {
      cities_[out++] = cities_[i];
    }
  }
  cities_.resize(out);
  bucket_.assign((size_t{1} << 12) + 1, 0);
  for (const auto& c : cities_) ++bucket_[(c.first >> 52) + 1];
  for (size_t b = 1; b < bucket_.size(); ++b) bucket_[b] += bucket_[b - 1];
}

const PlaceGazetteer& PlaceGazetteer::Builtin() {
  static const PlaceGazetteer* g = new PlaceGazetteer();
  return *g;
}

uint64_t PlaceGazetteer::States(std::string_view folded_city) const {
  uint64_t h = Hash(folded_city);
  const size_t b = static_cast<size_t>(h >> 52);
  auto last = cities_.begin() + bucket_[b + 1];
  auto it = std::lower_bound(cities_.begin() + bucket_[b], last, std::make_pair(h, uint64_t{0}));
  return it != last && it->first == h ? it->second : 0;
}

int PlaceGazetteer::StateIndex(std::string_view s) {
  // Codes are two capitals and names are longer: a two-byte string is looked
  // up in a table of codes (the gazetteer asks once per city, tens of
  // thousands of times, before the first record is scanned).
  if (s.size() == 2) {
    static constexpr auto kCodeIndex = [] {
      std::array<int8_t, 26 * 26> t{};
      for (auto& v : t) v = -1;
      for (int i = 0; i < kStateCount; ++i) {
        t[(kStates[i].code[0] - 'A') * 26 + (kStates[i].code[1] - 'A')] = static_cast<int8_t>(i);
      }
      return t;
    }();
    if (s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z') return -1;
    return kCodeIndex[(s[0] - 'A') * 26 + (s[1] - 'A')];
  }
  for (int i = 0; i < kStateCount; ++i) {
    if (s == kStates[i].name) return i;
  }
  return -1;
}

bool NamesACity(std::string_view line) {
  const PlaceGazetteer& gaz = PlaceGazetteer::Builtin();
  std::vector<std::string> words;
  std::string w;
  for (size_t i = 0; i <= line.size(); ++i) {
    char c = i < line.size() ? line[i] : ' ';
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' ||
                  static_cast<unsigned char>(c) >= 0x80;
    if (letter) {
      w.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  std::string phrase;
  for (size_t k = 0; k < words.size(); ++k) {
    phrase.clear();
    for (size_t e = k; e < words.size() && e < k + 3; ++e) {
      if (e > k) phrase.push_back(' ');
      phrase.append(words[e]);
      // (A single everyday word is no answer: "Hang on", "Okay".)
      if (phrase.size() >= 3 && gaz.States(phrase) != 0 &&
          (e > k || (NameGazetteer::Builtin().Flags(phrase) & kCommonWord) == 0)) {
        return true;
      }
    }
  }
  return false;
}

void FindPlaces(std::string_view text, const std::function<bool(uint32_t)>& cue,
                NameScratch* scratch, std::vector<std::pair<uint32_t, uint32_t>>* out,
                std::vector<std::pair<uint32_t, uint32_t>>* zips, std::vector<uint32_t>* zip_from) {
  const PlaceGazetteer& gaz = PlaceGazetteer::Builtin();
  auto& words = scratch->words;
  std::string phrase, best_phrase;
  for (size_t k = 0; k < words.size(); ++k) {
    const auto& first = words[k];
    if (first.digits || first.label || first.folded.size() < 2) continue;
    // The first word of a state of two words is no city: "West Virginia",
    // "New York" (the state; "New York, NY" is read from "New York" below
    // only when a state follows it).
    if (k + 1 < words.size() && words[k + 1].start == first.end + 1 &&
        PairStateIndex(first.folded, words[k + 1].folded) >= 0 &&
        !(k + 2 < words.size() &&
          (PlaceGazetteer::StateIndex(words[k + 2].folded) >= 0 ||
           (words[k + 2].upper && words[k + 2].end - words[k + 2].start == 2 &&
            PlaceGazetteer::StateIndex(text.substr(words[k + 2].start, 2)) >= 0) ||
           (k + 3 < words.size() &&
            PairStateIndex(words[k + 2].folded, words[k + 3].folded) >= 0)))) {
      ++k;
      continue;
    }
    // A capital that only starts a sentence says nothing of an everyday
    // word set off by a comma ("Okay, and the card number?": Okay, OK; a
    // city said alone is one: "Hang on. Mesa.").
    bool capital = (first.title_case || first.upper) &&
                   !(first.sentence_start && first.title_case && (first.flags & kCommonWord) != 0 &&
                     first.end < text.size() && text[first.end] == ',');
    // The longest city name from here (at most four words, single blanks or
    // hyphens between).
    size_t best_end = 0;
    uint64_t best_states = 0;
    phrase.clear();
    for (size_t e = k; e < words.size() && e - k < 4; ++e) {
      const auto& w = words[e];
      if (w.digits) break;
      if (e > k) {
        std::string_view gap = text.substr(words[e - 1].end, w.start - words[e - 1].end);
        // "St. George", "Ft. Myers", "Mt. Vernon": the abbreviation's period.
        bool abbrev = e == k + 1 && gap == ". " && Expand(words[k].folded) != words[k].folded;
        if (gap != " " && gap != "-" && !abbrev) break;
        if (!(w.title_case || w.upper) && capital) break;
        phrase.push_back(' ');
        phrase.append(w.folded);
      } else {
        std::string_view f = w.folded;
        if (!f.empty() && f.back() == '.') f.remove_suffix(1);
        phrase.append(Expand(f));
      }
      uint64_t st = gaz.States(phrase);
      if (st != 0) {
        best_end = e + 1;
        best_states = st;
        best_phrase = phrase;
      }
    }
    if (best_end == 0) continue;
    // Evidence after it: a state of that city (code or name), before an
    // optional ZIP.
    bool state_after = false;
    size_t state_end = best_end;  // the words after the city and its state
    if (best_end < words.size()) {
      const auto& next = words[best_end];
      std::string_view gap = text.substr(words[best_end - 1].end, next.start - words[best_end - 1].end);
      // ("in Duluth, the state of MN", "in hialeah the state of fl")
      size_t sb = best_end;
      const bool state_of = sb + 3 < words.size() && words[sb].folded == "the" &&
                            words[sb + 1].folded == "state" && words[sb + 2].folded == "of" &&
                            words[sb + 1].start == words[sb].end + 1 &&
                            words[sb + 2].start == words[sb + 1].end + 1 &&
                            words[sb + 3].start == words[sb + 2].end + 1;
      if (state_of) sb += 3;
      if (IsSeparator(gap)) {
        std::string name;
        for (size_t q = sb; q < words.size() && q - sb < 3; ++q) {
          if (q > sb) {
            std::string_view g2 = text.substr(words[q - 1].end, words[q].start - words[q - 1].end);
            if (g2 != " ") break;
            name.push_back(' ');
          }
          name.append(words[q].folded);
          int st = -1;
          std::string_view raw = text.substr(words[sb].start, words[q].end - words[sb].start);
          if (q == sb && words[q].upper && raw.size() == 2) {
            st = PlaceGazetteer::StateIndex(raw);
          } else if (q == sb && words[q].lower && raw.size() == 2) {
            // A state's code in lower case (speech): after "the state of",
            // or the city's own state before the digits of its ZIP ("in
            // el paso tx seven nine...", "in gary in four six ...").
            const std::string upper{static_cast<char>(raw[0] - 'a' + 'A'),
                                    static_cast<char>(raw[1] - 'a' + 'A')};
            st = PlaceGazetteer::StateIndex(upper);
            bool number_next = false;
            if (q + 1 < words.size()) {
              static constexpr std::string_view kDigitWords[] = {
                  "zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven",
                  "eight", "nine", "double", "triple", "ten", "twenty", "thirty", "forty",
                  "fifty", "sixty", "seventy", "eighty", "ninety"};
              const auto& nw = words[q + 1];
              number_next = nw.digits || std::find(std::begin(kDigitWords), std::end(kDigitWords),
                                                   nw.folded) != std::end(kDigitWords);
            }
            bool plain_city = false;
            for (size_t c2 = k; c2 < best_end; ++c2) {
              plain_city |= (words[c2].flags & kCommonWord) == 0 || words[c2].folded.size() >= 5;
            }
            if (st >= 0 && !state_of &&
                !(number_next && plain_city && !capital && ((best_states >> st) & 1))) {
              st = -1;
            }
          } else if (words[sb].title_case || words[sb].upper || !capital) {
            // A state name; in lower case only after a lower-case city (speech).
            st = PlaceGazetteer::StateIndex(name);
          }
          // The city's own state; a capitalised city, or a lower-case one
          // that is no everyday word before a state's full name, takes any
          // state (people, records and speech recognisers get states wrong:
          // "Fort Wayne OH", "fargo hawaii").
          bool spoken_pair = !capital && raw.size() > 2 && st >= 0;
          if (spoken_pair) {
            for (size_t c2 = k; c2 < best_end; ++c2) {
              if ((words[c2].flags & kCommonWord) != 0 && words[c2].folded.size() < 5) {
                spoken_pair = false;
              }
            }
          }
          if (st >= 0 && (((best_states >> st) & 1) || capital || spoken_pair)) {
            state_after = true;
            state_end = q + 1;
            break;
          }
        }
      }
    }
    bool cued = cue(first.start);
    // "<Name> from <City> called ...": where a caller is from.
    if (!cued && k >= 2 && words[k - 1].folded == "from" && words[k - 2].title_case &&
        first.start - words[k - 1].end == 1 && words[k - 1].start - words[k - 2].end == 1 &&
        best_end < words.size() && words[best_end].lower) {
      static constexpr std::string_view kCallVerbs[] = {
          "called", "calls", "calling", "phoned", "reached", "wants", "wanted", "needs",
          "needed", "requested", "asked", "left", "says", "said", "is", "was", "has", "had"};
      for (std::string_view v : kCallVerbs) cued = cued || words[best_end].folded == v;
    }
    // Without a state, a cue; in lower case (speech) the city must also be
    // more than a short everyday word ("see", "mobile" is fine after "what
    // city?").
    bool plain = false;
    for (size_t q = k; q < best_end; ++q) {
      plain |= (words[q].flags & kCommonWord) == 0 || words[q].folded.size() >= 5;
    }
    // A ZIP right after the city (and its state): five digits, or nine, or
    // five and four joined by a dash; nothing glued to it.
    uint32_t zip_b = 0, zip_e = 0;
    if (state_end < words.size()) {
      const auto& z = words[state_end];
      std::string_view gap = text.substr(words[state_end - 1].end, z.start - words[state_end - 1].end);
      auto all_digits = [&](const NameScratch::Word& w) {
        for (uint32_t i = w.start; i < w.end; ++i) {
          if (text[i] < '0' || text[i] > '9') return false;
        }
        return true;
      };
      size_t len = z.end - z.start;
      // (Or in brackets: "lives in Grand Rapids (49502)".)
      const bool bracketed = gap == " (" && z.end < text.size() && text[z.end] == ')';
      if ((IsSeparator(gap) || bracketed) && z.digits && all_digits(z) && (len == 5 || len == 9)) {
        zip_b = z.start;
        zip_e = z.end;
        if (len == 5 && state_end + 1 < words.size() && words[state_end + 1].start == z.end + 1 &&
            text[z.end] == '-' && words[state_end + 1].end - words[state_end + 1].start == 4 &&
            all_digits(words[state_end + 1])) {
          zip_e = words[state_end + 1].end;
        }
        bool glued = zip_e < text.size() &&
                     ((text[zip_e] >= '0' && text[zip_e] <= '9') ||
                      (text[zip_e] == '-' && zip_e + 1 < text.size() && text[zip_e + 1] >= '0' &&
                       text[zip_e + 1] <= '9') ||
                      (text[zip_e] == '.' && zip_e + 1 < text.size() && text[zip_e + 1] >= '0' &&
                       text[zip_e + 1] <= '9'));
        if (glued) zip_b = zip_e = 0;
      }
    }
    const bool zip_after = zip_e > zip_b;
    // Without a state, a ZIP is evidence only where an address goes on:
    // "... Place in Augusta, 30901", "..., Peoria 61602" (never "Jackson
    // 30901 rows").
    bool address_before = false;
    if (k > 0) {
      std::string_view before = text.substr(words[k - 1].end, first.start - words[k - 1].end);
      const std::string& pw = words[k - 1].folded;
      address_before = before.find(',') != std::string_view::npos || pw == "in" ||
                       pw == "near" || pw == "of";
    }
    // (A state before its ZIP is no city: "Des Moines, Iowa 50371".)
    const bool is_state = PlaceGazetteer::StateIndex(best_phrase) >= 0 ||
                          (best_end == k + 1 && first.upper && first.end - first.start == 2 &&
                           PlaceGazetteer::StateIndex(text.substr(first.start, 2)) >= 0);
    // Under a cue or a question only: never a number said in words ("two
    // hundred", "ninety six percent", "three point zero": Hundred WV, Ninety
    // Six SC, Point TX) and never an everyday word after an article ("the
    // early shift").
    if (cued && !state_after) {
      static constexpr std::string_view kNumberWords[] = {
          "one",    "two",    "three",  "four",   "five",    "six",     "seven",  "eight",
          "nine",   "ten",    "twenty", "thirty", "forty",   "fifty",   "sixty",  "seventy",
          "eighty", "ninety", "hundred", "thousand", "point", "oh",     "zero"};
      auto number_word = [&](const std::string& w) {
        return std::find(std::begin(kNumberWords), std::end(kNumberWords), w) != std::end(kNumberWords);
      };
      bool numbers = k > 0 && number_word(words[k - 1].folded);
      for (size_t q = k; q < best_end; ++q) numbers |= number_word(words[q].folded);
      bool article = k > 0 && (words[k - 1].folded == "the" || words[k - 1].folded == "a" ||
                               words[k - 1].folded == "an") &&
                     (words[k].flags & kCommonWord) != 0 && best_end == k + 1;
      if (numbers || article) cued = false;
    }
    // A question for its ZIP right after it, an address said before: "...
    // Sycamore Drive. / Kingston and the zip is 55204", "Bellevue. Zip code
    // is 05365.", "clinton zip 96714" (never an everyday word: "Home zip is
    // ...", "Billing zip code").
    bool zip_named_after = false;
    if (!state_after && best_end < words.size()) {
      size_t q = best_end;
      const std::string_view gap = text.substr(words[q - 1].end, words[q].start - words[q - 1].end);
      if (gap == " " || gap == ", " || gap == ". " || gap == " - " || gap == ", and ") {
        while (q < words.size() && q < best_end + 3 &&
               (words[q].folded == "and" || words[q].folded == "the" || words[q].folded == "my" ||
                words[q].folded == "his" || words[q].folded == "her" || words[q].folded == "its")) {
          ++q;
        }
        zip_named_after = q < words.size() && (words[q].folded == "zip" || words[q].folded == "zipcode");
      }
      static constexpr std::string_view kZipKinds[] = {
          "billing", "mailing", "shipping", "delivery", "current", "previous", "permanent",
          "business", "second", "correct", "primary", "secondary", "street", "different", "other",
          "correct", "office", "pharmacy", "clinic", "hospital", "patient", "member", "insurance"};
      for (size_t c = k; c < best_end && zip_named_after; ++c) {
        zip_named_after = ((words[c].flags & kCommonWord) == 0 || words[c].folded.size() >= 5) &&
                          std::find(std::begin(kZipKinds), std::end(kZipKinds), words[c].folded) ==
                              std::end(kZipKinds);
      }
    }
    bool accept = state_after || (cued && (capital || plain)) ||
                  (zip_after && address_before && !is_state && (capital || plain)) ||
                  (zip_named_after && !is_state);
    if (!accept) continue;
    if (zip_after && zips) zips->emplace_back(zip_b, zip_e);
    if (!zip_after && zip_from) zip_from->push_back(words[state_end - 1].end);
    out->emplace_back(words[k].start, words[best_end - 1].end);
    for (size_t q = k; q < best_end; ++q) words[q].blocked = true;
    k = best_end - 1;
  }
}

void FindCuedPlaces(std::string_view text, const std::function<bool(uint32_t)>& cue,
                    NameScratch* scratch, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  auto& words = scratch->words;
  // A word written as a name: a capital first, or letters of a script
  // without case (FoldWord keeps them as bytes >= 0x80).
  auto named = [&](const NameScratch::Word& w) {
    if (w.title_case || w.upper) return true;
    return !w.folded.empty() && static_cast<unsigned char>(w.folded[0]) >= 0x80;
  };
  static constexpr std::string_view kParticles[] = {"de", "del", "della", "di", "da", "do", "dos",
                                                    "das", "la", "le", "les", "van", "von", "der",
                                                    "den", "am", "an", "im", "sur", "upon", "on",
                                                    "en", "y", "u", "nad", "pod"};
  for (size_t k = 0; k < words.size(); ++k) {
    const auto& first = words[k];
    if (first.blocked || first.digits || first.label || first.initial || !named(first) ||
        first.folded.size() < 2) {
      continue;
    }
    if ((first.flags & kNotName) != 0 && !(first.upper && first.folded.size() > 3)) continue;
    if (first.honorific) continue;
    if (!cue(first.start)) continue;
    size_t e = k + 1, last = k + 1;
    while (e < words.size() && e - k < 5) {
      const auto& w = words[e];
      std::string_view gap = text.substr(words[e - 1].end, w.start - words[e - 1].end);
      if ((gap != " " && gap != "-") || w.digits || w.label || w.blocked) break;
      bool particle = w.lower &&
                      std::find(std::begin(kParticles), std::end(kParticles), w.folded) !=
                          std::end(kParticles);
      if (!particle && !named(w)) break;
      // A venue or an organisation after the place ("Erwetegem Country Club").
      static constexpr std::string_view kVenues[] = {
          "club", "country", "hotel", "hospital", "clinic", "center", "centre", "university",
          "college", "school", "airport", "inc", "ltd", "llc", "corp", "company", "church",
          "museum", "bank", "mall", "restaurant", "cafe", "office", "bridge", "station"};
      if (std::find(std::begin(kVenues), std::end(kVenues), w.folded) != std::end(kVenues)) break;
      if (!particle && (w.flags & kNotName) != 0 && !(w.upper && w.folded.size() > 3)) break;
      ++e;
      if (!particle) last = e;
    }
    // One everyday word alone is no place ("I'm in Trouble", "based in
    // Research"); nor is a short acronym ("I'm in ICU", "flew to LA" is a
    // state's city code: kept).
    bool everyday_only = true;
    for (size_t q = k; q < last; ++q) {
      everyday_only = everyday_only && (words[q].flags & kCommonWord) != 0 &&
                      (words[q].flags & (kGivenName | kSurname)) == 0;
    }
    if (last == k + 1 && everyday_only) continue;
    if (last == k + 1 && first.upper && first.folded.size() <= 3) continue;
    out->emplace_back(first.start, words[last - 1].end);
    for (size_t q = k; q < last; ++q) words[q].blocked = true;
    k = last - 1;
  }
}

}  // namespace phiscrub::internal
