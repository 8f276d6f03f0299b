#include "syntax/embedded_models.h"

#include <algorithm>

namespace dyad {

using embedded_models_internal::kEntries;
using embedded_models_internal::kNumEntries;

std::optional<std::string_view> EmbeddedModel(std::string_view name) {
  for (size_t i = 0; i < kNumEntries; ++i) {
    if (name == kEntries[i].name) {
      return std::string_view(kEntries[i].begin,
                              static_cast<size_t>(kEntries[i].end - kEntries[i].begin));
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> EmbeddedModelNames() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < kNumEntries; ++i) names.emplace_back(kEntries[i].name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace dyad
