// Lemmatizer: the base form of an English verb or noun ("visited" -> "visit", "met" ->
// "meet", "children" -> "child", "reopening" -> "reopen"), from the lexicon's expanded
// inflection table, with suffix rules for words the lexicon lacks.
#ifndef DYAD_TEXT_LEMMATIZER_H_
#define DYAD_TEXT_LEMMATIZER_H_

#include <string>
#include <string_view>

#include "text/document.h"
#include "text/lexicon.h"

namespace dyad {

// The lemma of a normalised (lower-case) form tagged `tag`; entry is
// lexicon.Find(norm) (may be null). Verbs and auxiliaries get their verb lemma; nouns
// their singular (a gerund used as a noun its verb: "the reopening" -> "reopen");
// closed-class words their listed lemma ("n't" -> "not"); everything else, and proper
// nouns, the form itself. The result points into the lexicon, into norm, or into
// *buf (for suffix rules).
std::string_view Lemmatize(const Lexicon& lexicon, std::string_view norm, const LexEntry* entry,
                           Tag tag, std::string* buf);

// Convenience for tests and tools: Lemmatize with its own lookup and buffer.
std::string LemmaOf(const Lexicon& lexicon, std::string_view norm, Tag tag);

// Suffix rules alone, for forms the lexicon does not know.
std::string_view GuessVerbLemma(std::string_view norm, std::string* buf);
std::string_view GuessNounLemma(std::string_view norm, std::string* buf);

}  // namespace dyad

#endif  // DYAD_TEXT_LEMMATIZER_H_
