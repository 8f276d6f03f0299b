// Relation: what happened between two actors over time, from their stored events and
// clusters: events by month with counts per quad class and the mean Goldstein score,
// both directions, and the key events (the clusters most sources reported).
//
// A and B are actor code prefixes ("AZE" is Azerbaijan and all its actors, "AZEGOV" its
// government); an event belongs to the relation when one side matches A and the other
// B (RelationBuilder is given only such events by the caller, which filters the store).
//
// The builder takes the events one by one (Add), or summed as a store keeps them
// (AddDay and AddMember: Store::GetRelation); both give the same Relation. Goldstein
// scores are summed in tenths, the unit of the scale, so that the sum is exact and
// does not depend on the order of the events.
#ifndef DYAD_CORROBORATE_RELATION_H_
#define DYAD_CORROBORATE_RELATION_H_

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "corroborate/event_cluster.h"
#include "events/event.h"

namespace dyad {

// Counts over a set of events.
struct RelationCounts {
  int64_t events = 0;
  std::array<int64_t, 4> quad_class{};  // [0] verbal cooperation ... [3] material conflict
  int64_t goldstein_tenths = 0;   // the sum of the events' scores, in tenths
  int64_t a_to_b = 0, b_to_a = 0;  // by which side is the source
  std::set<std::string> clusters;  // distinct real-world events

  double mean_goldstein() const {
    return events > 0 ? static_cast<double>(goldstein_tenths) / (10.0 * static_cast<double>(events)) : 0;
  }
  void Add(const Event& e, bool a_is_source);
};

// A Goldstein score in tenths (the scale's values have one decimal).
int64_t GoldsteinTenths(double goldstein);

// The events of one pair of actor codes on one date (a day, month or year; "" for
// undated) in one outlet's articles, summed: what a store keeps per date.
struct RelationDay {
  std::string source_code, target_code;
  std::string date;
  std::string outlet;  // of the events' articles, "" when unknown
  int64_t events = 0;
  std::array<int64_t, 4> quad_class{};
  int64_t goldstein_tenths = 0;
};

// What ranks one key event above another: most sources, then articles, then mentions,
// then the larger |Goldstein| of its code, then the more recent date.
struct KeyEventRank {
  int64_t num_sources = 0, num_articles = 0, num_mentions = 0;
  double goldstein = 0;
  std::string date;
};
bool RanksBefore(const KeyEventRank& x, const KeyEventRank& y);
// The rank of a cluster, with the Goldstein score of its CAMEO code (0 when unknown).
KeyEventRank RankOf(int64_t num_sources, int64_t num_articles, int64_t num_mentions, const std::string& cameo,
                    const std::string& date);

// The periods of a timeline. kMonth: "2024-12". kWeek: the Monday that opens the ISO
// week (Monday to Sunday) of a day-precise date, "2024-12-30" for 2024-12-30 to
// 2025-01-05; a date known only to the month stays in the month's period "2024-12".
enum class RelationPeriodUnit { kMonth, kWeek };

// The period of an event date ("" for undated) in the unit's timeline.
std::string PeriodOf(std::string_view date, RelationPeriodUnit unit = RelationPeriodUnit::kMonth);

// One period of the timeline: "2024-12" (or a week's Monday "2024-12-30"); "1992" for
// events dated only to a year; "undated" for events without a date (listed last).
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
  RelationBuilder(std::string a, std::string b, RelationPeriodUnit unit = RelationPeriodUnit::kMonth)
      : a_(std::move(a)), b_(std::move(b)), unit_(unit) {}
  // An event between A and B. `outlet` is its article's.
  void Add(const Event& e, const std::string& outlet);
  // The same for summed events: AddDay for their counts, AddMember for each event's
  // cluster ("" when none) and article, which are counted once each.
  void AddDay(const RelationDay& day);
  void AddMember(std::string_view date, std::string_view cluster_id, std::string_view article_id);
  // The cluster ids the key events may come from, once each.
  const std::set<std::string>& cluster_ids() const { return relation_.totals.clusters; }
  // The relation, with at most `max_key_events` key events drawn from `clusters`
  // (the clusters of cluster_ids(), as stored).
  Relation Finish(std::vector<EventCluster> clusters, size_t max_key_events);

 private:
  bool AIsSource(std::string_view source_code, std::string_view target_code) const;

  std::string a_, b_;
  RelationPeriodUnit unit_;
  Relation relation_;
  std::map<std::string, RelationCounts> by_period_;
};

}  // namespace dyad

#endif  // DYAD_CORROBORATE_RELATION_H_
