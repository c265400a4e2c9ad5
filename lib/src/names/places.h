// US cities and towns (patterns/places/us_cities.txt, from the public US ZIP
// code list) found in text next to what makes them a place: a state ("Joliet
// IL", "Tacoma, WA", "Des Moines, Iowa"), an HL7 or CSV field order
// ("^Flagstaff^AZ^"), or a cue ("city", "lives in"). A city alone in prose is
// not taken: half of them are also names or words.
//
// Lifetime: PlaceGazetteer is built once and shared read-only; the words come
// from names/names.h SplitWords (per-thread scratch).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "names/names.h"

namespace phiscrub::internal {

class PlaceGazetteer {
 public:
  static const PlaceGazetteer& Builtin();
  // Bit i set when the city (folded, single blanks) exists in state i (index
  // into the state table; 0 when unknown).
  uint64_t States(std::string_view folded_city) const;
  // Index of a state from its code ("IL") or name ("illinois", folded), or -1.
  static int StateIndex(std::string_view code_or_folded_name);

 private:
  PlaceGazetteer();
  std::vector<std::pair<uint64_t, uint64_t>> cities_;  // sorted (hash, state bits)
  // cities_ whose hash has top 12 bits b: [bucket_[b], bucket_[b + 1]).
  std::vector<uint32_t> bucket_;
};

// True when `line` names a US city of the gazetteer (one to three words,
// any case): a turn that answers "which city?".
bool NamesACity(std::string_view line);

// Appends [start, end) of every city found among scratch->words of `text`
// and marks its words `blocked` (so FindNames leaves them). `cue(pos)` tells
// whether a place cue ("city", "lives in", a city key) ends right before pos.
// A ZIP (or ZIP+4) right after a city, its state between or not ("in
// Augusta, 57738", "cedar rapids 11455"), is evidence for the city and goes
// to *zips when zips is not null; otherwise where the city (and its state)
// ends goes to *zip_from (a ZIP said after it is read by the caller).
void FindPlaces(std::string_view text, const std::function<bool(uint32_t)>& cue,
                NameScratch* scratch, std::vector<std::pair<uint32_t, uint32_t>>* out,
                std::vector<std::pair<uint32_t, uint32_t>>* zips = nullptr,
                std::vector<uint32_t>* zip_from = nullptr);

// Places of any country after a cue that says a place follows ("grew up in",
// "flew to", "originally from", "I'm in", "based in", "Where:"): one to four
// words written as a name (Title Case, capitals, or letters of a script
// without case: "Reguengos de Monsaraz", "HELSINKI", "ΠΑΦΟΣ"), lower-case
// particles between them. Never a single everyday word ("I'm in Trouble"), a
// month or a day, a short acronym ("I'm in ICU"), or a word in lower case.
// Appends [start, end) and marks the words `blocked`.
void FindCuedPlaces(std::string_view text, const std::function<bool(uint32_t)>& cue,
                    NameScratch* scratch, std::vector<std::pair<uint32_t, uint32_t>>* out);

}  // namespace phiscrub::internal
