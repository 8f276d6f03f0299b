// text_bench [news_pool.jsonl] [max_articles]: throughput of TextAnalyzer::Analyze on
// the "text" field of each JSON line (default: ../shared/data/corpus/news_pool.jsonl).
// Reports tokens/s and sentences/s on one core; the corpus is read before timing.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/analyzer.h"

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "../shared/data/corpus/news_pool.jsonl";
  size_t max_articles = argc > 2 ? std::stoul(argv[2]) : SIZE_MAX;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "text_bench: cannot open %s\n", path.c_str());
    return 1;
  }
  std::vector<std::string> texts;
  std::string line;
  size_t line_no = 0, bytes = 0;
  while (texts.size() < max_articles && std::getline(in, line)) {
    ++line_no;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) {
      std::fprintf(stderr, "text_bench: %s:%zu: no \"text\" string, skipped\n", path.c_str(),
                   line_no);
      continue;
    }
    texts.push_back(j["text"].get<std::string>());
    bytes += texts.back().size();
  }
  dyad::TextAnalyzer analyzer;
  dyad::Document doc;
  // One warm-up pass over a few articles (lexicon, caches), then the timed passes.
  for (size_t i = 0; i < texts.size() && i < 100; ++i) analyzer.Analyze(texts[i], &doc);
  size_t tokens = 0, sentences = 0;
  int passes = 0;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  double seconds = 0;
  do {
    for (const std::string& t : texts) {
      analyzer.Analyze(t, &doc);
      tokens += doc.tokens.size();
      sentences += doc.sentences.size();
    }
    ++passes;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < 2.0);
  // CPU time is the per-core figure when the machine is shared with other work.
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("articles %zu x %d passes, %.1f MB per pass\n", texts.size(), passes,
              static_cast<double>(bytes) / 1e6);
  std::printf("tokens %zu, sentences %zu, %.2f s wall, %.2f s cpu\n", tokens, sentences,
              seconds, cpu);
  std::printf("wall: tokens/s %.0f  sentences/s %.0f  MB/s %.1f\n",
              static_cast<double>(tokens) / seconds, static_cast<double>(sentences) / seconds,
              static_cast<double>(bytes) * passes / 1e6 / seconds);
  std::printf("cpu:  tokens/s %.0f  sentences/s %.0f  MB/s %.1f\n",
              static_cast<double>(tokens) / cpu, static_cast<double>(sentences) / cpu,
              static_cast<double>(bytes) * passes / 1e6 / cpu);
  return 0;
}
