#include "syntax/perceptron.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "syntax/binary_io.h"

namespace dyad {
namespace {

using binary_io::Get;
using binary_io::Put;

inline uint64_t Mix(uint64_t x) {  // the splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

constexpr char kMagic[4] = {'D', 'Y', 'P', 'M'};
constexpr uint32_t kVersion = 1;

}  // namespace

uint64_t FeatureHash(uint32_t template_id, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = Mix((static_cast<uint64_t>(template_id) + 1) * 0x9e3779b97f4a7c15ULL ^ a);
  h = Mix(h ^ (b + 0x632be59bd9b4e019ULL));
  h = Mix(h ^ (c + 0x8cb92ba72f3d8dd7ULL));
  return h == 0 ? 1 : h;
}

uint64_t StringHash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// ---------------------------------------------------------------------------------------
// PerceptronModel

const PerceptronModel::Slot* PerceptronModel::Find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
  }
}

void PerceptronModel::Score(const uint64_t* features, size_t n, int32_t* scores) const {
  std::fill(scores, scores + num_classes_, 0);
  if (slots_.empty()) return;
  // A model of megabytes misses the caches on nearly every slot and row: request a batch
  // of slots first, then their rows, then add, so that the misses overlap instead of
  // following one another (3x faster for the parser's ~100 features a decision).
  constexpr size_t kBatch = 32;
  const size_t mask = slots_.size() - 1;
  const Entry* rows[kBatch];
  uint32_t counts[kBatch];
  for (size_t start = 0; start < n; start += kBatch) {
    size_t end = std::min(n, start + kBatch);
    for (size_t f = start; f < end; ++f) __builtin_prefetch(&slots_[features[f] & mask]);
    size_t m = 0;
    for (size_t f = start; f < end; ++f) {
      const Slot* s = Find(features[f]);
      if (s == nullptr || s->count == 0) continue;
      rows[m] = entries_.data() + s->begin;
      counts[m] = s->count;
      __builtin_prefetch(rows[m]);
      ++m;
    }
    for (size_t r = 0; r < m; ++r) {
      const Entry* e = rows[r];
      for (uint32_t k = 0; k < counts[r]; ++k) scores[e[k].cls] += e[k].weight;
    }
  }
}

int PerceptronModel::Best(const uint64_t* features, size_t n, const bool* allowed,
                          int32_t* scratch) const {
  Score(features, n, scratch);
  int best = -1;
  for (int c = 0; c < num_classes_; ++c) {
    if (allowed != nullptr && !allowed[c]) continue;
    if (best < 0 || scratch[c] > scratch[best]) best = c;
  }
  return best;
}

void PerceptronModel::Serialize(std::string* out) const {
  out->append(kMagic, sizeof kMagic);
  Put(out, kVersion);
  Put(out, static_cast<uint32_t>(num_classes_));
  Put(out, static_cast<uint64_t>(slots_.size()));
  Put(out, static_cast<uint64_t>(entries_.size()));
  // Only the occupied slots are written (key, count); entries follow in slot order, so
  // the table is rebuilt on load with the same probing.
  Put(out, static_cast<uint64_t>(num_features()));
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    Put(out, s.key);
    Put(out, s.count);
  }
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    out->append(reinterpret_cast<const char*>(entries_.data() + s.begin),
                s.count * sizeof(Entry));
  }
}

std::optional<PerceptronModel> PerceptronModel::Parse(std::string_view bytes,
                                                      std::string* error) {
  auto fail = [&](const char* why) -> std::optional<PerceptronModel> {
    if (error != nullptr) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return fail("not a dyad perceptron model (bad magic)");
  }
  bytes.remove_prefix(sizeof kMagic);
  uint32_t version = 0;
  uint32_t classes = 0;
  uint64_t slots = 0;
  uint64_t entries = 0;
  uint64_t features = 0;
  if (!Get(&bytes, &version) || !Get(&bytes, &classes) || !Get(&bytes, &slots) ||
      !Get(&bytes, &entries) || !Get(&bytes, &features)) {
    return fail("truncated perceptron model header");
  }
  if (version != kVersion) return fail("unsupported perceptron model version");
  if (classes == 0 || classes > 65535 || slots == 0 || !std::has_single_bit(slots) ||
      features > slots / 2 + 1 || entries > (1ULL << 32)) {
    return fail("corrupt perceptron model header");
  }
  constexpr size_t kSlotBytes = sizeof(uint64_t) + sizeof(uint32_t);
  if (bytes.size() != features * kSlotBytes + entries * sizeof(Entry)) {
    return fail("perceptron model size does not match its header");
  }
  PerceptronModel m;
  m.num_classes_ = static_cast<int>(classes);
  m.slots_.assign(slots, Slot{});
  m.entries_.resize(entries);
  std::string_view entry_bytes = bytes.substr(features * kSlotBytes);
  std::memcpy(m.entries_.data(), entry_bytes.data(), entry_bytes.size());
  size_t mask = slots - 1;
  uint64_t next = 0;
  for (uint64_t f = 0; f < features; ++f) {
    Slot s;
    Get(&bytes, &s.key);
    Get(&bytes, &s.count);
    if (s.key == 0 || next + s.count > entries) return fail("corrupt perceptron model table");
    s.begin = static_cast<uint32_t>(next);
    next += s.count;
    size_t i = s.key & mask;
    while (m.slots_[i].key != 0) {
      if (m.slots_[i].key == s.key) return fail("duplicate feature in perceptron model");
      i = (i + 1) & mask;
    }
    m.slots_[i] = s;
  }
  if (next != entries) return fail("corrupt perceptron model table");
  for (const Entry& e : m.entries_) {
    if (e.cls >= classes) return fail("perceptron model entry names an unknown class");
  }
  m.empty_slots_ = slots - features;
  return m;
}

// ---------------------------------------------------------------------------------------
// PerceptronTrainer

PerceptronTrainer::PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

void PerceptronTrainer::Score(const uint64_t* features, size_t n, float* scores) const {
  std::fill(scores, scores + num_classes_, 0.0f);
  for (size_t f = 0; f < n; ++f) {
    auto it = weights_.find(features[f]);
    if (it == weights_.end()) continue;
    for (const auto& [cls, w] : it->second) scores[cls] += w.w;
  }
}

void PerceptronTrainer::Update(const uint64_t* features, size_t n, int truth, int guess,
                               float amount) {
  if (truth == guess) return;
  auto bump = [&](std::vector<std::pair<uint16_t, Weight>>& row, int cls, float delta) {
    for (auto& [c, w] : row) {
      if (c == cls) {
        w.total += static_cast<double>(w.w) * static_cast<double>(clock_ - w.stamp);
        w.stamp = clock_;
        w.w += delta;
        return;
      }
    }
    Weight w;
    w.w = delta;
    w.stamp = clock_;
    row.emplace_back(static_cast<uint16_t>(cls), w);
  };
  for (size_t f = 0; f < n; ++f) {
    auto& row = weights_[features[f]];
    if (truth >= 0) bump(row, truth, amount);
    if (guess >= 0) bump(row, guess, -amount);
  }
}

PerceptronModel PerceptronTrainer::Finish(float prune) const {
  // Average every weight over the whole clock, keep those that matter.
  struct Kept {
    uint64_t key;
    std::vector<std::pair<uint16_t, float>> row;
  };
  std::vector<Kept> kept;
  kept.reserve(weights_.size());
  float max_abs = 0;
  const double clock = static_cast<double>(clock_);
  for (const auto& [key, row] : weights_) {
    Kept k{key, {}};
    for (const auto& [cls, w] : row) {
      double total = w.total + static_cast<double>(w.w) * static_cast<double>(clock_ - w.stamp);
      auto avg = static_cast<float>(total / clock);
      if (std::fabs(avg) < prune || avg == 0.0f) continue;
      k.row.emplace_back(cls, avg);
      max_abs = std::max(max_abs, std::fabs(avg));
    }
    if (!k.row.empty()) kept.push_back(std::move(k));
  }
  // Deterministic layout whatever the hash map's order.
  std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.key < b.key; });
  PerceptronModel m;
  m.num_classes_ = num_classes_;
  float scale = max_abs > 0 ? 32767.0f / max_abs : 1.0f;
  size_t slots = 16;
  while (slots < kept.size() * 2) slots *= 2;
  m.slots_.assign(slots, PerceptronModel::Slot{});
  size_t mask = slots - 1;
  size_t features = 0;
  for (Kept& k : kept) {
    std::sort(k.row.begin(), k.row.end());
    auto begin = static_cast<uint32_t>(m.entries_.size());
    for (const auto& [cls, avg] : k.row) {
      long q = std::lround(avg * scale);
      if (q == 0) continue;
      m.entries_.push_back({cls, static_cast<int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    auto count = static_cast<uint32_t>(m.entries_.size() - begin);
    if (count == 0) continue;
    size_t i = k.key & mask;
    while (m.slots_[i].key != 0) i = (i + 1) & mask;
    m.slots_[i] = {k.key, begin, count};
    ++features;
  }
  m.empty_slots_ = slots - features;
  // Entries are laid out in key order; Serialize writes them in slot order, so re-lay
  // them in slot order now to make a serialised-and-parsed model identical to this one.
  std::vector<PerceptronModel::Entry> ordered;
  ordered.reserve(m.entries_.size());
  for (auto& s : m.slots_) {
    if (s.key == 0) continue;
    auto b = static_cast<uint32_t>(ordered.size());
    ordered.insert(ordered.end(), m.entries_.begin() + s.begin,
                   m.entries_.begin() + s.begin + s.count);
    s.begin = b;
  }
  m.entries_ = std::move(ordered);
  return m;
}

}  // namespace dyad
