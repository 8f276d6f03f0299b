// Event writers for the output formats of `dyad code`, `dyad events` and `dyad export`.
#ifndef DYAD_EXPORT_WRITERS_H_
#define DYAD_EXPORT_WRITERS_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "events/event.h"
#include "ingest/article.h"

namespace dyad {

enum class Format {
  kJsonl,   // one EventToJson object per line
  kCsv,     // header row, then one flat row per event (RFC 4180 quoting)
  kGdelt,   // GDELT 2.0 events: 61 tab-separated columns, no header, FIPS geo codes
  kPlover,  // one PLOVER event JSON object per line (../shared/data/plover schema)
};

// "jsonl", "csv", "gdelt", "plover" -> Format.
std::optional<Format> ParseFormat(std::string_view name);

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  // `article` supplies what the record needs beyond the event (url, outlet, published).
  virtual void Write(const Event& event, const Article& article) = 0;
  virtual void Finish() {}
};

std::unique_ptr<EventWriter> MakeEventWriter(Format format, std::ostream& out);

}  // namespace dyad

#endif  // DYAD_EXPORT_WRITERS_H_
