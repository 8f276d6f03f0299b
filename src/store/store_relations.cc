// The store's side of `dyad relations`: a relation from the aggregates that triggers
// keep in step with the events (schema.cc, version 7), so that its cost follows the
// pair's dates, codes and clusters, not the size of their articles and records.
//
// Counts, quad classes, Goldstein sums, directions, outlets and dates add up over the
// rows of relation_days. Clusters and articles must be counted once however many pairs
// of codes and dates report them: they are read from events_relation, an index that
// holds them, one entry per event, without reading the events themselves.
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace dyad {
namespace {

// The least string greater than every string starting with `prefix`, "" when none.
std::string UpperBound(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

// True when `code` starts with `prefix`, as the event filter's index ranges decide.
bool HasPrefix(std::string_view code, std::string_view prefix) { return code.starts_with(prefix); }

// The conditions on cameo and date a relation's rows share with EventFilter, on
// columns `cameo` and `date`, binding from parameter 3 (1 and 2 are the code pair).
struct RowConditions {
  std::string sql;
  std::vector<std::string> params;

  explicit RowConditions(const RelationFilter& f) {
    auto next = [&](std::string v) {
      params.push_back(std::move(v));
      return "?" + std::to_string(params.size() + 2);
    };
    if (!f.cameo.empty()) {
      std::string upper = UpperBound(f.cameo);
      sql += " AND cameo >= " + next(f.cameo);
      if (!upper.empty()) sql += " AND cameo < " + next(upper);
    }
    if (!f.from.empty() || !f.to.empty()) sql += " AND date <> ''";
    if (!f.from.empty()) sql += " AND date >= " + next(f.from);
    if (!f.to.empty()) sql += " AND date <= " + next(f.to + "~");
  }
  void Bind(SqliteStatement& st, const std::string& source_code, const std::string& target_code) const {
    st.BindStatic(1, source_code);
    st.BindStatic(2, target_code);
    for (size_t i = 0; i < params.size(); ++i) st.BindStatic(static_cast<int>(i + 3), params[i]);
  }
};

}  // namespace

Relation Store::GetRelation(const RelationFilter& f) {
  // The pairs of actor codes of the relation: one side matching A and the other B.
  std::vector<std::pair<std::string, std::string>> pairs;
  {
    SqliteStatement st(*db_, "SELECT source_code, target_code FROM relation_pairs WHERE source_code >= ?1 "
                             "ORDER BY source_code, target_code");
    // Every pair whose source matches A or B: a few thousand rows at most, the codes
    // of a store's actors; the two prefixes are then checked here.
    for (const std::string& prefix : {f.actor_a, f.actor_b}) {
      st.BindStatic(1, prefix);
      std::string upper = UpperBound(prefix);
      while (st.Step()) {
        std::string_view source = st.ColumnText(0);
        if (!upper.empty() && source >= upper) break;
        std::string_view target = st.ColumnText(1);
        if ((HasPrefix(source, f.actor_a) && HasPrefix(target, f.actor_b)) ||
            (HasPrefix(source, f.actor_b) && HasPrefix(target, f.actor_a)))
          pairs.emplace_back(source, target);
      }
      st.Reset();
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }

  RelationBuilder builder(f.actor_a, f.actor_b, f.period_unit);
  const RowConditions where(f);
  SqliteStatement days(*db_,
                       "SELECT date, outlet, events, quad1, quad2, quad3, quad4, goldstein_tenths "
                       "FROM relation_days WHERE source_code = ?1 AND target_code = ?2" + where.sql);
  SqliteStatement members(*db_,
                          "SELECT date, cluster_id, article_id FROM events INDEXED BY events_relation "
                          "WHERE source_code = ?1 AND target_code = ?2" + where.sql);
  RelationDay day;
  for (const auto& [source, target] : pairs) {
    day.source_code = source;
    day.target_code = target;
    where.Bind(days, source, target);
    while (days.Step()) {
      day.date = days.ColumnText(0);
      day.outlet = days.ColumnText(1);
      day.events = days.ColumnInt(2);
      for (int q = 0; q < 4; ++q) day.quad_class[static_cast<size_t>(q)] = days.ColumnInt(3 + q);
      day.goldstein_tenths = days.ColumnInt(7);
      builder.AddDay(day);
    }
    days.Reset();
    where.Bind(members, source, target);
    while (members.Step()) builder.AddMember(members.ColumnText(0), members.ColumnText(1), members.ColumnText(2));
    members.Reset();
  }

  // The key events: the clusters ranked by their summary columns, in the order of their
  // ids (as RelationBuilder::Finish ranks them, stably), and only the first read whole.
  std::vector<std::pair<KeyEventRank, std::string>> ranked;
  {
    SqliteStatement st(*db_,
                       "SELECT num_sources, num_articles, num_mentions, cameo, date FROM clusters "
                       "WHERE cluster_id = ?1");
    for (const std::string& id : builder.cluster_ids()) {
      st.BindStatic(1, id);
      if (st.Step()) {
        ranked.emplace_back(RankOf(st.ColumnInt(0), st.ColumnInt(1), st.ColumnInt(2), std::string(st.ColumnText(3)),
                                   std::string(st.ColumnText(4))),
                            id);
      }
      st.Reset();
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return RanksBefore(x.first, y.first); });
  if (ranked.size() > f.max_key_events) ranked.resize(f.max_key_events);
  std::vector<EventCluster> clusters;
  for (const auto& [rank, id] : ranked) {
    if (std::optional<EventCluster> c = GetCluster(id)) clusters.push_back(std::move(*c));
  }
  return builder.Finish(std::move(clusters), f.max_key_events);
}

}  // namespace dyad
