// Text files compiled into the library (cmake/embed_text.cmake).
#pragma once

#include <cstddef>

namespace phiscrub::internal {

struct EmbeddedText {
  const char* name;
  const char* text;
};

// patterns/names/*.txt
extern const EmbeddedText kNameLists[];
extern const size_t kNameListsCount;

}  // namespace phiscrub::internal
