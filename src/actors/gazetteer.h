// Gazetteer: countries (names, adjectives and demonyms, plural demonyms, capitals) and
// named organisations and well-known people, from data/actors/countries.tsv,
// data/actors/organizations.tsv and data/actors/persons.tsv.
#ifndef DYAD_ACTORS_GAZETTEER_H_
#define DYAD_ACTORS_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/phrase_table.h"
#include "text/document.h"
#include "util/diagnostics.h"

namespace dyad {

struct Country {
  std::string iso3;   // ISO 3166-1 alpha-3 ("ROU")
  std::string cameo;  // CAMEO country code ("ROM"); usually == iso3
  std::string name;   // canonical English name
};

// An organisation or a well-known person (same table format).
struct Organization {
  std::string code;     // full CAMEO code ("IGOUNOREFHCR", "PSEREBHMS", "USAGOV")
  std::string country;  // ISO alpha-3 or ""
  std::string role;     // primary role code or ""
  std::string name;     // canonical name
};

enum class PlaceForm : uint8_t {
  kCountryName,   // "Syria", "Republic of Turkiye", "U.S."
  kAdjective,     // "Syrian", "Azerbaijani", "Turk"
  kPlural,        // "Syrians"
  kCapital,       // "Damascus"
  kOrganization,  // "United Nations", "Hamas", "White House"
  kKnownPerson,   // "Vladimir Putin", "Putin"
};

struct GazetteerMatch {
  PlaceForm form = PlaceForm::kCountryName;
  uint32_t index = 0;  // into countries(), organizations() or people()
  uint32_t end = 0;    // one past the last token
};

class Gazetteer {
 public:
  // Parses both tables. Malformed lines are reported to sink (when set) with file:line
  // and skipped; the rest is kept.
  static Gazetteer FromText(std::string_view countries_tsv, std::string_view orgs_tsv,
                            std::string_view persons_tsv, const DiagnosticSink& sink);
  // The tables compiled into the binary, loaded once.
  static const Gazetteer& BuiltIn();

  // Longest entry starting at token begin, not past limit.
  bool LongestAt(const Document& doc, uint32_t begin, uint32_t limit, GazetteerMatch* m) const;

  // False when no entry can start at the token (cheap pre-check).
  bool MayStartAt(const Document& doc, uint32_t t) const { return phrases_.MayStartAt(doc, t); }
  // The same split per word, for memoising callers (see PhraseTable::WordKeys).
  uint8_t WordKeys(std::string_view word) const { return phrases_.WordKeys(word); }
  bool MayStart(uint8_t norm_keys, uint8_t lemma_keys, bool lemma_is_norm) const {
    return phrases_.MayStart(norm_keys, lemma_keys, lemma_is_norm);
  }

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Organization>& organizations() const { return organizations_; }
  const std::vector<Organization>& people() const { return people_; }
  // By ISO or CAMEO alpha-3; nullptr when unknown.
  const Country* FindCountry(std::string_view code) const;

 private:
  std::vector<Country> countries_;
  std::vector<Organization> organizations_;
  std::vector<Organization> people_;
  std::unordered_map<std::string, uint32_t> by_code_;
  PhraseTable phrases_;
};

}  // namespace dyad

#endif  // DYAD_ACTORS_GAZETTEER_H_
