// The HTTP API of `dyad serve`: JSON over a store, read-only unless given a token.
//
// Api answers one request without sockets (what the tests drive directly); HttpServer
// puts it on a socket with cpp-httplib. Every answer is JSON: a result object, or
// {"error": "message"} with a 4xx/5xx status.
//
// Endpoints (GET unless said; parameters are query parameters):
//   /api/events      the filters of `dyad events` (store/filter_params.h: actor, pair,
//                    between, cameo, from, to, outlet, search, cluster, min-sources,
//                    min-articles, limit, offset; pair and between as "A,B" or given
//                    twice) -> {"events": [EventToJson...], "count", "limit", "offset",
//                    "more"}; each event is the record `dyad events --format jsonl` writes.
//                    limit defaults to default_limit and may not exceed max_limit.
//   /api/relations   a, b (required), cameo, from, to, freq=month|week, top (key events,
//                    at most 100) -> Relation::ToJson() with "freq".
//   /api/actors      q (optional), limit -> {"actors": [EntityToJson...], "count"}.
//   /api/articles/ID the article (ID or a unique prefix) with its sentences and their
//                    events: StoredArticleToJson (as `dyad show --format json`).
//   /api/clusters/ID the cluster with its reports (EventCluster::ToJson) and "events",
//                    its stored events.
//   /api/explain     text (at most max_text_bytes) -> {"sentences": [{"index", "text",
//                    "tokens": [...], "actors": [...]}], "trace": [...], "events": [...]}.
//   POST /api/ingest articles as JSON Lines, a JSON array or one object (the fields of
//                    ingest/jsonl_article.h), at most max_body_bytes; only when the Api
//                    has a token and the request says "Authorization: Bearer TOKEN".
//                    -> {"articles", "stored", "already_stored", "events", "problems"}.
//
// Statuses: 400 a bad parameter (unknown name, a value that does not parse, a missing
// one), 403 ingest refused, 404 no such endpoint, article or cluster, 405 a method the
// endpoint does not take, 413 a body or text above its limit, 503 the request ran past
// time_limit, 500 a store failure.
//
// Thread-safe: each request takes a store connection from a pool (read-only ones for
// reading; one writing connection, one ingest at a time).
#ifndef DYAD_SERVE_API_SERVER_H_
#define DYAD_SERVE_API_SERVER_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dyad {

struct ApiOptions {
  std::string db;     // the store; must exist
  std::string token;  // "" : POST /api/ingest is refused
  int64_t default_limit = 100;
  int64_t max_limit = 1000;                 // events or actors in one answer
  size_t max_body_bytes = size_t{8} << 20;  // a request body (ingest)
  size_t max_text_bytes = 20000;            // explain's text
  std::chrono::milliseconds time_limit{10000};  // store queries of one request
};

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query: "/api/events"
  std::vector<std::pair<std::string, std::string>> params;  // decoded query parameters
  std::string body;
  std::string authorization;  // the Authorization header, "" when absent
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

class Api {
 public:
  // Opens the store (read-only) to check that it can be served. Throws StoreError with
  // a message for the user when it cannot (no store, not a store, needs migrating).
  explicit Api(ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  ApiResponse Handle(const ApiRequest& request);
  const ApiOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see HttpServer::port)
  int threads = 8;  // requests answered at once
  std::chrono::seconds read_timeout{5};
  bool log = false;  // one line per request on stderr: client, method, target, status, bytes
  // The built dashboard (web/dist: index.html and its assets), served for GET requests
  // outside /api/ ("/" is index.html). "" or a folder without index.html: "/" answers
  // 404 with {"error"} saying how to build it.
  std::string web_dir;
};

// The folder of the built dashboard that `dyad serve` uses when not given --web: beside
// the binary (BIN/../share/dyad/web, BIN/web), else the checkout's web/dist; "" if none
// holds an index.html.
std::string FindWebDir(const std::string& executable);

// The Api on a socket. Requests beyond what the socket layer accepts (a request line
// or header above 8 KiB, a body above the Api's max_body_bytes, bytes that are not
// HTTP) are answered there, with the same {"error"} body.
class HttpServer {
 public:
  HttpServer(Api& api, HttpOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port; false (with *error set) when it cannot.
  bool Bind(std::string* error);
  int port() const;  // the bound port
  // Serves until Stop(); returns false when serving failed.
  bool Serve();
  void Stop();  // from any thread
  // Blocks until Serve() has started accepting (for tests starting it on a thread).
  void WaitUntilReady() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_SERVE_API_SERVER_H_
