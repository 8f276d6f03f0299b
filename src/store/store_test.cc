#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "store/schema.h"
#include "store/store_test_util.h"

// Filters are written with designated initializers that name only the fields a test
// sets; the others keep their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace dyad {
namespace {

using testing::EventSpec;
using testing::MakeCodedArticle;
using testing::TempDir;

std::vector<std::string> ArticleIds(Store& store, const ArticleFilter& f) {
  std::vector<std::string> ids;
  store.ForEachArticle(f, [&](const ArticleListing& a) { ids.push_back(a.article.id); });
  return ids;
}

TEST(StoreTest, CreatesSchemaWithWalJournal) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  SqliteDb db(dir.File("s.db"), false, false);
  EXPECT_EQ(db.QueryInt("PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(db.QueryInt("PRAGMA application_id"), kStoreApplicationId);
  SqliteStatement mode(db, "PRAGMA journal_mode");
  ASSERT_TRUE(mode.Step());
  EXPECT_EQ(mode.ColumnText(0), "wal");
  for (const char* table : {"articles", "sentences", "events", "entities", "entity_aliases",
                            "clusters", "cluster_reports", "articles_fts"}) {
    SqliteStatement st(db, "SELECT count(*) FROM sqlite_schema WHERE name = ?1");
    st.Bind(1, std::string_view(table));
    ASSERT_TRUE(st.Step());
    EXPECT_EQ(st.ColumnInt(0), 1) << table;
  }
  StoreCounts c = store->Counts();
  EXPECT_EQ(c.articles, 0);
  EXPECT_EQ(c.events, 0);
}

TEST(StoreTest, StoresArticleWithSentencesAndEvents) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto ca = MakeCodedArticle("a1", "Delegation visits Damascus",
                             {"An Azerbaijani delegation visited Syria.", "They met the minister."},
                             {{0, "AZEGOV", "AZE", "SYR", "SYR", "042", ""},
                              {1, "AZEGOV", "AZE", "SYRGOV", "SYR", "040", ""}});
  ca->article.metadata_json = R"({"dataset":"test"})";
  Store::PutResult r = store->PutArticle(*ca);
  EXPECT_TRUE(r.stored);
  EXPECT_EQ(r.sentences, 2);
  EXPECT_EQ(r.events, 2);

  std::optional<StoredArticle> got = store->GetArticle("a1");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->article.title, "Delegation visits Damascus");
  EXPECT_EQ(got->article.text, ca->article.text);
  EXPECT_EQ(got->article.outlet, "Test Wire");
  EXPECT_EQ(got->article.metadata_json, R"({"dataset":"test"})");
  EXPECT_EQ(got->article.origin, "test:a1");
  ASSERT_EQ(got->sentences.size(), 2u);
  EXPECT_EQ(got->sentences[1].begin, ca->doc.sentences[1].begin);
  EXPECT_EQ(got->sentences[1].end, ca->doc.sentences[1].end);
  ASSERT_EQ(got->events.size(), 2u);
  const Event& e = got->events[1];
  EXPECT_EQ(e.event_id, ca->events[1].event_id);
  EXPECT_EQ(e.article_id, "a1");
  EXPECT_EQ(e.sentence, 1u);
  EXPECT_EQ(e.cameo, "040");
  EXPECT_EQ(e.source.code, "AZEGOV");
  EXPECT_EQ(e.target.code, "SYRGOV");
  EXPECT_EQ(e.evidence, "They met the minister.");
  EXPECT_DOUBLE_EQ(e.goldstein, 1.5);

  EXPECT_FALSE(store->GetArticle("nope").has_value());
  EXPECT_EQ(store->ArticleIdsWithPrefix("a", 5), std::vector<std::string>{"a1"});
}

TEST(StoreTest, SameArticleTwiceIsStoredOnce) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto ca = MakeCodedArticle("a1", "Title", {"Syria welcomed the visit."},
                             {{0, "SYR", "SYR", "AZE", "AZE", "051", ""}});
  EXPECT_TRUE(store->PutArticle(*ca).stored);
  Store::PutResult again = store->PutArticle(*ca);
  EXPECT_FALSE(again.stored);
  EXPECT_EQ(again.events, 0);

  // Same content under another id: the content hash recognises it.
  auto copy = MakeCodedArticle("other-id", "Title", {"Syria welcomed the visit."},
                               {{0, "SYR", "SYR", "AZE", "AZE", "051", ""}});
  EXPECT_FALSE(store->PutArticle(*copy).stored);
  // Same id with other content: the id recognises it.
  auto edited = MakeCodedArticle("a1", "Title", {"Syria welcomed the long visit."});
  EXPECT_FALSE(store->PutArticle(*edited).stored);

  EXPECT_TRUE(store->Contains("a1", ""));
  EXPECT_TRUE(store->Contains("", Store::ContentHash(ca->article)));
  EXPECT_FALSE(store->Contains("x", "y"));

  StoreCounts c = store->Counts();
  EXPECT_EQ(c.articles, 1);
  EXPECT_EQ(c.sentences, 1);
  EXPECT_EQ(c.events, 1);
}

TEST(StoreTest, PublicationEstimateOfAnUndatedArticleIsKeptApart) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto a = MakeCodedArticle("undated", "Ties", {"Ties date back 30 years to 1994."});
  a->article.published = "";
  a->article.published_estimate = {"2024", "year", "elapsed", "date back 30 years to 1994", "1994", "to 1994"};
  EXPECT_TRUE(store->PutArticle(*a).stored);
  // A dated article keeps no estimate, whatever a caller left in it.
  auto b = MakeCodedArticle("dated", "Talks", {"Talks resumed."});
  b->article.published_estimate = a->article.published_estimate;
  store->PutArticle(*b);
  // Storing again changes nothing.
  EXPECT_FALSE(store->PutArticle(*a).stored);

  std::optional<StoredArticle> got = store->GetArticle("undated");
  ASSERT_TRUE(got);
  const PublicationEstimate& e = got->article.published_estimate;
  EXPECT_EQ(got->article.published, "");
  EXPECT_EQ(e.date, "2024");
  EXPECT_EQ(e.precision, "year");
  EXPECT_EQ(e.basis, "elapsed");
  EXPECT_EQ(e.evidence, "date back 30 years to 1994");
  EXPECT_EQ(e.not_before, "1994");
  EXPECT_EQ(e.not_before_evidence, "to 1994");
  EXPECT_TRUE(store->GetArticle("dated")->article.published_estimate.empty());
  std::vector<std::string> listed;
  store->ForEachArticle({}, [&](const ArticleListing& l) {
    listed.push_back(l.article.id + ":" + l.article.published_estimate.date);
  });
  EXPECT_EQ(listed, (std::vector<std::string>{"undated:2024", "dated:"}));
  SqliteDb db(dir.File("s.db"), false, false);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM articles WHERE published_estimate = '2024'"), 1);
}

TEST(StoreTest, DuplicateEventOfOneArticleIsStoredOnce) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto ca = MakeCodedArticle("a1", "T", {"Syria met Turkey."},
                             {{0, "SYR", "SYR", "TUR", "TUR", "040", ""},
                              {0, "SYR", "SYR", "TUR", "TUR", "040", ""}});
  EXPECT_EQ(store->PutArticle(*ca).events, 1);
  EXPECT_EQ(store->Counts().events, 1);
}

TEST(StoreTest, DateBounds) {
  EXPECT_TRUE(IsDateBound("2024"));
  EXPECT_TRUE(IsDateBound("2024-12"));
  EXPECT_TRUE(IsDateBound("2024-12-30"));
  EXPECT_FALSE(IsDateBound(""));
  EXPECT_FALSE(IsDateBound("24"));
  EXPECT_FALSE(IsDateBound("2024-1"));
  EXPECT_FALSE(IsDateBound("2024/12/30"));
  EXPECT_FALSE(IsDateBound("2024-12-30T10"));
  EXPECT_FALSE(IsDateBound("yesterday"));
  // Only real dates.
  EXPECT_TRUE(IsDateBound("2024-02-29"));
  EXPECT_TRUE(IsDateBound("2000-02-29"));
  EXPECT_FALSE(IsDateBound("2023-02-29"));
  EXPECT_FALSE(IsDateBound("1900-02-29"));
  EXPECT_FALSE(IsDateBound("2024-13-45"));
  EXPECT_FALSE(IsDateBound("2024-13"));
  EXPECT_FALSE(IsDateBound("2024-00"));
  EXPECT_FALSE(IsDateBound("2024-04-31"));
  EXPECT_FALSE(IsDateBound("2024-12-00"));
}

TEST(StoreTest, ContentHashIsOfTitleAndText) {
  Article a;
  a.title = "T";
  a.text = "body";
  EXPECT_EQ(Store::ContentHash(a), HexId(Hash64("T\nbody")));
}

TEST(StoreTest, BatchCommitsTogetherAndRollsBack) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto reader = Store::Open(dir.File("s.db"), {.create = false});

  store->BeginBatch();
  EXPECT_TRUE(store->in_batch());
  for (int i = 0; i < 3; ++i) {
    store->PutArticle(*MakeCodedArticle("a" + std::to_string(i), "T", {"Text " + std::to_string(i) + "."},
                                        {{0, "SYR", "SYR", "TUR", "TUR", "040", ""}}));
  }
  // Another connection does not see an open batch.
  EXPECT_EQ(reader->Counts().articles, 0);
  store->CommitBatch();
  EXPECT_FALSE(store->in_batch());
  EXPECT_EQ(reader->Counts().articles, 3);

  store->BeginBatch();
  store->PutArticle(*MakeCodedArticle("b1", "T", {"Other text."}));
  store->RollbackBatch();
  StoreCounts c = reader->Counts();
  EXPECT_EQ(c.articles, 3);
  EXPECT_EQ(c.sentences, 3);
  EXPECT_EQ(c.events, 3);
  EXPECT_FALSE(store->Contains("b1", ""));

  // The same article can be stored after its batch was rolled back.
  EXPECT_TRUE(store->PutArticle(*MakeCodedArticle("b1", "T", {"Other text."})).stored);

  // The full-text index holds exactly the committed articles.
  EXPECT_EQ(ArticleIds(*store, {.search = "text"}).size(), 4u);
  EXPECT_EQ(ArticleIds(*store, {.search = "other"}), std::vector<std::string>{"b1"});
  SqliteDb db(dir.File("s.db"), false, false);
  EXPECT_NO_THROW(db.Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"));
}

TEST(StoreTest, ClosingWithOpenBatchLosesOnlyThatBatch) {
  TempDir dir;
  {
    auto store = Store::Open(dir.File("s.db"));
    store->BeginBatch();
    store->PutArticle(*MakeCodedArticle("a1", "T", {"One."}));
    store->CommitBatch();
    store->BeginBatch();
    store->PutArticle(*MakeCodedArticle("a2", "T", {"Two."}));
  }
  auto store = Store::Open(dir.File("s.db"));
  EXPECT_EQ(store->Counts().articles, 1);
  EXPECT_TRUE(store->Contains("a1", ""));
  EXPECT_FALSE(store->Contains("a2", ""));
}

TEST(StoreTest, FailedArticleInBatchIsUndoneAndBatchGoesOn) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  {
    // A trigger that rejects one event makes the article fail after its row, its
    // sentences and its first event were written.
    SqliteDb db(dir.File("s.db"), false, false);
    db.Exec(
        "CREATE TRIGGER reject BEFORE INSERT ON events WHEN new.cameo = '999' "
        "BEGIN SELECT RAISE(ABORT, 'rejected by test'); END;");
  }
  store = Store::Open(dir.File("s.db"));  // sees the new trigger
  store->BeginBatch();
  store->PutArticle(*MakeCodedArticle("good1", "T", {"One."}, {{0, "SYR", "SYR", "TUR", "TUR", "040", ""}}));
  auto bad = MakeCodedArticle("bad", "T", {"Two.", "Three."},
                              {{0, "SYR", "SYR", "TUR", "TUR", "040", ""},
                               {1, "SYR", "SYR", "TUR", "TUR", "999", ""}});
  EXPECT_THROW(store->PutArticle(*bad), StoreError);
  EXPECT_TRUE(store->in_batch());
  store->PutArticle(*MakeCodedArticle("good2", "T", {"Four."}, {{0, "SYR", "SYR", "TUR", "TUR", "040", ""}}));
  store->CommitBatch();

  StoreCounts c = store->Counts();
  EXPECT_EQ(c.articles, 2);
  EXPECT_EQ(c.sentences, 2);
  EXPECT_EQ(c.events, 2);
  EXPECT_FALSE(store->Contains("bad", ""));
  EXPECT_EQ(ArticleIds(*store, {.search = "three"}).size(), 0u);  // not indexed either
  EXPECT_EQ(ArticleIds(*store, {.search = "four"}), std::vector<std::string>{"good2"});

  // Outside a batch the failed article is its own rolled-back transaction.
  EXPECT_THROW(store->PutArticle(*bad), StoreError);
  EXPECT_FALSE(store->in_batch());
  EXPECT_EQ(store->Counts().articles, 2);
  SqliteDb db(dir.File("s.db"), false, false);
  EXPECT_NO_THROW(db.Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')"));
}

TEST(StoreTest, RejectsArticleWithoutId) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto ca = MakeCodedArticle("", "T", {"x."});
  EXPECT_THROW(store->PutArticle(*ca), StoreError);
}

class StoreQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::Open(dir_.File("q.db"));
    auto a = MakeCodedArticle("art-aze", "Azerbaijani delegation visits Damascus",
                              {"An Azerbaijani delegation visited Syria on Monday.",
                               "The delegation met Foreign Minister al-Shaibani.",
                               "Syria thanked Azerbaijan for the aid."},
                              {{0, "AZEGOV", "AZE", "SYR", "SYR", "042", "2024-12-30"},
                               {1, "AZEGOV", "AZE", "SYRGOV", "SYR", "040", "2024-12-30"},
                               {2, "SYR", "SYR", "AZE", "AZE", "051", "2024-12-31"}});
    a->article.outlet = "AzerNews";
    a->article.published = "2024-12-30";
    auto b = MakeCodedArticle("art-tur", "Turkey and Russia talks",
                              {"Turkey criticized Russia over the strikes.",
                               "Russian forces attacked Ukrainian positions."},
                              {{0, "TURGOV", "TUR", "RUS", "RUS", "111", "2025-01-15"},
                               {1, "RUSMIL", "RUS", "UKR", "UKR", "190", "2025-01"}});
    b->article.outlet = "Wire";
    b->article.published = "2025-01-15T08:00:00Z";
    auto c = MakeCodedArticle("art-old", "Relations since 1992",
                              {"Azerbaijan and Syria established relations."},
                              {{0, "AZE", "AZE", "SYR", "SYR", "064", "1992"}});
    c->article.outlet = "SANA";
    c->article.published = "";
    store_->PutArticle(*a);
    store_->PutArticle(*b);
    store_->PutArticle(*c);
  }

  std::vector<std::string> Cameos(const EventFilter& f) {
    std::vector<std::string> out;
    store_->ForEachEvent(f, [&](const Event& e) { out.push_back(e.cameo); });
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

using Strings = std::vector<std::string>;

TEST_F(StoreQueryTest, AllEventsByDateOrStoredOrder) {
  EXPECT_EQ(Cameos({}), (Strings{"064", "042", "040", "051", "190", "111"}));
  EXPECT_EQ(Cameos({.order = EventFilter::Order::kStored}),
            (Strings{"042", "040", "051", "111", "190", "064"}));
  EXPECT_EQ(store_->CountEvents({}), 6);
}

TEST_F(StoreQueryTest, ActorPrefixMatchesSourceOrTarget) {
  EXPECT_EQ(Cameos({.actor = "AZE"}), (Strings{"064", "042", "040", "051"}));
  EXPECT_EQ(Cameos({.actor = "AZEGOV"}), (Strings{"042", "040"}));
  EXPECT_EQ(Cameos({.actor = "SYRGOV"}), (Strings{"040"}));
  EXPECT_EQ(Cameos({.actor = "RUS"}), (Strings{"190", "111"}));
  EXPECT_EQ(Cameos({.actor = "FRA"}), Strings{});
}

TEST_F(StoreQueryTest, CountryPairInEitherDirection) {
  EXPECT_EQ(Cameos({.country_a = "SYR", .country_b = "AZE"}), (Strings{"064", "042", "040", "051"}));
  EXPECT_EQ(Cameos({.country_a = "AZE", .country_b = "SYR"}), (Strings{"064", "042", "040", "051"}));
  EXPECT_EQ(Cameos({.country_a = "UKR", .country_b = "RUS"}), (Strings{"190"}));
  EXPECT_EQ(Cameos({.country_a = "TUR", .country_b = "UKR"}), Strings{});
}

TEST_F(StoreQueryTest, CameoRootOrCodePrefix) {
  EXPECT_EQ(Cameos({.cameo = "04"}), (Strings{"042", "040"}));
  EXPECT_EQ(Cameos({.cameo = "042"}), (Strings{"042"}));
  EXPECT_EQ(Cameos({.cameo = "1"}), (Strings{"190", "111"}));
  EXPECT_EQ(Cameos({.cameo = "0421"}), Strings{});
}

TEST_F(StoreQueryTest, DateRangeCoversShorterDates) {
  EXPECT_EQ(Cameos({.from = "2024-12-31"}), (Strings{"051", "190", "111"}));
  EXPECT_EQ(Cameos({.to = "2024-12-30"}), (Strings{"064", "042", "040"}));
  EXPECT_EQ(Cameos({.from = "2025-01", .to = "2025-01"}), (Strings{"190", "111"}));
  EXPECT_EQ(Cameos({.from = "2024", .to = "2024"}), (Strings{"042", "040", "051"}));
}

TEST_F(StoreQueryTest, OutletSearchClusterAndLimit) {
  EXPECT_EQ(Cameos({.outlet = "azernews"}), (Strings{"042", "040", "051"}));
  EXPECT_EQ(Cameos({.search = "strikes"}), (Strings{"190", "111"}));
  EXPECT_EQ(Cameos({.search = "al-Shaibani"}), (Strings{"042", "040", "051"}));
  EXPECT_EQ(Cameos({.limit = 2}), (Strings{"064", "042"}));
  EXPECT_EQ(Cameos({.actor = "AZE", .cameo = "04", .outlet = "AzerNews"}), (Strings{"042", "040"}));
  EXPECT_EQ(store_->CountEvents({.actor = "AZE"}), 4);

  // Every stored event is in a cluster (here each alone in its own).
  std::vector<std::string> clusters;
  store_->ForEachEvent({.actor = "AZE", .to = "1992"}, [&](const Event& e) { clusters.push_back(e.cluster_id); });
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].size(), 16u);
  EXPECT_EQ(Cameos({.cluster_id = clusters[0]}), (Strings{"064"}));
  EXPECT_EQ(store_->Counts().clusters, 6);
  EXPECT_EQ(Cameos({.min_sources = 2}), Strings{});
  EXPECT_EQ(Cameos({.min_sources = 1, .min_articles = 1}).size(), 6u);
}

TEST_F(StoreQueryTest, ActorPairInEitherDirection) {
  EXPECT_EQ(Cameos({.actor_a = "SYR", .actor_b = "AZEGOV"}), (Strings{"042", "040"}));
  EXPECT_EQ(Cameos({.actor_a = "AZE", .actor_b = "SYRGOV"}), (Strings{"040"}));
  EXPECT_EQ(Cameos({.actor_a = "RUSMIL", .actor_b = "UKR"}), (Strings{"190"}));
  EXPECT_EQ(Cameos({.actor_a = "RUSGOV", .actor_b = "UKR"}), Strings{});
}

TEST_F(StoreQueryTest, ArticleListFilters) {
  EXPECT_EQ(ArticleIds(*store_, {}), (Strings{"art-old", "art-aze", "art-tur"}));
  EXPECT_EQ(ArticleIds(*store_, {.outlet = "sana"}), Strings{"art-old"});
  EXPECT_EQ(ArticleIds(*store_, {.from = "2025-01-15", .to = "2025-01-15"}), Strings{"art-tur"});
  // Undated articles are in no date range.
  EXPECT_EQ(ArticleIds(*store_, {.to = "2024"}), Strings{"art-aze"});
  EXPECT_EQ(ArticleIds(*store_, {.limit = 1}), Strings{"art-old"});

  std::vector<ArticleListing> rows;
  store_->ForEachArticle({.outlet = "AzerNews"}, [&](const ArticleListing& a) { rows.push_back(a); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].num_sentences, 3);
  EXPECT_EQ(rows[0].num_events, 3);
  EXPECT_EQ(rows[0].article.title, "Azerbaijani delegation visits Damascus");
  EXPECT_TRUE(rows[0].article.text.empty());
}

TEST_F(StoreQueryTest, FullTextSearch) {
  // Stemming: "visit" finds "visited"/"visits"; title and text are both searched.
  EXPECT_EQ(ArticleIds(*store_, {.search = "visit"}), Strings{"art-aze"});
  EXPECT_EQ(ArticleIds(*store_, {.search = "Russia"}), Strings{"art-tur"});
  EXPECT_EQ(ArticleIds(*store_, {.search = "\"established relations\""}), Strings{"art-old"});
  EXPECT_EQ(ArticleIds(*store_, {.search = "\"relations established\""}), Strings{});
  EXPECT_EQ(ArticleIds(*store_, {.search = "azerbaijan syria"}).size(), 1u + 1u);
  EXPECT_EQ(ArticleIds(*store_, {.search = "ukrain*"}), Strings{"art-tur"});
  EXPECT_EQ(ArticleIds(*store_, {.search = "aid OR strikes"}).size(), 2u);
  EXPECT_EQ(ArticleIds(*store_, {.search = "syria NOT aid"}), Strings{"art-old"});
  EXPECT_EQ(ArticleIds(*store_, {.outlet = "SANA", .search = "Syria"}), Strings{"art-old"});
  // Text with no word in it, or FTS5 syntax characters, is no error.
  EXPECT_EQ(ArticleIds(*store_, {.search = "--- ("}), Strings{});
  EXPECT_EQ(ArticleIds(*store_, {.search = "NEAR( : ^ ( )"}), Strings{});
}

TEST(StoreOpenTest, ReopensWhatWasStored) {
  TempDir dir;
  {
    auto store = Store::Open(dir.File("s.db"));
    store->PutArticle(*MakeCodedArticle("a1", "T", {"One."}));
  }
  auto store = Store::Open(dir.File("s.db"), {.create = false});
  EXPECT_EQ(store->Counts().articles, 1);
}

TEST(StoreOpenTest, MissingStoreWithoutCreateFails) {
  TempDir dir;
  try {
    Store::Open(dir.File("missing.db"), {.create = false});
    FAIL() << "opened a missing store";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("no store at"), std::string::npos) << e.what();
  }
}

TEST(StoreOpenTest, FileThatIsNotADatabaseFails) {
  TempDir dir;
  std::ofstream(dir.File("text.db")) << "this is not an SQLite database, it is plain text\n";
  try {
    Store::Open(dir.File("text.db"));
    FAIL() << "opened a text file";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a dyad store"), std::string::npos) << e.what();
  }
}

TEST(StoreOpenTest, OtherSqliteDatabaseIsNotTakenOver) {
  TempDir dir;
  {
    SqliteDb db(dir.File("other.db"), false, true);
    db.Exec("CREATE TABLE things (x)");
  }
  try {
    Store::Open(dir.File("other.db"));
    FAIL() << "opened another application's database";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("not a dyad store"), std::string::npos) << e.what();
  }
  SqliteDb db(dir.File("other.db"), false, false);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM sqlite_schema"), 1);
}

}  // namespace
}  // namespace dyad
