// ActorMention: a span of a sentence that names who acts or is acted on, with its
// CAMEO actor code. The actor stage writes these; the event coder only reads them.
#ifndef DYAD_ACTORS_ACTOR_H_
#define DYAD_ACTORS_ACTOR_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

enum class MentionKind : uint8_t {
  kCountry,       // "Syria", "the Republic of Turkiye"
  kDemonym,       // "Syrian", "Azerbaijani" used as a noun phrase head or modifier
  kCapital,       // "Damascus said" (metonym for the government)
  kOrganization,  // "the United Nations", "Azerbaijan's Ministry of Foreign Affairs"
  kRole,          // "the foreign minister", "Syrian rebels", "an Azerbaijani delegation"
  kPerson,        // "Yalchin Rafiyev", "Minister Al-Shibani"
  kPronoun,       // "he", "she", "they", resolved to an earlier mention
  kPair,          // "the two countries", "both sides": the pair the article names together
};

// "country", "demonym", "capital", "organization", "role", "person", "pronoun", "pair".
inline const char* MentionKindName(MentionKind k) {
  switch (k) {
    case MentionKind::kCountry: return "country";
    case MentionKind::kDemonym: return "demonym";
    case MentionKind::kCapital: return "capital";
    case MentionKind::kOrganization: return "organization";
    case MentionKind::kRole: return "role";
    case MentionKind::kPerson: return "person";
    case MentionKind::kPronoun: return "pronoun";
    case MentionKind::kPair: return "pair";
  }
  return "?";
}

struct ActorMention {
  uint32_t sentence = 0;     // index into Document::sentences
  uint32_t first_token = 0;  // token span [first_token, end_token) in Document::tokens
  uint32_t end_token = 0;
  uint32_t head_token = 0;   // the token that carries the phrase (noun head)
  MentionKind kind = MentionKind::kCountry;
  std::string code;     // full CAMEO actor code: "AZEGOV", "SYR", "IGOUNO", "SYRREB"
  std::string country;  // ISO/CAMEO alpha-3 of the actor's country, "" for IGOs etc.
  std::string role;     // primary CAMEO role code ("GOV", "MIL", "REB"...), or ""
  std::string entity;   // canonical name of a person or organisation, else ""
  std::string title;    // role words that came with the name ("Deputy Foreign Minister")
  int antecedent = -1;  // for pronouns and bare surnames: index of the mention resolved to
  // kPair: the code of the pair's other member (`code` and `country` are the first's).
  std::string pair_code;
};

// "---" + role ("---GOV"): PETRARCH's code for an agent of unknown country. Such an
// actor names no one an analyst can use: it yields no event.
inline bool IsUnknownCountryCode(std::string_view code) { return code.substr(0, 3) == "---"; }

}  // namespace dyad

#endif  // DYAD_ACTORS_ACTOR_H_
