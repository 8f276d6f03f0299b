// SentenceGrammar: what the event coder asks of one sentence's grammar: which actor
// mention covers each token, the subject of a verb, voice, the passive agent, negation,
// modality and coordination. All of it is read off the sentence's dependency parse (the
// syntax layer, syntax/syntax_analyzer.h); the pattern words themselves are matched in
// surface order by the coder, which asks only IsClauseBoundary() and IsFiller() there.
// An unparsed sentence has no grammar: no subject, no agent, asserted, not negated.
#ifndef DYAD_EVENTS_CLAUSE_H_
#define DYAD_EVENTS_CLAUSE_H_

#include <cstdint>
#include <vector>

#include "actors/actor.h"
#include "syntax/sentence_tree.h"
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
  // The mention that stands for the phrase headed by token h: the one covering h, else
  // the phrase's owner ("Azerbaijan's delegation", "the delegation of Azerbaijan"), or -1.
  int PhraseMention(uint32_t h) const;
  // The token of mention m whose head lies outside it (its syntactic head).
  uint32_t MentionHead(int m) const;
  // Head of token i in the parse, or Token::kNoHead.
  uint32_t Head(uint32_t i) const { return token(i).head; }

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
  // Whether the sentence has a parse (else the surface readings answer).
  bool Parsed() const { return s_.parsed; }
  // Whether the parse puts token i in a phrase of h's own clause: h's dependent, or a
  // dependent of one, through no clause of its own ("struck a target in ... regions with
  // artillery", whichever noun "with artillery" is hung on). False unparsed.
  bool InClauseOf(uint32_t h, uint32_t i) const;

  // The mention that is the subject of the word at token v, or -1: its own nsubj; for a
  // verb without one, the controller of an xcomp ("X plans to visit", object control
  // "urged Y to attend"), the first conjunct's ("X arrived and met Y"), the noun a
  // relative or participial clause modifies ("X, who met Y", "the cable sent by X"), the
  // clause an adverbial participle hangs on ("X said ..., reaffirming"). A copula or
  // auxiliary has its predicate's subject.
  int Subject(uint32_t v) const;
  // Passive: aux:pass, nsubj:pass or an agent; a participle modifying a noun ("the cable
  // sent by X"). Not a participle of feeling ("Syria was alarmed by"): its subject feels.
  bool IsPassive(uint32_t v) const;
  // The words of a passive verb's subject phrase ("Diplomatic ties between the two
  // countries were suspended"), where a pattern's object words stand in the passive:
  // true with [*first, *last] when v has an nsubj:pass that precedes it (in an unparsed
  // sentence, every word before a passive verb).
  bool PassiveSubjectSpan(uint32_t v, uint32_t* first, uint32_t* last) const;
  // Agent of a passive verb (obl:agent) or of an event noun ("a visit by X"), or -1.
  int ByAgent(uint32_t i) const;
  // Negated: "not"/"never" on the word or on the verb whose object it is ("did not hold
  // talks"), "no talks", "without", or governed by refuse/fail/decline/reject ("failed to
  // reach agreement").
  bool IsNegated(uint32_t anchor) const;
  // Whether the anchor is an act alleged in an accusation ("accused Ecuador of
  // violating the treaty by carrying out a raid", "charged that X had attacked"): the
  // accusation is the event, the act inside it only its content.
  bool IsAlleged(uint32_t anchor) const;
  // Whether the anchor is asserted, intended ("plans to visit", "will visit"), considered,
  // requested or hypothetical; *governor, when given, is set to the governing word.
  Modality ModalityOf(uint32_t anchor, const Token** governor = nullptr) const;
  // The mentions coordinated with m (conjuncts: "m and X", "X, Y and m"; "m, alongside X").
  void Coordinated(int m, std::vector<int>* out) const;
  // Whether mention m is where an act happened, not whom it was done to: a country or
  // capital that the parse attaches to a verb as an oblique marked in/at/near, where the
  // pattern did not write the preposition ("met in Antalya"; "invest in TGT" writes it;
  // "its embassy in Damascus" is a noun's complement) and the verb has no object. Tokens before
  // `written_end` were matched by the pattern's words. (Restricting arguments to the
  // anchor's clause as well was measured: attachment errors cost more recall than it
  // gained precision.)
  bool IsVenue(int m, uint32_t written_end) const;

 private:
  // Children of token h in the parse, in sentence order.
  template <typename F>
  void ForChildren(uint32_t h, F f) const { tree_.ForChildren(h, f); }
  // First child of h with relation d, or -1.
  int64_t Child(uint32_t h, Deprel d) const { return tree_.Child(h, d); }
  // The verb whose clause token i belongs to (its nearest verb ancestor), else the root.
  uint32_t ClauseHeadOf(uint32_t i) const;
  // Whether the quote mark at i opens or closes a few verbless words (scare quotes).
  bool InShortQuote(uint32_t i) const;
  // The parse's reading.
  int ParseByAgent(uint32_t i) const;
  bool ParseNegated(uint32_t anchor) const;
  Modality ModalityDepth(uint32_t anchor, const Token** governor, int depth) const;
  void ParseCoordinated(int m, std::vector<int>* out) const;
  // The surface (word-order) reading, where the parse gives no answer
  // (surface_grammar.cc; transitional).
  int SurfaceSubject(uint32_t v) const;
  int SurfaceSubjectDepth(uint32_t v, int depth) const;
  bool SurfacePassive(uint32_t v) const;
  int SurfaceByAgent(uint32_t i, uint32_t limit) const;
  bool SurfaceNegated(uint32_t anchor) const;
  Modality SurfaceModality(uint32_t anchor, const Token** governor) const;
  void SurfaceCoordinated(int m, std::vector<int>* out) const;
  int PossessorBefore(uint32_t noun) const;
  bool IsLocativeObject(int m) const;

  const Document& doc_;
  const Sentence& s_;
  const std::vector<ActorMention>& mentions_;
  // scratch: [0, n) the mention covering each token, [n, 3n) the tree's child lists.
  std::vector<int32_t>* cover_;
  SentenceTree tree_;
};

}  // namespace dyad

#endif  // DYAD_EVENTS_CLAUSE_H_
