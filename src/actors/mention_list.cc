#include "actors/mention_list.h"

#include <utility>

namespace dyad {

void MergeMentions(std::vector<ActorMention>* mentions, std::vector<ActorMention> added,
                   const std::vector<bool>& drop) {
  if (added.empty() && drop.empty()) return;
  std::vector<ActorMention> merged;
  merged.reserve(mentions->size() + added.size());
  std::vector<int> renumber(mentions->size(), -1);
  auto before = [](const ActorMention& a, const ActorMention& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.first_token < b.first_token;
  };
  size_t a = 0;
  for (size_t k = 0; k < mentions->size(); ++k) {
    if (k < drop.size() && drop[k]) continue;
    while (a < added.size() && before(added[a], (*mentions)[k])) merged.push_back(std::move(added[a++]));
    renumber[k] = static_cast<int>(merged.size());
    merged.push_back(std::move((*mentions)[k]));
  }
  while (a < added.size()) merged.push_back(std::move(added[a++]));
  for (ActorMention& x : merged)
    if (x.antecedent >= 0)
      x.antecedent = static_cast<size_t>(x.antecedent) < renumber.size() ? renumber[static_cast<size_t>(x.antecedent)] : -1;
  mentions->swap(merged);
}

}  // namespace dyad
