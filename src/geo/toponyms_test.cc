#include "geo/toponyms.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace dyad {
namespace {

struct Found {
  std::string text, name, country;
  PlaceKind kind;
};

std::vector<Found> FindIn(const std::string& text, std::vector<std::string_view> context = {}) {
  static const TextAnalyzer analyzer;
  static const ToponymFinder finder;
  Document doc;
  analyzer.Analyze(text, &doc);
  std::vector<Toponym> found;
  finder.Find(doc, &found, context);
  std::vector<Found> out;
  for (const Toponym& t : found) {
    out.push_back({text.substr(t.begin, t.end - t.begin), std::string(t.place->name),
                   std::string(t.place->country), t.place->kind});
  }
  return out;
}

TEST(PlaceGazetteer, LoadsCountriesRegionsAndCities) {
  const PlaceGazetteer& g = PlaceGazetteer::BuiltIn();
  EXPECT_GT(g.size(), 20000u);
  const Place* syria = g.Country("SYR");
  ASSERT_NE(syria, nullptr);
  EXPECT_EQ(syria->kind, PlaceKind::kCountry);
  bool damascus = false;
  for (uint32_t id : g.LookupName("DAMASCUS")) {
    const Place& p = g.place(id);
    if (p.country == "SYR" && p.kind == PlaceKind::kCity) {
      damascus = true;
      EXPECT_TRUE(p.capital);
      EXPECT_NEAR(p.lat, 33.51, 0.1);
      EXPECT_NEAR(p.lon, 36.29, 0.1);
    }
  }
  EXPECT_TRUE(damascus);
  EXPECT_FALSE(g.LookupName("St. Petersburg").empty());  // "Saint Petersburg"
  EXPECT_FALSE(g.LookupName("Sao Paulo").empty());       // "São Paulo", folded
  EXPECT_TRUE(g.LookupName("Xyzzyville").empty());
}

TEST(PlaceGazetteer, ReportsMalformedRecordsAndKeepsTheRest) {
  std::vector<std::string> problems;
  DiagnosticSink sink = [&](const Diagnostic& d) { problems.push_back(d.where + ": " + d.message); };
  std::string places =
      "# comment\n"
      "Alpha\tAlpha\t\tSYR\t09\tAleppo Governorate\t36.2\t37.1\t1000\tPPL\n"
      "Broken\tBroken\n"
      "Beta\tBeta\t\tSYR\t09\t\tnorth\t37.1\t1000\tPPL\n"
      "Gamma\tGamma\tGamma Town\tSYR\t\t\t35\t36\t20000\tPPLA\n";
  auto g = PlaceGazetteer::FromText(places, "places.tsv", "", "", "", sink);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].rfind("places.tsv:3: ", 0), 0u) << problems[0];
  EXPECT_EQ(problems[1].rfind("places.tsv:4: ", 0), 0u) << problems[1];
  EXPECT_EQ(g->size(), 2u);
  EXPECT_EQ(g->LookupName("gamma town").size(), 1u);
  EXPECT_TRUE(g->place(g->LookupName("Gamma")[0]).seat);
}

TEST(ToponymFinder, FindsCitiesCountriesAndMultiWordNames) {
  auto found = FindIn("Officials in New York and Damascus said Syria and Bosnia and Herzegovina agreed.");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].text, "New York");
  EXPECT_EQ(found[0].name, "New York City");
  EXPECT_EQ(found[1].name, "Damascus");
  EXPECT_EQ(found[1].country, "SYR");
  EXPECT_EQ(found[2].kind, PlaceKind::kCountry);
  EXPECT_EQ(found[3].text, "Bosnia and Herzegovina");
  EXPECT_EQ(found[3].country, "BIH");
}

TEST(ToponymFinder, DesignatorsSelectRegionOrCity) {
  auto found = FindIn("Aid reached a camp in Aleppo province and families in Idlib governorate, "
                   "then the city of Homs.");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].text, "Aleppo province");
  EXPECT_EQ(found[0].kind, PlaceKind::kAdmin1);
  EXPECT_EQ(found[0].country, "SYR");
  EXPECT_EQ(found[1].text, "Idlib governorate");
  EXPECT_EQ(found[1].kind, PlaceKind::kAdmin1);
  EXPECT_EQ(found[2].text, "Homs");
  EXPECT_EQ(found[2].kind, PlaceKind::kCity);
  // Without a designator the city of the same name wins.
  found = FindIn("Shelling hit Aleppo on Monday.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, PlaceKind::kCity);
}

TEST(ToponymFinder, ContextResolvesAmbiguousNames) {
  // Damascus, Maryland is a town of 15,000: the Syrian capital unless the text says otherwise.
  auto found = FindIn("Protesters gathered in Damascus.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].country, "SYR");
  found = FindIn("Residents of Paris, Texas voted on Tuesday.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].country, "USA");
  found = FindIn("Paris hosted the talks.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].country, "FRA");
  // A country named in the same sentence.
  found = FindIn("In Georgia, protesters marched in Tbilisi.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].kind, PlaceKind::kCountry);
  EXPECT_EQ(found[0].country, "GEO");
}

TEST(ToponymFinder, SkipsCommonWordsAndLongerNames) {
  auto found = FindIn("March was quiet. Police said George Washington University reopened.");
  EXPECT_TRUE(found.empty()) << found[0].text;
  found = FindIn("The Damascus Gate crowd dispersed.");
  EXPECT_TRUE(found.empty()) << found[0].text << " " << found[0].name;
  // Countries before a capitalised word are modifiers, still places.
  found = FindIn("The US Embassy in Baku issued a statement.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].country, "USA");
  EXPECT_EQ(found[1].country, "AZE");
}

TEST(ToponymFinder, EmptyAndNoisyInputs) {
  EXPECT_TRUE(FindIn("").empty());
  EXPECT_TRUE(FindIn("no capitals here at all").empty());
  EXPECT_NO_THROW(FindIn(std::string(5000, 'A') + " \xff\xfe Aleppo"));
}

}  // namespace
}  // namespace dyad
