// HttpServer: the Api on a socket, with cpp-httplib (Debian's libcpp-httplib-dev).
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve/api_server.h"

namespace dyad {
namespace {

const char* kJson = "application/json; charset=utf-8";

// What the socket layer answers by itself (413, 414, 400 for what is not HTTP...), in
// words, as the Api's errors are.
std::string StatusMessage(int status) {
  switch (status) {
    case 400: return "malformed request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request line too long";
    case 416: return "range not satisfiable";
    case 431: return "request header too large";
    default: return "request failed with status " + std::to_string(status);
  }
}

ApiRequest ToApiRequest(const httplib::Request& req) {
  ApiRequest r;
  r.method = req.method;
  r.path = req.path;
  // The query's parameters only: httplib adds those of a form-encoded body to
  // req.params, and an ingest body sent with curl --data-binary is declared as one.
  httplib::Params query;
  if (size_t q = req.target.find('?'); q != std::string::npos) {
    httplib::detail::parse_query_text(req.target.substr(q + 1), query);
  }
  r.params.assign(query.begin(), query.end());
  r.body = req.body;
  r.authorization = req.get_header_value("Authorization");
  return r;
}

// The content type of a dashboard file, by its extension.
const char* ContentType(const std::string& path) {
  auto ends = [&](const char* ext) {
    const size_t n = std::char_traits<char>::length(ext);
    return path.size() >= n && path.compare(path.size() - n, n, ext) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return kJson;
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// The file of the dashboard a path names: "" when the path is not a plain relative path
// (no "..", no backslash, no NUL) or names no regular file of web_dir.
std::string WebFile(const std::string& web_dir, std::string path) {
  if (web_dir.empty() || path.empty() || path[0] != '/') return "";
  if (path.back() == '/') path += "index.html";
  if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos) {
    return "";
  }
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::path(web_dir) / path.substr(1);
  if (!std::filesystem::is_regular_file(file, ec)) return "";
  return file.string();
}

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

std::string FindWebDir(const std::string& executable) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code ec;
  if (!executable.empty()) {
    fs::path bin = fs::canonical(executable, ec);
    if (!ec) {
      candidates.push_back(bin.parent_path() / ".." / "share" / "dyad" / "web");
      candidates.push_back(bin.parent_path() / "web");
    }
  }
#ifdef DYAD_SOURCE_WEB_DIR
  candidates.emplace_back(DYAD_SOURCE_WEB_DIR);
#endif
  for (const fs::path& dir : candidates) {
    if (fs::is_regular_file(dir / "index.html", ec)) return fs::weakly_canonical(dir, ec).string();
  }
  return "";
}

struct HttpServer::Impl {
  Impl(Api& a, HttpOptions o) : api(a), options(std::move(o)) {
    const int threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    server.set_payload_max_length(api.options().max_body_bytes);
    server.set_read_timeout(static_cast<time_t>(options.read_timeout.count()), 0);
    server.set_write_timeout(static_cast<time_t>(options.read_timeout.count()), 0);
    auto handle = [this](const httplib::Request& req, httplib::Response& res) {
      ApiResponse out = api.Handle(ToApiRequest(req));
      res.status = out.status;
      res.set_content(out.body, kJson);
    };
    // The dashboard: GET outside /api/ is a file of web_dir, if there is one.
    auto get = [this, handle](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/api/", 0) != 0 && req.path != "/api") {
        const std::string file = WebFile(options.web_dir, req.path);
        std::string content;
        if (!file.empty() && ReadWhole(file, &content)) {
          res.status = 200;
          res.set_content(std::move(content), ContentType(file));
          return;
        }
        if (req.path == "/" || req.path == "/index.html") {
          res.status = 404;
          res.set_content(
              nlohmann::json{{"error", options.web_dir.empty()
                                           ? "the dashboard is not built: run `npm ci && npm run build` in web/ "
                                             "(scripts/setup.sh does), or give dyad serve --web DIR; the API is "
                                             "at /api/"
                                           : "the dashboard is not built in " + options.web_dir +
                                                 " (no index.html): run `npm ci && npm run build` in web/"}}
                  .dump(),
              kJson);
          return;
        }
      }
      handle(req, res);
    };
    server.Get(".*", get);
    server.Post(".*", handle);
    server.Put(".*", handle);
    server.Delete(".*", handle);
    server.Patch(".*", handle);
    server.Options(".*", handle);
    // A body declared larger than the limit is refused before it is read (httplib would
    // read and discard it first, holding a thread for as long as the client sends).
    const size_t max_body = api.options().max_body_bytes;
    server.set_pre_routing_handler([max_body](const httplib::Request& req, httplib::Response& res) {
      if (!req.has_header("Content-Length")) return httplib::Server::HandlerResponse::Unhandled;
      const std::string declared = req.get_header_value("Content-Length");
      bool digits = !declared.empty() && declared.size() <= 19;
      for (char c : declared) digits = digits && c >= '0' && c <= '9';
      if (!digits) {
        res.status = 400;
        res.set_header("Connection", "close");
        res.set_content(nlohmann::json{{"error", "Content-Length '" + declared + "' is not a number of bytes"}}.dump(
                            -1, ' ', false, nlohmann::json::error_handler_t::replace),
                        kJson);
        return httplib::Server::HandlerResponse::Handled;
      }
      if (std::strtoull(declared.c_str(), nullptr, 10) <= max_body) return httplib::Server::HandlerResponse::Unhandled;
      res.status = 413;
      res.set_header("Connection", "close");
      res.set_content(nlohmann::json{{"error", "request body of " + declared + " bytes, above the limit of " +
                                                   std::to_string(max_body)}}
                          .dump(),
                      kJson);
      return httplib::Server::HandlerResponse::Handled;
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;  // the Api's own answer
      res.set_content(nlohmann::json{{"error", StatusMessage(res.status)}}.dump(), kJson);
    });
    // The hook sees the listening socket before bind. httplib's default sets SO_REUSEPORT,
    // with which a second server binds the same port and takes half its connections:
    // SO_REUSEADDR only allows a restart while old connections linger. And httplib 0.11
    // listens with a backlog of 5: 50 clients connecting at once overflow it and wait a
    // second for their SYN to be sent again; Bind() listens again with SOMAXCONN.
    server.set_socket_options([this](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_socket = sock;
    });
    if (options.log) {
      server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(), req.target.c_str(),
                     res.status, res.body.size());
      });
    }
    server.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-store"}});
  }

  Api& api;
  HttpOptions options;
  httplib::Server server;
  int port = -1;
  socket_t listen_socket = INVALID_SOCKET;
};

HttpServer::HttpServer(Api& api, HttpOptions options) : impl_(std::make_unique<Impl>(api, std::move(options))) {}
HttpServer::~HttpServer() { Stop(); }

bool HttpServer::Bind(std::string* error) {
  const HttpOptions& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(o.host);
  } else if (impl_->server.bind_to_port(o.host, o.port)) {
    impl_->port = o.port;
  }
  if (impl_->port >= 0 && impl_->listen_socket != INVALID_SOCKET) ::listen(impl_->listen_socket, SOMAXCONN);
  if (impl_->port < 0) {
    *error = "cannot listen on " + o.host + ":" + std::to_string(o.port) +
             " (address in use, not an address of this machine, or a port that needs privileges)";
    return false;
  }
  return true;
}

int HttpServer::port() const { return impl_->port; }

bool HttpServer::Serve() { return impl_->server.listen_after_bind(); }

void HttpServer::Stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

void HttpServer::WaitUntilReady() const {
  for (int i = 0; i < 10000 && !impl_->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace dyad
