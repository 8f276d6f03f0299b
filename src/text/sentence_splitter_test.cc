#include "text/sentence_splitter.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace dyad {
namespace {

std::vector<std::string> Split(std::string_view text) {
  static const TextAnalyzer analyzer;
  Document doc;
  analyzer.Analyze(text, &doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.SentenceText(s));
  return out;
}

using V = std::vector<std::string>;

struct Case {
  const char* name;
  const char* text;
  V sentences;
};

class SplitCases : public ::testing::TestWithParam<Case> {};

TEST_P(SplitCases, Splits) {
  const Case& c = GetParam();
  EXPECT_EQ(Split(c.text), c.sentences) << c.text;
}

const Case kCases[] = {
    {"Plain", "The talks ended. Both sides left.", {"The talks ended.", "Both sides left."}},
    {"Question", "Will they meet? Nobody knows!", {"Will they meet?", "Nobody knows!"}},
    {"US", "He met U.S. officials on Monday. They agreed.",
     {"He met U.S. officials on Monday.", "They agreed."}},
    {"USAtEnd", "The aid came from the U.S. The convoy left.",
     {"The aid came from the U.S.", "The convoy left."}},
    {"UN", "The U.N. Security Council met. It voted.",
     {"The U.N. Security Council met.", "It voted."}},
    {"Doctor", "Dr. Smith and Mr. Jones spoke. Then they left.",
     {"Dr. Smith and Mr. Jones spoke.", "Then they left."}},
    {"GenLtCol", "Gen. Ali met Lt. Col. Hassan in Aleppo.",
     {"Gen. Ali met Lt. Col. Hassan in Aleppo."}},
    {"Months", "On Jan. 5 and Feb. 12 and Dec. 3 they met. Talks resumed.",
     {"On Jan. 5 and Feb. 12 and Dec. 3 they met.", "Talks resumed."}},
    {"Company", "Acme Inc. and Beta Corp. signed a deal. Shares rose.",
     {"Acme Inc. and Beta Corp. signed a deal.", "Shares rose."}},
    {"CompanyAtEnd", "The deal went to Acme Inc. The shares rose.",
     {"The deal went to Acme Inc.", "The shares rose."}},
    {"Street", "He lives on Main St. near the bridge.", {"He lives on Main St. near the bridge."}},
    {"Number", "The resolution No. 3 passed. It was binding.",
     {"The resolution No. 3 passed.", "It was binding."}},
    {"Versus", "It was Syria vs. Turkey in the final.", {"It was Syria vs. Turkey in the final."}},
    {"Etc", "They brought food, water, etc. The convoy left.",
     {"They brought food, water, etc.", "The convoy left."}},
    {"EgIe", "Some states, e.g. Syria, i.e. the host, agreed.",
     {"Some states, e.g. Syria, i.e. the host, agreed."}},
    {"Initials", "George W. Bush met J. R. R. Tolkien fans.",
     {"George W. Bush met J. R. R. Tolkien fans."}},
    {"Decimals", "Output rose 5.93 pct to 1,000 tonnes. Prices fell 3.5%.",
     {"Output rose 5.93 pct to 1,000 tonnes.", "Prices fell 3.5%."}},
    {"YearEnd", "Relations date from 1992. They were cut in 2012.",
     {"Relations date from 1992.", "They were cut in 2012."}},
    {"ClosingQuote", "\"We agreed,\" he said. \"Talks go on.\" Then he left.",
     {"\"We agreed,\" he said.", "\"Talks go on.\"", "Then he left."}},
    {"QuoteAfterPeriod", "It is over,\" he said.\" Then we left.",
     {"It is over,\" he said.\"", "Then we left."}},
    {"CurlyQuotes", "“We will return.” The minister left.",
     {"“We will return.”", "The minister left."}},
    {"QuestionInQuote", "\"Why now?\" he asked. Nobody replied.",
     {"\"Why now?\" he asked.", "Nobody replied."}},
    {"Ellipsis", "He paused... then continued. It was over... The end came.",
     {"He paused... then continued.", "It was over...", "The end came."}},
    {"UnicodeEllipsis", "It was over\xE2\x80\xA6 The end came.",
     {"It was over\xE2\x80\xA6", "The end came."}},
    {"Particles", "Foreign Minister Asaad al-Shaibani met Mohammed bin Salman. They talked.",
     {"Foreign Minister Asaad al-Shaibani met Mohammed bin Salman.", "They talked."}},
    {"ParticleAtLineEnd", "He met Asaad al-\nShaibani and Mohammed bin\nSalman in Riyadh.",
     {"He met Asaad al-\nShaibani and Mohammed bin\nSalman in Riyadh."}},
    {"BlankLine", "Syria and Azerbaijan\n\nrestore ties", {"Syria and Azerbaijan", "restore ties"}},
    {"LineBreakInParagraph",
     "The minister said on Monday that the two countries would soon\nreopen their embassies and "
     "resume flights between the\nCapitals within weeks.",
     {"The minister said on Monday that the two countries would soon\nreopen their embassies and "
      "resume flights between the\nCapitals within weeks."}},
    {"TitleLine",
     "Azerbaijan reopens embassy in Damascus\nThe Azerbaijani embassy in Damascus reopened on "
     "Monday after twelve years, officials said.",
     {"Azerbaijan reopens embassy in Damascus",
      "The Azerbaijani embassy in Damascus reopened on Monday after twelve years, officials "
      "said."}},
    {"HeadlineAllCapsTitle", "BAHIA COCOA REVIEW\nShowers continued throughout the week in the "
                             "Bahia cocoa zone, the report said.",
     {"BAHIA COCOA REVIEW",
      "Showers continued throughout the week in the Bahia cocoa zone, the report said."}},
    {"Dateline", "March 01 , 2008\nNorthrop Grumman won the contract on Friday.",
     {"March 01 , 2008", "Northrop Grumman won the contract on Friday."}},
    {"IndentedParagraph",
     "Prices were steady this week in\nthe cocoa zone.\n    The dry period means the crop will "
     "be late\nthis year.",
     {"Prices were steady this week in\nthe cocoa zone.",
      "The dry period means the crop will be late\nthis year."}},
    {"NoFinalPunctuation", "Syria and Azerbaijan restore ties", {"Syria and Azerbaijan restore ties"}},
    {"TrimsWhitespace", "  \n  The talks ended.  \n\n  ", {"The talks ended."}},
    {"Empty", "", {}},
    {"OnlySpaces", " \n\t \n", {}},
    {"NoSpaceAfterPeriod", "The convoy arrived.Officials said it carried food.",
     {"The convoy arrived.", "Officials said it carried food."}},
    {"LowercaseText",
     "the committee has sought a ban on the march in ayodhya. about 60 members from district "
     "units participated in the meeting. the vhp programme was on the agenda for discussion "
     "and the members said it was in clear violation of the order of the supreme court.",
     {"the committee has sought a ban on the march in ayodhya.",
      "about 60 members from district units participated in the meeting.",
      "the vhp programme was on the agenda for discussion and the members said it was in clear "
      "violation of the order of the supreme court."}},
    {"AmPm", "They met at 5 p.m. Sunday in Baku. The talks lasted an hour.",
     {"They met at 5 p.m. Sunday in Baku.", "The talks lasted an hour."}},
    {"Parenthesis", "The talks ended (both sides agreed.) Then they left.",
     {"The talks ended (both sides agreed.)", "Then they left."}},
    {"PretokenizedQuotes", "`` It was a bomb , '' he said . `` Go . ''",
     {"`` It was a bomb , '' he said .", "`` Go . ''"}},
    {"UrlWithDots", "See www.example.com/a.b for details. It is new.",
     {"See www.example.com/a.b for details.", "It is new."}},
    {"CompanySuffixOnNextLine",
     "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the "
     "money market.",
     {"Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the "
      "money market."}},
    {"AllCapsWrapped",
     "THE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\nPEASANTS OF VARIOUS AGES HAVE BEEN "
     "KIDNAPPED BY TERRORISTS OF THE FRONT IN SAN MIGUEL\nDEPARTMENT.  ACCORDING TO THAT "
     "GARRISON, THE KIDNAPPING TOOK PLACE ON 30 DECEMBER.",
     {"THE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\nPEASANTS OF VARIOUS AGES HAVE BEEN "
      "KIDNAPPED BY TERRORISTS OF THE FRONT IN SAN MIGUEL\nDEPARTMENT.",
      "ACCORDING TO THAT GARRISON, THE KIDNAPPING TOOK PLACE ON 30 DECEMBER."}},
};

INSTANTIATE_TEST_SUITE_P(Text, SplitCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(SentenceSplitter, SpansAreTrimmedAndCoverTokens) {
  static const TextAnalyzer analyzer;
  Document doc;
  std::string text = "  First one.\n\n  Second one here!  ";
  analyzer.Analyze(text, &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  uint32_t next_token = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.first_token, next_token);
    ASSERT_LT(s.first_token, s.end_token);
    EXPECT_EQ(s.begin, doc.tokens[s.first_token].begin);
    EXPECT_EQ(s.end, doc.tokens[s.end_token - 1].end);
    EXPECT_TRUE(doc.tokens[s.first_token].Has(kSentenceStart));
    for (uint32_t i = s.first_token + 1; i < s.end_token; ++i)
      EXPECT_FALSE(doc.tokens[i].Has(kSentenceStart));
    next_token = s.end_token;
  }
  EXPECT_EQ(next_token, doc.tokens.size());
}

TEST(SentenceSplitter, LongSentenceWithoutPunctuationIsCut) {
  static const TextAnalyzer analyzer;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word ";
  Document doc;
  analyzer.Analyze(text, &doc);
  ASSERT_GT(doc.sentences.size(), 1u);
  for (const Sentence& s : doc.sentences)
    EXPECT_LE(s.end_token - s.first_token, SentenceSplitter::kHardMaxTokens);
}

}  // namespace
}  // namespace dyad
