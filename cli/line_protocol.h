// Line protocols of log shippers that run phiscrub as a child process and
// wait for an answer per record:
//   rsyslog mmexternal  one JSON reply per input line on stdout
//                       (plugins/external/INTERFACE.md in rsyslog's source);
//   rsyslog omprog      with confirmMessages: "OK" once ready, then "OK"
//                       after each record has been written to the output.
// Both read stdin one line at a time and answer before reading the next one,
// so the shipper's own flow control paces them. Single-threaded.
#pragma once

#include <memory>

#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"

namespace phiscrub::cli {

enum class MmexternalInput : uint8_t {
  kMsg,       // interface.input="msg": the line is the MSG property
  kFullJson,  // interface.input="fulljson": the line is the jsonmesg object
};

struct LineProtocolResult {
  Counters counters;
  // Every reply carried the placeholder because of an internal error.
  uint64_t internal_errors = 0;
  bool io_error = false;  // stdout (or the output file) could not be written
};

// mmexternal: for each line of stdin writes exactly one reply line to stdout
// and flushes it: {"msg":"<redacted>","$!":{"phiscrub":"1"}} (fulljson: also
// "rawmsg"). The `$!phiscrub` marker tells the rsyslog configuration that
// phiscrub answered; a message without it was passed on unchanged by
// mmexternal (phiscrub dead or restarting) and must not be stored. A record
// that cannot be redacted, or any internal failure, gets the placeholder,
// never the input. Never writes to stderr.
LineProtocolResult RunMmexternal(const std::shared_ptr<const Ruleset>& rules,
                                 const TextOptions& text, MmexternalInput input);

// omprog confirmMessages: writes "OK\n" to stdout once ready, then for each
// line of stdin writes the redacted record to out_fd and, once that write has
// returned, "OK\n" to stdout. When the record cannot be written, answers an
// error line (no content) so rsyslog retries it later, and stops.
LineProtocolResult RunOmprogConfirm(const std::shared_ptr<const Ruleset>& rules,
                                    const TextOptions& text, int out_fd);

}  // namespace phiscrub::cli
