// CoNLL-U (Universal Dependencies) sentences: reading and writing.
//
// Only the word lines (integer IDs) are a sentence's words; multi-word token lines
// ("3-4") and empty nodes ("8.1") are kept verbatim in `other_lines` (with the index of
// the word they precede) so that a sentence can be written back unchanged around the
// columns a tool fills in.
#ifndef DYAD_SYNTAX_CONLLU_H_
#define DYAD_SYNTAX_CONLLU_H_

#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/diagnostics.h"

namespace dyad {

struct ConlluWord {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int head = -1;  // 0 = root, 1..n = word ID; -1 when the column is "_"
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
};

struct ConlluSentence {
  std::vector<std::string> comments;  // without the leading "# ", in file order
  std::vector<ConlluWord> words;      // words[i] has ID i + 1
  // Multi-word token and empty-node lines: (index of the word they precede, line).
  std::vector<std::pair<size_t, std::string>> other_lines;
  size_t line = 0;  // line of the sentence's first line in its file (1-based)

  // The "text = ..." comment's value, or "" when there is none.
  std::string_view Text() const;
};

// Reads every sentence of `in`. A malformed line (wrong column count, non-numeric or
// out-of-range ID or HEAD, IDs out of order) is reported through `diagnostics` as
// "name:line" and its whole sentence is skipped; the rest of the input is kept.
// Returns the number of sentences skipped.
size_t ReadConllu(std::istream& in, std::string_view name, std::vector<ConlluSentence>* out,
                  const DiagnosticSink& diagnostics);

// Reads a file; false (with a diagnostic) when it cannot be opened.
bool ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out,
                    const DiagnosticSink& diagnostics, size_t* skipped = nullptr);

// Writes one sentence block: comments as "# ...", word lines (with other_lines where
// they were), a blank line.
void WriteConllu(const ConlluSentence& sentence, std::ostream& out);

}  // namespace dyad

#endif  // DYAD_SYNTAX_CONLLU_H_
