#include "syntax/transition_system.h"

#include <algorithm>
#include <cstdlib>

namespace dyad {

void ParseState::Reset(int32_t num_words) {
  n = num_words;
  b = 0;
  stack.clear();
  auto size = static_cast<size_t>(n) + 1;
  head.assign(size, -1);
  label.assign(size, -1);
  lm1.assign(size, -1);
  lm2.assign(size, -1);
  rm1.assign(size, -1);
  rm2.assign(size, -1);
  nl.assign(size, 0);
  nr.assign(size, 0);
  lset.assign(size, 0);
  rset.assign(size, 0);
  on_stack.assign(size, 0);
}

void ParseState::LegalClasses(int num_labels, bool* legal) const {
  legal[0] = b < n;
  bool left = !stack.empty() && b < n;
  bool left_root = b == n && stack.size() == 1;
  bool right = stack.size() >= 2;
  legal[1 + kRootLabel] = left_root;
  legal[1 + num_labels + kRootLabel] = false;
  for (int l = 0; l < num_labels; ++l) {
    if (l == kRootLabel) continue;
    legal[1 + l] = left;
    legal[1 + num_labels + l] = right;
  }
}

void ParseState::AddArc(int32_t h, int32_t d, int l) {
  head[d] = h;
  label[d] = static_cast<int16_t>(l);
  uint64_t bit = uint64_t{1} << (static_cast<unsigned>(l) & 63);
  if (d < h) {
    // Left dependents arrive from the inside out, so the new one is the leftmost.
    if (lm1[h] < 0 || d < lm1[h]) {
      lm2[h] = lm1[h];
      lm1[h] = d;
    } else if (lm2[h] < 0 || d < lm2[h]) {
      lm2[h] = d;
    }
    if (nl[h] < 255) ++nl[h];
    lset[h] |= bit;
  } else {
    if (rm1[h] < 0 || d > rm1[h]) {
      rm2[h] = rm1[h];
      rm1[h] = d;
    } else if (rm2[h] < 0 || d > rm2[h]) {
      rm2[h] = d;
    }
    if (nr[h] < 255) ++nr[h];
    rset[h] |= bit;
  }
}

void ParseState::Apply(Move m, int l) {
  switch (m) {
    case Move::kShift:
      stack.push_back(b);
      on_stack[b] = 1;
      ++b;
      return;
    case Move::kLeft: {
      int32_t d = stack.back();
      stack.pop_back();
      on_stack[d] = 0;
      AddArc(b, d, l);
      return;
    }
    case Move::kRight: {
      int32_t d = stack.back();
      stack.pop_back();
      on_stack[d] = 0;
      AddArc(stack.back(), d, l);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Oracle

void Oracle::Reset(const int32_t* gold_head, const int16_t* gold_label, int32_t n) {
  n_ = n;
  head_.assign(gold_head, gold_head + n);
  label_.assign(gold_label, gold_label + n);
  dep_begin_.assign(static_cast<size_t>(n) + 2, 0);
  for (int32_t d = 0; d < n; ++d) ++dep_begin_[static_cast<size_t>(head_[d]) + 1];
  for (size_t i = 1; i < dep_begin_.size(); ++i) dep_begin_[i] += dep_begin_[i - 1];
  deps_.assign(static_cast<size_t>(n), 0);
  std::vector<int32_t> fill(dep_begin_.begin(), dep_begin_.end() - 1);
  for (int32_t d = 0; d < n; ++d) deps_[static_cast<size_t>(fill[head_[d]]++)] = d;
}

int Oracle::BufferDependents(const ParseState& s, int32_t h) const {
  int cost = 0;
  for (int32_t k = dep_begin_[h]; k < dep_begin_[h + 1]; ++k) {
    if (deps_[k] >= s.b) ++cost;
  }
  return cost;
}

int Oracle::ShiftCost(const ParseState& s) const {
  int32_t b0 = s.b;
  int cost = 0;
  // b0's dependents on the stack can no longer reach it (it would sit above them).
  for (int32_t k = dep_begin_[b0]; k < dep_begin_[b0 + 1]; ++k) {
    if (s.on_stack[deps_[k]]) ++cost;
  }
  int32_t h = head_[b0];
  if (h == n_) {
    if (!s.stack.empty()) ++cost;  // the root word must end up at the stack's bottom
  } else if (h < n_ && s.on_stack[h] && h != s.S(0)) {
    ++cost;
  }
  return cost;
}

int Oracle::LeftCost(const ParseState& s) const {
  int32_t s0 = s.S(0);
  int32_t h = head_[s0];
  int cost = BufferDependents(s, s0);
  if (h != s.b) {
    bool reachable = (s.stack.size() >= 2 && h == s.S(1)) || (h > s.b && h < n_) ||
                     (h == n_ && s.stack.size() == 1);
    if (reachable) ++cost;
  }
  return cost;
}

int Oracle::RightCost(const ParseState& s) const {
  int32_t s0 = s.S(0);
  int32_t h = head_[s0];
  int cost = BufferDependents(s, s0);
  if (h != s.S(1) && h >= s.b && h < n_) ++cost;
  return cost;
}

int Oracle::Cost(const ParseState& s, int cls, int num_labels) const {
  Move m = MoveOf(cls, num_labels);
  int l = LabelOf(cls, num_labels);
  switch (m) {
    case Move::kShift: return ShiftCost(s);
    case Move::kLeft: {
      if (s.b == n_) return 0;  // the last move: nothing else is legal
      int32_t s0 = s.S(0);
      return LeftCost(s) + (head_[s0] == s.b && label_[s0] != l ? 1 : 0);
    }
    case Move::kRight: {
      int32_t s0 = s.S(0);
      return RightCost(s) + (head_[s0] == s.S(1) && label_[s0] != l ? 1 : 0);
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------------------
// Trees

bool IsTree(const std::vector<int32_t>& heads) {
  auto n = static_cast<int32_t>(heads.size());
  int roots = 0;
  for (int32_t h : heads) {
    if (h < 0 || h > n) return false;
    if (h == 0) ++roots;
  }
  if (roots != 1) return false;
  // Every word reaches the root within n steps.
  std::vector<uint8_t> state(heads.size(), 0);  // 0 unknown, 1 on path, 2 reaches root
  for (int32_t i = 0; i < n; ++i) {
    int32_t k = i;
    std::vector<int32_t> path;
    while (k >= 0 && state[k] == 0) {
      state[k] = 1;
      path.push_back(k);
      k = heads[k] - 1;
    }
    if (k >= 0 && state[k] == 1) return false;  // a cycle
    for (int32_t p : path) state[p] = 2;
  }
  return true;
}

namespace {

// Whether word k (0-based) is dominated by h (1-based head index; 0 = root).
bool Dominated(const std::vector<int32_t>& heads, int32_t k, int32_t h) {
  if (h == 0) return true;
  int32_t x = k + 1;
  for (size_t steps = 0; x != 0 && steps <= heads.size(); ++steps) {
    if (x == h) return true;
    x = heads[x - 1];
  }
  return false;
}

}  // namespace

int Projectivize(std::vector<int32_t>* heads_ptr) {
  std::vector<int32_t>& heads = *heads_ptr;
  auto n = static_cast<int32_t>(heads.size());
  int lifts = 0;
  for (;;) {
    int32_t best = -1;
    int32_t best_span = 0;
    for (int32_t d = 0; d < n; ++d) {
      int32_t h = heads[d];
      if (h == 0) continue;
      int32_t lo = std::min(h - 1, d), hi = std::max(h - 1, d);
      if (best >= 0 && hi - lo >= best_span) continue;
      bool projective = true;
      for (int32_t k = lo + 1; k < hi && projective; ++k) projective = Dominated(heads, k, h);
      if (!projective) {
        best = d;
        best_span = hi - lo;
      }
    }
    if (best < 0 || lifts > 4 * n) return lifts;
    heads[best] = heads[heads[best] - 1];
    ++lifts;
  }
}

}  // namespace dyad
