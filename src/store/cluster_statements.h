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

// The SQL of dated_candidates, undated_candidates and recent_candidates below: what
// tests read the query plans of.
std::vector<std::string> CandidateLookupSql();

struct Store::ClusterStatements {
  explicit ClusterStatements(SqliteDb& db);

  // Cluster candidates of one report (store_clusters.cc says which), as rows of
  // (cluster_id, last_report). ?1 root, ?2 and ?3 the countries in one order.
  // The clusters dated near ?4..?5, or on ?6 or ?7 (month, year), in either order of
  // the countries, unordered, at most kMaxDatedExamined rows.
  SqliteStatement dated_candidates;
  // The undated clusters, most recently reported first, at most kMaxCandidates.
  SqliteStatement undated_candidates;
  // The clusters of any date, most recently reported first, at most kMaxCandidates.
  SqliteStatement recent_candidates;
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
