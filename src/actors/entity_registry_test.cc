#include "actors/entity_registry.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

EntityObservation Person(const std::string& name, const std::string& code,
                         std::vector<std::string> forms = {}, const std::string& title = "") {
  EntityObservation o;
  o.name = name;
  o.code = code;
  o.country = CountryOfActorCode(code);
  o.title = title;
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

TEST(EntityRegistryTest, CountryOfActorCode) {
  EXPECT_EQ(CountryOfActorCode("SYRGOV"), "SYR");
  EXPECT_EQ(CountryOfActorCode("AZE"), "AZE");
  EXPECT_EQ(CountryOfActorCode("IGOUNO"), "");
  EXPECT_EQ(CountryOfActorCode("GOV"), "");
  EXPECT_EQ(CountryOfActorCode(""), "");
}

TEST(EntityRegistryTest, SpellingsAcrossArticlesMergeIntoOneEntity) {
  EntityRegistry r;
  r.AddArticle("2024-12-30T08:00:00Z",
               {Person("Asaad al-Shaibani", "SYRGOV", {"Asaad al-Shaibani"}, "Foreign Minister"),
                Person("Yalchin Rafiyev", "AZEGOV")});
  r.AddArticle("", {Person("Assad Hassan Al-Shibani", "SYRGOV",
                           {"Assad Hassan Al-Shibani", "Al-Shibani", "Al-Shibani"}, "Minister"),
                    Person("Yalchin Rafiev", "AZEGOV")});
  ASSERT_EQ(r.size(), 2u);
  const Entity& s = r.entities()[0];
  EXPECT_EQ(s.name, "Asaad al-Shaibani");
  EXPECT_EQ(Aliases(s), (std::vector<std::string>{"Al-Shibani", "Asaad al-Shaibani", "Assad Hassan Al-Shibani"}));
  EXPECT_EQ(s.num_articles, 2);
  EXPECT_EQ(s.num_mentions, 4);
  EXPECT_EQ(s.first_seen, "2024-12-30");  // the undated article leaves the dates alone
  EXPECT_EQ(s.last_seen, "2024-12-30");
  EXPECT_EQ(s.CodeAt(), "SYRGOV");
  EXPECT_EQ(s.country, "SYR");
  ASSERT_EQ(s.codes.size(), 1u);
  EXPECT_EQ(s.codes[0].num_articles, 2);
  EXPECT_EQ(r.entities()[1].num_articles, 2);
}

TEST(EntityRegistryTest, SimilarNamesOfDifferentPeopleStayApart) {
  EntityRegistry r;
  r.AddArticle("2024-05-01", {Person("Ali Hassan", "IRQGOV", {}, "Minister of Oil"),
                              Person("Ali Hussein", "IRQGOV", {}, "Minister of Finance")});
  r.AddArticle("2024-05-02", {Person("Ali Hussein", "IRQGOV"), Person("Ali Hasan", "IRQGOV")});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.entities()[0].name, "Ali Hassan");
  EXPECT_EQ(Aliases(r.entities()[0]), (std::vector<std::string>{"Ali Hasan", "Ali Hassan"}));
  EXPECT_EQ(r.entities()[1].num_articles, 2);
  // A bare "Hassan" is not "Hussein".
  auto h = r.Resolve("Hassan");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->name, "Ali Hassan");
}

TEST(EntityRegistryTest, SameNameInAnotherCountryIsAnotherPerson) {
  EntityRegistry r;
  r.AddArticle("2024-01-01", {Person("Ali Hassan", "IRQGOV"), Person("Ali Hassan", "EGYMIL")});
  EXPECT_EQ(r.size(), 2u);
  EXPECT_FALSE(r.Resolve("Ali Hassan").has_value());  // two people: ambiguous
  auto egy = r.Resolve("Ali Hassan", "EGY");
  ASSERT_TRUE(egy.has_value());
  EXPECT_EQ(egy->CodeAt(), "EGYMIL");
}

TEST(EntityRegistryTest, UnknownCountryJoinsByFullNameOnly) {
  EntityRegistry r;
  r.AddArticle("1987-03-01", {Person("James Baker", "---GOV")});
  r.AddArticle("1987-03-02", {Person("James Baker", "USAGOV")});
  r.AddArticle("1987-03-03", {Person("James Baker", "---GOV")});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.entities()[0].country, "USA");
  EXPECT_EQ(r.entities()[0].CodeAt(), "USAGOV");  // a country beats "---", though older
  r.AddArticle("1987-03-04", {Person("Baker", "---LEG")});  // some Baker, some legislature
  EXPECT_EQ(r.size(), 2u);
  r.AddArticle("1987-03-05", {Person("Reagan", "USAGOV")});
  EXPECT_EQ(r.size(), 3u);
  r.AddArticle("1987-03-05", {Person("Donald Regan", "USAGOV")});
  EXPECT_EQ(r.size(), 4u);
}

TEST(EntityRegistryTest, TitleInOneArticleResolvesSurnameInALaterOne) {
  EntityRegistry r;
  r.AddArticle("2024-12-30", {Person("Asaad al-Shaibani", "SYRGOV",
                                     {"Asaad al-Shaibani"}, "Foreign Minister")});
  // A later article writes only "al-Shaibani", which it could not code by itself.
  auto e = r.Resolve("al-Shaibani");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->CodeAt("2025-01-15"), "SYRGOV");
  EXPECT_EQ(e->title, "Foreign Minister");
  EXPECT_TRUE(r.Resolve("Al-Shibani").has_value());
  EXPECT_FALSE(r.Resolve("al-Sharaa").has_value());
  EXPECT_FALSE(r.Resolve("Hassan al-Shaibani").has_value() &&
               r.Resolve("Hassan al-Shaibani")->name != "Asaad al-Shaibani");
}

TEST(EntityRegistryTest, BareSurnameGivesWayToFullNameAndTwoGivenNamesStayApart) {
  EntityRegistry r;
  r.AddArticle("2024-01-01", {Person("Aliyev", "AZEGOV", {}, "President")});
  r.AddArticle("2024-01-02", {Person("Ilham Aliyev", "AZEGOV")});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.entities()[0].name, "Ilham Aliyev");
  r.AddArticle("2024-01-03", {Person("Heydar Aliyev", "AZEGOV")});
  EXPECT_EQ(r.size(), 2u);
  EXPECT_FALSE(r.Resolve("Aliyev").has_value());  // now two Aliyevs
  ASSERT_TRUE(r.Resolve("Ilham Aliev").has_value());
  EXPECT_EQ(r.Resolve("Ilham Aliev")->name, "Ilham Aliyev");
}

TEST(EntityRegistryTest, CodesChangeOverTimeAndUserRangesOverride) {
  EntityRegistry r;
  r.AddArticle("2024-06-01", {Person("Ahmad al-Sharaa", "SYRREB")});
  r.AddArticle("2024-12-20", {Person("Ahmed al-Sharaa", "SYRGOV")});
  ASSERT_EQ(r.size(), 1u);
  const Entity& e = r.entities()[0];
  EXPECT_EQ(e.CodeAt(), "SYRGOV");
  EXPECT_EQ(e.CodeAt("2024-07-01"), "SYRREB");
  EXPECT_EQ(e.CodeAt("2024-01-01"), "SYRREB");  // before anything seen: the earliest

  std::vector<ActorFileEntry> file = ParseActorFile(
      "# heads of state\n"
      "Ahmed al-Sharaa|Abu Mohammad al-Jolani\tSYRREB\t\t2024-12-07\n"
      "Ahmed al-Sharaa\tSYRGOV\t2024-12-08\n",
      "actors.txt", nullptr);
  ASSERT_EQ(file.size(), 2u);
  for (const auto& entry : file) r.AddUserEntry(entry);
  for (const auto& entry : file) r.AddUserEntry(entry);  // twice changes nothing
  ASSERT_EQ(r.size(), 1u);
  const Entity& u = r.entities()[0];
  EXPECT_TRUE(u.user_defined);
  EXPECT_EQ(u.name, "Ahmed al-Sharaa");
  EXPECT_EQ(u.codes.size(), 4u);
  EXPECT_EQ(u.CodeAt("2024-12-07"), "SYRREB");
  EXPECT_EQ(u.CodeAt("2024-12-08"), "SYRGOV");
  EXPECT_EQ(u.CodeAt(), "SYRGOV");
  ASSERT_TRUE(r.Resolve("Jolani").has_value());
  EXPECT_EQ(r.Resolve("Jolani")->name, "Ahmed al-Sharaa");
  ASSERT_TRUE(r.Resolve("Abu Mohammed al-Julani").has_value());
  // A later article with a spelling variant keeps the user's name.
  r.AddArticle("2025-01-01", {Person("Ahmad al-Sharaa", "SYRGOV")});
  EXPECT_EQ(r.entities()[0].name, "Ahmed al-Sharaa");
  EXPECT_EQ(r.entities()[0].num_articles, 3);
}

TEST(EntityRegistryTest, UserEntryForAnUnseenPersonCreatesIt) {
  EntityRegistry r;
  auto file = ParseActorFile("Recep Tayyip Erdogan|Erdoğan\tTURGOV\t2014-08\n", "f", nullptr);
  ASSERT_EQ(file.size(), 1u);
  EXPECT_EQ(file[0].from, "2014-08-01");
  r.AddUserEntry(file[0]);
  r.AddArticle("2024-01-01", {Person("Recep Tayyip Erdoğan", "TURGOV")});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.entities()[0].country, "TUR");
  EXPECT_EQ(r.Search("Erdogan"), std::vector<size_t>{0});
  EXPECT_EQ(r.Search("TURGOV"), std::vector<size_t>{0});
  EXPECT_EQ(r.Search("TUR"), std::vector<size_t>{0});
  EXPECT_TRUE(r.Search("Ilham").empty());
}

TEST(EntityRegistryTest, ActorFileErrorsNameTheLine) {
  std::vector<Diagnostic> diags;
  auto entries = ParseActorFile(
      "Good Name\tAZEGOV\n"
      "\n"
      "NoCodeHere\n"
      "Bad Code\tsyrgov\n"
      "Bad Date\tSYRGOV\t2024-13\n"
      "Reversed\tSYRGOV\t2025-01-01\t2024-01-01\n"
      "\tSYRGOV\n"
      "Too Many\tSYRGOV\t2024\t2025\textra\n"
      "Open Start\tSYRGOV\t-\t2024\r\n",
      "my.actors", [&](const Diagnostic& d) { diags.push_back(d); });
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].names, std::vector<std::string>{"Good Name"});
  EXPECT_EQ(entries[1].from, "");
  EXPECT_EQ(entries[1].to, "2024-12-31");
  ASSERT_EQ(diags.size(), 6u);
  EXPECT_EQ(diags[0].where, "my.actors:3");
  EXPECT_EQ(diags[1].where, "my.actors:4");
  EXPECT_NE(diags[2].message.find("2024-13"), std::string::npos);
  EXPECT_NE(diags[3].message.find("before it starts"), std::string::npos);
  EXPECT_EQ(diags[4].where, "my.actors:7");
  EXPECT_EQ(diags[5].where, "my.actors:8");
}

TEST(EntityRegistryTest, CollectPersonsTakesTheNamePartOfEachMention) {
  actors_test::Analyzed a;
  actors_test::Analyze(
      "Syrian Foreign Minister Asaad al-Shaibani met Azerbaijani Deputy Foreign Minister "
      "Yalchin Rafiyev in Damascus. Rafiyev said the talks were good. Minister al-Shaibani "
      "agreed.",
      &a);
  std::vector<EntityObservation> persons = CollectPersons(a.doc, a.mentions);
  ASSERT_EQ(persons.size(), 2u) << a.Dump();
  EXPECT_EQ(persons[0].name, "Asaad al-Shaibani");
  EXPECT_EQ(persons[0].code, "SYRGOV");
  EXPECT_EQ(persons[0].title, "Foreign Minister");
  std::set<std::string> forms;
  for (const auto& f : persons[0].forms) forms.insert(f.alias);
  EXPECT_EQ(forms, (std::set<std::string>{"Asaad al-Shaibani", "al-Shaibani"}));
  EXPECT_EQ(persons[1].name, "Yalchin Rafiyev");
  ASSERT_EQ(persons[1].forms.size(), 2u);
  EXPECT_EQ(persons[1].forms[1].alias, "Rafiyev");
}

// The seed articles: one entity per gold person, with every spelling as an alias.
TEST(EntityRegistryTest, SeedArticlesGiveOneEntityPerGoldPerson) {
  const std::string seeds = DYAD_SHARED_DIR "/seeds";
  std::string gold_text;
  if (!actors_test::ReadFile(seeds + "/gold.json", &gold_text)) {
    GTEST_SKIP() << "shared seeds not found at " << seeds;
  }
  nlohmann::json gold = nlohmann::json::parse(gold_text);
  EntityRegistry r;
  for (const auto& d : gold["documents"]) {
    actors_test::Analyzed a;
    std::string text;
    ASSERT_TRUE(actors_test::ReadFile(seeds + "/" + d["file"].get<std::string>(), &text));
    actors_test::Analyze(text, &a);
    r.AddArticle("", CollectPersons(a.doc, a.mentions));
  }
  int persons = 0;
  for (const auto& g : gold["entities"]) {
    std::string id = g["id"];
    if (id[0] != 'P') continue;
    ++persons;
    std::vector<size_t> hits;
    for (size_t i = 0; i < r.size(); ++i) {
      if (NamesMatch(g["name"].get<std::string>(), r.entities()[i].name)) hits.push_back(i);
    }
    ASSERT_EQ(hits.size(), 1u) << id << " " << g["name"];
    const Entity& e = r.entities()[hits[0]];
    EXPECT_EQ(e.CodeAt(), g["actor"].get<std::string>()) << id;
    // Every gold mention's name part is an alias (the mention minus its title words).
    for (const auto& m : g["mentions"]) {
      std::string mention = m;
      bool covered = std::any_of(e.aliases.begin(), e.aliases.end(), [&](const EntityAlias& a) {
        return mention.size() >= a.alias.size() &&
               mention.compare(mention.size() - a.alias.size(), a.alias.size(), a.alias) == 0;
      });
      EXPECT_TRUE(covered) << id << " '" << mention << "'";
    }
  }
  EXPECT_EQ(persons, 6);
  EXPECT_EQ(r.size(), 6u);
  auto s = r.Resolve("Shibani");
  ASSERT_TRUE(s.has_value());
  std::vector<std::string> aliases = Aliases(*s);
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Asaad al-Shaibani"), aliases.end());
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Assad Hassan Al-Shibani"), aliases.end());
}

}  // namespace
}  // namespace dyad
