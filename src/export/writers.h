// Event writers for the output formats of `dyad code`, `dyad events` and `dyad export`.
#ifndef DYAD_EXPORT_WRITERS_H_
#define DYAD_EXPORT_WRITERS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "events/event.h"
#include "ingest/article.h"

namespace dyad {

enum class Format {
  kJsonl,   // one EventToJson object per line, with the article's outlet and url
  kCsv,     // header row, then one flat row per event (RFC 4180 quoting)
  kGdelt,   // GDELT 2.0 events: 61 tab-separated columns, no header, FIPS geo codes
  kPlover,  // one PLOVER event JSON object per line (../shared/data/plover schema)
};

// "jsonl", "csv", "gdelt", "plover" -> Format.
std::optional<Format> ParseFormat(std::string_view name);

// Which events an output keeps, by modality and negation. By default what CAMEO codes:
// acts reported as done ("asserted", "reported") and intentions and considerations,
// which the coder writes under their own codes (03x, 014); negated, hypothetical and
// requested events only when asked for.
struct ModalityFilter {
  bool asserted = true;  // also "reported"
  bool intended = true;
  bool considered = true;
  bool hypothetical = false;
  bool requested = false;
  bool negated = false;

  bool Keeps(const Event& e) const;
};

// The value of `--modality`: "all", "default", or a comma-separated list of asserted,
// intended, considered, hypothetical, requested, negated. Nullopt (and `error` set)
// for an unknown word.
std::optional<ModalityFilter> ParseModalityFilter(std::string_view spec, std::string* error);
// The help text of `--modality`, one for every command.
extern const char* const kModalityHelp;

// What a store knows of an event beyond its record.
struct EventContext {
  // The counts of the event's cluster (corroborate/event_cluster.h); an event outside a
  // store, or without a cluster, is one mention in one article of one source.
  int64_t num_mentions = 1, num_sources = 1, num_articles = 1;
  // When the event entered the store ("2024-12-30T10:00:00Z"); "" outside a store
  // (then the GDELT writer uses the time it was made).
  std::string date_added;
};

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  // Writes the event unless the format cannot represent it; true when written.
  // `article` supplies what the record needs beyond the event (url, outlet, published).
  // The modality filter is applied by WriteIfKept, not here.
  virtual bool Write(const Event& event, const Article& article, const EventContext& context) = 0;
  bool Write(const Event& event, const Article& article) {
    return Write(event, article, EventContext{});
  }
  virtual void Finish() {}
};

// Writes events an output keeps and counts what happened to each.
class FilteredEventWriter {
 public:
  FilteredEventWriter(std::unique_ptr<EventWriter> writer, ModalityFilter filter)
      : writer_(std::move(writer)), filter_(filter) {}
  void Write(const Event& e, const Article& a, const EventContext& c = EventContext{});
  void Finish() { writer_->Finish(); }

  int64_t written() const { return written_; }
  int64_t filtered() const { return filtered_; }          // left out by modality/negation
  int64_t unrepresentable() const { return unrepresentable_; }  // the format has no form
  // "N events written[ to DESTINATION]" with what was left out and why, for stderr.
  std::string Summary(std::string_view destination = {}) const;

 private:
  std::unique_ptr<EventWriter> writer_;
  ModalityFilter filter_;
  int64_t written_ = 0, filtered_ = 0, unrepresentable_ = 0;
};

std::unique_ptr<EventWriter> MakeEventWriter(Format format, std::ostream& out);

}  // namespace dyad

#endif  // DYAD_EXPORT_WRITERS_H_
