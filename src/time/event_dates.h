// Event dates: from a time expression in the event's clause, else from the article's
// publication date.
#ifndef DYAD_TIME_EVENT_DATES_H_
#define DYAD_TIME_EVENT_DATES_H_

#include <vector>

#include "events/event.h"
#include "ingest/article.h"
#include "text/document.h"

namespace dyad {

// Gives every event without a date the article's publication date (basis "published",
// precision from the form of the date); in an undated article, the estimate of its
// publication date when the estimate dates the article (PublicationEstimate::
// dates_article, basis kDateBasisEstimated); else precision "unknown".
void AssignPublicationDates(const Article& article, std::vector<Event>* events);

// Gives every event without a date the date of a specific DATE expression (time/timex.h,
// normalised against the publication date) in the event's clause: basis "text", precision
// "day", "month" or "year" (a week counts as the month of its Thursday, a quarter or
// season as its year; decades and references like PAST_REF are not dates). The clause is
// the comma, semicolon, colon or dash delimited parts of the sentence that the evidence
// span Event::begin/end overlaps, plus a verbless sentence-initial part ("On Monday, ...").
// Of several candidates the one nearest the evidence span wins, the first on ties. When
// the event has a trigger span (Event::trigger_begin/end, the words the pattern matched),
// a date in the clause of those words, nearest to them, comes first: "with a decision
// made in 1997, and its operation commencing in 2008" dates the commencing 2008 though
// the evidence reaches back to the actor before 1997.
// Events left without a text date get AssignPublicationDates'. doc is article.text's.
void AssignEventDates(const Article& article, const Document& doc, std::vector<Event>* events);

}  // namespace dyad

#endif  // DYAD_TIME_EVENT_DATES_H_
