// Dates as news sources write them ("26-FEB-1987 15:01:01.79", "Dec 30, 2024",
// "30 December 2024", "12/30/2024", "7:58 AM ET, Sat January 3, 2015") -> ISO 8601
// calendar dates ("2024-12-30"). Times and time zones are read past, not kept.
#ifndef DYAD_INGEST_DATE_NORMALIZER_H_
#define DYAD_INGEST_DATE_NORMALIZER_H_

#include <optional>
#include <string>
#include <string_view>

namespace dyad {

// The first complete date (day, month and year) found in `raw`, as "YYYY-MM-DD", or
// "" when there is none. Recognised: ISO "2024-12-30" (also with "/" or "." and a
// trailing time), "30-DEC-2024", "30 December 2024", "30th Dec. 2024",
// "December 30, 2024", "Dec. 30 2024", "2024 Dec 30", "12/30/2024" (US order; read
// as day/month when the first number cannot be a month), "30.12.2024", "20241230".
// Impossible dates ("2023-02-29") and years outside 1000..2999 are rejected.
std::string NormalizeDate(std::string_view raw);

// Like NormalizeDate, but "" unless `raw` holds nothing besides the date, times,
// weekday names, AM/PM, time zones and punctuation: for deciding whether a header line
// IS a date rather than a sentence that mentions one.
std::string NormalizeDateStrict(std::string_view raw);

// A day of a month without a year, as in datelines ("Dec. 30", "December 30",
// "30 Dec"): the whole of `raw` must be that.
struct MonthDay {
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};
std::optional<MonthDay> ParseMonthDay(std::string_view raw);

// 1..12 for an English month name or its abbreviation ("Sept", "DEC"), else 0.
int MonthFromName(std::string_view word);

}  // namespace dyad

#endif  // DYAD_INGEST_DATE_NORMALIZER_H_
