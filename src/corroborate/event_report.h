// EventReport: what corroboration compares of one coded event, as one article reports
// it. Built from the Event and its article; small enough to keep in a cluster record.
#ifndef DYAD_CORROBORATE_EVENT_REPORT_H_
#define DYAD_CORROBORATE_EVENT_REPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "events/event.h"
#include "ingest/article.h"

namespace dyad {

struct ReportActor {
  std::string code;     // "AZEGOV"
  std::string country;  // "AZE"; for actors without a country (IGOUNO), the code
  std::string entity;   // canonical person or organisation name, "" when none
  std::string text;     // as written
};

struct EventReport {
  std::string event_id;
  std::string article_id;
  // Who reported it: the outlet, else the distributor, else the article id. Copies of
  // one story (syndication) share the source of the story's first article.
  std::string source_key;
  std::string outlet;
  std::string published;  // the article's publication date ("" when unknown)
  uint32_t sentence = 0;
  std::string cameo;  // "042"
  ReportActor source, target;
  bool symmetric = false;
  std::string modality;    // "asserted", "intended", ...
  bool negated = false;
  std::string date;            // "2024-12-30", "2024-12", "1992", ""
  std::string date_precision;  // "day", "month", "year", "unknown"
  std::string date_basis;      // "text", "published", "corroboration", ""
  std::string place;           // location name, "" when none
  std::string place_country;
  std::string place_adm1;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  std::string quantity;
  // The content words of the pattern's anchor ("visit", "meet"): two reports that name
  // the event with the same word agree on more than the code.
  std::vector<std::string> anchor_words;
  // The stem of the pattern's anchor word as the evidence uses it ("reop" of "reopening"):
  // the word for the act itself, not for what it is about ("embassy"); "" when unknown.
  std::string act;
  std::string evidence;  // the text span carrying the event

  // The country (or the code when there is none) of each side: what must agree.
  const std::string& source_country() const { return source.country; }
  const std::string& target_country() const { return target.country; }
};

// The stem of the anchor element's alternative that begins a word of the evidence
// ("064 reopen|open ... embassy" over "the reopening of the embassy" -> "reop"); the
// anchor is the first required word element (slots, gaps and optional elements before
// it skipped). "" when no alternative is used.
std::string ActWord(std::string_view pattern, std::string_view evidence);

// The report of event `e` of `article`; `source_key` as above (the caller knows the
// story the article belongs to).
EventReport MakeReport(const Event& e, const Article& article, std::string_view source_key);

// The source key of an article not known to copy another: outlet, else distributor,
// else the article id.
std::string DefaultSourceKey(const Article& article);

// The stems of the pattern's content words that the evidence uses ("042 SRC visit TGT"
// over "... has visited Syria" -> {"visi"}): of every alternative of every element,
// slot markers, codes and function words left out, those that begin a word of the
// evidence, cut to a stem (all but the last two letters, at least four) so that
// "visit", "visits" and "visited" agree. Sorted, without repeats.
std::vector<std::string> AnchorWords(std::string_view pattern, std::string_view evidence);

// JSON form kept in cluster records, and back. FromJson throws nlohmann::json
// exceptions on a malformed record.
void ReportToJson(const EventReport& r, nlohmann::json* j);
EventReport ReportFromJson(const nlohmann::json& j);

}  // namespace dyad

#endif  // DYAD_CORROBORATE_EVENT_REPORT_H_
