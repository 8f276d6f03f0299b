// ActorDictionary: the actors and agents of TABARI (.actors, .agents) and PETRARCH
// (*.actors.txt, *.agents.txt) dictionaries, read from the user's files.
//
// Actors: a phrase with synonyms and one or more codes, each optionally restricted to
// dates ("[USAGOV 991201-010114]", "[HOB <950601]", "[HOBREB >990816]"). Agents: a phrase
// with a role code that composes with an actor: "[~GOV]" follows the actor's code
// (Arnor's government -> ARNGOV), "[NGO~]" precedes it (MSF Arnor -> NGOARN).
// Special codes: "---" (known, not coded), "###" (discard the sentence), "+++" (too
// complex to code: discard the sentence), "A/B" (several actors at once).
#ifndef DYAD_COMPAT_ACTOR_DICTIONARY_H_
#define DYAD_COMPAT_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compat/classic_format.h"
#include "util/diagnostics.h"

namespace dyad {

struct ActorCode {
  std::string code;  // "USAGOV", "---", "###", "+++", "FRO/BIL/SAM"
  DateRange dates;
};

struct ActorEntry {
  std::vector<std::vector<PhraseWord>> phrases;  // the root phrase and its synonyms
  std::vector<ActorCode> codes;
  std::string origin;  // "file:line" of the root phrase

  // The code in force on date (yyyymmdd, 0 = unknown): the first restricted code whose
  // dates contain it, else the first unrestricted code; "" when none applies. When the
  // date is unknown and every code is restricted, the first one listed.
  std::string_view CodeOn(int32_t date) const;
};

struct AgentEntry {
  std::vector<std::vector<PhraseWord>> phrases;  // with generated and listed plurals
  std::string code;    // "GOV", "GOVMED", "NGO"
  bool prefix = false; // "[NGO~]": the code goes before the actor's code
  std::string origin;
};

struct ActorDictionary {
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;

  // Add the entries of one actors / agents file. Malformed entries are reported
  // (origin:line) and skipped. Return the number of entries added.
  size_t ReadActors(std::string_view text, std::string_view origin, ClassicDialect dialect,
                    const DiagnosticSink& diag);
  size_t ReadAgents(std::string_view text, std::string_view origin, ClassicDialect dialect,
                    const DiagnosticSink& diag);
};

}  // namespace dyad

#endif  // DYAD_COMPAT_ACTOR_DICTIONARY_H_
