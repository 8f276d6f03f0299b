// Tokenizer: splits article text into tokens with byte offsets into the original text.
// Words (hyphenated words are one token), numbers with separators ("1,000", "5.93"),
// abbreviations with their period ("U.S.", "Dr.", "W."), clitics as their own tokens
// ("'s", "n't", "'re"), URLs and e-mail addresses, one token per punctuation mark
// (runs like "...", "--", "?!" stay together), and every byte that is not valid UTF-8
// as a one-byte symbol token. Never allocates, never recurses; linear in the text.
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>

#include "text/lexicon.h"

namespace dyad {

enum class TokenKind : uint8_t {
  kWord,
  kNumber,   // digits with optional , . separators: 1,000 5.93 1992
  kAbbrev,   // word with its final period: U.S. Dr. W. etc.
  kUrl,
  kEmail,
  kClitic,   // 's ' n't 're 've 'll 'd 'm
  kPunct,
  kSymbol,   // symbols, control characters, invalid bytes
};

struct RawToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t newlines_before = 0;  // line breaks since the previous token, capped at 2
  bool space_before = false;    // any whitespace since the previous token
  bool indented = false;        // starts a line after 2+ columns of indentation
  bool hyphenated = false;      // a word with an inner hyphen
  bool ascii = true;            // only ASCII bytes
  bool invalid = false;         // a byte that is not valid UTF-8
};

class Tokenizer {
 public:
  // The lexicon decides which words take their final period ("Dr.", not "said.").
  Tokenizer(std::string_view text, const Lexicon& lexicon) : text_(text), lexicon_(lexicon) {}

  // The next token, or false at the end of the text.
  bool Next(RawToken* t);

 private:
  void ScanWord(RawToken* t);
  bool ScanUrl(RawToken* t);
  bool ScanEmail(RawToken* t);
  size_t CliticLength(size_t apostrophe_pos, size_t apostrophe_len) const;
  bool AbbreviationPeriod(size_t begin, size_t end, bool dotted) const;
  bool DomainAhead(size_t dot) const;
  bool LetterAt(size_t pos) const;

  std::string_view text_;
  const Lexicon& lexicon_;
  size_t pos_ = 0;
  TokenKind prev_kind_ = TokenKind::kPunct;
  bool have_prev_ = false;
};

}  // namespace dyad

#endif  // DYAD_TEXT_TOKENIZER_H_
