#include "ingest/byline.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(BylineTest, LeadingBy) {
  EXPECT_EQ(ParseLeadingByline("By Jane Doe"), "Jane Doe");
  EXPECT_EQ(ParseLeadingByline("  By Jane Q. Doe and John Roe, Reuters  "),
            "Jane Q. Doe and John Roe, Reuters");
  EXPECT_EQ(ParseLeadingByline("BY RACHEL SHEELEY"), "RACHEL SHEELEY");
  EXPECT_FALSE(ParseLeadingByline("By the end of the week the talks had failed."));
  EXPECT_FALSE(ParseLeadingByline("Byzantine history"));
  EXPECT_FALSE(ParseLeadingByline("By 2030, the plan says"));
}

TEST(BylineTest, TrailingNames) {
  EXPECT_EQ(ParseTrailingByline("Latifa Moammar/Ruaa al-Jazaeri"), "Latifa Moammar/Ruaa al-Jazaeri");
  EXPECT_EQ(ParseTrailingByline("Jane Doe and John Roe"), "Jane Doe and John Roe");
  EXPECT_EQ(ParseTrailingByline("Ursula von der Leyen"), "Ursula von der Leyen");
  EXPECT_EQ(ParseTrailingByline("(Reporting by Jane Doe in Beirut; Editing by John Roe)"),
            "Reporting by Jane Doe in Beirut; Editing by John Roe");
  EXPECT_FALSE(ParseTrailingByline("Reuter"));                     // one word
  EXPECT_FALSE(ParseTrailingByline("The talks ended."));          // a sentence
  EXPECT_FALSE(ParseTrailingByline("He said the talks went well"));
  EXPECT_FALSE(ParseTrailingByline("Azerbaijan and Syria agreed on 12 points"));
  EXPECT_FALSE(ParseTrailingByline("Moammar/"));
}

TEST(BylineTest, EndMarks) {
  EXPECT_TRUE(IsWireEndMark(" Reuter"));
  EXPECT_TRUE(IsWireEndMark("REUTER\n"));
  EXPECT_TRUE(IsWireEndMark("Enditem"));
  EXPECT_TRUE(IsWireEndMark("-30-"));
  EXPECT_FALSE(IsWireEndMark("Reuters reported the talks."));
}

}  // namespace
}  // namespace dyad
