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

#include "text/document.h"
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
  // The word ids (Token::word) of the alternatives that are words of the dictionary's
  // lexicon, sorted; set by Dictionary::Add. A token with an id matches by id alone.
  std::vector<uint32_t> word_ids;
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

  Dictionary();
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
  // The same for a token's norm or lemma with its word id in doc.lexicon (Token::word,
  // Token::lemma_word): an array lookup when the id is known.
  const std::vector<uint32_t>* Anchored(const Document& doc, uint32_t word,
                                        std::string_view form) const {
    if (doc.lexicon == lexicon_ && word != 0) return anchors_.ByWord(word);
    return Anchored(form);
  }
  // The same for the DISCARD-SENTENCE patterns only (they are in Anchored's lists too).
  const std::vector<uint32_t>* AnchoredDiscards(const Document& doc, uint32_t word,
                                                std::string_view form) const {
    if (doc.lexicon == lexicon_ && word != 0) return discards_.ByWord(word);
    return discards_.ByString(form);
  }
  const Pattern& pattern(uint32_t id) const { return patterns_[id]; }
  // The lexicon of PatternElement::word_ids and of the word-id lookups.
  const Lexicon* lexicon() const { return lexicon_; }
  // False when pattern id cannot match in a sentence with these words: one of its
  // required (non-optional) word elements other than the anchor has no alternative in
  // the signature. True says nothing.
  bool MayMatch(uint32_t id, const WordSignature& sentence) const {
    const Head& h = heads_[id];
    const uint16_t* req = required_.data() + h.required_begin;
    for (size_t i = 0; i < h.required_size;) {  // groups: count, then that many bits
      const size_t n = req[i++];
      bool any = false;
      for (size_t k = 0; k < n; ++k) any |= sentence.Has(req[i + k]);
      if (!any) return false;
      i += n;
    }
    return true;
  }
  // What the coder checks of every pattern it might try, packed apart from the patterns
  // (a try is rare, the check is not): 12 bytes a pattern.
  struct Head {
    uint32_t required_begin = 0;  // into required_
    uint16_t required_size = 0;
    Pattern::Action action = Pattern::kEvent;
    int32_t specificity = 0;
  };
  const Head& head(uint32_t id) const { return heads_[id]; }
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
  std::vector<Head> heads_;
  std::vector<uint16_t> required_;  // all patterns' groups, each pattern's from its Head
  // Pattern ids by anchor word, and the same by word id in lexicon_ (Lexicon::Default())
  // for the anchors that are lexicon words, behind a bit set that fits the L1 cache: most
  // words anchor nothing.
  class AnchorIndex {
   public:
    explicit AnchorIndex(const Lexicon* lexicon);
    // by_word_ points into by_string_: a move keeps the pointers valid, a copy rebuilds.
    AnchorIndex(const AnchorIndex& o);
    AnchorIndex& operator=(const AnchorIndex& o);
    AnchorIndex(AnchorIndex&&) = default;
    AnchorIndex& operator=(AnchorIndex&&) = default;

    void Add(const std::string& word, uint32_t id);
    const std::vector<uint32_t>* ByString(std::string_view word) const;
    const std::vector<uint32_t>* ByWord(uint32_t word) const {
      if (word >= by_word_.size() || !((bits_[word >> 6] >> (word & 63)) & 1)) return nullptr;
      return by_word_[word];
    }

   private:
    void IndexWords();
    const Lexicon* lexicon_;
    std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_string_;
    std::vector<uint64_t> bits_;
    std::vector<const std::vector<uint32_t>*> by_word_;
  };
  const Lexicon* lexicon_;
  AnchorIndex anchors_;
  AnchorIndex discards_;
  bool has_sentence_discards_ = false;
  TableId id_;  // memo key of Anchored()
};

}  // namespace dyad

#endif  // DYAD_EVENTS_DICTIONARY_H_
