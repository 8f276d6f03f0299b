#include "corroborate/relation.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "events/ontology.h"

namespace dyad {
namespace {

constexpr const char* kUndated = "undated";

std::string PeriodOf(const Event& e) {
  if (e.date.empty()) return kUndated;
  if (e.date.size() >= 7 && e.date[4] == '-') return e.date.substr(0, 7);
  return e.date.substr(0, 4);
}

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

void RelationCounts::Add(const Event& e, bool a_is_source) {
  ++events;
  if (e.quad_class >= 1 && e.quad_class <= 4) ++quad_class[static_cast<size_t>(e.quad_class - 1)];
  goldstein_sum += e.goldstein;
  ++(a_is_source ? a_to_b : b_to_a);
  if (!e.cluster_id.empty()) clusters.insert(e.cluster_id);
}

bool RelationBuilder::AIsSource(const Event& e) const {
  bool source_a = e.source.code.starts_with(a_), target_b = e.target.code.starts_with(b_);
  if (source_a && target_b) return true;
  // Both prefixes may match both sides ("SYR" and "SYRGOV"): the longer one decides.
  return source_a && !e.target.code.starts_with(a_);
}

void RelationBuilder::Add(const Event& e, const std::string& outlet) {
  const bool a_is_source = AIsSource(e);
  relation_.totals.Add(e, a_is_source);
  by_period_[PeriodOf(e)].Add(e, a_is_source);
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
  std::stable_sort(r.key_events.begin(), r.key_events.end(), [](const KeyEvent& x, const KeyEvent& y) {
    if (x.cluster.num_sources != y.cluster.num_sources) return x.cluster.num_sources > y.cluster.num_sources;
    if (x.cluster.num_articles != y.cluster.num_articles) return x.cluster.num_articles > y.cluster.num_articles;
    if (x.cluster.num_mentions != y.cluster.num_mentions) return x.cluster.num_mentions > y.cluster.num_mentions;
    if (std::abs(x.goldstein) != std::abs(y.goldstein)) return std::abs(x.goldstein) > std::abs(y.goldstein);
    return x.cluster.date > y.cluster.date;  // the more recent first
  });
  if (r.key_events.size() > max_key_events) r.key_events.resize(max_key_events);
  return r;
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
