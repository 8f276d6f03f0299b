// Time expressions: finds and normalises dates, durations and times in an analysed
// Document, TIMEX3 style, against a reference date (the article's publication date).
//
//   "30 December 2024", "Dec. 30", "2024-12-30", "30/12/2024"  DATE 2024-12-30 (day)
//   "in 1992", "since 2008", "fiscal 1989", "the 1990s"         DATE 1992 (year), 199 (decade)
//   "in March", "last March", "March 2025", "mid-November"      DATE 2024-03 (month); XXXX-03
//                                                               when there is no reference
//   "on Monday"            the Monday on or before the reference date; the one on or after
//                          it when the sentence speaks of the future ("will", "'ll", "shall")
//   "yesterday", "today", "tomorrow", "two days ago"            DATE day
//   "last week", "this week"                                    DATE 2024-W52 (week)
//   "next month", "earlier this year", "three years ago"        DATE month / year
//   "the third quarter", "third-quarter"                        DATE 2024-Q3 (quarter)
//   "last fall", "this summer"                                  DATE 2024-FA (season)
//   "a year earlier", "year-earlier"   relative to the last specific date mentioned before
//                                      it (the anchor), else to the reference date
//   "now", "currently" / "recently", "in the past" / "soon", "in the future"
//                                      DATE PRESENT_REF / PAST_REF / FUTURE_REF
//   "for 12 years", "33 years", "two days", "a five-year plan"  DURATION P12Y, P33Y, P2D, P5Y
//   "10 a.m.", "3:30 p.m."                                      TIME 2024-12-30T15:30
//   "daily", "every week", "twice a year"                       SET P1D, P1W, P1Y
//
// The finder looks only at tokens that can start an expression (digits, month and weekday
// names, a few relative words), so it costs little on sentences without one; it allocates
// only for the value of an expression it reports (short values fit std::string's buffer).
#ifndef DYAD_TIME_TIMEX_H_
#define DYAD_TIME_TIMEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace dyad {

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

// How fine a DATE or TIME value is. kNone for PRESENT_REF-like values, durations and sets.
enum class TimexPrecision : uint8_t {
  kNone,
  kCentury,
  kDecade,
  kYear,
  kSeason,
  kQuarter,
  kMonth,
  kWeek,
  kDay,
  kTime,
};

struct Timex {
  uint32_t sentence = 0;     // index into Document::sentences
  uint32_t first_token = 0;  // token span [first_token, end_token) in Document::tokens
  uint32_t end_token = 0;
  uint32_t begin = 0;        // byte span in Document::text
  uint32_t end = 0;
  TimexType type = TimexType::kDate;
  TimexPrecision precision = TimexPrecision::kNone;
  // TIMEX3 value: "2024-12-30", "2024-12", "1992", "199", "2024-W52", "2024-Q3", "2024-FA",
  // "XXXX-03", "2024-12-30T15:30", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "P12Y", "PT3H",
  // "PXY" (unknown number of years).
  std::string value;
};

// "DATE", "TIME", "DURATION", "SET".
std::string_view TimexTypeName(TimexType type);
// "century", "decade", "year", "season", "quarter", "month", "week", "day", "time", "".
std::string_view TimexPrecisionName(TimexPrecision precision);

// True when t is a DATE whose value names a specific calendar period (starts with a
// four-digit year: "1992", "2024-12", "2024-W52"), not a reference like PAST_REF.
bool IsSpecificDate(const Timex& t);

// The Thursday of ISO week `week` of `iso_year` (the day that fixes the week's year and,
// by convention, its month). False when the week number is out of range for that year.
bool IsoWeekThursday(int iso_year, int week, int* year, int* month, int* day);

struct TimexWordTable;  // the words that start or shape an expression (timex.cc)

class TimexFinder {
 public:
  TimexFinder();  // builds the word table once; the finder is immutable and thread-safe

  // Replaces *out with the expressions of every sentence of doc, in text order.
  // reference_date is "YYYY-MM-DD" (a longer date-time is cut), "YYYY-MM", "YYYY" or
  // empty; without it, relative expressions keep unknown parts as X ("XXXX-03") or are
  // reported with the reference values (PRESENT_REF for "today").
  void Find(const Document& doc, std::string_view reference_date, std::vector<Timex>* out) const;

  // Appends the expressions of one sentence. Relative expressions like "a year earlier"
  // use the reference date as their anchor (Find carries the anchor across sentences).
  void FindInSentence(const Document& doc, uint32_t sentence, std::string_view reference_date,
                      std::vector<Timex>* out) const;

 private:
  const TimexWordTable* table_;  // shared, immutable
};

}  // namespace dyad

#endif  // DYAD_TIME_TIMEX_H_
