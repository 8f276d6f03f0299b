// EventCluster: the reports of one real-world event across articles and outlets, and
// the rules that decide whether a new report is one of them.
//
// A report joins a cluster when all of these hold:
//   - the same pair of countries (either order when the event or the cluster is
//     symmetric: "met with", "held talks with");
//   - the same CAMEO root, and the same three-digit code unless one of them is the
//     root's unspecified code ("040" joins "043");
//   - compatible dates: day dates within kDayWindow days of the cluster's date, month
//     and year dates covering it; undated reports and undated clusters agree with any;
//   - compatible places: both in the same country, and not two points more than
//     kPlaceKm apart;
//   - no named person on either side who is a different person (name_similarity.h);
//   - the same negation;
//   - both countries known: actors of unknown country ("---MIL") join no other article;
// and it scores at least kJoinScore (MatchScore: the exact code, a shared anchor word,
// the same person, the same day and the same place each add to it; two dates that are
// both only a month or a year, or both unknown, take some away). Reports of one
// article join a cluster of that article only as repeated mentions: the same code and
// actors in another sentence, at no other place, and, when only one of the two has a
// date from its own text ("established in 1992"), the same word for the event. Two
// different events of one article never merge through a cluster. Reports dated only by
// an estimate of their article's publication date count as undated (event_report.h).
//
// A cluster's date is the most precise date of its dated reports (the earliest among
// equals); an undated report that joins takes that date, basis "corroboration".
//
// A cluster keeps its first kMaxKeptReports reports in full: what later reports are
// compared with and what Details() describes. Reports beyond them are counted (articles,
// sources, mentions, report dates stay exact) but not kept, so that a cluster's record,
// read and rewritten with every report that joins, stays small however often an event
// is reported.
#ifndef DYAD_CORROBORATE_EVENT_CLUSTER_H_
#define DYAD_CORROBORATE_EVENT_CLUSTER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corroborate/event_report.h"

namespace dyad {

inline constexpr int kDayWindow = 7;
inline constexpr double kPlaceKm = 150;
inline constexpr double kJoinScore = 1.5;
inline constexpr size_t kMaxKeptReports = 24;

// Days since 1970-01-01 of a "YYYY-MM-DD" date, nullopt for other forms.
std::optional<int> DayNumber(std::string_view date);

struct EventCluster {
  std::string cluster_id;  // HexId of the first report's event id
  std::string cameo;       // the most specific code the reports agree on, else the root's
  std::string root;        // "04"
  ReportActor source, target;  // of the first report
  bool symmetric = false;
  std::string date;            // "" when no report is dated
  std::string date_precision;  // "day", "month", "year", "unknown"
  std::vector<EventReport> reports;  // the first kMaxKeptReports
  std::vector<std::string> source_keys;  // of every report, sorted, each once
  // Reports not kept: how many, in how many articles not among the kept reports',
  // their publication dates, and the article of the last one.
  int64_t more_mentions = 0, more_articles = 0;
  std::string more_first_report, more_last_report, more_last_article;

  // --- Derived (Recount) ---
  int64_t num_articles = 0;
  int64_t num_sources = 0;  // distinct source keys: syndicated copies count once
  int64_t num_mentions = 0;
  std::string first_report, last_report;  // publication dates, "" when none is dated

  // The score of `r` as a report of this cluster, or nullopt when it cannot be one
  // (the rules above; kJoinScore is not applied here).
  std::optional<double> MatchScore(const EventReport& r) const;
  // Adds the report; the cluster's date, code and counts follow. Returns the reports
  // whose date changed because the cluster became dated or more precise: undated
  // reports take the cluster's date, basis "corroboration" (the new one too, kept or
  // not).
  std::vector<EventReport> Add(EventReport r);
  // A new cluster of one report.
  static EventCluster Start(EventReport r);

  // How the reports agree and differ: for date, place, quantity and the names of each
  // side, the distinct values with the number of reports giving each, and "agree"
  // when there is one value.
  nlohmann::json Details() const;
  // The record of every field and the kept reports ("reports"), and back. FromJson
  // throws nlohmann::json exceptions on a malformed record.
  nlohmann::json ToJson() const;
  static EventCluster FromJson(const nlohmann::json& j);
  // ToJson without the reports, and the cluster from it and its reports: for a store
  // that keeps the reports apart, so that a report joining rewrites only the summary.
  nlohmann::json SummaryJson() const;
  static EventCluster FromParts(const nlohmann::json& summary, std::vector<EventReport> reports);

 private:
  // True when the report's source is the cluster's target (a symmetric event told the
  // other way round).
  bool IsSwapped(const EventReport& r) const;
  void Recount();
};

// Which cluster each report of one new article joins. `candidates` are the clusters
// that may match (the store's preselection by countries and root); reports are taken
// strongest match first, each joins its best cluster or starts a new one, which is
// appended to *candidates. Returns, per report, the index into *candidates, and
// appends to *redated the reports whose dates changed (EventCluster::Add).
std::vector<size_t> AssignReports(std::vector<EventReport> reports, std::vector<EventCluster>* candidates,
                                  std::vector<EventReport>* redated);

}  // namespace dyad

#endif  // DYAD_CORROBORATE_EVENT_CLUSTER_H_
