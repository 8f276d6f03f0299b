// Averaged multi-class perceptron over hashed features (Collins 2002; Freund and
// Schapire's averaging), the learner of the tagger and the parser.
//
// A feature is a 64-bit hash the caller computes (FeatureHash below); a model scores
// every class as the sum of the weights of the present features. Training keeps float
// weights and their running sums (lazy averaging); Finish() averages, drops weights too
// small to matter, and quantises the rest to 16 bits into a compact PerceptronModel that
// serialises to a few MB and scores with integer adds.
#ifndef DYAD_SYNTAX_PERCEPTRON_H_
#define DYAD_SYNTAX_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

// Hash of a feature template id and up to three values (word ids, tags, hashes of
// strings): a fixed mix, the same on every platform, so model files are portable.
uint64_t FeatureHash(uint32_t template_id, uint64_t a, uint64_t b = 0, uint64_t c = 0);
// A stable 64-bit hash of a string (for word forms, suffixes, shapes).
uint64_t StringHash(std::string_view s);

// Inference model: feature -> sparse row of (class, weight).
class PerceptronModel {
 public:
  PerceptronModel() = default;

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return slots_.size() - empty_slots_; }
  size_t num_weights() const { return entries_.size(); }

  // scores[0, num_classes) = sum over the features found of their weights.
  void Score(const uint64_t* features, size_t n, int32_t* scores) const;
  // Index of the best class among those with allowed[c] (all when allowed is null);
  // ties go to the lower index. -1 when nothing is allowed.
  int Best(const uint64_t* features, size_t n, const bool* allowed, int32_t* scratch) const;

  // Binary form (little-endian): magic "DYPM", version, classes, table, entries.
  void Serialize(std::string* out) const;
  // Parses what Serialize wrote; nullopt with *error on a truncated or foreign file.
  static std::optional<PerceptronModel> Parse(std::string_view bytes, std::string* error);

 private:
  friend class PerceptronTrainer;
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };
  struct Slot {
    uint64_t key = 0;    // 0: empty (FeatureHash never returns 0)
    uint32_t begin = 0;  // first entry in entries_
    uint32_t count = 0;
  };
  const Slot* Find(uint64_t key) const;

  int num_classes_ = 0;
  size_t empty_slots_ = 0;
  std::vector<Slot> slots_;  // open addressing, power-of-two size, linear probing
  std::vector<Entry> entries_;
};

// Training: call Score() for the current weights, Update() when the guess was wrong, and
// Tick() once per training example (the clock of the averaging).
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes);

  int num_classes() const { return num_classes_; }
  // scores[0, num_classes) under the current (not averaged) weights.
  void Score(const uint64_t* features, size_t n, float* scores) const;
  // Adds `amount` to truth's weights and subtracts it from guess's, for each feature.
  void Update(const uint64_t* features, size_t n, int truth, int guess, float amount = 1.0f);
  void Tick() { ++clock_; }

  // Averaged weights, scaled to 16 bits; weights whose average magnitude is below
  // `prune` (in the averaged units) are dropped, and so are features left without any.
  PerceptronModel Finish(float prune) const;

 private:
  struct Weight {
    float w = 0;        // current weight
    double total = 0;   // sum of w over the clock ticks up to `stamp`
    uint64_t stamp = 0;
  };
  int num_classes_;
  uint64_t clock_ = 1;
  // feature -> its classes' weights (sparse: the classes ever updated)
  std::unordered_map<uint64_t, std::vector<std::pair<uint16_t, Weight>>> weights_;
};

}  // namespace dyad

#endif  // DYAD_SYNTAX_PERCEPTRON_H_
