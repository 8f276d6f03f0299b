// Data files under data/ compiled into the binary (see tools/embed.cc).
#ifndef DYAD_UTIL_EMBEDDED_DATA_H_
#define DYAD_UTIL_EMBEDDED_DATA_H_

#include <optional>
#include <string_view>
#include <vector>

namespace dyad {

// The bytes of data/NAME (e.g. "cameo/cameo_codes.tsv"), or nullopt.
std::optional<std::string_view> EmbeddedFile(std::string_view name);

// Every embedded file name, sorted.
std::vector<std::string_view> EmbeddedFileNames();

}  // namespace dyad

#endif  // DYAD_UTIL_EMBEDDED_DATA_H_
