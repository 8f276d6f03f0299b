// RoleLexicon: role words and titles ("deputy foreign minister", "embassy", "troops") with
// their CAMEO role codes, from data/actors/roles.tsv (format documented there).
#ifndef DYAD_ACTORS_ROLE_LEXICON_H_
#define DYAD_ACTORS_ROLE_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/phrase_table.h"
#include "text/document.h"
#include "util/diagnostics.h"

namespace dyad {

enum class RoleKind : uint8_t {
  kModifier,   // "deputy", "acting", "former"
  kHonorific,  // "Mr.", "Dr.", "Sheikh"
  kTitle,      // "President", "Foreign Minister": may stand before a name
  kPerson,     // "spokesman", "official": one person, not a title
  kBody,       // "ministry", "embassy", "government"
  kGroup,      // "troops", "rebels", "civilians"
};

struct Role {
  std::string phrase;  // normalised, as in the table
  std::string head;    // last word of the phrase ("minister", "embassy")
  std::string code;    // role code to append ("GOV", "GOVMIL"), "" for "-"
  bool absolute = false;  // code is the whole actor code ("=IGOPKO")
  bool alone = false;     // a mention even without a country or organisation
  RoleKind kind = RoleKind::kBody;
};

// Which role phrases LongestAt() considers.
enum class RoleFilter : uint8_t { kAny, kModifiers, kHonorifics, kHeads };

class RoleLexicon {
 public:
  // Parses the table; malformed lines are reported to sink (when set) and skipped.
  static RoleLexicon FromText(std::string_view roles_tsv, const DiagnosticSink& sink,
                              std::string_view name = "actors/roles.tsv");
  static const RoleLexicon& BuiltIn();

  // Longest role phrase at token begin, not past limit; *role gets its index.
  bool LongestAt(const Document& doc, uint32_t begin, uint32_t limit, RoleFilter filter,
                 uint32_t* role, uint32_t* end) const;

  // False when no role phrase can start at the token (cheap pre-check).
  bool MayStartAt(const Document& doc, uint32_t t) const { return phrases_.MayStartAt(doc, t); }
  // The same split per word, for memoising callers (see PhraseTable::WordKeys).
  uint8_t WordKeys(std::string_view word) const { return phrases_.WordKeys(word); }
  bool MayStart(uint8_t norm_keys, uint8_t lemma_keys, bool lemma_is_norm) const {
    return phrases_.MayStart(norm_keys, lemma_keys, lemma_is_norm);
  }

  const Role& role(uint32_t i) const { return roles_[i]; }
  size_t size() const { return roles_.size(); }

 private:
  std::vector<Role> roles_;
  PhraseTable phrases_;
};

}  // namespace dyad

#endif  // DYAD_ACTORS_ROLE_LEXICON_H_
