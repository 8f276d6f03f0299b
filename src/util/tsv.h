// Helpers for dyad's TSV tables under data/: records, fields, '|' lists.
#ifndef DYAD_UTIL_TSV_H_
#define DYAD_UTIL_TSV_H_

#include <string_view>
#include <vector>

namespace dyad {
namespace tsv {

// Calls f(line_number, line) for each line that is neither blank nor a '#' comment.
// A trailing '\r' is removed.
template <typename F>
void ForEachLine(std::string_view text, F f) {
  size_t pos = 0;
  int number = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    f(number, line);
  }
}

// Splits s on sep into *out (cleared first), so that a loop can reuse one vector.
inline void SplitInto(std::string_view s, char sep, std::vector<std::string_view>* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t k = s.find(sep, pos);
    if (k == std::string_view::npos) {
      out->push_back(s.substr(pos));
      return;
    }
    out->push_back(s.substr(pos, k - pos));
    pos = k + 1;
  }
}

inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  SplitInto(s, sep, &out);
  return out;
}

// Items of a '|' list, empty items dropped.
inline std::vector<std::string_view> List(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view v : Split(s, '|')) {
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

}  // namespace tsv
}  // namespace dyad

#endif  // DYAD_UTIL_TSV_H_
