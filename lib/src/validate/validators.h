// Validators: pure, table-driven checks run on a confirmed candidate.
//
// Each takes the whole record and the candidate's [start, end) so it can look
// at neighbouring bytes (digit boundaries) as well as the value. They allocate
// nothing and are safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace phiscrub::internal {

using Validator = bool (*)(std::string_view record, size_t start, size_t end);

// Looks a validator up by its pack name ("ssn", "nanp", "luhn", "email");
// nullptr when unknown.
Validator FindValidator(std::string_view name);
// Comma-separated list of known names, for diagnostics.
const char* ValidatorNames();

// Value-level checks, exposed for table tests.
// SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
bool SsnDigitsValid(int area, int group, int serial);
// 3-2-4 digits with one repeated separator (or none) and SSA-valid numbers.
bool ValidSsn(std::string_view value);
// NANP: optional leading 1, NPA and NXX start 2-9 and are not N11; an
// extension (x, ext, extension) after the number is ignored.
bool ValidNanp(std::string_view value);
// Luhn over the digits of `value` (separators ignored).
bool LuhnValid(std::string_view value);
// RFC 5321 lengths: local part <= 64, domain <= 255, labels 1-63, no "..".
bool ValidEmail(std::string_view value);

// True when [start, end) is glued to another digit group, e.g. the SSN-shaped
// middle of "2024-123-45-6789" or a phone inside "1.415.555.0132.7".
bool GluedToDigits(std::string_view record, size_t start, size_t end);

}  // namespace phiscrub::internal
