// Country descriptions: "the Gulf country", "the South American nation", "the Central
// Asian republic". Wire copy names a country once and then describes it by its region;
// the description is that country. This step of the actor stage (before the pair
// phrases) makes each such phrase a mention of the latest country the article named
// (earlier in the sentence, else up to eight sentences back) that lies in the region
// (data/actors/regions.tsv), coded as the state, with that mention as its antecedent.
// "the country" alone, which as often means the article's own country, stays no actor.
#ifndef DYAD_ACTORS_COUNTRY_DESCRIPTIONS_H_
#define DYAD_ACTORS_COUNTRY_DESCRIPTIONS_H_

#include <vector>

#include "actors/actor.h"
#include "text/document.h"

namespace dyad {

// `mentions` are doc's, ordered by sentence and first token; they stay so ordered, with
// antecedents renumbered.
void ResolveCountryDescriptions(const Document& doc, std::vector<ActorMention>* mentions);

}  // namespace dyad

#endif  // DYAD_ACTORS_COUNTRY_DESCRIPTIONS_H_
