// store_bench: how storing scales with the store, on synthetic articles that this
// program writes (nothing is read from ../shared). Two inputs, from issue 13:
//
//   undated  short articles of one pair of countries and one CAMEO code, with neither
//            a publication nor an event date: each event starts a cluster of its own,
//            and every one is a candidate of every later one.
//   grow     articles of several events between 30 countries (one pair, USA and RUS,
//            the most frequent), dated, a third of them reporting again an event that
//            another outlet reported shortly before: a store that grows as a news feed.
//
// Usage: store_bench undated|grow [ARTICLES] [DB]   (defaults: 1,000,000 and 250,000
// articles; the store is a new file, DB or a temporary one removed at the end).
// Prints, at 1x, 2x, 4x, 8x and 16x of ARTICLES/16, the time per 1,000 articles and the
// events per second of the last window (ARTICLES/64 articles), the rate of the first
// 50,000 articles, and for grow the latency of `dyad relations USA RUS` (Store::
// GetRelation) with, for comparison, the direct computation from every event that
// `dyad relations` used before the aggregates. Batches of 1,000 articles, one core.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "events/ontology.h"
#include "store/store.h"
#include "util/hash.h"

namespace dyad {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

constexpr const char* kWords[] = {"ministers", "talks",  "border",   "trade",   "forces",  "agreement", "capital",
                                  "officials", "sources", "meeting", "security", "economic", "statement", "region",
                                  "visit",     "aid",     "troops",  "leaders",  "pipeline", "sanctions", "vote"};
constexpr const char* kCountries[] = {"USA", "RUS", "CHN", "SYR", "IRN", "ISR", "TUR", "UKR", "FRA", "GBR",
                                      "DEU", "IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "JPN", "PRK", "KOR",
                                      "AZE", "ARM", "GEO", "LBN", "JOR", "QAT", "ARE", "YEM", "LBY", "SDN"};
constexpr const char* kCodes[] = {"010", "020", "036", "040", "042", "043", "046", "051", "057", "061",
                                  "071", "111", "112", "120", "130", "138", "141", "160", "172", "190"};
constexpr const char* kSectors[] = {"", "GOV", "MIL"};

// One event of a synthetic article before it is stored.
struct EventPlan {
  std::string source, target, cameo, date;
};

std::string DateOfDay(int day) {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

// A short article with one sentence per event, and its events as the pipeline would
// give them: the text varies (so that articles are no copies of each other), the
// sentence names the act ("talks") as the pattern's anchor does.
CodedArticle MakeArticle(uint64_t n, const std::string& outlet, const std::string& published,
                         const std::vector<EventPlan>& plans, std::mt19937_64& rng) {
  CodedArticle ca;
  Article& a = ca.article;
  a.id = "bench-" + std::to_string(n);
  a.outlet = outlet;
  a.published = published;
  a.origin = "store_bench";
  a.title = "Report " + std::to_string(n);
  for (size_t i = 0; i < plans.size(); ++i) {
    const EventPlan& p = plans[i];
    Sentence s;
    s.begin = static_cast<uint32_t>(a.text.size());
    a.text += p.source + " and " + p.target + " held talks";
    for (int w = 0; w < 8; ++w) a.text += std::string(" ") + kWords[rng() % std::size(kWords)];
    a.text += " " + std::to_string(rng() % 100000) + ".";
    s.end = static_cast<uint32_t>(a.text.size());
    ca.doc.sentences.push_back(s);
    a.text += ' ';
    Event e;
    e.article_id = a.id;
    e.sentence = static_cast<uint32_t>(i);
    e.begin = s.begin;
    e.end = s.end;
    e.evidence = a.text.substr(s.begin, s.end - s.begin);
    e.date = p.date;
    e.date_precision = p.date.empty() ? "unknown" : "day";
    e.date_basis = p.date.empty() ? "" : "published";
    e.source.code = p.source;
    e.source.country = p.source.substr(0, 3);
    e.target.code = p.target;
    e.target.country = p.target.substr(0, 3);
    e.cameo = p.cameo;
    const int root = std::stoi(p.cameo.substr(0, 2));
    e.quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    e.goldstein = root <= 9 ? 0.1 * root + 1.0 : -0.5 * root;
    e.modality = "asserted";
    e.pattern = p.cameo + " talks";
    e.event_id = HexId(HashFields({a.id, std::to_string(i), p.cameo, p.source, p.target}));
    ca.events.push_back(std::move(e));
  }
  ca.doc.text = a.text;
  return ca;
}

// Articles of the undated input: USA -> RUS, 042, no date at all.
CodedArticle UndatedArticle(uint64_t n, std::mt19937_64& rng) {
  return MakeArticle(n, "Outlet " + std::to_string(n % 20), "", {{"USAGOV", "RUSGOV", "042", ""}}, rng);
}

// Articles of the growing input: 1 to 5 events; day n / 400 from 2020-01-01 (400
// articles a day); a third report again an event of an article of the last day.
class GrowingFeed {
 public:
  CodedArticle Next(uint64_t n, std::mt19937_64& rng) {
    const int day = 18262 + static_cast<int>(n / 400);  // 2020-01-01
    const std::string published = DateOfDay(day);
    std::vector<EventPlan> plans;
    if (!recent_.empty() && rng() % 3 == 0) {
      plans = recent_[rng() % recent_.size()];  // another outlet's report of the same events
    } else {
      const size_t k = 1 + rng() % 5;
      for (size_t i = 0; i < k; ++i) {
        EventPlan p;
        // Pairs by a Zipf-like law: USA and RUS most often.
        size_t x = std::min<size_t>(std::size(kCountries) - 1, static_cast<size_t>(std::exp2(
                                                                   std::uniform_real_distribution<>(0, 5)(rng))) - 1);
        size_t y = (x + 1 + rng() % 3 * (rng() % 10)) % std::size(kCountries);
        if (rng() % 2) std::swap(x, y);
        p.source = std::string(kCountries[x]) + kSectors[rng() % std::size(kSectors)];
        p.target = std::string(kCountries[y]) + kSectors[rng() % std::size(kSectors)];
        p.cameo = kCodes[rng() % std::size(kCodes)];
        const int back = static_cast<int>(rng() % 10);
        p.date = back == 9 ? "" : DateOfDay(day - back % 3);
        plans.push_back(std::move(p));
      }
      if (recent_.size() < 400) {
        recent_.push_back(plans);
      } else {
        recent_[n % 400] = plans;
      }
    }
    return MakeArticle(n, "Outlet " + std::to_string(rng() % 20), published, plans, rng);
  }

 private:
  std::vector<std::vector<EventPlan>> recent_;
};

// `dyad relations USA RUS` as it was computed before the aggregates: every event.
Relation DirectRelation(Store& store, const std::string& a, const std::string& b) {
  EventFilter f;
  f.actor_a = a;
  f.actor_b = b;
  RelationBuilder builder(a, b);
  std::unordered_map<std::string, std::string> outlet_of;
  store.ForEachEvent(f, [&](const Event& e) {
    auto it = outlet_of.find(e.article_id);
    if (it == outlet_of.end()) {
      std::optional<Article> article = store.GetArticleRecord(e.article_id);
      it = outlet_of.emplace(e.article_id, article ? article->outlet : "").first;
    }
    builder.Add(e, it->second);
  });
  std::vector<EventCluster> clusters;
  for (const std::string& id : builder.cluster_ids()) {
    if (std::optional<EventCluster> c = store.GetCluster(id)) clusters.push_back(std::move(*c));
  }
  return builder.Finish(std::move(clusters), 10);
}

int Run(const std::string& mode, uint64_t total, const std::string& path) {
  auto store = Store::Open(path);
  (void)Ontology::Default();  // loaded once per process, as in dyad: not part of a query's time
  std::mt19937_64 rng(13);
  GrowingFeed feed;
  const uint64_t base = std::max<uint64_t>(1, total / 16), window = std::max<uint64_t>(1000, total / 64);
  std::printf("store_bench %s: %llu articles, checkpoints every %llu, windows of %llu\n", mode.c_str(),
              static_cast<unsigned long long>(total), static_cast<unsigned long long>(base),
              static_cast<unsigned long long>(window));
  std::printf("%-6s %10s %10s %12s %12s %12s %14s %14s\n", "input", "articles", "events", "s/1k art", "events/s",
              "total s", "relations ms", "direct ms");
  std::fflush(stdout);
  const Clock::time_point start = Clock::now();
  Clock::time_point window_start = start;
  uint64_t events = 0, window_events = 0, window_articles = 0;
  double first_50k_rate = 0;
  int next_checkpoint = 1;
  store->BeginBatch();
  for (uint64_t n = 1; n <= total; ++n) {
    CodedArticle ca = mode == "undated" ? UndatedArticle(n, rng) : feed.Next(n, rng);
    Store::PutResult r = store->PutArticle(ca);
    events += static_cast<uint64_t>(r.events);
    window_events += static_cast<uint64_t>(r.events);
    ++window_articles;
    if (n % 1000 == 0 || n == total) {
      store->CommitBatch();
      if (n < total) store->BeginBatch();
    }
    if (n == 50000) first_50k_rate = 50000 / Seconds(Clock::now() - start);
    const bool checkpoint = n == base * static_cast<uint64_t>(next_checkpoint) || n == total;
    if (window_articles >= window || checkpoint) {
      const Clock::time_point now = Clock::now();
      const double s = Seconds(now - window_start);
      if (checkpoint) {
        if (store->in_batch()) store->CommitBatch();
        std::string rel = "-", direct = "-";
        if (mode == "grow") {
          Clock::time_point t = Clock::now();
          RelationFilter f;
          f.actor_a = "USA";
          f.actor_b = "RUS";
          Relation a = store->GetRelation(f);
          rel = std::to_string(Seconds(Clock::now() - t) * 1000).substr(0, 7) + " (" +
                std::to_string(a.totals.events) + ")";
          t = Clock::now();
          Relation b = DirectRelation(*store, "USA", "RUS");
          direct = std::to_string(Seconds(Clock::now() - t) * 1000).substr(0, 7);
          if (a.ToJson() != b.ToJson()) direct += " DIFFERS";
        }
        std::printf("%-6s %10llu %10llu %12.3f %12.0f %12.1f %14s %14s\n",
                    (std::to_string(next_checkpoint) + "x").c_str(), static_cast<unsigned long long>(n),
                    static_cast<unsigned long long>(events), s * 1000 / static_cast<double>(window_articles),
                    static_cast<double>(window_events) / s, Seconds(now - start), rel.c_str(), direct.c_str());
        std::fflush(stdout);
        next_checkpoint *= 2;
        if (n < total && !store->in_batch()) store->BeginBatch();
      }
      window_start = Clock::now();
      window_events = window_articles = 0;
    }
  }
  if (store->in_batch()) store->CommitBatch();
  const double all = Seconds(Clock::now() - start);
  std::printf("first 50,000 articles: %.0f articles/s; all %llu: %.0f articles/s, %.0f events/s\n", first_50k_rate,
              static_cast<unsigned long long>(total), static_cast<double>(total) / all,
              static_cast<double>(events) / all);
  StoreCounts c = store->Counts();
  std::printf("store: %lld articles, %lld events, %lld clusters\n", static_cast<long long>(c.articles),
              static_cast<long long>(c.events), static_cast<long long>(c.clusters));
  return 0;
}

}  // namespace
}  // namespace dyad

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode != "undated" && mode != "grow") {
    std::fprintf(stderr, "usage: store_bench undated|grow [ARTICLES] [DB]\n");
    return 2;
  }
  const uint64_t total = argc > 2 ? std::stoull(argv[2]) : (mode == "undated" ? 1000000 : 250000);
  std::string path = argc > 3 ? argv[3] : "";
  const bool temporary = path.empty();
  if (temporary) path = (std::filesystem::temp_directory_path() / ("store_bench_" + std::to_string(getpid()) + ".db")).string();
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
  int rc = dyad::Run(mode, total, path);
  if (temporary) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
  }
  return rc;
}
