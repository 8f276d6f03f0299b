// Store: coded articles in one SQLite file (WAL journal), queried by the CLI.
//
// Writing is idempotent: an article is identified by its id and by its content hash
// (ContentHash), and putting one that is already stored changes nothing. Each article
// goes in atomically with its sentences and events. Batches group many articles into
// one transaction for speed; a crash loses at most the open batch and leaves a
// consistent store, and re-running the ingest completes it without duplicates.
//
// A Store is one connection: use it from one thread at a time. Several Stores (and
// processes) may open the same file; readers do not block the writer.
#ifndef DYAD_STORE_STORE_H_
#define DYAD_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/entity_registry.h"
#include "corroborate/event_cluster.h"
#include "export/writers.h"
#include "corroborate/relation.h"
#include "events/event.h"
#include "ingest/article.h"
#include "pipeline/pipeline.h"
#include "store/sqlite.h"  // StoreError

namespace dyad {

struct ClusterPlan;  // store/cluster_statements.h

struct StoreOptions {
  // Create the file (and its schema) when it does not exist; else opening a missing
  // file fails with "no store at PATH".
  bool create = true;
  // How long a write waits for another process's write to finish before failing.
  int busy_timeout_ms = 10000;
  // Open without write access (SQLITE_OPEN_READONLY): nothing this connection does can
  // change the file; writing fails with StoreError. A store whose schema is older than
  // this dyad's cannot be opened read-only (it needs migrating: open it once for
  // writing, e.g. with `dyad ingest`). Implies create = false.
  bool read_only = false;
};

// True for the date forms a filter's range accepts: "2024", "2024-12", "2024-12-30",
// and only real dates: a month 01-12, a day that month has ("2024-02-29", not
// "2023-02-29" or "2024-13-45").
bool IsDateBound(std::string_view s);

// Filters of the article list; empty fields do not filter.
struct ArticleFilter {
  std::string outlet;  // exact, case-insensitive
  // Publication date range, inclusive; a shorter date covers its whole period, so
  // from "2024-12" to "2024-12" is December 2024. Undated articles are in no range.
  std::string from, to;
  std::string search;  // full-text query over title and text (syntax: fts_query.h)
  int64_t limit = -1;  // at most this many; < 0 for all
};

// Filters of the event list; empty fields do not filter, all given ones must hold.
struct EventFilter {
  std::string actor;  // actor code prefix on source or target: "AZE" matches "AZEGOV"
  // Country pair in either direction (source A and target B, or B and A); both or none.
  std::string country_a, country_b;
  std::string cameo;  // CAMEO code prefix: "04" (root), "042", "0421"
  std::string from, to;  // event date range, inclusive, as in ArticleFilter
  std::string outlet;    // of the event's article, exact, case-insensitive
  std::string search;    // full-text query over the event's article
  // Pair of actor code prefixes in either direction (source A and target B, or B and
  // A): "AZEGOV" "SYR"; both or none.
  std::string actor_a, actor_b;
  std::string cluster_id;
  // Only events whose cluster has at least this many sources (distinct outlets,
  // syndicated copies counting once) or articles; 0 does not filter.
  int64_t min_sources = 0;
  int64_t min_articles = 0;
  int64_t limit = -1;
  int64_t offset = 0;  // skip this many matching events first (paging)
  // kDate: by event date (undated first), then stored order; kStored: the order the
  // events were stored in (streams without sorting).
  enum class Order { kDate, kStored } order = Order::kDate;
};

// Filters of the cluster list, as EventFilter's fields of the same names.
struct ClusterFilter {
  std::string country_a, country_b;
  std::string cameo;
  std::string from, to;
  int64_t min_sources = 0;
  int64_t min_articles = 0;
  int64_t limit = -1;
};

// Filters of a relation (dyad relations), as EventFilter's fields of the same names:
// actor code prefixes A and B in either direction, CAMEO code prefix, event dates.
struct RelationFilter {
  std::string actor_a, actor_b;
  std::string cameo;
  std::string from, to;
  size_t max_key_events = 10;
  // The timeline's periods: months, or weeks (RelationPeriodUnit in relation.h).
  RelationPeriodUnit period_unit = RelationPeriodUnit::kMonth;
};

struct StoreCounts {
  int64_t articles = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  int64_t clusters = 0;
};

// One row of the article list: the article without its text, and its layer sizes.
struct ArticleListing {
  Article article;  // text left empty
  int64_t num_sentences = 0;
  int64_t num_events = 0;
};

struct SentenceSpan {
  uint32_t begin = 0;  // byte offsets into Article::text
  uint32_t end = 0;
};

// One article as stored, with every layer: what `dyad show` prints.
struct StoredArticle {
  Article article;
  std::vector<SentenceSpan> sentences;  // by index
  std::vector<Event> events;            // by sentence, then stored order
};

class Store {
 public:
  // Opens the store at `path`, creating it when allowed, and migrates an older schema.
  // Throws StoreError with a message for the user (missing file, not a dyad store,
  // written by a newer dyad, I/O error).
  static std::unique_ptr<Store> Open(const std::string& path, const StoreOptions& options = {});
  ~Store();  // rolls back an open batch
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // HexId(Hash64(title + "\n" + text)): what makes two articles the same article.
  static std::string ContentHash(const Article& a);

  // --- Writing ---

  struct PutResult {
    bool stored = false;     // false: already stored (same id or same content)
    int64_t sentences = 0;   // rows written
    int64_t events = 0;
  };
  // Stores the article with its sentences and events, atomically. Inside a batch the
  // article becomes durable when the batch commits. On failure nothing of the article
  // is stored, the batch stays usable (unless SQLite abandoned the whole transaction:
  // then in_batch() is false), and StoreError is thrown.
  // A new article's persons (CollectPersons of its doc and actors) go into the entity
  // registry in the same transaction (UpsertEntities), and its events into the clusters
  // of the events other articles reported (corroborate/event_cluster.h): each stored
  // event gets its cluster_id, and an undated event that joins a dated cluster takes the
  // cluster's date (basis "corroboration"), as do the cluster's undated events when a
  // dated one joins. Clustering is incremental: nothing else is recomputed.
  PutResult PutArticle(const CodedArticle& a);
  // The same with the article's persons given: for callers that freed the tokens and
  // mentions (CollectPersons needs them) before storing.
  PutResult PutArticle(const CodedArticle& a, const std::vector<EntityObservation>& persons);

  // --- Entity registry (actors/entity_registry.h) ---

  // Merges the persons of the stored article `article_id`, published on `date`, into the
  // registry and stores the entities it touched, their aliases and codes, and the links
  // from them to the article. Idempotent: an article whose entities are stored already
  // changes nothing. Atomic: on failure nothing is stored and StoreError is thrown.
  void UpsertEntities(std::string_view article_id, std::string_view date,
                      const std::vector<EntityObservation>& persons);
  // Applies a user's actor file (ParseActorFile) to the registry, atomically; applying
  // the same entries again changes nothing.
  void SeedEntities(const std::vector<ActorFileEntry>& entries);
  // The registry as stored. Loaded on first use and kept in memory for this connection;
  // reloaded when another connection has changed the store since.
  const EntityRegistry& Entities();

  // Opens a transaction that holds every PutArticle until CommitBatch. The articles of
  // an open batch are found by full-text search once it is committed.
  void BeginBatch();
  void CommitBatch();
  void RollbackBatch();
  bool in_batch() const { return in_batch_; }

  // --- Reading ---

  // True when an article with this id or this content hash is stored.
  bool Contains(std::string_view id, std::string_view content_hash);
  StoreCounts Counts();

  // Calls `fn` for each matching article, ordered by publication date then stored
  // order, or by relevance when filter.search is given. Streams: nothing is collected.
  void ForEachArticle(const ArticleFilter& filter, const std::function<void(const ArticleListing&)>& fn);
  // Calls `fn` for each matching event (streamed as ForEachArticle).
  void ForEachEvent(const EventFilter& filter, const std::function<void(const Event&)>& fn);
  int64_t CountEvents(const EventFilter& filter);

  // The relation between A and B (corroborate/relation.h): the same Relation as a
  // RelationBuilder given every matching event, its article's outlet and the stored
  // clusters, but read from what ingest keeps up to date in the events' transaction
  // (store_relations.cc): per-date sums of the events of each pair of actor codes,
  // and an index of each event's date, cluster and article for what is counted once.
  // No event record, article or cluster is read but the key events'.
  Relation GetRelation(const RelationFilter& filter);

  // The story (the id of its first article) a stored article belongs to: itself unless
  // it copies an earlier one; "" when the article is not stored.
  std::string StoryOf(std::string_view article_id);

  // The cluster with every report, or nullopt when there is none with this id.
  std::optional<EventCluster> GetCluster(std::string_view cluster_id);
  // Calls `fn` for each matching cluster, by date (undated first), then id.
  void ForEachCluster(const ClusterFilter& filter, const std::function<void(const EventCluster&)>& fn);

  // The article with every layer, or nullopt when no article has this id.
  std::optional<StoredArticle> GetArticle(std::string_view id);
  // The article's record (with text) without its layers: what event writers need.
  std::optional<Article> GetArticleRecord(std::string_view id);
  // What the export formats need of a stored event beyond its record
  // (export/writers.h): its cluster's counts (1 each without a cluster) and when its
  // article entered the store.
  EventContext GetEventContext(const Event& e);
  // Ids starting with `prefix`, at most `limit` of them (for abbreviated ids).
  std::vector<std::string> ArticleIdsWithPrefix(std::string_view prefix, int limit);

  const std::string& path() const;

  // Until cleared, every query of this connection fails with StoreError once `deadline`
  // has passed (SQLite's progress handler interrupts it): a time limit per request for
  // a server. Clear with std::nullopt. deadline_passed() tells a timeout from other
  // failures.
  void SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline);
  bool deadline_passed() const;

 private:
  struct Statements;
  struct ClusterStatements;
  explicit Store(std::unique_ptr<SqliteDb> db);
  void IndexNewArticles();
  PutResult Put(const CodedArticle& a, const std::vector<EntityObservation>* persons);
  EntityRegistry& Registry();
  // UpsertEntities inside an open transaction.
  void WriteEntities(std::string_view article_id, std::string_view date,
                     const std::vector<EntityObservation>& persons);
  void WriteEntity(size_t index);
  // Corroboration of a new article's events inside the open transaction: which
  // clusters they join (before the events are written, which then carry their cluster
  // and date), then the clusters and the earlier events they dated.
  void PlanClusters(const Article& article, std::string_view source_key, const std::vector<Event>& events,
                    ClusterPlan* plan);
  // Finds the stored story a new article copies (near-duplicate text: story/minhash.h),
  // records the article's fingerprint and story, and returns the source it counts as:
  // the story's first article's, else its own (DefaultSourceKey).
  std::string StorySourceKey(const Article& article);
  // The ids of the clusters a report is compared with (store_clusters.cc).
  std::vector<std::string> CandidateIds(const EventReport& r);
  void WriteClusters(ClusterPlan& plan);
  // The cluster from the cache, else from its stored record (cached then).
  EventCluster& CachedCluster(const std::string& cluster_id);
  // PRAGMA data_version: changes when another connection commits.
  int64_t DataVersion();
  // Forgets the registry and clusters read or written: after a rollback.
  void DropCaches();
  // Runs fn in its own transaction, or a savepoint inside an open one; the cached
  // registry is dropped when fn fails, as it may hold what was rolled back.
  void InTransaction(const char* savepoint, const std::function<void()>& fn);

  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<Statements> st_;
  std::unique_ptr<ClusterStatements> cst_;  // prepared on first use
  bool in_batch_ = false;
  // The first articles.seq the open transaction stored, 0 when none: the articles not
  // yet in the full-text index.
  int64_t unindexed_from_ = 0;
  // The entity registry cache and the PRAGMA data_version it was loaded at.
  std::unique_ptr<EntityRegistry> registry_;
  int64_t registry_version_ = -1;
  // Clusters as last read or written by this connection, so that corroborating an
  // article does not parse the records of its candidates again; dropped when another
  // connection changed the store (PRAGMA data_version) or a write is rolled back.
  std::unordered_map<std::string, EventCluster> clusters_;
  int64_t clusters_version_ = -1;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

}  // namespace dyad

#endif  // DYAD_STORE_STORE_H_
