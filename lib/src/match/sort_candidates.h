// Candidates of a block sorted by end offset, to hand each record (or JSON
// string) the ones ending inside it.
#pragma once

#include <vector>

#include "phiscrub/scanner.h"

namespace phiscrub::internal {

// Sorts *cands by end offset (LSD radix, 11 bits a pass; a block has hundreds
// of thousands of them). Candidates with the same end keep no particular
// order: Scanner::RedactCandidates sorts a record's candidates fully.
void SortByEnd(std::vector<Scanner::Candidate>* cands);

}  // namespace phiscrub::internal
