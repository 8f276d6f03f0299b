// Near-duplicate articles: MinHash over word shingles with LSH banding.
//
// Two copies of one text (a distributor's republication, another outlet's reprint with
// its own header or title, a paragraph added or cut, other whitespace or quotes) share
// most of their kShingleWords-word shingles; two different articles, even on the same
// event, share almost none. The Jaccard similarity of the two shingle sets is estimated
// as the fraction of the kMinHashSize sketch bins whose minima agree.
//
// A store finds candidates without comparing against every article by indexing the
// kLshBands keys of LshBands(): two articles share at least one key with probability
// 1 - (1 - J^kLshRows)^kLshBands (J = 0.5: 0.64, 0.6: 0.89, 0.7: 0.99, 0.8: 1.00;
// J = 0.3: 0.12, 0.2: 0.03), then checks candidates with IsNearDuplicate().
#ifndef DYAD_STORY_MINHASH_H_
#define DYAD_STORY_MINHASH_H_

#include <array>
#include <cstdint>

#include "story/fingerprint.h"

namespace dyad {

inline constexpr size_t kLshBands = 16;
inline constexpr size_t kLshRows = kMinHashSize / kLshBands;  // 4

// Estimated Jaccard similarity at or above which two fingerprints are the same text.
// A copy with one paragraph of ten cut or added lies near 0.9, a new header or title
// costs a few shingles more. Separately written articles lie far below: on ECB+ no two
// articles about different events of one topic exceed 0.07; pairs above 0.3 there are
// all one wire story printed by several outlets, lightly to heavily edited (0.45-0.56:
// lead rewritten, paragraphs swapped). 0.6 keeps the verbatim and lightly edited copies
// (24 of ECB+'s 4491 same-event pairs), leaves heavily edited ones to same-event
// grouping, and leaves room for the estimate's spread (standard deviation about 0.06 at
// J = 0.7 with 64 bins); LSH candidates are found with probability 0.89 at 0.6 and
// 0.99 at 0.7.
inline constexpr double kNearDuplicateJaccard = 0.6;

// One key per band: a hash of the band's number and its kLshRows minima. Fingerprints
// of texts without words get no keys (an empty array is returned as all zero, and zero
// is never a key of a real band).
std::array<uint64_t, kLshBands> LshBands(const StoryFingerprint& fingerprint);

// Fraction of agreeing minima, in [0, 1]; 0 if either text had no words.
double EstimatedJaccard(const StoryFingerprint& a, const StoryFingerprint& b);

// EstimatedJaccard(a, b) >= kNearDuplicateJaccard.
bool IsNearDuplicate(const StoryFingerprint& a, const StoryFingerprint& b);

// The sketch is one-permutation MinHash (Li, Owen & Zhang 2012) with optimal
// densification (Shrivastava 2017): each shingle's 64-bit hash picks one of the
// kMinHashSize bins by its top bits and competes there with its low 32 bits, so a
// shingle costs one comparison instead of kMinHashSize hash evaluations; bins no shingle
// reached (short texts) then copy a non-empty bin chosen by a fixed pseudo-random
// sequence of the bin's number, the same for every text, so that agreeing bins still
// estimate the Jaccard similarity without bias.

// Adds one shingle (its well-mixed 64-bit hash) to a sketch that starts all
// kEmptyMinHash.
inline void MinHashAdd(uint64_t shingle_hash, std::array<uint32_t, kMinHashSize>* sketch) {
  static_assert(kMinHashSize == 64, "the bin is the hash's top 6 bits");
  size_t bin = static_cast<size_t>(shingle_hash >> 58);
  uint32_t value = static_cast<uint32_t>(shingle_hash);
  if (value == kEmptyMinHash) value = kEmptyMinHash - 1;
  if (value < (*sketch)[bin]) (*sketch)[bin] = value;
}

// Fills the empty bins after the last MinHashAdd (densification). A sketch with no
// shingle at all stays empty.
void MinHashFinish(std::array<uint32_t, kMinHashSize>* sketch);

}  // namespace dyad

#endif  // DYAD_STORY_MINHASH_H_
