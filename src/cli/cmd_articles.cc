// Placeholder until the command lands; replaced by its real implementation.
#include "cli/commands.h"

namespace dyad {

void AddArticlesCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("articles", "(not yet available)");
  cmd->callback([&exit_code] { exit_code = kExitFailure; });
}

}  // namespace dyad
