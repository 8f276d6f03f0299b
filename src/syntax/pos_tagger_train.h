// Training and evaluation of the part-of-speech tagger (pos_tagger.h) on CoNLL-U
// treebanks: what dyad_train_tagger runs and the accuracy test measures.
#ifndef DYAD_SYNTAX_POS_TAGGER_TRAIN_H_
#define DYAD_SYNTAX_POS_TAGGER_TRAIN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/pos_tagger.h"

namespace dyad {

struct TaggerAccuracy {
  size_t words = 0;
  size_t upos = 0;   // UPOS right
  size_t xpos = 0;   // XPOS right
  size_t both = 0;   // both right
  size_t lemma = 0;  // lemma right, compared in normal form (lower case)
  double Percent(size_t right) const {
    return words == 0 ? 0 : 100.0 * static_cast<double>(right) / static_cast<double>(words);
  }
};

// The sentences of `treebank` that hold words joined by hyphens without spaces, with
// each such run made one word ("two - day" -> "two-day"), as dyad's tokenizer keeps them
// (EWT splits them). The joined word is ADJ/JJ when it modifies a word after it
// ("two-day offensive", "U.S.-led coalition") and is not all proper nouns, else it has
// the tags of its head part ("al-Hasakah": PROPN/NNP). For tags only: heads become "_".
// sources (when not null) gets the index in treebank of each sentence returned.
std::vector<ConlluSentence> JoinHyphenatedWords(const std::vector<ConlluSentence>& treebank,
                                                std::vector<size_t>* sources = nullptr);

// Tags every sentence of gold (its FORMs) and counts the agreements with its columns.
TaggerAccuracy EvaluateTagger(const PosTagger& tagger, const std::vector<ConlluSentence>& gold);

// The defaults made the shipped model (data/models/README.md), tuned on EWT dev.
struct TaggerTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;   // of the per-epoch shuffle of the training sentences
  float prune = 0.3f;  // drop averaged weights below this (perceptron.h Finish)
  // Tag dictionary: normal forms seen at least this often, with one class at least
  // this share of the time, are looked up instead of scored.
  int dict_min_count = 10;
  double dict_min_share = 0.98;
  // Forms seen at least this often give their most frequent class as a hint (a feature
  // of the words before them).
  int hint_min_count = 5;
  // Train every other epoch on JoinHyphenatedWords(train) in place of the sentences it
  // changes, so that the tagger knows hyphenated words as dyad's tokenizer gives them.
  bool join_hyphens = true;
};

struct TaggerEpoch {
  int epoch = 0;  // 1-based
  double train_accuracy = 0;  // of the greedy guesses while training, both tags
  TaggerAccuracy dev;         // of the averaged, pruned model (when dev is given)
  size_t features = 0;
};

// Trains a tagger on train (classes: every UPOS|XPOS pair seen there). After each epoch
// the averaged model is evaluated on dev (when not null) and reported through progress.
// Deterministic: the same files and options give the same model, byte for byte.
PosTagger TrainPosTagger(const std::vector<ConlluSentence>& train,
                         const std::vector<ConlluSentence>* dev,
                         const TaggerTrainOptions& options, const Lexicon& lexicon,
                         const std::function<void(const TaggerEpoch&)>& progress);

}  // namespace dyad

#endif  // DYAD_SYNTAX_POS_TAGGER_TRAIN_H_
