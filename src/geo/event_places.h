// AssignEventPlaces: where each event happened, from the toponyms of its sentence or the
// article's dateline.
//
// The event's anchor is its pattern word in the evidence span ("distributing" for
// "073 provide|...|distribute ..."). Its place is, in order of preference:
//  1. in the anchor's clause (no comma or semicolon between), the first toponym after the
//     anchor that follows a locative preposition or "to" or is the event's bare target
//     ("distributing aid at an IDP camp in Aleppo province", "visit to Damascus",
//     "visited Syria"), else the nearest locative toponym before it ("in Damascus, the
//     minister met");
//  2. the locative toponym of the sentence nearest to the anchor;
//  3. the dateline (Article::dateline, resolved with the gazetteer), when the sentence
//     names no place and the event's source or target belongs to the dateline's country;
//  4. nothing (Event::location stays empty).
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
