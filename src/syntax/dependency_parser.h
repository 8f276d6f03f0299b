// DependencyParser: labelled dependency trees in the Universal Dependencies scheme for
// one sentence of words with their tags. A greedy arc-hybrid transition parser
// (transition_system.h) scored by an averaged perceptron over Zhang-and-Nivre-style
// features (parser_features.h), trained on the UD English Web Treebank with a dynamic
// oracle and exploration (parser_trainer.h, train_parser_main.cc).
//
// Contract: every sentence gets one tree: each word has a head (0 = root, i = word i,
// 1-based like CoNLL-U) and a label, exactly one word hangs on the root and there is no
// cycle. Time and memory are linear in the sentence length (2n transitions of constant
// work), so any input, however long or odd, parses in bounded time.
//
// A parser is immutable after loading and safe to share between threads; each thread
// passes its own ParserWorkspace, which Parse() reuses so that steady-state calls do not
// allocate.
#ifndef DYAD_SYNTAX_DEPENDENCY_PARSER_H_
#define DYAD_SYNTAX_DEPENDENCY_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/frozen_perceptron.h"
#include "syntax/parser_features.h"
#include "syntax/perceptron.h"
#include "syntax/transition_system.h"
#include "syntax/ud.h"
#include "syntax/word_clusters.h"

namespace dyad {

// Per-thread scratch space for Parse(); reuse one per thread.
class ParserWorkspace {
 public:
  ParserWorkspace() = default;

 private:
  friend class DependencyParser;
  ParseState state_;
  SentenceCodes codes_;
  std::string scratch_;
  std::vector<int32_t> scores_;
};

class DependencyParser {
 public:
  // Parses a model file (what Serialize wrote) where it lies: `bytes` must start 8-byte
  // aligned and outlive the parser. nullopt with *error when they are not a parser model.
  static std::optional<DependencyParser> Parse(std::string_view bytes, std::string* error);
  // The model embedded from data/models/parser.model, loaded once on first use
  // (thread-safe). nullptr when the binary was built without the model or it does not
  // load; DefaultError() then says why.
  static const DependencyParser* Default();
  static std::string_view DefaultError();

  // Parses the sentence forms[0, n) with its tags (upos and xpos may be null: a missing
  // XPOS falls back to the UPOS; a parser trained with tags parses worse without them)
  // into heads[0, n) (0 = root, else the 1-based index of the head word) and
  // deprels[0, n). Deterministic.
  void ParseSentence(const std::string_view* forms, const UPos* upos,
                     const std::string_view* xpos, size_t n, ParserWorkspace* ws,
                     int32_t* heads, Deprel* deprels) const;

  int num_labels() const { return static_cast<int>(labels_.size()); }
  Deprel label(int i) const { return labels_[i]; }
  const FrozenPerceptron& model() const { return model_; }

  const WordClusters& clusters() const { return clusters_; }
  const WordClusters& tagsets() const { return tagsets_; }

  // File: magic "DYDP", version, feature-set version, labels, word clusters, tag sets, the
  // frozen weights, aligned to 8 bytes from the start (so serialise into an empty string).
  void Serialize(std::string* out) const;

  // Assembles a parser from its parts (training). labels[0] must be Deprel::root (it is
  // put first, and a second label added, when missing);
  // tagsets maps words to the UPOS bit sets of TagSets() (parser_trainer.h).
  DependencyParser(std::vector<Deprel> labels, WordClusters clusters, WordClusters tagsets,
                   FrozenPerceptron model);
  // The same from a trained model (at most 255 classes, i.e. 127 labels).
  DependencyParser(std::vector<Deprel> labels, WordClusters clusters, WordClusters tagsets,
                   const PerceptronModel& model);

 private:
  void EnsureLabels();

  std::vector<Deprel> labels_;
  WordClusters clusters_;
  WordClusters tagsets_;
  FrozenPerceptron model_;
};

}  // namespace dyad

#endif  // DYAD_SYNTAX_DEPENDENCY_PARSER_H_
