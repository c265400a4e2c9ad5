// Runs every rule's `match:` and `no_match:` examples from patterns/.
#include <gtest/gtest.h>

#include "phiscrub/ruleset.h"
#include "test_util.h"

namespace phiscrub {
namespace {

TEST(PackExamples, EveryBuiltinExampleHolds) {
  auto rules = testing::CompileOrDie();
  ASSERT_NE(rules, nullptr);
  size_t examples = 0;
  for (size_t i = 0; i < rules->rule_count(); ++i) {
    examples += rules->rule(i).match_examples.size() +
                rules->rule(i).no_match_examples.size();
  }
  EXPECT_GT(examples, 50u);
  for (const auto& d : CheckRuleExamples(rules)) {
    ADD_FAILURE() << d.ToString();
  }
}

// Rules loaded only with --dates all run their examples too.
TEST(PackExamples, DatesAllExamplesHold) {
  RulesetOptions opts;
  opts.dates_all = true;
  auto rules = testing::CompileOrDie(opts);
  ASSERT_NE(rules, nullptr);
  bool has_date = false;
  for (size_t i = 0; i < rules->rule_count(); ++i) {
    if (rules->rule(i).entity == "DATE") has_date = true;
  }
  EXPECT_TRUE(has_date);
  // By default only dated events (admission, discharge, death) are DATEs:
  // the every-date rules load with dates_all only.
  auto plain = testing::CompileOrDie();
  for (size_t i = 0; i < plain->rule_count(); ++i) {
    EXPECT_NE(plain->rule(i).id, "date.numeric");
    EXPECT_NE(plain->rule(i).id, "date.iso");
  }
  for (const auto& d : CheckRuleExamples(rules)) {
    ADD_FAILURE() << d.ToString();
  }
}

// The checker itself must notice a wrong example, or the test above proves
// nothing.
TEST(PackExamples, CheckerReportsWrongExamples) {
  testing::TempDir dir;
  dir.Write("p.yaml", R"(rules:
  - id: t.badge
    entity: BADGE
    pattern: '\bB-\d{4}\b'
    examples:
      match: ["B-1234", "no badge here"]
      no_match: ["B-12", "B-9999"]
)");
  RulesetOptions opts;
  opts.builtin_packs = false;
  opts.rule_dirs = {dir.path()};
  auto rules = testing::CompileOrDie(opts);
  ASSERT_NE(rules, nullptr);
  auto diags = CheckRuleExamples(rules);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_NE(diags[0].message.find("match: not found"), std::string::npos);
  EXPECT_NE(diags[1].message.find("no_match: redacted"), std::string::npos);
}

}  // namespace
}  // namespace phiscrub
