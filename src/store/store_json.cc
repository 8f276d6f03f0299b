#include "store/store_json.h"

#include "export/event_json.h"

namespace dyad {

std::string_view SentenceText(const StoredArticle& s, const SentenceSpan& span) {
  const std::string& text = s.article.text;
  if (span.begin > span.end || span.end > text.size()) return {};
  return std::string_view(text).substr(span.begin, span.end - span.begin);
}

nlohmann::json StoredArticleToJson(const StoredArticle& s) {
  nlohmann::json sentences = nlohmann::json::array();
  for (size_t i = 0; i < s.sentences.size(); ++i) {
    sentences.push_back({{"index", i},
                         {"span", {s.sentences[i].begin, s.sentences[i].end}},
                         {"text", SentenceText(s, s.sentences[i])},
                         {"events", nlohmann::json::array()}});
  }
  for (const Event& e : s.events) {
    if (e.sentence < sentences.size()) sentences[e.sentence]["events"].push_back(EventToJson(e));
  }
  return {{"article", ArticleToJson(s.article, /*with_text=*/true)}, {"sentences", sentences}};
}

nlohmann::json EntityToJson(const Entity& e) {
  nlohmann::json j;
  j["id"] = e.id;
  j["name"] = e.name;
  j["code"] = e.CodeAt();
  j["country"] = e.country;
  j["title"] = e.title;
  nlohmann::json aliases = nlohmann::json::array();
  for (const EntityAlias& a : e.aliases) aliases.push_back(a.alias);
  j["aliases"] = std::move(aliases);
  nlohmann::json codes = nlohmann::json::array();
  for (const EntityCode& c : e.codes) {
    nlohmann::json cj = {{"code", c.code}, {"from", c.first}, {"to", c.last}};
    if (c.from_user) {
      cj["user"] = true;
    } else {
      cj["articles"] = c.num_articles;
    }
    codes.push_back(std::move(cj));
  }
  j["codes"] = std::move(codes);
  j["first_seen"] = e.first_seen;
  j["last_seen"] = e.last_seen;
  j["articles"] = e.num_articles;
  j["mentions"] = e.num_mentions;
  j["user_defined"] = e.user_defined;
  return j;
}

}  // namespace dyad
