// ToponymFinder: names of places in an analysed article, each resolved to one place of the
// gazetteer.
//
// Recognition: a name starts at a capitalised token and is the longest sequence of tokens
// whose match key is a gazetteer name ("New York", "Bosnia and Herzegovina"). A trailing
// designator joins the toponym and selects the kind of place ("Aleppo province", "Idlib
// governorate", "Tver Oblast" -> region; "Aleppo city" -> city), as does a leading one ("the
// city of Homs", "the province of Hama"). Not toponyms: a common word that is also a place
// name (data/geo/not_places.txt), a name inside a longer capitalised name ("George
// Washington"), a city name written in capitals (headlines; country names are kept).
//
// Resolution, for a name several places share: population as the prior, capitals first;
// countries the article names (and, more strongly, countries named in the same sentence);
// regions the article names ("Springfield ... Illinois"); "X, Y" where Y is X's region or
// country; the caller's context countries; a region rather than the city of the same name
// only when a designator says so.
#ifndef DYAD_GEO_TOPONYMS_H_
#define DYAD_GEO_TOPONYMS_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "geo/place_gazetteer.h"
#include "text/document.h"

namespace dyad {

struct Toponym {
  uint32_t sentence = 0;     // index into Document::sentences
  uint32_t first_token = 0;  // the name and its designator: tokens [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t begin = 0;        // byte span in the article text
  uint32_t end = 0;
  const Place* place = nullptr;  // the resolved place (never null in Find's output)
};

class ToponymFinder {
 public:
  // Uses the built-in gazetteer and stop list.
  ToponymFinder();
  // gazetteer must outlive the finder.
  explicit ToponymFinder(const PlaceGazetteer& gazetteer);

  // Appends the toponyms of doc to *out (cleared first), in text order. context_countries:
  // ISO alpha-3 codes the caller knows the article is about (e.g. its outlet's country);
  // may be empty. Thread-safe (const).
  void Find(const Document& doc, std::vector<Toponym>* out,
            std::span<const std::string_view> context_countries = {}) const;

 private:
  const PlaceGazetteer& gazetteer_;
  std::unordered_set<uint64_t> not_places_;  // key hashes of common words
  // Per word id of Lexicon::Default(): whether a name may start with that word (it is a
  // place name or the start of one). Most capitalised words of a text are lexicon words
  // that start none ("The", "Minister"), and this spares their key hashing and lookups.
  const Lexicon* lexicon_;
  std::vector<bool> word_may_start_;
};

}  // namespace dyad

#endif  // DYAD_GEO_TOPONYMS_H_
