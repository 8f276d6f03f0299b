// SentenceSplitter: decides, token by token, where sentences end. Survives
// abbreviations (Dr., U.S., Jan., etc.), initials (George W. Bush), numbers, closing
// quotes after the final mark (`... he said." Then`), ellipses and name particles; a
// blank line always ends a sentence, a single line break only when the line before
// stops short of the line width (a title, a dateline) or the next line is indented.
// Streaming and linear: never looks more than a few lines around a line break.
#ifndef DYAD_TEXT_SENTENCE_SPLITTER_H_
#define DYAD_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace dyad {

class SentenceSplitter {
 public:
  // Sentences longer than this many tokens are cut at the next comma or semicolon, and
  // at kHardMaxTokens anyway, so that later stages never see unbounded sentences.
  static constexpr size_t kSoftMaxTokens = 300;
  static constexpr size_t kHardMaxTokens = 1000;

  SentenceSplitter(std::string_view text, const Lexicon& lexicon);

  // Feeds the next token (with its normal form and lexicon entry, which may be null);
  // true when a new sentence starts at this token (never for the first token).
  bool Feed(const RawToken& t, std::string_view norm, const LexEntry* entry);

 private:
  enum class Pending : uint8_t { kNone, kPeriod, kStrong, kEllipsis, kAbbrev };

  bool Decide(const RawToken& t, std::string_view norm, const LexEntry* entry) const;
  bool LineBreakEndsSentence(const RawToken& t, const LexEntry* entry) const;
  bool StartsLikeSentence(const RawToken& t) const;
  bool IsClosingPunct(const RawToken& t, std::string_view norm) const;
  size_t LineLength(size_t line_begin, size_t* next_line_begin) const;
  size_t LineStartBefore(size_t pos) const;

  std::string_view text_;
  const Lexicon& lexicon_;
  bool lowercase_text_ = false;  // text written without capitals: "he said. about 60..."
  bool uppercase_text_ = false;  // text written in capitals: line starts say nothing
  bool first_ = true;
  Pending pending_ = Pending::kNone;
  AbbrevClass pending_abbrev_ = AbbrevClass::kNone;
  bool prev_continues_ = false;  // the previous token cannot end a line-sentence
  bool prev_soft_cut_ = false;   // the previous token is a comma or semicolon
  uint32_t prev_end_ = 0;
  size_t sentence_tokens_ = 0;
};

}  // namespace dyad

#endif  // DYAD_TEXT_SENTENCE_SPLITTER_H_
