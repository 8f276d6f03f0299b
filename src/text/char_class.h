// CharClass: what one code point is to the tokenizer, and UTF-8 decoding that never
// fails (an invalid byte decodes as itself with class kInvalid, length 1).
#ifndef DYAD_TEXT_CHAR_CLASS_H_
#define DYAD_TEXT_CHAR_CLASS_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace dyad {

enum class CharClass : uint8_t {
  kSpace,       // ASCII blanks, CR, no-break and other Unicode spaces, zero-width space
  kNewline,     // LF, U+0085, U+2028, U+2029
  kLetter,      // letters and digits other than ASCII 0-9 (any script)
  kDigit,       // ASCII 0-9
  kMark,        // combining marks, soft hyphen, joiners: continue a word
  kApostrophe,  // ' U+2019 U+02BC
  kQuote,       // " ` U+2018 U+201C U+201D U+201E U+00AB U+00BB ...
  kHyphen,      // - U+2010 U+2011: joins words ("al-Shaibani")
  kDash,        // U+2012..U+2015 U+2212: never joins words, normalised to '-'
  kPeriod,      // .
  kEllipsis,    // U+2026
  kPunct,       // other punctuation
  kSymbol,      // symbols, control characters, unassigned code points
  kInvalid,     // a byte that is not valid UTF-8
};

struct CodePoint {
  int32_t cp = 0;     // the code point (the byte value for kInvalid)
  uint8_t len = 1;    // bytes consumed, 1..4
  CharClass cls = CharClass::kSymbol;
};

// Class of one ASCII byte (c < 0x80).
inline CharClass AsciiClass(unsigned char c);

// Decodes the code point at text[pos] (pos < text.size()).
inline CodePoint DecodeAt(std::string_view text, size_t pos);
// The same for a byte >= 0x80 (the multi-byte and invalid cases).
CodePoint DecodeNonAsciiAt(std::string_view text, size_t pos);

// Class of a decoded non-ASCII code point.
CharClass ClassOf(int32_t cp);

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
// Setting bit 5 maps A-Z onto a-z and no other byte onto a-z.
inline bool IsAsciiAlpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// True if the code point is an upper-case or title-case letter (any script).
bool IsUpperCodePoint(int32_t cp);

// ---- inline definitions: the tokenizer calls these for every byte ----

namespace char_class_internal {
constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kSymbol;  // control characters
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') k = CharClass::kSpace;
    else if (c == '\n') k = CharClass::kNewline;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::kLetter;
    else if (c >= '0' && c <= '9') k = CharClass::kDigit;
    else if (c == '\'') k = CharClass::kApostrophe;
    else if (c == '"' || c == '`') k = CharClass::kQuote;
    else if (c == '-') k = CharClass::kHyphen;
    else if (c == '.') k = CharClass::kPeriod;
    else if (c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' ||
             c == '|' || c == '~' || c == '#' || c == '&' || c == '@' || c == '*' || c == '\\')
      k = CharClass::kSymbol;
    else if (c > ' ' && c < 127) k = CharClass::kPunct;
    t[static_cast<size_t>(c)] = k;
  }
  return t;
}
inline constexpr std::array<CharClass, 128> kAscii = MakeAsciiTable();
}  // namespace char_class_internal

inline CharClass AsciiClass(unsigned char c) { return char_class_internal::kAscii[c & 0x7f]; }

inline CodePoint DecodeAt(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    CodePoint out;
    out.cp = c;
    out.cls = AsciiClass(c);
    return out;
  }
  return DecodeNonAsciiAt(text, pos);
}

}  // namespace dyad

#endif  // DYAD_TEXT_CHAR_CLASS_H_
