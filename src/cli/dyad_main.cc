// dyad: political event data from news text. See README.md.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"dyad: turns news articles into political event data (CAMEO, PLOVER)", "dyad"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  int exit_code = dyad::kExitOk;
  dyad::AddCodeCommand(app, exit_code);
  dyad::AddExplainCommand(app, exit_code);
  dyad::AddParseCommand(app, exit_code);
  dyad::AddEvalCommand(app, exit_code);
  dyad::AddIngestCommand(app, exit_code);
  dyad::AddArticlesCommand(app, exit_code);
  dyad::AddEventsCommand(app, exit_code);
  dyad::AddShowCommand(app, exit_code);
  dyad::AddExportCommand(app, exit_code);
  dyad::AddActorsCommand(app, exit_code);
  dyad::AddRelationsCommand(app, exit_code);
  dyad::AddServeCommand(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? dyad::kExitOk : dyad::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dyad: error: %s\n", e.what());
    return dyad::kExitFailure;
  }
  return exit_code;
}
