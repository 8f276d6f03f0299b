#include "ingest/dateline.h"

#include <array>

#include "ingest/date_normalizer.h"
#include "ingest/text_scan.h"

namespace dyad {
namespace {

using namespace scan;

constexpr size_t kMaxPlaceBytes = 40;

bool IsPlaceParticle(std::string_view w) {
  static constexpr std::array<std::string_view, 15> kParticles = {
      "de", "del", "da", "do", "dos", "es", "al", "el", "la", "le", "of", "upon", "sur", "am", "an"};
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// True for a non-ASCII byte that may belong to a letter: anything but the General
// Punctuation block (E2 80 xx: dashes, quotes, spaces), which separates words.
bool IsNonAsciiLetterByte(std::string_view s, size_t i) {
  if (!IsNonAscii(s[i])) return false;
  const auto b = static_cast<unsigned char>(s[i]);
  if (b == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return false;
  if (b >= 0x80 && b < 0xC0 && i >= 1 && static_cast<unsigned char>(s[i - 1]) == 0xE2) {
    return false;  // the second byte of such a sequence
  }
  return true;
}

bool IsLetterAt(std::string_view s, size_t i) {
  return IsAsciiLetter(s[i]) || IsNonAsciiLetterByte(s, i);
}

// End of the word at i: letters (non-ASCII letters included), "." (St., Mo., D.C.),
// "'" and "-" when a letter follows ("Al-Hasakah", not "SANA- ").
size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    const char c = s[i];
    if (IsLetterAt(s, i) || c == '.') {
      ++i;
    } else if ((c == '-' || c == '\'') && i + 1 < s.size() && IsLetterAt(s, i + 1)) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Words that do not occur in place names but open sentences and headings written in
// capitals ("ACCORDING TO A LAST-MINUTE REPORT -", "TWO MISSIONARIES --").
bool IsSentenceWord(std::string_view w) {
  static constexpr std::array<std::string_view, 44> kWords = {
      "a", "an", "to", "in", "on", "at", "by", "for", "and", "with", "from", "as", "is",
      "was", "are", "were", "be", "this", "that", "these", "it", "he", "she", "they", "we",
      "our", "its", "his", "her", "has", "have", "had", "not", "no", "but", "or", "after",
      "before", "two", "three", "four", "five", "according", "said"};
  for (std::string_view k : kWords) {
    if (EqualsIgnoreCase(w, k)) return true;
  }
  return false;
}

// A place name at p: capitalised words joined by single spaces, with lower-case
// particles inside ("Rio de Janeiro"). Returns its end, or p when there is none or
// the words read as a sentence or a byline rather than a place.
size_t ScanPlace(std::string_view s, size_t p, bool* all_upper) {
  size_t end = p;
  size_t i = p;
  int words = 0;
  int letters = 0;
  int capital_words = 0;  // "DALLAS"
  int title_words = 0;    // "Capsules"
  while (words < 6 && i < s.size()) {
    const bool capital = IsUpper(s[i]) || IsNonAsciiLetterByte(s, i);
    const size_t j = WordEnd(s, i);
    if (j == i) break;
    const std::string_view w = s.substr(i, j - i);
    if (!capital) {
      // A particle counts only between capitalised words.
      if (words == 0 || !IsPlaceParticle(w) || j + 1 >= s.size() || s[j] != ' ' ||
          !IsUpper(s[j + 1])) {
        break;
      }
    } else if (IsSentenceWord(w) || (words == 0 && EqualsIgnoreCase(w, "by"))) {
      return p;
    }
    int word_letters = 0;
    bool word_lower = false;
    for (char c : w) {
      if (IsLower(c)) word_lower = true;
      if (IsAsciiLetter(c)) ++word_letters;
    }
    if (capital && word_letters >= 3) ++(word_lower ? title_words : capital_words);
    letters += word_letters;
    ++words;
    end = j;
    if (end - p > kMaxPlaceBytes) return p;
    const bool more = j + 1 < s.size() && s[j] == ' ' && IsLetterAt(s, j + 1);
    // "Raymond. BOSTON": a period after a long word ends a sentence, not an abbreviation.
    if (more && w.back() == '.' && w.size() > 4) return p;
    if (!more) break;
    i = j + 1;
  }
  if (capital_words > 0 && title_words > 0) return p;  // "NBA Capsules DALLAS"
  *all_upper = title_words == 0 && letters >= 2;
  return end;
}

// Length of a dateline separator at q ("--", "-", em dash, en dash, "_", ":"), or 0.
size_t SeparatorLength(std::string_view s, size_t q, char* kind) {
  if (q >= s.size()) return 0;
  if (s.compare(q, 2, "--") == 0) {
    *kind = '-';
    return 2;
  }
  if (s.compare(q, 3, "\xE2\x80\x94") == 0 || s.compare(q, 3, "\xE2\x80\x93") == 0) {
    *kind = 'm';  // em or en dash
    return 3;
  }
  if (s[q] == '-' || s[q] == '_' || s[q] == ':') {
    *kind = s[q];
    return 1;
  }
  return 0;
}

// Title-cases the all-caps words of one comma-separated part of a place when it has
// a long one: "WASHINGTON" -> "Washington", "DAR ES SALAAM" -> "Dar Es Salaam",
// "AL-QAMISHLI" -> "Al-Qamishli"; "USA", "D.C.", "N.Y." and mixed case stay as written.
void TitleCasePart(std::string& out, size_t begin, size_t end) {
  struct Word {
    size_t begin, end;
    bool upper;
    int letters;
    bool dotted;
  };
  Word words[8];
  size_t count = 0;
  bool has_long = false;
  for (size_t i = begin; i < end && count < 8;) {
    size_t j = i;
    while (j < end && out[j] != ' ') ++j;
    Word w{i, j, true, 0, false};
    for (size_t k = i; k < j; ++k) {
      if (IsAsciiLetter(out[k])) ++w.letters;
      if (IsLower(out[k])) w.upper = false;
      if (out[k] == '.' && k + 1 < j) w.dotted = true;
    }
    has_long |= w.upper && !w.dotted && w.letters >= 4;
    words[count++] = w;
    i = j + 1;
  }
  if (!has_long) return;
  for (size_t n = 0; n < count; ++n) {
    const Word& w = words[n];
    if (!w.upper || w.dotted || w.letters < 2) continue;
    bool start = true;
    for (size_t k = w.begin; k < w.end; ++k) {
      if (IsAsciiLetter(out[k])) {
        if (!start) out[k] = ToLower(out[k]);
        start = false;
      } else if (out[k] == '-' || out[k] == '\'') {
        start = true;
      }
    }
  }
}

std::string TitleCaseUpperWords(std::string_view place) {
  std::string out(place);
  size_t begin = 0;
  while (begin < out.size()) {
    size_t end = out.find(',', begin);
    if (end == std::string::npos) end = out.size();
    TitleCasePart(out, begin, end);
    begin = end + 1;
    while (begin < out.size() && out[begin] == ' ') ++begin;
  }
  return out;
}

// An outlet credit inside parentheses: "Reuters", "AP", "MENAFN- AzerNews".
bool LooksLikeCredit(std::string_view c) {
  if (c.empty() || c.size() > 50 || !IsUpper(c[0])) return false;
  for (char ch : c) {
    if (!(IsAsciiLetter(ch) || IsDigit(ch) || IsNonAscii(ch) || ch == ' ' || ch == '-' ||
          ch == '.' || ch == '&' || ch == '\'')) {
      return false;
    }
  }
  return true;
}

}  // namespace

void SplitOutletCredit(std::string_view credit, std::string* outlet, std::string* distributor) {
  credit = Trim(credit);
  for (size_t i = 1; i + 1 < credit.size(); ++i) {
    if (credit[i] == '-' && (credit[i + 1] == ' ' || credit[i - 1] == ' ')) {
      const std::string_view left = Trim(credit.substr(0, i));
      const std::string_view right = Trim(credit.substr(i + 1));
      if (!left.empty() && !right.empty()) {
        *distributor = std::string(left);
        *outlet = std::string(right);
        return;
      }
    }
  }
  *outlet = std::string(credit);
}

std::optional<Dateline> ParseDateline(std::string_view s) {
  bool upper = false;
  size_t p = ScanPlace(s, 0, &upper);
  if (p == 0) return std::nullopt;
  Dateline d;
  std::string place(s.substr(0, p));
  bool has_outlet = false;
  bool has_date = false;
  bool has_region = false;
  bool separator_done = false;

  // ", Region", ", Dec. 30", ", Dec 30, 2024", ", SANA-"
  while (!separator_done && p + 1 < s.size() && s[p] == ',' && s[p + 1] == ' ') {
    const size_t q = p + 2;
    // "SANA- ": an agency name glued to the separator.
    size_t t = q;
    int capitals = 0;
    while (t < s.size() && (IsAsciiLetter(s[t]) || IsDigit(s[t]))) capitals += IsUpper(s[t++]);
    if (t > q && IsUpper(s[q]) && capitals >= 2 && t < s.size() && s[t] == '-' &&
        (t + 1 == s.size() || IsSpace(s[t + 1]))) {
      d.outlet = std::string(s.substr(q, t - q));
      has_outlet = separator_done = true;
      p = t + 1;
      break;
    }
    if (!has_date) {
      size_t r = q;
      while (r < s.size() && r - q < 20 && s[r] != ',' && s[r] != '(' && s[r] != '\n' &&
             s[r] != '-' && s[r] != '_' && s[r] != ':' && !IsNonAscii(s[r])) {
        ++r;
      }
      const std::string_view segment = TrimRight(s.substr(q, r - q));
      if (!segment.empty() && ParseMonthDay(segment)) {
        has_date = true;
        p = q + segment.size();
        // ", 2024" completes it.
        if (p + 6 <= s.size() && s[p] == ',' && s[p + 1] == ' ' && IsDigit(s[p + 2]) &&
            IsDigit(s[p + 3]) && IsDigit(s[p + 4]) && IsDigit(s[p + 5]) &&
            (p + 6 == s.size() || !IsDigit(s[p + 6]))) {
          d.published = NormalizeDate(s.substr(q, p + 6 - q));
          if (!d.published.empty()) p += 6;
        }
        if (d.published.empty()) d.day = std::string(segment);
        continue;
      }
    }
    if (!has_date && !has_region && !has_outlet) {
      bool region_upper = false;
      const size_t e = ScanPlace(s, q, &region_upper);
      if (e > q) {
        place.append(s.substr(p, e - p));
        has_region = true;
        p = e;
        continue;
      }
    }
    break;
  }

  // "(Reuters)"
  if (!has_outlet) {
    size_t q = p;
    if (q < s.size() && s[q] == ' ') ++q;
    if (q < s.size() && s[q] == '(') {
      const size_t close = s.find(')', q);
      if (close != std::string_view::npos && close - q <= 52 &&
          LooksLikeCredit(s.substr(q + 1, close - q - 1))) {
        SplitOutletCredit(s.substr(q + 1, close - q - 1), &d.outlet, &d.distributor);
        has_outlet = true;
        p = close + 1;
      }
    }
  }

  if (!separator_done) {
    size_t q = p;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
    char kind = 0;
    const size_t len = SeparatorLength(s, q, &kind);
    // No dash, no dateline: "PATRIOTIC UNION (UP) PRESIDENT ..." opens a sentence.
    if (len == 0) return std::nullopt;
    // "_" marks a dateline only after an all-caps place; ":" only beside an outlet or
    // a date: "ATTENTION:", "RESULTS:", "Update:" open ordinary text.
    if (kind == '_' && !upper && !has_outlet) return std::nullopt;
    if (kind == ':' && ((!has_outlet && !has_date) || q != p)) return std::nullopt;
    p = q + len;
    if (p < s.size() && !IsSpace(s[p]) && !(kind == 'm' && upper)) {
      return std::nullopt;
    }
  }
  if (!has_outlet && !has_date && !upper) return std::nullopt;

  while (p < s.size() && IsSpace(s[p])) ++p;
  d.place = TitleCaseUpperWords(place);
  d.length = p;
  return d;
}

}  // namespace dyad
