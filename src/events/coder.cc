#include "events/coder.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>

#include "actors/pair_mentions.h"
#include "events/clause.h"
#include "text/lexicon.h"
#include "util/hash.h"

namespace dyad {
namespace {

// a == b, rejecting on length and first byte before calling memcmp (most comparisons of
// a token with a pattern word fail there).
inline bool SameWord(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

bool HasId(const std::vector<uint32_t>& ids, uint32_t id) {
  if (ids.size() <= 8) {
    for (uint32_t x : ids)
      if (x == id) return true;
    return false;
  }
  return std::binary_search(ids.begin(), ids.end(), id);
}

// Whether token t's norm (kExact) or norm or lemma (kWord) is one of e's words. by_id:
// t's word ids are of the dictionary's lexicon, so a form that has one matches by id (a
// lexicon word equals an alternative only if that alternative is the same word).
bool WordMatches(const PatternElement& e, const Token& t, bool by_id) {
  auto has = [&](const std::string& form, uint32_t id) {
    if (by_id && id != 0) return HasId(e.word_ids, id);
    // Long alternative lists (converted dictionaries' stems) are sorted: search them.
    if (e.words.size() > 8) {
      // operator< of std::string, deciding on the first byte without a call where it can.
      auto less = [](const std::string& a, const std::string& b) {
        if (!a.empty() && !b.empty() && a[0] != b[0])
          return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
        return a < b;
      };
      return std::binary_search(e.words.begin(), e.words.end(), form, less);
    }
    for (const std::string& w : e.words)
      if (SameWord(form, w)) return true;
    return false;
  };
  if (has(t.norm, t.word)) return true;
  return e.kind != PatternElement::kExact && !t.LemmaIsNorm() && has(t.lemma, t.lemma_word);
}

// Whether two mentions stand for the same actor: the same code, or a state and its
// government ("Tunisia" and "its embassy"), which CAMEO does not code as acting on itself.
// A pair ("the two countries") is two actors: never the same as one (its members are
// compared once it is expanded, ToEventActors).
template <typename Actor>  // ActorMention or EventActor
bool SameActor(const Actor& a, const Actor& b) {
  if constexpr (std::is_same_v<Actor, ActorMention>) {
    if (a.kind == MentionKind::kPair || b.kind == MentionKind::kPair) return false;
  }
  if (a.code == b.code) return true;
  auto state_level = [](const Actor& m) { return m.role.empty() || m.role == "GOV"; };
  return !a.country.empty() && a.country == b.country && state_level(a) && state_level(b) &&
         a.code.size() <= 6 && b.code.size() <= 6;
}

// Roots of the use of force: assault, fight, mass violence.
bool IsForceRoot(std::string_view root) { return root == "18" || root == "19" || root == "20"; }

// Verbs that carry an event noun without adding meaning of their own.
bool IsSupportVerb(std::string_view lemma) {
  static constexpr std::string_view kVerbs[] = {
      "hold", "launch", "carry", "conduct", "pay", "sign", "impose", "make", "stage", "mount",
      "begin", "start", "continue", "resume", "provide", "send", "give", "offer", "extend",
      "deliver", "announce", "host", "organize", "organise", "undertake", "wage", "step",
      "intensify", "expand", "sign", "conclude", "reach", "issue", "lodge", "file", "express",
      "voice", "reiterate", "reaffirm", "renew", "receive", "accept", "perform", "commit"};
  for (std::string_view v : kVerbs)
    if (v == lemma) return true;
  return false;
}

// Whether mention m is an actor of the kind a restricted slot asks for ("SRC[embassy]"):
// one of the words is a word of the mention, of its title, or (for a pronoun) of the
// mention it stands for. Empty words: any actor.
bool SlotAccepts(const SentenceGrammar& g, const Document& doc, int m, const std::vector<std::string>& words) {
  if (words.empty()) return true;
  const ActorMention* am = &g.mention(m);
  if (am->kind == MentionKind::kPronoun && am->antecedent >= 0) am = &g.mention(am->antecedent);
  auto is_word = [&](std::string_view w) {
    for (const std::string& x : words)
      if (w == x || (w.size() == x.size() + 1 && w.back() == 's' && w.substr(0, x.size()) == x)) return true;
    return false;
  };
  for (uint32_t t = am->first_token; t < am->end_token; ++t)
    if (is_word(doc.tokens[t].lemma) || is_word(doc.tokens[t].norm)) return true;
  // The title, word by word, lower-cased ("Embassy" of a pronoun's antecedent).
  std::string title = g.mention(m).title;
  for (char& c : title) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (size_t b = 0; b < title.size();) {
    size_t e = title.find(' ', b);
    if (e == std::string::npos) e = title.size();
    if (is_word(std::string_view(title).substr(b, e - b))) return true;
    b = e + 1;
  }
  return false;
}

// The restriction of a pattern's source (or target) slot: its words, or an empty list.
const std::vector<std::string>& SlotWords(const Pattern& p, PatternElement::Kind kind) {
  static const std::vector<std::string> kAny;
  for (const PatternElement& e : p.elements)
    if (e.kind == kind) return e.words;
  return kAny;
}

// A "state" pattern's actor: the state the mention belongs to ("Azerbaijan's embassy"
// is AZE opening it). Actors without a country (IGOs) keep their code.
void ToStateActor(EventActor* a) {
  if (a->country.empty() || a->code == a->country) return;
  a->code = a->country;
  a->role.clear();
  a->entity.clear();
}

struct Match {
  uint32_t pattern = 0;
  int source = -1;
  int target = -1;
  bool target_written = false;  // the pattern has a TGT element
  bool target_is_parties = false;  // a mediation with no party written: the article's pair
  uint32_t first = 0, last = 0;   // token span of the matched words and slots
  std::string_view how_source;
  std::string_view how_target = "after the anchor";
  int words = 1;  // word elements matched, the anchor included
};

// Subordinators of time, cause, condition and concession: the clause they open is not
// the object of the verb before it.
bool IsAdverbialSubordinator(std::string_view w) {
  for (std::string_view s : {"after", "before", "when", "while", "because", "since", "although", "though", "if",
                             "unless", "until", "whereas", "once"})
    if (w == s) return true;
  return false;
}

bool IsRelativePronoun(std::string_view w) {
  return w == "who" || w == "whom" || w == "whose" || w == "which";
}

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kIntended: return "intended";
    case Modality::kConsidered: return "considered";
    case Modality::kHypothetical: return "hypothetical";
    case Modality::kRequested: return "requested";
    default: return "asserted";
  }
}

// The code of an act in its modality: an intention to act (03x), an option considered
// (014), else the act's own code.
std::string CodeIn(Modality m, const std::string& code) {
  if (m == Modality::kIntended) return EventCoder::IntentionCode(code);
  if (m == Modality::kConsidered) return "014";
  return code;
}

std::string MentionText(const Document& doc, const ActorMention& m) {
  uint32_t b = doc.tokens[m.first_token].begin;
  uint32_t e = doc.tokens[m.end_token - 1].end;
  return std::string(doc.text.substr(b, e - b));
}

class SentenceCoder {
 public:
  // relaxed: match the words of patterns only, without requiring actors (sentence
  // classification when no actor is recognised).
  // words, when given, are the sentence's words: patterns whose required words are not
  // all there are not tried (unless tracing, which reports every try).
  SentenceCoder(const Dictionary& dict, const SentenceGrammar& g, std::vector<std::string>* trace,
                const Document& doc, bool relaxed = false, const WordSignature* words = nullptr)
      : dict_(dict), g_(g), trace_(trace), doc_(doc), relaxed_(relaxed),
        words_(trace == nullptr ? words : nullptr), by_id_(doc.lexicon == dict.lexicon()) {}

  // Before the parse (which sentences to parse): a verb-only or noun-only pattern is
  // tried whatever the word-based tagger made of the anchor ("Israeli military struck",
  // "struck" read as an adjective); the parse decides.
  void set_any_word_class() { any_word_class_ = true; }
  // The two countries the article is about so far (ArticlePairTally), or null: the
  // parties of a mediation that names none ("under the facilitation of X").
  void set_parties(const std::string* a, const std::string* b) {
    party_a_ = a;
    party_b_ = b;
  }

  // Tries every pattern anchored at token a; returns whether the best is an event.
  bool BestAt(uint32_t a, Match* best) {
    const Token& t = g_.token(a);
    const std::vector<uint32_t>* ids = dict_.Anchored(t.lemma);
    return BestAt(a, best, ids, !t.LemmaIsNorm() ? dict_.Anchored(t.norm) : nullptr);
  }
  // The same with the anchor lists looked up by the caller: ids = Anchored(lemma), ids2 =
  // Anchored(norm) when the norm differs from the lemma, else nullptr.
  bool BestAt(uint32_t a, Match* best, const std::vector<uint32_t>* ids,
              const std::vector<uint32_t>* ids2) {
    bool found = false;
    int best_spec = -1;
    const Token& at = g_.token(a);
    // by_norm: the list holds the patterns whose anchor words include the norm, so their
    // anchor matches; the lemma's list says so only for lemma (kWord) anchors.
    auto consider = [&](const std::vector<uint32_t>* list, bool by_norm) {
      if (list == nullptr) return;
      for (uint32_t id : *list) {
        const Dictionary::Head& h = dict_.head(id);
        if (h.action == Pattern::kDiscardSentence) continue;
        // Longest match wins: the words a pattern matched, not the words it could have
        // (an optional word that is absent does not count).
        if (h.specificity <= best_spec) continue;
        if (words_ != nullptr && !dict_.MayMatch(id, *words_)) continue;
        const Pattern& p = dict_.pattern(id);
        Match m;
        m.pattern = id;
        std::string why;  // only written when tracing
        const bool anchor_matches = by_norm || p.elements[p.anchor].kind == PatternElement::kWord;
        if (TryPattern(p, a, &m, trace_ != nullptr ? &why : nullptr, anchor_matches)) {
          if (m.words <= best_spec) continue;
          best_spec = m.words;
          *best = m;
          found = true;
          if (trace_ != nullptr) Trace("  " + p.text + "  [" + p.origin + "]: matched" + why);
        } else if (trace_ != nullptr) {
          Trace("  " + p.text + "  [" + p.origin + "]: no match, " + why);
        }
      }
    };
    consider(ids, at.LemmaIsNorm());
    if (ids2 != ids) consider(ids2, true);
    return found && dict_.pattern(best->pattern).action == Pattern::kEvent;
  }

 private:
  void Trace(std::string line) {
    if (trace_ != nullptr) trace_->push_back(std::move(line));
  }

  // Past one word or one actor after (forward) or before token boundary pos, articles aside.
  uint32_t SkipUnit(uint32_t pos, bool forward) const {
    if (forward) {
      while (pos < g_.end() && g_.token(pos).tag == Tag::kDet) ++pos;
      if (pos >= g_.end()) return pos;
      int m = g_.MentionAt(pos);
      return m >= 0 ? g_.mention(m).end_token : pos + 1;
    }
    while (pos > g_.begin() && g_.token(pos - 1).tag == Tag::kDet) --pos;
    if (pos <= g_.begin()) return pos;
    int m = g_.MentionAt(pos - 1);
    return m >= 0 ? std::max(g_.begin(), g_.mention(m).first_token) : pos - 1;
  }

  // Tokens [from, end) are a closing attribution: a few words, then a verb of saying and
  // at most a few more ("officials in both countries said", "the ministry said on Monday").
  bool EndsInAttribution(uint32_t from) const {
    for (uint32_t i = from; i < g_.end() && i < from + 8; ++i) {
      const Token& t = g_.token(i);
      if (t.tag == Tag::kVerb || t.tag == Tag::kAux) {
        const std::string_view l = t.lemma;
        if (!(l == "say" || l == "tell" || l == "report" || l == "announce" || l == "add" || l == "state"))
          return false;
        return g_.end() - i <= 5;
      }
    }
    return false;
  }

  // *why (when why is not null) says why the pattern matched or not, for the trace.
  // anchor_matches: the caller knows that the anchor element matches token a.
  bool TryPattern(const Pattern& p, uint32_t a, Match* m, std::string* why, bool anchor_matches) {
    const Token& at = g_.token(a);
    if (!anchor_matches && !WordMatches(p.elements[p.anchor], at, by_id_)) { if (why != nullptr) *why = "anchor form differs"; return false; }
    bool verb = at.tag == Tag::kVerb;
    if (p.verb_only && !verb && !any_word_class_) { if (why != nullptr) *why = "anchor is not a verb here"; return false; }
    if (p.noun_only && verb && !any_word_class_) { if (why != nullptr) *why = "anchor is not a noun here"; return false; }
    // A pattern that itself writes the target before a verb or the source after it
    // ("TGT be shoot by SRC") has its roles for the passive already: do not swap them.
    bool roles_written_inverted = false;
    for (size_t k = 0; k < p.elements.size(); ++k) {
      PatternElement::Kind kind = p.elements[k].kind;
      if ((kind == PatternElement::kTarget && k < p.anchor) || (kind == PatternElement::kSource && k > p.anchor))
        roles_written_inverted = true;
    }
    bool passive = verb && !roles_written_inverted && g_.IsPassive(a);
    m->first = a;
    m->last = a;

    // Elements before the anchor, right to left. A gap ("...") lets the next element to
    // the left sit up to 8 tokens away inside the clause, as after the anchor.
    uint32_t pos = a;
    int left_gap = 0;
    uint32_t first_verb_word = ~uint32_t{0};  // leftmost matched verb before the anchor
    for (size_t k = p.anchor; k-- > 0;) {
      const PatternElement& e = p.elements[k];
      switch (e.kind) {
        case PatternElement::kWord:
        case PatternElement::kExact: {
          bool hit = false;
          int skipped = 0;
          // Adjacent to the word on its right: only the token just before it.
          bool glued = p.elements[k + 1].adjacent && p.elements[k + 1].IsWord();
          for (uint32_t i = pos; i > g_.begin();) {
            --i;
            if (WordMatches(e, g_.token(i), by_id_)) { pos = i; hit = true; ++m->words; break; }
            if (glued) break;
            if (left_gap > 0) {
              if (g_.IsClauseBoundary(i) || ++skipped > left_gap) break;
              continue;
            }
            if ((g_.IsFiller(i) || g_.token(i).tag == Tag::kAux) && ++skipped <= 3) continue;
            break;
          }
          if (!hit && !e.optional) { if (why != nullptr) *why = "'" + e.words[0] + "' not before the anchor"; return false; }
          if (hit) left_gap = 0;
          if (hit && g_.IsVerbLike(pos)) first_verb_word = pos;
          break;
        }
        case PatternElement::kPossessive:
          if (pos > g_.begin() && (g_.token(pos - 1).norm == "'s" || g_.token(pos - 1).norm == "'")) --pos;
          else if (!e.optional) { if (why != nullptr) *why = "no possessive"; return false; }
          break;
        case PatternElement::kSource:
        case PatternElement::kTarget: {
          int mention = -1;
          if (k + 1 == p.anchor && verb) {
            mention = g_.Subject(a);
            m->how_source = "subject";
          } else if (left_gap > 0) {
            for (uint32_t i = pos, skipped = 0; i > g_.begin() && skipped <= static_cast<uint32_t>(left_gap); ++skipped) {
              --i;
              if (int mm = g_.MentionAt(i); mm >= 0) { mention = mm; break; }
              if (g_.IsClauseBoundary(i)) break;
            }
            m->how_source = "before the anchor";
          } else {
            mention = g_.MentionBefore(pos, 2);
            m->how_source = "before the anchor";
          }
          left_gap = 0;
          if (mention < 0) {
            if (!e.optional && !relaxed_) { if (why != nullptr) *why = "no actor before the anchor"; return false; }
            break;
          }
          (e.kind == PatternElement::kSource ? m->source : m->target) = mention;
          if (e.kind == PatternElement::kTarget) m->target_written = true;
          pos = std::min(pos, g_.mention(mention).first_token);
          break;
        }
        case PatternElement::kGap:
          left_gap = 8;
          break;
        case PatternElement::kSkip:
          pos = SkipUnit(pos, /*forward=*/false);
          left_gap = 8;
          break;
      }
    }
    m->first = std::min(m->first, pos);

    // A nominal event's agent: "a visit by X to Y".
    pos = a + 1;
    if (!verb && pos < g_.end() && g_.token(pos).norm == "by") {
      int agent = g_.MentionAfter(pos + 1, 3);
      if (agent >= 0 && m->source < 0) {
        m->source = agent;
        m->how_source = "by-agent";
        pos = g_.mention(agent).end_token;
      }
    }
    // Passive voice: the grammatical subject is the target; "by X" is the source.
    bool subject_is_target = false;
    if (passive) {
      int subject = m->source >= 0 ? m->source : g_.Subject(a);
      m->source = g_.ByAgent(a);
      m->how_source = "passive by-agent";
      if (subject >= 0) { m->target = subject; m->target_written = true; subject_is_target = true; }
    }

    // A passive verb's subject phrase holds the words its pattern writes after it ("ties
    // ... were suspended" for "suspend ... ties"): they are looked for there first, in
    // order, until a word is found after the anchor.
    uint32_t region = 1, region_end = 0;  // [region, region_end], empty when not passive
    if (passive && g_.PassiveSubjectSpan(a, &region, &region_end)) ++region_end;
    else region_end = 0;
    // Elements after the anchor, left to right.
    int gap = 0;
    for (size_t k = p.anchor + 1; k < p.elements.size(); ++k) {
      const PatternElement& e = p.elements[k];
      switch (e.kind) {
        case PatternElement::kGap:
          gap = 8;
          break;
        case PatternElement::kSkip:
          pos = SkipUnit(pos, /*forward=*/true);
          gap = 8;
          break;
        case PatternElement::kWord:
        case PatternElement::kExact: {
          bool hit = false;
          int skipped = 0;
          bool glued = e.adjacent && gap == 0 && p.elements[k - 1].IsWord();
          for (uint32_t i = region; i < region_end && !hit; ++i) {
            if (WordMatches(e, g_.token(i), by_id_)) {
              region = i + 1;
              hit = true;
              m->first = std::min(m->first, i);
              ++m->words;
              gap = 0;
            } else if (glued && i + 1 == region) {
              break;
            }
          }
          if (hit) break;
          for (uint32_t i = pos; i < g_.end(); ++i) {
            if (WordMatches(e, g_.token(i), by_id_)) { pos = i + 1; hit = true; break; }
            if (glued || g_.IsClauseBoundary(i)) break;
            if (gap > 0 ? ++skipped <= gap : (g_.IsFiller(i) && ++skipped <= 3)) continue;
            break;
          }
          // Past the gap's reach, a word the parse hangs on the anchor still belongs to
          // it: "struck a target in the Gaza Strip's eastern border regions with artillery".
          // (Before the parse, the check of which sentences to parse lets it through.)
          for (uint32_t i = pos; !hit && gap > 0 && i < g_.end() && i <= pos + 24; ++i) {
            if (!g_.Parsed() && g_.IsClauseBoundary(i)) break;
            if (WordMatches(e, g_.token(i), by_id_) && (g_.Parsed() ? g_.InClauseOf(a, i) : relaxed_)) {
              pos = i + 1;
              hit = true;
            }
          }
          if (hit) { m->last = pos - 1; gap = 0; ++m->words; region_end = 0; }
          else if (!e.optional) { if (why != nullptr) *why = "'" + e.words[0] + "' not found after the anchor"; return false; }
          break;
        }
        case PatternElement::kPossessive:
          if (pos < g_.end() && (g_.token(pos).norm == "'s" || g_.token(pos).norm == "'")) ++pos;
          else if (!e.optional) { if (why != nullptr) *why = "no possessive"; return false; }
          break;
        case PatternElement::kSource:
        case PatternElement::kTarget: {
          if (e.kind == PatternElement::kTarget && subject_is_target) break;
          int mention = -1;
          uint32_t from = pos;
          // A nominal anchor may take its target through a preposition: "visit to Y".
          if (k == p.anchor + 1 && !verb && from < g_.end() && g_.token(from).tag == Tag::kPrep &&
              g_.token(from).norm != "by")
            ++from;
          int limit = gap > 0 ? gap : 4;
          int skipped = 0;
          for (uint32_t i = from; i < g_.end(); ++i) {
            if (int mm = g_.MentionAt(i); mm >= 0 && mm != m->source) {
              if (g_.IsVenue(mm, from)) {
                i = g_.mention(mm).end_token - 1;
                continue;
              }
              // "hosted his Qatari counterpart": a possessive pronoun owns the actor after it.
              const ActorMention& am = g_.mention(mm);
              if (g_.token(am.first_token).tag == Tag::kDet && am.end_token < g_.end() &&
                  g_.MentionAt(am.end_token) >= 0) {
                i = am.end_token - 1;
                continue;
              }
              mention = mm;
              break;
            }
            if (g_.IsClauseBoundary(i)) break;
            if (gap > 0 ? ++skipped <= limit : (g_.IsFiller(i) && ++skipped <= limit)) continue;
            break;
          }
          if (mention < 0) {
            if (!e.optional && !relaxed_) { if (why != nullptr) *why = std::string(e.kind == PatternElement::kTarget ? "target" : "source") + " actor not found after the anchor"; return false; }
            break;
          }
          if (e.kind == PatternElement::kSource) m->source = mention;
          else { m->target = mention; m->target_written = true; }
          pos = g_.mention(mention).end_token;
          m->last = std::max(m->last, pos - 1);
          gap = 0;
          break;
        }
      }
    }

    // Source not written: the subject for verbs; for nouns the possessor, else the
    // subject of the verb that governs the noun phrase. A pattern that starts with a verb
    // before its anchor ("say ... deplore", "suggest ... apply") has that verb's subject.
    if (m->source < 0 && !passive && first_verb_word < a) {
      m->source = g_.Subject(first_verb_word);
      m->how_source = "subject of the pattern's first verb";
    }
    // "the reopening of X's embassy", "a decision to establish the X embassy": the actor
    // that ends in a matched word after the anchor owns what the event is about.
    auto owner_of_event_word = [&] {
      for (uint32_t i = a + 1; m->source < 0 && i <= m->last && i < g_.end(); ++i) {
        int inside = g_.MentionAt(i);
        if (inside >= 0 && g_.mention(inside).end_token - 1 == i && inside != m->target) {
          m->source = inside;
          m->how_source = "owner of the event word";
        }
      }
    };
    if (m->source < 0 && !passive) {
      if (verb) {
        m->source = g_.Subject(a);
        m->how_source = "subject";
        if (m->source < 0) owner_of_event_word();  // a verb without a subject
      } else {
        m->source = g_.MentionBefore(a, 2);
        m->how_source = "possessor";
        if (m->source >= 0 && m->source == m->target) m->source = -1;  // "an anti-TGT parade"
        owner_of_event_word();
        if (m->source < 0) {
          for (uint32_t i = a; i > g_.begin();) {
            --i;
            if (g_.IsClauseBoundary(i)) break;
            if (g_.IsVerbLike(i)) {
              // Only a support verb makes its subject the noun's agent ("X held talks",
              // "X launched an attack"); "X condemned the attack" is not X's attack.
              if (IsSupportVerb(g_.token(i).lemma)) {
                m->source = g_.Subject(i);
                m->how_source = "subject of the support verb";
              }
              break;
            }
            // A copula governs it: "X was in agreement with Y", "X is at war with Y".
            if (g_.token(i).tag == Tag::kAux && g_.token(i).lemma == "be") {
              m->source = g_.Subject(i);
              m->how_source = "subject of the copula";
              break;
            }
          }
        }
      }
    }
    if (relaxed_) return true;
    // The pattern made the verb's subject its target ("X said Y should apply ..." with
    // "said TGT should"): the source is the actor before it, the governing clause's.
    // With none before it, the other actor of the clause after the match ("TGT be shoot
    // dead in SRC").
    if (roles_written_inverted && m->source >= 0 && m->source == m->target) m->source = -1;
    if (m->source < 0 && roles_written_inverted && m->target >= 0) {
      const std::string& tgt_code = g_.mention(m->target).code;
      for (uint32_t i = g_.mention(m->target).first_token; i > g_.begin();) {
        --i;
        if (int mm = g_.MentionAt(i); mm >= 0 && g_.mention(mm).code != tgt_code) {
          m->source = mm;
          m->how_source = "actor before the written target";
          break;
        }
      }
      for (uint32_t i = m->last + 1; m->source < 0 && i < g_.end(); ++i) {
        if (g_.IsClauseBoundary(i) && g_.token(i).tag != Tag::kSubord) break;
        if (int mm = g_.MentionAt(i); mm >= 0 && g_.mention(mm).code != tgt_code) {
          m->source = mm;
          m->how_source = "other actor of the clause";
        }
      }
    }
    if (m->source < 0) { if (why != nullptr) *why = "no source actor"; return false; }
    if (!SlotAccepts(g_, doc_, m->source, SlotWords(p, PatternElement::kSource))) {
      if (why != nullptr) *why = "source is not a(n) " + SlotWords(p, PatternElement::kSource)[0];
      return false;
    }
    if (m->target < 0) {
      // Target not written: an actor that holds a matched word after the anchor ("an
      // attack by Osgiliath soldiers" for "condemn ... soldiers"), else the first other
      // actor after the match in the same clause.
      // Or the owner of a matched word: "rejected X's suggestion", "condemned X's attack".
      for (uint32_t i = a + 1; i <= m->last && i < g_.end(); ++i) {
        int mm = g_.MentionAt(i);
        if (mm < 0 || mm == m->source || SameActor(g_.mention(mm), g_.mention(m->source))) continue;
        const uint32_t end = g_.mention(mm).end_token;
        const bool owner = end < m->last && (g_.token(end).norm == "'s" || g_.token(end).norm == "'");
        // Or it holds a word of the pattern: "ordered the Russian envoy to leave", "told
        // the Estonian charge d'affaires to leave".
        bool pattern_word = false;
        for (uint32_t t = g_.mention(mm).first_token; t < end && !pattern_word; ++t)
          for (size_t k = p.anchor + 1; k < p.elements.size() && !pattern_word; ++k)
            pattern_word = p.elements[k].IsWord() && WordMatches(p.elements[k], g_.token(t), by_id_);
        if (end - 1 >= m->last || owner || pattern_word) {
          m->target = mm;
          m->how_target = owner ? "owner of the event word" : "after the anchor";
          break;
        }
        i = end - 1;
      }
      for (uint32_t i = m->last + 1; m->target < 0 && i < g_.end(); ++i) {
        // A complement clause may hold it ("warned that Y ..."), an adverbial one not
        // ("postponed the meeting after Y ...").
        // Nor a relative clause, which tells about a noun before it ("denounced his wife,
        // who fled to the United States").
        if (g_.IsClauseBoundary(i) && (g_.token(i).tag != Tag::kSubord || IsAdverbialSubordinator(g_.token(i).norm)))
          break;
        if (IsRelativePronoun(g_.token(i).norm) && i > m->last + 1) break;
        // Nor the attribution that ends the sentence (", officials in both countries said").
        if (std::string_view(g_.token(i).norm) == "," && EndsInAttribution(i + 1)) break;
        int mm = g_.MentionAt(i);
        if (mm >= 0 && mm != m->source && !SameActor(g_.mention(mm), g_.mention(m->source))) {
          if (g_.IsVenue(mm, 0)) continue;  // even after a written "in": "meet in"
          // "Armenia and Azerbaijan signed a deal in Washington": a mutual act of a list
          // is between its members; a place it happens in is no partner.
          if (p.symmetric && AfterLocative(mm) && HasListPartner(m->source)) continue;
          m->target = mm;
          break;
        }
      }
    }
    // A symmetric act whose subject is a list ("X and Y met") is between its members.
    // Force used in a place is used against it ("struck a target in the Gaza Strip with
    // artillery", "shelled villages in Syria"): CAMEO codes the state where it lands.
    if (m->target < 0 && !m->target_written && IsForceRoot(CameoRoot(p.code))) {
      for (uint32_t i = a + 1; i < g_.end() && i <= m->last + 8; ++i) {
        if (g_.IsClauseBoundary(i)) break;
        const int mm = g_.MentionAt(i);
        if (mm < 0) continue;
        const ActorMention& pm = g_.mention(mm);
        if (mm != m->source && (pm.kind == MentionKind::kCountry || pm.kind == MentionKind::kCapital) &&
            AfterLocative(mm) && !SameActor(pm, g_.mention(m->source))) {
          m->target = mm;
          m->how_target = "the place force was used in";
          break;
        }
        i = pm.end_token - 1;
      }
    }
    // A pair with no other actor in the act ("the two countries' chiefs agreed to cease
    // hostilities") acts on itself: each member on the other.
    if (m->target < 0 && g_.mention(m->source).kind == MentionKind::kPair) {
      m->target = m->source;
      m->how_target = "the pair's other member";
    }
    if (m->target < 0 && p.symmetric) {
      std::vector<int> partners;
      g_.Coordinated(m->source, &partners);
      for (int c : partners) {
        if (!SameActor(g_.mention(c), g_.mention(m->source))) { m->target = c; break; }
      }
    }
    // "The Greek embassy in Ankara opened": the place the source is in.
    if (m->target < 0 && !m->target_written) m->target = PlaceOfSource(m->source, a);
    // Not after the anchor: the nearest other actor before it in the sentence ("X stands
    // with Y and expressed X's readiness to assist"), unless a verb has an object of its
    // own that is no actor ("a fire that killed more than a hundred people").
    auto has_other_object = [&] {
      if (!verb) return false;
      uint32_t i = m->last + 1;
      while (i < g_.end() && g_.token(i).tag == Tag::kAdv) ++i;
      if (i >= g_.end()) return false;
      const Tag t = g_.token(i).tag;
      return t == Tag::kDet || t == Tag::kNum || t == Tag::kNoun || t == Tag::kAdj;
    };
    if (m->target < 0 && !m->target_written && !has_other_object()) {
      for (uint32_t i = std::min(a, g_.mention(m->source).first_token); m->target < 0 && i > g_.begin();) {
        --i;
        int mm = g_.MentionAt(i);
        if (mm >= 0 && mm != m->source && !g_.mention(mm).country.empty() &&
            !SameActor(g_.mention(mm), g_.mention(m->source))) {
          m->target = mm;
          m->how_target = "nearest other actor before";
        }
      }
    }
    // Mediation whose parties the sentence does not name ("the ceremony was held under
    // the facilitation of X", "a deal brokered by X"): the pair the article is about,
    // when the mediator is neither of them.
    if (m->target < 0 && p.code == "045" && !relaxed_ && party_a_ != nullptr) {
      const std::string& mediator = g_.mention(m->source).country;
      if (!mediator.empty() && mediator != *party_a_ && mediator != *party_b_) {
        m->target_is_parties = true;
        m->how_target = "the article's pair";
        if (why != nullptr)
          *why = ": source " + MentionText(doc_, g_.mention(m->source)) + ", target the parties " + *party_a_ +
                 " and " + *party_b_;
        return true;
      }
    }
    if (m->target < 0) { if (why != nullptr) *why = "no target actor"; return false; }
    if (SameActor(g_.mention(m->target), g_.mention(m->source))) {
      if (why != nullptr) *why = "source and target are the same actor (" + g_.mention(m->source).code + ")";
      return false;
    }
    if (!SlotAccepts(g_, doc_, m->target, SlotWords(p, PatternElement::kTarget))) {
      if (why != nullptr) *why = "target is not a(n) " + SlotWords(p, PatternElement::kTarget)[0];
      return false;
    }
    if (why != nullptr)
      *why = ": source " + MentionText(doc_, g_.mention(m->source)) + " (" + std::string(m->how_source) +
             "), target " + MentionText(doc_, g_.mention(m->target)) + (passive ? ", passive" : "");
    return true;
  }

  // Whether a mention follows "in"/"at" (and a determiner): where something happens.
  bool AfterLocative(int mention) const {
    uint32_t i = g_.mention(mention).first_token;
    if (i > g_.begin() && g_.token(i - 1).tag == Tag::kDet) --i;
    if (i <= g_.begin()) return false;
    const std::string_view w = g_.token(i - 1).norm;
    return w == "in" || w == "at";
  }

  // Whether a mention is one of a list of other actors ("Armenia and Azerbaijan").
  bool HasListPartner(int mention) const {
    std::vector<int> list;
    g_.Coordinated(mention, &list);
    for (int c : list)
      if (c != mention && !SameActor(g_.mention(c), g_.mention(mention))) return true;
    return false;
  }

  // The foreign country or capital a source mention is said to be in, between it and the
  // anchor ("the Greek embassy in Ankara opened", "Turkish troops in Syria shelled"), or
  // -1. A place of the source's own country is not a target ("rebels in Syria").
  int PlaceOfSource(int source, uint32_t anchor) const {
    const uint32_t e = g_.mention(source).end_token;
    if (e + 1 >= anchor || e + 1 >= g_.end()) return -1;
    const std::string& prep = g_.token(e).norm;
    if (prep != "in" && prep != "at") return -1;
    uint32_t i = e + 1;
    if (g_.token(i).tag == Tag::kDet && i + 1 < anchor) ++i;
    const int place = g_.MentionAt(i);
    if (place < 0) return -1;
    const ActorMention& pm = g_.mention(place);
    if ((pm.kind != MentionKind::kCountry && pm.kind != MentionKind::kCapital) || pm.country.empty() ||
        pm.country == g_.mention(source).country)
      return -1;
    return place;
  }

  const Dictionary& dict_;
  const SentenceGrammar& g_;
  std::vector<std::string>* trace_;
  const Document& doc_;
  bool relaxed_;
  const WordSignature* words_;
  const bool by_id_;  // the tokens' word ids are of the dictionary's lexicon
  bool any_word_class_ = false;
  const std::string* party_a_ = nullptr;
  const std::string* party_b_ = nullptr;
};


// Whether an actor is a member of a pair mention ("the two countries").
bool InPair(const ActorMention& pair, const EventActor& a) {
  return a.country == pair.country || a.country == std::string_view(pair.pair_code).substr(0, 3);
}

// Whether a mention's code names its owner (a country, an organisation): not "---GOV".
bool HasOwner(const ActorMention& m) { return !IsUnknownCountryCode(m.code); }

}  // namespace

EventActor ToEventActor(const Document& doc, const ActorMention& m) {
  EventActor a;
  a.code = m.code;
  a.country = m.country;
  a.role = m.role;
  a.entity = m.entity;
  a.begin = doc.tokens[m.first_token].begin;
  a.end = doc.tokens[m.end_token - 1].end;
  a.text = std::string(doc.text.substr(a.begin, a.end - a.begin));
  return a;
}

void ToEventActors(const Document& doc, const ActorMention& m, std::vector<EventActor>* out) {
  out->assign(1, ToEventActor(doc, m));
  if (m.kind != MentionKind::kPair) return;
  EventActor other = out->front();
  other.code = m.pair_code;
  other.country = m.pair_code.substr(0, 3);
  out->push_back(std::move(other));
}

EventCoder::EventCoder() : EventCoder(Dictionary::Builtin(), Ontology::Default()) {}

EventCoder::EventCoder(const Dictionary& dictionary, const Ontology& ontology)
    : dictionary_(dictionary), ontology_(ontology) {}

std::string EventCoder::IntentionCode(const std::string& code) {
  std::string_view c = code;
  std::string_view root = c.substr(0, 2);
  if (root == "04") return c == "045" ? "039" : "036";
  if (root == "05") return c == "057" ? "030" : "032";
  if (root == "06") {
    if (c == "061") return "0311";
    if (c == "062") return "0312";
    if (c == "063") return "0313";
    return "031";
  }
  if (root == "07") {
    if (c == "071") return "0331";
    if (c == "072") return "0332";
    if (c == "073") return "0333";
    if (c == "074") return "0334";
    return "033";
  }
  if (root == "08") {
    if (c.substr(0, 3) == "081") return "0351";
    if (c == "082") return "0352";
    if (c.substr(0, 3) == "084") return "0353";
    if (c == "085") return "0354";
    if (c.substr(0, 3) == "086") return "0355";
    if (c.substr(0, 3) == "087") return "0356";
    return "035";
  }
  if (root == "14") return "133";
  if (root == "15") return "138";
  if (root == "16") {
    if (c == "161") return "1313";
    if (c == "162") return "1311";
    if (c == "163") return "1312";
    if (c == "164") return "134";
    if (c == "165") return "135";
    return "131";
  }
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") {
    if (c == "191") return "1381";
    if (c == "192") return "1382";
    return "138";
  }
  return code;  // statements, appeals, intentions, demands... keep their code
}

bool EventCoder::MayHoldEvent(const Document& doc, uint32_t si,
                              const std::vector<ActorMention>& actors) const {
  const Sentence& s = doc.sentences[si];
  auto first = std::lower_bound(actors.begin(), actors.end(), si,
                                [](const ActorMention& m, uint32_t x) { return m.sentence < x; });
  int coded = 0;
  for (auto m = first; m != actors.end() && m->sentence == si && coded < 2; ++m)  // a pair is two
    coded += m->code.empty() || !HasOwner(*m) ? 0 : m->kind == MentionKind::kPair ? 2 : 1;
  if (coded < 2) return false;  // a role of no country yields no event
  // An event pattern anchored in the sentence whose required words are all there.
  WordSignature words;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const Token& tok = doc.tokens[t];
    words.Add(tok.norm);
    if (std::string_view(tok.lemma) != tok.norm) words.Add(tok.lemma);
  }
  auto any = [&](const std::vector<uint32_t>* ids) {
    if (ids == nullptr) return false;
    for (uint32_t id : *ids) {
      if (dictionary_.head(id).action != Pattern::kDiscardSentence && dictionary_.MayMatch(id, words))
        return true;
    }
    return false;
  };
  // ... and whose words match in order (the coder's own matching, without actors).
  std::vector<int32_t> cover;
  std::optional<SentenceGrammar> g;
  std::optional<SentenceCoder> coder;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    const Token& tok = doc.tokens[t];
    const std::vector<uint32_t>* by_lemma = dictionary_.Anchored(doc, tok.lemma_word, tok.lemma);
    const std::vector<uint32_t>* by_norm =
        tok.LemmaIsNorm() ? nullptr : dictionary_.Anchored(doc, tok.word, tok.norm);
    // A verb form the word-based tagger read as something else ("struck"): its verb lemma.
    const std::vector<uint32_t>* by_verb = nullptr;
    if (tok.tag != Tag::kVerb && doc.lexicon != nullptr && tok.word != 0) {
      const LexEntry* e = doc.lexicon->Find(tok.norm);
      if (e != nullptr && e->verb_lemma_word != 0 && e->verb_lemma_word != tok.lemma_word)
        by_verb = dictionary_.Anchored(doc, e->verb_lemma_word, doc.lexicon->VerbLemma(*e));
    }
    if (!any(by_lemma) && !any(by_norm) && !any(by_verb)) continue;
    if (!coder) {
      g.emplace(doc, s, actors, 0, 0, &cover);
      coder.emplace(dictionary_, *g, nullptr, doc, /*relaxed=*/true, &words);
      coder->set_any_word_class();
    }
    Match m;
    if (coder->BestAt(t, &m, by_lemma, by_norm)) return true;
    if (by_verb != nullptr && coder->BestAt(t, &m, by_verb, nullptr)) return true;
  }
  return false;
}

std::string EventCoder::TriggerCode(const Document& doc, uint32_t si,
                                    const std::vector<ActorMention>& actors) const {
  const Sentence& s = doc.sentences[si];
  size_t m_begin = 0;
  while (m_begin < actors.size() && actors[m_begin].sentence < si) ++m_begin;
  size_t m_end = m_begin;
  while (m_end < actors.size() && actors[m_end].sentence == si) ++m_end;
  std::vector<int32_t> cover;
  SentenceGrammar g(doc, s, actors, m_begin, m_end, &cover);
  SentenceCoder coder(dictionary_, g, nullptr, doc, /*relaxed=*/true);
  for (uint32_t a = s.first_token; a < s.end_token; ++a) {
    const Token& at = doc.tokens[a];
    if (dictionary_.Anchored(at.lemma) == nullptr && dictionary_.Anchored(at.norm) == nullptr) continue;
    Match m;
    if (!coder.BestAt(a, &m)) continue;
    std::string code = dictionary_.pattern(m.pattern).code;
    return CodeIn(g.ModalityOf(a), code);
  }
  return "";
}

void EventCoder::Code(const Article& article, const Document& doc,
                      const std::vector<ActorMention>& actors, std::vector<Event>* out,
                      std::vector<std::string>* trace) const {
  std::vector<int32_t> cover;
  std::vector<int> sources, targets;
  std::vector<EventActor> source_actors, target_actors;  // a pair expands into two
  ArticlePairTally parties;  // the pair the article is about, sentence by sentence
  struct WordSpan {
    uint32_t first, last;  // tokens of the matched words
    int words;             // how many the pattern matched
  };
  std::vector<WordSpan> word_spans;
  std::vector<std::pair<const std::vector<uint32_t>*, const std::vector<uint32_t>*>> anchored;
  WordSignature sentence_words;
  size_t mi = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    size_t m_begin = mi;
    while (m_begin < actors.size() && actors[m_begin].sentence < si) ++m_begin;
    size_t m_end = m_begin;
    while (m_end < actors.size() && actors[m_end].sentence == si) ++m_end;
    mi = m_end;
    if (trace != nullptr) trace->push_back("sentence " + std::to_string(si) + ": " + std::string(doc.SentenceText(s)));
    const ActorMention* pair = nullptr;  // "the two countries"
    for (size_t k = m_begin; k < m_end && pair == nullptr; ++k)
      if (actors[k].kind == MentionKind::kPair) pair = &actors[k];
    // A sentence without two actors cannot carry an event, unless it names the pair.
    parties.AddSentence(doc, actors, m_begin, m_end);
    if (m_end - m_begin < 2 && pair == nullptr) {
      if (trace != nullptr) trace->push_back("  fewer than two actors: no event");
      continue;
    }
    SentenceGrammar g(doc, s, actors, m_begin, m_end, &cover);
    // Each token's anchor lists, looked up once: by lemma, and by norm (the same list when
    // the norm is the lemma).
    anchored.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      const std::vector<uint32_t>* by_lemma = dictionary_.Anchored(doc, tok.lemma_word, tok.lemma);
      anchored.emplace_back(by_lemma, tok.LemmaIsNorm() ? by_lemma : dictionary_.Anchored(doc, tok.word, tok.norm));
    }
    if (dictionary_.has_sentence_discards()) {
      bool discard = false;
      for (uint32_t t = s.first_token; t < s.end_token && !discard; ++t) {
        const Token& tok = doc.tokens[t];
        const std::vector<uint32_t>* by_lemma = dictionary_.AnchoredDiscards(doc, tok.lemma_word, tok.lemma);
        const std::vector<uint32_t>* by_norm =
            tok.LemmaIsNorm() ? nullptr : dictionary_.AnchoredDiscards(doc, tok.word, tok.norm);
        for (const std::vector<uint32_t>* ids : {by_lemma, by_norm}) {
          if (ids == nullptr) continue;
          for (uint32_t id : *ids) {
            const Pattern& p = dictionary_.pattern(id);
            // A one-word discard matches at once; longer ones must match their words in order.
            size_t k = p.anchor + 1;
            uint32_t pos = t + 1;
            for (; k < p.elements.size() && pos < s.end_token; ++pos)
              if (p.elements[k].IsWord() && WordMatches(p.elements[k], doc.tokens[pos], doc.lexicon == dictionary_.lexicon())) ++k;
            if (k >= p.elements.size()) {
              discard = true;
              if (trace != nullptr) trace->push_back("  discarded by " + p.text + " [" + p.origin + "]");
            }
          }
        }
      }
      if (discard) continue;
    }
    sentence_words.Clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      sentence_words.Add(tok.norm);
      if (std::string_view(tok.lemma) != tok.norm) sentence_words.Add(tok.lemma);
    }
    SentenceCoder coder(dictionary_, g, trace, doc, /*relaxed=*/false, &sentence_words);
    std::string party_a, party_b;
    if (parties.Best(&party_a, &party_b)) coder.set_parties(&party_a, &party_b);
    size_t first_event = out->size();
    word_spans.clear();  // matched word span of each event of this sentence
    for (uint32_t a = s.first_token; a < s.end_token; ++a) {
      Match m;
      const Token& at = doc.tokens[a];
      const auto& lists = anchored[a - s.first_token];
      if (lists.first == nullptr && (at.LemmaIsNorm() || lists.second == nullptr)) continue;
      // A word of an actor's name is not an event word ("security forces", "Peace Corps").
      if (g.MentionAt(a) >= 0) continue;
      if (trace != nullptr) trace->push_back(" anchor '" + std::string(doc.TokenText(at)) + "' (token " + std::to_string(a - s.first_token) + ")");
      if (!coder.BestAt(a, &m, lists.first, !at.LemmaIsNorm() ? lists.second : nullptr)) continue;
      const Pattern& p = dictionary_.pattern(m.pattern);
      bool negated = g.IsNegated(a);
      const Token* governor = nullptr;
      Modality modality = g.ModalityOf(a, &governor);
      if (CameoRoot(p.code) != "11" && g.IsAlleged(a) && !keep_requested_) {
        if (trace != nullptr) trace->push_back("  alleged in an accusation: the accusation is the event, not this act");
        continue;
      }
      if (modality == Modality::kRequested && !keep_requested_) {
        if (trace != nullptr) trace->push_back("  asked of someone (\"" + governor->norm + " ... to\"): the appeal is the event, not this act");
        continue;
      }
      std::string code = CodeIn(modality, p.code);
      const CameoCode* cc = ontology_.Find(code);
      if (cc == nullptr) continue;
      // "X was invited to visit Y", "Y invited X to visit": the invitation is Y's act
      // toward X (036), not X's intention.
      if (governor != nullptr && CameoRoot(p.code) == "04" &&
          (governor->lemma == "invite" || governor->lemma == "invitation"))
        std::swap(m.source, m.target);
      sources.assign(1, m.source);
      g.Coordinated(m.source, &sources);
      targets.assign(1, m.target);
      if (m.target >= 0) g.Coordinated(m.target, &targets);
      const int tspan = m.target >= 0 ? m.target : m.source;  // the parties have no span of their own
      uint32_t b = std::min({doc.tokens[m.first].begin, doc.tokens[g.mention(m.source).first_token].begin,
                             doc.tokens[g.mention(tspan).first_token].begin});
      uint32_t e = std::max({doc.tokens[m.last].end, doc.tokens[g.mention(m.source).end_token - 1].end,
                             doc.tokens[g.mention(tspan).end_token - 1].end});
      for (int src : sources) {
        for (int tgt : targets) {
          const ActorMention& sm = g.mention(src);
          const ActorMention& tm = g.mention(tgt >= 0 ? tgt : src);
          if (tgt >= 0 && (SameActor(sm, tm) || (src == tgt && sm.kind != MentionKind::kPair))) continue;
          // A role whose country neither the phrase nor the article gives ("security
          // forces stormed ...", "the ministry said") names no actor an analyst can use:
          // no event (CAMEO codes actors, not roles).
          if (!HasOwner(sm) || !HasOwner(tm)) {
            if (trace != nullptr)
              trace->push_back("  no event: " + (HasOwner(sm) ? tm : sm).code + " (\"" +
                               MentionText(doc, HasOwner(sm) ? tm : sm) + "\") is a role of no known country");
            continue;
          }
          ToEventActors(doc, sm, &source_actors);
          if (tgt >= 0) {
            ToEventActors(doc, tm, &target_actors);
          } else {  // the article's pair, each with the span of the matched words
            target_actors.assign(2, EventActor{});
            for (size_t k = 0; k < 2; ++k) {
              EventActor& t = target_actors[k];
              t.code = t.country = k == 0 ? party_a : party_b;
              t.begin = doc.tokens[m.first].begin;
              t.end = doc.tokens[m.last].end;
              t.text = std::string(doc.text.substr(t.begin, t.end - t.begin));
            }
          }
          for (size_t i = 0; i < source_actors.size(); ++i) {
            for (size_t j = 0; j < target_actors.size(); ++j) {
              // A pair acting on itself ("the two countries agreed", "both parties
              // underscored their mutual desire to cooperate with Azerbaijan and Syria"):
              // one act between its members, mutual whatever its words.
              if (src == tgt && i >= j) continue;
              if (SameActor(source_actors[i], target_actors[j])) continue;
              const bool within_pair = (sm.kind == MentionKind::kPair && InPair(sm, target_actors[j])) ||
                                       (tm.kind == MentionKind::kPair && InPair(tm, source_actors[i]));
              Event ev;
              ev.article_id = article.id;
              ev.sentence = si;
              ev.begin = b;
              ev.end = e;
              ev.trigger_begin = doc.tokens[m.first].begin;
              ev.trigger_end = doc.tokens[m.last].end;
              ev.anchor = at.begin;
              ev.source = source_actors[i];
              ev.target = target_actors[j];
              if (p.state_actors) {
                ToStateActor(&ev.source);
                ToStateActor(&ev.target);
                if (ev.source.code == ev.target.code) continue;
              }
              ev.cameo = code;
              ev.goldstein = cc->goldstein;
              ev.quad_class = cc->quad_class;
              ev.plover_type = cc->plover_type;
              ev.plover_mode = cc->plover_mode;
              ev.negated = negated;
              ev.modality = ModalityName(modality);
              ev.symmetric = p.symmetric || within_pair;
              // A mutual act reads from the actor named first ("The Russian and US navies").
              if (ev.symmetric && !mutual_both_ways_ && ev.target.begin < ev.source.begin)
                std::swap(ev.source, ev.target);
              ev.pattern = p.text;
              ev.evidence = std::string(doc.text.substr(b, e - b));
              // One sentence may report the same kind of event twice ("distributing aid ...,
              // and dispatching a convoy ..."): the anchor's offset keeps their ids apart.
              ev.event_id = HexId(HashFields({article.id, std::to_string(si), ev.cameo, ev.source.code,
                                              ev.target.code, std::to_string(at.begin)}));
              // Two patterns reading the same words between the same actors ("held talks": at
              // "hold" and at "talk"; "will send aid": at "send" and at "aid") are one event:
              // the one that matched more words ("began a joint military exercise": the joint
              // exercise, not the exercise begun), else the one found first.
              bool duplicate = false;
              for (size_t k = first_event; k < out->size() && !duplicate; ++k) {
                Event& o = (*out)[k];
                WordSpan& span = word_spans[k - first_event];
                // A mutual act ("X and Y met") is one event of the pair in a sentence,
                // whichever way and by whichever words it is read ("the presidents held
                // talks ... delegations of the two countries"): the record says it is
                // symmetric, and a second record would count it twice in every tally.
                if (!mutual_both_ways_ && ev.symmetric && o.symmetric && o.cameo == ev.cameo &&
                    ((SameActor(o.source, ev.target) && SameActor(o.target, ev.source)) ||
                     (SameActor(o.source, ev.source) && SameActor(o.target, ev.target)))) {
                  duplicate = true;
                  if (trace != nullptr) trace->push_back("  mutual act already coded: " + o.source.code + " <-> " + o.target.code);
                  break;
                }
                if (!(SameActor(o.source, ev.source) && SameActor(o.target, ev.target) &&
                      span.first <= m.last && a <= span.last))
                  continue;
                duplicate = true;
                if (m.words > span.words) {
                  if (trace != nullptr) trace->push_back("  => event " + ev.cameo + " replaces " + o.cameo + " (more words matched)");
                  o = ev;
                  span = WordSpan{a, m.last, m.words};
                }
              }
              if (duplicate) continue;
              if (trace != nullptr)
                trace->push_back("  => event " + ev.cameo + " " + ev.source.code + " -> " + ev.target.code +
                                 (negated ? " (negated)" : "") + " [" + ev.modality + "]");
              out->push_back(std::move(ev));
              word_spans.push_back(WordSpan{a, m.last, m.words});
            }
          }
        }
      }
    }
    // "relations between the two countries date back to 1992": a mutual act whose actors
    // are the pair the article is about, unless an event of the sentence already covers
    // the pair's words.
    bool pair_covered = false;
    uint32_t pair_begin = 0, pair_end = 0;
    if (pair != nullptr) {
      pair_begin = pair->first_token;
      pair_end = pair->end_token;
      const uint32_t pair_offset = doc.tokens[pair_begin].begin;
      for (size_t k = first_event; k < out->size(); ++k)
        pair_covered |= (*out)[k].begin <= pair_offset && pair_offset < (*out)[k].end;
    }
    if (pair != nullptr && !pair_covered) {
      ToEventActors(doc, *pair, &source_actors);
      SentenceCoder relaxed(dictionary_, g, nullptr, doc, /*relaxed=*/true, &sentence_words);
      // "ties between the two countries were suspended": "between" makes any act of the
      // pair's relation mutual, not only the acts that are mutual by their words.
      uint32_t before_pair = pair_begin;
      if (before_pair > s.first_token && doc.tokens[before_pair - 1].norm == "the") --before_pair;
      const bool between = before_pair > s.first_token && doc.tokens[before_pair - 1].norm == "between";
      // Only an act the pair is an argument of: the word its phrase hangs on ("ties
      // between X and Y", "the two countries agreed") or, when that word is itself an
      // argument, its predicate ("ties between X and Y were suspended"; not "relations
      // between X and Y entered a new phase after the fall of the regime").
      auto pair_act = [&](uint32_t a) {
        if (!s.parsed) return true;
        const uint32_t n = doc.tokens[pair->head_token].head;
        if (n == Token::kNoHead) return false;
        const Deprel r = BaseDeprel(doc.tokens[n].deprel);
        // An act noun is one when it is an argument ("fighting between X and Y erupted"),
        // not an adjunct ("prospects have emerged for cooperation between X and Y").
        if (a == n) return doc.tokens[n].tag == Tag::kVerb || r == Deprel::nsubj || r == Deprel::obj || r == Deprel::root;
        const bool argument = r == Deprel::nsubj || r == Deprel::obj || r == Deprel::obl || r == Deprel::nmod;
        return argument && a == doc.tokens[n].head;
      };
      for (uint32_t a = s.first_token; a < s.end_token; ++a) {
        Match m;
        const Token& at = doc.tokens[a];
        if (g.MentionAt(a) >= 0 || !pair_act(a) || !relaxed.BestAt(a, &m)) continue;
        const Pattern& p = dictionary_.pattern(m.pattern);
        if ((!p.symmetric && !between) || g.IsNegated(a)) continue;
        Modality modality = g.ModalityOf(a);
        std::string code = CodeIn(modality, p.code);
        const CameoCode* cc = ontology_.Find(code);
        if (cc == nullptr) continue;
        Event ev;
        ev.article_id = article.id;
        ev.sentence = si;
        ev.begin = doc.tokens[std::min(a, pair_begin)].begin;
        ev.end = doc.tokens[std::max(m.last, pair_end - 1)].end;
        ev.trigger_begin = doc.tokens[std::min(m.first, a)].begin;
        ev.trigger_end = doc.tokens[m.last].end;
        ev.anchor = at.begin;
        ev.source = source_actors[0];
        ev.target = source_actors[1];
        ev.cameo = code;
        ev.goldstein = cc->goldstein;
        ev.quad_class = cc->quad_class;
        ev.plover_type = cc->plover_type;
        ev.plover_mode = cc->plover_mode;
        ev.modality = ModalityName(modality);
        ev.symmetric = true;
        ev.pattern = p.text;
        ev.evidence = std::string(doc.text.substr(ev.begin, ev.end - ev.begin));
        ev.event_id = HexId(HashFields({article.id, std::to_string(si), ev.cameo, ev.source.code,
                                        ev.target.code, std::to_string(at.begin)}));
        if (trace != nullptr)
          trace->push_back("  => event " + ev.cameo + " " + ev.source.code + " <-> " + ev.target.code + " (\"" +
                           ev.source.text + "\": the article's two countries)");
        out->push_back(std::move(ev));
        break;
      }
    }
  }
}

}  // namespace dyad
