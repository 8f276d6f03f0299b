#include "pipeline/pipeline.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "actors/actor_finder.h"
#include "actors/parse_links.h"
#include "events/coder.h"
#include "events/dictionary.h"
#include "events/ontology.h"
#include "geo/event_places.h"
#include "syntax/syntax_analyzer.h"
#include "text/analyzer.h"
#include "time/event_dates.h"
#include "time/publication_estimate.h"

namespace dyad {

struct Pipeline::Impl {
  TextAnalyzer text;
  SyntaxAnalyzer syntax;
  ActorFinder actors;
  Dictionary dictionary;  // used only when the options add dictionaries
  std::unique_ptr<EventCoder> coder;
};

Pipeline::Pipeline(const PipelineOptions& options) : impl_(std::make_unique<Impl>()) {
  if (options.dictionary_files.empty()) {
    impl_->coder = std::make_unique<EventCoder>();
    return;
  }
  impl_->dictionary = Dictionary::Builtin();
  std::string problems;
  DiagnosticSink sink = [&problems](const Diagnostic& d) {
    problems += d.where + ": " + d.message + "\n";
  };
  for (const std::string& path : options.dictionary_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read dictionary file");
    std::stringstream buf;
    buf << in.rdbuf();
    impl_->dictionary.Parse(buf.str(), path, sink);
  }
  if (!problems.empty()) throw std::runtime_error("dictionary errors:\n" + problems);
  impl_->coder = std::make_unique<EventCoder>(impl_->dictionary, Ontology::Default());
}

Pipeline::~Pipeline() = default;

void Pipeline::Run(CodedArticle* out) const { Explain(out, nullptr); }

std::string Pipeline::TriggerCode(const CodedArticle& coded, uint32_t sentence) const {
  return impl_->coder->TriggerCode(coded.doc, sentence, coded.actors);
}

void Pipeline::Explain(CodedArticle* out, std::vector<std::string>* trace) const {
  out->doc.Clear();
  out->actors.clear();
  out->events.clear();
  impl_->text.Analyze(out->article.text, &out->doc);
  // An undated article: when its text says it was written (kept apart from `published`).
  out->article.published_estimate =
      out->article.published.empty() ? EstimatePublicationDate(out->doc) : PublicationEstimate{};
  // People named without a title take their office at the publication date (undated: the
  // latest office; the text's own estimate is not used for this).
  impl_->actors.Find(out->doc, &out->actors, out->article.published);
  // Only the sentences that may hold an event are parsed (all of them when explaining):
  // the parse is the costliest stage. The actor stage runs first on the words and tells
  // which sentences have two actors; what the parse adds to the mentions comes after it.
  thread_local SyntaxAnalyzer::Workspace syntax_ws;
  for (uint32_t s = 0; s < out->doc.sentences.size(); ++s) {
    if (trace != nullptr || impl_->coder->MayHoldEvent(out->doc, s, out->actors))
      impl_->syntax.Analyze(&out->doc, s, &syntax_ws);
  }
  LinkActorsByParse(out->doc, &out->actors);
  impl_->coder->Code(out->article, out->doc, out->actors, &out->events, trace);
  AssignEventDates(out->article, out->doc, &out->events);
  AssignEventPlaces(out->article, out->doc, &out->events);
}

}  // namespace dyad
