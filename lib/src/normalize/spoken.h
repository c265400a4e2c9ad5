// The spoken-form view: numbers, letters and e-mail addresses as speech-to-text
// engines write speech ("four one five, five five five, oh one three two",
// "r e y e s", "dana dot reyes at gmail dot com") rewritten in written form
// ("415 555 0132", "reyes", "dana.reyes@gmail.com"), with every view byte
// mapped back to the words it came from (normalize/view.h).
//
// The detectors then run on the view exactly as on written text, with the same
// validators and context; a span found there covers the original words whole.
// Nothing is decided here: "take two tablets" becomes "take 2 tablets", which
// no rule takes.
//
// What is rewritten (runs never cross a line break):
//   digits       zero/oh/o, one..nine (cero..nueve in Spanish), "double"/"triple" X; teens, tens and
//                tens+unit ("fifty four"); "X hundred [and] Y"; "X thousand Y";
//                spoken groups concatenate ("two forty one" -> 241, "seven oh
//                three" -> 703, "nineteen eighty five" -> 1985, "twenty oh
//                six" -> 2006); written digits mix in ("four one five 555 0132")
//   separators   pauses (",", "...", "um", "uh") -> ' '; dash/hyphen -> '-';
//                slash -> '/'; dot/point -> '.'; "extension" -> " ext "
//   dates        three spoken groups that read as month, day, year ("oh three
//                fifteen sixty one", "three fifteen sixty one") -> 03/15/61;
//                ordinals -> 5th, 23rd ("march fifth", "the twenty third of
//                june")
//   letters      spelled words ("r e y e s", "s-m-i-t-h", "t as in tango",
//                NATO words inside a spelled run) -> one word; mixed with
//                digits (MBIs, MRNs) -> upper case
//   e-mail       "<words joined by dot/underscore/dash> at <words> dot <tld>",
//                spelled domains included -> local@domain.tld
//
// Cost: HasSpokenSeed is one pass over the bytes looking for a number or
// letter word; the view is built only when it finds one.
#pragma once

#include <string_view>

#include "normalize/view.h"

namespace phiscrub::internal {

// True when `text` has a word the spoken view could rewrite (a number word,
// "double"/"triple", a spelled letter run, " at " before " dot ").
bool HasSpokenSeed(std::string_view text);

// The letter a NATO spelling word stands for ("alpha" -> 'a', "x-ray" ->
// 'x', "november" -> 'n'), or 0; `lower` in lower case.
char NatoLetter(std::string_view lower);

// Builds the spoken-form view of `text` into *out. False (and *out cleared)
// when nothing was rewritten. `numeric_dates`: numbers said in groups may be
// read as month/day/year (View::spoken_dates tells when one was); without
// it they are digits. `o_zero`: an "o" among letters and digits is zero
// unless told as a letter ("o as in oscar"; see View::o_letters).
bool SpokenView(std::string_view text, View* out, bool numeric_dates = true, bool o_zero = false);

}  // namespace phiscrub::internal
