// Fuzzes ReadArticles end to end on a temporary file: decompression (gzip and zstd are
// detected by magic bytes, so mutated compressed seeds reach the decoders), format
// detection, line splitting, and both article parsers. The last input byte picks the
// file name (and so the format rules); the rest is the file. The same bytes are also
// read as stdin would be.
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "ingest/reader.h"
#include "ingest/utf8_repair.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    std::string templ = (std::filesystem::temp_directory_path() / "dyad_fuzz_reader_XXXXXX").string();
    Check(mkdtemp(templ.data()) != nullptr);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(ScratchDir(), ec);
    });
    return std::filesystem::path(templ);
  }();
  return dir;
}

void CheckArticle(const dyad::Article& a) {
  Check(!a.text.empty());
  Check(!a.id.empty());
  Check(!a.origin.empty());
  Check(!dyad::FindInvalidUtf8(a.text).has_value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::array<const char*, 8> kNames = {
      "article.txt", "articles.jsonl", "input", "articles.json",
      "article.txt.gz", "articles.jsonl.zst", "input.gz", "notes.text"};
  const std::string_view content(reinterpret_cast<const char*>(data), size - 1);
  const std::filesystem::path path = ScratchDir() / kNames[data[size - 1] % kNames.size()];
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    Check(f != nullptr);
    Check(std::fwrite(content.data(), 1, content.size(), f) == content.size());
    std::fclose(f);
  }

  dyad::ReaderOptions options;  // small limits keep each run fast
  options.max_line_bytes = 1 << 20;
  options.max_whole_file_bytes = 1 << 20;
  options.max_stream_bytes = 8 << 20;
  size_t articles = 0;
  size_t errors = 0;
  const dyad::ArticleSink sink = [&](dyad::Article&& a) {
    CheckArticle(a);
    ++articles;
  };
  const dyad::DiagnosticSink diag = [&](const dyad::Diagnostic& d) {
    Check(!d.where.empty());
    Check(!d.message.empty());
    errors += d.severity == dyad::Severity::kError;
  };
  const dyad::ReadStats stats = dyad::ReadArticles({path.string()}, sink, diag, options);
  Check(stats.articles == articles);
  Check(stats.files == 1);
  Check(errors <= stats.skipped + 1);  // each error skips something (a stream error may add one)

  articles = 0;
  const dyad::ReadStats piped = dyad::ReadArticleStream(
      dyad::NewStringSource(std::string(content)), "<stdin>", sink, diag, options);
  Check(piped.articles == articles);
  std::filesystem::remove(path);
  return 0;
}
