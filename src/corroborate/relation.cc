#include "corroborate/relation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "events/ontology.h"

namespace dyad {
namespace {

constexpr const char* kUndated = "undated";


nlohmann::json CountsToJson(const RelationCounts& c) {
  nlohmann::json j;
  j["events"] = c.events;
  j["clusters"] = c.clusters.size();
  j["quad_class"] = {{"verbal_cooperation", c.quad_class[0]},
                     {"material_cooperation", c.quad_class[1]},
                     {"verbal_conflict", c.quad_class[2]},
                     {"material_conflict", c.quad_class[3]}};
  j["mean_goldstein"] = std::round(c.mean_goldstein() * 100) / 100;
  j["a_to_b"] = c.a_to_b;
  j["b_to_a"] = c.b_to_a;
  return j;
}

}  // namespace

std::string PeriodOf(std::string_view date, RelationPeriodUnit unit) {
  if (date.empty()) return kUndated;
  if (unit == RelationPeriodUnit::kWeek && date.size() >= 10 && date[4] == '-' && date[7] == '-') {
    auto num = [&](size_t pos, size_t n) {
      unsigned v = 0;
      for (size_t i = pos; i < pos + n; ++i) v = v * 10 + static_cast<unsigned>(date[i] - '0');
      return v;
    };
    using namespace std::chrono;
    year_month_day ymd{year{static_cast<int>(num(0, 4))}, month{num(5, 2)}, day{num(8, 2)}};
    if (ymd.ok()) {
      sys_days d{ymd};
      sys_days monday = d - (weekday{d} - Monday);
      year_month_day m{monday};
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(m.year()), static_cast<unsigned>(m.month()),
                    static_cast<unsigned>(m.day()));
      return buf;
    }
  }
  if (date.size() >= 7 && date[4] == '-') return std::string(date.substr(0, 7));
  return std::string(date.substr(0, 4));
}

int64_t GoldsteinTenths(double goldstein) { return std::llround(goldstein * 10); }

void RelationCounts::Add(const Event& e, bool a_is_source) {
  ++events;
  if (e.quad_class >= 1 && e.quad_class <= 4) ++quad_class[static_cast<size_t>(e.quad_class - 1)];
  goldstein_tenths += GoldsteinTenths(e.goldstein);
  ++(a_is_source ? a_to_b : b_to_a);
  if (!e.cluster_id.empty()) clusters.insert(e.cluster_id);
}

namespace {

void AddDayCounts(const RelationDay& d, bool a_is_source, RelationCounts* c) {
  c->events += d.events;
  for (size_t i = 0; i < 4; ++i) c->quad_class[i] += d.quad_class[i];
  c->goldstein_tenths += d.goldstein_tenths;
  (a_is_source ? c->a_to_b : c->b_to_a) += d.events;
}

}  // namespace

bool RelationBuilder::AIsSource(std::string_view source_code, std::string_view target_code) const {
  bool source_a = source_code.starts_with(a_), target_b = target_code.starts_with(b_);
  if (source_a && target_b) return true;
  // Both prefixes may match both sides ("SYR" and "SYRGOV"): the longer one decides.
  return source_a && !target_code.starts_with(a_);
}

void RelationBuilder::AddDay(const RelationDay& d) {
  if (d.events == 0) return;
  const bool a_is_source = AIsSource(d.source_code, d.target_code);
  AddDayCounts(d, a_is_source, &relation_.totals);
  AddDayCounts(d, a_is_source, &by_period_[PeriodOf(d.date, unit_)]);
  if (!d.outlet.empty()) relation_.outlets.insert(d.outlet);
  if (!d.date.empty()) {
    if (relation_.first_date.empty() || d.date < relation_.first_date) relation_.first_date = d.date;
    if (relation_.last_date.empty() || d.date > relation_.last_date) relation_.last_date = d.date;
  }
}

void RelationBuilder::AddMember(std::string_view date, std::string_view cluster_id, std::string_view article_id) {
  relation_.articles.emplace(article_id);
  if (cluster_id.empty()) return;
  relation_.totals.clusters.emplace(cluster_id);
  by_period_[PeriodOf(date, unit_)].clusters.emplace(cluster_id);
}

void RelationBuilder::Add(const Event& e, const std::string& outlet) {
  const bool a_is_source = AIsSource(e.source.code, e.target.code);
  relation_.totals.Add(e, a_is_source);
  by_period_[PeriodOf(e.date, unit_)].Add(e, a_is_source);
  relation_.articles.insert(e.article_id);
  if (!outlet.empty()) relation_.outlets.insert(outlet);
  if (!e.date.empty()) {
    if (relation_.first_date.empty() || e.date < relation_.first_date) relation_.first_date = e.date;
    if (relation_.last_date.empty() || e.date > relation_.last_date) relation_.last_date = e.date;
  }
}

Relation RelationBuilder::Finish(std::vector<EventCluster> clusters, size_t max_key_events) {
  Relation r = std::move(relation_);
  r.a = a_;
  r.b = b_;
  for (auto& [period, counts] : by_period_) {
    if (period != kUndated) r.periods.push_back({period, std::move(counts)});
  }
  if (auto it = by_period_.find(kUndated); it != by_period_.end()) r.periods.push_back({kUndated, std::move(it->second)});

  for (EventCluster& c : clusters) {
    KeyEvent k;
    const CameoCode* code = Ontology::Default().Find(c.cameo);
    if (code != nullptr) {
      k.name = code->name;
      k.goldstein = code->goldstein;
    }
    k.evidence = c.reports.front().evidence;
    k.cluster = std::move(c);
    r.key_events.push_back(std::move(k));
  }
  auto rank = [](const KeyEvent& k) {
    const EventCluster& c = k.cluster;
    return KeyEventRank{c.num_sources, c.num_articles, c.num_mentions, k.goldstein, c.date};
  };
  std::stable_sort(r.key_events.begin(), r.key_events.end(),
                   [&](const KeyEvent& x, const KeyEvent& y) { return RanksBefore(rank(x), rank(y)); });
  if (r.key_events.size() > max_key_events) r.key_events.resize(max_key_events);
  return r;
}

bool RanksBefore(const KeyEventRank& x, const KeyEventRank& y) {
  if (x.num_sources != y.num_sources) return x.num_sources > y.num_sources;
  if (x.num_articles != y.num_articles) return x.num_articles > y.num_articles;
  if (x.num_mentions != y.num_mentions) return x.num_mentions > y.num_mentions;
  if (std::abs(x.goldstein) != std::abs(y.goldstein)) return std::abs(x.goldstein) > std::abs(y.goldstein);
  return x.date > y.date;  // the more recent first
}

KeyEventRank RankOf(int64_t num_sources, int64_t num_articles, int64_t num_mentions, const std::string& cameo,
                    const std::string& date) {
  const CameoCode* code = Ontology::Default().Find(cameo);
  return {num_sources, num_articles, num_mentions, code != nullptr ? code->goldstein : 0.0, date};
}

nlohmann::json Relation::ToJson() const {
  nlohmann::json j;
  j["a"] = a;
  j["b"] = b;
  j["totals"] = CountsToJson(totals);
  j["articles"] = articles.size();
  j["outlets"] = outlets;
  j["first_date"] = first_date;
  j["last_date"] = last_date;
  nlohmann::json& ps = j["periods"];
  ps = nlohmann::json::array();
  for (const RelationPeriod& p : periods) {
    nlohmann::json o = CountsToJson(p.counts);
    o["period"] = p.period;
    ps.push_back(std::move(o));
  }
  nlohmann::json& ks = j["key_events"];
  ks = nlohmann::json::array();
  for (const KeyEvent& k : key_events) {
    const EventCluster& c = k.cluster;
    nlohmann::json o;
    o["cluster_id"] = c.cluster_id;
    o["date"] = c.date;
    o["date_precision"] = c.date_precision;
    o["cameo"] = c.cameo;
    o["name"] = k.name;
    o["goldstein"] = k.goldstein;
    o["source"] = c.source.code;
    o["target"] = c.target.code;
    o["symmetric"] = c.symmetric;
    o["num_articles"] = c.num_articles;
    o["num_sources"] = c.num_sources;
    o["num_mentions"] = c.num_mentions;
    o["first_report"] = c.first_report;
    o["last_report"] = c.last_report;
    o["evidence"] = k.evidence;
    o["details"] = c.Details();
    nlohmann::json& reports = o["reports"];
    reports = nlohmann::json::array();
    for (const EventReport& rep : c.reports) {
      reports.push_back({{"event_id", rep.event_id},
                         {"article_id", rep.article_id},
                         {"outlet", rep.outlet},
                         {"date", rep.date},
                         {"date_basis", rep.date_basis},
                         {"evidence", rep.evidence}});
    }
    ks.push_back(std::move(o));
  }
  return j;
}

}  // namespace dyad
