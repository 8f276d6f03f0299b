#include "time/event_dates.h"

#include <gtest/gtest.h>

#include <string>

#include "syntax/syntax_analyzer.h"
#include "text/analyzer.h"

namespace dyad {

TEST(EventDatesTest, PublicationDateWithPrecision) {
  Article a;
  a.published = "2024-12-30T10:00:00Z";
  std::vector<Event> events(2);
  events[1].date = "1992";
  events[1].date_precision = "year";
  events[1].date_basis = "text";
  AssignPublicationDates(a, &events);
  EXPECT_EQ(events[0].date, "2024-12-30");
  EXPECT_EQ(events[0].date_precision, "day");
  EXPECT_EQ(events[0].date_basis, "published");
  EXPECT_EQ(events[1].date, "1992");  // a date from the text is kept
}

TEST(EventDatesTest, UndatedArticleLeavesDateUnknown) {
  Article a;
  std::vector<Event> events(1);
  AssignPublicationDates(a, &events);
  EXPECT_EQ(events[0].date, "");
  EXPECT_EQ(events[0].date_precision, "unknown");
  EXPECT_EQ(events[0].date_basis, "");
}

// An event whose evidence is the given words of the text (first occurrence) and whose
// anchor is the word `anchor` in them.
Event EventOn(const Document& doc, std::string_view words, std::string_view anchor) {
  Event e;
  size_t at = doc.text.find(words);
  EXPECT_NE(at, std::string_view::npos) << words;
  e.begin = static_cast<uint32_t>(at);
  e.end = static_cast<uint32_t>(at + words.size());
  size_t a = words.find(anchor);
  EXPECT_NE(a, std::string_view::npos) << anchor;
  e.anchor = static_cast<uint32_t>(at + a);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s)
    if (doc.sentences[s].begin <= e.begin && e.end <= doc.sentences[s].end) e.sentence = s;
  return e;
}

class AssignEventDatesTest : public ::testing::Test {
 protected:
  // spans: (evidence, anchor word) of each event.
  void Run(std::string text, std::string published,
           const std::vector<std::pair<std::string, std::string>>& spans) {
    article_.text = std::move(text);
    article_.published = std::move(published);
    Analyze();
    events_.clear();
    for (const auto& [words, anchor] : spans) events_.push_back(EventOn(doc_, words, anchor));
    AssignEventDates(article_, doc_, &events_);
  }
  // Text and parse, as the pipeline gives them.
  void Analyze() {
    analyzer_.Analyze(article_.text, &doc_);
    static const SyntaxAnalyzer syntax;
    SyntaxAnalyzer::Workspace ws;
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) syntax.Analyze(&doc_, s, &ws);
  }
  TextAnalyzer analyzer_;
  Article article_;
  Document doc_;
  std::vector<Event> events_;
};

TEST_F(AssignEventDatesTest, EachClauseKeepsItsOwnYear) {
  Run("Officials said that trade between the two states dates back 40 years to 1984, with "
      "a pact on fishing signed in 1991, and a joint port opening in 2011.",
      "2024-06-02", {{"trade between the two states dates back", "dates"},
                     {"a pact on fishing signed", "signed"},
                     {"a joint port opening", "opening"}});
  ASSERT_EQ(events_.size(), 3u);
  EXPECT_EQ(events_[0].date, "1984");
  EXPECT_EQ(events_[0].date_precision, "year");
  EXPECT_EQ(events_[0].date_basis, "text");
  EXPECT_EQ(events_[1].date, "1991");
  EXPECT_EQ(events_[2].date, "2011");
}

TEST_F(AssignEventDatesTest, TheAnchorsClauseComesFirst) {
  // The evidence reaches back to an actor before the 2003 clause; the event's own word
  // ("starting") heads the 2010 one.
  article_.text =
      "A plan to open the Chilean legation in Lima was approved in 2003, and its mission "
      "starting in 2010 was welcomed, officials said.";
  article_.published = "2024-06-02";
  Analyze();
  events_ = {EventOn(doc_, "Lima was approved in 2003, and its mission starting", "starting"),
             EventOn(doc_, "Lima was approved in 2003", "approved")};
  AssignEventDates(article_, doc_, &events_);
  EXPECT_EQ(events_[0].date, "2010");
  EXPECT_EQ(events_[0].date_basis, "text");
  EXPECT_EQ(events_[1].date, "2003");
  // A clause with no date of its own takes the governing clause's.
  article_.text = "On 3 May 2023 the ministers said they would open an embassy.";
  Analyze();
  events_ = {EventOn(doc_, "open an embassy", "open")};
  AssignEventDates(article_, doc_, &events_);
  EXPECT_EQ(events_[0].date, "2023-05-03");
}

TEST_F(AssignEventDatesTest, DayMonthAndRelativeDates) {
  Run("The envoy met the president on Friday. Both ministers signed the accord on 3 May "
      "2023. Aid convoys arrived last month. Troops crossed the river.",
      "2024-12-30T08:00:00Z",
      {{"The envoy met the president", "met"}, {"Both ministers signed the accord", "signed"},
       {"Aid convoys arrived", "arrived"}, {"Troops crossed the river", "crossed"}});
  ASSERT_EQ(events_.size(), 4u);
  EXPECT_EQ(events_[0].date, "2024-12-27");
  EXPECT_EQ(events_[0].date_precision, "day");
  EXPECT_EQ(events_[1].date, "2023-05-03");
  EXPECT_EQ(events_[2].date, "2024-11");
  EXPECT_EQ(events_[2].date_precision, "month");
  EXPECT_EQ(events_[3].date, "2024-12-30");
  EXPECT_EQ(events_[3].date_basis, "published");
}

TEST_F(AssignEventDatesTest, FrontedAdverbialAndOtherClauses) {
  Run("On 12 March 2022, the two leaders held talks in Vienna. The rebels, who were "
      "expelled in 2009, attacked the town. The court, citing a ruling made last week, "
      "fined the company.",
      "2024-12-30",
      {{"the two leaders held talks", "held"}, {"attacked the town", "attacked"},
       {"fined the company", "fined"}});
  ASSERT_EQ(events_.size(), 3u);
  EXPECT_EQ(events_[0].date, "2022-03-12");  // a fronted adverbial dates the main clause
  EXPECT_EQ(events_[1].date, "2024-12-30");  // 2009 belongs to the relative clause
  EXPECT_EQ(events_[1].date_basis, "published");
  EXPECT_EQ(events_[2].date, "2024-12-30");
}

TEST_F(AssignEventDatesTest, WeeksQuartersAndNonDates) {
  Run("The embassy reopened last week. Exports grew in the third quarter. The two "
      "countries have cooperated for 12 years. Relations improved recently.",
      "2024-12-30",
      {{"The embassy reopened", "reopened"}, {"Exports grew", "grew"},
       {"The two countries have cooperated", "cooperated"}, {"Relations improved", "improved"}});
  ASSERT_EQ(events_.size(), 4u);
  EXPECT_EQ(events_[0].date, "2024-12");  // 2024-W52 is Dec 23-29
  EXPECT_EQ(events_[0].date_precision, "month");
  EXPECT_EQ(events_[1].date, "2024");
  EXPECT_EQ(events_[1].date_precision, "year");
  EXPECT_EQ(events_[2].date_basis, "published");  // a duration is not a date
  EXPECT_EQ(events_[3].date_basis, "published");  // nor is PAST_REF
}

TEST_F(AssignEventDatesTest, UndatedArticleStillTakesTextDates) {
  Run("The ministers met in Baku in 2019. They met again.", "",
      {{"The ministers met", "met"}, {"They met again", "met"}});
  EXPECT_EQ(events_[0].date, "2019");
  EXPECT_EQ(events_[1].date, "");
  EXPECT_EQ(events_[1].date_precision, "unknown");
}

}  // namespace dyad
