#include "actors/mention_parser.h"

#include <algorithm>

#include "actors/word_classes.h"
#include "text/lexicon.h"
#include "util/word_cache.h"

namespace dyad {

static_assert(kWordInstitution < (1u << 16), "word classes must fit MentionParser::WordFacts::cls");

namespace {

// string_view == compares sizes first; std::string == "x" calls memcmp (libstdc++ 12).
bool Is(const std::string& s, std::string_view word) { return std::string_view(s) == word; }

bool IsPossessive(const Token& t) { return Is(t.norm, "'s"); }

bool IsPunct(const Token& t, char c) { return t.norm.size() == 1 && t.norm[0] == c; }

bool StartsUpper(const Document& doc, const Token& t) {
  if (t.end <= t.begin) return false;
  unsigned char c = static_cast<unsigned char>(doc.text[t.begin]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return t.Has(kCapitalized);
}


bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

bool IsNonStateRole(std::string_view code) {
  return code == "REB" || code == "INS" || code == "SEP" || code == "OPP" || code == "UAF" ||
         code == "CRM" || code == "RAD";
}

// Per-token facts, computed for every token of the sentence being parsed before the
// grammar runs: the word class and whether any role or gazetteer phrase can start there.
// Most tokens start nothing, and this spares the repeated lookups of the grammar's many
// tries. `current` is plain data (no thread_local guard on each access); the vectors
// behind it are reused from sentence to sentence.
struct TokenFacts {
  std::vector<uint32_t> cls;
  std::vector<uint8_t> bits;  // kFactsRole | kFactsPlace
};
constexpr uint8_t kFactsRole = 2, kFactsPlace = 4;
// Nothing can start at the token: no role or place phrase, not a pronoun or determiner,
// not capitalised and no Arabic article (so no name either). ParseAt() would fail there.
constexpr uint8_t kFactsInert = 8;
struct CurrentFacts {
  const Document* doc;
  uint32_t begin, end;  // the token range covered
  const uint32_t* cls;
  const uint8_t* bits;
};
thread_local CurrentFacts current = {nullptr, 0, 0, nullptr, nullptr};

}  // namespace

inline uint8_t MentionParser::Facts(const Document& doc, uint32_t t) const {
  if (current.doc != &doc || t < current.begin || t >= current.end) {
    return kFactsRole | kFactsPlace;  // outside the sentence: look it up
  }
  return current.bits[t - current.begin];
}

uint32_t MentionParser::WordClassOf(const Document& doc, const Token& t) const {
  const size_t i = static_cast<size_t>(&t - doc.tokens.data());
  if (current.doc != &doc || i < current.begin || i >= current.end) return ClassOf(doc, t);
  return current.cls[i - current.begin];
}

uint32_t MentionParser::ClassOf(const Document& doc, const Token& t) const {
  if (t.word != 0 && doc.lexicon == &lexicon_) return facts_by_word_[t.word].cls;
  return ClassifyWord(t.norm);
}

bool MentionParser::IsVerbLike(const Document& doc, const Token& t) const {
  return t.tag == Tag::kVerb || t.tag == Tag::kAux || (ClassOf(doc, t) & kWordSay) != 0;
}

MentionParser::MentionParser(const Gazetteer& gazetteer, const RoleLexicon& roles)
    : gaz_(gazetteer), roles_(roles), lexicon_(Lexicon::Default()) {
  facts_by_word_.resize(lexicon_.size() + 1);
  for (WordId w = 1; w <= lexicon_.size(); ++w) {
    const std::string_view form = lexicon_.Key(lexicon_.entry(w));
    facts_by_word_[w] = WordFacts{static_cast<uint16_t>(ClassifyWord(form)), roles_.WordKeys(form),
                                  gaz_.WordKeys(form)};
  }
}

inline MentionParser::WordFacts MentionParser::FactsOfToken(const Document& doc, uint32_t word,
                                                            std::string_view form) const {
  if (word != 0 && doc.lexicon == &lexicon_) return facts_by_word_[word];
  return FactsOfWord(form);
}

MentionParser::WordFacts MentionParser::FactsOfWord(std::string_view word) const {
  thread_local WordCache<WordFacts, 14> memo;
  return memo.Lookup(id_.get(), word, [this](std::string_view w) {
    return WordFacts{static_cast<uint16_t>(ClassifyWord(w)), roles_.WordKeys(w), gaz_.WordKeys(w)};
  });
}

bool MentionParser::RoleAt(const Document& doc, uint32_t t, uint32_t limit, RoleFilter filter,
                           uint32_t* role, uint32_t* end) const {
  if (t >= limit || !(Facts(doc, t) & kFactsRole)) return false;
  return roles_.LongestAt(doc, t, limit, filter, role, end);
}

bool MentionParser::PlaceAt(const Document& doc, uint32_t t, uint32_t limit,
                            GazetteerMatch* g) const {
  if (t >= limit || !(Facts(doc, t) & kFactsPlace)) return false;
  return gaz_.LongestAt(doc, t, limit, g);
}

bool MentionParser::IsNounLike(const Document& doc, const Token& t) const {
  if (t.tag == Tag::kNoun) return true;
  if (t.tag != Tag::kUnknown && t.tag != Tag::kAdj && t.tag != Tag::kProper) return false;
  // Untagged or adjective-like: a word (not punctuation, not a closed-class word).
  if (t.norm.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t.norm[0]);
  if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;
  constexpr uint32_t kNotContent = kWordNotName | kWordPronoun | kWordDeterminer |
                                    kWordLocative | kWordAffiliation | kWordNameParticle |
                                    kWordSay;
  return (ClassOf(doc, t) & kNotContent) == 0;
}

bool MentionParser::PartOfLongerName(const Document& doc, uint32_t t) const {
  const Token& next = doc.tokens[t];
  if (!StartsUpper(doc, next) || next.Has(kSentenceStart) || next.Has(kAllCaps)) return false;
  if (next.tag != Tag::kProper && next.tag != Tag::kNoun && next.tag != Tag::kUnknown) return false;
  if ((WordClassOf(doc, next) & ~static_cast<uint32_t>(kWordInstitution)) != 0) return false;
  uint32_t r = 0, e = 0;
  if (RoleAt(doc, t, static_cast<uint32_t>(doc.tokens.size()), RoleFilter::kAny, &r, &e)) {
    return false;
  }
  GazetteerMatch g;
  return !PlaceAt(doc, t, static_cast<uint32_t>(doc.tokens.size()), &g);
}

bool MentionParser::SingleRoleAt(const Document& doc, uint32_t j, uint32_t limit,
                                 bool modifier, uint32_t* role, uint32_t* end) const {
  return RoleAt(doc, j, limit, modifier ? RoleFilter::kModifiers : RoleFilter::kHeads,
                          role, end);
}

bool MentionParser::RoleChainAt(const Document& doc, uint32_t j, uint32_t limit,
                                RoleChain* rc) const {
  // Direct path: a head phrase, then more head phrases that it modifies ("government
  // forces", "embassy staff", "Foreign Ministry spokesman").
  RoleChain best;
  bool found = false;
  uint32_t r = 0, e = 0;
  if (SingleRoleAt(doc, j, limit, false, &r, &e)) {
    best.begin = j;
    best.head = static_cast<int>(r);
    best.end = e;
    best.code = roles_.role(r).code;
    best.absolute = roles_.role(r).absolute;
    for (int n = 0; n < 3; ++n) {
      uint32_t r2 = 0, e2 = 0;
      if (!SingleRoleAt(doc, best.end, limit, false, &r2, &e2)) break;
      const Role& next = roles_.role(r2);
      // A non-state affiliation survives the head ("rebel commander" REB); otherwise the
      // head decides ("government forces" MIL).
      if (next.absolute || !IsNonStateRole(best.code)) {
        best.code = next.code;
        best.absolute = next.absolute;
      }
      best.head = static_cast<int>(r2);
      best.end = e2;
    }
    found = true;
  }
  // Modifier path: "deputy" + "foreign minister", "former" + "president".
  uint32_t m = 0, me = 0;
  if (SingleRoleAt(doc, j, limit, true, &m, &me)) {
    RoleChain sub;
    if (RoleChainAt(doc, me, limit, &sub) && (!found || sub.end > best.end)) {
      best = sub;
      best.begin = j;
      best.former = best.former || roles_.role(m).code == "ELI";
      found = true;
    }
  }
  if (!found) return false;
  const Role& head = roles_.role(static_cast<uint32_t>(best.head));
  // "former" makes a person an elite (CAMEO ELI); "the former regime" is still a government.
  if (head.kind != RoleKind::kTitle && head.kind != RoleKind::kPerson) best.former = false;
  best.kind = head.kind;
  best.alone = head.alone;
  const Token& last = doc.tokens[best.end - 1];
  best.plural = head.kind == RoleKind::kGroup ||
                (last.norm != head.head && !last.norm.empty() && last.norm.back() == 's');
  *rc = best;
  return true;
}

bool MentionParser::IsNameToken(const Document& doc, uint32_t t, bool first) const {
  const Token& tok = doc.tokens[t];
  switch (tok.tag) {
    case Tag::kDet: case Tag::kPron: case Tag::kPrep: case Tag::kConj: case Tag::kSubord:
    case Tag::kNeg: case Tag::kNum: case Tag::kPunct: case Tag::kSymbol: case Tag::kAux:
      return false;
    default:
      break;
  }
  if (tok.norm.empty() || HasDigit(tok.norm) || IsPossessive(tok)) return false;
  if (WordClassOf(doc, tok) & (kWordNotName | kWordPronoun)) return false;
  if (!StartsUpper(doc, tok) && !HasArabicPrefix(tok.norm)) return false;
  uint32_t r = 0, e = 0;
  if (RoleAt(doc, t, static_cast<uint32_t>(doc.tokens.size()), RoleFilter::kAny, &r,
                       &e)) {
    return false;  // a title or role: "President", "Foreign Minister", "Sheikh"
  }
  if (first) {
    GazetteerMatch g;
    if (PlaceAt(doc, t, static_cast<uint32_t>(doc.tokens.size()), &g) &&
        g.form != PlaceForm::kKnownPerson) {
      return false;
    }
  }
  return true;
}

bool MentionParser::SpecialtyTitleAt(const Document& doc, uint32_t p, uint32_t limit,
                                     RoleChain* rc) const {
  // "EC farm Commissioner", "U.S. trade representative": one or two lower-case nouns
  // before a title or a one-person role.
  for (uint32_t q = p + 1; q <= p + 2 && q < limit; ++q) {
    const Token& t = doc.tokens[q - 1];
    if (t.norm.empty() || StartsUpper(doc, t) || !IsNounLike(doc, t)) return false;
    RoleChain chain;
    if (RoleChainAt(doc, q, limit, &chain) &&
        (chain.kind == RoleKind::kTitle || chain.kind == RoleKind::kPerson)) {
      chain.begin = p;
      *rc = chain;
      return true;
    }
  }
  return false;
}

bool MentionParser::NamedBodyAt(const Document& doc, uint32_t p, uint32_t limit,
                                RoleChain* rc) const {
  uint32_t q = p;
  while (q < limit && q - p < 5) {
    const Token& t = doc.tokens[q];
    if (!StartsUpper(doc, t) || HasDigit(t.norm) || IsPossessive(t)) break;
    if (WordClassOf(doc, t) & (kWordNotName | kWordPronoun)) break;
    if (Facts(doc, q) & kFactsRole) break;  // the role itself
    GazetteerMatch g;
    if (PlaceAt(doc, q, limit, &g)) break;
    ++q;
    // "Fish and Wildlife", "Ministry of ..." stay for the role phrase itself.
    if (q + 1 < limit && Is(doc.tokens[q].norm, "and") && StartsUpper(doc, doc.tokens[q + 1]) &&
        !(Facts(doc, q + 1) & kFactsRole)) {
      ++q;
    }
  }
  if (q == p || q >= limit || !StartsUpper(doc, doc.tokens[q])) return false;
  RoleChain chain;
  if (!RoleChainAt(doc, q, limit, &chain) || chain.kind != RoleKind::kBody || chain.absolute) {
    return false;
  }
  chain.begin = p;
  *rc = chain;
  return true;
}

void MentionParser::LookUpKnownPerson(const Document& doc, Candidate* c) const {
  for (uint32_t t = c->name_begin; t < c->name_end; ++t) {
    GazetteerMatch g;
    // A listed name ending the run names the person; after other name words only when
    // the first of them is the person's ("Vladimir V. Putin", not "Hunter Biden").
    if (PlaceAt(doc, t, c->name_end, &g) && g.form == PlaceForm::kKnownPerson &&
        g.end == c->name_end &&
        (t == c->name_begin || gaz_.FormHasGivenName(g.index, doc.tokens[c->name_begin].norm))) {
      c->known = static_cast<int>(g.index);
      c->person_evidence = true;
      return;
    }
  }
}

uint32_t MentionParser::NameRunAt(const Document& doc, uint32_t t, uint32_t limit) const {
  if (t >= limit || !IsNameToken(doc, t, true)) return t;
  // A sentence-initial ordinary word must not swallow a country that follows it.
  const bool may_hold_places = !doc.tokens[t].Has(kSentenceStart) ||
                               HasNameMorphology(doc.tokens[t].norm) ||
                               (WordClassOf(doc, doc.tokens[t]) & kWordGivenName);
  uint32_t u = t + 1;
  while (u < limit && u - t < 6) {
    if (IsNameToken(doc, u, false)) {
      GazetteerMatch g;
      if (PlaceAt(doc, u, limit, &g) &&
          g.form != PlaceForm::kKnownPerson &&
          (!may_hold_places || g.form == PlaceForm::kOrganization ||
           g.form == PlaceForm::kAdjective)) {
        break;
      }
      ++u;
      continue;
    }
    uint32_t particles = 0;  // "bin", "von der", "de la"
    while (particles < 3 && u + particles < limit &&
           (WordClassOf(doc, doc.tokens[u + particles]) & kWordNameParticle)) {
      ++particles;
    }
    if (particles > 0 && u + particles < limit && IsNameToken(doc, u + particles, false)) {
      u += particles + 1;
      continue;
    }
    break;
  }
  return u;
}

void MentionParser::Parse(const Document& doc, uint32_t begin, uint32_t end,
                          bool doc_first_sentence, std::vector<Candidate>* out) const {
  thread_local TokenFacts facts;
  facts.cls.resize(end - begin);
  facts.bits.resize(end - begin);
  for (uint32_t t = begin; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    const WordFacts f = FactsOfToken(doc, tok.word, tok.norm);
    const bool same = tok.LemmaIsNorm();
    const WordFacts l = same ? f : FactsOfToken(doc, tok.lemma_word, tok.lemma);
    uint8_t b = 0;
    if (roles_.MayStart(f.role_keys, l.role_keys, same)) b |= kFactsRole;
    if (gaz_.MayStart(f.place_keys, l.place_keys, same)) b |= kFactsPlace;
    if (b == 0 && (f.cls & (kWordPronoun | kWordDeterminer)) == 0 && !StartsUpper(doc, tok) &&
        !HasArabicPrefix(tok.norm) && !Is(tok.norm, "it"))
      b = kFactsInert;
    facts.cls[t - begin] = f.cls;
    facts.bits[t - begin] = b;
  }
  current = CurrentFacts{&doc, begin, end, facts.cls.data(), facts.bits.data()};
  const size_t first_here = out->size();
  uint32_t i = begin;
  while (i < end) {
    if (facts.bits[i - begin] & kFactsInert) {
      ++i;
      continue;
    }
    Candidate c;
    uint32_t skip = i + 1;
    if (ParseAt(doc, i, begin, end, doc_first_sentence, &c, &skip)) {
      c.consumed = std::max(c.consumed, c.end);
      if (i > begin && IsPunct(doc.tokens[i - 1], ',') && out->size() > first_here &&
          out->back().kind == MentionKind::kPerson && out->back().end == i - 1) {
        c.apposition = true;
      }
      out->push_back(c);
      i = c.consumed;
    } else {
      i = std::max(skip, i + 1);
    }
  }
  current.doc = nullptr;  // the facts are only valid while this sentence is parsed
}

bool MentionParser::ParseAt(const Document& doc, uint32_t i, uint32_t sentence_begin,
                            uint32_t limit, bool doc_first_sentence, Candidate* c,
                            uint32_t* skip_to) const {
  const Token& tok = doc.tokens[i];
  uint32_t cls = WordClassOf(doc, tok);
  // "it" is mostly no actor ("it is expected"), but after a verb of saying it is the
  // speaker reporting its own act: "the army says it has killed", "said that it would".
  if (Is(tok.norm, "it") && i > sentence_begin) {
    uint32_t v = i - 1;
    if (Is(doc.tokens[v].norm, "that") && v > sentence_begin) --v;
    if (WordClassOf(doc, doc.tokens[v]) & kWordSay) cls |= kWordPronounNeuter;
  }
  if (cls & kWordPronoun) {
    c->kind = MentionKind::kPronoun;
    c->begin = i;
    c->end = i + 1;
    c->head = i;
    c->consumed = i + 1;
    c->pronoun_class = cls & kWordPronoun;
    return true;
  }
  RoleChain named;
  if (StartsUpper(doc, tok) && NamedBodyAt(doc, i, limit, &named)) {
    c->begin = i;
    c->has_role = true;
    c->role = named;
    c->end = named.end;
    c->head = named.end - 1;
    CompleteRole(doc, sentence_begin, limit, 0, c);
    if (c->has_role) {
      c->kind = MentionKind::kOrganization;
      c->named_body = true;
      return true;
    }
    *c = Candidate();
  }
  const uint32_t run_end = NameRunAt(doc, i, limit);
  if (run_end > i) {
    c->kind = MentionKind::kPerson;
    c->begin = i;
    c->end = run_end;
    c->head = run_end - 1;
    c->name_begin = i;
    c->name_end = run_end;
    bool morphology = false;
    bool institution = false;  // "Commerce Department", "Baku Center": a body's name
    for (uint32_t t = i; t < run_end; ++t) {
      morphology |= HasNameMorphology(doc.tokens[t].norm);
      institution |= (WordClassOf(doc, doc.tokens[t]) & kWordInstitution) != 0;
    }
    const bool given = (WordClassOf(doc, tok) & kWordGivenName) != 0;
    const bool says = run_end < limit && IsVerbLike(doc, doc.tokens[run_end]);
    const uint32_t len = run_end - i;
    c->person_evidence = (len >= 2 && (morphology || given || says)) || (len == 1 && morphology && says);
    LookUpKnownPerson(doc, c);
    CompletePerson(doc, sentence_begin, limit, 0, c);
    if (len == 1 && !morphology && !c->has_role && c->known < 0) c->person_evidence = false;
    if (institution && c->known < 0) c->person_evidence = false;
    c->consumed = std::max(c->consumed, c->end);
    return true;
  }
  return ParseNounPhrase(doc, i, sentence_begin, limit, doc_first_sentence, 0, c, skip_to);
}

bool MentionParser::ParseNounPhrase(const Document& doc, uint32_t i, uint32_t sentence_begin,
                                    uint32_t limit, bool doc_first_sentence, int depth,
                                    Candidate* c, uint32_t* skip_to) const {
  *skip_to = i + 1;
  if (i >= limit) return false;
  uint32_t j = i;
  const uint32_t cls = WordClassOf(doc, doc.tokens[i]);
  const Tag det_tag = doc.tokens[i].tag;
  if ((cls & kWordDeterminer) && i + 1 < limit &&
      (det_tag == Tag::kDet || det_tag == Tag::kNum || det_tag == Tag::kUnknown ||
       det_tag == Tag::kAdj)) {  // not "that" as a conjunction
    c->definite = (cls & kWordDefinite) != 0;
    j = i + 1;
  }
  // Modifiers before a place: "the new Syrian government", "former Iraqi president".
  bool pre_former = false;
  uint32_t k = j;
  for (int n = 0; n < 3; ++n) {
    uint32_t m = 0, me = 0;
    if (!SingleRoleAt(doc, k, limit, true, &m, &me)) break;
    pre_former = pre_former || roles_.role(m).code == "ELI";
    k = me;
  }
  GazetteerMatch g;
  bool has_place = false;
  if (k > j && PlaceAt(doc, k, limit, &g)) {
    has_place = true;
    j = k;
  } else {
    pre_former = false;
    has_place = PlaceAt(doc, j, limit, &g);
  }
  c->begin = i;
  if (has_place && g.form == PlaceForm::kKnownPerson) {  // "von der Leyen", "al-Sharaa"
    c->kind = MentionKind::kPerson;
    c->begin = j;
    c->name_begin = j;
    c->name_end = g.end;
    c->end = g.end;
    c->head = g.end - 1;
    c->known = static_cast<int>(g.index);
    c->person_evidence = true;
    CompletePerson(doc, sentence_begin, limit, depth, c);
    c->consumed = std::max(c->consumed, c->end);
    return true;
  }
  if (has_place) {
    if (g.form == PlaceForm::kPlural) {
      c->kind = MentionKind::kDemonym;
      c->country = static_cast<int>(g.index);
      c->end = g.end;
      c->head = g.end - 1;
      c->consumed = g.end;
      return true;
    }
    if (g.form == PlaceForm::kCapital) {
      // A dateline ("Baku, SANA -") is not an actor. "in Damascus" is kept as a
      // country-level mention: the event coder never takes a place after a locative
      // preposition as a subject, but it is the other party of "reopened its embassy in
      // Damascus".
      if (doc_first_sentence && j == sentence_begin && g.end < limit &&
          (IsPunct(doc.tokens[g.end], ',') || IsPunct(doc.tokens[g.end], '-') ||
           IsPunct(doc.tokens[g.end], '('))) {
        *skip_to = g.end;
        return false;
      }
    }
    // "the Baku Center", "Damascus University": the place names part of a longer name.
    RoleChain body;
    if ((g.form == PlaceForm::kCapital || g.form == PlaceForm::kCountryName) && g.end < limit &&
        PartOfLongerName(doc, g.end) && !NamedBodyAt(doc, g.end, limit, &body)) {
      *skip_to = g.end;
      return false;
    }
    uint32_t p = g.end;
    const bool possessive = p < limit && IsPossessive(doc.tokens[p]);
    if (possessive) ++p;
    RoleChain rc;
    uint32_t m0 = 0, e0 = 0;
    // A capital before a role is the state's ("a Paris court", "Kabul police", "the
    // Damascus government"); before a named body it is a place in a longer name.
    const bool bare_capital = g.form == PlaceForm::kCapital && !possessive;
    if (RoleChainAt(doc, p, limit, &rc) ||
        (!bare_capital && (NamedBodyAt(doc, p, limit, &rc) || SpecialtyTitleAt(doc, p, limit, &rc)))) {
      Candidate with_role = *c;
      with_role.has_role = true;
      with_role.role = rc;
      with_role.role.former =
          rc.former || (pre_former && (rc.kind == RoleKind::kTitle || rc.kind == RoleKind::kPerson));
      if (g.form == PlaceForm::kOrganization) {
        with_role.org = static_cast<int>(g.index);
      } else {
        with_role.country = static_cast<int>(g.index);
      }
      with_role.end = rc.end;
      with_role.head = rc.end - 1;
      with_role.named_body = rc.begin == p && !RoleAt(doc, p, limit, RoleFilter::kAny, &m0, &e0);
      CompleteRole(doc, sentence_begin, limit, depth, &with_role);
      if (with_role.has_role) {
        *c = with_role;
        return true;
      }
    }
    // No role: the place alone ("Azerbaijan's readiness": the 's stays outside).
    if (g.form == PlaceForm::kAdjective) {
      // "the Russian and US navies", "Iraqi and Kurdish forces": the adjective shares the
      // role that ends the coordination.
      if (g.end + 2 < limit && (Is(doc.tokens[g.end].norm, "and") || Is(doc.tokens[g.end].norm, "or"))) {
        GazetteerMatch g2;
        RoleChain shared;
        if (PlaceAt(doc, g.end + 1, limit, &g2) &&
            (g2.form == PlaceForm::kAdjective || g2.form == PlaceForm::kCountryName) &&
            RoleChainAt(doc, g2.end, limit, &shared) && shared.plural) {
          c->kind = MentionKind::kRole;
          c->country = static_cast<int>(g.index);
          c->has_role = true;
          c->role = shared;
          c->end = g.end;
          c->head = g.end - 1;
          c->consumed = g.end;
          return true;
        }
      }
      if (g.end < limit && (IsNounLike(doc, doc.tokens[g.end]) ||
                            (StartsUpper(doc, doc.tokens[g.end]) &&
                             !IsPunct(doc.tokens[g.end], ',')))) {
        *skip_to = g.end;  // "the Syrian conflict": an adjective of something else
        return false;
      }
      c->kind = MentionKind::kDemonym;
      c->country = static_cast<int>(g.index);
    } else if (g.form == PlaceForm::kOrganization) {
      c->kind = MentionKind::kOrganization;
      c->org = static_cast<int>(g.index);
    } else if (g.form == PlaceForm::kCapital) {
      c->kind = MentionKind::kCapital;
      c->country = static_cast<int>(g.index);
      // "Damascus said", "Moscow has warned": the government speaking. Not after "to"
      // or a locative preposition ("the visit to Baku", "talks in Ankara": places).
      const bool after_to = j > sentence_begin && (Is(doc.tokens[j - 1].norm, "to") ||
                                                   Is(doc.tokens[j - 1].norm, "toward") ||
                                                   Is(doc.tokens[j - 1].norm, "towards") ||
                                                   (WordClassOf(doc, doc.tokens[j - 1]) &
                                                    kWordLocative) != 0);
      uint32_t v = g.end;
      if (v + 1 < limit && doc.tokens[v].tag == Tag::kAux) ++v;
      c->capital_gov = !after_to && v < limit &&
                       (doc.tokens[v].tag == Tag::kVerb ||
                        (WordClassOf(doc, doc.tokens[v]) & kWordSay) != 0);
    } else {
      c->kind = MentionKind::kCountry;
      c->country = static_cast<int>(g.index);
    }
    c->end = g.end;
    c->head = g.end - 1;
    c->consumed = g.end;
    return true;
  }
  // A named body after a determiner: "The Commerce Department".
  if (j > i) {
    RoleChain nb;
    if (NamedBodyAt(doc, j, limit, &nb)) {
      c->has_role = true;
      c->role = nb;
      c->end = nb.end;
      c->head = nb.end - 1;
      CompleteRole(doc, sentence_begin, limit, depth, c);
      if (c->has_role) {
        c->kind = MentionKind::kOrganization;
        c->named_body = true;
        return true;
      }
      c->has_role = false;
    }
  }
  // Honorific + name: "Dr. Ali Hassan", "Sheikh Tamim".
  uint32_t h = 0, he = 0;
  if (RoleAt(doc, j, limit, RoleFilter::kHonorifics, &h, &he)) {
    uint32_t ne = NameRunAt(doc, he, limit);
    if (ne == he) {
      *skip_to = he;
      return false;
    }
    const uint32_t hcls = WordClassOf(doc, doc.tokens[j]);
    c->kind = MentionKind::kPerson;
    c->honorific_female = (hcls & kWordFemale) != 0;
    c->honorific_male = (hcls & kWordMale) != 0;
    c->name_begin = he;
    c->name_end = ne;
    c->end = ne;
    c->head = ne - 1;
    c->person_evidence = true;
    LookUpKnownPerson(doc, c);
    CompletePerson(doc, sentence_begin, limit, depth, c);
    c->consumed = std::max(c->consumed, c->end);
    return true;
  }
  RoleChain rc;
  if (RoleChainAt(doc, j, limit, &rc)) {
    c->has_role = true;
    c->role = rc;
    c->end = rc.end;
    c->head = rc.end - 1;
    CompleteRole(doc, sentence_begin, limit, depth, c);
    if (!c->has_role) {
      *skip_to = rc.end;
      return false;
    }
    if (c->country < 0 && c->org < 0 && c->kind != MentionKind::kPerson && !rc.alone &&
        !c->elsewhere) {
      *skip_to = rc.end;
      return false;
    }
    return true;
  }
  return false;
}

void MentionParser::TakeTitledName(const Document& doc, uint32_t begin, uint32_t end,
                                   Candidate* c) const {
  c->kind = MentionKind::kPerson;
  c->name_begin = begin;
  c->name_end = end;
  c->end = end;
  c->head = end - 1;
  c->person_evidence = true;
  c->consumed = end;
  LookUpKnownPerson(doc, c);
}

void MentionParser::CompleteRole(const Document& doc, uint32_t sentence_begin, uint32_t limit,
                                 int depth, Candidate* c) const {
  const RoleChain& rc = c->role;
  c->kind = MentionKind::kRole;
  if (rc.code.empty() && !rc.absolute) c->kind = MentionKind::kDemonym;  // "the Syrian people"
  if (rc.kind == RoleKind::kBody && StartsUpper(doc, doc.tokens[rc.begin]) &&
      !doc.tokens[rc.begin].Has(kSentenceStart)) {
    c->kind = MentionKind::kOrganization;  // "the Azerbaijani Embassy", "Ministry of ..."
  }
  uint32_t e = c->end;
  // A title before a name: "Foreign Minister Asaad al-Shaibani".
  if (rc.kind == RoleKind::kTitle && !rc.plural) {
    // "Foreign Minister Sheikh Abdullah bin Zayed": an honorific may sit between.
    uint32_t h = 0, he = 0;
    const uint32_t name_at = RoleAt(doc, e, limit, RoleFilter::kHonorifics, &h, &he) ? he : e;
    uint32_t ne = NameRunAt(doc, name_at, limit);
    if (ne > name_at) {
      TakeTitledName(doc, name_at, ne, c);
      CompletePerson(doc, sentence_begin, limit, depth, c);
      c->consumed = std::max(c->consumed, c->end);
      return;
    }
  }
  // "the Foreign Minister of Syria's transitional government", "President of Syria".
  if (e + 1 < limit && Is(doc.tokens[e].norm, "of") && c->country < 0 && c->org < 0 && depth < 2) {
    // "President of Kazakhstan Kassym-Zhomart Tokayev": a title of a state, then the
    // holder's name (the place alone would read as the start of a longer name).
    GazetteerMatch g;
    if (rc.kind == RoleKind::kTitle && !rc.plural && PlaceAt(doc, e + 1, limit, &g) &&
        g.form == PlaceForm::kCountryName) {
      uint32_t ne = NameRunAt(doc, g.end, limit);
      if (ne > g.end + 1) {  // a full name, not one capitalised word
        c->country = static_cast<int>(g.index);
        TakeTitledName(doc, g.end, ne, c);
        return;
      }
    }
    Candidate sub;
    uint32_t skip = 0;
    if (ParseNounPhrase(doc, e + 1, sentence_begin, limit, false, depth + 1, &sub, &skip) &&
        (sub.country >= 0 || sub.org >= 0) && sub.kind != MentionKind::kPerson) {
      c->country = sub.country;
      c->org = sub.org;
      c->end = sub.end;
      c->consumed = sub.consumed;
      return;
    }
  }
  // "the government in Bogota", "police in Kabul", "officials in Damascus": the state's
  // own institutions named by where they sit. Not troops or embassies, which are often
  // another state's ("US troops in Syria", "the embassy in Damascus").
  // Nor a body a possessive already owns ("its embassy in Quito" is Mexico's), nor a
  // diplomatic mission, which always sits in another state.
  const std::string_view head_word = doc.tokens[e - 1].lemma;
  const bool owned = rc.begin > sentence_begin &&
                     (IsPossessive(doc.tokens[rc.begin - 1]) ||
                      Is(doc.tokens[rc.begin - 1].norm, "its") || Is(doc.tokens[rc.begin - 1].norm, "their"));
  const bool mission = head_word == "embassy" || head_word == "consulate" || head_word == "legation";
  if (e + 1 < limit && Is(doc.tokens[e].norm, "in") && c->country < 0 && c->org < 0 && !owned &&
      !mission && (rc.code == "GOV" || rc.code == "COP" || rc.code == "JUD" || rc.code == "LEG")) {
    GazetteerMatch g;
    if (PlaceAt(doc, e + 1, limit, &g) &&
        (g.form == PlaceForm::kCapital || g.form == PlaceForm::kCountryName) &&
        !(g.end < limit && IsPossessive(doc.tokens[g.end]))) {
      c->country = static_cast<int>(g.index);
      c->end = g.end;
      c->consumed = std::max(c->consumed, g.end);
      return;
    }
  }
  // The role word modifies another noun ("army base", "general elections"): not an actor.
  // ("declared the ambassador persona non grata": the Latin phrase is no noun of it.)
  if (e < limit && doc.tokens[e].tag == Tag::kNoun && !IsPossessive(doc.tokens[e]) &&
      !Is(doc.tokens[e].norm, "persona")) {
    c->has_role = false;
    return;
  }
  // A post held at some named non-state body: "an advisor at the Center for ... in
  // Azerbaijan". The person belongs to the country named there, not to its government.
  if ((rc.kind == RoleKind::kPerson || rc.kind == RoleKind::kTitle) && c->country < 0 &&
      c->org < 0 && e + 1 < limit && (WordClassOf(doc, doc.tokens[e]) & kWordAffiliation)) {
    uint32_t q = e + 1;
    if (WordClassOf(doc, doc.tokens[q]) & kWordDeterminer) ++q;
    GazetteerMatch g;
    if (q < limit && StartsUpper(doc, doc.tokens[q]) &&
        (!PlaceAt(doc, q, limit, &g) || (g.end < limit && PartOfLongerName(doc, g.end)))) {
      c->elsewhere = true;
      for (uint32_t t = q; t + 1 < limit && t < q + 15; ++t) {
        const Token& w = doc.tokens[t];
        if (IsPunct(w, ',') || IsPunct(w, ';') || IsPunct(w, '.')) break;
        if ((Is(w.norm, "in") || Is(w.norm, "of") || Is(w.norm, "from")) &&
            PlaceAt(doc, t + 1, limit, &g) &&
            (g.form == PlaceForm::kCountryName || g.form == PlaceForm::kCapital)) {
          c->country = static_cast<int>(g.index);
          break;
        }
      }
    }
  }
  c->consumed = std::max(c->consumed, c->end);
}

void MentionParser::CompletePerson(const Document& doc, uint32_t sentence_begin,
                                   uint32_t limit, int depth, Candidate* c) const {
  const uint32_t e = c->end;
  if (e + 1 >= limit) return;
  // "appointed Elnur Shahhuseynov as chargé d'affaires"
  if (Is(doc.tokens[e].norm, "as")) {
    RoleChain rc;
    if (RoleChainAt(doc, e + 1, limit, &rc) &&
        (rc.kind == RoleKind::kTitle || rc.kind == RoleKind::kPerson)) {
      if (!c->has_role) {
        c->has_role = true;
        c->role = rc;
      }
      c->person_evidence = true;
      c->consumed = rc.end;
    }
    return;
  }
  // Apposition: "Rafiyev, Azerbaijan's deputy foreign minister," / "Al-Shibani, the
  // Foreign Minister of Syria's transitional government".
  if (IsPunct(doc.tokens[e], ',') && depth < 2) {
    Candidate ap;
    uint32_t skip = 0;
    if (ParseNounPhrase(doc, e + 1, sentence_begin, limit, false, depth + 1, &ap, &skip) &&
        ap.has_role && ap.kind != MentionKind::kPerson &&
        (ap.role.kind == RoleKind::kTitle || ap.role.kind == RoleKind::kPerson) &&
        !ap.role.plural) {
      c->person_evidence = true;
      if (!c->has_role) {
        c->has_role = true;
        c->role = ap.role;
      }
      if (c->country < 0 && c->org < 0) {
        c->country = ap.country;
        c->org = ap.org;
        c->elsewhere = ap.elsewhere;
      }
    }
  }
}

}  // namespace dyad
