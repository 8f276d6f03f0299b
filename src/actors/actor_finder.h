// ActorFinder: finds actor mentions in an analysed document and codes them
// (countries, demonyms, capitals, organisations, roles, persons, pronouns, descriptions
// such as "the Gulf country": actors/country_descriptions.h, and pair phrases such as
// "the two countries": actors/pair_mentions.h).
#ifndef DYAD_ACTORS_ACTOR_FINDER_H_
#define DYAD_ACTORS_ACTOR_FINDER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "text/document.h"

namespace dyad {

class ActorFinder {
 public:
  ActorFinder();  // loads the built-in gazetteer and role tables (data/actors/)
  // Appends the mentions of doc to *out (cleared first), ordered by first_token,
  // non-overlapping. Pronouns and bare surnames carry the code of their antecedent.
  // Every mention has a non-empty code: people whose affiliation the article never gives
  // are used for coreference but not output. Conventions: see actors/mention_parser.h
  // and actors/coreference.h.
  // `date` is the article's publication date (YYYY-MM-DD or a date-time; "" when undated):
  // people of the built-in table named without a title take the code of that date.
  void Find(const Document& doc, std::vector<ActorMention>* out, std::string_view date = "") const;

 private:
  struct Tables;
  std::shared_ptr<const Tables> tables_;  // shared, immutable, loaded once
};

}  // namespace dyad

#endif  // DYAD_ACTORS_ACTOR_FINDER_H_
