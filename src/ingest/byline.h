// Author lines of news articles: "By Jane Doe" above the text, a bare line of names
// below it ("Latifa Moammar/Ruaa al-Jazaeri"), or a wire credit
// "(Reporting by Jane Doe; Editing by John Roe)"; and wire end marks ("Reuter",
// "Enditem") that carry nothing to code.
#ifndef DYAD_INGEST_BYLINE_H_
#define DYAD_INGEST_BYLINE_H_

#include <optional>
#include <string_view>

namespace dyad {

// "By Jane Doe" / "BY JANE DOE, Staff Writer" -> the author part ("Jane Doe"); the
// line must be short and made of names.
std::optional<std::string_view> ParseLeadingByline(std::string_view line);

// A last line that names the authors: two or more capitalised name words separated by
// spaces, "/", ",", "&" or "and", no digits and no sentence punctuation; or a wire
// credit "(Reporting by ...)". Returns the byline text (credit without parentheses).
std::optional<std::string_view> ParseTrailingByline(std::string_view line);

// "Reuter", "REUTER", "Enditem", "(END)", "-30-", "###" and the like.
bool IsWireEndMark(std::string_view line);

// True when `s` reads as a list of personal names (see ParseTrailingByline);
// min_capitalised is how many capitalised name words it must have.
bool LooksLikeNames(std::string_view s, int min_capitalised);

}  // namespace dyad

#endif  // DYAD_INGEST_BYLINE_H_
