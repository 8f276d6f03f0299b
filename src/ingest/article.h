// Article: one news article as read from its source, before any analysis.
#ifndef DYAD_INGEST_ARTICLE_H_
#define DYAD_INGEST_ARTICLE_H_

#include <string>

namespace dyad {

struct Article {
  // Stable id: the one the input gives, else HexId(Hash64(title + "\n" + text)) of the
  // body after header and byline removal, so re-reading the same article gives the same id.
  std::string id;
  std::string outlet;       // "SANA", "AzerNews"
  std::string distributor;  // "MENAFN" when the outlet's text came through a distributor
  std::string url;
  std::string published;    // ISO date "2024-12-30" (or date-time) when known, else ""
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
