#include <algorithm>
#include <cstring>

#include "format/json_internal.h"
#include "context/turns.h"
#include "format/utf8.h"
#include "names/addresses.h"
#include "normalize/columns.h"
#include "match/ruleset_impl.h"
#include "match/sort_candidates.h"
#include "phiscrub/pipeline.h"
#include "phiscrub/ruleset.h"

namespace phiscrub {

bool ParseByteSize(std::string_view text, size_t* out) {
  size_t i = 0;
  uint64_t v = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (v > (UINT64_MAX - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>(text[i++] - '0');
  }
  if (i == 0) return false;
  std::string_view suffix = text.substr(i);
  int shift = 0;
  if (suffix == "K" || suffix == "KiB") shift = 10;
  else if (suffix == "M" || suffix == "MiB") shift = 20;
  else if (suffix == "G" || suffix == "GiB") shift = 30;
  else if (!suffix.empty()) return false;
  if (v == 0 || v > (uint64_t{SIZE_MAX} >> shift)) return false;
  *out = static_cast<size_t>(v << shift);
  return true;
}

void RecordBatch::Clear() {
  first_record = 0;
  data.clear();
  records.clear();
  context.clear();
}

bool LooksLikeTurn(std::string_view line) {
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  skip_blanks();
  // [00:01:02] or (00:01:02) or 00:01:02 stamps.
  if (i < line.size() && (line[i] == '[' || line[i] == '(')) {
    size_t close = line.find(line[i] == '[' ? ']' : ')', i);
    if (close != std::string_view::npos && close - i <= 14) {
      bool stamp = true;
      for (size_t k = i + 1; k < close; ++k) {
        char c = line[k];
        if (!((c >= '0' && c <= '9') || c == ':' || c == '.')) stamp = false;
      }
      if (stamp) {
        i = close + 1;
        skip_blanks();
      }
    }
  }
  if (i >= line.size()) return false;
  if (line[i] == '[') {
    // [doctor] / [patient] / [Speaker 1]
    size_t close = line.find(']', i);
    if (close == std::string_view::npos || close - i > 24 || close == i + 1) return false;
    for (size_t k = i + 1; k < close; ++k) {
      char c = line[k];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == ' ' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
  // Label: up to three words of letters and digits, then ':'.
  size_t colon = line.find(':', i);
  if (colon == std::string_view::npos || colon == i || colon - i > 24) return false;
  int words = 1;
  for (size_t k = i; k < colon; ++k) {
    char c = line[k];
    if (c == ' ') {
      ++words;
    } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == '.')) {
      return false;
    }
  }
  if (words > 3 || line[i] < 'A' || (line[i] > 'Z' && line[i] < 'a') || line[i] > 'z') return false;
  // "http://", "12:30": not labels.
  return colon + 1 >= line.size() || line[colon + 1] == ' ' || line[colon + 1] == '\t';
}

namespace {

// In a text stream, whether the turn before `turn` (the last line of
// `context`) is another speaker asking: a question, or a request to spell
// (LineFramer gives only such turns their context).
// A speaker's own statements ("my zip is ...") ask nothing of the next line.
bool AskedByTheOtherSpeaker(std::string_view context, std::string_view turn) {
  if (!context.empty() && context.back() == '\n') context.remove_suffix(1);
  size_t nl = context.rfind('\n');
  std::string_view last = nl == std::string_view::npos ? context : context.substr(nl + 1);
  std::string_view who = internal::SpeakerOf(last);
  if (who.empty() || who == internal::SpeakerOf(turn)) return false;
  if (last.find('?') != std::string_view::npos) return true;
  for (size_t i = 0; i + 5 <= last.size(); ++i) {
    if ((last[i] | 0x20) == 's' && (last[i + 1] | 0x20) == 'p' && (last[i + 2] | 0x20) == 'e' &&
        (last[i + 3] | 0x20) == 'l' && (last[i + 4] | 0x20) == 'l') {
      return true;
    }
  }
  return false;
}

bool NoContext(std::string_view, std::string_view) { return false; }

}  // namespace

void LineFramer::ConfigureFor(RecordFormat format) {
  if (format == RecordFormat::kTranscript) KeepConversationContext(true);
  if (format == RecordFormat::kAuto) KeepConversationContext(false);
  if (format == RecordFormat::kText) KeepLabelContext();
}

void LineFramer::KeepLabelContext() { label_context_ = true; }

bool IsLabelLine(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (line.size() < i + 3 || line.back() != ':' || line.size() - i > 40) return false;
  int words = 1;
  for (size_t k = i; k + 1 < line.size(); ++k) {
    char c = line[k];
    if (c == ' ') {
      if (k > i && line[k - 1] != ' ') ++words;
    } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
                 c == '.' || c == '/' || c == '#')) {
      return false;
    }
  }
  return words <= 4 && ((line[i] >= 'a' && line[i] <= 'z') || (line[i] >= 'A' && line[i] <= 'Z'));
}

void LineFramer::KeepConversationContext(bool all_lines) {
  conversation_ = true;
  all_turns_ = all_lines;
}

void LineFramer::NoteTurn(RecordBatch* batch, RecordBatch::Record* r, std::string_view line,
                          bool (*attach)(std::string_view, std::string_view)) {
  bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
  bool turn = !blank && !r->oversize && (all_turns_ || LooksLikeTurn(line));
  if (!turn) {
    turn_count_ = 0;  // a blank line (or a line that is no turn) ends it
    return;
  }
  if (turn_count_ > 0 && (attach == nullptr || attach(turns_[kContextTurns - 1], line))) {
    r->context_offset = batch->context.size();
    for (size_t k = kContextTurns - turn_count_; k < kContextTurns; ++k) {
      batch->context.append(turns_[k]);
      batch->context.push_back('\n');
    }
    r->context_length = batch->context.size() - r->context_offset;
  }
  for (size_t k = 0; k + 1 < kContextTurns; ++k) turns_[k].swap(turns_[k + 1]);
  std::string& last = turns_[kContextTurns - 1];
  if (line.size() > kContextBytes) line.remove_prefix(line.size() - kContextBytes);
  last.assign(line);
  turn_count_ = std::min(turn_count_ + 1, kContextTurns);
}

LineFramer::LineFramer(size_t max_record, uint64_t first_record,
                       bool whole_input)
    : max_record_(max_record),
      whole_input_(whole_input),
      next_record_(first_record) {}

void LineFramer::NoteLead(std::string_view bytes) {
  if (lead_ != 0) return;
  for (char c : bytes) {
    if (c != ' ' && c != '\t') {
      lead_ = c;
      return;
    }
  }
}

void LineFramer::Emit(RecordBatch* batch, std::string_view bytes,
                      bool newline) {
  if (batch->records.empty()) batch->first_record = next_record_;
  RecordBatch::Record r;
  r.newline = newline;
  if (discarding_) {
    r.oversize = true;
    r.lead = lead_;
    r.offset = batch->data.size();
  } else {
    r.offset = batch->data.size();
    r.length = carry_.size() + bytes.size();
    batch->data.append(carry_);
    batch->data.append(bytes);
    batch->data.push_back('\n');
  }
  if (conversation_) {
    NoteTurn(batch, &r, std::string_view(batch->data).substr(r.offset, r.length));
  } else if (label_context_) {
    std::string_view line = std::string_view(batch->data).substr(r.offset, r.length);
    // A conversation in a text stream: a turn right after another
    // speaker's question takes the turns before it as context, unless the
    // line before is a label the line answers.
    NoteTurn(batch, &r, line, label_.empty() ? AskedByTheOtherSpeaker : NoContext);
    r.turn_context = r.context_length > 0;
    // An address block: the lines since a street (or an address label)
    // are the context of a short line under them (names/addresses.h).
    const bool continues =
        !r.oversize && !block_.empty() && internal::MayContinueAddressBlock(line);
    const bool in_block = continues && label_.empty() && header_.empty() &&
                          internal::ContinuesAddressBlock(block_, line);
    const std::string& context = !label_.empty() ? label_ : !header_.empty() ? header_ : block_;
    if (!r.turn_context && !context.empty() && !r.oversize && (in_block || context != block_)) {
      r.context_offset = batch->context.size();
      batch->context.append(context);
      r.context_length = context.size();
    }
    if (r.oversize) {
      block_.clear();
    } else if (continues || (!block_.empty() && line.find_first_not_of(" \t\r") == std::string_view::npos)) {
      // (A blank line may stand inside a block.)
      block_.append(line).push_back('\n');
      if (internal::MayOpenAddressBlock(line)) block_lines_ = 0;
      // The last kBlockKeep lines are enough context (a label, a name, a
      // street, a unit); older ones go.
      size_t lines = static_cast<size_t>(std::count(block_.begin(), block_.end(), '\n'));
      while (lines > kBlockKeep) {
        block_.erase(0, block_.find('\n') + 1);
        --lines;
      }
      if (++block_lines_ > kBlockLines || block_.size() > kBlockBytes) block_.clear();
    } else if (internal::MayOpenAddressBlock(line)) {
      block_.assign(line).push_back('\n');
      block_lines_ = 0;
    } else {
      block_.clear();
    }
    if (!r.oversize && IsLabelLine(line)) {
      label_.assign(line);
    } else {
      label_.clear();
    }
    // Rows under a header line, parameters under the statement they fill.
    internal::HeaderKind kind =
        r.oversize ? internal::HeaderKind::kNone : internal::ColumnHeaderKind(line);
    if (kind != internal::HeaderKind::kNone) {
      header_.assign(line);
      header_sticky_ = kind == internal::HeaderKind::kDelimited;
    } else if (r.oversize || !header_sticky_ ||
               line.find_first_not_of(" \t\r") == std::string_view::npos) {
      header_.clear();
    }
  }
  carry_.clear();
  discarding_ = false;
  lead_ = 0;
  ++next_record_;
  batch->records.push_back(r);
}

void LineFramer::Feed(std::string_view chunk, RecordBatch* batch) {
  if (whole_input_) {
    if (!discarding_ && carry_.size() + chunk.size() > max_record_) {
      NoteLead(carry_);
      discarding_ = true;
      carry_.clear();
      carry_.shrink_to_fit();
    }
    if (discarding_) {
      NoteLead(chunk);
    } else {
      carry_.append(chunk);
    }
    if (!chunk.empty()) ends_newline_ = chunk.back() == '\n';
    return;
  }
  while (!chunk.empty()) {
    const void* nl = std::memchr(chunk.data(), '\n', chunk.size());
    size_t len = nl ? static_cast<const char*>(nl) - chunk.data() : chunk.size();
    std::string_view part = chunk.substr(0, len);
    if (!discarding_ && carry_.size() + part.size() > max_record_) {
      // Fail closed: forget what we held, skip to the end of this record.
      NoteLead(carry_);
      discarding_ = true;
      carry_.clear();
      carry_.shrink_to_fit();
    }
    if (discarding_) NoteLead(part);
    if (nl == nullptr) {
      if (!discarding_) carry_.append(part);
      return;
    }
    Emit(batch, discarding_ ? std::string_view() : part, true);
    chunk.remove_prefix(len + 1);
  }
}

void LineFramer::Finish(RecordBatch* batch) {
  if (!discarding_ && carry_.empty()) return;
  // A whole-input document keeps its final newline outside the record, so a
  // placeholder written instead of it still ends the output with one.
  bool newline = whole_input_ && ends_newline_;
  if (newline && !discarding_) carry_.pop_back();
  Emit(batch, std::string_view(), newline);
}

const char* FailReasonName(FailReason reason) {
  switch (reason) {
    case FailReason::kOversize: return "oversize";
    case FailReason::kInvalidUtf8: return "invalid_utf8";
    case FailReason::kEngine: return "engine_error";
    case FailReason::kMalformedJson: return "malformed_json";
    case FailReason::kCount: break;
  }
  return "unknown";
}

void Counters::Add(const Counters& o) {
  records += o.records;
  bytes_in += o.bytes_in;
  bytes_out += o.bytes_out;
  records_with_findings += o.records_with_findings;
  for (int i = 0; i < static_cast<int>(FailReason::kCount); ++i) {
    fail_closed[i] += o.fail_closed[i];
  }
  if (findings_by_entity.size() < o.findings_by_entity.size()) {
    findings_by_entity.resize(o.findings_by_entity.size());
  }
  for (size_t i = 0; i < o.findings_by_entity.size(); ++i) {
    findings_by_entity[i] += o.findings_by_entity[i];
  }
}

uint64_t Counters::findings() const {
  uint64_t n = 0;
  for (auto v : findings_by_entity) n += v;
  return n;
}

uint64_t Counters::failed_closed() const {
  uint64_t n = 0;
  for (auto v : fail_closed) n += v;
  return n;
}

void BatchResult::Clear() {
  output.clear();
  findings.clear();
  counters = Counters();
}

namespace {

bool JsonLead(char c) { return c == '{' || c == '['; }

// First byte that is not ' ' or '\t', or 0.
char Lead(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t') return c;
  }
  return 0;
}

bool Blank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace

BatchRedactor::BatchRedactor(std::shared_ptr<const Ruleset> ruleset,
                             TextOptions options)
    : scanner_(std::move(ruleset)), options_(std::move(options)) {
  if (options_.format != RecordFormat::kText && options_.json) {
    json_ = std::make_unique<JsonRedactor>(options_.json);
  }
}

std::string BatchRedactor::Placeholder(FailReason reason, bool json) const {
  if (json) {
    if (options_.json) return options_.json->ErrorPlaceholder(FailReasonName(reason));
    return std::string("{\"phiscrub_error\":\"") + FailReasonName(reason) + "\"}";
  }
  return scanner_.ruleset().TextPlaceholder(FailReasonName(reason));
}

void BatchRedactor::Withhold(FailReason reason, bool json, BatchResult* result) {
  result->output += Placeholder(reason, json);
  ++result->counters.fail_closed[static_cast<int>(reason)];
}

void BatchRedactor::CountSpans(uint64_t record, BatchResult* result,
                               bool collect_findings) {
  if (spans_.empty()) return;
  Counters& c = result->counters;
  ++c.records_with_findings;
  for (const Span& sp : spans_) {
    ++c.findings_by_entity[sp.entity];
    if (collect_findings) result->findings.push_back({record, sp, {}, {}, -1, -1});
  }
}

namespace {

// A question mark that ends a sentence (not a URL's query): "name? Dana".
bool HasQuestion(std::string_view text) {
  for (size_t q = text.find('?'); q != std::string_view::npos; q = text.find('?', q + 1)) {
    if (q + 1 == text.size() || text[q + 1] == ' ' || text[q + 1] == '"') return true;
  }
  return false;
}

}  // namespace

void BatchRedactor::ProcessText(std::string_view text, uint64_t record,
                                BatchResult* result, bool collect_findings) {
  if (HasQuestion(text)) {
    ProcessTurn(std::string_view(), text, record, result, collect_findings);
    return;
  }
  size_t mark = result->output.size();
  Status st = scanner_.Redact(text, &result->output, &spans_);
  if (!st.ok()) {
    result->output.resize(mark);
    Withhold(FailReason::kEngine, false, result);
    return;
  }
  CountSpans(record, result, collect_findings);
}

void BatchRedactor::ProcessTurn(std::string_view previous, std::string_view text,
                                uint64_t record, BatchResult* result, bool collect_findings) {
  Status st = scanner_.ScanTurn(previous, text, &spans_);
  if (!st.ok()) {
    Withhold(FailReason::kEngine, false, result);
    return;
  }
  scanner_.RenderSpans(text, spans_, &result->output);
  CountSpans(record, result, collect_findings);
}

void BatchRedactor::ProcessTranscript(const RecordBatch& batch, BatchResult* result,
                                      bool collect_findings) {
  Counters& c = result->counters;
  std::string_view data(batch.data);
  const bool all_utf8 = options_.scan_invalid_utf8 || internal::ValidUtf8(data);
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const auto& rec = batch.records[i];
    ++c.records;
    c.bytes_in += rec.length + (rec.newline ? 1 : 0);
    std::string_view text(data.data() + rec.offset, rec.length);
    if (rec.oversize) {
      Withhold(FailReason::kOversize, false, result);
    } else if (!all_utf8 && !internal::ValidUtf8(text)) {
      Withhold(FailReason::kInvalidUtf8, false, result);
    } else {
      std::string_view previous(batch.context.data() + rec.context_offset, rec.context_length);
      ProcessTurn(previous, text, batch.first_record + i, result, collect_findings);
    }
    if (rec.newline) result->output.push_back('\n');
  }
}

void BatchRedactor::ProcessLooseJson(std::string_view text, uint64_t record,
                                     BatchResult* result, bool collect_findings) {
  // The text scan decodes JSON escapes (a view), and key names count as
  // context as in any text.
  Status st = scanner_.Scan(text, &spans_);
  if (!st.ok()) {
    Withhold(FailReason::kEngine, false, result);
    return;
  }
  // Rare (malformed input only): a local buffer is fine.
  std::vector<internal::LooseKeySpan> loose;
  if (json_) internal::LooseKeyRuleSpans(json_->rules(), text, &loose);
  if (loose.empty()) {
    scanner_.RenderSpans(text, spans_, &result->output);
    CountSpans(record, result, collect_findings);
    return;
  }
  // Findings: the key-rule values, and the text spans outside them.
  Counters& c = result->counters;
  ++c.records_with_findings;
  merged_ = spans_;
  for (const auto& k : loose) {
    Span sp{k.start, k.end, 0, k.entity, 1.0f};
    merged_.push_back(sp);
    ++c.findings_by_entity[k.entity];
    if (collect_findings) result->findings.push_back({record, sp, {}, k.rule_id, -1, -1});
  }
  for (const Span& sp : spans_) {
    bool inside = std::any_of(loose.begin(), loose.end(), [&sp](const auto& k) {
      return sp.start >= k.start && sp.end <= k.end;
    });
    if (inside) continue;
    ++c.findings_by_entity[sp.entity];
    if (collect_findings) result->findings.push_back({record, sp, {}, {}, -1, -1});
  }
  Scanner::MergeOverlaps(&merged_);
  scanner_.RenderSpans(text, merged_, &result->output);
}

namespace {

// What BatchRedactor does with one record in a JSON format.
enum PlanKind : uint8_t {
  kPlanWithhold,  // write the placeholder for Plan::reason
  kPlanCopy,      // blank: write as is
  kPlanJson,      // added to the JSON batch (next JSON item)
  kPlanText,      // kAuto: scan as text
};

FailReason ReasonFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kMalformed: return FailReason::kMalformedJson;
    case ErrorCode::kInvalidUtf8: return FailReason::kInvalidUtf8;
    case ErrorCode::kOversize: return FailReason::kOversize;
    default: return FailReason::kEngine;
  }
}

}  // namespace

// JSON formats: every JSON record of the batch goes through one JsonRedactor
// batch (one candidate pass), then records are written in order.
void BatchRedactor::ProcessStructured(const RecordBatch& batch,
                                      BatchResult* result,
                                      bool collect_findings) {
  Counters& c = result->counters;
  std::string_view data(batch.data);
  const RecordFormat format = options_.format;
  const bool all_utf8 = options_.scan_invalid_utf8 || internal::ValidUtf8(data);
  auto json_placeholder = [format](char lead) {
    return format != RecordFormat::kAuto || JsonLead(lead);
  };
  plan_.assign(batch.records.size(), Plan());
  if (json_) json_->BeginBatch(collect_findings);
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const auto& rec = batch.records[i];
    Plan& p = plan_[i];
    std::string_view text(data.data() + rec.offset, rec.length);
    if (rec.oversize) {
      p.kind = kPlanWithhold;
      p.reason = static_cast<uint8_t>(FailReason::kOversize);
      p.json_placeholder = json_placeholder(rec.lead);
    } else if (!all_utf8 && !internal::ValidUtf8(text)) {
      p.kind = kPlanWithhold;
      p.reason = static_cast<uint8_t>(FailReason::kInvalidUtf8);
      p.json_placeholder = json_placeholder(Lead(text));
    } else if (format == RecordFormat::kAuto && !JsonLead(Lead(text))) {
      p.kind = kPlanText;
    } else if (format != RecordFormat::kAuto && Blank(text)) {
      p.kind = kPlanCopy;  // nothing to parse, nothing to hide
    } else if (!json_) {
      p.kind = kPlanWithhold;  // no key rules given: cannot redact JSON
      p.reason = static_cast<uint8_t>(FailReason::kEngine);
      p.json_placeholder = true;
    } else {
      p.kind = kPlanJson;
      json_->AddToBatch(text);
    }
  }
  json_out_.clear();
  json_findings_.clear();
  json_items_.clear();
  if (json_) json_->FinishBatch(&json_out_, &json_findings_, &json_items_);

  size_t item = 0;
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const auto& rec = batch.records[i];
    const uint64_t record = batch.first_record + i;
    ++c.records;
    c.bytes_in += rec.length + (rec.newline ? 1 : 0);
    std::string_view text(data.data() + rec.offset, rec.length);
    const Plan& p = plan_[i];
    switch (p.kind) {
      case kPlanWithhold:
        Withhold(static_cast<FailReason>(p.reason), p.json_placeholder, result);
        break;
      case kPlanCopy:
        result->output.append(text);
        break;
      case kPlanText:
        if (rec.context_length > 0) {
          ProcessTurn(std::string_view(batch.context.data() + rec.context_offset,
                                       rec.context_length),
                      text, record, result, collect_findings);
        } else {
          ProcessText(text, record, result, collect_findings);
        }
        break;
      case kPlanJson: {
        const auto& it = json_items_[item++];
        if (it.status.ok()) {
          result->output.append(json_out_, it.out_begin, it.out_end - it.out_begin);
          if (it.findings_end > it.findings_begin) ++c.records_with_findings;
          for (size_t f = it.findings_begin; f < it.findings_end; ++f) {
            JsonFinding& jf = json_findings_[f];
            ++c.findings_by_entity[jf.span.entity];
            if (collect_findings) {
              result->findings.push_back({record, jf.span, std::move(jf.path),
                                          jf.key_rule, jf.audio_start,
                                          jf.audio_end,
                                          static_cast<int64_t>(jf.token)});
            }
          }
        } else if (format == RecordFormat::kAuto &&
                   (it.status.code() == ErrorCode::kMalformed ||
                    it.status.code() == ErrorCode::kInvalidUtf8)) {
          // Looks like JSON but does not parse: never emitted with an escaped
          // value or a key-rule value intact.
          ProcessLooseJson(text, record, result, collect_findings);
        } else {
          Withhold(ReasonFor(it.status.code()), true, result);
        }
        break;
      }
    }
    if (rec.newline) result->output.push_back('\n');
  }
}

void BatchRedactor::Process(const RecordBatch& batch, BatchResult* result,
                            bool collect_findings) {
  Counters& c = result->counters;
  size_t entities = scanner_.ruleset().entities().size();
  if (c.findings_by_entity.size() < entities) {
    c.findings_by_entity.resize(entities);
  }
  size_t out_before = result->output.size();
  if (options_.format == RecordFormat::kTranscript) {
    ProcessTranscript(batch, result, collect_findings);
    c.bytes_out += result->output.size() - out_before;
    return;
  }
  if (options_.format != RecordFormat::kText) {
    ProcessStructured(batch, result, collect_findings);
    c.bytes_out += result->output.size() - out_before;
    return;
  }
  std::string_view data(batch.data);
  // One candidate pass and one UTF-8 check for the whole batch; per-record
  // work only where something was found.
  bool all_utf8 = options_.scan_invalid_utf8 || internal::ValidUtf8(data);
  Status scan = scanner_.FindCandidates(data, &candidates_);
  internal::SortByEnd(&candidates_);
  size_t ci = 0;
  for (size_t i = 0; i < batch.records.size(); ++i) {
    const auto& rec = batch.records[i];
    ++c.records;
    c.bytes_in += rec.length + (rec.newline ? 1 : 0);
    std::string_view text(data.data() + rec.offset, rec.length);
    // Candidates ending inside this record (or on its separator).
    record_candidates_.clear();
    if (!rec.oversize) {
      const uint32_t lo = static_cast<uint32_t>(rec.offset);
      const uint32_t hi = static_cast<uint32_t>(rec.offset + rec.length);
      while (ci < candidates_.size() && candidates_[ci].end <= lo) ++ci;
      while (ci < candidates_.size() && candidates_[ci].end <= hi) {
        record_candidates_.push_back(
            {candidates_[ci].rule, candidates_[ci].end - lo,
             candidates_[ci].length});
        ++ci;
      }
    }
    if (rec.oversize) {
      Withhold(FailReason::kOversize, false, result);
    } else if (!all_utf8 && !internal::ValidUtf8(text)) {
      Withhold(FailReason::kInvalidUtf8, false, result);
    } else if (!scan.ok()) {
      Withhold(FailReason::kEngine, false, result);
    } else if (rec.turn_context &&
               scanner_.AskedEntities(std::string_view(batch.context.data() + rec.context_offset,
                                                       rec.context_length)) != 0) {
      // A speaker turn answering the turns before it ("Could you spell your
      // last name?" / "sure, r e y e s").
      ProcessTurn(std::string_view(batch.context.data() + rec.context_offset, rec.context_length),
                  text, batch.first_record + i, result, collect_findings);
    } else if (rec.context_length > 0 && !rec.turn_context) {
      // The value under a label on the line before ("Phone:\n467 3395").
      std::string_view label(batch.context.data() + rec.context_offset, rec.context_length);
      Status st = scanner_.ScanWithContext(label, text, &spans_);
      if (!st.ok()) {
        Withhold(FailReason::kEngine, false, result);
      } else {
        scanner_.RenderSpans(text, spans_, &result->output);
        CountSpans(batch.first_record + i, result, collect_findings);
      }
    } else if (HasQuestion(text)) {
      // "What's your last name? Magnusson": a question asks for what the
      // sentences after it say, as in a conversation.
      ProcessTurn(std::string_view(), text, batch.first_record + i, result, collect_findings);
    } else if (record_candidates_.empty() && !Scanner::NeedsViews(text) &&
               !scanner_.ScansEveryRecord()) {
      result->output.append(text);
    } else {
      size_t mark = result->output.size();
      Status st = scanner_.RedactCandidates(text, &record_candidates_,
                                            &result->output, &spans_);
      if (!st.ok()) {
        result->output.resize(mark);
        Withhold(FailReason::kEngine, false, result);
      } else {
        CountSpans(batch.first_record + i, result, collect_findings);
      }
    }
    if (rec.newline) result->output.push_back('\n');
  }
  c.bytes_out += result->output.size() - out_before;
}

}  // namespace phiscrub
