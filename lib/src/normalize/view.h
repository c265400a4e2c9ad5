// Views: a rewritten copy of a scan unit with a map from every view byte back
// to the original bytes it came from (see DESIGN.md, "Views").
//
// Some PHI is only visible after the text is rewritten: percent-encoding
// ("dana%40example.com"), JSON escapes ("123\u002d45\u002d6789") and spoken
// forms ("four one five..."). Detectors run on the view; each span found
// there maps back to whole original source units (a span never ends inside
// an escape sequence or a spoken word), and the original is what gets
// redacted.
//
// Lifetime: a View is a per-thread reusable buffer (cleared by each builder).
// Cost: linear in the unit; builders return false without writing the view
// when the unit has nothing to rewrite, so a caller pays nothing for plain
// text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace phiscrub::internal {

struct View {
  std::string text;
  // Per view byte: the original bytes [begin[i], end[i]) it was made from.
  // Bytes made from one source unit share its range.
  std::vector<uint32_t> begin;
  std::vector<uint32_t> end;
  // Spoken view: original byte ranges of words spelled out letter by letter
  // ("r e y e s", "S as in Sam, A as in Apple..."), letters only.
  std::vector<std::pair<uint32_t, uint32_t>> spelled;
  // Spoken view: numbers said in groups were read as a numeric date
  // ("three eighteen eighty eight" -> 03/18/88); the same words may be a
  // ZIP, so a second view without such dates is worth scanning.
  bool spoken_dates = false;
  // Spoken view: an "o" among the letters and digits of an id was read as
  // the letter ("three t two o r v four": MBIs never hold the letter O);
  // a second view with it as zero is worth scanning.
  bool o_letters = false;

  void Clear() {
    text.clear();
    begin.clear();
    end.clear();
    spelled.clear();
    spoken_dates = false;
    o_letters = false;
  }
  size_t size() const { return text.size(); }
  // Appends `bytes`, all made from original [b, e).
  void Append(std::string_view bytes, uint32_t b, uint32_t e) {
    text.append(bytes);
    begin.insert(begin.end(), bytes.size(), b);
    end.insert(end.end(), bytes.size(), e);
  }
  void Push(char c, uint32_t b, uint32_t e) {
    text.push_back(c);
    begin.push_back(b);
    end.push_back(e);
  }
  // The original bytes of view bytes [start, stop) (stop > start).
  uint32_t OriginalBegin(uint32_t start) const { return begin[start]; }
  uint32_t OriginalEnd(uint32_t stop) const { return end[stop - 1]; }
  // Makes this view (built over `inner`'s text) a view of `inner`'s original.
  void ComposeOnto(const View& inner);
};

// Percent-decoded view ("%40" -> "@", "+" -> " " in query strings). False,
// leaving *out cleared, when `text` has no percent escape.
bool PercentDecodedView(std::string_view text, View* out);

// Spaced-dash view: " - " between groups of letters and digits, one of them
// with a digit, written as "-" ("K - 853 - 4196", "CPX - 926 - 719 - 699"
// as an ASR engine writes the pauses of an id read aloud). False, leaving
// *out cleared, when there is none.
bool SpacedDashView(std::string_view text, View* out);

// True when `text` holds a percent escape.
bool HasPercentEscape(std::string_view text);
// True when `text` holds a form-encoded value with '+' for blanks
// ("q=Emre+Demir"): PercentDecodedView reads it too.
bool HasFormPlus(std::string_view text);

// True when `text` holds a JSON escape: a backslash before one of "\/bfnrt
// or before u and four hex digits.
bool HasJsonEscape(std::string_view text);

// Rounds of unescaping the scanner applies (JSON nested this deep in
// strings is still decoded).
constexpr int kMaxUnescapeRounds = 8;

// JSON-unescaped view: every JSON escape (\" \\ \/ \b \f \n \r \t \uXXXX,
// surrogate pairs) decoded wherever it appears, repeatedly, until none is
// left or `max_rounds` rounds ran (JSON inside JSON inside JSON...). A
// backslash that starts no valid escape stays as it is. False, leaving *out
// cleared, when `text` has no backslash. `scratch` is a reusable buffer.
bool JsonUnescapedView(std::string_view text, int max_rounds, View* out, View* scratch);

}  // namespace phiscrub::internal
