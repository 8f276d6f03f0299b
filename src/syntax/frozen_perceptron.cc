#include "syntax/frozen_perceptron.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "syntax/binary_io.h"

namespace dyad {
namespace {

using binary_io::Get;
using binary_io::Put;

constexpr char kMagic[4] = {'D', 'Y', 'F', 'P'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 32;
constexpr uint32_t kMaxRowStart = (1u << 24) - 1;

void PadTo8(std::string* out) {
  while (out->size() % 8 != 0) out->push_back('\0');
}

}  // namespace

std::optional<FrozenPerceptron> FrozenPerceptron::Freeze(const PerceptronModel& model,
                                                         std::string* error) {
  auto fail = [&](const char* why) -> std::optional<FrozenPerceptron> {
    if (error != nullptr) *error = why;
    return std::nullopt;
  };
  // The model's rows, read back from its documented binary form (perceptron.cc:
  // "DYPM", version 1, classes, slots, entries, features, then (key, count) per feature
  // and the rows in the same order).
  std::string bytes;
  model.Serialize(&bytes);
  std::string_view in = bytes;
  if (in.size() < 4 || std::memcmp(in.data(), "DYPM", 4) != 0) return fail("not a DYPM model");
  in.remove_prefix(4);
  uint32_t version = 0;
  uint32_t classes = 0;
  uint64_t model_slots = 0;
  uint64_t entries = 0;
  uint64_t features = 0;
  if (!Get(&in, &version) || version != 1 || !Get(&in, &classes) || !Get(&in, &model_slots) ||
      !Get(&in, &entries) || !Get(&in, &features)) {
    return fail("unexpected PerceptronModel serialisation (version 1 expected)");
  }
  if (classes == 0 || classes > 255) return fail("frozen models hold 1 to 255 classes");
  if (entries > kMaxRowStart) return fail("too many weights to freeze");
  struct Row {
    uint64_t key;
    uint32_t count;
    uint32_t offset;  // into the model's entries
  };
  std::vector<Row> rows(features);
  uint32_t offset = 0;
  for (Row& r : rows) {
    if (!Get(&in, &r.key) || !Get(&in, &r.count)) return fail("truncated PerceptronModel");
    r.offset = offset;
    offset += r.count;
  }
  if (offset != entries || in.size() != entries * sizeof(Entry))
    return fail("inconsistent PerceptronModel");
  const char* model_entries = in.data();

  FrozenPerceptron f;
  size_t num_slots = 16;
  while (num_slots * 7 < features * 10) num_slots *= 2;  // load factor at most 0.7
  size_t mask = num_slots - 1;
  std::vector<Slot> slots(num_slots, Slot{0, 0});
  std::vector<int64_t> row_of(num_slots, -1);
  // Insert in key order so that the layout does not depend on the model's.
  std::vector<size_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return rows[a].key < rows[b].key; });
  for (size_t r : order) {
    if (rows[r].count == 0 || rows[r].count > 255) continue;
    uint32_t check = Check(rows[r].key);
    size_t i = rows[r].key & mask;
    bool shadowed = false;
    while (slots[i].check != 0) {
      // A lookup of this key would stop at the earlier slot with the same check: the
      // (vanishingly rare) feature is dropped rather than misread.
      if (slots[i].check == check) shadowed = true;
      i = (i + 1) & mask;
    }
    if (shadowed) continue;
    slots[i].check = check;
    row_of[i] = static_cast<int64_t>(r);
  }
  // Rows in slot order: a scan of the file reads them in the order a scan of the slots
  // names them.
  std::vector<Entry> out_entries;
  out_entries.reserve(entries);
  for (size_t i = 0; i < num_slots; ++i) {
    if (row_of[i] < 0) continue;
    const Row& r = rows[static_cast<size_t>(row_of[i])];
    auto begin = static_cast<uint32_t>(out_entries.size());
    for (uint32_t k = 0; k < r.count; ++k) {
      Entry e;
      std::memcpy(&e, model_entries + (r.offset + k) * sizeof(Entry), sizeof e);
      out_entries.push_back(e);
    }
    slots[i].row = begin << 8 | r.count;
    ++f.num_features_;
  }
  // One aligned buffer: slots, then entries.
  size_t slot_bytes = num_slots * sizeof(Slot);
  size_t entry_bytes = out_entries.size() * sizeof(Entry);
  f.storage_.assign((slot_bytes + entry_bytes + 7) / 8 + 1, 0);
  char* base = reinterpret_cast<char*>(f.storage_.data());
  std::memcpy(base, slots.data(), slot_bytes);
  std::memcpy(base + slot_bytes, out_entries.data(), entry_bytes);
  f.slots_ = reinterpret_cast<const Slot*>(base);
  f.entries_ = reinterpret_cast<const Entry*>(base + slot_bytes);
  f.mask_ = mask;
  f.num_entries_ = out_entries.size();
  f.num_classes_ = static_cast<int>(classes);
  return f;
}

void FrozenPerceptron::Serialize(std::string* out) const {
  PadTo8(out);
  size_t start = out->size();
  out->append(kMagic, sizeof kMagic);
  Put(out, kVersion);
  Put(out, static_cast<uint32_t>(num_classes_));
  Put(out, static_cast<uint32_t>(mask_ + 1));
  Put(out, static_cast<uint32_t>(num_entries_));
  Put(out, static_cast<uint32_t>(num_features_));
  out->resize(start + kHeaderBytes, '\0');
  if (slots_ == nullptr) return;
  out->append(reinterpret_cast<const char*>(slots_), (mask_ + 1) * sizeof(Slot));
  out->append(reinterpret_cast<const char*>(entries_), num_entries_ * sizeof(Entry));
  PadTo8(out);
}

std::optional<FrozenPerceptron> FrozenPerceptron::View(const char* base, std::string_view* in,
                                                       std::string* error) {
  auto fail = [&](const char* why) -> std::optional<FrozenPerceptron> {
    if (error != nullptr) *error = why;
    return std::nullopt;
  };
  size_t pad = (8 - static_cast<size_t>(in->data() - base) % 8) % 8;
  if (in->size() < pad + kHeaderBytes) return fail("truncated weights");
  in->remove_prefix(pad);
  if (reinterpret_cast<uintptr_t>(in->data()) % 8 != 0) return fail("misaligned weights");
  std::string_view header = in->substr(0, kHeaderBytes);
  if (std::memcmp(header.data(), kMagic, sizeof kMagic) != 0) return fail("not frozen weights");
  header.remove_prefix(sizeof kMagic);
  uint32_t version = 0;
  uint32_t classes = 0;
  uint32_t slots = 0;
  uint32_t entries = 0;
  uint32_t features = 0;
  Get(&header, &version);
  Get(&header, &classes);
  Get(&header, &slots);
  Get(&header, &entries);
  Get(&header, &features);
  if (version != kVersion) return fail("unsupported weights version");
  if (classes == 0 || classes > 255 || slots < 16 || !std::has_single_bit(slots) ||
      features >= slots || entries > kMaxRowStart) {  // an empty slot ends every probe
    return fail("corrupt weights header");
  }
  in->remove_prefix(kHeaderBytes);
  size_t slot_bytes = size_t{slots} * sizeof(Slot);
  size_t entry_bytes = size_t{entries} * sizeof(Entry);
  size_t total = (slot_bytes + entry_bytes + 7) / 8 * 8;
  if (in->size() < total) return fail("truncated weights");
  FrozenPerceptron f;
  f.slots_ = reinterpret_cast<const Slot*>(in->data());
  f.entries_ = reinterpret_cast<const Entry*>(in->data() + slot_bytes);
  f.mask_ = slots - 1;
  f.num_entries_ = entries;
  f.num_features_ = features;
  f.num_classes_ = static_cast<int>(classes);
  in->remove_prefix(total);
  // One pass over the table, so that scoring can trust every row and class.
  size_t occupied = 0;
  for (size_t i = 0; i < slots; ++i) {
    const Slot& s = f.slots_[i];
    if (s.check == 0) continue;
    ++occupied;
    if ((s.row >> 8) + (s.row & 0xFF) > entries) return fail("corrupt weights table");
  }
  if (occupied != features) return fail("corrupt weights table");
  for (size_t e = 0; e < entries; ++e) {
    if (f.entries_[e].cls >= classes) return fail("weights name an unknown class");
  }
  return f;
}

void FrozenPerceptron::Score(const uint64_t* features, size_t n, int32_t* scores) const {
  std::fill(scores, scores + num_classes_, 0);
  if (slots_ == nullptr) return;
  // The table is larger than the caches: request a batch of slots, then their rows, so
  // that the misses overlap (as PerceptronModel::Score).
  constexpr size_t kBatch = 32;
  const Entry* rows[kBatch];
  uint32_t counts[kBatch];
  for (size_t start = 0; start < n; start += kBatch) {
    size_t end = std::min(n, start + kBatch);
    for (size_t f = start; f < end; ++f) __builtin_prefetch(&slots_[features[f] & mask_]);
    size_t m = 0;
    for (size_t f = start; f < end; ++f) {
      uint32_t check = Check(features[f]);
      for (size_t i = features[f] & mask_;; i = (i + 1) & mask_) {
        const Slot& s = slots_[i];
        if (s.check == check) {
          rows[m] = entries_ + (s.row >> 8);
          counts[m] = s.row & 0xFF;
          __builtin_prefetch(rows[m]);
          ++m;
          break;
        }
        if (s.check == 0) break;
      }
    }
    for (size_t r = 0; r < m; ++r) {
      const Entry* e = rows[r];
      for (uint32_t k = 0; k < counts[r]; ++k) scores[e[k].cls] += e[k].weight;
    }
  }
}

int FrozenPerceptron::Best(const uint64_t* features, size_t n, int32_t* scratch) const {
  Score(features, n, scratch);
  int best = 0;
  for (int c = 1; c < num_classes_; ++c)
    if (scratch[c] > scratch[best]) best = c;
  return best;
}

}  // namespace dyad
