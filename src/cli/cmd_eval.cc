// dyad eval: precision, recall and F1 of dyad's coding against gold sets.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "eval/evaluate.h"

namespace dyad {

void AddEvalCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "eval",
      "Score dyad's events against gold sets: the seeds' gold.json, TABARI/PETRARCH "
      "validation records (.jsonl with expected events), or sentence<TAB>class files "
      "(ConfliBERT five-way classes). Prints precision, recall and F1 at two levels: "
      "(a) CAMEO root with source and target countries, (b) full code with full actor codes.");
  struct Options {
    std::vector<std::string> gold;
    bool diff = false;
    std::vector<std::string> dictionaries;
    std::string half = "all";
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("gold", opts->gold, "Gold file(s)")->required();
  cmd->add_flag("--diff", opts->diff, "List missed and extra events per record");
  cmd->add_option("--dictionary", opts->dictionaries, "Extra event dictionary file(s)");
  cmd->add_option("--half", opts->half,
                  "Score only one half of the records: 'read' (the half rules may be written "
                  "from) or 'score' (the half that is only scored); default all")
      ->check(CLI::IsMember({"all", "read", "score"}));
  cmd->callback([opts, &exit_code] {
    PipelineOptions po;
    po.dictionary_files = opts->dictionaries;
    Pipeline pipeline(po);
    for (const std::string& g : opts->gold) {
      try {
        EvalHalf half = opts->half == "read"    ? EvalHalf::kRead
                        : opts->half == "score" ? EvalHalf::kScore
                                                : EvalHalf::kAll;
        std::cout << FormatReport(Evaluate(g, pipeline, opts->diff, half));
      } catch (const std::exception& e) {
        std::fprintf(stderr, "dyad eval: %s\n", e.what());
        exit_code = kExitFailure;
      }
    }
  });
}

}  // namespace dyad
