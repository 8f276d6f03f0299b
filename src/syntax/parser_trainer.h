// Training and evaluating the dependency parser (dependency_parser.h).
//
// Training follows Goldberg and Nivre (2012, 2013): online averaged perceptron over the
// parser's own transitions; the dynamic oracle says which transitions lose no gold arc,
// the weights move towards the best-scoring of those when the prediction is not one of
// them, and from `explore_from_epoch` on the parser follows its own (possibly wrong)
// prediction with probability `explore_prob`, so that it learns to recover from its
// mistakes. Non-projective gold trees are projectivised by lifting first. Deterministic:
// a fixed seed drives the sentence order and the exploration.
#ifndef DYAD_SYNTAX_PARSER_TRAINER_H_
#define DYAD_SYNTAX_PARSER_TRAINER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/ud.h"

namespace dyad {

// One sentence with its tags and gold tree (heads 1-based, 0 = root).
struct ParserExample {
  std::vector<std::string> forms;
  std::vector<UPos> upos;
  std::vector<std::string> xpos;
  std::vector<int32_t> heads;
  std::vector<Deprel> deprels;
};

// The words of a CoNLL-U sentence (multi-word token lines are not words); false when
// its heads do not form a tree with one root.
bool ParserExampleFromConllu(const ConlluSentence& sentence, ParserExample* out);

// Attachment scores over every word, punctuation included (as CoNLL 2018 scores).
struct ParserScore {
  size_t words = 0;
  size_t heads = 0;     // right head
  size_t labelled = 0;  // right head and label
  double uas() const { return Percent(heads); }
  double las() const { return Percent(labelled); }
  double Percent(size_t right) const {
    return words == 0 ? 0 : 100.0 * static_cast<double>(right) / static_cast<double>(words);
  }
};

// Each word form's set of UPOS in `sentences` (bit u - 1 for UPos u, X left out), keyed
// like WordClusters: the parser's tag-set features.
WordClusters TagSets(const std::vector<ParserExample>& sentences);

ParserScore EvaluateParser(const DependencyParser& parser,
                           const std::vector<ParserExample>& sentences);

struct ParserTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  int explore_from_epoch = 2;  // 1-based: the first epoch that follows its predictions
  double explore_prob = 0.9;
  float prune = 0.0f;  // PerceptronTrainer::Finish's threshold
  WordClusters clusters;  // word classes for the features (part of the model)
  WordClusters tagsets;   // TagSets() of the treebank, before any retagging
  // Also logs, each epoch, the dev scores and sizes at these thresholds (for choosing one).
  std::vector<float> report_prunes;
  // Called with one line per epoch ("epoch 3: train ... dev UAS ... LAS ...").
  std::function<void(const std::string&)> log;
};

// Trains on `train`, scores `dev` after each epoch and returns the parser of the epoch
// with the best dev LAS (the last epoch when dev is empty). *best_dev, when given, gets
// that epoch's dev score.
DependencyParser TrainParser(const std::vector<ParserExample>& train,
                             const std::vector<ParserExample>& dev,
                             const ParserTrainOptions& options,
                             ParserScore* best_dev = nullptr);

}  // namespace dyad

#endif  // DYAD_SYNTAX_PARSER_TRAINER_H_
