// Same-event groups of articles.
//
// StoryClusterer assigns articles as they arrive (the store adds articles over time):
// each joins the existing group it is most similar to, if that similarity reaches the
// threshold, else starts a new group. The similarity of an article to a group is the
// mean EventSimilarity to the group's members (average link), so a group does not drift
// towards its latest member. Near-duplicates (minhash.h) always join their original's
// group. ClusterAverageLink() is the offline counterpart for evaluation: agglomerative
// average-link clustering of a whole collection.
//
// Both weigh terms with an IdfTable of the articles they hold (StoryClusterer: the
// articles added so far, or a table the caller supplies).
#ifndef DYAD_STORY_STORY_CLUSTERER_H_
#define DYAD_STORY_STORY_CLUSTERER_H_

#include <cstddef>
#include <vector>

#include "story/fingerprint.h"
#include "story/term_vector.h"

namespace dyad {

// EventSimilarity at or above which an article joins a group, when the IdfTable covers
// a broad collection (many topics: what a store holds). Chosen on ECB+ (see
// ecbplus_eval_test.cc): from 0.175 to 0.25 B-cubed F1 there stays within 0.02.
inline constexpr double kSameEventSimilarity = 0.2;
// The same when the IdfTable covers only the articles of one topic (say, the candidates
// a search returned): it weighs the topic's shared words down, leaving lower
// similarities. Chosen on ECB+ the same way (0.04 to 0.06 within 0.01).
inline constexpr double kSameEventSimilarityOneTopic = 0.045;

class StoryClusterer {
 public:
  // idf: document frequencies to weigh terms with (not owned, must outlive the
  // clusterer); null: the clusterer keeps its own over the articles added.
  explicit StoryClusterer(double threshold = kSameEventSimilarity, const IdfTable* idf = nullptr);

  // Adds one article; returns its group, numbered 0, 1, 2... in order of creation.
  int Add(const StoryFingerprint& fingerprint);

  size_t size() const { return members_.size(); }
  size_t groups() const { return group_size_.size(); }
  int GroupOf(size_t article) const { return group_[article]; }

 private:
  double threshold_;
  const IdfTable* idf_;
  IdfTable own_idf_;
  std::vector<StoryFingerprint> members_;
  std::vector<int> group_;        // per article
  std::vector<size_t> group_size_;
};

// Offline: average-link agglomerative clustering of all fingerprints, merging the most
// similar pair of groups while their mean pairwise EventSimilarity is >= threshold.
// idf null: built from the fingerprints themselves. Returns a group per fingerprint,
// numbered in order of first appearance. O(n^2) memory and O(n^3) time in the worst
// case: for collections of up to a few thousand.
std::vector<int> ClusterAverageLink(const std::vector<StoryFingerprint>& fingerprints,
                                    double threshold = kSameEventSimilarity,
                                    const IdfTable* idf = nullptr);

}  // namespace dyad

#endif  // DYAD_STORY_STORY_CLUSTERER_H_
