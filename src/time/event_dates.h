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
// normalised against the publication date) attached to the event's clause in the parse
// (syntax/tree.h): basis "text", precision "day", "month" or "year" (a week counts as the
// month of its Thursday, a quarter or season as its year; decades and references like
// PAST_REF are not dates). First an expression of a clause that modifies the anchor word
// itself ("its operation commencing in 2008"); else of the anchor's clause (Event::anchor):
// an expression belongs to the clause its head word does ("On Monday, X met Y": the
// main clause; "..., made in 1997, and its operation commencing in 2008": each its own).
// Without one there, the clauses governing it are tried, nearest first (not across
// parataxis: a clause merely set beside another). Of several, the
// one nearest the anchor wins. Unparsed sentences have no clauses: no text date.
// Events left without a text date get AssignPublicationDates'. doc is article.text's.
void AssignEventDates(const Article& article, const Document& doc, std::vector<Event>* events);

}  // namespace dyad

#endif  // DYAD_TIME_EVENT_DATES_H_
