// The store's side of corroboration: finding the clusters a new article's events may
// belong to, and writing back what AssignReports decided (corroborate/event_cluster.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/cluster_statements.h"
#include "store/store.h"

namespace dyad {
namespace {

// Most clusters one report is compared with: the most recently reported ones (by
// last_report, then cluster_id) of its pair, root and dates. Bounds the work per event
// on a store of any size.
constexpr int kMaxCandidates = 50;
// Most clusters dated near a dated report that its lookup reads, to choose the
// kMaxCandidates most recently reported among them. Below it (every normal input) the
// choice is exact; beyond it (thousands of clusters of one pair and root within a
// couple of weeks) the clusters read are the earliest dated in the window, so that
// the work per report stays bounded. Undated clusters need no such bound: their
// lookup reads them in the order it keeps (schema.cc, version 7).
constexpr int kMaxDatedExamined = 1000;
// Clusters kept parsed in memory per connection (Store::clusters_) before starting over.
constexpr size_t kMaxCachedClusters = 50000;

constexpr const char* kReadReports = "SELECT record FROM cluster_reports WHERE cluster_id = ?1 ORDER BY idx";

std::string DateOfDay(int day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// The range of cluster dates a report's date may agree with (see DatesCompatible in
// event_cluster.cc): [lo, hi] as strings, and the month and year that cover it.
struct DateRange {
  std::string lo, hi, month, year;
};

DateRange RangeOf(const std::string& date) {
  DateRange r;
  if (std::optional<int> day = DayNumber(date)) {
    r.lo = DateOfDay(*day - kDayWindow);
    r.hi = DateOfDay(*day + kDayWindow);
    r.month = date.substr(0, 7);
    r.year = date.substr(0, 4);
  } else {
    r.lo = date;
    r.hi = date + "~";  // every date inside the month or year
    r.year = date.substr(0, 4);
    r.month = date.size() >= 7 ? date.substr(0, 7) : r.year;
  }
  return r;
}

// The cluster from its summary record and its report rows (`reports` selects them:
// SELECT record FROM cluster_reports WHERE cluster_id = ?1 ORDER BY idx).
EventCluster ReadCluster(const std::string& cluster_id, std::string_view summary, SqliteStatement& reports) {
  try {
    std::vector<EventReport> kept;
    reports.BindStatic(1, cluster_id);
    while (reports.Step()) kept.push_back(ReportFromJson(nlohmann::json::parse(reports.ColumnText(0))));
    reports.Reset();
    return EventCluster::FromParts(nlohmann::json::parse(summary), std::move(kept));
  } catch (const nlohmann::json::exception& e) {
    reports.Reset();
    throw StoreError("damaged record of cluster " + cluster_id + " in the store: " + std::string(e.what()));
  }
}

// The dated candidates: one arm per date condition and order of the countries, each an
// index range of clusters_candidates (an OR of them would read the pair's every cluster).
std::string DatedCandidatesSql() {
  std::string sql;
  for (const char* countries : {"source_country = ?2 AND target_country = ?3",
                                "source_country = ?3 AND target_country = ?2"}) {
    for (const char* date : {"date BETWEEN ?4 AND ?5", "date = ?6", "date = ?7"}) {
      if (!sql.empty()) sql += " UNION ALL ";
      sql += std::string("SELECT cluster_id, last_report FROM clusters INDEXED BY clusters_candidates WHERE ") +
             countries + " AND root = ?1 AND " + date;
    }
  }
  return sql + " LIMIT " + std::to_string(kMaxDatedExamined);
}

}  // namespace

std::vector<std::string> CandidateLookupSql() {
  const std::string limit = " LIMIT " + std::to_string(kMaxCandidates);
  return {DatedCandidatesSql(),
          "SELECT cluster_id, last_report FROM clusters INDEXED BY clusters_candidates "
          "WHERE source_country = ?2 AND target_country = ?3 AND root = ?1 AND date = '' "
          "ORDER BY last_report DESC, cluster_id" + limit,
          "SELECT cluster_id, last_report FROM clusters INDEXED BY clusters_recent "
          "WHERE source_country = ?2 AND target_country = ?3 AND root = ?1 "
          "ORDER BY last_report DESC, cluster_id" + limit};
}

namespace {

// Reads (cluster_id, last_report) rows of `q` into `rows`, then resets it.
void ReadCandidateRows(SqliteStatement& q, std::vector<std::pair<std::string, std::string>>* rows) {
  while (q.Step()) rows->emplace_back(q.ColumnText(1), q.ColumnText(0));
  q.Reset();
}

}  // namespace

Store::ClusterStatements::ClusterStatements(SqliteDb& db)
    : dated_candidates(db, CandidateLookupSql()[0]),
      undated_candidates(db, CandidateLookupSql()[1]),
      recent_candidates(db, CandidateLookupSql()[2]),
      read_cluster(db, "SELECT record FROM clusters WHERE cluster_id = ?1"),
      read_reports(db, kReadReports),
      upsert_report(db, "INSERT OR REPLACE INTO cluster_reports (cluster_id, idx, record) VALUES (?1, ?2, ?3)"),
      upsert_cluster(db,
                     "INSERT INTO clusters (cluster_id, cameo, source_code, target_code, date, "
                     "num_articles, num_sources, record, root, source_country, target_country, "
                     "symmetric, date_precision, num_mentions, first_report, last_report) VALUES "
                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
                     "ON CONFLICT (cluster_id) DO UPDATE SET cameo = excluded.cameo, "
                     "date = excluded.date, num_articles = excluded.num_articles, "
                     "num_sources = excluded.num_sources, record = excluded.record, "
                     "symmetric = excluded.symmetric, date_precision = excluded.date_precision, "
                     "num_mentions = excluded.num_mentions, first_report = excluded.first_report, "
                     "last_report = excluded.last_report"),
      set_event_date(db,
                     "UPDATE events SET date = ?2, record = json_set(record, '$.date', ?2, "
                     "'$.date_precision', ?3, '$.date_basis', ?4) WHERE event_id = ?1"),
      band_articles(db, "SELECT article_id FROM story_bands WHERE band = ?1 LIMIT 8"),
      story_of(db, "SELECT story_id, source_key, fingerprint FROM article_stories WHERE article_id = ?1"),
      put_story(db,
                "INSERT INTO article_stories (article_id, story_id, source_key, fingerprint) "
                "VALUES (?1, ?2, ?3, ?4)"),
      put_band(db, "INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?1, ?2)") {}

void Store::PlanClusters(const Article& article, std::string_view source_key, const std::vector<Event>& events,
                         ClusterPlan* plan) {
  *plan = ClusterPlan();
  if (events.empty()) return;
  if (cst_ == nullptr) cst_ = std::make_unique<ClusterStatements>(*db_);
  int64_t version = DataVersion();
  if (version != clusters_version_ || clusters_.size() > kMaxCachedClusters) {
    clusters_.clear();
    clusters_version_ = version;
  }

  std::vector<EventReport>& reports = plan->reports;
  std::set<std::string_view> seen;
  for (const Event& e : events) {
    if (e.cameo.size() < 2 || !seen.insert(e.event_id).second) continue;  // stored once
    reports.push_back(MakeReport(e, article, source_key));
  }

  // The candidate clusters of every report, each once.
  std::vector<EventCluster>& candidates = plan->candidates;
  std::unordered_map<std::string, size_t> by_id;
  for (const EventReport& r : reports) {
    std::vector<std::string> ids = CandidateIds(r);
    for (std::string& id : ids) {
      // Moved out of the cache and back below (a failure drops the cache: DropCaches).
      if (by_id.emplace(id, candidates.size()).second) candidates.push_back(std::move(CachedCluster(id)));
    }
  }

  std::vector<size_t>& kept_before = plan->kept_before;
  kept_before.resize(candidates.size());
  for (size_t ci = 0; ci < candidates.size(); ++ci) kept_before[ci] = candidates[ci].reports.size();
  plan->assigned = AssignReports(reports, &candidates, &plan->redated);
  kept_before.resize(candidates.size(), 0);  // clusters this article started
  for (size_t ri = 0; ri < reports.size(); ++ri) {
    ClusterPlan::Outcome& o = plan->of_event[reports[ri].event_id];
    o.cluster_id = candidates[plan->assigned[ri]].cluster_id;
  }
  for (const EventReport& m : plan->redated) {
    if (m.article_id == article.id) plan->of_event[m.event_id].redated = &m;
  }
}

// The kMaxCandidates most recently reported clusters (last_report descending, then
// cluster_id) of the report's pair of countries in either order and root, among those
// whose date may agree with the report's: for a dated report the clusters dated near
// it (RangeOf) and the undated ones, for an undated report every cluster. Each lookup
// reads an index in its own order, so the work does not grow with the clusters of the
// pair (kMaxDatedExamined bounds the one that is not read in that order).
std::vector<std::string> Store::CandidateIds(const EventReport& r) {
  ClusterStatements& st = *cst_;
  const std::string root = r.cameo.substr(0, 2);
  // (last_report, cluster_id) of every row read.
  std::vector<std::pair<std::string, std::string>> rows;
  auto bind_pair = [&](SqliteStatement& q, bool swapped) {
    q.BindStatic(1, root);
    q.BindStatic(2, swapped ? r.target.country : r.source.country);
    q.BindStatic(3, swapped ? r.source.country : r.target.country);
  };
  if (r.date.empty()) {
    for (bool swapped : {false, true}) {
      bind_pair(st.recent_candidates, swapped);
      ReadCandidateRows(st.recent_candidates, &rows);
    }
  } else {
    for (bool swapped : {false, true}) {
      bind_pair(st.undated_candidates, swapped);
      ReadCandidateRows(st.undated_candidates, &rows);
    }
    DateRange range = RangeOf(r.date);
    SqliteStatement& q = st.dated_candidates;
    bind_pair(q, false);
    q.Bind(4, range.lo);
    q.Bind(5, range.hi);
    q.Bind(6, range.month);
    q.Bind(7, range.year);
    ReadCandidateRows(q, &rows);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first > y.first;
    return x.second < y.second;
  });
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());  // both orders of one country
  std::vector<std::string> ids;
  for (size_t i = 0; i < rows.size() && ids.size() < static_cast<size_t>(kMaxCandidates); ++i)
    ids.push_back(std::move(rows[i].second));
  return ids;
}

void Store::WriteClusters(ClusterPlan& plan) {
  if (plan.reports.empty()) return;
  ClusterStatements& st = *cst_;
  std::vector<EventCluster>& candidates = plan.candidates;
  const std::vector<size_t>& kept_before = plan.kept_before;
  const std::vector<size_t>& assigned = plan.assigned;
  const std::vector<EventReport>& redated = plan.redated;
  const std::string& article_id = plan.reports.front().article_id;

  std::set<std::string_view> redated_ids;
  for (const EventReport& m : redated) redated_ids.insert(m.event_id);
  std::set<size_t> touched(assigned.begin(), assigned.end());
  std::string record;
  for (size_t ci : touched) {
    const EventCluster& c = candidates[ci];
    record = c.SummaryJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    SqliteStatement& u = st.upsert_cluster;
    u.BindStatic(1, c.cluster_id);
    u.BindStatic(2, c.cameo);
    u.BindStatic(3, c.source.code);
    u.BindStatic(4, c.target.code);
    u.BindStatic(5, c.date);
    u.Bind(6, c.num_articles);
    u.Bind(7, c.num_sources);
    u.BindStatic(8, record);
    u.BindStatic(9, c.root);
    u.BindStatic(10, c.source.country);
    u.BindStatic(11, c.target.country);
    u.Bind(12, static_cast<int64_t>(c.symmetric ? 1 : 0));
    u.BindStatic(13, c.date_precision);
    u.Bind(14, c.num_mentions);
    u.BindStatic(15, c.first_report);
    u.BindStatic(16, c.last_report);
    u.Run();
    // The reports the cluster now keeps that are new or have a new date.
    for (size_t i = 0; i < c.reports.size(); ++i) {
      if (i < kept_before[ci] && redated_ids.count(c.reports[i].event_id) == 0) continue;
      nlohmann::json j;
      ReportToJson(c.reports[i], &j);
      record = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      st.upsert_report.BindStatic(1, c.cluster_id);
      st.upsert_report.Bind(2, static_cast<int64_t>(i));
      st.upsert_report.BindStatic(3, record);
      st.upsert_report.Run();
    }
  }
  for (EventCluster& c : candidates) {
    std::string id = c.cluster_id;
    clusters_.insert_or_assign(std::move(id), std::move(c));
  }
  // Events of earlier articles dated now; the new article's went in dated.
  for (const EventReport& m : redated) {
    if (m.article_id == article_id) continue;
    st.set_event_date.BindStatic(1, m.event_id);
    st.set_event_date.BindStatic(2, m.date);
    st.set_event_date.BindStatic(3, m.date_precision);
    st.set_event_date.BindStatic(4, m.date_basis);
    st.set_event_date.Run();
  }
}

EventCluster& Store::CachedCluster(const std::string& cluster_id) {
  auto it = clusters_.find(cluster_id);
  if (it != clusters_.end()) return it->second;
  SqliteStatement& q = cst_->read_cluster;
  q.BindStatic(1, cluster_id);
  if (!q.Step()) {
    q.Reset();
    throw StoreError("cluster " + cluster_id + " vanished from the store");
  }
  std::string summary(q.ColumnText(0));
  q.Reset();
  EventCluster c = ReadCluster(cluster_id, summary, cst_->read_reports);
  return clusters_.emplace(cluster_id, std::move(c)).first->second;
}

std::optional<EventCluster> Store::GetCluster(std::string_view cluster_id) {
  // The connection's prepared statements: a relation reads ten clusters, a server many.
  if (cst_ == nullptr) cst_ = std::make_unique<ClusterStatements>(*db_);
  SqliteStatement& q = cst_->read_cluster;
  const std::string id(cluster_id);
  q.BindStatic(1, id);
  try {
    if (!q.Step()) {
      q.Reset();
      return std::nullopt;
    }
    std::string summary(q.ColumnText(0));
    q.Reset();
    return ReadCluster(id, summary, cst_->read_reports);
  } catch (...) {
    q.Reset();
    cst_->read_reports.Reset();
    throw;
  }
}

void Store::ForEachCluster(const ClusterFilter& f, const std::function<void(const EventCluster&)>& fn) {
  std::string sql = "SELECT cluster_id, record FROM clusters c WHERE 1";
  std::vector<std::string> params;
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return "?" + std::to_string(params.size());
  };
  if (!f.country_a.empty() || !f.country_b.empty()) {
    std::string a = param(f.country_a), b = param(f.country_b);
    sql += " AND ((c.source_country = " + a + " AND c.target_country = " + b +
           ") OR (c.source_country = " + b + " AND c.target_country = " + a + "))";
  }
  if (!f.cameo.empty()) sql += " AND c.cameo LIKE " + param(f.cameo) + " || '%'";
  if (!f.from.empty() || !f.to.empty()) sql += " AND c.date <> ''";
  if (!f.from.empty()) sql += " AND c.date >= " + param(f.from);
  if (!f.to.empty()) sql += " AND c.date <= " + param(f.to + "~");
  if (f.min_sources > 0) sql += " AND c.num_sources >= " + std::to_string(f.min_sources);
  if (f.min_articles > 0) sql += " AND c.num_articles >= " + std::to_string(f.min_articles);
  sql += " ORDER BY c.date, c.cluster_id";
  if (f.limit >= 0) sql += " LIMIT " + std::to_string(f.limit);
  SqliteStatement st(*db_, sql);
  for (size_t i = 0; i < params.size(); ++i) st.Bind(static_cast<int>(i + 1), params[i]);
  SqliteStatement reports(*db_, kReadReports);
  while (st.Step()) fn(ReadCluster(std::string(st.ColumnText(0)), st.ColumnText(1), reports));
}

// What the export formats need of a stored event: its cluster's counts, its ingest time.
EventContext Store::GetEventContext(const Event& e) {
  EventContext c;
  if (!e.cluster_id.empty()) {
    SqliteStatement st(*db_,
                       "SELECT num_mentions, num_sources, num_articles FROM clusters "
                       "WHERE cluster_id = ?1");
    st.BindStatic(1, e.cluster_id);
    if (st.Step()) {
      c.num_mentions = std::max<int64_t>(1, st.ColumnInt(0));
      c.num_sources = std::max<int64_t>(1, st.ColumnInt(1));
      c.num_articles = std::max<int64_t>(1, st.ColumnInt(2));
    }
  }
  SqliteStatement at(*db_, "SELECT ingested_at FROM articles WHERE id = ?1");
  at.BindStatic(1, e.article_id);
  if (at.Step()) c.date_added = at.ColumnText(0);
  return c;
}

}  // namespace dyad
