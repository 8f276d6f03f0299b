// DiscardList: PETRARCH's discard file. A sentence containing one of its phrases is not
// coded ("BASEBALL", "MONTHS LATER"); a phrase written with a leading '+' discards the
// whole story ("+Manchester United"). Phrases are matched on the tokens' normal forms,
// word for word.
#ifndef DYAD_COMPAT_DISCARD_LIST_H_
#define DYAD_COMPAT_DISCARD_LIST_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "util/diagnostics.h"

namespace dyad {

class DiscardList {
 public:
  // Adds the phrases of one discard file; returns how many.
  size_t Read(std::string_view text, std::string_view origin, const DiagnosticSink& diag);

  // Sets (*sentences)[i] for each sentence of doc holding a sentence-level phrase
  // (the vector is resized to the sentence count; flags already set stay set). Returns
  // true when the document holds a story-level phrase.
  bool Apply(const Document& doc, std::vector<bool>* sentences) const;
  size_t size() const { return count_; }

 private:
  struct Phrase {
    std::vector<std::string> words;  // lower case; hyphens kept inside words
    bool story = false;
  };
  std::unordered_map<std::string, std::vector<Phrase>> by_first_;
  size_t count_ = 0;
};

}  // namespace dyad

#endif  // DYAD_COMPAT_DISCARD_LIST_H_
