// Stable content hashes (XXH3, 64 bit) as 16 hex digits: article and event ids.
#ifndef DYAD_UTIL_HASH_H_
#define DYAD_UTIL_HASH_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace dyad {

uint64_t Hash64(std::string_view bytes);

// Hash of several fields, each length-prefixed so that ("ab","c") != ("a","bc").
uint64_t HashFields(std::initializer_list<std::string_view> fields);

// 16 lower-case hex digits.
std::string HexId(uint64_t h);

}  // namespace dyad

#endif  // DYAD_UTIL_HASH_H_
