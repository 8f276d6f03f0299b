#include "text/analyzer.h"

#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include <utf8proc.h>

#include "text/char_class.h"
#include "text/lexicon.h"
#include "text/normalize.h"
#include "text/sentence_splitter.h"
#include "text/tagger.h"
#include "text/tokenizer.h"

namespace dyad {

namespace {

// Case flags of a token's raw bytes.
uint8_t CaseFlags(std::string_view raw, bool ascii) {
  size_t letters = 0, upper = 0;
  bool first_upper = false;
  bool first_seen = false;
  if (ascii) {
    for (char c : raw) {
      if (IsAsciiUpper(c)) {
        ++letters;
        ++upper;
        if (!first_seen) first_upper = true;
        first_seen = true;
      } else if (IsAsciiLower(c)) {
        ++letters;
        first_seen = true;
      }
    }
  } else {
    size_t pos = 0;
    while (pos < raw.size()) {
      CodePoint cp = DecodeAt(raw, pos);
      pos += cp.len;
      if (cp.cls != CharClass::kLetter) continue;
      bool up = IsUpperCodePoint(cp.cp);
      bool low = cp.cp < 0x80 ? IsAsciiLower(static_cast<char>(cp.cp))
                              : utf8proc_category(cp.cp) == UTF8PROC_CATEGORY_LL;
      if (!up && !low) continue;  // digits, letters without case
      ++letters;
      if (up) ++upper;
      if (!first_seen) first_upper = up;
      first_seen = true;
    }
  }
  uint8_t flags = 0;
  if (first_upper) flags |= kCapitalized;
  if (letters >= 2 && upper == letters) flags |= kAllCaps;
  return flags;
}

// Lower-cases an ASCII token into *norm and returns its case flags (CaseFlags).
uint8_t LowerAsciiBytes(std::string_view raw, std::string* norm) {
  const size_t n = raw.size();
  norm->resize(n);
  char* out = norm->data();
  unsigned letters = 0, upper = 0;
  bool first_seen = false, first_upper = false;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    const bool up = static_cast<unsigned char>(c - 'A') < 26;
    const bool low = static_cast<unsigned char>(c - 'a') < 26;
    if ((up || low) && !first_seen) {
      first_seen = true;
      first_upper = up;
    }
    letters += up || low;
    upper += up;
    out[i] = static_cast<char>(up ? c + 32 : c);
  }
  uint8_t flags = 0;
  if (first_upper) flags |= kCapitalized;
  if (letters >= 2 && upper == letters) flags |= kAllCaps;
  return flags;
}

// The same for a token of at most 15 bytes (a string's own buffer) with 16 readable bytes
// from its start, eight bytes at a time (SWAR): in a 64-bit word of bytes b < 0x80, b is
// upper case when b + 0x3F reaches 0x80 and b + 0x25 does not, lower case likewise with
// 0x1F and 0x05.
uint8_t LowerAsciiShort(const char* p, size_t n, std::string* norm) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  uint64_t w[2] = {0, 0};
  uint64_t up_mask[2] = {0, 0}, letter_mask[2] = {0, 0};
  const int words = n > 8 ? 2 : 1;
  for (int k = 0; k < words; ++k) {
    uint64_t x;
    std::memcpy(&x, p + 8 * k, 8);
    const size_t bytes = n - 8u * static_cast<size_t>(k);
    if (bytes < 8) x &= (uint64_t{1} << (8 * bytes)) - 1;
    const uint64_t up = (x + 0x3F * kOnes) & ~(x + 0x25 * kOnes) & kHigh;
    const uint64_t low = (x + 0x1F * kOnes) & ~(x + 0x05 * kOnes) & kHigh;
    up_mask[k] = up;
    letter_mask[k] = up | low;
    w[k] = x | (up >> 2);  // 0x80 >> 2 == 0x20: upper to lower case
  }
  char lowered[16];
  std::memcpy(lowered, w, 16);
  norm->assign(lowered, n);
  // Marked bytes counted by a multiply: each byte holds 0 or 1, the top byte their sum.
  auto count = [](uint64_t high_bits) {
    return static_cast<unsigned>((((high_bits >> 7) * kOnes) >> 56) & 0xFF);
  };
  const unsigned upper = count(up_mask[0]) + count(up_mask[1]);
  const unsigned letters = count(letter_mask[0]) + count(letter_mask[1]);
  uint8_t flags = 0;
  // The first letter: the lowest marked byte of the first word that has one.
  const int k = letter_mask[0] != 0 ? 0 : 1;
  const uint64_t first = letter_mask[k] & (~letter_mask[k] + 1);
  if ((up_mask[k] & first) != 0) flags |= kCapitalized;
  if (letters >= 2 && upper == letters) flags |= kAllCaps;
  return flags;
}

struct Scratch {
  std::vector<TokenInfo> info;
  std::vector<RawToken> raw;
};

}  // namespace

TextAnalyzer::TextAnalyzer() : lexicon_(&Lexicon::Default()) {}

void TextAnalyzer::Analyze(std::string_view text, Document* doc) const {
  if (text.size() > std::numeric_limits<uint32_t>::max())
    text = text.substr(0, std::numeric_limits<uint32_t>::max());
  doc->text = text;
  doc->lexicon = lexicon_;
  doc->sentences.clear();
  thread_local Scratch scratch;
  std::vector<TokenInfo>& info = scratch.info;
  std::vector<RawToken>& raws = scratch.raw;
  info.clear();
  raws.clear();
  std::vector<Token>& tokens = doc->tokens;
  size_t n = 0;  // tokens filled; existing Token objects are reused for their capacity
  const Lexicon& lex = *lexicon_;

  // Three passes over the article: tokens and their norms; lexicon entries (a tight loop,
  // so that the processor overlaps the cache misses of many lookups); sentences and tags.
  Tokenizer tokenizer(text, lex);
  RawToken raw;
  while (tokenizer.Next(&raw)) {
    if (n == tokens.size()) tokens.emplace_back();
    Token& t = tokens[n];
    t.begin = raw.begin;
    t.end = raw.end;
    t.tag = Tag::kUnknown;
    t.upos = UPos::kNone;
    t.deprel = Deprel::kNone;
    t.head = Token::kNoHead;
    std::string_view bytes = text.substr(raw.begin, raw.end - raw.begin);
    uint8_t case_flags = 0;
    if (raw.ascii) {
      case_flags = bytes.size() <= 15 && text.size() - raw.begin >= 16
                       ? LowerAsciiShort(bytes.data(), bytes.size(), &t.norm)
                       : LowerAsciiBytes(bytes, &t.norm);
    } else {
      NormalizeToken(bytes, &t.norm);
    }
    t.flags = 0;
    switch (raw.kind) {
      case TokenKind::kWord:
      case TokenKind::kAbbrev:
        t.flags = raw.ascii ? case_flags : CaseFlags(bytes, false);
        if (raw.hyphenated) t.flags |= kHyphenated;
        break;
      case TokenKind::kClitic:
        if (t.norm.size() == 3 && t.norm[0] == 'n') {  // n't -> not, in place
          t.norm[1] = 'o';
          t.norm[2] = 't';
        }
        break;
      case TokenKind::kPunct:
        if (t.norm == "``" || t.norm == "''") t.norm.assign(1, '"');
        break;
      default:
        break;
    }
    raws.push_back(raw);
    ++n;
  }
  tokens.resize(n);

  info.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    const TokenKind kind = raws[i].kind;
    const LexEntry* entry = nullptr;
    if (kind == TokenKind::kWord || kind == TokenKind::kAbbrev) {
      entry = lex.Find(t.norm);
    }
    WordId word = lex.IdOf(entry);
    if (kind == TokenKind::kClitic) {
      entry = lex.Find(t.norm == "not" ? std::string_view("n't") : std::string_view(t.norm));
      word = lex.IdOf(lex.Find(t.norm));
    }
    if (entry != nullptr) __builtin_prefetch(entry);  // the splitter and tagger read it next
    info[i] = TokenInfo{entry, kind};
    tokens[i].word = word;  // the id of the norm itself
  }

  SentenceSplitter splitter(text, lex);
  Tagger tagger(lex);
  size_t sentence_begin = 0;
  auto close_sentence = [&](size_t end) {
    if (end <= sentence_begin) return;
    Sentence s;
    s.begin = tokens[sentence_begin].begin;
    s.end = tokens[end - 1].end;
    s.first_token = static_cast<uint32_t>(sentence_begin);
    s.end_token = static_cast<uint32_t>(end);
    doc->sentences.push_back(s);
    tagger.TagSentence(text, tokens.data() + sentence_begin, info.data() + sentence_begin,
                       end - sentence_begin);
    sentence_begin = end;
  };
  for (size_t i = 0; i < n; ++i) {
    Token& t = tokens[i];
    if (splitter.Feed(raws[i], t.norm, info[i].entry)) close_sentence(i);
    if (i == sentence_begin) t.flags |= kSentenceStart;
  }
  close_sentence(n);
}

}  // namespace dyad
