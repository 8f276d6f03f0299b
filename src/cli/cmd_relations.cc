// dyad relations --db PATH A B: the relation between two actors or countries over time:
// events by month with counts per quad class and mean Goldstein score, both directions,
// and the key events (clusters) with their evidence and sources. Answered from the
// aggregates the store keeps at ingest (Store::GetRelation), not from every event.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/text_cell.h"
#include "corroborate/relation.h"
#include "store/filter_params.h"
#include "store/store.h"

namespace dyad {
namespace {

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Right(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

void WriteCountsRow(std::ostream& out, const std::string& period, const RelationCounts& c) {
  out << TextCell(period, 10) << Right(std::to_string(c.events), 7) << Right(std::to_string(c.clusters.size()), 10)
      << Right(std::to_string(c.quad_class[0]), 6) << Right(std::to_string(c.quad_class[1]), 6)
      << Right(std::to_string(c.quad_class[2]), 6) << Right(std::to_string(c.quad_class[3]), 6)
      << Right(Fixed(c.mean_goldstein(), 2), 11) << Right(std::to_string(c.a_to_b), 7)
      << Right(std::to_string(c.b_to_a), 7) << '\n';
}

void WriteText(std::ostream& out, const Relation& r) {
  const RelationCounts& t = r.totals;
  out << "Relations between " << r.a << " and " << r.b << ": " << t.events << " events in " << t.clusters.size()
      << " clusters, from " << r.articles.size() << " articles of " << r.outlets.size() << " outlets";
  if (!r.first_date.empty()) out << ", dated " << r.first_date << " to " << r.last_date;
  out << "\n";
  if (t.events == 0) return;
  out << "Mean Goldstein " << Fixed(t.mean_goldstein(), 2) << "; verbal cooperation " << t.quad_class[0]
      << ", material cooperation " << t.quad_class[1] << ", verbal conflict " << t.quad_class[2]
      << ", material conflict " << t.quad_class[3] << "\n";
  out << r.a << " -> " << r.b << ": " << t.a_to_b << " events; " << r.b << " -> " << r.a << ": " << t.b_to_a
      << " events\n\n";
  out << TextCell("PERIOD", 10) << Right("EVENTS", 7) << Right("CLUSTERS", 10) << Right("VCOOP", 6)
      << Right("MCOOP", 6) << Right("VCONF", 6) << Right("MCONF", 6) << Right("GOLDSTEIN", 11)
      << Right("A>B", 7) << Right("B>A", 7) << '\n';
  for (const RelationPeriod& p : r.periods) WriteCountsRow(out, p.period, p.counts);
  if (r.key_events.empty()) return;
  out << "\nKey events (most sources first)\n";
  for (const KeyEvent& k : r.key_events) {
    const EventCluster& c = k.cluster;
    out << TextCell(c.date.empty() ? "undated" : c.date, 10) << "  " << c.source.code
        << (c.symmetric ? " <-> " : " -> ") << c.target.code << "  " << c.cameo << ' ' << k.name << "  ("
        << Fixed(k.goldstein, 1) << ")\n";
    out << "            " << c.num_articles << (c.num_articles == 1 ? " article, " : " articles, ")
        << c.num_sources << (c.num_sources == 1 ? " source" : " sources");
    std::set<std::string> outlets;
    for (const EventReport& rep : c.reports) outlets.insert(rep.outlet.empty() ? rep.source_key : rep.outlet);
    std::string list;
    for (const std::string& o : outlets) list += (list.empty() ? "" : ", ") + o;
    out << " (" << list << "), cluster " << c.cluster_id << "\n";
    out << "            \"" << TextCell(k.evidence, 100, /*pad=*/false) << "\"\n";
    nlohmann::json d = c.Details();
    for (const char* field : {"date", "place", "quantity"}) {
      const nlohmann::json& values = d[field]["values"];
      if (values.size() < 2) continue;
      std::string differ;
      for (const auto& v : values)
        differ += (differ.empty() ? "" : ", ") + v["value"].get<std::string>() + " (" +
                  std::to_string(v["reports"].get<int>()) + ")";
      out << "            reports differ on " << field << ": " << differ << "\n";
    }
  }
}

void WriteCsv(std::ostream& out, const Relation& r) {
  out << "period,events,clusters,verbal_cooperation,material_cooperation,verbal_conflict,"
         "material_conflict,mean_goldstein,a_to_b,b_to_a\n";
  for (const RelationPeriod& p : r.periods) {
    const RelationCounts& c = p.counts;
    out << p.period << ',' << c.events << ',' << c.clusters.size() << ',' << c.quad_class[0] << ','
        << c.quad_class[1] << ',' << c.quad_class[2] << ',' << c.quad_class[3] << ','
        << Fixed(c.mean_goldstein(), 2) << ',' << c.a_to_b << ',' << c.b_to_a << '\n';
  }
}

}  // namespace

void AddRelationsCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "relations",
      "The relation between two actors or countries over time: events by month with "
      "counts per quad class and mean Goldstein score, both directions, and the key "
      "events with their evidence and sources. A and B are actor codes or their "
      "prefixes: AZE is Azerbaijan and all its actors, AZEGOV its government.");
  struct Options {
    std::string db;
    std::string a, b;
    std::string format = "text";
    std::string cameo, from, to;
    size_t top = 10;
    std::string freq = "month";
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")->required();
  cmd->add_option("a", opts->a, "First actor or country code (AZE, AZEGOV, IGOUNO...)")->required();
  cmd->add_option("b", opts->b, "Second actor or country code")->required();
  cmd->add_option("--cameo", opts->cameo, "Only events whose CAMEO code starts with CODE");
  cmd->add_option("--from", opts->from, "Only events dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->type_name("DATE");
  cmd->add_option("--to", opts->to, "Only events dated on or before DATE")->type_name("DATE");
  cmd->add_option("--top", opts->top, "Key events to list")->capture_default_str();
  cmd->add_option("--freq", opts->freq,
                  "The timeline's periods: month, or week (named by the Monday that opens it; "
                  "events dated only to a month stay in the month's period)")
      ->check(CLI::IsMember({"month", "week"}))
      ->capture_default_str();
  cmd->add_option("--format", opts->format,
                  "text: a report; json: every figure, the key events with their reports; "
                  "csv: the timeline, one row per period")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->callback([opts, cmd, &exit_code] {
    // Checked by SetRelationFilter (store/filter_params.h), as the HTTP API's and the
    // Python package's relation filters are.
    RelationFilter f;
    const std::pair<std::string_view, const std::string*> filters[] = {
        {"a", &opts->a}, {"b", &opts->b}, {"cameo", &opts->cameo}, {"from", &opts->from}, {"to", &opts->to}};
    for (const auto& [name, value] : filters) {
      const bool flag = name != "a" && name != "b";  // a and b are arguments, always given
      if (flag && cmd->count("--" + std::string(name)) == 0) continue;
      if (std::string error = SetRelationFilter(&f, name, *value); !error.empty()) {
        std::cerr << "dyad relations: " << (flag ? "--" : "") << error << "\n";
        exit_code = kExitUsage;
        return;
      }
    }
    f.max_key_events = opts->top;
    auto store = Store::Open(opts->db, {.create = false});
    if (opts->freq == "week") f.period_unit = RelationPeriodUnit::kWeek;
    Relation r = store->GetRelation(f);

    std::ios::sync_with_stdio(false);
    std::ostream& out = std::cout;
    if (opts->format == "json") {
      out << r.ToJson().dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else if (opts->format == "csv") {
      WriteCsv(out, r);
    } else {
      WriteText(out, r);
    }
    out.flush();
    if (!out) {
      std::cerr << "dyad relations: cannot write the output\n";
      exit_code = kExitFailure;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace dyad
