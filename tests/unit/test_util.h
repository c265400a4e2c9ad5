// Helpers shared by the unit tests: temp pack/policy files and compiling.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "phiscrub/ruleset.h"

namespace phiscrub::testing {

// A temporary directory removed at destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "phiscrub-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  std::string path_;
};

// Through the compiled-rules cache front ends use (DefaultCacheDir) unless
// `opts` names one: most tests compile the default packs, and loading them
// takes milliseconds where compiling takes most of a second.
inline std::shared_ptr<const Ruleset> CompileOrDie(
    const RulesetOptions& opts = RulesetOptions()) {
  std::vector<Diagnostic> diags;
  RulesetOptions o = opts;
  if (o.cache_dir.empty()) o.cache_dir = DefaultCacheDir();
  auto rules = Ruleset::Compile(o, &diags);
  std::string all;
  for (const auto& d : diags) all += d.ToString() + "\n";
  EXPECT_NE(rules, nullptr) << all;
  return rules;
}

}  // namespace phiscrub::testing
