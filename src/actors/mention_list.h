// Editing an article's mention list after the actor stage made it: later steps (the pair
// phrases, the parse links) add mentions and drop some, while the list stays ordered by
// sentence and first token and every antecedent keeps pointing at the same mention.
#ifndef DYAD_ACTORS_MENTION_LIST_H_
#define DYAD_ACTORS_MENTION_LIST_H_

#include <vector>

#include "actors/actor.h"

namespace dyad {

// Merges `added` (ordered by sentence and first token; antecedents index *mentions as it
// was) into *mentions, leaving out the mentions whose `drop` flag is set (`drop` may be
// empty). Antecedents are renumbered; one that pointed at a dropped mention becomes -1.
void MergeMentions(std::vector<ActorMention>* mentions, std::vector<ActorMention> added,
                   const std::vector<bool>& drop);

}  // namespace dyad

#endif  // DYAD_ACTORS_MENTION_LIST_H_
