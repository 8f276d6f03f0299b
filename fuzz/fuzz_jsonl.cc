// Fuzzes the JSON Lines parser over each line of the input. Every line either gives an
// article that keeps the contract (non-empty valid UTF-8 text, an id, metadata that is
// a JSON object) or is reported: a rejected line without a message is a bug.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ingest/jsonl_article.h"
#include "ingest/utf8_repair.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t line_number = 0;
  while (!input.empty()) {
    const size_t nl = input.find('\n');
    const std::string_view line = input.substr(0, nl);
    input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    ++line_number;
    const std::string origin = "fuzz.jsonl:" + std::to_string(line_number);
    size_t errors = 0;
    const dyad::DiagnosticSink diag = [&](const dyad::Diagnostic& d) {
      Check(d.where == origin);
      Check(!d.message.empty());
      Check(!dyad::FindInvalidUtf8(d.message).has_value());
      errors += d.severity == dyad::Severity::kError;
    };
    std::string bad_date;
    const std::optional<dyad::Article> a =
        dyad::ParseJsonLine(line, origin, diag, line_number % 2 ? &bad_date : nullptr);
    if (!a) {
      Check(errors == 1);
      continue;
    }
    Check(errors == 0);
    Check(!a->text.empty());
    Check(!a->id.empty());
    Check(a->origin == origin);
    Check(!dyad::FindInvalidUtf8(a->text).has_value());
    Check(!dyad::FindInvalidUtf8(a->title).has_value());
    Check(nlohmann::json::parse(a->metadata_json, nullptr, false).is_object());
  }
  return 0;
}
