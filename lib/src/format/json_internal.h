// JSON string helpers shared by the JSON redactor and its tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace phiscrub {
class JsonRules;
}

namespace phiscrub::internal {

// The profile (JsonProfileNames) a parsed document unambiguously belongs to,
// or "" (json_profiles.cc).
std::string_view DetectJsonProfile(const simdjson::dom::element& root);

// Appends the decoded form of a JSON string token's content (between the
// quotes) to *out. Lone surrogates become U+FFFD. False on a bad escape (out
// then holds a prefix).
bool DecodeJsonString(std::string_view content, std::string* out);

// Appends `text` (UTF-8) as a JSON string token: quotes, `\"`, `\\`, control
// characters escaped; everything else, non-ASCII included, as is.
void AppendJsonString(std::string_view text, std::string* out);

// Index one past the closing quote of the string token opening at `open`, or
// npos; *escaped tells whether the token holds a backslash escape. `doc` must
// be valid JSON.
size_t JsonStringToken(std::string_view doc, size_t open, bool* escaped);

// Index one past the closing quote of the string token opening at `open`, or
// npos. `doc` must be valid JSON.
size_t JsonStringEnd(std::string_view doc, size_t open);

// Appends a key name as context text: its last 64 bytes with `_`, `-`, `.` and camelCase
// boundaries turned into spaces ("dateOfBirth" -> "date Of Birth"), so
// hotwords such as "date of birth" match.
void HumaniseKey(std::string_view key, std::string* out);

// A value the key rules redact whole, found in text that only looks like JSON
// (see LooseKeyRuleSpans).
struct LooseKeySpan {
  uint32_t start = 0, end = 0;  // the value: a string's content, or a token
  uint16_t entity = 0;
  std::string_view rule_id;  // points into `rules`
};

// For JSON that does not parse (`--format auto`): finds every `"key": value`
// whose key a key rule or built-in HIPAA key redacts (path rules need a
// document and are not applied) and appends the value's range. A string value
// is its content up to the closing quote (or the end of the text), an object
// or array value runs to its matching bracket, anything else to the next
// `,` `}` `]` or blank. Appends nothing when `rules` has no key rules.
void LooseKeyRuleSpans(const JsonRules& rules, std::string_view text,
                       std::vector<LooseKeySpan>* out);

// `tmpl` with every "{reason}" replaced by `reason`.
std::string SubstituteReason(const std::string& tmpl, std::string_view reason);

}  // namespace phiscrub::internal
