#include "compat/classic_format.h"

namespace dyad {

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool WordMatches(const PhraseWord& w, std::string_view t) {
  switch (w.match) {
    case WordMatch::kExact:
      return t == w.text;
    case WordMatch::kStem:
      return t.size() >= w.text.size() && t.compare(0, w.text.size(), w.text) == 0;
    case WordMatch::kNounEndings:
      if (t.size() < w.text.size() || t.compare(0, w.text.size(), w.text) != 0) return false;
      t.remove_prefix(w.text.size());
      return t.empty() || t == "s" || t == "es" || t == "'s";
  }
  return false;
}

std::vector<PhraseWord> SplitPhrase(std::string_view phrase, ClassicDialect dialect) {
  std::vector<PhraseWord> out;
  bool joined = false;
  size_t i = 0;
  while (i < phrase.size()) {
    char c = phrase[i];
    if (c == ' ' || c == '\t') {
      joined = false;
      ++i;
      continue;
    }
    if (c == '_' || c == '-') {
      // A connector before any word ("_X") joins nothing; a dangling one is a marker
      // handled below.
      ++i;
      continue;
    }
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ' && phrase[j] != '\t' && phrase[j] != '_' &&
           !(phrase[j] == '-' && j + 1 < phrase.size() && phrase[j + 1] != ' ' && phrase[j + 1] != '_'))
      ++j;
    PhraseWord w;
    w.text = LowerAscii(phrase.substr(i, j - i));
    // PETRARCH phrases are word sequences: a space joins as '_' does.
    w.joined = (joined || dialect == ClassicDialect::kPetrarch) && !out.empty();
    bool exact_marker = false;
    bool no_endings = false;
    if (!w.text.empty() && w.text.back() == '=') {
      w.text.pop_back();
      no_endings = true;
    }
    if (j < phrase.size() && (phrase[j] == '_' || phrase[j] == '-')) {
      exact_marker = true;
    }
    if (w.text.empty()) {
      i = j;
      continue;
    }
    if (dialect == ClassicDialect::kPetrarch) {
      w.match = WordMatch::kExact;
    } else if (no_endings) {
      w.match = WordMatch::kExact;
    } else if (exact_marker) {
      // '_' after the word: exact; at the end of the phrase regular noun endings are
      // still allowed ("LIBYA_" matches "libyas"), inside a phrase the connector binds.
      size_t k = j + 1;
      bool last = k >= phrase.size() || phrase[k] == ' ' || phrase[k] == '\t';
      w.match = last ? WordMatch::kNounEndings : WordMatch::kExact;
    } else {
      w.match = WordMatch::kStem;
    }
    out.push_back(std::move(w));
    joined = j < phrase.size() && (phrase[j] == '_' || phrase[j] == '-');
    i = j;
  }
  return out;
}

ClassicLines::ClassicLines(std::string_view text, ClassicDialect dialect)
    : text_(text), dialect_(dialect) {}

bool ClassicLines::Next(std::string_view* out, size_t* line_no) {
  if (pos_ >= text_.size()) return false;
  size_t eol = text_.find('\n', pos_);
  if (eol == std::string_view::npos) eol = text_.size();
  std::string_view line = text_.substr(pos_, eol - pos_);
  pos_ = eol + 1;
  *line_no = ++line_no_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  if (in_xml_comment_) {
    size_t close = line.find("-->");
    if (close == std::string_view::npos) {
      *out = {};
      return true;
    }
    in_xml_comment_ = false;
    line = line.substr(close + 3);
  }
  std::string_view t = TrimBlanks(line);
  if (t.substr(0, 2) == "<!") {
    size_t close = t.find("-->");
    if (close == std::string_view::npos) in_xml_comment_ = true;
    *out = {};
    return true;
  }
  if (!t.empty() && t.front() == '#') {
    *out = {};
    return true;
  }
  // The comment character outside brackets ("[###]" is a code, not a comment).
  char comment = dialect_ == ClassicDialect::kTabari ? ';' : '#';
  int depth = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if (depth == 0 && (c == comment || (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')))) {
      line = line.substr(0, i);
      break;
    }
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  *out = line;
  return true;
}

int32_t ParseClassicDate(std::string_view s) {
  if (s.size() != 6 && s.size() != 8) return 0;
  int32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  if (s.size() == 6) {
    int32_t yy = v / 10000;
    v += (yy < 30 ? 20000000 : 19000000);
  }
  int32_t month = (v / 100) % 100, day = v % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return v;
}

std::string ParseCodeBlock(std::string_view inside, std::string* code, DateRange* range) {
  *range = DateRange{};
  std::string_view s = TrimBlanks(inside);
  size_t i = 0;
  while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '<' && s[i] != '>') ++i;
  std::string_view c = s.substr(0, i);
  // A date alone ("[991201-010114]") is a code block without a code.
  if (c.empty() || (c[0] >= '0' && c[0] <= '9' && c.find('-') != std::string_view::npos &&
                    c.size() >= 13))
    return "code block without a code: [" + std::string(inside) + "]";
  *code = std::string(c);
  std::string_view rest = TrimBlanks(s.substr(i));
  if (rest.empty()) return "";
  std::string compact;
  for (char ch : rest)
    if (ch != ' ' && ch != '\t') compact += ch;
  std::string_view r = compact;
  if (r[0] == '<' || r[0] == '>') {
    int32_t d = ParseClassicDate(r.substr(1));
    if (d == 0) return "bad date '" + std::string(r.substr(1)) + "' in [" + std::string(inside) + "]";
    if (r[0] == '<') range->to = d - 1;
    else range->from = d + 1;
    return "";
  }
  size_t dash = r.find('-');
  if (dash == std::string_view::npos)
    return "expected '<date', '>date' or 'date-date' in [" + std::string(inside) + "]";
  int32_t a = ParseClassicDate(r.substr(0, dash));
  int32_t b = ParseClassicDate(r.substr(dash + 1));
  if (a == 0 || b == 0 || b < a) return "bad date range in [" + std::string(inside) + "]";
  range->from = a;
  range->to = b;
  return "";
}

}  // namespace dyad
