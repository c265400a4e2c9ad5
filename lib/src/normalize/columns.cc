#include "normalize/columns.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "format/json_internal.h"

namespace phiscrub::internal {
namespace {

struct Field {
  uint32_t begin = 0;  // the value's bytes, quotes taken off
  uint32_t end = 0;
  bool quoted = false;
};

constexpr size_t kMaxColumns = 64;
constexpr size_t kMaxName = 40;

bool Letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Splits s[lo, hi) at top-level `delim` (outside quotes and brackets);
// each field trimmed and unquoted. False when a quote is left open or there
// are too many fields.
bool Split(std::string_view s, size_t lo, size_t hi, char delim, std::vector<Field>* out) {
  out->clear();
  size_t start = lo;
  char quote = 0;
  int depth = 0;
  for (size_t i = lo; i <= hi; ++i) {
    char c = i < hi ? s[i] : delim;
    if (quote) {
      if (c == quote) {
        if (i + 1 < hi && s[i + 1] == quote) {
          ++i;  // '' or "" inside a quoted value
        } else {
          quote = 0;
        }
      } else if (c == '\\' && i + 1 < hi) {
        ++i;
      }
      if (i == hi) return false;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (c != delim || depth > 0) continue;
    size_t b = start, e = i;
    while (b < e && Blank(s[b])) ++b;
    while (e > b && Blank(s[e - 1])) --e;
    Field f;
    if (e - b >= 2 && (s[b] == '\'' || s[b] == '"' || s[b] == '`') && s[e - 1] == s[b]) {
      ++b;
      --e;
      f.quoted = true;
    } else if (e - b >= 2 && s[b] == '[' && s[e - 1] == ']') {
      ++b;
      --e;
    }
    f.begin = static_cast<uint32_t>(b);
    f.end = static_cast<uint32_t>(e);
    out->push_back(f);
    if (out->size() > kMaxColumns) return false;
    start = i + 1;
  }
  return quote == 0;
}

// A column name: 1-40 characters, a letter first, then letters, digits and
// _ . # - / or one space (at most 2 words: "first name", never a phrase).
bool ColumnName(std::string_view s, const Field& f) {
  size_t n = f.end - f.begin;
  if (n == 0 || n > kMaxName || !Letter(s[f.begin])) return false;
  int spaces = 0;
  for (size_t i = f.begin; i < f.end; ++i) {
    char c = s[i];
    if (c == ' ') {
      if (++spaces > 1) return false;
    } else if (!(Letter(c) || Digit(c) || c == '_' || c == '.' || c == '#' || c == '-' ||
                 c == '/')) {
      return false;
    }
  }
  return true;
}

// An SQL placeholder: ?, %s, %(name)s, $1, :name, @name.
bool Placeholder(std::string_view s, const Field& f) {
  std::string_view v = s.substr(f.begin, f.end - f.begin);
  if (f.quoted || v.empty()) return false;
  if (v == "?" || v == "%s") return true;
  if (v.size() >= 4 && v.substr(0, 2) == "%(" && v.substr(v.size() - 2) == ")s") return true;
  if (v.size() >= 2 && (v[0] == '$' || v[0] == ':' || v[0] == '@')) {
    for (size_t i = 1; i < v.size(); ++i) {
      if (!(Letter(v[i]) || Digit(v[i]) || v[i] == '_')) return false;
    }
    return true;
  }
  return false;
}

// The index just past the parenthesis that closes s[open] == '(' (quotes
// respected), or npos.
size_t Close(std::string_view s, size_t open) {
  char quote = 0;
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

// Position of the word VALUES (any case) in `s`, or npos.
size_t FindValues(std::string_view s) {
  // Most lines have no 'v' at all: memchr rejects them fast.
  if (s.size() < 6 || (std::memchr(s.data(), 'v', s.size()) == nullptr &&
                       std::memchr(s.data(), 'V', s.size()) == nullptr)) {
    return std::string_view::npos;
  }
  for (size_t i = 0; i + 6 <= s.size(); ++i) {
    if (Lower(s[i]) != 'v') continue;
    bool word = (i == 0 || !Letter(s[i - 1])) && (i + 6 == s.size() || !Letter(s[i + 6]));
    if (!word) continue;
    bool eq = true;
    static const char kWord[] = "values";
    for (size_t k = 0; k < 6 && eq; ++k) eq = Lower(s[i + k]) == kWord[k];
    if (eq) return i;
  }
  return std::string_view::npos;
}

// "(cols) VALUES (vals)": the column fields and the value fields.
bool InsertLists(std::string_view s, std::vector<Field>* cols, std::vector<Field>* vals) {
  size_t v = FindValues(s);
  if (v == std::string_view::npos) return false;
  size_t close = v;
  while (close > 0 && Blank(s[close - 1])) --close;
  if (close == 0 || s[close - 1] != ')') return false;
  --close;  // at ')'
  size_t open = s.rfind('(', close);
  if (open == std::string_view::npos) return false;
  size_t vo = v + 6;
  while (vo < s.size() && Blank(s[vo])) ++vo;
  if (vo >= s.size() || s[vo] != '(') return false;
  size_t vc = Close(s, vo);
  if (vc == std::string_view::npos) return false;
  if (!Split(s, open + 1, close, ',', cols) || !Split(s, vo + 1, vc - 1, ',', vals)) return false;
  if (cols->size() < 2 || cols->size() != vals->size()) return false;
  for (const Field& f : *cols) {
    if (!ColumnName(s, f)) return false;
  }
  return true;
}

// "SET a = ?, b = ? WHERE c = ?": the columns of the placeholders, in order.
bool AssignedColumns(std::string_view s, std::vector<Field>* cols) {
  cols->clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') continue;
    size_t p = i + 1;
    while (p < s.size() && Blank(s[p])) ++p;
    size_t q = p;
    if (s.substr(p, 2) == "%(") {
      size_t close = s.find(")s", p);
      q = close == std::string_view::npos ? p : close + 2;
    } else {
      while (q < s.size() && !Blank(s[q]) && s[q] != ',' && s[q] != ')') ++q;
    }
    Field ph{static_cast<uint32_t>(p), static_cast<uint32_t>(q), false};
    if (!Placeholder(s, ph)) continue;
    size_t e = i;
    while (e > 0 && Blank(s[e - 1])) --e;
    size_t b = e;
    while (b > 0 && (Letter(s[b - 1]) || Digit(s[b - 1]) || s[b - 1] == '_' || s[b - 1] == '.')) {
      --b;
    }
    if (b > 0 && (s[b - 1] == '"' || s[b - 1] == '`')) --b;  // quoted name
    Field col{static_cast<uint32_t>(b), static_cast<uint32_t>(e), false};
    while (col.begin < col.end && !Letter(s[col.begin])) ++col.begin;
    if (col.end > col.begin && (s[col.end - 1] == '"' || s[col.end - 1] == '`')) --col.end;
    if (!ColumnName(s, col)) return false;
    cols->push_back(col);
    if (cols->size() > kMaxColumns) return false;
  }
  return cols->size() >= 2;
}

// The columns a header line names, and how its rows are split ('\0': a
// statement whose parameters come as a tuple).
bool HeaderColumns(std::string_view line, std::vector<Field>* cols, char* delim) {
  std::vector<Field> vals;
  if (InsertLists(line, cols, &vals)) {
    for (const Field& f : vals) {
      if (!Placeholder(line, f)) return false;
    }
    *delim = '\0';
    return true;
  }
  if (AssignedColumns(line, cols)) {
    *delim = '\0';
    return true;
  }
  // A delimited header: the delimiter that occurs most (at least twice).
  size_t best = 0;
  char d = 0;
  size_t counts[4] = {};  // , | \t ;
  for (char x : line) {
    counts[0] += x == ',';
    counts[1] += x == '|';
    counts[2] += x == '\t';
    counts[3] += x == ';';
  }
  const char kDelims[4] = {',', '|', '\t', ';'};
  for (int k = 0; k < 4; ++k) {
    if (counts[k] > best) {
      best = counts[k];
      d = kDelims[k];
    }
  }
  if (best < 2 || line.size() > 2048) return false;
  size_t hi = line.size();
  while (hi > 0 && (Blank(line[hi - 1]) || line[hi - 1] == '\n')) --hi;
  if (!Split(line, 0, hi, d, cols) || cols->size() < 3) return false;
  size_t with_digits = 0;
  for (const Field& f : *cols) {
    if (!ColumnName(line, f)) return false;
    for (size_t i = f.begin; i < f.end; ++i) {
      if (Digit(line[i])) {
        ++with_digits;
        break;
      }
    }
  }
  if (with_digits * 2 > cols->size()) return false;
  *delim = d;
  return true;
}

// The parameter list of an ORM log line: a parenthesised tuple or a bracketed
// list with `n` top-level values (the last such one in the line).
bool ParameterList(std::string_view s, size_t n, std::vector<Field>* vals) {
  for (size_t close = s.size(); close-- > 0;) {
    char c = s[close];
    if (c != ')' && c != ']') continue;
    char open_c = c == ')' ? '(' : '[';
    // The matching opener, scanning back (quotes are rare enough in the
    // tuple's own text to be checked by Split afterwards).
    int depth = 0;
    size_t open = std::string_view::npos;
    for (size_t i = close + 1; i-- > 0;) {
      if (s[i] == c) ++depth;
      if (s[i] == open_c && --depth == 0) {
        open = i;
        break;
      }
    }
    if (open == std::string_view::npos) continue;
    if (Split(s, open + 1, close, ',', vals) && vals->size() == n) return true;
    close = open;  // try an earlier list
    if (close == 0) break;
  }
  return false;
}

void AppendPair(std::string_view names, const Field& col, std::string_view text,
                const Field& val, View* out) {
  if (val.end <= val.begin) return;
  std::string label;
  HumaniseKey(names.substr(col.begin, col.end - col.begin), &label);
  if (label.empty()) return;
  label += ": ";
  out->Append(label, val.begin, val.begin);
  for (uint32_t i = val.begin; i < val.end; ++i) out->Push(text[i], i, i + 1);
  out->Push('\n', val.end, val.end);
}

}  // namespace

HeaderKind ColumnHeaderKind(std::string_view line) {
  std::vector<Field> cols;
  char delim;
  if (line.size() > 4096 || !HeaderColumns(line, &cols, &delim)) return HeaderKind::kNone;
  return delim == '\0' ? HeaderKind::kStatement : HeaderKind::kDelimited;
}

bool HasInlineColumns(std::string_view text) {
  size_t v = FindValues(text);
  return v != std::string_view::npos && text.find('(') < v;
}

bool ColumnsView(std::string_view header, std::string_view text, View* out) {
  out->Clear();
  std::vector<Field> cols, vals;
  if (HasInlineColumns(text) && InsertLists(text, &cols, &vals)) {
    for (size_t i = 0; i < cols.size(); ++i) AppendPair(text, cols[i], text, vals[i], out);
    return out->size() > 0;
  }
  char delim = 0;
  if (header.empty() || header.size() > 4096 || !HeaderColumns(header, &cols, &delim)) {
    return false;
  }
  if (delim == '\0') {
    if (!ParameterList(text, cols.size(), &vals)) return false;
  } else {
    size_t hi = text.size();
    while (hi > 0 && (Blank(text[hi - 1]) || text[hi - 1] == '\n')) --hi;
    if (!Split(text, 0, hi, delim, &vals) || vals.size() != cols.size()) return false;
  }
  for (size_t i = 0; i < cols.size(); ++i) AppendPair(header, cols[i], text, vals[i], out);
  return out->size() > 0;
}

}  // namespace phiscrub::internal
