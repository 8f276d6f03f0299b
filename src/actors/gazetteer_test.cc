#include "actors/gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

TEST(GazetteerTest, BuiltInTablesHoldTheFacts) {
  const Gazetteer& g = Gazetteer::BuiltIn();
  EXPECT_GT(g.countries().size(), 240u);
  EXPECT_GT(g.organizations().size(), 80u);
  EXPECT_GT(g.people().size(), 30u);
  const Country* syria = g.FindCountry("SYR");
  ASSERT_NE(syria, nullptr);
  EXPECT_EQ(syria->name, "Syria");
  const Country* romania = g.FindCountry("ROM");  // by CAMEO code
  ASSERT_NE(romania, nullptr);
  EXPECT_EQ(romania->iso3, "ROU");
  EXPECT_EQ(g.FindCountry("XYZ"), nullptr);
}

// Analyses text and returns the longest gazetteer match at its first token.
bool MatchFirst(const std::string& text, GazetteerMatch* m, uint32_t* tokens) {
  actors_test::Analyzed a;
  a.text = text;
  actors_test::Analyzer().Analyze(a.text, &a.doc);
  *tokens = static_cast<uint32_t>(a.doc.tokens.size());
  return Gazetteer::BuiltIn().LongestAt(a.doc, 0, *tokens, m);
}

TEST(GazetteerTest, FormsOfCountries) {
  struct Case {
    const char* text;
    PlaceForm form;
    const char* iso3;
    uint32_t end;
  } cases[] = {
      {"Turkiye said", PlaceForm::kCountryName, "TUR", 1},
      {"Türkiye said", PlaceForm::kCountryName, "TUR", 1},
      {"Republic of Turkiye said", PlaceForm::kCountryName, "TUR", 3},
      {"Czechia said", PlaceForm::kCountryName, "CZE", 1},
      {"Ivory Coast said", PlaceForm::kCountryName, "CIV", 2},
      {"Burma said", PlaceForm::kCountryName, "MMR", 1},
      {"U.S. officials", PlaceForm::kCountryName, "USA", 1},
      {"Azerbaijani officials", PlaceForm::kAdjective, "AZE", 1},
      {"Syrians fled", PlaceForm::kPlural, "SYR", 1},
      {"Damascus said", PlaceForm::kCapital, "SYR", 1},
      {"Kyiv said", PlaceForm::kCapital, "UKR", 1},
  };
  for (const Case& c : cases) {
    GazetteerMatch m;
    uint32_t n = 0;
    ASSERT_TRUE(MatchFirst(c.text, &m, &n)) << c.text;
    EXPECT_EQ(m.form, c.form) << c.text;
    EXPECT_EQ(Gazetteer::BuiltIn().countries()[m.index].iso3, c.iso3) << c.text;
    EXPECT_EQ(m.end, c.end) << c.text;
  }
}

TEST(GazetteerTest, CaseRules) {
  GazetteerMatch m;
  uint32_t n = 0;
  // "us" is a pronoun; "US" the country. Country names need a capital.
  EXPECT_FALSE(MatchFirst("us and them", &m, &n));
  ASSERT_TRUE(MatchFirst("US troops", &m, &n));
  EXPECT_EQ(Gazetteer::BuiltIn().countries()[m.index].iso3, "USA");
  EXPECT_FALSE(MatchFirst("turkey and chad", &m, &n));
  EXPECT_FALSE(MatchFirst("who said", &m, &n));
  ASSERT_TRUE(MatchFirst("WHO said", &m, &n));
  EXPECT_EQ(m.form, PlaceForm::kOrganization);
  EXPECT_EQ(Gazetteer::BuiltIn().organizations()[m.index].code, "IGOUNOHLHWHO");
}

TEST(GazetteerTest, AmbiguousNamesGoWhereNewsStyleSends) {
  GazetteerMatch m;
  uint32_t n = 0;
  // "Congo" alone may be either Congo; news style (Reuters, AP) means the DRC by it, and
  // the supplement says so.
  ASSERT_TRUE(MatchFirst("Congo said", &m, &n));
  EXPECT_EQ(Gazetteer::BuiltIn().countries()[m.index].iso3, "COD");
  ASSERT_TRUE(MatchFirst("DR Congo said", &m, &n));
  EXPECT_EQ(Gazetteer::BuiltIn().countries()[m.index].iso3, "COD");
  ASSERT_TRUE(MatchFirst("Congo Republic said", &m, &n));
  EXPECT_EQ(Gazetteer::BuiltIn().countries()[m.index].iso3, "COG");
}

// Every country code of GDELT's CAMEO country table is known (by its CAMEO code), apart
// from the region codes and the dissolved Netherlands Antilles.
TEST(GazetteerTest, CoversTheCameoCountryTable) {
  std::string table;
  if (!actors_test::ReadFile(DYAD_SHARED_DIR "/data/cameo/CAMEO.country.txt", &table)) {
    GTEST_SKIP() << "shared CAMEO tables not found";
  }
  const std::string regions =
      " WSB BAG GZS AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS "
      "SCN SAM SAS SEA SAF WAF WST ANT ";
  const Gazetteer& g = Gazetteer::BuiltIn();
  int checked = 0;
  size_t pos = table.find('\n') + 1;  // header
  while (pos < table.size()) {
    size_t nl = table.find('\n', pos);
    if (nl == std::string::npos) nl = table.size();
    std::string code = table.substr(pos, 3);
    pos = nl + 1;
    if (code.size() != 3 || regions.find(" " + code + " ") != std::string::npos) continue;
    const Country* c = g.FindCountry(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_EQ(c->cameo, code);
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(GazetteerTest, MalformedLinesAreReportedAndSkipped) {
  std::vector<Diagnostic> seen;
  DiagnosticSink sink = [&](const Diagnostic& d) { seen.push_back(d); };
  const std::string countries =
      "# comment\n"
      "SYR\tSYR\tSyria\tSyrian\tSyrians\tDamascus\n"
      "bad line without tabs\n"
      "sy\tSYR\tSyria\t\t\t\n"
      "AZE\tAZE\t\tAzerbaijani\t\tBaku\n"
      "AZE\tAZE\tAzerbaijan\tAzerbaijani\tAzerbaijanis\tBaku\r\n";
  const std::string orgs =
      "IGOUNO\t-\t-\tUnited Nations\tUN|U.N.\n"
      "IGOUNO\t-\t-\n"
      "lower\t-\t-\tX\t\n"
      "PSEREBHMS\tPalestine\tREB\tHamas\t\n";
  // In the actor file format; a code must start with a country of the table or IGO.
  const std::string persons =
      "Bashar al-Assad|Assad\tSYRGOV\t2000-07-17\t2024-12-08\n"
      "Vladimir Putin\tRUSGOV\n";
  Gazetteer g = Gazetteer::FromText(countries, orgs, persons, sink);
  EXPECT_EQ(g.countries().size(), 2u);
  EXPECT_EQ(g.organizations().size(), 1u);
  ASSERT_EQ(g.people().size(), 1u);
  EXPECT_EQ(g.PersonCodeAt(0, "2020-01-01"), "SYRGOV");
  EXPECT_EQ(g.PersonCodeAt(0, "2025-01-01"), "SYRELI");
  ASSERT_EQ(seen.size(), 7u);
  EXPECT_EQ(seen[0].where, "actors/countries.tsv:3");
  EXPECT_EQ(seen[1].where, "actors/countries.tsv:4");
  EXPECT_EQ(seen[2].where, "actors/countries.tsv:5");
  EXPECT_EQ(seen[3].where, "actors/organizations.tsv:2");
  EXPECT_EQ(seen[4].where, "actors/organizations.tsv:3");
  EXPECT_EQ(seen[5].where, "actors/organizations.tsv:4");
  EXPECT_EQ(seen[6].where, "actors/persons.tsv:2");
  for (const Diagnostic& d : seen) EXPECT_FALSE(d.message.empty());
}

TEST(GazetteerTest, EmptyTables) {
  Gazetteer g = Gazetteer::FromText("", "", "", nullptr);
  EXPECT_TRUE(g.countries().empty());
  actors_test::Analyzed a;
  a.text = "Syria";
  actors_test::Analyzer().Analyze(a.text, &a.doc);
  GazetteerMatch m;
  EXPECT_FALSE(g.LongestAt(a.doc, 0, 1, &m));
}

}  // namespace
}  // namespace dyad
