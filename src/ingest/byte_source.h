// ByteSource: a stream of input bytes from a file, stdin, memory, or a gzip/zstd
// decompressor over one of those. Readers pull from it in chunks, so inputs of any
// size stream in bounded memory.
#ifndef DYAD_INGEST_BYTE_SOURCE_H_
#define DYAD_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace dyad {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to n (> 0) bytes into buf and returns how many; 0 means the stream has
  // ended, cleanly when error() is empty.
  virtual size_t Read(char* buf, size_t n) = 0;

  // Why the stream ended early ("truncated gzip data"), "" if it did not.
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

// Opens a regular file (or FIFO) for reading; nullptr and *error set when it cannot.
std::unique_ptr<ByteSource> OpenFileSource(const std::string& path, std::string* error);

// Reads an open descriptor (stdin: 0) without taking ownership.
std::unique_ptr<ByteSource> NewFdSource(int fd);

// Reads bytes held in memory.
std::unique_ptr<ByteSource> NewStringSource(std::string bytes);

enum class Compression { kNone, kGzip, kZstd };

// Wraps `raw` and, by its first bytes (magic numbers, not file names), decompresses
// gzip (RFC 1952, concatenated members too) or zstd (concatenated frames too); other
// input passes through. A truncated or corrupt stream ends with error() set, after the
// bytes decoded before the damage. bzip2 and xz are recognised and refused.
// *detected, when given, tells what was found.
std::unique_ptr<ByteSource> NewDecompressingSource(std::unique_ptr<ByteSource> raw,
                                                   Compression* detected = nullptr);

// Ends `inner` with an error once more than max_bytes have been read from it: a guard
// against decompression bombs.
std::unique_ptr<ByteSource> NewLimitedSource(std::unique_ptr<ByteSource> inner,
                                             uint64_t max_bytes);

}  // namespace dyad

#endif  // DYAD_INGEST_BYTE_SOURCE_H_
