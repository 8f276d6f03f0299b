// Event: who did what to whom, when and where, with the evidence that carries it.
// The JSON Lines record of ../shared/DESIGN.md is this struct (export/event_json.h).
#ifndef DYAD_EVENTS_EVENT_H_
#define DYAD_EVENTS_EVENT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

// Event::date_basis of an event dated by the estimated publication date of its undated
// article (Article::published_estimate): a weak date. Corroboration treats the event as
// undated, and a cluster's date replaces it (basis "corroboration").
inline constexpr std::string_view kDateBasisEstimated = "estimated_published";

struct EventActor {
  std::string code;     // "AZEGOV"
  std::string country;  // "AZE"
  std::string role;     // "GOV"
  std::string entity;   // "Yalchin Rafiyev" when a named person or organisation
  std::string text;     // the words of the mention as written
  uint32_t begin = 0;   // byte span of the mention in Article::text
  uint32_t end = 0;
  bool empty() const { return code.empty(); }
};

struct EventLocation {
  std::string name;     // "Damascus"
  std::string country;  // ISO alpha-3 "SYR"
  std::string adm1;     // first-level region where known
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  bool empty() const { return name.empty(); }
};

struct Event {
  std::string event_id;    // HexId(HashFields({article_id, sentence, cameo, source, target}))
  std::string article_id;
  uint32_t sentence = 0;   // index of the sentence in the article
  uint32_t begin = 0;      // byte span of the evidence in Article::text
  uint32_t end = 0;
  // Byte span of the words the pattern matched (anchor and written slots), inside
  // begin/end; what the event's own date is looked for near (time/event_dates.h). Not
  // stored or exported; 0, 0 when unknown.
  uint32_t trigger_begin = 0;
  uint32_t trigger_end = 0;
  // Byte offset of the pattern's anchor word ("visited" of "042 visit"): the word whose
  // clause dates and places the event (syntax/tree.h). Not stored or exported.
  uint32_t anchor = 0;
  std::string date;            // "2024-12-30", "2024-12", "1992", or "" when unknown
  std::string date_precision;  // "day", "month", "year", "unknown"
  std::string date_basis;      // "text", "published", "corroboration",
                               // kDateBasisEstimated, ""
  EventActor source, target;
  std::string cameo;        // always a string: "042", "0331"
  double goldstein = 0;
  int quad_class = 0;       // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover_type;  // "CONSULT"
  std::string plover_mode;  // "visit" or ""
  EventLocation location;
  bool negated = false;
  std::string modality = "asserted";  // "asserted", "intended", "considered", "reported", "hypothetical"
  bool symmetric = false;   // "met with", "held talks with": source and target interchangeable
  std::string quantity;     // "approximately 200 tons"
  std::string pattern;      // the dictionary pattern that fired, e.g. "042 visit"
  std::string evidence;     // the sentence text (or clause) carrying the event
  std::string cluster_id;   // filled by corroboration, "" before
};

}  // namespace dyad

#endif  // DYAD_EVENTS_EVENT_H_
