// Encoding and decoding of the built-in packs' blobs (pack/pack_blob.h).
#include "pack/pack_blob.h"

#include <climits>
#include <cstdint>
#include <cstring>

namespace phiscrub::internal {
namespace {

constexpr char kMagic[] = "PHISCRUB packed rules 1\n";  // 24 bytes, no NUL stored
constexpr size_t kMagicLen = sizeof(kMagic) - 1;
static_assert(kMagicLen == 24);
constexpr size_t kVersionLen = 20;

class Writer {
 public:
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void I64(int64_t v) { U64(static_cast<uint64_t>(v)); }
  void Bool(bool b) { out_.push_back(b ? 1 : 0); }
  void Double(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    U64(bits);
  }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  void List(const std::vector<std::string>& v) {
    U64(v.size());
    for (const auto& s : v) Str(s);
  }
  void Raw(const char* p, size_t n) { out_.append(p, n); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// Every read checks the bytes left; the first failure sticks.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool AtEnd() const { return ok_ && pos_ == in_.size(); }
  std::string_view Raw(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return {};
    }
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  uint64_t U64() {
    std::string_view b = Raw(8);
    if (!ok_) return 0;
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
    return v;
  }
  int Int() {
    int64_t v = static_cast<int64_t>(U64());
    if (v < INT_MIN || v > INT_MAX) ok_ = false;
    return ok_ ? static_cast<int>(v) : 0;
  }
  unsigned Unsigned() {
    uint64_t v = U64();
    if (v > UINT_MAX) ok_ = false;
    return ok_ ? static_cast<unsigned>(v) : 0;
  }
  bool Bool() {
    std::string_view b = Raw(1);
    if (!ok_) return false;
    if (b[0] != 0 && b[0] != 1) ok_ = false;
    return b[0] == 1;
  }
  double Double() {
    uint64_t bits = U64();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  std::string Str() {
    uint64_t n = U64();
    if (!ok_) return {};
    return std::string(Raw(n));  // Raw fails when n is past the end
  }
  std::vector<std::string> List() {
    uint64_t n = U64();
    std::vector<std::string> v;
    // Each string takes at least its 8-byte length: a count beyond that is damage.
    if (!ok_ || n > (in_.size() - pos_) / 8) {
      ok_ = false;
      return v;
    }
    v.reserve(n);
    for (uint64_t i = 0; i < n && ok_; ++i) v.push_back(Str());
    return v;
  }
  size_t left() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// The version field: hs_version() NUL-padded to 20 bytes, or all NUL when it
// does not fit (then no run trusts the info: it is recomputed).
std::string VersionField(std::string_view v) {
  std::string f(kVersionLen, '\0');
  if (v.size() <= kVersionLen && v.find('\0') == std::string_view::npos) {
    std::memcpy(f.data(), v.data(), v.size());
  }
  return f;
}

}  // namespace

std::string SerializeRules(const std::vector<RawRule>& rules, std::string_view hs_version) {
  Writer w;
  w.Raw(kMagic, kMagicLen);
  w.U64(rules.size());
  const std::string version = VersionField(hs_version);
  w.Raw(version.data(), version.size());
  const bool info_trusted = version[0] != '\0';
  for (const RawRule& r : rules) {
    w.Str(r.file);
    w.Str(r.id);
    w.Str(r.entity);
    w.Str(r.pattern);
    w.Str(r.candidate);
    w.Str(r.confirm);
    w.Str(r.validator);
    w.Str(r.detector);
    w.Bool(r.caseless);
    w.Bool(r.disabled);
    w.Str(r.enabled_by);
    w.Bool(r.maximal);
    w.Str(r.extend);
    w.I64(r.value_group);
    w.Bool(r.digit_boundary);
    w.Double(r.score);
    w.Double(r.min_score);
    w.U64(r.max_width);
    w.List(r.words);
    w.List(r.negative_words);
    w.List(r.asks);
    w.Bool(r.conversation);
    w.I64(r.before);
    w.I64(r.after);
    w.Double(r.boost);
    w.Double(r.penalty);
    w.List(r.match_examples);
    w.List(r.no_match_examples);
    w.Bool(info_trusted && r.hs_info_known);
    w.U64(r.hs_max_width);
    w.Bool(r.hs_min_width_zero);
  }
  return w.Take();
}

bool DeserializeRules(std::string_view blob, std::string_view hs_version,
                      std::vector<RawRule>* rules) {
  Reader in(blob);
  if (in.Raw(kMagicLen) != std::string_view(kMagic, kMagicLen)) return false;
  const uint64_t count = in.U64();
  const std::string_view version = in.Raw(kVersionLen);
  if (!in.ok()) return false;
  const std::string mine = VersionField(hs_version);
  const bool same_hs = mine[0] != '\0' && version == mine;
  // A rule takes well over 64 bytes: a count beyond that is damage.
  if (count > in.left() / 64) return false;
  std::vector<RawRule> decoded(count);
  for (RawRule& r : decoded) {
    r.file = in.Str();
    r.id = in.Str();
    r.entity = in.Str();
    r.pattern = in.Str();
    r.candidate = in.Str();
    r.confirm = in.Str();
    r.validator = in.Str();
    r.detector = in.Str();
    r.caseless = in.Bool();
    r.disabled = in.Bool();
    r.enabled_by = in.Str();
    r.maximal = in.Bool();
    r.extend = in.Str();
    r.value_group = in.Int();
    r.digit_boundary = in.Bool();
    r.score = in.Double();
    r.min_score = in.Double();
    r.max_width = in.Unsigned();
    r.words = in.List();
    r.negative_words = in.List();
    r.asks = in.List();
    r.conversation = in.Bool();
    r.before = in.Int();
    r.after = in.Int();
    r.boost = in.Double();
    r.penalty = in.Double();
    r.match_examples = in.List();
    r.no_match_examples = in.List();
    r.hs_info_known = in.Bool() && same_hs;
    r.hs_max_width = in.Unsigned();
    r.hs_min_width_zero = in.Bool();
    if (!r.hs_info_known) {
      r.hs_max_width = 0;
      r.hs_min_width_zero = false;
    }
    r.build_checked = true;
    if (!in.ok()) return false;
  }
  if (!in.AtEnd()) return false;
  rules->insert(rules->end(), std::make_move_iterator(decoded.begin()),
                std::make_move_iterator(decoded.end()));
  return true;
}

}  // namespace phiscrub::internal
