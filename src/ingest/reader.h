// Reading articles from files, directories and stdin.
//
// Inputs: a path names a file or a directory (read recursively in sorted order, hidden
// entries skipped); "-" is stdin. gzip and zstd input is decompressed, detected by its
// magic bytes. A file is JSON Lines (one article per line, see jsonl_article.h) when
// its name ends in .jsonl, .ndjson or .json (before any .gz/.zst). Names ending in
// .txt or .text are plain text; for other names and stdin, input whose first non-blank
// byte is '{' is JSON Lines. JSON input that starts with '[' (an array of articles) or
// whose first line is not a whole object (one pretty-printed article) is read as one
// JSON document instead. Anything else is one plain-text article per file (see
// plain_text_article.h).
//
// Bad input never stops the rest: each problem is reported through the
// DiagnosticSink naming the file and line or record, and the bad part is skipped.
// JSON Lines streams in bounded memory; plain-text files are read whole up to a cap.
#ifndef DYAD_INGEST_READER_H_
#define DYAD_INGEST_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/article.h"
#include "ingest/byte_source.h"
#include "ingest/jsonl_article.h"
#include "ingest/plain_text_article.h"
#include "util/diagnostics.h"

namespace dyad {

using ArticleSink = std::function<void(Article&&)>;

struct ReadStats {
  size_t articles = 0;  // articles passed to the sink
  size_t skipped = 0;   // files, lines or records that were reported and left out
  size_t files = 0;     // files (and stdin) opened and read
};

struct ReaderOptions {
  // Longer JSON lines are reported and skipped without being held in memory.
  size_t max_line_bytes = size_t{64} << 20;
  // Larger plain-text (and JSON array) files are reported and skipped.
  size_t max_whole_file_bytes = size_t{64} << 20;
  // When non-zero, a stream is cut off with an error after this many (decompressed)
  // bytes: a guard against decompression bombs.
  uint64_t max_stream_bytes = 0;
};

ReadStats ReadArticles(const std::vector<std::string>& paths, const ArticleSink& sink,
                       const DiagnosticSink& diag, const ReaderOptions& options = {});

// Reads one stream as ReadArticles reads one file. `name` is what messages and
// Article::origin call it ("<stdin>" for stdin); its extension picks the format as
// above. ReadArticles reads stdin through this with NewFdSource(0).
ReadStats ReadArticleStream(std::unique_ptr<ByteSource> raw, std::string_view name,
                            const ArticleSink& sink, const DiagnosticSink& diag,
                            const ReaderOptions& options = {});

enum class InputFormat { kSniff, kPlainText, kJsonLines };

// The format a file name asks for: kSniff when the name does not tell.
InputFormat FormatFromName(std::string_view name);

}  // namespace dyad

#endif  // DYAD_INGEST_READER_H_
