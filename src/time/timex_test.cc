#include "time/timex.h"

#include <gtest/gtest.h>

#include <string>

#include "text/analyzer.h"

namespace dyad {
namespace {

struct Found {
  std::string text, type, value, precision;
};

std::vector<Found> FindAll(std::string_view text, std::string_view ref) {
  static const TextAnalyzer analyzer;
  static const TimexFinder finder;
  Document doc;
  analyzer.Analyze(text, &doc);
  std::vector<Timex> out;
  finder.Find(doc, ref, &out);
  std::vector<Found> found;
  for (const Timex& t : out) {
    EXPECT_EQ(t.begin, doc.tokens[t.first_token].begin);
    EXPECT_EQ(t.end, doc.tokens[t.end_token - 1].end);
    found.push_back({std::string(text.substr(t.begin, t.end - t.begin)),
                     std::string(TimexTypeName(t.type)), t.value,
                     std::string(TimexPrecisionName(t.precision))});
  }
  return found;
}

// The single expression found in text, or an empty Found when there are none or several.
Found One(std::string_view text, std::string_view ref = "2024-12-30") {
  std::vector<Found> all = FindAll(text, ref);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.size() == 1 ? all[0] : Found{};
}

TEST(TimexTest, AbsoluteDates) {
  EXPECT_EQ(One("The treaty was signed on 14 March 2021 in Geneva.").value, "2021-03-14");
  EXPECT_EQ(One("The treaty was signed on 14 March 2021 in Geneva.").text, "14 March 2021");
  EXPECT_EQ(One("Talks resumed on March 14, 2021, officials said.").text, "March 14, 2021");
  EXPECT_EQ(One("Talks resumed on March 14, 2021, officials said.").precision, "day");
  EXPECT_EQ(One("Talks resumed on Nov. 3 after a pause.").value, "2024-11-03");
  EXPECT_EQ(One("The report is dated 2023-07-09.").value, "2023-07-09");
  EXPECT_EQ(One("The note is dated 25/04/2019.").value, "2019-04-25");
  EXPECT_EQ(One("The note is dated 04/25/2019.").value, "2019-04-25");
  EXPECT_EQ(One("The vote took place on the 3rd of June 2022.").value, "2022-06-03");
  // A month and day far ahead of the reference belong to the year before.
  EXPECT_EQ(One("Protests began on Sept. 12 and spread.", "2025-01-05").value, "2024-09-12");
}

TEST(TimexTest, YearsMonthsDecades) {
  Found y = One("The two states have traded since 2008.");
  EXPECT_EQ(y.value, "2008");
  EXPECT_EQ(y.precision, "year");
  EXPECT_EQ(One("Elections are due in March 2025.").value, "2025-03");
  EXPECT_EQ(One("The ministers met in March.").value, "2024-03");
  EXPECT_EQ(One("The ministers met in March.", "").value, "XXXX-03");
  EXPECT_EQ(One("The ministers will meet in February.").value, "2025-02");
  EXPECT_EQ(One("Fighting flared in the 1990s.").value, "199");
  EXPECT_EQ(One("Profit rose in fiscal 2019.").text, "fiscal 2019");
  EXPECT_EQ(One("Prices eased by mid-November.").value, "2024-11");
  // Modal "may", the verb "march" and counts of things are not dates.
  EXPECT_TRUE(FindAll("Officials may march to the border with 2000 troops.", "2024-12-30").empty());
  EXPECT_TRUE(FindAll("May officials visit the camp?", "2024-12-30").empty());
}

TEST(TimexTest, Weekdays) {
  // 2024-12-30 is a Monday.
  EXPECT_EQ(One("The envoy arrived on Friday.").value, "2024-12-27");
  EXPECT_EQ(One("The envoy arrived on Monday.").value, "2024-12-30");
  EXPECT_EQ(One("The envoy will arrive on Friday.").value, "2025-01-03");
  EXPECT_EQ(One("The envoy arrived last Monday.").value, "2024-12-23");
  EXPECT_EQ(One("Shelling resumed on Saturday night.").value, "2024-12-28");
  EXPECT_EQ(One("The vote is due on Jan. 14, officials said.", "2025-01-05").value, "2025-01-14");
  EXPECT_EQ(One("The envoy arrived on Friday.", "").value, "XXXX-WXX-5");
}

TEST(TimexTest, RelativeDates) {
  EXPECT_EQ(One("The minister spoke yesterday.").value, "2024-12-29");
  EXPECT_EQ(One("The minister speaks today.").value, "2024-12-30");
  EXPECT_EQ(One("The minister speaks tomorrow.").value, "2024-12-31");
  Found w = One("The border was closed last week.");
  EXPECT_EQ(w.value, "2024-W52");  // 2024-12-30 is in ISO week 2025-W01
  EXPECT_EQ(w.precision, "week");
  EXPECT_EQ(One("The border closes next month.").value, "2025-01");
  EXPECT_EQ(One("Both sides met two days ago.").value, "2024-12-28");
  EXPECT_EQ(One("Both sides met two days ago.").text, "two days ago");
  EXPECT_EQ(One("Exports doubled three years ago.").value, "2021");
  Found e = One("Exports doubled earlier this year.");
  EXPECT_EQ(e.text, "earlier this year");
  EXPECT_EQ(e.value, "2024");
  EXPECT_EQ(One("The plant opens early next year.").value, "2025");
  EXPECT_EQ(One("Output fell in the third quarter.").value, "2024-Q3");
  EXPECT_EQ(One("Third-quarter output fell.").value, "2024-Q3");
  EXPECT_EQ(One("The rains came last fall.").value, "2024-FA");
  EXPECT_EQ(One("The rains came last fall.", "2024-10-10").value, "2023-FA");
  EXPECT_EQ(One("Trade is now the priority.").value, "PRESENT_REF");
  EXPECT_EQ(One("Trade grew in recent years.").value, "PAST_REF");
  EXPECT_EQ(One("They will talk again in the future.").value, "FUTURE_REF");
  EXPECT_EQ(One("They spoke yesterday.", "").value, "PAST_REF");
}

TEST(TimexTest, AnchoredExpressions) {
  std::vector<Found> f = FindAll(
      "Sales rose in the second quarter. They had fallen a year earlier.", "2024-12-30");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, "2024-Q2");
  EXPECT_EQ(f[1].value, "2023-Q2");
  EXPECT_EQ(f[1].text, "a year earlier");
}

TEST(TimexTest, Durations) {
  Found d = One("The embassy had been closed for 12 years.");
  EXPECT_EQ(d.type, "DURATION");
  EXPECT_EQ(d.value, "P12Y");
  EXPECT_EQ(d.text, "12 years");
  EXPECT_EQ(One("The ceasefire held two days.").value, "P2D");
  EXPECT_EQ(One("They signed a five-year plan.").value, "P5Y");
  EXPECT_EQ(One("They signed a twenty-five year lease.").value, "P25Y");
  EXPECT_EQ(One("The strike lasted several weeks.").value, "PXW");
  EXPECT_EQ(One("The meeting lasted three hours.").value, "PT3H");
  EXPECT_EQ(One("Prices rose over the past three years.").text, "the past three years");
  EXPECT_EQ(One("The convoy leaves every week.").type, "SET");
  EXPECT_TRUE(FindAll("A 40-year-old man was detained.", "2024-12-30").empty());
}

TEST(TimexTest, DatesBackToAYear) {
  std::vector<Found> f =
      FindAll("Their ties date back 33 years to 1992, and trade began in 1997.", "2025-01-30");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].value, "P33Y");
  EXPECT_EQ(f[1].value, "1992");
  EXPECT_EQ(f[2].value, "1997");
}

TEST(TimexTest, TimesOfDay) {
  Found t = One("The talks start at 3:30 p.m. local time.");
  EXPECT_EQ(t.type, "TIME");
  EXPECT_EQ(t.value, "2024-12-30T15:30");
  EXPECT_EQ(One("The talks start at 10 a.m.").value, "2024-12-30T10:00");
}

TEST(TimexTest, SentenceWithoutExpressionsAndOddReference) {
  EXPECT_TRUE(FindAll("The minister met his counterpart in Baku.", "2024-12-30").empty());
  // A malformed reference date is treated as none.
  EXPECT_EQ(One("The minister spoke yesterday.", "12/30/2024").value, "PAST_REF");
  EXPECT_EQ(One("The minister spoke yesterday.", "2024-12").value, "PAST_REF");
  EXPECT_EQ(One("The minister spoke last month.", "2024-12").value, "2024-11");
}

TEST(TimexTest, FindInSentenceAppends) {
  TextAnalyzer analyzer;
  TimexFinder finder;
  Document doc;
  analyzer.Analyze("No date here. Talks ended in 2019.", &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  std::vector<Timex> out;
  finder.FindInSentence(doc, 0, "2024-12-30", &out);
  EXPECT_TRUE(out.empty());
  finder.FindInSentence(doc, 1, "2024-12-30", &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].sentence, 1u);
  EXPECT_EQ(out[0].value, "2019");
  EXPECT_TRUE(IsSpecificDate(out[0]));
  finder.FindInSentence(doc, 7, "2024-12-30", &out);  // out of range: nothing
  EXPECT_EQ(out.size(), 1u);
}

}  // namespace
}  // namespace dyad
