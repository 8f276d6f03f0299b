// Tagger: light part-of-speech tags and lemmas for one sentence, from the lexicon and a
// few context rules (no statistical model). Closed-class words come from the lexicon;
// words that can be noun or verb ("visit", "talks", "aid") are decided by what precedes
// them (determiner or preposition: noun; pronoun, auxiliary, "to" or a subject: verb);
// capitalised words inside a sentence are proper nouns.
#ifndef DYAD_TEXT_TAGGER_H_
#define DYAD_TEXT_TAGGER_H_

#include <string>
#include <string_view>

#include "text/document.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"

namespace dyad {

// What the tagger needs to know about a token besides the Token itself.
struct TokenInfo {
  const LexEntry* entry = nullptr;  // lexicon entry of the norm, or null
  TokenKind kind = TokenKind::kWord;
};

class Tagger {
 public:
  explicit Tagger(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Sets tag and lemma of tokens[0, count), one sentence of text; norms and flags must
  // be set.
  void TagSentence(std::string_view text, Token* tokens, const TokenInfo* info,
                   size_t count) const;

 private:
  struct Context;
  Tag TagWord(const Context& c, size_t i) const;
  Tag ResolveOpenClass(const Context& c, size_t i) const;

  const Lexicon& lexicon_;
};

}  // namespace dyad

#endif  // DYAD_TEXT_TAGGER_H_
