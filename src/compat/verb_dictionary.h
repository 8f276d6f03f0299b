// VerbDictionary: the verbs and verb patterns of a TABARI .verbs file or a PETRARCH
// verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt), read from the user's files
// into one neutral form that the converter (verb_converter.h) turns into dyad patterns.
//
// TABARI:   ROOT [code]            a verb (a stem unless it ends in '_': then the regular
//           { FORM FORM }          forms -S -ES -ED -EN -ING; '=': only itself), its
//           - words * words [code] irregular forms, and its patterns.
// PETRARCH: --- NAME [code] ---    a block of synonymous verbs, one a line, each with
//           VERB {FORMS} [code]    optional irregular forms and its own default code;
//           +PARTICLE_VERB           '+' marks the verb of a multi-word verb (+BREAK_DOWN,
//           - pattern [code]       WIRE_+TAP); the patterns apply to every verb of the block.
// Patterns: '*' the verb, '$' source, '+' target, '%' compound actor, '^' one skipped
// word, '_' joins words that must be adjacent (a space lets words come between),
// '&NAME' a synonym set (&NAME / +PHRASE lines), '{ A | B }' alternatives (TABARI),
// '(PP words)' and '{NP words}' phrase groups (PETRARCH).
// Codes: "064"; "032:033" (TABARI: the second code for the reversed dyad; PETRARCH:
// the second code when the verb is passive); ":173" (only the reversed dyad / passive); "---" (no event); "###" (discard the sentence); "+++"
// (too complex: discard the sentence); TABARI's '!' and '?' marks are kept.
#ifndef DYAD_COMPAT_VERB_DICTIONARY_H_
#define DYAD_COMPAT_VERB_DICTIONARY_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compat/classic_format.h"
#include "util/diagnostics.h"

namespace dyad {

struct PatternToken {
  enum Kind : uint8_t {
    kWord,      // `word` holds the word
    kVerb,      // '*'
    kSource,    // '$'
    kTarget,    // '+'
    kCompound,  // '%'
    kSkip,      // '^'
    kChoice,    // one of `choices`, each a token sequence
  };
  Kind kind = kWord;
  bool joined = false;  // directly after the previous token (no words between)
  PhraseWord word;
  std::vector<std::vector<PatternToken>> choices;
};

struct ClassicPattern {
  std::vector<PatternToken> tokens;  // exactly one kVerb
  std::string code;                  // as written inside the brackets
  std::string text;                  // the pattern as written, for evidence
  std::string origin;                // "file:line"
};

// One verb: its words with the verb itself marked kVerb ("LASH OUT", "WIRE_+TAP"), and
// every form the verb word takes.
struct ClassicVerb {
  std::vector<PatternToken> phrase;  // one kVerb, maybe particles around it
  std::vector<PhraseWord> forms;     // base, regular and irregular forms of the verb word
  std::string code;                  // its own default code, "" = the group's
  std::string origin;
};

struct VerbGroup {
  std::string name;  // the root ("RESTOR", "ACCELERATE")
  std::string code;  // default code of the group's verbs
  std::vector<ClassicVerb> verbs;
  std::vector<ClassicPattern> patterns;
};

class VerbDictionary {
 public:
  // Add the verbs of one file. Malformed lines are reported (origin:line) and skipped.
  // Return the number of patterns (and default-coded verbs) read.
  size_t ReadTabari(std::string_view text, std::string_view origin, const DiagnosticSink& diag);
  size_t ReadPetrarch(std::string_view text, std::string_view origin, const DiagnosticSink& diag);

  const std::vector<VerbGroup>& groups() const { return groups_; }

  // The regular forms TABARI gives a verb written "WORD_": word, -s, -es, -ed, -en, -ing
  // (a final e is dropped before -ed, -en and -ing). Lower case.
  static std::vector<std::string> TabariRegularForms(std::string_view base);
  // PETRARCH's regular forms of a verb: base, -s/-es/-ies, -ed/-ied, -ing.
  static std::vector<std::string> PetrarchRegularForms(std::string_view base);

 private:
  struct RawPattern {
    std::string text;  // between the leading '-' and the code block
    std::string code;
    std::string origin;
    size_t group = 0;
  };
  struct Synset {
    std::vector<std::string> members;  // phrases as written
    bool plurals = true;               // PETRARCH: members also match their plurals
    std::string origin;
  };
  // Parses raw pattern text into tokens, resolving synsets. Returns "" or an error.
  std::string ParsePattern(std::string_view text, ClassicDialect dialect,
                           std::vector<PatternToken>* out, int depth) const;
  void ResolvePatterns(ClassicDialect dialect, const DiagnosticSink& diag);

  std::vector<VerbGroup> groups_;
  std::map<std::string, Synset, std::less<>> synsets_;
  std::vector<RawPattern> raw_;
};

}  // namespace dyad

#endif  // DYAD_COMPAT_VERB_DICTIONARY_H_
