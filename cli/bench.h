// `phiscrub bench`: measures the full pipeline on the user's own files
// without writing the output. Prints throughput, per-record latency
// percentiles, findings per entity and peak memory; never input text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "phiscrub/ruleset.h"
#include "stream_driver.h"

namespace phiscrub::cli {

struct BenchOptions {
  DriverOptions driver;           // threads, batch size, text options
  size_t latency_records = 100000;  // records timed one by one (from the start)
  bool json = false;              // one JSON object instead of text
  double compile_seconds = 0;     // ruleset compile time, reported
};

// Runs the pipeline over `files` (regular files; "-" is refused) writing to
// /dev/null. Returns a process exit code (0, or 2 on I/O error).
int RunBench(const std::shared_ptr<const Ruleset>& rules,
             const std::vector<std::string>& files, const BenchOptions& options);

}  // namespace phiscrub::cli
