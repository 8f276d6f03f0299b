// WordCache: a small direct-mapped memo of lookups keyed by short words (at most 16
// bytes), for hot paths that look the same few thousand words up in large tables over
// and over (lexicon entries, phrase-table candidates, dictionary anchors). A hit costs one
// multiply and one cache line that stays in L1/L2, where the table behind it costs a
// string hash and two or three misses in memory.
//
// Entries carry the id of the table version they were computed from (see NewTableId), so
// one thread-local cache can serve several tables and a table that changes takes a new
// id instead of invalidating anything. Not thread-safe: use one cache per thread
// (thread_local).
#ifndef DYAD_UTIL_WORD_CACHE_H_
#define DYAD_UTIL_WORD_CACHE_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace dyad {

// A process-wide unique, non-zero id for one version of a looked-up table.
uint32_t NewTableId();

// The id of a table object: a copy is another table (it gets a new id), a move hands the
// id over (the emptied source gets a new one). Renew() after changing the table.
class TableId {
 public:
  TableId() : id_(NewTableId()) {}
  TableId(const TableId&) : id_(NewTableId()) {}
  TableId(TableId&& o) noexcept : id_(o.id_) { o.id_ = NewTableId(); }
  TableId& operator=(const TableId&) {
    id_ = NewTableId();
    return *this;
  }
  TableId& operator=(TableId&& o) noexcept {
    id_ = o.id_;
    o.id_ = NewTableId();
    return *this;
  }
  void Renew() { id_ = NewTableId(); }
  uint32_t get() const { return id_; }

 private:
  uint32_t id_;
};

// A one-hash bit filter over a set of word hashes: MayContain() is true for every added
// hash and false for most others. 8 KiB, so it stays in the L1 cache: most words that a
// large hash table does not hold are turned away without touching it.
class KeyFilter {
 public:
  void Add(uint64_t hash) { bits_[Word(hash)] |= Bit(hash); }
  bool MayContain(uint64_t hash) const { return (bits_[Word(hash)] & Bit(hash)) != 0; }

 private:
  static constexpr size_t kWords = 1024;
  static size_t Word(uint64_t h) { return static_cast<size_t>(h >> 6) & (kWords - 1); }
  static uint64_t Bit(uint64_t h) { return uint64_t{1} << (h & 63); }
  uint64_t bits_[kWords] = {};
};

template <typename V, unsigned kBits = 12>
class WordCache {
 public:
  static constexpr size_t kMaxKey = 16;

  WordCache() : slots_(new Slot[size_t{1} << kBits]()) {}

  // A word packed for lookups; words longer than kMaxKey are not cacheable.
  struct Key {
    uint64_t lo = 0, hi = 0;
    uint32_t len = 0;
    bool cacheable = false;
  };
  // Fixed-size loads only (no memcpy call): bytes [0, 8) and [n-8, n) for 8..16 bytes,
  // [0, 4) and [n-4, n) for 4..7, bytes 0, n/2 and n-1 for 1..3. With the length this
  // identifies the word.
  static Key Pack(std::string_view w) {
    Key k;
    const size_t n = w.size();
    const char* p = w.data();
    k.len = static_cast<uint32_t>(n);
    k.cacheable = n <= kMaxKey;
    if (!k.cacheable) return k;
    if (n >= 8) {
      std::memcpy(&k.lo, p, 8);
      std::memcpy(&k.hi, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      k.lo = (uint64_t{b} << 32) | a;
    } else if (n > 0) {
      k.lo = uint64_t{static_cast<unsigned char>(p[0])} |
             (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
             (uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
    }
    return k;
  }

  // The cached value of (table, key), or nullptr.
  const V* Get(uint32_t table, const Key& k) const {
    if (!k.cacheable) return nullptr;
    const Slot& s = slots_[Index(table, k)];
    if (s.table == table && s.len == k.len && s.lo == k.lo && s.hi == k.hi) return &s.value;
    return nullptr;
  }
  void Put(uint32_t table, const Key& k, const V& value) {
    if (!k.cacheable) return;
    Slot& s = slots_[Index(table, k)];
    s.lo = k.lo;
    s.hi = k.hi;
    s.len = k.len;
    s.table = table;
    s.value = value;
  }

  // Get, else compute(word) and Put. table 0 (a table still being built) is never cached.
  template <typename Compute>
  V Lookup(uint32_t table, std::string_view word, Compute compute) {
    Key k = Pack(word);
    if (table != 0) {
      if (const V* v = Get(table, k)) return *v;
    }
    V v = compute(word);
    if (table != 0) Put(table, k, v);
    return v;
  }

 private:
  struct Slot {
    uint64_t lo = 0, hi = 0;
    uint32_t len = 0;
    uint32_t table = 0;  // 0: empty
    V value{};
  };
  static size_t Index(uint32_t table, const Key& k) {
    uint64_t h = (k.lo ^ (k.hi * 0x9E3779B97F4A7C15ull) ^ (uint64_t{table} << 32) ^ k.len) *
                 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
    h *= 0xC4CEB9FE1A85EC53ull;
    return static_cast<size_t>(h >> (64 - kBits));
  }

  std::unique_ptr<Slot[]> slots_;
};

}  // namespace dyad

#endif  // DYAD_UTIL_WORD_CACHE_H_
