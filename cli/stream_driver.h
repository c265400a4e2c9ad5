// Moves bytes from input descriptors through the text pipeline to stdout,
// keeping record order with any number of worker threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"

namespace phiscrub::cli {

struct DriverOptions {
  int threads = 1;
  bool line_buffered = false;
  TextOptions text;
  int findings_fd = -1;  // JSON lines of findings, or -1
  size_t batch_bytes = 256 * 1024;
  // Bytes, records and MB/s on stderr, refreshed twice a second, when stderr
  // is a terminal (counts only, never content).
  bool progress = false;
};

struct DriverResult {
  Counters counters;
  // An input could not be read, or stdout / the findings file could not be
  // written (named on stderr, never with content).
  bool io_error = false;
  bool broken_pipe = false;  // stdout closed by the reader: a quiet end
};

// Processes every input in order ("-" is stdin) and writes to out_fd.
DriverResult RunDriver(const std::shared_ptr<const Ruleset>& rules,
                       const std::vector<std::string>& inputs, int out_fd,
                       const DriverOptions& options);

}  // namespace phiscrub::cli
