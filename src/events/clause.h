// SentenceGrammar: the shallow grammar the event coder needs for one sentence: which
// actor mention covers each token, clause boundaries, the subject of a verb, voice,
// negation and intention. Rules, not a statistical parser: fast and explainable.
#ifndef DYAD_EVENTS_CLAUSE_H_
#define DYAD_EVENTS_CLAUSE_H_

#include <cstdint>
#include <vector>

#include "actors/actor.h"
#include "text/document.h"

namespace dyad {

// kRequested: an act someone is urged or asked to do; the appeal is the event, not the act.
// kConsidered: an option weighed ("is considering sending aid"), which CAMEO codes 014.
enum class Modality : uint8_t { kAsserted, kIntended, kHypothetical, kRequested, kConsidered };

class SentenceGrammar {
 public:
  // mentions[first_mention, end_mention) are the mentions of sentence s. `scratch` is
  // reused between sentences so that steady-state coding does not allocate.
  SentenceGrammar(const Document& doc, const Sentence& s, const std::vector<ActorMention>& mentions,
                  size_t first_mention, size_t end_mention, std::vector<int32_t>* scratch);

  uint32_t begin() const { return s_.first_token; }
  uint32_t end() const { return s_.end_token; }
  const Token& token(uint32_t i) const { return doc_.tokens[i]; }
  const ActorMention& mention(int m) const { return mentions_[static_cast<size_t>(m)]; }

  // Index (into the article's mentions) of the mention covering token i, or -1.
  int MentionAt(uint32_t i) const { return (*cover_)[i - s_.first_token]; }
  // Mention starting at or after token `from` after skipping at most `max_skip` filler
  // tokens (determiners, adjectives, adverbs, numbers), or -1.
  int MentionAfter(uint32_t from, int max_skip) const;
  // Mention ending just before token `before` (possessive 's / ' allowed), or -1.
  int MentionBefore(uint32_t before, int max_skip) const;

  // Whether token i ends the reach of a clause when scanning outwards from a verb.
  bool IsClauseBoundary(uint32_t i) const;
  // Tokens that may sit between two pattern elements without being written.
  bool IsFiller(uint32_t i) const;
  bool IsVerbLike(uint32_t i) const;

  // The mention that is the subject of the verb at token v, or -1.
  int Subject(uint32_t v) const;
  // Passive: a participle after a form of "be"/"get", or a participle followed by "by".
  bool IsPassive(uint32_t v) const;
  // Agent of a passive verb or an event noun: the mention after "by" following token i.
  int ByAgent(uint32_t i, uint32_t limit) const;
  bool IsNegated(uint32_t anchor) const;
  // Whether the anchor is asserted, intended ("plans to visit", "will visit") or
  // hypothetical; *governor, when given, is set to the intention word that governs it.
  Modality ModalityOf(uint32_t anchor, const Token** governor = nullptr) const;
  // The mentions coordinated with m ("m and X", "X and m", "m, alongside X,").
  void Coordinated(int m, std::vector<int>* out) const;

 private:
  int SubjectDepth(uint32_t v, int depth) const;
  int ClauseStartSubject(uint32_t from) const;
  int PossessorBefore(uint32_t noun) const;
  bool IsLocativeObject(int m) const;

  const Document& doc_;
  const Sentence& s_;
  const std::vector<ActorMention>& mentions_;
  std::vector<int32_t>* cover_;
};

}  // namespace dyad

#endif  // DYAD_EVENTS_CLAUSE_H_
