#include "normalize/view.h"

#include <cstring>

namespace phiscrub::internal {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool Hex4(std::string_view s, size_t at, uint32_t* v) {
  if (at + 4 > s.size()) return false;
  uint32_t r = 0;
  for (size_t k = 0; k < 4; ++k) {
    int h = HexValue(s[at + k]);
    if (h < 0) return false;
    r = (r << 4) | static_cast<uint32_t>(h);
  }
  *v = r;
  return true;
}

size_t Utf8Encode(uint32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// One round of JSON unescaping over `text` into *out (ranges relative to
// `text`). True when anything was decoded.
bool UnescapeRound(std::string_view text, View* out) {
  out->Clear();
  bool changed = false;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const void* bs = std::memchr(text.data() + i, '\\', n - i);
    size_t stop = bs ? static_cast<const char*>(bs) - text.data() : n;
    for (; i < stop; ++i) out->Push(text[i], static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
    if (i >= n) break;
    const uint32_t at = static_cast<uint32_t>(i);
    char e = i + 1 < n ? text[i + 1] : '\0';
    char simple = 0;
    switch (e) {
      case '"': simple = '"'; break;
      case '\\': simple = '\\'; break;
      case '/': simple = '/'; break;
      case 'b': simple = '\b'; break;
      case 'f': simple = '\f'; break;
      case 'n': simple = '\n'; break;
      case 'r': simple = '\r'; break;
      case 't': simple = '\t'; break;
      default: break;
    }
    if (simple) {
      out->Push(simple, at, at + 2);
      i += 2;
      changed = true;
      continue;
    }
    uint32_t cp = 0;
    if (e == 'u' && Hex4(text, i + 2, &cp)) {
      size_t len = 6;
      uint32_t lo = 0;
      if (cp >= 0xD800 && cp < 0xDC00 && i + 7 < n && text[i + 6] == '\\' &&
          text[i + 7] == 'u' && Hex4(text, i + 8, &lo) && lo >= 0xDC00 && lo < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        len = 12;
      } else if (cp >= 0xD800 && cp < 0xE000) {
        cp = 0xFFFD;  // a lone surrogate has no UTF-8 form
      }
      char buf[4];
      size_t k = Utf8Encode(cp, buf);
      out->Append(std::string_view(buf, k), at, static_cast<uint32_t>(at + len));
      i += len;
      changed = true;
      continue;
    }
    out->Push('\\', at, at + 1);  // not an escape: kept
    ++i;
  }
  return changed;
}

}  // namespace

void View::ComposeOnto(const View& inner) {
  for (size_t i = 0; i < text.size(); ++i) {
    uint32_t b = begin[i], e = end[i];
    begin[i] = inner.begin[b];
    end[i] = e > b ? inner.end[e - 1] : inner.begin[b];
  }
}

bool HasPercentEscape(std::string_view t) {
  for (size_t i = t.find('%'); i != std::string_view::npos && i + 2 < t.size();
       i = t.find('%', i + 1)) {
    if (HexValue(t[i + 1]) >= 0 && HexValue(t[i + 2]) >= 0) return true;
  }
  return false;
}

bool HasFormPlus(std::string_view t) {
  // "q=Emre+Demir", "Body=dana+reyes+need+refill": a '+' between letters in
  // a value after '=' with no blank between.
  for (size_t i = t.find('+'); i != std::string_view::npos && i + 1 < t.size();
       i = t.find('+', i + 1)) {
    auto letter = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    };
    if (i == 0 || !letter(t[i - 1]) || !letter(t[i + 1])) continue;
    for (size_t k = i; k > 0 && i - k < 64; --k) {
      char c = t[k - 1];
      if (c == '=') return true;
      if (c == ' ' || c == '\t' || c == '"' || c == '&' || c == '\n') break;
    }
  }
  return false;
}

bool HasJsonEscape(std::string_view t) {
  for (size_t i = t.find('\\'); i != std::string_view::npos && i + 1 < t.size();
       i = t.find('\\', i + 1)) {
    char e = t[i + 1];
    if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
        e == 't') {
      return true;
    }
    uint32_t cp;
    if (e == 'u' && Hex4(t, i + 2, &cp)) return true;
  }
  return false;
}

namespace {
bool AlnumByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
}  // namespace

bool SpacedDashView(std::string_view text, View* out) {
  out->Clear();
  // The " - " to write as "-": in chains of three groups or more, each a
  // group with a digit (at most eight characters) or at most three letters,
  // two of them with a digit; the first not after ':' or '.' (a time).
  std::vector<size_t> dashes;
  for (size_t p = text.find(" - "); p != std::string_view::npos; p = text.find(" - ", p + 1)) {
    if (p == 0 || !AlnumByte(text[p - 1]) || (!dashes.empty() && dashes.back() >= p)) continue;
    size_t b = p;
    while (b > 0 && AlnumByte(text[b - 1])) --b;
    if (b > 0 && (text[b - 1] == ':' || text[b - 1] == '.' || text[b - 1] == '-')) continue;
    std::vector<size_t> chain;
    int groups = 0, with_digits = 0;
    size_t g = b;
    while (true) {
      size_t e = g;
      bool digit = false;
      while (e < text.size() && AlnumByte(text[e])) digit |= text[e++] <= '9';
      if (e == g || e - g > (digit ? 8u : 3u)) break;
      ++groups;
      with_digits += digit ? 1 : 0;
      if (e + 3 < text.size() && text.compare(e, 3, " - ") == 0 && AlnumByte(text[e + 3])) {
        chain.push_back(e);
        g = e + 3;
      } else {
        break;
      }
    }
    if (groups >= 3 && with_digits >= 2 && chain.size() + 1 == static_cast<size_t>(groups)) {
      dashes.insert(dashes.end(), chain.begin(), chain.end());
    }
  }
  if (dashes.empty()) return false;
  size_t d = 0;
  for (size_t i = 0; i < text.size();) {
    const uint32_t at = static_cast<uint32_t>(i);
    if (d < dashes.size() && dashes[d] == i) {
      out->Push('-', at, at + 3);
      i += 3;
      ++d;
    } else {
      out->Push(text[i], at, at + 1);
      ++i;
    }
  }
  return true;
}

bool PercentDecodedView(std::string_view text, View* out) {
  out->Clear();
  if (!HasPercentEscape(text) && !HasFormPlus(text)) return false;
  for (size_t i = 0; i < text.size();) {
    const uint32_t at = static_cast<uint32_t>(i);
    int hi = 0, lo = 0;
    if (text[i] == '%' && i + 2 < text.size() && (hi = HexValue(text[i + 1])) >= 0 &&
        (lo = HexValue(text[i + 2])) >= 0) {
      out->Push(static_cast<char>(hi * 16 + lo), at, at + 3);
      i += 3;
    } else {
      // '+' is a space in form-encoded query strings.
      out->Push(text[i] == '+' ? ' ' : text[i], at, at + 1);
      ++i;
    }
  }
  return true;
}

bool JsonUnescapedView(std::string_view text, int max_rounds, View* out, View* scratch) {
  out->Clear();
  if (text.find('\\') == std::string_view::npos) return false;
  if (!UnescapeRound(text, out)) {
    out->Clear();
    return false;
  }
  for (int round = 1; round < max_rounds; ++round) {
    if (out->text.find('\\') == std::string::npos) break;
    if (!UnescapeRound(out->text, scratch)) break;
    scratch->ComposeOnto(*out);
    std::swap(*out, *scratch);
  }
  return true;
}

}  // namespace phiscrub::internal
