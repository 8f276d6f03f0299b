#include "actors/parse_links.h"

#include <string>
#include <utility>

#include "actors/mention_list.h"

#include "syntax/sentence_tree.h"
#include "syntax/tree.h"

namespace dyad {
namespace {

bool HasCountry(const ActorMention& m) {
  return !m.country.empty() && !IsUnknownCountryCode(m.code);
}

// A role of no country "recoded" with one, and the mentions that follow it: `recoded`
// holds, per mention, its code before this step changed it ("" when it did not).
class Recoder {
 public:
  Recoder(const Document& doc, std::vector<ActorMention>* mentions)
      : doc_(doc), mentions_(*mentions), recoded_(mentions->size()) {}

  void Recode(size_t m, std::string code, std::string country) {
    ActorMention& am = mentions_[m];
    recoded_[m] = std::move(am.code);
    am.code = std::move(code);
    am.country = std::move(country);
  }

  // A mention resolved to a recoded one ("the government ... it") follows it; in article
  // order, so that chains follow too.
  void FollowAntecedent(size_t m) {
    const ActorMention& am = mentions_[m];
    if (am.antecedent < 0 || static_cast<size_t>(am.antecedent) >= m) return;
    const auto a = static_cast<size_t>(am.antecedent);
    if (recoded_[a].empty() || am.code != recoded_[a]) return;
    Recode(m, mentions_[a].code, mentions_[a].country);
  }

  // "Sudan's government ... The government recalled": a definite role of no country is
  // the last one of that role the article gave a country, once the parse gave it one
  // (the word-based coreference ran before and could not).
  void TakeLastHolder(size_t m) {
    const ActorMention& am = mentions_[m];
    if (am.role.empty() || !IsUnknownCountryCode(am.code) || doc_.tokens[am.first_token].norm != "the")
      return;
    for (size_t k = m, seen = 0; k-- > 0 && seen < 50; ++seen) {
      const ActorMention& earlier = mentions_[k];
      if (earlier.role != am.role || !HasCountry(earlier) || !earlier.entity.empty()) continue;
      Recode(m, earlier.code, earlier.country);
      mentions_[m].antecedent = static_cast<int>(k);
      return;
    }
  }

 private:
  const Document& doc_;
  std::vector<ActorMention>& mentions_;
  std::vector<std::string> recoded_;
};

// Reads one parsed sentence's tree against the mentions [first, end) of that sentence.
class SentenceLinks {
 public:
  SentenceLinks(const Document& doc, const Sentence& s, std::vector<ActorMention>* mentions,
                size_t first, size_t end, Recoder* recoder, std::vector<int32_t>* scratch)
      : doc_(doc), s_(s), mentions_(*mentions), recoder_(*recoder), first_(first), end_(end),
        tree_(doc, s, Storage(scratch, s)), cover_(scratch->data()) {
    for (size_t m = first; m < end; ++m) {
      const ActorMention& am = mentions_[m];
      if (am.code.empty()) continue;
      for (uint32_t i = std::max(am.first_token, s.first_token); i < std::min(am.end_token, s.end_token); ++i)
        cover_[i - s.first_token] = static_cast<int32_t>(m);
    }
  }

  // Appends to *added the mentions the parse reveals (see ReportedSpeaker).
  void Run(uint32_t sentence, std::vector<ActorMention>* added) {
    for (size_t m = first_; m < end_; ++m) {
      recoder_.FollowAntecedent(m);
      const ActorMention& am = mentions_[m];
      if (am.kind == MentionKind::kPronoun) {
        BindPossessive(m);
      } else if (!am.role.empty() && IsUnknownCountryCode(am.code) && !TakeOwner(m)) {
        recoder_.TakeLastHolder(m);
      }
    }
    for (uint32_t i = s_.first_token; i < s_.end_token; ++i) {
      if (MentionAt(i) < 0 && tree_.token(i).norm == "it") ReportedSpeaker(sentence, i, added);
    }
  }

 private:
  static int32_t* Storage(std::vector<int32_t>* scratch, const Sentence& s) {
    const size_t n = s.end_token - s.first_token;
    scratch->assign(3 * n, -1);  // [0, n) cover, [n, 3n) the tree's child lists
    return scratch->data() + n;
  }

  int MentionAt(uint32_t i) const {
    return i < s_.first_token || i >= s_.end_token ? -1 : cover_[i - s_.first_token];
  }

  // Whether the mention took an owner's country.
  bool TakeOwner(size_t m) {
    ActorMention& am = mentions_[m];
    const uint32_t h = PhraseHead(doc_, s_, am.first_token, am.end_token);
    int owner = -1;
    tree_.ForChildren(h, [&](uint32_t c) {
      const Deprel d = tree_.token(c).deprel;
      bool owns = d == Deprel::nmod_poss || d == Deprel::amod || d == Deprel::compound;
      if (d == Deprel::nmod) {
        const std::string_view prep = CaseOf(doc_, s_, c);
        owns = prep == "of" || prep == "from";
      }
      if (!owns) return true;
      const int k = MentionAt(c);
      if (k >= 0 && static_cast<size_t>(k) != m && HasCountry(mentions_[k])) owner = k;
      return owner < 0;
    });
    if (owner < 0) return false;
    const std::string& country = mentions_[static_cast<size_t>(owner)].country;
    recoder_.Recode(m, country + am.code.substr(3), country);
    return true;
  }

  // "the government announced Tuesday that it is severing relations": "it", subject of
  // a verb reported by a state or organisation, is the reporter (not the expletive "it
  // is clear that", whose predicate is no verb).
  void ReportedSpeaker(uint32_t sentence, uint32_t i, std::vector<ActorMention>* added) {
    const Deprel rel = tree_.token(i).deprel;
    if (rel != Deprel::nsubj && rel != Deprel::nsubj_pass) return;
    const uint32_t c = tree_.Head(i);
    if (c == Token::kNoHead || tree_.token(c).upos != UPos::VERB) return;
    // A complement clause of the verb, or one after "that" which the parse hung on a
    // noun or a date in between ("announced on Tuesday that it ...", "the claim that it
    // supplied ..."): the reporting verb is the nearest verb above it.
    const bool complement = BaseDeprel(tree_.token(c).deprel) == Deprel::ccomp;
    const bool after_that = i > s_.first_token && tree_.token(i - 1).norm == "that";
    if (!complement && !after_that) return;
    uint32_t v = tree_.Head(c);
    for (int n = 0; n < 8 && v != Token::kNoHead && tree_.token(v).upos != UPos::VERB; ++n)
      v = tree_.Head(v);
    if (v == Token::kNoHead || tree_.token(v).upos != UPos::VERB || v > i) return;
    const uint32_t subject = tree_.SubjectOf(v);
    if (subject == Token::kNoHead || subject > i) return;
    const int k = MentionAt(subject);
    if (k < 0) return;
    const ActorMention& sm = mentions_[k];
    if (sm.kind == MentionKind::kPerson || sm.kind == MentionKind::kPronoun || !HasCountry(sm) ||
        (!sm.entity.empty() && sm.kind != MentionKind::kOrganization))
      return;
    ActorMention it = sm;
    it.sentence = sentence;
    it.first_token = i;
    it.end_token = i + 1;
    it.head_token = i;
    it.kind = MentionKind::kPronoun;
    it.antecedent = k;
    added->push_back(std::move(it));
  }

  void BindPossessive(size_t m) {
    ActorMention& am = mentions_[m];
    if (am.end_token != am.first_token + 1) return;
    const Token& t = tree_.token(am.first_token);
    const bool its = t.norm == "its";
    if (!(its || t.norm == "their") || t.deprel != Deprel::nmod_poss) return;
    const uint32_t subject = tree_.SubjectOf(ClauseOf(doc_, s_, am.first_token));
    if (subject == Token::kNoHead) return;
    const int k = MentionAt(subject);
    if (k < 0 || static_cast<size_t>(k) == m) return;
    const ActorMention& sm = mentions_[k];
    // The pronoun inside the subject phrase ("its ambassador said") is no reference to it.
    if (am.first_token >= sm.first_token && am.first_token < sm.end_token) return;
    uint32_t u = am.first_token;  // nor inside the subject's own phrase ("the head of its army")
    for (int n = 0; n < 8 && u != Token::kNoHead; ++n, u = tree_.Head(u))
      if (u == subject) return;
    if (its && (sm.kind == MentionKind::kPerson || (sm.kind == MentionKind::kPronoun && !sm.entity.empty())))
      return;
    if (IsUnknownCountryCode(sm.code)) return;
    const std::string old_country = am.country;
    am.code = sm.code;
    am.country = sm.country;
    am.role = sm.role;
    am.entity = sm.entity;
    am.antecedent = sm.antecedent >= 0 ? sm.antecedent : k;
    // "The two countries agreed to reopen their embassies": a pair's "their" is the pair,
    // and so is the role it owns (both embassies).
    if (sm.kind == MentionKind::kPair) {
      am.kind = MentionKind::kPair;
      am.pair_code = sm.pair_code;
    }
    // The role it owns ("its ambassador") took its country from it: it follows.
    const int owned = MentionAt(tree_.Head(am.first_token));
    if (owned >= 0 && static_cast<size_t>(owned) != m) {
      ActorMention& om = mentions_[static_cast<size_t>(owned)];
      if (sm.kind == MentionKind::kPair && om.kind == MentionKind::kRole && !om.role.empty()) {
        recoder_.Recode(static_cast<size_t>(owned), sm.country + om.role, sm.country);
        om.kind = MentionKind::kPair;
        om.pair_code = sm.pair_code.substr(0, 3) + om.role;
        return;
      }
      if (om.kind == MentionKind::kRole && !old_country.empty() && om.country == old_country &&
          om.code.compare(0, old_country.size(), old_country) == 0 && !am.country.empty()) {
        recoder_.Recode(static_cast<size_t>(owned), am.country + om.code.substr(old_country.size()),
                        am.country);
      }
    }
  }

  const Document& doc_;
  const Sentence& s_;
  std::vector<ActorMention>& mentions_;
  Recoder& recoder_;
  size_t first_, end_;
  SentenceTree tree_;
  int32_t* cover_;
};

}  // namespace

void LinkActorsByParse(const Document& doc, std::vector<ActorMention>* mentions) {
  std::vector<int32_t> scratch;
  Recoder recoder(doc, mentions);
  std::vector<ActorMention> added;  // antecedents index *mentions as it was
  size_t m = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    size_t e = m;
    while (e < mentions->size() && (*mentions)[e].sentence == si) ++e;
    if (doc.sentences[si].parsed && e > m) {
      SentenceLinks links(doc, doc.sentences[si], mentions, m, e, &recoder, &scratch);
      links.Run(si, &added);
    } else {
      // Unparsed sentences only follow what was recoded before them: no tree to read.
      for (size_t k = m; k < e; ++k) {
        recoder.FollowAntecedent(k);
        recoder.TakeLastHolder(k);
      }
    }
    m = e;
  }
  MergeMentions(mentions, std::move(added), {});
}

}  // namespace dyad
