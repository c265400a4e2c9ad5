#include "context/turns.h"

#include <algorithm>

namespace phiscrub::internal {

std::string_view SpeakerOf(std::string_view line, size_t* words) {
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_blanks();
  if (i + 2 < line.size() && (line[i] == '[' || line[i] == '(') && line[i + 1] >= '0' &&
      line[i + 1] <= '9') {
    size_t close = line.find(line[i] == '[' ? ']' : ')', i);
    if (close != std::string_view::npos && close - i <= 14) {
      i = close + 1;
      skip_blanks();
    }
  }
  if (words != nullptr) *words = i;
  std::string_view rest = line.substr(i);
  size_t end = 0;
  if (!rest.empty() && rest[0] == '[') {
    size_t close = rest.find(']');
    if (close == std::string_view::npos || close > 24) return {};
    end = close + 1;
  } else {
    size_t colon = rest.find(": ");
    if (colon == std::string_view::npos || colon == 0 || colon >= 24 ||
        std::count(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(colon), ' ') > 2) {
      return {};
    }
    end = colon + 1;
  }
  if (words != nullptr) {
    size_t w = i + end;
    while (w < line.size() && (line[w] == ' ' || line[w] == '\t')) ++w;
    *words = w;
  }
  return rest.substr(0, end);
}

}  // namespace phiscrub::internal
