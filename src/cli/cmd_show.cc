// Placeholder until the command lands; replaced by its real implementation.
#include "cli/commands.h"

namespace dyad {

void AddShowCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("show", "(not yet available)");
  cmd->callback([&exit_code] { exit_code = kExitFailure; });
}

}  // namespace dyad
