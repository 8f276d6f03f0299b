#include "story/word_scanner.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  WordScanner scanner(text);
  ScannedWord w;
  while (scanner.Next(&w)) out.emplace_back(w.text);
  return out;
}

using V = std::vector<std::string>;

TEST(WordScanner, LowerCaseAndSeparators) {
  EXPECT_EQ(Words("  The  U.S. (and) al-Shaibani\n--met\tthem. "),
            (V{"the", "u", "s", "and", "al", "shaibani", "met", "them"}));
  EXPECT_EQ(Words(""), V{});
  EXPECT_EQ(Words(" ... -- "), V{});
}

TEST(WordScanner, ApostrophesAndPossessives) {
  EXPECT_EQ(Words("Reid's don't Reid\u2019s don\u2019t O'Brien rock 'n' roll"),
            (V{"reid", "dont", "reid", "dont", "obrien", "rock", "n", "roll"}));
  EXPECT_EQ(Words("the bosses' cars"), (V{"the", "bosses", "cars"}));
}

TEST(WordScanner, Numbers) {
  EXPECT_EQ(Words("1,000 people, 5.93 percent, in 1992. 3, 4"),
            (V{"1000", "people", "5.93", "percent", "in", "1992", "3", "4"}));
}

TEST(WordScanner, NonAsciiWordsAreNormalised) {
  V w = Words("\u201cT\u00fcrkiye\u201d \u00c9lys\u00e9e");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0], "t\u00fcrkiye");
  EXPECT_EQ(w[1], "\u00e9lys\u00e9e");
}

TEST(WordScanner, CaseAndSentenceStarts) {
  WordScanner scanner("Police met Okafor. Then they left\nIn haste");
  ScannedWord w;
  std::vector<std::pair<bool, bool>> flags;  // (capitalized, sentence_start)
  while (scanner.Next(&w)) flags.emplace_back(w.capitalized, w.sentence_start);
  EXPECT_EQ(flags, (std::vector<std::pair<bool, bool>>{
                       {true, true}, {false, false}, {true, false}, {true, true}, {false, false},
                       {false, false}, {true, true}, {false, false}}));
}

TEST(WordScanner, LongWordsAndInvalidBytesDoNotBreakIt) {
  std::string long_word(500, 'x');
  V w = Words(long_word + " end \xff\xfe broken\xc3");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].size(), WordScanner::kMaxWordBytes);
  EXPECT_EQ(w[1], "end");
}

}  // namespace
}  // namespace dyad
