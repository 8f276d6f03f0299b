#include "actors/country_descriptions.h"

#include <gtest/gtest.h>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

using actors_test::Analyze;
using actors_test::Analyzed;
using actors_test::CodeOf;

TEST(CountryDescriptionsTest, ARegionDescriptionIsTheLatestCountryOfTheRegion) {
  Analyzed a;
  Analyze("Sudan severed ties with the United Arab Emirates, declaring the Gulf country an "
          "aggressor. Mexico sued Ecuador. It wants the South American country suspended. "
          "Kazakhstan hosted Russia, and the Central Asian nation signed a deal. "
          "Qatar and Oman were praised; the small Gulf state thanked Egypt.", &a);
  EXPECT_EQ(CodeOf(a, "the Gulf country"), "ARE");
  EXPECT_EQ(CodeOf(a, "the South American country"), "ECU");
  EXPECT_EQ(CodeOf(a, "the Central Asian nation"), "KAZ");  // not the latest country, Russia
  EXPECT_EQ(CodeOf(a, "the small Gulf state"), "OMN");
  const ActorMention* d = a.Exactly("the Gulf country");
  ASSERT_NE(d, nullptr);
  ASSERT_GE(d->antecedent, 0);
  EXPECT_EQ(a.Span(a.mentions[static_cast<size_t>(d->antecedent)]), "the United Arab Emirates");
}

TEST(CountryDescriptionsTest, NoCountryOfTheRegionOrNoRegionIsNoMention) {
  Analyzed a;
  Analyze("Peru met Chile. The Gulf country stayed away. The country held elections.", &a);
  EXPECT_EQ(a.Exactly("The Gulf country"), nullptr) << a.Dump();
  EXPECT_EQ(a.Exactly("The country"), nullptr) << a.Dump();
}

}  // namespace
}  // namespace dyad
