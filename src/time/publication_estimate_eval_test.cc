// How well the text of an article tells when it was written: publication estimates
// (time/publication_estimate.h) of the dated articles of ../shared/data/corpus/
// news_pool.jsonl, their dates hidden, against the dates the articles carry. The
// figures are printed; the test holds floors just below them.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "ingest/reader.h"
#include "text/analyzer.h"
#include "time/publication_estimate.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

int Year(std::string_view date) { return date.size() >= 4 ? std::atoi(std::string(date.substr(0, 4)).c_str()) : 0; }

TEST(PublicationEstimateEval, DatedNewsPoolArticles) {
  const fs::path pool = fs::path(DYAD_SHARED_DIR) / "data/corpus/news_pool.jsonl";
  if (!fs::exists(pool)) GTEST_SKIP() << "news pool not found at " << pool;
  const TextAnalyzer analyzer;
  Document doc;
  double seconds = 0;
  size_t sentences = 0;
  int dated = 0, elapsed = 0, elapsed_right = 0, bounds = 0, bounds_right = 0;
  const bool show = std::getenv("DYAD_ESTIMATE_ERRORS") != nullptr;
  ReadArticles({pool.string()}, [&](Article&& a) {
    if (a.published.size() < 10) return;
    ++dated;
    analyzer.Analyze(a.text, &doc);
    const auto t0 = std::chrono::steady_clock::now();
    const PublicationEstimate e = EstimatePublicationDate(doc);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    sentences += doc.sentences.size();
    if (e.empty()) return;
    const std::string published = a.published.substr(0, 10);
    if (e.dates_article()) {
      ++elapsed;
      const bool right = std::abs(Year(e.date) - Year(published)) <= 1;
      elapsed_right += right;
      if (show && !right) std::printf("elapsed %s for %s: %s\n", e.date.c_str(), published.c_str(), e.evidence.c_str());
    }
    // The latest past date the text names is on or before the publication date (a
    // prefix covers its whole period: "2024-12" holds for 2024-12-30).
    if (!e.not_before.empty()) {
      ++bounds;
      const bool right = e.not_before <= published || published.starts_with(e.not_before);
      bounds_right += right;
      if (show && !right)
        std::printf("bound %s for %s: %s\n", e.not_before.c_str(), published.c_str(), e.not_before_evidence.c_str());
    }
  }, [](const Diagnostic&) {});
  ASSERT_GT(dated, 1000);
  const double elapsed_share = elapsed ? double(elapsed_right) / elapsed : 0;
  const double bound_share = bounds ? double(bounds_right) / bounds : 0;
  std::printf("publication estimates of %d dated articles: elapsed-time estimates for %d, %.3f "
              "within a year; lower bounds for %d (%.1f%%), %.3f on or before the date\n",
              dated, elapsed, elapsed_share, bounds, 100.0 * bounds / dated, bound_share);
  std::printf("estimating took %.3f s for %zu sentences (%.0f sentences/s)\n", seconds, sentences,
              double(sentences) / seconds);
  // Few dated articles count years from a year; most of the pool is 1987 business news,
  // whose forward dates (maturities, budgets, forecasts) are what the bounds must avoid.
  EXPECT_GE(elapsed, 2);
  EXPECT_GE(elapsed_share, 0.5);
  EXPECT_GE(bounds, dated / 10);
  EXPECT_GE(bound_share, 0.97);
}

}  // namespace
}  // namespace dyad
