// SentenceTree: the dependents of every word of one parsed sentence, in sentence order,
// so that a stage reads a word's children without scanning the sentence; and the
// readings of the tree that more than one stage needs (the subject of a clause), so that
// the actor stage and the event coder ask them the same way.
#ifndef DYAD_SYNTAX_SENTENCE_TREE_H_
#define DYAD_SYNTAX_SENTENCE_TREE_H_

#include <cstdint>

#include "text/document.h"

namespace dyad {

class SentenceTree {
 public:
  // `storage` holds at least 2 * (s.end_token - s.first_token) ints and outlives the
  // tree; the caller reuses it between sentences, so reading does not allocate. An
  // unparsed sentence gives a tree without arcs (every word a root, no children).
  SentenceTree(const Document& doc, const Sentence& s, int32_t* storage);

  bool parsed() const { return s_.parsed; }
  uint32_t begin() const { return s_.first_token; }
  uint32_t end() const { return s_.end_token; }
  const Token& token(uint32_t i) const { return doc_.tokens[i]; }

  // Head of token i inside the sentence, or Token::kNoHead (root, unparsed, outside).
  uint32_t Head(uint32_t i) const;

  // Calls f(child) for each dependent of h in sentence order while f returns true.
  template <typename F>
  void ForChildren(uint32_t h, F f) const {
    if (!parsed() || h < begin() || h >= end()) return;
    for (int32_t c = first_child_[h - begin()]; c >= 0; c = next_sibling_[c]) {
      if (!f(begin() + static_cast<uint32_t>(c))) return;
    }
  }
  // The first dependent of h with relation d, or -1.
  int64_t Child(uint32_t h, Deprel d) const;

  // The word heading the subject of the predicate v, or Token::kNoHead: v's own subject
  // (the nearest before v, else the first after it: "said the minister"); for a
  // predicate without one, the controller of an xcomp (the object before it: "urged Y
  // to attend", else the governor's subject: "X plans to visit"), the first conjunct's
  // subject ("X arrived and met Y"), the subject of the clause an adverbial hangs on ("X
  // said ..., reaffirming"), the noun a participial or relative clause modifies ("the
  // cable sent by X", "X, who met Y"). An auxiliary or copula has its predicate's.
  uint32_t SubjectOf(uint32_t v) const;

 private:
  uint32_t SubjectDepth(uint32_t v, int depth) const;

  const Document& doc_;
  const Sentence& s_;
  int32_t* first_child_;   // [word offset] first dependent's offset, -1 for none
  int32_t* next_sibling_;  // [word offset] next dependent of the same head, -1 for none
};

// Subject relations: nsubj, nsubj:pass, nsubj:outer, csubj, csubj:pass.
bool IsSubjectRelation(Deprel d);

}  // namespace dyad

#endif  // DYAD_SYNTAX_SENTENCE_TREE_H_
