// Country codes and coordinates from data/geo/country_codes.tsv: converts dyad's ISO
// alpha-3 country keys to the FIPS 10-4 and CAMEO codes other formats use.
#ifndef DYAD_EXPORT_COUNTRY_CODES_H_
#define DYAD_EXPORT_COUNTRY_CODES_H_

#include <string_view>
#include <vector>

namespace dyad {

// One country; the views point into the embedded table and live as long as the program.
struct CountryCodes {
  std::string_view iso3;     // "DEU"
  std::string_view iso2;     // "DE"
  std::string_view fips;     // FIPS 10-4 "GM", "" where FIPS has no single code
  std::string_view cameo;    // CAMEO country code, "ROM" for ROU, else = iso3
  std::string_view name;     // "Germany"
  std::string_view capital;  // "Berlin", "" when none
  double capital_lat = 0, capital_lon = 0;  // 0/0 when no capital
  double lat = 0, lon = 0;   // approximate geographic centre
  bool has_capital() const { return !capital.empty(); }
};

// The country with ISO 3166-1 alpha-3 code `iso3` (upper case), or with that CAMEO country
// code where CAMEO differs from ISO ("ROM", "TMP", "KOS"); nullptr when unknown.
const CountryCodes* FindCountry(std::string_view iso3);

// Every country of the table, sorted by iso3.
const std::vector<CountryCodes>& AllCountries();

}  // namespace dyad

#endif  // DYAD_EXPORT_COUNTRY_CODES_H_
