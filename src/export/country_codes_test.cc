#include "export/country_codes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "export/actor_code.h"

namespace dyad {
namespace {

TEST(CountryCodesTest, FipsDiffersFromIso) {
  const std::map<std::string, std::string> kFips = {
      {"DEU", "GM"}, {"GBR", "UK"}, {"AZE", "AJ"}, {"SYR", "SY"}, {"TUR", "TU"},
      {"RUS", "RS"}, {"CHN", "CH"}, {"ISR", "IS"}, {"PSE", "WE"}, {"USA", "US"},
      {"IRN", "IR"}, {"IRQ", "IZ"}, {"AUT", "AU"}, {"AUS", "AS"}, {"ESP", "SP"},
      {"CHE", "SZ"}, {"SWE", "SW"}, {"KOR", "KS"}, {"PRK", "KN"}, {"SRB", "RI"},
      {"MNE", "MJ"}, {"SSD", "OD"}, {"LBN", "LE"}, {"UKR", "UP"}, {"XKX", "KV"}};
  for (const auto& [iso3, fips] : kFips) {
    const CountryCodes* c = FindCountry(iso3);
    ASSERT_NE(c, nullptr) << iso3;
    EXPECT_EQ(c->fips, fips) << iso3;
  }
}

TEST(CountryCodesTest, Record) {
  const CountryCodes* c = FindCountry("SYR");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->iso3, "SYR");
  EXPECT_EQ(c->iso2, "SY");
  EXPECT_EQ(c->cameo, "SYR");
  EXPECT_EQ(c->name, "Syria");
  EXPECT_EQ(c->capital, "Damascus");
  EXPECT_NEAR(c->capital_lat, 33.51, 0.05);
  EXPECT_NEAR(c->capital_lon, 36.29, 0.05);
  EXPECT_NEAR(c->lat, 35.0, 1.5);
  EXPECT_NEAR(c->lon, 38.0, 1.5);
  const CountryCodes* aze = FindCountry("AZE");
  ASSERT_NE(aze, nullptr);
  EXPECT_EQ(aze->capital, "Baku");
  EXPECT_EQ(FindCountry("ATA")->has_capital(), false);
  EXPECT_EQ(FindCountry("XYZ"), nullptr);
  EXPECT_EQ(FindCountry("syr"), nullptr);
  EXPECT_EQ(FindCountry(""), nullptr);
}

TEST(CountryCodesTest, CameoCodesWhereTheyDiffer) {
  for (auto [cameo, iso3] : {std::pair{"ROM", "ROU"}, std::pair{"TMP", "TLS"},
                             std::pair{"IMY", "IMN"}, std::pair{"MTN", "MNE"},
                             std::pair{"KOS", "XKX"}}) {
    const CountryCodes* c = FindCountry(cameo);
    ASSERT_NE(c, nullptr) << cameo;
    EXPECT_EQ(c->iso3, iso3);
    EXPECT_EQ(FindCountry(iso3)->cameo, cameo);
  }
}

TEST(CountryCodesTest, TableIsConsistent) {
  const auto& all = AllCountries();
  EXPECT_GE(all.size(), 249u);
  std::set<std::string_view> fips, iso2;
  for (const CountryCodes& c : all) {
    EXPECT_EQ(c.iso3.size(), 3u);
    EXPECT_EQ(c.iso2.size(), 2u) << c.iso3;
    EXPECT_FALSE(c.name.empty()) << c.iso3;
    EXPECT_TRUE(c.fips.empty() || c.fips.size() == 2) << c.iso3;
    if (!c.fips.empty()) {
      EXPECT_TRUE(fips.insert(c.fips).second) << "FIPS twice: " << c.fips;
    }
    EXPECT_TRUE(iso2.insert(c.iso2).second) << c.iso2;
    EXPECT_EQ(FindCountry(c.iso3), &c);
    EXPECT_LE(std::abs(c.lat), 90.0);
    EXPECT_LE(std::abs(c.lon), 180.0);
  }
}

// Every CAMEO country code in GDELT's lookup that names a country resolves.
TEST(CountryCodesTest, CoversSharedCameoCountries) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/data/cameo/CAMEO.country.txt");
  if (!in) GTEST_SKIP() << "CAMEO.country.txt not found under " << DYAD_SHARED_DIR;
  const std::set<std::string> kNotCountries = {
      "CODE", "WSB", "BAG", "GZS", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CEU", "CAS",
      "EIN",  "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM",
      "SAS",  "SEA", "SAF", "WAF", "WST", "ANT"};
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    std::string code = line.substr(0, line.find('\t'));
    if (kNotCountries.count(code)) continue;
    EXPECT_NE(FindCountry(code), nullptr) << code;
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(ActorCodeTest, SplitsCountryTypesAndKnownGroups) {
  EventActor gov{"AZEGOVMIL", "AZE", "", "", "", 0, 0};
  ActorCodeParts p = SplitActorCode(gov);
  EXPECT_EQ(p.country, "AZE");
  EXPECT_EQ(p.iso3, "AZE");
  EXPECT_EQ(p.types, (std::vector<std::string>{"GOV", "MIL"}));
  EXPECT_EQ(p.known_group, "");

  ActorCodeParts un = SplitActorCode({"IGOUNO", "", "", "", "", 0, 0});
  EXPECT_EQ(un.country, "");
  EXPECT_EQ(un.top, "IGO");
  EXPECT_EQ(un.types, (std::vector<std::string>{"IGO"}));
  EXPECT_EQ(un.known_group, "UNO");

  ActorCodeParts amn = SplitActorCode({"NGOHRIAMN", "", "", "", "", 0, 0});
  EXPECT_EQ(amn.types, (std::vector<std::string>{"NGO", "HRI"}));
  EXPECT_EQ(amn.known_group, "AMN");

  ActorCodeParts rom = SplitActorCode({"ROMGOV", "ROU", "GOV", "", "", 0, 0});
  EXPECT_EQ(rom.country, "ROM");
  EXPECT_EQ(rom.iso3, "ROU");
  EXPECT_EQ(rom.types, (std::vector<std::string>{"GOV"}));

  ActorCodeParts region = SplitActorCode({"MEAGOV", "", "", "", "", 0, 0});
  EXPECT_EQ(region.country, "");
  EXPECT_TRUE(region.types.empty());
  EXPECT_EQ(ActorTypeClass("GOV"), "primary_role");
  EXPECT_TRUE(IsKnownGroup("ALQ"));
}

}  // namespace
}  // namespace dyad
