// Api: routing, parameters, the store connection pool and each endpoint's answer.
// (HttpServer is in http_server.cc.)
#include "serve/api_server.h"

#include <initializer_list>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "export/event_json.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "store/filter_params.h"
#include "store/store.h"
#include "store/store_json.h"
#include "syntax/ud.h"

namespace dyad {
namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

// A request's answer other than 200: thrown by the endpoints, caught by Handle.
struct HttpError {
  int status;
  std::string message;
};

[[noreturn]] void Fail(int status, std::string message) { throw HttpError{status, std::move(message)}; }

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

ApiResponse JsonResponse(int status, const Json& j) { return {status, Dump(j)}; }

// The query parameters by name, values in the order given; names outside `allowed` are a
// 400, as is a name given more than once unless it takes two values.
class Params {
 public:
  Params(const std::vector<std::pair<std::string, std::string>>& params,
         std::initializer_list<std::string_view> allowed, bool event_filters = false) {
    for (const auto& [name, value] : params) {
      bool known = event_filters && IsEventFilterName(name);
      for (std::string_view a : allowed) known = known || a == name;
      if (!known) Fail(400, "unknown parameter '" + name + "'");
      values_[name].push_back(value);
    }
  }

  // The one value of `name`, or nullopt.
  std::optional<std::string> One(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    if (it->second.size() != 1) Fail(400, name + ": given more than once");
    return it->second[0];
  }
  std::string Required(const std::string& name) const {
    std::optional<std::string> v = One(name);
    if (!v || v->empty()) Fail(400, name + ": required");
    return *v;
  }
  int64_t Count(const std::string& name, int64_t fallback, int64_t max) const {
    std::optional<std::string> v = One(name);
    if (!v) return fallback;
    int64_t n = 0;
    if (std::string e = ParseCount(name, *v, &n, max); !e.empty()) Fail(400, e);
    return n;
  }
  const std::map<std::string, std::vector<std::string>>& all() const { return values_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
};

void CheckOrFail(const std::string& error) {
  if (!error.empty()) Fail(400, error);
}

// "A,B" as two values; two values given apart stay as they are.
std::vector<std::string> PairValues(const std::vector<std::string>& values) {
  if (values.size() != 1) return values;
  const std::string& v = values[0];
  size_t comma = v.find(',');
  if (comma == std::string::npos) return values;
  return {v.substr(0, comma), v.substr(comma + 1)};
}

}  // namespace

struct Api::Impl {
  explicit Impl(ApiOptions o) : options(std::move(o)) {
    Release(Open());  // fails now, not at the first request, when the store cannot be read
  }

  // --- store connections ---

  std::unique_ptr<Store> Open() { return Store::Open(options.db, {.create = false, .read_only = true}); }

  // A read-only connection for one request, with the request's deadline.
  class Lease {
   public:
    Lease(Impl& impl, Clock::time_point deadline)
        : impl_(impl), store_(impl.Acquire()), exceptions_(std::uncaught_exceptions()) {
      store_->SetDeadline(deadline);
    }
    // A connection left by an exception (a query interrupted at the time limit, a store
    // error: the endpoints throw their own errors only after their Lease) is closed, not
    // reused, so that none carries a statement left mid-step or a half-loaded registry.
    ~Lease() {
      if (std::uncaught_exceptions() > exceptions_) return;
      store_->SetDeadline(std::nullopt);
      impl_.Release(std::move(store_));
    }
    Store* operator->() { return store_.get(); }
    Store& operator*() { return *store_; }

   private:
    Impl& impl_;
    std::unique_ptr<Store> store_;
    const int exceptions_;
  };

  std::unique_ptr<Store> Acquire() {
    {
      std::lock_guard lock(pool_mu);
      if (!pool.empty()) {
        std::unique_ptr<Store> s = std::move(pool.back());
        pool.pop_back();
        return s;
      }
    }
    return Open();
  }
  void Release(std::unique_ptr<Store> s) {
    std::lock_guard lock(pool_mu);
    if (pool.size() < kMaxIdle) pool.push_back(std::move(s));
  }

  const Pipeline& GetPipeline() {
    std::call_once(pipeline_once, [this] { pipeline = std::make_unique<Pipeline>(); });
    return *pipeline;
  }

  // --- endpoints ---

  Json Events(const ApiRequest& r, Clock::time_point deadline) {
    Params p(r.params, {}, /*event_filters=*/true);
    EventFilter f;
    f.limit = options.default_limit;
    for (const auto& [name, values] : p.all()) {
      bool two = name == "pair" || name == "between";
      if (!two && values.size() > 1) Fail(400, name + ": given more than once");
      CheckOrFail(SetEventFilter(&f, name, two ? PairValues(values) : values));
    }
    if (f.limit > options.max_limit) {
      Fail(400, "limit: " + std::to_string(f.limit) + " is above the maximum " + std::to_string(options.max_limit));
    }
    const int64_t limit = f.limit;
    f.limit = limit + 1;  // one more tells whether there are more
    Json events = Json::array();
    Lease store(*this, deadline);
    store->ForEachEvent(f, [&](const Event& e) { events.push_back(EventToJson(e)); });
    const bool more = static_cast<int64_t>(events.size()) > limit;
    if (more) events.erase(events.size() - 1);
    Json j;
    j["count"] = events.size();
    j["limit"] = limit;
    j["offset"] = f.offset;
    j["more"] = more;
    j["events"] = std::move(events);
    return j;
  }

  Json Relations(const ApiRequest& r, Clock::time_point deadline) {
    Params p(r.params, {"a", "b", "cameo", "from", "to", "freq", "top"});
    RelationFilter f;
    CheckOrFail(SetRelationFilter(&f, "a", p.Required("a")));
    CheckOrFail(SetRelationFilter(&f, "b", p.Required("b")));
    for (const char* name : {"cameo", "from", "to"}) {
      if (auto v = p.One(name)) CheckOrFail(SetRelationFilter(&f, name, *v));
    }
    std::string freq = p.One("freq").value_or("month");
    if (freq == "week") {
      f.period_unit = RelationPeriodUnit::kWeek;
    } else if (freq != "month") {
      Fail(400, "freq: '" + freq + "' is neither month nor week");
    }
    f.max_key_events = static_cast<size_t>(p.Count("top", 10, 100));
    Lease store(*this, deadline);
    Json j = store->GetRelation(f).ToJson();
    j["freq"] = freq;
    return j;
  }

  Json Actors(const ApiRequest& r, Clock::time_point deadline) {
    Params p(r.params, {"q", "limit"});
    std::string q = p.One("q").value_or("");
    int64_t limit = p.Count("limit", options.default_limit, options.max_limit);
    Lease store(*this, deadline);
    const EntityRegistry& registry = store->Entities();
    Json actors = Json::array();
    for (size_t i : registry.Search(q)) {
      if (static_cast<int64_t>(actors.size()) >= limit) break;
      actors.push_back(EntityToJson(registry.entities()[i]));
    }
    Json j;
    j["count"] = actors.size();
    j["actors"] = std::move(actors);
    return j;
  }

  // (The answers that are errors are thrown once the store connection is back in the
  // pool: an exception that leaves a Lease means the connection failed.)
  Json ArticleAnswer(const ApiRequest& r, std::string_view id, Clock::time_point deadline) {
    Params p(r.params, {});
    if (id.empty()) Fail(404, "give an article id: /api/articles/ID");
    std::optional<StoredArticle> a;
    size_t matches = 1;
    {
      Lease store(*this, deadline);
      a = store->GetArticle(id);
      if (!a) {
        std::vector<std::string> ids = store->ArticleIdsWithPrefix(id, 2);
        matches = ids.size();
        if (matches == 1) a = store->GetArticle(ids[0]);
      }
    }
    if (matches > 1) Fail(400, std::string(id) + " names more than one article: give more of the id");
    if (!a) Fail(404, "no article with id " + std::string(id));
    return StoredArticleToJson(*a);
  }

  Json ClusterAnswer(const ApiRequest& r, std::string_view id, Clock::time_point deadline) {
    Params p(r.params, {});
    if (id.empty()) Fail(404, "give a cluster id: /api/clusters/ID");
    std::optional<EventCluster> c;
    Json events = Json::array();
    {
      Lease store(*this, deadline);
      c = store->GetCluster(id);
      if (c) {
        EventFilter f;
        f.cluster_id = std::string(id);
        f.limit = options.max_limit;
        store->ForEachEvent(f, [&](const Event& e) { events.push_back(EventToJson(e)); });
      }
    }
    if (!c) Fail(404, "no cluster with id " + std::string(id));
    Json j = c->ToJson();
    j["events"] = std::move(events);
    return j;
  }

  Json Explain(const ApiRequest& r) {
    Params p(r.params, {"text"});
    std::string text = p.Required("text");
    if (text.size() > options.max_text_bytes) {
      Fail(413, "text: " + std::to_string(text.size()) + " bytes, above the limit of " +
                    std::to_string(options.max_text_bytes));
    }
    CodedArticle coded;
    coded.article.id = "explain";
    coded.article.text = std::move(text);
    std::vector<std::string> trace;
    GetPipeline().Explain(&coded, &trace);
    const Document& doc = coded.doc;
    Json sentences = Json::array();
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      Json tokens = Json::array();
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const Token& tok = doc.tokens[t];
        Json tj = {{"text", doc.TokenText(tok)}, {"lemma", tok.lemma}, {"span", {tok.begin, tok.end}}};
        if (s.parsed) {
          tj["upos"] = UPosName(tok.upos);
          tj["deprel"] = DeprelName(tok.deprel);
          tj["head"] = tok.head == Token::kNoHead ? Json(nullptr) : Json(tok.head - s.first_token);
        }
        tokens.push_back(std::move(tj));
      }
      Json actors = Json::array();
      for (const ActorMention& m : coded.actors) {
        if (m.sentence != si) continue;
        uint32_t b = doc.tokens[m.first_token].begin, e = doc.tokens[m.end_token - 1].end;
        actors.push_back({{"text", doc.text.substr(b, e - b)},
                          {"span", {b, e}},
                          {"code", m.code},
                          {"kind", MentionKindName(m.kind)},
                          {"entity", m.entity},
                          {"title", m.title}});
      }
      sentences.push_back({{"index", si},
                           {"text", doc.SentenceText(s)},
                           {"parsed", s.parsed},
                           {"tokens", std::move(tokens)},
                           {"actors", std::move(actors)}});
    }
    Json events = Json::array();
    for (const Event& e : coded.events) events.push_back(EventToJson(e));
    return {{"sentences", std::move(sentences)}, {"trace", trace}, {"events", std::move(events)}};
  }

  Json Ingest(const ApiRequest& r) {
    Params p(r.params, {});
    if (options.token.empty()) Fail(403, "ingest is disabled: start dyad serve with --token to allow it");
    const std::string expected = "Bearer " + options.token;
    // Compared in time independent of where the first difference is.
    bool same = r.authorization.size() == expected.size();
    unsigned char diff = 0;
    for (size_t i = 0; same && i < expected.size(); ++i) {
      diff = static_cast<unsigned char>(diff | (r.authorization[i] ^ expected[i]));
    }
    if (!same || diff != 0) Fail(403, "ingest needs the header Authorization: Bearer TOKEN with the server's token");
    if (r.body.size() > options.max_body_bytes) {
      Fail(413, "body: " + std::to_string(r.body.size()) + " bytes, above the limit of " +
                    std::to_string(options.max_body_bytes));
    }
    Json problems = Json::array();
    std::vector<Article> articles;
    ReadArticleStream(NewStringSource(r.body), "request.jsonl", [&](Article&& a) { articles.push_back(std::move(a)); },
                      [&](const Diagnostic& d) {
                        if (problems.size() < 100) problems.push_back({{"where", d.where}, {"message", d.message}});
                      });
    if (articles.empty()) {
      Fail(400, "no article in the body (JSON Lines, a JSON array or one object with \"text\")" +
                    (problems.empty() ? std::string() : ": " + problems[0]["message"].get<std::string>()));
    }
    const Pipeline& coder = GetPipeline();
    int64_t stored = 0, already = 0, events = 0;
    std::lock_guard lock(writer_mu);
    if (!writer) writer = Store::Open(options.db, {.create = false});
    writer->BeginBatch();
    try {
      for (Article& a : articles) {
        if (writer->Contains(a.id, Store::ContentHash(a))) {
          ++already;
          continue;
        }
        CodedArticle coded;
        coded.article = std::move(a);
        coder.Run(&coded);
        Store::PutResult put = writer->PutArticle(coded);
        if (put.stored) {
          ++stored;
          events += put.events;
        } else {
          ++already;
        }
      }
      writer->CommitBatch();
    } catch (...) {
      if (writer->in_batch()) writer->RollbackBatch();
      writer.reset();  // opened again by the next ingest, in a known state
      throw;
    }
    return {{"articles", articles.size()},
            {"stored", stored},
            {"already_stored", already},
            {"events", events},
            {"problems", std::move(problems)}};
  }

  ApiResponse Route(const ApiRequest& r) {
    const Clock::time_point deadline = Clock::now() + options.time_limit;
    std::string_view path = r.path;
    auto method = [&](const char* m) {
      const bool head = r.method == "HEAD" && std::string_view(m) == "GET";  // a GET without its body
      if (r.method != m && !head) Fail(405, r.method + " is not allowed on " + r.path + " (use " + m + ")");
    };
    auto id_after = [&](std::string_view prefix) -> std::optional<std::string_view> {
      if (!path.starts_with(prefix)) return std::nullopt;
      std::string_view id = path.substr(prefix.size());
      if (id.find('/') != std::string_view::npos) Fail(404, "no endpoint " + r.path);
      return id;
    };
    Json result;
    if (path == "/api/events") {
      method("GET");
      result = Events(r, deadline);
    } else if (path == "/api/relations") {
      method("GET");
      result = Relations(r, deadline);
    } else if (path == "/api/actors") {
      method("GET");
      result = Actors(r, deadline);
    } else if (path == "/api/explain") {
      method("GET");
      result = Explain(r);
    } else if (path == "/api/ingest") {
      method("POST");
      result = Ingest(r);
    } else if (auto aid = id_after("/api/articles/")) {
      method("GET");
      result = ArticleAnswer(r, *aid, deadline);
    } else if (auto cid = id_after("/api/clusters/")) {
      method("GET");
      result = ClusterAnswer(r, *cid, deadline);
    } else {
      Fail(404, "no endpoint " + r.path + " (see /api/events, /api/relations, /api/actors, /api/articles/ID, "
                                           "/api/clusters/ID, /api/explain, POST /api/ingest)");
    }
    return JsonResponse(200, result);
  }
  static constexpr size_t kMaxIdle = 64;  // idle connections kept (one per thread is enough)
  const ApiOptions options;
  std::mutex pool_mu;
  std::vector<std::unique_ptr<Store>> pool;
  std::once_flag pipeline_once;
  std::unique_ptr<Pipeline> pipeline;
  std::mutex writer_mu;
  std::unique_ptr<Store> writer;  // opened at the first ingest
};

Api::Api(ApiOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Api::~Api() = default;

const ApiOptions& Api::options() const { return impl_->options; }

ApiResponse Api::Handle(const ApiRequest& request) {
  const Clock::time_point start = Clock::now();
  try {
    return impl_->Route(request);
  } catch (const HttpError& e) {
    return JsonResponse(e.status, {{"error", e.message}});
  } catch (const StoreError& e) {
    if (Clock::now() - start >= impl_->options.time_limit) {
      return JsonResponse(503, {{"error", "the request took longer than the time limit of " +
                                              std::to_string(impl_->options.time_limit.count()) +
                                              " ms: narrow the query"}});
    }
    return JsonResponse(500, {{"error", e.what()}});
  } catch (const std::exception& e) {
    return JsonResponse(500, {{"error", std::string("internal error: ") + e.what()}});
  }
}

}  // namespace dyad
