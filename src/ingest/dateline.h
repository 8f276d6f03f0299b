// Datelines: the place (and often the outlet and day) that opens a wire story.
//   "Baku, SANA- "                     place Baku, outlet SANA
//   "WASHINGTON (Reuters) - "          place Washington, outlet Reuters
//   "BEIRUT, Dec 30 (Reuters) -"       place Beirut, day Dec 30, outlet Reuters
//   "MOSCOW (AP) — "                   place Moscow, outlet AP
//   "DAMASCUS, Dec. 30 (Xinhua) -- "   place Damascus, day Dec. 30, outlet Xinhua
//   "PARIS, Mo. — ", "NEW YORK _ "     place only (upper-case places need no outlet)
// Rules are kept strict so that an ordinary first sentence is never taken for one: a
// place in title case counts only with an outlet or a date beside it.
#ifndef DYAD_INGEST_DATELINE_H_
#define DYAD_INGEST_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

struct Dateline {
  std::string place;        // "Baku", "Washington" (all-caps words title-cased), "Paris, Mo."
  std::string outlet;       // "SANA", "Reuters"; "" when the dateline names none
  std::string distributor;  // "MENAFN" in "(MENAFN- AzerNews)"
  std::string day;          // "Dec. 30" as written, when it gives a day without a year
  std::string published;    // ISO date, when it gives a full date ("Dec 30, 2024")
  size_t length = 0;        // bytes of the prefix, separator and following spaces included
};

// The dateline at the very start of `text`, if there is one.
std::optional<Dateline> ParseDateline(std::string_view text);

// Splits an outlet credit "MENAFN- AzerNews" / "MENAFN - AzerNews" into distributor and
// outlet; a plain "Reuters" or hyphenated "Al-Monitor" is just the outlet.
void SplitOutletCredit(std::string_view credit, std::string* outlet, std::string* distributor);

}  // namespace dyad

#endif  // DYAD_INGEST_DATELINE_H_
