// _dyad: the C++ library for Python (the package python/dyad turns what it returns into
// pandas DataFrames). Coding runs with the GIL released, on one or more threads sharing
// one Pipeline; records come out as the JSON of export/event_json.h, flattened into
// columns (columns.h), so that a DataFrame has the fields of `dyad code`'s JSON Lines.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "actors/entity_registry.h"
#include "columns.h"
#include "export/event_json.h"
#include "ingest/jsonl_article.h"
#include "ingest/plain_text_article.h"
#include "ingest/reader.h"
#include "ingest/text_scan.h"
#include "pipeline/explain_report.h"
#include "pipeline/pipeline.h"
#include "store/filter_params.h"
#include "store/store.h"
#include "store/store_json.h"

namespace dyad::python {
namespace {

// One input of code() or ingest(): an article's text, or a JSON record of one
// (the Python package serialises dicts).
enum InputKind { kText = 0, kRecord = 1 };
using Input = std::pair<int, std::string>;

// A problem with one input (its index in the batch) or one file.
struct Problem {
  int64_t index = -1;
  std::string where, message;
  bool error = true;  // else a warning: the input was still used
};

py::list ProblemsToPython(const std::vector<Problem>& problems) {
  py::list l;
  for (const Problem& p : problems) l.append(py::make_tuple(p.index, p.where, p.message, p.error));
  return l;
}

// The article of one input, or nullopt with the reason in `problems`.
std::optional<Article> ParseInput(size_t index, const Input& in, std::vector<Problem>* problems) {
  const std::string where = "input " + std::to_string(index);
  const auto i = static_cast<int64_t>(index);
  if (in.first == kRecord) {
    std::vector<Problem> found;
    DiagnosticSink sink = [&](const Diagnostic& d) {
      found.push_back({i, d.where, d.message, d.severity == Severity::kError});
    };
    std::optional<Article> a = ParseJsonLine(in.second, where, sink);
    const bool any_error = std::any_of(found.begin(), found.end(), [](const Problem& p) { return p.error; });
    problems->insert(problems->end(), found.begin(), found.end());
    if (!a && !any_error) problems->push_back({i, where, "not an article record", true});
    return a;
  }
  Article a = ParsePlainTextArticle(in.second, where);
  if (scan::Trim(a.text).empty()) {
    problems->push_back({i, where, "no article text", true});
    return std::nullopt;
  }
  return a;
}

// Runs the pipeline on every article, on up to `threads` threads (the caller has
// released the GIL). An article the pipeline fails on is reported and left with no
// events; its slot is then reset.
void RunPipeline(const Pipeline& pipeline, std::vector<std::unique_ptr<CodedArticle>>& coded, int threads,
                 std::vector<std::string>* failures) {
  failures->assign(coded.size(), std::string());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next++; k < coded.size(); k = next++) {
      try {
        pipeline.Run(coded[k].get());
      } catch (const std::exception& e) {
        (*failures)[k] = e.what();
        coded[k]->events.clear();
      }
    }
  };
  const size_t n = std::min(coded.size(), static_cast<size_t>(std::max(1, threads)));
  if (n <= 1) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  for (size_t t = 0; t < n; ++t) pool.emplace_back(work);
  for (std::thread& t : pool) t.join();
}

// Thrown, with the GIL released, when Ctrl-C was pressed during a long call: the
// KeyboardInterrupt is pending and raised once the GIL is back (RaiseInterrupt).
struct Interrupted {};

// Between batches of a long call: throws Interrupted when a signal handler raised.
void CheckSignals() {
  py::gil_scoped_acquire acquire;
  if (PyErr_CheckSignals() != 0) throw Interrupted{};
}

std::unique_ptr<Pipeline> MakePipeline(const std::vector<std::string>& dictionaries) {
  PipelineOptions options;
  options.dictionary_files = dictionaries;
  try {
    return std::make_unique<Pipeline>(options);
  } catch (const std::runtime_error& e) {
    throw py::value_error(e.what());
  }
}

// The event records of the coded articles, in order.
std::vector<nlohmann::json> EventRecords(const std::vector<std::unique_ptr<CodedArticle>>& coded) {
  std::vector<nlohmann::json> out;
  for (const auto& c : coded) {
    for (const Event& e : c->events) out.push_back(EventToJson(e));
  }
  return out;
}

py::dict ToColumns(const std::vector<nlohmann::json>& records, std::set<std::string> keep = {}) {
  Columns columns(std::move(keep));
  for (const nlohmann::json& r : records) columns.Add(r);
  return columns.ToDict();
}

// A Pipeline for Python: code() and iter_code() of the package.
class Coder {
 public:
  explicit Coder(const std::vector<std::string>& dictionaries) : pipeline_(MakePipeline(dictionaries)) {}

  // (event columns, problems) of a batch of inputs.
  py::tuple Code(const std::vector<Input>& inputs, int threads) {
    std::vector<nlohmann::json> records;
    std::vector<Problem> problems;
    {
      py::gil_scoped_release release;
      std::vector<std::unique_ptr<CodedArticle>> coded;
      std::vector<size_t> index;
      for (size_t i = 0; i < inputs.size(); ++i) {
        std::optional<Article> a = ParseInput(i, inputs[i], &problems);
        if (!a) continue;
        coded.push_back(std::make_unique<CodedArticle>());
        coded.back()->article = std::move(*a);
        index.push_back(i);
      }
      std::vector<std::string> failures;
      RunPipeline(*pipeline_, coded, threads, &failures);
      for (size_t k = 0; k < coded.size(); ++k) {
        if (!failures[k].empty()) {
          problems.push_back({static_cast<int64_t>(index[k]), coded[k]->article.origin,
                              "cannot code article " + coded[k]->article.id + ": " + failures[k], true});
        }
      }
      records = EventRecords(coded);
    }
    return py::make_tuple(ToColumns(records), ProblemsToPython(problems));
  }

  // (event columns, problems) of the articles of files and directories, read as
  // `dyad code` reads them.
  py::tuple CodePaths(const std::vector<std::string>& paths, int threads) {
    std::vector<nlohmann::json> records;
    std::vector<Problem> problems;
    {
      py::gil_scoped_release release;
      std::vector<std::unique_ptr<CodedArticle>> batch;
      auto flush = [&] {
        std::vector<std::string> failures;
        RunPipeline(*pipeline_, batch, threads, &failures);
        for (size_t k = 0; k < batch.size(); ++k) {
          if (!failures[k].empty()) problems.push_back({-1, batch[k]->article.origin, failures[k], true});
        }
        for (nlohmann::json& r : EventRecords(batch)) records.push_back(std::move(r));
        batch.clear();
      };
      DiagnosticSink sink = [&](const Diagnostic& d) {
        problems.push_back({-1, d.where, d.message, d.severity == Severity::kError});
      };
      ReadStats stats = ReadArticles(
          paths,
          [&](Article&& a) {
            batch.push_back(std::make_unique<CodedArticle>());
            batch.back()->article = std::move(a);
            if (batch.size() >= 256) {
              flush();
              CheckSignals();
            }
          },
          sink);
      flush();
      if (stats.files == 0 && stats.skipped > 0 && problems.empty()) {
        problems.push_back({-1, "", "no input could be read", true});
      }
    }
    return py::make_tuple(ToColumns(records), ProblemsToPython(problems));
  }

  // `dyad explain`'s report of a text (pipeline/explain_report.h).
  std::string Explain(const std::string& text) {
    py::gil_scoped_release release;
    std::ostringstream out;
    WriteExplainReport(*pipeline_, text, out);
    return out.str();
  }

  const Pipeline& pipeline() const { return *pipeline_; }

 private:
  std::unique_ptr<Pipeline> pipeline_;
};

// Filters as (name, values) in the names of `dyad events`' flags ("min-sources"), set
// by the parser of the command line and the HTTP API (store/filter_params.h), so that
// Python accepts and refuses the same values with the same messages (ValueError).
using FilterArgs = std::vector<std::pair<std::string, std::vector<std::string>>>;

EventFilter ParseEventFilter(const FilterArgs& args) {
  EventFilter f;
  for (const auto& [name, values] : args) {
    if (std::string error = SetEventFilter(&f, name, values); !error.empty()) throw py::value_error(error);
  }
  return f;
}

// A store for Python. One connection, used by one thread at a time (mu_); the GIL is
// released while the store works.
class PyStore {
 public:
  PyStore(const std::string& path, bool create) {
    py::gil_scoped_release release;
    store_ = Store::Open(path, {.create = create});
  }

  // Codes and stores a batch of inputs, in one transaction. {"stored", "already_stored",
  // "sentences", "events", "problems"}.
  py::dict Ingest(Coder& coder, const std::vector<Input>& inputs, int threads) {
    std::vector<Problem> problems;
    Store::PutResult totals;
    int64_t stored = 0, already = 0;
    Locked([&] {
      std::vector<std::unique_ptr<CodedArticle>> coded;
      std::vector<size_t> index;
      for (size_t i = 0; i < inputs.size(); ++i) {
        std::optional<Article> a = ParseInput(i, inputs[i], &problems);
        if (!a) continue;
        if (store_->Contains(a->id, Store::ContentHash(*a))) {
          ++already;
          continue;
        }
        coded.push_back(std::make_unique<CodedArticle>());
        coded.back()->article = std::move(*a);
        index.push_back(i);
      }
      Put(coder, coded, index, threads, &problems, &stored, &already, &totals);
    });
    return Summary(stored, already, totals, problems);
  }

  // The same for files and directories, read as `dyad ingest` reads them, in
  // transactions of `batch` articles.
  py::dict IngestPaths(Coder& coder, const std::vector<std::string>& paths, int threads, size_t batch) {
    std::vector<Problem> problems;
    Store::PutResult totals;
    int64_t stored = 0, already = 0;
    Locked([&] {
      std::vector<std::unique_ptr<CodedArticle>> coded;
      std::vector<size_t> index;
      auto flush = [&] {
        Put(coder, coded, index, threads, &problems, &stored, &already, &totals);
        coded.clear();
        index.clear();
      };
      DiagnosticSink sink = [&](const Diagnostic& d) {
        problems.push_back({-1, d.where, d.message, d.severity == Severity::kError});
      };
      ReadArticles(
          paths,
          [&](Article&& a) {
            if (store_->Contains(a.id, Store::ContentHash(a))) {
              ++already;
              return;
            }
            coded.push_back(std::make_unique<CodedArticle>());
            coded.back()->article = std::move(a);
            index.push_back(static_cast<size_t>(-1));
            if (coded.size() >= std::max<size_t>(1, batch)) {
              flush();
              CheckSignals();  // what was stored stays stored
            }
          },
          sink);
      flush();
    });
    return Summary(stored, already, totals, problems);
  }

  // Applies an actor file (`dyad ingest --actors`); returns its problems.
  py::list SeedActors(const std::string& path) {
    std::vector<Problem> problems;
    Locked([&] {
      std::ifstream in(path, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) throw std::runtime_error("cannot read actor file " + path);
      DiagnosticSink sink = [&](const Diagnostic& d) {
        problems.push_back({-1, d.where, d.message, d.severity == Severity::kError});
      };
      store_->SeedEntities(ParseActorFile(text.str(), path, sink));
    });
    return ProblemsToPython(problems);
  }

  py::dict Events(const FilterArgs& args) {
    const EventFilter filter = ParseEventFilter(args);
    std::vector<nlohmann::json> records;
    Locked([&] {
      store_->ForEachEvent(filter, [&](const Event& e) { records.push_back(EventToJson(e)); });
    });
    return ToColumns(records);
  }

  // The filters outlet, from, to, search and limit, as the event filters of those names.
  py::dict Articles(const FilterArgs& args, bool with_text) {
    const EventFilter f = ParseEventFilter(args);
    const ArticleFilter filter{.outlet = f.outlet, .from = f.from, .to = f.to, .search = f.search, .limit = f.limit};
    std::vector<nlohmann::json> records;
    Locked([&] {
      std::vector<std::string> ids;
      store_->ForEachArticle(filter, [&](const ArticleListing& row) {
        nlohmann::json j = ArticleToJson(row.article, /*with_text=*/false);
        j["sentences"] = row.num_sentences;
        j["events"] = row.num_events;
        records.push_back(std::move(j));
        if (with_text) ids.push_back(row.article.id);
      });
      for (size_t k = 0; k < ids.size(); ++k) {
        std::optional<Article> a = store_->GetArticleRecord(ids[k]);
        records[k]["text"] = a ? a->text : std::string();
      }
    });
    return ToColumns(records, {"metadata"});
  }

  py::dict Actors(const std::string& query, int64_t limit) {
    std::vector<nlohmann::json> records;
    Locked([&] {
      const EntityRegistry& registry = store_->Entities();
      for (size_t i : registry.Search(query)) {
        if (limit >= 0 && static_cast<int64_t>(records.size()) >= limit) break;
        records.push_back(EntityToJson(registry.entities()[i]));
      }
    });
    return ToColumns(records);
  }

  // The relation (Store::GetRelation): Relation::ToJson, and per period its raw counts
  // ("goldstein_tenths", "cluster_ids") so that periods can be summed into longer ones.
  // `args`: a, b, cameo, from, to (SetRelationFilter) and top, the number of key events.
  py::object GetRelation(const FilterArgs& args) {
    RelationFilter filter;
    for (const auto& [name, values] : args) {
      std::string error = values.size() == 1 ? std::string() : name + ": expected one value";
      if (error.empty() && name == "top") {
        int64_t top = 0;
        error = ParseCount(name, values[0], &top);
        filter.max_key_events = static_cast<size_t>(top);
      } else if (error.empty()) {
        error = SetRelationFilter(&filter, name, values[0]);
      }
      if (!error.empty()) throw py::value_error(error);
    }
    nlohmann::json j;
    Locked([&] {
      Relation r = store_->GetRelation(filter);
      j = r.ToJson();
      for (size_t k = 0; k < r.periods.size(); ++k) {
        const RelationCounts& c = r.periods[k].counts;
        j["periods"][k]["goldstein_tenths"] = c.goldstein_tenths;
        j["periods"][k]["cluster_ids"] = c.clusters;
      }
    });
    return ToPython(j);
  }

  // The filters pair, cameo, from, to, min-sources, min-articles and limit, as the event
  // filters of those names.
  py::dict Clusters(const FilterArgs& args) {
    const EventFilter f = ParseEventFilter(args);
    const ClusterFilter filter{.country_a = f.country_a, .country_b = f.country_b, .cameo = f.cameo, .from = f.from,
                               .to = f.to, .min_sources = f.min_sources, .min_articles = f.min_articles,
                               .limit = f.limit};
    std::vector<nlohmann::json> records;
    Locked([&] {
      store_->ForEachCluster(filter, [&](const EventCluster& c) {
        nlohmann::json j = c.SummaryJson();
        std::set<std::string> outlets;
        for (const EventReport& r : c.reports) {
          if (!r.outlet.empty()) outlets.insert(r.outlet);
        }
        j["outlets"] = outlets;
        records.push_back(std::move(j));
      });
    });
    return ToColumns(records, {"more"});
  }

  // The cluster's record with its reports and how they differ, or None.
  py::object Cluster(const std::string& id) {
    std::optional<nlohmann::json> j;
    Locked([&] {
      if (std::optional<EventCluster> c = store_->GetCluster(id)) {
        j = c->ToJson();
        (*j)["details"] = c->Details();
      }
    });
    return j ? ToPython(*j) : py::none();
  }

  // `dyad show --format json` of one article: {"article", "sentences": [...]}, or None.
  py::object GetArticle(const std::string& id) {
    std::optional<nlohmann::json> j;
    Locked([&] {
      if (std::optional<StoredArticle> s = store_->GetArticle(id)) j = StoredArticleToJson(*s);
    });
    return j ? ToPython(*j) : py::none();
  }

  py::dict Counts() {
    StoreCounts c;
    Locked([&] { c = store_->Counts(); });
    py::dict d;
    d["articles"] = c.articles;
    d["sentences"] = c.sentences;
    d["events"] = c.events;
    d["clusters"] = c.clusters;
    return d;
  }

  void Close() {
    py::gil_scoped_release release;
    std::lock_guard lock(mu_);
    store_.reset();
  }

  bool closed() const { return store_ == nullptr; }

  std::string path() {
    std::lock_guard lock(mu_);
    Check();
    return store_->path();
  }

 private:
  void Check() const {
    if (!store_) throw py::value_error("the store is closed");
  }

  // Runs `work` with the GIL released and the store's mutex held, once the store is
  // known to be open.
  template <typename Work>
  void Locked(Work&& work) {
    py::gil_scoped_release release;
    std::lock_guard lock(mu_);
    Check();
    work();
  }

  // Codes `coded` (inputs `index`) and stores them in one batch. Mutex held.
  void Put(Coder& coder, std::vector<std::unique_ptr<CodedArticle>>& coded, const std::vector<size_t>& index,
           int threads, std::vector<Problem>* problems, int64_t* stored, int64_t* already,
           Store::PutResult* totals) {
    if (coded.empty()) return;
    std::vector<std::string> failures;
    RunPipeline(coder.pipeline(), coded, threads, &failures);
    store_->BeginBatch();
    try {
      for (size_t k = 0; k < coded.size(); ++k) {
        const CodedArticle& ca = *coded[k];
        const int64_t i = index[k] == static_cast<size_t>(-1) ? -1 : static_cast<int64_t>(index[k]);
        if (!failures[k].empty()) {
          problems->push_back({i, ca.article.origin, "cannot code article " + ca.article.id + ": " + failures[k], true});
          continue;
        }
        try {
          Store::PutResult r = store_->PutArticle(ca);
          if (r.stored) {
            ++*stored;
            totals->sentences += r.sentences;
            totals->events += r.events;
          } else {
            ++*already;
          }
        } catch (const StoreError& e) {
          if (!store_->in_batch()) throw;
          problems->push_back({i, ca.article.origin, "cannot store article " + ca.article.id + ": " + e.what(), true});
        }
      }
      store_->CommitBatch();
    } catch (...) {
      if (store_->in_batch()) store_->RollbackBatch();
      throw;
    }
  }

  static py::dict Summary(int64_t stored, int64_t already, const Store::PutResult& totals,
                          const std::vector<Problem>& problems) {
    py::dict d;
    d["stored"] = stored;
    d["already_stored"] = already;
    d["sentences"] = totals.sentences;
    d["events"] = totals.events;
    d["problems"] = ProblemsToPython(problems);
    return d;
  }

  std::mutex mu_;
  std::unique_ptr<Store> store_;
};

}  // namespace
}  // namespace dyad::python

PYBIND11_MODULE(_dyad, m) {
  using namespace dyad;
  using namespace dyad::python;
  m.doc() = "dyad's C++ library; use the package `dyad`, which returns pandas DataFrames";
  py::register_exception<StoreError>(m, "StoreError", PyExc_RuntimeError);
  // The KeyboardInterrupt CheckSignals left pending.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Interrupted&) {
      if (PyErr_Occurred() == nullptr) PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });

  py::class_<Coder>(m, "Coder")
      .def(py::init<const std::vector<std::string>&>(), py::arg("dictionaries") = std::vector<std::string>{})
      .def("code", &Coder::Code, py::arg("inputs"), py::arg("threads") = 1)
      .def("code_paths", &Coder::CodePaths, py::arg("paths"), py::arg("threads") = 1)
      .def("explain", &Coder::Explain, py::arg("text"), "dyad explain's report of a text");

  py::class_<PyStore>(m, "Store")
      .def(py::init<const std::string&, bool>(), py::arg("path"), py::arg("create"))
      .def("ingest", &PyStore::Ingest, py::arg("coder"), py::arg("inputs"), py::arg("threads") = 1)
      .def("ingest_paths", &PyStore::IngestPaths, py::arg("coder"), py::arg("paths"), py::arg("threads") = 1,
           py::arg("batch") = 500)
      .def("seed_actors", &PyStore::SeedActors, py::arg("path"))
      .def("events", &PyStore::Events, py::arg("filter"))
      .def("articles", &PyStore::Articles, py::arg("filter"), py::arg("with_text") = false)
      .def("actors", &PyStore::Actors, py::arg("query"), py::arg("limit") = -1)
      .def("relation", &PyStore::GetRelation, py::arg("filter"))
      .def("clusters", &PyStore::Clusters, py::arg("filter"))
      .def("cluster", &PyStore::Cluster, py::arg("cluster_id"))
      .def("article", &PyStore::GetArticle, py::arg("article_id"))
      .def("counts", &PyStore::Counts)
      .def("close", &PyStore::Close)
      .def_property_readonly("closed", &PyStore::closed)
      .def_property_readonly("path", &PyStore::path);
}
