// UTF-8 validation (simdjson's SIMD validator; simdjson stays in format/).
#pragma once

#include <string_view>

namespace phiscrub::internal {
bool ValidUtf8(std::string_view bytes);
}  // namespace phiscrub::internal
