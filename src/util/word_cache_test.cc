#include "util/word_cache.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace dyad {
namespace {

TEST(WordCacheTest, PackIdentifiesEveryShortWord) {
  // Every word over {a, b} of length 0..12 (the packing reads some bytes twice for
  // lengths 4..16), and words of every cacheable length that differ in one byte: all keys
  // must differ.
  std::set<std::tuple<uint64_t, uint64_t, uint32_t>> keys;
  size_t words = 0;
  auto add = [&](const std::string& w) {
    auto k = WordCache<int>::Pack(w);
    ASSERT_TRUE(k.cacheable);
    keys.insert({k.lo, k.hi, k.len});
    ++words;
  };
  for (size_t n = 0; n <= 12; ++n) {
    for (uint32_t bits = 0; bits < (1u << n); ++bits) {
      std::string w(n, 'a');
      for (size_t i = 0; i < n; ++i)
        if (bits & (1u << i)) w[i] = 'b';
      add(w);
    }
  }
  for (size_t n = 13; n <= WordCache<int>::kMaxKey; ++n) {
    for (size_t i = 0; i <= n; ++i) {
      std::string w(n, 'a');
      if (i < n) w[i] = 'b';
      add(w);
    }
  }
  EXPECT_EQ(keys.size(), words);
  EXPECT_FALSE(WordCache<int>::Pack(std::string(17, 'x')).cacheable);
}

TEST(WordCacheTest, LookupMemoisesPerTable) {
  WordCache<int> cache;
  const uint32_t t1 = NewTableId(), t2 = NewTableId();
  ASSERT_NE(t1, t2);
  int calls = 0;
  auto compute = [&](std::string_view w) {
    ++calls;
    return static_cast<int>(w.size());
  };
  EXPECT_EQ(cache.Lookup(t1, "minister", compute), 8);
  EXPECT_EQ(cache.Lookup(t1, "minister", compute), 8);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(cache.Lookup(t2, "minister", compute), 8);  // another table: computed again
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.Lookup(t1, "ministers", compute), 9);
  EXPECT_EQ(calls, 3);
  // Long words and table 0 (a table being built) are computed every time.
  std::string long_word(40, 'z');
  cache.Lookup(t1, long_word, compute);
  cache.Lookup(t1, long_word, compute);
  EXPECT_EQ(calls, 5);
  cache.Lookup(0, "minister", compute);
  cache.Lookup(0, "minister", compute);
  EXPECT_EQ(calls, 7);
}

TEST(WordCacheTest, ConflictingWordsEvictEachOther) {
  // A direct-mapped cache of two slots: whatever collides is recomputed, never confused.
  WordCache<std::string, 1> cache;
  const uint32_t t = NewTableId();
  auto self = [](std::string_view w) { return std::string(w); };
  for (int round = 0; round < 3; ++round) {
    for (std::string w : {"a", "b", "c", "abcdefgh", "abcdefgi", "x-y"}) {
      EXPECT_EQ(cache.Lookup(t, w, self), w);
    }
  }
}

TEST(WordCacheTest, TableIdCopiesAreNewTables) {
  TableId a;
  TableId b = a;
  EXPECT_NE(a.get(), b.get());
  const uint32_t before = a.get();
  TableId c = std::move(a);
  EXPECT_EQ(c.get(), before);
  EXPECT_NE(a.get(), before);  // the moved-from object is a different (empty) table
  c.Renew();
  EXPECT_NE(c.get(), before);
}

TEST(KeyFilterTest, HoldsEveryAddedHashAndFewOthers) {
  KeyFilter f;
  uint64_t h = 0x9E3779B97F4A7C15ull;
  std::vector<uint64_t> added;
  for (int i = 0; i < 1000; ++i) {
    h = h * 6364136223846793005ull + 1442695040888963407ull;
    added.push_back(h);
    f.Add(h);
  }
  for (uint64_t a : added) EXPECT_TRUE(f.MayContain(a));
  int false_positives = 0;
  for (int i = 0; i < 10000; ++i) {
    h = h * 6364136223846793005ull + 1442695040888963407ull;
    false_positives += f.MayContain(h);
  }
  EXPECT_LT(false_positives, 500);  // about 1000 / 65536 of them
}

}  // namespace
}  // namespace dyad
