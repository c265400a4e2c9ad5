// phiscrub_gen_dbs: the build-time half of the embedded databases
// (match/hs_cache.h). Compiles the built-in packs with default options into a
// scratch cache directory and writes what it stored in the form the library
// embeds.
//
//   phiscrub_gen_dbs OUT.bin SCRATCH_DIR
//
// The databases are compiled for this machine's Hyperscan and CPU; a run
// elsewhere computes another key and does not use them.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "match/hs_cache.h"
#include "phiscrub/ruleset.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: phiscrub_gen_dbs OUT.bin SCRATCH_DIR\n");
    return 2;
  }
  namespace fs = std::filesystem;
  const std::string dir = argv[2];
  std::error_code ec;
  fs::remove_all(dir, ec);
  phiscrub::RulesetOptions options;  // what `phiscrub` runs with by default
  options.cache_dir = dir;
  std::vector<phiscrub::Diagnostic> diags;
  auto rules = phiscrub::Ruleset::Compile(options, &diags);
  if (!rules) {
    // Nothing to embed; the run reports the same problems.
    std::fprintf(stderr, "phiscrub_gen_dbs: the built-in packs do not compile; none embedded\n");
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
  }
  std::string error;
  if (!phiscrub::internal::WriteEmbeddedDatabases(dir, argv[1], &error)) {
    std::fprintf(stderr, "phiscrub_gen_dbs: %s\n", error.c_str());
    return 1;
  }
  fs::remove_all(dir, ec);
  return 0;
}
