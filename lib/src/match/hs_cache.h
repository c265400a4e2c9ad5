// A directory of compiled Hyperscan databases, so a run compiles a rule set
// once and later runs start in milliseconds (hs_deserialize_database takes
// well under a millisecond; compiling the default packs takes most of a
// second).
//
// Each database is stored under the SHA-256 of everything it was compiled
// from: the expressions (or literals) with their flags and ids, the mode, the
// Hyperscan version and the CPU features and tuning it was compiled for. A
// different input, library or CPU is a different file, never a stale hit.
//
// Fail closed: the cache can only save time, never change what is found.
// A file is used only when its magic, the key it was stored under (so a file
// copied over another key's name is refused), its SHA-256 over key and
// serialized bytes, and Hyperscan's own deserialisation all check out, and
// when the directory and the file belong to the user running us and nobody
// else can write them (as ssh treats its keys). The digest finds damage, not
// forgery: whoever can write the user's cache can also replace the user's
// binary, so the cache trusts nothing its owner could not already change. Anything else — missing,
// truncated, corrupted, foreign, unreadable — compiles as if there were no
// cache, and the result is stored again (best effort: a cache that cannot be
// written costs the compile, nothing more).
//
// Before the cache: the databases the build compiled for the built-in packs
// with default options (phiscrub_gen_dbs), linked into the library. One is
// used when what it was compiled from — expressions, flags, ids, mode,
// Hyperscan version and CPU features and tuning, the input of the cache key —
// is byte for byte what this run would compile; a different Hyperscan or CPU,
// or any other rule set, goes on to the cache and the compiler. They are part
// of the binary, trusted as its code is.
//
// Thread-safety: free functions; concurrent processes may share a directory
// (files are written to a temporary name and renamed into place).
#pragma once

#include <hs/hs.h>

#include <cstddef>
#include <string>
#include <vector>

#include "match/hs_handles.h"

namespace phiscrub::internal {

// Where a database came from.
enum class HsCacheOutcome {
  kOff,       // no cache directory: compiled
  kLoaded,    // deserialised from the cache
  kEmbedded,  // deserialised from the databases the build embedded
  kCompiled,  // compiled (nothing usable in the cache), then stored
};

// hs_compile_multi (literal == false, `lens` unused) or hs_compile_lit_multi
// (literal == true), through the cache in `dir` (empty: no cache). Same
// contract as the Hyperscan call, except that *db owns the database: on
// failure *db is null and *err is set (the caller frees it); on success *err
// is null.
hs_error_t CompileCached(const std::string& dir, bool literal, const char* const* exprs,
                         const unsigned* flags, const unsigned* ids, const size_t* lens,
                         unsigned count, HsDatabase* db, hs_compile_error_t** err,
                         HsCacheOutcome* outcome);

// Build time (phiscrub_gen_dbs). While `sink` is set (null: never, in every
// other program), each database CompileCached compiles is also appended to
// it with what its key is computed from. Not thread-safe: set it before
// compiling, from the only thread.
struct CompiledDatabase {
  std::string key_input;   // everything the database was compiled from
  std::string serialized;  // hs_serialize_database
};
void RecordCompiledDatabases(std::vector<CompiledDatabase>* sink);

// Writes `dbs` to `out` in the form the library embeds. False, with a
// message in *error, when it cannot.
bool WriteEmbeddedDatabases(const std::vector<CompiledDatabase>& dbs, const std::string& out,
                            std::string* error);

}  // namespace phiscrub::internal
