// dyad serve --db PATH: the JSON API over a store (serve/api_server.h), on 127.0.0.1
// unless told otherwise, read-only unless given a token for POST /api/ingest.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.h"
#include "serve/api_server.h"
#include "store/sqlite.h"

namespace dyad {

void AddServeCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "serve",
      "Serve a store as a JSON API over HTTP: GET /api/events (the filters of `dyad events` "
      "as query parameters: actor, pair=A,B, between=A,B, cameo, from, to, outlet, search, "
      "cluster, min-sources, min-articles, limit, offset), /api/relations?a=A&b=B[&freq=week], "
      "/api/actors?q=, /api/articles/ID, /api/clusters/ID, /api/explain?text=; POST "
      "/api/ingest only with --token. Read-only otherwise. The dashboard (web/, built by "
      "`npm ci && npm run build`) at /. Runs until interrupted (Ctrl-C).");
  struct Options {
    std::string db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string token;
    int threads = 8;
    int64_t max_limit = 1000;
    int time_limit_ms = 10000;
    size_t max_body = size_t{8} << 20;
    bool log = false;
    std::string web;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store (an SQLite file written by `dyad ingest`)")->required();
  cmd->add_option("--host", opts->host,
                  "The address to listen on; 0.0.0.0 opens the API to other machines")
      ->capture_default_str();
  cmd->add_option("--port", opts->port, "The port (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--token", opts->token,
                  "Allow POST /api/ingest to requests with the header \"Authorization: Bearer TOKEN\"; "
                  "the store is then opened for writing by ingest requests only. Also read from "
                  "the environment variable DYAD_SERVE_TOKEN (which other users cannot see in ps)")
      ->envname("DYAD_SERVE_TOKEN");
  cmd->add_option("--threads", opts->threads, "Requests answered at once")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--max-limit", opts->max_limit, "The largest limit a request may ask for")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}))
      ->capture_default_str();
  cmd->add_option("--time-limit", opts->time_limit_ms,
                  "Milliseconds the store queries of one request may take (then 503)")
      ->check(CLI::Range(1, 3600000))
      ->capture_default_str();
  cmd->add_option("--max-body", opts->max_body, "Bytes a request body may have (then 413)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--web", opts->web,
                  "The folder of the built dashboard served at / (default: found beside the binary, "
                  "else the checkout's web/dist)");
  cmd->add_flag("--log", opts->log,
                "Write one line per request on stderr: client address, method, target, status, bytes");
  cmd->callback([opts, &exit_code] {
    ApiOptions api_options;
    api_options.db = opts->db;
    api_options.token = opts->token;
    api_options.max_limit = opts->max_limit;
    api_options.default_limit = std::min<int64_t>(api_options.default_limit, opts->max_limit);
    api_options.time_limit = std::chrono::milliseconds(opts->time_limit_ms);
    api_options.max_body_bytes = opts->max_body;
    std::unique_ptr<Api> api;
    try {
      api = std::make_unique<Api>(api_options);
    } catch (const StoreError& e) {
      std::fprintf(stderr, "dyad serve: %s\n", e.what());
      exit_code = kExitFailure;
      return;
    }
    // SIGINT and SIGTERM stop the server from a thread of their own: blocked here, before
    // any other thread starts, so that every thread inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    const std::string web_dir = opts->web.empty() ? FindWebDir("/proc/self/exe") : opts->web;
    HttpServer server(*api, {.host = opts->host,
                             .port = opts->port,
                             .threads = opts->threads,
                             .log = opts->log,
                             .web_dir = web_dir});
    std::string error;
    if (!server.Bind(&error)) {
      std::fprintf(stderr, "dyad serve: %s\n", error.c_str());
      exit_code = kExitFailure;
      return;
    }
    auto stopped = std::make_shared<std::atomic<bool>>(false);
    std::thread([&server, stop_signals, stopped] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      stopped->store(true);
      server.Stop();
    }).detach();
    // An IPv6 address goes in brackets in a URL: http://[::1]:8080/.
    const std::string host = opts->host.find(':') != std::string::npos ? "[" + opts->host + "]" : opts->host;
    std::fprintf(stderr, "dyad serve: http://%s:%d/api/ on %s (%s); Ctrl-C stops\n", host.c_str(),
                 server.port(), opts->db.c_str(),
                 opts->token.empty() ? "read-only" : "read-only but for POST /api/ingest with the token");
    std::fprintf(stderr, "dyad serve: dashboard at http://%s:%d/ %s%s\n", host.c_str(), server.port(),
                 web_dir.empty() ? "not built (run `npm ci && npm run build` in web/)" : "from ",
                 web_dir.c_str());
    std::fflush(stderr);
    bool ok = server.Serve();
    if (!ok && !stopped->load()) std::fprintf(stderr, "dyad serve: the server stopped on an error\n");
    exit_code = ok || stopped->load() ? kExitOk : kExitFailure;
  });
}

}  // namespace dyad
