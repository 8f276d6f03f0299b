#include "util/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace dyad {

uint64_t Hash64(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

uint64_t HashFields(std::initializer_list<std::string_view> fields) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (std::string_view f : fields) {
    uint64_t n = f.size();
    XXH3_64bits_update(state, &n, sizeof n);
    XXH3_64bits_update(state, f.data(), f.size());
  }
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

std::string HexId(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dyad
