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

#include "actors/entity_registry.h"
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

// A person of the built-in table (data/actors/persons.tsv, in the format of a user's actor
// file: one line per office with its dates). Which code holds when is decided by
// CodeAtDate (actors/entity_registry.h), as for a user's dated codes in the registry.
struct KnownPerson {
  std::string name;  // canonical name (the first name of the person's lines)
  // The offices as the table gives them, sorted by start; all from_user.
  std::vector<EntityCode> offices;
  // What CodeAtDate reads, in this order: before the first office no code (an empty
  // one); from the first office on the ELI of the latest office's country (no code when
  // that office was not a state's: an IGO, a rebel group, the opposition), ending far in the future so that an undated article takes
  // the latest office; then the offices, which win where they cover the date. So between
  // and after offices a person is a former official.
  std::vector<EntityCode> codes;
  // The first words of the person's names of two or more words ("vladimir", "joe"):
  // "Hunter Biden" is not "Biden".
  std::vector<std::string> given;
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
  // Into countries() or organizations(); for kKnownPerson the name form, whose people
  // PeopleNamed() gives (a bare surname may name several).
  uint32_t index = 0;
  uint32_t end = 0;    // one past the last token
};

class Gazetteer {
 public:
  // Parses the tables (persons_tsv in the actor file format, see ParseActorFile; a code
  // must start with a country or IGO). Malformed lines are reported to sink (when set) with file:line
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
  const std::vector<KnownPerson>& people() const { return people_; }
  // The people a person name form (GazetteerMatch::index of a kKnownPerson match) names.
  const std::vector<uint32_t>& PeopleNamed(uint32_t form) const { return person_forms_[form]; }
  // The one person the form designates at `date` (YYYY-MM-DD, "" when undated): its only
  // person, else the only one holding an office (a code that is not ELI) at that date; -1
  // when none or several do (undated: several stay unresolved).
  int PersonNamed(uint32_t form, std::string_view date) const;
  // The person's code at `date` ("" for undated: the latest office): CodeAtDate of the
  // person's codes. "" before the person's first office.
  std::string PersonCodeAt(uint32_t person, std::string_view date) const;
  // Whether some person of the form has a name of two or more words starting with `word`
  // (a token norm): "vladimir" for "Putin".
  bool FormHasGivenName(uint32_t form, std::string_view word) const;
  // By ISO or CAMEO alpha-3; nullptr when unknown.
  const Country* FindCountry(std::string_view code) const;

 private:
  std::vector<Country> countries_;
  std::vector<Organization> organizations_;
  std::vector<KnownPerson> people_;
  std::vector<std::vector<uint32_t>> person_forms_;  // name form -> people
  std::unordered_map<std::string, uint32_t> by_code_;
  PhraseTable phrases_;
};

}  // namespace dyad

#endif  // DYAD_ACTORS_GAZETTEER_H_
