// dyad articles --db PATH: the stored articles, filtered by outlet, date and text.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/text_cell.h"
#include "export/event_json.h"
#include "store/store.h"

namespace dyad {
namespace {

// The publication date, else its estimate from the text: "~2025" (the text dates the
// article), ">=2008" (published then or later).
std::string PublishedCell(const Article& a) {
  if (!a.published.empty() || a.published_estimate.empty()) return a.published.substr(0, 10);
  return (a.published_estimate.dates_article() ? "~" : ">=") + a.published_estimate.date;
}

}  // namespace

void AddArticlesCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "articles",
      "List the articles in a store (see `dyad ingest`): id, publication date (for an "
      "undated article the date its text implies: ~2025 estimated, >=2008 not before), outlet, "
      "how many sentences and events were coded, and title. Filter by outlet, "
      "publication date and words in the title or text. Use the id with `dyad show`.");
  struct Options {
    std::string db;
    std::string format = "text";
    ArticleFilter filter;
  };
  auto opts = std::make_shared<Options>();
  auto date = CLI::Validator(
      [](std::string& s) { return IsDateBound(s) ? std::string() : "expected YYYY, YYYY-MM or YYYY-MM-DD"; },
      "DATE");
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")
      ->required();
  cmd->add_option("--format", opts->format,
                  "text: one aligned line per article; jsonl: one JSON object per article "
                  "(its fields without the text, plus \"sentences\" and \"events\" counts)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--outlet", opts->filter.outlet, "Only this outlet (case-insensitive)");
  cmd->add_option("--from", opts->filter.from,
                  "Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->check(date);
  cmd->add_option("--to", opts->filter.to,
                  "Only articles published on or before DATE; 2024-12 includes all of December")
      ->check(date);
  cmd->add_option("--search", opts->filter.search,
                  "Only articles whose title or text match: words (all must match, "
                  "\"visit\" also finds \"visited\"), \"quoted phrases\", prefix*, and AND, "
                  "OR, NOT between terms; best matches first");
  cmd->add_option("--limit", opts->filter.limit, "At most N articles")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([opts, &exit_code] {
    auto store = Store::Open(opts->db, {.create = false});
    const bool jsonl = opts->format == "jsonl";
    // The id goes last and whole: it is what `dyad show` takes, and ids can be long.
    if (!jsonl) {
      std::printf("%s %s %5s %6s  %s  %s\n", TextCell("PUBLISHED", 11).c_str(),
                  TextCell("OUTLET", 16).c_str(), "SENTS", "EVENTS", TextCell("TITLE", 60).c_str(),
                  "ID");
    }
    store->ForEachArticle(opts->filter, [&](const ArticleListing& row) {
      const Article& a = row.article;
      if (jsonl) {
        nlohmann::json j = ArticleToJson(a, /*with_text=*/false);
        j["sentences"] = row.num_sentences;
        j["events"] = row.num_events;
        std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        line += '\n';
        std::fwrite(line.data(), 1, line.size(), stdout);
      } else {
        std::printf("%s %s %5lld %6lld  %s  %s\n", TextCell(PublishedCell(a), 11).c_str(),
                    TextCell(a.outlet, 16).c_str(), static_cast<long long>(row.num_sentences),
                    static_cast<long long>(row.num_events), TextCell(a.title, 60).c_str(),
                    a.id.c_str());
      }
    });
    if (std::fflush(stdout) != 0) {
      std::fprintf(stderr, "dyad articles: cannot write the output\n");
      exit_code = kExitFailure;
      return;
    }
    exit_code = kExitOk;
  });
}

}  // namespace dyad
