// ClassicCoder: codes text with a TABARI or PETRARCH user's own dictionaries, read from
// their files at run time: dyad's text stage, then PhraseActorFinder (the actors and
// agents files), then dyad's EventCoder with the verbs file converted to dyad patterns.
// Events carry the dictionary's own codes (CAMEO, WEIS or whatever the user's verbs file
// uses) in Event::cameo; Goldstein, quad class and PLOVER are filled when the code is a
// CAMEO code. A paired code "032:033" gives the second event with source and target
// swapped; an actor coded "A/B" gives one event per actor. With TABARI dictionaries,
// as in TABARI, only the first verb of each clause is coded (a clause ends at a
// conjunction that opens a new predicate: "condemned the attack and promised aid").
#ifndef DYAD_COMPAT_CLASSIC_CODER_H_
#define DYAD_COMPAT_CLASSIC_CODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "compat/actor_dictionary.h"
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
};

// The dictionary files named by a TABARI project file (<verbsfile>, <actorsfile>,
// <agentsfile>) or by the [Dictionaries] section of a PETRARCH config file
// (verbfile_name, actorfile_list, agentfile_name, discardfile_name), resolved against
// dir. Return "" or what is missing.
std::string ReadTabariProject(std::string_view text, std::string_view dir, ClassicDictionaryFiles* out);
std::string ReadPetrarchConfig(std::string_view text, std::string_view dir, ClassicDictionaryFiles* out);

struct ClassicCoderOptions {
  bool convert_lone_agents = false;  // TABARI "SET: CONVERT AGENT = TRUE"
  bool resolve_pronouns = true;
};

class ClassicCoder {
 public:
  // Reads every file and converts it. Problems inside the files are reported to diag
  // and the entries skipped; a file that cannot be read is reported and gives nullptr.
  static std::unique_ptr<ClassicCoder> Load(const ClassicDictionaryFiles& files,
                                            const ClassicCoderOptions& options,
                                            const DiagnosticSink& diag);

  // From dictionaries already read (the verbs are converted here).
  ClassicCoder(ClassicDialect dialect, const VerbDictionary& verbs, ActorDictionary actors,
               DiscardList discards, const ClassicCoderOptions& options, const DiagnosticSink& diag);
  ClassicCoder(const ClassicCoder&) = delete;
  ClassicCoder& operator=(const ClassicCoder&) = delete;

  // Codes article.text. date (yyyymmdd) picks date-restricted actor codes; 0 takes it
  // from article.published when that is an ISO date. *doc views article.text, which
  // must outlive it. trace as in EventCoder::Code.
  void Code(const Article& article, int32_t date, Document* doc, std::vector<ActorMention>* mentions,
            std::vector<Event>* events, std::vector<std::string>* trace = nullptr) const;

  const Dictionary& dictionary() const { return verbs_.dictionary(); }
  const PhraseActorFinder& actors() const { return actors_; }

 private:
  void KeepFirstVerbPerClause(const Document& doc, const std::vector<ActorMention>& mentions,
                              std::vector<Event>* raw) const;

  ClassicDialect dialect_;
  TextAnalyzer analyzer_;
  PhraseActorFinder actors_;
  ConvertedVerbs verbs_;
  DiscardList discards_;
  EventCoder coder_;
};

}  // namespace dyad

#endif  // DYAD_COMPAT_CLASSIC_CODER_H_
