#include "ingest/plain_text_article.h"

#include <array>
#include <nlohmann/json.hpp>

#include "ingest/byline.h"
#include "ingest/date_normalizer.h"
#include "ingest/dateline.h"
#include "ingest/text_scan.h"
#include "ingest/utf8_repair.h"
#include "util/hash.h"

namespace dyad {
namespace {

using namespace scan;
using Json = nlohmann::json;

constexpr size_t kMaxHeaderLines = 40;
constexpr size_t kMaxHeaderKey = 30;

// Index of the first line at or after pos that is not blank (pos may be mid-line).
size_t SkipBlankLines(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    const size_t end = LineEnd(s, pos);
    if (!IsBlankLine(s.substr(pos, end - pos))) break;
    pos = end < s.size() ? end + 1 : end;
  }
  return pos;
}

enum class HeaderField { kUnknown, kTitle, kPublished, kOutlet, kDistributor, kUrl, kByline,
                         kDateline, kLanguage, kId };

HeaderField FieldForKey(std::string_view key) {
  struct Entry {
    std::string_view key;
    HeaderField field;
  };
  static constexpr std::array<Entry, 23> kKeys = {{
      {"title", HeaderField::kTitle},          {"headline", HeaderField::kTitle},
      {"date", HeaderField::kPublished},       {"published", HeaderField::kPublished},
      {"publication date", HeaderField::kPublished}, {"pubdate", HeaderField::kPublished},
      {"dated", HeaderField::kPublished},      {"source", HeaderField::kOutlet},
      {"outlet", HeaderField::kOutlet},        {"publisher", HeaderField::kOutlet},
      {"publication", HeaderField::kOutlet},   {"agency", HeaderField::kOutlet},
      {"distributor", HeaderField::kDistributor}, {"url", HeaderField::kUrl},
      {"link", HeaderField::kUrl},             {"author", HeaderField::kByline},
      {"authors", HeaderField::kByline},       {"byline", HeaderField::kByline},
      {"by", HeaderField::kByline},            {"dateline", HeaderField::kDateline},
      {"language", HeaderField::kLanguage},    {"lang", HeaderField::kLanguage},
      {"id", HeaderField::kId},
  }};
  for (const Entry& e : kKeys) {
    if (EqualsIgnoreCase(key, e.key)) return e.field;
  }
  return HeaderField::kUnknown;
}

bool IsHeaderKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxHeaderKey || !IsAsciiLetter(key[0])) return false;
  int spaces = 0;
  for (char c : key) {
    if (c == ' ') {
      if (++spaces > 2) return false;
    } else if (!(IsAsciiLetter(c) || IsDigit(c) || c == '-' || c == '_')) {
      return false;
    }
  }
  return key.back() != ' ';
}

std::string LowerKey(std::string_view key) {
  std::string out(key);
  for (char& c : out) c = ToLower(c);
  return out;
}

void SetIfEmpty(std::string* field, std::string_view value) {
  if (field->empty()) *field = std::string(value);
}

// The RFC-822-like block at pos ("Key: value" lines ended by a blank line), applied to
// *a and *meta. Returns where the body starts, or pos when there is no such block.
size_t ParseHeaderBlock(std::string_view s, size_t pos, Article* a, Json* meta) {
  struct Field {
    std::string_view key, value;
  };
  Field fields[kMaxHeaderLines];
  size_t count = 0;
  bool known = false;
  size_t p = pos;
  size_t body = s.size();
  while (true) {
    if (p >= s.size()) break;  // the block runs to the end: no body
    const size_t end = LineEnd(s, p);
    const std::string_view line = s.substr(p, end - p);
    if (IsBlankLine(line)) {
      body = end < s.size() ? end + 1 : end;
      break;
    }
    if (count == kMaxHeaderLines) return pos;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsHeaderKey(line.substr(0, colon))) return pos;
    fields[count] = {line.substr(0, colon), Trim(line.substr(colon + 1))};
    known |= FieldForKey(fields[count].key) != HeaderField::kUnknown;
    ++count;
    p = end < s.size() ? end + 1 : end;
  }
  if (!known) return pos;
  for (size_t i = 0; i < count; ++i) {
    const std::string_view value = fields[i].value;
    switch (FieldForKey(fields[i].key)) {
      case HeaderField::kTitle: SetIfEmpty(&a->title, value); break;
      case HeaderField::kPublished: {
        const std::string iso = NormalizeDate(value);
        if (!iso.empty()) {
          SetIfEmpty(&a->published, iso);
        } else if (!value.empty()) {
          (*meta)[LowerKey(fields[i].key)] = std::string(value);
        }
        break;
      }
      case HeaderField::kOutlet:
        if (a->outlet.empty()) {
          std::string distributor;
          SplitOutletCredit(value, &a->outlet, &distributor);
          SetIfEmpty(&a->distributor, distributor);
        }
        break;
      case HeaderField::kDistributor: SetIfEmpty(&a->distributor, value); break;
      case HeaderField::kUrl: SetIfEmpty(&a->url, value); break;
      case HeaderField::kByline: SetIfEmpty(&a->byline, value); break;
      case HeaderField::kDateline: SetIfEmpty(&a->dateline, value); break;
      case HeaderField::kLanguage: if (!value.empty()) a->language = std::string(value); break;
      case HeaderField::kId: SetIfEmpty(&a->id, value); break;
      case HeaderField::kUnknown: (*meta)[LowerKey(fields[i].key)] = std::string(value); break;
    }
  }
  return body;
}

// Last character of s ends a sentence: . ! ? or a closing quote or bracket.
bool EndsSentence(std::string_view s) {
  s = TrimRight(s);
  if (s.empty()) return false;
  const char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')') return true;
  // ” ’ »
  return (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                            s.substr(s.size() - 3) == "\xE2\x80\x99")) ||
         (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB");
}

}  // namespace

std::optional<DateHeader> ParseDateHeader(std::string_view line) {
  size_t p = 0;
  while (p < line.size() && IsBlank(line[p])) ++p;
  bool keyword = false;
  static constexpr std::array<std::string_view, 6> kKeywords = {
      "dated", "date", "published", "posted", "updated", "publication date"};
  for (std::string_view kw : kKeywords) {
    const std::string_view rest = line.substr(p);
    if (StartsWithIgnoreCase(rest, kw) && rest.size() > kw.size() &&
        (rest[kw.size()] == ' ' || rest[kw.size()] == ':')) {
      p += kw.size();
      if (line[p] == ':') ++p;
      keyword = true;
      break;
    }
  }
  while (p < line.size() && IsBlank(line[p])) ++p;
  DateHeader h;
  const size_t open = line.find('(', p);
  if (open != std::string_view::npos && open - p <= 40) {
    h.published = NormalizeDateStrict(line.substr(p, open - p));
    if (h.published.empty()) return std::nullopt;
    const size_t close = line.find(')', open);
    if (close == std::string_view::npos || close - open > 52) return std::nullopt;
    const std::string_view credit = Trim(line.substr(open + 1, close - open - 1));
    if (credit.empty() || !(IsUpper(credit[0]) || IsNonAscii(credit[0]))) return std::nullopt;
    SplitOutletCredit(credit, &h.outlet, &h.distributor);
    size_t q = close + 1;
    while (q < line.size() && IsBlank(line[q])) ++q;
    // An optional dash after the credit: "(Reuters) - ".
    if (line.compare(q, 3, "\xE2\x80\x94") == 0 || line.compare(q, 3, "\xE2\x80\x93") == 0) {
      q += 3;
    } else if (line.compare(q, 2, "--") == 0) {
      q += 2;
    } else if (q < line.size() && line[q] == '-' && q + 1 < line.size() && line[q + 1] == ' ') {
      q += 1;
    }
    while (q < line.size() && IsBlank(line[q])) ++q;
    h.length = q;
    return h;
  }
  // A line that is only a date (with "Date" or alone and short).
  const std::string_view rest = TrimRight(line.substr(p));
  if (rest.empty() || (!keyword && rest.size() > 40)) return std::nullopt;
  h.published = NormalizeDateStrict(rest);
  if (h.published.empty()) return std::nullopt;
  h.length = line.size();
  return h;
}

Article ParsePlainTextArticle(std::string_view content, std::string_view origin) {
  Article a;
  a.origin = std::string(origin);
  std::string repaired;
  if (FindInvalidUtf8(content)) {
    repaired = RepairUtf8(content);
    content = repaired;
  }
  Json meta = Json::object();
  size_t pos = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // byte order mark
  pos = SkipBlankLines(content, pos);
  pos = ParseHeaderBlock(content, pos, &a, &meta);

  // Top matter, each kind at most once, in any order: date header, "By" line, dateline.
  bool date_done = false;
  bool byline_done = false;
  for (int step = 0; step < 3; ++step) {
    pos = SkipBlankLines(content, pos);
    if (pos >= content.size()) break;
    const size_t line_end = LineEnd(content, pos);
    const std::string_view line = content.substr(pos, line_end - pos);
    if (!date_done) {
      if (std::optional<DateHeader> h = ParseDateHeader(line)) {
        SetIfEmpty(&a.published, h->published);
        SetIfEmpty(&a.outlet, h->outlet);
        SetIfEmpty(&a.distributor, h->distributor);
        pos += h->length;
        date_done = true;
        continue;
      }
    }
    if (!byline_done) {
      if (std::optional<std::string_view> by = ParseLeadingByline(line)) {
        SetIfEmpty(&a.byline, *by);
        pos = line_end;
        byline_done = true;
        continue;
      }
    }
    size_t lead = pos;
    while (lead < line_end && IsBlank(content[lead])) ++lead;
    if (std::optional<Dateline> d = ParseDateline(content.substr(lead))) {
      SetIfEmpty(&a.dateline, d->place);
      if (a.outlet.empty()) {
        a.outlet = d->outlet;
        SetIfEmpty(&a.distributor, d->distributor);
      }
      SetIfEmpty(&a.published, d->published);
      if (!d->day.empty()) meta["dateline_day"] = d->day;
      pos = lead + d->length;
    }
    break;
  }

  // Bottom matter: end marks, then a byline or wire credit.
  size_t end = TrimRight(content).size();
  for (int step = 0; step < 3 && end > pos; ++step) {
    const size_t nl = content.rfind('\n', end - 1);
    const size_t start = (nl == std::string_view::npos || nl < pos) ? pos : nl + 1;
    const std::string_view line = content.substr(start, end - start);
    const std::string_view before = TrimRight(content.substr(pos, start - pos));
    if (IsWireEndMark(line)) {
      end = pos + before.size();
      continue;
    }
    if (a.byline.empty() && start > pos && !before.empty()) {
      if (std::optional<std::string_view> by = ParseTrailingByline(line)) {
        const bool credit = line.find(" by ") != std::string_view::npos;
        if (credit || EndsSentence(before)) {
          a.byline = std::string(*by);
          end = pos + before.size();
          continue;
        }
      }
    }
    break;
  }

  const std::string_view text = TrimLeft(content.substr(pos, end > pos ? end - pos : 0));
  a.text = std::string(text);
  if (a.id.empty()) a.id = HexId(Hash64(a.title + "\n" + a.text));
  if (!meta.empty()) a.metadata_json = meta.dump(-1, ' ', false, Json::error_handler_t::replace);
  return a;
}

}  // namespace dyad
