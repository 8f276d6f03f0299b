// TextAnalyzer: article text -> sentences and tokens with lemmas and light tags.
//
// Normalisation (Token::norm): NFC, curly quotes and dashes to ASCII, lower case; the
// clitic "n't" has norm "not". Tokens: see text/tokenizer.h. Sentences: see
// text/sentence_splitter.h; Sentence spans run from the first token's first byte to the
// last token's last byte. kSentenceStart is set on the first token of each sentence.
// Lemmas and tags: text/lemmatizer.h, text/tagger.h. FoldForMatching (accent-free keys
// for name matching) is in text/normalize.h.
#ifndef DYAD_TEXT_ANALYZER_H_
#define DYAD_TEXT_ANALYZER_H_

#include <string_view>

#include "text/document.h"

namespace dyad {

class Lexicon;

class TextAnalyzer {
 public:
  TextAnalyzer();  // loads the built-in lexicon (data/lexicon/)
  // Fills doc (cleared first) from text; doc->text = text. Never fails: any byte
  // sequence gives some tokens, invalid UTF-8 bytes become symbol tokens. Reuses the
  // capacity of doc's vectors and token strings, so analysing many articles into one
  // Document does not allocate per token. Thread-safe (const). Texts over 4 GiB are
  // analysed up to 4 GiB (offsets are 32-bit).
  void Analyze(std::string_view text, Document* doc) const;

 private:
  const Lexicon* lexicon_;  // shared, immutable
};

}  // namespace dyad

#endif  // DYAD_TEXT_ANALYZER_H_
