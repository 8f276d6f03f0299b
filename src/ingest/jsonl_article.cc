#include "ingest/jsonl_article.h"

#include <array>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "ingest/byline.h"
#include "ingest/date_normalizer.h"
#include "ingest/dateline.h"
#include "ingest/text_scan.h"
#include "ingest/utf8_repair.h"
#include "util/hash.h"

namespace dyad {
namespace {

using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 64;
constexpr size_t kMaxMessageBytes = 240;

void Report(const DiagnosticSink& diag, Severity severity, std::string_view where,
            std::string message) {
  if (diag) diag(Diagnostic{severity, std::string(where), std::move(message)});
}

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
// -> "column 5: ...", short and valid UTF-8.
std::string CleanParseError(std::string_view what) {
  const size_t bracket = what.find("] ");
  if (bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
  const size_t at = what.find("at line 1, ");
  if (at != std::string_view::npos) what.remove_prefix(at + 11);
  if (what.size() > kMaxMessageBytes) what = what.substr(0, kMaxMessageBytes);
  return RepairUtf8(what);
}

const char* TypeName(const Json& v) {
  switch (v.type()) {
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

enum class Field { kId, kUrl, kOutlet, kDistributor, kPublished, kTitle, kText, kDateline,
                   kByline, kLanguage, kCount };

// Keys for each field, preferred first: when a record has several, the first wins and
// the others stay in metadata.
struct Alias {
  std::string_view key;
  Field field;
};
constexpr std::array<Alias, 20> kAliases = {{
    {"id", Field::kId},             {"url", Field::kUrl},
    {"outlet", Field::kOutlet},     {"source", Field::kOutlet},
    {"distributor", Field::kDistributor},
    {"published", Field::kPublished}, {"date", Field::kPublished},
    {"publish_date", Field::kPublished}, {"published_at", Field::kPublished},
    {"title", Field::kTitle},       {"headline", Field::kTitle},
    {"text", Field::kText},         {"body", Field::kText},
    {"content", Field::kText},      {"dateline", Field::kDateline},
    {"byline", Field::kByline},     {"author", Field::kByline},
    {"authors", Field::kByline},    {"language", Field::kLanguage},
    {"lang", Field::kLanguage},
}};

bool IsAliasKey(std::string_view key) {
  for (const Alias& alias : kAliases) {
    if (alias.key == key) return true;
  }
  return false;
}

std::optional<std::string> StringValue(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  return std::nullopt;
}

// "author"/"authors": a string or a list of strings.
std::optional<std::string> BylineValue(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_array() || v.empty()) return std::nullopt;
  std::string out;
  for (const Json& e : v) {
    if (!e.is_string()) return std::nullopt;
    if (!out.empty()) out += ", ";
    out += e.get<std::string>();
  }
  return out;
}

// Removes trailing wire end marks ("Reuter") from text.
void StripEndMarks(std::string* text) {
  for (int step = 0; step < 2; ++step) {
    const std::string_view trimmed = scan::TrimRight(*text);
    const size_t nl = trimmed.rfind('\n');
    if (nl == std::string_view::npos) return;
    if (!IsWireEndMark(trimmed.substr(nl + 1))) return;
    text->resize(scan::TrimRight(trimmed.substr(0, nl)).size());
  }
}

}  // namespace

bool JsonNestingWithin(std::string_view json, int max_depth) {
  const char* s = json.data();
  const size_t n = json.size();
  int depth = 0;
  size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (c == '"') {
      // Jump to the closing quote (one not escaped by an odd run of backslashes):
      // most bytes of a record are inside strings.
      size_t from = i + 1;
      while (true) {
        const void* q = std::memchr(s + from, '"', n - from);
        if (q == nullptr) return true;  // unterminated: the parser reports it
        const size_t k = static_cast<size_t>(static_cast<const char*>(q) - s);
        size_t b = k;
        while (b > from && s[b - 1] == '\\') --b;
        from = k + 1;
        if ((k - b) % 2 == 0) break;
      }
      i = from;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
    ++i;
  }
  return true;
}

std::optional<Article> ArticleFromJson(Json& value, std::string_view origin,
                                       const DiagnosticSink& diag,
                                       std::string* unrecognised_date) {
  if (!value.is_object()) {
    Report(diag, Severity::kError, origin,
           std::string("expected a JSON object, found ") + TypeName(value) + "; record skipped");
    return std::nullopt;
  }
  // Pick the value of each field (first alias present wins; null counts as absent).
  std::array<Json*, static_cast<size_t>(Field::kCount)> chosen{};
  std::array<std::string_view, static_cast<size_t>(Field::kCount)> chosen_key{};
  for (const Alias& alias : kAliases) {
    const size_t f = static_cast<size_t>(alias.field);
    if (chosen[f] != nullptr) continue;
    auto it = value.find(alias.key);
    if (it == value.end() || it->is_null()) continue;
    chosen[f] = &*it;
    chosen_key[f] = alias.key;
  }
  Json* text_value = chosen[static_cast<size_t>(Field::kText)];
  if (text_value == nullptr) {
    Report(diag, Severity::kError, origin, "record has no \"text\" (or \"body\", \"content\"); skipped");
    return std::nullopt;
  }
  if (!text_value->is_string()) {
    std::string message(1, '"');  // built by appends: GCC 12 -O3 warns (-Wrestrict) on "\"" + ...
    message.append(chosen_key[static_cast<size_t>(Field::kText)]);
    message.append("\" is ").append(TypeName(*text_value)).append(", not a string; record skipped");
    Report(diag, Severity::kError, origin, message);
    return std::nullopt;
  }
  if (scan::Trim(text_value->get_ref<const std::string&>()).empty()) {
    Report(diag, Severity::kError, origin, "record has an empty text; skipped");
    return std::nullopt;
  }

  Article a;
  a.origin = std::string(origin);
  Json meta = Json::object();
  // Keys used for a field; the rest go to metadata.
  auto used = [&](std::string_view key) {
    for (size_t f = 0; f < chosen.size(); ++f) {
      if (chosen[f] != nullptr && chosen_key[f] == key) return true;
    }
    return false;
  };
  for (size_t f = 0; f < chosen.size(); ++f) {
    Json* v = chosen[f];
    if (v == nullptr) continue;
    const std::string key(chosen_key[f]);
    bool taken = true;
    switch (static_cast<Field>(f)) {
      case Field::kId:
        if (v->is_string()) {
          a.id = v->get<std::string>();
        } else if (v->is_number() && std::isfinite(v->get<double>())) {
          a.id = v->dump();
        } else {
          taken = false;
        }
        break;
      case Field::kOutlet:
        if (v->is_object() && v->contains("name") && (*v)["name"].is_string()) {
          a.outlet = (*v)["name"].get<std::string>();
          taken = v->size() == 1;  // keep {"id":..,"name":..} whole in metadata
        } else if (auto s = StringValue(*v)) {
          a.outlet = *s;
        } else {
          taken = false;
        }
        break;
      case Field::kPublished: {
        std::optional<std::string> s = StringValue(*v);
        const std::string iso = s ? NormalizeDate(*s) : "";
        if (!iso.empty()) {
          a.published = iso;
        } else {
          taken = false;
          const std::string raw = s ? *s : v->dump();
          if (!raw.empty()) {
            if (unrecognised_date != nullptr) {
              if (unrecognised_date->empty()) *unrecognised_date = raw;
            } else {
              Report(diag, Severity::kWarning, origin,
                     "date \"" + RepairUtf8(raw.substr(0, 80)) +
                         "\" not recognised; kept in metadata as \"" + key + "\"");
            }
          }
        }
        break;
      }
      case Field::kByline:
        if (auto s = BylineValue(*v)) {
          a.byline = *s;
        } else {
          taken = false;
        }
        break;
      case Field::kText:
        a.text = std::move(v->get_ref<std::string&>());
        break;
      default: {
        std::optional<std::string> s = StringValue(*v);
        if (!s) {
          taken = false;
          break;
        }
        switch (static_cast<Field>(f)) {
          case Field::kUrl: a.url = std::move(*s); break;
          case Field::kDistributor: a.distributor = std::move(*s); break;
          case Field::kTitle: a.title = std::move(*s); break;
          case Field::kDateline: a.dateline = std::move(*s); break;
          case Field::kLanguage: if (!s->empty()) a.language = std::move(*s); break;
          default: break;
        }
      }
    }
    if (!taken) meta[key] = std::move(*v);
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (used(it.key())) continue;
    if (it->is_null() && IsAliasKey(it.key())) continue;  // "title": null is no title
    meta[it.key()] = std::move(*it);
  }

  if (a.dateline.empty()) {
    if (std::optional<Dateline> d = ParseDateline(a.text)) {
      a.dateline = d->place;
      if (a.outlet.empty()) {
        a.outlet = d->outlet;
        if (a.distributor.empty()) a.distributor = d->distributor;
      }
      if (a.published.empty()) a.published = d->published;
      if (!d->day.empty() && !meta.contains("dateline_day")) meta["dateline_day"] = d->day;
      a.text.erase(0, d->length);
    }
  }
  StripEndMarks(&a.text);
  if (scan::Trim(a.text).empty()) {
    Report(diag, Severity::kError, origin, "record has no text besides its dateline; skipped");
    return std::nullopt;
  }
  if (a.id.empty()) a.id = HexId(Hash64(a.title + "\n" + a.text));
  if (!meta.empty()) a.metadata_json = meta.dump(-1, ' ', false, Json::error_handler_t::replace);
  return a;
}

std::optional<Article> ParseJsonLine(std::string_view line, std::string_view origin,
                                     const DiagnosticSink& diag,
                                     std::string* unrecognised_date) {
  std::string repaired;
  if (std::optional<size_t> bad = FindInvalidUtf8(line)) {
    size_t count = 0;
    repaired = RepairUtf8(line, &count);
    line = repaired;
    Report(diag, Severity::kWarning, origin,
           "invalid UTF-8 (first at byte " + std::to_string(*bad + 1) + ", " +
               std::to_string(count) + " sequence(s)) replaced by U+FFFD");
  }
  if (!JsonNestingWithin(line, kMaxJsonDepth)) {
    Report(diag, Severity::kError, origin,
           "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels; line skipped");
    return std::nullopt;
  }
  Json value;
  try {
    value = Json::parse(line.begin(), line.end());
  } catch (const Json::exception& e) {
    Report(diag, Severity::kError, origin, "malformed JSON (" + CleanParseError(e.what()) +
                                               "); line skipped");
    return std::nullopt;
  }
  return ArticleFromJson(value, origin, diag, unrecognised_date);
}

}  // namespace dyad
