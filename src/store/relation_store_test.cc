// What keeps ingest and `dyad relations` fast as a store grows (schema version 7): the
// cluster-candidate lookups read indexes in the order they keep, and a relation read
// from the aggregates kept at ingest equals the one computed from every event.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/reader.h"
#include "store/cluster_statements.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_test_util.h"

// Filters are written with designated initializers naming only what they set.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace dyad {
namespace {

using testing::EventSpec;
using testing::MakeCodedArticle;
using testing::TempDir;

// The query plan of `sql`, one line per step.
std::string QueryPlan(SqliteDb& db, const std::string& sql) {
  SqliteStatement st(db, "EXPLAIN QUERY PLAN " + sql);
  std::string plan;
  while (st.Step()) plan += std::string(st.ColumnText(3)) + "\n";
  return plan;
}

// Every row of `table`, in key order, as text: to tell whether anything changed.
std::string Dump(SqliteDb& db, const std::string& table) {
  SqliteStatement st(db, "SELECT * FROM " + table + " ORDER BY 1, 2, 3");
  std::string out;
  while (st.Step()) {
    for (int c = 0; c < st.ColumnCount(); ++c) out += std::string(st.ColumnText(c)) + "|";
    out += "\n";
  }
  return out;
}

// The relation as `dyad relations` computed it before the aggregates: every matching
// event, its article's outlet and every cluster, read whole.
Relation DirectRelation(Store& store, const RelationFilter& rf) {
  EventFilter f;
  f.actor_a = rf.actor_a;
  f.actor_b = rf.actor_b;
  f.cameo = rf.cameo;
  f.from = rf.from;
  f.to = rf.to;
  RelationBuilder builder(f.actor_a, f.actor_b);
  std::unordered_map<std::string, std::string> outlet_of;
  store.ForEachEvent(f, [&](const Event& e) {
    auto it = outlet_of.find(e.article_id);
    if (it == outlet_of.end()) {
      std::optional<Article> a = store.GetArticleRecord(e.article_id);
      it = outlet_of.emplace(e.article_id, a ? a->outlet : "").first;
    }
    builder.Add(e, it->second);
  });
  std::vector<EventCluster> clusters;
  for (const std::string& id : builder.cluster_ids()) {
    if (std::optional<EventCluster> c = store.GetCluster(id)) clusters.push_back(std::move(*c));
  }
  return builder.Finish(std::move(clusters), rf.max_key_events);
}

// An article of `outlet` with events; an event spec dated "none" is undated. Scores and
// quad classes vary by code, so that sums and means are tested.
std::unique_ptr<CodedArticle> Article(const std::string& id, const std::string& outlet, const std::string& published,
                                      const std::vector<EventSpec>& specs) {
  std::vector<std::string> sentences;
  // Words of its own, so that no article is taken for a copy of another (one source).
  static const char* const kWords[] = {"border", "trade", "envoy", "oil", "grain", "port", "army", "court",
                                       "vote", "loan", "gas", "visa", "ship", "rail", "bank", "aid"};
  for (size_t i = 0; i < specs.size(); ++i) {
    const uint64_t h = Hash64(id + "/" + std::to_string(i));
    std::string s = "Sentence " + std::to_string(i) + " of " + id + " on the test talks";
    for (int w = 0; w < 6; ++w) s += std::string(" ") + kWords[(h >> (4 * w)) % 16];
    sentences.push_back(s + ".");
  }
  auto ca = MakeCodedArticle(id, "Title " + id, sentences, specs);
  ca->article.outlet = outlet;
  ca->article.published = published;
  for (size_t i = 0; i < ca->events.size(); ++i) {
    Event& e = ca->events[i];
    if (specs[i].date == "none" || (specs[i].date.empty() && published.empty())) {
      e.date.clear();
      e.date_precision = "unknown";
      e.date_basis.clear();
    } else if (specs[i].date.empty()) {
      e.date = published;
    }
    if (e.date.size() == 7) e.date_precision = "month";
    if (e.date.size() == 4) e.date_precision = "year";
    const int code = std::stoi(e.cameo.substr(0, 2));
    e.quad_class = code <= 5 ? 1 : code <= 9 ? 2 : code <= 14 ? 3 : 4;
    e.goldstein = code <= 9 ? 0.1 * code + 1.3 : -0.7 * code;
  }
  return ca;
}

EventSpec Spec(uint32_t sentence, const std::string& source, const std::string& target, const std::string& cameo,
               const std::string& date = "") {
  return {sentence, source, source.substr(0, 3), target, target.substr(0, 3), cameo, date};
}

// Articles of several outlets about USA, RUS and SYR: clusters across outlets, undated
// reports that a later one dates (redating moves events between periods), codes of
// both sides, month and year dates, and events of other pairs.
void FillStore(Store& store) {
  store.PutArticle(*Article("a1", "Wire One", "", {Spec(0, "USAGOV", "RUSGOV", "042", "none"),
                                                    Spec(1, "RUS", "USA", "111", "none")}));
  store.PutArticle(*Article("a2", "Wire Two", "2024-12-30", {Spec(0, "USAGOV", "RUSGOV", "042"),
                                                             Spec(1, "USA", "SYR", "190"),
                                                             Spec(2, "RUSMIL", "USAMIL", "111", "2024-12")}));
  store.PutArticle(*Article("a3", "Wire One", "2024-12-31", {Spec(0, "USAGOV", "RUSGOV", "042", "2024-12-30"),
                                                             Spec(1, "RUS", "USAGOV", "036", "2025-01-02")}));
  store.PutArticle(*Article("a4", "", "2023-05-01", {Spec(0, "USA", "RUS", "057", "2023"),
                                                     Spec(1, "SYRGOV", "SYRREB", "190")}));
  store.PutArticle(*Article("a5", "Wire Three", "2025-01-02", {Spec(0, "RUSGOV", "USAGOV", "036"),
                                                               Spec(1, "USAMIL", "RUSMIL", "190", "none")}));
  store.PutArticle(*Article("a6", "Wire Two", "2025-02-10", {Spec(0, "USA", "RUS", "020")}));
}

std::vector<RelationFilter> Filters() {
  return {{.actor_a = "USA", .actor_b = "RUS"},
          {.actor_a = "RUS", .actor_b = "USA", .max_key_events = 2},
          {.actor_a = "USAGOV", .actor_b = "RUS"},
          {.actor_a = "USA", .actor_b = "RUS", .cameo = "04"},
          {.actor_a = "USA", .actor_b = "RUS", .from = "2024-12-30", .to = "2025-01"},
          {.actor_a = "USA", .actor_b = "RUS", .from = "2024"},
          {.actor_a = "SYR", .actor_b = "SYRGOV"},
          {.actor_a = "SYR", .actor_b = "USA"},
          {.actor_a = "CHN", .actor_b = "USA"},
          {.actor_a = "USA", .actor_b = ""}};
}

void ExpectSameRelations(Store& store) {
  for (const RelationFilter& f : Filters()) {
    nlohmann::json direct = DirectRelation(store, f).ToJson(), aggregated = store.GetRelation(f).ToJson();
    EXPECT_EQ(aggregated, direct) << f.actor_a << " " << f.actor_b << " " << f.cameo << " " << f.from << " " << f.to
                                  << "\naggregated: " << aggregated.dump(1) << "\ndirect: " << direct.dump(1);
  }
}

TEST(RelationStoreTest, CandidateLookupsReadIndexesInTheirOrder) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  SqliteDb db(dir.File("s.db"), false, false);
  for (const std::string& sql : CandidateLookupSql()) {
    std::string plan = QueryPlan(db, sql);
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
    EXPECT_NE(plan.find("COVERING INDEX clusters_"), std::string::npos) << sql << "\n" << plan;
    EXPECT_EQ(plan.find("SCAN clusters"), std::string::npos) << sql << "\n" << plan;
  }
}

TEST(RelationStoreTest, AggregatesGiveTheRelationOfEveryEvent) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  FillStore(*store);
  // The scenario holds what it is meant to: a cluster of two outlets, an event dated by
  // corroboration.
  Relation r = store->GetRelation({.actor_a = "USA", .actor_b = "RUS"});
  ASSERT_FALSE(r.key_events.empty());
  EXPECT_GE(r.key_events.front().cluster.num_sources, 2);
  bool redated = false;
  store->ForEachEvent({.actor_a = "USA", .actor_b = "RUS"},
                      [&](const Event& e) { redated |= e.date_basis == "corroboration"; });
  EXPECT_TRUE(redated);
  ExpectSameRelations(*store);
}

TEST(RelationStoreTest, AggregatesGiveTheRelationOfTheSeeds) {
  const std::string seeds = DYAD_SHARED_DIR "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "shared seeds not found at " << seeds;
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  const Pipeline pipeline;
  ReadArticles({seeds + "/000_e5f9cd44ed472406.txt", seeds + "/004_3b28a4ce30bb7c8f.txt"},
               [&](dyad::Article&& a) {
                 CodedArticle ca;
                 ca.article = std::move(a);
                 pipeline.Run(&ca);
                 store->PutArticle(ca);
               },
               [](const Diagnostic&) {});
  for (const RelationFilter& f : std::vector<RelationFilter>{{.actor_a = "AZE", .actor_b = "SYR"},
                                                             {.actor_a = "SYR", .actor_b = "AZE", .cameo = "04"},
                                                             {.actor_a = "AZEGOV", .actor_b = "SYR", .from = "2024"}}) {
    nlohmann::json direct = DirectRelation(*store, f).ToJson(), aggregated = store->GetRelation(f).ToJson();
    EXPECT_GE(direct["totals"]["events"].get<int>(), 1);
    EXPECT_EQ(aggregated, direct) << f.actor_a << " " << f.actor_b;
  }
}

TEST(RelationStoreTest, AggregatesFollowBatchesAndRollbacks) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  store->BeginBatch();
  FillStore(*store);
  store->RollbackBatch();
  EXPECT_EQ(store->GetRelation({.actor_a = "USA", .actor_b = "RUS"}).totals.events, 0);
  store->BeginBatch();
  FillStore(*store);
  store->CommitBatch();
  ExpectSameRelations(*store);
}

TEST(RelationStoreTest, StoringAnArticleAgainChangesNoAggregate) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  FillStore(*store);
  SqliteDb db(dir.File("s.db"), false, false);
  const std::vector<std::string> tables = {"relation_pairs", "relation_days", "clusters", "events"};
  std::vector<std::string> before;
  for (const std::string& t : tables) before.push_back(Dump(db, t));
  FillStore(*store);
  auto again = Store::Open(dir.File("s.db"));
  FillStore(*again);
  for (size_t i = 0; i < tables.size(); ++i) EXPECT_EQ(Dump(db, tables[i]), before[i]) << tables[i];
}

TEST(RelationStoreTest, RelationQueriesReadIndexes) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  SqliteDb db(dir.File("s.db"), false, false);
  std::string days = QueryPlan(db,
                               "SELECT date, outlet, events FROM relation_days WHERE source_code = 'USA' AND "
                               "target_code = 'RUS' AND date <> '' AND date >= '2024'");
  EXPECT_NE(days.find("SEARCH relation_days USING PRIMARY KEY (source_code=? AND target_code=? AND date>?"),
            std::string::npos)
      << days;
  std::string members = QueryPlan(db,
                                  "SELECT date, cluster_id, article_id FROM events INDEXED BY events_relation "
                                  "WHERE source_code = 'USA' AND target_code = 'RUS'");
  EXPECT_NE(members.find("COVERING INDEX events_relation"), std::string::npos) << members;
}

TEST(RelationStoreTest, MigrationAggregatesTheEventsOfAnOlderStore) {
  TempDir dir;
  // The store filled by this dyad, then taken back to version 6 as it would have been:
  // without the aggregates, their triggers and indexes.
  {
    auto store = Store::Open(dir.File("s.db"));
    FillStore(*store);
  }
  {
    SqliteDb db(dir.File("s.db"), false, false);
    db.Exec(
        "DROP TRIGGER events_relation_insert; DROP TRIGGER events_relation_delete;"
        "DROP TRIGGER events_relation_update; DROP TABLE relation_pairs; DROP TABLE relation_days;"
        "DROP INDEX events_relation; DROP INDEX clusters_candidates; DROP INDEX clusters_recent;"
        "CREATE INDEX events_source ON events(source_code);"
        "CREATE INDEX clusters_pair ON clusters(source_country, target_country, root, date);"
        "PRAGMA user_version = 6;");
  }
  auto store = Store::Open(dir.File("s.db"));
  {
    SqliteDb db(dir.File("s.db"), false, false);
    EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
    EXPECT_EQ(db.QueryInt("SELECT sum(events) FROM relation_pairs"), db.QueryInt("SELECT count(*) FROM events"));
    EXPECT_EQ(db.QueryInt("SELECT sum(events) FROM relation_days"), db.QueryInt("SELECT count(*) FROM events"));
  }
  ExpectSameRelations(*store);
  // And the triggers keep them from now on.
  store->PutArticle(*Article("a7", "Wire Four", "2025-02-11", {Spec(0, "RUSGOV", "USA", "042")}));
  ExpectSameRelations(*store);
}

}  // namespace
}  // namespace dyad
