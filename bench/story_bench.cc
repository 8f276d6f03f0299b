// story_bench [news_pool.jsonl] [max_articles]: throughput of ComputeFingerprint (story
// fingerprints: MinHash sketch + weighted terms) on the "title" and "text" fields of
// each JSON line (default: ../shared/data/corpus/news_pool.jsonl), on one core; the
// corpus is read before timing. Also prints the mean serialised blob size and, over
// the LSH band index, how many candidate pairs and near-duplicates the corpus holds.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "story/fingerprint.h"
#include "story/minhash.h"

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "../shared/data/corpus/news_pool.jsonl";
  size_t max_articles = argc > 2 ? std::stoul(argv[2]) : SIZE_MAX;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "story_bench: cannot open %s\n", path.c_str());
    return 1;
  }
  std::vector<std::pair<std::string, std::string>> articles;
  std::string line;
  size_t bytes = 0;
  while (articles.size() < max_articles && std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    std::string title = j.contains("title") && j["title"].is_string() ? j["title"].get<std::string>() : "";
    articles.emplace_back(std::move(title), j["text"].get<std::string>());
    bytes += articles.back().first.size() + articles.back().second.size();
  }
  std::vector<dyad::StoryFingerprint> fps(articles.size());
  for (size_t i = 0; i < articles.size() && i < 100; ++i) {
    dyad::ComputeFingerprint(articles[i].first, articles[i].second, &fps[i]);
  }
  const int passes = 3;
  double best = 1e30;
  for (int pass = 0; pass < passes; ++pass) {
    auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < articles.size(); ++i) {
      dyad::ComputeFingerprint(articles[i].first, articles[i].second, &fps[i]);
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (s < best) best = s;
  }
  size_t blob_bytes = 0;
  for (const auto& fp : fps) blob_bytes += dyad::Serialize(fp).size();
  std::printf("story_bench: %zu articles, %.1f MB; best of %d passes %.3f s: %.1f MB/s, %.0f articles/s\n",
              articles.size(), static_cast<double>(bytes) / 1e6, passes, best,
              static_cast<double>(bytes) / 1e6 / best, static_cast<double>(articles.size()) / best);
  std::printf("story_bench: mean blob %.0f bytes (max %zu)\n",
              fps.empty() ? 0.0 : static_cast<double>(blob_bytes) / static_cast<double>(fps.size()),
              dyad::kMaxFingerprintBytes);

  // The store's view: articles sharing a band key are candidates.
  std::unordered_map<uint64_t, std::vector<uint32_t>> index;
  size_t candidates = 0, near_duplicates = 0;
  for (uint32_t i = 0; i < fps.size(); ++i) {
    std::vector<uint32_t> seen;
    for (uint64_t key : dyad::LshBands(fps[i])) {
      if (key == 0) continue;
      auto& bucket = index[key];
      for (uint32_t other : bucket) {
        bool dup = false;
        for (uint32_t s : seen) dup |= s == other;
        if (dup) continue;
        seen.push_back(other);
        ++candidates;
        near_duplicates += dyad::IsNearDuplicate(fps[i], fps[other]);
      }
      bucket.push_back(i);
    }
  }
  std::printf("story_bench: LSH candidate pairs %zu, near-duplicate pairs among them %zu\n", candidates,
              near_duplicates);
  return 0;
}
