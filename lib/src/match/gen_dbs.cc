// phiscrub_gen_dbs: the build-time half of the embedded databases
// (match/hs_cache.h). Compiles the built-in packs with default options and
// writes every database, with what it was compiled from, in the form the
// library embeds.
//
//   phiscrub_gen_dbs OUT.bin
//
// The databases are compiled for this machine's Hyperscan and CPU; a run
// elsewhere compiles from other inputs and does not use them.
#include <cstdio>
#include <string>
#include <vector>

#include "match/hs_cache.h"
#include "phiscrub/ruleset.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: phiscrub_gen_dbs OUT.bin\n");
    return 2;
  }
  std::vector<phiscrub::internal::CompiledDatabase> dbs;
  phiscrub::internal::RecordCompiledDatabases(&dbs);
  phiscrub::RulesetOptions options;  // what `phiscrub` runs with by default
  options.cache_dir.clear();         // compile everything, store nothing
  std::vector<phiscrub::Diagnostic> diags;
  if (!phiscrub::Ruleset::Compile(options, &diags)) {
    // Nothing to embed; a run reports the same problems.
    std::fprintf(stderr, "phiscrub_gen_dbs: the built-in packs do not compile; none embedded\n");
    dbs.clear();
  }
  phiscrub::internal::RecordCompiledDatabases(nullptr);
  std::string error;
  if (!phiscrub::internal::WriteEmbeddedDatabases(dbs, argv[1], &error)) {
    std::fprintf(stderr, "phiscrub_gen_dbs: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
