#include "store/schema.h"

#include <iterator>
#include <string>

namespace dyad {
namespace {

// 0 -> 1: the core tables. Article rows get an INTEGER PRIMARY KEY (seq, the ingest
// order) because FTS5 external content needs a stable integer rowid; the article id is
// a unique text key that sentences and events refer to.
void MigrateTo1(SqliteDb& db) {
  db.Exec(R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  outlet TEXT NOT NULL DEFAULT '',
  distributor TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  byline TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  metadata TEXT NOT NULL DEFAULT '{}',
  origin TEXT NOT NULL DEFAULT '',
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  "begin" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  event_id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  date TEXT NOT NULL DEFAULT '',
  source_code TEXT NOT NULL DEFAULT '',
  source_country TEXT NOT NULL DEFAULT '',
  target_code TEXT NOT NULL DEFAULT '',
  target_country TEXT NOT NULL DEFAULT '',
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER NOT NULL DEFAULT 0,
  goldstein REAL NOT NULL DEFAULT 0,
  plover_type TEXT NOT NULL DEFAULT '',
  cluster_id TEXT,
  record TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id, sentence);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_countries ON events(source_country, target_country);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cluster ON events(cluster_id) WHERE cluster_id IS NOT NULL;
)sql");
}

// 1 -> 2: full-text search over articles. External content: the text lives once, in
// articles. Triggers keep the index in step when articles change or go; new articles
// are indexed by the Store itself, one statement per transaction (store.cc says why).
void MigrateTo2(SqliteDb& db) {
  db.Exec(R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
)sql");
}

// 2 -> 3: tables for what spans articles. The entity registry maps the names an actor
// is written with ("al-Shaibani", "Al-Shibani") to one canonical entity; clusters group
// the events that report the same real-world event across articles and outlets.
void MigrateTo3(SqliteDb& db) {
  db.Exec(R"sql(
CREATE TABLE entities (
  entity_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  actor_code TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  first_seen TEXT NOT NULL DEFAULT '',
  last_seen TEXT NOT NULL DEFAULT '',
  num_mentions INTEGER NOT NULL DEFAULT 0,
  UNIQUE (name, actor_code)
);
CREATE INDEX entities_actor_code ON entities(actor_code);

CREATE TABLE entity_aliases (
  alias TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
  num_mentions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (alias, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

CREATE TABLE clusters (
  cluster_id TEXT PRIMARY KEY,
  cameo TEXT NOT NULL DEFAULT '',
  source_code TEXT NOT NULL DEFAULT '',
  target_code TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  record TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE cluster_members (
  cluster_id TEXT NOT NULL REFERENCES clusters(cluster_id) ON DELETE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
  PRIMARY KEY (cluster_id, event_id)
) WITHOUT ROWID;
CREATE INDEX cluster_members_event ON cluster_members(event_id);
)sql");
}

// 3 -> 4: what the entity registry keeps beyond a name and a code. An entity's codes
// change over time (SYRREB, later SYRGOV) and users give dated codes, so they get a table
// of their own; entities.actor_code stays the current code, for lookups. entity_articles
// links each entity to the articles that named it: the per-article record that makes
// storing an article's entities idempotent.
void MigrateTo4(SqliteDb& db) {
  db.Exec(R"sql(
ALTER TABLE entities ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE entities ADD COLUMN num_articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN user_defined INTEGER NOT NULL DEFAULT 0;

CREATE TABLE entity_codes (
  entity_id INTEGER NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  actor_code TEXT NOT NULL,
  from_user INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT NOT NULL DEFAULT '',
  last_seen TEXT NOT NULL DEFAULT '',
  num_articles INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, idx)
) WITHOUT ROWID;
CREATE INDEX entity_codes_code ON entity_codes(actor_code);

CREATE TABLE entity_articles (
  entity_id INTEGER NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  actor_code TEXT NOT NULL DEFAULT '',
  num_mentions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX entity_articles_article ON entity_articles(article_id);
)sql");
}

// 4 -> 5: what corroboration looks clusters up by and what it reports of them. A new
// article's events are compared with the clusters of the same pair of countries and
// CAMEO root near the event's date (corroborate/event_cluster.h). The cluster's record
// is its summary (counts, sources, date); the reports it keeps are rows of their own,
// so a report that joins adds one row and rewrites only the small summary.
void MigrateTo5(SqliteDb& db) {
  db.Exec(R"sql(
ALTER TABLE clusters ADD COLUMN root TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN source_country TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN target_country TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN symmetric INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE clusters ADD COLUMN num_mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE clusters ADD COLUMN first_report TEXT NOT NULL DEFAULT '';
ALTER TABLE clusters ADD COLUMN last_report TEXT NOT NULL DEFAULT '';
CREATE INDEX clusters_pair ON clusters(source_country, target_country, root, date);
CREATE INDEX clusters_sources ON clusters(num_sources);

-- Copies of one story (syndication, republished wire text) count once as a source:
-- each article's near-duplicate fingerprint (story/fingerprint.h), its LSH band keys to
-- find copies by, and the story it belongs to with the source that story counts as.
CREATE TABLE article_stories (
  article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  source_key TEXT NOT NULL,
  fingerprint BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX article_stories_story ON article_stories(story_id);
CREATE TABLE story_bands (
  band INTEGER NOT NULL,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX story_bands_article ON story_bands(article_id);

-- Events name their cluster (events.cluster_id); a second list of members is not kept.
DROP TABLE cluster_members;

CREATE TABLE cluster_reports (
  cluster_id TEXT NOT NULL REFERENCES clusters(cluster_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (cluster_id, idx)
) WITHOUT ROWID;
)sql");
}

// 5 -> 6: an undated article's estimated publication date (time/publication_estimate.h),
// apart from `published`: the date to filter and sort by, and the whole estimate (basis,
// the words it rests on, the latest past date named) as a JSON record. Articles stored
// before have none ('' and '{}').
void MigrateTo6(SqliteDb& db) {
  db.Exec(R"sql(
ALTER TABLE articles ADD COLUMN published_estimate TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN published_estimate_record TEXT NOT NULL DEFAULT '{}';
CREATE INDEX articles_published_estimate ON articles(published_estimate)
  WHERE published_estimate != '';
)sql");
}

// 6 -> 7: what keeps ingest and `dyad relations` fast as a store grows.
//
// Cluster candidates (store_clusters.cc) are looked up by pair of countries, root and
// date, each lookup in the order it keeps (most recently reported first), so that it
// reads at most its limit of rows instead of sorting every cluster of the pair:
// clusters_candidates serves one date (or the undated clusters), clusters_recent the
// lookups of undated reports, which take any date. clusters_pair is their prefix.
//
// A relation (store_relations.cc) is answered from aggregates that triggers keep in step
// with the events, in the transaction that writes them: relation_pairs counts the events
// of each pair of actor codes, relation_days sums them per pair, date, code and outlet.
// What is not additive (distinct clusters and articles) is read from events_relation, an
// index that covers it; events_source is its prefix. Goldstein scores are summed in
// tenths (the scale's unit), exactly. Existing events are aggregated by the migration.
void MigrateTo7(SqliteDb& db) {
  db.Exec(R"sql(
DROP INDEX clusters_pair;
CREATE INDEX clusters_candidates
  ON clusters(source_country, target_country, root, date, last_report DESC, cluster_id);
CREATE INDEX clusters_recent
  ON clusters(source_country, target_country, root, last_report DESC, cluster_id);

DROP INDEX events_source;
CREATE INDEX events_relation
  ON events(source_code, target_code, date, cameo, cluster_id, article_id);

CREATE TABLE relation_pairs (
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (source_code, target_code)
) WITHOUT ROWID;
CREATE TABLE relation_days (
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  date TEXT NOT NULL,
  cameo TEXT NOT NULL,
  outlet TEXT NOT NULL,
  events INTEGER NOT NULL,
  quad1 INTEGER NOT NULL,
  quad2 INTEGER NOT NULL,
  quad3 INTEGER NOT NULL,
  quad4 INTEGER NOT NULL,
  goldstein_tenths INTEGER NOT NULL,
  PRIMARY KEY (source_code, target_code, date, cameo, outlet)
) WITHOUT ROWID;

INSERT INTO relation_pairs (source_code, target_code, events)
  SELECT source_code, target_code, count(*) FROM events GROUP BY source_code, target_code;
INSERT INTO relation_days (source_code, target_code, date, cameo, outlet, events, quad1, quad2,
                           quad3, quad4, goldstein_tenths)
  SELECT e.source_code, e.target_code, e.date, e.cameo, coalesce(a.outlet, ''), count(*),
         sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3),
         sum(e.quad_class = 4), sum(CAST(round(e.goldstein * 10) AS INTEGER))
  FROM events e LEFT JOIN articles a ON a.id = e.article_id
  GROUP BY e.source_code, e.target_code, e.date, e.cameo, coalesce(a.outlet, '');
)sql");
  // The same statements for an event that comes (sign +) and one that goes (sign -).
  auto count_event = [](const char* row, const char* sign) {
    std::string r = row, s = sign;
    std::string outlet = "coalesce((SELECT outlet FROM articles WHERE id = " + r + ".article_id), '')";
    std::string sql =
        "INSERT INTO relation_pairs (source_code, target_code, events) VALUES (" + r + ".source_code, " + r +
        ".target_code, " + s + "1) ON CONFLICT (source_code, target_code) DO UPDATE SET events = events + "
        "excluded.events;\n"
        "INSERT INTO relation_days (source_code, target_code, date, cameo, outlet, events, quad1, quad2, "
        "quad3, quad4, goldstein_tenths) VALUES (" + r + ".source_code, " + r + ".target_code, " + r +
        ".date, " + r + ".cameo, " + outlet + ", " + s + "1, " + s + "(" + r + ".quad_class = 1), " + s +
        "(" + r + ".quad_class = 2), " + s + "(" + r + ".quad_class = 3), " + s + "(" + r +
        ".quad_class = 4), " + s + "CAST(round(" + r + ".goldstein * 10) AS INTEGER)) "
        "ON CONFLICT (source_code, target_code, date, cameo, outlet) DO UPDATE SET "
        "events = events + excluded.events, quad1 = quad1 + excluded.quad1, "
        "quad2 = quad2 + excluded.quad2, quad3 = quad3 + excluded.quad3, "
        "quad4 = quad4 + excluded.quad4, goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths;\n";
    if (s == "-") {
      // Rows of no event go, so that the aggregates hold what the events hold.
      sql += "DELETE FROM relation_pairs WHERE source_code = " + r + ".source_code AND target_code = " + r +
             ".target_code AND events = 0;\n"
             "DELETE FROM relation_days WHERE source_code = " + r + ".source_code AND target_code = " + r +
             ".target_code AND date = " + r + ".date AND cameo = " + r + ".cameo AND outlet = " + outlet +
             " AND events = 0;\n";
    }
    return sql;
  };
  db.Exec(("CREATE TRIGGER events_relation_insert AFTER INSERT ON events BEGIN\n" + count_event("new", "") +
           "END;\n"
           "CREATE TRIGGER events_relation_delete AFTER DELETE ON events BEGIN\n" + count_event("old", "-") +
           "END;\n"
           "CREATE TRIGGER events_relation_update AFTER UPDATE OF source_code, target_code, date, cameo, "
           "quad_class, goldstein, article_id ON events BEGIN\n" + count_event("old", "-") +
           count_event("new", "") + "END;\n")
              .c_str());
}

using Migration = void (*)(SqliteDb&);
// kMigrations[n] takes the schema from version n to n + 1.
constexpr Migration kMigrations[] = {MigrateTo1, MigrateTo2, MigrateTo3, MigrateTo4, MigrateTo5,
                                     MigrateTo6, MigrateTo7};
static_assert(std::size(kMigrations) == kSchemaVersion);

}  // namespace

int SchemaVersion(SqliteDb& db) {
  int64_t app_id = db.QueryInt("PRAGMA application_id");
  int64_t version = db.QueryInt("PRAGMA user_version");
  if (app_id == 0 && version == 0) {
    if (db.QueryInt("SELECT count(*) FROM sqlite_schema") != 0) {
      throw StoreError(db.path() + " is an SQLite database but not a dyad store");
    }
    return 0;
  }
  if (app_id != kStoreApplicationId) {
    throw StoreError(db.path() + " is an SQLite database of another application, not a dyad store");
  }
  return static_cast<int>(version);
}

void MigrateSchema(SqliteDb& db, int target) {
  auto check_not_newer = [&](int version) {
    if (version > target) {
      throw StoreError("store " + db.path() + " was written by a newer dyad (schema version " +
                       std::to_string(version) + "; this dyad reads versions up to " +
                       std::to_string(target) + "): upgrade dyad to open it");
    }
  };
  int version = SchemaVersion(db);
  check_not_newer(version);
  if (version == target) return;

  // IMMEDIATE takes the write lock now, so two processes opening the same new store do
  // not both migrate it: the second waits (busy timeout), then sees the new version.
  db.Exec("BEGIN IMMEDIATE");
  try {
    version = SchemaVersion(db);
    check_not_newer(version);
    for (; version < target; ++version) kMigrations[version](db);
    db.Exec(("PRAGMA application_id = " + std::to_string(kStoreApplicationId)).c_str());
    db.Exec(("PRAGMA user_version = " + std::to_string(target)).c_str());
    db.Exec("COMMIT");
  } catch (...) {
    db.TryExec("ROLLBACK");
    throw;
  }
}

}  // namespace dyad
