// Small byte-level helpers shared by the header, dateline and byline parsers. ASCII
// only on purpose: the markers they look for are ASCII, and multi-byte UTF-8
// characters pass through them untouched.
#ifndef DYAD_INGEST_TEXT_SCAN_H_
#define DYAD_INGEST_TEXT_SCAN_H_

#include <cstddef>
#include <string_view>

namespace dyad::scan {

inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
inline bool IsSpace(char c) { return IsBlank(c) || c == '\n'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

inline std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  return s.substr(i);
}

inline std::string_view TrimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsSpace(s[n - 1])) --n;
  return s.substr(0, n);
}

inline std::string_view Trim(std::string_view s) { return TrimRight(TrimLeft(s)); }

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// End of the line starting at pos: the index of its '\n', or s.size().
inline size_t LineEnd(std::string_view s, size_t pos) {
  const size_t nl = s.find('\n', pos);
  return nl == std::string_view::npos ? s.size() : nl;
}

// True when the line is empty or whitespace only.
inline bool IsBlankLine(std::string_view line) { return Trim(line).empty(); }

}  // namespace dyad::scan

#endif  // DYAD_INGEST_TEXT_SCAN_H_
