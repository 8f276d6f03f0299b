// PhraseActorFinder: actor mentions from a classic actor and agent dictionary
// (actor_dictionary.h), the way TABARI and PETRARCH find them:
//   - the longest actor or agent phrase wins at each word (matched on the tokens' normal
//     forms; hyphenated tokens count as their parts, "'s" is skipped);
//   - an agent composes with an actor next to it: "Arnor security officials", "Gondor's
//     president" ([~GOV] after the actor's code: ARNGOV), "MSF Arnor" ([NGO~] before it:
//     NGOARN), "the ambassadors of Arnor", "activists in Gondor"; a code already in the
//     actor's code is not repeated (WASHINGTON [USAGOV] + officials [~GOV] = USAGOV);
//     PETRARCH also composes an agent written before its actor ("President Telemar") and
//     shares an agent across a list ("the ambassadors of Arnor, Osgiliath and Gondor");
//   - a date-restricted code is chosen by the article's date;
//   - "he", "she", "it", "they", "him", "them" take the code of the sentence's first
//     actor ("they" of a list: all of them, "A/B").
// Codes "A/B" (several actors named at once) are kept whole in ActorMention::code.
#ifndef DYAD_COMPAT_PHRASE_ACTOR_FINDER_H_
#define DYAD_COMPAT_PHRASE_ACTOR_FINDER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor.h"
#include "compat/actor_dictionary.h"
#include "text/document.h"

namespace dyad {

struct PhraseActorOptions {
  // An agent with no actor next to it becomes a mention coded "~GOV" (TABARI's
  // "SET: CONVERT AGENT"); otherwise it codes nothing.
  bool convert_lone_agents = false;
  bool resolve_pronouns = true;
};

// "he", "she", "it", "they", "him", "them": the pronouns that stand for an actor.
bool IsActorPronoun(std::string_view word);

// A mention of one token (a pronoun, a default actor) with the given kind and code.
ActorMention OneTokenMention(uint32_t sentence, uint32_t token, MentionKind kind, std::string code);

class PhraseActorFinder {
 public:
  PhraseActorFinder(ActorDictionary dictionary, ClassicDialect dialect);

  // Appends the mentions of doc to *out (cleared first), ordered by first_token and
  // non-overlapping. date (yyyymmdd, 0 = unknown) selects date-restricted codes. When
  // discard is given it gets one flag per sentence: true when an actor coded "###" or
  // "+++" occurs in it (the sentence is not to be coded). When actor_codes is given it
  // gets one code per mention: the actor's own code without its agents ("FOR" for
  // "Fornost President" FORGOVPRS), "" for pronouns and lone agents.
  void Find(const Document& doc, int32_t date, const PhraseActorOptions& options,
            std::vector<ActorMention>* out, std::vector<bool>* discard = nullptr,
            std::vector<std::string>* actor_codes = nullptr) const;

  const ActorDictionary& dictionary() const { return dict_; }

 private:
  struct Candidate {
    uint32_t entry;   // index into dict_.actors or dict_.agents
    uint16_t phrase;  // index into the entry's phrases
    bool agent;
  };
  struct Word;
  struct Hit;
  void BuildWords(const Document& doc, const Sentence& s, std::vector<Word>* words) const;
  bool BestHit(const std::vector<Word>& words, size_t i, Hit* best) const;
  bool MatchRest(const std::vector<PhraseWord>& phrase, const std::vector<Word>& words, size_t i,
                 size_t* end) const;
  void Index(const std::vector<PhraseWord>& phrase, Candidate c);

  ActorDictionary dict_;
  ClassicDialect dialect_;
  // First words of the phrases: exact words by their text; stems and words with noun
  // endings by their text too, but looked up with every prefix of a text word.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using PhraseIndex = std::unordered_map<std::string, std::vector<Candidate>, Hash, std::equal_to<>>;
  PhraseIndex exact_;
  PhraseIndex prefix_;
  uint64_t prefix_lengths_ = 0;  // bit n: some prefix key has n characters (n < 64)
};

}  // namespace dyad

#endif  // DYAD_COMPAT_PHRASE_ACTOR_FINDER_H_
