#include "compat/classic_coder.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>
#include <utility>

#include "compat/phrase_actor_finder.h"
#include "compat/treebank.h"
#include "events/ontology.h"
#include "text/lexicon.h"
#include "util/hash.h"

namespace dyad {
namespace {

// The code of a subject TABARI would not see (AddClauseSubjects): a noun that is no
// actor, before a verb, which only stands for the verb's place; its events take the
// clause's first actor (UseClauseSources) or are dropped.
constexpr std::string_view kClauseSubject = "~CLAUSE~";


std::string JoinPath(std::string_view dir, std::string_view name) {
  if (dir.empty() || name.empty() || name.front() == '/') return std::string(name);
  std::string out(dir);
  if (out.back() != '/') out += '/';
  out += name;
  return out;
}

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

void SplitCodes(std::string_view code, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  while (start <= code.size()) {
    size_t slash = code.find('/', start);
    if (slash == std::string_view::npos) slash = code.size();
    if (slash > start) out->push_back(code.substr(start, slash - start));
    start = slash + 1;
  }
}

// yyyymmdd from "1995-01-03..." or 0.
int32_t IsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return 0;
  std::string digits = std::string(s.substr(0, 4)) + std::string(s.substr(5, 2)) + std::string(s.substr(8, 2));
  return ParseClassicDate(digits);
}

// The story of a record: its ID up to the last '-' (TABARI's story-sentence IDs).
std::string_view StoryOf(std::string_view id) {
  size_t dash = id.rfind('-');
  return dash == std::string_view::npos || dash == 0 ? id : id.substr(0, dash);
}

// Sorts mentions by position and points the antecedents at their mentions again.
void SortMentions(std::vector<ActorMention>* mentions) {
  std::vector<size_t> order(mentions->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const ActorMention& x = (*mentions)[a];
    const ActorMention& y = (*mentions)[b];
    return x.sentence != y.sentence ? x.sentence < y.sentence : x.first_token < y.first_token;
  });
  std::vector<int> moved_to(order.size());
  for (size_t i = 0; i < order.size(); ++i) moved_to[order[i]] = static_cast<int>(i);
  std::vector<ActorMention> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) {
    sorted.push_back(std::move((*mentions)[i]));
    int& a = sorted.back().antecedent;
    if (a >= 0 && static_cast<size_t>(a) < moved_to.size()) a = moved_to[static_cast<size_t>(a)];
  }
  *mentions = std::move(sorted);
}

// The tokens inside actor mentions.
std::vector<bool> CoveredTokens(const Document& doc, const std::vector<ActorMention>& mentions) {
  std::vector<bool> covered(doc.tokens.size(), false);
  for (const ActorMention& m : mentions)
    for (uint32_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
  return covered;
}

// A conjunction ends a clause when a new predicate follows it ("and then it asked").
bool EndsClause(const Document& doc, const std::vector<bool>& covered, uint32_t i, uint32_t end) {
  const Token& t = doc.tokens[i];
  if (t.norm == ";") return true;
  if (t.norm != "and" && t.norm != "but" && t.norm != "or") return false;
  for (uint32_t j = i + 1; j < end && j <= i + 6; ++j) {
    Tag tag = doc.tokens[j].tag;
    if (tag == Tag::kVerb || tag == Tag::kAux) return true;
    if (tag == Tag::kAdv || tag == Tag::kPron || tag == Tag::kDet || tag == Tag::kProper || covered[j]) continue;
    return false;
  }
  return false;
}


// Mention n and those listed right after it ("Elrond and Gondor", "X, Y and Z").
void ListedFrom(const Document& doc, const std::vector<ActorMention>& mentions, size_t n, std::vector<size_t>* out) {
  out->assign(1, n);
  for (size_t k = n + 1; k < mentions.size() && mentions[k].sentence == mentions[n].sentence; ++k) {
    // A comma or "and", with articles and adjectives: "Fornost and the evil awful Gondor".
    uint32_t gap_begin = mentions[k - 1].end_token, gap_end = mentions[k].first_token;
    if (gap_end <= gap_begin || gap_end - gap_begin > 5) break;
    bool listed = true, joined = false;
    for (uint32_t x = gap_begin; x < gap_end && listed; ++x) {
      const Token& t = doc.tokens[x];
      bool link = t.norm == "," || t.norm == "and" || t.norm == "or" || t.norm == "nor";
      joined = joined || link;
      listed = link || t.tag == Tag::kDet || t.tag == Tag::kAdj;
    }
    if (!listed || !joined) break;
    out->push_back(k);
  }
}

// TABARI's source of a verb: the first actor of the verb's clause (with the actors listed
// with it). A clause ends at a conjunction opening a new predicate after its verb
// ("Elrond and Gondor urged" is one clause). False when no actor comes before the verb.
bool ClauseSources(const Document& doc, const std::vector<bool>& covered, const std::vector<ActorMention>& mentions,
                   uint32_t sentence, uint32_t anchor, std::vector<size_t>* out) {
  const Sentence& s = doc.sentences[sentence];
  std::vector<uint32_t> clauses{s.first_token};
  bool verb = false;
  for (uint32_t t = s.first_token; t < anchor; ++t) {
    if (verb && EndsClause(doc, covered, t, s.end_token)) {
      clauses.push_back(t + 1);
      verb = false;
    }
    verb = verb || doc.tokens[t].tag == Tag::kVerb;
  }
  // A clause without an actor of its own before the verb shares the one before's
  // ("X might affirm the attack or assail Y").
  for (size_t c = clauses.size(); c-- > 0;) {
    for (size_t n = 0; n < mentions.size(); ++n) {
      if (mentions[n].sentence == sentence && mentions[n].first_token >= clauses[c] && mentions[n].end_token <= anchor &&
          mentions[n].code != kClauseSubject) {
        ListedFrom(doc, mentions, n, out);
        return true;
      }
    }
  }
  return false;
}

// Whether every code of mention n is a code of the source mentions.
bool IsSourceActor(const std::vector<ActorMention>& mentions, const std::vector<size_t>& sources, size_t n) {
  std::vector<std::string_view> own, codes;
  for (size_t k : sources) {
    SplitCodes(mentions[k].code, &codes);
    own.insert(own.end(), codes.begin(), codes.end());
  }
  SplitCodes(mentions[n].code, &codes);
  return std::all_of(codes.begin(), codes.end(),
                     [&](std::string_view c) { return std::find(own.begin(), own.end(), c) != own.end(); });
}

// TABARI's target for a verb and its source: the first actor after the verb that is not
// the source, else the last one between the source and the verb ("urged Bree to assist
// it", "they requested that Rohan assist them"); mentions.size() when none.
size_t OtherTarget(const std::vector<ActorMention>& mentions, uint32_t sentence, uint32_t anchor,
                   const std::vector<size_t>& sources) {
  auto candidate = [&](size_t n) {
    return mentions[n].sentence == sentence && mentions[n].code != kClauseSubject && !IsSourceActor(mentions, sources, n);
  };
  for (size_t n = 0; n < mentions.size(); ++n)
    if (mentions[n].first_token > anchor && candidate(n)) return n;
  size_t target = mentions.size();
  for (size_t n = sources.back() + 1; n < mentions.size(); ++n)
    if (mentions[n].end_token <= anchor && candidate(n)) target = n;
  return target;
}

}  // namespace

std::string ReadTabariProject(std::string_view text, std::string_view dir, ClassicDictionaryFiles* out) {
  out->dialect = ClassicDialect::kTabari;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = TrimBlanks(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty() || line.front() != '<') continue;
    size_t close = line.find('>');
    if (close == std::string_view::npos) continue;
    std::string_view tag = line.substr(1, close - 1);
    std::string_view value = TrimBlanks(line.substr(close + 1));
    if (value.empty()) continue;
    std::string path = JoinPath(dir, value);
    if (tag == "verbsfile") out->verbs.push_back(path);
    else if (tag == "actorsfile") out->actors.push_back(path);
    else if (tag == "agentsfile") out->agents.push_back(path);
    else if (tag == "optionsfile") out->options.push_back(path);
  }
  if (out->verbs.empty()) return "no <verbsfile> in the project file";
  if (out->actors.empty()) return "no <actorsfile> in the project file";
  return "";
}

std::string ReadPetrarchConfig(std::string_view text, std::string_view dir, ClassicDictionaryFiles* out,
                               std::string_view config_path) {
  out->dialect = ClassicDialect::kPetrarch;
  if (!config_path.empty()) out->options.emplace_back(config_path);
  bool in_dictionaries = false;
  size_t pos = 0;
  auto list = [&](std::string_view value, std::vector<std::string>* to) {
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      if (comma == std::string_view::npos) comma = value.size();
      std::string_view name = TrimBlanks(value.substr(start, comma - start));
      if (!name.empty()) to->push_back(JoinPath(dir, name));
      start = comma + 1;
    }
  };
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = TrimBlanks(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      in_dictionaries = line == "[Dictionaries]";
      continue;
    }
    if (!in_dictionaries) continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = TrimBlanks(line.substr(0, eq));
    std::string_view value = TrimBlanks(line.substr(eq + 1));
    if (key == "verbfile_name") list(value, &out->verbs);
    else if (key == "actorfile_list") list(value, &out->actors);
    else if (key == "agentfile_name") list(value, &out->agents);
    else if (key == "discardfile_name") list(value, &out->discards);
  }
  if (out->verbs.empty()) return "no verbfile_name in [Dictionaries]";
  if (out->actors.empty()) return "no actorfile_list in [Dictionaries]";
  return "";
}

std::unique_ptr<ClassicCoder> ClassicCoder::Load(const ClassicDictionaryFiles& files,
                                                 const DiagnosticSink& diag) {
  VerbDictionary verbs;
  ActorDictionary actors;
  DiscardList discards;
  bool ok = true;
  std::string text;
  auto read = [&](const std::string& path) {
    if (ReadWholeFile(path, &text)) return true;
    if (diag) diag(Diagnostic{Severity::kError, path, "cannot read the dictionary file"});
    ok = false;
    return false;
  };
  const bool tabari = files.dialect == ClassicDialect::kTabari;
  for (const std::string& p : files.verbs)
    if (read(p)) tabari ? verbs.ReadTabari(text, p, diag) : verbs.ReadPetrarch(text, p, diag);
  for (const std::string& p : files.actors)
    if (read(p)) actors.ReadActors(text, p, files.dialect, diag);
  for (const std::string& p : files.agents)
    if (read(p)) actors.ReadAgents(text, p, files.dialect, diag);
  for (const std::string& p : files.discards)
    if (read(p)) discards.Read(text, p, diag);
  ClassicCoderOptions options =
      tabari ? ClassicCoderOptions::TabariDefaults() : ClassicCoderOptions::PetrarchDefaults();
  for (const std::string& p : files.options)
    if (read(p)) tabari ? ReadTabariOptions(text, p, &options, diag) : ReadPetrarchOptions(text, p, &options, diag);
  if (!ok) return nullptr;
  return std::make_unique<ClassicCoder>(files.dialect, verbs, std::move(actors), std::move(discards),
                                        options, diag);
}

ClassicCoder::ClassicCoder(ClassicDialect dialect, const VerbDictionary& verbs, ActorDictionary actors,
                           DiscardList discards, const ClassicCoderOptions& options,
                           const DiagnosticSink& diag)
    : dialect_(dialect),
      options_(options),
      actors_(std::move(actors), dialect),
      verbs_(dialect),
      discards_(std::move(discards)),
      coder_(verbs_.dictionary(), Ontology::Default()) {
  verbs_.Convert(verbs, diag);
  // TABARI's CODE ALL codes the acts asked of someone too (CodeRequestedActs).
  coder_.set_keep_requested(dialect == ClassicDialect::kTabari);
  coder_.set_mutual_both_ways(true);
}

void ClassicCoder::DropCommaClauses(const Document& in, Document* out) const {
  const CommaRules& r = options_.commas;
  out->Clear();
  out->text = in.text;
  std::vector<bool> drop(in.tokens.size(), false);
  auto words = [&](uint32_t b, uint32_t e) {
    int n = 0;
    for (uint32_t t = b; t < e; ++t) n += in.tokens[t].tag != Tag::kPunct ? 1 : 0;
    return n;
  };
  auto mark = [&](uint32_t b, uint32_t e) {
    for (uint32_t t = b; t < e; ++t) drop[t] = true;
  };
  // A clause goes only if a verb is left outside it ("Arnor's minister, in remarks
  // on Monday, urged Eriador to respond": the last clause is the main one), and a list
  // item stays ("Mordor, the awful Fornost, and Gondor").
  auto verb_outside = [&](const Sentence& s, uint32_t b, uint32_t e) {
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      if ((t < b || t >= e) && !drop[t] && in.tokens[t].tag == Tag::kVerb) return true;
    return false;
  };
  std::vector<uint32_t> commas;
  for (const Sentence& s : in.sentences) {
    commas.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      if (in.tokens[t].norm == ",") commas.push_back(t);
    if (commas.empty()) continue;
    uint32_t end = s.end_token;
    // A terminal clause runs from the last comma to the final stop, which stays.
    bool stop = end > s.first_token && (in.tokens[end - 1].norm == "." || in.tokens[end - 1].norm == "!" ||
                                         in.tokens[end - 1].norm == "?");
    if (stop) --end;
    auto list_item = [&](uint32_t closing_comma) {
      return closing_comma + 1 < s.end_token &&
             (in.tokens[closing_comma + 1].norm == "and" || in.tokens[closing_comma + 1].norm == "or");
    };
    int n = words(s.first_token, commas.front());
    if (r.begin_min <= r.begin_max && n >= r.begin_min && n <= r.begin_max && !list_item(commas.front()) &&
        verb_outside(s, s.first_token, commas.front() + 1))
      mark(s.first_token, commas.front() + 1);
    for (size_t i = 0; i + 1 < commas.size(); ++i) {
      n = words(commas[i] + 1, commas[i + 1]);
      // Both commas go: "X, the minister, met Y" is "X met Y".
      if (r.min <= r.max && n >= r.min && n <= r.max && !list_item(commas[i + 1]) &&
          verb_outside(s, commas[i], commas[i + 1] + 1))
        mark(commas[i], commas[i + 1] + 1);
    }
    n = words(commas.back() + 1, end);
    if (stop && r.end_min <= r.end_max && n >= r.end_min && n <= r.end_max && commas.back() < end &&
        verb_outside(s, commas.back(), end))
      mark(commas.back(), end);
  }
  for (const Sentence& s : in.sentences) {
    Sentence o = s;
    o.first_token = static_cast<uint32_t>(out->tokens.size());
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      if (!drop[t]) out->tokens.push_back(in.tokens[t]);
    o.end_token = static_cast<uint32_t>(out->tokens.size());
    out->sentences.push_back(o);
  }
}

void ClassicCoder::StemUnknownWords(const std::vector<ActorMention>& mentions, Document* doc) const {
  const Lexicon& lexicon = Lexicon::Default();
  std::vector<bool> covered(doc->tokens.size(), false);
  for (const ActorMention& m : mentions)
    for (uint32_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
  for (uint32_t t = 0; t < doc->tokens.size(); ++t) {
    Token& tok = doc->tokens[t];
    if (covered[t] || tok.tag == Tag::kPunct || tok.norm.size() < 4 || lexicon.Find(tok.norm) != nullptr) continue;
    std::string_view stem = verbs_.LongestStem(tok.norm);
    if (stem.empty() || stem.size() == tok.norm.size()) continue;
    tok.norm.assign(stem);
    tok.lemma.assign(stem);
    tok.word = tok.lemma_word = 0;  // no longer the analysed forms: look them up by string
  }
}

void ClassicCoder::RetagUnknownVerbs(const std::vector<ActorMention>& mentions, Document* doc) const {
  const Lexicon& lexicon = Lexicon::Default();
  const Dictionary& dict = verbs_.dictionary();
  std::vector<bool> covered(doc->tokens.size(), false);
  for (const ActorMention& m : mentions)
    for (uint32_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
  for (const Sentence& s : doc->sentences) {
    for (uint32_t t = s.first_token + 1; t < s.end_token; ++t) {
      Token& tok = doc->tokens[t];
      if (tok.tag == Tag::kVerb || tok.tag == Tag::kPunct || covered[t]) continue;
      if (dict.Anchored(tok.norm) == nullptr && dict.Anchored(tok.lemma) == nullptr) continue;
      if (lexicon.Find(tok.norm) != nullptr) continue;
      const Token& prev = doc->tokens[t - 1];
      bool after_subject = covered[t - 1] && prev.norm != "'s";
      bool after_aux = prev.tag == Tag::kAux || (prev.tag == Tag::kAdv && t >= 2 && doc->tokens[t - 2].tag == Tag::kAux);
      if (after_subject || after_aux) tok.tag = Tag::kVerb;
    }
  }
}

uint32_t ClassicCoder::AnchorOf(const Document& doc, const Event& ev) const {
  // The first token of the event's span that is one of its pattern's anchor words.
  const Dictionary& dict = verbs_.dictionary();
  const Sentence& s = doc.sentences[ev.sentence];
  const ClassicCode* cc = verbs_.CodesOf(ev.pattern);
  // A pattern that matches verbs only (PETRARCH's) is anchored on a verb: "signed an
  // accord to supply" is anchored on "supply", though "accord" is a form of GRANT too.
  uint32_t first = s.end_token;
  for (uint32_t t = s.first_token; t < s.end_token && cc != nullptr; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.begin < ev.begin || tok.end > ev.end) continue;
    for (uint32_t id : cc->patterns) {
      const Pattern& p = dict.pattern(id);
      for (const std::string& w : p.elements[p.anchor].words) {
        if (tok.norm != w && (p.elements[p.anchor].kind != PatternElement::kWord || tok.lemma != w)) continue;
        if (!p.verb_only || tok.tag == Tag::kVerb) return t;
        first = std::min(first, t);
      }
    }
  }
  return first != s.end_token ? first : s.first_token;
}

void ClassicCoder::DropTargetsBeforeVerb(const Document& doc, std::vector<Event>* raw) const {
  const Dictionary& dict = verbs_.dictionary();
  // Source and target listed together ("X and Y met"): a symmetric pattern's pair.
  auto listed = [&](const Event& ev) {
    uint32_t from = std::min(ev.source.end, ev.target.end), to = std::max(ev.source.begin, ev.target.begin);
    for (const Token& t : doc.tokens) {
      if (t.begin < from || t.end > to) continue;
      if (t.norm != "and" && t.norm != "," && t.norm != "or" && t.norm != "nor" && t.tag != Tag::kDet) return false;
    }
    return true;
  };
  auto before_verb = [&](const Event& ev) {
    const ClassicCode* cc = verbs_.CodesOf(ev.pattern);
    if (cc == nullptr || ev.source.code == kClauseSubject) return false;  // UseClauseSources decides
    for (uint32_t id : cc->patterns) {
      const Pattern& p = dict.pattern(id);
      if (p.symmetric && listed(ev)) return false;
      for (const PatternElement& e : p.elements)
        if (e.kind == PatternElement::kTarget) return false;
    }
    uint32_t verb = doc.tokens[AnchorOf(doc, ev)].begin;
    return ev.target.end <= verb && ev.source.end <= verb;
  };
  raw->erase(std::remove_if(raw->begin(), raw->end(), before_verb), raw->end());
}

void ClassicCoder::DropSourcesAfterActiveVerb(const Document& doc, std::vector<Event>* raw) const {
  if (dialect_ != ClassicDialect::kPetrarch) return;
  const Dictionary& dict = verbs_.dictionary();
  auto drop = [&](const Event& ev) {
    const ClassicCode* cc = verbs_.CodesOf(ev.pattern);
    if (cc == nullptr) return false;
    for (uint32_t id : cc->patterns)
      for (const PatternElement& e : dict.pattern(id).elements)
        if (e.kind == PatternElement::kSource) return false;
    const uint32_t anchor = AnchorOf(doc, ev);
    const Token& verb = doc.tokens[anchor];
    if (verb.tag != Tag::kVerb || ev.source.begin < verb.end) return false;
    // Passive voice ("was criticized by X", "has been received"): the source follows.
    const Sentence& s = doc.sentences[ev.sentence];
    for (uint32_t t = anchor; t > s.first_token;) {
      const Token& tok = doc.tokens[--t];
      if (tok.tag == Tag::kAdv || tok.tag == Tag::kNeg) continue;
      if (tok.lemma == "be" || tok.lemma == "get") return false;
      break;
    }
    return true;
  };
  raw->erase(std::remove_if(raw->begin(), raw->end(), drop), raw->end());
}

void ClassicCoder::ForwardPronouns(const Document& doc, const std::vector<std::string>& actor_codes,
                                   std::vector<ActorMention>* mentions, std::string* forwarded) const {
  std::vector<bool> covered(doc.tokens.size(), false);
  for (const ActorMention& m : *mentions)
    for (uint32_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
  size_t own = mentions->size();  // mentions beyond this are the forwarded pronouns
  size_t mi = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (!forwarded->empty()) {
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const Token& tok = doc.tokens[t];
        if (covered[t] || tok.tag != Tag::kPron || !IsActorPronoun(tok.norm)) continue;
        ActorMention p = OneTokenMention(si, t, MentionKind::kPronoun, *forwarded);
        p.country = forwarded->substr(0, 3);
        mentions->push_back(std::move(p));
      }
    }
    // The sentence's first actor named as such goes forward; a sentence that names none
    // keeps the one before ("secondary forwarding" is not done, as in TABARI).
    while (mi < own && (*mentions)[mi].sentence < si) ++mi;
    for (size_t n = mi; n < own && (*mentions)[n].sentence == si; ++n) {
      if (n < actor_codes.size() && !actor_codes[n].empty()) {
        *forwarded = actor_codes[n];
        break;
      }
    }
  }
  if (mentions->size() != own) SortMentions(mentions);
}

void ClassicCoder::AddDefaultActors(const Document& doc, const std::vector<bool>& discarded,
                                   std::vector<ActorMention>* mentions) const {
  const DefaultActors& d = options_.defaults;
  std::vector<int> owner(doc.tokens.size(), -1);
  for (size_t n = 0; n < mentions->size(); ++n)
    for (uint32_t t = (*mentions)[n].first_token; t < (*mentions)[n].end_token; ++t) owner[t] = static_cast<int>(n);
  std::vector<bool> removed(mentions->size(), false);
  std::vector<ActorMention> added;
  auto at = [&](uint32_t sentence, uint32_t token, const std::string& code) {
    // No country: two defaults are never "the same state".
    return OneTokenMention(sentence, token, MentionKind::kOrganization, code);
  };
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    if (si < discarded.size() && discarded[si]) continue;
    const Sentence& s = doc.sentences[si];
    // The first verb, and the subject's place: the word before its auxiliaries.
    uint32_t verb = s.end_token, group = s.end_token;
    for (uint32_t t = s.first_token; t < s.end_token && verb == s.end_token; ++t) {
      if (owner[t] >= 0) continue;
      Tag tag = doc.tokens[t].tag;
      if ((tag == Tag::kAux || tag == Tag::kVerb) && group == s.end_token) group = t;
      if (tag == Tag::kVerb) verb = t;
    }
    if (verb == s.end_token) continue;
    std::vector<size_t> before, after;
    for (size_t n = 0; n < mentions->size(); ++n) {
      const ActorMention& m = (*mentions)[n];
      if (m.sentence != si) continue;
      // A possessive pronoun ("its embassy") is no actor of the verb's slots.
      if (m.kind == MentionKind::kPronoun && m.end_token == m.first_token + 1 &&
          (doc.tokens[m.first_token].norm == "its" || doc.tokens[m.first_token].norm == "their"))
        continue;
      (m.end_token <= verb ? before : after).push_back(n);
    }
    auto slot_word = [&](uint32_t t) {
      const Token& tok = doc.tokens[t];
      return owner[t] < 0 && tok.tag != Tag::kPunct && tok.tag != Tag::kPron && tok.tag != Tag::kDet &&
             tok.tag != Tag::kPrep && tok.tag != Tag::kConj && tok.tag != Tag::kSubord;
    };
    bool subject_slot = group > s.first_token && slot_word(group - 1);
    auto target_slot = [&]() -> uint32_t {
      for (uint32_t t = verb + 1; t < s.end_token; ++t)
        if (slot_word(t) && (doc.tokens[t].tag == Tag::kProper || doc.tokens[t].Has(kCapitalized))) return t;
      return s.end_token;
    };
    auto move_to = [&](size_t n, uint32_t t) {
      ActorMention m = (*mentions)[n];
      removed[n] = true;
      for (uint32_t x = m.first_token; x < m.end_token; ++x) owner[x] = -1;
      m.first_token = t;
      m.end_token = t + 1;
      m.head_token = t;
      m.antecedent = -1;
      owner[t] = static_cast<int>(mentions->size() + added.size());
      added.push_back(std::move(m));
    };
    if (before.empty() && subject_slot) {
      if (!d.source_prior && !after.empty()) {
        // TABARI takes the first actor after the verb as the source.
        move_to(after.front(), group - 1);
        after.erase(after.begin());
      } else if (!d.source.empty()) {
        added.push_back(at(si, group - 1, d.source));
        owner[group - 1] = static_cast<int>(mentions->size() + added.size() - 1);
      }
    }
    if (after.empty()) {
      uint32_t t = target_slot();
      if (t == s.end_token) continue;
      if (!d.target_after && before.size() >= 2) move_to(before.back(), t);  // "X and Y ... with <unknown>"
      else if (!d.target.empty()) added.push_back(at(si, t, d.target));
    }
  }
  if (added.empty()) return;
  std::vector<ActorMention> kept;
  for (size_t n = 0; n < mentions->size(); ++n)
    if (!removed[n]) kept.push_back(std::move((*mentions)[n]));
  for (ActorMention& m : added) kept.push_back(std::move(m));
  // Antecedents are only used for pronouns resolved inside the sentence; those whose
  // mention moved keep their code.
  for (ActorMention& m : kept) m.antecedent = -1;
  *mentions = std::move(kept);
  SortMentions(mentions);
}

void ClassicCoder::AddClauseSubjects(const Document& doc, std::vector<ActorMention>* mentions) const {
  if (dialect_ != ClassicDialect::kTabari) return;
  const Dictionary& dict = verbs_.dictionary();
  const Lexicon& lexicon = Lexicon::Default();
  std::vector<bool> covered = CoveredTokens(doc, *mentions);
  std::vector<ActorMention> added;
  std::vector<size_t> sources;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.first_token + 1; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      if (tok.tag != Tag::kVerb || covered[t]) continue;
      if (dict.Anchored(tok.norm) == nullptr && dict.Anchored(tok.lemma) == nullptr) continue;
      // The word before the verb's auxiliaries and adverbs.
      uint32_t g = t;
      while (g > s.first_token && (doc.tokens[g - 1].tag == Tag::kAux || doc.tokens[g - 1].tag == Tag::kAdv ||
                                   doc.tokens[g - 1].tag == Tag::kNeg))
        --g;
      if (g == s.first_token) continue;
      // Passive voice: the subject is the target, and TABARI's source comes after.
      bool passive = false;
      for (uint32_t a = g; a < t; ++a) passive = passive || doc.tokens[a].lemma == "be";
      if (passive) continue;
      const uint32_t subject = g - 1;
      const Tag st = doc.tokens[subject].tag;
      // A noun form the tagger took for a verb right before the verb ("crowds burned").
      const LexEntry* lex = st == Tag::kVerb ? lexicon.Find(doc.tokens[subject].norm) : nullptr;
      bool noun = st == Tag::kNoun || st == Tag::kProper || st == Tag::kUnknown || (lex != nullptr && lex->is_noun);
      if (covered[subject] || !noun) continue;
      // The subject's noun phrase opens a clause: after "that", "after", a conjunction
      // or a reporting verb ("said government proposed"), not after a preposition, an
      // actor ("Ent crowds") or a participle ("Gollum accompanying Radagast called").
      uint32_t np = subject;
      while (np > s.first_token && !covered[np - 1] &&
             (doc.tokens[np - 1].tag == Tag::kDet || doc.tokens[np - 1].tag == Tag::kAdj ||
              doc.tokens[np - 1].tag == Tag::kNoun || doc.tokens[np - 1].tag == Tag::kNum))
        --np;
      if (np == s.first_token || covered[np - 1]) continue;
      const Token& opener = doc.tokens[np - 1];
      static constexpr std::string_view kOpeners[] = {"after", "before", "since", "until", "while",
                                                      "when", "because", "once", "that", "whether"};
      bool opens = opener.tag == Tag::kSubord || opener.tag == Tag::kConj ||
                   (opener.tag == Tag::kVerb && !opener.norm.ends_with("ing")) ||
                   std::find(std::begin(kOpeners), std::end(kOpeners), opener.norm) != std::end(kOpeners);
      if (!opens) continue;
      if (!ClauseSources(doc, covered, *mentions, si, subject, &sources)) continue;
      added.push_back(OneTokenMention(si, subject, MentionKind::kOrganization, std::string(kClauseSubject)));
      covered[subject] = true;
    }
  }
  if (added.empty()) return;
  for (ActorMention& m : added) mentions->push_back(std::move(m));
  SortMentions(mentions);
}

void ClassicCoder::UseClauseSources(const Document& doc, const std::vector<ActorMention>& mentions,
                                    std::vector<Event>* raw) const {
  if (dialect_ != ClassicDialect::kTabari || raw->empty()) return;
  const Dictionary& dict = verbs_.dictionary();
  std::vector<bool> covered = CoveredTokens(doc, mentions);
  std::vector<Event> out;
  std::vector<std::tuple<uint32_t, uint32_t, std::string, std::string>> done;
  std::vector<size_t> sources;
  for (Event& ev : *raw) {
    const ClassicCode* cc = verbs_.CodesOf(ev.pattern);
    bool written = cc == nullptr;
    for (size_t i = 0; cc != nullptr && i < cc->patterns.size() && !written; ++i) {
      const Pattern& p = dict.pattern(cc->patterns[i]);
      written = p.symmetric || std::any_of(p.elements.begin(), p.elements.end(), [](const PatternElement& e) {
                  return e.kind == PatternElement::kSource;
                });
    }
    const uint32_t anchor = AnchorOf(doc, ev);
    if (written || ev.modality == "requested" || ev.source.begin >= doc.tokens[anchor].end ||
        !ClauseSources(doc, covered, mentions, ev.sentence, anchor, &sources)) {
      out.push_back(std::move(ev));
      continue;
    }
    auto at = [&](const EventActor& a) {
      for (size_t n = 0; n < mentions.size(); ++n)
        if (mentions[n].sentence == ev.sentence && doc.tokens[mentions[n].first_token].begin == a.begin) return n;
      return mentions.size();
    };
    const size_t source = at(ev.source);
    if (std::find(sources.begin(), sources.end(), source) != sources.end()) {
      out.push_back(std::move(ev));
      continue;
    }
    // The target that is the clause's source too gives way to another actor; so does
    // the one dyad found for a placeholder subject.
    size_t target = at(ev.target);
    if (ev.source.code == kClauseSubject || (target < mentions.size() && IsSourceActor(mentions, sources, target)))
      target = OtherTarget(mentions, ev.sentence, anchor, sources);
    if (target == mentions.size()) continue;
    auto key = std::make_tuple(ev.sentence, anchor, ev.pattern, mentions[target].code);
    if (std::find(done.begin(), done.end(), key) != done.end()) continue;
    done.push_back(key);
    for (size_t n : sources) {
      Event e = ev;
      e.source = ToEventActor(doc, mentions[n]);
      e.target = ToEventActor(doc, mentions[target]);
      out.push_back(std::move(e));
    }
  }
  *raw = std::move(out);
}

void ClassicCoder::CodeRequestedActs(const Document& doc, const std::vector<ActorMention>& mentions,
                                     std::vector<Event>* raw) const {
  bool any = std::any_of(raw->begin(), raw->end(), [](const Event& e) { return e.modality == "requested"; });
  if (!any) return;
  std::vector<bool> covered = CoveredTokens(doc, mentions);
  std::vector<Event> out;
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> done;  // (sentence, anchor, pattern) coded
  std::vector<size_t> sources, targets;
  for (Event& ev : *raw) {
    if (ev.modality != "requested") {
      out.push_back(std::move(ev));
      continue;
    }
    if (options_.code_by != CodeBy::kAll) continue;
    const uint32_t anchor = AnchorOf(doc, ev);
    auto key = std::make_tuple(ev.sentence, anchor, ev.pattern);
    if (std::find(done.begin(), done.end(), key) != done.end()) continue;
    done.push_back(key);
    if (!ClauseSources(doc, covered, mentions, ev.sentence, anchor, &sources)) continue;
    size_t target = OtherTarget(mentions, ev.sentence, anchor, sources);
    if (target == mentions.size()) continue;
    ListedFrom(doc, mentions, target, &targets);
    for (size_t a : sources) {
      for (size_t b : targets) {
        Event e = ev;
        e.source = ToEventActor(doc, mentions[a]);
        e.target = ToEventActor(doc, mentions[b]);
        out.push_back(std::move(e));
      }
    }
  }
  *raw = std::move(out);
}

std::vector<std::string> ClassicCoder::NestedCodesOfNegated(const Document& doc, const std::vector<Event>& raw) const {
  std::vector<std::string> out(raw.size());
  if (dialect_ != ClassicDialect::kPetrarch) return out;
  for (size_t k = 0; k < raw.size(); ++k) {
    if (!raw[k].negated) continue;
    const Sentence& s = doc.sentences[raw[k].sentence];
    const uint32_t anchor = AnchorOf(doc, raw[k]);
    // The negation belongs to the verb itself: only auxiliaries and adverbs come between
    // ("did not even ever clash"; not "won't try to clash").
    bool own = false;
    for (uint32_t t = anchor; t > s.first_token && !own;) {
      const Token& tok = doc.tokens[--t];
      if (tok.tag == Tag::kNeg || tok.norm == "not" || tok.norm == "n't" || tok.norm == "never") own = true;
      else if (tok.tag != Tag::kAux && tok.tag != Tag::kAdv) break;
    }
    if (!own) continue;
    for (uint32_t t = anchor + 1; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      if (tok.norm == "," || tok.norm == ";" || tok.tag == Tag::kSubord) break;
      if (tok.tag != Tag::kVerb) continue;
      std::string_view code = verbs_.VerbCodeOf(tok.norm);
      if (code.empty()) code = verbs_.VerbCodeOf(tok.lemma);
      if (code.empty()) continue;
      out[k] = std::string(code);
      break;
    }
  }
  return out;
}

void ClassicCoder::KeepFirstVerbs(const Document& doc, const std::vector<ActorMention>& mentions,
                                  std::vector<Event>* raw) const {
  if (raw->size() < 2) return;
  const CodeBy by = options_.code_by;
  std::vector<bool> covered = CoveredTokens(doc, mentions);
  auto ends_clause = [&](uint32_t i, uint32_t end) { return EndsClause(doc, covered, i, end); };
  std::vector<uint32_t> anchors(raw->size());
  for (size_t k = 0; k < raw->size(); ++k) anchors[k] = AnchorOf(doc, (*raw)[k]);
  // A conjunction between a verb and its target belongs to the verb's phrase
  // ("shot and wounded X"), not between two clauses.
  std::vector<bool> inside(doc.tokens.size(), false);
  for (size_t k = 0; k < raw->size(); ++k) {
    const Sentence& s = doc.sentences[(*raw)[k].sentence];
    for (uint32_t t = anchors[k] + 1; t < s.end_token && doc.tokens[t].end <= (*raw)[k].target.begin; ++t)
      inside[t] = true;
  }
  std::vector<std::pair<uint32_t, uint32_t>> keys(raw->size());  // (clause, anchor) per event
  for (size_t k = 0; k < raw->size(); ++k) {
    const Event& ev = (*raw)[k];
    const Sentence& s = doc.sentences[ev.sentence];
    uint32_t a = anchors[k];
    uint32_t clause = ev.sentence << 16;
    if (by == CodeBy::kClause)
      for (uint32_t t = s.first_token; t < a; ++t) clause += !inside[t] && ends_clause(t, s.end_token) ? 1 : 0;
    keys[k] = {clause, a};
  }
  // A dominant verb ("031!") is coded in preference to the clause's first verb.
  std::vector<bool> dominant(raw->size());
  for (size_t k = 0; k < raw->size(); ++k) {
    const ClassicCode* cc = verbs_.CodesOf((*raw)[k].pattern);
    dominant[k] = cc != nullptr && cc->dominant;
  }
  std::vector<Event> kept;
  for (size_t k = 0; k < raw->size(); ++k) {
    bool first = true;
    for (size_t j = 0; j < raw->size() && first; ++j) {
      if (keys[j].first != keys[k].first || j == k) continue;
      if (dominant[j] != dominant[k]) first = dominant[k];
      else if (keys[j].second < keys[k].second && by != CodeBy::kAll) first = false;
    }
    if (first) kept.push_back(std::move((*raw)[k]));
  }
  *raw = std::move(kept);
}

void ClassicCoder::Code(const Article& article, int32_t date, Document* doc,
                        std::vector<ActorMention>* mentions, std::vector<Event>* events,
                        std::vector<std::string>* trace, ClassicStory* story, std::string_view treebank) const {
  events->clear();
  if (date == 0) date = IsoDate(article.published);
  Document full;
  Document* analysed = options_.commas.any() ? &full : doc;
  analyzer_.Analyze(article.text, analysed);
  if (!treebank.empty()) {
    size_t n = ApplyTreebankTags(treebank, analysed);
    if (trace != nullptr && n > 0) trace->push_back(std::to_string(n) + " tokens retagged from the treebank parse");
  }
  // Sentences too short to code (counted before comma clauses are dropped).
  std::vector<bool> too_short(analysed->sentences.size(), false);
  if (options_.min_words > 0) {
    for (size_t si = 0; si < analysed->sentences.size(); ++si) {
      int n = 0;  // words as written: "didn't" and "Gondor's" are one each
      for (uint32_t t = analysed->sentences[si].first_token; t < analysed->sentences[si].end_token; ++t) {
        const Token& tok = analysed->tokens[t];
        n += tok.tag != Tag::kPunct && tok.norm.front() != '\'' && tok.norm != "n't" ? 1 : 0;
      }
      too_short[si] = n < options_.min_words;
    }
  }
  if (analysed != doc) DropCommaClauses(full, doc);
  std::vector<bool> discard;
  const bool forward = options_.forward && story != nullptr;
  std::vector<std::string> actor_codes;
  actors_.Find(*doc, date, PhraseActorOptions{options_.convert_lone_agents, options_.resolve_pronouns},
               mentions, &discard, forward ? &actor_codes : nullptr);
  if (forward) {
    std::string_view id = StoryOf(article.id);
    if (story->id != id) {
      story->id = std::string(id);
      story->forwarded.clear();
    }
    ForwardPronouns(*doc, actor_codes, mentions, &story->forwarded);
  }
  for (size_t si = 0; si < discard.size(); ++si)
    if (too_short[si]) discard[si] = true;
  if (discards_.Apply(*doc, &discard)) {
    if (trace != nullptr) trace->push_back("story discarded by the discard list");
    mentions->clear();
    return;
  }
  // Sentences to discard keep no mentions, so the coder codes nothing there.
  size_t kept = 0;
  for (size_t i = 0; i < mentions->size(); ++i) {
    if (discard[(*mentions)[i].sentence]) continue;
    if (kept != i) {
      ActorMention m = std::move((*mentions)[i]);
      // Pronoun antecedents point into the same sentence, which is kept whole.
      if (m.antecedent >= 0) m.antecedent -= static_cast<int>(i - kept);
      (*mentions)[kept] = std::move(m);
    }
    ++kept;
  }
  mentions->resize(kept);
  if (trace != nullptr)
    for (size_t s = 0; s < discard.size(); ++s)
      if (discard[s]) trace->push_back("sentence " + std::to_string(s) + " discarded (discard phrase or ###/+++ actor)");

  if (options_.defaults.any()) AddDefaultActors(*doc, discard, mentions);
  AddClauseSubjects(*doc, mentions);
  if (dialect_ == ClassicDialect::kTabari) StemUnknownWords(*mentions, doc);
  RetagUnknownVerbs(*mentions, doc);
  std::vector<Event> raw;
  coder_.Code(article, *doc, *mentions, &raw, trace);
  DropTargetsBeforeVerb(*doc, &raw);
  DropSourcesAfterActiveVerb(*doc, &raw);
  UseClauseSources(*doc, *mentions, &raw);
  CodeRequestedActs(*doc, *mentions, &raw);
  KeepFirstVerbs(*doc, *mentions, &raw);
  const std::vector<std::string> nested = NestedCodesOfNegated(*doc, raw);
  // The placeholder subjects are not the caller's mentions.
  if (std::any_of(mentions->begin(), mentions->end(), [](const ActorMention& m) { return m.code == kClauseSubject; })) {
    std::vector<int> moved_to(mentions->size(), -1);
    std::vector<ActorMention> real;
    for (size_t n = 0; n < mentions->size(); ++n) {
      if ((*mentions)[n].code == kClauseSubject) continue;
      moved_to[n] = static_cast<int>(real.size());
      real.push_back(std::move((*mentions)[n]));
    }
    for (ActorMention& m : real)
      if (m.antecedent >= 0) m.antecedent = moved_to[static_cast<size_t>(m.antecedent)];
    *mentions = std::move(real);
  }
  const Ontology& ontology = Ontology::Default();
  std::vector<std::string_view> sources, targets;
  for (size_t k = 0; k < raw.size(); ++k) {
    Event& ev = raw[k];
    const ClassicCode* cc = verbs_.CodesOf(ev.pattern);
    if (cc == nullptr || ev.source.code == kClauseSubject || ev.target.code == kClauseSubject) continue;
    SplitCodes(ev.source.code, &sources);
    SplitCodes(ev.target.code, &targets);
    auto emit = [&](std::string_view code, bool reversed) {
      for (std::string_view s : sources) {
        for (std::string_view t : targets) {
          if (s == t) continue;
          Event e = ev;
          if (reversed) std::swap(e.source, e.target);
          e.source.code = std::string(reversed ? t : s);
          e.target.code = std::string(reversed ? s : t);
          e.cameo = std::string(code);
          const CameoCode* c = ontology.Find(code);
          e.goldstein = c != nullptr ? c->goldstein : 0;
          e.quad_class = c != nullptr ? c->quad_class : 0;
          e.plover_type = c != nullptr ? c->plover_type : "";
          e.plover_mode = c != nullptr ? c->plover_mode : "";
          e.event_id = HexId(HashFields({article.id, std::to_string(e.sentence), e.cameo, e.source.code,
                                         e.target.code, e.negated ? "neg" : ""}));
          bool duplicate = std::any_of(events->begin(), events->end(),
                                       [&](const Event& x) { return x.event_id == e.event_id; });
          if (!duplicate) events->push_back(std::move(e));
        }
      }
    };
    if (!nested[k].empty()) {
      ev.negated = false;
      emit(nested[k], false);
      continue;
    }
    if (dialect_ == ClassicDialect::kPetrarch) {
      // PETRARCH 2: the active code; a verb with only a passive meaning (":071",
      // "received money from") codes it with the verb's object as the actor.
      if (!cc->forward.empty()) emit(cc->forward, false);
      else if (!cc->passive.empty()) emit(cc->passive, true);
      continue;
    }
    if (!cc->forward.empty()) emit(cc->forward, false);
    if (!cc->reverse.empty()) emit(cc->reverse, true);
  }
}

}  // namespace dyad
