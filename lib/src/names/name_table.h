// The name gazetteer's table (given names, surnames, everyday words, words
// that are never names), made at build time by gen_name_table from
// patterns/names/*.txt and linked in as read-only data, so a run pays nothing
// to load it: no parsing, hashing or sorting at start-up.
//
// Layout (native byte order): kNameTableMagic (8 bytes), the entry count
// (uint64), kNameTableBuckets + 1 bucket offsets (uint32; bucket = top 16 bits
// of the hash), padding to 8 bytes, the hashes sorted ascending (uint64), one
// flags byte per hash (names.h NameFlag, OR of the lists holding the word).
//
// Both the generator and the lookup read words through NameListHash and
// ForEachNameEntry, so a word matches exactly the entries it matched when
// the lists were parsed at run time.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace phiscrub::internal {

inline constexpr char kNameTableMagic[8] = {'P', 'H', 'N', 'T', '0', '0', '0', '1'};
inline constexpr uint32_t kNameTableBuckets = 1u << 16;

// FNV-1a, 64 bits.
inline uint64_t NameListHash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// Calls f(hash) for each entry of a list: one a line, trailing blanks and
// '\r' dropped, empty lines and '#' comments skipped.
template <typename F>
void ForEachNameEntry(const char* text, F f) {
  const char* p = text;
  while (*p) {
    const char* nl = std::strchr(p, '\n');
    size_t len = nl ? static_cast<size_t>(nl - p) : std::strlen(p);
    std::string_view line(p, len);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') f(NameListHash(line));
    if (!nl) break;
    p = nl + 1;
  }
}

}  // namespace phiscrub::internal
