// The store's side of corroboration: finding the clusters a new article's events may
// belong to, and writing back what AssignReports decided (corroborate/event_cluster.h).
#include <chrono>
#include <cstdio>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "store/cluster_statements.h"
#include "store/store.h"

namespace dyad {
namespace {

// Most clusters one report is compared with: the most recently reported ones of its
// pair, root and dates. Bounds the work per event on a store of any size.
constexpr int kMaxCandidates = 100;

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

EventCluster ClusterFromRecord(std::string_view record) {
  try {
    return EventCluster::FromJson(nlohmann::json::parse(record));
  } catch (const nlohmann::json::exception& e) {
    throw StoreError("damaged cluster record in the store: " + std::string(e.what()));
  }
}

}  // namespace

Store::ClusterStatements::ClusterStatements(SqliteDb& db)
    : candidates(db,
                 "SELECT record FROM clusters WHERE root = ?1 AND ((source_country = ?2 AND "
                 "target_country = ?3) OR (source_country = ?3 AND target_country = ?2)) AND "
                 "(date = '' OR date BETWEEN ?4 AND ?5 OR date = ?6 OR date = ?7) "
                 "ORDER BY last_report DESC, cluster_id LIMIT " + std::to_string(kMaxCandidates)),
      candidates_any_date(db,
                          "SELECT record FROM clusters WHERE root = ?1 AND ((source_country = ?2 AND "
                          "target_country = ?3) OR (source_country = ?3 AND target_country = ?2)) "
                          "ORDER BY last_report DESC, cluster_id LIMIT " + std::to_string(kMaxCandidates)),
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
      insert_member(db, "INSERT OR IGNORE INTO cluster_members (cluster_id, event_id) VALUES (?1, ?2)"),
      set_event_cluster(db, "UPDATE events SET cluster_id = ?2 WHERE event_id = ?1"),
      set_event_date(db,
                     "UPDATE events SET date = ?2, record = json_set(record, '$.date', ?2, "
                     "'$.date_precision', ?3, '$.date_basis', ?4) WHERE event_id = ?1") {}

void Store::WriteClusters(const Article& article, const std::vector<Event>& events) {
  if (events.empty()) return;
  if (cst_ == nullptr) cst_ = std::make_unique<ClusterStatements>(*db_);
  ClusterStatements& st = *cst_;

  const std::string source_key = DefaultSourceKey(article);
  std::vector<EventReport> reports;
  std::set<std::string_view> seen;
  for (const Event& e : events) {
    if (e.cameo.size() < 2 || !seen.insert(e.event_id).second) continue;  // stored once
    reports.push_back(MakeReport(e, article, source_key));
  }

  // The candidate clusters of every report, each once.
  std::vector<EventCluster> candidates;
  std::unordered_map<std::string, size_t> by_id;
  for (const EventReport& r : reports) {
    SqliteStatement& q = r.date.empty() ? st.candidates_any_date : st.candidates;
    q.Bind(1, r.cameo.substr(0, 2));
    q.Bind(2, r.source.country);
    q.Bind(3, r.target.country);
    if (!r.date.empty()) {
      DateRange range = RangeOf(r.date);
      q.Bind(4, range.lo);
      q.Bind(5, range.hi);
      q.Bind(6, range.month);
      q.Bind(7, range.year);
    }
    while (q.Step()) {
      EventCluster c = ClusterFromRecord(q.ColumnText(0));
      if (by_id.emplace(c.cluster_id, candidates.size()).second) candidates.push_back(std::move(c));
    }
    q.Reset();
  }

  std::vector<std::pair<size_t, size_t>> redated;
  std::vector<size_t> assigned = AssignReports(reports, &candidates, &redated);

  std::set<size_t> touched(assigned.begin(), assigned.end());
  for (size_t ci : touched) {
    const EventCluster& c = candidates[ci];
    std::string record = c.ToJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
  }
  for (size_t ri = 0; ri < reports.size(); ++ri) {
    const std::string& cluster_id = candidates[assigned[ri]].cluster_id;
    st.insert_member.BindStatic(1, cluster_id);
    st.insert_member.BindStatic(2, reports[ri].event_id);
    st.insert_member.Run();
    st.set_event_cluster.BindStatic(1, reports[ri].event_id);
    st.set_event_cluster.BindStatic(2, cluster_id);
    st.set_event_cluster.Run();
  }
  for (const auto& [ci, mi] : redated) {
    const EventReport& m = candidates[ci].reports[mi];
    st.set_event_date.BindStatic(1, m.event_id);
    st.set_event_date.BindStatic(2, m.date);
    st.set_event_date.BindStatic(3, m.date_precision);
    st.set_event_date.BindStatic(4, m.date_basis);
    st.set_event_date.Run();
  }
}

std::optional<EventCluster> Store::GetCluster(std::string_view cluster_id) {
  SqliteStatement st(*db_, "SELECT record FROM clusters WHERE cluster_id = ?1");
  st.BindStatic(1, cluster_id);
  if (!st.Step()) return std::nullopt;
  return ClusterFromRecord(st.ColumnText(0));
}

void Store::ForEachCluster(const ClusterFilter& f, const std::function<void(const EventCluster&)>& fn) {
  std::string sql = "SELECT record FROM clusters c WHERE 1";
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
  while (st.Step()) fn(ClusterFromRecord(st.ColumnText(0)));
}

}  // namespace dyad
