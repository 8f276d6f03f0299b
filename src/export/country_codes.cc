#include "export/country_codes.h"

#include <charconv>
#include <stdexcept>
#include <string>
#include <system_error>
#include <unordered_map>

#include "util/embedded_data.h"

namespace dyad {
namespace {

constexpr std::string_view kTable = "geo/country_codes.tsv";
constexpr size_t kColumns = 10;

struct CountryTable {
  std::vector<CountryCodes> rows;
  std::unordered_map<std::string_view, size_t> by_code;  // iso3, and cameo where it differs
};

[[noreturn]] void Fail(size_t line, const std::string& message) {
  throw std::runtime_error("data/" + std::string(kTable) + ":" + std::to_string(line) + ": " +
                           message);
}

double Coordinate(std::string_view s, double limit, size_t line) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty() || v < -limit || v > limit) {
    Fail(line, "bad coordinate '" + std::string(s) + "'");
  }
  return v;
}

std::string_view Optional(std::string_view s) { return s == "-" ? std::string_view() : s; }

CountryTable Load() {
  std::optional<std::string_view> data = EmbeddedFile(kTable);
  if (!data) throw std::runtime_error("dyad was built without data/" + std::string(kTable));
  CountryTable t;
  std::string_view rest = *data;
  size_t line_no = 0;
  while (!rest.empty()) {
    size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    std::string_view f[kColumns];
    size_t n = 0;
    for (size_t start = 0; n < kColumns;) {
      size_t tab = line.find('\t', start);
      f[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
      if (n == kColumns) Fail(line_no, "more than 10 columns");
    }
    if (n != kColumns) Fail(line_no, "expected 10 columns, got " + std::to_string(n));
    if (f[0].size() != 3 || f[3].size() != 3) Fail(line_no, "bad iso3 or cameo code");
    CountryCodes c;
    c.iso3 = f[0];
    c.iso2 = f[1];
    c.fips = Optional(f[2]);
    c.cameo = f[3];
    c.name = f[4];
    c.capital = Optional(f[5]);
    if (c.has_capital()) {
      c.capital_lat = Coordinate(f[6], 90, line_no);
      c.capital_lon = Coordinate(f[7], 180, line_no);
    }
    c.lat = Coordinate(f[8], 90, line_no);
    c.lon = Coordinate(f[9], 180, line_no);
    t.rows.push_back(c);
  }
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (!t.by_code.emplace(t.rows[i].iso3, i).second) {
      throw std::runtime_error("data/" + std::string(kTable) + ": duplicate country " +
                               std::string(t.rows[i].iso3));
    }
  }
  // CAMEO codes that differ from ISO never collide with an ISO code ("ROM" is no ISO code).
  for (size_t i = 0; i < t.rows.size(); ++i) t.by_code.emplace(t.rows[i].cameo, i);
  return t;
}

const CountryTable& Table() {
  static const CountryTable kCountries = Load();
  return kCountries;
}

}  // namespace

const CountryCodes* FindCountry(std::string_view iso3) {
  const CountryTable& t = Table();
  auto it = t.by_code.find(iso3);
  return it == t.by_code.end() ? nullptr : &t.rows[it->second];
}

const std::vector<CountryCodes>& AllCountries() { return Table().rows; }

}  // namespace dyad
