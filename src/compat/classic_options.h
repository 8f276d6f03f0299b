// ClassicCoderOptions: what the classic coders decide beyond their dictionaries, and
// reading it from a TABARI .options file or the [Options] of a PETRARCH config:
//   SET: CODE BY CLAUSE | CODE BY SENTENCE | CODE ALL   which verbs are coded
//   SET: MINIMUM WORDS = 8                             shorter sentences are not coded
//   SET: CONVERT AGENT = TRUE                          an agent alone codes "~GOV"
//   DEFAULT: SOURCE [CODE] PRIOR TARGET [CODE] AFTER | DEFAULT: OFF
//                                  codes for a verb's missing source or target
//   FORWARD: ^^*****NNN*SSS [OFF]  a pronoun with no antecedent in its sentence takes
//                                  the first actor of the story's previous sentence
//   COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0 | COMMA: OFF
//   (PETRARCH: comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax)
// Comma rules drop a comma-delimited clause of that many words before coding: internal
// (", ... ,"), terminal (", ... ." : EMIN/EMAX) and initial ("... ," : BMIN/BMAX), as in
// "Gollum, long a friend of the elves, called on Gondor".
#ifndef DYAD_COMPAT_CLASSIC_OPTIONS_H_
#define DYAD_COMPAT_CLASSIC_OPTIONS_H_

#include <string>
#include <string_view>

#include "util/diagnostics.h"

namespace dyad {

struct CommaRules {
  // A clause is dropped when min <= words <= max; min > max turns a rule off.
  int min = 1, max = 0;
  int end_min = 1, end_max = 0;
  int begin_min = 1, begin_max = 0;
  bool any() const { return min <= max || end_min <= end_max || begin_min <= begin_max; }
};

enum class CodeBy {
  kClause,    // TABARI's default: the first verb of each clause
  kSentence,  // the first verb of each sentence
  kAll,       // every verb (dyad's own way; PETRARCH's)
};

// TABARI's DEFAULT: command. A verb with no actor where the source (target) belongs
// codes the default instead. PRIOR: the source defaults as soon as no actor comes before
// the verb (else TABARI first takes the actor after it as the source); AFTER: the target
// defaults as soon as no actor comes after the verb (else a compound subject's last
// member is the target).
struct DefaultActors {
  std::string source, target;  // "" = no default
  bool source_prior = false;
  bool target_after = false;
  bool any() const { return !source.empty() || !target.empty(); }
};

struct ClassicCoderOptions {
  CodeBy code_by = CodeBy::kAll;
  int min_words = 0;                 // sentences with fewer words are not coded
  CommaRules commas;                 // off
  bool convert_lone_agents = false;  // an agent with no actor codes "~GOV"
  bool resolve_pronouns = true;
  DefaultActors defaults;            // off
  bool forward = false;              // TABARI's FORWARD: pronouns across sentences

  // TABARI's built-in settings: code by clause, at least 8 words, comma clauses of
  // 2 to 10 words (internal and terminal).
  static ClassicCoderOptions TabariDefaults();
  // PETRARCH's: every verb, comma clauses of 2 to 8 words (internal and terminal).
  static ClassicCoderOptions PetrarchDefaults();
};

// Applies one line of a TABARI .options file. Lines that do not concern dyad (LABEL:,
// OUTPUT:, COMPLEX:, ...) are accepted and ignored; returns "" or what is wrong.
std::string ApplyTabariOption(std::string_view line, ClassicCoderOptions* options);

// Every line of a TABARI .options file ("//" comments); problems are warnings.
void ReadTabariOptions(std::string_view text, std::string_view origin, ClassicCoderOptions* options,
                       const DiagnosticSink& diag);

// The comma_* settings of the [Options] section of a PETRARCH config file.
void ReadPetrarchOptions(std::string_view text, std::string_view origin, ClassicCoderOptions* options,
                         const DiagnosticSink& diag);

}  // namespace dyad

#endif  // DYAD_COMPAT_CLASSIC_OPTIONS_H_
