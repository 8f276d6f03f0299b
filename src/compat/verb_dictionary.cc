#include "compat/verb_dictionary.h"

#include <algorithm>
#include <utility>

namespace dyad {
namespace {

constexpr int kMaxSynsetDepth = 4;

void Report(const DiagnosticSink& diag, const std::string& where, const std::string& msg) {
  if (diag) diag(Diagnostic{Severity::kError, where, msg});
}

std::string Where(std::string_view origin, size_t line) {
  return std::string(origin) + ":" + std::to_string(line);
}

bool IsWordChar(char c) {
  return c != ' ' && c != '\t' && c != '_' && c != '{' && c != '}' && c != '(' && c != ')' &&
         c != '|' && c != '*' && c != '[' && c != ']';
}

// Splits "PATTERN [CODE]" at its last code block. Returns "" or an error.
std::string SplitPatternCode(std::string_view line, std::string_view* pattern, std::string* code) {
  size_t open = line.rfind('[');
  if (open == std::string_view::npos) return "pattern has no [code]";
  size_t close = line.find(']', open);
  if (close == std::string_view::npos) return "unclosed '[' in the code";
  if (!TrimBlanks(line.substr(close + 1)).empty())
    return "unexpected text after the code: '" + std::string(TrimBlanks(line.substr(close + 1))) + "'";
  std::string c;
  for (char ch : line.substr(open + 1, close - open - 1))
    if (ch != ' ' && ch != '\t') c += ch;
  if (c.empty()) return "empty code []";
  for (char ch : c) {
    bool ok = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
              ch == ':' || ch == '-' || ch == '#' || ch == '+' || ch == '!' || ch == '?';
    if (!ok) return "bad character '" + std::string(1, ch) + "' in code [" + c + "]";
  }
  *code = std::move(c);
  *pattern = TrimBlanks(line.substr(0, open));
  return "";
}

// Finds the bracket closing the one at `open` (same kind, nesting counted).
size_t Closing(std::string_view s, size_t open) {
  char o = s[open];
  char c = o == '{' ? '}' : ')';
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == o) ++depth;
    else if (s[i] == c && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// The words of a verb line ("WIRE_+TAP", "+BREAK_DOWN", "LASH OUT", "CALLED_ON"): the
// verb is the word after '+', else the first. Sets *verb_index; words keep their case.
struct VerbWords {
  std::vector<std::string> words;
  std::vector<bool> joined;     // joined to the previous word
  std::vector<bool> connector;  // followed by '_' (TABARI: exact, regular forms)
  size_t verb = 0;
  bool equals = false;          // verb word ended in '=' (TABARI: no other forms)
};

VerbWords SplitVerbWords(std::string_view s) {
  VerbWords v;
  bool joined = false;
  bool plus = false;
  bool have_plus = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') { joined = false; ++i; continue; }
    if (c == '_') { joined = true; ++i; continue; }
    if (c == '+') { plus = true; ++i; continue; }
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '_' && s[j] != '+') ++j;
    std::string w(s.substr(i, j - i));
    bool eq = !w.empty() && w.back() == '=';
    if (eq) w.pop_back();
    if (!w.empty()) {
      if (plus && !have_plus) { v.verb = v.words.size(); have_plus = true; }
      if (v.words.size() == v.verb) v.equals = eq;
      v.words.push_back(std::move(w));
      v.joined.push_back(joined && v.words.size() > 1);
      v.connector.push_back(j < s.size() && s[j] == '_');
    }
    plus = false;
    joined = false;
    i = j;
  }
  return v;
}

void AddForm(std::vector<PhraseWord>* forms, std::string text, WordMatch m) {
  for (const PhraseWord& f : *forms)
    if (f.text == text && f.match == m) return;
  PhraseWord w;
  w.text = std::move(text);
  w.match = m;
  forms->push_back(std::move(w));
}

// A ClassicVerb from the words of a verb line; forms of the verb word per dialect.
ClassicVerb MakeVerb(const VerbWords& vw, ClassicDialect dialect, std::string origin) {
  ClassicVerb v;
  v.origin = std::move(origin);
  for (size_t k = 0; k < vw.words.size(); ++k) {
    PatternToken t;
    t.joined = vw.joined[k];
    if (k == vw.verb) {
      t.kind = PatternToken::kVerb;
    } else {
      t.kind = PatternToken::kWord;
      t.word.text = LowerAscii(vw.words[k]);
      bool tabari_stem = dialect == ClassicDialect::kTabari && !vw.connector[k];
      t.word.match = tabari_stem ? WordMatch::kStem : WordMatch::kExact;
      t.word.joined = t.joined;
    }
    v.phrase.push_back(std::move(t));
  }
  std::string base = LowerAscii(vw.words[vw.verb]);
  if (dialect == ClassicDialect::kTabari) {
    if (vw.equals) {
      AddForm(&v.forms, base, WordMatch::kExact);
    } else if (vw.connector[vw.verb]) {
      for (std::string& f : VerbDictionary::TabariRegularForms(base)) AddForm(&v.forms, std::move(f), WordMatch::kExact);
    } else {
      AddForm(&v.forms, base, WordMatch::kStem);
    }
  } else {
    AddForm(&v.forms, base, WordMatch::kExact);
  }
  return v;
}

}  // namespace

std::vector<std::string> VerbDictionary::TabariRegularForms(std::string_view base) {
  std::string b = LowerAscii(base);
  std::vector<std::string> out{b, b + "s", b + "es"};
  bool e = !b.empty() && b.back() == 'e';
  std::string stem = e ? b.substr(0, b.size() - 1) : b;
  out.push_back(stem + "ed");
  out.push_back(stem + "en");
  out.push_back(stem + "ing");
  return out;
}

std::vector<std::string> VerbDictionary::PetrarchRegularForms(std::string_view base) {
  std::string b = LowerAscii(base);
  std::vector<std::string> out{b};
  if (b.empty()) return out;
  auto ends = [&](std::string_view e) {
    return b.size() >= e.size() && b.compare(b.size() - e.size(), e.size(), e) == 0;
  };
  bool consonant_y = ends("y") && b.size() > 1 && std::string_view("aeiou").find(b[b.size() - 2]) == std::string_view::npos;
  if (consonant_y) {
    std::string stem = b.substr(0, b.size() - 1);
    out.push_back(stem + "ies");
    out.push_back(stem + "ied");
  } else if (ends("s") || ends("sh") || ends("ch") || ends("x") || ends("z")) {
    out.push_back(b + "es");
    out.push_back(b + "ed");
  } else if (ends("e")) {
    out.push_back(b + "s");
    out.push_back(b + "d");
  } else {
    out.push_back(b + "s");
    out.push_back(b + "ed");
  }
  out.push_back(ends("e") && !ends("ee") ? b.substr(0, b.size() - 1) + "ing" : b + "ing");
  return out;
}

std::string VerbDictionary::ParsePattern(std::string_view s, ClassicDialect dialect,
                                         std::vector<PatternToken>* out, int depth) const {
  if (depth > kMaxSynsetDepth) return "synonym sets nested too deeply (a set that contains itself?)";
  bool joined = false;
  size_t i = 0;
  auto push = [&](PatternToken t) {
    t.joined = joined && !out->empty();
    if (t.kind == PatternToken::kWord) t.word.joined = t.joined;
    out->push_back(std::move(t));
    joined = false;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') { joined = false; ++i; continue; }
    if (c == '_') { joined = true; ++i; continue; }
    PatternToken t;
    switch (c) {
      case '*': t.kind = PatternToken::kVerb; push(std::move(t)); ++i; continue;
      case '$': t.kind = PatternToken::kSource; push(std::move(t)); ++i; continue;
      case '+': t.kind = PatternToken::kTarget; push(std::move(t)); ++i; continue;
      case '%': t.kind = PatternToken::kCompound; push(std::move(t)); ++i; continue;
      case '^': t.kind = PatternToken::kSkip; push(std::move(t)); ++i; continue;
      case ')': case '}': case '|': case ']': case '[':
        return "unexpected '" + std::string(1, c) + "'";
      default: break;
    }
    if (c == '&') {
      size_t j = i + 1;
      while (j < s.size() && ((s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9'))) ++j;
      std::string name(s.substr(i + 1, j - i - 1));
      auto it = synsets_.find(name);
      if (it == synsets_.end()) return "unknown synonym set '&" + name + "'";
      t.kind = PatternToken::kChoice;
      for (const std::string& m : it->second.members) {
        std::vector<PatternToken> seq;
        std::string err = ParsePattern(m, dialect, &seq, depth + 1);
        if (!err.empty()) return "in &" + name + ": " + err;
        if (!seq.empty()) t.choices.push_back(std::move(seq));
      }
      if (t.choices.empty()) return "synonym set '&" + name + "' is empty";
      push(std::move(t));
      i = j;
      continue;
    }
    if (c == '{' || c == '(') {
      size_t close = Closing(s, i);
      if (close == std::string_view::npos) return "unclosed '" + std::string(1, c) + "'";
      std::string_view inside = s.substr(i + 1, close - i - 1);
      if (c == '{' && inside.find('|') != std::string_view::npos) {
        // TABARI alternatives: { A | B_C }
        t.kind = PatternToken::kChoice;
        size_t start = 0;
        while (start <= inside.size()) {
          size_t bar = inside.find('|', start);
          if (bar == std::string_view::npos) bar = inside.size();
          std::vector<PatternToken> seq;
          std::string err = ParsePattern(inside.substr(start, bar - start), dialect, &seq, depth);
          if (!err.empty()) return err;
          if (seq.empty()) return "empty alternative in { | }";
          t.choices.push_back(std::move(seq));
          start = bar + 1;
        }
        push(std::move(t));
      } else {
        // PETRARCH phrase groups: (PP words) and {NP words}: their words sit together.
        std::vector<PatternToken> seq;
        std::string err = ParsePattern(inside, dialect, &seq, depth);
        if (!err.empty()) return err;
        bool first = true;
        for (PatternToken& g : seq) {
          if (!first) {
            g.joined = true;
            if (g.kind == PatternToken::kWord) g.word.joined = true;
          }
          if (first) {
            g.joined = joined && !out->empty();
            if (g.kind == PatternToken::kWord) g.word.joined = g.joined;
          }
          first = false;
          out->push_back(std::move(g));
        }
        joined = false;
      }
      i = close + 1;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsWordChar(s[j])) ++j;
    std::string w = LowerAscii(s.substr(i, j - i));
    bool stem_mark = !w.empty() && w.back() == '~';
    if (stem_mark) w.pop_back();
    if (w.empty()) return "empty word";
    t.kind = PatternToken::kWord;
    t.word.text = std::move(w);
    if (dialect == ClassicDialect::kPetrarch) {
      t.word.match = WordMatch::kExact;
    } else if (stem_mark) {
      t.word.match = WordMatch::kStem;
    } else {
      t.word.match = j < s.size() && s[j] == '_' ? WordMatch::kExact : WordMatch::kStem;
    }
    push(std::move(t));
    i = j;
  }
  return "";
}

void VerbDictionary::ResolvePatterns(ClassicDialect dialect, const DiagnosticSink& diag) {
  for (RawPattern& r : raw_) {
    ClassicPattern p;
    p.code = std::move(r.code);
    p.origin = std::move(r.origin);
    p.text = r.text;
    std::string err = ParsePattern(r.text, dialect, &p.tokens, 0);
    if (err.empty()) {
      int verbs = 0;
      for (const PatternToken& t : p.tokens) verbs += t.kind == PatternToken::kVerb;
      if (verbs != 1) err = verbs == 0 ? "pattern has no '*' for the verb" : "pattern has more than one '*'";
    }
    if (!err.empty()) {
      Report(diag, p.origin, err + " (pattern skipped)");
      continue;
    }
    groups_[r.group].patterns.push_back(std::move(p));
  }
  raw_.clear();
}

size_t VerbDictionary::ReadTabari(std::string_view text, std::string_view origin,
                                  const DiagnosticSink& diag) {
  size_t first_group = groups_.size();
  size_t count = 0;
  ClassicLines lines(text, ClassicDialect::kTabari);
  std::string_view line;
  size_t line_no = 0;
  std::string section;
  Synset* synset = nullptr;
  bool have_group = false;
  while (lines.Next(&line, &line_no)) {
    std::string_view t = TrimBlanks(line);
    if (t.empty()) continue;
    std::string where = Where(origin, line_no);
    if (t.substr(0, 2) == "~~") break;
    if (t.front() == '<') {
      size_t close = t.find('>');
      if (close == std::string_view::npos) {
        Report(diag, where, "unclosed '<' (line skipped)");
        continue;
      }
      std::string tag(t.substr(1, close - 1));
      if (!tag.empty() && tag[0] == '/') {
        section.clear();
        synset = nullptr;
      } else {
        section = tag;
      }
      continue;
    }
    if (section == "SYNSETS") {
      if (t.front() == '&') {
        std::string name(TrimBlanks(t.substr(1)));
        while (!name.empty() && name.back() == '_') name.pop_back();
        synset = &synsets_[name];
        synset->members.clear();
        synset->origin = where;
      } else if (t.front() == '+' && synset != nullptr) {
        synset->members.emplace_back(TrimBlanks(t.substr(1)));
      } else {
        Report(diag, where, "expected '&NAME' or '+PHRASE' in <SYNSETS> (line skipped)");
      }
      continue;
    }
    if (!section.empty()) continue;  // <TIME> and other blocks dyad does not use
    if (t.front() == '-') {
      if (!have_group) {
        Report(diag, where, "pattern before any verb (line skipped)");
        continue;
      }
      RawPattern r;
      std::string_view pat;
      std::string err = SplitPatternCode(t.substr(1), &pat, &r.code);
      if (!err.empty()) {
        Report(diag, where, err + " (line skipped)");
        continue;
      }
      r.text = std::string(pat);
      r.origin = where;
      r.group = groups_.size() - 1;
      raw_.push_back(std::move(r));
      ++count;
      continue;
    }
    if (t.front() == '{') {
      // Irregular forms of the verb above: { BROKE_ BROKEN_ BROKEN_DOWN_ }.
      size_t close = t.find('}');
      if (!have_group || close == std::string_view::npos) {
        Report(diag, where, have_group ? "unclosed '{' (line skipped)" : "forms before any verb (line skipped)");
        continue;
      }
      VerbGroup& g = groups_.back();
      std::string_view inside = t.substr(1, close - 1);
      size_t i = 0;
      while (i < inside.size()) {
        while (i < inside.size() && (inside[i] == ' ' || inside[i] == '\t')) ++i;
        size_t j = i;
        while (j < inside.size() && inside[j] != ' ' && inside[j] != '\t') ++j;
        if (j > i) {
          VerbWords vw = SplitVerbWords(inside.substr(i, j - i));
          if (vw.words.size() == 1) {
            std::string f = LowerAscii(vw.words[0]);
            AddForm(&g.verbs.front().forms, f, vw.connector[0] || vw.equals ? WordMatch::kExact : WordMatch::kStem);
          } else if (!vw.words.empty()) {
            ClassicVerb v = MakeVerb(vw, ClassicDialect::kTabari, where);
            v.forms.clear();
            std::string f = LowerAscii(vw.words[vw.verb]);
            AddForm(&v.forms, f, WordMatch::kExact);
            g.verbs.push_back(std::move(v));
          }
        }
        i = j;
      }
      continue;
    }
    // A verb root: PHRASE [code]
    std::string_view phrase;
    std::string code;
    std::string err = SplitPatternCode(t, &phrase, &code);
    if (err.empty() && phrase.empty()) err = "verb without words";
    if (!err.empty()) {
      Report(diag, where, err + " (verb skipped)");
      have_group = false;
      continue;
    }
    VerbWords vw = SplitVerbWords(phrase);
    if (vw.words.empty()) {
      Report(diag, where, "verb without words (verb skipped)");
      have_group = false;
      continue;
    }
    VerbGroup g;
    g.name = std::string(phrase);
    g.code = code;
    g.verbs.push_back(MakeVerb(vw, ClassicDialect::kTabari, where));
    groups_.push_back(std::move(g));
    have_group = true;
    ++count;
  }
  (void)first_group;
  ResolvePatterns(ClassicDialect::kTabari, diag);
  return count;
}

size_t VerbDictionary::ReadPetrarch(std::string_view text, std::string_view origin,
                                    const DiagnosticSink& diag) {
  size_t count = 0;
  ClassicLines lines(text, ClassicDialect::kPetrarch);
  std::string_view line;
  size_t line_no = 0;
  Synset* synset = nullptr;
  bool have_group = false;
  bool warned_transformations = false;
  while (lines.Next(&line, &line_no)) {
    std::string_view t = TrimBlanks(line);
    std::string where = Where(origin, line_no);
    if (t.empty()) continue;  // blank or comment: a synonym set goes on after it
    if (t.front() == '&') {
      std::string name(TrimBlanks(t.substr(1)));
      bool plurals = true;
      while (!name.empty() && name.back() == '_') { name.pop_back(); plurals = false; }
      if (name.empty()) {
        Report(diag, where, "synonym set without a name (line skipped)");
        continue;
      }
      synset = &synsets_[name];
      synset->members.clear();
      synset->plurals = plurals;
      synset->origin = where;
      continue;
    }
    if (synset != nullptr && t.front() == '+') {
      synset->members.emplace_back(TrimBlanks(t.substr(1)));
      continue;
    }
    synset = nullptr;
    if (t.front() == '~') {
      // PETRARCH 2 transformation rules ("~ a (a b ATTACK) SAY = a b 015") rewrite
      // events of embedded clauses; dyad codes reported speech by grammar instead.
      if (!warned_transformations) {
        if (diag) diag(Diagnostic{Severity::kWarning, where, "transformation rules are not used by dyad (ignored)"});
        warned_transformations = true;
      }
      continue;
    }
    if (t.substr(0, 3) == "---") {
      // --- NAME [code] ---
      std::string_view inner = TrimBlanks(t.substr(3));
      if (inner.size() >= 3 && inner.substr(inner.size() - 3) == "---") inner = TrimBlanks(inner.substr(0, inner.size() - 3));
      size_t open = inner.find('[');
      size_t close = open == std::string_view::npos ? open : inner.find(']', open);
      if (open == std::string_view::npos || close == std::string_view::npos) {
        Report(diag, where, "expected '--- VERB [code] ---' (block skipped)");
        have_group = false;
        continue;
      }
      std::string_view pat;
      std::string code;
      std::string err = SplitPatternCode(inner.substr(0, close + 1), &pat, &code);
      if (!err.empty() || pat.empty()) {
        Report(diag, where, (err.empty() ? "verb block without a name" : err) + " (block skipped)");
        have_group = false;
        continue;
      }
      VerbGroup g;
      g.name = std::string(pat);
      g.code = code;
      groups_.push_back(std::move(g));
      have_group = true;
      continue;
    }
    if (!have_group) {
      Report(diag, where, "line outside a '--- VERB [code] ---' block (line skipped)");
      continue;
    }
    VerbGroup& g = groups_.back();
    if (t.front() == '-') {
      RawPattern r;
      std::string_view pat;
      std::string err = SplitPatternCode(t.substr(1), &pat, &r.code);
      if (!err.empty()) {
        Report(diag, where, err + " (line skipped)");
        continue;
      }
      r.text = std::string(pat);
      r.origin = where;
      r.group = groups_.size() - 1;
      raw_.push_back(std::move(r));
      ++count;
      continue;
    }
    // A verb of the block: WORDS {FORMS} [code]
    bool after_patterns = !raw_.empty() && raw_.back().group == groups_.size() - 1;
    if (after_patterns) {
      Report(diag, where, "verb line after the block's patterns (line skipped)");
      continue;
    }
    std::string_view rest = t;
    std::string code;
    if (rest.back() == ']') {
      std::string_view pat;
      std::string err = SplitPatternCode(rest, &pat, &code);
      if (!err.empty()) {
        Report(diag, where, err + " (line skipped)");
        continue;
      }
      rest = pat;
    }
    std::vector<std::string> listed;
    bool has_list = false;
    if (size_t brace = rest.find('{'); brace != std::string_view::npos) {
      size_t close = rest.find('}', brace);
      if (close == std::string_view::npos) {
        Report(diag, where, "unclosed '{' (line skipped)");
        continue;
      }
      has_list = true;
      std::string_view inside = rest.substr(brace + 1, close - brace - 1);
      size_t i = 0;
      while (i < inside.size()) {
        while (i < inside.size() && (inside[i] == ' ' || inside[i] == '\t')) ++i;
        size_t j = i;
        while (j < inside.size() && inside[j] != ' ' && inside[j] != '\t') ++j;
        if (j > i) listed.emplace_back(inside.substr(i, j - i));
        i = j;
      }
      rest = TrimBlanks(rest.substr(0, brace));
    }
    VerbWords vw = SplitVerbWords(rest);
    if (vw.words.empty()) {
      Report(diag, where, "verb without words (line skipped)");
      continue;
    }
    ClassicVerb v = MakeVerb(vw, ClassicDialect::kPetrarch, where);
    v.code = code;
    std::string base = LowerAscii(vw.words[vw.verb]);
    if (!has_list) {
      for (std::string& f : PetrarchRegularForms(base)) AddForm(&v.forms, std::move(f), WordMatch::kExact);
    }
    for (const std::string& f : listed) {
      VerbWords fw = SplitVerbWords(f);
      if (fw.words.empty()) continue;
      AddForm(&v.forms, LowerAscii(fw.words[fw.verb]), WordMatch::kExact);
    }
    g.verbs.push_back(std::move(v));
    ++count;
  }
  ResolvePatterns(ClassicDialect::kPetrarch, diag);
  return count;
}

}  // namespace dyad
