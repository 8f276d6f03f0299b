// Placeholder until the command lands; replaced by its real implementation.
#include "cli/commands.h"

namespace dyad {

void AddEventsCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("events", "(not yet available)");
  cmd->callback([&exit_code] { exit_code = kExitFailure; });
}

}  // namespace dyad
