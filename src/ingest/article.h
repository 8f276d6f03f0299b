// Article: one news article as read from its source, before any analysis.
#ifndef DYAD_INGEST_ARTICLE_H_
#define DYAD_INGEST_ARTICLE_H_

#include <string>

namespace dyad {

// For an article that carries no publication date: the date its text implies
// (time/publication_estimate.h). Kept apart from Article::published and from event dates.
struct PublicationEstimate {
  // "2025", "2024-12", "2024-12-30"; "" when the text implies nothing.
  std::string date;
  std::string precision;  // "year", "month", "day"
  // How: "elapsed" (a span of years counted from a year: "dates back 33 years to 1992"
  // gives 2025) or "latest_date" (the latest past date the text names: the article is
  // from then or later, a lower bound only).
  std::string basis;
  std::string evidence;  // the words of the text it rests on
  // The latest past date the text names and its words, also when the estimate is
  // "elapsed" ("" when none).
  std::string not_before;
  std::string not_before_evidence;
  bool empty() const { return date.empty(); }
  // The estimate says when the article is from, not only when it is not from before.
  bool dates_article() const { return basis == "elapsed"; }
};

struct Article {
  // Stable id: the one the input gives, else HexId(Hash64(title + "\n" + text)) of the
  // body after header and byline removal, so re-reading the same article gives the same id.
  std::string id;
  std::string outlet;       // "SANA", "AzerNews"
  std::string distributor;  // "MENAFN" when the outlet's text came through a distributor
  std::string url;
  std::string published;    // ISO date "2024-12-30" (or date-time) when known, else ""
  // When `published` is "": the publication date the text implies (the pipeline fills it).
  PublicationEstimate published_estimate;
  std::string dateline;     // place of the dateline ("Baku"), else ""
  std::string byline;       // author line, else ""
  std::string title;
  std::string language = "en";
  // The text to code: header lines, dateline prefix and byline removed; otherwise the
  // bytes as read (valid UTF-8; offsets of sentences and tokens point into it).
  std::string text;
  // Input fields dyad has no column for, as a JSON object ("{}" when none).
  std::string metadata_json = "{}";
  // Where it came from, for messages: "path", "path:line" (JSON Lines), "<stdin>:line".
  std::string origin;
};

}  // namespace dyad

#endif  // DYAD_INGEST_ARTICLE_H_
