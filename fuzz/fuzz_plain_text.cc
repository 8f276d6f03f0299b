// Fuzzes the plain-text article parser and the header, dateline, byline and date
// parsers under it. Checks the contract, not just the absence of crashes: the text to
// code is valid UTF-8 and a slice of the (repaired) input, the id is set, and the
// metadata is a JSON object.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ingest/byline.h"
#include "ingest/date_normalizer.h"
#include "ingest/dateline.h"
#include "ingest/plain_text_article.h"
#include "ingest/utf8_repair.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool IsIsoDateOrEmpty(const std::string& s) {
  return s.empty() || (s.size() == 10 && s[4] == '-' && s[7] == '-');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const dyad::Article a = dyad::ParsePlainTextArticle(input, "fuzz.txt");
  Check(!dyad::FindInvalidUtf8(a.text).has_value());
  Check(dyad::RepairUtf8(input).find(a.text) != std::string::npos);
  Check(!a.id.empty());
  Check(a.origin == "fuzz.txt");
  Check(IsIsoDateOrEmpty(a.published));
  const nlohmann::json meta = nlohmann::json::parse(a.metadata_json, nullptr, false);
  Check(meta.is_object());

  // The pieces on their own, on the raw (possibly invalid) bytes.
  Check(IsIsoDateOrEmpty(dyad::NormalizeDate(input)));
  Check(IsIsoDateOrEmpty(dyad::NormalizeDateStrict(input)));
  (void)dyad::ParseMonthDay(input);
  if (std::optional<dyad::Dateline> d = dyad::ParseDateline(input)) Check(d->length <= size);
  if (std::optional<dyad::DateHeader> h = dyad::ParseDateHeader(input)) Check(h->length <= size);
  (void)dyad::ParseLeadingByline(input);
  (void)dyad::ParseTrailingByline(input);
  return 0;
}
