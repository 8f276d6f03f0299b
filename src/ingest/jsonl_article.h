// JSON Lines articles: one JSON object per line.
//   id        string or number; else HexId(Hash64(title + "\n" + text))
//   url, outlet (also "source": a string, or an object with "name"), distributor
//   published (also "date", "publish_date", "published_at"): normalised to an ISO date
//             when recognisable (date_normalizer.h), else kept raw in metadata
//   title (also "headline"), text (also "body", "content"; required, non-empty)
//   dateline, byline (also "author", "authors": string or list), language ("lang")
// Every other field goes to Article::metadata_json unchanged. When the record has no
// "dateline", a dateline opening the text ("WASHINGTON (Reuters) - ") is read and
// removed, as are wire end marks closing it ("Reuter").
#ifndef DYAD_INGEST_JSONL_ARTICLE_H_
#define DYAD_INGEST_JSONL_ARTICLE_H_

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/article.h"
#include "util/diagnostics.h"

namespace dyad {

// Parses one line. Malformed JSON, a value that is not an object, and a missing or
// empty text are errors (nullopt); invalid UTF-8 is replaced by U+FFFD with a warning.
// All messages name `origin` ("path:line"). A date that cannot be read is warned about
// through diag, unless unrecognised_date is given: then it is stored there (if that is
// still empty) so that a reader can warn once per file instead of once per line.
std::optional<Article> ParseJsonLine(std::string_view line, std::string_view origin,
                                     const DiagnosticSink& diag,
                                     std::string* unrecognised_date = nullptr);

// The same for a value already parsed (the elements of a JSON array file). Consumes
// `value`.
std::optional<Article> ArticleFromJson(nlohmann::json& value, std::string_view origin,
                                       const DiagnosticSink& diag,
                                       std::string* unrecognised_date = nullptr);

// False when `json` nests arrays/objects deeper than max_depth: such input is refused
// before parsing so that nothing recurses without bound.
bool JsonNestingWithin(std::string_view json, int max_depth);

}  // namespace dyad

#endif  // DYAD_INGEST_JSONL_ARTICLE_H_
