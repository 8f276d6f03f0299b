// The parser's transition system: arc-hybrid (Kuhlmann, Gomez-Rodriguez and Satta 2011)
// with the root at the end of the buffer (Ballesteros and Nivre 2013), labelled, and its
// dynamic oracle (Goldberg and Nivre 2013) for training with exploration.
//
// Words are 0..n-1; index n is the root, always the last buffer item. Transitions:
//   SHIFT      moves the buffer front b0 onto the stack (b0 != root);
//   LEFT(l)    pops s0 and makes it a dependent of b0 with label l;
//   RIGHT(l)   pops s0 and makes it a dependent of s1 with label l.
// LEFT onto the root is allowed only when s0 is the last item of the stack, and only with
// the label "root"; so every derivation ends in one tree with exactly one word on the
// root, after exactly 2n transitions (each word is shifted once and popped once): linear
// time and memory whatever the input.
//
// Labels are indices into the parser's label list; index 0 is "root". Transition classes
// for the classifier: 0 = SHIFT, 1 + l = LEFT(l), 1 + L + l = RIGHT(l) (L labels).
#ifndef DYAD_SYNTAX_TRANSITION_SYSTEM_H_
#define DYAD_SYNTAX_TRANSITION_SYSTEM_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dyad {

inline constexpr int kRootLabel = 0;

enum class Move : uint8_t { kShift, kLeft, kRight };

inline int NumClasses(int num_labels) { return 1 + 2 * num_labels; }
inline Move MoveOf(int cls, int num_labels) {
  return cls == 0 ? Move::kShift : cls <= num_labels ? Move::kLeft : Move::kRight;
}
inline int LabelOf(int cls, int num_labels) {
  return cls == 0 ? -1 : cls <= num_labels ? cls - 1 : cls - 1 - num_labels;
}

// A parser configuration with the partial tree and what the features read of it
// (leftmost and rightmost dependents, valencies, label sets). Reused across sentences:
// Reset() reallocates only when a sentence is longer than any before.
struct ParseState {
  int32_t n = 0;
  int32_t b = 0;                // buffer front; the buffer is b..n
  std::vector<int32_t> stack;   // stack.back() is s0
  std::vector<int32_t> head;    // -1 while unattached; n for the root
  std::vector<int16_t> label;   // label index, -1 while unattached
  std::vector<int32_t> lm1, lm2, rm1, rm2;  // left-/rightmost and second dependents, -1
  std::vector<uint8_t> nl, nr;              // number of left/right dependents (saturating)
  std::vector<uint64_t> lset, rset;         // bit (label & 63) per dependent's label
  std::vector<uint8_t> on_stack;

  void Reset(int32_t num_words);
  bool Terminal() const { return stack.empty() && b == n; }
  int32_t S(size_t i) const {  // i-th stack item from the top, -1 when absent
    return i < stack.size() ? stack[stack.size() - 1 - i] : -1;
  }
  bool Legal(Move m, int l) const {
    switch (m) {
      case Move::kShift: return b < n;
      case Move::kLeft:
        if (stack.empty()) return false;
        return b < n ? l != kRootLabel : (l == kRootLabel && stack.size() == 1);
      case Move::kRight: return stack.size() >= 2 && l != kRootLabel;
    }
    return false;
  }
  // Marks legal[c] for every class c (1 + 2 * num_labels entries).
  void LegalClasses(int num_labels, bool* legal) const;
  void Apply(Move m, int l);

 private:
  void AddArc(int32_t h, int32_t d, int label);
};

// The dynamic oracle: the number of gold arcs that a transition makes unreachable
// (Goldberg and Nivre 2013; exact for projective gold trees, with the single-root
// constraint taken into account). Gold heads use the internal indices (root = n).
class Oracle {
 public:
  void Reset(const int32_t* gold_head, const int16_t* gold_label, int32_t n);
  // Cost of class c in `s` (only meaningful for legal classes).
  int Cost(const ParseState& s, int cls, int num_labels) const;

 private:
  int ShiftCost(const ParseState& s) const;
  int LeftCost(const ParseState& s) const;   // unlabelled
  int RightCost(const ParseState& s) const;  // unlabelled
  int BufferDependents(const ParseState& s, int32_t h) const;

  int32_t n_ = 0;
  std::vector<int32_t> head_;
  std::vector<int16_t> label_;
  std::vector<int32_t> dep_begin_;  // CSR of gold dependents per word
  std::vector<int32_t> deps_;
};

// Makes a tree projective by lifting (Nivre and Nilsson 2005, without encoding the lift
// in the label): while an arc is non-projective, the shortest such arc's dependent is
// attached to its head's head. heads[i] is word i's head, 1-based with 0 = root (CoNLL-U).
// Returns the number of lifts; heads must form a tree.
int Projectivize(std::vector<int32_t>* heads);

// True when heads (1-based, 0 = root) form a tree: heads in range, one root, no cycle.
bool IsTree(const std::vector<int32_t>& heads);

}  // namespace dyad

#endif  // DYAD_SYNTAX_TRANSITION_SYSTEM_H_
