// Name similarity: whether two spellings of a person's name name the same person, across
// the transliterations news outlets use ("Asaad al-Shaibani", "Assad Hassan Al-Shibani",
// "As'ad Chaibani"; "Aliyev", "Aliev").
//
// A name word's key keeps the consonant frame and the position of every vowel run, but
// reduces each vowel run to a class (A; E; I for i/y/ai/ei/ie; U for o/u/ou; Y for ea, an
// English spelling that only matches itself: "Reagan" is not "Regan"). Keys are built
// from the accent-free form (FoldForMatching) with apostrophes and hyphens dropped, the
// particles al-/el-/ad-/as-/ash-... removed, sh/ch -> one sound, kh, ph, q, dj, zh/dzh (as
// j: "Zhaparov", "Japarov"), ck unified, y
// after a vowel read as a vowel, and doubled letters collapsed.
//   "Shaibani", "Shibani", "Chaibani" -> "$IbAnI";  "Asaad", "Assad", "As'ad" -> "AsAd"
// Two words match when their frames are equal and their vowel classes agree position by
// position, where A~E and E~I also agree (Ahmad/Ahmed, Mohammed/Muhammad). Keeping the
// classes is what keeps "Hassan" (hAsAn) and "Hussein" (hUsIn) apart, and the vowel positions
// keep "Mohammed" (mUhAmEd) and "Mahmoud" (mAhmUd) apart.
//
// Two names match when their family names (last words) match, and their given names (first
// words) match or one is absent (a bare surname) or an initial ("A. al-Shaibani"). Middle
// names are optional ("Assad Hassan Al-Shibani" = "Asaad al-Shaibani"); when both names
// have middle words, at least one must match.
#ifndef DYAD_ACTORS_NAME_SIMILARITY_H_
#define DYAD_ACTORS_NAME_SIMILARITY_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// The key of one name word, as described above; "" for a particle or a word without
// letters. Frame characters: lowercase consonants, '$' for sh/ch, 'x' for kh.
std::string NameWordKey(std::string_view word);

// The key with every vowel class replaced by '*': equal for all words that can match, so
// it serves as an index key ("$*b*n*").
std::string NameWordFrame(std::string_view key);

// True when two word keys (NameWordKey) may spell the same name word.
bool NameWordKeysMatch(std::string_view a, std::string_view b);

// A person's name split into word keys, particles dropped. `initial` marks a given name
// written as one letter ("A." or "A").
struct PersonNameKey {
  std::vector<std::string> words;  // keys, in order; empty when the name has no letters
  bool given_is_initial = false;

  bool empty() const { return words.empty(); }
  const std::string& family() const { return words.back(); }  // requires !empty()
};
PersonNameKey ParsePersonName(std::string_view name);

// How alike two names are, in [0, 1]: 0 when they do not match (see above); 1 for the same
// words; 0.9 when one has extra middle names; 0.8 for an initial; 0.6 when one is a bare
// surname (it may name another person of that family).
double NameSimilarity(const PersonNameKey& a, const PersonNameKey& b);
double NameSimilarity(std::string_view a, std::string_view b);

inline bool NamesMatch(std::string_view a, std::string_view b) { return NameSimilarity(a, b) > 0; }

}  // namespace dyad

#endif  // DYAD_ACTORS_NAME_SIMILARITY_H_
