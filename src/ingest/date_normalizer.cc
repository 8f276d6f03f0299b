#include "ingest/date_normalizer.h"

#include <array>
#include <cstdio>
#include <vector>

namespace dyad {
namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string_view text;
  size_t begin = 0;
  size_t end = 0;
  int value = 0;        // numbers: their value (when at most 9 digits)
  int digits = 0;       // numbers: how many digits
  bool ordinal = false; // "9th"
  bool time = false;    // part of a clock time "15:01:01.79"
  bool used = false;    // part of the date found
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t{};
    t.begin = i;
    if (IsDigit(c)) {
      t.kind = Token::kNumber;
      while (i < s.size() && IsDigit(s[i])) {
        if (t.digits < 9) t.value = t.value * 10 + (s[i] - '0');
        ++t.digits;
        ++i;
      }
      // Ordinal suffix: "9th", "1st", "22nd", "3rd".
      if (i + 1 < s.size() && IsAsciiLetter(s[i]) && IsAsciiLetter(s[i + 1]) &&
          (i + 2 >= s.size() || !IsAsciiLetter(s[i + 2]))) {
        const std::string_view suffix = s.substr(i, 2);
        if (EqualsIgnoreCase(suffix, "st") || EqualsIgnoreCase(suffix, "nd") ||
            EqualsIgnoreCase(suffix, "rd") || EqualsIgnoreCase(suffix, "th")) {
          t.ordinal = true;
          i += 2;
        }
      }
    } else if (IsAsciiLetter(c)) {
      t.kind = Token::kWord;
      while (i < s.size() && IsAsciiLetter(s[i])) ++i;
    } else {
      t.kind = Token::kPunct;
      ++i;
    }
    t.end = i;
    t.text = s.substr(t.begin, t.end - t.begin);
    out.push_back(t);
  }
  return out;
}

bool IsPunct(const std::vector<Token>& t, size_t i, char c) {
  return i < t.size() && t[i].kind == Token::kPunct && t[i].text[0] == c;
}

// Marks clock times: 15:01, 15:01:01, 15:01:01.79 (and the odd "605:12:19.12").
void MarkTimes(std::vector<Token>& t) {
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i].kind != Token::kNumber || !IsPunct(t, i + 1, ':') ||
        t[i + 2].kind != Token::kNumber) {
      continue;
    }
    size_t j = i + 2;
    t[i].time = t[i + 1].time = t[j].time = true;
    while (j + 2 < t.size() && (IsPunct(t, j + 1, ':') || IsPunct(t, j + 1, '.')) &&
           t[j + 2].kind == Token::kNumber && t[j + 1].begin == t[j].end) {
      t[j + 1].time = t[j + 2].time = true;
      j += 2;
    }
    i = j;
  }
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && IsLeapYear(y)) return 29;
  return kDays[static_cast<size_t>(m - 1)];
}

bool ValidDate(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

std::string FormatIso(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct DateMatch {
  int year = 0, month = 0, day = 0;
  size_t first = 0, last = 0;  // token range [first, last]
};

bool Num(const std::vector<Token>& t, size_t i, int min_digits, int max_digits) {
  return i < t.size() && t[i].kind == Token::kNumber && !t[i].time &&
         t[i].digits >= min_digits && t[i].digits <= max_digits;
}

int Month(const std::vector<Token>& t, size_t i) {
  if (i >= t.size() || t[i].kind != Token::kWord) return 0;
  return MonthFromName(t[i].text);
}

// Index after an optional separator between the parts of a written date.
size_t SkipSeparator(const std::vector<Token>& t, size_t i) {
  if (IsPunct(t, i, '-') || IsPunct(t, i, ',') || IsPunct(t, i, '.') || IsPunct(t, i, '/')) {
    return i + 1;
  }
  return i;
}

bool Adjacent(const std::vector<Token>& t, size_t i) { return t[i].end == t[i + 1].begin; }

// Tries each date form starting at token i.
bool MatchAt(const std::vector<Token>& t, size_t i, DateMatch* m) {
  // 2024-12-30, 2024/12/30, 2024.12.30
  if (Num(t, i, 4, 4) && i + 4 < t.size() && t[i + 1].kind == Token::kPunct &&
      (IsPunct(t, i + 1, '-') || IsPunct(t, i + 1, '/') || IsPunct(t, i + 1, '.')) &&
      Num(t, i + 2, 1, 2) && IsPunct(t, i + 3, t[i + 1].text[0]) && Num(t, i + 4, 1, 2) &&
      Adjacent(t, i) && Adjacent(t, i + 1) && Adjacent(t, i + 2) && Adjacent(t, i + 3)) {
    *m = {t[i].value, t[i + 2].value, t[i + 4].value, i, i + 4};
    return ValidDate(m->year, m->month, m->day);
  }
  // 2016 Oct 10
  if (Num(t, i, 4, 4)) {
    const size_t mi = SkipSeparator(t, i + 1);
    if (const int month = Month(t, mi)) {
      const size_t di = SkipSeparator(t, mi + 1);
      if (Num(t, di, 1, 2)) {
        *m = {t[i].value, month, t[di].value, i, di};
        return ValidDate(m->year, m->month, m->day);
      }
    }
    return false;
  }
  if (Num(t, i, 1, 2)) {
    // 26-FEB-1987, 30 December 2024, 9th Oct. 2012
    const size_t mi = SkipSeparator(t, i + 1);
    if (const int month = Month(t, mi)) {
      const size_t yi = SkipSeparator(t, mi + 1);
      if (Num(t, yi, 4, 4)) {
        *m = {t[yi].value, month, t[i].value, i, yi};
        return ValidDate(m->year, m->month, m->day);
      }
      return false;
    }
    // 12/30/2024 (US order) and 30.12.2024 (day first)
    if (i + 4 < t.size() && (IsPunct(t, i + 1, '/') || IsPunct(t, i + 1, '.')) &&
        Num(t, i + 2, 1, 2) && IsPunct(t, i + 3, t[i + 1].text[0]) && Num(t, i + 4, 4, 4) &&
        Adjacent(t, i) && Adjacent(t, i + 1) && Adjacent(t, i + 2) && Adjacent(t, i + 3)) {
      int month = t[i].value, day = t[i + 2].value;
      if (t[i + 1].text[0] == '.' || month > 12) std::swap(month, day);
      *m = {t[i + 4].value, month, day, i, i + 4};
      return ValidDate(m->year, m->month, m->day);
    }
    return false;
  }
  // December 30, 2024; Dec. 30 2024; December 9th 2016
  if (const int month = Month(t, i)) {
    const size_t di = SkipSeparator(t, i + 1);
    if (Num(t, di, 1, 2)) {
      const size_t yi = SkipSeparator(t, di + 1);
      if (Num(t, yi, 4, 4)) {
        *m = {t[yi].value, month, t[di].value, i, yi};
        return ValidDate(m->year, m->month, m->day);
      }
    }
  }
  return false;
}

bool FindDate(std::vector<Token>& t, DateMatch* m) {
  // A bare 20241230, alone or before a "T" time.
  if (!t.empty() && t[0].kind == Token::kNumber && t[0].digits == 8 &&
      (t.size() == 1 || (t[1].kind == Token::kWord && t[1].text == "T" && Adjacent(t, 0)))) {
    *m = {t[0].value / 10000, t[0].value / 100 % 100, t[0].value % 100, 0, 0};
    return ValidDate(m->year, m->month, m->day);
  }
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].time) continue;
    if (MatchAt(t, i, m)) return true;
  }
  return false;
}

bool IsWeekday(std::string_view w) {
  static constexpr std::array<std::string_view, 17> kDays = {
      "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur",
      "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"};
  for (std::string_view d : kDays) {
    if (EqualsIgnoreCase(w, d)) return true;
  }
  return false;
}

// Words a date string may carry besides the date itself.
bool IsDateNoiseWord(std::string_view w, bool has_time) {
  if (IsWeekday(w) || EqualsIgnoreCase(w, "at") || EqualsIgnoreCase(w, "on")) return true;
  if (!has_time) return false;
  if (EqualsIgnoreCase(w, "am") || EqualsIgnoreCase(w, "pm") || EqualsIgnoreCase(w, "a") ||
      EqualsIgnoreCase(w, "p") || EqualsIgnoreCase(w, "m")) {
    return true;
  }
  // Time zones and the ISO "T": ET, EST, GMT, UTC, Z, T.
  if (w.size() > 5) return false;
  for (char c : w) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

bool OnlyDateNoiseLeft(const std::vector<Token>& t, const DateMatch& m) {
  bool has_time = false;
  for (const Token& tok : t) has_time |= tok.time;
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if ((i >= m.first && i <= m.last) || tok.time) continue;
    switch (tok.kind) {
      case Token::kPunct:
        if (std::string_view(",.|-:+()/").find(tok.text[0]) == std::string_view::npos) {
          return false;
        }
        break;
      case Token::kWord:
        if (!IsDateNoiseWord(tok.text, has_time)) return false;
        break;
      case Token::kNumber:
        // A zone offset after a time: "-05", "+0300".
        if (!(has_time && i > 0 && (IsPunct(t, i - 1, '-') || IsPunct(t, i - 1, '+')) &&
              (tok.digits == 2 || tok.digits == 4))) {
          return false;
        }
        break;
    }
  }
  return true;
}

}  // namespace

int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kNames = {
      "jan", "january", "feb", "february", "mar", "march", "apr", "april",
      "may", "may", "jun", "june", "jul", "july", "aug", "august",
      "sep", "september", "oct", "october", "nov", "november", "dec", "december"};
  if (word.size() < 3) return 0;
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (EqualsIgnoreCase(word, kNames[i])) return static_cast<int>(i / 2 + 1);
  }
  if (EqualsIgnoreCase(word, "sept")) return 9;
  return 0;
}

std::string NormalizeDate(std::string_view raw) {
  std::vector<Token> t = Tokenize(raw);
  MarkTimes(t);
  DateMatch m;
  if (!FindDate(t, &m)) return "";
  return FormatIso(m.year, m.month, m.day);
}

std::string NormalizeDateStrict(std::string_view raw) {
  std::vector<Token> t = Tokenize(raw);
  MarkTimes(t);
  DateMatch m;
  if (!FindDate(t, &m) || !OnlyDateNoiseLeft(t, m)) return "";
  return FormatIso(m.year, m.month, m.day);
}

std::optional<MonthDay> ParseMonthDay(std::string_view raw) {
  std::vector<Token> t = Tokenize(raw);
  size_t i = 0;
  int month = 0, day = 0;
  if (const int mo = Month(t, 0)) {
    // Dec 30, Dec. 30, December 30th
    month = mo;
    i = IsPunct(t, 1, '.') ? 2 : 1;
    if (!Num(t, i, 1, 2)) return std::nullopt;
    day = t[i].value;
    ++i;
  } else if (Num(t, 0, 1, 2)) {
    // 30 Dec, 30th December, 30 Dec.
    day = t[0].value;
    month = Month(t, 1);
    if (month == 0) return std::nullopt;
    i = IsPunct(t, 2, '.') ? 3 : 2;
  } else {
    return std::nullopt;
  }
  if (i != t.size() || day < 1 || day > DaysInMonth(2000, month)) return std::nullopt;
  return MonthDay{month, day};
}

}  // namespace dyad
