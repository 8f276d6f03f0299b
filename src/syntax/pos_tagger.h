// PosTagger: statistical part-of-speech tags (UD UPOS and the PTB XPOS together) and
// lemmas for one sentence of word forms. A greedy left-to-right averaged perceptron
// (perceptron.h) over word-shape, affix, neighbour, lexicon and previous-tag features,
// trained on the UD English Web Treebank (train_tagger_main.cc); frequent words that
// training saw with one tag only are looked up instead of scored. Lemmas come from the
// project's lemmatizer (text/lemmatizer.h) driven by the predicted tag.
//
// A model is immutable after loading and safe to share between threads; each thread
// passes its own Workspace, which Tag() reuses so that steady-state calls do not allocate.
#ifndef DYAD_SYNTAX_POS_TAGGER_H_
#define DYAD_SYNTAX_POS_TAGGER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/frozen_perceptron.h"
#include "syntax/perceptron.h"
#include "syntax/ud.h"
#include "text/document.h"
#include "text/lexicon.h"

namespace dyad {

struct TaggedWord {
  UPos upos = UPos::kNone;
  std::string_view xpos;    // PTB tag ("NNS", "VBD", "-LRB-"); points into the tagger
  Tag tag = Tag::kUnknown;  // the project's light tag for upos/xpos (ProjectTag below)
  // Lower-case lemma ("visited" -> "visit", "mice" -> "mouse", "n't" -> "not"). Points
  // into the lexicon, into the tagger or into the Workspace: valid until the workspace's
  // next use.
  std::string_view lemma;
};

// What the tagger computes about each word of the sentence being tagged: internal, but
// public so that training (pos_tagger_train.h) extracts exactly the run-time features.
struct TaggerWordInfo {
  uint64_t lower = 0;        // StringHash of the normal form
  uint64_t prefix[4] = {};  // of the normal form, 1-4 characters
  uint64_t suffix[4] = {};
  uint64_t shape = 0;        // "Xxxx", "dd.dd", runs cut at four
  uint64_t short_shape = 0;  // runs cut at one: "Xx", "d.d"
  uint32_t flags = 0;        // kWord* bits in pos_tagger.cc
  uint32_t lex_class = 0;    // what the lexicon says the form can be; 0 = unknown form
  // Of a hyphenated form, the part after the last hyphen ("post-conflict": "conflict"):
  // its StringHash and lexicon class; 0 for other forms.
  uint64_t last_part = 0;
  uint32_t last_part_class = 0;
  const LexEntry* entry = nullptr;
  int dict_class = -1;  // the class when the dictionary is sure of it, else -1
  int hint_class = -1;  // the form's most frequent class in training, or -1
  std::string_view norm;  // into Workspace
};

class PosTagger {
 public:
  // Per-thread scratch space; reuse one per thread for every sentence.
  class Workspace {
   public:
    Workspace() = default;

   private:
    friend class PosTagger;
    std::vector<std::string_view> forms_;
    std::string chars_;  // the normal forms, back to back
    std::string norm_buf_;
    std::vector<size_t> ends_;  // end of each normal form in chars_
    std::vector<TaggerWordInfo> words_;
    std::vector<int> classes_;
    std::vector<std::string> lemma_bufs_;
    std::vector<int32_t> scores_;
  };

  // Parses a model file (what Serialize wrote). The lexicon must outlive the tagger (its
  // entries are features and the lemmatizer's table). nullopt with *error when the bytes
  // are not a tagger model.
  static std::optional<PosTagger> Parse(std::string_view bytes, const Lexicon& lexicon,
                                        std::string* error);
  // The model embedded from data/models/tagger.model, loaded once on first use
  // (thread-safe), with Lexicon::Default(). nullptr when the binary was built without
  // the model or it does not load; DefaultError() then says why.
  static const PosTagger* Default();
  static std::string_view DefaultError();

  // Tags forms[0, n), the words of one sentence as written (original case; any bytes),
  // into out[0, n). Deterministic; linear in n; no allocation once the workspace has
  // grown to the longest sentence seen.
  void Tag(const std::string_view* forms, size_t n, TaggedWord* out, Workspace* ws) const;
  // The same for one sentence of a Document (forms are Document::TokenText), into
  // out[0, sentence.end_token - sentence.first_token).
  void Tag(const Document& doc, const Sentence& sentence, TaggedWord* out,
           Workspace* ws) const;

  int num_classes() const { return static_cast<int>(classes_.size()); }
  // "UPOS|XPOS" of class c.
  std::string_view ClassName(int c) const { return classes_[c].name; }
  const FrozenPerceptron& weights() const { return weights_; }
  size_t dictionary_size() const { return dict_size_; }

  // Appends the model file to *out (which should be empty: the weights are aligned
  // relative to its start).
  void Serialize(std::string* out) const;

  // What Tag() first computes for forms[0, n) (normal forms, affixes, shapes, lexicon
  // class, tag dictionary): n words in ws, valid until its next use. For training.
  const TaggerWordInfo* Prepare(const std::string_view* forms, size_t n, Workspace* ws) const;
  // The features of word i given the classes of the two words before it (-1 before the
  // sentence start) into out (at least kMaxFeatures); returns how many.
  static constexpr size_t kMaxFeatures = 48;
  static size_t Features(const TaggerWordInfo* words, size_t n, size_t i, int prev1,
                         int prev2, uint64_t* out);
  // The class of each of forms[0, n) (what Tag() reports as upos/xpos) into classes.
  void TagClasses(const std::string_view* forms, size_t n, int* classes,
                  Workspace* ws) const;

  // Assembles a tagger from its parts (training). class_names are "UPOS|XPOS";
  // dictionary holds (StringHash of a normal form, its most frequent class, plus
  // kDictSure when that is the only class worth considering: the word is not scored).
  static constexpr uint16_t kDictSure = 0x8000;
  PosTagger(std::vector<std::string> class_names,
            const std::vector<std::pair<uint64_t, uint16_t>>& dictionary,
            const PerceptronModel& model, const Lexicon& lexicon);

  // Holds views into its weights (its own or the parsed bytes): movable, not copyable.
  PosTagger(PosTagger&&) = default;
  PosTagger& operator=(PosTagger&&) = default;

 private:
  PosTagger() = default;
  void SetClasses(std::vector<std::string> class_names);

  struct Class {
    std::string name;  // "NOUN|NN"
    UPos upos = UPos::kNone;
    size_t xpos_begin = 0;  // xpos = name.substr(xpos_begin)
  };
  // What the model knows of a word form, by StringHash of its normal form: an
  // open-addressing table used in place, like the weights.
  struct WordSlot {
    uint64_t key;         // 0: empty
    uint16_t dict;        // class | kDictSure, or kNoDict
    uint16_t reserved16;  // 0
    uint32_t reserved;    // 0
  };
  static constexpr uint16_t kNoDict = 0xFFFF;
  const WordSlot* FindWord(uint64_t key) const;
  void Lemmatize(size_t n, TaggedWord* out, Workspace* ws) const;

  std::vector<Class> classes_;
  std::vector<WordSlot> word_storage_;  // built at training; empty when viewing a file
  const WordSlot* word_slots_ = nullptr;
  size_t word_mask_ = 0;
  size_t dict_size_ = 0;
  FrozenPerceptron weights_;
  std::vector<uint64_t> owned_;  // an aligned copy of parsed bytes that were not aligned
  const Lexicon* lexicon_ = nullptr;
};

// The project's light tag (text/document.h) for a UD tag pair; entry is the lexicon
// entry of the word's normal form, or null (it tells the negations: "no", "never").
Tag ProjectTag(UPos upos, std::string_view xpos, const LexEntry* entry);

}  // namespace dyad

#endif  // DYAD_SYNTAX_POS_TAGGER_H_
