#include "story/word_scanner.h"

#include <algorithm>
#include <array>

#include "text/char_class.h"
#include "text/normalize.h"

namespace dyad {
namespace {

// Per ASCII byte: 1 = word character (letter or digit), 2 = sentence boundary, 0 other.
constexpr std::array<uint8_t, 128> MakeAsciiKinds() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) t[c] = 1;
    else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') t[c] = 2;
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiKind = MakeAsciiKinds();

// Per byte: true for ASCII letters and digits (false for every byte >= 0x80).
constexpr std::array<bool, 256> MakeWordBytes() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiKind[c] == 1;
  return t;
}
constexpr std::array<bool, 256> kAsciiWordByte = MakeWordBytes();

constexpr std::array<char, 256> MakeLower() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}
constexpr std::array<char, 256> kAsciiLower = MakeLower();

// True if text[pos] exists and is an ASCII letter or digit.
bool AsciiWordByteAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  return c < 0x80 && kAsciiKind[c] == 1;
}

bool IsWordClass(CharClass cls) {
  return cls == CharClass::kLetter || cls == CharClass::kDigit || cls == CharClass::kMark;
}

}  // namespace

bool WordScanner::Next(ScannedWord* word) {
  const size_t n = text_.size();
  const char* s = text_.data();
  // Skip to the next word character, noting sentence boundaries on the way.
  while (pos_ < n) {
    unsigned char c = static_cast<unsigned char>(s[pos_]);
    if (c < 0x80) {
      uint8_t kind = kAsciiKind[c];
      if (kind == 1) break;
      if (kind == 2) boundary_ = true;
      ++pos_;
      continue;
    }
    CodePoint cp = DecodeNonAsciiAt(text_, pos_);
    if (IsWordClass(cp.cls)) break;
    if (cp.cls == CharClass::kNewline || cp.cls == CharClass::kEllipsis) boundary_ = true;
    pos_ += cp.len;
  }
  if (pos_ >= n) return false;

  size_t len = 0;
  bool ascii = true;
  bool first = true;
  word->capitalized = false;
  word->numeric = IsAsciiDigit(s[pos_]);
  for (;;) {
    // The common case: a run of ASCII letters and digits, copied lower-cased.
    size_t start = pos_;
    while (pos_ < n && kAsciiWordByte[static_cast<unsigned char>(s[pos_])]) ++pos_;
    if (pos_ > start) {
      if (first) word->capitalized = IsAsciiUpper(s[start]);
      first = false;
      size_t take = std::min(pos_ - start, kMaxWordBytes - len);
      for (size_t i = 0; i < take; ++i) buf_[len + i] = kAsciiLower[static_cast<unsigned char>(s[start + i])];
      len += take;
    }
    if (pos_ >= n) break;
    unsigned char c = static_cast<unsigned char>(s[pos_]);
    if (c < 0x80) {
      // Digit groups: "1,000" and "5.93" stay one number.
      if ((c == ',' || c == '.') && len > 0 && IsAsciiDigit(buf_[len - 1]) && pos_ + 1 < n &&
          IsAsciiDigit(s[pos_ + 1])) {
        if (c == '.' && len < kMaxWordBytes) buf_[len++] = '.';
        ++pos_;
        continue;
      }
      // Apostrophe inside a word: dropped; a final possessive 's ends the word.
      if (c == '\'' && len > 0 && pos_ + 1 < n && IsAsciiAlpha(s[pos_ + 1])) {
        if ((s[pos_ + 1] | 0x20) == 's' && !AsciiWordByteAt(text_, pos_ + 2)) {
          pos_ += 2;
          break;
        }
        ++pos_;
        continue;
      }
      break;
    }
    CodePoint cp = DecodeNonAsciiAt(text_, pos_);
    if (cp.cls == CharClass::kApostrophe && len > 0 && pos_ + cp.len < n && IsAsciiAlpha(s[pos_ + cp.len])) {
      size_t after = pos_ + cp.len;
      if ((s[after] | 0x20) == 's' && !AsciiWordByteAt(text_, after + 1)) {
        pos_ = after + 1;
        break;
      }
      pos_ = after;
      continue;
    }
    if (!IsWordClass(cp.cls)) break;
    if (first) word->capitalized = IsUpperCodePoint(cp.cp);
    first = false;
    ascii = false;
    if (len + cp.len <= kMaxWordBytes) {
      for (size_t i = 0; i < cp.len; ++i) buf_[len++] = s[pos_ + i];
    }
    pos_ += cp.len;
  }
  word->sentence_start = boundary_;
  boundary_ = false;
  if (ascii) {
    word->text = std::string_view(buf_, len);
  } else {
    NormalizeToken(std::string_view(buf_, len), &folded_);
    word->text = folded_;
  }
  return true;
}

}  // namespace dyad
