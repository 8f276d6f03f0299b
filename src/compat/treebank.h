// Treebank tags: the part-of-speech tags of a Penn Treebank parse ("(ROOT (S (NP (NNP
// Arnor)) (VP (VBZ is) ...") laid over dyad's tokens. PETRARCH reads its verbs and nouns
// off such a parse (its input records carry one), so the classic coder takes a word the
// parse calls a verb as a verb, and one the parse calls a noun or adjective as no verb,
// where dyad's own tagger decided otherwise ("an attack" / "they attack").
#ifndef DYAD_COMPAT_TREEBANK_H_
#define DYAD_COMPAT_TREEBANK_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace dyad {

struct TreebankLeaf {
  std::string tag;   // "NNP", "VBD", ...
  std::string word;  // as written in the parse, escapes undone ("-LRB-" is "(")
};

// The leaves of a bracketed parse, in order; none when it is not one.
std::vector<TreebankLeaf> TreebankLeaves(std::string_view parse);

// Finds the leaves in doc->text in order and retags the tokens they cover whose verb-ness
// the parse contradicts: VB* makes a noun, adjective or unknown word a verb, MD an
// auxiliary; NN*, JJ*, RB*, CD make a verb a noun, adjective, adverb or number.
// Auxiliaries (be, have, do, will) and every other tag stay as dyad's tagger set them.
// Returns the number of tokens retagged.
size_t ApplyTreebankTags(std::string_view parse, Document* doc);

}  // namespace dyad

#endif  // DYAD_COMPAT_TREEBANK_H_
