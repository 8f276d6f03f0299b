// Tests of the HTTP API over a store of the shared seeds and the bundled examples: the
// Api's answers without sockets, then a real server on an ephemeral port of 127.0.0.1
// sent what a client (and a broken or hostile one) sends.
#include "serve/api_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/event_json.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kSeeds = DYAD_SHARED_DIR "/seeds";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A store of the seed articles and data/examples, built once for every test.
class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kSeeds + "/gold.json")) return;
    char tmpl[] = "/tmp/dyad_serve_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = new std::string(tmpl);
    db_ = new std::string(*dir_ + "/news.db");
    std::vector<std::string> inputs;
    for (const auto& f : fs::directory_iterator(kSeeds)) {
      if (f.path().extension() == ".txt") inputs.push_back(f.path().string());
    }
    std::sort(inputs.begin(), inputs.end());
    inputs.push_back(DYAD_SOURCE_DIR "/data/examples");
    Pipeline pipeline;
    auto store = Store::Open(*db_);
    ReadArticles(inputs, [&](Article&& a) {
      CodedArticle coded;
      coded.article = std::move(a);
      pipeline.Run(&coded);
      store->PutArticle(coded);
    }, [](const Diagnostic& d) { ADD_FAILURE() << d.where << ": " << d.message; });
  }
  static void TearDownTestSuite() {
    if (dir_ != nullptr) fs::remove_all(*dir_);
    delete dir_;
    delete db_;
    dir_ = db_ = nullptr;
  }
  void SetUp() override {
    if (db_ == nullptr) GTEST_SKIP() << "shared seeds not found at " << kSeeds << ": the API tests need them";
  }

  static ApiOptions Options() {
    ApiOptions o;
    o.db = *db_;
    return o;
  }
  static Json Get(Api& api, const std::string& path, std::vector<std::pair<std::string, std::string>> params,
                  int expected_status) {
    ApiRequest r{"GET", path, std::move(params), "", ""};
    ApiResponse out = api.Handle(r);
    EXPECT_EQ(out.status, expected_status) << path << ": " << out.body;
    return Json::parse(out.body);
  }

  static std::string* dir_;
  static std::string* db_;
};
std::string* ApiTest::dir_ = nullptr;
std::string* ApiTest::db_ = nullptr;

TEST_F(ApiTest, EventsOfAzerbaijanAndSyriaAreTheRecordsOfDyadEvents) {
  Api api(Options());
  Json j = Get(api, "/api/events", {{"pair", "aze,SYR"}}, 200);
  ASSERT_GE(j["count"].get<int>(), 10) << j.dump();
  EXPECT_EQ(j["events"].size(), j["count"].get<size_t>());
  for (const Json& e : j["events"]) {
    std::set<std::string> countries = {e["source"]["country"], e["target"]["country"]};
    EXPECT_EQ(countries, (std::set<std::string>{"AZE", "SYR"})) << e.dump();
  }
  // The same records, in the same order, as the store gives `dyad events --format jsonl`.
  EventFilter f;
  f.country_a = "AZE";
  f.country_b = "SYR";
  f.limit = 100;
  std::vector<Json> direct;
  Store::Open(*db_, {.create = false, .read_only = true})->ForEachEvent(f, [&](const Event& e) {
    direct.push_back(EventToJson(e));
  });
  ASSERT_EQ(direct.size(), j["events"].size());
  for (size_t i = 0; i < direct.size(); ++i) EXPECT_EQ(direct[i], j["events"][i]);

  // The pair given twice, filters combined, paging.
  Json twice = Get(api, "/api/events", {{"pair", "AZE"}, {"pair", "SYR"}}, 200);
  EXPECT_EQ(twice["events"], j["events"]);
  Json visits = Get(api, "/api/events", {{"pair", "AZE,SYR"}, {"cameo", "042"}, {"min-sources", "2"}}, 200);
  ASSERT_GE(visits["count"].get<int>(), 2);
  for (const Json& e : visits["events"]) EXPECT_EQ(e["date"], "2024-12-30");
  Json page = Get(api, "/api/events", {{"pair", "AZE,SYR"}, {"limit", "3"}, {"offset", "2"}}, 200);
  ASSERT_EQ(page["count"], 3);
  EXPECT_TRUE(page["more"].get<bool>());
  EXPECT_EQ(page["events"][0], j["events"][2]);
  EXPECT_EQ(Get(api, "/api/events", {{"pair", "FRA,SYR"}}, 200)["count"], 0);
}

TEST_F(ApiTest, RelationsHaveTheDecemberVisitReportedByTwoOutlets) {
  Api api(Options());
  Json j = Get(api, "/api/relations", {{"a", "AZE"}, {"b", "syr"}}, 200);
  EXPECT_EQ(j["a"], "AZE");
  EXPECT_EQ(j["b"], "SYR");
  EXPECT_EQ(j["freq"], "month");
  std::set<std::string> periods;
  for (const Json& p : j["periods"]) periods.insert(p["period"]);
  EXPECT_TRUE(periods.count("2024-12")) << j["periods"].dump();
  bool visit = false;
  for (const Json& k : j["key_events"]) {
    if (k["cameo"] == "042" && k["num_sources"] == 2 && k["date"] == "2024-12-30") visit = true;
  }
  EXPECT_TRUE(visit) << j["key_events"].dump();

  Json weeks = Get(api, "/api/relations", {{"a", "AZE"}, {"b", "SYR"}, {"freq", "week"}, {"top", "1"}}, 200);
  std::set<std::string> week_periods;
  for (const Json& p : weeks["periods"]) week_periods.insert(p["period"]);
  EXPECT_TRUE(week_periods.count("2024-12-30")) << weeks["periods"].dump();  // a Monday
  EXPECT_EQ(weeks["key_events"].size(), 1u);
  EXPECT_EQ(weeks["totals"], j["totals"]);
}

TEST_F(ApiTest, ArticleClusterActorsAndExplain) {
  Api api(Options());
  Json visits = Get(api, "/api/events", {{"pair", "AZE,SYR"}, {"cameo", "042"}, {"min-sources", "2"}}, 200);
  ASSERT_GE(visits["count"].get<int>(), 2);
  const Json& e = visits["events"][0];

  Json article = Get(api, "/api/articles/" + e["article_id"].get<std::string>(), {}, 200);
  EXPECT_EQ(article["article"]["id"], e["article_id"]);
  const Json& sentence = article["sentences"][e["sentence"].get<size_t>()];
  bool found = false;
  for (const Json& se : sentence["events"]) found |= se == e;
  EXPECT_TRUE(found) << sentence.dump();
  // The evidence span lies inside its sentence.
  EXPECT_GE(e["span"][0].get<int>(), sentence["span"][0].get<int>());
  EXPECT_LE(e["span"][1].get<int>(), sentence["span"][1].get<int>());
  // A unique prefix of the id names the article too.
  Json by_prefix = Get(api, "/api/articles/" + e["article_id"].get<std::string>().substr(0, 10), {}, 200);
  EXPECT_EQ(by_prefix["article"]["id"], e["article_id"]);

  Json cluster = Get(api, "/api/clusters/" + e["cluster_id"].get<std::string>(), {}, 200);
  EXPECT_EQ(cluster["num_sources"], 2);
  EXPECT_GE(cluster["reports"].size(), 2u);
  std::set<std::string> outlets;
  for (const Json& r : cluster["reports"]) outlets.insert(r["outlet"]);
  EXPECT_EQ(outlets.size(), 2u) << cluster.dump();
  EXPECT_GE(cluster["events"].size(), 2u);

  Json actors = Get(api, "/api/actors", {{"q", "Shibani"}}, 200);
  ASSERT_GE(actors["count"].get<int>(), 1) << actors.dump();
  EXPECT_EQ(actors["actors"][0]["country"], "SYR");

  Json explain = Get(api, "/api/explain", {{"text", "Azerbaijan's foreign minister visited Damascus."}}, 200);
  ASSERT_EQ(explain["sentences"].size(), 1u);
  EXPECT_FALSE(explain["sentences"][0]["actors"].empty());
  ASSERT_FALSE(explain["events"].empty()) << explain.dump();
  EXPECT_EQ(explain["events"][0]["cameo"].get<std::string>().substr(0, 2), "04");
}

TEST_F(ApiTest, EveryBadParameterIsA400OrA404WithAMessage) {
  ApiOptions o = Options();
  o.max_limit = 50;
  o.max_text_bytes = 100;
  Api api(o);
  struct Case {
    std::string path;
    std::vector<std::pair<std::string, std::string>> params;
    int status;
    std::string says;  // part of the message
  };
  const std::vector<Case> cases = {
      {"/api/events", {{"colour", "red"}}, 400, "unknown parameter 'colour'"},
      {"/api/events", {{"from", "2024-13-45"}}, 400, "2024-13-45"},
      {"/api/events", {{"to", "2023-02-29"}}, 400, "not a date"},
      {"/api/events", {{"from", "yesterday"}}, 400, "not a date"},
      {"/api/events", {{"limit", "ten"}}, 400, "limit"},
      {"/api/events", {{"limit", "-1"}}, 400, "limit"},
      {"/api/events", {{"limit", "51"}}, 400, "above the maximum 50"},
      {"/api/events", {{"limit", "99999999999999999999999"}}, 400, "limit"},
      {"/api/events", {{"offset", "1.5"}}, 400, "offset"},
      {"/api/events", {{"min-sources", "two"}}, 400, "min-sources"},
      {"/api/events", {{"cameo", "visit"}}, 400, "CAMEO"},
      {"/api/events", {{"actor", "AZE; DROP TABLE events"}}, 400, "actor code"},
      {"/api/events", {{"pair", "AZE"}}, 400, "two codes"},
      {"/api/events", {{"pair", "AZE,SYR,TUR"}}, 400, "actor code"},
      {"/api/events", {{"actor", "AZE"}, {"actor", "SYR"}}, 400, "more than once"},
      {"/api/relations", {{"a", "AZE"}}, 400, "b: required"},
      {"/api/relations", {{"a", "AZE"}, {"b", "SYR"}, {"freq", "year"}}, 400, "freq"},
      {"/api/relations", {{"a", "AZE"}, {"b", "SYR"}, {"top", "101"}}, 400, "top"},
      {"/api/relations", {{"a", "AZE"}, {"b", "SYR"}, {"from", "2024-00"}}, 400, "not a date"},
      {"/api/relations", {{"a", "AZE;"}, {"b", "SYR"}}, 400, "a: 'AZE;' is not an actor code"},
      {"/api/relations", {{"a", "AZE"}, {"b", "SYR"}, {"cameo", "visit"}}, 400, "CAMEO"},
      {"/api/actors", {{"limit", "x"}}, 400, "limit"},
      {"/api/explain", {}, 400, "text: required"},
      {"/api/explain", {{"text", std::string(101, 'a')}}, 413, "above the limit of 100"},
      {"/api/articles/0000000000000000", {}, 404, "no article"},
      {"/api/articles/", {}, 404, "article id"},
      {"/api/articles/a/b", {}, 404, "no endpoint"},
      {"/api/clusters/nope", {}, 404, "no cluster"},
      {"/api/nothing", {}, 404, "no endpoint"},
      {"/", {}, 404, "no endpoint"},
  };
  for (const Case& c : cases) {
    ApiResponse out = api.Handle({"GET", c.path, c.params, "", ""});
    EXPECT_EQ(out.status, c.status) << c.path << " " << (c.params.empty() ? "" : c.params[0].second);
    Json j = Json::parse(out.body);
    ASSERT_TRUE(j.contains("error")) << out.body;
    EXPECT_NE(j["error"].get<std::string>().find(c.says), std::string::npos) << j["error"] << " lacks " << c.says;
  }
  EXPECT_EQ(api.Handle({"POST", "/api/events", {}, "", ""}).status, 405);
  EXPECT_EQ(api.Handle({"GET", "/api/ingest", {}, "", ""}).status, 405);
}

TEST_F(ApiTest, ARequestPastTheTimeLimitIsA503) {
  ApiOptions o = Options();
  o.time_limit = std::chrono::milliseconds(0);
  Api api(o);
  ApiResponse out = api.Handle({"GET", "/api/events", {{"search", "minister"}}, "", ""});
  EXPECT_EQ(out.status, 503) << out.body;
  EXPECT_NE(out.body.find("time limit"), std::string::npos) << out.body;
  // Again and on other endpoints: each interrupted connection is replaced, none reused
  // mid-statement (that would be a 500 "misuse"). A query too short for SQLite to look
  // at the clock (every 1,000 instructions) may still answer.
  for (int i = 0; i < 3; ++i) {
    for (const ApiRequest& r : {ApiRequest{"GET", "/api/relations", {{"a", "AZE"}, {"b", "SYR"}}, "", ""},
                                ApiRequest{"GET", "/api/events", {{"search", "minister"}}, "", ""}}) {
      ApiResponse again = api.Handle(r);
      EXPECT_TRUE(again.status == 503 || again.status == 200) << r.path << ": " << again.body;
    }
  }
  // The connection it used serves the next request (of a server with time to spare).
  ApiOptions relaxed = Options();
  Api ok(relaxed);
  EXPECT_EQ(ok.Handle({"GET", "/api/events", {{"search", "minister"}}, "", ""}).status, 200);
}

// A running server: started on an ephemeral port of 127.0.0.1, stopped at the end.
class RunningServer {
 public:
  explicit RunningServer(const ApiOptions& options, std::string web_dir = "")
      : api_(options), server_(api_, {.port = 0, .threads = 4, .web_dir = std::move(web_dir)}) {
    std::string error;
    bind_ok_ = server_.Bind(&error);
    EXPECT_TRUE(bind_ok_) << error;
    if (bind_ok_) {
      thread_ = std::thread([this] { server_.Serve(); });
      server_.WaitUntilReady();
    }
  }
  ~RunningServer() {
    server_.Stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return server_.port(); }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port());
    c.set_read_timeout(30, 0);
    return c;
  }
  // Sends raw bytes and returns the server's answer: up to the end of the body its
  // Content-Length announces, or what came before the server closed or 10 s passed.
  std::string Raw(const std::string& bytes) const {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(fd);
      return "";
    }
    timeval tv{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) {
      out.append(buf, static_cast<size_t>(n));
      size_t head_end = out.find("\r\n\r\n");
      size_t length = out.find("Content-Length: ");
      if (head_end != std::string::npos && length != std::string::npos && length < head_end) {
        size_t body = std::stoul(out.substr(length + 16));
        if (out.size() >= head_end + 4 + body) break;
      }
    }
    close(fd);
    return out;
  }

 private:
  Api api_;
  HttpServer server_;
  bool bind_ok_ = false;
  std::thread thread_;
};

// The status of a raw HTTP answer ("HTTP/1.1 400 Bad Request" -> 400), 0 when none.
int StatusOf(const std::string& answer) {
  if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
  return std::stoi(answer.substr(9, 3));
}

TEST_F(ApiTest, ServerAnswersOverHttpAndRefusesMalformedAndOversizedRequests) {
  ApiOptions o = Options();
  o.max_body_bytes = 1000;
  RunningServer server(o);
  httplib::Client client = server.Client();

  auto events = client.Get("/api/events?pair=AZE,SYR&limit=5");
  ASSERT_TRUE(events) << httplib::to_string(events.error());
  EXPECT_EQ(events->status, 200);
  EXPECT_EQ(events->get_header_value("Content-Type").rfind("application/json", 0), 0u);
  EXPECT_EQ(Json::parse(events->body)["count"], 5);
  auto relations = client.Get("/api/relations?a=AZE&b=SYR");
  ASSERT_TRUE(relations);
  EXPECT_EQ(relations->status, 200);
  EXPECT_NE(relations->body.find("\"2024-12\""), std::string::npos);
  // Percent-encoded parameters are decoded.
  auto explain = client.Get("/api/explain?text=Azerbaijan%27s%20foreign%20minister%20visited%20Damascus.");
  ASSERT_TRUE(explain);
  EXPECT_EQ(explain->status, 200) << explain->body;

  auto bad_date = client.Get("/api/events?from=2024-13-45");
  ASSERT_TRUE(bad_date);
  EXPECT_EQ(bad_date->status, 400);
  EXPECT_NE(Json::parse(bad_date->body)["error"].get<std::string>().find("2024-13-45"), std::string::npos);

  // Not HTTP at all.
  std::string garbage = server.Raw("\x16\x03\x01 this is not HTTP\r\n\r\n");
  EXPECT_EQ(StatusOf(garbage), 400) << garbage;
  EXPECT_NE(garbage.find("{\"error\""), std::string::npos) << garbage;
  // A request line longer than the server reads.
  std::string long_uri = server.Raw("GET /api/events?search=" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_GE(StatusOf(long_uri), 400) << long_uri.substr(0, 200);
  EXPECT_LT(StatusOf(long_uri), 500) << long_uri.substr(0, 200);
  // A body above the limit: refused from its Content-Length, before it is read.
  std::string big = server.Raw("POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n{\"text\":");
  EXPECT_EQ(StatusOf(big), 413) << big;
  EXPECT_NE(big.find("{\"error\""), std::string::npos) << big;
  auto big_body = client.Post("/api/ingest", std::string(5000, ' '), "application/x-ndjson");
  ASSERT_TRUE(big_body);
  EXPECT_EQ(big_body->status, 413);
  std::string bad_length = server.Raw("POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n");
  EXPECT_EQ(StatusOf(bad_length), 400) << bad_length;
  // An unknown method, a path outside the API.
  std::string brew = server.Raw("BREW /api/events HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_GE(StatusOf(brew), 400) << brew;
  EXPECT_LT(StatusOf(brew), 500) << brew;
  auto root = client.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 404);
  EXPECT_TRUE(Json::parse(root->body).contains("error"));
  // A second server cannot take the port (no SO_REUSEPORT sharing).
  {
    Api other_api(o);
    HttpServer other(other_api, {.port = server.port(), .web_dir = ""});
    std::string error;
    EXPECT_FALSE(other.Bind(&error));
    EXPECT_NE(error.find("cannot listen"), std::string::npos) << error;
  }
  // The server still answers after all that.
  auto again = client.Get("/api/events?pair=AZE,SYR&limit=1");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(ApiTest, ServesTheBuiltDashboardAtTheRootAndSaysWhenItIsNotBuilt) {
  char tmpl[] = "/tmp/dyad_serve_web_XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string web = tmpl;
  fs::create_directories(web + "/assets");
  std::ofstream(web + "/assets/app.js") << "console.log('dyad');\n";
  // A file beside the folder, which no request may read.
  const std::string secret_name = fs::path(web).filename().string() + "_secret.txt";
  const fs::path secret = fs::path(web).parent_path() / secret_name;
  std::ofstream(secret) << "TOP-SECRET-CONTENT\n";
  {
    // Built assets but no index.html yet: "/" says how to build it; the API answers as before.
    RunningServer server(Options(), web);
    httplib::Client client = server.Client();
    auto root = client.Get("/");
    ASSERT_TRUE(root);
    EXPECT_EQ(root->status, 404);
    EXPECT_NE(Json::parse(root->body)["error"].get<std::string>().find("npm run build"), std::string::npos)
        << root->body;
    auto js = client.Get("/assets/app.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->status, 200);
    EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    auto api = client.Get("/api/events?pair=AZE,SYR&limit=1");
    ASSERT_TRUE(api);
    EXPECT_EQ(api->status, 200);
  }
  std::ofstream(web + "/index.html") << "<!doctype html><title>dyad</title>\n";
  {
    RunningServer server(Options(), web);
    httplib::Client client = server.Client();
    auto root = client.Get("/");
    ASSERT_TRUE(root);
    EXPECT_EQ(root->status, 200);
    EXPECT_EQ(root->body, "<!doctype html><title>dyad</title>\n");
    EXPECT_EQ(root->get_header_value("Content-Type"), "text/html; charset=utf-8");
    // Nothing outside the folder, and unknown files or API paths are JSON 404s.
    for (const std::string& path : {"/../" + secret_name, "/%2e%2e/" + secret_name, "/assets/..%2f..%2f" + secret_name,
                                    std::string("/assets/missing.js"), std::string("/api/nothing")}) {
      auto r = client.Get(path);
      ASSERT_TRUE(r) << path;
      EXPECT_EQ(r->status, 404) << path;
      EXPECT_EQ(r->body.find("TOP-SECRET-CONTENT"), std::string::npos) << path;
    }
    std::string raw = server.Raw("GET /../" + secret_name + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(raw.find("TOP-SECRET-CONTENT"), std::string::npos) << raw;
    auto events = client.Get("/api/events?pair=AZE,SYR&limit=1");
    ASSERT_TRUE(events);
    EXPECT_EQ(events->status, 200);
  }
  fs::remove_all(web);
  fs::remove(secret);
}

const char* kNewArticle =
    R"({"id": "serve-test-1", "outlet": "Test Wire", "published": "2025-03-04", "title": "Visit",)"
    R"( "text": "Azerbaijan's foreign minister visited Damascus on Tuesday and met Syria's foreign minister."})";

TEST_F(ApiTest, ReadOnlyServerRefusesIngestAndLeavesTheStoreUnchanged) {
  const std::string before = ReadFile(*db_);
  const auto mtime = fs::last_write_time(*db_);
  {
    RunningServer server(Options());
    httplib::Client client = server.Client();
    auto refused = client.Post("/api/ingest", kNewArticle, "application/x-ndjson");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_NE(Json::parse(refused->body)["error"].get<std::string>().find("--token"), std::string::npos);
    httplib::Headers auth = {{"Authorization", "Bearer guess"}};
    auto guessed = client.Post("/api/ingest", auth, kNewArticle, "application/x-ndjson");
    ASSERT_TRUE(guessed);
    EXPECT_EQ(guessed->status, 403);
    for (const char* path : {"/api/events?pair=AZE,SYR", "/api/relations?a=AZE&b=SYR", "/api/actors?q=Aliyev",
                             "/api/explain?text=Syria%20thanked%20Azerbaijan."}) {
      auto r = client.Get(path);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << path << " " << r->body;
    }
  }
  EXPECT_EQ(ReadFile(*db_), before);
  EXPECT_EQ(fs::last_write_time(*db_), mtime);
  auto store = Store::Open(*db_, {.create = false, .read_only = true});
  EXPECT_FALSE(store->GetArticleRecord("serve-test-1").has_value());
  // A read-only connection cannot write even if asked to.
  Pipeline pipeline;
  CodedArticle coded;
  coded.article.id = "serve-test-2";
  coded.article.text = "Azerbaijan's foreign minister visited Damascus.";
  pipeline.Run(&coded);
  EXPECT_THROW(store->PutArticle(coded), StoreError);
  EXPECT_EQ(ReadFile(*db_), before);
}

TEST_F(ApiTest, IngestWithTheTokenStoresTheArticles) {
  // On a copy: the other tests read the original.
  const std::string copy = *dir_ + "/ingest.db";
  fs::copy_file(*db_, copy, fs::copy_options::overwrite_existing);
  ApiOptions o = Options();
  o.db = copy;
  o.token = "s3cret-token";
  RunningServer server(o);
  httplib::Client client = server.Client();

  auto missing = client.Post("/api/ingest", kNewArticle, "application/x-ndjson");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 403);
  httplib::Headers wrong = {{"Authorization", "Bearer s3cret-tokeX"}};
  auto bad = client.Post("/api/ingest", wrong, kNewArticle, "application/x-ndjson");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 403);

  httplib::Headers auth = {{"Authorization", "Bearer s3cret-token"}};
  // Sent as curl --data-binary sends it (a form type): the body is still the articles.
  auto ok = client.Post("/api/ingest", auth, kNewArticle, "application/x-www-form-urlencoded");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  Json j = Json::parse(ok->body);
  EXPECT_EQ(j["stored"], 1);
  EXPECT_GE(j["events"].get<int>(), 1);
  auto again = client.Post("/api/ingest", auth, kNewArticle, "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(Json::parse(again->body)["already_stored"], 1);
  auto no_article = client.Post("/api/ingest", auth, "{\"title\": \"no text\"}", "application/x-ndjson");
  ASSERT_TRUE(no_article);
  EXPECT_EQ(no_article->status, 400) << no_article->body;

  // The new article is served at once, by the read-only connections.
  auto article = client.Get("/api/articles/serve-test-1");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 200);
  auto events = client.Get("/api/events?outlet=test%20wire");
  ASSERT_TRUE(events);
  EXPECT_GE(Json::parse(events->body)["count"].get<int>(), 1) << events->body;
}

TEST_F(ApiTest, ConcurrentReadersWhileAnIngestWrites) {
  const std::string copy = *dir_ + "/concurrent.db";
  fs::copy_file(*db_, copy, fs::copy_options::overwrite_existing);
  ApiOptions o = Options();
  o.db = copy;
  o.token = "t";
  Api api(o);
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        ApiRequest r = (i + t) % 2 == 0 ? ApiRequest{"GET", "/api/events", {{"pair", "AZE,SYR"}}, "", ""}
                                        : ApiRequest{"GET", "/api/relations", {{"a", "AZE"}, {"b", "SYR"}}, "", ""};
        ApiResponse out = api.Handle(r);
        if (out.status != 200) {
          ++failures;
          ADD_FAILURE() << out.status << " " << out.body;
        }
      }
    });
  }
  std::string articles;
  for (int i = 0; i < 5; ++i) {
    articles += R"({"id": "concurrent-)" + std::to_string(i) + R"(", "outlet": "Test Wire", "published": "2025-03-0)" +
                std::to_string(i + 1) + R"(", "text": "Azerbaijan's foreign minister visited Damascus for talks number )" +
                std::to_string(i) + R"(."})" + "\n";
  }
  ApiResponse ingest = api.Handle({"POST", "/api/ingest", {}, articles, "Bearer t"});
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(ingest.status, 200) << ingest.body;
  EXPECT_EQ(Json::parse(ingest.body)["stored"], 5);
  EXPECT_EQ(failures.load(), 0);
  Json after = Get(api, "/api/events", {{"outlet", "Test Wire"}}, 200);
  EXPECT_GE(after["count"].get<int>(), 5);
}

}  // namespace
}  // namespace dyad
