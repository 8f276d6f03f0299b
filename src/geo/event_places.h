// AssignEventPlaces: where each event happened, from the toponyms of its sentence or the
// article's dateline.
//
// The event's place is read off the parse (syntax/tree.h), from the clause of its anchor
// word (Event::anchor), in order of preference:
//  1. a toponym attached to that clause by a locative preposition or "to", directly or as
//     a noun's complement ("distributing aid at an IDP camp in Aleppo province", "a visit
//     to Damascus", "met in Antalya"), or the clause's object when it is the event's
//     target ("visited Syria"); the nearest to the anchor;
//  2. the same in the clauses that govern it, nearest first ("During a visit to Moscow,
//     the minister said his country would ...");
//  3. the dateline (Article::dateline, resolved with the gazetteer), when the sentence
//     names no place and the event's source or target belongs to the dateline's country;
//  4. nothing (Event::location stays empty).
// A toponym that owns a noun ("Syria's support") is no place. Linear in the article.
#ifndef DYAD_GEO_EVENT_PLACES_H_
#define DYAD_GEO_EVENT_PLACES_H_

#include <vector>

#include "events/event.h"
#include "geo/toponyms.h"
#include "ingest/article.h"
#include "text/document.h"

namespace dyad {

// Fills Event::location (name, ISO alpha-3 country, region, coordinates) of each event.
// Uses the built-in gazetteer; thread-safe.
void AssignEventPlaces(const Article& article, const Document& doc, std::vector<Event>* events);

// The same with toponyms already found in doc (ToponymFinder::Find).
void AssignEventPlaces(const Article& article, const Document& doc, const std::vector<Toponym>& toponyms,
                       std::vector<Event>* events);

// The place a dateline names ("DAMASCUS", "Baku"): the most populous of its places, a
// country's capital first; nullptr when the gazetteer does not know it.
const Place* ResolveDateline(std::string_view dateline);

}  // namespace dyad

#endif  // DYAD_GEO_EVENT_PLACES_H_
