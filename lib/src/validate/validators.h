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

// Looks a validator up by its pack name (see ValidatorNames());
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

// ITIN: 9xx, then the IRS ranges for digits 4-5: 50-65, 70-88, 90-92, 94-99.
bool ValidItin(std::string_view value);
// NPI: 10 digits starting 1 or 2; Luhn over "80840" + the number.
bool ValidNpi(std::string_view value);
// DEA registration: 2 letters + 7 digits, (d1+d3+d5) + 2*(d2+d4+d6) ends in d7.
bool ValidDea(std::string_view value);
// Payment card: 13-19 digits, Luhn, and a known issuer prefix with a length
// that issuer uses (Visa, Mastercard, Amex, Discover, JCB, Diners).
bool ValidCard(std::string_view value);
// Dotted-quad IPv4, octets 0-255 without leading zeros.
bool ValidIpv4(std::string_view value);
// IPv6 as inet_pton accepts it, with at least one ':'-group besides "::".
bool ValidIpv6(std::string_view value);
// A calendar date in one of the numeric or month-name forms the DOB rules
// find; years 1900-2099 (two-digit years any), leap years checked.
bool ValidDate(std::string_view value);

// Whether `lower` is the acronym of an identifier's kind ("npi", "mrn",
// "ssn", "dob", "mbi", "zip", "tin", "ein", "dea", "ndc").
bool IdAcronym(std::string_view lower);
// Medicare Beneficiary Identifier (CMS): 11 characters, dashes optional after
// positions 4 and 7 ("1EG4-TE5-MK73"). Position 1 is 1-9; positions 2, 5, 8
// and 9 are letters; 3 and 6 letter or digit; 4, 7, 10 and 11 digits; letters
// exclude S, L, O, I, B and Z.
bool ValidMbi(std::string_view value);

// A name found after a cue ("Dana Reyes", "Reyes, Dana", "Mary-Jane O'Brien")
// is not made of words that open a sentence or name a role: "Okay", "Sure",
// "Medicare", "Dr", "Room"... (case-insensitive, any word of the span).
bool ValidPersonName(std::string_view value);
// A URL whose path or query carries an identifier: a run of 4+ digits, an
// e-mail ('@' or %40), or a query key that names a person or record (email,
// phone, ssn, dob, name, patient, mrn, member, account, ...).
bool UrlCarriesIds(std::string_view url);
bool ValidCalendarDate(int year, int month, int day);

// True when [start, end) is glued to another digit group, e.g. the SSN-shaped
// middle of "2024-123-45-6789" or a phone inside "1.415.555.0132.7".
bool GluedToDigits(std::string_view record, size_t start, size_t end);

// The year of a date ValidDate accepts (two-digit years: the latest century
// that is not in the future), or 0.
int DateYear(std::string_view value);
// The year of a compact date (YYYYMMDD, MMDDYYYY, MMDDYY) that is a real
// calendar date, or 0.
int CompactDateYear(std::string_view value);
// This year (UTC), read once.
int CurrentYear();
// True when record[end..] starts a time of day ("T10:31", " 10:31", " 9:05").
bool FollowedByTime(std::string_view record, size_t end);

}  // namespace phiscrub::internal
