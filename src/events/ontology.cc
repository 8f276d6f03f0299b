#include "events/ontology.h"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>
#include <system_error>

#include "util/embedded_data.h"

namespace dyad {
namespace {

constexpr std::string_view kDefaultTable = "cameo/cameo_codes.tsv";

[[noreturn]] void Fail(std::string_view origin, size_t line, const std::string& message) {
  throw std::runtime_error(std::string(origin) + ":" + std::to_string(line) + ": " + message);
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// "-" marks an empty column in the table (a trailing empty field is easy to lose).
std::string Optional(std::string_view field) {
  return field == "-" ? std::string() : std::string(field);
}

}  // namespace

Ontology Ontology::Parse(std::string_view tsv, std::string_view origin) {
  Ontology o;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    std::string_view f[8];
    size_t n = 0;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      if (n == 8) Fail(origin, line_no, "too many columns (expected 6 or 7)");
      f[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (n < 6) {
      Fail(origin, line_no,
           "expected 6 or 7 tab-separated columns (code, name, goldstein, quad_class, "
           "plover_type, plover_mode[, plover_contexts]), got " + std::to_string(n));
    }
    if (n > 7) Fail(origin, line_no, "too many columns (expected 6 or 7)");

    CameoCode c;
    if (f[0].size() < 2 || f[0].size() > 4 || !IsDigits(f[0])) {
      Fail(origin, line_no, "bad CAMEO code '" + std::string(f[0]) + "' (2-4 digits)");
    }
    int root = (f[0][0] - '0') * 10 + (f[0][1] - '0');
    if (root < 1 || root > 20) {
      Fail(origin, line_no, "CAMEO code '" + std::string(f[0]) + "' has no root 01..20");
    }
    c.code = std::string(f[0]);
    if (f[1].empty()) Fail(origin, line_no, "empty name for " + c.code);
    c.name = std::string(f[1]);

    const char* gb = f[2].data();
    const char* ge = gb + f[2].size();
    auto [gp, gerr] = std::from_chars(gb, ge, c.goldstein);
    if (gerr != std::errc() || gp != ge || f[2].empty() || !std::isfinite(c.goldstein) ||
        c.goldstein < -10 || c.goldstein > 10) {
      Fail(origin, line_no, "bad Goldstein value '" + std::string(f[2]) + "' (-10..10)");
    }
    if (f[3].size() != 1 || f[3][0] < '1' || f[3][0] > '4') {
      Fail(origin, line_no, "bad quad class '" + std::string(f[3]) + "' (1..4)");
    }
    c.quad_class = f[3][0] - '0';
    c.plover_type = Optional(f[4]);
    c.plover_mode = Optional(f[5]);
    if (n == 7) c.plover_contexts = Optional(f[6]);

    if (o.index_.count(c.code) != 0) Fail(origin, line_no, "duplicate code " + c.code);
    o.index_.emplace(c.code, o.codes_.size());
    o.codes_.push_back(std::move(c));
  }
  return o;
}

const Ontology& Ontology::Default() {
  static const Ontology kDefault = [] {
    std::optional<std::string_view> data = EmbeddedFile(kDefaultTable);
    if (!data) {
      throw std::runtime_error("dyad was built without data/" + std::string(kDefaultTable));
    }
    return Parse(*data, kDefaultTable);
  }();
  return kDefault;
}

const CameoCode* Ontology::Find(std::string_view code) const {
  // CAMEO codes fit std::string's small-string buffer: the key costs no allocation.
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

}  // namespace dyad
