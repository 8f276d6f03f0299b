// WordScanner: the words of an article as story fingerprints see them. Lower-cased
// (NFC and Unicode case folding for non-ASCII words, via text/normalize.h), apostrophes
// dropped ("don't" -> "dont", curly or straight alike), a possessive "'s" cut
// ("Reid's" -> "reid"), digit groups joined ("1,000" -> "1000", "5.93" stays), every
// other character a separator (hyphens too: "al-Shaibani" -> "al" "shaibani"). So that
// whitespace, quote style and hyphenation differences between two copies of one text
// give the same words. Never allocates after the first long non-ASCII word; linear.
#ifndef DYAD_STORY_WORD_SCANNER_H_
#define DYAD_STORY_WORD_SCANNER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad {

struct ScannedWord {
  std::string_view text;        // normalised; valid until the next call to Next()
  bool capitalized = false;     // the first letter was upper case
  bool sentence_start = false;  // first word of the text, or after . ! ? : ; or a newline
  bool numeric = false;         // starts with a digit
};

class WordScanner {
 public:
  // Words longer than this many bytes are cut (they are rare and are still hashed
  // consistently).
  static constexpr size_t kMaxWordBytes = 48;

  explicit WordScanner(std::string_view text) : text_(text) {}

  // The next word, or false at the end of the text.
  bool Next(ScannedWord* word);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  bool boundary_ = true;  // a sentence boundary since the last word
  char buf_[kMaxWordBytes];
  std::string folded_;    // for words with non-ASCII letters
};

}  // namespace dyad

#endif  // DYAD_STORY_WORD_SCANNER_H_
