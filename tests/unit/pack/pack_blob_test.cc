// The built-in packs parsed at build time (pack/pack_blob.h) must be exactly
// what parsing their YAML gives; a blob that does not decode is refused
// whole, so the run parses the YAML instead.
#include "pack/pack_blob.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <cstring>

namespace phiscrub::internal {
namespace {

void ExpectSame(const RawRule& a, const RawRule& b) {
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.entity, b.entity);
  EXPECT_EQ(a.pattern, b.pattern);
  EXPECT_EQ(a.candidate, b.candidate);
  EXPECT_EQ(a.confirm, b.confirm);
  EXPECT_EQ(a.validator, b.validator);
  EXPECT_EQ(a.detector, b.detector);
  EXPECT_EQ(a.caseless, b.caseless);
  EXPECT_EQ(a.disabled, b.disabled);
  EXPECT_EQ(a.enabled_by, b.enabled_by);
  EXPECT_EQ(a.maximal, b.maximal);
  EXPECT_EQ(a.extend, b.extend);
  EXPECT_EQ(a.value_group, b.value_group);
  EXPECT_EQ(a.digit_boundary, b.digit_boundary);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.min_score, b.min_score);
  EXPECT_EQ(a.max_width, b.max_width);
  EXPECT_EQ(a.words, b.words);
  EXPECT_EQ(a.negative_words, b.negative_words);
  EXPECT_EQ(a.asks, b.asks);
  EXPECT_EQ(a.conversation, b.conversation);
  EXPECT_EQ(a.before, b.before);
  EXPECT_EQ(a.after, b.after);
  EXPECT_EQ(a.boost, b.boost);
  EXPECT_EQ(a.penalty, b.penalty);
  EXPECT_EQ(a.match_examples, b.match_examples);
  EXPECT_EQ(a.no_match_examples, b.no_match_examples);
}

std::string_view BlobOf(size_t i) {
  return {reinterpret_cast<const char*>(kBuiltinPackBlobs[i].data), kBuiltinPackBlobs[i].size};
}

TEST(PackBlob, EveryBuiltinBlobIsItsYamlParsed) {
  ASSERT_EQ(kBuiltinPackBlobCount, kBuiltinPackCount);
  for (size_t i = 0; i < kBuiltinPackCount; ++i) {
    SCOPED_TRACE(kBuiltinPacks[i].name);
    EXPECT_STREQ(kBuiltinPackBlobs[i].name, kBuiltinPacks[i].name);
    std::vector<RawRule> parsed, decoded;
    std::vector<Diagnostic> diags;
    ParsePack(std::string("<builtin>/") + kBuiltinPacks[i].name, kBuiltinPacks[i].text, &parsed,
              &diags);
    EXPECT_TRUE(diags.empty());
    ASSERT_GT(kBuiltinPackBlobs[i].size, 0u);
    ASSERT_TRUE(DeserializeRules(BlobOf(i), hs_version(), &decoded));
    ASSERT_EQ(decoded.size(), parsed.size());
    for (size_t r = 0; r < parsed.size(); ++r) {
      ExpectSame(decoded[r], parsed[r]);
      // Expression info as Hyperscan gives it now.
      if (!decoded[r].hs_info_known) {
        EXPECT_TRUE(decoded[r].pattern.empty()) << decoded[r].id;
        continue;
      }
      unsigned flags = HS_FLAG_DOTALL | HS_FLAG_MULTILINE;
      if (decoded[r].caseless) flags |= HS_FLAG_CASELESS;
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* err = nullptr;
      ASSERT_EQ(hs_expression_info(decoded[r].pattern.c_str(), flags, &info, &err), HS_SUCCESS);
      EXPECT_EQ(decoded[r].hs_max_width, info->max_width) << decoded[r].id;
      EXPECT_EQ(decoded[r].hs_min_width_zero, info->min_width == 0) << decoded[r].id;
      free(info);
    }
  }
}

TEST(PackBlob, AnotherHyperscanDropsTheExpressionInfo) {
  std::vector<RawRule> decoded;
  ASSERT_TRUE(DeserializeRules(BlobOf(0), "0.0.0 other", &decoded));
  ASSERT_FALSE(decoded.empty());
  for (const auto& r : decoded) EXPECT_FALSE(r.hs_info_known) << r.id;
}

TEST(PackBlob, DamagedBlobsAreRefusedWhole) {
  const std::string good(BlobOf(0));
  std::vector<RawRule> out;
  // Truncated anywhere, or with bytes after the end: nothing appended.
  for (size_t cut : {size_t{0}, size_t{5}, good.size() / 2, good.size() - 1}) {
    EXPECT_FALSE(DeserializeRules(good.substr(0, cut), hs_version(), &out)) << cut;
  }
  EXPECT_FALSE(DeserializeRules(good + "x", hs_version(), &out));
  std::string bad_magic = good;
  bad_magic[10] ^= 1;
  EXPECT_FALSE(DeserializeRules(bad_magic, hs_version(), &out));
  // A length field pointing past the end.
  std::string huge = good;
  std::memset(huge.data() + 8 + 16 + 8 + 20, 0xff, 8);
  EXPECT_FALSE(DeserializeRules(huge, hs_version(), &out));
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace phiscrub::internal
