// End-to-end tests of `dyad ingest` and the store-side commands, run as the real
// binary: idempotent re-ingest, the query commands, bad input, and a kill -9 in the
// middle of an ingest followed by a re-run.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e_util.h"
#include "store/sqlite.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

using e2e::ReadFile;
using e2e::RunDyad;
using e2e::RunResult;
using e2e::Spawn;
using e2e::TempDir;
using e2e::Wait;

struct Summary {
  int64_t total = -1, fresh = -1, already = -1, skipped = -1, sentences = -1, events = -1;
};

// Parses the summary line: "ingested N articles (M new, K already stored, S skipped)
// with X sentences and Y events in T s".
Summary ParseSummary(const std::string& err) {
  static const std::regex re(
      R"(ingested (\d+) articles \((\d+) new, (\d+) already stored, (\d+) skipped\) with (\d+) sentences and (\d+) events in [0-9.]+ s)");
  std::smatch m;
  Summary s;
  if (std::regex_search(err, m, re)) {
    s.total = std::stoll(m[1]);
    s.fresh = std::stoll(m[2]);
    s.already = std::stoll(m[3]);
    s.skipped = std::stoll(m[4]);
    s.sentences = std::stoll(m[5]);
    s.events = std::stoll(m[6]);
  }
  return s;
}

struct Country {
  const char* name;
  const char* capital;
  const char* demonym;
};

constexpr Country kCountries[] = {
    {"France", "Paris", "French"},       {"Germany", "Berlin", "German"},
    {"Japan", "Tokyo", "Japanese"},      {"Egypt", "Cairo", "Egyptian"},
    {"Brazil", "Brasilia", "Brazilian"}, {"Kenya", "Nairobi", "Kenyan"},
    {"Turkey", "Ankara", "Turkish"},     {"Syria", "Damascus", "Syrian"},
    {"Azerbaijan", "Baku", "Azerbaijani"}, {"India", "New Delhi", "Indian"},
    {"Russia", "Moscow", "Russian"},     {"China", "Beijing", "Chinese"},
};

// A synthetic news article about two countries, different for every i.
nlohmann::json SyntheticArticle(int i) {
  const size_t n = std::size(kCountries);
  const Country& a = kCountries[static_cast<size_t>(i) % n];
  const Country& b = kCountries[(static_cast<size_t>(i) / n + 1 + static_cast<size_t>(i)) % n];
  const std::string A = a.name, B = b.name, capA = a.capital, capB = b.capital,
                    demA = a.demonym, demB = b.demonym;
  const std::vector<std::string> templates = {
      "The " + demA + " foreign minister visited " + capB + " to discuss energy projects.",
      A + " and " + B + " signed an agreement on trade cooperation on Monday.",
      A + " accused " + B + " of violating the ceasefire along the border.",
      "Officials in " + capA + " said the talks would continue next month.",
      B + " condemned the attack and called for restraint.",
      "The " + demB + " president met his " + demA + " counterpart in " + capA + ".",
      "Protesters gathered outside the " + demB + " embassy in " + capA + ".",
      B + " pledged " + std::to_string(i % 90 + 10) + " million dollars in humanitarian aid to " + A + ".",
  };
  std::string text;
  for (size_t k = 0; k < 5; ++k) {
    text += templates[(static_cast<size_t>(i) * 3 + k * 5) % templates.size()];
    text += ' ';
  }
  text += "Officials said " + std::to_string(i) + " delegates attended the meeting.";
  char date[16];
  std::snprintf(date, sizeof date, "2024-%02d-%02d", i % 12 + 1, i % 28 + 1);
  const char* outlets[] = {"Test Wire", "Daily Synthetic", "Example News"};
  return {{"id", "syn-" + std::to_string(i)},
          {"outlet", outlets[i % 3]},
          {"published", date},
          {"title", A + " and " + B + " discuss ties (" + std::to_string(i) + ")"},
          {"text", text}};
}

void WriteSyntheticCorpus(const std::string& path, int n) {
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < n; ++i) out << SyntheticArticle(i).dump() << '\n';
}

// Opens a store for checking it from the test, next to a running dyad.
std::unique_ptr<SqliteDb> OpenForCheck(const std::string& path) {
  auto db = std::make_unique<SqliteDb>(path, /*read_only=*/false, /*create=*/false);
  db->Exec("PRAGMA busy_timeout = 5000");
  return db;
}

// article id -> (sentences, events)
std::map<std::string, std::pair<int64_t, int64_t>> LayerCounts(SqliteDb& db) {
  std::map<std::string, std::pair<int64_t, int64_t>> out;
  SqliteStatement st(db,
                     "SELECT a.id, (SELECT count(*) FROM sentences s WHERE s.article_id = a.id), "
                     "(SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a");
  while (st.Step()) out[std::string(st.ColumnText(0))] = {st.ColumnInt(1), st.ColumnInt(2)};
  return out;
}

std::string IntegrityCheck(SqliteDb& db) {
  SqliteStatement st(db, "PRAGMA integrity_check");
  std::string result;
  while (st.Step()) result += std::string(st.ColumnText(0));
  return result;
}

class IngestE2eTest : public ::testing::Test {
 protected:
  // A directory of plain-text articles and a JSON Lines file.
  void WriteInputDir(const std::string& dir, int* articles) {
    fs::create_directories(dir + "/sub");
    std::ofstream(dir + "/a.txt")
        << "Syria and Azerbaijan agreed to reopen their embassies.\n\n"
           "The Azerbaijani deputy foreign minister visited Damascus on Monday.\n";
    std::ofstream(dir + "/sub/b.txt")
        << "Turkey criticized Russia over the strikes.\n\nRussian forces attacked Ukrainian positions.\n";
    std::ofstream jsonl(dir + "/sub/c.jsonl");
    for (int i = 0; i < 5; ++i) jsonl << SyntheticArticle(i).dump() << '\n';
    *articles = 2 + 5;
  }
};

TEST_F(IngestE2eTest, IngestingTwiceStoresOnce) {
  TempDir dir;
  int n = 0;
  WriteInputDir(dir.File("in"), &n);
  const std::string db = dir.File("s.db");

  RunResult first = RunDyad(dir, {"ingest", "--db", db, dir.File("in")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  Summary s1 = ParseSummary(first.err);
  EXPECT_EQ(s1.total, n) << first.err;
  EXPECT_EQ(s1.fresh, n);
  EXPECT_EQ(s1.already, 0);
  EXPECT_EQ(s1.skipped, 0);
  EXPECT_GT(s1.sentences, n);

  RunResult second = RunDyad(dir, {"ingest", "--db", db, "--threads", "1", dir.File("in")});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  Summary s2 = ParseSummary(second.err);
  EXPECT_EQ(s2.total, n) << second.err;
  EXPECT_EQ(s2.fresh, 0);
  EXPECT_EQ(s2.already, n);
  EXPECT_EQ(s2.sentences, 0);
  EXPECT_EQ(s2.events, 0);

  auto check = OpenForCheck(db);
  EXPECT_EQ(check->QueryInt("SELECT count(*) FROM articles"), n);
  EXPECT_EQ(check->QueryInt("SELECT count(*) FROM sentences"), s1.sentences);
  EXPECT_EQ(check->QueryInt("SELECT count(*) FROM events"), s1.events);
}

TEST_F(IngestE2eTest, QueryCommands) {
  TempDir dir;
  int n = 0;
  WriteInputDir(dir.File("in"), &n);
  const std::string db = dir.File("s.db");
  ASSERT_EQ(RunDyad(dir, {"ingest", "--db", db, dir.File("in")}).exit_code, 0);
  auto check = OpenForCheck(db);
  const int64_t events = check->QueryInt("SELECT count(*) FROM events");

  RunResult articles = RunDyad(dir, {"articles", "--db", db, "--format", "jsonl"});
  ASSERT_EQ(articles.exit_code, 0) << articles.err;
  std::vector<nlohmann::json> listed;
  std::istringstream lines(articles.out);
  for (std::string line; std::getline(lines, line);) listed.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(static_cast<int>(listed.size()), n);
  EXPECT_FALSE(listed[0].contains("text"));

  RunResult outlet = RunDyad(dir, {"articles", "--db", db, "--outlet", "test wire"});
  ASSERT_EQ(outlet.exit_code, 0) << outlet.err;
  EXPECT_NE(outlet.out.find(" syn-0\n"), std::string::npos) << outlet.out;
  EXPECT_NE(outlet.out.find(" syn-3\n"), std::string::npos) << outlet.out;
  EXPECT_EQ(outlet.out.find(" syn-1\n"), std::string::npos) << outlet.out;

  RunResult search = RunDyad(dir, {"articles", "--db", db, "--search", "reopen", "--format", "jsonl"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(std::count(search.out.begin(), search.out.end(), '\n'), 1) << search.out;

  // --modality all: every stored event, negated, hypothetical and requested ones too.
  RunResult all = RunDyad(dir, {"events", "--db", db, "--format", "jsonl", "--modality", "all"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), events);

  RunResult table = RunDyad(dir, {"events", "--db", db, "--modality", "all"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.rfind("DATE", 0), 0u) << table.out;
  EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), events + 1);

  for (const char* format : {"jsonl", "csv", "gdelt", "plover"}) {
    RunResult exported = RunDyad(dir, {"export", "--db", db, "--format", format, "--output", dir.File("out"), "--modality", "all"});
    ASSERT_EQ(exported.exit_code, 0) << format << ": " << exported.err;
    std::string out = ReadFile(dir.File("out"));
    int64_t rows = std::count(out.begin(), out.end(), '\n');
    const std::string f = format;
    if (f == "plover") {
      // PLOVER has no type for some CAMEO codes: those events are left out.
      EXPECT_LE(rows, events);
      EXPECT_GT(rows, 0);
    } else {
      EXPECT_EQ(rows, events + (f == "csv" ? 1 : 0)) << format;  // csv: a header row
    }
  }

  // Every event that --pair selects is between the two countries, and the filtered
  // list is a part of the whole.
  RunResult pair = RunDyad(dir, {"events", "--db", db, "--pair", "syr", "AZE", "--format", "jsonl"});
  ASSERT_EQ(pair.exit_code, 0) << pair.err;
  std::istringstream pair_lines(pair.out);
  int64_t pair_events = 0;
  for (std::string line; std::getline(pair_lines, line); ++pair_events) {
    nlohmann::json e = nlohmann::json::parse(line);
    std::string a = e["source"].value("country", ""), b = e["target"].value("country", "");
    EXPECT_TRUE((a == "SYR" && b == "AZE") || (a == "AZE" && b == "SYR")) << line;
  }
  EXPECT_LE(pair_events, events);

  RunResult show = RunDyad(dir, {"show", "--db", db, "syn-3", "--format", "json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  nlohmann::json shown = nlohmann::json::parse(show.out);
  EXPECT_EQ(shown["article"]["id"], "syn-3");
  EXPECT_EQ(shown["sentences"].size(), 6u);
  RunResult show_text = RunDyad(dir, {"show", "--db", db, "syn-3"});
  ASSERT_EQ(show_text.exit_code, 0) << show_text.err;
  EXPECT_NE(show_text.out.find("[5] Officials said 3 delegates attended the meeting."), std::string::npos)
      << show_text.out;
}

TEST_F(IngestE2eTest, UsageAndStoreErrors) {
  TempDir dir;
  const std::string db = dir.File("s.db");
  // Query commands do not create a store.
  RunResult missing = RunDyad(dir, {"events", "--db", db});
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("no store at"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(db));

  std::ofstream(dir.File("a.txt")) << "France and Germany signed a treaty.\n";
  ASSERT_EQ(RunDyad(dir, {"ingest", "--db", db, dir.File("a.txt")}).exit_code, 0);
  EXPECT_EQ(RunDyad(dir, {"events", "--db", db, "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(RunDyad(dir, {"events", "--db", db, "--from", "last week"}).exit_code, 2);
  EXPECT_EQ(RunDyad(dir, {"events", "--db", db, "--pair", "FRA"}).exit_code, 2);
  EXPECT_EQ(RunDyad(dir, {"export", "--db", db}).exit_code, 2);  // --format is required
  EXPECT_EQ(RunDyad(dir, {"show", "--db", db, "no-such-article"}).exit_code, 2);

  std::ofstream(dir.File("text.db")) << "not a database\n";
  RunResult not_db = RunDyad(dir, {"articles", "--db", dir.File("text.db")});
  EXPECT_EQ(not_db.exit_code, 3);
  EXPECT_NE(not_db.err.find("not a dyad store"), std::string::npos) << not_db.err;
}

TEST_F(IngestE2eTest, MalformedRecordsAreSkippedAndReported) {
  TempDir dir;
  std::ofstream in(dir.File("in.jsonl"));
  in << SyntheticArticle(1).dump() << '\n'
     << "{\"title\": \"broken\", \"text\": \n"
     << SyntheticArticle(2).dump() << '\n';
  in.close();
  RunResult r = RunDyad(dir, {"ingest", "--db", dir.File("s.db"), dir.File("in.jsonl")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:2"), std::string::npos) << r.err;
  Summary s = ParseSummary(r.err);
  EXPECT_EQ(s.total, 2) << r.err;
  EXPECT_EQ(s.fresh, 2);
  EXPECT_EQ(s.skipped, 1);
}

// kill -9 in the middle of an ingest leaves a consistent store (each article with all
// of its sentences and events, or absent), and the re-run completes it exactly.
TEST_F(IngestE2eTest, KillDuringIngestThenRerunCompletes) {
  TempDir dir;
  const int n = 20000;
  const std::string input = dir.File("corpus.jsonl");
  WriteSyntheticCorpus(input, n);

  // What a complete ingest stores, to compare against.
  const std::string ref_db = dir.File("ref.db");
  RunResult ref = RunDyad(dir, {"ingest", "--db", ref_db, input});
  ASSERT_EQ(ref.exit_code, 0) << ref.err;
  auto ref_check = OpenForCheck(ref_db);
  const auto expected = LayerCounts(*ref_check);
  ASSERT_EQ(static_cast<int>(expected.size()), n);

  const std::string db = dir.File("s.db");
  pid_t pid = Spawn({"ingest", "--db", db, "--threads", "1", "--batch", "100", input},
                    dir.File("kill_out.txt"), dir.File("kill_err.txt"));
  int64_t committed = 0;
  bool running = true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      running = false;
      break;
    }
    try {
      if (fs::exists(db)) committed = OpenForCheck(db)->QueryInt("SELECT count(*) FROM articles");
    } catch (const StoreError&) {
      committed = 0;  // the schema is still being created
    }
    if (committed >= 300) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(running) << "the ingest finished before it could be killed: " << ReadFile(dir.File("kill_err.txt"));
  ASSERT_GE(committed, 300) << "nothing was committed in time";
  kill(pid, SIGKILL);
  ASSERT_EQ(Wait(pid), 128 + SIGKILL);
  RecordProperty("committed_before_kill", std::to_string(committed));

  {
    auto check = OpenForCheck(db);
    EXPECT_EQ(IntegrityCheck(*check), "ok");
    EXPECT_EQ(check->QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    check->Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
    auto partial = LayerCounts(*check);
    EXPECT_GE(static_cast<int64_t>(partial.size()), committed);
    EXPECT_LT(static_cast<int>(partial.size()), n) << "the kill came too late to test anything";
    for (const auto& [id, layers] : partial) {
      auto it = expected.find(id);
      ASSERT_NE(it, expected.end()) << id;
      EXPECT_EQ(layers, it->second) << "article " << id << " is stored incompletely";
    }
  }

  RunResult rerun = RunDyad(dir, {"ingest", "--db", db, input});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  Summary s = ParseSummary(rerun.err);
  EXPECT_EQ(s.total, n) << rerun.err;
  EXPECT_GE(s.already, committed);
  EXPECT_EQ(s.fresh + s.already, n);

  auto check = OpenForCheck(db);
  EXPECT_EQ(IntegrityCheck(*check), "ok");
  EXPECT_EQ(check->QueryInt("SELECT count(*) FROM articles"), n);
  EXPECT_EQ(check->QueryInt("SELECT count(DISTINCT content_hash) FROM articles"), n);
  EXPECT_EQ(LayerCounts(*check), expected);
  EXPECT_EQ(check->QueryInt("SELECT count(*) FROM events"),
            ref_check->QueryInt("SELECT count(*) FROM events"));
  check->Exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
}

}  // namespace
}  // namespace dyad
