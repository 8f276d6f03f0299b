// The dyad subcommands. Each lives in its own cmd_*.cc and adds itself to the app;
// its callback runs the command and stores the process exit code.
//
// Exit codes (documented in README.md):
//   0  success
//   1  finished, but some input was malformed and skipped (see stderr)
//   2  usage error (bad flags or arguments)
//   3  could not run at all (unreadable store, missing file, I/O error)
#ifndef DYAD_CLI_COMMANDS_H_
#define DYAD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace dyad {

enum ExitCode { kExitOk = 0, kExitBadInput = 1, kExitUsage = 2, kExitFailure = 3 };

void AddCodeCommand(CLI::App& app, int& exit_code);      // cmd_code.cc
void AddExplainCommand(CLI::App& app, int& exit_code);   // cmd_explain.cc
void AddEvalCommand(CLI::App& app, int& exit_code);      // cmd_eval.cc
void AddIngestCommand(CLI::App& app, int& exit_code);    // cmd_ingest.cc
void AddArticlesCommand(CLI::App& app, int& exit_code);  // cmd_articles.cc
void AddEventsCommand(CLI::App& app, int& exit_code);    // cmd_events.cc
void AddShowCommand(CLI::App& app, int& exit_code);      // cmd_show.cc
void AddExportCommand(CLI::App& app, int& exit_code);    // cmd_export.cc
void AddActorsCommand(CLI::App& app, int& exit_code);    // cmd_actors.cc
void AddRelationsCommand(CLI::App& app, int& exit_code); // cmd_relations.cc
void AddParseCommand(CLI::App& app, int& exit_code);     // cmd_parse.cc
void AddServeCommand(CLI::App& app, int& exit_code);     // cmd_serve.cc

}  // namespace dyad

#endif  // DYAD_CLI_COMMANDS_H_
