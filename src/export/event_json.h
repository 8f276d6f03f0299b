// The JSON form of events and articles: the JSON Lines record of ../shared/DESIGN.md.
// Every other output format derives from it.
#ifndef DYAD_EXPORT_EVENT_JSON_H_
#define DYAD_EXPORT_EVENT_JSON_H_

#include <nlohmann/json.hpp>

#include "events/event.h"
#include "ingest/article.h"

namespace dyad {

// {"event_id", "article_id", "sentence", "span": [b, e], "date", "date_precision",
//  "date_basis", "source": {...}, "target": {...}, "cameo", "goldstein", "quad_class",
//  "plover": {"type", "mode"}, "location": {...} or null, "negated", "modality",
//  "symmetric", "quantity", "evidence": {"pattern", "text"}, "cluster_id"}
nlohmann::json EventToJson(const Event& e);
// Inverse of EventToJson; throws nlohmann::json::exception on a malformed record.
Event EventFromJson(const nlohmann::json& j);

// {"date", "precision", "basis", "evidence", "not_before", "not_before_evidence"}, or
// null when the estimate is empty.
nlohmann::json PublicationEstimateToJson(const PublicationEstimate& e);
// Inverse of PublicationEstimateToJson (null or {} give an empty estimate); throws
// nlohmann::json::exception on a malformed record.
PublicationEstimate PublicationEstimateFromJson(const nlohmann::json& j);

// {"id", "outlet", "distributor", "url", "published", "published_estimate": {...} or
//  null, "dateline", "byline", "title", "language", "metadata": {...}} and, when
//  with_text, "text".
nlohmann::json ArticleToJson(const Article& a, bool with_text);
Article ArticleFromJson(const nlohmann::json& j);

}  // namespace dyad

#endif  // DYAD_EXPORT_EVENT_JSON_H_
