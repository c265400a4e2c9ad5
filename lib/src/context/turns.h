// Transcript turns as text: an optional "[00:01:28]" or "(00:01:28)" stamp,
// then a speaker label ("Agent:", "Speaker B:", "[doctor]"), then the words.
#pragma once

#include <cstddef>
#include <string_view>

namespace phiscrub::internal {

// The speaker label that starts `line` ("Member:", "[patient]", "Speaker B:"
// after an optional stamp: a bracketed label of up to 24 bytes, or up to
// three words before ": "), or empty. *words (if given) is where the turn's
// words start: after the label, or after the stamp when there is no label.
std::string_view SpeakerOf(std::string_view line, size_t* words = nullptr);

}  // namespace phiscrub::internal
