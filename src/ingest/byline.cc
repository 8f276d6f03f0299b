#include "ingest/byline.h"

#include <array>

#include "ingest/text_scan.h"

namespace dyad {
namespace {

using namespace scan;

// Lower-case words that occur inside names: "Ruaa al-Jazaeri", "Ursula von der Leyen".
bool IsNameParticle(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kParticles = {
      "al", "el", "bin", "bint", "ibn", "abu", "ben", "de", "da", "di", "do", "dos",
      "das", "del", "della", "van", "von", "der", "den", "le", "la", "du"};
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// "Doe", "JANE", "O'Neil", "al-Jazaeri", "Q.", "Émile" (non-ASCII lead taken as a letter).
bool IsNameWord(std::string_view w, bool* capitalised) {
  *capitalised = false;
  if (w.empty()) return false;
  if (IsNameParticle(w)) return true;
  const size_t dash = w.find('-');
  if (dash != std::string_view::npos && dash > 0 && IsNameParticle(w.substr(0, dash))) {
    w = w.substr(dash + 1);  // "al-Jazaeri" -> "Jazaeri"
    if (w.empty()) return false;
  }
  if (!IsUpper(w[0]) && !IsNonAscii(w[0])) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    const char c = w[i];
    if (IsAsciiLetter(c) || IsNonAscii(c) || c == '\'' || c == '-') continue;
    // A period only after an initial: "Q.", "J.R."
    if (c == '.' && IsUpper(w[i - 1]) && (i == 1 || w[i - 2] == '.')) continue;
    return false;
  }
  *capitalised = true;
  return true;
}

}  // namespace

bool LooksLikeNames(std::string_view s, int min_capitalised) {
  s = Trim(s);
  if (s.size() < 3 || s.size() > 100) return false;
  int capitalised = 0;
  int words = 0;
  int words_in_name = 0;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '/' || c == ',' || c == '&') {
      if (words_in_name == 0) return false;  // separator without a name before it
      words_in_name = 0;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '/' && s[j] != ',' &&
           s[j] != '&') {
      ++j;
    }
    const std::string_view w = s.substr(i, j - i);
    i = j;
    if (w == "and") {
      if (words_in_name == 0) return false;
      words_in_name = 0;
      continue;
    }
    bool cap = false;
    if (!IsNameWord(w, &cap)) return false;
    capitalised += cap ? 1 : 0;
    if (++words > 12 || ++words_in_name > 5) return false;
  }
  return words_in_name > 0 && capitalised >= min_capitalised;
}

std::optional<std::string_view> ParseLeadingByline(std::string_view line) {
  line = Trim(line);
  if (line.size() > 120 || !(line.substr(0, 3) == "By " || line.substr(0, 3) == "BY ")) {
    return std::nullopt;
  }
  const std::string_view names = Trim(line.substr(3));
  if (!LooksLikeNames(names, 1)) return std::nullopt;
  return names;
}

std::optional<std::string_view> ParseTrailingByline(std::string_view line) {
  line = Trim(line);
  // Wire credit: "(Reporting by Jane Doe in Beirut; Editing by John Roe)"
  std::string_view inner = line;
  if (inner.size() >= 2 && inner.front() == '(' && inner.back() == ')') {
    inner = Trim(inner.substr(1, inner.size() - 2));
  }
  static constexpr std::array<std::string_view, 7> kCredits = {
      "Reporting by ", "Additional reporting by ", "Writing by ", "Written by ",
      "Editing by ", "Compiled by ", "Reported by "};
  for (std::string_view credit : kCredits) {
    if (inner.size() <= 250 && StartsWithIgnoreCase(inner, credit) &&
        inner.find('\n') == std::string_view::npos) {
      return inner;
    }
  }
  if (line.size() > 80 || !LooksLikeNames(line, 2)) return std::nullopt;
  return line;
}

bool IsWireEndMark(std::string_view line) {
  static constexpr std::array<std::string_view, 10> kMarks = {
      "Reuter", "REUTER", "Enditem", "ENDITEM", "(END)", "END", "-END-", "- END -", "###", "-30-"};
  line = Trim(line);
  for (std::string_view m : kMarks) {
    if (line == m) return true;
  }
  return false;
}

}  // namespace dyad
