// dyad events --db PATH: the stored events, filtered by actor, country pair, CAMEO
// code, date, outlet, article text, cluster and how many sources reported it, as a
// table or in an export format.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "cli/event_output.h"
#include "cli/text_cell.h"
#include "events/ontology.h"
#include "export/writers.h"
#include "store/filter_params.h"
#include "store/store.h"

namespace dyad {
namespace {

// The readable table: one line per event.
class EventTable {
 public:
  explicit EventTable(std::ostream& out) : out_(out) {
    out_ << TextCell("DATE", 10) << "  " << TextCell("SOURCE", 12) << "  "
         << TextCell("EVENT", 34) << "  " << TextCell("TARGET", 12) << "  "
         << TextCell("EVIDENCE", 60) << "  ARTICLE\n";
  }

  void Write(const Event& e) {
    std::string what = e.cameo;
    if (const CameoCode* c = Ontology::Default().Find(e.cameo)) what += " " + c->name;
    if (e.negated) what = "NOT " + what;
    out_ << TextCell(e.date.empty() ? "-" : e.date, 10) << "  "
         << TextCell(e.source.empty() ? "-" : e.source.code, 12) << "  " << TextCell(what, 34)
         << "  " << TextCell(e.target.empty() ? "-" : e.target.code, 12) << "  "
         << TextCell(e.evidence, 60) << "  " << e.article_id << ':' << e.sentence << '\n';
  }

 private:
  std::ostream& out_;
};

}  // namespace

void AddEventsCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "events",
      "List the events in a store (see `dyad ingest`), oldest first, as a table or in an "
      "export format. Filters combine: e.g. `--pair AZE SYR --cameo 04 --from 2024` is "
      "the consultations between Azerbaijan and Syria since 2024.");
  // Every filter is kept as given and parsed by SetEventFilter (store/filter_params.h),
  // as the HTTP API's parameters are: the same values pass and fail in both.
  struct Options {
    std::string db;
    std::string format = "text";
    std::string modality;
    std::vector<std::pair<std::string, std::vector<std::string>>> filters;  // name, values
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")
      ->required();
  auto filter = [&](const std::string& name, const std::string& help, size_t values = 1) {
    auto* o = cmd->add_option_function<std::vector<std::string>>(
        "--" + name, [opts, name](const std::vector<std::string>& v) { opts->filters.emplace_back(name, v); }, help);
    o->expected(static_cast<int>(values));
    if (values == 2) o->type_name("A B");
    return o;
  };
  filter("actor",
         "Only events whose source or target actor code starts with CODE: AZE is "
         "Azerbaijan and all its actors (AZEGOV, AZEMIL...), AZEGOV its government")
      ->type_name("CODE");
  filter("pair", "Only events between the countries A and B (ISO alpha-3), in either direction", 2);
  filter("cameo",
         "Only events whose CAMEO code starts with CODE: 04 is the root (consult), "
         "042 the code and its subcodes")
      ->type_name("CODE");
  filter("from", "Only events dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")->type_name("DATE");
  filter("to", "Only events dated on or before DATE; 2024-12 includes all of December")->type_name("DATE");
  filter("outlet", "Only events from articles of this outlet (case-insensitive)");
  filter("search",
         "Only events from articles whose title or text match (words, \"phrases\", "
         "prefix*, AND/OR/NOT; see `dyad articles --help`)");
  filter("between",
         "Only events between the actors A and B (code prefixes: AZEGOV SYR), in "
         "either direction",
         2);
  filter("cluster", "Only events of this cluster (the same real-world event across articles)");
  filter("min-sources",
         "Only events whose cluster was reported by at least N sources (distinct "
         "outlets; syndicated copies count once)")
      ->type_name("N");
  filter("min-articles", "Only events whose cluster was reported in at least N articles")->type_name("N");
  filter("limit", "At most N events")->type_name("N");
  filter("offset", "Skip the first N matching events")->type_name("N");
  cmd->add_option("--format", opts->format,
                  "text: a table (date, source, CAMEO code and name, target, evidence, "
                  "article:sentence); jsonl: one JSON record per event; csv; gdelt: GDELT "
                  "2.0 event rows; plover: PLOVER event records")
      ->check(CLI::IsMember({"text", "jsonl", "csv", "gdelt", "plover"}))
      ->capture_default_str();
  AddModalityOption(cmd, &opts->modality);
  cmd->callback([opts, &exit_code] {
    std::optional<ModalityFilter> modality = ModalityFilterOrReport(opts->modality, "events");
    if (!modality) {
      exit_code = kExitUsage;
      return;
    }
    EventFilter f;
    for (const auto& [name, values] : opts->filters) {
      if (std::string error = SetEventFilter(&f, name, values); !error.empty()) {
        std::cerr << "dyad events: --" << error << "\n";
        exit_code = kExitUsage;
        return;
      }
    }
    auto store = Store::Open(opts->db, {.create = false});

    std::ios::sync_with_stdio(false);
    std::ostream& out = std::cout;
    if (opts->format == "text") {
      EventTable table(out);
      store->ForEachEvent(f, [&](const Event& e) {
        if (modality->Keeps(e)) table.Write(e);
      });
    } else {
      FilteredEventWriter writer(MakeEventWriter(*ParseFormat(opts->format), out), *modality);
      StoredEventOutput output(*store, writer);
      store->ForEachEvent(f, [&](const Event& e) { output.Write(e); });
      writer.Finish();
    }
    out.flush();
    if (!out) {
      std::cerr << "dyad events: cannot write the output\n";
      exit_code = kExitFailure;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace dyad
