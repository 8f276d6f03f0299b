// PhraseTable: multi-word phrases ("Republic of Turkiye", "deputy foreign minister",
// "U.S.") matched against a Document's tokens, indexed by their first word.
//
// Matching compares each phrase word with a token's norm and does not depend on how the
// tokenizer split punctuation inside a word: "U.S." matches the token "u.s." as well as the
// glued tokens "u" "." "s" "." (no space between them), and "d'affaires" matches "d'" +
// "affaires" the same way. The last word may also match a plural ("ministers", "embassies",
// "forces") or the token's lemma.
#ifndef DYAD_ACTORS_PHRASE_TABLE_H_
#define DYAD_ACTORS_PHRASE_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/document.h"
#include "util/word_cache.h"

namespace dyad {

class PhraseTable {
 public:
  struct Options {
    // Compare the raw text exactly ("US" is not "us"); set automatically for phrases
    // written with a capital after their first character ("UN", "UNHCR", "McDonald").
    bool case_sensitive = false;
    // The first letter in the text must be upper case (proper names).
    bool needs_capital = false;
    // The last word may match a plural or lemma of the token.
    bool allow_plural = false;
  };

  struct Match {
    uint32_t end = 0;    // one past the last token matched
    uint32_t value = 0;  // what Add() was given
    uint32_t words = 0;  // number of phrase words
  };

  // Adds phrase (words separated by single spaces, any case) with value. Returns false
  // (and adds nothing) for an empty phrase.
  bool Add(std::string_view phrase, uint32_t value, Options options);

  // The longest phrase that starts at token `begin` and ends at or before `limit`; ties go
  // to the phrase added first. accept(value) may reject candidates. False when none.
  template <typename Accept>
  bool LongestAt(const Document& doc, uint32_t begin, uint32_t limit, Accept accept,
                 Match* out) const;
  bool LongestAt(const Document& doc, uint32_t begin, uint32_t limit, Match* out) const {
    return LongestAt(doc, begin, limit, [](uint32_t) { return true; }, out);
  }

  // True when some phrase starts with the token's norm (or a plural/prefix key of it).
  bool MayStartAt(const Document& doc, uint32_t token) const;

  // MayStartAt split for callers that memoise per word: MayStartAt(doc, t) ==
  // MayStart(WordKeys(t.norm), WordKeys(t.lemma), t.lemma == t.norm).
  static constexpr uint8_t kKeyWord = 1;      // some phrase starts with the word
  static constexpr uint8_t kSingularKey = 2;  // ... or with a singular of it ("rebels")
  uint8_t WordKeys(std::string_view word) const;
  bool MayStart(uint8_t norm_keys, uint8_t lemma_keys, bool lemma_is_norm) const {
    if (norm_keys & kKeyWord) return true;
    if (!any_plural_) return false;
    return ((lemma_is_norm ? norm_keys & kSingularKey : lemma_keys & kKeyWord)) != 0;
  }

  size_t size() const { return phrases_.size(); }

 private:
  struct Phrase {
    std::vector<std::string> words;      // lower case, quotes folded
    std::vector<std::string> raw_words;  // as written, for case-sensitive matching
    uint32_t value = 0;
    Options options;
  };
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept;
  };
  using Index = std::unordered_map<std::string, std::vector<uint32_t>, KeyHash, std::equal_to<>>;

  // Tries phrase p at token begin; on success sets *end.
  bool MatchPhrase(const Document& doc, const Phrase& p, uint32_t begin, uint32_t limit,
                   uint32_t* end) const;
  static constexpr int kMaxLists = 5;
  // Candidate phrase lists for a token: its norm, lemma and singular keys.
  int Candidates(const Token& t, const std::vector<uint32_t>* lists[kMaxLists]) const;

  std::vector<Phrase> phrases_;
  bool any_plural_ = false;  // some phrase allows plurals: look up lemmas and singulars too
  Index index_;  // first word (and its alphanumeric prefix, and singulars) -> phrase ids
  KeyFilter filter_;  // the hashes of index_'s keys
  // index_'s list for key, or nullptr; the filter answers most absent keys.
  const std::vector<uint32_t>* FindKey(std::string_view key) const;
  TableId id_;   // memo key for index_ lookups (renewed by Add)
};

// ---- implementation of the template ----

template <typename Accept>
bool PhraseTable::LongestAt(const Document& doc, uint32_t begin, uint32_t limit,
                            Accept accept, Match* out) const {
  if (begin >= limit) return false;
  const std::vector<uint32_t>* lists[kMaxLists];
  int n = Candidates(doc.tokens[begin], lists);
  bool found = false;
  uint32_t best_id = 0;
  for (int k = 0; k < n; ++k) {
    for (uint32_t id : *lists[k]) {
      const Phrase& p = phrases_[id];
      uint32_t end = 0;
      if (!MatchPhrase(doc, p, begin, limit, &end)) continue;
      if (found && (end < out->end || (end == out->end && id >= best_id))) continue;
      if (!accept(p.value)) continue;
      out->end = end;
      out->value = p.value;
      out->words = static_cast<uint32_t>(p.words.size());
      best_id = id;
      found = true;
    }
  }
  return found;
}

// Lower-cases ASCII and UTF-8 letters, folds curly quotes to ASCII and composes to NFC,
// as the text stage does for Token::norm. Used when loading tables, not per token.
std::string NormalizePhrase(std::string_view text);

}  // namespace dyad

#endif  // DYAD_ACTORS_PHRASE_TABLE_H_
