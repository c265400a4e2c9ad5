#include <string>

#include "phiscrub/ruleset.h"
#include "phiscrub/scanner.h"

namespace phiscrub {

std::vector<Diagnostic> CheckRuleExamples(
    const std::shared_ptr<const Ruleset>& ruleset) {
  std::vector<Diagnostic> out;
  Scanner scanner(ruleset);
  std::vector<Span> spans;
  for (size_t i = 0; i < ruleset->rule_count(); ++i) {
    const RuleInfo& rule = ruleset->rule(i);
    auto fail = [&](const std::string& what, size_t n) {
      Diagnostic d;
      d.file = rule.file;
      d.rule_id = rule.id;
      // Examples are fictitious pack data, so naming them is safe.
      d.message = what + " example #" + std::to_string(n + 1);
      out.push_back(std::move(d));
    };
    for (size_t n = 0; n < rule.match_examples.size(); ++n) {
      const std::string& ex = rule.match_examples[n];
      Status st = scanner.Scan(ex, &spans);
      bool hit = false;
      for (const Span& sp : spans) hit |= sp.rule == i;
      if (!st.ok() || !hit) fail("match: not found in \"" + ex + "\",", n);
    }
    for (size_t n = 0; n < rule.no_match_examples.size(); ++n) {
      const std::string& ex = rule.no_match_examples[n];
      Status st = scanner.Scan(ex, &spans);
      bool hit = false;
      for (const Span& sp : spans) {
        hit |= ruleset->entities()[sp.entity] == rule.entity;
      }
      if (!st.ok() || hit) fail("no_match: redacted in \"" + ex + "\",", n);
    }
  }
  return out;
}

}  // namespace phiscrub
