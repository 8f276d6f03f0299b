#include "text/normalize.h"

#include <utf8proc.h>

#include <vector>

#include "text/char_class.h"

namespace dyad {

namespace {

constexpr int32_t kReplacement = 0xFFFD;

// Quotes, dashes and spaces to their ASCII stand-ins; -1 when the code point stays.
// The ellipsis is handled by the caller (one code point becomes three).
int32_t AsciiStandIn(int32_t cp) {
  switch (ClassOf(cp)) {
    case CharClass::kApostrophe:
      return '\'';
    case CharClass::kQuote:
      return cp == 0x2018 || cp == 0x201A || cp == 0x201B || cp == 0x2039 || cp == 0x203A ||
                     cp == 0x2032
                 ? '\''
                 : '"';
    case CharClass::kHyphen:
    case CharClass::kDash:
      return '-';
    case CharClass::kSpace:
    case CharClass::kNewline:
      return ' ';
    default:
      return -1;
  }
}

// Letters that NFD does not split into base + mark, spelled as ASCII for matching.
const char* FoldSpecial(int32_t cp) {
  switch (cp) {
    case 0x131: return "i";   // dotless i
    case 0x130: return "i";   // I with dot (already lower-cased mostly)
    case 0x142: case 0x141: return "l";
    case 0xF8: case 0xD8: return "o";
    case 0x111: case 0x110: return "d";
    case 0xF0: case 0xD0: return "d";
    case 0xE6: case 0xC6: return "ae";
    case 0x153: case 0x152: return "oe";
    case 0xDF: return "ss";
    case 0xFE: case 0xDE: return "th";
    case 0x127: case 0x126: return "h";
    default: return nullptr;
  }
}

void AppendUtf8(int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Decomposes raw into code points (canonical decomposition and ordering, with options).
// Invalid bytes become U+FFFD (then without reordering: such input is broken anyway).
// Returns the number of code points in *buf.
size_t Decompose(std::string_view raw, utf8proc_option_t options, std::vector<int32_t>* buf) {
  const auto* str = reinterpret_cast<const utf8proc_uint8_t*>(raw.data());
  auto len = static_cast<utf8proc_ssize_t>(raw.size());
  utf8proc_ssize_t k = utf8proc_decompose(str, len, buf->data(),
                                          static_cast<utf8proc_ssize_t>(buf->size()), options);
  if (k > static_cast<utf8proc_ssize_t>(buf->size())) {
    buf->resize(static_cast<size_t>(k));
    k = utf8proc_decompose(str, len, buf->data(), k, options);
  }
  if (k >= 0) return static_cast<size_t>(k);
  size_t n = 0;
  size_t pos = 0;
  while (pos < raw.size()) {
    CodePoint c = DecodeAt(raw, pos);
    pos += c.len;
    int32_t cp = c.cls == CharClass::kInvalid ? kReplacement : c.cp;
    if (buf->size() < n + 32) buf->resize(n + 64);
    int last = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(
        cp, buf->data() + n, static_cast<utf8proc_ssize_t>(buf->size() - n), options, &last);
    if (m < 0 || m > static_cast<utf8proc_ssize_t>(buf->size() - n)) {
      (*buf)[n] = kReplacement;
      m = 1;
    }
    n += static_cast<size_t>(m);
  }
  return n;
}

std::vector<int32_t>& Scratch() {
  thread_local std::vector<int32_t> buf(256);
  return buf;
}

}  // namespace

void NormalizeToken(std::string_view raw, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char c : raw) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    out->resize(raw.size());
    char* d = out->data();
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      d[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return;
  }
  std::vector<int32_t>& buf = Scratch();
  utf8proc_option_t options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  size_t n = Decompose(raw, options, &buf);
  // Lower-case before composing: composition of lower-case letters gives the NFC of the
  // lower-cased text.
  for (size_t i = 0; i < n; ++i) {
    int32_t cp = buf[i];
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') buf[i] = cp + 32;
      continue;
    }
    int32_t stand_in = AsciiStandIn(cp);
    buf[i] = stand_in >= 0 ? stand_in : utf8proc_tolower(cp);
  }
  utf8proc_ssize_t m = utf8proc_normalize_utf32(buf.data(), static_cast<utf8proc_ssize_t>(n), options);
  if (m < 0) m = static_cast<utf8proc_ssize_t>(n);
  for (utf8proc_ssize_t i = 0; i < m; ++i) {
    int32_t cp = buf[static_cast<size_t>(i)];
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp == 0x2026) {
      out->append("...");
    } else {
      AppendUtf8(cp, out);
    }
  }
}

void FoldForMatching(std::string_view text, std::string* out) {
  out->clear();
  std::vector<int32_t>& buf = Scratch();
  utf8proc_option_t options = static_cast<utf8proc_option_t>(
      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
  size_t n = Decompose(text, options, &buf);
  bool last_space = false;
  for (size_t i = 0; i < n; ++i) {
    int32_t cp = buf[i];
    if (cp < 0x80) {
      bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
      if (space && last_space) continue;
      last_space = space;
      out->push_back(space ? ' ' : static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      continue;
    }
    int32_t stand_in = AsciiStandIn(cp);
    if (stand_in == ' ') {
      if (!last_space) out->push_back(' ');
      last_space = true;
      continue;
    }
    last_space = false;
    if (stand_in >= 0) {
      out->push_back(static_cast<char>(stand_in));
    } else if (cp == 0x2026) {
      out->append("...");
    } else if (const char* s = FoldSpecial(cp)) {
      out->append(s);
    } else if (ClassOf(cp) == CharClass::kMark) {
      // zero-width joiners, soft hyphens: dropped
    } else {
      AppendUtf8(utf8proc_tolower(cp), out);
    }
  }
}

std::string FoldForMatching(std::string_view text) {
  std::string out;
  FoldForMatching(text, &out);
  return out;
}

}  // namespace dyad
