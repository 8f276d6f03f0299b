// Relation: what happened between two actors over time, from their stored events and
// clusters: events by month with counts per quad class and the mean Goldstein score,
// both directions, and the key events (the clusters most sources reported).
//
// A and B are actor code prefixes ("AZE" is Azerbaijan and all its actors, "AZEGOV" its
// government); an event belongs to the relation when one side matches A and the other
// B (RelationBuilder is given only such events by the caller, which filters the store).
#ifndef DYAD_CORROBORATE_RELATION_H_
#define DYAD_CORROBORATE_RELATION_H_

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corroborate/event_cluster.h"
#include "events/event.h"

namespace dyad {

// Counts over a set of events.
struct RelationCounts {
  int64_t events = 0;
  std::array<int64_t, 4> quad_class{};  // [0] verbal cooperation ... [3] material conflict
  double goldstein_sum = 0;
  int64_t a_to_b = 0, b_to_a = 0;  // by which side is the source
  std::set<std::string> clusters;  // distinct real-world events

  double mean_goldstein() const { return events > 0 ? goldstein_sum / static_cast<double>(events) : 0; }
  void Add(const Event& e, bool a_is_source);
};

// One period of the timeline: "2024-12"; "1992" for events dated only to a year;
// "undated" for events without a date (listed last).
struct RelationPeriod {
  std::string period;
  RelationCounts counts;
};

struct KeyEvent {
  EventCluster cluster;
  std::string name;  // of the cluster's CAMEO code
  double goldstein = 0;
  std::string evidence;  // of the cluster's first report
};

struct Relation {
  std::string a, b;
  RelationCounts totals;
  std::vector<RelationPeriod> periods;  // in time order, "undated" last
  std::vector<KeyEvent> key_events;     // most sources, then articles, then |Goldstein|
  std::set<std::string> articles, outlets;
  std::string first_date, last_date;  // of the dated events

  nlohmann::json ToJson() const;
};

class RelationBuilder {
 public:
  RelationBuilder(std::string a, std::string b) : a_(std::move(a)), b_(std::move(b)) {}
  // An event between A and B. `outlet` is its article's.
  void Add(const Event& e, const std::string& outlet);
  // The cluster ids the key events may come from, once each.
  const std::set<std::string>& cluster_ids() const { return relation_.totals.clusters; }
  // The relation, with at most `max_key_events` key events drawn from `clusters`
  // (the clusters of cluster_ids(), as stored).
  Relation Finish(std::vector<EventCluster> clusters, size_t max_key_events);

 private:
  bool AIsSource(const Event& e) const;

  std::string a_, b_;
  Relation relation_;
  std::map<std::string, RelationCounts> by_period_;
};

}  // namespace dyad

#endif  // DYAD_CORROBORATE_RELATION_H_
