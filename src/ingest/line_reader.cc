#include "ingest/line_reader.h"

#include <algorithm>
#include <cstring>

namespace dyad {
namespace {
constexpr size_t kChunk = 1 << 18;
}  // namespace

LineReader::LineReader(ByteSource* source, size_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes) {}

void LineReader::Compact() {
  if (begin_ == 0) return;
  std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0 && (begin_ >= buf_.size() / 2 || end_ == buf_.size())) Compact();
  if (buf_.size() - end_ < kChunk) buf_.resize(std::max(buf_.size() * 2, end_ + kChunk));
  const size_t got = source_->Read(buf_.data() + end_, buf_.size() - end_);
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += got;
  return true;
}

LineReader::Status LineReader::Next(std::string_view* line) {
  while (true) {
    const char* start = buf_.data() + begin_;
    const size_t avail = end_ - begin_;
    const void* nl = scanned_ < avail ? std::memchr(start + scanned_, '\n', avail - scanned_)
                                      : nullptr;
    if (nl != nullptr) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
      ++line_number_;
      begin_ += len + 1;
      scanned_ = 0;
      if (len > max_line_bytes_) return Status::kTooLong;
      *line = std::string_view(start, len);
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      return Status::kLine;
    }
    scanned_ = avail;
    if (avail > max_line_bytes_ + 1) {
      // Too long: drop what is buffered and everything up to the next '\n'.
      ++line_number_;
      begin_ = end_ = scanned_ = 0;
      while (Fill()) {
        const void* p = std::memchr(buf_.data(), '\n', end_);
        if (p != nullptr) {
          begin_ = static_cast<size_t>(static_cast<const char*>(p) - buf_.data()) + 1;
          return Status::kTooLong;
        }
        end_ = 0;
      }
      return Status::kTooLong;
    }
    if (!Fill()) {
      if (avail == 0) return Status::kEnd;
      ++line_number_;
      begin_ = end_;
      scanned_ = 0;
      if (!source_->error().empty()) {
        dropped_partial_line_ = true;
        return Status::kEnd;
      }
      if (avail > max_line_bytes_) return Status::kTooLong;
      *line = std::string_view(buf_.data() + end_ - avail, avail);
      if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
      return Status::kLine;
    }
  }
}

std::string_view LineReader::Peek(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  return std::string_view(buf_.data() + begin_, std::min(n, end_ - begin_));
}

bool LineReader::ReadRest(size_t max_bytes, std::string* out) {
  while (true) {
    const size_t avail = end_ - begin_;
    if (avail > max_bytes) {
      out->append(buf_.data() + begin_, max_bytes + 1);
      begin_ = end_ = scanned_ = 0;
      return false;
    }
    if (!Fill()) break;
  }
  out->append(buf_.data() + begin_, end_ - begin_);
  begin_ = end_ = scanned_ = 0;
  return true;
}

}  // namespace dyad
