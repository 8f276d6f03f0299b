#include "syntax/tree.h"

#include <algorithm>

namespace dyad {

bool IsClauseRelation(Deprel d) {
  switch (BaseDeprel(d)) {
    case Deprel::root:
    case Deprel::ccomp:
    case Deprel::xcomp:
    case Deprel::advcl:
    case Deprel::acl:
    case Deprel::csubj:
    case Deprel::parataxis:
    case Deprel::list:
      return true;
    default:
      return false;
  }
}

uint32_t HeadIn(const Document& doc, const Sentence& s, uint32_t i) {
  uint32_t h = doc.tokens[i].head;
  if (h == Token::kNoHead || h < s.first_token || h >= s.end_token) return Token::kNoHead;
  return h;
}

namespace {

// Whether token i heads a clause of its own: a clause relation, or a verb coordinated
// with another predicate ("met X and signed ...").
bool HeadsClause(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (IsClauseRelation(t.deprel)) return true;
  return t.deprel == Deprel::conj && (t.upos == UPos::VERB || t.upos == UPos::AUX);
}

}  // namespace

uint32_t ClauseOf(const Document& doc, const Sentence& s, uint32_t i) {
  if (!s.parsed) return i;
  uint32_t u = i;
  for (uint32_t steps = s.end_token - s.first_token; steps > 0; --steps) {
    if (HeadsClause(doc, u)) return u;
    uint32_t h = HeadIn(doc, s, u);
    if (h == Token::kNoHead) return u;
    u = h;
  }
  return u;
}

uint32_t ParentClause(const Document& doc, const Sentence& s, uint32_t c) {
  if (!s.parsed) return Token::kNoHead;
  uint32_t h = HeadIn(doc, s, c);
  return h == Token::kNoHead ? h : ClauseOf(doc, s, h);
}

uint32_t PhraseHead(const Document& doc, const Sentence& s, uint32_t first, uint32_t end) {
  first = std::max(first, s.first_token);
  end = std::min(end, s.end_token);
  if (first >= end) return first;
  if (!s.parsed) return end - 1;
  for (uint32_t i = first; i < end; ++i) {
    uint32_t h = HeadIn(doc, s, i);
    if (h == Token::kNoHead || h < first || h >= end) return i;
  }
  return end - 1;
}

std::string_view CaseOf(const Document& doc, const Sentence& s, uint32_t i) {
  if (!s.parsed) return {};
  // The case word precedes its noun, with determiners and modifiers between: look a
  // bounded way back for a dependent of i marked `case`.
  for (uint32_t k = i, n = 0; k > s.first_token && n < 12; ++n) {
    --k;
    const Token& t = doc.tokens[k];
    if (t.head == i && t.deprel == Deprel::case_) return t.norm;
  }
  return {};
}

uint32_t TokenAtOffset(const Document& doc, const Sentence& s, uint32_t offset) {
  auto first = doc.tokens.begin() + s.first_token;
  auto last = doc.tokens.begin() + s.end_token;
  auto it = std::upper_bound(first, last, offset,
                             [](uint32_t off, const Token& t) { return off < t.begin; });
  if (it == first) return s.first_token;
  return static_cast<uint32_t>((it - doc.tokens.begin()) - 1);
}

}  // namespace dyad
