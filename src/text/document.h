// Document: the text layer of one article. Sentences and tokens point into the
// article text by byte offsets; nothing is copied except each token's normal form.
#ifndef DYAD_TEXT_DOCUMENT_H_
#define DYAD_TEXT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ud.h"  // the inventories only: the syntax layer's fields below

namespace dyad {

class Lexicon;

// Light part-of-speech tag: from the lexicon and context rules for every sentence, then,
// in the sentences the syntax stage parses, from the statistical tagger (syntax/).
enum class Tag : uint8_t {
  kUnknown,
  kNoun,       // common noun
  kProper,     // capitalised word not sentence-initial, or known name
  kVerb,       // verb form (any tense)
  kAux,        // be, have, do, will, would, can, could, may, might, must, shall, should
  kAdj,
  kAdv,
  kDet,        // the, a, an, this, these, its, their, his, her ...
  kPron,       // he, she, it, they, we, i, you, him, them ...
  kPrep,       // in, on, with, to, from, by, of, for, at ...
  kConj,       // and, or, but
  kSubord,     // that, which, who, where, while, after, because, when, if ...
  kNeg,        // not, n't, never, no
  kNum,        // 12, 1,000, twelve
  kPunct,
  kSymbol,
};

enum TokenFlag : uint8_t {
  kCapitalized = 1 << 0,  // first letter upper case
  kAllCaps = 1 << 1,      // every letter upper case (and at least two letters)
  kSentenceStart = 1 << 2,
  kHyphenated = 1 << 3,   // contains '-' inside ("al-Shaibani", "post-conflict")
};

struct Token {
  uint32_t begin = 0;  // byte offset into Article::text
  uint32_t end = 0;    // one past the last byte
  std::string norm;    // NFC, curly quotes/dashes folded to ASCII, lower case: "shaibani"
  std::string lemma;   // base form for verbs and nouns ("visited" -> "visit",
                       // "met" -> "meet", "children" -> "child"); else == norm
  Tag tag = Tag::kUnknown;
  uint8_t flags = 0;
  // The syntax layer (syntax/syntax_analyzer.h), in parsed sentences only: universal part
  // of speech, the relation to the head, and the head (an index into Document::tokens;
  // kNoHead for the sentence's root and in unparsed sentences).
  UPos upos = UPos::kNone;
  Deprel deprel = Deprel::kNone;
  // Word ids (lexicon.h) of norm and lemma in Document::lexicon, 0 when it does not hold
  // them: the keys of later stages' per-word tables.
  uint32_t word = 0;
  uint32_t lemma_word = 0;
  static constexpr uint32_t kNoHead = ~uint32_t{0};
  uint32_t head = kNoHead;
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
  // lemma == norm, by the word ids where there are any (equal ids are equal words; a word
  // of the lexicon and one outside it differ), else by the strings.
  bool LemmaIsNorm() const {
    if ((word | lemma_word) != 0) return word == lemma_word;
    return lemma == norm;
  }
};

struct Sentence {
  uint32_t begin = 0;        // byte offset into Article::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t end_token = 0;    // one past the last token
  bool parsed = false;       // its tokens carry the syntax layer (upos, head, deprel)
};

struct Document {
  std::string_view text;  // the article text the offsets refer to
  const Lexicon* lexicon = nullptr;  // the lexicon of Token::word ids, or null (no ids)
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view TokenText(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
  std::string_view SentenceText(const Sentence& s) const {
    return text.substr(s.begin, s.end - s.begin);
  }
  // Clears the contents and keeps the capacity, so a reused Document does not allocate.
  void Clear() {
    text = {};
    lexicon = nullptr;
    tokens.clear();
    sentences.clear();
  }
};

}  // namespace dyad

#endif  // DYAD_TEXT_DOCUMENT_H_
