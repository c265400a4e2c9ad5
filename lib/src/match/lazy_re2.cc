#include "match/lazy_re2.h"

#include <cstdio>
#include <cstdlib>

namespace phiscrub::internal {

void LazyRe2::Compile() const {
  auto re = std::make_unique<RE2>(pattern_, options_);
  if (!re->ok()) {
    // The build compiled this pattern; this RE2 does not. Scanning without it
    // would pass what it should find: stop instead.
    std::fprintf(stderr,
                 "phiscrub: fatal: built-in pattern %s does not compile with this RE2 (%s); "
                 "refusing to scan without it\n",
                 what_.c_str(), re->error().c_str());
    std::abort();
  }
  re_ = std::move(re);
}

}  // namespace phiscrub::internal
