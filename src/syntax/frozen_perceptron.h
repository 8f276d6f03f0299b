// FrozenPerceptron: the weights of a PerceptronModel in a layout that is used where it
// lies, so that a model embedded in the binary (embedded_models.h) loads without copying.
//
// PerceptronModel::Parse rebuilds its hash table in fresh memory: for a model of a few
// MB that is thousands of first-touch page faults, tens of milliseconds on a virtual
// machine. Here the file is the table: an open-addressing array of 8-byte slots (32 bits
// of the feature hash as a check, the row's first entry and length) and the rows after
// it. Loading validates the table in one sequential pass and keeps pointers into it.
//
// Scores are those of the PerceptronModel it was frozen from, except that two features
// whose hashes agree in the bits that pick the slot and in the 32 check bits are one
// feature here (about once in 2^50 lookups).
#ifndef DYAD_SYNTAX_FROZEN_PERCEPTRON_H_
#define DYAD_SYNTAX_FROZEN_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/perceptron.h"

namespace dyad {

class FrozenPerceptron {
 public:
  FrozenPerceptron() = default;
  // Holds pointers into its own storage or into the viewed bytes: movable, not copyable.
  FrozenPerceptron(FrozenPerceptron&&) = default;
  FrozenPerceptron& operator=(FrozenPerceptron&&) = default;
  FrozenPerceptron(const FrozenPerceptron&) = delete;
  FrozenPerceptron& operator=(const FrozenPerceptron&) = delete;

  // The frozen form of model (at most 255 classes). Fails (nullopt, *error) only when
  // the model has too many classes or rows.
  static std::optional<FrozenPerceptron> Freeze(const PerceptronModel& model,
                                                std::string* error);

  // Appends the frozen form to *out, first padding *out to a multiple of 8 bytes: the
  // table is then 8-byte aligned wherever the whole buffer is.
  void Serialize(std::string* out) const;
  // Views what Serialize appended, after padding *in to 8 bytes relative to base (the
  // start of the buffer, which must be 8-byte aligned); consumes it from *in. The bytes
  // must outlive the result. nullopt with *error on truncated or inconsistent bytes.
  static std::optional<FrozenPerceptron> View(const char* base, std::string_view* in,
                                              std::string* error);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return num_entries_; }
  size_t num_slots() const { return mask_ + 1; }

  // scores[0, num_classes) = sum of the weights of the features found.
  void Score(const uint64_t* features, size_t n, int32_t* scores) const;
  // The best class (ties: the lower index), with scratch of num_classes.
  int Best(const uint64_t* features, size_t n, int32_t* scratch) const;

 private:
  struct Slot {
    uint32_t check;  // 0: empty; else the feature hash's high 32 bits (0 read as 1)
    uint32_t row;    // first entry << 8 | entry count
  };
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };
  static uint32_t Check(uint64_t key) {
    auto c = static_cast<uint32_t>(key >> 32);
    return c == 0 ? 1 : c;
  }

  std::vector<uint64_t> storage_;  // Freeze's own table (8-byte aligned), else empty
  const Slot* slots_ = nullptr;
  const Entry* entries_ = nullptr;
  size_t mask_ = 0;
  size_t num_entries_ = 0;
  size_t num_features_ = 0;
  int num_classes_ = 0;
};

}  // namespace dyad

#endif  // DYAD_SYNTAX_FROZEN_PERCEPTRON_H_
