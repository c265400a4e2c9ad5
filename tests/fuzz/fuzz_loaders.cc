// fuzz_loaders: the start-up loaders on arbitrary bytes: pattern packs and
// policies (YAML, internal::ParsePack / ParsePolicy), JSON key files
// (LoadJsonKeyFile, which takes a path: the bytes go to a temporary file),
// and, for one input in four, a whole Ruleset::Compile of the bytes as the
// only pack (validation, RE2 and Hyperscan compilation of fuzzed patterns).
//
// Properties: no crash, no sanitizer report, no exception escapes (yaml-cpp
// throws; the loaders must turn that into diagnostics); a load that fails
// says why (at least one diagnostic); a key file that loads either compiles
// or says why.
//
// Byte 0 picks what the rest is fed to, so each loader's seeds stay its own.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "pack/pack.h"
#include "phiscrub/json.h"

namespace phiscrub::fuzz {
namespace {

// A directory of this process, removed at exit; holds one file per loader.
class ProcessDir {
 public:
  ProcessDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "phiscrub-fuzz-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) abort();
    path_ = tmpl;
    std::filesystem::create_directory(path_ + "/packs");
  }
  ~ProcessDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const std::string& TempDir() {
  static const ProcessDir dir;
  return dir.path();
}

std::string WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

}  // namespace
}  // namespace phiscrub::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace phiscrub;
  using namespace phiscrub::fuzz;
  if (size == 0) return 0;
  uint8_t mode = data[0] % 4;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<Diagnostic> diags;

  switch (mode) {
    case 0: {  // pattern pack
      std::vector<internal::RawRule> rules;
      internal::ParsePack("fuzz.yaml", text, &rules, &diags);
      break;
    }
    case 1: {  // policy
      internal::RawPolicy policy;
      internal::ParsePolicy("policy.yaml", text, &policy, &diags);
      break;
    }
    case 2: {  // JSON key file, then compiled against the default rules
      JsonOptions jopts;
      std::string path = WriteFile(TempDir() + "/keys.yaml", text);
      if (!LoadJsonKeyFile(path, &jopts, &diags)) {
        PHISCRUB_FUZZ_CHECK(!diags.empty());
        break;
      }
      diags.clear();
      // Entities the key file names must be registered first, as the CLI
      // does; a rule naming one the default rules lack is a diagnostic.
      auto json = JsonRules::Compile(DefaultRules(), jopts, &diags);
      if (!json) PHISCRUB_FUZZ_CHECK(!diags.empty());
      break;
    }
    case 3: {  // the bytes as the only pack, compiled (Hyperscan, RE2)
      WriteFile(TempDir() + "/packs/fuzz.yaml", text);
      RulesetOptions opts;
      opts.builtin_packs = false;
      opts.rule_dirs = {TempDir() + "/packs"};
      auto rules = Ruleset::Compile(opts, &diags);
      if (!rules) PHISCRUB_FUZZ_CHECK(!diags.empty());
      break;
    }
  }
  for (const auto& d : diags) (void)d.ToString();
  return 0;
}
