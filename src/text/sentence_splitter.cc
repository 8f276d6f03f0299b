#include "text/sentence_splitter.h"

#include <algorithm>
#include <cstring>

#include "text/char_class.h"

namespace dyad {

namespace {

// Lines longer than this are measured only this far: enough to compare widths.
constexpr size_t kMaxLineScan = 4096;
// How many lines before and after a line break give the width the text is wrapped at.
constexpr int kWidthWindow = 3;

bool IsNameParticle(std::string_view w) {
  return w == "al" || w == "el" || w == "bin" || w == "ibn" || w == "bint" || w == "abu" ||
         w == "abd" || w == "de" || w == "van" || w == "von" || w == "da" || w == "di" ||
         w == "du" || w == "le" || w == "la" || w == "ben" || w == "al-" || w == "el-";
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::string_view text, const Lexicon& lexicon)
    : text_(text), lexicon_(lexicon) {
  size_t lower = 0, upper = 0;
  size_t n = std::min<size_t>(text.size(), 4096);
  for (size_t i = 0; i < n;) {  // byte counters over blocks of 255, so that it vectorises
    const size_t block_end = std::min(n, i + 255);
    uint8_t lo = 0, up = 0;
    for (; i < block_end; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      lo = static_cast<uint8_t>(lo + (static_cast<unsigned char>(c - 'a') < 26));
      up = static_cast<uint8_t>(up + (static_cast<unsigned char>(c - 'A') < 26));
    }
    lower += lo;
    upper += up;
  }
  lowercase_text_ = lower + upper >= 200 && upper * 200 < lower + upper;
  uppercase_text_ = lower + upper >= 40 && lower * 50 < lower + upper;
}

bool SentenceSplitter::Feed(const RawToken& t, std::string_view norm, const LexEntry* entry) {
  bool brk = false;
  if (first_) {
    first_ = false;
  } else if (pending_ != Pending::kNone && t.newlines_before < 2 && IsClosingPunct(t, norm)) {
    // `said." Then`: the quote closes the sentence; the decision waits for the next token.
    prev_end_ = t.end;
    ++sentence_tokens_;
    prev_continues_ = false;
    prev_soft_cut_ = false;
    return false;
  } else {
    brk = Decide(t, norm, entry);
    if (!brk && sentence_tokens_ >= SentenceSplitter::kSoftMaxTokens &&
        (prev_soft_cut_ || sentence_tokens_ >= kHardMaxTokens))
      brk = true;
  }
  if (brk) sentence_tokens_ = 0;
  ++sentence_tokens_;
  prev_end_ = t.end;

  // What this token leaves pending for the next decision.
  pending_ = Pending::kNone;
  pending_abbrev_ = AbbrevClass::kNone;
  prev_continues_ = false;
  prev_soft_cut_ = false;
  switch (t.kind) {
    case TokenKind::kPunct:
      if (norm == ".") {
        pending_ = Pending::kPeriod;
      } else if (norm[0] == '.' && norm.size() >= 2) {
        pending_ = Pending::kEllipsis;
      } else if (norm[0] == '!' || norm[0] == '?') {
        pending_ = Pending::kStrong;
      } else {
        prev_continues_ = norm == "," || norm == ";" || norm == ":" || norm[0] == '-' ||
                          norm == "(" || norm == "[" || norm == "/" || norm == "&";
        prev_soft_cut_ = norm == "," || norm == ";";
      }
      break;
    case TokenKind::kAbbrev: {
      pending_ = Pending::kAbbrev;
      std::string_view bare = norm.substr(0, norm.size() - 1);
      const LexEntry* e = lexicon_.Find(bare);
      pending_abbrev_ = e != nullptr && e->abbrev != AbbrevClass::kNone ? e->abbrev
                                                                        : AbbrevClass::kName;
      prev_continues_ = pending_abbrev_ == AbbrevClass::kTitle;
      break;
    }
    case TokenKind::kWord:
      if (entry != nullptr) {
        Tag ct = entry->closed_tag;
        prev_continues_ = ct == Tag::kDet || ct == Tag::kPrep || ct == Tag::kConj ||
                          ct == Tag::kSubord;
      }
      if (IsNameParticle(norm)) prev_continues_ = true;
      if (norm.size() > 1 && norm.back() == '-') prev_continues_ = true;
      break;
    default:
      break;
  }
  return brk;
}

bool SentenceSplitter::Decide(const RawToken& t, std::string_view norm,
                              const LexEntry* entry) const {
  if (t.newlines_before >= 2) return true;  // a blank line
  switch (pending_) {
    case Pending::kPeriod:
    case Pending::kStrong:
      if (StartsLikeSentence(t)) return true;
      return lowercase_text_ && t.kind == TokenKind::kWord;
    case Pending::kEllipsis:
      return StartsLikeSentence(t);
    case Pending::kAbbrev:
      switch (pending_abbrev_) {
        case AbbrevClass::kTitle:
        case AbbrevClass::kInner:
        case AbbrevClass::kNumber:
        case AbbrevClass::kNone:
          return false;
        case AbbrevClass::kFinal:
          return StartsLikeSentence(t);
        case AbbrevClass::kName:
          // "in the U.S. The" ends; "U.S. officials", "Jan. 5", "W. Bush" do not.
          if (t.kind == TokenKind::kWord && entry != nullptr &&
              entry->closed_tag != Tag::kUnknown && entry->closed_tag != Tag::kNum &&
              StartsLikeSentence(t))
            return norm != "i";
          if (t.kind == TokenKind::kPunct && StartsLikeSentence(t) && norm == "\"") return true;
          return false;
      }
      return false;
    case Pending::kNone:
      break;
  }
  if (t.newlines_before == 1) return LineBreakEndsSentence(t, entry);
  return false;
}

bool SentenceSplitter::IsClosingPunct(const RawToken& t, std::string_view norm) const {
  if (t.kind != TokenKind::kPunct) return false;
  if (norm == ")" || norm == "]" || norm == "}") return true;
  if (norm == "''") return true;
  std::string_view raw = text_.substr(t.begin, t.end - t.begin);
  if (raw == "\xE2\x80\x9D" || raw == "\xE2\x80\x99" || raw == "\xC2\xBB") return true;  // ” ’ »
  if (raw.size() > 1) return false;  // “ „ ‘ « open
  if (norm == "\"" || norm == "'") {
    // A straight quote closes when attached to what precedes it, or when followed by a
    // space or the end of the text.
    if (!t.space_before) return true;
    return t.end >= text_.size() || text_[t.end] == ' ' || text_[t.end] == '\n';
  }
  return false;
}

bool SentenceSplitter::StartsLikeSentence(const RawToken& t) const {
  size_t pos = t.begin;
  if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) {
    // An opening quote, bracket or dash counts by what follows it.
    CodePoint first = DecodeAt(text_, pos);
    if (!(first.cls == CharClass::kQuote || first.cls == CharClass::kApostrophe ||
          first.cls == CharClass::kDash || first.cls == CharClass::kHyphen ||
          first.cp == '(' || first.cp == '['))
      return false;
    pos = t.end;
    while (pos < text_.size() && text_[pos] == ' ') ++pos;
    if (pos >= text_.size()) return false;
  }
  unsigned char c = static_cast<unsigned char>(text_[pos]);
  if (c < 0x80) return IsAsciiUpper(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
  CodePoint cp = DecodeAt(text_, pos);
  return cp.cls != CharClass::kInvalid && IsUpperCodePoint(cp.cp);
}

size_t SentenceSplitter::LineStartBefore(size_t pos) const {
  size_t limit = pos > kMaxLineScan ? pos - kMaxLineScan : 0;
  while (pos > limit && text_[pos - 1] != '\n') --pos;
  return pos;
}

// Length of the line starting at line_begin without trailing blanks; sets
// *next_line_begin past its newline (text size at the end of the text).
size_t SentenceSplitter::LineLength(size_t line_begin, size_t* next_line_begin) const {
  size_t limit = std::min(text_.size(), line_begin + kMaxLineScan);
  size_t p = line_begin;
  size_t last_text = line_begin;
  while (p < limit && text_[p] != '\n') {
    if (text_[p] != ' ' && text_[p] != '\t' && text_[p] != '\r') last_text = p + 1;
    ++p;
  }
  if (p == limit && p < text_.size()) {  // an overlong line: skip to its end
    const void* nl = std::memchr(text_.data() + p, '\n', text_.size() - p);
    p = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
  }
  *next_line_begin = p < text_.size() ? p + 1 : text_.size();
  return last_text - line_begin;
}

bool SentenceSplitter::LineBreakEndsSentence(const RawToken& t, const LexEntry* entry) const {
  if (prev_continues_) return false;
  if (!StartsLikeSentence(t)) return false;
  if (t.indented) return true;  // a new paragraph
  if (uppercase_text_) return false;
  // "BP North America\nInc said": a company suffix continues the name.
  if (entry != nullptr && entry->abbrev == AbbrevClass::kName && t.kind == TokenKind::kWord)
    return false;
  // The line before ended short of the width the text is wrapped at: the next word
  // would have fitted, so the break is the writer's (a title, a dateline, a list).
  size_t line_begin = LineStartBefore(t.begin);  // t's own line
  if (line_begin == 0) return false;
  size_t prev_begin = LineStartBefore(line_begin - 1);
  size_t ignored;
  size_t prev_len = LineLength(prev_begin, &ignored);
  size_t word_len = 0;
  while (t.begin + word_len < text_.size() && text_[t.begin + word_len] != ' ' &&
         text_[t.begin + word_len] != '\n' && word_len < 64)
    ++word_len;
  size_t width = 0;
  size_t p = line_begin;
  for (int k = 0; k < kWidthWindow && p < text_.size(); ++k) {
    size_t next;
    width = std::max(width, LineLength(p, &next));
    if (next <= p) break;
    p = next;
  }
  p = prev_begin;
  for (int k = 0; k < kWidthWindow && p > 0; ++k) {
    size_t b = LineStartBefore(p - 1);
    size_t next;
    width = std::max(width, LineLength(b, &next));
    p = b;
  }
  return prev_len + 1 + word_len <= width;
}

}  // namespace dyad
