#include "context/lexicon.h"

#include <string>

namespace phiscrub::internal {
namespace {

enum Class : uint8_t { kOther, kLower, kUpper, kDigit, kHash };

struct ClassTable {
  uint8_t c[256] = {};
  constexpr ClassTable() {
    for (int i = 'a'; i <= 'z'; ++i) c[i] = kLower;
    for (int i = 'A'; i <= 'Z'; ++i) c[i] = kUpper;
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigit;
    for (int i = 0x80; i < 256; ++i) c[i] = kLower;
    c[static_cast<unsigned char>('#')] = kHash;
  }
};
constexpr ClassTable kClass;

inline uint8_t ClassOf(char ch) { return kClass.c[static_cast<unsigned char>(ch)]; }

inline bool IsLetter(uint8_t k) { return k == kLower || k == kUpper; }

inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

inline uint64_t Combine(uint64_t phrase, uint64_t token) {
  return Mix(phrase * 0x9e3779b97f4a7c15ULL + token);
}

// FNV-1a of the lower-cased token.
uint64_t TokenHash(std::string_view text, uint32_t b, uint32_t e) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (uint32_t i = b; i < e; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return h;
}

// Whether a token ends between text[i-1] and text[i] (both alphanumeric).
inline bool SplitBetween(std::string_view text, uint32_t i, uint32_t hi, bool digits) {
  uint8_t a = ClassOf(text[i - 1]), b = ClassOf(text[i]);
  if ((a == kDigit) != (b == kDigit)) return digits;  // letter/digit
  if (a == kLower && b == kUpper) return true;       // camelCase
  // "NPIRenderer": an upper-case run ends before its last letter when a
  // lower-case letter follows.
  if (a == kUpper && b == kUpper && i + 1 < hi && ClassOf(text[i + 1]) == kLower &&
      static_cast<unsigned char>(text[i + 1]) < 0x80) {
    return true;
  }
  return false;
}

// Keys written as one word in capitals ("NPINUMBER", "RENDERINGNPI",
// "SUBSCRIBERDOB"): the identifier codes at either end of such a run are
// words of their own. (Capitals only: phrases of the lexicon are written in
// lower case and stay whole, "zipcode".) Returns the end of the first token
// of the letters [i, r), or r when the run stays whole.
uint32_t GluedCodeEnd(std::string_view text, uint32_t i, uint32_t r) {
  if (r - i < 6) return r;
  for (uint32_t q = i; q < r; ++q) {
    if (ClassOf(text[q]) != kUpper) return r;
  }
  static constexpr std::string_view kCodes[] = {"npi", "ssn", "dob", "mrn", "mbi", "dea", "ein",
                                                "zip"};
  auto code_at = [&](uint32_t b) {
    for (std::string_view c : kCodes) {
      bool same = true;
      for (uint32_t q = 0; q < 3 && same; ++q) {
        char ch = text[b + q];
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        same = ch == c[q];
      }
      if (same) return true;
    }
    return false;
  };
  if (code_at(i)) return i + 3;
  if (code_at(r - 3)) return r - 3;
  return r;
}

}  // namespace

void ExpandToWords(std::string_view text, uint32_t* lo, uint32_t* hi) {
  auto word = [&](uint32_t i) { return ClassOf(text[i]) != kOther; };
  while (*lo > 0 && word(*lo - 1) && word(*lo)) --*lo;
  while (*hi < text.size() && *hi > 0 && word(*hi - 1) && word(*hi)) ++*hi;
}

void TokenizeContext(std::string_view text, uint32_t lo, uint32_t hi,
                     std::vector<ContextToken>* out) {
  uint32_t i = lo;
  bool brk = false;
  while (i < hi) {
    uint8_t k = ClassOf(text[i]);
    if (k == kOther) {
      char c = text[i];
      brk = brk || c == ':' || c == '\n' || c == '?' || c == '!' || c == '[' || c == ']';
      ++i;
      continue;
    }
    if (k == kHash) {
      out->push_back({i, i + 1, TokenHash(text, i, i + 1), brk});
      brk = false;
      ++i;
      continue;
    }
    // The alphanumeric run; an id with letters and digits mixed through it
    // ("78339b6317abcfeb") is one token, never a source of one-letter cues.
    uint32_t r = i + 1;
    int transitions = 0;
    while (r < hi) {
      uint8_t kr = ClassOf(text[r]);
      if (kr == kOther || kr == kHash) break;
      if ((kr == kDigit) != (ClassOf(text[r - 1]) == kDigit)) ++transitions;
      ++r;
    }
    const bool split_digits = transitions <= 1;
    while (i < r) {
      uint32_t j = i + 1;
      while (j < r && !SplitBetween(text, j, r, split_digits)) ++j;
      if (j - i >= 6) j = GluedCodeEnd(text, i, j);
      // A single letter keeps its period ("D.O.B.", "b. 1961"), so it is an
      // abbreviation, never a stray letter ("plan b").
      uint32_t e = j;
      if (j - i == 1 && ClassOf(text[i]) != kDigit && j == r && j < hi && text[j] == '.') ++e;
      out->push_back({i, e, TokenHash(text, i, e), brk});
      brk = false;
      i = j;
    }
  }
}

bool ContextLexicon::Add(std::string_view phrase, uint32_t id) {
  std::vector<ContextToken> tokens;
  TokenizeContext(phrase, 0, static_cast<uint32_t>(phrase.size()), &tokens);
  if (tokens.empty()) return false;
  uint64_t h = 0;
  for (const auto& t : tokens) h = Combine(h, t.hash);
  auto& ids = phrases_[h];
  for (uint32_t x : ids) {
    if (x == id) return true;
  }
  ids.push_back(id);
  uint32_t bit = static_cast<uint32_t>(tokens[0].hash % kBits);
  first_[bit / 64] |= uint64_t{1} << (bit % 64);
  max_tokens_ = std::max<uint32_t>(max_tokens_, static_cast<uint32_t>(tokens.size()));
  return true;
}

void ContextLexicon::Match(const std::vector<ContextToken>& tokens,
                           std::vector<ContextHit>* out) const {
  if (phrases_.empty()) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    uint32_t bit = static_cast<uint32_t>(tokens[i].hash % kBits);
    if (!((first_[bit / 64] >> (bit % 64)) & 1)) continue;
    uint64_t h = 0;
    for (size_t k = i; k < tokens.size() && k - i < max_tokens_; ++k) {
      if (k > i && tokens[k].break_before) break;
      h = Combine(h, tokens[k].hash);
      auto it = phrases_.find(h);
      if (it == phrases_.end()) continue;
      for (uint32_t id : it->second) out->push_back({id, tokens[i].start, tokens[k].end});
    }
  }
}

std::string ContextLexicon::AnchorOf(std::string_view phrase) {
  std::vector<ContextToken> tokens;
  TokenizeContext(phrase, 0, static_cast<uint32_t>(phrase.size()), &tokens);
  std::string best;
  for (const auto& t : tokens) {
    if (t.end - t.start > best.size()) best.assign(phrase.substr(t.start, t.end - t.start));
  }
  for (char& c : best) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return best;
}

}  // namespace phiscrub::internal
