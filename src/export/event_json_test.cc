#include "export/event_json.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

using nlohmann::json;

Event FullEvent() {
  Event e;
  e.event_id = "0123456789abcdef";
  e.article_id = "3b28a4ce30bb7c8f";
  e.sentence = 4;
  e.begin = 812;
  e.end = 903;
  e.date = "2024-12-30";
  e.date_precision = "day";
  e.date_basis = "published";
  e.source = {"AZEGOV", "AZE", "GOV", "Yalchin Rafiyev", "Deputy Foreign Yalchin Rafiyev", 820,
              850};
  e.target = {"SYR", "SYR", "", "", "Syria", 890, 895};
  e.cameo = "042";
  e.goldstein = 1.9;
  e.quad_class = 1;
  e.plover_type = "CONSULT";
  e.plover_mode = "visit";
  e.location = {"Damascus", "SYR", "Dimashq", 33.51, 36.29, true};
  e.negated = true;
  e.modality = "reported";
  e.symmetric = true;
  e.quantity = "approximately 200 tons";
  e.pattern = "042 visit";
  e.evidence = "An Azerbaijani delegation \"led\" by ... has visited Syria";
  e.cluster_id = "c1";
  return e;
}

void ExpectSameEvent(const Event& a, const Event& b) {
  EXPECT_EQ(a.event_id, b.event_id);
  EXPECT_EQ(a.article_id, b.article_id);
  EXPECT_EQ(a.sentence, b.sentence);
  EXPECT_EQ(a.begin, b.begin);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.date_precision, b.date_precision);
  EXPECT_EQ(a.date_basis, b.date_basis);
  for (auto [x, y] : {std::pair{&a.source, &b.source}, std::pair{&a.target, &b.target}}) {
    EXPECT_EQ(x->code, y->code);
    EXPECT_EQ(x->country, y->country);
    EXPECT_EQ(x->role, y->role);
    EXPECT_EQ(x->entity, y->entity);
    EXPECT_EQ(x->text, y->text);
    EXPECT_EQ(x->begin, y->begin);
    EXPECT_EQ(x->end, y->end);
  }
  EXPECT_EQ(a.cameo, b.cameo);
  EXPECT_EQ(a.goldstein, b.goldstein);
  EXPECT_EQ(a.quad_class, b.quad_class);
  EXPECT_EQ(a.plover_type, b.plover_type);
  EXPECT_EQ(a.plover_mode, b.plover_mode);
  EXPECT_EQ(a.location.name, b.location.name);
  EXPECT_EQ(a.location.country, b.location.country);
  EXPECT_EQ(a.location.adm1, b.location.adm1);
  EXPECT_EQ(a.location.lat, b.location.lat);
  EXPECT_EQ(a.location.lon, b.location.lon);
  EXPECT_EQ(a.location.has_coordinates, b.location.has_coordinates);
  EXPECT_EQ(a.negated, b.negated);
  EXPECT_EQ(a.modality, b.modality);
  EXPECT_EQ(a.symmetric, b.symmetric);
  EXPECT_EQ(a.quantity, b.quantity);
  EXPECT_EQ(a.pattern, b.pattern);
  EXPECT_EQ(a.evidence, b.evidence);
  EXPECT_EQ(a.cluster_id, b.cluster_id);
}

TEST(EventJsonTest, EveryFieldSurvivesRoundTripThroughText) {
  Event e = FullEvent();
  std::string text = EventToJson(e).dump();
  ExpectSameEvent(e, EventFromJson(json::parse(text)));
}

TEST(EventJsonTest, DefaultEventRoundTrips) {
  Event e;
  e.event_id = "x";
  e.article_id = "a";
  e.cameo = "010";
  ExpectSameEvent(e, EventFromJson(json::parse(EventToJson(e).dump())));
}

TEST(EventJsonTest, Layout) {
  json j = EventToJson(FullEvent());
  ASSERT_TRUE(j["cameo"].is_string());
  EXPECT_EQ(j["cameo"], "042");
  EXPECT_EQ(j["span"], json::array({812, 903}));
  EXPECT_EQ(j["plover"], (json{{"type", "CONSULT"}, {"mode", "visit"}}));
  EXPECT_EQ(j["evidence"]["pattern"], "042 visit");
  EXPECT_EQ(j["location"]["lat"], 33.51);
  EXPECT_EQ(j["goldstein"], 1.9);
  // Empty actor members are omitted, except the code.
  EXPECT_EQ(j["target"], (json{{"code", "SYR"}, {"country", "SYR"}, {"text", "Syria"},
                               {"span", {890, 895}}}));
  EXPECT_EQ(j["source"]["span"], json::array({820, 850}));
  Event e = FullEvent();
  e.target = EventActor();
  e.location = EventLocation();
  json k = EventToJson(e);
  EXPECT_EQ(k["target"], (json{{"code", ""}}));
  EXPECT_TRUE(k["location"].is_null());
  EXPECT_FALSE(k["location"].is_object());
  for (const char* key : {"event_id", "article_id", "sentence", "span", "date", "date_precision",
                          "date_basis", "source", "target", "cameo", "goldstein", "quad_class",
                          "plover", "location", "negated", "modality", "symmetric", "quantity",
                          "evidence", "cluster_id"}) {
    EXPECT_TRUE(k.contains(key)) << key;
  }
}

TEST(EventJsonTest, LocationWithoutCoordinates) {
  Event e = FullEvent();
  e.location = {"Aleppo", "SYR", "", 0, 0, false};
  json j = EventToJson(e);
  EXPECT_FALSE(j["location"].contains("lat"));
  Event back = EventFromJson(j);
  EXPECT_FALSE(back.location.has_coordinates);
  EXPECT_EQ(back.location.name, "Aleppo");
}

TEST(EventJsonTest, MalformedRecordsThrow) {
  json good = EventToJson(FullEvent());
  auto expect_throw = [&](const char* key, json value) {
    json bad = good;
    if (value.is_discarded()) {
      bad.erase(key);
    } else {
      bad[key] = value;
    }
    EXPECT_THROW(EventFromJson(bad), json::exception) << key << " = " << value.dump();
  };
  expect_throw("cameo", 42);  // a number is not a CAMEO code
  expect_throw("cameo", json(json::value_t::discarded));
  expect_throw("event_id", json(json::value_t::discarded));
  expect_throw("sentence", -1);
  expect_throw("sentence", 1ULL << 40);
  expect_throw("sentence", "4");
  expect_throw("span", json::array({5}));
  expect_throw("span", json::array({9, 5}));
  expect_throw("goldstein", "high");
  expect_throw("source", "AZE");
  expect_throw("location", 7);
  EXPECT_THROW(EventFromJson(json::array()), json::exception);
}

TEST(ArticleJsonTest, RoundTrip) {
  Article a;
  a.id = "3b28a4ce30bb7c8f";
  a.outlet = "AzerNews";
  a.distributor = "MENAFN";
  a.url = "https://example.org/a";
  a.published = "2024-12-30";
  a.dateline = "Baku";
  a.byline = "Staff";
  a.title = "Azerbaijani delegation visits Syria";
  a.language = "en";
  a.text = "An Azerbaijani delegation has visited Syria.";
  a.metadata_json = R"({"section":"politics","tags":["a","b"]})";
  json j = ArticleToJson(a, true);
  EXPECT_EQ(j["metadata"]["section"], "politics");
  Article b = ArticleFromJson(json::parse(j.dump()));
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.outlet, a.outlet);
  EXPECT_EQ(b.distributor, a.distributor);
  EXPECT_EQ(b.url, a.url);
  EXPECT_EQ(b.published, a.published);
  EXPECT_EQ(b.dateline, a.dateline);
  EXPECT_EQ(b.byline, a.byline);
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.language, a.language);
  EXPECT_EQ(b.text, a.text);
  EXPECT_EQ(json::parse(b.metadata_json), json::parse(a.metadata_json));

  json without = ArticleToJson(a, false);
  EXPECT_FALSE(without.contains("text"));
  EXPECT_EQ(ArticleFromJson(without).text, "");
}

TEST(ArticleJsonTest, MetadataDefaultsAndErrors) {
  Article a;
  a.id = "x";
  a.metadata_json = "";
  EXPECT_EQ(ArticleToJson(a, false)["metadata"], json::object());
  a.metadata_json = "not json";
  EXPECT_EQ(ArticleToJson(a, false)["metadata"]["_unparsed"], "not json");
  EXPECT_EQ(ArticleFromJson(json{{"id", "y"}}).metadata_json, "{}");
  EXPECT_THROW(ArticleFromJson(json{{"id", "y"}, {"metadata", "x"}}), json::exception);
  EXPECT_THROW(ArticleFromJson(json{{"title", "no id"}}), json::exception);
}

}  // namespace
}  // namespace dyad
