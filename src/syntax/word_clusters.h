// WordClusters: a word -> class table learnt from unlabelled text (cluster_words_main.cc,
// the exchange algorithm), read by the parser's features so that words the treebank
// never saw still share weights with words that behave like them.
//
// Keys are StringHash of the parser's normal form (NormalizeParserWord); a class is a
// small integer >= 1, 0 for a word the table does not hold.
#ifndef DYAD_SYNTAX_WORD_CLUSTERS_H_
#define DYAD_SYNTAX_WORD_CLUSTERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

class WordClusters {
 public:
  WordClusters() = default;
  // (key, class) pairs; classes must be >= 1. Later duplicates are ignored.
  explicit WordClusters(const std::vector<std::pair<uint64_t, uint16_t>>& entries);

  uint16_t Find(uint64_t key) const {
    if (slots_.empty()) return 0;
    size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].cls;
      if (slots_[i].key == 0) return 0;
    }
  }
  size_t size() const { return size_; }

  // count, then (key, class) in key order; Parse consumes its bytes from *in.
  void Serialize(std::string* out) const;
  static std::optional<WordClusters> Parse(std::string_view* in, std::string* error);

  // Reads "word<TAB>class" lines (what dyad_cluster_words writes); words are normalised
  // and hashed here. nullopt with *error when the file cannot be read or is malformed.
  static std::optional<WordClusters> ReadTsv(const std::string& path, std::string* error);

 private:
  struct Slot {
    uint64_t key = 0;
    uint16_t cls = 0;
  };
  std::vector<Slot> slots_;  // open addressing, power-of-two size
  size_t size_ = 0;
};

}  // namespace dyad

#endif  // DYAD_SYNTAX_WORD_CLUSTERS_H_
