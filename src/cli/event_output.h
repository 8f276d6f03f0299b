// What `dyad code`, `dyad events` and `dyad export` share when they write events in an
// export format: the `--modality` option, the modality filter in front of the writer,
// and, for stored events, each event's article and store context (cluster counts, when
// it entered the store).
#ifndef DYAD_CLI_EVENT_OUTPUT_H_
#define DYAD_CLI_EVENT_OUTPUT_H_

#include <optional>
#include <string>
#include <unordered_map>

#include <CLI/CLI.hpp>

#include "export/writers.h"
#include "store/store.h"

namespace dyad {

// Adds `--modality SPEC` (writers.h kModalityHelp) to `cmd`, kept in `spec`.
void AddModalityOption(CLI::App* cmd, std::string* spec);

// The filter of `spec`; nullopt after printing "dyad COMMAND: --modality: ..." to stderr.
std::optional<ModalityFilter> ModalityFilterOrReport(const std::string& spec,
                                                     const char* command);

// Writes stored events: looks up each one's article (a small cache: the events of one
// article come together) and its EventContext.
class StoredEventOutput {
 public:
  StoredEventOutput(Store& store, FilteredEventWriter& writer) : store_(store), writer_(writer) {}
  void Write(const Event& e);

 private:
  static constexpr size_t kMaxEntries = 256;
  const Article& GetArticle(const std::string& id);

  Store& store_;
  FilteredEventWriter& writer_;
  std::unordered_map<std::string, Article> articles_;
};

}  // namespace dyad

#endif  // DYAD_CLI_EVENT_OUTPUT_H_
