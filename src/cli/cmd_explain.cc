// dyad explain "SENTENCE": every layer the pipeline adds to a piece of text, and why
// each event was or was not coded (the report: pipeline/explain_report.h).
#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "pipeline/explain_report.h"
#include "pipeline/pipeline.h"

namespace dyad {

void AddExplainCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "explain",
      "Show how dyad reads a sentence or article: sentences, tokens with lemmas and tags, "
      "the actors found and how each was resolved, the patterns tried, and why an event "
      "was or was not coded.");
  struct Options {
    std::string text;
    std::string file;
    std::vector<std::string> dictionaries;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("text", opts->text, "The sentence(s) to explain");
  cmd->add_option("--file", opts->file, "Explain the (first) article of this file instead");
  cmd->add_option("--dictionary", opts->dictionaries, "Extra event dictionary file(s)");
  cmd->callback([opts, &exit_code] {
    PipelineOptions po;
    po.dictionary_files = opts->dictionaries;
    Pipeline pipeline(po);
    if (opts->file.empty() && opts->text.empty()) {
      std::fprintf(stderr, "dyad explain: give a sentence in quotes or --file PATH\n");
      exit_code = kExitUsage;
      return;
    }
    if (opts->file.empty()) {
      WriteExplainReport(pipeline, opts->text, std::cout);
      return;
    }
    Article article;
    bool got = false;
    StderrDiagnostics diagnostics;
    ReadArticles({opts->file}, [&](Article&& a) {
      if (!got) { article = std::move(a); got = true; }
    }, diagnostics.sink());
    if (!got) {
      std::fprintf(stderr, "dyad explain: no article in %s\n", opts->file.c_str());
      exit_code = kExitFailure;
      return;
    }
    WriteExplainReport(pipeline, std::move(article), std::cout);
  });
}

}  // namespace dyad
