// Build-time tool: writes the name gazetteer's table (names/name_table.h).
//
//   gen_name_table OUT.bin LIST=FLAG...   (e.g. given.txt=1 surnames.txt=2)
//
// Exit 0 on success; 1 with a message naming the file on any I/O error.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "names/name_table.h"

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool ok = !std::ferror(f);
  std::fclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  using phiscrub::internal::kNameTableBuckets;
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_name_table OUT.bin LIST=FLAG...\n");
    return 2;
  }
  std::vector<std::pair<uint64_t, uint8_t>> entries;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    size_t eq = arg.rfind('=');
    if (eq == std::string::npos) {
      std::fprintf(stderr, "gen_name_table: %s: expected LIST=FLAG\n", argv[i]);
      return 2;
    }
    const auto flag = static_cast<uint8_t>(std::atoi(arg.c_str() + eq + 1));
    std::string text;
    if (!ReadFile(arg.substr(0, eq), &text)) {
      std::fprintf(stderr, "gen_name_table: cannot read %s\n", arg.substr(0, eq).c_str());
      return 1;
    }
    phiscrub::internal::ForEachNameEntry(text.c_str(),
                                         [&](uint64_t h) { entries.emplace_back(h, flag); });
  }
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> hashes;
  std::vector<uint8_t> flags;
  for (const auto& [h, f] : entries) {
    if (!hashes.empty() && hashes.back() == h) {
      flags.back() |= f;
    } else {
      hashes.push_back(h);
      flags.push_back(f);
    }
  }
  std::vector<uint32_t> offsets(kNameTableBuckets + 1, 0);
  for (uint64_t h : hashes) ++offsets[(h >> 48) + 1];
  for (uint32_t b = 0; b < kNameTableBuckets; ++b) offsets[b + 1] += offsets[b];
  const uint64_t count = hashes.size();
  std::string out(phiscrub::internal::kNameTableMagic, sizeof phiscrub::internal::kNameTableMagic);
  out.append(reinterpret_cast<const char*>(&count), sizeof count);
  out.append(reinterpret_cast<const char*>(offsets.data()), offsets.size() * sizeof(uint32_t));
  while (out.size() % 8 != 0) out.push_back('\0');
  out.append(reinterpret_cast<const char*>(hashes.data()), hashes.size() * sizeof(uint64_t));
  out.append(reinterpret_cast<const char*>(flags.data()), flags.size());
  std::string tmp = std::string(argv[1]) + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  bool ok = f != nullptr && std::fwrite(out.data(), 1, out.size(), f) == out.size();
  if (f != nullptr) ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), argv[1]) != 0) {
    std::fprintf(stderr, "gen_name_table: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
