// Near-duplicate articles: MinHash over word shingles with LSH banding.
//
// Two copies of one text (a distributor's republication, another outlet's reprint with
// its own header or title, a paragraph added or cut, other whitespace or quotes) share
// most of their kShingleWords-word shingles; two different articles, even on the same
// event, share almost none. The Jaccard similarity of the two shingle sets is estimated
// as the fraction of the kMinHashSize hash functions whose minima agree.
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
// J = 0.7 with 64 functions); LSH candidates are found with probability 0.89 at 0.6 and
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

namespace minhash_internal {
// Multiply-add-shift hash functions h_i(x) = (a_i * x + b_i) >> 32 over the 64-bit
// shingle hash (a_i odd), fixed constants from splitmix64.
struct Coefficients {
  std::array<uint64_t, kMinHashSize> mul;
  std::array<uint64_t, kMinHashSize> add;
};
constexpr Coefficients MakeCoefficients() {
  Coefficients c{};
  uint64_t state = 0x6479616453544f52ull;  // "dyadSTOR"
  auto next = [&state]() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  for (size_t i = 0; i < kMinHashSize; ++i) {
    c.mul[i] = next() | 1;
    c.add[i] = next();
  }
  return c;
}
inline constexpr Coefficients kCoefficients = MakeCoefficients();
}  // namespace minhash_internal

// Adds one shingle (its 64-bit hash) to a sketch.
inline void MinHashAdd(uint64_t shingle_hash, std::array<uint32_t, kMinHashSize>* sketch) {
  const auto& k = minhash_internal::kCoefficients;
  for (size_t i = 0; i < kMinHashSize; ++i) {
    uint32_t v = static_cast<uint32_t>((k.mul[i] * shingle_hash + k.add[i]) >> 32);
    if (v < (*sketch)[i]) (*sketch)[i] = v;
  }
}

}  // namespace dyad

#endif  // DYAD_STORY_MINHASH_H_
