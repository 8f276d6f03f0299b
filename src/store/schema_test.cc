#include "store/schema.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/store_test_util.h"

// Filters are written with designated initializers that name only the fields a test
// sets; the others keep their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace dyad {
namespace {

using testing::MakeCodedArticle;
using testing::TempDir;

int64_t TableCount(SqliteDb& db, const char* name) {
  SqliteStatement st(db, "SELECT count(*) FROM sqlite_schema WHERE name = ?1");
  st.Bind(1, std::string_view(name));
  st.Step();
  return st.ColumnInt(0);
}

TEST(SchemaTest, NewFileIsVersionZeroAndMigratesToCurrent) {
  TempDir dir;
  SqliteDb db(dir.File("s.db"), false, true);
  EXPECT_EQ(SchemaVersion(db), 0);
  MigrateSchema(db);
  EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
  EXPECT_EQ(TableCount(db, "articles_fts"), 1);
  MigrateSchema(db);  // already current: nothing to do
  EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
}

TEST(SchemaTest, UpgradesVersionOneStoreAndIndexesItsArticles) {
  TempDir dir;
  {
    // A store as the first schema version wrote it, with one article in it.
    SqliteDb db(dir.File("old.db"), false, true);
    MigrateSchema(db, 1);
    EXPECT_EQ(SchemaVersion(db), 1);
    EXPECT_EQ(TableCount(db, "articles_fts"), 0);
    EXPECT_EQ(TableCount(db, "entities"), 0);
    db.Exec(
        "INSERT INTO articles (id, content_hash, title, text, ingested_at) VALUES "
        "('old1', 'h1', 'Ministers met in Baku', 'The ministers discussed trade.', '2024-01-01');"
        "INSERT INTO sentences VALUES ('old1', 0, 0, 30);");
  }
  auto store = Store::Open(dir.File("old.db"), {.create = false});
  {
    SqliteDb db(dir.File("old.db"), false, false);
    EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
    EXPECT_EQ(TableCount(db, "entities"), 1);
    EXPECT_EQ(TableCount(db, "entity_aliases"), 1);
    EXPECT_EQ(TableCount(db, "clusters"), 1);
    EXPECT_EQ(TableCount(db, "cluster_reports"), 1);
  }
  // The migration indexed the article that was already there...
  std::vector<std::string> found;
  store->ForEachArticle({.search = "discuss"}, [&](const ArticleListing& a) { found.push_back(a.article.id); });
  EXPECT_EQ(found, std::vector<std::string>{"old1"});
  // ...and new ones are indexed as they are stored.
  store->PutArticle(*MakeCodedArticle("new1", "T", {"Trade talks resumed."}));
  found.clear();
  store->ForEachArticle({.search = "trade"}, [&](const ArticleListing& a) { found.push_back(a.article.id); });
  EXPECT_EQ(found.size(), 2u);
  EXPECT_EQ(store->Counts().sentences, 2);
}

TEST(SchemaTest, UpgradesVersionTwoStore) {
  TempDir dir;
  {
    SqliteDb db(dir.File("v2.db"), false, true);
    MigrateSchema(db, 2);
  }
  auto store = Store::Open(dir.File("v2.db"));
  SqliteDb db(dir.File("v2.db"), false, false);
  EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
  EXPECT_EQ(TableCount(db, "clusters"), 1);
}

TEST(SchemaTest, UpgradesVersionThreeStoreAndKeepsItsEntities) {
  TempDir dir;
  {
    SqliteDb db(dir.File("v3.db"), false, true);
    MigrateSchema(db, 3);
    EXPECT_EQ(TableCount(db, "entity_codes"), 0);
    db.Exec(
        "INSERT INTO entities (name, actor_code, country, num_mentions) VALUES "
        "('Ilham Aliyev', 'AZEGOV', 'AZE', 4);"
        "INSERT INTO entity_aliases VALUES ('Aliyev', 1, 2);");
  }
  auto store = Store::Open(dir.File("v3.db"));
  {
    SqliteDb db(dir.File("v3.db"), false, false);
    EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
    EXPECT_EQ(TableCount(db, "entity_codes"), 1);
    EXPECT_EQ(TableCount(db, "entity_articles"), 1);
    EXPECT_EQ(db.QueryInt("SELECT num_articles + user_defined FROM entities"), 0);
  }
  const EntityRegistry& r = store->Entities();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.entities()[0].name, "Ilham Aliyev");
  EXPECT_EQ(r.entities()[0].num_mentions, 4);
  ASSERT_EQ(r.entities()[0].aliases.size(), 1u);
  EXPECT_TRUE(r.Resolve("Ilham Aliev").has_value());
}

TEST(SchemaTest, UpgradesVersionFiveStoreAndKeepsItsArticles) {
  TempDir dir;
  {
    SqliteDb db(dir.File("v5.db"), false, true);
    MigrateSchema(db, 5);
    db.Exec(
        "INSERT INTO articles (id, content_hash, title, text, ingested_at) VALUES "
        "('old5', 'h5', 'Ties', 'Ties date back 30 years to 1994.', '2024-01-01');");
  }
  auto store = Store::Open(dir.File("v5.db"));
  {
    SqliteDb db(dir.File("v5.db"), false, false);
    EXPECT_EQ(SchemaVersion(db), kSchemaVersion);
    EXPECT_EQ(db.QueryInt("SELECT count(*) FROM articles WHERE published_estimate = '' AND "
                          "published_estimate_record = '{}'"),
              1);
  }
  std::optional<StoredArticle> old = store->GetArticle("old5");
  ASSERT_TRUE(old);
  EXPECT_TRUE(old->article.published_estimate.empty());  // stored before: none
  auto a = MakeCodedArticle("new6", "Talks", {"Talks resumed."});
  a->article.published = "";
  a->article.published_estimate = {"2021", "year", "latest_date", "in 2021", "2021", "in 2021"};
  store->PutArticle(*a);
  EXPECT_EQ(store->GetArticle("new6")->article.published_estimate.basis, "latest_date");
}

TEST(SchemaTest, StoreFromNewerDyadIsRefusedAndLeftAlone) {
  TempDir dir;
  {
    auto store = Store::Open(dir.File("new.db"));
    store->PutArticle(*MakeCodedArticle("a1", "T", {"One."}));
  }
  {
    SqliteDb db(dir.File("new.db"), false, false);
    db.Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).c_str());
  }
  try {
    Store::Open(dir.File("new.db"));
    FAIL() << "opened a store of a newer schema";
  } catch (const StoreError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("newer dyad"), std::string::npos) << what;
    EXPECT_NE(what.find("schema version " + std::to_string(kSchemaVersion + 1)), std::string::npos)
        << what;
  }
  SqliteDb db(dir.File("new.db"), false, false);
  EXPECT_EQ(db.QueryInt("PRAGMA user_version"), kSchemaVersion + 1);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM articles"), 1);
}

TEST(SchemaTest, FailedMigrationChangesNothing) {
  TempDir dir;
  {
    SqliteDb db(dir.File("s.db"), false, true);
    MigrateSchema(db, 1);
    // Something already named like what migration 3 creates makes it fail after
    // migration 2 has run inside the same transaction.
    db.Exec("CREATE TABLE entities (x)");
  }
  EXPECT_THROW(Store::Open(dir.File("s.db")), StoreError);
  SqliteDb db(dir.File("s.db"), false, false);
  EXPECT_EQ(SchemaVersion(db), 1);
  EXPECT_EQ(TableCount(db, "articles_fts"), 0);
}

}  // namespace
}  // namespace dyad
