// Pipeline: the per-article stages in order (text -> actors -> events -> time/geo).
// Stateless across articles, so `dyad code` is a pure stream filter; everything that
// spans articles (entity registry, corroboration) lives behind the store.
#ifndef DYAD_PIPELINE_PIPELINE_H_
#define DYAD_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "events/event.h"
#include "ingest/article.h"
#include "text/document.h"

namespace dyad {

// One article with every layer the stages add. Document::text views article.text, so
// a CodedArticle is filled in place and not moved after Run().
struct CodedArticle {
  Article article;
  Document doc;
  std::vector<ActorMention> actors;
  std::vector<Event> events;
};

struct PipelineOptions {
  // Extra event dictionaries (dyad format) loaded after the built-in one.
  std::vector<std::string> dictionary_files;
};

class Pipeline {
 public:
  explicit Pipeline(const PipelineOptions& options = {});
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs every per-article stage on out->article; fills doc, actors and events.
  // Thread-safe: one Pipeline may serve several threads, each with its own CodedArticle.
  void Run(CodedArticle* out) const;
  // Run() that also records, line by line, what the coder tried and why each event was
  // or was not coded (for `dyad explain`).
  void Explain(CodedArticle* out, std::vector<std::string>* trace) const;
  // After Run(): the code of the first event pattern whose words match in the sentence,
  // whether or not its actors were found ("" when none). For sentence classification.
  std::string TriggerCode(const CodedArticle& coded, uint32_t sentence) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_PIPELINE_PIPELINE_H_
