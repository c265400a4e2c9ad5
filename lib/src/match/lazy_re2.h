// An RE2 compiled on first use: the built-in rules' finders, confirm and
// extend patterns (dozens of RE2 objects) are not compiled at start-up but by
// the first record that needs each one, so `phiscrub --check` or a restarting
// filter does not pay for patterns its input never reaches.
//
//   LazyRe2 re(pattern, options, rule_id);  // cheap: stores the pattern
//   if (re.re().Match(...)) ...              // compiles once, then a load
//
// Eager (user packs, whose errors are diagnostics at load time): compiled in
// the constructor; re().ok() says whether it compiled, and nothing aborts.
//
// Fail closed: a lazy pattern is one that compiled when the build checked it
// (phiscrub_gen_packs). Should it still fail here (another RE2 at run time),
// re() prints the rule id and aborts; nothing is ever scanned without it.
//
// Thread-safety: re() may be called from any number of threads at once
// (std::call_once); the compiled RE2 is immutable and shared.
// Lifetime: compiled with the Ruleset that owns it; not copyable or movable
// (hold it by unique_ptr).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>

namespace phiscrub::internal {

class LazyRe2 {
 public:
  enum class Mode { kLazy, kEager };
  // `what` names the pattern in the abort message (rule id and role), never
  // text it matched.
  LazyRe2(std::string pattern, const RE2::Options& options, std::string what, Mode mode)
      : pattern_(std::move(pattern)), options_(options), what_(std::move(what)) {
    if (mode == Mode::kEager) {
      std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, options_); });
    }
  }
  LazyRe2(const LazyRe2&) = delete;
  LazyRe2& operator=(const LazyRe2&) = delete;

  // The compiled pattern; a lazy one is compiled by the first call (and is
  // always ok()).
  const RE2& re() const {
    std::call_once(once_, [this] { Compile(); });
    return *re_;
  }
  const std::string& pattern() const { return pattern_; }
  const RE2::Options& options() const { return options_; }

 private:
  void Compile() const;  // aborts when a lazy pattern does not compile

  std::string pattern_;
  RE2::Options options_;
  std::string what_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

// The options each role of a rule's pattern compiles with; phiscrub_gen_packs
// compiles the built-in patterns with the same ones. Patterns are
// byte-oriented, as Hyperscan reads them (no HS_FLAG_UTF8): RE2 parses and
// matches them as Latin-1 so both engines agree on what `\xc3[\x80-\xbf]` or
// `\b` next to a UTF-8 letter means.
inline RE2::Options FinderOptions(bool caseless) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  o.set_longest_match(true);
  o.set_dot_nl(true);
  o.set_case_sensitive(!caseless);
  return o;
}
inline RE2::Options ConfirmOptions(bool caseless) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  o.set_case_sensitive(!caseless);
  return o;
}
inline RE2::Options ExtendOptions(bool caseless) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  o.set_longest_match(true);
  o.set_case_sensitive(!caseless);
  return o;
}

}  // namespace phiscrub::internal
