#include "text/char_class.h"

#include <array>

#include <utf8proc.h>

namespace dyad {

CharClass ClassOf(int32_t cp) {
  switch (cp) {
    case 0x85: case 0x2028: case 0x2029:
      return CharClass::kNewline;
    case 0xA0: case 0x1680: case 0x180E: case 0x200B: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF:
      return CharClass::kSpace;
    case 0xAD: case 0x200C: case 0x200D:
      return CharClass::kMark;
    case 0x2019: case 0x02BC:
      return CharClass::kApostrophe;
    case 0x2018: case 0x201A: case 0x201B: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0xAB: case 0xBB: case 0x2039: case 0x203A: case 0x2032: case 0x2033:
      return CharClass::kQuote;
    case 0x2010: case 0x2011:
      return CharClass::kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58:
    case 0xFE63: case 0xFF0D:
      return CharClass::kDash;
    case 0x2026:
      return CharClass::kEllipsis;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharClass::kSpace;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ZS:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return CharClass::kNewline;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    default:
      return CharClass::kSymbol;
  }
}

CodePoint DecodeNonAsciiAt(std::string_view text, size_t pos) {
  CodePoint out;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos,
                                        static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    out.cp = c;
    out.cls = CharClass::kInvalid;
    return out;
  }
  out.cp = cp;
  out.len = static_cast<uint8_t>(n);
  out.cls = ClassOf(cp);
  return out;
}

bool IsUpperCodePoint(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

}  // namespace dyad
