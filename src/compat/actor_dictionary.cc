#include "compat/actor_dictionary.h"

#include <utility>

namespace dyad {
namespace {

// Splits "PHRASE [A] [B <950101]" into the phrase and the insides of its code blocks.
// Returns "" or an error message.
std::string SplitCodes(std::string_view line, std::string_view* phrase,
                       std::vector<std::string_view>* blocks) {
  size_t open = line.find('[');
  *phrase = TrimBlanks(line.substr(0, open));
  blocks->clear();
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) return "unclosed '[' in code block";
    blocks->push_back(line.substr(open + 1, close - open - 1));
    size_t next = line.find('[', close);
    std::string_view between = TrimBlanks(line.substr(close + 1, next == std::string_view::npos ? std::string_view::npos : next - close - 1));
    if (!between.empty()) return "unexpected text '" + std::string(between) + "' after a code block";
    open = next;
  }
  return "";
}

void Report(const DiagnosticSink& diag, std::string_view origin, size_t line, const std::string& msg) {
  if (diag) diag(Diagnostic{Severity::kError, std::string(origin) + ":" + std::to_string(line), msg});
}

bool IsSpecialCode(std::string_view c) { return c == "---" || c == "###" || c == "+++"; }

std::string CheckActorCode(std::string_view code) {
  if (IsSpecialCode(code)) return "";
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/';
    if (!ok) return "bad character '" + std::string(1, c) + "' in actor code '" + std::string(code) + "'";
  }
  return "";
}

// PETRARCH's regular plural of a phrase: its last word + S, ES or IES.
std::string Plural(std::string_view phrase) {
  std::string p(phrase);
  while (!p.empty() && p.back() == '_') p.pop_back();
  if (p.empty()) return p;
  auto ends = [&](std::string_view e) {
    return p.size() >= e.size() && p.compare(p.size() - e.size(), e.size(), e) == 0;
  };
  char last = p.back();
  if ((last == 'Y' || last == 'y') && p.size() > 1 &&
      std::string_view("AEIOUaeiou").find(p[p.size() - 2]) == std::string_view::npos) {
    p.pop_back();
    return p + "IES";
  }
  if (ends("S") || ends("SH") || ends("CH") || ends("X") || ends("Z")) return p + "ES";
  return p + "S";
}

}  // namespace

std::string_view ActorEntry::CodeOn(int32_t date) const {
  if (date != 0) {
    for (const ActorCode& c : codes)
      if (!c.dates.unrestricted() && c.dates.Contains(date)) return c.code;
  }
  for (const ActorCode& c : codes)
    if (c.dates.unrestricted()) return c.code;
  // Unknown date and only restricted codes: the first one listed.
  if (date == 0 && !codes.empty()) return codes.front().code;
  return {};
}

size_t ActorDictionary::ReadActors(std::string_view text, std::string_view origin,
                                   ClassicDialect dialect, const DiagnosticSink& diag) {
  size_t added = 0;
  ActorEntry pending;
  size_t pending_line = 0;
  auto flush = [&]() {
    if (pending.phrases.empty()) return;
    if (pending.codes.empty()) {
      Report(diag, origin, pending_line, "actor has no code (entry skipped)");
    } else {
      actors.push_back(std::move(pending));
      ++added;
    }
    pending = ActorEntry{};
  };
  ClassicLines lines(text, dialect);
  std::string_view line;
  size_t line_no = 0;
  std::string section;  // inside <NOUN> ... </NOUN> and the like: not actors
  std::vector<std::string_view> blocks;
  while (lines.Next(&line, &line_no)) {
    std::string_view t = TrimBlanks(line);
    if (t.empty()) continue;
    if (t.substr(0, 2) == "~~") break;  // TABARI end-of-file marker
    if (!section.empty()) {
      if (t == "</" + section + ">") section.clear();
      continue;
    }
    if (t.front() == '<') {
      size_t close = t.find('>');
      if (close != std::string_view::npos && t[1] != '/') section = std::string(t.substr(1, close - 1));
      continue;
    }
    bool continuation = line.front() == ' ' || line.front() == '\t' || t.front() == '[';
    std::string_view phrase;
    std::string error = SplitCodes(t, &phrase, &blocks);
    if (!error.empty()) {
      Report(diag, origin, line_no, error + " (line skipped)");
      continue;
    }
    if (t.front() == '+') {
      phrase = TrimBlanks(phrase.substr(1));
    } else if (!continuation) {
      // A new root. An uncoded root before it takes the codes that follow (PETRARCH
      // lets several phrases share one code block).
      if (!pending.codes.empty()) flush();
    }
    if (!phrase.empty()) {
      std::vector<PhraseWord> words = SplitPhrase(phrase, dialect);
      if (words.empty()) {
        Report(diag, origin, line_no, "empty actor phrase (line skipped)");
        continue;
      }
      if (pending.phrases.empty()) {
        pending.origin = std::string(origin) + ":" + std::to_string(line_no);
        pending_line = line_no;
      }
      pending.phrases.push_back(std::move(words));
    } else if (!blocks.empty() && pending.phrases.empty()) {
      Report(diag, origin, line_no, "code block without an actor phrase (line skipped)");
      continue;
    }
    for (std::string_view b : blocks) {
      ActorCode c;
      std::string err = ParseCodeBlock(b, &c.code, &c.dates);
      if (err.empty()) err = CheckActorCode(c.code);
      if (!err.empty()) {
        Report(diag, origin, line_no, err + " (code skipped)");
        continue;
      }
      pending.codes.push_back(std::move(c));
    }
  }
  flush();
  return added;
}

size_t ActorDictionary::ReadAgents(std::string_view text, std::string_view origin,
                                   ClassicDialect dialect, const DiagnosticSink& diag) {
  size_t added = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;
  ClassicLines lines(text, dialect);
  std::string_view line;
  size_t line_no = 0;
  std::vector<std::string_view> blocks;
  while (lines.Next(&line, &line_no)) {
    std::string_view t = TrimBlanks(line);
    if (t.empty()) continue;
    if (t.substr(0, 2) == "~~") break;
    auto report = [&](const std::string& msg) { Report(diag, origin, line_no, msg + " (line skipped)"); };
    // "!PERSON! = MAN, MEN, WOMAN": a marker that stands for each of the words.
    if (t.front() == '!' && t.find('=') != std::string_view::npos) {
      size_t eq = t.find('=');
      std::string name(TrimBlanks(t.substr(0, eq)));
      if (name.size() < 3 || name.back() != '!') {
        report("expected '!NAME! = WORD, WORD'");
        continue;
      }
      std::vector<std::string> words;
      std::string_view rest = t.substr(eq + 1);
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string_view w = TrimBlanks(rest.substr(0, comma));
        if (!w.empty()) words.emplace_back(w);
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
      }
      substitutions.emplace_back(std::move(name), std::move(words));
      continue;
    }
    std::string_view phrase;
    std::string error = SplitCodes(t, &phrase, &blocks);
    if (!error.empty()) { report(error); continue; }
    if (blocks.size() != 1) { report("expected one code block, e.g. [~GOV]"); continue; }
    // "{PLURALS}" after the phrase: the plural forms ("{}" = none); else regular ones.
    bool explicit_plurals = false;
    std::vector<std::string> forms;
    if (size_t brace = phrase.find('{'); brace != std::string_view::npos) {
      size_t close = phrase.find('}', brace);
      if (close == std::string_view::npos) { report("unclosed '{'"); continue; }
      explicit_plurals = true;
      std::string_view inside = phrase.substr(brace + 1, close - brace - 1);
      size_t i = 0;
      while (i < inside.size()) {
        while (i < inside.size() && (inside[i] == ' ' || inside[i] == '\t')) ++i;
        size_t j = i;
        while (j < inside.size() && inside[j] != ' ' && inside[j] != '\t') ++j;
        if (j > i) forms.emplace_back(inside.substr(i, j - i));
        i = j;
      }
      phrase = TrimBlanks(phrase.substr(0, brace));
    }
    if (phrase.empty()) { report("agent without a phrase"); continue; }
    std::string code(TrimBlanks(blocks[0]));
    AgentEntry a;
    a.origin = std::string(origin) + ":" + std::to_string(line_no);
    if (code.size() >= 2 && code.front() == '~') {
      a.code = TrimBlanks(std::string_view(code).substr(1));
    } else if (code.size() >= 2 && code.back() == '~') {
      a.code = TrimBlanks(std::string_view(code).substr(0, code.size() - 1));
      a.prefix = true;
    } else {
      report("agent code '" + code + "' needs '~' before or after it");
      continue;
    }
    if (std::string err = CheckActorCode(a.code); !err.empty() || IsSpecialCode(a.code)) {
      report(err.empty() ? "agent code cannot be '" + a.code + "'" : err);
      continue;
    }
    // Expand substitution markers, then add plurals.
    std::vector<std::string> variants{std::string(phrase)};
    for (const auto& [name, words] : substitutions) {
      std::vector<std::string> next;
      for (const std::string& v : variants) {
        if (v.find(name) == std::string::npos) { next.push_back(v); continue; }
        for (const std::string& w : words) {
          std::string x = v;
          for (size_t at = x.find(name); at != std::string::npos; at = x.find(name, at + w.size()))
            x.replace(at, name.size(), w);
          next.push_back(std::move(x));
        }
      }
      variants = std::move(next);
    }
    bool unknown_marker = false;
    for (const std::string& v : variants)
      if (size_t b = v.find('!'); b != std::string::npos && v.find('!', b + 1) != std::string::npos) unknown_marker = true;
    if (unknown_marker) { report("unknown !MARKER! in '" + std::string(phrase) + "'"); continue; }
    std::vector<std::string> all = variants;
    if (dialect == ClassicDialect::kPetrarch) {
      if (explicit_plurals) {
        for (const std::string& f : forms) all.push_back(f);
      } else {
        for (const std::string& v : variants) all.push_back(Plural(v));
      }
    } else {
      for (const std::string& f : forms) all.push_back(f);
    }
    for (const std::string& v : all) {
      std::vector<PhraseWord> words = SplitPhrase(v, dialect);
      if (!words.empty()) a.phrases.push_back(std::move(words));
    }
    if (a.phrases.empty()) { report("empty agent phrase"); continue; }
    agents.push_back(std::move(a));
    ++added;
  }
  return added;
}

}  // namespace dyad
