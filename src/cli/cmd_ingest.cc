// dyad ingest --db PATH PATH...: reads articles, codes them on worker threads and
// stores them, in input order, in batches.
//
// Threads: the calling thread reads (ReadArticles) and skips articles the store already
// holds; N workers run the shared Pipeline, one CodedArticle per article; one writer
// stores them in input order, committing every --batch articles or half a second. At
// most a bounded number of articles are in flight, so memory stays flat on any input.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "actors/entity_registry.h"
#include "cli/commands.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "util/diagnostics.h"

namespace dyad {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Item {
  uint64_t seq = 0;
  std::unique_ptr<CodedArticle> coded;
  std::vector<EntityObservation> persons;  // for the entity registry
  bool already_stored = false;  // found by the reader's check: not coded at all
  std::string error;            // the pipeline failed on it
};

// Thrown through ReadArticles to stop reading when the writer has failed.
struct StopReading {};

// Hands items from the reader to the workers and, in input order, to the writer.
class IngestQueue {
 public:
  explicit IngestQueue(size_t max_in_flight) : max_in_flight_(max_in_flight) {}

  // Reader: waits while too many items are in flight. Items that need no coding go
  // straight to the writer. False when the queue was stopped.
  bool Push(Item item, bool needs_coding) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return stopped_ || next_seq_ - written_ < max_in_flight_; });
    if (stopped_) return false;
    item.seq = next_seq_++;
    if (needs_coding) {
      todo_.push_back(std::move(item));
      work_.notify_one();
    } else {
      Finish(std::move(item));
    }
    return true;
  }

  // Reader: no more items.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    work_.notify_all();
    done_.notify_all();
  }

  // Writer, on failure: everyone stops.
  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    space_.notify_all();
    work_.notify_all();
    done_.notify_all();
  }

  // Worker: the next item to code; false when there is none and will be none.
  bool TakeWork(Item* item) {
    std::unique_lock lock(mu_);
    work_.wait(lock, [&] { return stopped_ || closed_ || !todo_.empty(); });
    if (stopped_ || todo_.empty()) return false;
    *item = std::move(todo_.front());
    todo_.pop_front();
    return true;
  }

  // Worker: a coded item.
  void Done(Item item) {
    std::lock_guard lock(mu_);
    Finish(std::move(item));
  }

  enum class Next { kItem, kTimeout, kEnd };
  // Writer: the next item in input order, waiting at most `timeout`.
  Next TakeNext(Item* item, Clock::duration timeout) {
    std::unique_lock lock(mu_);
    bool ready = done_.wait_for(lock, timeout, [&] {
      return stopped_ || finished_.count(written_) != 0 || (closed_ && written_ == next_seq_);
    });
    if (stopped_) return Next::kEnd;
    auto it = finished_.find(written_);
    if (it != finished_.end()) {
      *item = std::move(it->second);
      finished_.erase(it);
      ++written_;
      space_.notify_one();
      return Next::kItem;
    }
    return ready ? Next::kEnd : Next::kTimeout;
  }

 private:
  void Finish(Item item) {
    uint64_t seq = item.seq;
    finished_.emplace(seq, std::move(item));
    if (seq == written_) done_.notify_one();
  }

  const uint64_t max_in_flight_;
  std::mutex mu_;
  std::condition_variable space_, work_, done_;
  std::deque<Item> todo_;
  std::map<uint64_t, Item> finished_;
  uint64_t next_seq_ = 0;  // sequence number of the next item pushed
  uint64_t written_ = 0;   // items handed to the writer
  bool closed_ = false;
  bool stopped_ = false;
};

struct Totals {
  int64_t stored = 0;
  int64_t already_stored = 0;
  int64_t skipped = 0;  // articles coded or stored with an error
  int64_t sentences = 0;
  int64_t events = 0;
  double bytes = 0;  // article text handled
};

// The writer thread: stores items in input order, in batches.
class Writer {
 public:
  Writer(Store& store, IngestQueue& queue, StderrDiagnostics& diag, std::mutex& diag_mu,
         size_t batch_size, Clock::time_point start)
      : store_(store), queue_(queue), diag_(diag), diag_mu_(diag_mu), batch_size_(batch_size),
        start_(start), progress_(isatty(STDERR_FILENO) != 0) {}

  // Returns "" on success, else why the store failed (the ingest stops).
  std::string Run() {
    try {
      Item item;
      while (true) {
        IngestQueue::Next next = queue_.TakeNext(&item, std::chrono::milliseconds(100));
        if (next == IngestQueue::Next::kEnd) break;
        if (next == IngestQueue::Next::kItem) Handle(item);
        MaybeCommit(false);
        MaybeShowProgress();
      }
      MaybeCommit(true);
    } catch (const std::exception& e) {
      store_.RollbackBatch();
      queue_.Stop();
      return e.what();
    }
    if (progress_shown_) std::fputs("\r\033[K", stderr);
    return "";
  }

  const Totals& totals() const { return totals_; }

 private:
  void Handle(Item& item) {
    CodedArticle& ca = *item.coded;
    totals_.bytes += static_cast<double>(ca.article.text.size() + ca.article.title.size());
    if (item.already_stored) {
      ++totals_.already_stored;
      return;
    }
    if (!item.error.empty()) {
      Report(ca.article.origin, "cannot code article " + ca.article.id + ": " + item.error);
      return;
    }
    if (!store_.in_batch()) {
      store_.BeginBatch();
      batch_start_ = Clock::now();
      in_batch_ = 0;
    }
    try {
      Store::PutResult r = store_.PutArticle(ca, item.persons);
      if (r.stored) {
        ++totals_.stored;
        totals_.sentences += r.sentences;
        totals_.events += r.events;
      } else {
        ++totals_.already_stored;  // a duplicate within this input
      }
      ++in_batch_;
    } catch (const StoreError& e) {
      // The batch survives a failed article unless SQLite abandoned the transaction:
      // then what the batch held is lost and the ingest stops (a re-run completes it).
      if (!store_.in_batch()) throw;
      Report(ca.article.origin, std::string("cannot store article ") + ca.article.id + ": " + e.what());
    }
  }

  void Report(const std::string& where, const std::string& message) {
    ++totals_.skipped;
    std::lock_guard lock(diag_mu_);
    if (progress_shown_) std::fputs("\r\033[K", stderr);
    diag_({Severity::kError, where, message});
  }

  void MaybeCommit(bool final) {
    if (!store_.in_batch()) return;
    if (final || in_batch_ >= batch_size_ || Clock::now() - batch_start_ >= std::chrono::milliseconds(500)) {
      store_.CommitBatch();
    }
  }

  void MaybeShowProgress() {
    if (!progress_) return;
    Clock::time_point now = Clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(250)) return;
    last_progress_ = now;
    double secs = std::max(1e-9, Seconds(now - start_));
    int64_t n = totals_.stored + totals_.already_stored + totals_.skipped;
    std::lock_guard lock(diag_mu_);
    std::fprintf(stderr, "\r\033[Kdyad ingest: %lld articles, %.0f articles/s, %.1f MB/s",
                 static_cast<long long>(n), static_cast<double>(n) / secs,
                 totals_.bytes / 1e6 / secs);
    progress_shown_ = true;
  }

  Store& store_;
  IngestQueue& queue_;
  StderrDiagnostics& diag_;
  std::mutex& diag_mu_;
  const size_t batch_size_;
  const Clock::time_point start_;
  const bool progress_;
  bool progress_shown_ = false;
  Clock::time_point last_progress_{};
  Clock::time_point batch_start_{};
  size_t in_batch_ = 0;
  Totals totals_;
};

}  // namespace

void AddIngestCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "ingest",
      "Read articles (files, directories, .gz/.zst, JSON Lines, - for stdin), code them "
      "and store articles, sentences and events in the SQLite store --db (created when "
      "missing). Idempotent: an article already stored (same id or same title and text) "
      "is not stored again, so re-running after an interruption completes the store. "
      "Ends with a summary on stderr, \"ingested N articles (M new, K already stored, S "
      "skipped) with X sentences and Y events in T s\": N = M + K articles read are in the "
      "store, S inputs (files, lines, records) were malformed and skipped, each reported "
      "on stderr, and then the exit code is 1. A progress line shows on a terminal. The "
      "people the articles name go into the store's entity registry (see `dyad actors`), "
      "one entity per person across spellings.");
  struct Options {
    std::string db;
    std::vector<std::string> paths;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    size_t batch = 500;
    std::vector<std::string> dictionaries;
    std::string actors;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--db", opts->db, "The store: an SQLite file, created when missing")
      ->required();
  cmd->add_option("paths", opts->paths, "Files or directories to read; - reads stdin")
      ->required();
  cmd->add_option("--threads", opts->threads, "Coding threads (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--batch", opts->batch,
                  "Articles per transaction (a batch also commits after half a second); an "
                  "interrupted ingest loses at most the open batch")
      ->check(CLI::Range(size_t{1}, size_t{1000000}))
      ->capture_default_str();
  cmd->add_option("--dictionary", opts->dictionaries,
                  "Extra event dictionary file(s), loaded after the built-in one");

  cmd->add_option("--actors", opts->actors,
                  "A file of known people that seeds and overrides the entity registry, one "
                  "a line: Name|Alias|Alias<TAB>CODE<TAB>FROM<TAB>TO, e.g. \"Ahmed "
                  "al-Sharaa|Abu Mohammad al-Jolani<TAB>SYRGOV<TAB>2024-12-08\". The first "
                  "name is canonical; CODE is a CAMEO actor code; FROM and TO (YYYY, YYYY-MM "
                  "or YYYY-MM-DD, inclusive; empty or - for open) bound when the code holds, "
                  "and within them it overrides the code the articles give. Several lines may "
                  "give one person's codes over time. Lines starting with # are comments; "
                  "malformed lines are reported and skipped (exit code 1)")
      ->check(CLI::ExistingFile);

  cmd->callback([opts, &exit_code] {
    const Clock::time_point start = Clock::now();
    PipelineOptions pipeline_options;
    pipeline_options.dictionary_files = opts->dictionaries;
    Pipeline pipeline(pipeline_options);
    std::unique_ptr<Store> store = Store::Open(opts->db);
    // The reader's own connection: articles stored by an earlier run are not coded again.
    std::unique_ptr<Store> lookup = Store::Open(opts->db, {.create = false});

    StderrDiagnostics diag;
    if (!opts->actors.empty()) {
      std::ifstream in(opts->actors, std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      if (!in) {
        std::fprintf(stderr, "dyad ingest: error: cannot read actor file %s\n", opts->actors.c_str());
        exit_code = kExitFailure;
        return;
      }
      store->SeedEntities(ParseActorFile(text.str(), opts->actors, diag.sink()));
    }
    std::mutex diag_mu;
    const bool tty = isatty(STDERR_FILENO) != 0;
    DiagnosticSink diag_sink = [&](const Diagnostic& d) {
      std::lock_guard lock(diag_mu);
      if (tty) std::fputs("\r\033[K", stderr);  // over the progress line
      diag(d);
    };

    IngestQueue queue(std::max<size_t>(256, size_t{64} * opts->threads));
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < opts->threads; ++i) {
      workers.emplace_back([&] {
        Item item;
        while (queue.TakeWork(&item)) {
          try {
            pipeline.Run(item.coded.get());
          } catch (const std::exception& e) {
            item.error = e.what();
          }
          // The store keeps the article, its sentence spans, its events and its persons
          // (for the entity registry): the other layers are freed here, in parallel,
          // instead of in the one writer thread.
          if (item.error.empty()) item.persons = CollectPersons(item.coded->doc, item.coded->actors);
          std::vector<Token>().swap(item.coded->doc.tokens);
          std::vector<ActorMention>().swap(item.coded->actors);
          queue.Done(std::move(item));
        }
      });
    }
    Writer writer(*store, queue, diag, diag_mu, opts->batch, start);
    std::string store_failure;
    std::thread writer_thread([&] { store_failure = writer.Run(); });

    ReadStats read;
    std::string read_failure;
    try {
      read = ReadArticles(
          opts->paths,
          [&](Article&& a) {
            Item item;
            item.coded = std::make_unique<CodedArticle>();
            item.coded->article = std::move(a);
            const Article& article = item.coded->article;
            item.already_stored = lookup->Contains(article.id, Store::ContentHash(article));
            bool needs_coding = !item.already_stored;
            if (!queue.Push(std::move(item), needs_coding)) throw StopReading{};
          },
          diag_sink);
    } catch (const StopReading&) {
    } catch (const std::exception& e) {
      read_failure = e.what();
    }
    queue.Close();
    for (std::thread& t : workers) t.join();
    writer_thread.join();

    if (!store_failure.empty() || !read_failure.empty()) {
      std::fprintf(stderr, "dyad ingest: error: %s\n",
                   (store_failure.empty() ? read_failure : store_failure).c_str());
      std::fprintf(stderr, "dyad ingest: stopped; what was committed is kept, and running "
                           "the same ingest again completes it\n");
      exit_code = kExitFailure;
      return;
    }

    const Totals& t = writer.totals();
    const int64_t skipped = t.skipped + static_cast<int64_t>(read.skipped);
    const int64_t total = t.stored + t.already_stored;  // in the store now
    std::fprintf(stderr,
                 "ingested %lld articles (%lld new, %lld already stored, %lld skipped) with "
                 "%lld sentences and %lld events in %.2f s\n",
                 static_cast<long long>(total), static_cast<long long>(t.stored),
                 static_cast<long long>(t.already_stored), static_cast<long long>(skipped),
                 static_cast<long long>(t.sentences), static_cast<long long>(t.events),
                 Seconds(Clock::now() - start));
    if (read.files == 0 && read.skipped > 0) {
      exit_code = kExitFailure;  // no input could be opened at all
    } else {
      exit_code = skipped > 0 || diag.errors() > 0 ? kExitBadInput : kExitOk;
    }
  });
}

}  // namespace dyad
