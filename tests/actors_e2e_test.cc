// End-to-end test of the entity registry through the dyad binary: ingest the seed
// articles, then `dyad actors` finds one entity per person across spellings.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "e2e_util.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using e2e::JsonLines;
using e2e::TempDir;

e2e::RunResult Dyad(const TempDir& dir, const std::vector<std::string>& args) { return e2e::RunDyad(dir, args); }

bool Has(const nlohmann::json& array, const std::string& s) {
  for (const auto& v : array) {
    if (v == s) return true;
  }
  return false;
}

TEST(ActorsE2eTest, SeedsGiveOneEntityWithBothSpellings) {
  const std::string seeds = DYAD_SHARED_DIR "/seeds";
  if (!fs::exists(seeds + "/gold.json")) GTEST_SKIP() << "shared seeds not found at " << seeds;
  TempDir dir;
  const std::string db = dir.File("s.db");
  std::vector<std::string> ingest = {"ingest", "--db", db, "--threads", "2"};
  for (const auto& f : fs::directory_iterator(seeds)) {
    if (f.path().extension() == ".txt") ingest.push_back(f.path().string());
  }
  e2e::RunResult in = Dyad(dir, ingest);
  ASSERT_EQ(in.exit_code, 0) << in.err;

  e2e::RunResult r = Dyad(dir, {"actors", "--db", db, "Shibani", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> hits = JsonLines(r.out);
  ASSERT_EQ(hits.size(), 1u) << r.out;
  EXPECT_EQ(hits[0]["code"], "SYRGOV");
  EXPECT_EQ(hits[0]["articles"], 2);
  EXPECT_TRUE(Has(hits[0]["aliases"], "Asaad al-Shaibani")) << hits[0].dump();
  EXPECT_TRUE(Has(hits[0]["aliases"], "Assad Hassan Al-Shibani")) << hits[0].dump();

  // All six people of the gold annotation, once each; ingesting again changes nothing.
  e2e::RunResult all = Dyad(dir, {"actors", "--db", db, "--format", "jsonl"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(JsonLines(all.out).size(), 6u) << all.out;
  ASSERT_EQ(Dyad(dir, ingest).exit_code, 0);
  EXPECT_EQ(Dyad(dir, {"actors", "--db", db, "--format", "jsonl"}).out, all.out);

  // The text table lists the spellings.
  e2e::RunResult text = Dyad(dir, {"actors", "--db", db, "Al-Shaibani"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Asaad al-Shaibani"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Assad Hassan Al-Shibani"), std::string::npos) << text.out;
}

TEST(ActorsE2eTest, ActorFileSeedsTheRegistryAndReportsBadLines) {
  TempDir dir;
  const std::string db = dir.File("s.db");
  const std::string actors = dir.File("actors.txt");
  std::ofstream(actors) << "# known people\n"
                           "Ahmed al-Sharaa|Abu Mohammad al-Jolani\tSYRREB\t\t2024-12-07\n"
                           "Ahmed al-Sharaa\tSYRGOV\t2024-12-08\n"
                           "Ilham Aliyev\tAZEGOV\tlast year\n";
  const std::string article = dir.File("a.txt");
  std::ofstream(article) << "President Ahmad al-Sharaa of Syria received a delegation in Damascus.\n";
  e2e::RunResult in = Dyad(dir, {"ingest", "--db", db, "--actors", actors, article});
  EXPECT_EQ(in.exit_code, 1) << in.err;  // the bad line
  EXPECT_NE(in.err.find("actors.txt:4"), std::string::npos) << in.err;

  e2e::RunResult r = Dyad(dir, {"actors", "--db", db, "Jolani", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> hits = JsonLines(r.out);
  ASSERT_EQ(hits.size(), 1u) << r.out;
  EXPECT_EQ(hits[0]["name"], "Ahmed al-Sharaa");
  EXPECT_EQ(hits[0]["code"], "SYRGOV");
  EXPECT_EQ(hits[0]["user_defined"], true);
  EXPECT_TRUE(Has(hits[0]["aliases"], "Ahmad al-Sharaa")) << hits[0].dump();
  EXPECT_EQ(Dyad(dir, {"actors", "--db", db, "Aliyev", "--format", "jsonl"}).out, "");

  EXPECT_EQ(Dyad(dir, {"actors", "--db", dir.File("missing.db")}).exit_code, 3);
  EXPECT_EQ(Dyad(dir, {"ingest", "--db", db, "--actors", dir.File("nope.txt"), article}).exit_code, 2);
}

}  // namespace
}  // namespace dyad
