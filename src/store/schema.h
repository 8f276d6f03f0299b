// The store's SQLite schema and its migrations.
//
// The schema version is PRAGMA user_version; PRAGMA application_id marks the file as a
// dyad store. Migration N -> N+1 is a function of its own, and every pending one runs
// inside one transaction at open, so a store is never left half-migrated. Opening a
// store written by a newer dyad fails with a message saying so, and leaves it untouched.
//
// Versions:
//   1  articles, sentences, events and their query indexes
//   2  articles_fts: FTS5 over article title and text (external content; the Store
//      indexes what it inserts, triggers handle updates and deletes); existing articles
//      are indexed by the migration
//   3  entity registry (entities, entity_aliases) and corroboration (clusters,
//      cluster_members)
//   4  entity registry: entities get title, num_articles, user_defined; entity_codes
//      (an entity's codes over time, observed or from a user's actor file) and
//      entity_articles (which articles named which entity)
//   5  corroboration: clusters get what they are looked up by (root, countries, date
//      precision) and their report counts; cluster_reports holds the reports a cluster
//      keeps; cluster_members goes (events.cluster_id names an event's cluster)
//   6  articles get published_estimate and published_estimate_record: an undated
//      article's publication date estimated from its text, kept apart from published
//   7  indexes that serve the cluster-candidate lookups in the order they read
//      (clusters_candidates, clusters_recent); relation aggregates kept by triggers
//      (relation_pairs, relation_days) and the covering index events_relation
#ifndef DYAD_STORE_SCHEMA_H_
#define DYAD_STORE_SCHEMA_H_

#include "store/sqlite.h"

namespace dyad {

inline constexpr int kSchemaVersion = 7;
// 'dyad' in ASCII: PRAGMA application_id of every dyad store.
inline constexpr int kStoreApplicationId = 0x64796164;

// The file's schema version (0 for a new, empty file). Throws StoreError when the file
// belongs to another application.
int SchemaVersion(SqliteDb& db);

// Brings the schema up to `target` (the current version unless a test wants an older
// one). Throws StoreError when the file is newer than `target`, is not a dyad store, or
// a migration fails (then nothing is changed).
void MigrateSchema(SqliteDb& db, int target = kSchemaVersion);

}  // namespace dyad

#endif  // DYAD_STORE_SCHEMA_H_
