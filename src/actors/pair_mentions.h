// Pair phrases: "the two countries", "both sides", "the parties", "the two ministers".
// News names a pair of states once and then refers to it as a pair ("Armenia and
// Azerbaijan signed ... The two countries agreed to reopen embassies"); most agreements
// and meetings are reported that way. This step, the last of the actor stage, makes each
// such phrase one mention of kind kPair that stands for both members: `code` is the
// first member's, `pair_code` the other's, with the role the head word gives ("the two
// ministers" GOV, "both armies" MIL, "the two countries" none).
//
// The pair is the one the article has named together most often up to and including the
// phrase's sentence (two countries in one sentence), the latest of equals; with no two
// countries ever named together, the two most named. Members are in the order the
// article first names them. A phrase with no pair to stand for stays no mention.
// Mentions the phrase covers ("two ministers" as a role of no country) are replaced.
// "between X and Y" makes X and Y one pair mention too: whatever is between them is
// theirs mutually ("ties between Chile and Peru were suspended").
// Linear in the article: a sentence's countries are counted once, at most eight of them.
#ifndef DYAD_ACTORS_PAIR_MENTIONS_H_
#define DYAD_ACTORS_PAIR_MENTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actors/actor.h"
#include "text/document.h"

namespace dyad {

// The pair of countries an article is about so far: the pair it has named together in
// one sentence most often (a coordinated pair, "Armenia and Azerbaijan", counts double;
// the latest of equals), else its two most named countries. Fed sentence by sentence, in
// order; each sentence costs its mentions, at most eight countries of it.
class ArticlePairTally {
 public:
  // Adds the mentions [begin, end) of ms, those of the next sentence.
  void AddSentence(const Document& doc, const std::vector<ActorMention>& ms, size_t begin, size_t end);
  // The pair as CAMEO country codes, in the order the article first named them; false
  // while fewer than two countries are named.
  bool Best(std::string* a, std::string* b) const;

 private:
  std::unordered_map<uint64_t, int> together_;  // pair key -> weight
  std::unordered_map<std::string, int> named_;  // country -> sentences naming it
  std::unordered_map<std::string, size_t> first_named_;
  std::pair<std::string, std::string> best_;
  int best_count_ = 0;
  size_t best_sentence_ = 0, sentence_ = 0;
};

// The end of a pair phrase that starts at token i of a sentence ending at `end`, or 0;
// *role is the CAMEO role its head word gives ("" for countries, sides and parties).
uint32_t PairPhraseEnd(const Document& doc, uint32_t i, uint32_t end, std::string_view* role);

// `mentions` are doc's, ordered by sentence and first token; they stay so ordered, with
// antecedents renumbered.
void AddPairMentions(const Document& doc, std::vector<ActorMention>* mentions);

}  // namespace dyad

#endif  // DYAD_ACTORS_PAIR_MENTIONS_H_
