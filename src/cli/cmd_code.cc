// dyad code: articles in, events out. A stateless stream filter: no store, no state
// across articles, so it runs under any batch or distributed runner.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/event_output.h"
#include "export/writers.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "util/diagnostics.h"

namespace dyad {

void AddCodeCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "code",
      "Code articles into events and write them to stdout (no store). Reads plain-text "
      "articles, JSON Lines, directories, .gz/.zst files, or stdin when no PATH is given.");
  struct Options {
    std::string format = "jsonl";
    std::vector<std::string> paths;
    std::vector<std::string> dictionaries;
    std::string modality;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--format,-f", opts->format, "Output format: jsonl, csv, gdelt or plover")
      ->capture_default_str();
  cmd->add_option("--dictionary", opts->dictionaries,
                  "Extra event dictionary file(s) in dyad's format (data/events/FORMAT.md)");
  cmd->add_option("paths", opts->paths, "Files or directories to read ('-' or none: stdin)");
  AddModalityOption(cmd, &opts->modality);
  cmd->callback([opts, &exit_code] {
    std::optional<ModalityFilter> modality = ModalityFilterOrReport(opts->modality, "code");
    if (!modality) {
      exit_code = kExitUsage;
      return;
    }
    std::optional<Format> format = ParseFormat(opts->format);
    if (!format) {
      std::fprintf(stderr, "dyad code: unknown format '%s' (jsonl, csv, gdelt, plover)\n",
                   opts->format.c_str());
      exit_code = kExitUsage;
      return;
    }
    PipelineOptions po;
    po.dictionary_files = opts->dictionaries;
    Pipeline pipeline(po);
    std::ios::sync_with_stdio(false);
    FilteredEventWriter writer(MakeEventWriter(*format, std::cout), *modality);
    StderrDiagnostics diagnostics;
    std::vector<std::string> paths = opts->paths.empty() ? std::vector<std::string>{"-"} : opts->paths;
    CodedArticle coded;
    ReadStats stats = ReadArticles(
        paths,
        [&](Article&& article) {
          coded.article = std::move(article);
          pipeline.Run(&coded);
          for (const Event& e : coded.events) writer.Write(e, coded.article);
        },
        diagnostics.sink());
    writer.Finish();
    std::cout.flush();
    if (stats.skipped > 0 || diagnostics.errors() > 0) exit_code = kExitBadInput;
  });
}

}  // namespace dyad
