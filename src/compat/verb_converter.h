// ConvertedVerbs: a classic verb dictionary (verb_dictionary.h) as dyad event patterns.
//
// Each classic pattern becomes one dyad Pattern (more when its alternatives have
// several words) anchored on the verb, so that dyad's grammar finds the source (the
// subject, passive voice) and target as it does for its own patterns:
//   - '*' is the anchor; its alternatives are the verb's forms;
//   - a space between two classic words becomes a gap ("..."), '_' keeps them adjacent;
//   - '$' and '+' become SRC and TGT where written; '%' (compound actor) becomes SRC
//     with the pattern symmetric, so the members of the compound code events among
//     themselves; '^' skips one word or one actor (PatternElement::kSkip);
//   - PETRARCH: an actor slot after a noun's preposition ("* ATTACK ON +") is that
//     preposition's object: no gap before it;
//   - TABARI's '_' keeps two words adjacent (PatternElement::adjacent); a pattern's
//     defaults come after all patterns, so that at equal length a pattern wins;
//   - a TABARI stem ("RESTOR") matches every word of dyad's lexicon that begins with it
//     (restore, restoration...), and itself;
//   - "---" and "+++" become DISCARD (no event at this verb, beats shorter patterns),
//     "###" DISCARD-SENTENCE.
// Classic codes are not CAMEO 1.1 codes in general (WEIS, CAMEO 2.0 variants, "075A"), so
// the dyad patterns carry a placeholder code and the classic code is looked up by the
// pattern text an Event carries (Event::pattern).
#ifndef DYAD_COMPAT_VERB_CONVERTER_H_
#define DYAD_COMPAT_VERB_CONVERTER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compat/verb_dictionary.h"
#include "events/dictionary.h"
#include "util/diagnostics.h"

namespace dyad {

// What a converted pattern codes.
struct ClassicCode {
  std::string forward;  // source -> target, "" = none (":173")
  std::string reverse;  // target -> source (TABARI's paired "032:033"), "" = none
  std::string passive;  // PETRARCH's "A:B": B, the verb's passive meaning (its object acts)
  bool dominant = false; // TABARI "031!": coded in preference to the clause's other verbs
  std::vector<uint32_t> patterns;  // ids of the dyad patterns with this text
};

// Word forms of dyad's lexicon that begin with a stem, for TABARI's stem matching:
// "RESTOR" is restore, restores, restored, restoring, restoration...; "LEAVE" is leave,
// leaves, leaver but not left or leaving (TABARI matches the letters of the text).
class StemExpander {
 public:
  // The built-in lexicon's words (data/lexicon/) with their regular and irregular
  // inflections.
  static const StemExpander& Default();
  explicit StemExpander(std::vector<std::string> forms);  // any order
  // Appends to *out the forms beginning with stem (at most `limit`); returns how many
  // forms begin with it in all.
  size_t Expand(std::string_view stem, size_t limit, std::vector<std::string>* out) const;
  // The regular inflections dyad assumes for a word (plural, -s, -ed, -ing, with the
  // usual spelling changes; some are not words, which is harmless for matching).
  static void Inflect(std::string_view word, std::vector<std::string>* out);

 private:
  std::vector<std::string> forms_;  // sorted, unique
};

class ConvertedVerbs {
 public:
  // The code every converted pattern carries inside the dyad engine: a CAMEO code that
  // dyad's modality rules leave unchanged.
  static constexpr std::string_view kPlaceholderCode = "010";

  // TABARI words match the letters of the text (exact forms; stems expanded over the
  // lexicon's forms); PETRARCH words match a text word's form or lemma, and a pattern's
  // verb must be tagged a verb (PETRARCH reads its verbs off a parse: "an attack" is not
  // the verb "attack").
  explicit ConvertedVerbs(ClassicDialect dialect, const StemExpander& stems = StemExpander::Default());

  // Converts every verb and pattern; problems (e.g. alternatives that expand too far)
  // are reported. Returns the number of dyad patterns added.
  size_t Convert(const VerbDictionary& verbs, const DiagnosticSink& diag);

  const Dictionary& dictionary() const { return dictionary_; }
  // The longest TABARI stem (3 letters or more) that word begins with, or "": lets a word
  // the lexicon does not know ("yennyener") match its stem as TABARI would.
  std::string_view LongestStem(std::string_view word) const;
  // The classic codes of the pattern with this text, or nullptr.
  const ClassicCode* CodesOf(std::string_view pattern_text) const;
  // The default code of the verb a word is a form of ("dealt": BARGAIN's "050"), or ""
  // when the word is no verb of the dictionary or its verb codes nothing by itself.
  std::string_view VerbCodeOf(std::string_view word) const;

 private:
  struct Shape;
  struct Flat;
  void AddPatterns(const std::vector<PatternToken>& tokens, const Shape& verb, std::string_view code,
                   const std::string& text, const std::string& origin, bool root, const DiagnosticSink& diag);
  void AddFlat(const std::vector<Flat>& flat, const Shape& verb, std::string_view code,
               const std::string& text, const std::string& origin, bool root);
  // Appends the dyad alternatives for one classic word (unsorted, maybe repeated).
  void WordAlternatives(const PhraseWord& w, std::vector<std::string>* out);

  bool verbs_only_;
  // PETRARCH 2 reads "A:B" as the verb's active meaning A and passive meaning B, and
  // codes B (for the reversed dyad) only when there is no A; TABARI codes A for the
  // dyad and B for the reversed dyad.
  bool paired_by_voice_;
  bool strict_;  // TABARI: words joined by '_' are adjacent in the text
  PatternElement::Kind word_kind_;  // kExact (TABARI) or kWord (PETRARCH)
  const StemExpander& stems_;
  Dictionary dictionary_;
  std::unordered_map<std::string, ClassicCode> codes_;
  std::unordered_map<std::string, std::string> verb_codes_;  // verb form -> default code
  std::unordered_map<std::string, std::vector<std::string>> stem_cache_;  // stem -> forms
  std::vector<std::string> known_stems_;  // every stem, sorted (built by Convert)
  size_t added_ = 0;
};

}  // namespace dyad

#endif  // DYAD_COMPAT_VERB_CONVERTER_H_
