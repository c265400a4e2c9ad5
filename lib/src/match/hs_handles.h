// RAII owners for Hyperscan C handles: nothing is freed by hand.
#pragma once

#include <hs/hs.h>

#include <memory>

namespace phiscrub::internal {

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
struct HsScratchDeleter {
  void operator()(hs_scratch_t* s) const { hs_free_scratch(s); }
};
struct HsCompileErrorDeleter {
  void operator()(hs_compile_error_t* e) const { hs_free_compile_error(e); }
};

// Compiled database: immutable, shared by all threads.
using HsDatabase = std::unique_ptr<hs_database_t, HsDatabaseDeleter>;
// Scratch: per thread.
using HsScratch = std::unique_ptr<hs_scratch_t, HsScratchDeleter>;
using HsCompileError =
    std::unique_ptr<hs_compile_error_t, HsCompileErrorDeleter>;

}  // namespace phiscrub::internal
