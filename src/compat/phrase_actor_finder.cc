#include "compat/phrase_actor_finder.h"

#include <algorithm>
#include <utility>

namespace dyad {
namespace {

// TABARI lets other words come between the words of a phrase written with a space
// ("AL GORE" matches Al "The Weasel" Gore); this many at most, within a clause.
constexpr size_t kMaxPhraseGap = 4;

bool IsHardBreak(std::string_view w) { return w == "," || w == ";" || w == ":" || w == "." || w == "(" || w == ")"; }


// Appends an agent code unless the code already holds it at a code boundary.
void AppendAgent(std::string* code, std::string_view agent) {
  for (size_t at = 3; at + agent.size() <= code->size(); at += 3)
    if (code->compare(at, agent.size(), agent) == 0) return;
  *code += agent;
}

// Applies prefix and suffix agent codes to every part of an "A/B" code.
std::string Compose(std::string_view actor, const std::vector<std::string_view>& prefixes,
                    const std::vector<std::string_view>& suffixes) {
  std::string out;
  size_t start = 0;
  while (start <= actor.size()) {
    size_t slash = actor.find('/', start);
    if (slash == std::string_view::npos) slash = actor.size();
    std::string part(actor.substr(start, slash - start));
    for (std::string_view s : suffixes) AppendAgent(&part, s);
    std::string pre;
    for (std::string_view p : prefixes)
      if (part.compare(0, p.size(), p) != 0 && pre.find(p) == std::string::npos) pre += p;
    if (!out.empty()) out += '/';
    out += pre + part;
    start = slash + 1;
  }
  return out;
}

}  // namespace

ActorMention OneTokenMention(uint32_t sentence, uint32_t token, MentionKind kind, std::string code) {
  ActorMention m;
  m.sentence = sentence;
  m.first_token = token;
  m.end_token = token + 1;
  m.head_token = token;
  m.kind = kind;
  m.code = std::move(code);
  return m;
}

bool IsActorPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "it" || w == "they" || w == "him" || w == "them";
}

struct PhraseActorFinder::Word {
  std::string_view text;
  uint32_t token = 0;
  bool possessive_before = false;  // "Gondor 's government": set on "government"
  bool hard = false;               // , ; : . ( )
};

struct PhraseActorFinder::Hit {
  size_t begin = 0, end = 0;  // words [begin, end)
  Candidate c{};
  size_t words = 0;           // dictionary words matched
};

PhraseActorFinder::PhraseActorFinder(ActorDictionary dictionary, ClassicDialect dialect)
    : dict_(std::move(dictionary)), dialect_(dialect) {
  for (size_t e = 0; e < dict_.actors.size(); ++e)
    for (size_t p = 0; p < dict_.actors[e].phrases.size(); ++p)
      Index(dict_.actors[e].phrases[p], Candidate{static_cast<uint32_t>(e), static_cast<uint16_t>(p), false});
  for (size_t e = 0; e < dict_.agents.size(); ++e)
    for (size_t p = 0; p < dict_.agents[e].phrases.size(); ++p)
      Index(dict_.agents[e].phrases[p], Candidate{static_cast<uint32_t>(e), static_cast<uint16_t>(p), true});
}

void PhraseActorFinder::Index(const std::vector<PhraseWord>& phrase, Candidate c) {
  if (phrase.empty()) return;
  const PhraseWord& w = phrase[0];
  if (w.match == WordMatch::kExact) {
    exact_[w.text].push_back(c);
  } else {
    prefix_[w.text].push_back(c);
    if (w.text.size() < 64) prefix_lengths_ |= uint64_t{1} << w.text.size();
  }
}

void PhraseActorFinder::BuildWords(const Document& doc, const Sentence& s, std::vector<Word>* words) const {
  words->clear();
  bool possessive = false;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    std::string_view n = doc.tokens[t].norm;
    if (n == "'s" || n == "'") {
      possessive = true;
      continue;
    }
    if (n == "_") continue;  // "Dol_Amroth" written with the dictionaries' connector
    // Hyphenated tokens are matched by their parts ("al-gore" = "al" "gore").
    size_t start = 0;
    bool split = n.size() > 2 && n.find('-', 1) != std::string_view::npos && n.find('-', 1) < n.size() - 1;
    while (start < n.size()) {
      size_t dash = split ? n.find('-', start) : std::string_view::npos;
      if (dash == std::string_view::npos) dash = n.size();
      if (dash > start) {
        Word w;
        w.text = n.substr(start, dash - start);
        w.token = t;
        w.possessive_before = possessive;
        w.hard = IsHardBreak(w.text);
        words->push_back(w);
        possessive = false;
      }
      start = dash + 1;
    }
  }
}

bool PhraseActorFinder::MatchRest(const std::vector<PhraseWord>& phrase, const std::vector<Word>& words,
                                  size_t i, size_t* end) const {
  size_t j = i;
  for (size_t k = 1; k < phrase.size(); ++k) {
    const PhraseWord& w = phrase[k];
    if (w.joined) {
      size_t n = j + 1;
      if (n >= words.size() || words[n].possessive_before || !WordMatches(w, words[n].text)) return false;
      j = n;
      continue;
    }
    bool found = false;
    for (size_t n = j + 1; n < words.size() && n <= j + 1 + kMaxPhraseGap; ++n) {
      if (words[n].hard) break;
      if (WordMatches(w, words[n].text)) {
        j = n;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  *end = j + 1;
  return true;
}

bool PhraseActorFinder::BestHit(const std::vector<Word>& words, size_t i, Hit* best) const {
  std::string_view text = words[i].text;
  if (words[i].hard) return false;
  bool found = false;
  auto consider = [&](const std::vector<Candidate>& list) {
    for (const Candidate& c : list) {
      const std::vector<PhraseWord>& phrase =
          c.agent ? dict_.agents[c.entry].phrases[c.phrase] : dict_.actors[c.entry].phrases[c.phrase];
      if (!WordMatches(phrase[0], text)) continue;
      size_t end = 0;
      if (!MatchRest(phrase, words, i, &end)) continue;
      // More dictionary words win; then the tighter span; then actors over agents.
      bool better = !found || phrase.size() > best->words ||
                    (phrase.size() == best->words &&
                     (end < best->end || (end == best->end && best->c.agent && !c.agent)));
      if (better) {
        best->begin = i;
        best->end = end;
        best->c = c;
        best->words = phrase.size();
        found = true;
      }
    }
  };
  if (auto it = exact_.find(text); it != exact_.end()) consider(it->second);
  uint64_t lengths = prefix_lengths_;
  for (size_t len = 1; len <= text.size() && len < 64; ++len) {
    if ((lengths >> len & 1) == 0) continue;
    if (auto it = prefix_.find(text.substr(0, len)); it != prefix_.end()) consider(it->second);
  }
  return found;
}

void PhraseActorFinder::Find(const Document& doc, int32_t date, const PhraseActorOptions& options,
                             std::vector<ActorMention>* out, std::vector<bool>* discard,
                             std::vector<std::string>* actor_codes) const {
  out->clear();
  // The actor's own code of each mention, by its position (mentions are sorted per
  // sentence below; the map follows them).
  std::vector<std::pair<uint32_t, std::string>> own_codes;
  if (discard != nullptr) discard->assign(doc.sentences.size(), false);
  std::vector<Word> words;
  std::vector<Hit> hits;
  const bool petrarch = dialect_ == ClassicDialect::kPetrarch;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    BuildWords(doc, s, &words);
    hits.clear();
    for (size_t i = 0; i < words.size();) {
      Hit h;
      if (BestHit(words, i, &h)) {
        hits.push_back(h);
        i = h.end;
      } else {
        ++i;
      }
    }
    // Actor codes in force; special codes.
    std::vector<std::string_view> codes(hits.size());
    for (size_t k = 0; k < hits.size(); ++k) {
      if (hits[k].c.agent) continue;
      codes[k] = dict_.actors[hits[k].c.entry].CodeOn(date);
      if ((codes[k] == "###" || codes[k] == "+++") && discard != nullptr) (*discard)[si] = true;
    }
    auto is_actor = [&](size_t k) {
      return !hits[k].c.agent && !codes[k].empty() && codes[k] != "---" && codes[k] != "###" && codes[k] != "+++";
    };
    auto adjacent = [&](size_t a, size_t b) {  // hit b starts right after hit a
      return hits[a].end == hits[b].begin;
    };
    auto agent_of = [&](size_t k) -> const AgentEntry& { return dict_.agents[hits[k].c.entry]; };
    std::vector<bool> used(hits.size(), false);

    struct Group {
      size_t first, last;  // hits spanned
      size_t actor;
      std::vector<std::string_view> prefixes, suffixes;
    };
    std::vector<Group> groups;
    for (size_t k = 0; k < hits.size(); ++k) {
      if (!is_actor(k)) continue;
      Group g{k, k, k, {}, {}};
      // Agents right before the actor: prefix agents always ("MSF Arnor"); PETRARCH
      // also takes role agents written before a name ("President Telemar").
      for (size_t a = k; a > 0;) {
        --a;
        if (!hits[a].c.agent || used[a] || !adjacent(a, a + 1)) break;
        if (!agent_of(a).prefix && !petrarch) break;
        std::vector<std::string_view>& side = agent_of(a).prefix ? g.prefixes : g.suffixes;
        side.insert(side.begin(), agent_of(a).code);
        used[a] = true;
        g.first = a;
      }
      // Agents right after it, "'s" allowed between: "Gondor's president".
      size_t b = k;
      while (b + 1 < hits.size() && hits[b + 1].c.agent && adjacent(b, b + 1)) {
        ++b;
        (agent_of(b).prefix ? g.prefixes : g.suffixes).push_back(agent_of(b).code);
        used[b] = true;
        g.last = b;
      }
      // A name of the same actor right after its title: "Bree President Romendacil".
      if (g.last > k && g.last + 1 < hits.size() && is_actor(g.last + 1) && adjacent(g.last, g.last + 1) &&
          codes[g.last + 1].substr(0, 3) == codes[k].substr(0, 3)) {
        ++g.last;
        used[g.last] = true;
        k = g.last;
      }
      used[g.actor] = true;
      groups.push_back(std::move(g));
    }
    // "AGENT of|in|from [the] ACTOR": the ambassadors of Arnor, activists in Gondor.
    for (size_t a = 0; a + 1 < hits.size(); ++a) {
      if (!hits[a].c.agent || used[a]) continue;
      size_t w = hits[a].end;
      if (w >= words.size()) continue;
      std::string_view p = words[w].text;
      if (p != "of" && p != "in" && p != "from") continue;
      ++w;
      if (w < words.size() && (words[w].text == "the" || words[w].text == "a")) ++w;
      for (Group& g : groups) {
        if (hits[g.first].begin != w) continue;
        (agent_of(a).prefix ? g.prefixes : g.suffixes).push_back(agent_of(a).code);
        g.first = a;
        used[a] = true;
        // PETRARCH shares the agent across a list: "of Arnor, Osgiliath and Gondor".
        if (petrarch) {
          size_t gi = static_cast<size_t>(&g - groups.data());
          for (size_t n = gi + 1; n < groups.size(); ++n) {
            size_t between_begin = hits[groups[n - 1].last].end, between_end = hits[groups[n].first].begin;
            bool listed = between_end > between_begin && between_end - between_begin <= 2;
            for (size_t x = between_begin; x < between_end && listed; ++x)
              listed = words[x].text == "," || words[x].text == "and" || words[x].text == "the";
            if (!listed) break;
            (agent_of(a).prefix ? groups[n].prefixes : groups[n].suffixes).push_back(agent_of(a).code);
          }
        }
        break;
      }
    }
    size_t first_mention = out->size();
    for (const Group& g : groups) {
      ActorMention m;
      m.sentence = si;
      m.first_token = words[hits[g.first].begin].token;
      m.end_token = words[hits[g.last].end - 1].token + 1;
      m.head_token = words[hits[g.actor].end - 1].token;
      m.code = Compose(codes[g.actor], g.prefixes, g.suffixes);
      if (actor_codes != nullptr) own_codes.emplace_back(m.first_token, std::string(codes[g.actor]));
      m.country = std::string(codes[g.actor].substr(0, 3));
      if (!g.suffixes.empty()) m.role = std::string(g.suffixes.front().substr(0, 3));
      else if (codes[g.actor].size() >= 6 && codes[g.actor].find('/') == std::string_view::npos)
        m.role = std::string(codes[g.actor].substr(3, 3));
      m.kind = g.suffixes.empty() && g.prefixes.empty() ? (codes[g.actor].size() == 3 ? MentionKind::kCountry : MentionKind::kOrganization)
                                                        : MentionKind::kRole;
      out->push_back(std::move(m));
    }
    if (options.convert_lone_agents) {
      for (size_t k = 0; k < hits.size(); ++k) {
        if (!hits[k].c.agent || used[k]) continue;
        ActorMention m;
        m.sentence = si;
        m.first_token = words[hits[k].begin].token;
        m.end_token = words[hits[k].end - 1].token + 1;
        m.head_token = m.end_token - 1;
        m.code = "~" + agent_of(k).code;
        if (actor_codes != nullptr) own_codes.emplace_back(m.first_token, std::string());
        m.role = agent_of(k).code.substr(0, 3);
        m.kind = MentionKind::kRole;
        out->push_back(std::move(m));
      }
    }
    std::sort(out->begin() + static_cast<std::ptrdiff_t>(first_mention), out->end(),
              [](const ActorMention& a, const ActorMention& b) { return a.first_token < b.first_token; });
    // Pronouns take the sentence's first actor (with the actors listed with it).
    if (options.resolve_pronouns && out->size() > first_mention) {
      std::vector<ActorMention> pronouns;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const Token& tok = doc.tokens[t];
        // TABARI dereferences the possessives "its" and "their" too ("by its resumption
        // of ties with X": the first actor's resumption).
        bool poss = dialect_ == ClassicDialect::kTabari && (tok.norm == "its" || tok.norm == "their");
        if (!poss && (tok.tag != Tag::kPron || !IsActorPronoun(tok.norm))) continue;
        size_t ante = first_mention;
        if ((*out)[ante].first_token >= t) continue;
        ActorMention p = OneTokenMention(si, t, MentionKind::kPronoun, (*out)[ante].code);
        p.antecedent = static_cast<int>(ante);
        p.country = (*out)[ante].country;
        p.role = (*out)[ante].role;
        if (tok.norm == "they" || tok.norm == "them" || tok.norm == "their") {
          // The actors listed with the first one: "Elrond and Gondor ... they".
          for (size_t n = ante + 1; n < out->size(); ++n) {
            uint32_t gap_begin = (*out)[n - 1].end_token, gap_end = (*out)[n].first_token;
            if (gap_end >= t || gap_end - gap_begin > 2) break;
            bool listed = gap_end > gap_begin;
            for (uint32_t x = gap_begin; x < gap_end && listed; ++x)
              listed = doc.tokens[x].norm == "," || doc.tokens[x].norm == "and";
            if (!listed) break;
            p.code += "/" + (*out)[n].code;
          }
        }
        pronouns.push_back(std::move(p));
      }
      for (ActorMention& p : pronouns) out->push_back(std::move(p));
      std::sort(out->begin() + static_cast<std::ptrdiff_t>(first_mention), out->end(),
                [](const ActorMention& a, const ActorMention& b) { return a.first_token < b.first_token; });
      // Antecedent indices moved with the sort: point them at the mention again.
      for (size_t n = first_mention; n < out->size(); ++n) {
        ActorMention& m = (*out)[n];
        if (m.kind != MentionKind::kPronoun) continue;
        for (size_t a = first_mention; a < out->size(); ++a)
          if ((*out)[a].kind != MentionKind::kPronoun) {
            m.antecedent = static_cast<int>(a);
            break;
          }
      }
    }
  }
  if (actor_codes != nullptr) {
    actor_codes->assign(out->size(), std::string());
    for (size_t n = 0; n < out->size(); ++n) {
      if ((*out)[n].kind == MentionKind::kPronoun) continue;
      for (const auto& [first, code] : own_codes)
        if (first == (*out)[n].first_token) (*actor_codes)[n] = code;
    }
  }
}

}  // namespace dyad
