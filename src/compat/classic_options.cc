#include "compat/classic_options.h"

#include <charconv>
#include <string>
#include <vector>

#include "compat/classic_format.h"

namespace dyad {
namespace {

// Upper case, one space between words, no spaces around '='.
std::string Normalize(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (c == '=') {
      out += '=';
      space = false;
      continue;
    }
    if (space && out.back() != '=') out += ' ';
    space = false;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

bool ParseInt(std::string_view s, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// "MIN=4 MAX=6 EMIN=3" -> key/value pairs; false on a malformed item.
bool KeyValues(std::string_view s, std::vector<std::pair<std::string, int>>* out) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j == i) break;
    std::string_view item = s.substr(i, j - i);
    size_t eq = item.find('=');
    int v = 0;
    if (eq == std::string_view::npos || !ParseInt(item.substr(eq + 1), &v)) return false;
    out->emplace_back(std::string(item.substr(0, eq)), v);
    i = j;
  }
  return true;
}

}  // namespace

ClassicCoderOptions ClassicCoderOptions::TabariDefaults() {
  ClassicCoderOptions o;
  o.code_by = CodeBy::kClause;
  o.min_words = 8;
  o.commas.min = 2;
  o.commas.max = 10;
  o.commas.end_min = 2;
  o.commas.end_max = 10;
  return o;
}

ClassicCoderOptions ClassicCoderOptions::PetrarchDefaults() {
  ClassicCoderOptions o;
  o.code_by = CodeBy::kAll;
  o.commas.min = 2;
  o.commas.max = 8;
  o.commas.end_min = 2;
  o.commas.end_max = 8;
  return o;
}

std::string ApplyTabariOption(std::string_view line, ClassicCoderOptions* o) {
  std::string s = Normalize(line);
  if (s.empty()) return "";
  if (s.rfind("SET:", 0) == 0) {
    std::string_view v = std::string_view(s).substr(4);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v == "CODE BY CLAUSE") o->code_by = CodeBy::kClause;
    else if (v == "CODE BY SENTENCE") o->code_by = CodeBy::kSentence;
    else if (v == "CODE ALL") o->code_by = CodeBy::kAll;
    else if (v.rfind("MINIMUM WORDS=", 0) == 0) {
      int n = 0;
      if (!ParseInt(v.substr(14), &n) || n < 0) return "bad number in '" + std::string(line) + "'";
      o->min_words = n;
    } else if (v.rfind("CONVERT AGENT=", 0) == 0) {
      std::string_view b = v.substr(14);
      if (b != "TRUE" && b != "FALSE") return "expected TRUE or FALSE in '" + std::string(line) + "'";
      o->convert_lone_agents = b == "TRUE";
    }
    return "";  // other SET: options do not concern dyad
  }
  if (s.rfind("COMMA:", 0) == 0) {
    std::string_view v = std::string_view(s).substr(6);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v == "OFF") {
      o->commas = CommaRules{};
      return "";
    }
    std::vector<std::pair<std::string, int>> kv;
    if (!KeyValues(v, &kv)) return "expected 'COMMA: MIN = n MAX = n ...' in '" + std::string(line) + "'";
    for (const auto& [k, n] : kv) {
      if (k == "MIN") o->commas.min = n;
      else if (k == "MAX") o->commas.max = n;
      else if (k == "EMIN") o->commas.end_min = n;
      else if (k == "EMAX") o->commas.end_max = n;
      else if (k == "BMIN") o->commas.begin_min = n;
      else if (k == "BMAX") o->commas.begin_max = n;
      else return "unknown COMMA setting '" + k + "'";
    }
    return "";
  }
  if (s.rfind("DEFAULT:", 0) == 0) {
    std::string_view v = std::string_view(s).substr(8);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v == "OFF") {
      o->defaults = DefaultActors{};
      return "";
    }
    // Words in order: SOURCE [code] [PRIOR] TARGET [code] [AFTER], either half optional.
    DefaultActors d = o->defaults;
    std::string* slot = nullptr;
    size_t i = 0;
    while (i < v.size()) {
      if (v[i] == ' ') { ++i; continue; }
      if (v[i] == '[') {
        size_t close = v.find(']', i);
        if (close == std::string_view::npos || slot == nullptr) return "expected 'SOURCE [CODE]' or 'TARGET [CODE]' in '" + std::string(line) + "'";
        *slot = std::string(TrimBlanks(v.substr(i + 1, close - i - 1)));
        slot = nullptr;
        i = close + 1;
        continue;
      }
      size_t j = v.find_first_of(" [", i);
      if (j == std::string_view::npos) j = v.size();
      std::string_view word = v.substr(i, j - i);
      if (word == "SOURCE") slot = &d.source;
      else if (word == "TARGET") slot = &d.target;
      else if (word == "PRIOR") d.source_prior = true;
      else if (word == "AFTER") d.target_after = true;
      else return "unknown DEFAULT setting '" + std::string(word) + "'";
      i = j;
    }
    o->defaults = d;
    return "";
  }
  if (s.rfind("FORWARD:", 0) == 0) {
    // The mask says which record-ID characters name the story; dyad takes the story
    // from the ID up to its last '-' (classic_coder.h), so only OFF matters here.
    std::string_view v = std::string_view(s).substr(8);
    o->forward = !(v.size() >= 3 && v.substr(v.size() - 3) == "OFF");
    return "";
  }
  return "";  // LABEL:, OUTPUT:, COMPLEX: ... do not concern dyad
}

void ReadTabariOptions(std::string_view text, std::string_view origin, ClassicCoderOptions* options,
                       const DiagnosticSink& diag) {
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = TrimBlanks(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line.substr(0, 2) == "//") continue;
    if (line.substr(0, 2) == "~~") break;
    std::string err = ApplyTabariOption(line, options);
    if (!err.empty() && diag)
      diag(Diagnostic{Severity::kWarning, std::string(origin) + ":" + std::to_string(line_no), err + " (ignored)"});
  }
}

void ReadPetrarchOptions(std::string_view text, std::string_view origin, ClassicCoderOptions* options,
                         const DiagnosticSink& diag) {
  bool in_options = false;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = TrimBlanks(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      in_options = line == "[Options]";
      continue;
    }
    if (!in_options) continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = TrimBlanks(line.substr(0, eq));
    std::string_view value = TrimBlanks(line.substr(eq + 1));
    if (key.substr(0, 6) != "comma_") continue;
    int n = 0;
    if (!ParseInt(value, &n)) {
      if (diag) diag(Diagnostic{Severity::kWarning, std::string(origin) + ":" + std::to_string(line_no), "expected a number for " + std::string(key) + " (ignored)"});
      continue;
    }
    CommaRules& c = options->commas;
    if (key == "comma_min") c.min = n;
    else if (key == "comma_max") c.max = n;
    else if (key == "comma_emin") c.end_min = n;
    else if (key == "comma_emax") c.end_max = n;
    else if (key == "comma_bmin") c.begin_min = n;
    else if (key == "comma_bmax") c.begin_max = n;
  }
  // PETRARCH turns a rule off with a maximum of zero.
  CommaRules& c = options->commas;
  if (c.max == 0) c.min = 1;
  if (c.end_max == 0) c.end_min = 1;
  if (c.begin_max == 0) c.begin_min = 1;
}

}  // namespace dyad
