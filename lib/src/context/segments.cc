#include "context/segments.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "names/names.h"

namespace phiscrub::internal {
namespace {

using C = FieldCue;
constexpr C kNone = FieldCue::kCount;

// HL7 data types whose components hold different things.
enum class Kind : uint8_t { kPlain, kName, kAddress, kCx, kXcn };

struct Hl7Field {
  int field;
  C cue;
  Kind kind;
};

struct Hl7Segment {
  const char* tag;
  std::array<Hl7Field, 16> fields;
};

constexpr Hl7Segment kHl7[] = {
    {"PID",
     {{{2, C::kMrn, Kind::kCx}, {3, C::kMrn, Kind::kCx}, {4, C::kMrn, Kind::kCx},
       {5, C::kName, Kind::kName}, {6, C::kName, Kind::kName}, {7, C::kDateOfBirth, Kind::kPlain},
       {9, C::kName, Kind::kName}, {11, C::kAddress, Kind::kAddress},
       {13, C::kPhone, Kind::kPlain}, {14, C::kPhone, Kind::kPlain},
       {18, C::kAccount, Kind::kCx}, {19, C::kSsn, Kind::kPlain}, {20, C::kMrn, Kind::kPlain}}}},
    {"NK1",
     {{{2, C::kName, Kind::kName}, {4, C::kAddress, Kind::kAddress}, {5, C::kPhone, Kind::kPlain},
       {6, C::kPhone, Kind::kPlain}}}},
    {"GT1",
     {{{2, C::kAccount, Kind::kCx}, {3, C::kName, Kind::kName}, {5, C::kAddress, Kind::kAddress},
       {6, C::kPhone, Kind::kPlain}, {7, C::kPhone, Kind::kPlain},
       {8, C::kDateOfBirth, Kind::kPlain}, {12, C::kSsn, Kind::kPlain}}}},
    {"IN1",
     {{{16, C::kName, Kind::kName}, {18, C::kDateOfBirth, Kind::kPlain},
       {19, C::kAddress, Kind::kAddress}, {36, C::kMemberId, Kind::kPlain},
       {49, C::kMemberId, Kind::kCx}}}},
    {"PV1",
     {{{7, C::kNpi, Kind::kXcn}, {8, C::kNpi, Kind::kXcn}, {9, C::kNpi, Kind::kXcn},
       {17, C::kNpi, Kind::kXcn}, {19, C::kAccount, Kind::kCx}}}},
    {"MRG", {{{1, C::kMrn, Kind::kCx}, {3, C::kAccount, Kind::kCx}, {7, C::kName, Kind::kName}}}},
};

bool SegmentStart(std::string_view text, size_t at) {
  if (at == 0) return true;
  char p = text[at - 1];
  return p == ' ' || p == '\r' || p == '\n' || p == '\t' || p == '|' || p == '"' || p == '=' ||
         p == ':' || p == '~' || p == '\'' || p == '>' || p == '[' || p == ',';
}

// The HL7 v2-0203 identifier type of a CX component ("MR", "SS"...).
C CxCue(std::string_view type, C fallback) {
  if (type == "SS") return C::kSsn;
  if (type == "MB" || type == "MA" || type == "MC" || type == "SN") return C::kMemberId;
  if (type == "NPI") return C::kNpi;
  if (type == "AN") return C::kAccount;
  if (type == "MR" || type == "PI" || type == "PT" || type == "PN") return C::kMrn;
  return fallback;
}

void Push(std::vector<FieldSpan>* out, size_t b, size_t e, C cue) {
  if (e > b && cue != kNone) {
    out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), cue});
  }
}

// Splits [b, e) at `sep`; calls f(index, begin, end) for each part (1-based).
template <typename F>
void Split(std::string_view text, size_t b, size_t e, char sep, F f) {
  int index = 1;
  size_t p = b;
  while (true) {
    size_t q = p;
    while (q < e && text[q] != sep) ++q;
    f(index++, p, q);
    if (q >= e) break;
    p = q + 1;
  }
}

void ParseHl7Field(std::string_view text, size_t b, size_t e, const Hl7Field& def,
                   std::vector<FieldSpan>* out) {
  Split(text, b, e, '~', [&](int, size_t rb, size_t re) {
    switch (def.kind) {
      case Kind::kPlain:
        Split(text, rb, re, '^', [&](int, size_t cb, size_t ce) { Push(out, cb, ce, def.cue); });
        break;
      case Kind::kName:
        // family ^ given ^ middle; suffix, prefix and degree are not names.
        Split(text, rb, re, '^', [&](int i, size_t cb, size_t ce) {
          if (i <= 3) Push(out, cb, ce, C::kName);
        });
        break;
      case Kind::kAddress:
        // street ^ other ^ city ^ state ^ zip ^ country
        Split(text, rb, re, '^', [&](int i, size_t cb, size_t ce) {
          C cue = i <= 2 ? C::kAddress : i == 3 ? C::kCity : i == 5 ? C::kZip : kNone;
          Push(out, cb, ce, cue);
        });
        break;
      case Kind::kCx: {
        // id ^ check digit ^ scheme ^ authority ^ type
        size_t id_b = rb, id_e = rb;
        std::string_view type;
        Split(text, rb, re, '^', [&](int i, size_t cb, size_t ce) {
          if (i == 1) id_b = cb, id_e = ce;
          if (i == 5) type = text.substr(cb, ce - cb);
        });
        Push(out, id_b, id_e, CxCue(type, def.cue));
        break;
      }
      case Kind::kXcn:
        // id ^ family ^ given ^ middle
        Split(text, rb, re, '^', [&](int i, size_t cb, size_t ce) {
          Push(out, cb, ce, i == 1 ? C::kNpi : i <= 4 ? C::kName : kNone);
        });
        break;
    }
  });
}

size_t Hl7SegmentEnd(std::string_view text, size_t from) {
  size_t e = from;
  while (e < text.size()) {
    char c = text[e];
    if (c == '\r' || c == '\n' || c == '"') break;
    // The next segment: " XXX|".
    if (c == ' ' && e + 4 < text.size() && text[e + 4] == '|' && text[e + 1] >= 'A' &&
        text[e + 1] <= 'Z') {
      break;
    }
    ++e;
  }
  return e;
}

// Whether [b, e) is letters (any script), with inner blanks, hyphens and
// apostrophes.
bool NameComponent(std::string_view text, size_t b, size_t e) {
  if (e - b < 2 || e - b > 40) return false;
  for (size_t k = b; k < e; ++k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
    if (!letter && !((c == ' ' || c == '-' || c == '\'') && k > b)) return false;
  }
  return true;
}

// Feeds that move IN1's insured's fields (the name, the relationship, the
// date of birth and the address, 16-19) keep them together: a field of
// the shape FAMILY^GIVEN among 10-25 in which one part is a known name
// is the insured's name, the field two after it a date of birth
// (yyyymmdd), the field three after it an address of the shape
// street^other^city^state^zip.
void FindMovedInsured(std::string_view text, size_t b, size_t e, std::vector<FieldSpan>* out) {
  std::vector<std::pair<size_t, size_t>> fields;
  Split(text, b, e, '|', [&](int, size_t fb, size_t fe) { fields.emplace_back(fb, fe); });
  const NameGazetteer& gaz = NameGazetteer::Builtin();
  std::string folded;
  auto known = [&](size_t cb, size_t ce) {
    bool first_upper = false, all_upper = false;
    FoldWord(text.substr(cb, ce - cb), &folded, &first_upper, &all_upper);
    uint8_t f = gaz.Flags(folded);
    return (f & (kGivenName | kSurname)) != 0 && (f & (kCommonWord | kNotName)) == 0;
  };
  for (size_t i = 10; i <= 25 && i <= fields.size(); ++i) {
    if (i == 16) continue;  // where it belongs: mapped already
    auto [fb, fe] = fields[i - 1];
    std::vector<std::pair<size_t, size_t>> comps;
    Split(text, fb, fe, '^', [&](int, size_t cb, size_t ce) { comps.emplace_back(cb, ce); });
    if (comps.size() < 2 || comps.size() > 6) continue;
    if (!NameComponent(text, comps[0].first, comps[0].second) ||
        !NameComponent(text, comps[1].first, comps[1].second)) {
      continue;
    }
    if (!known(comps[0].first, comps[0].second) && !known(comps[1].first, comps[1].second)) {
      continue;
    }
    // What the standard positions (16, 18, 19) read there is something else
    // (what they hold is read below, by its place after the name).
    for (size_t std_field : {16u, 18u, 19u}) {
      if (std_field > fields.size()) continue;
      auto [sb, se] = fields[std_field - 1];
      out->erase(std::remove_if(out->begin(), out->end(),
                                [&](const FieldSpan& f) { return f.begin >= sb && f.end <= se; }),
                 out->end());
    }
    for (size_t c = 0; c < comps.size() && c < 3; ++c) {
      Push(out, comps[c].first, comps[c].second, C::kName);
    }
    if (i + 2 <= fields.size()) {
      auto [db, de] = fields[i + 1];
      bool date = de - db == 8;
      for (size_t k = db; date && k < de; ++k) date = text[k] >= '0' && text[k] <= '9';
      if (date && (text[db] == '1' || text[db] == '2')) Push(out, db, de, C::kDateOfBirth);
    }
    if (i + 3 <= fields.size()) {
      auto [ab, ae] = fields[i + 2];
      std::vector<std::pair<size_t, size_t>> parts;
      Split(text, ab, ae, '^', [&](int, size_t cb, size_t ce) { parts.emplace_back(cb, ce); });
      if (parts.size() >= 5 && parts[3].second - parts[3].first == 2 &&
          parts[4].second - parts[4].first >= 5) {
        Push(out, parts[0].first, parts[0].second, C::kAddress);
        Push(out, parts[1].first, parts[1].second, C::kAddress);
        Push(out, parts[2].first, parts[2].second, C::kCity);
        Push(out, parts[4].first, parts[4].second, C::kZip);
      }
    }
    break;
  }
}

void FindHl7(std::string_view text, std::vector<FieldSpan>* out) {
  for (const Hl7Segment& seg : kHl7) {
    std::string tag = std::string(seg.tag) + "|";
    for (size_t at = text.find(tag); at != std::string_view::npos; at = text.find(tag, at + 1)) {
      if (!SegmentStart(text, at)) continue;
      size_t b = at + 4;
      size_t e = Hl7SegmentEnd(text, b);
      // Fields: b .. e split at '|'; field 1 starts at b.
      const bool in1 = std::strcmp(seg.tag, "IN1") == 0;
      Split(text, b, e, '|', [&](int i, size_t fb, size_t fe) {
        bool mapped = false;
        for (const auto& def : seg.fields) {
          if (def.field == i && fe > fb) {
            ParseHl7Field(text, fb, fe, def, out);
            mapped = true;
          }
        }
        // Feeds move IN1's policy and insured's id numbers (36, 49) among
        // the fields after the insured's (30-50 hold codes, counts, amounts
        // and dates otherwise): an id of letters and digits there is one.
        if (in1 && !mapped && i >= 30 && i <= 50 && fe - fb >= 6 && fe - fb <= 20) {
          int letters = 0, digits = 0;
          for (size_t k = fb; k < fe; ++k) {
            char c = text[k];
            if (c >= '0' && c <= '9') ++digits;
            else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
            else return;
          }
          if (letters >= 1 && digits >= 4) Push(out, fb, fe, C::kMemberId);
        }
      });
      if (in1) FindMovedInsured(text, b, e, out);
    }
  }
}

// X12: NM1, DMG, N3, N4, REF, PER elements by position.
void FindX12(std::string_view text, std::vector<FieldSpan>* out) {
  static const char* kTags[] = {"NM1*", "DMG*", "N3*", "N4*", "REF*", "PER*", "CLM*"};
  for (const char* t : kTags) {
    std::string_view tag(t);
    for (size_t at = text.find(tag); at != std::string_view::npos; at = text.find(tag, at + 1)) {
      if (!SegmentStart(text, at)) continue;
      size_t b = at + tag.size();
      size_t e = b;
      while (e < text.size() && text[e] != '~' && text[e] != '\n' && text[e] != '\r' &&
             text[e] != '"') {
        ++e;
      }
      std::vector<std::pair<size_t, size_t>> el;
      Split(text, b, e, '*', [&](int, size_t eb, size_t ee) { el.emplace_back(eb, ee); });
      auto elem = [&](size_t i) -> std::string_view {
        return i >= 1 && i <= el.size() ? text.substr(el[i - 1].first, el[i - 1].second - el[i - 1].first)
                                        : std::string_view();
      };
      auto push = [&](size_t i, C cue) {
        if (i >= 1 && i <= el.size()) Push(out, el[i - 1].first, el[i - 1].second, cue);
      };
      if (tag == "NM1*") {
        if (elem(2) == "1") {  // a person: last, first, middle
          push(3, C::kName);
          push(4, C::kName);
          push(5, C::kName);
        }
        std::string_view q = elem(8);
        C cue = q == "MI" || q == "II" ? C::kMemberId
                : q == "XX"            ? C::kNpi
                : q == "34"            ? C::kSsn
                : q == "24" || q == "EI" ? C::kTaxId
                                         : kNone;
        push(9, cue);
      } else if (tag == "DMG*") {
        if (elem(1) == "D8") push(2, C::kDateOfBirth);
      } else if (tag == "N3*") {
        push(1, C::kAddress);
        push(2, C::kAddress);
      } else if (tag == "N4*") {
        push(1, C::kCity);
        push(3, C::kZip);
      } else if (tag == "REF*") {
        std::string_view q = elem(1);
        C cue = q == "SY"                                         ? C::kSsn
                : q == "1W" || q == "IG" || q == "6P" || q == "18" ? C::kMemberId
                : q == "EI" || q == "TJ"                          ? C::kTaxId
                : q == "EA"                                       ? C::kMrn
                : q == "D9" || q == "F8"                          ? C::kAccount
                                                                  : kNone;
        push(2, cue);
      } else if (tag == "CLM*") {
        push(1, C::kAccount);  // the patient control (account) number
      } else if (tag == "PER*") {
        push(2, C::kName);
        for (size_t i = 3; i + 1 <= el.size(); i += 2) {
          if (elem(i) == "TE" || elem(i) == "FX" || elem(i) == "CP") push(i + 1, C::kPhone);
        }
      }
    }
  }
}

}  // namespace

std::string_view FieldCuePhrase(FieldCue cue) {
  switch (cue) {
    case C::kMrn: return "mrn";
    case C::kSsn: return "ssn";
    case C::kDateOfBirth: return "date of birth";
    case C::kName: return "name";
    case C::kAddress: return "address";
    case C::kPhone: return "phone";
    case C::kMemberId: return "member id";
    case C::kNpi: return "npi";
    case C::kAccount: return "account number";
    case C::kZip: return "zip";
    case C::kCity: return "city";
    case C::kTaxId: return "tax id";
    case C::kCount: break;
  }
  return {};
}

bool FieldLooksLike(FieldCue cue, std::string_view v) {
  int digits = 0, letters = 0, other = 0;
  for (char c : v) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               static_cast<unsigned char>(c) >= 0x80) {
      ++letters;
    } else if (c != ' ' && c != '-' && c != '.' && c != '\'' && c != '(' && c != ')' &&
               c != '/' && c != '#' && c != ',') {
      ++other;
    }
  }
  if (other > 0 || v.empty()) return false;
  switch (cue) {
    case C::kName:
    case C::kCity:
      return letters >= 2 && digits == 0 && v != "\"\"";
    case C::kAddress:
      return letters >= 2;
    case C::kDateOfBirth:
      return digits >= 6 && letters <= 3;
    case C::kPhone:
      return digits >= 7 && letters <= 3;
    case C::kSsn:
      return digits >= 9 && letters == 0;
    case C::kZip:
      return digits == 5 || digits == 9;
    case C::kMemberId:
      // (The qualifier says what it is: plans issue ids of letters with one
      // digit or none, "Y8ETGAT3HAA".)
      return digits + letters >= 6 || (digits >= 3 && digits + letters >= 4);
    case C::kMrn:
    case C::kAccount:
    case C::kNpi:
    case C::kTaxId:
      return digits >= 3 && digits + letters >= 4;
    case C::kCount:
      break;
  }
  return false;
}

void FindSegmentFields(std::string_view text, std::vector<FieldSpan>* out) {
  if (text.find('|') != std::string_view::npos) FindHl7(text, out);
  if (text.find('*') != std::string_view::npos) FindX12(text, out);
}

}  // namespace phiscrub::internal
