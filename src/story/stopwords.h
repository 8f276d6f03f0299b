// Function words and news boilerplate that carry nothing about which event an article
// reports: left out of the term vectors (they stay in the near-duplicate shingles).
#ifndef DYAD_STORY_STOPWORDS_H_
#define DYAD_STORY_STOPWORDS_H_

#include <cstdint>
#include <string_view>

namespace dyad {

// The hash of a normalised word (lower case, as WordScanner returns it): XXH3-64,
// never 0.
uint64_t WordHash(std::string_view word);

// True if the word (normalised) is an English function word, an auxiliary, a reporting
// verb ("said", "told"), a weekday, or web boilerplate ("http", "www"). By hash, so
// that the caller hashes each word once.
bool IsStopwordHash(uint64_t word_hash);
inline bool IsStopword(std::string_view word) { return IsStopwordHash(WordHash(word)); }

}  // namespace dyad

#endif  // DYAD_STORY_STOPWORDS_H_
