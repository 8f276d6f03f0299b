#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "ingest/ingest_test_util.h"
#include "ingest/utf8_repair.h"

namespace dyad {
namespace {

using testing_util::Gzip;
using testing_util::ScratchDir;
using testing_util::Zstd;

struct ReadResult {
  std::vector<Article> articles;
  std::vector<Diagnostic> diags;
  ReadStats stats;

  size_t Count(Severity s) const {
    size_t n = 0;
    for (const Diagnostic& d : diags) n += d.severity == s;
    return n;
  }
  // The one diagnostic whose message contains `part` (fails the test if not exactly one).
  Diagnostic Find(std::string_view part) const {
    std::vector<Diagnostic> found;
    for (const Diagnostic& d : diags) {
      if (d.message.find(part) != std::string::npos) found.push_back(d);
    }
    EXPECT_EQ(found.size(), 1u) << "diagnostics containing \"" << part << "\"";
    return found.empty() ? Diagnostic{} : found[0];
  }
};

ReadResult Read(const std::vector<std::string>& paths, const ReaderOptions& options = {}) {
  ReadResult r;
  r.stats = ReadArticles(
      paths, [&r](Article&& a) { r.articles.push_back(std::move(a)); },
      [&r](const Diagnostic& d) { r.diags.push_back(d); }, options);
  return r;
}

ReadResult ReadStream(std::string bytes, std::string_view name) {
  ReadResult r;
  r.stats = ReadArticleStream(
      NewStringSource(std::move(bytes)), name,
      [&r](Article&& a) { r.articles.push_back(std::move(a)); },
      [&r](const Diagnostic& d) { r.diags.push_back(d); });
  return r;
}

const char kJsonl[] =
    R"({"id":"1","text":"Egypt hosted talks between Israel and Hamas."})"
    "\n"
    R"({"id":"2","text":"Japan sent aid to Turkey.","date":"2023-02-08"})"
    "\n";

TEST(ReaderTest, FormatFromName) {
  EXPECT_EQ(FormatFromName("a.jsonl"), InputFormat::kJsonLines);
  EXPECT_EQ(FormatFromName("a.NDJSON.gz"), InputFormat::kJsonLines);
  EXPECT_EQ(FormatFromName("a.json.zst"), InputFormat::kJsonLines);
  EXPECT_EQ(FormatFromName("a.txt.gz"), InputFormat::kPlainText);
  EXPECT_EQ(FormatFromName("a"), InputFormat::kSniff);
  EXPECT_EQ(FormatFromName("<stdin>"), InputFormat::kSniff);
  EXPECT_EQ(FormatFromName("a.gz"), InputFormat::kSniff);
}

TEST(ReaderTest, PlainTextFile) {
  ScratchDir dir;
  const std::string path =
      dir.Write("a.txt", "CAIRO (AP) - Egypt condemned the attack.\nThe ministry said so.\n");
  const ReadResult r = Read({path});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].dateline, "Cairo");
  EXPECT_EQ(r.articles[0].origin, path);
  EXPECT_EQ(r.stats.articles, 1u);
  EXPECT_EQ(r.stats.files, 1u);
  EXPECT_EQ(r.stats.skipped, 0u);
  EXPECT_TRUE(r.diags.empty());
}

TEST(ReaderTest, JsonLinesWithBadLinesKeepsTheRest) {
  ScratchDir dir;
  const std::string path = dir.Write(
      "a.jsonl", std::string("\xEF\xBB\xBF") +
                     R"({"text":"First."})" "\n"
                     "\n"
                     R"({"text": broken)" "\n"
                     R"([1,2])" "\n"
                     R"({"title":"no text"})" "\n"
                     R"({"text":"Last."})");  // no final newline
  const ReadResult r = Read({path});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].text, "First.");
  EXPECT_EQ(r.articles[0].origin, path + ":1");
  EXPECT_EQ(r.articles[1].text, "Last.");
  EXPECT_EQ(r.articles[1].origin, path + ":6");
  EXPECT_EQ(r.stats.skipped, 3u);
  EXPECT_EQ(r.Find("malformed JSON").where, path + ":3");
  EXPECT_EQ(r.Find("expected a JSON object").where, path + ":4");
  EXPECT_EQ(r.Find("no \"text\"").where, path + ":5");
  EXPECT_EQ(r.Count(Severity::kError), 3u);
}

TEST(ReaderTest, JsonArrayAndPrettyPrintedObject) {
  ScratchDir dir;
  const std::string array = dir.Write(
      "arr.json", "[\n  {\"text\": \"One.\"},\n  {\"text\": 5},\n  {\"text\": \"Three.\"}\n]\n");
  const std::string object = dir.Write(
      "obj.json", "{\n  \"title\": \"T\",\n  \"text\": \"Pretty.\"\n}\n");
  const ReadResult r = Read({array, object});
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[1].origin, array + ": record 3");
  EXPECT_EQ(r.articles[2].text, "Pretty.");
  EXPECT_EQ(r.Find("not a string").where, array + ": record 2");
}

TEST(ReaderTest, GzipAndZstdRoundTrips) {
  ScratchDir dir;
  const std::string text = "KYIV (Reuters) - Ukraine and Poland agreed on grain transit.\n";
  const ReadResult r = Read({
      dir.Write("a.jsonl.gz", Gzip(kJsonl)),
      dir.Write("b.jsonl.zst", Zstd(kJsonl)),
      dir.Write("c.txt.gz", Gzip(text)),
      dir.Write("d.txt.zst", Zstd(text)),
      dir.Write("e.txt", Gzip(text)),        // misleading name: detected by magic
      dir.Write("f.dat", Zstd(kJsonl)),      // unknown name: magic, then '{' sniffed
  });
  EXPECT_TRUE(r.diags.empty());
  ASSERT_EQ(r.articles.size(), 9u);
  EXPECT_EQ(r.articles[0].text, "Egypt hosted talks between Israel and Hamas.");
  EXPECT_EQ(r.articles[3].published, "2023-02-08");
  for (size_t i : {4, 5, 6}) {
    EXPECT_EQ(r.articles[i].dateline, "Kyiv");
    EXPECT_EQ(r.articles[i].text, "Ukraine and Poland agreed on grain transit.");
  }
  EXPECT_EQ(r.articles[8].id, "2");
  EXPECT_EQ(r.stats.files, 6u);
}

TEST(ReaderTest, TruncatedCompressedJsonLinesKeepsEarlierArticles) {
  ScratchDir dir;
  std::string lines;
  for (int i = 0; i < 20000; ++i) {
    lines += R"({"id":")" + std::to_string(i) + R"(","text":"Record number )" +
             std::to_string(i * 7919) + R"( about talks."})" "\n";
  }
  const std::string gz = Gzip(lines);
  const std::string zst = Zstd(lines);
  const std::string gz_path = dir.Write("t.jsonl.gz", gz.substr(0, gz.size() * 2 / 3));
  const std::string zst_path = dir.Write("t.jsonl.zst", zst.substr(0, zst.size() * 2 / 3));
  for (const std::string& path : {gz_path, zst_path}) {
    SCOPED_TRACE(path);
    const ReadResult r = Read({path});
    EXPECT_GT(r.articles.size(), 100u);
    EXPECT_LT(r.articles.size(), 20000u);
    for (size_t i = 0; i < r.articles.size(); ++i) EXPECT_EQ(r.articles[i].id, std::to_string(i));
    const Diagnostic d = r.Find("truncated");
    EXPECT_EQ(d.severity, Severity::kError);
    EXPECT_EQ(d.where.rfind(path + ":", 0), 0u);
    EXPECT_NE(d.message.find("kept"), std::string::npos);
    EXPECT_EQ(r.Count(Severity::kError), 1u);
  }
}

TEST(ReaderTest, CorruptCompressedPlainTextIsSkipped) {
  ScratchDir dir;
  const std::string gz = Gzip("A complete article about a border clash.\n");
  const ReadResult r = Read({dir.Write("a.txt.gz", gz.substr(0, gz.size() - 6))});
  EXPECT_TRUE(r.articles.empty());
  EXPECT_EQ(r.Find("truncated gzip").severity, Severity::kError);
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(ReaderTest, DirectoriesRecursiveSortedHiddenSkipped) {
  ScratchDir dir;
  dir.Write("root/b.txt", "Beta article text.");
  dir.Write("root/a.txt", "Alpha article text.");
  dir.Write("root/sub/c.jsonl", R"({"text":"Gamma article text."})" "\n");
  dir.Write("root/.hidden.txt", "Hidden article text.");
  dir.Write("root/.git/d.txt", "Hidden directory text.");
  dir.Write("root/zz/e.txt", "Epsilon article text.");
  const ReadResult r = Read({dir.path() + "/root"});
  std::vector<std::string> texts;
  for (const Article& a : r.articles) texts.push_back(a.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Alpha article text.", "Beta article text.",
                                             "Gamma article text.", "Epsilon article text."}));
  EXPECT_EQ(r.stats.files, 4u);
  EXPECT_TRUE(r.diags.empty());
}

TEST(ReaderTest, BinaryEmptyAndBlankFiles) {
  ScratchDir dir;
  std::string binary = "PK\x03\x04 some zip-like header";
  binary += std::string(10, '\0') + "tail";
  const std::string bin = dir.Write("bin.txt", binary);
  const std::string empty = dir.Write("empty.txt", "");
  const std::string blank = dir.Write("blank.txt", "  \n\n\t\n");
  const std::string headers = dir.Write("headers.txt", "Title: T\nDate: 2024-12-30\n\n");
  const std::string blank_jsonl = dir.Write("blank.jsonl", "\n\n  \n");
  const ReadResult r = Read({bin, empty, blank, headers, blank_jsonl});
  EXPECT_TRUE(r.articles.empty());
  EXPECT_EQ(r.stats.skipped, 5u);
  EXPECT_EQ(r.Find("binary").where, bin);
  EXPECT_EQ(r.Find("binary").severity, Severity::kError);
  EXPECT_EQ(r.Find("empty file").where, empty);
  EXPECT_EQ(r.Find("blank file").where, blank);
  EXPECT_EQ(r.Find("besides headers").where, headers);
  EXPECT_EQ(r.Find("only blank lines").where, blank_jsonl);
  EXPECT_EQ(r.Count(Severity::kWarning), 4u);
}

TEST(ReaderTest, UnreadablePaths) {
  ScratchDir dir;
  const std::string file = dir.Write("a.txt", "Text.");
  const ReadResult r = Read({dir.path() + "/missing.txt", file + "/below-a-file", file});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.stats.skipped, 2u);
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags[0].where, dir.path() + "/missing.txt");
  EXPECT_NE(r.diags[0].message.find("such file"), std::string::npos) << r.diags[0].message;
  EXPECT_EQ(r.diags[1].where, file + "/below-a-file");
  EXPECT_EQ(r.diags[1].severity, Severity::kError);
}

TEST(ReaderTest, InvalidUtf8WarnsOncePerArticleWithTheLine) {
  ScratchDir dir;
  const std::string txt = dir.Write("a.txt", "Line one.\nLine two.\nCaf\xE9 and na\xEFve.\n");
  const std::string jsonl = dir.Write(
      "b.jsonl", std::string(R"({"text":"ok"})") + "\n" + "{\"text\":\"bad \xFF\xFE here \xC3\"}\n");
  const ReadResult r = Read({txt, jsonl});
  ASSERT_EQ(r.articles.size(), 3u);
  for (const Article& a : r.articles) EXPECT_EQ(FindInvalidUtf8(a.text), std::nullopt);
  ASSERT_EQ(r.diags.size(), 2u);
  EXPECT_EQ(r.diags[0].where, txt + ":3");
  EXPECT_EQ(r.diags[1].where, jsonl + ":2");
  EXPECT_EQ(r.Count(Severity::kWarning), 2u);
}

TEST(ReaderTest, UnrecognisedDatesWarnOncePerFile) {
  ScratchDir dir;
  std::string lines;
  for (int i = 0; i < 5; ++i) lines += R"({"date":"2004/2005","text":"T."})" "\n";
  lines += R"({"date":"spring","text":"T."})" "\n";
  const std::string path = dir.Write("d.jsonl", lines);
  const ReadResult r = Read({path});
  EXPECT_EQ(r.articles.size(), 6u);
  ASSERT_EQ(r.diags.size(), 1u);
  EXPECT_EQ(r.diags[0].where, path + ":1");
  EXPECT_EQ(r.diags[0].severity, Severity::kWarning);
  EXPECT_NE(r.diags[0].message.find("6 date value(s)"), std::string::npos) << r.diags[0].message;
  EXPECT_EQ(nlohmann::json::parse(r.articles[5].metadata_json)["date"], "spring");
}

TEST(ReaderTest, TooLongLinesAndFilesAreSkipped) {
  ScratchDir dir;
  ReaderOptions small;
  small.max_line_bytes = 1000;
  small.max_whole_file_bytes = 1000;
  const std::string jsonl = dir.Write(
      "long.jsonl", std::string(R"({"text":"A."})") + "\n" + R"({"text":")" +
                        std::string(5000, 'x') + "\"}\n" + R"({"text":"C."})" "\n");
  const std::string txt = dir.Write("long.txt", std::string(5000, 'y'));
  const ReadResult r = Read({jsonl, txt}, small);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].origin, jsonl + ":3");
  EXPECT_EQ(r.Find("line longer than 1000 bytes").where, jsonl + ":2");
  EXPECT_EQ(r.Find("file larger than 1000 bytes").where, txt);
  EXPECT_EQ(r.stats.skipped, 2u);
}

// The real limit: a 65 MB line (stored compressed) is skipped, the next line read.
TEST(ReaderTest, DefaultLineLimitIs64Megabytes) {
  ScratchDir dir;
  const std::string big = R"({"text":")" + std::string(65u << 20, 'z') + "\"}\n";
  const std::string path =
      dir.Write("big.jsonl.gz", Gzip(big + R"({"text":"After the long line."})" "\n"));
  const ReadResult r = Read({path});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "After the long line.");
  EXPECT_EQ(r.Find("longer than 64 MB").where, path + ":1");
}

TEST(ReaderTest, StreamSniffsFormat) {
  ReadResult r = ReadStream(std::string("  \n") + kJsonl, "<stdin>");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].origin, "<stdin>:3");
  r = ReadStream("[Photo] CAIRO (AP) - Text.", "<stdin>");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].origin, "<stdin>");
  r = ReadStream(Gzip(kJsonl), "<stdin>");
  EXPECT_EQ(r.articles.size(), 2u);
  r = ReadStream("", "<stdin>");
  EXPECT_EQ(r.Find("empty").where, "<stdin>");
}

// stdin is read through a descriptor source: the same path, over a pipe.
TEST(ReaderTest, StreamFromPipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const std::string data = Zstd(kJsonl);
  std::thread writer([&] {
    size_t off = 0;
    while (off < data.size()) {
      const ssize_t n = write(fds[1], data.data() + off, std::min<size_t>(5, data.size() - off));
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    close(fds[1]);
  });
  std::vector<Article> got;
  const ReadStats stats = ReadArticleStream(
      NewFdSource(fds[0]), "<stdin>", [&](Article&& a) { got.push_back(std::move(a)); }, {});
  writer.join();
  close(fds[0]);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].origin, "<stdin>:1");
  EXPECT_EQ(stats.files, 1u);
}

// The whole benchmark pool: every record read, every date shape but one understood.
TEST(ReaderTest, NewsPool) {
  const std::filesystem::path pool =
      std::filesystem::path(DYAD_SHARED_DIR) / "data/corpus/news_pool.jsonl";
  if (!std::filesystem::exists(pool)) GTEST_SKIP() << "news pool not found at " << pool;
  size_t count = 0, published = 0, invalid = 0;
  std::set<std::string> ids;
  std::vector<Diagnostic> diags;
  const ReadStats stats = ReadArticles(
      {pool.string()},
      [&](Article&& a) {
        ++count;
        published += !a.published.empty();
        invalid += FindInvalidUtf8(a.text).has_value();
        ids.insert(a.id);
      },
      [&](const Diagnostic& d) { diags.push_back(d); });
  EXPECT_EQ(count, 30652u);
  EXPECT_EQ(stats.skipped, 0u);
  EXPECT_EQ(ids.size(), count);
  EXPECT_EQ(invalid, 0u);
  // 9,388 records have no date and 2,086 a season ("2004/2005"); all others are read.
  EXPECT_GE(published, 30652u - 9388u - 2086u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].message.find("2086 date value(s)"), std::string::npos) << diags[0].message;
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// data/examples: every article reads cleanly; the two reports of one visit differ as
// intended (one dated, one not; two spellings of the minister).
TEST(ReaderTest, ProjectExamples) {
  std::vector<Article> articles;
  std::vector<Diagnostic> diags;
  const ReadStats stats = ReadArticles(
      {std::string(DYAD_SOURCE_DIR) + "/data/examples"},
      [&](Article&& a) { articles.push_back(std::move(a)); },
      [&](const Diagnostic& d) { diags.push_back(d); });
  EXPECT_TRUE(diags.empty()) << diags[0].where << ": " << diags[0].message;
  EXPECT_GE(stats.articles, 11u);
  EXPECT_EQ(stats.skipped, 0u);
  ASSERT_GE(articles.size(), 2u);
  const Article& dated = articles[0];
  const Article& undated = articles[1];
  EXPECT_EQ(dated.published, "2025-03-11");
  EXPECT_EQ(dated.outlet, "Gulf Courier");
  EXPECT_NE(dated.text.find("Mohammed bin Abdulrahman Al Thani"), std::string::npos);
  EXPECT_EQ(undated.published, "");
  EXPECT_EQ(undated.outlet, "Bosphorus Daily");
  EXPECT_EQ(undated.dateline, "Ankara");
  EXPECT_NE(undated.text.find("Mohammad Al-Thani"), std::string::npos);
  for (const Article& a : articles) {
    EXPECT_FALSE(a.text.empty()) << a.origin;
    EXPECT_EQ(a.text.find("(Reporting by"), std::string::npos) << a.origin;
  }
}

}  // namespace
}  // namespace dyad
