// TextCell: a value shaped for one column of a plain-text table on a terminal.
#ifndef DYAD_CLI_TEXT_CELL_H_
#define DYAD_CLI_TEXT_CELL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dyad {

// `s` on one line (newlines and tabs become spaces) in at most `width` characters
// (code points, so non-ASCII names line up), cut with "..." when longer; padded with
// spaces to exactly `width` when `pad`.
std::string TextCell(std::string_view s, size_t width, bool pad = true);

}  // namespace dyad

#endif  // DYAD_CLI_TEXT_CELL_H_
