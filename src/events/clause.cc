#include "events/clause.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "events/grammar_words.h"
#include "syntax/tree.h"

namespace dyad {
namespace {

using namespace grammar;  // the shared word classes (grammar_words.h)

// The tree's storage after the cover: scratch sized 3n, [n, 3n) for the child lists.
int32_t* TreeStorage(std::vector<int32_t>* scratch, const Sentence& s) {
  const size_t n = s.end_token - s.first_token;
  scratch->assign(3 * n, -1);
  return scratch->data() + n;
}

}  // namespace

SentenceGrammar::SentenceGrammar(const Document& doc, const Sentence& s,
                                 const std::vector<ActorMention>& mentions, size_t first_mention,
                                 size_t end_mention, std::vector<int32_t>* scratch)
    : doc_(doc), s_(s), mentions_(mentions), cover_(scratch), tree_(doc, s, TreeStorage(scratch, s)) {
  for (size_t m = first_mention; m < end_mention; ++m) {
    const ActorMention& am = mentions[m];
    if (am.code.empty()) continue;  // a name without a known affiliation is not an actor yet
    uint32_t b = std::max(am.first_token, s.first_token);
    uint32_t e = std::min(am.end_token, s.end_token);
    for (uint32_t i = b; i < e; ++i) (*cover_)[i - s.first_token] = static_cast<int32_t>(m);
  }
}

bool SentenceGrammar::IsClauseBoundary(uint32_t i) const {
  const Token& t = token(i);
  if (t.tag == Tag::kSubord) return true;
  if (t.tag == Tag::kPunct) {
    if (t.norm == "\"") return !InShortQuote(i);
    return In(t.norm, {";", ":", "(", ")", ".", "?", "!", "--"});
  }
  return false;
}

// Scare quotes around a few words without a verb ('declared it an "aggressor state"')
// belong to the clause; a quotation opens or closes one.
bool SentenceGrammar::InShortQuote(uint32_t i) const {
  constexpr uint32_t kMaxWords = 4;
  auto verbless = [&](uint32_t from, uint32_t to) {  // tokens (from, to) hold no verb
    for (uint32_t k = from + 1; k < to; ++k)
      if (token(k).tag == Tag::kVerb || token(k).tag == Tag::kAux) return false;
    return to > from + 1;
  };
  for (uint32_t k = i + 1; k < end() && k <= i + kMaxWords + 1; ++k)  // i opens it
    if (token(k).norm == "\"") return verbless(i, k);
  for (uint32_t k = i; k > begin() && k + kMaxWords + 1 >= i;) {  // i closes it
    --k;
    if (token(k).norm == "\"") return verbless(k, i);
  }
  return false;
}

bool SentenceGrammar::IsFiller(uint32_t i) const {
  switch (token(i).tag) {
    case Tag::kDet: case Tag::kAdj: case Tag::kAdv: case Tag::kNum:
      return true;
    default:
      return false;
  }
}

bool SentenceGrammar::IsVerbLike(uint32_t i) const { return token(i).tag == Tag::kVerb; }

bool SentenceGrammar::InClauseOf(uint32_t h, uint32_t i) const {
  if (!Parsed()) return false;
  uint32_t u = i;
  for (int depth = 0; depth < 6; ++depth) {
    switch (BaseDeprel(token(u).deprel)) {
      case Deprel::acl: case Deprel::advcl: case Deprel::ccomp: case Deprel::xcomp:
      case Deprel::conj: case Deprel::parataxis: case Deprel::csubj: case Deprel::root:
        return false;
      default:
        break;
    }
    u = Head(u);
    if (u == h) return true;
    if (u == Token::kNoHead || u < begin() || u >= end()) return false;
  }
  return false;
}

int SentenceGrammar::MentionAfter(uint32_t from, int max_skip) const {
  int skipped = 0;
  for (uint32_t i = from; i < end(); ++i) {
    if (int m = MentionAt(i); m >= 0) return m;
    if (!IsFiller(i) || ++skipped > max_skip) return -1;
  }
  return -1;
}

int SentenceGrammar::MentionBefore(uint32_t before, int max_skip) const {
  int skipped = 0;
  for (uint32_t i = before; i > begin();) {
    --i;
    if (int m = MentionAt(i); m >= 0) return m;
    const Token& t = token(i);
    if (Is(t.norm, "'s") || Is(t.norm, "'")) continue;
    if (!(t.tag == Tag::kAdj || t.tag == Tag::kDet || t.tag == Tag::kNum) || ++skipped > max_skip)
      return -1;
  }
  return -1;
}

uint32_t SentenceGrammar::MentionHead(int m) const {
  const ActorMention& am = mention(m);
  uint32_t b = std::max(am.first_token, begin());
  uint32_t e = std::min(am.end_token, end());
  if (!Parsed()) return e - 1;
  for (uint32_t i = b; i < e; ++i) {
    uint32_t h = Head(i);
    if (h == Token::kNoHead || h < b || h >= e) return i;
  }
  return e - 1;
}

int SentenceGrammar::PhraseMention(uint32_t h) const {
  if (h < begin() || h >= end()) return -1;
  if (int m = MentionAt(h); m >= 0) return m;
  // The phrase's owner: a possessor or a modifier naming a state ("Azerbaijan's
  // delegation", "the Azerbaijani side"), else "of"/"from" ("the delegation of X").
  int found = -1;
  ForChildren(h, [&](uint32_t c) {
    Deprel d = token(c).deprel;
    if (d == Deprel::nmod_poss || d == Deprel::compound || d == Deprel::amod || d == Deprel::flat) {
      if (int m = MentionAt(c); m >= 0) { found = m; return false; }
    }
    return true;
  });
  if (found >= 0) return found;
  ForChildren(h, [&](uint32_t c) {
    if (token(c).deprel != Deprel::nmod) return true;
    int64_t k = Child(c, Deprel::case_);
    if (k >= 0 && In(token(static_cast<uint32_t>(k)).norm, {"of", "from"})) {
      if (int m = MentionAt(c); m >= 0) { found = m; return false; }
    }
    return true;
  });
  return found;
}

int SentenceGrammar::Subject(uint32_t v) const {
  const uint32_t c = tree_.SubjectOf(v);  // kNoHead when unparsed
  const int m = c == Token::kNoHead ? -1 : PhraseMention(c);
  return m >= 0 ? m : SurfaceSubject(v);
}

bool SentenceGrammar::IsPassive(uint32_t v) const {
  if (!Parsed()) return SurfacePassive(v);
  const Token& t = token(v);
  if (IsFeelingVerb(t.lemma)) return false;
  bool passive = false;
  ForChildren(v, [&](uint32_t c) {
    Deprel d = token(c).deprel;
    passive = d == Deprel::aux_pass || d == Deprel::nsubj_pass || d == Deprel::csubj_pass ||
              d == Deprel::obl_agent;
    return !passive;
  });
  if (passive) return true;
  // A participle modifying a noun: "the cable sent by Aliyev".
  // Not a relative clause with a subject of its own ("when Tajik forces fired at ...").
  if (t.tag == Tag::kVerb && t.deprel == Deprel::acl && Child(v, Deprel::nsubj) < 0 && !IsGerund(t) &&
      !t.LemmaIsNorm() && !(t.norm.size() > 1 && t.norm.back() == 's'))
    return Child(v, Deprel::obl_agent) >= 0 || Child(v, Deprel::obj) < 0;
  return false;
}

bool SentenceGrammar::PassiveSubjectSpan(uint32_t v, uint32_t* first, uint32_t* last) const {
  if (!Parsed()) {
    // Before the parse (the check of which sentences to parse): the words before it.
    if (v <= begin() || !SurfacePassive(v)) return false;
    *first = begin();
    *last = v - 1;
    return true;
  }
  const int64_t subject = Child(v, Deprel::nsubj_pass);
  if (subject < 0 || static_cast<uint32_t>(subject) >= v) return false;
  *first = *last = static_cast<uint32_t>(subject);
  // The phrase's extent: its dependents' and theirs, a few levels down (a noun phrase).
  uint32_t stack[32];
  int depth[32];
  int n = 0;
  stack[n] = static_cast<uint32_t>(subject);
  depth[n++] = 0;
  while (n > 0) {
    const uint32_t h = stack[--n];
    const int d = depth[n];
    ForChildren(h, [&](uint32_t c) {
      if (c >= v) return false;
      *first = std::min(*first, c);
      *last = std::max(*last, c);
      if (d < 4 && n < 32) {
        stack[n] = c;
        depth[n++] = d + 1;
      }
      return true;
    });
  }
  return true;
}

bool SentenceGrammar::IsAlleged(uint32_t anchor) const {
  if (!Parsed()) return false;
  uint32_t u = anchor;
  // An event noun stands for the verb it is the object of ("carrying out an armed raid").
  if (token(u).tag != Tag::kVerb && BaseDeprel(token(u).deprel) == Deprel::obj && Head(u) != Token::kNoHead)
    u = Head(u);
  for (int depth = 0; depth < 4; ++depth) {
    const uint32_t h = Head(u);
    if (h == Token::kNoHead || h < begin() || h >= end()) return false;
    const Deprel r = BaseDeprel(token(u).deprel);
    if (r != Deprel::acl && r != Deprel::advcl && r != Deprel::ccomp && r != Deprel::conj && r != Deprel::xcomp)
      return false;
    // The accusation word governs the clause directly, or through its object ("accuses
    // Ecuador of violating": the clause hangs on "Ecuador").
    uint32_t g = h;
    if (token(g).tag != Tag::kVerb && BaseDeprel(token(g).deprel) == Deprel::obj && Head(g) != Token::kNoHead)
      g = Head(g);
    // (Not "claim": "Hamas claimed it fired the rockets" reports the act.)
    if (r != Deprel::conj && In(token(g).lemma, {"accuse", "allege", "charge", "blame", "suspect", "accusation",
                                                  "allegation"}))
      return true;
    u = h;
  }
  return false;
}

int SentenceGrammar::ByAgent(uint32_t i) const {
  int found = ParseByAgent(i);
  return found >= 0 ? found : SurfaceByAgent(i, i + 12);
}

int SentenceGrammar::ParseByAgent(uint32_t i) const {
  int found = -1;
  ForChildren(i, [&](uint32_t c) {
    const Token& ct = token(c);
    bool agent = ct.deprel == Deprel::obl_agent;
    if (!agent && (ct.deprel == Deprel::nmod || ct.deprel == Deprel::obl)) {
      int64_t k = Child(c, Deprel::case_);
      agent = k >= 0 && Is(token(static_cast<uint32_t>(k)).norm, "by");
    }
    if (!agent) return true;
    found = PhraseMention(c);
    return found < 0;
  });
  return found;
}

bool SentenceGrammar::IsNegated(uint32_t anchor) const {
  return ParseNegated(anchor) || SurfaceNegated(anchor);
}

bool SentenceGrammar::ParseNegated(uint32_t anchor) const {
  if (!Parsed()) return false;
  auto negated_here = [&](uint32_t u) {
    bool neg = false;
    ForChildren(u, [&](uint32_t c) {
      const Token& ct = token(c);
      if (ct.deprel == Deprel::advmod || ct.deprel == Deprel::det || ct.deprel == Deprel::case_ ||
          ct.deprel == Deprel::mark) {
        neg = In(ct.norm, {"not", "never", "no", "without"});
      }
      return !neg;
    });
    return neg;
  };
  uint32_t u = anchor;
  for (int depth = 0; depth < 4; ++depth) {
    if (negated_here(u)) return true;
    const uint32_t h = Head(u);
    if (h == Token::kNoHead || h < begin() || h >= end()) return false;
    const Deprel rel = BaseDeprel(token(u).deprel);
    if (rel == Deprel::xcomp || (rel == Deprel::acl && IsRefusalWord(token(h).lemma))) {
      // "failed to reach", "refused to meet", "the refusal to negotiate".
      if (IsRefusalWord(token(h).lemma)) return true;
      u = h;
      continue;
    }
    // The event noun of a verb: "did not hold talks", "no agreement was reached".
    if (token(u).tag != Tag::kVerb && (rel == Deprel::obj || rel == Deprel::nsubj)) {
      u = h;
      continue;
    }
    return false;
  }
  return false;
}

Modality SentenceGrammar::ModalityOf(uint32_t anchor, const Token** governor) const {
  Modality m = ModalityDepth(anchor, governor, 0);
  return m != Modality::kAsserted ? m : SurfaceModality(anchor, governor);
}

Modality SentenceGrammar::ModalityDepth(uint32_t anchor, const Token** governor, int depth) const {
  if (!Parsed() || depth > 4) return Modality::kAsserted;
  uint32_t u = anchor;
  // An event noun takes the modality of the verb it is the object or subject of ("will
  // hold talks", "talks are expected").
  if (token(u).tag != Tag::kVerb) {
    const Deprel r = BaseDeprel(token(u).deprel);
    const uint32_t h = Head(u);
    if ((r == Deprel::obj || r == Deprel::nsubj) && h != Token::kNoHead && h >= begin() && h < end())
      u = h;
  }
  Modality aux = Modality::kAsserted;
  ForChildren(u, [&](uint32_t c) {
    const Token& ct = token(c);
    if (ct.deprel != Deprel::aux) return true;
    if (IsModalFuture(ct.norm)) aux = Modality::kIntended;
    else if (IsModalPossible(ct.norm)) aux = Modality::kHypothetical;
    return aux == Modality::kAsserted;
  });
  if (aux != Modality::kAsserted) return aux;
  const uint32_t h = Head(u);
  if (h == Token::kNoHead || h < begin() || h >= end()) return Modality::kAsserted;
  const Token& g = token(h);
  const Deprel rel = BaseDeprel(token(u).deprel);
  // "committed to ending the conflict": a gerund after "to" is parsed as an adverbial
  // clause of the verb it completes.
  bool to_gerund = false;
  if (rel == Deprel::advcl && IsGerund(token(u))) {
    ForChildren(u, [&](uint32_t c) {
      to_gerund = token(c).deprel == Deprel::mark && token(c).norm == "to";
      return !to_gerund;
    });
  }
  // "asked the court to suspend ...", parsed with the infinitive on the object ("the court
  // to suspend"): the request verb governs it as it governs an xcomp.
  if (rel == Deprel::acl && BaseDeprel(g.deprel) == Deprel::obj && Head(h) != Token::kNoHead &&
      Head(h) >= begin() && Head(h) < end()) {
    bool infinitive = false;
    ForChildren(u, [&](uint32_t c) {
      infinitive = token(c).deprel == Deprel::mark && token(c).norm == "to";
      return !infinitive;
    });
    const Token& verb = token(Head(h));
    if (infinitive && IsRequestWord(verb.lemma)) {
      if (governor != nullptr) *governor = &verb;
      return Modality::kRequested;
    }
  }
  if (rel == Deprel::xcomp || rel == Deprel::ccomp || rel == Deprel::acl || to_gerund ||
      (rel == Deprel::obj && IsGerund(token(u)))) {
    // "is considering sending aid", "mulls imposing sanctions": an option weighed.
    if (IsGerund(token(u)) &&
        In(g.lemma, {"consider", "mull", "weigh", "contemplate", "explore", "discuss"})) {
      if (governor != nullptr) *governor = &g;
      return Modality::kConsidered;
    }
    if (rel != Deprel::ccomp) {
      if (IsRequestWord(g.lemma)) {
        if (governor != nullptr) *governor = &g;
        return Modality::kRequested;
      }
      if (IsIntentWord(g.lemma) || IsIntentWord(g.norm)) {
        if (governor != nullptr) *governor = &g;
        return Modality::kIntended;
      }
      // "the only way to free hostages", "a chance to meet": a possibility.
      if (In(g.lemma, {"way", "means", "chance", "opportunity", "possibility"}))
        return Modality::kHypothetical;
      if (Is(g.lemma, "be")) return Modality::kIntended;  // "is to visit"
    }
    if (rel == Deprel::xcomp) return ModalityDepth(h, governor, depth + 1);
  }
  // A conditional clause: "if X attacks".
  if (rel == Deprel::advcl) {
    bool conditional = false;
    ForChildren(u, [&](uint32_t c) {
      conditional = token(c).deprel == Deprel::mark && In(token(c).norm, {"if", "unless"});
      return !conditional;
    });
    if (conditional) return Modality::kHypothetical;
  }
  // Coordinated predicates share their auxiliaries: "will meet X and sign ...".
  if (rel == Deprel::conj) return ModalityDepth(h, governor, depth + 1);
  return Modality::kAsserted;
}

bool SentenceGrammar::IsVenue(int m, uint32_t written_end) const {
  if (!Parsed()) return false;
  const uint32_t h = MentionHead(m);
  const ActorMention& am = mention(m);
  if (am.kind == MentionKind::kCountry || am.kind == MentionKind::kCapital) {
    for (uint32_t k = am.first_token; k > begin() && am.first_token - k < 4;) {
      --k;
      const Token& t = token(k);
      if (t.head != h || t.deprel != Deprel::case_) continue;
      // A noun's complement ("its embassy in Damascus") is no venue, nor is a place
      // after a verb's object, where it may tell about the object as well ("reopened its
      // embassy in Damascus"): only a place attached to a verb without one ("met in Paris").
      if (BaseDeprel(token(h).deprel) != Deprel::obl) return false;
      const uint32_t verb = Head(h);
      if (verb != Token::kNoHead && Child(verb, Deprel::obj) >= 0) return false;
      return k >= written_end && In(t.norm, {"in", "at", "near", "inside"});
    }
  }
  return false;
}

void SentenceGrammar::Coordinated(int m, std::vector<int>* out) const {
  ParseCoordinated(m, out);
  // The surface reading adds lists the parse misreads ("Armenian Prime Minister Nikol
  // Pashinyan and Azerbaijani President Ilham Aliyev" as an apposition), but not across
  // clauses: "After travelling to France and Italy, Funaro hopes to visit Canada".
  std::vector<int> surface;
  SurfaceCoordinated(m, &surface);
  const uint32_t clause = Parsed() ? ClauseHeadOf(MentionHead(m)) : 0;
  for (int k : surface) {
    if (Parsed() && ClauseHeadOf(MentionHead(k)) != clause) continue;
    if (std::find(out->begin(), out->end(), k) == out->end()) out->push_back(k);
  }
}

uint32_t SentenceGrammar::ClauseHeadOf(uint32_t i) const {
  uint32_t u = i;
  for (int depth = 0; depth < 10; ++depth) {
    const uint32_t h = Head(u);
    if (h == Token::kNoHead || h < begin() || h >= end()) return u;
    u = h;
    if (token(u).tag == Tag::kVerb) return u;
  }
  return u;
}

void SentenceGrammar::ParseCoordinated(int m, std::vector<int>* out) const {
  if (!Parsed()) return;
  // A possessive ("its work") determines a noun: it has no conjuncts and is none.
  auto possessive = [&](int k) {
    const ActorMention& a = mention(k);
    return a.kind == MentionKind::kPronoun && a.end_token == a.first_token + 1 &&
           token(a.first_token).tag == Tag::kDet;
  };
  if (possessive(m)) return;
  // In UD every conjunct hangs on the first: climb to it, then take its conj children.
  uint32_t first = MentionHead(m);
  for (int n = 0; n < 8 && token(first).deprel == Deprel::conj; ++n) {
    uint32_t h = Head(first);
    if (h == Token::kNoHead || h < begin() || h >= end()) break;
    first = h;
  }
  auto add = [&](uint32_t c) {
    int k = PhraseMention(c);
    if (k < 0 || k == m || possessive(k)) return;
    if (std::find(out->begin(), out->end(), k) == out->end()) out->push_back(k);
  };
  if (first != MentionHead(m)) add(first);
  ForChildren(first, [&](uint32_t c) {
    if (token(c).deprel == Deprel::conj) add(c);
    return true;
  });
  // "X, alongside Y,", "X together with Y", "X as well as Y".
  ForChildren(MentionHead(m), [&](uint32_t c) {
    const Token& ct = token(c);
    if (ct.deprel != Deprel::nmod && ct.deprel != Deprel::obl) return true;
    int64_t k = Child(c, Deprel::case_);
    if (k < 0) return true;
    auto kc = static_cast<uint32_t>(k);
    bool along = Is(token(kc).norm, "alongside") ||
                 (Is(token(kc).norm, "with") && kc > begin() &&
                  In(token(kc - 1).norm, {"together", "along"}));
    if (along) add(c);
    return true;
  });
}

}  // namespace dyad
