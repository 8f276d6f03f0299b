#include "actors/pair_mentions.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "actors/mention_list.h"

namespace dyad {
namespace {

// Head words of a pair phrase, by lemma, with the role they give its members.
struct PairHead {
  std::string_view lemma;
  std::string_view role;
};
constexpr PairHead kPairHeads[] = {
    {"country", ""},       {"nation", ""},     {"state", ""},         {"side", ""},
    {"party", ""},         {"neighbour", ""},  {"neighbor", ""},      {"capital", ""},
    {"government", "GOV"}, {"leader", "GOV"},  {"minister", "GOV"},   {"president", "GOV"},
    {"premier", "GOV"},    {"delegation", "GOV"}, {"official", "GOV"}, {"diplomat", "GOV"},
    {"administration", "GOV"}, {"army", "MIL"}, {"military", "MIL"},  {"force", "MIL"},
    {"troop", "MIL"},
};

const PairHead* FindHead(const Token& t) {
  for (const PairHead& h : kPairHeads)
    if (t.lemma == h.lemma) return &h;
  return nullptr;
}

bool IsPlural(const Token& t) { return t.norm != t.lemma && t.norm.size() > t.lemma.size(); }

// Country of a mention that can make the article's pair: a coded state-level actor.
bool Countable(const ActorMention& m) {
  return m.kind != MentionKind::kPair && m.country.size() == 3 && !IsUnknownCountryCode(m.code);
}

uint64_t PairKey(std::string_view a, std::string_view b) {
  if (b < a) std::swap(a, b);
  uint64_t k = 0;
  for (char c : a) k = k << 8 | static_cast<unsigned char>(c);
  for (char c : b) k = k << 8 | static_cast<unsigned char>(c);
  return k;
}


// Only "and", "," or "as well as" between two mentions: "Armenia and Azerbaijan".
bool CoordinatedPair(const Document& doc, uint32_t end_first, uint32_t begin_second) {
  if (begin_second <= end_first || begin_second - end_first > 3) return false;
  for (uint32_t t = end_first; t < begin_second; ++t) {
    const std::string& w = doc.tokens[t].norm;
    if (w != "and" && w != "," && w != "as" && w != "well" && w != "the") return false;
  }
  return true;
}

}  // namespace

void ArticlePairTally::AddSentence(const Document& doc, const std::vector<ActorMention>& ms, size_t begin,
                                   size_t end) {
  std::string seen[8];
  uint32_t first[8], last[8];  // token span of each country's first mention
  size_t n = 0;
  for (size_t k = begin; k < end && n < 8; ++k) {
    const ActorMention& m = ms[k];
    if (!Countable(m)) continue;
    bool dup = false;
    for (size_t j = 0; j < n && !dup; ++j) dup = seen[j] == m.country;
    if (dup) continue;
    first[n] = m.first_token;
    last[n] = m.end_token;
    seen[n++] = m.country;
    first_named_.emplace(m.country, first_named_.size());
    ++named_[m.country];
  }
  ++sentence_;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      // A coordinated pair ("Armenia and Azerbaijan signed ... in Washington") is the
      // one the sentence is about: it counts twice.
      int& c = together_[PairKey(seen[i], seen[j])];
      c += CoordinatedPair(doc, last[i], first[j]) ? 2 : 1;
      // The latest of equals; in one sentence, the first.
      if (c > best_count_ || (c == best_count_ && best_sentence_ < sentence_)) {
        best_count_ = c;
        best_sentence_ = sentence_;
        best_ = {seen[i], seen[j]};
      }
    }
}

bool ArticlePairTally::Best(std::string* a, std::string* b) const {
  std::pair<std::string, std::string> p = best_;
  if (best_count_ == 0) {  // the two most named, the first named of equals (at most ~250)
    const std::string* top[2] = {nullptr, nullptr};
    auto better = [&](const std::string* x, const std::string* y) {
      if (y == nullptr) return true;
      const int cx = named_.at(*x), cy = named_.at(*y);
      return cx != cy ? cx > cy : first_named_.at(*x) < first_named_.at(*y);
    };
    for (const auto& [country, count] : named_) {
      if (better(&country, top[0])) { top[1] = top[0]; top[0] = &country; }
      else if (better(&country, top[1])) top[1] = &country;
    }
    if (top[1] == nullptr) return false;
    p = {*top[0], *top[1]};
  }
  if (first_named_.at(p.second) < first_named_.at(p.first)) std::swap(p.first, p.second);
  *a = p.first;
  *b = p.second;
  return true;
}

uint32_t PairPhraseEnd(const Document& doc, uint32_t i, uint32_t end, std::string_view* role) {
  if (i + 1 >= end) return 0;
  const std::string_view n = doc.tokens[i].norm;  // sizes first: this runs for every token
  if (n != "the" && n != "both") return 0;
  uint32_t j = i + 1;
  if (n == "the") {
    const Token& next = doc.tokens[j];
    if (next.norm != "two") {
      // "the sides", "the parties" (to the talks), not "the parties of the coalition".
      if ((next.lemma != "side" && next.lemma != "party") || !IsPlural(next)) return 0;
      if (j + 1 < end && (doc.tokens[j + 1].norm == "of" || doc.tokens[j + 1].norm == "in")) return 0;
      *role = "";
      return j + 1;
    }
    ++j;
  }
  // Up to two modifiers: "the two neighbouring countries", "both foreign ministers".
  for (int mods = 0; j < end && mods <= 2; ++j, ++mods) {
    const Token& t = doc.tokens[j];
    if (const PairHead* h = FindHead(t); h != nullptr) {
      if (!IsPlural(t) && t.lemma != "military") return 0;  // "both sides" but not "both side"
      *role = h->role;
      return j + 1;
    }
    if (t.tag != Tag::kAdj && t.tag != Tag::kNoun) return 0;
  }
  return 0;
}

void AddPairMentions(const Document& doc, std::vector<ActorMention>* mentions) {
  ArticlePairTally tally;
  std::vector<ActorMention> added;
  std::vector<bool> drop;
  size_t m = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    size_t e = m;
    while (e < mentions->size() && (*mentions)[e].sentence == si) ++e;
    tally.AddSentence(doc, *mentions, m, e);
    if (s.end_token > doc.tokens.size()) { m = e; continue; }
    // "between Chile and Peru": the pair named, whatever the act ("ties between Chile and
    // Peru were suspended", "talks between ... were held"), is mutual.
    for (size_t k = m; k + 1 < e; ++k) {
      const ActorMention& x = (*mentions)[k];
      const ActorMention& y = (*mentions)[k + 1];
      uint32_t and_at = x.end_token;
      if (x.first_token == s.first_token || doc.tokens[x.first_token - 1].norm != "between" ||
          and_at >= y.first_token || doc.tokens[and_at].norm != "and")
        continue;
      uint32_t after = and_at + 1;
      if (after < y.first_token && doc.tokens[after].norm == "the") ++after;
      if (after != y.first_token || !Countable(x) || !Countable(y) || x.country == y.country) continue;
      if (k + 2 < e && (*mentions)[k + 2].first_token == y.end_token + 1 &&
          (doc.tokens[y.end_token].norm == "and" || doc.tokens[y.end_token].norm == ","))
        continue;  // a longer list
      ActorMention pm;
      pm.sentence = si;
      pm.first_token = x.first_token;
      pm.end_token = y.end_token;
      pm.head_token = x.head_token;
      pm.kind = MentionKind::kPair;
      pm.country = x.country;
      pm.code = x.code;
      pm.pair_code = y.code;
      pm.role = x.role == y.role ? x.role : "";
      if (drop.size() < mentions->size()) drop.resize(mentions->size(), false);
      drop[k] = drop[k + 1] = true;
      added.push_back(std::move(pm));
      ++k;
    }
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      std::string_view role;
      const uint32_t pe = PairPhraseEnd(doc, t, s.end_token, &role);
      if (pe == 0) continue;
      std::string a, b;
      if (!tally.Best(&a, &b)) break;
      ActorMention pm;
      pm.sentence = si;
      pm.first_token = t;
      pm.end_token = pe;
      pm.head_token = pe - 1;
      pm.kind = MentionKind::kPair;
      pm.country = a;
      pm.code = a + std::string(role);
      pm.pair_code = b + std::string(role);
      pm.role = std::string(role);
      for (size_t k = m; k < e; ++k) {
        const ActorMention& x = (*mentions)[k];
        if (x.first_token < pe && t < x.end_token) {
          if (drop.size() < mentions->size()) drop.resize(mentions->size(), false);
          drop[k] = true;
        }
      }
      added.push_back(std::move(pm));
      t = pe - 1;
    }
    m = e;
  }
  std::stable_sort(added.begin(), added.end(), [](const ActorMention& a, const ActorMention& b) {
    return a.sentence != b.sentence ? a.sentence < b.sentence : a.first_token < b.first_token;
  });
  MergeMentions(mentions, std::move(added), drop);
}

}  // namespace dyad
