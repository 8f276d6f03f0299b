// parser_bench [treebank.conllu] [passes]: throughput of DependencyParser::ParseSentence
// (the shipped model) on one core over a CoNLL-U file's sentences (default: the EWT test
// set in ../shared/data/ud), in sentences and tokens per CPU-second. Tags come from the
// shipped tagger, computed before timing; the parser alone is timed. Also prints the
// model's size and load time and the attachment scores (punctuation included).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/embedded_models.h"
#include "syntax/parser_trainer.h"
#include "syntax/pos_tagger.h"

int main(int argc, char** argv) {
  using namespace dyad;
  std::string path =
      argc > 1 ? argv[1] : DYAD_SOURCE_DIR "/../shared/data/ud/en_ewt-ud-test.conllu";
  int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::optional<std::string_view> bytes = EmbeddedModel("parser.model");
  const PosTagger* tagger = PosTagger::Default();
  if (!bytes || tagger == nullptr) {
    std::fprintf(stderr, "parser_bench: needs data/models/parser.model and tagger.model\n");
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::string error;
  std::optional<DependencyParser> parser = DependencyParser::Parse(*bytes, &error);
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!parser) {
    std::fprintf(stderr, "parser_bench: %s\n", error.c_str());
    return 1;
  }
  std::vector<ConlluSentence> sentences;
  if (!ReadConlluFile(path, &sentences, [](const Diagnostic& d) {
        std::fprintf(stderr, "%s: %s\n", d.where.c_str(), d.message.c_str());
      })) {
    return 1;
  }
  std::vector<ParserExample> examples;
  PosTagger::Workspace tws;
  std::vector<TaggedWord> tagged;
  size_t tokens = 0;
  for (const ConlluSentence& s : sentences) {
    ParserExample e;
    if (!ParserExampleFromConllu(s, &e)) continue;
    std::vector<std::string_view> forms(e.forms.begin(), e.forms.end());
    tagged.assign(forms.size(), TaggedWord());
    tagger->Tag(forms.data(), forms.size(), tagged.data(), &tws);
    for (size_t i = 0; i < forms.size(); ++i) {
      e.upos[i] = tagged[i].upos;
      e.xpos[i] = std::string(tagged[i].xpos);
    }
    tokens += forms.size();
    examples.push_back(std::move(e));
  }
  // Views prepared outside the timed loop, as the pipeline holds them.
  std::vector<std::vector<std::string_view>> forms(examples.size()), xpos(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    forms[i].assign(examples[i].forms.begin(), examples[i].forms.end());
    xpos[i].assign(examples[i].xpos.begin(), examples[i].xpos.end());
  }
  ParserWorkspace ws;
  std::vector<int32_t> heads(1024);
  std::vector<Deprel> deprels(1024);
  std::vector<double> rates;
  for (int pass = 0; pass <= passes; ++pass) {  // pass 0 warms the caches up
    std::clock_t c0 = std::clock();
    for (size_t i = 0; i < examples.size(); ++i) {
      size_t n = forms[i].size();
      if (heads.size() < n) heads.resize(n), deprels.resize(n);
      parser->ParseSentence(forms[i].data(), examples[i].upos.data(), xpos[i].data(), n, &ws,
                            heads.data(), deprels.data());
    }
    double seconds = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    if (pass > 0) rates.push_back(static_cast<double>(tokens) / seconds);
  }
  std::sort(rates.begin(), rates.end());
  double best = rates.back(), median = rates[rates.size() / 2];
  double per_sentence = static_cast<double>(examples.size()) / static_cast<double>(tokens);
  ParserScore score = EvaluateParser(*parser, examples);
  std::printf("parser model: %zu bytes, %zu features, %zu weights, %d labels, loaded in %.1f ms\n",
              bytes->size(), parser->model().num_features(), parser->model().num_weights(),
              parser->num_labels(), load_ms);
  std::printf("%s: %zu sentences, %zu tokens; UAS %.2f LAS %.2f (tagger's tags)\n",
              path.c_str(), examples.size(), tokens, score.uas(), score.las());
  std::printf("fastest of %d passes: %.0f tokens/s, %.0f sentences/s per CPU-second\n", passes,
              best, best * per_sentence);
  std::printf("median: %.0f tokens/s, %.0f sentences/s\n", median, median * per_sentence);
  return 0;
}
