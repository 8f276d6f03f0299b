// pipeline_bench [NEWS_POOL.jsonl] [--limit N] [--passes N]: single-core throughput of
// each per-article stage (text, actors, events) over a JSON Lines corpus, raw text to
// events. One warm-up pass, then N measured passes (default 3): the fastest is reported
// with the median and slowest beside it, because a shared machine slows some passes.
// The stages are those Pipeline::Run (`dyad code`) runs, in order; the events stage
// includes event dates and places. Reading the corpus and writing events are not timed.
// Reports articles/s, sentences/s, tokens/s, MB/s and peak memory (max RSS).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "actors/actor_finder.h"
#include "events/coder.h"
#include "geo/event_places.h"
#include "ingest/reader.h"
#include "syntax/syntax_analyzer.h"
#include "text/analyzer.h"
#include "time/event_dates.h"
#include "time/publication_estimate.h"

// CPU time of this thread: per-core throughput that does not depend on what else the
// machine is running.
struct Clock {
  using time_point = std::chrono::duration<double>;
  static time_point now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return time_point(double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9);
  }
};

int main(int argc, char** argv) {
  std::string path = std::string(DYAD_SOURCE_DIR) + "/../shared/data/corpus/news_pool.jsonl";
  size_t limit = 0;
  int passes = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--limit" && i + 1 < argc) limit = std::strtoul(argv[++i], nullptr, 10);
    else if (a == "--passes" && i + 1 < argc) passes = std::max(1, std::atoi(argv[++i]));
    else path = a;
  }
  std::vector<dyad::Article> articles;
  size_t bytes = 0;
  auto t0 = Clock::now();
  dyad::ReadArticles({path}, [&](dyad::Article&& a) {
    if (limit == 0 || articles.size() < limit) {
      bytes += a.text.size();
      articles.push_back(std::move(a));
    }
  }, [](const dyad::Diagnostic&) {});
  double read_s = (Clock::now() - t0).count();
  if (articles.empty()) {
    std::fprintf(stderr, "pipeline_bench: no articles read from %s\n", path.c_str());
    return 1;
  }
  dyad::TextAnalyzer text;
  dyad::SyntaxAnalyzer syntax;
  dyad::SyntaxAnalyzer::Workspace syntax_ws;
  if (!syntax.ok()) {
    std::fprintf(stderr, "pipeline_bench: no syntax model: %.*s\n",
                 static_cast<int>(syntax.error().size()), syntax.error().data());
    return 1;
  }
  dyad::ActorFinder finder;
  dyad::EventCoder coder;
  dyad::Document doc;
  std::vector<dyad::ActorMention> mentions;
  std::vector<dyad::Event> events;
  double t_text = 0, t_syntax = 0, t_actors = 0, t_events = 0;
  size_t sentences = 0, tokens = 0, n_mentions = 0, n_events = 0, parsed = 0, parsed_tokens = 0;
  struct Pass {
    double text, syntax, actors, events;
    double total() const { return text + syntax + actors + events; }
  };
  std::vector<Pass> measured;
  // Pass 0 warms caches and the lexicon memos; the others are measured.
  for (int pass = 0; pass <= passes; ++pass) {
    if (pass > 1) measured.push_back(Pass{t_text, t_syntax, t_actors, t_events});
    t_text = t_syntax = t_actors = t_events = 0;
    sentences = tokens = n_mentions = n_events = parsed = parsed_tokens = 0;
    for (dyad::Article& a : articles) {
      auto s0 = Clock::now();
      text.Analyze(a.text, &doc);
      auto s1 = Clock::now();
      finder.Find(doc, &mentions);
      auto s1b = Clock::now();
      // As Pipeline::Run: only the sentences that may hold an event are parsed.
      for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
        if (!coder.MayHoldEvent(doc, si, mentions)) continue;
        syntax.Analyze(&doc, si, &syntax_ws);
        ++parsed;
        parsed_tokens += doc.sentences[si].end_token - doc.sentences[si].first_token;
      }
      auto s2 = Clock::now();
      events.clear();
      coder.Code(a, doc, mentions, &events);
      if (a.published.empty()) a.published_estimate = dyad::EstimatePublicationDate(doc);
      dyad::AssignEventDates(a, doc, &events);
      dyad::AssignEventPlaces(a, doc, &events);
      auto s3 = Clock::now();
      t_text += (s1 - s0).count();
      t_actors += (s1b - s1).count();
      t_syntax += (s2 - s1b).count();
      t_events += (s3 - s2).count();
      sentences += doc.sentences.size();
      tokens += doc.tokens.size();
      n_mentions += mentions.size();
      n_events += events.size();
    }
  }
  measured.push_back(Pass{t_text, t_syntax, t_actors, t_events});
  std::sort(measured.begin(), measured.end(),
            [](const Pass& x, const Pass& y) { return x.total() < y.total(); });
  const Pass& fastest = measured.front();
  t_text = fastest.text;
  t_syntax = fastest.syntax;
  t_actors = fastest.actors;
  t_events = fastest.events;
  double total = fastest.total();
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double mb = double(bytes) / 1e6;
  std::printf("corpus: %s\n", path.c_str());
  std::printf("articles %zu, sentences %zu, tokens %zu, text %.1f MB (read+parse %.2f s)\n",
              articles.size(), sentences, tokens, mb, read_s);
  std::printf("actor mentions %zu, events %zu\n", n_mentions, n_events);
  std::printf("parsed %zu sentences (%.1f%%), %zu tokens: the tagger and parser at %.0f "
              "sentences/s, %.0f tokens/s\n",
              parsed, 100.0 * double(parsed) / double(sentences), parsed_tokens,
              double(parsed) / t_syntax, double(parsed_tokens) / t_syntax);
  std::printf("stage    CPU s     sentences/s   MB/s\n");
  auto row = [&](const char* name, double s) {
    std::printf("%-8s %7.3f  %12.0f  %7.2f\n", name, s, double(sentences) / s, mb / s);
  };
  row("text", t_text);
  row("actors", t_actors);
  row("syntax", t_syntax);
  row("events", t_events);
  row("total", total);
  std::printf("one core: %.0f articles/s, %.0f sentences/s, %.2f MB/s; peak memory %.1f MB\n",
              double(articles.size()) / total, double(sentences) / total, mb / total,
              double(ru.ru_maxrss) / 1024.0);
  const double median = measured[measured.size() / 2].total(), slowest = measured.back().total();
  std::printf("%zu measured passes: fastest %.3f s (%.0f sentences/s), median %.3f s (%.0f), "
              "slowest %.3f s (%.0f)\n",
              measured.size(), total, double(sentences) / total, median, double(sentences) / median,
              slowest, double(sentences) / slowest);
  return 0;
}
