// Corroboration in the store: the seed articles' shared events merge across the two
// outlets, undated reports take the corroborating date, and storing is idempotent and
// incremental.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "ingest/reader.h"
#include "store/store.h"
#include "store/store_test_util.h"

// Filters are written with designated initializers naming only what they set.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace dyad {
namespace {

using testing::TempDir;

const std::string kSeeds = DYAD_SHARED_DIR "/seeds";

// The seed articles as `dyad ingest` reads them, in the given file order.
std::vector<Article> ReadSeeds(const std::vector<std::string>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(kSeeds + "/" + f);
  std::vector<Article> out;
  ReadArticles(paths, [&](Article&& a) { out.push_back(std::move(a)); }, [](const Diagnostic&) {});
  return out;
}

void Ingest(Store& store, const std::vector<Article>& articles) {
  static const Pipeline pipeline;
  for (const Article& a : articles) {
    CodedArticle ca;
    ca.article = a;
    pipeline.Run(&ca);
    store.PutArticle(ca);
  }
}

// The stored events whose evidence overlaps the gold evidence (one contains the other)
// in an article of the gold document, with a CAMEO code the gold accepts.
std::vector<Event> Matching(Store& store, const nlohmann::json& gold_event, const std::map<std::string, std::string>& article_of_doc) {
  std::vector<Event> out;
  const std::string article = article_of_doc.at(gold_event["doc"]);
  const std::string evidence = gold_event["evidence"];
  std::set<std::string> codes;
  for (const auto& c : gold_event["cameo"]) codes.insert(c.get<std::string>());
  store.ForEachEvent({}, [&](const Event& e) {
    if (e.article_id != article || codes.count(e.cameo) == 0) return;
    if (evidence.find(e.evidence) == std::string::npos && e.evidence.find(evidence) == std::string::npos) {
      // Evidence spans differ in where they start; a shared stretch of 25 bytes will do.
      bool overlap = false;
      for (size_t i = 0; i + 25 <= e.evidence.size() && !overlap; i += 5)
        overlap = evidence.find(e.evidence.substr(i, 25)) != std::string::npos;
      if (!overlap) return;
    }
    out.push_back(e);
  });
  return out;
}

class ClusterStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(kSeeds + "/gold.json");
    if (!in) GTEST_SKIP() << "shared seeds not found at " << kSeeds;
    gold_ = nlohmann::json::parse(in);
  }

  // Checks the seed clusters in a store holding both seeds.
  void ExpectGoldClusters(Store& store) {
    std::map<std::string, std::string> article_of_doc;
    store.ForEachArticle({}, [&](const ArticleListing& l) {
      article_of_doc[l.article.origin.find("000_") != std::string::npos ? "000" : "004"] = l.article.id;
    });
    ASSERT_EQ(article_of_doc.size(), 2u);
    std::map<std::string, std::set<std::string>> clusters_of_gold;  // gold cluster -> dyad clusters
    for (const auto& e : gold_["events"]) {
      if (!e.contains("cluster")) continue;
      std::vector<Event> found = Matching(store, e, article_of_doc);
      ASSERT_FALSE(found.empty()) << e["id"] << " not coded";
      // One of the events coded from the gold evidence is in a cluster with both outlets.
      bool in_shared = false;
      for (const Event& ev : found) {
        std::optional<EventCluster> c = store.GetCluster(ev.cluster_id);
        ASSERT_TRUE(c) << ev.event_id;
        if (c->num_sources >= 2) {
          in_shared = true;
          clusters_of_gold[e["cluster"]].insert(c->cluster_id);
          if (e["doc"] == "000") {
            // The undated SANA report takes the AzerNews date.
            EXPECT_EQ(ev.date, "2024-12-30") << e["id"];
            EXPECT_EQ(ev.date_basis, "corroboration") << e["id"];
          }
        }
      }
      EXPECT_TRUE(in_shared) << e["id"] << " is in no cluster holding both outlets";
    }
    ASSERT_EQ(clusters_of_gold.size(), 3u);
    std::set<std::string> distinct;
    for (const auto& [gold_cluster, ids] : clusters_of_gold) {
      EXPECT_EQ(ids.size(), 1u) << gold_cluster << " split over clusters";
      distinct.insert(ids.begin(), ids.end());
    }
    EXPECT_EQ(distinct.size(), 3u) << "gold clusters merged";
  }

  nlohmann::json gold_;
};

TEST_F(ClusterStoreTest, SeedVisitMeetingAndSupportEachFormOneClusterOfBothOutlets) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  Ingest(*store, ReadSeeds({"004_3b28a4ce30bb7c8f.txt", "000_e5f9cd44ed472406.txt"}));
  ExpectGoldClusters(*store);

  // Storing the articles again changes nothing.
  StoreCounts before = store->Counts();
  std::string records;
  store->ForEachCluster({}, [&](const EventCluster& c) { records += c.ToJson().dump(); });
  Ingest(*store, ReadSeeds({"000_e5f9cd44ed472406.txt", "004_3b28a4ce30bb7c8f.txt"}));
  StoreCounts after = store->Counts();
  EXPECT_EQ(after.clusters, before.clusters);
  EXPECT_EQ(after.events, before.events);
  std::string records_after;
  store->ForEachCluster({}, [&](const EventCluster& c) { records_after += c.ToJson().dump(); });
  EXPECT_EQ(records_after, records);
}

TEST_F(ClusterStoreTest, UndatedArticleFirstThenTheDatedOne) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  // Incremental: the SANA article's clusters exist, undated, before AzerNews arrives.
  Ingest(*store, ReadSeeds({"000_e5f9cd44ed472406.txt"}));
  int64_t dated = 0;
  store->ForEachCluster({}, [&](const EventCluster& c) { dated += c.date == "2024-12-30"; });
  EXPECT_EQ(dated, 0);
  Ingest(*store, ReadSeeds({"004_3b28a4ce30bb7c8f.txt"}));
  ExpectGoldClusters(*store);
}

// SANA carries no date; its text does ("dates back 33 years to 1992": 2025). The estimate
// is the article's, apart from `published`; it dates the events nothing else dates,
// never over a date of the text or of corroboration.
TEST_F(ClusterStoreTest, TheUndatedArticlesEstimateDatesOnlyWhatNothingElseDates) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  std::vector<Article> seeds = ReadSeeds({"000_e5f9cd44ed472406.txt"});
  ASSERT_EQ(seeds.size(), 1u);
  // Undated first: its events stand alone, then AzerNews corroborates some of them.
  Ingest(*store, seeds);
  Ingest(*store, ReadSeeds({"004_3b28a4ce30bb7c8f.txt"}));
  std::optional<StoredArticle> sana = store->GetArticle(seeds[0].id);
  ASSERT_TRUE(sana);
  const PublicationEstimate& e = sana->article.published_estimate;
  EXPECT_EQ(sana->article.published, "");
  EXPECT_EQ(e.date, "2025");
  EXPECT_EQ(e.basis, "elapsed");
  EXPECT_EQ(e.evidence, "dates back 33 years to 1992");
  std::map<std::string, int> bases;
  std::set<std::string> history;
  for (const Event& ev : sana->events) {
    ++bases[ev.date_basis];
    if (ev.date_basis == "text") history.insert(ev.date);
    if (ev.date_basis == kDateBasisEstimated) {
      EXPECT_EQ(ev.date, "2025");
      EXPECT_EQ(ev.date_precision, "year");
    }
    if (ev.date_basis == "corroboration") {
      EXPECT_EQ(ev.date, "2024-12-30") << ev.evidence;
    }
  }
  EXPECT_EQ(history, (std::set<std::string>{"1992", "1997", "2008"}));
  EXPECT_GE(bases["corroboration"], 3);  // the visit, the meeting, the support
  EXPECT_GE(bases[std::string(kDateBasisEstimated)], 3);  // aid, the cable, the invitation
  EXPECT_EQ(bases[""], 0);
}

TEST_F(ClusterStoreTest, ClusterFiltersAndDetails) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  Ingest(*store, ReadSeeds({"004_3b28a4ce30bb7c8f.txt", "000_e5f9cd44ed472406.txt"}));
  std::vector<EventCluster> shared;
  store->ForEachCluster({.country_a = "SYR", .country_b = "AZE", .min_sources = 2},
                        [&](const EventCluster& c) { shared.push_back(c); });
  ASSERT_GE(shared.size(), 3u);
  for (const EventCluster& c : shared) {
    EXPECT_EQ(c.num_articles, 2);
    nlohmann::json d = c.Details();
    EXPECT_EQ(d["outlets"]["values"].size(), 2u);
    EXPECT_TRUE(d["date"]["agree"].get<bool>());  // only AzerNews gives a date
  }
  int64_t events_of_shared = store->CountEvents({.min_sources = 2});
  EXPECT_GE(events_of_shared, 6);
  std::vector<EventCluster> visits;
  store->ForEachCluster({.cameo = "042", .min_sources = 2}, [&](const EventCluster& c) { visits.push_back(c); });
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].date, "2024-12-30");
  nlohmann::json names = visits[0].Details()["source_names"]["values"];
  EXPECT_GE(names.size(), 1u);
}

TEST_F(ClusterStoreTest, SyndicatedCopyCountsAsAnArticleButNotAsASource) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  std::vector<Article> seeds = ReadSeeds({"004_3b28a4ce30bb7c8f.txt", "000_e5f9cd44ed472406.txt"});
  ASSERT_EQ(seeds.size(), 2u);
  // Another outlet republishes the AzerNews story under its own title, last paragraph cut.
  Article copy = seeds[0];
  copy.id = "republished";
  copy.outlet = "Regional Wire";
  copy.title = "Azerbaijan delegation in Damascus";
  copy.text = copy.text.substr(0, copy.text.rfind("\n\n"));
  ASSERT_LT(copy.text.size(), seeds[0].text.size());
  Ingest(*store, {seeds[0], copy, seeds[1]});
  EXPECT_EQ(store->StoryOf("republished"), seeds[0].id);
  EXPECT_EQ(store->StoryOf(seeds[1].id), seeds[1].id);  // SANA's own text
  EXPECT_EQ(store->StoryOf("no such article"), "");
  std::vector<EventCluster> visits;
  store->ForEachCluster({.cameo = "042", .min_articles = 3}, [&](const EventCluster& c) { visits.push_back(c); });
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].num_articles, 3);
  EXPECT_EQ(visits[0].num_sources, 2);  // AzerNews (twice) and SANA
}

}  // namespace
}  // namespace dyad
