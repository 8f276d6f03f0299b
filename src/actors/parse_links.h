// LinkActorsByParse: what a sentence's dependency parse adds to its actor mentions. The
// actor stage finds mentions from the words alone (it runs before the parse, which is
// made only for the sentences its mentions make eventful); this step runs after the
// syntax stage and reads the tree of each parsed sentence:
//   - Owner. A role mention with no country ("---GOV") takes the country of the mention
//     that owns its head word: a possessor ("Sudan's army-aligned government"), a
//     modifier or compound ("the Kremlin-backed administration"), or an "of"/"from"
//     complement ("the interim government of Sudan"). Mentions resolved to it take the
//     new code as well.
//   - Possessive pronoun. "its"/"their" in a clause whose subject is a coded actor refers
//     to that subject ("Sudan was severing ties, withdrawing its ambassador"), not to the
//     nearest earlier mention; not when the pronoun is inside the subject ("its
//     ambassador said"), and "its" never refers to a person.
//   - Reported speaker. "it", the subject of a verb reported by a state or organisation
//     ("the government announced Tuesday that it is severing relations"), becomes a
//     mention of the reporter (the word-based stage takes "it" only right after a verb of
//     saying; "it is clear that" has no verb as predicate and stays no actor).
// Unparsed sentences are left as they are.
#ifndef DYAD_ACTORS_PARSE_LINKS_H_
#define DYAD_ACTORS_PARSE_LINKS_H_

#include <vector>

#include "actors/actor.h"
#include "text/document.h"

namespace dyad {

// `mentions` are doc's, ordered by sentence and first token (ActorFinder::Find's output);
// they stay so ordered, with antecedents renumbered where a mention is added.
void LinkActorsByParse(const Document& doc, std::vector<ActorMention>* mentions);

}  // namespace dyad

#endif  // DYAD_ACTORS_PARSE_LINKS_H_
