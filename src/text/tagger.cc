#include "text/tagger.h"

#include "text/char_class.h"
#include "text/lemmatizer.h"

namespace dyad {

struct Tagger::Context {
  std::string_view text;
  Token* tokens;
  const TokenInfo* info;
  size_t count;
  size_t first_word;        // index of the first word of the sentence
  bool caps_uninformative;  // all-caps or title-case sentence
  bool clause_has_verb;     // a finite verb or auxiliary since the clause began
};

namespace {

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

bool IsSubjectPronoun(std::string_view w) {
  return w == "i" || w == "we" || w == "you" || w == "he" || w == "she" || w == "it" ||
         w == "they";
}

bool IsNameParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "del", "della", "der", "di",
      "da", "dos", "du", "la", "le", "van", "von", "ben", "ould", "ter", "den"};
  for (std::string_view p : kParticles)
    if (w == p) return true;
  return false;
}

// Subjects of "'s" meaning "is"/"has" rather than a possessive.
bool TakesIsClitic(std::string_view w) {
  return w == "it" || w == "he" || w == "she" || w == "that" || w == "there" || w == "what" ||
         w == "who" || w == "where" || w == "here" || w == "how" || w == "this" ||
         w == "everyone" || w == "nobody" || w == "something" || w == "nothing";
}

bool LooksAdjective(std::string_view w) {
  static constexpr std::string_view kSuffixes[] = {"ous", "ive", "ful", "less", "able", "ible",
                                                   "ical", "ic", "ary", "ish", "ent", "ant",
                                                   "al"};
  if (w.size() < 5) return false;
  for (std::string_view s : kSuffixes)
    if (EndsWith(w, s)) return true;
  return false;
}

}  // namespace

void Tagger::TagSentence(std::string_view text, Token* tokens, const TokenInfo* info,
                         size_t count) const {
  Context c{text, tokens, info, count, count, false, false};
  // Sentence shape: an all-caps or title-case line says nothing through capitals.
  size_t words = 0, all_caps = 0, caps = 0, caps_closed = 0;
  for (size_t i = 0; i < count; ++i) {
    if (info[i].kind != TokenKind::kWord) continue;
    if (c.first_word == count) c.first_word = i;
    ++words;
    if (tokens[i].Has(kAllCaps) || (tokens[i].Has(kCapitalized) && tokens[i].norm.size() == 1))
      ++all_caps;
    if (tokens[i].Has(kCapitalized)) {
      ++caps;
      if (i != c.first_word && info[i].entry != nullptr &&
          info[i].entry->closed_tag != Tag::kUnknown && !tokens[i].Has(kAllCaps))
        ++caps_closed;
    }
  }
  c.caps_uninformative = (words >= 3 && all_caps == words) ||
                         (words >= 4 && caps_closed >= 1 && caps * 10 >= words * 7);
  std::string buf;
  for (size_t i = 0; i < count; ++i) {
    Token& t = tokens[i];
    const std::string_view norm = t.norm;  // compares sizes first (std::string == "x" does not)
    Tag tag = TagWord(c, i);
    t.tag = tag;
    const LexEntry* e = info[i].entry;
    if (tag == Tag::kAux ||
        (tag == Tag::kVerb && e != nullptr &&
         (e->verb_forms & (kVerbPast | kVerbThirdSing)) != 0 &&
         (e->verb_forms & kVerbGerund) == 0)) {
      c.clause_has_verb = true;
    } else if (tag == Tag::kSubord || norm == ";" || norm == ":") {
      c.clause_has_verb = false;
    }
    if (norm == "'s") {
      t.lemma.assign(tag == Tag::kAux ? "be" : "'s");
      t.lemma_word = tag == Tag::kAux ? lexicon_.IdOf(lexicon_.Find("be")) : t.word;
      continue;
    }
    std::string_view lemma = Lemmatize(lexicon_, t.norm, e, tag, &buf);
    if (lemma.data() == t.norm.data() && lemma.size() == t.norm.size()) {
      t.lemma.assign(t.norm);
      t.lemma_word = t.word;
    } else {
      t.lemma.assign(lemma);
      t.lemma_word = lexicon_.LemmaIdOf(e, lemma);
    }
  }
}

Tag Tagger::TagWord(const Context& c, size_t i) const {
  const Token& t = c.tokens[i];
  const TokenInfo& info = c.info[i];
  const LexEntry* e = info.entry;
  switch (info.kind) {
    case TokenKind::kNumber:
      return Tag::kNum;
    case TokenKind::kPunct:
      return Tag::kPunct;
    case TokenKind::kSymbol:
    case TokenKind::kUrl:
    case TokenKind::kEmail:
      return Tag::kSymbol;
    case TokenKind::kClitic:
      if (std::string_view(t.norm) == "'s") {
        return i > 0 && TakesIsClitic(c.tokens[i - 1].norm) ? Tag::kAux : Tag::kDet;
      }
      return e != nullptr && e->closed_tag != Tag::kUnknown ? e->closed_tag : Tag::kAux;
    case TokenKind::kAbbrev:
      if (e != nullptr && e->closed_tag != Tag::kUnknown) return e->closed_tag;
      return t.Has(kCapitalized) ? Tag::kProper : Tag::kAdv;
    case TokenKind::kWord:
      break;
  }
  if (IsAsciiDigit(t.norm[0])) {
    return t.Has(kHyphenated) && IsAsciiAlpha(t.norm.back()) ? Tag::kAdj : Tag::kNum;
  }
  bool initial = i == c.first_word;
  bool cap = t.Has(kCapitalized) && !c.caps_uninformative;
  bool next_cap = i + 1 < c.count && c.info[i + 1].kind == TokenKind::kWord &&
                  c.tokens[i + 1].Has(kCapitalized);
  if (e != nullptr && e->closed_tag != Tag::kUnknown) {
    if (cap && t.Has(kAllCaps)) return Tag::kProper;  // US, IT (in mixed-case text)
    if (cap && !initial && std::string_view(t.norm) == "may") {
      bool prev_num_or_prep = i > 0 && (c.tokens[i - 1].tag == Tag::kPrep ||
                                        c.tokens[i - 1].tag == Tag::kNum);
      bool next_num = i + 1 < c.count && c.info[i + 1].kind == TokenKind::kNumber;
      if (prev_num_or_prep || next_num) return Tag::kProper;
    }
    return e->closed_tag;
  }
  if (c.caps_uninformative) {
    if (e == nullptr && t.Has(kCapitalized)) return Tag::kProper;
    return ResolveOpenClass(c, i);
  }
  if (cap && !initial) return Tag::kProper;
  if (!cap && next_cap && i > 0 && IsNameParticle(t.norm) &&
      (c.tokens[i - 1].tag == Tag::kProper || c.tokens[i - 1].Has(kCapitalized)))
    return Tag::kProper;  // Mohammed bin Salman
  if (t.Has(kHyphenated) && !initial) {
    // al-Shaibani, el-Sisi: a capital after a hyphen marks a name.
    std::string_view raw = c.text.substr(t.begin, t.end - t.begin);
    for (size_t k = 1; k + 1 < raw.size(); ++k) {
      if (raw[k] == '-' && IsAsciiUpper(raw[k + 1]) && IsNameParticle(t.norm.substr(0, k)))
        return Tag::kProper;
    }
  }
  if (initial && cap) {
    if (e == nullptr) return Tag::kProper;
    // "Foreign Minister X", "United States" at sentence start: a noun or adjective
    // followed by a capitalised open-class word is part of a name.
    bool next_open = next_cap && (c.info[i + 1].entry == nullptr ||
                                  c.info[i + 1].entry->closed_tag == Tag::kUnknown);
    bool verbal = (e->verb_forms & (kVerbPast | kVerbThirdSing | kVerbGerund)) != 0 &&
                  e->verb_count > e->noun_count + e->adj_count;
    if (next_open && (e->is_noun || e->is_adj) && !verbal) return Tag::kProper;
  }
  return ResolveOpenClass(c, i);
}

Tag Tagger::ResolveOpenClass(const Context& c, size_t i) const {
  const Token& t = c.tokens[i];
  const LexEntry* e = c.info[i].entry;
  std::string_view w = t.norm;
  uint8_t v = 0;
  bool n = false, a = false, r = false;
  uint32_t verb_count = 0, noun_count = 0, adj_count = 0, adv_count = 0;
  if (e != nullptr) {
    v = e->verb_forms;
    n = e->is_noun;
    a = e->is_adj;
    r = e->is_adv;
    verb_count = e->verb_count;
    noun_count = e->noun_count;
    adj_count = e->adj_count;
    adv_count = e->adv_count;
  } else if (w.size() > 4 && EndsWith(w, "ly")) {
    r = true;
  } else if (w.size() > 4 && EndsWith(w, "ed")) {
    v = kVerbPast | kVerbParticiple;
  } else if (w.size() > 5 && EndsWith(w, "ing")) {
    v = kVerbGerund;
  } else if (LooksAdjective(w)) {
    a = true;
  } else {
    n = true;
  }
  const bool ed = (v & (kVerbPast | kVerbParticiple)) != 0;
  const bool ing = (v & kVerbGerund) != 0;
  const bool s3 = (v & kVerbThirdSing) != 0;
  const bool base = (v & kVerbBase) != 0;

  // The word after: does it look like the start of a noun phrase (an object)?
  bool next_nounish = false;   // noun, adjective or name: "the reported attack"
  bool next_object = false;    // det, pronoun, name, number, "that", adverb, "to"
  bool next_verbish = false;
  bool next_proper = false;    // a capitalised word inside the sentence
  bool next_plural = false;
  bool next_base_verb = false;  // could be a verb's base form: "talks resume"
  bool next_end = i + 1 >= c.count;  // end of sentence or clause punctuation
  if (i + 1 < c.count) {
    const Token& nt = c.tokens[i + 1];
    const TokenInfo& ni = c.info[i + 1];
    const LexEntry* ne = ni.entry;
    if (ni.kind == TokenKind::kPunct) {
      const std::string_view nn = nt.norm;
      next_end = nn == "." || nn == "," || nn == ";" || nn == "!" || nn == "?" || nn == "\"";
    } else if (ni.kind == TokenKind::kNumber) {
      next_object = true;
    } else if (ni.kind == TokenKind::kWord) {
      if (ne != nullptr && ne->closed_tag != Tag::kUnknown) {
        Tag ct = ne->closed_tag;
        next_object = ct == Tag::kDet || ct == Tag::kPron || ct == Tag::kNum ||
                      ct == Tag::kSubord || ct == Tag::kAdv || std::string_view(nt.norm) == "to";
        next_verbish = ct == Tag::kAux;
      } else if (nt.Has(kCapitalized) && !c.caps_uninformative) {
        next_nounish = true;
        next_object = true;
        next_proper = true;
      } else if (ne == nullptr) {
        next_nounish = !EndsWith(nt.norm, "ly");
        next_object = !next_nounish;
      } else {
        next_nounish = ne->is_noun || ne->is_adj;
        next_plural = ne->noun_plural;
        next_base_verb = (ne->verb_forms & kVerbBase) != 0;
        next_verbish = !ne->is_noun && (ne->verb_forms & (kVerbPast | kVerbThirdSing)) != 0;
        next_object = ne->is_adv && ne->adv_count > ne->noun_count &&
                      ne->adv_count > ne->adj_count;
      }
    }
  }

  // The word before, skipping adverbs ("he also visited") and a parenthesis after a name
  // ("the Nigerian Air Force (NAF) says").
  size_t p = i;
  while (p > 0 && c.tokens[p - 1].tag == Tag::kAdv) --p;
  if (p >= 3 && std::string_view(c.tokens[p - 1].norm) == ")") {
    for (size_t q = p - 1; q-- > 0 && q + 6 >= p;) {
      if (std::string_view(c.tokens[q].norm) == "(") {
        if (q > 0 && c.tokens[q - 1].tag == Tag::kProper) p = q;
        break;
      }
    }
  }
  Tag pt = p > 0 ? c.tokens[p - 1].tag : Tag::kUnknown;
  std::string_view pn = p > 0 ? std::string_view(c.tokens[p - 1].norm) : std::string_view();
  if (pt == Tag::kConj && p >= 2) {
    // "visited Damascus and met": after a conjunction, a verb coordinates with a verb.
    size_t q = p - 1;
    while (q > 0 && (c.tokens[q - 1].tag == Tag::kAdv)) --q;
    bool verb_before = false;
    for (size_t k = q; k > 0 && k + 4 > q; --k) {
      if (c.tokens[k - 1].tag == Tag::kVerb) verb_before = true;
    }
    if ((verb_before || (c.clause_has_verb && (ed || s3))) && (ed || s3 || ing || base) &&
        !(n && !ed && !ing && next_verbish) && !(ed && a && next_nounish && !next_proper))
      return Tag::kVerb;
  }

  const bool nominal = pt == Tag::kDet || pt == Tag::kAdj || pt == Tag::kNum;
  if (r && !nominal && adv_count > noun_count && adv_count > adj_count &&
      adv_count >= verb_count)
    return Tag::kAdv;  // "dates back", "further unite"

  if (v == 0) {
    if (a && !n) return next_nounish || !r ? Tag::kAdj : Tag::kAdv;
    if (r && !n) return next_nounish && a ? Tag::kAdj : Tag::kAdv;
    if (a && n) {
      if (next_nounish) return Tag::kAdj;
      return adj_count > noun_count ? Tag::kAdj : Tag::kNoun;
    }
    return Tag::kNoun;
  }

  if (nominal) {
    // A past form that is no participle ("gave", "met", "took") modifies nothing: "the
    // U.S. military gave aid".
    if ((v & kVerbPast) && !(v & kVerbParticiple) && !n && !a) return Tag::kVerb;
    // "the EU's policy chief rejected Israel's offer": after a modifier (not an article),
    // with no verb in the clause yet, a mostly-verb -ed form before a name is the verb.
    if (ed && !base && !n && pt != Tag::kDet && next_proper && !c.clause_has_verb &&
        verb_count > adj_count)
      return Tag::kVerb;
    if (ing) return next_nounish ? Tag::kAdj : Tag::kNoun;
    if (a && next_nounish && !(ed && n)) return Tag::kAdj;
    if (ed && !base && !n) return next_nounish || a ? Tag::kAdj : Tag::kVerb;
    if (n) return Tag::kNoun;
    if (a) return Tag::kAdj;
    return Tag::kNoun;
  }
  if (pt == Tag::kPrep && pn == "to") {
    if (base) return Tag::kVerb;
    return n ? Tag::kNoun : Tag::kVerb;
  }
  if (pt == Tag::kAux || pt == Tag::kNeg) {
    if (ed || ing) return Tag::kVerb;
    if (base) {
      bool be = pn == "is" || pn == "are" || pn == "was" || pn == "were" || pn == "be" ||
                pn == "been" || pn == "am" || pn == "'re" || pn == "'m";
      if (be && a) return Tag::kAdj;
      if (be && n) return Tag::kNoun;
      return Tag::kVerb;
    }
    return n ? Tag::kNoun : Tag::kVerb;
  }
  if ((pt == Tag::kPron && IsSubjectPronoun(pn)) || pt == Tag::kSubord) {
    if (ed || s3 || base || ing) return Tag::kVerb;
  }
  if (pt == Tag::kPron) {  // object pronoun: "gave them aid"
    return n ? Tag::kNoun : Tag::kVerb;
  }
  if (pt == Tag::kPrep) {
    if (ing) return next_plural ? Tag::kAdj : Tag::kVerb;  // "after reopening the embassy"
    if (ed && !n) return next_nounish || a ? Tag::kAdj : Tag::kVerb;
    return n ? Tag::kNoun : Tag::kVerb;
  }
  if (pt == Tag::kNoun || pt == Tag::kProper) {
    if (ing) return Tag::kVerb;
    if (ed) return Tag::kVerb;
    if (!n) return Tag::kVerb;
    const LexEntry* pe = c.info[p - 1].entry;
    bool prev_plural = pt == Tag::kNoun && ((pe != nullptr && pe->noun_plural) ||
                                            (pe == nullptr && EndsWith(pn, "s")));
    if (s3 && !base) {
      if (pt == Tag::kProper && next_end) return Tag::kVerb;  // "..., Azernews reports."
      // Headlines: "Congo government rejects demands", "U.S. military gives equipment":
      // a form used far more as a verb than as a noun, before a noun phrase.
      const bool mostly_verb = verb_count > 2 * noun_count + 2;
      return !c.clause_has_verb && (next_object || (mostly_verb && next_nounish && !next_base_verb)) ? Tag::kVerb
                                                                                   : Tag::kNoun;
    }
    if (base && !c.clause_has_verb && (prev_plural || next_object) && !next_verbish)
      return Tag::kVerb;
    return Tag::kNoun;
  }
  // Sentence start, after punctuation, a conjunction or anything else.
  if (ing) return Tag::kVerb;
  if (ed && !base) {
    if (a && next_nounish && !next_proper) return Tag::kAdj;
    return n && !(v & kVerbPast) && noun_count > verb_count ? Tag::kNoun : Tag::kVerb;
  }
  if (n) {
    if ((s3 || base) && !c.clause_has_verb && pt == Tag::kPunct && std::string_view(c.tokens[p - 1].norm) == "," &&
        (next_object || (s3 && !base)))
      return Tag::kVerb;  // "..., expressing its desire, marks a step"
    if (a && next_nounish && adj_count > noun_count) return Tag::kAdj;
    return Tag::kNoun;
  }
  if (a && !base) return Tag::kAdj;
  return Tag::kVerb;
}

}  // namespace dyad
