// StoryFingerprint: what the store keeps of each article to find, across articles,
// (1) copies of the same text (syndicated, republished with another header or a
// paragraph more or less: see minhash.h) and (2) other articles on the same real-world
// event (see term_vector.h and story_clusterer.h). Computed in one pass over the text,
// deterministic across runs and machines (fixed hash functions, no locale, no
// floating-point dependence on order beyond IEEE single precision), and serialised to a
// blob of at most kMaxFingerprintBytes.
#ifndef DYAD_STORY_FINGERPRINT_H_
#define DYAD_STORY_FINGERPRINT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

inline constexpr size_t kMinHashSize = 64;   // bins of the MinHash sketch (minhash.h)
inline constexpr size_t kShingleWords = 4;   // words per shingle
inline constexpr size_t kMaxStoryTerms = 64; // terms kept per article
inline constexpr uint32_t kEmptyMinHash = 0xffffffffu;

// One weighted term of an article. hash: 32 bits of the xxHash3 of the term's
// normalised, lightly stemmed form. weight: > 0; sub-linear term frequency, more for
// proper names, numbers and title words (no corpus statistics: see IdfTable).
struct StoryTerm {
  uint32_t hash = 0;
  float weight = 0;
  bool operator==(const StoryTerm&) const = default;
};

struct StoryFingerprint {
  // Per bin, the minimum over the text's word shingles (one-permutation MinHash,
  // densified: see minhash.h); all kEmptyMinHash for a text without words.
  std::array<uint32_t, kMinHashSize> minhash;
  // Shingles of the text (with repeats): lets a caller tell a short notice from an
  // article.
  uint32_t shingle_count = 0;
  // At most kMaxStoryTerms, sorted by hash, hashes distinct.
  std::vector<StoryTerm> terms;

  StoryFingerprint() { minhash.fill(kEmptyMinHash); }
  bool operator==(const StoryFingerprint&) const = default;
};

// The fingerprint of one article. The title counts for the event terms only: a copy
// re-titled by another outlet is still a near-duplicate of the original. Reuses
// *out's storage.
void ComputeFingerprint(std::string_view title, std::string_view text, StoryFingerprint* out);
StoryFingerprint Fingerprint(std::string_view title, std::string_view text);

// Blob layout (little endian): "DSF" magic, version byte 1, u16 term count, u16 0,
// u32 shingle_count, 64 x u32 minhash, terms x (u32 hash, f32 weight), u32 checksum
// (low half of xxHash3 of everything before it).
inline constexpr size_t kMaxFingerprintBytes = 4 + 4 + 4 + 4 * kMinHashSize + 8 * kMaxStoryTerms + 4;
std::string Serialize(const StoryFingerprint& fingerprint);

// Parses a blob of Serialize(). On malformed input (wrong size, magic, version, count,
// checksum, unsorted or duplicate term hashes, weights not finite and positive) returns
// false with a reason in *error (if not null) and leaves *out unspecified.
bool Deserialize(std::string_view blob, StoryFingerprint* out, std::string* error);

}  // namespace dyad

#endif  // DYAD_STORY_FINGERPRINT_H_
