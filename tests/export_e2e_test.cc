// dyad export and dyad events in every format, over the bundled examples and the shared
// seeds: each output is loaded with a real parser for its format (Python's csv and json
// modules, tests/export_check.py) and checked against the jsonl export of the same store.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "e2e_util.h"

namespace dyad::e2e {
namespace {

namespace fs = std::filesystem;

// Runs tests/export_check.py; its first line of output, or "" when Python is missing.
std::string Check(const std::vector<std::string>& args) {
  std::string cmd = std::string("/usr/bin/python3 ") + DYAD_SOURCE_DIR + "/tests/export_check.py";
  for (const std::string& a : args) cmd += " '" + a + "'";
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (p == nullptr) return "";
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

class ExportE2eTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ExportE2eTest, EveryFormatLoadsWithItsParser) {
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 not found";
  TempDir dir;
  std::vector<std::string> inputs;
  if (GetParam() == "examples") {
    inputs.push_back(std::string(DYAD_SOURCE_DIR) + "/data/examples");
  } else {
    const fs::path seeds = fs::path(DYAD_SHARED_DIR) / "seeds";
    if (!fs::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds << " (shared data absent)";
    for (const auto& f : fs::directory_iterator(seeds)) {
      if (f.path().extension() == ".txt" || f.path().extension() == ".jsonl") {
        inputs.push_back(f.path().string());
      }
    }
    if (inputs.empty()) GTEST_SKIP() << "no .txt or .jsonl seeds in " << seeds;
  }
  const std::string db = dir.File("s.db");
  std::vector<std::string> ingest = {"ingest", "--db", db};
  ingest.insert(ingest.end(), inputs.begin(), inputs.end());
  RunResult r = RunDyad(dir, ingest);
  ASSERT_LE(r.exit_code, 1) << r.err;

  for (const char* f : {"jsonl", "csv", "gdelt", "plover"}) {
    RunResult e = RunDyad(dir, {"export", "--db", db, "--format", f, "-o", dir.File(f)});
    ASSERT_EQ(e.exit_code, 0) << f << ": " << e.err;
    if (std::string(f) == "plover") {
      // What stderr says was written is what the file holds.
      std::smatch m;
      ASSERT_TRUE(std::regex_search(e.err, m, std::regex("(\\d+) events? written"))) << e.err;
      std::string out = ReadFile(dir.File(f));
      EXPECT_EQ(std::stoll(m[1]), std::count(out.begin(), out.end(), '\n')) << e.err;
    }
  }
  RunResult again = RunDyad(dir, {"export", "--db", db, "--format", "gdelt", "-o", dir.File("gdelt2")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const std::string jsonl = dir.File("jsonl");
  for (const char* f : {"jsonl", "csv", "gdelt", "plover"}) {
    std::vector<std::string> args = {f, dir.File(f), jsonl};
    if (std::string(f) == "gdelt") args.push_back(dir.File("gdelt2"));
    std::string result = Check(args);
    EXPECT_EQ(result.rfind("ok ", 0), 0u) << f << ": " << result;
  }
  // dyad events writes the same records as dyad export.
  RunResult events = RunDyad(dir, {"events", "--db", db, "--format", "csv"});
  ASSERT_EQ(events.exit_code, 0) << events.err;
  EXPECT_EQ(events.out.size(), ReadFile(dir.File("csv")).size());
}

INSTANTIATE_TEST_SUITE_P(Inputs, ExportE2eTest, ::testing::Values("examples", "seeds"));

}  // namespace
}  // namespace dyad::e2e
