// TextAnalyzer: article text -> sentences and tokens with lemmas and light tags.
#ifndef DYAD_TEXT_ANALYZER_H_
#define DYAD_TEXT_ANALYZER_H_

#include <string_view>

#include "text/document.h"

namespace dyad {

class TextAnalyzer {
 public:
  TextAnalyzer();  // loads the built-in lexicon (data/lexicon/)
  // Fills doc (cleared first) from text; doc->text = text. Never fails: any byte
  // sequence gives some tokens, invalid UTF-8 bytes become symbol tokens.
  void Analyze(std::string_view text, Document* doc) const;
};

}  // namespace dyad

#endif  // DYAD_TEXT_ANALYZER_H_
