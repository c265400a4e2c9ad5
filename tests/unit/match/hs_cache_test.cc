// The compiled-rules cache (match/hs_cache.h): a second compile loads what
// the first stored, and a cache that is damaged, swapped or writable by
// others is never trusted — the rules are compiled again and find the same.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "phiscrub/scanner.h"
#include "test_util.h"

namespace phiscrub {
namespace {

namespace fs = std::filesystem;

const char kText[] = "SSN 219-09-9999, MRN: 00123456, call (415) 555-0132";

std::vector<std::string> CacheFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string Redacted(const std::shared_ptr<const Ruleset>& rules) {
  Scanner scanner(rules);
  std::string out;
  std::vector<Span> spans;
  EXPECT_TRUE(scanner.Redact(kText, &out, &spans).ok());
  return out;
}

class HsCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    opts_.cache_dir = tmp_.path() + "/cache";
    // Not the default rule set, whose databases the build embeds (see
    // EmbeddedDatabases below): these go through the cache.
    opts_.entities = {"US_SSN", "MRN", "PHONE_NUMBER"};
    auto first = testing::CompileOrDie(opts_);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->databases_loaded(), 0);
    ASSERT_GT(first->databases_compiled(), 0);
    compiled_ = first->databases_compiled();
    want_ = Redacted(first);
    ASSERT_EQ(want_.find("219-09-9999"), std::string::npos) << want_;
    ASSERT_EQ(want_.find("00123456"), std::string::npos) << want_;
  }
  testing::TempDir tmp_;
  RulesetOptions opts_;
  int compiled_ = 0;
  std::string want_;
};

TEST_F(HsCacheTest, SecondCompileLoadsEveryDatabase) {
  EXPECT_EQ(CacheFiles(opts_.cache_dir).size(), static_cast<size_t>(compiled_));
  auto second = testing::CompileOrDie(opts_);
  EXPECT_EQ(second->databases_loaded(), compiled_);
  EXPECT_EQ(second->databases_compiled(), 0);
  EXPECT_EQ(Redacted(second), want_);
}

TEST_F(HsCacheTest, CorruptedOrTruncatedFilesAreCompiledAgain) {
  auto files = CacheFiles(opts_.cache_dir);
  ASSERT_GE(files.size(), 2u);
  {  // one byte of the serialized database flipped (whatever it held)
    std::fstream f(files[0], std::ios::in | std::ios::out | std::ios::binary);
    const auto at = static_cast<std::streamoff>(fs::file_size(files[0]) / 2);
    f.seekg(at);
    const char was = static_cast<char>(f.get());
    f.seekp(at);
    f.put(static_cast<char>(was ^ 0x5a));
  }
  fs::resize_file(files[1], fs::file_size(files[1]) / 3);  // truncated
  auto rules = testing::CompileOrDie(opts_);
  EXPECT_EQ(rules->databases_compiled(), 2);
  EXPECT_EQ(rules->databases_loaded(), compiled_ - 2);
  EXPECT_EQ(Redacted(rules), want_);
  // Stored again: the next run loads everything.
  EXPECT_EQ(testing::CompileOrDie(opts_)->databases_loaded(), compiled_);
}

TEST_F(HsCacheTest, FileCopiedOverAnotherKeyIsRefused) {
  // A valid database for other rules under this key's name must not be used:
  // it would find the wrong things (or nothing).
  auto files = CacheFiles(opts_.cache_dir);
  ASSERT_GE(files.size(), 2u);
  fs::copy_file(files[0], files[1], fs::copy_options::overwrite_existing);
  auto rules = testing::CompileOrDie(opts_);
  EXPECT_EQ(rules->databases_compiled(), 1);
  EXPECT_EQ(Redacted(rules), want_);
}

TEST_F(HsCacheTest, CacheWritableByOthersIsNotUsed) {
  ASSERT_EQ(chmod(opts_.cache_dir.c_str(), 0777), 0);
  auto rules = testing::CompileOrDie(opts_);
  EXPECT_EQ(rules->databases_loaded(), 0);
  EXPECT_EQ(rules->databases_compiled(), compiled_);
  EXPECT_EQ(Redacted(rules), want_);
  ASSERT_EQ(chmod(opts_.cache_dir.c_str(), 0700), 0);
  auto files = CacheFiles(opts_.cache_dir);
  ASSERT_EQ(chmod(files[0].c_str(), 0666), 0);  // one file writable by all
  rules = testing::CompileOrDie(opts_);
  EXPECT_EQ(rules->databases_compiled(), 1);
  EXPECT_EQ(Redacted(rules), want_);
}

TEST_F(HsCacheTest, DifferentRulesUseDifferentFiles) {
  RulesetOptions other = opts_;
  other.entities = {"US_SSN"};
  auto rules = testing::CompileOrDie(other);
  EXPECT_GT(rules->databases_compiled(), 0);
  EXPECT_GT(CacheFiles(opts_.cache_dir).size(), static_cast<size_t>(compiled_));
}

TEST_F(HsCacheTest, UnwritableCacheStillCompiles) {
  RulesetOptions nowhere = opts_;
  nowhere.cache_dir = "/proc/phiscrub-no-such-dir/cache";
  auto rules = testing::CompileOrDie(nowhere);
  EXPECT_EQ(rules->databases_loaded(), 0);
  EXPECT_EQ(Redacted(rules), want_);
}

// The built-in packs with default options: the databases the build compiled
// and embedded are used (same Hyperscan, same CPU), nothing is compiled or
// stored, and they find what the rules should. (bench/equivalence.sh compares
// whole runs with a binary that compiles.)
TEST(EmbeddedDatabases, DefaultRulesNeedNoCompileAndFindTheSame) {
  testing::TempDir tmp;
  RulesetOptions embedded_opts;
  embedded_opts.cache_dir = tmp.path() + "/cache";
  auto embedded = testing::CompileOrDie(embedded_opts);
  if (embedded->databases_compiled() > 0) {
    GTEST_SKIP() << "this build embeds no databases for this Hyperscan and CPU";
  }
  EXPECT_EQ(embedded->databases_loaded(), 3);  // rules, anchored rules, context words
  EXPECT_FALSE(fs::exists(embedded_opts.cache_dir));
  const std::string out = Redacted(embedded);
  EXPECT_EQ(out.find("219-09-9999"), std::string::npos) << out;
  EXPECT_EQ(out.find("00123456"), std::string::npos) << out;
  EXPECT_EQ(out.find("555-0132"), std::string::npos) << out;
}

TEST(DefaultCacheDir, FollowsEnvironment) {
  setenv("PHISCRUB_CACHE_DIR", "/x/y", 1);
  EXPECT_EQ(DefaultCacheDir(), "/x/y");
  setenv("PHISCRUB_CACHE_DIR", "off", 1);
  EXPECT_EQ(DefaultCacheDir(), "");
  unsetenv("PHISCRUB_CACHE_DIR");
  setenv("XDG_CACHE_HOME", "/xdg", 1);
  EXPECT_EQ(DefaultCacheDir(), "/xdg/phiscrub");
  unsetenv("XDG_CACHE_HOME");
  setenv("HOME", "/home/u", 1);
  EXPECT_EQ(DefaultCacheDir(), "/home/u/.cache/phiscrub");
}

}  // namespace
}  // namespace phiscrub
