#include "validate/validators.h"

#include <cstring>

namespace phiscrub::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Collects up to `cap` digits of `value` into out; returns how many digits
// there were in total (may exceed cap).
size_t Digits(std::string_view value, char* out, size_t cap) {
  size_t n = 0;
  for (char c : value) {
    if (IsDigit(c)) {
      if (n < cap) out[n] = c;
      ++n;
    }
  }
  return n;
}

int ToInt(const char* d, int len) {
  int v = 0;
  for (int i = 0; i < len; ++i) v = v * 10 + (d[i] - '0');
  return v;
}

bool SsnRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidSsn(r.substr(s, e - s));
}
bool NanpRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && ValidNanp(r.substr(s, e - s));
}
bool LuhnRecord(std::string_view r, size_t s, size_t e) {
  return !GluedToDigits(r, s, e) && LuhnValid(r.substr(s, e - s));
}
bool EmailRecord(std::string_view r, size_t s, size_t e) {
  return ValidEmail(r.substr(s, e - s));
}

struct Entry {
  const char* name;
  Validator fn;
};
constexpr Entry kValidators[] = {
    {"ssn", SsnRecord},
    {"nanp", NanpRecord},
    {"luhn", LuhnRecord},
    {"email", EmailRecord},
};

}  // namespace

Validator FindValidator(std::string_view name) {
  for (const auto& v : kValidators) {
    if (name == v.name) return v.fn;
  }
  return nullptr;
}

const char* ValidatorNames() { return "ssn, nanp, luhn, email"; }

bool SsnDigitsValid(int area, int group, int serial) {
  if (area == 0 || area == 666 || area >= 900) return false;
  if (group == 0) return false;
  if (serial == 0) return false;
  return true;
}

bool ValidSsn(std::string_view v) {
  char d[9];
  if (v.size() == 9) {
    for (char c : v) {
      if (!IsDigit(c)) return false;
    }
    std::memcpy(d, v.data(), 9);
  } else if (v.size() == 11) {
    const char sep = v[3];
    if (v[6] != sep || IsDigit(sep)) return false;
    if (sep != '-' && sep != ' ' && sep != '.') return false;
    for (size_t i : {0, 1, 2, 4, 5, 7, 8, 9, 10}) {
      if (!IsDigit(v[i])) return false;
    }
    std::memcpy(d, v.data(), 3);
    std::memcpy(d + 3, v.data() + 4, 2);
    std::memcpy(d + 5, v.data() + 7, 4);
  } else {
    return false;
  }
  return SsnDigitsValid(ToInt(d, 3), ToInt(d + 3, 2), ToInt(d + 5, 4));
}

bool ValidNanp(std::string_view v) {
  // The number ends where an extension marker (a letter) starts.
  size_t cut = v.size();
  for (size_t i = 0; i < v.size(); ++i) {
    if (IsAlpha(v[i])) {
      cut = i;
      break;
    }
  }
  char d[12];
  size_t n = Digits(v.substr(0, cut), d, sizeof d);
  const char* p = d;
  if (n == 11) {
    if (d[0] != '1') return false;
    ++p;
  } else if (n != 10) {
    return false;
  }
  auto n11 = [](const char* x) { return x[1] == '1' && x[2] == '1'; };
  if (p[0] < '2' || n11(p)) return false;      // NPA
  if (p[3] < '2' || n11(p + 3)) return false;  // NXX
  return true;
}

bool LuhnValid(std::string_view v) {
  int sum = 0;
  int count = 0;
  bool dbl = false;
  for (size_t i = v.size(); i-- > 0;) {
    char c = v[i];
    if (!IsDigit(c)) continue;
    int x = c - '0';
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
    ++count;
  }
  return count > 1 && sum % 10 == 0;
}

bool ValidEmail(std::string_view v) {
  size_t at = v.rfind('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view local = v.substr(0, at);
  std::string_view domain = v.substr(at + 1);
  if (local.size() > 64 || domain.empty() || domain.size() > 255) return false;
  if (v.size() > 254) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  if (v.find("..") != std::string_view::npos) return false;
  size_t label = 0;
  for (char c : domain) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (++label > 63) {
      return false;
    }
  }
  if (label == 0) return false;
  // The top-level label has letters only (IP-literal domains are not mail
  // addresses people dictate).
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos) return false;
  for (char c : domain.substr(dot + 1)) {
    if (!IsAlpha(c)) return false;
  }
  return true;
}

bool GluedToDigits(std::string_view r, size_t s, size_t e) {
  auto joiner = [](char c) { return c == '-' || c == '.' || c == '/'; };
  if (s > 0) {
    char p = r[s - 1];
    if (IsDigit(p)) return true;
    if ((joiner(p) || p == ':') && s > 1 && IsDigit(r[s - 2])) return true;
  }
  if (e < r.size()) {
    char n = r[e];
    if (IsDigit(n)) return true;
    if (joiner(n) && e + 1 < r.size() && IsDigit(r[e + 1])) return true;
  }
  return false;
}

}  // namespace phiscrub::internal
