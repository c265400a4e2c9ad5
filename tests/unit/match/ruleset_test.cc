#include "phiscrub/ruleset.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_util.h"

namespace phiscrub {
namespace {

using testing::CompileOrDie;
using testing::TempDir;

std::vector<Diagnostic> CompileErrors(const RulesetOptions& opts) {
  std::vector<Diagnostic> diags;
  auto rules = Ruleset::Compile(opts, &diags);
  EXPECT_EQ(rules, nullptr);
  return diags;
}

TEST(Ruleset, BuiltinPacksCompile) {
  auto rules = CompileOrDie();
  ASSERT_NE(rules, nullptr);
  EXPECT_GE(rules->rule_count(), 3u);
  std::set<std::string> entities(rules->entities().begin(), rules->entities().end());
  EXPECT_TRUE(entities.count("US_SSN"));
  EXPECT_TRUE(entities.count("PHONE_NUMBER"));
  EXPECT_TRUE(entities.count("EMAIL_ADDRESS"));
}

TEST(Ruleset, EveryBuiltinRuleHasBothKindsOfExamples) {
  auto rules = CompileOrDie();
  ASSERT_NE(rules, nullptr);
  for (size_t i = 0; i < rules->rule_count(); ++i) {
    EXPECT_FALSE(rules->rule(i).match_examples.empty()) << rules->rule(i).id;
    EXPECT_FALSE(rules->rule(i).no_match_examples.empty()) << rules->rule(i).id;
  }
}

// Every problem is reported at once, each naming file, rule and pattern.
TEST(Ruleset, DiagnosticsNameEveryCulprit) {
  TempDir dir;
  std::string pack = dir.Write("bad.yaml", R"(rules:
  - id: bad.paren
    entity: X
    pattern: '('
  - id: bad.unbounded
    entity: X
    pattern: 'a\d+'
  - id: bad.validator
    entity: X
    pattern: 'abc'
    validator: nosuch
  - id: bad.key
    entity: X
    pattern: 'abd'
    colour: blue
)");
  RulesetOptions opts;
  opts.rule_dirs = {dir.path()};
  auto diags = CompileErrors(opts);
  auto has = [&](const std::string& id, const std::string& needle,
                 const std::string& pattern) {
    for (const auto& d : diags) {
      if (d.rule_id == id && d.file == pack &&
          d.message.find(needle) != std::string::npos &&
          (pattern.empty() || d.pattern == pattern)) {
        return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(has("bad.paren", "Hyperscan", "("));
  EXPECT_TRUE(has("bad.unbounded", "maximum length", "a\\d+"));
  EXPECT_TRUE(has("bad.validator", "unknown validator", ""));
  EXPECT_TRUE(has("bad.key", "unknown key 'colour'", ""));
}

TEST(Ruleset, YamlSyntaxErrorIsADiagnostic) {
  TempDir dir;
  dir.Write("broken.yaml", "rules: [ {id: x, pattern: 'a'\n");
  RulesetOptions opts;
  opts.rule_dirs = {dir.path()};
  auto diags = CompileErrors(opts);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].message.find("YAML"), std::string::npos);
}

TEST(Ruleset, UserPackOverridesAndDisablesById) {
  TempDir dir;
  dir.Write("user.yaml", R"(rules:
  - id: us_ssn.formatted
    disabled: true
  - id: email.address
    entity: CONTACT
    pattern: '\b[a-z]{1,20}@example\.com\b'
    score: 0.9
)");
  RulesetOptions opts;
  opts.rule_dirs = {dir.path()};
  auto rules = CompileOrDie(opts);
  ASSERT_NE(rules, nullptr);
  bool ssn_formatted = false;
  for (size_t i = 0; i < rules->rule_count(); ++i) {
    ssn_formatted |= rules->rule(i).id == "us_ssn.formatted";
    if (rules->rule(i).id == "email.address") {
      EXPECT_EQ(rules->rule(i).entity, "CONTACT");
    }
  }
  EXPECT_FALSE(ssn_formatted);
}

TEST(Ruleset, MissingRulesDirIsAnError) {
  RulesetOptions opts;
  opts.rule_dirs = {"/nonexistent/phiscrub-rules"};
  auto diags = CompileErrors(opts);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].file, "/nonexistent/phiscrub-rules");
}

TEST(Ruleset, HashPolicyWithoutKeyRefusesToCompile) {
  TempDir dir;
  RulesetOptions opts;
  opts.policy_file = dir.Write("policy.yaml", "entities:\n  US_SSN: hash\n");
  unsetenv("PHISCRUB_HASH_KEY_FILE");
  auto diags = CompileErrors(opts);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].message.find("hash-key-file"), std::string::npos);
  // A short key is refused too.
  opts.hash_key_file = dir.Write("short.key", "tooshort");
  diags = CompileErrors(opts);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].message.find("16 bytes"), std::string::npos);
  opts.hash_key_file = dir.Write("good.key", "0123456789abcdef0123456789abcdef\n");
  EXPECT_NE(CompileOrDie(opts), nullptr);
}

TEST(Ruleset, KeyFileFromEnvironment) {
  TempDir dir;
  RulesetOptions opts;
  opts.policy_file = dir.Write("policy.yaml", "entities:\n  US_SSN: hash\n");
  std::string key = dir.Write("k", "0123456789abcdef0123456789abcdef");
  setenv("PHISCRUB_HASH_KEY_FILE", key.c_str(), 1);
  EXPECT_NE(CompileOrDie(opts), nullptr);
  unsetenv("PHISCRUB_HASH_KEY_FILE");
}

TEST(Ruleset, BadPolicyActionAndUnknownEntity) {
  TempDir dir;
  RulesetOptions opts;
  opts.policy_file = dir.Write("p.yaml", "default: {action: explode}\n");
  auto diags = CompileErrors(opts);
  ASSERT_FALSE(diags.empty());
  EXPECT_NE(diags[0].message.find("explode"), std::string::npos);
  // An entity no rule produces is only a warning.
  opts.policy_file = dir.Write("p2.yaml", "entities: {NOPE: mask}\n");
  std::vector<Diagnostic> warn;
  EXPECT_NE(Ruleset::Compile(opts, &warn), nullptr);
  ASSERT_EQ(warn.size(), 1u);
  EXPECT_EQ(warn[0].severity, Diagnostic::Severity::kWarning);
}

TEST(Ruleset, ContextOnlyRuleWithoutWordsIsAnError) {
  TempDir dir;
  dir.Write("p.yaml", R"(rules:
  - {id: never, entity: X, pattern: 'abc', score: 0.2, min_score: 0.5}
)");
  RulesetOptions opts;
  opts.rule_dirs = {dir.path()};
  auto diags = CompileErrors(opts);
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].rule_id, "never");
}

}  // namespace
}  // namespace phiscrub
