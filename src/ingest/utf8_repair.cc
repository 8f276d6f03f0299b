#include "ingest/utf8_repair.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace dyad {
namespace {

// Length of the valid UTF-8 sequence at p (n bytes available), 0 when ill-formed.
// ASCII is handled by the callers; utf8proc decodes and checks the rest.
inline size_t ValidSequenceLength(const unsigned char* p, size_t n) {
  utf8proc_int32_t code_point = 0;
  const utf8proc_ssize_t len = utf8proc_iterate(
      p, static_cast<utf8proc_ssize_t>(n < 4 ? n : 4), &code_point);
  return len > 0 ? static_cast<size_t>(len) : 0;
}

// Skips ASCII eight bytes at a time: news text is mostly ASCII.
inline size_t SkipAscii(const unsigned char* p, size_t i, size_t n) {
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

}  // namespace

std::optional<size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (true) {
    i = SkipAscii(p, i, n);
    if (i >= n) return std::nullopt;
    const size_t len = ValidSequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
}

std::string RepairUtf8(std::string_view bytes, size_t* replaced) {
  size_t count = 0;
  std::optional<size_t> first_bad = FindInvalidUtf8(bytes);
  if (!first_bad) {
    if (replaced) *replaced = 0;
    return std::string(bytes);
  }
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  std::string out;
  out.reserve(n + 16);
  out.append(bytes.data(), *first_bad);
  size_t i = *first_bad;
  while (i < n) {
    const size_t ascii_end = SkipAscii(p, i, n);
    out.append(bytes.data() + i, ascii_end - i);
    i = ascii_end;
    if (i >= n) break;
    const size_t len = ValidSequenceLength(p + i, n - i);
    if (len > 0) {
      out.append(bytes.data() + i, len);
      i += len;
      continue;
    }
    out.append("\xEF\xBF\xBD");
    ++count;
    ++i;
    // Continuation bytes after a bad lead belong to the same broken sequence.
    for (int k = 0; k < 3 && i < n && (p[i] & 0xC0) == 0x80; ++k) ++i;
  }
  if (replaced) *replaced = count;
  return out;
}

}  // namespace dyad
