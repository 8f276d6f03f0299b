// Splits a CAMEO actor code ("AZEGOVMIL", "IGOUNO", "NGOHRIAMN") into the parts that
// GDELT and PLOVER write in separate fields, using data/cameo/actor_types.tsv.
#ifndef DYAD_EXPORT_ACTOR_CODE_H_
#define DYAD_EXPORT_ACTOR_CODE_H_

#include <string>
#include <string_view>
#include <vector>

#include "events/event.h"

namespace dyad {

struct ActorCodeParts {
  std::string country;      // CAMEO country code ("AZE", "ROM"), "" for non-state actors
  std::string iso3;         // ISO alpha-3 of that country, "" when none
  std::string top;          // first 3 letters: the country or "IGO", "NGO", "IMG", ...
  std::vector<std::string> types;  // type/role codes in order: "GOV", "MIL"; "IGO"
  std::string known_group;  // "UNO", "ALQ" when the code names a known group
};

// Uses actor.country (ISO or CAMEO alpha-3) when set, else the code's first 3 letters;
// actor.role, when set, is the first type.
ActorCodeParts SplitActorCode(const EventActor& actor);

// The class of a 3-letter component in data/cameo/actor_types.tsv ("primary_role",
// "international", "known_group", ...), or "" when unknown. A code with two classes
// (UNO) reports the first listed.
std::string_view ActorTypeClass(std::string_view code);
bool IsKnownGroup(std::string_view code);

}  // namespace dyad

#endif  // DYAD_EXPORT_ACTOR_CODE_H_
