#include "syntax/word_clusters.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "syntax/parser_features.h"
#include "syntax/perceptron.h"

namespace dyad {

WordClusters::WordClusters(const std::vector<std::pair<uint64_t, uint16_t>>& entries) {
  size_t slots = 16;
  while (slots < entries.size() * 2) slots *= 2;
  slots_.assign(slots, Slot{});
  size_t mask = slots - 1;
  for (const auto& [key, cls] : entries) {
    if (key == 0 || cls == 0) continue;
    size_t i = key & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    if (slots_[i].key == key) continue;
    slots_[i] = {key, cls};
    ++size_;
  }
}

void WordClusters::Serialize(std::string* out) const {
  std::vector<Slot> sorted;
  for (const Slot& s : slots_) {
    if (s.key != 0) sorted.push_back(s);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const Slot& a, const Slot& b) { return a.key < b.key; });
  auto count = static_cast<uint32_t>(sorted.size());
  out->append(reinterpret_cast<const char*>(&count), sizeof count);
  for (const Slot& s : sorted) {
    out->append(reinterpret_cast<const char*>(&s.key), sizeof s.key);
    out->append(reinterpret_cast<const char*>(&s.cls), sizeof s.cls);
  }
}

std::optional<WordClusters> WordClusters::Parse(std::string_view* in, std::string* error) {
  uint32_t count = 0;
  constexpr size_t kEntry = sizeof(uint64_t) + sizeof(uint16_t);
  if (in->size() < sizeof count) {
    *error = "truncated word clusters";
    return std::nullopt;
  }
  std::memcpy(&count, in->data(), sizeof count);
  in->remove_prefix(sizeof count);
  if (in->size() / kEntry < count) {
    *error = "truncated word clusters";
    return std::nullopt;
  }
  std::vector<std::pair<uint64_t, uint16_t>> entries(count);
  for (auto& [key, cls] : entries) {
    std::memcpy(&key, in->data(), sizeof key);
    std::memcpy(&cls, in->data() + sizeof key, sizeof cls);
    in->remove_prefix(kEntry);
  }
  return WordClusters(entries);
}

std::optional<WordClusters> WordClusters::ReadTsv(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return std::nullopt;
  }
  std::vector<std::pair<uint64_t, uint16_t>> entries;
  std::string line, norm;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    size_t tab = line.find('\t');
    int cls = tab == std::string::npos ? 0 : std::atoi(line.c_str() + tab + 1);
    if (cls < 1 || cls > 65535) {
      *error = path + ":" + std::to_string(line_no) + ": expected word<TAB>class (1-65535)";
      return std::nullopt;
    }
    NormalizeParserWord(std::string_view(line).substr(0, tab), &norm);
    entries.emplace_back(StringHash(norm), static_cast<uint16_t>(cls));
  }
  return WordClusters(entries);
}

}  // namespace dyad
