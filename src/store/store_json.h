// The JSON forms of what a Store returns, shared by the commands and the HTTP API:
// `dyad show --format json` is StoredArticleToJson, `dyad actors --format jsonl` one
// EntityToJson per line. Events are export/event_json.h's EventToJson throughout.
#ifndef DYAD_STORE_STORE_JSON_H_
#define DYAD_STORE_STORE_JSON_H_

#include <string_view>

#include <nlohmann/json.hpp>

#include "actors/entity_registry.h"
#include "store/store.h"

namespace dyad {

// {"article": ArticleToJson(with text), "sentences": [{"index", "span": [b, e], "text",
//  "events": [EventToJson...]}]}: each event under the sentence it was coded from, its
// "span" the byte offsets of its evidence in the article text.
nlohmann::json StoredArticleToJson(const StoredArticle& s);

// The text of sentence `span` of the article ("" when the span lies outside it).
std::string_view SentenceText(const StoredArticle& s, const SentenceSpan& span);

// {"id", "name", "code" (current), "country", "title", "aliases": [...], "codes":
//  [{"code", "from", "to", "articles" | "user": true}], "first_seen", "last_seen",
//  "articles", "mentions", "user_defined"}
nlohmann::json EntityToJson(const Entity& e);

}  // namespace dyad

#endif  // DYAD_STORE_STORE_JSON_H_
