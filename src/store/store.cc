#include "store/store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "events/ontology.h"
#include "export/event_json.h"
#include "store/cluster_statements.h"
#include "store/fts_query.h"
#include "store/schema.h"
#include "util/hash.h"

namespace dyad {

// Statements of the write path, prepared once per connection.
struct Store::Statements {
  explicit Statements(SqliteDb& db)
      : begin(db, "BEGIN IMMEDIATE"),
        commit(db, "COMMIT"),
        rollback(db, "ROLLBACK"),
        savepoint(db, "SAVEPOINT put_article"),
        release(db, "RELEASE put_article"),
        rollback_to(db, "ROLLBACK TO put_article"),
        insert_article(db,
                       "INSERT OR IGNORE INTO articles (id, content_hash, outlet, distributor, url, "
                       "published, dateline, byline, title, language, text, metadata, origin, "
                       "published_estimate, published_estimate_record, "
                       "ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                       "?14, ?15, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"),
        insert_sentence(db,
                        "INSERT INTO sentences (article_id, idx, \"begin\", \"end\") "
                        "VALUES (?1, ?2, ?3, ?4)"),
        insert_event(db,
                     "INSERT OR IGNORE INTO events (event_id, article_id, sentence, date, "
                     "source_code, source_country, target_code, target_country, cameo, root, "
                     "quad_class, goldstein, plover_type, cluster_id, record) VALUES (?1, ?2, "
                     "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"),
        index_new(db,
                  "INSERT INTO articles_fts (rowid, title, text) "
                  "SELECT seq, title, text FROM articles WHERE seq >= ?1"),
        contains(db,
                 "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1) OR "
                 "EXISTS (SELECT 1 FROM articles WHERE content_hash = ?2)"),
        data_version(db, "PRAGMA data_version"),
        article_has_entities(db, "SELECT EXISTS (SELECT 1 FROM entity_articles WHERE article_id = ?1)"),
        insert_entity(db,
                      "INSERT INTO entities (name, actor_code, country, first_seen, last_seen, "
                      "num_mentions, title, num_articles, user_defined) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        update_entity(db,
                      "UPDATE entities SET name = ?1, actor_code = ?2, country = ?3, first_seen = ?4, "
                      "last_seen = ?5, num_mentions = ?6, title = ?7, num_articles = ?8, "
                      "user_defined = ?9 WHERE entity_id = ?10"),
        delete_codes(db, "DELETE FROM entity_codes WHERE entity_id = ?1"),
        insert_code(db,
                    "INSERT INTO entity_codes (entity_id, idx, actor_code, from_user, first_seen, "
                    "last_seen, num_articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        delete_aliases(db, "DELETE FROM entity_aliases WHERE entity_id = ?1"),
        insert_alias(db, "INSERT INTO entity_aliases (alias, entity_id, num_mentions) VALUES (?1, ?2, ?3)"),
        link_article(db,
                     "INSERT OR IGNORE INTO entity_articles (entity_id, article_id, actor_code, "
                     "num_mentions) VALUES (?1, ?2, ?3, ?4)") {}

  SqliteStatement begin, commit, rollback, savepoint, release, rollback_to;
  SqliteStatement insert_article, insert_sentence, insert_event, index_new, contains;
  SqliteStatement data_version, article_has_entities, insert_entity, update_entity, delete_codes,
      insert_code, delete_aliases, insert_alias, link_article;
};

namespace {

constexpr const char* kArticleColumns =
    "a.id, a.outlet, a.distributor, a.url, a.published, a.dateline, a.byline, a.title, "
    "a.language, a.metadata, a.origin, a.published_estimate_record";
constexpr int kArticleColumnCount = 12;

// The stored form of an estimate: its JSON record ("{}" when none).
std::string EstimateRecord(const PublicationEstimate& e) {
  if (e.empty()) return "{}";
  return PublicationEstimateToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads kArticleColumns starting at column `col`.
void ReadArticle(const SqliteStatement& st, int col, Article* a) {
  a->id = st.ColumnText(col + 0);
  a->outlet = st.ColumnText(col + 1);
  a->distributor = st.ColumnText(col + 2);
  a->url = st.ColumnText(col + 3);
  a->published = st.ColumnText(col + 4);
  a->dateline = st.ColumnText(col + 5);
  a->byline = st.ColumnText(col + 6);
  a->title = st.ColumnText(col + 7);
  a->language = st.ColumnText(col + 8);
  a->metadata_json = st.ColumnText(col + 9);
  a->origin = st.ColumnText(col + 10);
  std::string_view estimate = st.ColumnText(col + 11);
  a->published_estimate = {};
  if (!estimate.empty() && estimate != "{}") {
    try {
      a->published_estimate = PublicationEstimateFromJson(nlohmann::json::parse(estimate));
    } catch (const nlohmann::json::exception& ex) {
      throw StoreError("damaged publication estimate in the store: " + std::string(ex.what()));
    }
  }
}

// The event from its stored record; the cluster column is authoritative because
// corroboration updates it after the record was written.
Event ReadEvent(const SqliteStatement& st, int record_col, int cluster_col) {
  std::string_view record = st.ColumnText(record_col);
  Event e;
  try {
    e = EventFromJson(nlohmann::json::parse(record));
  } catch (const nlohmann::json::exception& ex) {
    throw StoreError("damaged event record in the store: " + std::string(ex.what()));
  }
  e.cluster_id = st.ColumnText(cluster_col);
  return e;
}

// The least string greater than every string starting with `prefix`, or "" when there
// is none (prefix of 0xFF bytes only). Turns a prefix match into an index range.
std::string PrefixUpperBound(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

// Builds a WHERE clause and its parameters; parameters are bound in order.
class QueryBuilder {
 public:
  void Add(std::string condition, std::vector<std::string> params = {}) {
    where_ += where_.empty() ? " WHERE " : " AND ";
    where_ += condition;
    for (auto& p : params) params_.push_back(std::move(p));
  }
  // column >= prefix AND column < upper bound: uses the column's index.
  std::string PrefixCondition(const std::string& column, std::string_view prefix) {
    std::string upper = PrefixUpperBound(prefix);
    params_.emplace_back(prefix);
    std::string cond = "(" + column + " >= ?" + std::to_string(params_.size());
    if (!upper.empty()) {
      params_.push_back(upper);
      cond += " AND " + column + " < ?" + std::to_string(params_.size());
    }
    return cond + ")";
  }
  // An inclusive date range where a shorter date covers its period: the upper bound
  // gets '~', which sorts after every character of a date or date-time.
  // Undated rows are outside every range.
  void AddDateRange(const std::string& column, const std::string& from, const std::string& to) {
    if (!from.empty() || !to.empty()) Add(column + " <> ''");
    if (!from.empty()) Add(column + " >= ?" + Next(), {from});
    if (!to.empty()) Add(column + " <= ?" + Next(), {to + "~"});
  }
  // The index the next parameter will get, for conditions written by the caller.
  std::string Next() const { return std::to_string(params_.size() + 1); }

  const std::string& where() const { return where_; }
  void Bind(SqliteStatement& st) const {
    for (size_t i = 0; i < params_.size(); ++i) st.Bind(static_cast<int>(i + 1), params_[i]);
  }

 private:
  std::string where_;
  std::vector<std::string> params_;
};

void AddEventConditions(const EventFilter& f, QueryBuilder& q) {
  if (!f.actor.empty()) {
    std::string src = q.PrefixCondition("e.source_code", f.actor);
    std::string tgt = q.PrefixCondition("e.target_code", f.actor);
    q.Add("(" + src + " OR " + tgt + ")");
  }
  if (!f.country_a.empty() || !f.country_b.empty()) {
    std::string a = q.Next();
    std::string b = std::to_string(std::stoi(a) + 1);
    q.Add("((e.source_country = ?" + a + " AND e.target_country = ?" + b +
              ") OR (e.source_country = ?" + b + " AND e.target_country = ?" + a + "))",
          {f.country_a, f.country_b});
  }
  if (!f.cameo.empty()) q.Add(q.PrefixCondition("e.cameo", f.cameo));
  q.AddDateRange("e.date", f.from, f.to);
  if (!f.outlet.empty()) {
    q.Add("e.article_id IN (SELECT id FROM articles WHERE outlet = ?" + q.Next() +
              " COLLATE NOCASE)",
          {f.outlet});
  }
  if (!f.search.empty()) {
    q.Add("e.article_id IN (SELECT id FROM articles WHERE seq IN (SELECT rowid FROM "
          "articles_fts WHERE articles_fts MATCH ?" + q.Next() + "))",
          {FtsQuery(f.search)});
  }
  if (!f.actor_a.empty() || !f.actor_b.empty()) {
    std::string sa = q.PrefixCondition("e.source_code", f.actor_a);
    std::string tb = q.PrefixCondition("e.target_code", f.actor_b);
    std::string sb = q.PrefixCondition("e.source_code", f.actor_b);
    std::string ta = q.PrefixCondition("e.target_code", f.actor_a);
    q.Add("((" + sa + " AND " + tb + ") OR (" + sb + " AND " + ta + "))");
  }
  if (!f.cluster_id.empty()) q.Add("e.cluster_id = ?" + q.Next(), {f.cluster_id});
  if (f.min_sources > 0 || f.min_articles > 0) {
    q.Add("e.cluster_id IN (SELECT cluster_id FROM clusters WHERE num_sources >= " +
          std::to_string(f.min_sources) + " AND num_articles >= " + std::to_string(f.min_articles) + ")");
  }
}

std::string LimitClause(int64_t limit, int64_t offset = 0) {
  if (offset > 0) return " LIMIT " + std::to_string(limit >= 0 ? limit : -1) + " OFFSET " + std::to_string(offset);
  return limit >= 0 ? " LIMIT " + std::to_string(limit) : "";
}

// A search that has no searchable word matches nothing (FTS5 would call it an error).
bool SearchMatchesNothing(const std::string& search) {
  return !search.empty() && FtsQuery(search).empty();
}

}  // namespace

bool IsDateBound(std::string_view s) {
  auto digits = [&](size_t pos, size_t n) {
    for (size_t i = pos; i < pos + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  auto number = [&](size_t pos, size_t n) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  auto month_ok = [&] { return number(5, 2) >= 1 && number(5, 2) <= 12; };
  auto day_ok = [&] {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = month == 2 && !leap ? 28 : kDays[month - 1];
    return day >= 1 && day <= last;
  };
  switch (s.size()) {
    case 4: return digits(0, 4);
    case 7: return digits(0, 4) && s[4] == '-' && digits(5, 2) && month_ok();
    case 10:
      return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) && month_ok() &&
             day_ok();
    default: return false;
  }
}

std::unique_ptr<Store> Store::Open(const std::string& path, const StoreOptions& options) {
  struct stat info;
  bool exists = ::stat(path.c_str(), &info) == 0;
  if (!exists && (!options.create || options.read_only)) throw StoreError("no store at " + path);
  if (exists && S_ISDIR(info.st_mode)) throw StoreError(path + " is a directory, not a store");

  auto db = std::make_unique<SqliteDb>(path, options.read_only, options.create && !options.read_only);
  db->Exec(("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms)).c_str());
  try {
    // Reading the schema first turns "file is not a database" into a clear message
    // before the journal mode is touched.
    SchemaVersion(*db);
  } catch (const StoreError& e) {
    std::string what = e.what();
    if (what.find("not a database") != std::string::npos) {
      throw StoreError(path + " is not a dyad store (not an SQLite database)");
    }
    throw;
  }
  if (options.read_only) {
    int version = SchemaVersion(*db);
    if (version != kSchemaVersion) {
      if (version > kSchemaVersion) MigrateSchema(*db);  // throws: written by a newer dyad
      throw StoreError("store " + path + " has schema version " + std::to_string(version) + ", older than " +
                       std::to_string(kSchemaVersion) +
                       ": open it once for writing (dyad ingest) to migrate it before reading it read-only");
    }
    db->Exec("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;");
    return std::unique_ptr<Store>(new Store(std::move(db)));
  }
  db->Exec(
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = NORMAL;"
      "PRAGMA foreign_keys = ON;"
      "PRAGMA temp_store = MEMORY;"
      "PRAGMA cache_size = -32000;");
  MigrateSchema(*db);
  return std::unique_ptr<Store>(new Store(std::move(db)));
}

Store::Store(std::unique_ptr<SqliteDb> db)
    : db_(std::move(db)), st_(std::make_unique<Statements>(*db_)) {}

Store::~Store() {
  // An open batch is not committed: the owner did not say it was complete.
  if (in_batch_) db_->TryExec("ROLLBACK");
}

const std::string& Store::path() const { return db_->path(); }

void Store::SetDeadline(std::optional<std::chrono::steady_clock::time_point> deadline) {
  deadline_ = deadline;
  if (!deadline_) {
    sqlite3_progress_handler(db_->handle(), 0, nullptr, nullptr);
    return;
  }
  // Every 1,000 virtual machine instructions (a few microseconds).
  sqlite3_progress_handler(
      db_->handle(), 1000,
      [](void* self) { return static_cast<Store*>(self)->deadline_passed() ? 1 : 0; }, this);
}

bool Store::deadline_passed() const { return deadline_ && std::chrono::steady_clock::now() >= *deadline_; }

std::string Store::ContentHash(const Article& a) {
  std::string s;
  s.reserve(a.title.size() + 1 + a.text.size());
  s += a.title;
  s += '\n';
  s += a.text;
  return HexId(Hash64(s));
}

void Store::BeginBatch() {
  if (in_batch_) throw StoreError("store " + path() + ": a batch is already open");
  st_->begin.Run();
  in_batch_ = true;
}

// Why new articles are indexed in one statement per transaction rather than by an
// insert trigger: FTS5 writes its pending index data to disk at every savepoint, and
// both the per-article savepoints and the statement journal of a triggering INSERT are
// savepoints. Indexed one by one, each article became its own index segment, which
// made storing 8 times slower. The statement runs inside the writing transaction, so
// the index still commits, or is lost, together with the articles.
void Store::IndexNewArticles() {
  if (unindexed_from_ == 0) return;
  st_->index_new.Bind(1, unindexed_from_);
  st_->index_new.Run();
  unindexed_from_ = 0;
}

void Store::CommitBatch() {
  if (!in_batch_) throw StoreError("store " + path() + ": no batch to commit");
  IndexNewArticles();
  st_->commit.Run();
  in_batch_ = false;
}

void Store::RollbackBatch() {
  unindexed_from_ = 0;
  DropCaches();  // they may hold what the articles rolled back wrote
  if (!in_batch_) return;
  in_batch_ = false;
  if (!db_->autocommit()) st_->rollback.Run();
}

Store::PutResult Store::PutArticle(const CodedArticle& ca) { return Put(ca, nullptr); }

Store::PutResult Store::PutArticle(const CodedArticle& ca, const std::vector<EntityObservation>& persons) {
  return Put(ca, &persons);
}

Store::PutResult Store::Put(const CodedArticle& ca, const std::vector<EntityObservation>* persons) {
  const Article& a = ca.article;
  if (a.id.empty()) throw StoreError("article from " + a.origin + " has no id");
  const std::string hash = ContentHash(a);
  Statements& st = *st_;

  // Outside a batch the article is its own transaction; inside, a savepoint lets one
  // failed article be undone without losing the rest of the batch.
  const bool own_transaction = !in_batch_;
  if (own_transaction) {
    st.begin.Run();
  } else {
    st.savepoint.Run();
  }
  PutResult result;
  try {
    SqliteStatement& ins = st.insert_article;
    ins.BindStatic(1, a.id);
    ins.BindStatic(2, hash);
    ins.BindStatic(3, a.outlet);
    ins.BindStatic(4, a.distributor);
    ins.BindStatic(5, a.url);
    ins.BindStatic(6, a.published);
    ins.BindStatic(7, a.dateline);
    ins.BindStatic(8, a.byline);
    ins.BindStatic(9, a.title);
    ins.BindStatic(10, a.language);
    ins.BindStatic(11, a.text);
    ins.BindStatic(12, a.metadata_json.empty() ? std::string_view("{}") : a.metadata_json);
    ins.BindStatic(13, a.origin);
    // The estimate only where there is no publication date (a caller may leave one).
    const std::string estimate_record =
        a.published.empty() ? EstimateRecord(a.published_estimate) : std::string("{}");
    ins.BindStatic(14, a.published.empty() ? std::string_view(a.published_estimate.date) : std::string_view(""));
    ins.BindStatic(15, estimate_record);
    ins.Run();
    result.stored = db_->changes() > 0;

    if (result.stored) {
      if (unindexed_from_ == 0) unindexed_from_ = db_->last_insert_rowid();
      SqliteStatement& sen = st.insert_sentence;
      for (size_t i = 0; i < ca.doc.sentences.size(); ++i) {
        const Sentence& s = ca.doc.sentences[i];
        sen.BindStatic(1, a.id);
        sen.Bind(2, static_cast<int64_t>(i));
        sen.Bind(3, static_cast<int64_t>(s.begin));
        sen.Bind(4, static_cast<int64_t>(s.end));
        sen.Run();
      }
      result.sentences = static_cast<int64_t>(ca.doc.sentences.size());

      ClusterPlan plan;
      PlanClusters(a, StorySourceKey(a), ca.events, &plan);
      SqliteStatement& ev = st.insert_event;
      std::string record;
      Event clustered;
      for (const Event& event : ca.events) {
        const Event* ep = &event;
        if (auto it = plan.of_event.find(event.event_id); it != plan.of_event.end()) {
          clustered = event;
          clustered.cluster_id = it->second.cluster_id;
          if (const EventReport* d = it->second.redated) {
            clustered.date = d->date;
            clustered.date_precision = d->date_precision;
            clustered.date_basis = d->date_basis;
          }
          ep = &clustered;
        }
        const Event& e = *ep;
        nlohmann::json j = EventToJson(e);
        // The record names the article it is stored under, whatever the stage wrote.
        if (e.article_id != a.id) j["article_id"] = a.id;
        record = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        ev.BindStatic(1, e.event_id);
        ev.BindStatic(2, a.id);
        ev.Bind(3, static_cast<int64_t>(e.sentence));
        ev.BindStatic(4, e.date);
        ev.BindStatic(5, e.source.code);
        ev.BindStatic(6, e.source.country);
        ev.BindStatic(7, e.target.code);
        ev.BindStatic(8, e.target.country);
        ev.BindStatic(9, e.cameo);
        ev.BindStatic(10, CameoRoot(e.cameo));
        ev.Bind(11, static_cast<int64_t>(e.quad_class));
        ev.Bind(12, e.goldstein);
        ev.BindStatic(13, e.plover_type);
        if (e.cluster_id.empty()) {
          ev.BindNull(14);
        } else {
          ev.BindStatic(14, e.cluster_id);
        }
        ev.BindStatic(15, record);
        ev.Run();
        // A stage may report one event twice (same id): it is stored once.
        result.events += db_->changes();
      }
      if (persons != nullptr) {
        WriteEntities(a.id, a.published, *persons);
      } else if (!ca.doc.tokens.empty()) {
        WriteEntities(a.id, a.published, CollectPersons(ca.doc, ca.actors));
      }
      WriteClusters(plan);
    }
    if (own_transaction) {
      IndexNewArticles();
      st.commit.Run();
    } else {
      st.release.Run();
    }
  } catch (...) {
    DropCaches();  // they may hold what is rolled back
    if (own_transaction || db_->autocommit()) unindexed_from_ = 0;
    if (db_->autocommit()) {
      // SQLite gave up the whole transaction (I/O error, disk full): the batch is gone.
      in_batch_ = false;
    } else if (own_transaction) {
      db_->TryExec("ROLLBACK");
    } else {
      db_->TryExec("ROLLBACK TO put_article");
      db_->TryExec("RELEASE put_article");
    }
    throw;
  }
  return result;
}

EntityRegistry& Store::Registry() {
  // data_version changes when another connection commits: then the cache is stale.
  int64_t version = DataVersion();
  if (registry_ != nullptr && version == registry_version_) return *registry_;

  auto registry = std::make_unique<EntityRegistry>();
  std::vector<Entity> entities;
  std::unordered_map<int64_t, size_t> by_id;
  {
    SqliteStatement st(*db_,
                       "SELECT entity_id, name, country, first_seen, last_seen, num_mentions, title, "
                       "num_articles, user_defined FROM entities ORDER BY entity_id");
    while (st.Step()) {
      Entity e;
      e.id = st.ColumnInt(0);
      e.name = st.ColumnText(1);
      e.country = st.ColumnText(2);
      e.first_seen = st.ColumnText(3);
      e.last_seen = st.ColumnText(4);
      e.num_mentions = st.ColumnInt(5);
      e.title = st.ColumnText(6);
      e.num_articles = st.ColumnInt(7);
      e.user_defined = st.ColumnInt(8) != 0;
      by_id.emplace(e.id, entities.size());
      entities.push_back(std::move(e));
    }
  }
  {
    SqliteStatement st(*db_,
                       "SELECT entity_id, actor_code, from_user, first_seen, last_seen, num_articles "
                       "FROM entity_codes ORDER BY entity_id, idx");
    while (st.Step()) {
      auto it = by_id.find(st.ColumnInt(0));
      if (it == by_id.end()) continue;
      entities[it->second].codes.push_back({std::string(st.ColumnText(1)), std::string(st.ColumnText(3)),
                                            std::string(st.ColumnText(4)), st.ColumnInt(5),
                                            st.ColumnInt(2) != 0});
    }
  }
  {
    SqliteStatement st(*db_,
                       "SELECT entity_id, alias, num_mentions FROM entity_aliases "
                       "ORDER BY entity_id, alias");
    while (st.Step()) {
      auto it = by_id.find(st.ColumnInt(0));
      if (it == by_id.end()) continue;
      entities[it->second].aliases.push_back({std::string(st.ColumnText(1)), st.ColumnInt(2)});
    }
  }
  for (Entity& e : entities) registry->Load(std::move(e));
  registry_ = std::move(registry);
  registry_version_ = version;
  return *registry_;
}

const EntityRegistry& Store::Entities() { return Registry(); }

int64_t Store::DataVersion() {
  SqliteStatement& dv = st_->data_version;
  int64_t version = dv.Step() ? dv.ColumnInt(0) : -1;
  dv.Reset();
  return version;
}

void Store::DropCaches() {
  registry_.reset();
  clusters_.clear();
}

void Store::WriteEntity(size_t index) {
  const Entity& e = registry_->entities()[index];
  Statements& st = *st_;
  const std::string code = e.CodeAt();
  SqliteStatement& up = e.id == 0 ? st.insert_entity : st.update_entity;
  up.BindStatic(1, e.name);
  up.Bind(2, code);
  up.BindStatic(3, e.country);
  up.BindStatic(4, e.first_seen);
  up.BindStatic(5, e.last_seen);
  up.Bind(6, e.num_mentions);
  up.BindStatic(7, e.title);
  up.Bind(8, e.num_articles);
  up.Bind(9, static_cast<int64_t>(e.user_defined ? 1 : 0));
  if (e.id != 0) up.Bind(10, e.id);
  up.Run();
  if (e.id == 0) registry_->set_id(index, db_->last_insert_rowid());
  const int64_t id = e.id;

  // An entity has a few codes and aliases: they are rewritten whole.
  st.delete_codes.Bind(1, id);
  st.delete_codes.Run();
  for (size_t k = 0; k < e.codes.size(); ++k) {
    const EntityCode& c = e.codes[k];
    st.insert_code.Bind(1, id);
    st.insert_code.Bind(2, static_cast<int64_t>(k));
    st.insert_code.BindStatic(3, c.code);
    st.insert_code.Bind(4, static_cast<int64_t>(c.from_user ? 1 : 0));
    st.insert_code.BindStatic(5, c.first);
    st.insert_code.BindStatic(6, c.last);
    st.insert_code.Bind(7, c.num_articles);
    st.insert_code.Run();
  }
  st.delete_aliases.Bind(1, id);
  st.delete_aliases.Run();
  for (const EntityAlias& a : e.aliases) {
    st.insert_alias.BindStatic(1, a.alias);
    st.insert_alias.Bind(2, id);
    st.insert_alias.Bind(3, a.num_mentions);
    st.insert_alias.Run();
  }
}

void Store::WriteEntities(std::string_view article_id, std::string_view date,
                          const std::vector<EntityObservation>& persons) {
  if (persons.empty()) return;
  Statements& st = *st_;
  st.article_has_entities.BindStatic(1, article_id);
  bool done = st.article_has_entities.Step() && st.article_has_entities.ColumnInt(0) != 0;
  st.article_has_entities.Reset();
  if (done) return;

  EntityRegistry& registry = Registry();
  std::vector<size_t> merged = registry.AddArticle(date, persons);
  std::vector<size_t> written;
  for (size_t k = 0; k < merged.size(); ++k) {
    size_t i = merged[k];
    if (i >= registry.size()) continue;  // a name without letters
    if (std::find(written.begin(), written.end(), i) == written.end()) {
      WriteEntity(i);
      written.push_back(i);
    }
    int64_t mentions = 0;
    for (const EntityAlias& f : persons[k].forms) mentions += f.num_mentions;
    st.link_article.Bind(1, registry.entities()[i].id);
    st.link_article.BindStatic(2, article_id);
    st.link_article.BindStatic(3, persons[k].code);
    st.link_article.Bind(4, mentions);
    st.link_article.Run();
  }
}

void Store::InTransaction(const char* savepoint, const std::function<void()>& fn) {
  const bool own = db_->autocommit();
  const std::string name = savepoint;
  const std::string begin = own ? "BEGIN IMMEDIATE" : "SAVEPOINT " + name;
  const std::string end = own ? "COMMIT" : "RELEASE " + name;
  db_->Exec(begin.c_str());
  try {
    fn();
    db_->Exec(end.c_str());
  } catch (...) {
    DropCaches();
    if (db_->autocommit()) {
      in_batch_ = false;
    } else if (own) {
      db_->TryExec("ROLLBACK");
    } else {
      db_->TryExec(("ROLLBACK TO " + name).c_str());
      db_->TryExec(("RELEASE " + name).c_str());
    }
    throw;
  }
}

void Store::UpsertEntities(std::string_view article_id, std::string_view date,
                           const std::vector<EntityObservation>& persons) {
  InTransaction("upsert_entities", [&] { WriteEntities(article_id, date, persons); });
}

void Store::SeedEntities(const std::vector<ActorFileEntry>& entries) {
  InTransaction("seed_entities", [&] {
    EntityRegistry& registry = Registry();
    std::vector<size_t> touched;
    for (const ActorFileEntry& entry : entries) {
      size_t i = registry.AddUserEntry(entry);
      if (std::find(touched.begin(), touched.end(), i) == touched.end()) touched.push_back(i);
    }
    for (size_t i : touched) WriteEntity(i);
  });
}

bool Store::Contains(std::string_view id, std::string_view content_hash) {
  SqliteStatement& st = st_->contains;
  st.BindStatic(1, id);
  st.BindStatic(2, content_hash);
  bool found = st.Step() && st.ColumnInt(0) != 0;
  st.Reset();
  return found;
}

StoreCounts Store::Counts() {
  SqliteStatement st(*db_,
                     "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), "
                     "(SELECT count(*) FROM events), (SELECT count(*) FROM clusters)");
  StoreCounts c;
  if (st.Step()) {
    c.articles = st.ColumnInt(0);
    c.sentences = st.ColumnInt(1);
    c.events = st.ColumnInt(2);
    c.clusters = st.ColumnInt(3);
  }
  return c;
}

void Store::ForEachArticle(const ArticleFilter& f,
                           const std::function<void(const ArticleListing&)>& fn) {
  if (SearchMatchesNothing(f.search)) return;
  QueryBuilder q;
  std::string from = " FROM articles a";
  std::string order = " ORDER BY a.published, a.seq";
  if (!f.search.empty()) {
    from = " FROM articles_fts f JOIN articles a ON a.seq = f.rowid";
    q.Add("articles_fts MATCH ?" + q.Next(), {FtsQuery(f.search)});
    order = " ORDER BY f.rank";
  }
  if (!f.outlet.empty()) q.Add("a.outlet = ?" + q.Next() + " COLLATE NOCASE", {f.outlet});
  q.AddDateRange("a.published", f.from, f.to);
  std::string sql = std::string("SELECT ") + kArticleColumns +
                    ", (SELECT count(*) FROM sentences s WHERE s.article_id = a.id)"
                    ", (SELECT count(*) FROM events e WHERE e.article_id = a.id)" +
                    from + q.where() + order + LimitClause(f.limit);
  SqliteStatement st(*db_, sql);
  q.Bind(st);
  ArticleListing row;
  while (st.Step()) {
    ReadArticle(st, 0, &row.article);
    row.num_sentences = st.ColumnInt(kArticleColumnCount);
    row.num_events = st.ColumnInt(kArticleColumnCount + 1);
    fn(row);
  }
}

void Store::ForEachEvent(const EventFilter& f, const std::function<void(const Event&)>& fn) {
  if (SearchMatchesNothing(f.search)) return;
  QueryBuilder q;
  AddEventConditions(f, q);
  std::string order = f.order == EventFilter::Order::kDate ? " ORDER BY e.date, e.rowid"
                                                           : " ORDER BY e.rowid";
  std::string sql =
      "SELECT e.record, e.cluster_id FROM events e" + q.where() + order + LimitClause(f.limit, f.offset);
  SqliteStatement st(*db_, sql);
  q.Bind(st);
  while (st.Step()) fn(ReadEvent(st, 0, 1));
}

int64_t Store::CountEvents(const EventFilter& f) {
  if (SearchMatchesNothing(f.search)) return 0;
  QueryBuilder q;
  AddEventConditions(f, q);
  std::string sql = "SELECT count(*) FROM (SELECT 1 FROM events e" + q.where() +
                    LimitClause(f.limit, f.offset) + ")";
  SqliteStatement st(*db_, sql);
  q.Bind(st);
  return st.Step() ? st.ColumnInt(0) : 0;
}

std::optional<Article> Store::GetArticleRecord(std::string_view id) {
  SqliteStatement st(*db_, std::string("SELECT ") + kArticleColumns +
                               ", a.text FROM articles a WHERE a.id = ?1");
  st.BindStatic(1, id);
  if (!st.Step()) return std::nullopt;
  Article a;
  ReadArticle(st, 0, &a);
  a.text = st.ColumnText(kArticleColumnCount);
  return a;
}

std::optional<StoredArticle> Store::GetArticle(std::string_view id) {
  std::optional<Article> article = GetArticleRecord(id);
  if (!article) return std::nullopt;
  StoredArticle out;
  out.article = std::move(*article);

  SqliteStatement sen(*db_,
                      "SELECT \"begin\", \"end\" FROM sentences WHERE article_id = ?1 ORDER BY idx");
  sen.BindStatic(1, out.article.id);
  while (sen.Step()) {
    out.sentences.push_back({static_cast<uint32_t>(sen.ColumnInt(0)),
                             static_cast<uint32_t>(sen.ColumnInt(1))});
  }
  SqliteStatement ev(*db_,
                     "SELECT record, cluster_id FROM events WHERE article_id = ?1 "
                     "ORDER BY sentence, rowid");
  ev.BindStatic(1, out.article.id);
  while (ev.Step()) out.events.push_back(ReadEvent(ev, 0, 1));
  return out;
}

std::vector<std::string> Store::ArticleIdsWithPrefix(std::string_view prefix, int limit) {
  QueryBuilder q;
  q.Add(q.PrefixCondition("id", prefix));
  SqliteStatement st(*db_, "SELECT id FROM articles" + q.where() + " ORDER BY id LIMIT " +
                               std::to_string(limit));
  q.Bind(st);
  std::vector<std::string> ids;
  while (st.Step()) ids.emplace_back(st.ColumnText(0));
  return ids;
}

}  // namespace dyad
