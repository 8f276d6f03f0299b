// Reading and writing the fixed-size little-endian fields of the model files (the
// perceptron, tagger and parser formats): one pair of helpers for every format.
#ifndef DYAD_SYNTAX_BINARY_IO_H_
#define DYAD_SYNTAX_BINARY_IO_H_

#include <bit>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace dyad::binary_io {

static_assert(std::endian::native == std::endian::little,
              "model files are little-endian; add byte swapping for this platform");

// Appends v's bytes to *out.
template <typename T>
void Put(std::string* out, const T& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

// Reads *v from the front of *in and consumes it; false (nothing consumed) when *in is
// too short.
template <typename T>
bool Get(std::string_view* in, T* v) {
  static_assert(std::is_trivially_copyable_v<T>);
  if (in->size() < sizeof *v) return false;
  std::memcpy(v, in->data(), sizeof *v);
  in->remove_prefix(sizeof *v);
  return true;
}

}  // namespace dyad::binary_io

#endif  // DYAD_SYNTAX_BINARY_IO_H_
