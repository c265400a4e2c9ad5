#include "phiscrub/status.h"

#include "phiscrub/ruleset.h"

namespace phiscrub {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kInvalidConfig: return "invalid_config";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kEngine: return "engine";
    case ErrorCode::kOversize: return "oversize";
    case ErrorCode::kInvalidUtf8: return "invalid_utf8";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(ErrorCodeName(code_)) + ": " + message_;
}

std::string Diagnostic::ToString() const {
  std::string s = severity == Severity::kError ? "error: " : "warning: ";
  if (!file.empty()) s += file + ": ";
  if (!rule_id.empty()) s += "rule '" + rule_id + "': ";
  s += message;
  if (!pattern.empty()) s += " [pattern: " + pattern + "]";
  return s;
}

}  // namespace phiscrub
