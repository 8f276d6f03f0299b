// Dictionary: dyad's event patterns (format in data/events/FORMAT.md), indexed by the
// lemma of each pattern's anchor word.
#ifndef DYAD_EVENTS_DICTIONARY_H_
#define DYAD_EVENTS_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/diagnostics.h"
#include "util/word_cache.h"

namespace dyad {

struct PatternElement {
  // kSkip: exactly one word or one actor, articles aside (set by converters: TABARI's
  // "^" in "warn at ^ TGT" skips the place named after "at").
  enum Kind : uint8_t { kWord, kExact, kSource, kTarget, kGap, kPossessive, kSkip };
  Kind kind = kWord;
  bool optional = false;
  // A word that must directly follow the word element before it, with no filler between
  // (set by converters from dictionaries that distinguish "A_B" from "A B").
  bool adjacent = false;
  // Alternatives, for kWord (lemmas) and kExact (forms). For kSource and kTarget, the
  // words the actor must be ("SRC[embassy|consulate]"): one of them is among the
  // mention's words or its title, or its antecedent's for a pronoun; empty for any actor.
  std::vector<std::string> words;
  bool IsWord() const { return kind == kWord || kind == kExact; }
};

struct Pattern {
  enum Action : uint8_t { kEvent, kDiscard, kDiscardSentence };
  Action action = kEvent;
  std::string code;  // CAMEO code for kEvent
  std::vector<PatternElement> elements;
  uint32_t anchor = 0;  // index of the anchor element
  bool symmetric = false;
  bool verb_only = false;
  bool noun_only = false;
  // Flag "state": the event's actors are the states of the mentions matched ("Azerbaijan's
  // embassy" acts as AZE): for acts CAMEO attributes to the state, such as opening an
  // embassy. Mentions without a country keep their code.
  bool state_actors = false;
  int specificity = 0;  // number of word elements: longer patterns win at one anchor
  std::string text;     // "042 SRC visit TGT", for evidence and `dyad explain`
  std::string origin;   // "events/04_consult.txt:12"
};

// A 1024-bit set of the words (norms and lemmas) of one sentence, each word one bit by a
// cheap hash. A pattern whose required words are not all in the set cannot match in the
// sentence (Dictionary::MayMatch), which spares most tries of most patterns.
class WordSignature {
 public:
  static constexpr unsigned kBits = 1024;
  static unsigned Bit(std::string_view word);
  void Clear() {
    for (uint64_t& w : words_) w = 0;
  }
  void Add(std::string_view word) { Set(Bit(word)); }
  void Set(unsigned bit) { words_[bit >> 6] |= uint64_t{1} << (bit & 63); }
  bool Has(unsigned bit) const { return (words_[bit >> 6] >> (bit & 63)) & 1; }

 private:
  uint64_t words_[kBits / 64] = {};
};

class Dictionary {
 public:
  // The built-in dictionary: every embedded data/events/*.txt file. Problems in it are
  // programming errors and throw std::runtime_error.
  static const Dictionary& Builtin();

  // Adds the patterns of one file. Malformed lines are reported (origin:line) and skipped;
  // returns the number of patterns added.
  size_t Parse(std::string_view text, std::string_view origin, const DiagnosticSink& diag);

  // Adds one pattern built by a program rather than parsed from text (e.g. converted
  // from another coder's dictionary, src/compat/): elements[anchor] must be a word
  // element and specificity set by the caller; the code is not checked against the
  // ontology. Returns the pattern's id.
  uint32_t Add(Pattern p);

  // Ids of the patterns whose anchor may be `word` (a lemma or a word form), or nullptr.
  const std::vector<uint32_t>* Anchored(std::string_view word) const;
  const Pattern& pattern(uint32_t id) const { return patterns_[id]; }
  // False when pattern id cannot match in a sentence with these words: one of its
  // required (non-optional) word elements other than the anchor has no alternative in
  // the signature. True says nothing.
  bool MayMatch(uint32_t id, const WordSignature& sentence) const {
    const std::vector<uint16_t>& req = required_[id];
    for (size_t i = 0; i < req.size();) {  // groups: count, then that many bits
      const size_t n = req[i++];
      bool any = false;
      for (size_t k = 0; k < n; ++k) any |= sentence.Has(req[i + k]);
      if (!any) return false;
      i += n;
    }
    return true;
  }
  size_t size() const { return patterns_.size(); }
  // Whether any pattern has DISCARD-SENTENCE (lets the coder skip a pass when none).
  bool has_sentence_discards() const { return has_sentence_discards_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<Pattern> patterns_;
  // Per pattern, its required word elements as WordSignature bits (see MayMatch).
  std::vector<std::vector<uint16_t>> required_;
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_anchor_;
  bool has_sentence_discards_ = false;
  TableId id_;  // memo key of Anchored()
};

}  // namespace dyad

#endif  // DYAD_EVENTS_DICTIONARY_H_
