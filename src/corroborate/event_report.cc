#include "corroborate/event_report.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

namespace dyad {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Words of a pattern that never name an event.
bool IsFunctionWord(std::string_view w) {
  static constexpr std::array<std::string_view, 28> kWords = {
      "a",    "an",   "the",  "in",   "of",    "with", "to",  "for", "on",   "at",
      "by",   "from", "and",  "or",   "into",  "its",  "his", "her", "their", "over",
      "upon", "as",   "that", "this", "about", "be",   "is",  "has"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

std::string StemOf(std::string_view w) {
  size_t n = w.size() > 6 ? w.size() - 2 : std::min<size_t>(w.size(), 4);
  return std::string(w.substr(0, n));
}

// Lower-cased ASCII letter runs of `text` (other bytes separate words).
std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (IsAsciiLetter(c)) {
      cur += Lower(c);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

void ActorToJson(const ReportActor& a, nlohmann::json* j) {
  (*j)["code"] = a.code;
  (*j)["country"] = a.country;
  if (!a.entity.empty()) (*j)["entity"] = a.entity;
  if (!a.text.empty()) (*j)["text"] = a.text;
}

ReportActor ActorFromJson(const nlohmann::json& j) {
  ReportActor a;
  a.code = j.at("code").get<std::string>();
  a.country = j.at("country").get<std::string>();
  a.entity = j.value("entity", "");
  a.text = j.value("text", "");
  return a;
}

ReportActor MakeActor(const EventActor& a) {
  ReportActor r;
  r.code = a.code;
  r.country = a.country.empty() ? a.code : a.country;
  r.entity = a.entity;
  r.text = a.text;
  return r;
}

}  // namespace

std::string DefaultSourceKey(const Article& article) {
  if (!article.outlet.empty()) return article.outlet;
  if (!article.distributor.empty()) return article.distributor;
  return article.id;
}

std::vector<std::string> AnchorWords(std::string_view pattern, std::string_view evidence) {
  std::vector<std::string> evidence_words = LowerWords(evidence);
  std::vector<std::string> stems;
  bool first = true;
  size_t pos = 0;
  while (pos < pattern.size()) {
    size_t end = pattern.find_first_of(" |", pos);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view word = pattern.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (first) {  // the code the pattern gives
      first = false;
      continue;
    }
    // Slot markers (SRC, TGT), word classes and other markup are not all lower case.
    if (!std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }))
      continue;
    if (word.size() < 3 || IsFunctionWord(word)) continue;
    std::string stem = StemOf(word);
    for (const std::string& w : evidence_words) {
      if (w.starts_with(stem)) {
        stems.push_back(stem);
        break;
      }
    }
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

std::string ActWord(std::string_view pattern, std::string_view evidence) {
  bool first = true;
  size_t pos = 0;
  while (pos < pattern.size()) {
    size_t end = pattern.find(' ', pos);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view tok = pattern.substr(pos, end - pos);
    pos = end + 1;
    if (tok.empty()) continue;
    if (first) {  // the code
      first = false;
      continue;
    }
    if (tok == "SRC" || tok == "TGT" || tok == "..." || tok == "'s" || tok.starts_with("SRC[") ||
        tok.starts_with("TGT[") || (tok.front() == '(' && tok.back() == ')'))
      continue;
    if (tok.size() >= 2 && tok.front() == '"' && tok.back() == '"') tok = tok.substr(1, tok.size() - 2);
    const std::vector<std::string> words = LowerWords(evidence);
    for (size_t b = 0; b <= tok.size();) {
      size_t bar = tok.find('|', b);
      if (bar == std::string_view::npos) bar = tok.size();
      const std::string stem = StemOf(tok.substr(b, bar - b));
      for (const std::string& w : words)
        if (!stem.empty() && w.starts_with(stem)) return stem;
      b = bar + 1;
    }
    return "";
  }
  return "";
}

EventReport MakeReport(const Event& e, const Article& article, std::string_view source_key) {
  EventReport r;
  r.event_id = e.event_id;
  r.article_id = article.id;
  r.source_key = std::string(source_key);
  r.outlet = article.outlet;
  r.published = article.published.substr(0, std::min<size_t>(article.published.size(), 10));
  r.sentence = e.sentence;
  r.cameo = e.cameo;
  r.source = MakeActor(e.source);
  r.target = MakeActor(e.target);
  r.symmetric = e.symmetric;
  r.modality = e.modality;
  r.negated = e.negated;
  r.date = e.date;
  r.date_precision = e.date_precision;
  r.date_basis = e.date_basis;
  // A date from an estimate of when the article was written is no evidence of when the
  // event happened: undated here, so that a cluster's date replaces it.
  if (r.date_basis == kDateBasisEstimated) {
    r.date.clear();
    r.date_precision = "unknown";
    r.date_basis.clear();
  }
  r.place = e.location.name;
  r.place_country = e.location.country;
  r.place_adm1 = e.location.adm1;
  r.lat = e.location.lat;
  r.lon = e.location.lon;
  r.has_coordinates = e.location.has_coordinates;
  r.quantity = e.quantity;
  r.anchor_words = AnchorWords(e.pattern, e.evidence);
  r.act = ActWord(e.pattern, e.evidence);
  r.evidence = e.evidence;
  return r;
}

void ReportToJson(const EventReport& r, nlohmann::json* j) {
  nlohmann::json& o = *j;
  o["event_id"] = r.event_id;
  o["article_id"] = r.article_id;
  o["source_key"] = r.source_key;
  o["outlet"] = r.outlet;
  o["published"] = r.published;
  o["sentence"] = r.sentence;
  o["cameo"] = r.cameo;
  ActorToJson(r.source, &o["source"]);
  ActorToJson(r.target, &o["target"]);
  o["symmetric"] = r.symmetric;
  o["modality"] = r.modality;
  o["negated"] = r.negated;
  o["date"] = r.date;
  o["date_precision"] = r.date_precision;
  o["date_basis"] = r.date_basis;
  if (!r.place.empty()) {
    nlohmann::json& p = o["place"];
    p["name"] = r.place;
    p["country"] = r.place_country;
    if (!r.place_adm1.empty()) p["adm1"] = r.place_adm1;
    if (r.has_coordinates) {
      p["lat"] = r.lat;
      p["lon"] = r.lon;
    }
  }
  if (!r.quantity.empty()) o["quantity"] = r.quantity;
  o["anchor"] = r.anchor_words;
  if (!r.act.empty()) o["act"] = r.act;
  o["evidence"] = r.evidence;
}

EventReport ReportFromJson(const nlohmann::json& j) {
  EventReport r;
  r.event_id = j.at("event_id").get<std::string>();
  r.article_id = j.at("article_id").get<std::string>();
  r.source_key = j.at("source_key").get<std::string>();
  r.outlet = j.value("outlet", "");
  r.published = j.value("published", "");
  r.sentence = j.value("sentence", 0u);
  r.cameo = j.at("cameo").get<std::string>();
  r.source = ActorFromJson(j.at("source"));
  r.target = ActorFromJson(j.at("target"));
  r.symmetric = j.value("symmetric", false);
  r.modality = j.value("modality", "asserted");
  r.negated = j.value("negated", false);
  r.date = j.value("date", "");
  r.date_precision = j.value("date_precision", "unknown");
  r.date_basis = j.value("date_basis", "");
  if (auto p = j.find("place"); p != j.end()) {
    r.place = p->at("name").get<std::string>();
    r.place_country = p->value("country", "");
    r.place_adm1 = p->value("adm1", "");
    if (p->contains("lat")) {
      r.lat = p->at("lat").get<double>();
      r.lon = p->at("lon").get<double>();
      r.has_coordinates = true;
    }
  }
  r.quantity = j.value("quantity", "");
  if (auto a = j.find("anchor"); a != j.end()) r.anchor_words = a->get<std::vector<std::string>>();
  r.act = j.value("act", "");
  r.evidence = j.value("evidence", "");
  return r;
}

}  // namespace dyad
