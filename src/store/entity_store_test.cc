// The entity registry in the store: written with the articles, idempotent, reloaded.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "store/store.h"
#include "store/store_test_util.h"

namespace dyad {
namespace {

using testing::MakeCodedArticle;
using testing::TempDir;

EntityObservation Person(const std::string& name, const std::string& code,
                         std::vector<std::string> forms = {}) {
  EntityObservation o;
  o.name = name;
  o.code = code;
  o.country = CountryOfActorCode(code);
  if (forms.empty()) forms.push_back(name);
  for (auto& f : forms) o.forms.push_back({f, 1});
  return o;
}

std::vector<std::string> Aliases(const Entity& e) {
  std::vector<std::string> out;
  for (const auto& a : e.aliases) out.push_back(a.alias);
  std::sort(out.begin(), out.end());
  return out;
}

int64_t Count(const std::string& path, const char* sql) {
  SqliteDb db(path, true, false);
  return db.QueryInt(sql);
}

// A coded article of real text, run through the pipeline.
std::unique_ptr<CodedArticle> Coded(const Pipeline& p, const std::string& id, const std::string& text,
                                    const std::string& published = "2024-12-30") {
  auto ca = std::make_unique<CodedArticle>();
  ca->article.id = id;
  ca->article.title = id;
  ca->article.text = text;
  ca->article.published = published;
  ca->article.origin = "test:" + id;
  p.Run(ca.get());
  return ca;
}

const Pipeline& SharedPipeline() {
  static const Pipeline* p = new Pipeline();
  return *p;
}

TEST(EntityStoreTest, ArticlesMergeSpellingsAndSurviveReopening) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  {
    auto store = Store::Open(path);
    store->PutArticle(*MakeCodedArticle("a1", "T1", {"One."}),
                      {Person("Asaad al-Shaibani", "SYRGOV"), Person("Yalchin Rafiyev", "AZEGOV")});
    store->BeginBatch();
    store->PutArticle(*MakeCodedArticle("a2", "T2", {"Two."}),
                      {Person("Assad Hassan Al-Shibani", "SYRGOV", {"Assad Hassan Al-Shibani", "Al-Shibani"})});
    store->CommitBatch();
    ASSERT_EQ(store->Entities().size(), 2u);
  }
  auto store = Store::Open(path);
  const EntityRegistry& r = store->Entities();
  ASSERT_EQ(r.size(), 2u);
  const Entity& e = r.entities()[0];
  EXPECT_GT(e.id, 0);
  EXPECT_EQ(e.name, "Asaad al-Shaibani");
  EXPECT_EQ(Aliases(e), (std::vector<std::string>{"Al-Shibani", "Asaad al-Shaibani", "Assad Hassan Al-Shibani"}));
  EXPECT_EQ(e.num_articles, 2);
  EXPECT_EQ(e.first_seen, "2024-12-30");
  EXPECT_EQ(e.CodeAt(), "SYRGOV");
  ASSERT_EQ(e.codes.size(), 1u);
  EXPECT_EQ(e.codes[0].num_articles, 2);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM entity_articles"), 3);
  EXPECT_EQ(Count(path, "SELECT actor_code = 'SYRGOV' FROM entities WHERE name = 'Asaad al-Shaibani'"), 1);
}

TEST(EntityStoreTest, StoringAnArticleAgainChangesNothing) {
  TempDir dir;
  const std::string path = dir.File("s.db");
  auto store = Store::Open(path);
  auto ca = MakeCodedArticle("a1", "T1", {"One."});
  std::vector<EntityObservation> persons = {Person("Ilham Aliyev", "AZEGOV", {"Ilham Aliyev", "Aliyev"})};
  EXPECT_TRUE(store->PutArticle(*ca, persons).stored);
  auto dump = [&] {
    SqliteDb db(path, true, false);
    SqliteStatement st(db,
                       "SELECT (SELECT group_concat(name || num_articles || num_mentions) FROM entities) || "
                       "(SELECT group_concat(alias || num_mentions) FROM entity_aliases) || "
                       "(SELECT group_concat(actor_code || num_articles) FROM entity_codes) || "
                       "(SELECT count(*) FROM entity_articles)");
    st.Step();
    return std::string(st.ColumnText(0));
  };
  const std::string before = dump();
  EXPECT_FALSE(store->PutArticle(*ca, persons).stored);
  store->UpsertEntities("a1", "2024-12-30", persons);  // directly: the link says it is done
  EXPECT_EQ(dump(), before);
  auto again = Store::Open(path);
  EXPECT_FALSE(again->PutArticle(*ca, persons).stored);
  again->UpsertEntities("a1", "2024-12-30", persons);
  EXPECT_EQ(dump(), before);
  EXPECT_EQ(again->Entities().entities()[0].num_articles, 1);
}

TEST(EntityStoreTest, RolledBackBatchLeavesNoEntities) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  store->BeginBatch();
  store->PutArticle(*MakeCodedArticle("a1", "T1", {"One."}), {Person("Ilham Aliyev", "AZEGOV")});
  EXPECT_EQ(store->Entities().size(), 1u);
  store->RollbackBatch();
  EXPECT_EQ(store->Entities().size(), 0u);
  store->PutArticle(*MakeCodedArticle("a1", "T1", {"One."}), {Person("Ilham Aliyev", "AZEGOV")});
  EXPECT_EQ(store->Entities().size(), 1u);
  EXPECT_EQ(store->Entities().entities()[0].num_articles, 1);
}

TEST(EntityStoreTest, AnotherConnectionsEntitiesAreSeen) {
  TempDir dir;
  auto a = Store::Open(dir.File("s.db"));
  auto b = Store::Open(dir.File("s.db"));
  a->PutArticle(*MakeCodedArticle("a1", "T1", {"One."}), {Person("Ilham Aliyev", "AZEGOV")});
  EXPECT_EQ(b->Entities().size(), 1u);
  b->PutArticle(*MakeCodedArticle("a2", "T2", {"Two."}), {Person("Ilham Aliev", "AZEGOV")});
  ASSERT_EQ(a->Entities().size(), 1u);  // a reloads: b merged into the same entity
  EXPECT_EQ(a->Entities().entities()[0].num_articles, 2);
  a->PutArticle(*MakeCodedArticle("a3", "T3", {"Three."}), {Person("Ilham Aliyev", "AZEGOV")});
  auto c = Store::Open(dir.File("s.db"));
  ASSERT_EQ(c->Entities().size(), 1u);
  EXPECT_EQ(c->Entities().entities()[0].num_articles, 3);
}

TEST(EntityStoreTest, SeedingTwiceChangesNothingAndUserCodesOverride) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  auto entries = ParseActorFile(
      "Ahmed al-Sharaa|Abu Mohammad al-Jolani\tSYRREB\t\t2024-12-07\n"
      "Ahmed al-Sharaa\tSYRGOV\t2024-12-08\n",
      "actors.txt", nullptr);
  store->SeedEntities(entries);
  store->SeedEntities(entries);
  store->PutArticle(*MakeCodedArticle("a1", "T1", {"One."}), {Person("Ahmad al-Sharaa", "SYRREB")});
  auto reopened = Store::Open(dir.File("s.db"));
  const EntityRegistry& r = reopened->Entities();
  ASSERT_EQ(r.size(), 1u);
  const Entity& e = r.entities()[0];
  EXPECT_TRUE(e.user_defined);
  EXPECT_EQ(e.name, "Ahmed al-Sharaa");
  EXPECT_EQ(e.codes.size(), 3u);
  EXPECT_EQ(e.CodeAt(), "SYRGOV");  // the article said SYRREB on 2024-12-30; the user knows better
  EXPECT_EQ(e.CodeAt("2024-06-01"), "SYRREB");
  EXPECT_EQ(Aliases(e), (std::vector<std::string>{"Abu Mohammad al-Jolani", "Ahmad al-Sharaa", "Ahmed al-Sharaa"}));
}

TEST(EntityStoreTest, TitleInOneArticleResolvesBareSurnameLater) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  const Pipeline& p = SharedPipeline();
  store->PutArticle(*Coded(p, "a1",
                           "Syrian Foreign Minister Asaad al-Shaibani met his Jordanian counterpart "
                           "in Amman on Monday."));
  // A later article names only "al-Shaibani", without title or country.
  auto later = Coded(p, "a2", "Al-Shaibani said the talks would continue.", "2025-01-05");
  std::optional<Entity> e = store->Entities().Resolve("al-Shaibani");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->CodeAt("2025-01-05"), "SYRGOV");
  EXPECT_EQ(e->name, "Asaad al-Shaibani");
  EXPECT_EQ(e->title, "Foreign Minister");
  store->PutArticle(*later);
  EXPECT_EQ(store->Entities().size(), 1u);
}

TEST(EntityStoreTest, TwoIraqiMinistersWithSimilarNamesStayApart) {
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  const Pipeline& p = SharedPipeline();
  store->PutArticle(*Coded(p, "a1", "Iraqi Oil Minister Ali Hassan visited Basra on Sunday."));
  store->PutArticle(*Coded(p, "a2", "Iraqi Finance Minister Ali Hussein met bankers in Baghdad."));
  store->PutArticle(*Coded(p, "a3", "Iraqi Oil Minister Ali Hasan announced new contracts."));
  const EntityRegistry& r = store->Entities();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.entities()[0].name, "Ali Hassan");
  EXPECT_EQ(r.entities()[0].num_articles, 2);
  EXPECT_EQ(r.entities()[0].CodeAt(), "IRQGOV");
  EXPECT_EQ(r.entities()[1].name, "Ali Hussein");
  EXPECT_EQ(r.entities()[1].num_articles, 1);
}

TEST(EntityStoreTest, SeedArticlesGiveOneEntityPerGoldPerson) {
  const std::string seeds = DYAD_SHARED_DIR "/seeds";
  std::ifstream gold_in(seeds + "/gold.json");
  if (!gold_in) GTEST_SKIP() << "shared seeds not found at " << seeds;
  nlohmann::json gold = nlohmann::json::parse(gold_in);
  TempDir dir;
  auto store = Store::Open(dir.File("s.db"));
  for (const auto& d : gold["documents"]) {
    std::ifstream in(seeds + "/" + d["file"].get<std::string>());
    std::stringstream ss;
    ss << in.rdbuf();
    store->PutArticle(*Coded(SharedPipeline(), d["file"], ss.str(), ""));
  }
  const EntityRegistry& r = store->Entities();
  int persons = 0;
  for (const auto& g : gold["entities"]) {
    if (g["id"].get<std::string>()[0] != 'P') continue;
    ++persons;
    size_t found = 0;
    const Entity* entity = nullptr;
    for (const Entity& e : r.entities()) {
      if (NamesMatch(g["name"].get<std::string>(), e.name)) {
        ++found;
        entity = &e;
      }
    }
    ASSERT_EQ(found, 1u) << g["id"] << " " << g["name"];
    EXPECT_EQ(entity->CodeAt(), g["actor"].get<std::string>()) << g["id"];
  }
  EXPECT_EQ(persons, 6);
  EXPECT_EQ(r.size(), 6u);
  std::optional<Entity> s = r.Resolve("Asaad al-Shaibani");
  ASSERT_TRUE(s.has_value());
  std::vector<std::string> aliases = Aliases(*s);
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Asaad al-Shaibani"), aliases.end());
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Assad Hassan Al-Shibani"), aliases.end());
  EXPECT_EQ(s->num_articles, 2);
}

}  // namespace
}  // namespace dyad
