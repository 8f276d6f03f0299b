// Plain-text articles: one article per file, with whatever header, dateline and byline
// conventions its source uses. Recognised (and removed from Article::text):
//  - a header block at the top: "Title:", "Date:", "Source:"/"Outlet:", "URL:",
//    "Author:" ... lines ended by a blank line (unknown keys go to metadata);
//  - a date header line: " date 2024-12-30 (MENAFN- AzerNews) ..." (date, distributor,
//    outlet; the body may continue on the same line), or a line holding only a date;
//  - a "By Jane Doe" line;
//  - a dateline opening the body: "Baku, SANA- ", "WASHINGTON (Reuters) - ",
//    "DAMASCUS, Dec. 30 (Xinhua) -- " (see dateline.h);
//  - a last line of author names ("Latifa Moammar/Ruaa al-Jazaeri"), a wire credit
//    "(Reporting by ...)" and wire end marks ("Reuter", "Enditem").
// Everything else of the body keeps its bytes.
#ifndef DYAD_INGEST_PLAIN_TEXT_ARTICLE_H_
#define DYAD_INGEST_PLAIN_TEXT_ARTICLE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/article.h"

namespace dyad {

// Never fails: invalid UTF-8 is replaced by U+FFFD (the caller warns, knowing the
// file), and content without any body gives an Article with empty text, which callers
// skip. Article::id is HexId(Hash64(title + "\n" + text)) unless a header gives one.
Article ParsePlainTextArticle(std::string_view content, std::string_view origin);

// A date header line (" date 2024-12-30 (MENAFN- AzerNews) ..."; "Published: Dec 30,
// 2024"; a line that is only a date). `length` is how many bytes of the line it spans.
struct DateHeader {
  std::string published;  // ISO date
  std::string outlet;
  std::string distributor;
  size_t length = 0;
};
std::optional<DateHeader> ParseDateHeader(std::string_view line);

}  // namespace dyad

#endif  // DYAD_INGEST_PLAIN_TEXT_ARTICLE_H_
