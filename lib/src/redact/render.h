// Rendering of one span's replacement according to the entity's policy.
#pragma once

#include <string>
#include <string_view>

#include "match/ruleset_impl.h"
#include "phiscrub/scanner.h"

namespace phiscrub::internal {

// Appends the replacement for `value` (the span's bytes) to *out.
void RenderReplacement(const Ruleset::Impl& rules, const Span& span,
                       std::string_view value, std::string* out);

// Lower-case hex of HMAC-SHA-256(key, message), truncated to `hex_chars`.
std::string HmacHex(std::string_view key, std::string_view message,
                    int hex_chars);

// The form of a value that is hashed, so equal values written differently
// ("123-45-6789", "123 45 6789") give the same token.
std::string NormalizeForHash(std::string_view entity, std::string_view value);

}  // namespace phiscrub::internal
