// Publication date estimates: when an article carries no date, what its text says about
// when it was written.
//
//   "relations date back 33 years to 1992"        elapsed: 1992 + 33 = 2025 (year)
//   "32 years ago, in 1993" / "in 1993, 32 years ago" / "33 years since 1992"
//   "the 30th anniversary of the 1995 accords"     elapsed: 1995 + 30 = 2025
//   the latest past date the text names            latest_date: published then or later
//
// Dates in a sentence about the future ("will", "plans", "scheduled", "by 2030", "next")
// and years inside names ("Vision 2030", "Expo 2020") are no evidence of the past. When
// the elapsed estimate is earlier than a date the text names as past, the text is later
// than the count says and only the bound is kept. Of several elapsed estimates the latest
// wins (counts of years are often rounded down).
//
// The estimate is kept apart from the publication date (Article::published_estimate);
// AssignPublicationDates (time/event_dates.h) dates events with an "elapsed" estimate,
// never with a bound.
#ifndef DYAD_TIME_PUBLICATION_ESTIMATE_H_
#define DYAD_TIME_PUBLICATION_ESTIMATE_H_

#include "ingest/article.h"
#include "text/document.h"

namespace dyad {

// The estimate for an article from its analysed text (doc is article text's). Returns an
// empty estimate when the text implies nothing; does not look at Article::published.
PublicationEstimate EstimatePublicationDate(const Document& doc);

}  // namespace dyad

#endif  // DYAD_TIME_PUBLICATION_ESTIMATE_H_
