// Error values for the data path: no exceptions cross the library boundary.
//
// Every fallible data-path call returns a Status (or Result<T>). "Found
// nothing" is never an error: a scan that finds no PHI returns Ok with an empty
// span list; a scan that could not look returns a non-Ok Status, and callers
// fail closed (emit a placeholder, never the input).
//
// Messages never contain input bytes: they name rule ids, files, offsets and
// counts only.
#pragma once

#include <string>
#include <utility>

namespace phiscrub {

enum class ErrorCode {
  // Success.
  kOk = 0,
  // A pattern pack, policy or option is invalid (CLI exit code 78).
  kInvalidConfig,
  // Reading or writing a file or stream failed.
  kIo,
  // Hyperscan or RE2 reported an error while scanning; the record was not
  // looked at completely.
  kEngine,
  // A record exceeded its configured byte limit.
  kOversize,
  // A record is not valid UTF-8 and the policy says not to scan it.
  kInvalidUtf8,
  // A structured record (JSON) could not be parsed.
  kMalformed,
  // A bug: an internal invariant did not hold.
  kInternal,
};

// Short stable name of a code ("oversize", "invalid_utf8", ...), used in
// placeholders, findings and metrics labels.
const char* ErrorCodeName(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message)
      : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

}  // namespace phiscrub
