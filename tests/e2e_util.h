// Helpers of the end-to-end tests: a temporary directory and running the dyad binary
// (DYAD_BINARY) with its output captured.
#ifndef DYAD_TESTS_E2E_UTIL_H_
#define DYAD_TESTS_E2E_UTIL_H_

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dyad::e2e {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad_e2e_XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) std::abort();
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Starts `dyad args...` with stdin from /dev/null and stdout and stderr going to files.
inline pid_t Spawn(const std::vector<std::string>& args, const std::string& out_path,
                   const std::string& err_path) {
  std::vector<char*> argv;
  std::string binary = DYAD_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// The exit code, or 128 + signal when it was killed.
inline int Wait(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `dyad args...` to completion.
inline RunResult RunDyad(const TempDir& dir, const std::vector<std::string>& args) {
  std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  RunResult r;
  r.exit_code = Wait(Spawn(args, out, err));
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// The seed articles of ../shared (their .txt files), or none when the shared data is
// absent (the caller skips with a message naming `where`).
inline std::vector<std::string> SeedArticles(std::string* where) {
  *where = DYAD_SHARED_DIR "/seeds";
  std::vector<std::string> files;
  if (!std::filesystem::exists(*where + "/gold.json")) return files;
  for (const auto& f : std::filesystem::directory_iterator(*where))
    if (f.path().extension() == ".txt") files.push_back(f.path().string());
  return files;
}

inline std::vector<nlohmann::json> JsonLines(const std::string& s) {
  std::vector<nlohmann::json> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

}  // namespace dyad::e2e

#endif  // DYAD_TESTS_E2E_UTIL_H_
