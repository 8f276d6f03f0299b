#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace dyad {
namespace {

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  size_t Read(char* buf, size_t n) override {
    while (true) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      error_ = std::string("read failed: ") + std::strerror(errno);
      return 0;
    }
  }

 private:
  int fd_;
  bool owned_;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  size_t Read(char* buf, size_t n) override {
    const size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

class LimitedSource : public ByteSource {
 public:
  LimitedSource(std::unique_ptr<ByteSource> inner, uint64_t max_bytes)
      : inner_(std::move(inner)), left_(max_bytes), max_(max_bytes) {}
  size_t Read(char* buf, size_t n) override {
    if (!error_.empty()) return 0;
    if (left_ == 0) {
      char probe;
      if (inner_->Read(&probe, 1) > 0) {
        error_ = "input is larger than the limit of " + std::to_string(max_) + " bytes";
      }
      return 0;
    }
    const size_t got = inner_->Read(buf, static_cast<size_t>(std::min<uint64_t>(n, left_)));
    left_ -= got;
    if (got == 0) error_ = inner_->error();
    return got;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  uint64_t left_;
  uint64_t max_;
};

constexpr size_t kInputChunk = 1 << 16;

// Decompresses (or passes through) the bytes of a raw source; see the header.
class DecompressingSource : public ByteSource {
 public:
  explicit DecompressingSource(std::unique_ptr<ByteSource> raw) : raw_(std::move(raw)) {
    Detect();
  }
  ~DecompressingSource() override {
    if (kind_ == Compression::kGzip) inflateEnd(&zs_);
    if (zds_ != nullptr) ZSTD_freeDStream(zds_);
  }
  DecompressingSource(const DecompressingSource&) = delete;
  DecompressingSource& operator=(const DecompressingSource&) = delete;

  Compression kind() const { return kind_; }

  size_t Read(char* buf, size_t n) override {
    if (done_ || n == 0) return 0;
    switch (kind_) {
      case Compression::kNone:
        return ReadPlain(buf, n);
      case Compression::kGzip:
        return ReadGzip(buf, n);
      case Compression::kZstd:
        return ReadZstd(buf, n);
    }
    return 0;
  }

 private:
  // Reads the first bytes (kept in in_) and picks the decoder by magic number.
  void Detect() {
    in_.resize(kInputChunk);
    while (in_len_ < 6 && !in_eof_) {
      const size_t got = raw_->Read(in_.data() + in_len_, 6 - in_len_);
      if (got == 0) {
        in_eof_ = true;
        error_ = raw_->error();
      }
      in_len_ += got;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(in_.data());
    const size_t n = in_len_;
    if (!error_.empty()) {
      done_ = true;
    } else if (n >= 2 && b[0] == 0x1F && b[1] == 0x8B) {
      kind_ = Compression::kGzip;
      std::memset(&zs_, 0, sizeof zs_);
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) Fail("cannot initialise the gzip decoder");
    } else if (n >= 4 && ((b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD) ||
                          ((b[0] & 0xF0) == 0x50 && b[1] == 0x2A && b[2] == 0x4D && b[3] == 0x18))) {
      kind_ = Compression::kZstd;
      zds_ = ZSTD_createDStream();
      if (zds_ == nullptr || ZSTD_isError(ZSTD_initDStream(zds_))) {
        Fail("cannot initialise the zstd decoder");
      }
    } else if (n >= 4 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9') {
      Fail("bzip2-compressed input is not supported (decompress it first, or use gzip or zstd)");
    } else if (n >= 6 && std::memcmp(b, "\xFD" "7zXZ\0", 6) == 0) {
      Fail("xz-compressed input is not supported (decompress it first, or use gzip or zstd)");
    }
  }

  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    done_ = true;
  }

  // Refills in_ when all of it has been consumed. False at the end of the raw input.
  bool Refill() {
    if (in_pos_ < in_len_) return true;
    if (in_eof_) return false;
    in_pos_ = 0;
    in_len_ = raw_->Read(in_.data(), in_.size());
    if (in_len_ == 0) {
      in_eof_ = true;
      if (!raw_->error().empty()) Fail(raw_->error());
      return false;
    }
    return true;
  }

  size_t ReadPlain(char* buf, size_t n) {
    if (in_pos_ < in_len_) {
      const size_t k = std::min(n, in_len_ - in_pos_);
      std::memcpy(buf, in_.data() + in_pos_, k);
      in_pos_ += k;
      return k;
    }
    if (in_eof_) return 0;
    const size_t got = raw_->Read(buf, n);
    if (got == 0) {
      in_eof_ = true;
      if (!raw_->error().empty()) Fail(raw_->error());
    }
    return got;
  }

  size_t ReadGzip(char* buf, size_t n) {
    const uInt want = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = want;
    while (zs_.avail_out > 0 && !done_) {
      const bool have_input = Refill();
      if (done_) break;
      if (!in_member_) {
        if (!have_input) {  // clean end between members
          done_ = true;
          break;
        }
        inflateReset(&zs_);
        in_member_ = true;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(in_len_ - in_pos_);
      const int ret = inflate(&zs_, Z_NO_FLUSH);
      in_pos_ = in_len_ - zs_.avail_in;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
      } else if (ret == Z_BUF_ERROR) {  // no progress was possible
        Fail(have_input ? "corrupt gzip data: the decoder made no progress"
                        : "truncated gzip data (the stream ends inside a compressed member)");
      } else if (ret != Z_OK) {
        Fail(std::string("corrupt gzip data: ") + (zs_.msg != nullptr ? zs_.msg : "inflate failed"));
      }
    }
    return want - zs_.avail_out;
  }

  size_t ReadZstd(char* buf, size_t n) {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos < out.size && !done_) {
      const bool have_input = Refill();
      if (done_) break;
      if (!have_input && !frame_open_) {
        done_ = true;
        break;
      }
      ZSTD_inBuffer in{in_.data() + in_pos_, in_len_ - in_pos_, 0};
      const size_t before = out.pos;
      const size_t ret = ZSTD_decompressStream(zds_, &out, &in);
      in_pos_ += in.pos;
      if (ZSTD_isError(ret)) {
        Fail(std::string("corrupt zstd data: ") + ZSTD_getErrorName(ret));
        break;
      }
      frame_open_ = ret != 0;
      if (out.pos == before && in.pos == 0 && frame_open_) {  // no progress was possible
        Fail(have_input ? "corrupt zstd data: the decoder made no progress"
                        : "truncated zstd data (the stream ends inside a frame)");
      }
    }
    return out.pos;
  }

  std::unique_ptr<ByteSource> raw_;
  Compression kind_ = Compression::kNone;
  std::vector<char> in_;
  size_t in_pos_ = 0;
  size_t in_len_ = 0;
  bool in_eof_ = false;
  bool done_ = false;
  z_stream zs_{};
  bool in_member_ = false;
  ZSTD_DStream* zds_ = nullptr;
  bool frame_open_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> OpenFileSource(const std::string& path, std::string* error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<FdSource>(fd, /*owned=*/true);
}

std::unique_ptr<ByteSource> NewFdSource(int fd) {
  return std::make_unique<FdSource>(fd, /*owned=*/false);
}

std::unique_ptr<ByteSource> NewStringSource(std::string bytes) {
  return std::make_unique<StringSource>(std::move(bytes));
}

std::unique_ptr<ByteSource> NewDecompressingSource(std::unique_ptr<ByteSource> raw,
                                                   Compression* detected) {
  auto source = std::make_unique<DecompressingSource>(std::move(raw));
  if (detected != nullptr) *detected = source->kind();
  return source;
}

std::unique_ptr<ByteSource> NewLimitedSource(std::unique_ptr<ByteSource> inner,
                                             uint64_t max_bytes) {
  return std::make_unique<LimitedSource>(std::move(inner), max_bytes);
}

}  // namespace dyad
