// EventCoder: sentences with actor mentions -> CAMEO/PLOVER events with evidence.
#ifndef DYAD_EVENTS_CODER_H_
#define DYAD_EVENTS_CODER_H_

#include <string>
#include <vector>

#include "actors/actor.h"
#include "events/dictionary.h"
#include "events/event.h"
#include "events/ontology.h"
#include "ingest/article.h"
#include "text/document.h"

namespace dyad {

// The event's view of an actor mention: codes, entity and the text span it covers.
EventActor ToEventActor(const Document& doc, const ActorMention& m);
// The actors a mention stands for: itself, or the two members of a pair ("the two
// countries"), each with the pair's span.
void ToEventActors(const Document& doc, const ActorMention& m, std::vector<EventActor>* out);

class EventCoder {
 public:
  // The built-in dictionary and ontology.
  EventCoder();
  // A caller-supplied dictionary (e.g. the built-in one plus user files); must outlive this.
  EventCoder(const Dictionary& dictionary, const Ontology& ontology);

  // Appends the events of every sentence of doc to *out. Dates, places and clusters are
  // left for later stages; event_id is set. When trace is given, one line per pattern
  // tried says what matched and why an event was or was not coded (`dyad explain`).
  void Code(const Article& article, const Document& doc, const std::vector<ActorMention>& actors,
            std::vector<Event>* out, std::vector<std::string>* trace = nullptr) const;

  // The code of the first event pattern whose words match in sentence `sentence`, actors
  // or not ("" when none): a sentence-level classification for sentences where no event
  // with both actors was coded.
  std::string TriggerCode(const Document& doc, uint32_t sentence,
                          const std::vector<ActorMention>& actors) const;

  // Whether Code() may find an event in sentence `sentence`: it has two actors with an
  // owner (of `actors`, the article's mentions in sentence order; a role of no country,
  // "---GOV", yields no event) or names the article's pair ("the
  // two countries"), and an event pattern whose words match there in order (the coder's
  // matching without actors, on the light tags). The sentences worth
  // parsing (syntax/syntax_analyzer.h). Reads the light tags' lemmas.
  bool MayHoldEvent(const Document& doc, uint32_t sentence,
                    const std::vector<ActorMention>& actors) const;

  // The CAMEO intention code for a realised code ("042" -> "036", "073" -> "0333"...).
  static std::string IntentionCode(const std::string& code);

  // An act someone is urged or asked to do ("urged X to release Y") is not coded by
  // default (the appeal is the event); when kept, it is coded with modality "requested"
  // (the classic coders' CODE ALL codes every verb).
  void set_keep_requested(bool keep) { keep_requested_ = keep; }
  // A mutual act of a list ("X and Y met") is one record marked symmetric by default;
  // the classic coders write one record each way.
  void set_mutual_both_ways(bool both) { mutual_both_ways_ = both; }

 private:
  const Dictionary& dictionary_;
  const Ontology& ontology_;
  bool keep_requested_ = false;
  bool mutual_both_ways_ = false;
};

}  // namespace dyad

#endif  // DYAD_EVENTS_CODER_H_
