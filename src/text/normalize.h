// Normal forms of tokens: what Token::norm holds, and the accent-free key that name
// matching uses.
#ifndef DYAD_TEXT_NORMALIZE_H_
#define DYAD_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace dyad {

// Writes the normal form of one token's bytes into *out (replacing its contents):
// NFC (only computed when the token has non-ASCII bytes), curly quotes and apostrophes
// to ASCII ' and ", dashes to '-', the ellipsis character to "...", Unicode spaces to
// ' ', lower case. Diacritics are kept ("Türkiye" -> "türkiye"). Bytes that are not
// valid UTF-8 become U+FFFD. Does not allocate when the result fits the string's
// capacity.
void NormalizeToken(std::string_view raw, std::string* out);

// Like NormalizeToken but also strips diacritics and folds letters without a
// decomposition (ı ł ø đ æ œ ß þ), for matching names: "Türkiye" -> "turkiye",
// "Łódź" -> "lodz". Any text, not only one token; runs of Unicode spaces become ' '.
std::string FoldForMatching(std::string_view text);
void FoldForMatching(std::string_view text, std::string* out);

}  // namespace dyad

#endif  // DYAD_TEXT_NORMALIZE_H_
