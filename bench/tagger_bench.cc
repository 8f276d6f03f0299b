// tagger_bench [treebank.conllu]: throughput of PosTagger::Tag (tags and lemmas) on the
// words of a CoNLL-U file (default: ../shared/data/ud/en_ewt-ud-test.conllu), one
// sentence at a time with one reused workspace, and the time to load the embedded model.
// Reports tokens per CPU-second on one core; the file is read before timing.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/embedded_models.h"
#include "syntax/pos_tagger.h"

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "../shared/data/ud/en_ewt-ud-test.conllu";
  std::vector<dyad::ConlluSentence> sentences;
  if (!dyad::ReadConlluFile(path, &sentences, nullptr)) {
    std::fprintf(stderr, "tagger_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  std::optional<std::string_view> bytes = dyad::EmbeddedModel("tagger.model");
  if (!bytes) {
    std::fprintf(stderr, "tagger_bench: %s\n",
                 std::string(dyad::PosTagger::DefaultError()).c_str());
    return 1;
  }
  const dyad::Lexicon& lexicon = dyad::Lexicon::Default();  // built before the clock starts
  auto load_start = std::chrono::steady_clock::now();
  std::string error;
  std::optional<dyad::PosTagger> tagger = dyad::PosTagger::Parse(*bytes, lexicon, &error);
  double load_ms = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - load_start).count();
  if (!tagger) {
    std::fprintf(stderr, "tagger_bench: %s\n", error.c_str());
    return 1;
  }
  std::printf("model %.2f MB, loaded in %.2f ms: %d classes, %zu features, %zu weights\n",
              static_cast<double>(bytes->size()) / 1e6, load_ms, tagger->num_classes(),
              tagger->weights().num_features(), tagger->weights().num_weights());

  std::vector<std::vector<std::string_view>> forms(sentences.size());
  size_t words = 0;
  size_t longest = 0;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const dyad::ConlluWord& w : sentences[s].words) forms[s].push_back(w.form);
    words += forms[s].size();
    longest = std::max(longest, forms[s].size());
  }
  std::vector<dyad::TaggedWord> out(longest);
  dyad::PosTagger::Workspace ws;
  for (const auto& f : forms) tagger->Tag(f.data(), f.size(), out.data(), &ws);  // warm-up
  size_t tokens = 0;
  int passes = 0;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  double seconds = 0;
  do {
    for (const auto& f : forms) tagger->Tag(f.data(), f.size(), out.data(), &ws);
    tokens += words;
    ++passes;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < 2.0);
  // CPU time is the per-core figure when the machine is shared with other work.
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("%zu sentences, %zu words x %d passes, %.2f s wall, %.2f s cpu\n",
              sentences.size(), words, passes, seconds, cpu);
  std::printf("wall: tokens/s %.0f\ncpu:  tokens/s %.0f\n",
              static_cast<double>(tokens) / seconds, static_cast<double>(tokens) / cpu);
  return 0;
}
