// Field positions as context: HL7 v2 segments (PID, NK1, GT1, IN1, PV1, MRG)
// and X12 837/834/270 segments (NM1, DMG, N3, N4, REF) name what each field
// holds, so a value there needs no cue word of its own: "PID|1||HSP6597304^^^
// NSFM^MR||HARGROVE^GWENDOLYN||19660218|F|||..." carries an MRN, a name and a
// birth date by position alone.
//
// Stateless and cheap: a record without a segment tag ("PID|", "NM1*") costs
// one memchr-like search per tag.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace phiscrub::internal {

// What a field holds, as a cue phrase of the built-in packs.
enum class FieldCue : uint8_t {
  kMrn,           // "mrn"
  kSsn,           // "ssn"
  kDateOfBirth,   // "date of birth"
  kName,          // "name"
  kAddress,       // "address"
  kPhone,         // "phone"
  kMemberId,      // "member id"
  kNpi,           // "npi"
  kAccount,       // "account number"
  kZip,           // "zip"
  kCity,          // "city"
  kTaxId,         // "tax id"
  kCount
};

// The cue phrase of a FieldCue (a context word of some built-in rule).
std::string_view FieldCuePhrase(FieldCue cue);

struct FieldSpan {
  uint32_t begin = 0;  // a field, or a component / repetition of one
  uint32_t end = 0;
  FieldCue cue = FieldCue::kMrn;
};

// Whether a field's text has the shape of its cue (a name is letters, a
// date digits, an id has digits...); an empty or placeholder field is not.
bool FieldLooksLike(FieldCue cue, std::string_view value);

// Appends the fields of every HL7 v2 and X12 segment in `text` whose content
// is PHI by position, each component (HL7 '^', X12 ':') and repetition ('~'
// in HL7) as its own span.
void FindSegmentFields(std::string_view text, std::vector<FieldSpan>* out);

}  // namespace phiscrub::internal
