#include "syntax/sentence_tree.h"

#include <string_view>

namespace dyad {

bool IsSubjectRelation(Deprel d) {
  return d == Deprel::nsubj || d == Deprel::nsubj_pass || d == Deprel::nsubj_outer ||
         d == Deprel::csubj || d == Deprel::csubj_pass;
}

SentenceTree::SentenceTree(const Document& doc, const Sentence& s, int32_t* storage)
    : doc_(doc), s_(s) {
  const uint32_t n = s.end_token - s.first_token;
  first_child_ = storage;
  next_sibling_ = storage + n;
  for (uint32_t k = 0; k < 2 * n; ++k) storage[k] = -1;
  if (!s.parsed) return;
  // Built right to left so that each list is in sentence order.
  for (uint32_t k = n; k-- > 0;) {
    const uint32_t h = Head(s.first_token + k);
    if (h == Token::kNoHead) continue;
    const uint32_t hk = h - s.first_token;
    next_sibling_[k] = first_child_[hk];
    first_child_[hk] = static_cast<int32_t>(k);
  }
}

uint32_t SentenceTree::Head(uint32_t i) const {
  if (!parsed()) return Token::kNoHead;
  const uint32_t h = token(i).head;
  if (h == Token::kNoHead || h < begin() || h >= end()) return Token::kNoHead;
  return h;
}

int64_t SentenceTree::Child(uint32_t h, Deprel d) const {
  int64_t found = -1;
  ForChildren(h, [&](uint32_t c) {
    if (token(c).deprel != d) return true;
    found = c;
    return false;
  });
  return found;
}

uint32_t SentenceTree::SubjectOf(uint32_t v) const { return SubjectDepth(v, 0); }

uint32_t SentenceTree::SubjectDepth(uint32_t v, int depth) const {
  if (!parsed() || depth > 6 || v < begin() || v >= end()) return Token::kNoHead;
  // The subject nearest before the verb (a parse that gives two keeps the closer one),
  // else the first after it.
  int64_t subject = -1;
  ForChildren(v, [&](uint32_t c) {
    if (!IsSubjectRelation(token(c).deprel)) return true;
    if (subject < 0 || c < v) subject = c;
    return c < v;
  });
  const uint32_t head = Head(v);
  const Deprel rel = BaseDeprel(token(v).deprel);
  if (subject >= 0) {
    const auto c = static_cast<uint32_t>(subject);
    // "X, who met Y": the relative pronoun stands for the noun the clause modifies.
    const std::string_view w = token(c).norm;
    if (rel == Deprel::acl && head != Token::kNoHead && (w == "who" || w == "which" || w == "that"))
      return head;
    return c;
  }
  if (head == Token::kNoHead) return Token::kNoHead;
  switch (rel) {
    case Deprel::aux:
    case Deprel::cop:
      return SubjectDepth(head, depth + 1);
    case Deprel::xcomp: {
      // Object control: "urged Y to attend", "invited Y to visit": the object does it.
      // Not after "summon": "summoned Iran's envoy to lodge a protest" is the summoner's
      // purpose.
      if (token(head).lemma == "summon") return SubjectDepth(head, depth + 1);
      int64_t obj = Child(head, Deprel::obj);
      if (obj < 0) obj = Child(head, Deprel::iobj);
      if (obj >= 0 && obj < v) return static_cast<uint32_t>(obj);
      return SubjectDepth(head, depth + 1);
    }
    case Deprel::conj:
    case Deprel::advcl:
      return SubjectDepth(head, depth + 1);
    case Deprel::acl: {
      // "a delegation led by X" (the participle's subject is the noun), "X's readiness
      // to assist" (the noun's owner is read from the noun by the caller). An
      // infinitive the parse hangs on the object of "summon" ("summoned Iran's envoy to
      // lodge a protest") is the summoner's purpose, as for the xcomp above.
      const uint32_t verb = Head(head);
      if (verb != Token::kNoHead && token(verb).lemma == "summon" &&
          BaseDeprel(token(head).deprel) == Deprel::obj)
        return SubjectDepth(verb, depth + 1);
      return head;
    }
    default:
      return Token::kNoHead;
  }
}

}  // namespace dyad
