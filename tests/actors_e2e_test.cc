// End-to-end test of the entity registry through the dyad binary: ingest the seed
// articles, then `dyad actors` finds one entity per person across spellings.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dyad {
namespace {

namespace fs = std::filesystem;

class ActorsTempDir {
 public:
  ActorsTempDir() {
    std::string tmpl = (fs::temp_directory_path() / "dyad_actors_e2e_XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) std::abort();
    path_ = tmpl;
  }
  ~ActorsTempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

struct Output {
  int exit_code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `dyad args...` to completion, stdout and stderr captured.
Output Dyad(const ActorsTempDir& dir, std::vector<std::string> args) {
  std::string out_path = dir.File("out.txt"), err_path = dir.File("err.txt");
  std::string binary = DYAD_BINARY;
  std::vector<char*> argv = {binary.data()};
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0) _exit(127);
    dup2(out, 1);
    dup2(err, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  Output r;
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  return r;
}

std::vector<nlohmann::json> JsonLines(const std::string& s) {
  std::vector<nlohmann::json> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

bool Has(const nlohmann::json& array, const std::string& s) {
  for (const auto& v : array) {
    if (v == s) return true;
  }
  return false;
}

TEST(ActorsE2eTest, SeedsGiveOneEntityWithBothSpellings) {
  const std::string seeds = DYAD_SHARED_DIR "/seeds";
  if (!fs::exists(seeds + "/gold.json")) GTEST_SKIP() << "shared seeds not found at " << seeds;
  ActorsTempDir dir;
  const std::string db = dir.File("s.db");
  std::vector<std::string> ingest = {"ingest", "--db", db, "--threads", "2"};
  for (const auto& f : fs::directory_iterator(seeds)) {
    if (f.path().extension() == ".txt") ingest.push_back(f.path().string());
  }
  Output in = Dyad(dir, ingest);
  ASSERT_EQ(in.exit_code, 0) << in.err;

  Output r = Dyad(dir, {"actors", "--db", db, "Shibani", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> hits = JsonLines(r.out);
  ASSERT_EQ(hits.size(), 1u) << r.out;
  EXPECT_EQ(hits[0]["code"], "SYRGOV");
  EXPECT_EQ(hits[0]["articles"], 2);
  EXPECT_TRUE(Has(hits[0]["aliases"], "Asaad al-Shaibani")) << hits[0].dump();
  EXPECT_TRUE(Has(hits[0]["aliases"], "Assad Hassan Al-Shibani")) << hits[0].dump();

  // All six people of the gold annotation, once each; ingesting again changes nothing.
  Output all = Dyad(dir, {"actors", "--db", db, "--format", "jsonl"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(JsonLines(all.out).size(), 6u) << all.out;
  ASSERT_EQ(Dyad(dir, ingest).exit_code, 0);
  EXPECT_EQ(Dyad(dir, {"actors", "--db", db, "--format", "jsonl"}).out, all.out);

  // The text table lists the spellings.
  Output text = Dyad(dir, {"actors", "--db", db, "Al-Shaibani"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Asaad al-Shaibani"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Assad Hassan Al-Shibani"), std::string::npos) << text.out;
}

TEST(ActorsE2eTest, ActorFileSeedsTheRegistryAndReportsBadLines) {
  ActorsTempDir dir;
  const std::string db = dir.File("s.db");
  const std::string actors = dir.File("actors.txt");
  std::ofstream(actors) << "# known people\n"
                           "Ahmed al-Sharaa|Abu Mohammad al-Jolani\tSYRREB\t\t2024-12-07\n"
                           "Ahmed al-Sharaa\tSYRGOV\t2024-12-08\n"
                           "Ilham Aliyev\tAZEGOV\tlast year\n";
  const std::string article = dir.File("a.txt");
  std::ofstream(article) << "President Ahmad al-Sharaa of Syria received a delegation in Damascus.\n";
  Output in = Dyad(dir, {"ingest", "--db", db, "--actors", actors, article});
  EXPECT_EQ(in.exit_code, 1) << in.err;  // the bad line
  EXPECT_NE(in.err.find("actors.txt:4"), std::string::npos) << in.err;

  Output r = Dyad(dir, {"actors", "--db", db, "Jolani", "--format", "jsonl"});
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
