// Statements of the corroboration write path (store_clusters.cc), prepared once per
// connection on first use. Internal to the store.
#ifndef DYAD_STORE_CLUSTER_STATEMENTS_H_
#define DYAD_STORE_CLUSTER_STATEMENTS_H_

#include "store/sqlite.h"
#include "store/store.h"

namespace dyad {

struct Store::ClusterStatements {
  explicit ClusterStatements(SqliteDb& db);

  // Clusters of one pair of countries (either order) and root, dated near ?4..?5 or
  // undated, most recently reported first.
  SqliteStatement candidates;
  SqliteStatement candidates_any_date;
  SqliteStatement upsert_cluster;
  SqliteStatement insert_member;
  SqliteStatement set_event_cluster;
  SqliteStatement set_event_date;
};

}  // namespace dyad

#endif  // DYAD_STORE_CLUSTER_STATEMENTS_H_
