// Placeholder until the command lands; replaced by its real implementation.
#include "cli/commands.h"

namespace dyad {

void AddExportCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "(not yet available)");
  cmd->callback([&exit_code] { exit_code = kExitFailure; });
}

}  // namespace dyad
