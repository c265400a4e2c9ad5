// The built-in packs parsed at build time: phiscrub_gen_packs runs ParsePack
// over patterns/*.yaml, adds Hyperscan's expression info for each pattern,
// checks every RE2 pattern, and writes one compact blob per pack, linked into
// the library. A run decodes the blobs (microseconds) instead of parsing YAML
// and asking Hyperscan about every expression (tens of milliseconds).
//
//   std::vector<RawRule> rules;
//   if (!DeserializeRules(blob, hs_version(), &rules)) ParsePack(...);
//
// Fail closed: a blob that does not decode exactly (truncated, bad magic, a
// length past its end, bytes after its end, a bool that is not 0 or 1) is
// refused whole and the caller parses the YAML it came from. Expression info
// is kept only when the blob was written with the Hyperscan version the run
// has; otherwise it is dropped and recomputed.
//
// Layout (integers little-endian): magic (24 bytes), rule count (u64), the
// writer's hs_version() (20 bytes, NUL-padded; all NUL when longer), then
// each rule's fields in RawRule order; a string is a u64 length and its
// bytes, a list a u64 count and its strings.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pack/pack.h"

namespace phiscrub::internal {

struct BuiltinPackBlob {
  const char* name;  // kBuiltinPacks[i].name of the same i
  const unsigned char* data;
  size_t size;
};
// Generated at build time (phiscrub_gen_packs), in kBuiltinPacks order.
extern const BuiltinPackBlob kBuiltinPackBlobs[];
extern const size_t kBuiltinPackBlobCount;

// The blob of `rules`, written by a build with Hyperscan `hs_version` (whose
// expression info rules carry when hs_info_known).
std::string SerializeRules(const std::vector<RawRule>& rules, std::string_view hs_version);

// Decodes `blob` and appends its rules (build_checked set) to *rules; the
// expression info survives only when `hs_version` is the writer's. False,
// with *rules untouched, when the blob does not decode exactly.
[[nodiscard]] bool DeserializeRules(std::string_view blob, std::string_view hs_version,
                                    std::vector<RawRule>* rules);

}  // namespace phiscrub::internal
