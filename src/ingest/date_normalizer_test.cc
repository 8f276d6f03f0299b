#include "ingest/date_normalizer.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(DateNormalizerTest, IsoForms) {
  EXPECT_EQ(NormalizeDate("2024-12-30"), "2024-12-30");
  EXPECT_EQ(NormalizeDate("2002-3-10"), "2002-03-10");
  EXPECT_EQ(NormalizeDate("2024/12/30"), "2024-12-30");
  EXPECT_EQ(NormalizeDate("1998-02-13T14:26:00"), "1998-02-13");
  EXPECT_EQ(NormalizeDate("1990-08-15T13:37"), "1990-08-15");
  EXPECT_EQ(NormalizeDate("2009-03-20 12:24:52.002364-05"), "2009-03-20");
  EXPECT_EQ(NormalizeDate("2016-12-10 18:38 ET"), "2016-12-10");
  EXPECT_EQ(NormalizeDate("20241230"), "2024-12-30");
}

// Every shape of "date" value in the news pool (the one we cannot read is a season).
TEST(DateNormalizerTest, NewsPoolShapes) {
  EXPECT_EQ(NormalizeDate("26-FEB-1987 15:01:01.79"), "1987-02-26");
  EXPECT_EQ(NormalizeDate("1-MAR-1987 01:30:29.50"), "1987-03-01");
  EXPECT_EQ(NormalizeDate("3-MAR-1987  09:15:05.40"), "1987-03-03");
  EXPECT_EQ(NormalizeDate("27-MAR-1987 00:03:35.68&#5;&#5;&#5;F RM"), "1987-03-27");
  EXPECT_EQ(NormalizeDate("31-MAR-1987 605:12:19.12"), "1987-03-31");
  EXPECT_EQ(NormalizeDate("9-APR-1987 00:00:00.00    # date added by S Finch as guesswork"),
            "1987-04-09");
  EXPECT_EQ(NormalizeDate("24 November 2016"), "2016-11-24");
  EXPECT_EQ(NormalizeDate("12 December 2016 GMT"), "2016-12-12");
  EXPECT_EQ(NormalizeDate("Nov 22, 2016 4:30 PM MT"), "2016-11-22");
  EXPECT_EQ(NormalizeDate("December 13, 2016 1:57PM EST"), "2016-12-13");
  EXPECT_EQ(NormalizeDate("Wed Nov 23, 2016 | 4:58pm EST"), "2016-11-23");
  EXPECT_EQ(NormalizeDate("7:58 AM ET, Sat January 3, 2015"), "2015-01-03");
  EXPECT_EQ(NormalizeDate("December 17, 2016 4:45:51 EST PM"), "2016-12-17");
  EXPECT_EQ(NormalizeDate("9 Oct 2012, 7:43am EDT"), "2012-10-09");
  EXPECT_EQ(NormalizeDate("8:56 AM, Dec 08, 2016 CT"), "2016-12-08");
  EXPECT_EQ(NormalizeDate("Dec 16 2016"), "2016-12-16");
  EXPECT_EQ(NormalizeDate("2016 Oct 10"), "2016-10-10");
  EXPECT_EQ(NormalizeDate("June 27, 2016 15:41:4"), "2016-06-27");
  EXPECT_EQ(NormalizeDate("Nov. 22, 2015 MST"), "2015-11-22");
  EXPECT_EQ(NormalizeDate("APRIL 26, 2016 - 12:25AM EDT"), "2016-04-26");
  EXPECT_EQ(NormalizeDate("DEC. 14, 2016, 2:54 AM EST"), "2016-12-14");
  EXPECT_EQ(NormalizeDate("December 7, 2016 - 23:28"), "2016-12-07");
  EXPECT_EQ(NormalizeDate("December 9th 2016"), "2016-12-09");
  EXPECT_EQ(NormalizeDate("11/28/2016"), "2016-11-28");
  EXPECT_EQ(NormalizeDate("2004/2005"), "");
  EXPECT_EQ(NormalizeDate(""), "");
}

TEST(DateNormalizerTest, NumericOrders) {
  EXPECT_EQ(NormalizeDate("12/30/2024"), "2024-12-30");  // US order
  EXPECT_EQ(NormalizeDate("03/04/2024"), "2024-03-04");  // US order when ambiguous
  EXPECT_EQ(NormalizeDate("30/12/2024"), "2024-12-30");  // cannot be a month: day first
  EXPECT_EQ(NormalizeDate("30.12.2024"), "2024-12-30");  // dotted: day first
}

TEST(DateNormalizerTest, RejectsImpossibleDates) {
  EXPECT_EQ(NormalizeDate("2023-02-29"), "");
  EXPECT_EQ(NormalizeDate("2024-02-29"), "2024-02-29");
  EXPECT_EQ(NormalizeDate("1900-02-29"), "");
  EXPECT_EQ(NormalizeDate("2024-13-01"), "");
  EXPECT_EQ(NormalizeDate("31 April 2024"), "");
  EXPECT_EQ(NormalizeDate("30 December 0999"), "");
  EXPECT_EQ(NormalizeDate("99999999999999999999-01-01"), "");
}

TEST(DateNormalizerTest, StrictNeedsADateAlone) {
  EXPECT_EQ(NormalizeDateStrict(" 2024-12-30 "), "2024-12-30");
  EXPECT_EQ(NormalizeDateStrict("Monday, 30 December 2024, 14:05 GMT"), "2024-12-30");
  EXPECT_EQ(NormalizeDateStrict("2009-03-20 12:24:52.002364-05"), "2009-03-20");
  EXPECT_EQ(NormalizeDateStrict("30 December 2024 the minister said"), "");
  EXPECT_EQ(NormalizeDateStrict("Talks on 30 December 2024"), "");
  EXPECT_EQ(NormalizeDateStrict("30 December 2024 95"), "");
}

TEST(DateNormalizerTest, MonthDayWithoutYear) {
  ASSERT_TRUE(ParseMonthDay("Dec. 30"));
  EXPECT_EQ(ParseMonthDay("Dec. 30")->month, 12);
  EXPECT_EQ(ParseMonthDay("Dec 30")->day, 30);
  EXPECT_EQ(ParseMonthDay("30 December")->month, 12);
  EXPECT_EQ(ParseMonthDay("June 17")->month, 6);
  EXPECT_EQ(ParseMonthDay("Feb 29")->day, 29);
  EXPECT_FALSE(ParseMonthDay("Feb 30"));
  EXPECT_FALSE(ParseMonthDay("Dec 30 2024"));
  EXPECT_FALSE(ParseMonthDay("Baku"));
  EXPECT_FALSE(ParseMonthDay("May"));
}

TEST(DateNormalizerTest, MonthNames) {
  EXPECT_EQ(MonthFromName("Sept"), 9);
  EXPECT_EQ(MonthFromName("DEC"), 12);
  EXPECT_EQ(MonthFromName("january"), 1);
  EXPECT_EQ(MonthFromName("Ja"), 0);
  EXPECT_EQ(MonthFromName("Monday"), 0);
}

}  // namespace
}  // namespace dyad
