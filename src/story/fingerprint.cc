#include "story/fingerprint.h"

#include <cmath>
#include <cstring>

#include <xxhash.h>

#include "story/minhash.h"
#include "story/stopwords.h"
#include "story/term_vector.h"
#include "story/word_scanner.h"

namespace dyad {
namespace {

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Order-sensitive hash of kShingleWords consecutive word hashes (ring[start] first).
inline uint64_t ShingleHash(const uint64_t* ring, size_t start, size_t count) {
  uint64_t h = 0x243f6a8885a308d3ull;
  for (size_t k = 0; k < count; ++k) {
    h = (Rotl(h, 23) ^ ring[(start + k) % kShingleWords]) * 0x9e3779b97f4a7c15ull;
  }
  // murmur3 finaliser: the minhash functions want well-mixed input.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Light stemming for terms: plural -s ("earthquakes" -> "earthquake", "cities" ->
// "city"). Returns the word or a view of *buf.
std::string_view StemPlural(std::string_view w, std::string* buf) {
  if (w.size() < 4 || w.back() != 's') return w;
  char before = w[w.size() - 2];
  if (before == 's' || before == 'u' || before == 'i') return w;  // "press", "virus", "crisis"
  if (w.size() > 4 && w.ends_with("ies")) {
    buf->assign(w.substr(0, w.size() - 3));
    buf->push_back('y');
    return *buf;
  }
  return w.substr(0, w.size() - 1);
}

struct Scratch {
  TermCollector terms;
  std::string stem;
};

// Adds the event terms of a word.
inline void AddTerm(const ScannedWord& word, uint64_t word_hash, uint8_t flags, Scratch* scratch) {
  std::string_view w = word.text;
  if (word.numeric) {
    if (w.size() < 2) return;  // single digits: list numbering, "1 of 3"
    flags |= TermCollector::kNumber;
  } else if (w.size() < 2 || IsStopwordHash(word_hash)) {
    return;
  }
  std::string_view stem = word.numeric ? w : StemPlural(w, &scratch->stem);
  uint64_t term_hash = stem.size() == w.size() && stem.data() == w.data() ? word_hash : WordHash(stem);
  bool first_upper = word.capitalized;
  scratch->terms.Add(term_hash, first_upper && !word.sentence_start, !first_upper && !word.numeric, flags);
}

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
uint32_t GetU32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}
constexpr char kMagic[3] = {'D', 'S', 'F'};
constexpr unsigned char kVersion = 1;
constexpr size_t kHeaderBytes = 12;

}  // namespace

void ComputeFingerprint(std::string_view title, std::string_view text, StoryFingerprint* out) {
  thread_local Scratch scratch;
  scratch.terms.Reset();
  out->minhash.fill(kEmptyMinHash);
  out->shingle_count = 0;

  ScannedWord word;
  WordScanner title_words(title);
  while (title_words.Next(&word)) {
    word.sentence_start = true;  // titles are often in title case: no evidence of names
    AddTerm(word, WordHash(word.text), TermCollector::kTitle, &scratch);
  }

  uint64_t ring[kShingleWords];
  size_t words = 0;
  WordScanner text_words(text);
  while (text_words.Next(&word)) {
    uint64_t h = WordHash(word.text);
    ring[words % kShingleWords] = h;
    ++words;
    if (words >= kShingleWords) {
      MinHashAdd(ShingleHash(ring, words % kShingleWords, kShingleWords), &out->minhash);
      ++out->shingle_count;
    }
    AddTerm(word, h, 0, &scratch);
  }
  if (words > 0 && words < kShingleWords) {  // a text shorter than one shingle
    MinHashAdd(ShingleHash(ring, 0, words), &out->minhash);
    out->shingle_count = 1;
  }
  MinHashFinish(&out->minhash);
  scratch.terms.Finish(&out->terms);
}

StoryFingerprint Fingerprint(std::string_view title, std::string_view text) {
  StoryFingerprint fp;
  ComputeFingerprint(title, text, &fp);
  return fp;
}

std::string Serialize(const StoryFingerprint& fp) {
  std::string out;
  size_t terms = std::min(fp.terms.size(), kMaxStoryTerms);
  out.reserve(kHeaderBytes + 4 * kMinHashSize + 8 * terms + 4);
  out.append(kMagic, sizeof(kMagic));
  out.push_back(static_cast<char>(kVersion));
  out.push_back(static_cast<char>(terms & 0xff));
  out.push_back(static_cast<char>(terms >> 8));
  out.push_back(0);
  out.push_back(0);
  PutU32(&out, fp.shingle_count);
  for (uint32_t v : fp.minhash) PutU32(&out, v);
  for (size_t i = 0; i < terms; ++i) {
    PutU32(&out, fp.terms[i].hash);
    uint32_t bits;
    static_assert(sizeof(float) == 4);
    std::memcpy(&bits, &fp.terms[i].weight, 4);
    PutU32(&out, bits);
  }
  PutU32(&out, static_cast<uint32_t>(XXH3_64bits(out.data(), out.size())));
  return out;
}

bool Deserialize(std::string_view blob, StoryFingerprint* out, std::string* error) {
  auto fail = [error](const char* why) {
    if (error != nullptr) *error = why;
    return false;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
  if (blob.size() < kHeaderBytes + 4 * kMinHashSize + 4) return fail("story fingerprint: blob too short");
  if (std::memcmp(p, kMagic, sizeof(kMagic)) != 0) return fail("story fingerprint: bad magic");
  if (p[3] != kVersion) return fail("story fingerprint: unknown version");
  size_t terms = static_cast<size_t>(p[4]) | static_cast<size_t>(p[5]) << 8;
  if (terms > kMaxStoryTerms) return fail("story fingerprint: too many terms");
  if (p[6] != 0 || p[7] != 0) return fail("story fingerprint: reserved bytes set");
  size_t expected = kHeaderBytes + 4 * kMinHashSize + 8 * terms + 4;
  if (blob.size() != expected) return fail("story fingerprint: size does not match term count");
  uint32_t checksum = static_cast<uint32_t>(XXH3_64bits(p, expected - 4));
  if (GetU32(p + expected - 4) != checksum) return fail("story fingerprint: checksum mismatch");

  out->shingle_count = GetU32(p + 8);
  const unsigned char* q = p + kHeaderBytes;
  for (size_t i = 0; i < kMinHashSize; ++i, q += 4) out->minhash[i] = GetU32(q);
  out->terms.resize(terms);
  for (size_t i = 0; i < terms; ++i, q += 8) {
    StoryTerm& t = out->terms[i];
    t.hash = GetU32(q);
    uint32_t bits = GetU32(q + 4);
    std::memcpy(&t.weight, &bits, 4);
    if (!std::isfinite(t.weight) || !(t.weight > 0)) return fail("story fingerprint: bad term weight");
    if (i > 0 && out->terms[i - 1].hash >= t.hash) return fail("story fingerprint: terms not sorted");
  }
  return true;
}

}  // namespace dyad
