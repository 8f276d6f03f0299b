// dyad actors --db PATH [QUERY]: the store's entity registry, the people named across
// articles, listed or searched by name (any spelling) or actor code.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "actors/entity_registry.h"
#include "cli/commands.h"
#include "cli/text_cell.h"
#include "store/store.h"
#include "store/store_json.h"

namespace dyad {
namespace {

// The aliases other than the canonical name, "; "-separated.
std::string OtherNames(const Entity& e) {
  std::string s;
  for (const EntityAlias& a : e.aliases) {
    if (a.alias == e.name) continue;
    if (!s.empty()) s += "; ";
    s += a.alias;
  }
  return s;
}

}  // namespace

void AddActorsCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "actors",
      "List or search the entity registry of a store (see `dyad ingest`): the people the "
      "articles name, one entry per person however the outlets spelled the name "
      "(\"Asaad al-Shaibani\", \"Assad Hassan Al-Shibani\"), with the current actor code, "
      "the other spellings seen, the first and last publication date and the number of "
      "articles. QUERY finds entries by name or alias, tolerant of transliteration "
      "(\"Shibani\" finds al-Shaibani), or by actor code prefix in capitals (\"SYRGOV\", "
      "\"AZE\"); best matches first. Without QUERY, all entries, most articles first.");
  struct Options {
    std::string db;
    std::string query;
    std::string format = "text";
    int64_t limit = -1;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")
      ->required();
  cmd->add_option("query", opts->query, "A name, part of a name, or an actor code prefix");
  cmd->add_option("--format", opts->format,
                  "text: one aligned line per entity; jsonl: one JSON object per entity "
                  "(id, name, code, country, title, aliases, codes with dates, first_seen, "
                  "last_seen, articles, mentions, user_defined)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--limit", opts->limit, "At most N entities")->check(CLI::NonNegativeNumber);
  cmd->callback([opts, &exit_code] {
    auto store = Store::Open(opts->db, {.create = false});
    const EntityRegistry& registry = store->Entities();
    const bool jsonl = opts->format == "jsonl";
    if (!jsonl) {
      std::printf("%s  %s %5s  %s  %s  %s\n", TextCell("NAME", 28).c_str(), TextCell("CODE", 12).c_str(),
                  "ARTS", TextCell("FIRST", 10).c_str(), TextCell("LAST", 10).c_str(), "ALIASES");
    }
    int64_t n = 0;
    for (size_t i : registry.Search(opts->query)) {
      if (opts->limit >= 0 && n >= opts->limit) break;
      ++n;
      const Entity& e = registry.entities()[i];
      if (jsonl) {
        std::string line = EntityToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stdout);
      } else {
        std::printf("%s  %s %5lld  %s  %s  %s\n", TextCell(e.name, 28).c_str(),
                    TextCell(e.CodeAt(), 12).c_str(), static_cast<long long>(e.num_articles),
                    TextCell(e.first_seen.empty() ? "-" : e.first_seen, 10).c_str(),
                    TextCell(e.last_seen.empty() ? "-" : e.last_seen, 10).c_str(),
                    TextCell(OtherNames(e), 200, false).c_str());
      }
    }
    if (std::fflush(stdout) != 0) {
      std::fprintf(stderr, "dyad actors: cannot write the output\n");
      exit_code = kExitFailure;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace dyad
