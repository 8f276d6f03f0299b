#include "story/story_clusterer.h"

#include <limits>

#include "story/minhash.h"

namespace dyad {

StoryClusterer::StoryClusterer(double threshold, const IdfTable* idf)
    : threshold_(threshold), idf_(idf) {}

int StoryClusterer::Add(const StoryFingerprint& fingerprint) {
  const IdfTable* idf = idf_;
  if (idf == nullptr) {
    own_idf_.Add(fingerprint);
    idf = &own_idf_;
  }
  std::vector<double> sum(group_size_.size(), 0.0);
  int duplicate_of = -1;
  for (size_t i = 0; i < members_.size(); ++i) {
    if (duplicate_of < 0 && IsNearDuplicate(fingerprint, members_[i])) duplicate_of = group_[i];
    sum[group_[i]] += EventSimilarity(fingerprint, members_[i], idf);
  }
  int best = duplicate_of;
  if (best < 0) {
    double best_sim = threshold_;
    for (size_t g = 0; g < sum.size(); ++g) {
      double mean = sum[g] / static_cast<double>(group_size_[g]);
      if (mean >= best_sim) {
        best_sim = mean;
        best = static_cast<int>(g);
      }
    }
  }
  if (best < 0) {
    best = static_cast<int>(group_size_.size());
    group_size_.push_back(0);
  }
  ++group_size_[best];
  members_.push_back(fingerprint);
  group_.push_back(best);
  return best;
}

std::vector<int> ClusterAverageLink(const std::vector<StoryFingerprint>& fingerprints,
                                    double threshold, const IdfTable* idf) {
  const size_t n = fingerprints.size();
  IdfTable own;
  if (idf == nullptr) {
    for (const auto& fp : fingerprints) own.Add(fp);
    idf = &own;
  }
  // sim[a][b]: sum of pairwise similarities between groups a and b (a, b live groups).
  std::vector<std::vector<double>> sum(n, std::vector<double>(n, 0.0));
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      double s = EventSimilarity(fingerprints[a], fingerprints[b], idf);
      if (IsNearDuplicate(fingerprints[a], fingerprints[b])) s = 1.0;
      sum[a][b] = sum[b][a] = s;
    }
  }
  std::vector<size_t> size(n, 1);
  std::vector<size_t> root(n);
  for (size_t i = 0; i < n; ++i) root[i] = i;
  std::vector<bool> alive(n, true);
  for (;;) {
    double best = -1;
    size_t ba = 0, bb = 0;
    for (size_t a = 0; a < n; ++a) {
      if (!alive[a]) continue;
      for (size_t b = a + 1; b < n; ++b) {
        if (!alive[b]) continue;
        double mean = sum[a][b] / static_cast<double>(size[a] * size[b]);
        if (mean > best) {
          best = mean;
          ba = a;
          bb = b;
        }
      }
    }
    if (best < threshold) break;
    // Merge bb into ba.
    for (size_t c = 0; c < n; ++c) {
      if (!alive[c] || c == ba || c == bb) continue;
      sum[ba][c] += sum[bb][c];
      sum[c][ba] = sum[ba][c];
    }
    size[ba] += size[bb];
    alive[bb] = false;
    for (size_t i = 0; i < n; ++i) {
      if (root[i] == bb) root[i] = ba;
    }
  }
  std::vector<int> label(n, -1);
  std::vector<int> number(n, -1);
  int next = 0;
  for (size_t i = 0; i < n; ++i) {
    if (number[root[i]] < 0) number[root[i]] = next++;
    label[i] = number[root[i]];
  }
  return label;
}

}  // namespace dyad
