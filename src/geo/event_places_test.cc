#include "geo/event_places.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "syntax/syntax_analyzer.h"
#include "text/analyzer.h"

namespace dyad {
namespace {

// One event over the byte span of `evidence` in the sentence `text`, anchored at the
// word `anchor` of the evidence.
Event EventOver(const std::string& text, const std::string& evidence, std::string source_country,
                std::string target_country, const std::string& anchor) {
  Event e;
  size_t at = text.find(evidence);
  EXPECT_NE(at, std::string::npos) << evidence;
  e.begin = static_cast<uint32_t>(at);
  e.end = static_cast<uint32_t>(at + evidence.size());
  size_t a = evidence.find(anchor);
  EXPECT_NE(a, std::string::npos) << anchor;
  e.anchor = static_cast<uint32_t>(at + a);
  e.source.code = e.source.country = std::move(source_country);
  e.target.code = e.target.country = std::move(target_country);
  return e;
}

EventLocation Locate(const Article& article, Event e) {
  static const TextAnalyzer analyzer;
  static const SyntaxAnalyzer syntax;
  Document doc;
  analyzer.Analyze(article.text, &doc);
  SyntaxAnalyzer::Workspace ws;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) syntax.Analyze(&doc, s, &ws);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (doc.sentences[s].begin <= e.begin && e.begin < doc.sentences[s].end) e.sentence = s;
  }
  std::vector<Event> events{e};
  AssignEventPlaces(article, doc, &events);
  return events[0].location;
}

TEST(EventPlaces, LocativeToponymInTheClause) {
  Article a;
  a.text = "Azerbaijani staff distributed aid at an IDP camp in Aleppo province on Friday.";
  EventLocation loc = Locate(a, EventOver(a.text, "distributed aid", "AZE", "SYR", "distributed"));
  EXPECT_EQ(loc.name, "Aleppo Governorate");
  EXPECT_EQ(loc.country, "SYR");
  EXPECT_EQ(loc.adm1, "Aleppo Governorate");
  EXPECT_TRUE(loc.has_coordinates);
  EXPECT_NEAR(loc.lat, 36.2, 1.0);
  EXPECT_NEAR(loc.lon, 37.2, 1.0);

  a.text = "Turkey's foreign minister met his Syrian counterpart in Damascus.";
  loc = Locate(a, EventOver(a.text, "met his Syrian counterpart", "TUR", "SYR", "met"));
  EXPECT_EQ(loc.name, "Damascus");
  EXPECT_EQ(loc.country, "SYR");
  EXPECT_NEAR(loc.lat, 33.51, 0.05);
}

TEST(EventPlaces, VisitedCountryAndVisitDestination) {
  Article a;
  a.text = "A delegation from Azerbaijan has visited Syria.";
  Event e = EventOver(a.text, "has visited Syria", "AZE", "SYR", "visited");
  e.target.begin = static_cast<uint32_t>(a.text.find("Syria"));
  e.target.end = e.target.begin + 5;
  e.pattern = "042  visit TGT";
  EXPECT_EQ(Locate(a, e).name, "Syria");
  a.text = "Rafiyev's visit to Damascus, where he met the minister, was the first in years.";
  e = EventOver(a.text, "visit to Damascus", "AZE", "SYR", "visit");
  e.pattern = "042  visit TGT";
  EXPECT_EQ(Locate(a, e).name, "Damascus");
  e = EventOver(a.text, "he met the minister", "AZE", "SYR", "met");
  e.pattern = "040  meet TGT";
  EXPECT_EQ(Locate(a, e).name, "Damascus");
  // A place of a clause that governs the event's ("said that ... hosted") counts only
  // where the event's own clause has none.
  a.text = "The minister in Paris said that Iran had hosted talks in Doha.";
  e = EventOver(a.text, "Iran had hosted talks", "IRN", "", "hosted");
  e.pattern = "043  host talks";
  EXPECT_EQ(Locate(a, e).name, "Doha");
}

TEST(EventPlaces, DatelineOnlyWhenTheSentenceNamesNoPlaceAndActorsMatch) {
  Article a;
  a.dateline = "BAKU";
  a.text = "The ministry condemned the attack.";
  EventLocation loc = Locate(a, EventOver(a.text, "condemned the attack", "AZE", "ARM", "condemned"));
  EXPECT_EQ(loc.name, "Baku");
  EXPECT_EQ(loc.country, "AZE");
  // Actors from elsewhere: the dateline is only where the news was written.
  EXPECT_TRUE(Locate(a, EventOver(a.text, "condemned the attack", "FRA", "DEU", "condemned")).empty());
  // A place in the sentence that is not the event's place keeps the dateline away.
  a.text = "The ministry condemned the attack on Syria's border.";
  EXPECT_TRUE(Locate(a, EventOver(a.text, "condemned the attack", "AZE", "ARM", "condemned")).empty());
  a.dateline = "Nowhere-on-earth";
  a.text = "The ministry condemned the attack.";
  EXPECT_TRUE(Locate(a, EventOver(a.text, "condemned the attack", "AZE", "ARM", "condemned")).empty());
}

TEST(EventPlaces, SeedArticleAidEventsHavePlaces) {
  std::string dir = std::string(DYAD_SHARED_DIR) + "/seeds";
  std::string path;
  if (std::filesystem::exists(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().filename().string().rfind("000_", 0) == 0) path = entry.path().string();
    }
  }
  if (path.empty()) GTEST_SKIP() << "seed article 000_*.txt absent under " << dir;
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  Pipeline pipeline;
  CodedArticle coded;
  coded.article.text = buf.str();
  pipeline.Run(&coded);
  bool aleppo = false, damascus = false;
  for (const Event& e : coded.events) {
    if (std::getenv("DYAD_GEO_VERBOSE")) std::printf("%s {%s} %s->%s [%s] %s\n", e.cameo.c_str(), e.pattern.c_str(), e.source.code.c_str(), e.target.code.c_str(), e.location.name.c_str(), e.evidence.c_str());
    if (e.cameo.rfind("07", 0) != 0) continue;
    if (e.location.name == "Aleppo Governorate" && e.location.has_coordinates) aleppo = true;
    if (e.location.name == "Damascus" && e.location.country == "SYR" && e.location.has_coordinates) damascus = true;
  }
  EXPECT_TRUE(aleppo) << "no aid event in Aleppo province";
  EXPECT_TRUE(damascus) << "no aid event in Damascus";
}

}  // namespace
}  // namespace dyad
