// PlaceGazetteer: the world's countries, first-level regions and cities with coordinates,
// indexed by name for toponym matching.
//
// Built-in data: data/geo/places.tsv (cities and regions, generated from GeoNames; see
// data/geo/SOURCES.md), data/geo/country_codes.tsv (countries, capitals, centroids), the
// country names and aliases of data/actors/countries.tsv, and data/geo/country_points.tsv
// (GeoNames' point for a country where it differs from the centroid). Names are matched on their
// match key: FoldForMatching (lower case, no diacritics) with runs of spaces as one ' '.
#ifndef DYAD_GEO_PLACE_GAZETTEER_H_
#define DYAD_GEO_PLACE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "util/diagnostics.h"

namespace dyad {

enum class PlaceKind : uint8_t { kCountry, kAdmin1, kCity };

const char* PlaceKindName(PlaceKind kind);  // "country", "admin1", "city"

struct Place {
  std::string_view name;       // canonical name: "Aleppo", "Aleppo Governorate", "Syria"
  std::string_view country;    // ISO 3166-1 alpha-3
  std::string_view adm1;       // GeoNames first-level region code ("09"), "" when none
  std::string_view adm1_name;  // its English name, "" when unknown
  double lat = 0, lon = 0;
  uint64_t population = 0;     // 0 when unknown (countries)
  PlaceKind kind = PlaceKind::kCity;
  bool capital = false;        // national capital (GeoNames PPLC)
  bool seat = false;           // seat of a first-level region (PPLA)
};

class PlaceGazetteer {
 public:
  // The built-in tables; loaded once, shared, immutable (thread-safe).
  static const PlaceGazetteer& BuiltIn();

  // From the texts of the four tables (all but places_tsv may be empty). Malformed records
  // are reported to sink with "where:line" and skipped. The texts must outlive the
  // gazetteer (places point into them).
  static std::unique_ptr<PlaceGazetteer> FromText(std::string_view places_tsv,
                                                  std::string_view places_where,
                                                  std::string_view country_codes_tsv,
                                                  std::string_view country_names_tsv,
                                                  std::string_view country_points_tsv,
                                                  const DiagnosticSink& sink);

  // The places with this match key (see KeyHash), any order; empty when none.
  std::span<const uint32_t> Lookup(uint64_t key_hash) const;
  // True when some name's key continues this key at a word boundary ("new" of "new york").
  bool IsPrefix(uint64_t key_hash) const { return prefixes_.count(key_hash) != 0; }
  // Places named name (any spelling: folded, spaces collapsed).
  std::span<const uint32_t> LookupName(std::string_view name) const;
  // The country with this ISO alpha-3 code, or nullptr.
  const Place* Country(std::string_view iso3) const;
  // The first-level region (country iso3, GeoNames code), or nullptr.
  const Place* Admin1(std::string_view iso3, std::string_view adm1) const;

  const Place& place(uint32_t id) const { return places_[id]; }
  size_t size() const { return places_.size(); }

  // Hash of a match key (already folded and space-collapsed).
  static uint64_t KeyHash(std::string_view key);
  // The match key of a name: folded, spaces collapsed, trimmed.
  static std::string MatchKey(std::string_view name);

 private:
  PlaceGazetteer() = default;
  void AddName(std::string_view name, uint32_t id);
  void AddKey(const std::string& key, uint32_t id);
  void Index();

  std::vector<Place> places_;
  std::vector<std::pair<uint64_t, uint32_t>> names_;  // (key hash, place), sorted after Index
  std::unordered_map<uint64_t, std::pair<uint32_t, uint32_t>> by_key_;  // -> [begin, end)
  std::vector<uint32_t> ids_;                                            // places by key
  std::unordered_set<uint64_t> prefixes_;
  std::unordered_map<std::string_view, uint32_t> countries_;  // iso3 -> place
  std::unordered_map<std::string, uint32_t> admin1_;          // "SYR.09" -> place
};

}  // namespace dyad

#endif  // DYAD_GEO_PLACE_GAZETTEER_H_
