// Companion identifiers: numbers and codes with no cue of their own that
// stand in a record next to a person's direct identifiers.
//
// Exports and reports print rows of one person's data without a key for
// each value ("collections export row: 7763826210,AHN DONG-HYUN,
// 3605550153", "self-pay estimate 490.24 for 68-114468 (ITIN ...)"). An
// identifier-shaped token in a record that already names a person (or gives
// an SSN, a date of birth, a phone number...) is most likely that person's
// account, chart or member number (HIPAA Safe Harbor (R): any other unique
// identifying number or code). The scanner asks for them only when such a
// span was found.
//
// Shapes: 6-12 digits; 1-3 letters then 6-11 digits; 2-4 digits, a dash,
// 5-8 digits; one or two letters and two groups of 3-5 digits ("H-0930-3908",
// no year among them); 2-2-4 digits that no date reads ("58-97-3414"). Never: numbers with a decimal point, a unit after them (ms,
// bytes, %), money ($, USD), dates, epoch timestamps, paths, versions, or a
// token after a word that names what it is (order, request, trace, port,
// build, invoice, ...).
//
// Lifetime: a free function over caller-owned buffers; cost linear in the
// record.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace phiscrub::internal {

// Appends to *out the [begin, end) of every companion-id token of `text`.
void FindCompanionIds(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

// ZIP codes in a person's delimited row ("export row: E0266522,Dimaculangan,
// Marivic,1989-07-27,M,27739-5680", a JSON array of one person's fields): a
// ZIP+4 (5 digits, a dash, 4 digits) anywhere in it, or five digits as a
// whole field of a row of four fields or more. Never after a word that names
// what the number is, never a field of a key=value pair.
void FindCompanionZips(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

// Dates with a two-digit year at least 12 years back ("01/10/79", "5-26-47")
// in a record about a person: a caller's date of birth said after their name
// ("Beatriz Villanueva. 01/10/79. Calling about my refill."). Never a date
// followed by a time, glued to other digits, or after "since", "from",
// "effective" and the like.
void FindCompanionDates(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

// Phone numbers with no cue in a record about a person: NANP numbers in
// three groups with single blanks ("(860 555 0160)", ["...", "601 555
// 0187"]) or eleven digits with the country code ("13075550187"): area code
// and exchange 2-9, never glued to other digits, never after a word that
// names another number.
void FindCompanionPhones(std::string_view text, std::vector<std::pair<uint32_t, uint32_t>>* out);

// Dates with a four-digit year before this year, in a record about a person
// (HIPAA Safe Harbor: every date of a person's record but the year): "export
// row: ...,Reyes,Dana,2015-12-12,...", "input": [e-mail, phone,
// "19910717"]. Never a log line's leading timestamp, a date followed by a
// time, a path or version part, or one after "since", "from", "effective",
// "on", "by"... (FindCompanionDates calls it.)
void FindCompanionFullDates(std::string_view text,
                            std::vector<std::pair<uint32_t, uint32_t>>* out);

// Dates and ids that stand right beside a person's name (`names`: the
// [begin, end) of the names found, sorted): a past date with a four-digit
// year right after the name ("duplicate patient suspected: D. Karimi 1 Dec
// 2018 vs ...", "YOON, JOON-HO 03/07/2018"), and in a path, the part joined
// to the name by '_' or the directory right before it
// ("/data/scans/19480328_Harrington.tif", "/exports/2017-0112806/Manalo-
// Maricel.csv"): dates to *dates, id-shaped parts to *ids, each sorted.
void FindBesideNames(std::string_view text, const std::vector<std::pair<uint32_t, uint32_t>>& names,
                     std::vector<std::pair<uint32_t, uint32_t>>* dates,
                     std::vector<std::pair<uint32_t, uint32_t>>* ids);

// A past full date right after byte `pos` of `t` (one blank between): its
// [begin, end), or {0, 0}. "Jericho 14-Dec-2014 need refill": a given name
// said with a date of birth (the names finder asks it about known given
// names that no cue names).
std::pair<uint32_t, uint32_t> PastDateAfter(std::string_view t, size_t pos);

}  // namespace phiscrub::internal
