#include "util/hash.h"

#include <gtest/gtest.h>

namespace dyad {

TEST(HashTest, StableAndFieldSeparated) {
  EXPECT_EQ(HexId(Hash64("abc")), HexId(Hash64("abc")));
  EXPECT_EQ(HexId(Hash64("abc")).size(), 16u);
  EXPECT_NE(HashFields({"ab", "c"}), HashFields({"a", "bc"}));
}

}  // namespace dyad
