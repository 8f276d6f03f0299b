#include "compat/verb_converter.h"

#include <algorithm>
#include <functional>
#include <utility>

#include "util/embedded_data.h"

namespace dyad {
namespace {

// A pattern expands into at most this many dyad patterns (alternatives of several words
// multiply); beyond it the rest are dropped with a warning.
constexpr size_t kMaxVariants = 64;
// Stems shorter than this match only themselves: TABARI dictionaries write function
// words ("IN", "TO", "NOT") without '_', and their stem reading is never what is meant.
constexpr size_t kMinStemToExpand = 4;
// A stem that begins more words than this is probably not meant as a stem.
constexpr size_t kMaxStemWords = 400;

void SortUnique(std::vector<std::string>* v) {
  if (!std::is_sorted(v->begin(), v->end())) std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

ClassicCode ParseClassicCode(std::string_view code, bool paired_by_voice) {
  std::string c;
  for (char ch : code)
    if (ch != '!') c += ch;
  ClassicCode out;
  out.dominant = c.size() != code.size();
  size_t colon = c.find(':');
  if (colon == std::string::npos) {
    out.forward = c;
  } else {
    out.forward = c.substr(0, colon);
    (paired_by_voice ? out.passive : out.reverse) = c.substr(colon + 1);
  }
  return out;
}

// A word element every alternative of which is a preposition.
bool IsPreposition(const PatternElement& e) {
  static constexpr std::string_view kPrepositions[] = {
      "about", "against", "among", "at", "between", "by", "for", "from", "in", "into", "of",
      "on", "onto", "over", "to", "toward", "towards", "upon", "with", "within"};
  if (!e.IsWord() || e.words.empty()) return false;
  for (const std::string& w : e.words)
    if (std::find(std::begin(kPrepositions), std::end(kPrepositions), w) == std::end(kPrepositions)) return false;
  return true;
}

bool IsNullCode(std::string_view c) {
  return c.empty() || c == "---" || c == "+++" || c.back() == '?';
}

// One word for dyad too: "didn't" and "anti-" are two dyad tokens.
bool IsSingleWord(const std::vector<PatternToken>& seq) {
  if (seq.size() != 1 || seq[0].kind != PatternToken::kWord) return false;
  std::string_view w = seq[0].word.text;
  return !(w.size() > 1 && w.back() == '-') && !(w.size() > 3 && w.substr(w.size() - 3) == "n't");
}

}  // namespace

struct ConvertedVerbs::Flat {
  const PatternToken* token;
  bool joined;
  bool singles_only;  // a kChoice of which only the one-word choices are meant
};

struct ConvertedVerbs::Shape {
  std::vector<PatternToken> phrase;     // one kVerb
  std::vector<std::string> verb_words;  // alternatives for the verb word
};

StemExpander::StemExpander(std::vector<std::string> forms) : forms_(std::move(forms)) {
  std::sort(forms_.begin(), forms_.end());
  forms_.erase(std::unique(forms_.begin(), forms_.end()), forms_.end());
}

void StemExpander::Inflect(std::string_view w, std::vector<std::string>* out) {
  std::string b(w);
  out->push_back(b);
  if (b.size() < 2) return;
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  char last = b.back();
  char before = b[b.size() - 2];
  if (last == 'y' && !vowel(before)) {
    std::string stem = b.substr(0, b.size() - 1);
    out->push_back(stem + "ies");
    out->push_back(stem + "ied");
    out->push_back(b + "ing");
    return;
  }
  bool sibilant = last == 's' || last == 'x' || last == 'z' || (last == 'h' && (before == 's' || before == 'c'));
  out->push_back(b + (sibilant ? "es" : "s"));
  if (last == 'e') {
    out->push_back(b + "d");
    if (before != 'e') out->push_back(b.substr(0, b.size() - 1) + "ing");
    else out->push_back(b + "ing");
    return;
  }
  out->push_back(b + "ed");
  out->push_back(b + "ing");
  // Consonant-vowel-consonant endings may double: stop -> stopped, stopping.
  if (b.size() >= 3 && !vowel(last) && last != 'w' && last != 'x' && last != 'y' && vowel(before) &&
      !vowel(b[b.size() - 3])) {
    out->push_back(b + last + "ed");
    out->push_back(b + last + "ing");
  }
}

const StemExpander& StemExpander::Default() {
  static const StemExpander* expander = [] {
    std::vector<std::string> forms;
    auto lines = [](std::string_view name, auto&& fn) {
      std::optional<std::string_view> data = EmbeddedFile(name);
      if (!data) return;
      size_t pos = 0;
      while (pos < data->size()) {
        size_t eol = data->find('\n', pos);
        if (eol == std::string_view::npos) eol = data->size();
        std::string_view line = data->substr(pos, eol - pos);
        pos = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        fn(line);
      }
    };
    auto first_field = [](std::string_view line) { return line.substr(0, line.find_first_of("\t ")); };
    lines("lexicon/open_class.tsv", [&](std::string_view l) { Inflect(first_field(l), &forms); });
    lines("lexicon/verbs_extra.txt", [&](std::string_view l) { Inflect(first_field(l), &forms); });
    // Irregular forms: every field, alternatives split at '/'.
    for (std::string_view name : {"lexicon/irregular_verbs.tsv", "lexicon/irregular_nouns.tsv"}) {
      lines(name, [&](std::string_view l) {
        size_t start = 0;
        while (start < l.size()) {
          size_t end = l.find_first_of("\t/", start);
          if (end == std::string_view::npos) end = l.size();
          if (end > start) forms.emplace_back(l.substr(start, end - start));
          start = end + 1;
        }
      });
    }
    return new StemExpander(std::move(forms));
  }();
  return *expander;
}

size_t StemExpander::Expand(std::string_view stem, size_t limit, std::vector<std::string>* out) const {
  auto it = std::lower_bound(forms_.begin(), forms_.end(), stem,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  size_t n = 0;
  for (; it != forms_.end() && it->size() >= stem.size() && it->compare(0, stem.size(), stem) == 0; ++it) {
    if (n < limit) out->push_back(*it);
    ++n;
  }
  return n;
}

ConvertedVerbs::ConvertedVerbs(ClassicDialect dialect, const StemExpander& stems)
    : verbs_only_(dialect == ClassicDialect::kPetrarch),
      paired_by_voice_(dialect == ClassicDialect::kPetrarch),
      strict_(dialect == ClassicDialect::kTabari),
      word_kind_(dialect == ClassicDialect::kPetrarch ? PatternElement::kWord : PatternElement::kExact),
      stems_(stems) {}

std::string_view ConvertedVerbs::VerbCodeOf(std::string_view word) const {
  auto it = verb_codes_.find(std::string(word));
  return it == verb_codes_.end() ? std::string_view() : std::string_view(it->second);
}

const ClassicCode* ConvertedVerbs::CodesOf(std::string_view text) const {
  auto it = codes_.find(std::string(text));
  return it == codes_.end() ? nullptr : &it->second;
}

void ConvertedVerbs::WordAlternatives(const PhraseWord& w, std::vector<std::string>* out) {
  switch (w.match) {
    case WordMatch::kExact:
      out->push_back(w.text);
      break;
    case WordMatch::kNounEndings:
      out->push_back(w.text);
      out->push_back(w.text + "s");
      out->push_back(w.text + "es");
      break;
    case WordMatch::kStem: {
      auto [it, fresh] = stem_cache_.try_emplace(w.text);
      if (fresh) {
        // The stem's own inflections (kept when they still begin with it), then every
        // form of the lexicon that begins with it.
        std::vector<std::string>& forms = it->second;
        std::vector<std::string> own;
        StemExpander::Inflect(w.text, &own);
        for (std::string& f : own)
          if (f.compare(0, w.text.size(), w.text) == 0) forms.push_back(std::move(f));
        if (w.text.size() >= kMinStemToExpand) {
          std::vector<std::string> words;
          if (stems_.Expand(w.text, kMaxStemWords, &words) <= kMaxStemWords)
            for (std::string& x : words) forms.push_back(std::move(x));
        }
        SortUnique(&forms);
      }
      out->insert(out->end(), it->second.begin(), it->second.end());
      break;
    }
  }
}

std::string_view ConvertedVerbs::LongestStem(std::string_view word) const {
  for (size_t n = word.size(); n >= 3; --n) {
    std::string_view prefix = word.substr(0, n);
    auto it = std::lower_bound(known_stems_.begin(), known_stems_.end(), prefix,
                               [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
    if (it != known_stems_.end() && *it == prefix) return *it;
  }
  return {};
}

size_t ConvertedVerbs::Convert(const VerbDictionary& verbs, const DiagnosticSink& diag) {
  size_t before = added_;
  // The verbs' defaults are added after every pattern: at a tie in matched words dyad
  // takes the pattern added first, and the classic coders use a default only when no
  // pattern of the verb matches.
  struct Default {
    Shape shape;
    std::string code, text, origin;
  };
  std::vector<Default> pending;
  for (const VerbGroup& g : verbs.groups()) {
    // Shapes of the group's verbs: the one-word verbs share one anchor for the patterns;
    // each multi-word verb is its own shape.
    Shape merged;
    std::vector<std::pair<Shape, std::string>> defaults;  // shape, code
    std::vector<Shape> multi;
    std::vector<std::pair<std::string, Shape>> by_code;   // one-word verbs by default code
    for (const ClassicVerb& v : g.verbs) {
      Shape s;
      s.phrase = v.phrase;
      for (const PhraseWord& f : v.forms) WordAlternatives(f, &s.verb_words);
      SortUnique(&s.verb_words);
      const std::string& code = v.code.empty() ? g.code : v.code;
      if (v.phrase.size() == 1) {
        if (merged.phrase.empty()) merged.phrase = v.phrase;
        merged.verb_words.insert(merged.verb_words.end(), s.verb_words.begin(), s.verb_words.end());
        auto it = std::find_if(by_code.begin(), by_code.end(), [&](const auto& e) { return e.first == code; });
        if (it == by_code.end()) {
          by_code.emplace_back(code, s);
        } else {
          it->second.verb_words.insert(it->second.verb_words.end(), s.verb_words.begin(), s.verb_words.end());
          SortUnique(&it->second.verb_words);
        }
      } else {
        defaults.emplace_back(s, code);
        multi.push_back(std::move(s));
      }
    }
    SortUnique(&merged.verb_words);
    for (auto& [code, s] : by_code) defaults.emplace_back(std::move(s), code);
    for (auto& [s, code] : defaults) {
      if (!IsNullCode(code))
        for (const std::string& w : s.verb_words) verb_codes_.try_emplace(w, code);
      if (IsNullCode(code) && code != "+++") continue;  // nothing to code, nothing to block
      pending.push_back(Default{std::move(s), code, code + " " + g.name, g.verbs.front().origin});
    }
    for (const ClassicPattern& p : g.patterns) {
      std::string text = p.code + " " + g.name + ": " + p.text;
      if (!merged.phrase.empty()) AddPatterns(p.tokens, merged, p.code, text, p.origin, false, diag);
      for (const Shape& s : multi) AddPatterns(p.tokens, s, p.code, text, p.origin, false, diag);
    }
  }
  std::vector<PatternToken> verb_only(1);
  verb_only[0].kind = PatternToken::kVerb;
  for (const Default& d : pending) AddPatterns(verb_only, d.shape, d.code, d.text, d.origin, true, diag);
  known_stems_.clear();
  for (const auto& [stem, forms] : stem_cache_) known_stems_.push_back(stem);
  std::sort(known_stems_.begin(), known_stems_.end());
  return added_ - before;
}

void ConvertedVerbs::AddPatterns(const std::vector<PatternToken>& tokens, const Shape& verb,
                                 std::string_view code, const std::string& text,
                                 const std::string& origin, bool root, const DiagnosticSink& diag) {
  // Expand alternatives of several words into separate variants.
  std::vector<std::vector<Flat>> variants(1);
  bool truncated = false;
  // Appends seq to every variant (recursively expanding choices).
  std::function<void(const std::vector<PatternToken>&, bool)> append =
      [&](const std::vector<PatternToken>& seq, bool first_joined) {
        bool first = true;
        for (const PatternToken& t : seq) {
          bool joined = first ? first_joined : t.joined;
          first = false;
          if (t.kind == PatternToken::kVerb) {
            bool vfirst = true;
            for (const PatternToken& vt : verb.phrase) {
              for (auto& v : variants) v.push_back(Flat{&vt, vfirst ? joined : vt.joined, false});
              vfirst = false;
            }
            continue;
          }
          if (t.kind != PatternToken::kChoice) {
            for (auto& v : variants) v.push_back(Flat{&t, joined, false});
            continue;
          }
          bool singles = false;
          std::vector<const std::vector<PatternToken>*> multis;
          for (const auto& c : t.choices) {
            if (IsSingleWord(c)) singles = true;
            else multis.push_back(&c);
          }
          if (multis.empty()) {
            for (auto& v : variants) v.push_back(Flat{&t, joined, true});
            continue;
          }
          std::vector<std::vector<Flat>> base = std::move(variants);
          std::vector<std::vector<Flat>> next;
          if (singles) {
            for (auto v : base) {
              v.push_back(Flat{&t, joined, true});
              next.push_back(std::move(v));
            }
          }
          for (const auto* c : multis) {
            variants = base;
            append(*c, joined);
            for (auto& v : variants) next.push_back(std::move(v));
            if (next.size() > kMaxVariants) {
              truncated = true;
              break;
            }
          }
          variants = std::move(next);
          if (variants.size() > kMaxVariants) {
            variants.resize(kMaxVariants);
            truncated = true;
          }
        }
      };
  append(tokens, false);
  if (truncated && diag)
    diag(Diagnostic{Severity::kWarning, origin,
                    "alternatives expand to more than " + std::to_string(kMaxVariants) +
                        " patterns; the rest are not used"});
  for (const auto& v : variants) AddFlat(v, verb, code, text, origin, root);
}

void ConvertedVerbs::AddFlat(const std::vector<Flat>& flat, const Shape& verb, std::string_view code,
                             const std::string& text, const std::string& origin, bool root) {
  Pattern p;
  p.text = text;
  p.origin = origin;
  bool has_anchor = false;
  auto last_kind = [&]() { return p.elements.empty() ? PatternElement::kGap : p.elements.back().kind; };
  auto is_slot = [](PatternElement::Kind k) { return k == PatternElement::kSource || k == PatternElement::kTarget; };
  auto gap = [&]() {
    if (!p.elements.empty() && last_kind() != PatternElement::kGap) {
      PatternElement e;
      e.kind = PatternElement::kGap;
      p.elements.push_back(std::move(e));
    }
  };
  for (size_t i = 0; i < flat.size(); ++i) {
    const PatternToken& t = *flat[i].token;
    bool joined = flat[i].joined;
    PatternElement e;
    bool anchor = false;
    switch (t.kind) {
      case PatternToken::kWord: {
        // "didn't" is two tokens for dyad: "did" "not".
        std::string_view w = t.word.text;
        // "anti-" is two tokens for dyad: "anti" "-".
        if (w.size() > 1 && w.back() == '-') {
          if (!joined) gap();
          PatternElement a;
          a.kind = word_kind_;
          a.words.emplace_back(w.substr(0, w.size() - 1));
          a.adjacent = strict_ && joined && !p.elements.empty() && p.elements.back().IsWord();
          p.elements.push_back(std::move(a));
          e.kind = word_kind_;
          e.words.emplace_back("-");
          joined = true;
        } else if (w.size() > 3 && w.substr(w.size() - 3) == "n't") {
          if (!joined) gap();
          PatternElement a;
          a.kind = word_kind_;
          a.words.emplace_back(w.substr(0, w.size() - 3));
          a.adjacent = strict_ && joined && !p.elements.empty() && p.elements.back().IsWord();
          p.elements.push_back(std::move(a));
          e.kind = word_kind_;
          e.words.emplace_back("not");  // dyad normalises "n't" to "not"
          joined = true;
        } else if (w == "n't") {
          e.kind = word_kind_;
          e.words.emplace_back("not");
        } else {
          e.kind = word_kind_;
          WordAlternatives(t.word, &e.words);
        }
        break;
      }
      case PatternToken::kChoice:
        e.kind = word_kind_;
        for (const auto& c : t.choices)
          if (IsSingleWord(c)) WordAlternatives(c[0].word, &e.words);
        break;
      case PatternToken::kVerb:
        e.kind = word_kind_;
        e.words = verb.verb_words;
        anchor = true;
        break;
      case PatternToken::kSource:
        e.kind = PatternElement::kSource;
        break;
      case PatternToken::kCompound:
        e.kind = PatternElement::kSource;
        p.symmetric = true;
        break;
      case PatternToken::kTarget:
        e.kind = PatternElement::kTarget;
        break;
      case PatternToken::kSkip: {
        // One word or one actor: nothing else between it and its neighbours.
        PatternElement skip;
        skip.kind = PatternElement::kSkip;
        p.elements.push_back(std::move(skip));
        continue;
      }
    }
    if (e.IsWord() && e.words.empty()) return;
    if (e.IsWord()) SortUnique(&e.words);
    // PETRARCH: an actor slot after a noun's preposition is that preposition's object
    // ("* ATTACK ON +" is an attack on the actor, not an attack on Thursday ... the
    // actor). After the verb's own preposition ("* IN $") other words may come between.
    if (verbs_only_ && is_slot(e.kind) && p.elements.size() >= 2 && IsPreposition(p.elements.back())) {
      size_t before = p.elements.size() - 2;
      if (p.elements[before].kind == PatternElement::kGap && before > 0) --before;
      if (p.elements[before].IsWord() && !(has_anchor && before == p.anchor)) joined = true;
    }
    // A space lets other words come between; a slot right before the verb stays
    // adjacent so that dyad takes it as the verb's subject.
    if (!joined && !(anchor && is_slot(last_kind())) && last_kind() != PatternElement::kSkip) gap();
    if (anchor && !has_anchor) {
      p.anchor = static_cast<uint32_t>(p.elements.size());
      has_anchor = true;
    }
    // TABARI's '_': no word may come between ("ECONOMIC_SANCTIONS").
    e.adjacent = strict_ && joined && e.IsWord() && !p.elements.empty() && p.elements.back().IsWord();
    p.elements.push_back(std::move(e));
  }
  while (!p.elements.empty() && p.elements.back().kind == PatternElement::kGap) p.elements.pop_back();
  if (!has_anchor) return;
  // More words win; at equal words a pattern beats the verb's bare default (the classic
  // coders use the default only when no pattern matches); then the first listed wins.
  for (const PatternElement& e : p.elements) p.specificity += e.IsWord() ? 2 : 0;
  if (!root) p.specificity += 1;
  p.verb_only = verbs_only_;
  // PETRARCH codes a list subject with no object as events among its members ("X and Y
  // agree that ..."): dyad does that for symmetric patterns.
  if (verbs_only_ && std::none_of(p.elements.begin(), p.elements.end(),
                                  [](const PatternElement& e) { return e.kind == PatternElement::kTarget; }))
    p.symmetric = true;

  ClassicCode cc = ParseClassicCode(code, paired_by_voice_);
  if (code == "###") {
    // Any sentence with these words, in order, is not coded.
    std::vector<PatternElement> words;
    for (PatternElement& e : p.elements)
      if (e.IsWord()) words.push_back(std::move(e));
    p.elements = std::move(words);
    p.anchor = 0;
    p.action = Pattern::kDiscardSentence;
    p.code = "DISCARD-SENTENCE";
  } else if (IsNullCode(code) || (cc.forward.empty() && cc.reverse.empty() && cc.passive.empty())) {
    p.action = Pattern::kDiscard;
    p.code = "DISCARD";
  } else {
    p.action = Pattern::kEvent;
    p.code = std::string(kPlaceholderCode);
  }
  bool event = p.action == Pattern::kEvent;
  uint32_t id = dictionary_.Add(std::move(p));
  if (event) codes_.emplace(text, std::move(cc)).first->second.patterns.push_back(id);
  ++added_;
}

}  // namespace dyad
