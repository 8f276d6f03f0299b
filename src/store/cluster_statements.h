// Statements of the corroboration write path (store_clusters.cc, store_stories.cc),
// prepared once per connection on first use. Internal to the store.
#ifndef DYAD_STORE_CLUSTER_STATEMENTS_H_
#define DYAD_STORE_CLUSTER_STATEMENTS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "corroborate/event_cluster.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace dyad {

// What corroborating one article decided (Store::PlanClusters), before it is written:
// the new events go in with their cluster and date (WriteClusters writes the rest).
struct ClusterPlan {
  struct Outcome {
    std::string cluster_id;
    const EventReport* redated = nullptr;  // its date from the cluster, else null
  };
  std::vector<EventReport> reports;      // of the article's events, each once
  std::vector<EventCluster> candidates;  // the candidates, then the clusters started
  std::vector<size_t> kept_before;       // per candidate, the reports it kept before
  std::vector<size_t> assigned;          // per report, its candidate
  std::vector<EventReport> redated;
  std::unordered_map<std::string, Outcome> of_event;
};

struct Store::ClusterStatements {
  explicit ClusterStatements(SqliteDb& db);

  // Ids of the clusters of one pair of countries (either order) and root, dated near
  // ?4..?5 or undated, most recently reported first.
  SqliteStatement candidates;
  SqliteStatement candidates_any_date;
  SqliteStatement read_cluster;
  SqliteStatement read_reports;
  SqliteStatement upsert_report;
  SqliteStatement upsert_cluster;
  SqliteStatement set_event_date;
  // Stories (store_stories.cc).
  SqliteStatement band_articles, story_of, put_story, put_band;
};

}  // namespace dyad

#endif  // DYAD_STORE_CLUSTER_STATEMENTS_H_
