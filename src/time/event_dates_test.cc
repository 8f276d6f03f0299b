#include "time/event_dates.h"

#include <gtest/gtest.h>

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

}  // namespace dyad
