// Event dates from what the article says about its own date. Time expressions in the
// text (issue: dates, places and corroboration) refine this later in the same stage.
#ifndef DYAD_TIME_EVENT_DATES_H_
#define DYAD_TIME_EVENT_DATES_H_

#include <vector>

#include "events/event.h"
#include "ingest/article.h"

namespace dyad {

// Gives every event without a date the article's publication date (basis "published",
// precision from the form of the date), or precision "unknown" when there is none.
void AssignPublicationDates(const Article& article, std::vector<Event>* events);

}  // namespace dyad

#endif  // DYAD_TIME_EVENT_DATES_H_
