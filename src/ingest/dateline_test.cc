#include "ingest/dateline.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

struct Case {
  std::string text, place, outlet, distributor, day, published, rest;
};

void Expect(const Case& c) {
  SCOPED_TRACE(c.text);
  std::optional<Dateline> d = ParseDateline(c.text);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, c.place);
  EXPECT_EQ(d->outlet, c.outlet);
  EXPECT_EQ(d->distributor, c.distributor);
  EXPECT_EQ(d->day, c.day);
  EXPECT_EQ(d->published, c.published);
  EXPECT_EQ(c.text.substr(d->length), c.rest);
}

TEST(DatelineTest, WireForms) {
  Expect({"Baku, SANA- Bilateral relations", "Baku", "SANA", "", "", "", "Bilateral relations"});
  Expect({"WASHINGTON (Reuters) - The talks", "Washington", "Reuters", "", "", "", "The talks"});
  Expect({"BEIRUT, Dec 30 (Reuters) - The army", "Beirut", "Reuters", "", "Dec 30", "", "The army"});
  Expect({"MOSCOW (AP) \xE2\x80\x94 Russia said", "Moscow", "AP", "", "", "", "Russia said"});
  Expect({"DAMASCUS, Dec. 30 (Xinhua) -- Syria", "Damascus", "Xinhua", "", "Dec. 30", "", "Syria"});
  Expect({"LONDON, June 17 (Xinhua) -- Police", "London", "Xinhua", "", "June 17", "", "Police"});
  Expect({"BEIRUT, Dec 30, 2024 (Reuters) - X", "Beirut", "Reuters", "", "", "2024-12-30", "X"});
  Expect({"Ankara (MENAFN- AzerNews) - Turkey", "Ankara", "AzerNews", "MENAFN", "", "", "Turkey"});
  Expect({"HAVANA (AP) --\n\nCalling the", "Havana", "AP", "", "", "", "Calling the"});
  Expect({"NEW YORK \xE2\x80\x93 Markets", "New York", "", "", "", "", "Markets"});
  Expect({"WASHINGTON\xE2\x80\x94President", "Washington", "", "", "", "", "President"});
}

TEST(DatelineTest, RegionsAndCapitals) {
  Expect({"PARIS, Mo. \xE2\x80\x94 In 1999", "Paris, Mo.", "", "", "", "", "In 1999"});
  Expect({"INDEPENDENCE, Mo. _ The North", "Independence, Mo.", "", "", "", "", "The North"});
  Expect({"BAGHDAD, Iraq - Iraq's adviser", "Baghdad, Iraq", "", "", "", "", "Iraq's adviser"});
  Expect({"DAR ES SALAAM, Tanzania - Aid", "Dar Es Salaam, Tanzania", "", "", "", "", "Aid"});
  Expect({"Rio de Janeiro (AFP) - Brazil", "Rio de Janeiro", "AFP", "", "", "", "Brazil"});
  Expect({"AL-QAMISHLI, Syria (SANA) - A", "Al-Qamishli, Syria", "SANA", "", "", "", "A"});
  Expect({"NEW DELHI, March 3 (IANS): India", "New Delhi", "IANS", "", "March 3", "", "India"});
}

TEST(DatelineTest, OrdinaryOpeningsAreNotDatelines) {
  for (const char* text : {
           "Bilateral relations between Syria and Azerbaijan have entered a new phase.",
           "Baku - the capital - hosted talks.",        // title case, no outlet or date
           "Update: the talks resumed.",
           "ATTENTION: THE FOLLOWING IS A CALL",        // capitals with a colon
           "RESULTS: German Bundesliga results",
           "ACCORDING TO A LAST - MINUTE REPORT",       // a sentence in capitals
           "TWO U.S. MORMON MISSIONARIES -- AGED 19",
           "By Nate Raymond. BOSTON (Reuters) - The owner",
           "NBA Capsules DALLAS (AP) \xE2\x80\x94 James",
           "PATRIOTIC UNION (UP) PRESIDENT BERNARDO",  // no dash after the parentheses
           "Moreover, Iran- backed groups",             // one capital is not an agency
           "The Syrian Foreign Minister noted",
           "",
           "X"}) {
    EXPECT_FALSE(ParseDateline(text).has_value()) << text;
  }
}

TEST(DatelineTest, SplitsDistributorCredit) {
  std::string outlet, distributor;
  SplitOutletCredit("MENAFN- AzerNews", &outlet, &distributor);
  EXPECT_EQ(outlet, "AzerNews");
  EXPECT_EQ(distributor, "MENAFN");
  outlet.clear();
  distributor.clear();
  SplitOutletCredit("Al-Monitor", &outlet, &distributor);
  EXPECT_EQ(outlet, "Al-Monitor");
  EXPECT_EQ(distributor, "");
}

}  // namespace
}  // namespace dyad
