// Features of a parser configuration, in the style of Zhang and Nivre (2011) adapted to
// arc-hybrid: words, tags and labels of the stack and buffer items and of their leftmost
// and rightmost dependents, distances, valencies and label sets, each hashed to 64 bits
// (FeatureHash) for the perceptron.
#ifndef DYAD_SYNTAX_PARSER_FEATURES_H_
#define DYAD_SYNTAX_PARSER_FEATURES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/transition_system.h"
#include "syntax/ud.h"
#include "syntax/word_clusters.h"

namespace dyad {

// The per-word codes the features read, computed once per sentence: slot n is the root.
struct SentenceCodes {
  std::vector<uint64_t> word;  // hash of the normalised form
  std::vector<uint64_t> tag;   // hash of XPOS (UPOS when there is none)
  std::vector<uint64_t> wt;    // word and tag together
  std::vector<uint8_t> upos;
  std::vector<uint64_t> cluster;  // word class (word_clusters.h), 0 when unknown
  std::vector<uint64_t> tagset;   // the tags the treebank gives the word, 0 when unseen

  // Fills the codes; `scratch` holds the normalised form while it is hashed.
  void Encode(const std::string_view* forms, const UPos* upos, const std::string_view* xpos,
              int32_t n, const WordClusters& clusters, const WordClusters& tagsets,
              std::string* scratch);
};

// Lower case (ASCII), every digit 0: "Geneva" -> "geneva", "1,250" -> "0,000".
void NormalizeParserWord(std::string_view form, std::string* out);

inline constexpr int kMaxParserFeatures = 128;

// Writes the features of `s` to out[0, k) and returns k (<= kMaxParserFeatures).
int ExtractParserFeatures(const ParseState& s, const SentenceCodes& c, uint64_t* out);

}  // namespace dyad

#endif  // DYAD_SYNTAX_PARSER_FEATURES_H_
