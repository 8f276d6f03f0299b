// EventCoder: sentences with actor mentions -> CAMEO/PLOVER events with evidence.
#ifndef DYAD_EVENTS_CODER_H_
#define DYAD_EVENTS_CODER_H_

#include <string>
#include <vector>

#include "actors/actor.h"
#include "events/event.h"
#include "ingest/article.h"
#include "text/document.h"

namespace dyad {

class EventCoder {
 public:
  EventCoder();  // the built-in dictionary (data/events/) and ontology
  ~EventCoder();
  // Appends the events of every sentence. Dates, places and clusters are left for
  // later stages; event_id is set.
  void Code(const Article& article, const Document& doc,
            const std::vector<ActorMention>& actors, std::vector<Event>* out) const;
};

}  // namespace dyad

#endif  // DYAD_EVENTS_CODER_H_
