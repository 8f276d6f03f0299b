#include "text/tokenizer.h"

#include "text/char_class.h"

namespace dyad {

namespace {

char Lower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

bool StartsWithNoCase(std::string_view text, size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(text[pos + i]) != prefix[i]) return false;
  return true;
}

bool IsEmailChar(char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

bool IsDomainChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '-'; }

// Top-level domains recognised after a dot inside a word ("reuters.com").
bool IsTld(std::string_view s) {
  static constexpr std::string_view kTlds[] = {"com", "org", "net", "gov", "edu", "int",
                                               "mil", "info", "io", "uk", "eu", "ru",
                                               "de", "fr", "cn", "au", "ca", "tv", "news"};
  for (std::string_view t : kTlds)
    if (s == t) return true;
  return false;
}

}  // namespace

bool Tokenizer::LetterAt(size_t pos) const {
  if (pos >= text_.size()) return false;
  unsigned char c = static_cast<unsigned char>(text_[pos]);
  if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
  CodePoint cp = DecodeAt(text_, pos);
  return cp.cls == CharClass::kLetter;
}

bool Tokenizer::Next(RawToken* t) {
  const size_t n = text_.size();
  *t = RawToken();
  int newlines = 0;
  size_t indent = 0;
  bool space = false;
  while (pos_ < n) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    CharClass cls;
    size_t len = 1;
    if (c < 0x80) {
      cls = AsciiClass(c);
    } else {
      CodePoint cp = DecodeAt(text_, pos_);
      cls = cp.cls;
      len = cp.len;
    }
    if (cls == CharClass::kNewline) {
      ++newlines;
      indent = 0;
    } else if (cls == CharClass::kSpace) {
      indent += c == '\t' ? 4 : 1;
    } else {
      break;
    }
    space = true;
    pos_ += len;
  }
  if (pos_ >= n) return false;
  t->begin = static_cast<uint32_t>(pos_);
  t->newlines_before = static_cast<uint8_t>(newlines > 2 ? 2 : newlines);
  t->space_before = space;
  t->indented = newlines > 0 && indent >= 2;

  unsigned char c = static_cast<unsigned char>(text_[pos_]);
  CodePoint cp = DecodeAt(text_, pos_);
  t->ascii = c < 0x80;
  switch (cp.cls) {
    case CharClass::kLetter:
    case CharClass::kDigit:
    case CharClass::kMark:
      ScanWord(t);
      break;
    case CharClass::kApostrophe: {
      size_t clitic = have_prev_ && (prev_kind_ == TokenKind::kWord ||
                                     prev_kind_ == TokenKind::kNumber ||
                                     prev_kind_ == TokenKind::kAbbrev)
                          ? CliticLength(pos_, cp.len)
                          : 0;
      if (clitic > 0) {
        t->kind = TokenKind::kClitic;
        pos_ += cp.len + clitic;
      } else {
        t->kind = TokenKind::kPunct;
        pos_ += cp.len;
        if (c == '\'' && pos_ < n && text_[pos_] == '\'') ++pos_;  // '' closing quote
      }
      break;
    }
    case CharClass::kQuote:
      t->kind = TokenKind::kPunct;
      pos_ += cp.len;
      if (c == '`' && pos_ < n && text_[pos_] == '`') ++pos_;  // `` opening quote
      break;
    case CharClass::kHyphen:
    case CharClass::kPeriod:
      t->kind = TokenKind::kPunct;
      pos_ += cp.len;
      if (c < 0x80)
        while (pos_ < n && static_cast<unsigned char>(text_[pos_]) == c) ++pos_;  // -- ...
      break;
    case CharClass::kPunct:
      t->kind = TokenKind::kPunct;
      pos_ += cp.len;
      if (c == '!' || c == '?')
        while (pos_ < n && (text_[pos_] == '!' || text_[pos_] == '?')) ++pos_;
      break;
    case CharClass::kInvalid:
      t->kind = TokenKind::kSymbol;
      t->invalid = true;
      pos_ += 1;
      break;
    default:  // dash, ellipsis, symbol
      t->kind = cp.cls == CharClass::kSymbol ? TokenKind::kSymbol : TokenKind::kPunct;
      pos_ += cp.len;
      break;
  }
  t->end = static_cast<uint32_t>(pos_);
  if (t->kind == TokenKind::kUrl || t->kind == TokenKind::kEmail) {
    for (size_t i = t->begin; i < t->end; ++i) {
      if (static_cast<unsigned char>(text_[i]) >= 0x80) {
        t->ascii = false;
        break;
      }
    }
  }
  prev_kind_ = t->kind;
  have_prev_ = true;
  return true;
}

// Length of the clitic letters after an apostrophe at pos ("s", "re", "ve", "ll", "d",
// "m" followed by a non-letter), or 0.
size_t Tokenizer::CliticLength(size_t pos, size_t apostrophe_len) const {
  size_t q = pos + apostrophe_len;
  size_t l = 0;
  while (q + l < text_.size() && IsAsciiAlpha(text_[q + l]) && l < 3) ++l;
  if (l == 0 || l > 2 || LetterAt(q + l)) return 0;
  char a = Lower(text_[q]);
  if (l == 1) return (a == 's' || a == 'd' || a == 'm') ? 1 : 0;
  char b = Lower(text_[q + 1]);
  if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 2;
  return 0;
}

bool Tokenizer::DomainAhead(size_t dot) const {
  size_t q = dot + 1;
  size_t l = 0;
  while (q + l < text_.size() && IsAsciiLower(text_[q + l]) && l < 5) ++l;
  if (l < 2 || LetterAt(q + l)) return false;
  return IsTld(text_.substr(q, l));
}

bool Tokenizer::ScanUrl(RawToken* t) {
  size_t start = pos_;
  size_t p = pos_;
  if (StartsWithNoCase(text_, p, "https://")) p += 8;
  else if (StartsWithNoCase(text_, p, "http://")) p += 7;
  else if (StartsWithNoCase(text_, p, "www.") && LetterAt(p + 4)) p += 4;
  else return false;
  int parens = 0;
  while (p < text_.size()) {
    unsigned char c = static_cast<unsigned char>(text_[p]);
    if (c < 0x80) {
      CharClass cls = AsciiClass(c);
      if (cls == CharClass::kSpace || cls == CharClass::kNewline || c == '"' || c == '<' ||
          c == '>')
        break;
      if (c == '(') ++parens;
      if (c == ')') --parens;
      ++p;
    } else {
      CodePoint cp = DecodeAt(text_, p);
      if (cp.cls == CharClass::kSpace || cp.cls == CharClass::kNewline ||
          cp.cls == CharClass::kQuote || cp.cls == CharClass::kInvalid)
        break;
      p += cp.len;
    }
  }
  // Trailing punctuation belongs to the sentence, not the URL.
  while (p > start) {
    char c = text_[p - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        (c == ')' && parens < 0)) {
      if (c == ')') ++parens;
      --p;
    } else {
      break;
    }
  }
  t->kind = TokenKind::kUrl;
  pos_ = p;
  return true;
}

bool Tokenizer::ScanEmail(RawToken* t) {
  size_t p = pos_;
  while (p < text_.size() && IsEmailChar(text_[p]) && p - pos_ < 64) ++p;
  if (p >= text_.size() || text_[p] != '@' || p == pos_) return false;
  size_t q = p + 1;
  size_t dots = 0;
  size_t last_good = 0;
  while (q < text_.size()) {
    size_t label = 0;
    while (q + label < text_.size() && IsDomainChar(text_[q + label])) ++label;
    if (label == 0) break;
    q += label;
    last_good = q;
    if (q + 1 < text_.size() && text_[q] == '.' && IsDomainChar(text_[q + 1])) {
      ++dots;
      ++q;
    } else {
      break;
    }
  }
  if (dots == 0 || last_good == 0) return false;
  t->kind = TokenKind::kEmail;
  pos_ = last_good;
  return true;
}

bool Tokenizer::AbbreviationPeriod(size_t begin, size_t end, bool dotted) const {
  if (end >= text_.size() || text_[end] != '.') return false;
  if (end + 1 < text_.size() && text_[end + 1] == '.') return false;  // an ellipsis
  if (dotted) return true;
  size_t len = end - begin;
  if (len == 1 && IsAsciiUpper(text_[begin])) return true;  // an initial: "George W. Bush"
  if (len > 8) return false;
  char buf[8];
  for (size_t i = 0; i < len; ++i) {
    char c = text_[begin + i];
    if (!IsAsciiAlpha(c)) return false;
    buf[i] = Lower(c);
  }
  const LexEntry* e = lexicon_.Find(std::string_view(buf, len));
  if (e == nullptr) return false;
  bool capitalised = IsAsciiUpper(text_[begin]);
  switch (e->abbrev) {
    case AbbrevClass::kNone:
      return false;
    case AbbrevClass::kTitle:
    case AbbrevClass::kName:
      return capitalised;
    case AbbrevClass::kNumber: {
      if (!capitalised) return false;
      size_t q = end + 1;
      while (q < text_.size() && text_[q] == ' ') ++q;
      return q < text_.size() && IsAsciiDigit(text_[q]);
    }
    case AbbrevClass::kInner:
    case AbbrevClass::kFinal:
      return true;
  }
  return false;
}

void Tokenizer::ScanWord(RawToken* t) {
  const size_t n = text_.size();
  const size_t start = pos_;
  char first = text_[start];
  // URLs begin "http" or "www" (ScanUrl checks the whole prefix).
  if ((((first == 'h' || first == 'H') && start + 1 < n && (text_[start + 1] | 0x20) == 't') ||
       ((first == 'w' || first == 'W') && start + 1 < n && (text_[start + 1] | 0x20) == 'w')) &&
      ScanUrl(t))
    return;
  // A lone "n't" (text tokenized before: "do n't").
  if ((first == 'n' || first == 'N') && start + 1 < n) {
    CodePoint ap = DecodeAt(text_, start + 1);
    if (ap.cls == CharClass::kApostrophe) {
      size_t q = start + 1 + ap.len;
      if (q < n && (text_[q] == 't' || text_[q] == 'T') && !LetterAt(q + 1)) {
        t->kind = TokenKind::kClitic;
        t->ascii = ap.len == 1;
        pos_ = q + 1;
        return;
      }
    }
  }
  size_t p = start;
  bool number = IsAsciiDigit(first);
  bool digits_only = number;  // the token so far is digits and separators
  bool dotted = false;        // U.S, e.g: single letters joined by periods
  size_t segment = p;         // start of the current period-separated segment
  bool ascii = true;
  while (p < n) {
    unsigned char c = static_cast<unsigned char>(text_[p]);
    size_t len = 1;
    CharClass cls;
    if (c < 0x80) {
      if (IsAsciiAlpha(static_cast<char>(c))) {  // a run of ASCII letters, the common case
        digits_only = false;
        ++p;
        while (p < n && IsAsciiAlpha(text_[p])) ++p;
        continue;
      }
      cls = AsciiClass(c);
    } else {
      CodePoint cp = DecodeAt(text_, p);
      cls = cp.cls;
      len = cp.len;
    }
    if (cls == CharClass::kLetter || cls == CharClass::kMark) {
      if (c >= 0x80) ascii = false;
      digits_only = false;
      p += len;
      continue;
    }
    if (cls == CharClass::kDigit) {
      ++p;
      continue;
    }
    if (c == '.') {
      if (digits_only && p + 1 < n && IsAsciiDigit(text_[p + 1])) {  // 5.93
        ++p;
        continue;
      }
      if (p - segment == 1 && IsAsciiAlpha(text_[p - 1]) && p + 2 < n &&
          IsAsciiAlpha(text_[p + 1]) && text_[p + 2] == '.' ) {  // U.S
        dotted = true;
        segment = p + 1;
        ++p;
        continue;
      }
      if (dotted && p - segment == 1 && IsAsciiAlpha(text_[p - 1]) && p + 1 < n &&
          IsAsciiAlpha(text_[p + 1]) && !LetterAt(p + 2)) {  // last letter of U.S.A
        segment = p + 1;
        ++p;
        continue;
      }
      if (!digits_only && !dotted && p - start >= 2 && DomainAhead(p)) {  // reuters.com
        segment = p + 1;
        ++p;
        continue;
      }
      if (!dotted) {
        size_t save = pos_;
        pos_ = start;
        if (ScanEmail(t)) return;
        pos_ = save;
      }
      break;
    }
    if (c == ',') {
      if (digits_only && p + 3 < n && IsAsciiDigit(text_[p + 1]) && IsAsciiDigit(text_[p + 2]) &&
          IsAsciiDigit(text_[p + 3]) && !(p + 4 < n && IsAsciiDigit(text_[p + 4]))) {
        p += 4;  // 1,000
        continue;
      }
      break;
    }
    if (cls == CharClass::kHyphen) {
      if (p > start && LetterAt(p + len)) {
        if (!(digits_only && p + len < n && IsAsciiDigit(text_[p + len]))) digits_only = false;
        t->hyphenated = true;
        if (c >= 0x80) ascii = false;
        p += len;
        continue;
      }
      break;
    }
    if (cls == CharClass::kApostrophe) {
      size_t q = p + len;
      // n't: the word ends before the n ("did" + "n't"), unless it is only "n".
      if (q < n && (text_[q] == 't' || text_[q] == 'T') && !LetterAt(q + 1) && p - start >= 2 &&
          (text_[p - 1] == 'n' || text_[p - 1] == 'N')) {
        p -= 1;
        break;
      }
      if (CliticLength(p, len) > 0) break;  // 's 're 've 'll 'd 'm
      if (p > start && LetterAt(q)) {      // O'Brien, d'affaires
        if (c >= 0x80) ascii = false;
        p = q;
        continue;
      }
      break;
    }
    if (c == '&' && p > start && IsAsciiUpper(text_[p - 1]) && p + 1 < n &&
        IsAsciiUpper(text_[p + 1])) {  // AT&T
      ++p;
      continue;
    }
    if (c == '@' || c == '_' || c == '+') {
      size_t save = pos_;
      pos_ = start;
      if (ScanEmail(t)) return;
      pos_ = save;
    }
    break;
  }
  if (p < n && text_[p] == '.' && AbbreviationPeriod(start, p, dotted)) {
    ++p;
    t->kind = TokenKind::kAbbrev;
  } else {
    t->kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
  }
  t->ascii = ascii;
  pos_ = p;
}

}  // namespace dyad
