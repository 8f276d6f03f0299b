#include "ingest/reader.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "ingest/line_reader.h"
#include "ingest/text_scan.h"
#include "ingest/utf8_repair.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr size_t kBinaryProbeBytes = 4096;
constexpr int kMaxJsonArrayDepth = 65;

std::string Where(std::string_view name, size_t line) {
  return std::string(name) + ":" + std::to_string(line);
}

std::string Megabytes(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MB";
  }
  return std::to_string(bytes) + " bytes";
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         scan::EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

class StreamReader {
 public:
  StreamReader(std::string_view name, const ArticleSink& sink, const DiagnosticSink& diag,
               const ReaderOptions& options)
      : name_(name), sink_(sink), diag_(diag), options_(options) {}

  ReadStats Read(std::unique_ptr<ByteSource> raw) {
    stats_.files = 1;
    std::unique_ptr<ByteSource> source = NewDecompressingSource(std::move(raw));
    if (options_.max_stream_bytes > 0) {
      source = NewLimitedSource(std::move(source), options_.max_stream_bytes);
    }
    source_ = source.get();
    LineReader lines(source_, options_.max_line_bytes);
    const std::string_view head = lines.Peek(kBinaryProbeBytes);
    if (head.empty()) {
      if (!source_->error().empty()) {
        Skip(Severity::kError, name_, source_->error() + "; file skipped");
      } else {
        Skip(Severity::kWarning, name_, "empty file; skipped");
      }
      return stats_;
    }
    if (head.find('\0') != std::string_view::npos) {
      Skip(Severity::kError, name_,
           "binary data (NUL bytes in the first 4 KB), not an article file; skipped");
      return stats_;
    }
    InputFormat format = FormatFromName(name_);
    const std::string_view first = scan::TrimLeft(
        head.substr(0, 3) == "\xEF\xBB\xBF" ? head.substr(3) : head);
    if (format == InputFormat::kSniff) {
      format = !first.empty() && first[0] == '{' ? InputFormat::kJsonLines
                                                 : InputFormat::kPlainText;
    }
    if (format == InputFormat::kJsonLines && IsJsonDocument(first)) {
      ReadJsonDocument(lines);
    } else if (format == InputFormat::kJsonLines) {
      ReadJsonLines(lines);
    } else {
      ReadPlainText(lines);
    }
    return stats_;
  }

 private:
  void Report(Severity severity, std::string where, std::string message) {
    if (diag_) diag_(Diagnostic{severity, std::move(where), std::move(message)});
  }

  void Skip(Severity severity, std::string where, std::string message) {
    Report(severity, std::move(where), std::move(message));
    ++stats_.skipped;
  }

  void Emit(Article&& a) {
    ++stats_.articles;
    sink_(std::move(a));
  }

  void ReadJsonLines(LineReader& lines) {
    std::string first_bad_date;
    size_t first_bad_date_line = 0;
    size_t bad_dates = 0;
    size_t records = stats_.skipped;
    std::string_view line;
    while (true) {
      const LineReader::Status status = lines.Next(&line);
      if (status == LineReader::Status::kEnd) break;
      const std::string origin = Where(name_, lines.line_number());
      if (status == LineReader::Status::kTooLong) {
        Skip(Severity::kError, origin,
             "line longer than " + Megabytes(options_.max_line_bytes) + "; skipped");
        continue;
      }
      if (lines.line_number() == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
      if (scan::IsBlankLine(line)) continue;
      std::string bad_date;
      std::optional<Article> a = ParseJsonLine(line, origin, diag_, &bad_date);
      if (!bad_date.empty()) {
        if (bad_dates++ == 0) {
          first_bad_date = std::move(bad_date);
          first_bad_date_line = lines.line_number();
        }
      }
      if (a) {
        Emit(std::move(*a));
      } else {
        ++stats_.skipped;
      }
    }
    if (bad_dates > 0) {
      Report(Severity::kWarning, Where(name_, first_bad_date_line),
             std::to_string(bad_dates) + " date value(s) not recognised (first: \"" +
                 RepairUtf8(std::string_view(first_bad_date).substr(0, 80)) +
                 "\"); kept as given in metadata");
    }
    if (!source_->error().empty()) {
      std::string message = source_->error();
      if (lines.dropped_partial_line()) {
        message += "; incomplete line " + std::to_string(lines.line_number()) + " dropped";
        ++stats_.skipped;
      }
      Report(Severity::kError, Where(name_, lines.line_number()),
             message + "; the " + std::to_string(stats_.articles) +
                 " article(s) read before it are kept");
    } else if (stats_.articles == 0 && stats_.skipped == records) {
      Skip(Severity::kWarning, name_, "no articles (only blank lines)");
    }
  }

  // Reads what is left of the stream into *content; false (reported) when it cannot.
  bool ReadWhole(LineReader& lines, std::string* content) {
    if (!lines.ReadRest(options_.max_whole_file_bytes, content)) {
      Skip(Severity::kError, name_,
           "file larger than " + Megabytes(options_.max_whole_file_bytes) + "; skipped");
      return false;
    }
    if (!source_->error().empty()) {
      Skip(Severity::kError, name_, source_->error() + "; article skipped");
      return false;
    }
    return true;
  }

  void ReadPlainText(LineReader& lines) {
    std::string content;
    if (!ReadWhole(lines, &content)) return;
    if (scan::Trim(content).empty()) {
      Skip(Severity::kWarning, name_, "blank file; skipped");
      return;
    }
    if (std::optional<size_t> bad = FindInvalidUtf8(content)) {
      const size_t line = 1 + static_cast<size_t>(std::count(
                                  content.begin(), content.begin() + static_cast<long>(*bad), '\n'));
      Report(Severity::kWarning, Where(name_, line), "invalid UTF-8 replaced by U+FFFD");
    }
    Article a = ParsePlainTextArticle(content, name_);
    if (scan::Trim(a.text).empty()) {
      Skip(Severity::kWarning, name_, "no article text besides headers; skipped");
      return;
    }
    Emit(std::move(a));
  }

  // A JSON array, or one object spread over several lines (pretty-printed), rather
  // than JSON Lines: told by the first line when it is not a whole object.
  static bool IsJsonDocument(std::string_view first) {
    if (first.empty()) return false;
    if (first[0] == '[') return true;
    const size_t nl = first.find('\n');
    if (first[0] != '{' || nl == std::string_view::npos) return false;
    const std::string_view line = scan::TrimRight(first.substr(0, nl));
    return line.back() != '}';
  }

  void ReadJsonDocument(LineReader& lines) {
    std::string content;
    if (!ReadWhole(lines, &content)) return;
    if (std::optional<size_t> bad = FindInvalidUtf8(content)) {
      const size_t line = 1 + static_cast<size_t>(std::count(
                                  content.begin(), content.begin() + static_cast<long>(*bad), '\n'));
      Report(Severity::kWarning, Where(name_, line), "invalid UTF-8 replaced by U+FFFD");
      content = RepairUtf8(content);
    }
    if (!JsonNestingWithin(content, kMaxJsonArrayDepth)) {
      Skip(Severity::kError, name_, "JSON nested too deeply; file skipped");
      return;
    }
    Json array;
    try {
      array = Json::parse(content);
    } catch (const Json::exception& e) {
      std::string what = e.what();
      const size_t bracket = what.find("] ");
      if (bracket != std::string::npos) what.erase(0, bracket + 2);
      if (what.size() > 240) what.resize(240);
      Skip(Severity::kError, name_, "malformed JSON (" + RepairUtf8(what) + "); file skipped");
      return;
    }
    if (!array.is_array()) {  // one article
      std::string bad_date;
      std::optional<Article> a = ArticleFromJson(array, name_, diag_, &bad_date);
      if (!bad_date.empty()) {
        Report(Severity::kWarning, name_,
               "date \"" + RepairUtf8(std::string_view(bad_date).substr(0, 80)) +
                   "\" not recognised; kept as given in metadata");
      }
      if (a) {
        Emit(std::move(*a));
      } else {
        ++stats_.skipped;
      }
      return;
    }
    std::string first_bad_date;
    size_t bad_dates = 0;
    for (size_t i = 0; i < array.size(); ++i) {
      std::string bad_date;
      std::optional<Article> a = ArticleFromJson(
          array[i], name_ + ": record " + std::to_string(i + 1), diag_, &bad_date);
      if (!bad_date.empty() && bad_dates++ == 0) first_bad_date = std::move(bad_date);
      if (a) {
        Emit(std::move(*a));
      } else {
        ++stats_.skipped;
      }
    }
    if (bad_dates > 0) {
      Report(Severity::kWarning, name_,
             std::to_string(bad_dates) + " date value(s) not recognised (first: \"" +
                 RepairUtf8(std::string_view(first_bad_date).substr(0, 80)) +
                 "\"); kept as given in metadata");
    }
  }

  std::string name_;
  const ArticleSink& sink_;
  const DiagnosticSink& diag_;
  const ReaderOptions& options_;
  ByteSource* source_ = nullptr;
  ReadStats stats_;
};

void Add(ReadStats* total, const ReadStats& s) {
  total->articles += s.articles;
  total->skipped += s.skipped;
  total->files += s.files;
}

void ReportPath(const DiagnosticSink& diag, const std::string& path, std::string message,
                ReadStats* stats) {
  if (diag) diag(Diagnostic{Severity::kError, path, std::move(message)});
  ++stats->skipped;
}

void ReadFile(const std::string& path, const ArticleSink& sink, const DiagnosticSink& diag,
              const ReaderOptions& options, ReadStats* stats) {
  std::string error;
  std::unique_ptr<ByteSource> raw = OpenFileSource(path, &error);
  if (raw == nullptr) {
    ReportPath(diag, path, error + "; skipped", stats);
    return;
  }
  Add(stats, ReadArticleStream(std::move(raw), path, sink, diag, options));
}

void ReadDirectory(const fs::path& dir, const ArticleSink& sink, const DiagnosticSink& diag,
                   const ReaderOptions& options, ReadStats* stats, int depth) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') continue;  // hidden
    entries.push_back(*it);
  }
  if (ec) {
    ReportPath(diag, dir.string(), "cannot read directory: " + ec.message(), stats);
    return;
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  for (const fs::directory_entry& entry : entries) {
    std::error_code st_ec;
    const fs::file_status st = entry.status(st_ec);
    const std::string path = entry.path().string();
    if (st_ec) {
      ReportPath(diag, path, "cannot read: " + st_ec.message() + "; skipped", stats);
    } else if (fs::is_directory(st)) {
      // Linked directories are not followed: they could loop.
      if (entry.is_symlink(st_ec) || depth >= 64) continue;
      ReadDirectory(entry.path(), sink, diag, options, stats, depth + 1);
    } else if (fs::is_regular_file(st)) {
      ReadFile(path, sink, diag, options, stats);
    }
  }
}

}  // namespace

InputFormat FormatFromName(std::string_view name) {
  for (std::string_view z : {".gz", ".gzip", ".zst", ".zstd"}) {
    if (EndsWithIgnoreCase(name, z)) {
      name.remove_suffix(z.size());
      break;
    }
  }
  for (std::string_view j : {".jsonl", ".ndjson", ".json"}) {
    if (EndsWithIgnoreCase(name, j)) return InputFormat::kJsonLines;
  }
  for (std::string_view t : {".txt", ".text"}) {
    if (EndsWithIgnoreCase(name, t)) return InputFormat::kPlainText;
  }
  return InputFormat::kSniff;
}

ReadStats ReadArticleStream(std::unique_ptr<ByteSource> raw, std::string_view name,
                            const ArticleSink& sink, const DiagnosticSink& diag,
                            const ReaderOptions& options) {
  return StreamReader(name, sink, diag, options).Read(std::move(raw));
}

ReadStats ReadArticles(const std::vector<std::string>& paths, const ArticleSink& sink,
                       const DiagnosticSink& diag, const ReaderOptions& options) {
  ReadStats stats;
  for (const std::string& path : paths) {
    if (path == "-") {
      Add(&stats, ReadArticleStream(NewFdSource(0), "<stdin>", sink, diag, options));
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      ReportPath(diag, path,
                 (ec ? ec.message() : std::string("no such file or directory")) + "; skipped",
                 &stats);
    } else if (fs::is_directory(st)) {
      ReadDirectory(path, sink, diag, options, &stats, 0);
    } else {
      ReadFile(path, sink, diag, options, &stats);
    }
  }
  return stats;
}

}  // namespace dyad
