// The surface reading of a sentence's grammar: word-order rules that SentenceGrammar
// falls back on where the parse gives no answer (no subject that is an actor, no agent,
// no modal or negation). Transitional: each rule goes as the parse-based readers, and the
// actor stage reading the parse, cover its constructions (clause.h).
#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "events/clause.h"
#include "events/grammar_words.h"

namespace dyad {
namespace {

using namespace grammar;  // the shared word classes (grammar_words.h)

bool IsParticipleForm(const Token& t) {
  std::string_view n = t.norm;
  if (n.size() > 2 && (n.substr(n.size() - 2) == "ed" || n.substr(n.size() - 2) == "en")) return true;
  return t.tag == Tag::kVerb && !t.LemmaIsNorm() && !(n.size() > 1 && n.back() == 's') &&
         !(n.size() > 3 && n.substr(n.size() - 3) == "ing");
}

}  // namespace

bool SentenceGrammar::IsLocativeObject(int m) const {
  uint32_t f = mention(m).first_token;
  if (f <= begin()) return false;
  // "of X" names an agent ("the involvement of X in ..."); places, recipients and the
  // agents of reduced passives ("a delegation led by X") are not subjects.
  const Token& t = token(f - 1);
  if (t.tag == Tag::kPrep) return !Is(t.norm, "of");
  // A later conjunct of a prepositional object: "with Fornost and Gondor".
  if (Is(t.norm, "and") || Is(t.norm, "or") || Is(t.norm, ",")) {
    for (uint32_t i = f - 1; i > begin() && f - i <= 3;) {
      --i;
      if (int prev = MentionAt(i); prev >= 0) return prev != m && IsLocativeObject(prev);
      if (!In(token(i).norm, {"and", "or", ","}) && token(i).tag != Tag::kDet) break;
    }
  }
  return false;
}

int SentenceGrammar::PossessorBefore(uint32_t noun) const {
  uint32_t i = noun;
  int adjectives = 0;
  while (i > begin()) {
    --i;
    const Token& t = token(i);
    if (int m = MentionAt(i); m >= 0) return m;
    if (Is(t.norm, "'s") || Is(t.norm, "'")) continue;
    if ((t.tag == Tag::kAdj || t.tag == Tag::kAdv) && ++adjectives <= 2) continue;
    return -1;
  }
  return -1;
}

int SentenceGrammar::SurfaceSubject(uint32_t v) const { return SurfaceSubjectDepth(v, 0); }

int SentenceGrammar::SurfaceSubjectDepth(uint32_t v, int depth) const {
  if (depth > 4 || v <= begin()) return -1;
  uint32_t j = v;
  // Auxiliaries, negation and adverbs sit between a subject and its verb.
  while (j > begin()) {
    const Token& t = token(j - 1);
    if (t.tag == Tag::kAux || t.tag == Tag::kNeg || t.tag == Tag::kAdv) { --j; continue; }
    break;
  }
  if (j == begin()) return -1;
  uint32_t k = j - 1;
  const Token& t = token(k);
  if (int m = MentionAt(k); m >= 0 && !IsLocativeObject(m)) return m;
  // "X plans to visit", "X is ready to help", "X's readiness to assist".
  if (Is(t.norm, "to")) {
    uint32_t g = k;
    while (g > begin() && (token(g - 1).tag == Tag::kAdv || token(g - 1).tag == Tag::kNeg)) --g;
    if (g == begin()) return -1;
    --g;
    const Token& gt = token(g);
    // Object control: "X invited Y to visit Z", "urged Y to attend": Y is the subject.
    if (int m = MentionAt(g); m >= 0) {
      uint32_t f = mention(m).first_token;
      if (f > begin() && IsVerbLike(f - 1)) return m;
    }
    if (gt.tag == Tag::kNoun || gt.tag == Tag::kProper) {
      if (int p = PossessorBefore(g); p >= 0) return p;
      // "X vowed on Thursday to wage war", "X left for Y on Monday to attend": prepositional
      // phrases sit between the governing verb and "to" (not an object: "urged Y to").
      for (uint32_t q = g, steps = 0; q > begin() && steps < 8 && MentionAt(g) < 0; ++steps) {
        --q;
        Tag tq = token(q).tag;
        if (tq == Tag::kPrep || MentionAt(q) >= 0 || tq == Tag::kDet || tq == Tag::kAdj || tq == Tag::kNum ||
            tq == Tag::kNoun || tq == Tag::kProper)
          continue;
        if (IsVerbLike(q) && token(q + 1).tag == Tag::kPrep) return SurfaceSubjectDepth(q, depth + 1);
        break;
      }
    }
    return SurfaceSubjectDepth(g, depth + 1);
  }
  // Relative clause: "X, who met Y".
  if (In(t.norm, {"who", "which", "that"})) {
    uint32_t a = k;
    while (a > begin() && Is(token(a - 1).norm, ",")) --a;
    if (a > begin()) {
      if (int m = MentionAt(a - 1); m >= 0) return m;
    }
    return -1;
  }
  // Shared subject of coordinated or participial predicates: "X arrived and met Y",
  // "X said ..., reaffirming", "X helped by sending".
  // "the involvement of X in distributing aid": the gerund's agent is the nearest actor
  // before the preposition, when one stands between it and the governing verb.
  // The actor must stand right before the preposition, or before a place phrase that does
  // ("staff in Syria in distributing"); "opportunities for enhancing" names no agent.
  if (IsGerund(token(v)) && t.tag == Tag::kPrep) {
    uint32_t p = k;
    while (p > begin()) {
      int m = MentionAt(p - 1);
      if (m < 0) break;
      if (!IsLocativeObject(m)) return m;
      p = mention(m).first_token;
      if (p > begin() && token(p - 1).tag == Tag::kPrep) --p;  // skip the place phrase
      else break;
    }
  }
  bool coordinating = In(t.norm, {"and", ",", "but", "then", "while", "after", "before", "by", "in"});
  if (coordinating) {
    bool participle_clause = IsGerund(token(v)) || Is(t.norm, "and") || Is(t.norm, "but");
    if (participle_clause || Is(t.norm, ",")) {
      for (uint32_t p = k; p > begin();) {
        --p;
        if (IsClauseBoundary(p) && token(p).tag != Tag::kSubord) break;
        if (IsVerbLike(p) && !(p + 1 < end() && Is(token(p + 1).norm, "by"))) {
          return SurfaceSubjectDepth(p, depth + 1);
        }
        if (token(p).tag == Tag::kSubord) break;
      }
    }
  }
  // A gerund after any other preposition ("opportunities for enhancing cooperation")
  // has no subject of its own in the sentence.
  if (IsGerund(token(v)) && t.tag == Tag::kPrep && !coordinating) return -1;
  // Otherwise the nearest actor to the left that is not the object of a preposition.
  for (uint32_t p = k + 1; p > begin();) {
    --p;
    if (IsClauseBoundary(p)) return -1;
    if (int m = MentionAt(p); m >= 0) {
      if (!IsLocativeObject(m)) return m;
      p = mention(m).first_token;
      continue;
    }
    // Reduced relative "a delegation led by X": not the subject's own verb; nor is a
    // participle phrase "X accompanying Y".
    if (IsVerbLike(p) && p != v && !(p + 1 < end() && Is(token(p + 1).norm, "by")) && !IsGerund(token(p)))
      return -1;
  }
  return -1;
}

bool SentenceGrammar::SurfacePassive(uint32_t v) const {
  const Token& t = token(v);
  if (!IsParticipleForm(t)) return false;
  uint32_t j = v;
  while (j > begin() && (token(j - 1).tag == Tag::kAdv || token(j - 1).tag == Tag::kNeg)) --j;
  if (j > begin()) {
    const Token& a = token(j - 1);
    if (Is(a.lemma, "be") || Is(a.lemma, "get")) {
      // A participle of feeling is an adjective, its subject the one who feels: "Beijing
      // is concerned about", "Syria was alarmed by Turkey's decision".
      return !IsFeelingVerb(t.lemma);
    }
    if (Is(a.lemma, "have")) return false;
  }
  // Reduced relative: "the cable sent by Aliyev", not "spoke by phone".
  return v + 1 < end() && Is(token(v + 1).norm, "by") && MentionAfter(v + 2, 3) >= 0 &&
         t.norm.size() > 2 && (t.norm.substr(t.norm.size() - 2) == "ed" || !t.LemmaIsNorm());
}

int SentenceGrammar::SurfaceByAgent(uint32_t i, uint32_t limit) const {
  limit = std::min(limit, end());
  for (uint32_t k = i + 1; k < limit; ++k) {
    if (IsClauseBoundary(k)) return -1;
    if (Is(token(k).norm, "by")) return MentionAfter(k + 1, 3);
  }
  return -1;
}

bool SentenceGrammar::SurfaceNegated(uint32_t anchor) const {
  // "refused to meet", "failed to reach": the act did not happen.
  uint32_t j = anchor;
  while (j > begin() && token(j - 1).tag == Tag::kAdv) --j;
  if (j > begin() + 1 && Is(token(j - 1).norm, "to")) {
    uint32_t g = j - 2;
    while (g > begin() && token(g).tag == Tag::kAdv) --g;
    if (In(token(g).lemma, {"refuse", "reject", "decline", "fail", "refusal", "failure"})) return true;
  }
  int seen = 0;
  for (uint32_t p = anchor; p > begin() && seen < 4; ++seen) {
    --p;
    const Token& t = token(p);
    if (t.tag == Tag::kNeg || Is(t.norm, "no") || Is(t.norm, "without")) return true;
    if (IsClauseBoundary(p) || MentionAt(p) >= 0) return false;
  }
  return false;
}

Modality SentenceGrammar::SurfaceModality(uint32_t anchor, const Token** governor) const {
  uint32_t j = anchor;
  while (j > begin()) {
    const Token& t = token(j - 1);
    if (t.tag == Tag::kAdv || t.tag == Tag::kNeg || Is(t.lemma, "be")) { --j; continue; }
    break;
  }
  if (j > begin()) {
    const Token& t = token(j - 1);
    if (IsModalFuture(t.norm)) return Modality::kIntended;
    // "is considering sending aid", "mulls imposing sanctions": a policy option weighed.
    const std::string_view a = token(anchor).norm;
    if (j == anchor && a.size() > 4 && a.substr(a.size() - 3) == "ing" &&
        In(t.lemma, {"consider", "mull", "weigh", "contemplate", "explore", "discuss"})) {
      if (governor != nullptr) *governor = &t;
      return Modality::kConsidered;
    }
    if (IsModalPossible(t.norm)) return Modality::kHypothetical;
    // "to VERB" or "to VERBing" governed by an intention word within a few tokens.
    if (Is(t.norm, "to")) {
      uint32_t p = j - 1;
      for (int n = 0; n < 5 && p > begin(); ++n) {
        --p;
        if (IsClauseBoundary(p)) break;
        const Token& g = token(p);
        // "urged X to release", "called on X to withdraw": the act is asked for, and the
        // appeal itself is the event (02x).
        if (In(g.lemma, {"urge", "ask", "call", "demand", "press", "request", "appeal",
                         "encourage", "implore", "exhort", "pressure", "pressurize", "advise",
                         "instruct", "persuade", "convince", "lobby", "beg"})) {
          if (governor != nullptr) *governor = &g;
          return Modality::kRequested;
        }
        if (IsIntentWord(g.lemma) || IsIntentWord(g.norm)) {
          if (governor != nullptr) *governor = &g;
          return Modality::kIntended;
        }
        // "the only way to free hostages", "a chance to meet": a possibility, not an act.
        if (n == 0 && In(g.lemma, {"way", "means", "chance", "opportunity"})) return Modality::kHypothetical;
        if (n == 0 && Is(g.lemma, "be")) return Modality::kIntended;  // "is to visit"
      }
    }
  }
  // Conditional clause.
  for (uint32_t p = anchor; p > begin();) {
    --p;
    const Token& t = token(p);
    if (Is(t.norm, "if") || Is(t.norm, "unless")) return Modality::kHypothetical;
    if (IsClauseBoundary(p)) break;
  }
  return Modality::kAsserted;
}

void SentenceGrammar::SurfaceCoordinated(int m, std::vector<int>* out) const {
  auto joins = [&](uint32_t i) {
    const Token& t = token(i);
    return In(t.norm, {"and", ",", "alongside", "&", "nor"});
  };
  // A possessive ("Cairo, and its work began") determines a noun: the noun phrase is
  // what is coordinated, not the owner; it has no conjuncts and is none.
  auto possessive = [&](int k) {
    const ActorMention& a = mention(k);
    return a.kind == MentionKind::kPronoun && a.end_token == a.first_token + 1 &&
           token(a.first_token).tag == Tag::kDet;
  };
  if (possessive(m)) return;
  // Rightwards: "m and X", "m, X and Y", "m, alongside X".
  int cur = m;
  for (int n = 0; n < 6; ++n) {
    uint32_t i = mention(cur).end_token;
    uint32_t k = i;
    while (k < end() && joins(k)) ++k;
    if (k == i) {
      // "together with", "along with", "as well as"
      if (k + 1 < end() && In(token(k).norm, {"together", "along"}) && Is(token(k + 1).norm, "with")) k += 2;
      else if (k + 2 < end() && Is(token(k).norm, "as") && Is(token(k + 1).norm, "well") && Is(token(k + 2).norm, "as")) k += 3;
      else break;
    }
    // "X and the evil awful Y": determiners and adjectives may open the next conjunct.
    int next = MentionAfter(k, 3);
    if (next < 0 || next == cur || possessive(next)) break;
    out->push_back(next);
    cur = next;
  }
  // Leftwards: "X and m", "X, alongside m,".
  cur = m;
  for (int n = 0; n < 6; ++n) {
    uint32_t f = mention(cur).first_token;
    uint32_t k = f;
    int fillers = 0;
    while (k > begin() && (token(k - 1).tag == Tag::kDet || token(k - 1).tag == Tag::kAdj) && ++fillers <= 3) --k;
    uint32_t j = k;
    while (j > begin() && joins(j - 1)) --j;
    if (j == k || j == begin()) break;
    int prev = MentionAt(j - 1);
    if (prev < 0 || prev == cur || possessive(prev)) break;
    out->push_back(prev);
    cur = prev;
  }
}

}  // namespace dyad
