#include "time/publication_estimate.h"

#include <gtest/gtest.h>

#include <string>

#include "text/analyzer.h"
#include "time/event_dates.h"

namespace dyad {
namespace {

PublicationEstimate Estimate(const std::string& text) {
  static const TextAnalyzer analyzer;
  Document doc;
  analyzer.Analyze(text, &doc);
  return EstimatePublicationDate(doc);
}

TEST(PublicationEstimateTest, ElapsedYearsCountedFromAYear) {
  PublicationEstimate e = Estimate(
      "The two kingdoms signed a border treaty in 1979. Their friendship goes back 40 years "
      "to 1984, officials recalled.");
  EXPECT_EQ(e.date, "2024");
  EXPECT_EQ(e.precision, "year");
  EXPECT_EQ(e.basis, "elapsed");
  EXPECT_TRUE(e.dates_article());
  EXPECT_EQ(e.evidence, "goes back 40 years to 1984");
  // The latest past date named ("to 1984" may end a span that runs on).
  EXPECT_EQ(e.not_before, "1979");
  EXPECT_EQ(e.not_before_evidence, "border treaty in 1979");

  EXPECT_EQ(Estimate("The port opened 25 years ago, in 1998.").date, "2023");
  EXPECT_EQ(Estimate("The port opened in 1998, 25 years ago.").date, "2023");
  EXPECT_EQ(Estimate("Twelve years have passed since 2011, when the war began.").date, "2023");
  EXPECT_EQ(Estimate("It is thirty-one years since 1993.").date, "2024");
  PublicationEstimate a = Estimate("Crowds marked the 30th anniversary of the 1994 peace accord.");
  EXPECT_EQ(a.date, "2024");
  EXPECT_EQ(a.evidence, "30th anniversary of the 1994");
  EXPECT_EQ(Estimate("The city celebrated the fiftieth anniversary of its founding in 1970.").date, "2020");
  // Of two counts the later: counts of years are rounded down.
  EXPECT_EQ(Estimate("Ties date back 30 years to 1994. The pact is now 30 years since 1995.").date,
            "2025");
}

TEST(PublicationEstimateTest, NotEveryCountOfYearsIsElapsedTime) {
  // A period that ended, a count in the past perfect, a span after a year.
  EXPECT_NE(Estimate("Exports doubled in the ten years to 2019.").basis, "elapsed");
  EXPECT_NE(Estimate("By 2010, 18 years had passed since 1992.").basis, "elapsed");
  EXPECT_NE(Estimate("Five years after 2003, the mission ended.").basis, "elapsed");
  EXPECT_TRUE(Estimate("The embassy had been closed for 12 years.").empty());
  EXPECT_TRUE(Estimate("Three years ago the embassy closed.").empty());  // no year to count from
}

TEST(PublicationEstimateTest, TheLatestPastDateIsALowerBound) {
  PublicationEstimate e = Estimate(
      "The ministers first met on 4 May 2019 in Oslo. They met again in March 2021, and the "
      "talks resumed last week.");
  EXPECT_EQ(e.date, "2021-03");
  EXPECT_EQ(e.precision, "month");
  EXPECT_EQ(e.basis, "latest_date");
  EXPECT_FALSE(e.dates_article());
  EXPECT_EQ(e.evidence, "met again in March 2021");
  EXPECT_EQ(e.not_before, "2021-03");
  // A day is later than its month: the most precise date wins among equals.
  EXPECT_EQ(Estimate("Talks began in June 2022 and an accord followed on 14 June 2022.").date,
            "2022-06-14");
}

TEST(PublicationEstimateTest, FutureDatesAndNamesAreNoEvidence) {
  PublicationEstimate e = Estimate(
      "The agency was founded in 2001. Elections will be held in 2027, and the plan aims at "
      "growth by 2030. The Vision 2035 programme was presented. Its reform runs until 2029.");
  EXPECT_EQ(e.date, "2001");
  EXPECT_EQ(e.basis, "latest_date");
  // An elapsed count below a later past date: the text is later than the count says.
  PublicationEstimate late = Estimate(
      "Relations date back 20 years to 1990. The consulate reopened in March 2016.");
  EXPECT_EQ(late.basis, "latest_date");
  EXPECT_EQ(late.date, "2016-03");
  EXPECT_TRUE(Estimate("The summit starts next week and ends on Friday.").empty());
}

TEST(PublicationEstimateTest, EventsOfAnUndatedArticleTakeAnEstimateThatDatesIt) {
  Article a;
  a.published_estimate.date = "2025";
  a.published_estimate.precision = "year";
  a.published_estimate.basis = "elapsed";
  std::vector<Event> events(2);
  events[1].date = "2008";
  events[1].date_precision = "year";
  events[1].date_basis = "text";
  AssignPublicationDates(a, &events);
  EXPECT_EQ(events[0].date, "2025");
  EXPECT_EQ(events[0].date_precision, "year");
  EXPECT_EQ(events[0].date_basis, kDateBasisEstimated);
  EXPECT_EQ(events[1].date, "2008");  // the text's own date stays

  // A lower bound does not date events...
  Article bound;
  bound.published_estimate.date = "2021-03";
  bound.published_estimate.precision = "month";
  bound.published_estimate.basis = "latest_date";
  std::vector<Event> undated(1);
  AssignPublicationDates(bound, &undated);
  EXPECT_EQ(undated[0].date, "");
  EXPECT_EQ(undated[0].date_precision, "unknown");
  // ...and a publication date beats any estimate.
  a.published = "2024-12-30";
  std::vector<Event> dated(1);
  AssignPublicationDates(a, &dated);
  EXPECT_EQ(dated[0].date, "2024-12-30");
  EXPECT_EQ(dated[0].date_basis, "published");
}

}  // namespace
}  // namespace dyad
