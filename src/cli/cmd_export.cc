// dyad export --db PATH --format F: every stored event, streamed in stored order.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/event_output.h"
#include "export/writers.h"
#include "store/store.h"

namespace dyad {

void AddExportCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "export",
      "Write every event of a store in an exchange format, in the order they were "
      "stored (article by article). Streams: the store may be larger than memory. "
      "For a filtered selection use `dyad events --format ...`.");
  struct Options {
    std::string db;
    std::string format;
    std::string output;
    std::string modality;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")
      ->required();
  cmd->add_option("--format", opts->format,
                  "jsonl: one JSON record per event; csv: a header row and one row per "
                  "event; gdelt: GDELT 2.0 event rows (61 tab-separated columns, FIPS "
                  "country codes); plover: one PLOVER event record per line")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt", "plover"}));
  cmd->add_option("--output,-o", opts->output, "Write to FILE instead of standard output");
  AddModalityOption(cmd, &opts->modality);
  cmd->callback([opts, &exit_code] {
    std::optional<ModalityFilter> modality = ModalityFilterOrReport(opts->modality, "export");
    if (!modality) {
      exit_code = kExitUsage;
      return;
    }
    auto store = Store::Open(opts->db, {.create = false});

    std::ios::sync_with_stdio(false);
    std::ofstream file;
    std::vector<char> buffer(size_t{1} << 20);
    if (!opts->output.empty()) {
      file.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      file.open(opts->output, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::fprintf(stderr, "dyad export: cannot write %s\n", opts->output.c_str());
        exit_code = kExitFailure;
        return;
      }
    }
    std::ostream& out = opts->output.empty() ? std::cout : file;
    FilteredEventWriter writer(MakeEventWriter(*ParseFormat(opts->format), out), *modality);
    StoredEventOutput output(*store, writer);
    // Stored order keeps an article's events together.
    EventFilter all;
    all.order = EventFilter::Order::kStored;
    store->ForEachEvent(all, [&](const Event& e) { output.Write(e); });
    writer.Finish();
    out.flush();
    if (!out) {
      std::fprintf(stderr, "dyad export: cannot write %s\n",
                   opts->output.empty() ? "the output" : opts->output.c_str());
      exit_code = kExitFailure;
      return;
    }
    if (file.is_open()) file.close();
    std::fprintf(stderr, "dyad export: %s\n", writer.Summary(opts->output).c_str());
    exit_code = kExitOk;
  });
}

}  // namespace dyad
