#include "util/word_cache.h"

#include <atomic>

namespace dyad {

uint32_t NewTableId() {
  static std::atomic<uint32_t> next{1};
  uint32_t id = next.fetch_add(1, std::memory_order_relaxed);
  if (id == 0) id = next.fetch_add(1, std::memory_order_relaxed);  // after wrap-around
  return id;
}

}  // namespace dyad
