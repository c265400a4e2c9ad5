// RAII owners for Hyperscan C handles: nothing is freed by hand.
#pragma once

#include <hs/hs.h>

#include <cstdlib>
#include <memory>

namespace phiscrub::internal {

struct HsDatabaseDeleter {
  // A database deserialised into memory of our own (hs_deserialize_database_at,
  // match/hs_cache.cc) is that memory, from posix_memalign: Hyperscan says
  // not to hs_free_database it.
  bool own_memory = false;
  void operator()(hs_database_t* db) const {
    if (own_memory) {
      free(db);
    } else {
      hs_free_database(db);
    }
  }
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
