// The OpenAPI 3.1 description of phiscrubd's HTTP API (GET /openapi.json).
// Source: service/openapi.json, compiled in; tests validate real responses
// against it.
#pragma once

#include <string_view>

namespace phiscrub::service {

// The document, static storage; the version is the build's.
std::string_view OpenApiJson();

}  // namespace phiscrub::service
