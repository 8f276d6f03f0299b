// dyad show --db PATH ID: one stored article, its sentences and under each its events.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "events/ontology.h"
#include "store/store.h"
#include "store/store_json.h"

namespace dyad {
namespace {

// A sentence on one line: line breaks of the source text become spaces.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

std::string ActorText(const EventActor& a) {
  if (a.empty()) return "-";
  std::string s = a.code;
  if (!a.entity.empty()) {
    s += " (" + a.entity + ")";
  } else if (!a.text.empty()) {
    s += " (\"" + OneLine(a.text) + "\")";
  }
  return s;
}

void PrintText(const StoredArticle& s, std::ostream& out) {
  const Article& a = s.article;
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out << "  " << name << std::string(12 - std::string_view(name).size(), ' ') << value << '\n';
  };
  out << "article " << a.id << '\n';
  field("title", a.title);
  field("outlet", a.outlet);
  field("distributor", a.distributor);
  field("published", a.published);
  if (a.published.empty() && !a.published_estimate.empty()) {
    const PublicationEstimate& e = a.published_estimate;
    // "estimated   2025 (year, elapsed: "dates back 33 years to 1992"); not before 2008 ("in 2008")"
    std::string v = e.date + " (" + e.precision + ", " +
                    (e.dates_article() ? "elapsed time" : "not before: the latest date named") +
                    ": \"" + OneLine(e.evidence) + "\")";
    if (e.dates_article() && !e.not_before.empty())
      v += "; not before " + e.not_before + " (\"" + OneLine(e.not_before_evidence) + "\")";
    field("estimated", v);
  }
  field("dateline", a.dateline);
  field("byline", a.byline);
  field("url", a.url);
  field("language", a.language);
  field("origin", a.origin);
  if (a.metadata_json != "{}") field("metadata", a.metadata_json);
  out << "  " << s.sentences.size() << " sentences, " << s.events.size() << " events\n";

  size_t next_event = 0;
  for (size_t i = 0; i < s.sentences.size(); ++i) {
    out << "\n[" << i << "] " << OneLine(SentenceText(s, s.sentences[i])) << '\n';
    for (; next_event < s.events.size() && s.events[next_event].sentence <= i; ++next_event) {
      const Event& e = s.events[next_event];
      const CameoCode* code = Ontology::Default().Find(e.cameo);
      out << "    " << (e.negated ? "NOT " : "") << e.cameo;
      if (code != nullptr) out << ' ' << code->name;
      out << ": " << ActorText(e.source) << " -> " << ActorText(e.target) << '\n';
      out << "      date " << (e.date.empty() ? "unknown" : e.date);
      if (!e.date_basis.empty()) out << " (" << e.date_basis << ")";
      out << ", goldstein " << e.goldstein << ", quad class " << e.quad_class;
      if (!e.plover_type.empty()) {
        out << ", PLOVER " << e.plover_type << (e.plover_mode.empty() ? "" : "/" + e.plover_mode);
      }
      if (e.modality != "asserted" && !e.modality.empty()) out << ", " << e.modality;
      if (!e.location.empty()) out << ", at " << e.location.name;
      if (!e.cluster_id.empty()) out << ", cluster " << e.cluster_id;
      out << '\n';
      if (!e.pattern.empty()) out << "      pattern \"" << e.pattern << "\"\n";
    }
  }
  // Events whose sentence index lies beyond the stored sentences (should not happen).
  for (; next_event < s.events.size(); ++next_event) {
    out << "\n[" << s.events[next_event].sentence << "] (sentence not stored) "
        << s.events[next_event].cameo << '\n';
  }
}

}  // namespace

void AddShowCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "show",
      "Show one stored article: its metadata, then its sentences numbered as in event "
      "records, each followed by the events coded from it (code and name, source -> "
      "target, date, Goldstein score, PLOVER type, the pattern that fired). ID may be "
      "abbreviated to any unique prefix.");
  struct Options {
    std::string db;
    std::string id;
    std::string format = "text";
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")
      ->required();
  cmd->add_option("id", opts->id, "The article id (see `dyad articles`)")->required();
  cmd->add_option("--format", opts->format,
                  "text: for reading; json: one object {\"article\", \"sentences\": [{\"index\", "
                  "\"span\", \"text\", \"events\"}]}")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([opts, &exit_code] {
    auto store = Store::Open(opts->db, {.create = false});
    std::optional<StoredArticle> article = store->GetArticle(opts->id);
    if (!article) {
      std::vector<std::string> ids = store->ArticleIdsWithPrefix(opts->id, 6);
      if (ids.size() == 1) {
        article = store->GetArticle(ids[0]);
      } else if (ids.empty()) {
        std::fprintf(stderr, "dyad show: no article with id %s in %s\n", opts->id.c_str(),
                     opts->db.c_str());
        exit_code = kExitUsage;
        return;
      } else {
        std::string list;
        for (size_t i = 0; i < ids.size() && i < 5; ++i) list += "\n  " + ids[i];
        if (ids.size() > 5) list += "\n  ...";
        std::fprintf(stderr, "dyad show: %s names more than one article:%s\n", opts->id.c_str(),
                     list.c_str());
        exit_code = kExitUsage;
        return;
      }
    }
    std::ios::sync_with_stdio(false);
    if (opts->format == "json") {
      std::cout << StoredArticleToJson(*article).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    } else {
      PrintText(*article, std::cout);
    }
    std::cout.flush();
    exit_code = std::cout ? kExitOk : kExitFailure;
  });
}

}  // namespace dyad
