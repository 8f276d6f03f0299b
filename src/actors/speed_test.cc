// Throughput of ActorFinder::Find over real news (shared/data/corpus/news_pool.jsonl):
// the articles are analysed first; only Find is timed. Prints tokens/s; asserts a floor
// well below the target (>= 1M tokens/s in a release build) so a loaded machine or a
// sanitizer build does not fail it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "actors/actors_test_util.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DYAD_SANITIZED 1
#endif
#endif

namespace dyad {
namespace {

constexpr char kPool[] = DYAD_SHARED_DIR "/data/corpus/news_pool.jsonl";

TEST(SpeedTest, TokensPerSecond) {
  std::ifstream in(kPool);
  if (!in) GTEST_SKIP() << "not found: " << kPool;
  std::vector<std::string> texts;
  std::string line;
  while (texts.size() < 3000 && std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    texts.push_back(j["text"].get<std::string>());
  }
  ASSERT_FALSE(texts.empty());
  std::vector<std::unique_ptr<Document>> docs;
  size_t tokens = 0;
  for (const std::string& t : texts) {
    docs.push_back(std::make_unique<Document>());
    actors_test::Analyzer().Analyze(t, docs.back().get());
    tokens += docs.back()->tokens.size();
  }
  const ActorFinder& finder = actors_test::Finder();
  std::vector<ActorMention> mentions;
  size_t found = 0;
  finder.Find(*docs.front(), &mentions);  // load the tables outside the timing
  auto start = std::chrono::steady_clock::now();
  for (const auto& d : docs) {
    finder.Find(*d, &mentions);
    found += mentions.size();
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double rate = static_cast<double>(tokens) / seconds;
  std::printf("ActorFinder: %zu articles, %zu tokens, %zu mentions in %.3f s = %.2f M tokens/s\n",
              docs.size(), tokens, found, seconds, rate / 1e6);
  EXPECT_GT(found, 0u);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__) && !defined(DYAD_SANITIZED)
  EXPECT_GT(rate, 5e5);  // about 2M tokens/s measured on the development machine
#endif
}

}  // namespace
}  // namespace dyad
