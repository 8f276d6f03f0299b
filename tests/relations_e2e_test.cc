// End-to-end test of corroboration through the dyad binary: ingest the two seed
// articles, then `dyad relations` and `dyad events --min-sources` show the events both
// outlets reported, as one cluster each.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "e2e_util.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using e2e::JsonLines;
using e2e::RunDyad;
using e2e::RunResult;
using e2e::TempDir;

class RelationsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string seeds;
    const std::vector<std::string> articles = e2e::SeedArticles(&seeds);
    if (articles.empty()) GTEST_SKIP() << "shared seeds not found at " << seeds;
    db_ = dir_.File("s.db");
    std::vector<std::string> ingest = {"ingest", "--db", db_};
    ingest.insert(ingest.end(), articles.begin(), articles.end());
    RunResult in = RunDyad(dir_, ingest);
    ASSERT_EQ(in.exit_code, 0) << in.err;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(RelationsE2eTest, JsonReportHasTheSharedEventsAsKeyEvents) {
  RunResult r = RunDyad(dir_, {"relations", "--db", db_, "aze", "SYR", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["a"], "AZE");
  EXPECT_EQ(j["articles"], 2);
  EXPECT_EQ(j["outlets"].size(), 2u);
  EXPECT_GE(j["totals"]["events"].get<int>(), 20);
  EXPECT_GT(j["totals"]["a_to_b"].get<int>(), j["totals"]["b_to_a"].get<int>());
  EXPECT_EQ(j["totals"]["quad_class"]["material_conflict"], 0);
  EXPECT_GT(j["totals"]["mean_goldstein"].get<double>(), 0);
  // Timeline: 1992 (relations established), December 2024, and the undated reports last.
  std::vector<std::string> periods;
  for (const auto& p : j["periods"]) periods.push_back(p["period"]);
  ASSERT_GE(periods.size(), 2u);
  EXPECT_EQ(periods.front(), "1992");
  EXPECT_NE(std::find(periods.begin(), periods.end(), "2024-12"), periods.end());
  // The visit, the meeting and the support, each reported by both outlets.
  std::set<std::string> shared_codes;
  for (const auto& k : j["key_events"]) {
    if (k["num_sources"] != 2) continue;
    shared_codes.insert(k["cameo"].get<std::string>());
    EXPECT_EQ(k["date"], "2024-12-30");
    bool corroborated = false;
    for (const auto& rep : k["reports"]) corroborated |= rep["date_basis"] == "corroboration";
    EXPECT_TRUE(corroborated) << k.dump();
  }
  EXPECT_TRUE(shared_codes.count("042")) << r.out;
  EXPECT_TRUE(shared_codes.count("040")) << r.out;
  EXPECT_TRUE(shared_codes.count("051")) << r.out;
}

TEST_F(RelationsE2eTest, TextAndCsvAndFilters) {
  RunResult text = RunDyad(dir_, {"relations", "--db", db_, "AZE", "SYR"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Relations between AZE and SYR"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("042 Make a visit"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("2 sources (AzerNews, SANA)"), std::string::npos) << text.out;

  RunResult csv = RunDyad(dir_, {"relations", "--db", db_, "AZE", "SYR", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("period,events,clusters,", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\n2024-12,"), std::string::npos) << csv.out;

  // Actor-level pair: the government's meeting with the government.
  RunResult gov = RunDyad(dir_, {"relations", "--db", db_, "AZEGOV", "SYRGOV", "--cameo", "04", "--format", "json"});
  ASSERT_EQ(gov.exit_code, 0) << gov.err;
  nlohmann::json g = nlohmann::json::parse(gov.out);
  ASSERT_GE(g["key_events"].size(), 1u);
  EXPECT_EQ(g["key_events"][0]["cameo"], "040");
  EXPECT_EQ(g["key_events"][0]["num_sources"], 2);

  // Nothing between countries that have no events.
  RunResult none = RunDyad(dir_, {"relations", "--db", db_, "FRA", "SYR", "--format", "json"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(nlohmann::json::parse(none.out)["totals"]["events"], 0);

  EXPECT_EQ(RunDyad(dir_, {"relations", "--db", db_, "AZE"}).exit_code, 2);
  // The filters are checked as /api/relations and Python's Store.relations() check them.
  RunResult bad_cameo = RunDyad(dir_, {"relations", "--db", db_, "AZE", "SYR", "--cameo", "visit"});
  EXPECT_EQ(bad_cameo.exit_code, 2);
  EXPECT_NE(bad_cameo.err.find("--cameo: 'visit' is not a CAMEO code prefix"), std::string::npos) << bad_cameo.err;
  RunResult bad_date = RunDyad(dir_, {"relations", "--db", db_, "AZE", "SYR", "--to", "2023-02-29"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("--to: '2023-02-29' is not a date"), std::string::npos) << bad_date.err;
  RunResult bad_code = RunDyad(dir_, {"relations", "--db", db_, "AZE;", "SYR"});
  EXPECT_EQ(bad_code.exit_code, 2);
  EXPECT_NE(bad_code.err.find("a: 'AZE;' is not an actor code"), std::string::npos) << bad_code.err;
  EXPECT_EQ(RunDyad(dir_, {"relations", "--db", dir_.File("missing.db"), "AZE", "SYR"}).exit_code, 3);
}

TEST_F(RelationsE2eTest, TheUndatedSeedShowsItsEstimatedPublicationDate) {
  RunResult r = RunDyad(dir_, {"articles", "--db", db_, "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string sana;
  for (const auto& a : JsonLines(r.out)) {
    if (a["outlet"] != "SANA") {
      EXPECT_TRUE(a["published_estimate"].is_null()) << a.dump();  // dated: no estimate
      continue;
    }
    sana = a["id"];
    EXPECT_EQ(a["published"], "");
    EXPECT_EQ(a["published_estimate"]["date"], "2025");
    EXPECT_EQ(a["published_estimate"]["basis"], "elapsed");
    EXPECT_EQ(a["published_estimate"]["evidence"], "dates back 33 years to 1992");
  }
  ASSERT_FALSE(sana.empty()) << r.out;
  RunResult table = RunDyad(dir_, {"articles", "--db", db_});
  EXPECT_NE(table.out.find("~2025"), std::string::npos) << table.out;
  RunResult show = RunDyad(dir_, {"show", "--db", db_, sana});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("estimated   2025 (year, elapsed time: \"dates back 33 years to 1992\")"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("(estimated_published)"), std::string::npos) << show.out;
  RunResult json = RunDyad(dir_, {"show", "--db", db_, sana, "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(nlohmann::json::parse(json.out)["article"]["published_estimate"]["date"], "2025");
}

TEST_F(RelationsE2eTest, EventsReportedByBothOutlets) {
  RunResult r = RunDyad(dir_, {"events", "--db", db_, "--min-sources", "2", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> events = JsonLines(r.out);
  std::set<std::string> clusters, articles;
  for (const auto& e : events) {
    clusters.insert(e["cluster_id"].get<std::string>());
    articles.insert(e["article_id"].get<std::string>());
    EXPECT_EQ(e["date"], "2024-12-30") << e.dump();
  }
  EXPECT_GE(clusters.size(), 3u);
  EXPECT_EQ(articles.size(), 2u);
  // One cluster's events, by id.
  RunResult one = RunDyad(dir_, {"events", "--db", db_, "--cluster", *clusters.begin(), "--format", "jsonl"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_GE(JsonLines(one.out).size(), 2u);
  RunResult between = RunDyad(dir_, {"events", "--db", db_, "--between", "SYRGOV", "AZEGOV", "--format", "jsonl"});
  ASSERT_EQ(between.exit_code, 0) << between.err;
  for (const auto& e : JsonLines(between.out)) {
    std::string s = e["source"]["code"], t = e["target"]["code"];
    EXPECT_TRUE((s == "SYRGOV" && t == "AZEGOV") || (s == "AZEGOV" && t == "SYRGOV")) << e.dump();
  }
  EXPECT_FALSE(JsonLines(between.out).empty());
}

}  // namespace
}  // namespace dyad
