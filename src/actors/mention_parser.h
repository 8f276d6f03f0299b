// MentionParser: finds the actor phrases of one sentence, before coreference.
//
// Grammar, tried at each token from left to right (a phrase consumes its tokens, so
// phrases never overlap):
//   pronoun                                    "he", "its", "they"
//   [det] [modifier*] PLACE ['s] ROLE [NAME]   "the Azerbaijani Embassy", "Syria's transitional
//                                              government", "Syrian Foreign Minister Asaad
//                                              al-Shaibani"
//   [det] [modifier*] ROLE [of NP] [NAME]      "the Foreign Minister of Syria's transitional
//                                              government", "Deputy Foreign Yalchin Rafiyev"
//   [det] PLACE                                "Syria", "the Republic of Turkiye", "Syrians"
//   honorific NAME                             "Dr. Ali Hassan"
//   NAME                                       capitalised run with person evidence
// PLACE is a country name, adjective, plural demonym, capital or organisation from the
// Gazetteer; ROLE a chain of role phrases from the RoleLexicon whose last phrase is the head
// ("government forces"). A possessive 's is inside the phrase only when a role follows.
//
// Choices, after CAMEO where it has a rule:
//   - A capital after a locative preposition ("in/at/near/from/of ... Damascus") or as a
//     dateline ("Baku, SANA -") is a place, not an actor. Otherwise it is a kCapital
//     mention coded with the country; country + GOV when the capital speaks or acts
//     ("Damascus said", "Moscow has warned") and is not a destination ("a visit to Baku":
//     country level, the target of the visit).
//   - An adjective before a noun that is not a role ("the Syrian conflict") is no mention.
//   - "the Syrian people", "Syrians": the bare country code (CAMEO codes a nation's people
//     with the country alone).
//   - "former"/"ex-" before a person's title: ELI instead of the role (CAMEO's elites).
//   - A post at a named non-state body ("an advisor at the X Center in Azerbaijan"): the
//     country named there, no role.
//   - A body written with a capital inside a sentence ("the Azerbaijani Embassy") is a
//     kOrganization; in lower case ("Azerbaijan's embassy") a kRole.
#ifndef DYAD_ACTORS_MENTION_PARSER_H_
#define DYAD_ACTORS_MENTION_PARSER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "actors/gazetteer.h"
#include "actors/role_lexicon.h"
#include "text/document.h"
#include "util/word_cache.h"

namespace dyad {

// A role phrase with its modifiers: "Deputy Foreign Minister", "former president",
// "government forces".
struct RoleChain {
  uint32_t begin = 0, end = 0;  // tokens, modifiers included
  int head = -1;                // RoleLexicon index of the head phrase
  std::string_view code;        // role code of the chain ("GOV", "MIL", "ELI" ...)
  bool absolute = false;        // code is a whole actor code ("IGOPKO")
  bool former = false;          // "former", "ex-": CAMEO codes ELI
  bool plural = false;          // head token is a plural ("troops", "ministers")
  bool alone = false;           // may be a mention without a country
  RoleKind kind = RoleKind::kBody;
};

// One phrase found in a sentence, before coreference.
struct Candidate {
  uint32_t begin = 0, end = 0;  // span in Document::tokens
  uint32_t head = 0;
  uint32_t consumed = 0;        // tokens used up (>= end: "X as chargé d'affaires")
  MentionKind kind = MentionKind::kCountry;
  int country = -1;             // Gazetteer country index of the owner
  int org = -1;                 // Gazetteer organisation index of the owner
  bool capital_gov = false;     // capital metonym for the government ("Damascus said")
  bool has_role = false;
  RoleChain role;
  uint32_t name_begin = 0, name_end = 0;  // person name tokens, empty when none
  uint32_t pronoun_class = 0;   // WordClass bits for pronouns
  bool definite = false;        // started with "the"
  bool elsewhere = false;       // role held at a non-state body ("advisor at the X Center")
  bool honorific_female = false, honorific_male = false;
  bool apposition = false;      // follows "NAME ," (refers to that person)
  bool person_evidence = false; // the name had a title, morphology, a say-verb ...
  int known = -1;               // Gazetteer name form (PeopleNamed) when the name is listed
  bool named_body = false;      // "Treasury Department": a body with its own name
};

class MentionParser {
 public:
  // The tables must outlive the parser and not change while it refers to them.
  MentionParser(const Gazetteer& gazetteer, const RoleLexicon& roles);

  // Appends the candidates of tokens [begin, end) to *out, ordered, non-overlapping.
  // doc_first_sentence tells whether this is the document's first sentence (datelines).
  void Parse(const Document& doc, uint32_t begin, uint32_t end, bool doc_first_sentence,
             std::vector<Candidate>* out) const;

  // The role chain starting at token j (modifiers first), not past limit.
  bool RoleChainAt(const Document& doc, uint32_t j, uint32_t limit, RoleChain* rc) const;

  // End of the run of name tokens starting at t, or t when none.
  uint32_t NameRunAt(const Document& doc, uint32_t t, uint32_t limit) const;

 private:
  // Tries a phrase at token i; true with *c filled, or false with *skip_to set.
  bool ParseAt(const Document& doc, uint32_t i, uint32_t sentence_begin, uint32_t limit,
               bool doc_first_sentence, Candidate* c, uint32_t* skip_to) const;
  // [det] [modifier*] PLACE/ROLE ... (no pronouns, no bare names); used for appositions and
  // "of" complements too.
  bool ParseNounPhrase(const Document& doc, uint32_t i, uint32_t sentence_begin,
                       uint32_t limit, bool doc_first_sentence, int depth, Candidate* c,
                       uint32_t* skip_to) const;
  // After a role: "X of NP", a name, "at the X Center ... in Country".
  void CompleteRole(const Document& doc, uint32_t sentence_begin, uint32_t limit, int depth,
                    Candidate* c) const;
  // After a person's name: "as chargé d'affaires", ", the Foreign Minister of ...".
  void CompletePerson(const Document& doc, uint32_t sentence_begin, uint32_t limit, int depth,
                      Candidate* c) const;
  // What the phrase tables and word classes say about one word (memoised per thread).
  struct WordFacts {  // 4 bytes: the table of every lexicon word stays small in cache
    uint16_t cls = 0;        // ClassifyWord (its bits fit 16)
    uint8_t role_keys = 0;   // RoleLexicon::WordKeys
    uint8_t place_keys = 0;  // Gazetteer::WordKeys
  };
  WordFacts FactsOfWord(std::string_view word) const;
  // Per-token facts of the sentence being parsed (see TokenFacts in the .cc).
  uint8_t Facts(const Document& doc, uint32_t t) const;
  uint32_t WordClassOf(const Document& doc, const Token& t) const;
  bool RoleAt(const Document& doc, uint32_t t, uint32_t limit, RoleFilter filter, uint32_t* role,
              uint32_t* end) const;
  bool PlaceAt(const Document& doc, uint32_t t, uint32_t limit, GazetteerMatch* g) const;
  bool IsNameToken(const Document& doc, uint32_t t, bool first) const;
  // A body named by capitalised words before a capitalised body role: "[Treasury]
  // Department", "[International Development] Agency". *rc spans name and role.
  bool NamedBodyAt(const Document& doc, uint32_t p, uint32_t limit, RoleChain* rc) const;
  // "farm Commissioner", "trade representative": lower-case specialty nouns before a title.
  bool SpecialtyTitleAt(const Document& doc, uint32_t p, uint32_t limit, RoleChain* rc) const;
  // The role phrase *c names the person of tokens [begin, end) (its title's holder).
  void TakeTitledName(const Document& doc, uint32_t begin, uint32_t end, Candidate* c) const;
  // Sets c->known when a listed person's name ends the name run.
  void LookUpKnownPerson(const Document& doc, Candidate* c) const;
  // Token t continues a proper name begun by a place ("Baku Center").
  bool PartOfLongerName(const Document& doc, uint32_t t) const;
  bool IsNounLike(const Document& doc, const Token& t) const;
  bool IsVerbLike(const Document& doc, const Token& t) const;
  uint32_t ClassOf(const Document& doc, const Token& t) const;  // ClassifyWord(t.norm)
  bool SingleRoleAt(const Document& doc, uint32_t j, uint32_t limit, bool modifier,
                    uint32_t* role, uint32_t* end) const;

  // FactsOfWord for a token: by its word id when it has one in lexicon_.
  WordFacts FactsOfToken(const Document& doc, uint32_t word, std::string_view form) const;

  const Gazetteer& gaz_;
  const RoleLexicon& roles_;
  const Lexicon& lexicon_;              // whose word ids facts_by_word_ is indexed by
  std::vector<WordFacts> facts_by_word_;  // [word id], computed once for every word
  TableId id_;  // memo key of FactsOfWord; the tables must not change while referred to
};

}  // namespace dyad

#endif  // DYAD_ACTORS_MENTION_PARSER_H_
