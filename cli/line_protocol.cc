#include "line_protocol.h"

#include <errno.h>
#include <unistd.h>

#include <simdjson.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "format/json_internal.h"

namespace phiscrub::cli {
namespace {

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t w = ::write(fd, data.data(), data.size());
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(w));
  }
  return true;
}

// Reads stdin one line at a time. A line longer than `limit` is consumed up
// to its newline and reported as oversize; its bytes are never kept whole.
class LineReader {
 public:
  LineReader(int fd, size_t limit) : fd_(fd), limit_(limit), buf_(64 * 1024) {}

  enum class Got { kLine, kOversize, kEnd, kError };

  // kLine: *line is the line without its newline (valid until the next call).
  // A last line without a newline counts as a line.
  Got Next(std::string_view* line) {
    line_.clear();
    bool oversize = false;
    while (true) {
      if (pos_ < len_) {
        const char* start = buf_.data() + pos_;
        size_t avail = len_ - pos_;
        const void* nl = memchr(start, '\n', avail);
        size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
        if (!oversize) {
          if (line_.size() + take > limit_) {
            oversize = true;
            line_.clear();
          } else {
            line_.append(start, take);
          }
        }
        pos_ += take;
        if (nl) {
          ++pos_;
          *line = line_;
          return oversize ? Got::kOversize : Got::kLine;
        }
      }
      ssize_t n = ::read(fd_, buf_.data(), buf_.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return Got::kError;
      }
      pos_ = 0;
      len_ = static_cast<size_t>(n);
      if (n == 0) {
        if (oversize) return Got::kOversize;
        if (!line_.empty()) {
          *line = line_;
          return Got::kLine;
        }
        return Got::kEnd;
      }
    }
  }

 private:
  int fd_;
  size_t limit_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;
  std::string line_;
};

// Redacts text (which may hold newlines: a multi-line message) as text
// records, one per line; the output keeps the line structure.
class TextRedactor {
 public:
  TextRedactor(const std::shared_ptr<const Ruleset>& rules, const TextOptions& text)
      : text_(text), redactor_(rules, Plain(text)) {}

  // *out: the redacted text, or placeholders for the lines that could not be
  // redacted. Counted in *counters.
  void Redact(std::string_view text, std::string* out, Counters* counters) {
    LineFramer framer(text_.max_record, records_);
    batch_.Clear();
    framer.Feed(text, &batch_);
    framer.Finish(&batch_);
    records_ = framer.records_framed();
    result_.Clear();
    redactor_.Process(batch_, &result_);
    counters->Add(result_.counters);
    out->swap(result_.output);
  }

  std::string Placeholder(FailReason reason) const {
    return redactor_.Placeholder(reason, /*json=*/false);
  }

 private:
  static TextOptions Plain(TextOptions t) {
    t.format = RecordFormat::kText;  // the shipper's properties are text
    t.json = nullptr;
    return t;
  }

  TextOptions text_;
  BatchRedactor redactor_;
  RecordBatch batch_;
  BatchResult result_;
  uint64_t records_ = 0;
};

// Ends a reply: the marker that tells the rsyslog configuration phiscrub
// answered (see RunMmexternal).
void AppendMarker(std::string* reply) {
  reply->push_back(reply->empty() ? '{' : ',');
  *reply += R"("$!":{"phiscrub":"1"}})";
}

void AppendProperty(std::string_view name, std::string_view value, std::string* reply) {
  reply->push_back(reply->empty() ? '{' : ',');
  internal::AppendJsonString(name, reply);
  reply->push_back(':');
  internal::AppendJsonString(value, reply);
}

}  // namespace

LineProtocolResult RunMmexternal(const std::shared_ptr<const Ruleset>& rules,
                                 const TextOptions& text, MmexternalInput input) {
  LineProtocolResult res;
  TextRedactor redactor(rules, text);
  bool full = input == MmexternalInput::kFullJson;
  // A jsonmesg line holds the message's properties escaped (up to 6 bytes per
  // byte), the MSG twice (msg and rawmsg) and some metadata.
  size_t limit = full ? text.max_record * 12 + 64 * 1024 : text.max_record;
  LineReader reader(STDIN_FILENO, limit);
  simdjson::dom::parser parser;
  simdjson::padded_string padded;
  std::string reply, redacted, decoded;
  std::string_view line;
  while (true) {
    LineReader::Got got = reader.Next(&line);
    if (got == LineReader::Got::kEnd) break;
    if (got == LineReader::Got::kError) {
      res.io_error = true;
      break;
    }
    reply.clear();
    try {
      if (got == LineReader::Got::kOversize) {
        ++res.counters.records;
        ++res.counters.fail_closed[static_cast<int>(FailReason::kOversize)];
        std::string p = redactor.Placeholder(FailReason::kOversize);
        AppendProperty("msg", p, &reply);
        if (full) AppendProperty("rawmsg", p, &reply);
      } else if (!full) {
        redactor.Redact(line, &redacted, &res.counters);
        AppendProperty("msg", redacted, &reply);
      } else {
        padded = simdjson::padded_string(line);
        simdjson::dom::element root;
        bool parsed = parser.parse(padded).get(root) == simdjson::SUCCESS && root.is_object();
        if (!parsed) {
          ++res.counters.records;
          ++res.counters.fail_closed[static_cast<int>(FailReason::kMalformedJson)];
          std::string p = redactor.Placeholder(FailReason::kMalformedJson);
          AppendProperty("msg", p, &reply);
          AppendProperty("rawmsg", p, &reply);
        } else {
          // rawmsg carries the MSG again, with the header: both are rewritten.
          for (const char* name : {"msg", "rawmsg"}) {
            std::string_view value;
            if (root[name].get_string().get(value) != simdjson::SUCCESS) {
              // Absent or not a string: nothing of it can be stored unredacted.
              if (root[name].error() == simdjson::NO_SUCH_FIELD) continue;
              value = {};
            }
            redactor.Redact(value, &redacted, &res.counters);
            AppendProperty(name, redacted, &reply);
          }
        }
      }
      AppendMarker(&reply);
    } catch (...) {
      // Out of memory or an internal failure: the placeholder, never the input.
      ++res.internal_errors;
      ++res.counters.records;
      ++res.counters.fail_closed[static_cast<int>(FailReason::kEngine)];
      reply.clear();
      std::string p = redactor.Placeholder(FailReason::kEngine);
      AppendProperty("msg", p, &reply);
      if (full) AppendProperty("rawmsg", p, &reply);
      AppendMarker(&reply);
    }
    reply.push_back('\n');
    if (!WriteAll(STDOUT_FILENO, reply)) {
      res.io_error = true;
      break;
    }
  }
  return res;
}

LineProtocolResult RunOmprogConfirm(const std::shared_ptr<const Ruleset>& rules,
                                    const TextOptions& text, int out_fd) {
  LineProtocolResult res;
  TextRedactor redactor(rules, text);
  LineReader reader(STDIN_FILENO, text.max_record);
  if (!WriteAll(STDOUT_FILENO, "OK\n")) {
    res.io_error = true;
    return res;
  }
  std::string redacted;
  std::string_view line;
  while (true) {
    LineReader::Got got = reader.Next(&line);
    if (got == LineReader::Got::kEnd) break;
    if (got == LineReader::Got::kError) {
      res.io_error = true;
      break;
    }
    try {
      if (got == LineReader::Got::kOversize) {
        ++res.counters.records;
        ++res.counters.fail_closed[static_cast<int>(FailReason::kOversize)];
        redacted = redactor.Placeholder(FailReason::kOversize);
      } else {
        redactor.Redact(line, &redacted, &res.counters);
      }
    } catch (...) {
      ++res.internal_errors;
      ++res.counters.records;
      ++res.counters.fail_closed[static_cast<int>(FailReason::kEngine)];
      redacted = redactor.Placeholder(FailReason::kEngine);
    }
    redacted.push_back('\n');
    if (!WriteAll(out_fd, redacted)) {
      // rsyslog keeps the message and retries it (action.resumeInterval).
      res.io_error = true;
      WriteAll(STDOUT_FILENO, "ERROR output not writable\n");
      break;
    }
    if (!WriteAll(STDOUT_FILENO, "OK\n")) {
      res.io_error = true;
      break;
    }
  }
  return res;
}

}  // namespace phiscrub::cli
