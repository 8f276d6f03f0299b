// End-to-end test of `dyad serve` as a user runs it: the binary on a free port of
// 127.0.0.1 over a store that `dyad ingest` wrote, asked over HTTP, stopped by SIGTERM;
// and the same filter values refused by `dyad events` and by the API, with one message.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e_util.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using e2e::RunDyad;
using e2e::RunResult;
using e2e::TempDir;

class ServeE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string seeds;
    const std::vector<std::string> articles = e2e::SeedArticles(&seeds);
    if (articles.empty()) GTEST_SKIP() << "shared seeds not found at " << seeds;
    db_ = dir_.File("news.db");
    std::vector<std::string> ingest = {"ingest", "--db", db_, DYAD_SOURCE_DIR "/data/examples"};
    ingest.insert(ingest.end(), articles.begin(), articles.end());
    RunResult in = RunDyad(dir_, ingest);
    ASSERT_EQ(in.exit_code, 0) << in.err;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(ServeE2eTest, ServesTheStoreUntilTerminated) {
  const std::string err = dir_.File("serve.err");
  pid_t pid = e2e::Spawn({"serve", "--db", db_, "--port", "0"}, dir_.File("serve.out"), err);
  // The address it listens on, from its first line on stderr.
  int port = 0;
  for (int i = 0; i < 300 && port == 0; ++i) {
    std::smatch m;
    std::string text = e2e::ReadFile(err);
    if (std::regex_search(text, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/api/"))) port = std::stoi(m[1]);
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_NE(port, 0) << e2e::ReadFile(err);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  auto events = client.Get("/api/events?pair=AZE,SYR&cameo=042&min-sources=2");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->status, 200);
  nlohmann::json j = nlohmann::json::parse(events->body);
  EXPECT_GE(j["count"].get<int>(), 2) << events->body;
  // The records are those `dyad events --format jsonl` writes.
  RunResult cli = RunDyad(dir_, {"events", "--db", db_, "--pair", "AZE", "SYR", "--cameo", "042", "--min-sources",
                                 "2", "--format", "jsonl"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  std::vector<nlohmann::json> lines = e2e::JsonLines(cli.out);
  // The CLI's jsonl adds the article's outlet, url and published date to the record;
  // the API's records do not carry them (yet).
  for (nlohmann::json& line : lines) {
    for (const char* key : {"outlet", "url", "published"}) line.erase(key);
  }
  EXPECT_EQ(nlohmann::json(lines), j["events"]);

  auto bad = client.Get("/api/events?from=2024-13-45");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  RunResult cli_bad = RunDyad(dir_, {"events", "--db", db_, "--from", "2024-13-45"});
  EXPECT_EQ(cli_bad.exit_code, 2);
  EXPECT_NE(cli_bad.err.find(nlohmann::json::parse(bad->body)["error"].get<std::string>()), std::string::npos)
      << cli_bad.err << " vs " << bad->body;

  kill(pid, SIGTERM);
  EXPECT_EQ(e2e::Wait(pid), 0);
}

TEST_F(ServeE2eTest, UsageAndStoreErrors) {
  EXPECT_EQ(RunDyad(dir_, {"serve", "--db", dir_.File("missing.db"), "--port", "0"}).exit_code, 3);
  EXPECT_EQ(RunDyad(dir_, {"serve", "--db", db_, "--port", "70000"}).exit_code, 2);
  EXPECT_EQ(RunDyad(dir_, {"serve", "--db", db_, "--host", "192.0.2.1", "--port", "0"}).exit_code, 3);
  EXPECT_EQ(RunDyad(dir_, {"serve"}).exit_code, 2);
}

}  // namespace
}  // namespace dyad
