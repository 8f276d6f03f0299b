#include "story/term_vector.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace dyad {
namespace {

// 1 + ln(count) for the common small counts (std::log per term shows in profiles).
constexpr uint32_t kLogTableSize = 64;
const std::array<float, kLogTableSize> kOnePlusLog = [] {
  std::array<float, kLogTableSize> t{};
  for (uint32_t i = 1; i < kLogTableSize; ++i) t[i] = 1.0f + std::log(static_cast<float>(i));
  return t;
}();

}  // namespace

void IdfTable::Add(const StoryFingerprint& fingerprint) {
  ++documents_;
  for (const StoryTerm& t : fingerprint.terms) ++df_[t.hash];
}

void IdfTable::Remove(const StoryFingerprint& fingerprint) {
  if (documents_ == 0) return;
  --documents_;
  for (const StoryTerm& t : fingerprint.terms) {
    auto it = df_.find(t.hash);
    if (it == df_.end()) continue;
    if (--it->second == 0) df_.erase(it);
  }
}

double IdfTable::Idf(uint32_t term_hash) const {
  auto it = df_.find(term_hash);
  double df = it == df_.end() ? 0 : it->second;
  double idf = std::log((documents_ + 1.0) / (df + 0.5));
  return idf > 0 ? idf : 0;
}

double EventSimilarity(const StoryFingerprint& a, const StoryFingerprint& b, const IdfTable* idf) {
  double dot = 0, norm_a = 0, norm_b = 0;
  auto weight = [idf](const StoryTerm& t) {
    return idf == nullptr ? static_cast<double>(t.weight) : t.weight * idf->Idf(t.hash);
  };
  size_t i = 0, j = 0;
  // Both lists are sorted by hash: one merge pass.
  while (i < a.terms.size() || j < b.terms.size()) {
    if (j == b.terms.size() || (i < a.terms.size() && a.terms[i].hash < b.terms[j].hash)) {
      double w = weight(a.terms[i++]);
      norm_a += w * w;
    } else if (i == a.terms.size() || b.terms[j].hash < a.terms[i].hash) {
      double w = weight(b.terms[j++]);
      norm_b += w * w;
    } else {
      double wa = weight(a.terms[i++]), wb = weight(b.terms[j++]);
      dot += wa * wb;
      norm_a += wa * wa;
      norm_b += wb * wb;
    }
  }
  if (norm_a <= 0 || norm_b <= 0) return 0;
  double cos = dot / std::sqrt(norm_a * norm_b);
  return std::clamp(cos, 0.0, 1.0);
}

TermCollector::TermCollector() { slots_.resize(1024); }

void TermCollector::Reset() {
  for (uint32_t i : used_) slots_[i] = Slot{};
  used_.clear();
}

void TermCollector::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  used_.clear();
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
    used_.push_back(static_cast<uint32_t>(i));
  }
}

void TermCollector::Add(uint64_t term_hash, bool capitalized_inside, bool lowercase, uint8_t flags) {
  if (term_hash == 0) term_hash = 1;
  if (used_.size() * 2 >= slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  size_t i = term_hash & mask;
  while (slots_[i].hash != 0 && slots_[i].hash != term_hash) i = (i + 1) & mask;
  Slot& s = slots_[i];
  if (s.hash == 0) {
    s.hash = term_hash;
    used_.push_back(static_cast<uint32_t>(i));
  }
  ++s.count;
  if (capitalized_inside && s.capitalized < 0xffff) ++s.capitalized;
  if (lowercase && s.lowercase < 0xffff) ++s.lowercase;
  s.flags |= flags;
}

void TermCollector::Finish(std::vector<StoryTerm>* out) {
  out->clear();
  ranked_.clear();
  for (uint32_t i : used_) {
    const Slot& s = slots_[i];
    float w = s.count < kLogTableSize ? kOnePlusLog[s.count] : 1.0f + std::log(static_cast<float>(s.count));
    // Mostly capitalised inside sentences: a name (person, place, organisation).
    if (s.capitalized > s.lowercase) w *= 2.0f;
    if (s.flags & kNumber) w *= 1.5f;
    if (s.flags & kTitle) w *= 1.5f;
    ranked_.emplace_back(w, static_cast<uint32_t>(s.hash));
  }
  // Heaviest first; ties by hash so that the choice never depends on table order.
  auto heavier = [](const std::pair<float, uint32_t>& x, const std::pair<float, uint32_t>& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  };
  size_t keep = std::min(ranked_.size(), kMaxStoryTerms);
  if (keep < ranked_.size()) std::nth_element(ranked_.begin(), ranked_.begin() + keep, ranked_.end(), heavier);
  for (size_t i = 0; i < keep; ++i) out->push_back(StoryTerm{ranked_[i].second, ranked_[i].first});
  std::sort(out->begin(), out->end(), [](const StoryTerm& x, const StoryTerm& y) { return x.hash < y.hash; });
  // Two 64-bit hashes may share their low 32 bits: merge them (rare).
  size_t w = 0;
  for (size_t r = 0; r < out->size(); ++r) {
    if (w > 0 && (*out)[w - 1].hash == (*out)[r].hash) {
      (*out)[w - 1].weight += (*out)[r].weight;
    } else {
      (*out)[w++] = (*out)[r];
    }
  }
  out->resize(w);
}

}  // namespace dyad
