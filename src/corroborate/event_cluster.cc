#include "corroborate/event_cluster.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "actors/name_similarity.h"
#include "util/hash.h"

namespace dyad {
namespace {

// Weights of MatchScore: the exact code alone does not make two reports one event; a
// second sign (the same word for it, the same person, the same day or place) does.
constexpr double kExactCode = 1.0;
constexpr double kGenericCode = 0.3;  // one of the two is the root's unspecified code
constexpr double kSharedAnchor = 0.7;
constexpr double kSamePerson = 0.5;   // per side
constexpr double kSameDay = 0.5;
constexpr double kSamePlace = 0.5;    // within kNearKm
constexpr double kNearKm = 50;
constexpr double kRepeatedMention = 3.0;
constexpr double kCoarseDates = 0.5;  // both dated to a month or year only

bool IsUnknownCountry(std::string_view country) { return country.empty() || country.starts_with("---"); }

int PrecisionRank(std::string_view precision) {
  if (precision == "day") return 3;
  if (precision == "month") return 2;
  if (precision == "year") return 1;
  return 0;
}

bool IsDated(const EventReport& r) { return !r.date.empty(); }

// Dates agree when day dates are within the window, or one covers the other.
bool DatesCompatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return true;
  std::optional<int> da = DayNumber(a), db = DayNumber(b);
  if (da && db) return std::abs(*da - *db) <= kDayWindow;
  return a.starts_with(b) || b.starts_with(a);
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// A place that is a whole country ("Syria") fixes nothing finer than its country.
bool IsPoint(const EventReport& r) { return r.has_coordinates && !r.place_adm1.empty(); }

// -1 when the places of two reports conflict, 1 when they are the same place, else 0.
int ComparePlaces(const EventReport& a, const EventReport& b) {
  if (a.place.empty() || b.place.empty()) return 0;
  if (IsPoint(a) && IsPoint(b)) {
    double km = DistanceKm(a.lat, a.lon, b.lat, b.lon);
    if (km > kPlaceKm) return -1;
    return km <= kNearKm ? 1 : 0;
  }
  if (!a.place_country.empty() && !b.place_country.empty() && a.place_country != b.place_country) return -1;
  return 0;
}

// -1 when both sides name different people, 1 when they name the same one, else 0.
int ComparePersons(const ReportActor& a, const ReportActor& b) {
  if (a.entity.empty() || b.entity.empty()) return 0;
  return NameSimilarity(a.entity, b.entity) > 0 ? 1 : -1;
}

bool SharesAnchor(const EventReport& a, const EventReport& b) {
  // Both are sorted.
  auto i = a.anchor_words.begin(), j = b.anchor_words.begin();
  while (i != a.anchor_words.end() && j != b.anchor_words.end()) {
    if (*i == *j) return true;
    if (*i < *j) ++i; else ++j;
  }
  return false;
}

std::string_view Code3(std::string_view cameo) { return cameo.substr(0, std::min<size_t>(3, cameo.size())); }

bool IsGeneric(std::string_view code3) { return code3.size() == 3 && code3[2] == '0'; }

void CountValue(std::map<std::string, int>& counts, const std::string& v) {
  if (!v.empty()) ++counts[v];
}

nlohmann::json DetailOf(const std::map<std::string, int>& counts) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& [value, n] : counts) values.push_back({{"value", value}, {"reports", n}});
  return {{"values", std::move(values)}, {"agree", counts.size() == 1}};
}

}  // namespace

std::optional<int> DayNumber(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t n) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return -1;
      v = v * 10 + (date[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

bool EventCluster::IsSwapped(const EventReport& r) const {
  if (r.source.country != source.country) return true;
  // Both sides of one country (government and rebels): the codes tell.
  return source.country == target.country && r.source.code != source.code && r.source.code == target.code;
}

std::optional<double> EventCluster::MatchScore(const EventReport& r) const {
  if (reports.empty() || r.negated != reports.front().negated) return std::nullopt;
  // Which of the report's sides is the cluster's source.
  bool swapped = false;
  if (r.source.country == source.country && r.target.country == target.country) {
    swapped = false;
  } else if ((r.symmetric || symmetric) && r.source.country == target.country &&
             r.target.country == source.country) {
    swapped = true;
  } else {
    return std::nullopt;
  }
  if (r.cameo.substr(0, 2) != root) return std::nullopt;
  const std::string_view r3 = Code3(r.cameo), c3 = Code3(cameo);
  double score;
  if (r3 == c3) {
    score = kExactCode;
  } else if (IsGeneric(r3) || IsGeneric(c3)) {
    score = kGenericCode;
  } else {
    return std::nullopt;
  }
  if (!DatesCompatible(r.date, date)) return std::nullopt;
  // Dates that are both only a month or a year ("in 1987"), or both unknown, hold many
  // events alike: they need a further sign, as below.
  const bool coarse_dates = (r.date.empty() && date.empty()) ||
                            (!r.date.empty() && !date.empty() && !DayNumber(r.date) && date_precision != "day");
  if (!date.empty() && r.date == date && date_precision == "day") score += kSameDay;

  const ReportActor& r_source = swapped ? r.target : r.source;
  const ReportActor& r_target = swapped ? r.source : r.target;
  bool same_source = false, same_target = false, same_place = false, shared_anchor = false;
  bool repeated = false;
  for (const EventReport& m : reports) {
    if (m.article_id == r.article_id) {
      // Within one article only a repeated mention of the same event joins: the same
      // code and actors in another sentence (one sentence's events are distinct events),
      // at no other place.
      if (m.sentence == r.sentence || m.cameo != r.cameo || m.source.code != r.source.code ||
          m.target.code != r.target.code || ComparePlaces(r, m) < 0)
        return std::nullopt;
      // One dated by its own words and one not ("the embassy was established in 1997 ...
      // the reopening of the embassy"): the article's background and its news, unless
      // the same word names both acts.
      if ((m.date_basis == "text") != (r.date_basis == "text") && (r.act.empty() || r.act != m.act))
        return std::nullopt;
      repeated = true;
      continue;
    }
    const bool m_swapped = IsSwapped(m);
    const ReportActor& m_source = m_swapped ? m.target : m.source;
    const ReportActor& m_target = m_swapped ? m.source : m.target;
    int ps = ComparePersons(r_source, m_source), pt = ComparePersons(r_target, m_target);
    if (ps < 0 || pt < 0) return std::nullopt;
    same_source |= ps > 0;
    same_target |= pt > 0;
    int place = ComparePlaces(r, m);
    if (place < 0) return std::nullopt;
    same_place |= place > 0;
    shared_anchor |= SharesAnchor(r, m);
  }
  if (repeated) return kRepeatedMention;
  // An actor of unknown country ("---MIL": "the soldiers") may be anyone's: only a
  // repeated mention in its own article joins.
  if (IsUnknownCountry(source.country) || IsUnknownCountry(target.country)) return std::nullopt;
  if (coarse_dates) score -= kCoarseDates;
  if (same_source) score += kSamePerson;
  if (same_target) score += kSamePerson;
  if (same_place) score += kSamePlace;
  if (shared_anchor) score += kSharedAnchor;
  return score;
}

EventCluster EventCluster::Start(EventReport r) {
  EventCluster c;
  c.cluster_id = HexId(HashFields({"cluster", r.event_id}));
  c.root = r.cameo.substr(0, 2);
  c.cameo = r.cameo;
  c.source = r.source;
  c.target = r.target;
  c.symmetric = r.symmetric;
  c.source_keys.push_back(r.source_key);
  c.reports.push_back(std::move(r));
  c.Recount();
  return c;
}

std::vector<EventReport> EventCluster::Add(EventReport r) {
  symmetric = symmetric || r.symmetric;
  auto key = std::lower_bound(source_keys.begin(), source_keys.end(), r.source_key);
  if (key == source_keys.end() || *key != r.source_key) source_keys.insert(key, r.source_key);
  std::vector<EventReport> redated;
  if (reports.size() >= kMaxKeptReports) {
    // Counted, not kept; dated by the cluster when it came undated.
    ++more_mentions;
    bool kept_article = std::any_of(reports.begin(), reports.end(),
                                    [&](const EventReport& m) { return m.article_id == r.article_id; });
    if (!kept_article && r.article_id != more_last_article) ++more_articles;
    more_last_article = r.article_id;
    if (!r.published.empty()) {
      if (more_first_report.empty() || r.published < more_first_report) more_first_report = r.published;
      if (more_last_report.empty() || r.published > more_last_report) more_last_report = r.published;
    }
    Recount();
    if (r.date.empty() && !date.empty()) {
      r.date = date;
      r.date_precision = date_precision;
      r.date_basis = "corroboration";
      redated.push_back(std::move(r));
    }
    return redated;
  }
  reports.push_back(std::move(r));
  Recount();
  if (date.empty()) return redated;
  for (EventReport& m : reports) {
    bool takes_cluster_date = m.date.empty() || (m.date_basis == "corroboration" &&
                                                 (m.date != date || m.date_precision != date_precision));
    if (!takes_cluster_date) continue;
    m.date = date;
    m.date_precision = date_precision;
    m.date_basis = "corroboration";
    redated.push_back(m);
  }
  return redated;
}

void EventCluster::Recount() {
  std::set<std::string_view> articles, sources;
  std::map<std::string, int> codes;
  first_report.clear();
  last_report.clear();
  const EventReport* best_dated = nullptr;
  auto better = [](const EventReport& a, const EventReport& b) {
    // More precise, then from the text rather than the publication date, then earlier.
    int pa = PrecisionRank(a.date_precision), pb = PrecisionRank(b.date_precision);
    if (pa != pb) return pa > pb;
    bool ta = a.date_basis == "text", tb = b.date_basis == "text";
    if (ta != tb) return ta;
    return a.date < b.date;
  };
  for (const EventReport& r : reports) {
    articles.insert(r.article_id);
    sources.insert(r.source_key);
    ++codes[r.cameo];
    if (!r.published.empty()) {
      if (first_report.empty() || r.published < first_report) first_report = r.published;
      if (last_report.empty() || r.published > last_report) last_report = r.published;
    }
    if (IsDated(r) && r.date_basis != "corroboration" && (best_dated == nullptr || better(r, *best_dated)))
      best_dated = &r;
  }
  num_articles = static_cast<int64_t>(articles.size()) + more_articles;
  num_sources = static_cast<int64_t>(std::max(sources.size(), source_keys.size()));
  num_mentions = static_cast<int64_t>(reports.size()) + more_mentions;
  if (!more_first_report.empty() && (first_report.empty() || more_first_report < first_report))
    first_report = more_first_report;
  if (more_last_report > last_report) last_report = more_last_report;
  if (best_dated != nullptr) {
    date = best_dated->date;
    date_precision = best_dated->date_precision;
  } else {
    date.clear();
    date_precision = "unknown";
  }
  // The code most reports give; on ties the more specific one, then the first given.
  std::string best = reports.front().cameo;
  int best_n = codes[best];
  for (const auto& [code, n] : codes) {
    if (n > best_n || (n == best_n && IsGeneric(Code3(best)) && !IsGeneric(Code3(code)))) {
      best = code;
      best_n = n;
    }
  }
  cameo = best;
}

nlohmann::json EventCluster::Details() const {
  std::map<std::string, int> dates, places, quantities, source_names, target_names, outlets;
  for (const EventReport& r : reports) {
    if (r.date_basis != "corroboration") CountValue(dates, r.date);
    CountValue(places, r.place);
    CountValue(quantities, r.quantity);
    const bool swapped = IsSwapped(r);
    const ReportActor& s = swapped ? r.target : r.source;
    const ReportActor& t = swapped ? r.source : r.target;
    CountValue(source_names, s.entity.empty() ? s.text : s.entity);
    CountValue(target_names, t.entity.empty() ? t.text : t.entity);
    CountValue(outlets, r.outlet.empty() ? r.source_key : r.outlet);
  }
  nlohmann::json d;
  d["date"] = DetailOf(dates);
  d["place"] = DetailOf(places);
  d["quantity"] = DetailOf(quantities);
  d["source_names"] = DetailOf(source_names);
  d["target_names"] = DetailOf(target_names);
  d["outlets"] = DetailOf(outlets);
  return d;
}

nlohmann::json EventCluster::SummaryJson() const {
  nlohmann::json j;
  j["cluster_id"] = cluster_id;
  j["cameo"] = cameo;
  j["root"] = root;
  nlohmann::json& s = j["source"];
  s["code"] = source.code;
  s["country"] = source.country;
  nlohmann::json& t = j["target"];
  t["code"] = target.code;
  t["country"] = target.country;
  j["symmetric"] = symmetric;
  j["date"] = date;
  j["date_precision"] = date_precision;
  j["num_articles"] = num_articles;
  j["num_sources"] = num_sources;
  j["num_mentions"] = num_mentions;
  j["first_report"] = first_report;
  j["last_report"] = last_report;
  j["sources"] = source_keys;
  if (more_mentions > 0) {
    j["more"] = {{"mentions", more_mentions},
                 {"articles", more_articles},
                 {"first_report", more_first_report},
                 {"last_report", more_last_report},
                 {"last_article", more_last_article}};
  }
  return j;
}

nlohmann::json EventCluster::ToJson() const {
  nlohmann::json j = SummaryJson();
  nlohmann::json& rs = j["reports"];
  rs = nlohmann::json::array();
  for (const EventReport& r : reports) {
    nlohmann::json o;
    ReportToJson(r, &o);
    rs.push_back(std::move(o));
  }
  return j;
}

EventCluster EventCluster::FromJson(const nlohmann::json& j) {
  std::vector<EventReport> reports;
  for (const nlohmann::json& r : j.at("reports")) reports.push_back(ReportFromJson(r));
  return FromParts(j, std::move(reports));
}

EventCluster EventCluster::FromParts(const nlohmann::json& j, std::vector<EventReport> reports) {
  EventCluster c;
  c.reports = std::move(reports);
  c.cluster_id = j.at("cluster_id").get<std::string>();
  c.root = j.at("root").get<std::string>();
  c.source.code = j.at("source").at("code").get<std::string>();
  c.source.country = j.at("source").at("country").get<std::string>();
  c.target.code = j.at("target").at("code").get<std::string>();
  c.target.country = j.at("target").at("country").get<std::string>();
  c.symmetric = j.value("symmetric", false);
  if (c.reports.empty()) throw nlohmann::json::other_error::create(501, "cluster without reports", &j);
  c.source_keys = j.at("sources").get<std::vector<std::string>>();
  std::sort(c.source_keys.begin(), c.source_keys.end());
  c.source_keys.erase(std::unique(c.source_keys.begin(), c.source_keys.end()), c.source_keys.end());
  if (auto more = j.find("more"); more != j.end()) {
    c.more_mentions = more->at("mentions").get<int64_t>();
    c.more_articles = more->at("articles").get<int64_t>();
    c.more_first_report = more->at("first_report").get<std::string>();
    c.more_last_report = more->at("last_report").get<std::string>();
    c.more_last_article = more->at("last_article").get<std::string>();
  }
  c.Recount();
  return c;
}

std::vector<size_t> AssignReports(std::vector<EventReport> reports, std::vector<EventCluster>* candidates,
                                  std::vector<EventReport>* redated) {
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> assigned(reports.size(), kNone);
  // Every possible (score, report, cluster) among the clusters there were before this
  // article, strongest first; a pair is taken if it still holds when its turn comes
  // (an earlier report of this article may have joined that cluster meanwhile).
  struct Pair {
    double score;
    size_t report, cluster;
  };
  std::vector<Pair> pairs;
  const size_t existing = candidates->size();
  for (size_t ri = 0; ri < reports.size(); ++ri) {
    for (size_t ci = 0; ci < existing; ++ci) {
      std::optional<double> s = (*candidates)[ci].MatchScore(reports[ri]);
      if (s && *s >= kJoinScore) pairs.push_back({*s, ri, ci});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
  auto add = [&](size_t ri, size_t ci) {
    assigned[ri] = ci;
    for (EventReport& m : (*candidates)[ci].Add(reports[ri])) redated->push_back(std::move(m));
  };
  for (const Pair& p : pairs) {
    if (assigned[p.report] != kNone) continue;
    std::optional<double> s = (*candidates)[p.cluster].MatchScore(reports[p.report]);
    if (s && *s >= kJoinScore) add(p.report, p.cluster);
  }
  // The rest start clusters of their own, in article order; a repeated mention joins
  // the cluster of its first mention.
  for (size_t ri = 0; ri < reports.size(); ++ri) {
    if (assigned[ri] != kNone) continue;
    for (size_t ci = existing; ci < candidates->size(); ++ci) {
      std::optional<double> s = (*candidates)[ci].MatchScore(reports[ri]);
      if (s && *s >= kJoinScore) {
        add(ri, ci);
        break;
      }
    }
    if (assigned[ri] != kNone) continue;
    assigned[ri] = candidates->size();
    candidates->push_back(EventCluster::Start(reports[ri]));
  }
  return assigned;
}

}  // namespace dyad
