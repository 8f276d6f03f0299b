#include "cli/event_output.h"

#include <cstdio>

namespace dyad {

void AddModalityOption(CLI::App* cmd, std::string* spec) {
  cmd->add_option("--modality", *spec, kModalityHelp)->type_name("LIST");
}

std::optional<ModalityFilter> ModalityFilterOrReport(const std::string& spec,
                                                     const char* command) {
  std::string error;
  std::optional<ModalityFilter> f = ParseModalityFilter(spec, &error);
  if (!f) std::fprintf(stderr, "dyad %s: --modality: %s\n", command, error.c_str());
  return f;
}

const Article& StoredEventOutput::GetArticle(const std::string& id) {
  auto it = articles_.find(id);
  if (it != articles_.end()) return it->second;
  if (articles_.size() >= kMaxEntries) articles_.clear();
  std::optional<Article> a = store_.GetArticleRecord(id);
  Article& slot = articles_[id];
  if (a) slot = std::move(*a);
  slot.id = id;  // an event without its article cannot happen (foreign key)
  return slot;
}

void StoredEventOutput::Write(const Event& e) {
  writer_.Write(e, GetArticle(e.article_id), store_.GetEventContext(e));
}

}  // namespace dyad
