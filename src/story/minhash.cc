#include "story/minhash.h"

#include <xxhash.h>

namespace dyad {

void MinHashFinish(std::array<uint32_t, kMinHashSize>* sketch) {
  uint64_t filled = 0;  // bit i: bin i was reached by a shingle
  for (size_t i = 0; i < kMinHashSize; ++i) {
    if ((*sketch)[i] != kEmptyMinHash) filled |= uint64_t{1} << i;
  }
  if (filled == 0 || filled == ~uint64_t{0}) return;
  for (size_t i = 0; i < kMinHashSize; ++i) {
    if (filled >> i & 1) continue;
    // splitmix64 over (bin, attempt): the sequence of bins to try is fixed per bin.
    uint64_t state = 0x5354525944454e53ull ^ (static_cast<uint64_t>(i) << 32);
    for (;;) {
      uint64_t z = (state += 0x9e3779b97f4a7c15ull);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      z ^= z >> 31;
      size_t j = static_cast<size_t>(z >> 58);
      if (filled >> j & 1) {
        (*sketch)[i] = (*sketch)[j];
        break;
      }
    }
  }
}

std::array<uint64_t, kLshBands> LshBands(const StoryFingerprint& fingerprint) {
  std::array<uint64_t, kLshBands> keys{};
  if (fingerprint.minhash[0] == kEmptyMinHash && fingerprint.shingle_count == 0) return keys;
  for (size_t band = 0; band < kLshBands; ++band) {
    uint32_t words[1 + kLshRows];
    words[0] = static_cast<uint32_t>(band);
    for (size_t r = 0; r < kLshRows; ++r) words[1 + r] = fingerprint.minhash[band * kLshRows + r];
    // Byte order fixed so that keys agree across machines.
    unsigned char bytes[sizeof(words)];
    for (size_t i = 0; i < 1 + kLshRows; ++i) {
      for (size_t j = 0; j < 4; ++j) bytes[i * 4 + j] = static_cast<unsigned char>(words[i] >> (8 * j));
    }
    uint64_t key = XXH3_64bits(bytes, sizeof(bytes));
    keys[band] = key == 0 ? 1 : key;
  }
  return keys;
}

double EstimatedJaccard(const StoryFingerprint& a, const StoryFingerprint& b) {
  if (a.shingle_count == 0 || b.shingle_count == 0) return 0;
  size_t same = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) same += a.minhash[i] == b.minhash[i];
  return static_cast<double>(same) / static_cast<double>(kMinHashSize);
}

bool IsNearDuplicate(const StoryFingerprint& a, const StoryFingerprint& b) {
  return EstimatedJaccard(a, b) >= kNearDuplicateJaccard;
}

}  // namespace dyad
