// ClassicCoder: codes text with a TABARI or PETRARCH user's own dictionaries, read from
// their files at run time: dyad's text stage, then PhraseActorFinder (the actors and
// agents files), then dyad's EventCoder with the verbs file converted to dyad patterns.
// Events carry the dictionary's own codes (CAMEO, WEIS or whatever the user's verbs file
// uses) in Event::cameo; Goldstein, quad class and PLOVER are filled when the code is a
// CAMEO code. A paired code "032:033" gives the second event with source and target
// swapped; an actor coded "A/B" gives one event per actor. The options
// (classic_options.h) say which verbs are coded (TABARI: the first verb of each clause;
// a clause ends at a conjunction that opens a new predicate: "condemned the attack and
// promised aid"), which sentences are too short, which comma clauses are dropped.
// TABARI's roles are its own: the source is the clause's first actor, the target the
// first other actor after the verb (UseClauseSources, AddClauseSubjects). PETRARCH's
// records carry a Treebank parse, whose tags can replace dyad's (treebank.h); a verb
// negated by its own auxiliaries codes the verb nested in its complement.
#ifndef DYAD_COMPAT_CLASSIC_CODER_H_
#define DYAD_COMPAT_CLASSIC_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "compat/actor_dictionary.h"
#include "compat/classic_options.h"
#include "compat/discard_list.h"
#include "compat/phrase_actor_finder.h"
#include "compat/verb_converter.h"
#include "compat/verb_dictionary.h"
#include "events/coder.h"
#include "events/event.h"
#include "ingest/article.h"
#include "text/analyzer.h"
#include "text/document.h"
#include "util/diagnostics.h"

namespace dyad {

struct ClassicDictionaryFiles {
  ClassicDialect dialect = ClassicDialect::kTabari;
  std::vector<std::string> verbs, actors, agents, discards;  // paths
  // TABARI .options files, or PETRARCH config files (their [Options] comma settings).
  std::vector<std::string> options;
};

// The files named by a TABARI project file (<verbsfile>, <actorsfile>, <agentsfile>,
// <optionsfile>) or by a PETRARCH config file (verbfile_name, actorfile_list,
// agentfile_name, discardfile_name in [Dictionaries]; the config itself for its
// [Options]), resolved against dir. Return "" or what is missing.
std::string ReadTabariProject(std::string_view text, std::string_view dir, ClassicDictionaryFiles* out);
std::string ReadPetrarchConfig(std::string_view text, std::string_view dir, ClassicDictionaryFiles* out,
                               std::string_view config_path = {});


// What TABARI carries from one record to the next of the same story: the actor that a
// pronoun with no antecedent in its sentence stands for (FORWARD:). A story is the
// record ID up to its last '-' ("FRWD-001-002" is sentence 002 of story FRWD-001).
struct ClassicStory {
  std::string id;
  std::string forwarded;  // actor code without agents, "" = none
};

class ClassicCoder {
 public:
  // Reads every file and converts it; the options are the dialect's defaults
  // (ClassicCoderOptions::TabariDefaults, PetrarchDefaults) changed by the options files.
  // Problems inside the files are reported to diag and the entries skipped; a file that
  // cannot be read is reported and gives nullptr.
  static std::unique_ptr<ClassicCoder> Load(const ClassicDictionaryFiles& files,
                                            const DiagnosticSink& diag);

  // From dictionaries already read (the verbs are converted here).
  ClassicCoder(ClassicDialect dialect, const VerbDictionary& verbs, ActorDictionary actors,
               DiscardList discards, const ClassicCoderOptions& options, const DiagnosticSink& diag);
  ClassicCoder(const ClassicCoder&) = delete;
  ClassicCoder& operator=(const ClassicCoder&) = delete;

  // Codes article.text. date (yyyymmdd) picks date-restricted actor codes; 0 takes it
  // from article.published when that is an ISO date. *doc views article.text, which
  // must outlive it. trace as in EventCoder::Code. story (optional) carries the
  // forwarded actor from the previous record when the FORWARD option is on. treebank
  // (optional): a Penn Treebank parse of the text, as PETRARCH's input records carry;
  // its verb and noun tags override dyad's tagger (treebank.h).
  void Code(const Article& article, int32_t date, Document* doc, std::vector<ActorMention>* mentions,
            std::vector<Event>* events, std::vector<std::string>* trace = nullptr,
            ClassicStory* story = nullptr, std::string_view treebank = {}) const;

  const Dictionary& dictionary() const { return verbs_.dictionary(); }
  const PhraseActorFinder& actors() const { return actors_; }
  const ClassicCoderOptions& options() const { return options_; }
  void set_options(const ClassicCoderOptions& options) { options_ = options; }

 private:
  void DropCommaClauses(const Document& in, Document* out) const;
  // A dictionary verb the lexicon does not know ("Estonia departes", "has actxd") is
  // tagged a verb when it follows the subject or an auxiliary: misspelt and rare verb
  // forms are what the classic dictionaries' stems and forms are written for.
  void RetagUnknownVerbs(const std::vector<ActorMention>& mentions, Document* doc) const;
  // TABARI matches a stem against any word that begins with it; dyad's patterns list
  // the lexicon's forms, so a word the lexicon does not know ("yennyener") is given the
  // longest stem it begins with as its form.
  void StemUnknownWords(const std::vector<ActorMention>& mentions, Document* doc) const;
  // FORWARD: pronouns no actor of their sentence explains take the story's forwarded
  // actor; each sentence's first actor (its own code, no agents) is forwarded on.
  void ForwardPronouns(const Document& doc, const std::vector<std::string>& actor_codes,
                       std::vector<ActorMention>* mentions, std::string* forwarded) const;
  // DEFAULT: a mention coded with the default source (target) where the first verb of a
  // sentence has no actor before (after) it: on the unknown subject ("Fxrnost is about
  // to restore...") or the first proper noun after the verb ("ties with Gxndor").
  // Sentences marked in `discarded` get none.
  void AddDefaultActors(const Document& doc, const std::vector<bool>& discarded,
                        std::vector<ActorMention>* mentions) const;
  void KeepFirstVerbs(const Document& doc, const std::vector<ActorMention>& mentions,
                      std::vector<Event>* raw) const;
  // The classic coders take a target the pattern does not write after the verb, never
  // from before it; events that dyad's grammar found that way are dropped.
  void DropTargetsBeforeVerb(const Document& doc, std::vector<Event>* raw) const;
  // PETRARCH takes an active verb's source from the subject of its clause, never from
  // the words after the verb unless the pattern writes it there ("$"): events whose
  // source dyad found after an active verb ("to supply Gondor with ...": Gondor as the
  // owner of the supplies) are dropped.
  void DropSourcesAfterActiveVerb(const Document& doc, std::vector<Event>* raw) const;
  // TABARI's CODE ALL codes the act someone is urged to do as well ("urged Bree to
  // assist it"), with TABARI's roles: the source is the clause's first actor (with those
  // listed with it), the target the first actor after the verb that is not the source,
  // else the last one before the verb that is not. Other settings do not code it.
  // TABARI's source is the first actor of the verb's clause (with the actors listed with
  // it), not the verb's grammatical subject: "Elrond brushed aside reports ... that
  // Calimehtar attacked Gandalf" is Elrond's act; "Ithilen's awful minister Calimehtar
  // warned" Ithilen's. A target that is the source too gives way as in
  // CodeRequestedActs. Sources the pattern writes ('$'), passive sources (after the verb)
  // and symmetric patterns keep dyad's.
  void UseClauseSources(const Document& doc, const std::vector<ActorMention>& mentions,
                        std::vector<Event>* raw) const;
  // TABARI sees no grammatical subjects: "Gondor accepts that Calenardon might affirm an
  // attack by X" is Gondor's affirmation. A noun that is no actor, heading the noun
  // phrase that opens a clause before an active dictionary verb ("that Calenardon
  // might affirm", "after crowds burned down"), gets a placeholder mention so that dyad's
  // grammar codes the verb; UseClauseSources gives such events the clause's first actor
  // and the rest are dropped. The placeholders are removed from *mentions after coding.
  void AddClauseSubjects(const Document& doc, std::vector<ActorMention>* mentions) const;
  void CodeRequestedActs(const Document& doc, const std::vector<ActorMention>& mentions,
                         std::vector<Event>* raw) const;
  // PETRARCH 2 codes a negated verb ("did not clash over the efforts of X to deal
  // with...") by the verb nested in its complement: a negated code ranks below every
  // code it combines with. Returns, per event, the nested verb's code ("" = none; the
  // event keeps its own code).
  std::vector<std::string> NestedCodesOfNegated(const Document& doc, const std::vector<Event>& raw) const;
  // The token an event's pattern is anchored on.
  uint32_t AnchorOf(const Document& doc, const Event& ev) const;

  ClassicDialect dialect_;
  ClassicCoderOptions options_;
  TextAnalyzer analyzer_;
  PhraseActorFinder actors_;
  ConvertedVerbs verbs_;
  DiscardList discards_;
  EventCoder coder_;
};

}  // namespace dyad

#endif  // DYAD_COMPAT_CLASSIC_CODER_H_
