// Columns view: values that a column list names by position.
//
// Logs print rows without a cue next to each value: an SQL statement with
// its column list (`INSERT INTO patient (name, ssn, dob) VALUES ('...',
// '...', '...')`), the parameters an ORM logs on the line after the statement
// (`[generated in 0.0017s] ('...', '...')` under `INSERT ... VALUES (?, ?)`),
// and delimited rows under a header line (`mrn,last,first,dob` then
// `00123456,REYES,DANA,1980-01-02`). The view pairs each value with its
// column as a labelled line ("ssn: 219099999\n"), so the detectors see the
// column's name as the value's cue; spans map back to the value's own bytes.
//
// Lifetime: free functions over caller-owned buffers; cost linear in the
// line; a line with no column list costs one scan for a parenthesis or a
// delimiter.
#pragma once

#include <string_view>

#include "normalize/view.h"

namespace phiscrub::internal {

// The line names columns for the lines after it: a delimited header (3+
// fields split by one of , | ; tab, each a short name that starts with a
// letter) or an SQL statement whose values are placeholders (`VALUES (?, ?)`,
// `%(name)s`, `$1`, `:name`).
enum class HeaderKind {
  kNone,
  kDelimited,  // names the fields of every row after it (until a blank line)
  kStatement,  // names the parameters logged on the line right after it
};
HeaderKind ColumnHeaderKind(std::string_view line);

// The columns view of `text`, its values named by the column list in `text`
// itself (INSERT ... (cols) VALUES (vals)) or by `header` (the line before:
// ColumnHeaderKind). False, leaving *out cleared, when nothing lines up (the
// number of values must equal the number of columns).
bool ColumnsView(std::string_view header, std::string_view text, View* out);

// Cheap test: `text` may hold its own column list (an SQL VALUES clause).
bool HasInlineColumns(std::string_view text);

}  // namespace phiscrub::internal
