#include "geo/place_gazetteer.h"

#include <algorithm>
#include <charconv>
#include <mutex>

#include "text/normalize.h"
#include "util/embedded_data.h"
#include "util/hash.h"
#include "util/tsv.h"

namespace dyad {
namespace {

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseCount(std::string_view s, uint64_t* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

const char* PlaceKindName(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kAdmin1: return "admin1";
    case PlaceKind::kCity: return "city";
  }
  return "city";
}

uint64_t PlaceGazetteer::KeyHash(std::string_view key) { return Hash64(key); }

std::string PlaceGazetteer::MatchKey(std::string_view name) {
  std::string folded = FoldForMatching(name);
  std::string key;
  key.reserve(folded.size());
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
    } else {
      key.push_back(c);
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

void PlaceGazetteer::AddName(std::string_view name, uint32_t id) {
  std::string key = MatchKey(name);
  if (key.empty()) return;
  // "Saint Petersburg" is also written "St. Petersburg" and "St Petersburg".
  if (key.starts_with("saint ")) {
    AddKey("st. " + key.substr(6), id);
    AddKey("st " + key.substr(6), id);
  } else if (key.starts_with("st. ")) {
    AddKey("saint " + key.substr(4), id);
    AddKey("st " + key.substr(4), id);
  }
  AddKey(key, id);
}

void PlaceGazetteer::AddKey(const std::string& key, uint32_t id) {
  names_.emplace_back(KeyHash(key), id);
  // Every word boundary inside the key is a prefix the matcher may stop at.
  for (size_t k = 1; k < key.size(); ++k) {
    if (!IsWordByte(key[k]) || !IsWordByte(key[k - 1])) {
      size_t len = key[k - 1] == ' ' ? k - 1 : k;
      prefixes_.insert(KeyHash(std::string_view(key).substr(0, len)));
    }
  }
}

void PlaceGazetteer::Index() {
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  ids_.reserve(names_.size());
  for (size_t i = 0; i < names_.size();) {
    size_t j = i;
    while (j < names_.size() && names_[j].first == names_[i].first) ids_.push_back(names_[j++].second);
    by_key_[names_[i].first] = {static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    i = j;
  }
  names_.clear();
  names_.shrink_to_fit();
}

std::span<const uint32_t> PlaceGazetteer::Lookup(uint64_t key_hash) const {
  auto it = by_key_.find(key_hash);
  if (it == by_key_.end()) return {};
  return std::span<const uint32_t>(ids_.data() + it->second.first, it->second.second - it->second.first);
}

std::span<const uint32_t> PlaceGazetteer::LookupName(std::string_view name) const {
  return Lookup(KeyHash(MatchKey(name)));
}

const Place* PlaceGazetteer::Country(std::string_view iso3) const {
  auto it = countries_.find(iso3);
  return it == countries_.end() ? nullptr : &places_[it->second];
}

const Place* PlaceGazetteer::Admin1(std::string_view iso3, std::string_view adm1) const {
  std::string key(iso3);
  key += '.';
  key += adm1;
  auto it = admin1_.find(key);
  return it == admin1_.end() ? nullptr : &places_[it->second];
}

std::unique_ptr<PlaceGazetteer> PlaceGazetteer::FromText(std::string_view places_tsv,
                                                         std::string_view places_where,
                                                         std::string_view country_codes_tsv,
                                                         std::string_view country_names_tsv,
                                                         std::string_view country_points_tsv,
                                                         const DiagnosticSink& sink) {
  std::unique_ptr<PlaceGazetteer> g(new PlaceGazetteer());
  auto report = [&](std::string_view where, int line, std::string message) {
    if (sink) sink({Severity::kError, std::string(where) + ":" + std::to_string(line), std::move(message)});
  };
  std::vector<std::string_view> f, alts;
  // Countries: iso3 iso2 fips cameo name capital capital_lat capital_lon lat lon.
  tsv::ForEachLine(country_codes_tsv, [&](int line, std::string_view text) {
    tsv::SplitInto(text, '\t', &f);
    Place p;
    if (f.size() < 10 || f[0].size() != 3 || !ParseDouble(f[8], &p.lat) || !ParseDouble(f[9], &p.lon)) {
      report("data/geo/country_codes.tsv", line, "expected 10 fields with iso3 and centroid lat/lon");
      return;
    }
    p.name = f[4];
    p.country = f[0];
    p.kind = PlaceKind::kCountry;
    uint32_t id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    g->countries_.emplace(p.country, id);
    g->AddName(p.name, id);
  });
  // Country names and aliases: iso3 cameo names(|) ...
  tsv::ForEachLine(country_names_tsv, [&](int line, std::string_view text) {
    tsv::SplitInto(text, '\t', &f);
    if (f.size() < 3) {
      report("data/actors/countries.tsv", line, "expected iso3, cameo and names");
      return;
    }
    auto it = g->countries_.find(f[0]);
    if (it == g->countries_.end()) return;  // a territory without coordinates
    tsv::SplitInto(f[2], '|', &alts);
    for (std::string_view a : alts) {
      if (!a.empty()) g->AddName(a, it->second);
    }
  });
  // GeoNames' points for countries whose centroid in country_codes.tsv lies elsewhere.
  tsv::ForEachLine(country_points_tsv, [&](int line, std::string_view text) {
    tsv::SplitInto(text, '\t', &f);
    double lat = 0, lon = 0;
    if (f.size() != 3 || !ParseDouble(f[1], &lat) || !ParseDouble(f[2], &lon)) {
      report("data/geo/country_points.tsv", line, "expected iso3, lat, lon");
      return;
    }
    auto it = g->countries_.find(f[0]);
    if (it == g->countries_.end()) {
      report("data/geo/country_points.tsv", line, "unknown country " + std::string(f[0]));
      return;
    }
    g->places_[it->second].lat = lat;
    g->places_[it->second].lon = lon;
  });
  // Places: name ascii alternates iso3 adm1 adm1_name lat lon population feature.
  std::vector<std::pair<uint32_t, std::string_view>> city_names;
  tsv::ForEachLine(places_tsv, [&](int line, std::string_view text) {
    tsv::SplitInto(text, '\t', &f);
    Place p;
    if (f.size() != 10) {
      report(places_where, line, "expected 10 TAB-separated fields, got " + std::to_string(f.size()));
      return;
    }
    if (f[0].empty() || f[3].size() != 3 || !ParseDouble(f[6], &p.lat) || !ParseDouble(f[7], &p.lon) ||
        p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180 || !ParseCount(f[8], &p.population)) {
      report(places_where, line, "bad name, iso3, coordinates or population");
      return;
    }
    p.name = f[0];
    p.country = f[3];
    p.adm1 = f[4];
    p.adm1_name = f[5];
    p.kind = f[9] == "ADM1" ? PlaceKind::kAdmin1 : PlaceKind::kCity;
    p.capital = f[9] == "PPLC";
    p.seat = f[9] == "PPLA";
    uint32_t id = static_cast<uint32_t>(g->places_.size());
    g->places_.push_back(p);
    if (p.kind == PlaceKind::kAdmin1) {
      g->admin1_.emplace(std::string(p.country) + "." + std::string(p.adm1), id);
    }
    g->AddName(f[0], id);
    if (f[1] != f[0]) g->AddName(f[1], id);
    tsv::SplitInto(f[2], '|', &alts);
    for (std::string_view a : alts) {
      if (!a.empty()) g->AddName(a, id);
    }
    // "New York City", "Mexico City", "Kuwait City": news mostly writes "New York" (only
    // for capitals and big cities: "Atlantic City" is not "Atlantic").
    constexpr std::string_view kCity = " City";
    if (p.kind == PlaceKind::kCity && (p.capital || p.population >= 1000000) &&
        f[0].size() > kCity.size() && f[0].ends_with(kCity)) {
      g->AddName(f[0].substr(0, f[0].size() - kCity.size()), id);
    }
  });
  g->Index();
  return g;
}

const PlaceGazetteer& PlaceGazetteer::BuiltIn() {
  static const PlaceGazetteer* const gazetteer = [] {
    StderrDiagnostics diagnostics;
    auto file = [](std::string_view name) { return EmbeddedFile(name).value_or(std::string_view()); };
    return PlaceGazetteer::FromText(file("geo/places.tsv"), "data/geo/places.tsv",
                                    file("geo/country_codes.tsv"), file("actors/countries.tsv"),
                                    file("geo/country_points.tsv"),
                                    diagnostics.sink())
        .release();
  }();
  return *gazetteer;
}

}  // namespace dyad
