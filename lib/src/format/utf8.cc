#include "format/utf8.h"

#include <simdjson.h>

namespace phiscrub::internal {
bool ValidUtf8(std::string_view bytes) {
  return simdjson::validate_utf8(bytes.data(), bytes.size());
}
}  // namespace phiscrub::internal
