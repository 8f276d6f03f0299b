#include "store/fts_query.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(FtsQueryTest, WordsBecomeQuotedTerms) {
  EXPECT_EQ(FtsQuery("visit"), "\"visit\"");
  EXPECT_EQ(FtsQuery("  foreign   minister "), "\"foreign\" \"minister\"");
  EXPECT_EQ(FtsQuery("al-Shaibani"), "\"al-Shaibani\"");
}

TEST(FtsQueryTest, PhrasesPrefixesAndOperators) {
  EXPECT_EQ(FtsQuery("\"foreign minister\" Syria"), "\"foreign minister\" \"Syria\"");
  EXPECT_EQ(FtsQuery("diplom*"), "\"diplom\"*");
  EXPECT_EQ(FtsQuery("\"foreign min\"*"), "\"foreign min\"*");
  EXPECT_EQ(FtsQuery("aid OR convoy"), "\"aid\" OR \"convoy\"");
  EXPECT_EQ(FtsQuery("syria NOT turkey"), "\"syria\" NOT \"turkey\"");
  EXPECT_EQ(FtsQuery("a AND b"), "\"a\" AND \"b\"");
  // Lower-case operator words are words.
  EXPECT_EQ(FtsQuery("war or peace"), "\"war\" \"or\" \"peace\"");
}

TEST(FtsQueryTest, SyntaxIsNeverPassedThrough) {
  // Operators not between two terms are dropped.
  EXPECT_EQ(FtsQuery("OR aid"), "\"aid\"");
  EXPECT_EQ(FtsQuery("aid NOT"), "\"aid\"");
  EXPECT_EQ(FtsQuery("aid OR AND convoy"), "\"aid\" AND \"convoy\"");
  EXPECT_EQ(FtsQuery("title:aid"), "\"title:aid\"");
  EXPECT_EQ(FtsQuery("NEAR(a b)"), "\"NEAR(a\" \"b)\"");
  EXPECT_EQ(FtsQuery("\"unclosed phrase"), "\"unclosed phrase\"");
  EXPECT_EQ(FtsQuery("say \"\"hi\"\""), "\"say\" \"hi\"");
}

TEST(FtsQueryTest, NothingSearchable) {
  EXPECT_EQ(FtsQuery(""), "");
  EXPECT_EQ(FtsQuery("   "), "");
  EXPECT_EQ(FtsQuery("- ( ) * \"\""), "");
  EXPECT_EQ(FtsQuery("AND OR NOT"), "");
}

TEST(FtsQueryTest, NonAsciiIsAWordCharacter) {
  EXPECT_EQ(FtsQuery("Türkiye"), "\"Türkiye\"");
  EXPECT_EQ(FtsQuery("«»"), "\"«»\"");
}

}  // namespace
}  // namespace dyad
