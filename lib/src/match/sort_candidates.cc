#include "match/sort_candidates.h"

#include <algorithm>
#include <cstdint>

namespace phiscrub::internal {

void SortByEnd(std::vector<Scanner::Candidate>* cands) {
  const size_t n = cands->size();
  if (n < 256) {
    std::sort(
        cands->begin(), cands->end(),
        [](const Scanner::Candidate& a, const Scanner::Candidate& b) { return a.end < b.end; });
    return;
  }
  uint32_t max_end = 0;
  for (const auto& c : *cands) max_end = std::max(max_end, c.end);
  std::vector<Scanner::Candidate> tmp(n);
  std::vector<Scanner::Candidate>* from = cands;
  std::vector<Scanner::Candidate>* to = &tmp;
  for (int shift = 0; shift < 32 && (shift == 0 || (max_end >> shift) != 0); shift += 11) {
    size_t count[2049] = {};
    for (const auto& c : *from) ++count[((c.end >> shift) & 2047) + 1];
    for (size_t b = 1; b < 2049; ++b) count[b] += count[b - 1];
    for (const auto& c : *from) (*to)[count[(c.end >> shift) & 2047]++] = c;
    std::swap(from, to);
  }
  if (from != cands) cands->swap(*from);
}

}  // namespace phiscrub::internal
