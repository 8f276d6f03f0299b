// Lexical conventions shared by the TABARI and PETRARCH dictionary files: line
// iteration with comments removed, the words of a phrase ("ITHILEN_GOVERNMENT_RADIO_"),
// and bracketed code blocks ("[USAGOV 991201-010114]", "[~GOV]", "[032:033]").
#ifndef DYAD_COMPAT_CLASSIC_FORMAT_H_
#define DYAD_COMPAT_CLASSIC_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// Which program's conventions a dictionary file follows. They share most syntax; they
// differ in comments (';' vs '#') and in how a dictionary word matches a text word.
enum class ClassicDialect : uint8_t {
  kTabari,    // ';' comments; a word is a stem unless it ends in '_' (or '=')
  kPetrarch,  // '#' and <!-- --> comments; words match whole words
};

// How one dictionary word matches one text word (both lower case).
enum class WordMatch : uint8_t {
  kExact,        // the same word
  kNounEndings,  // the same word, or it plus "s" / "es" (TABARI "LIBYA_" matches "libyas")
  kStem,         // any word that begins with it (TABARI "ARGENTIN" matches "argentina")
};

struct PhraseWord {
  std::string text;  // lower case, never empty
  WordMatch match = WordMatch::kExact;
  // Must directly follow the previous word (joined by '_' or '-' in the dictionary);
  // otherwise TABARI lets other words sit between the two.
  bool joined = false;
};

bool WordMatches(const PhraseWord& w, std::string_view text_word);

// Splits a dictionary phrase ("AL GORE", "ITHILEN_GOVERNMENT_RADIO_", "BARAD-DUR") into
// words. A word followed by '_' or '-' is exact (TABARI: the connector ends the word);
// the last word is a stem in TABARI unless it ends in '_' (exact, regular noun endings
// allowed) or '=' (exact). In PETRARCH every word is exact and every word joined.
std::vector<PhraseWord> SplitPhrase(std::string_view phrase, ClassicDialect dialect);

// The lines of a dictionary file with comments removed and trailing blanks trimmed.
// Keeps leading blanks (indentation means "continuation" in actor files). PETRARCH
// <!-- ... --> comments may span lines; they yield empty lines.
class ClassicLines {
 public:
  ClassicLines(std::string_view text, ClassicDialect dialect);
  // Next line; false at the end. *line_no is 1-based.
  bool Next(std::string_view* line, size_t* line_no);

 private:
  std::string_view text_;
  ClassicDialect dialect_;
  size_t pos_ = 0;
  size_t line_no_ = 0;
  bool in_xml_comment_ = false;
};

// A date restriction of a code: [CODE <date], [CODE >date], [CODE date-date].
// Dates are yyyymmdd; 0 means unbounded.
struct DateRange {
  int32_t from = 0;  // inclusive
  int32_t to = 0;    // inclusive
  bool Contains(int32_t date) const {
    return (from == 0 || date >= from) && (to == 0 || date <= to);
  }
  bool unrestricted() const { return from == 0 && to == 0; }
};

// Parses "950601" (yymmdd; years below 30 are 20yy) or "19950601" to yyyymmdd; 0 when
// malformed.
int32_t ParseClassicDate(std::string_view s);

// Parses the inside of one code block ("USAGOV 991201-010114", " ~GOV", "HOB < 950601").
// On success sets *code (upper case as written, '~' kept) and *range; else returns a
// message.
std::string ParseCodeBlock(std::string_view inside, std::string* code, DateRange* range);

std::string_view TrimBlanks(std::string_view s);
std::string LowerAscii(std::string_view s);

}  // namespace dyad

#endif  // DYAD_COMPAT_CLASSIC_FORMAT_H_
