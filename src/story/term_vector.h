// Same-event similarity: weighted terms of an article and their cosine.
//
// Articles written separately about one event share its names, places, numbers and
// content words; articles about a similar but different event (another earthquake,
// another celebrity in rehab) share the topic words but not the names, places and
// numbers. So the term vector leaves out function words (stopwords.h), weights proper
// names, numbers and title words up, and keeps the kMaxStoryTerms heaviest terms.
// Terms that most articles of a collection share (the topic's own words) are weighed
// down by an IdfTable built at run time from the articles at hand; without one, the
// weights stand alone.
#ifndef DYAD_STORY_TERM_VECTOR_H_
#define DYAD_STORY_TERM_VECTOR_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "story/fingerprint.h"

namespace dyad {

// Document frequencies of term hashes over a collection of fingerprints (only the kept
// terms of each, which is what a store has). Idf(t) = ln((N + 1) / (df(t) + 0.5)),
// floored at 0; an unknown term counts as df 0.
class IdfTable {
 public:
  void Add(const StoryFingerprint& fingerprint);
  void Remove(const StoryFingerprint& fingerprint);  // undoes one Add
  double Idf(uint32_t term_hash) const;
  uint32_t documents() const { return documents_; }

 private:
  std::unordered_map<uint32_t, uint32_t> df_;
  uint32_t documents_ = 0;
};

// Cosine of the two term vectors, each weight multiplied by idf->Idf(term) when idf is
// given. In [0, 1]; 0 when either has no terms.
double EventSimilarity(const StoryFingerprint& a, const StoryFingerprint& b,
                       const IdfTable* idf = nullptr);

// Collects the terms of one article, then keeps the heaviest. Reusable: Reset() keeps
// the table's storage. Used by ComputeFingerprint().
class TermCollector {
 public:
  enum Flags : uint8_t { kNumber = 1, kTitle = 2 };
  TermCollector();
  void Reset();
  // One occurrence. capitalized_inside: capitalised, not at a sentence start (evidence
  // of a proper name); lowercase: written in lower case (evidence against).
  void Add(uint64_t term_hash, bool capitalized_inside, bool lowercase, uint8_t flags);
  // The kMaxStoryTerms heaviest terms, sorted by hash.
  void Finish(std::vector<StoryTerm>* out);

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t count = 0;
    uint16_t capitalized = 0;
    uint16_t lowercase = 0;
    uint8_t flags = 0;
  };
  void Grow();
  std::vector<Slot> slots_;
  std::vector<uint32_t> used_;  // indexes of filled slots, in insertion order
  std::vector<std::pair<float, uint32_t>> ranked_;
};

}  // namespace dyad

#endif  // DYAD_STORY_TERM_VECTOR_H_
