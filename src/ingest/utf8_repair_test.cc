#include "ingest/utf8_repair.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(Utf8RepairTest, ValidTextIsUntouched) {
  const std::string text = "Azerbaijan\xE2\x80\x99s embassy in Damascus, charg\xC3\xA9 d\xE2\x80\x99" "affaires \xF0\x9F\x8C\x8D";
  EXPECT_EQ(FindInvalidUtf8(text), std::nullopt);
  EXPECT_EQ(RepairUtf8(text), text);
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
}

TEST(Utf8RepairTest, FindsFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xFFxyz"), 10u);
  EXPECT_EQ(FindInvalidUtf8("\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ok \xC3"), 3u);                 // truncated at the end
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);                // overlong "/"
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);           // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);        // above U+10FFFF
}

TEST(Utf8RepairTest, ReplacesEachBrokenSequenceOnce) {
  size_t n = 0;
  EXPECT_EQ(RepairUtf8("a\xFF" "b", &n), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(n, 1u);
  // A truncated three-byte sequence (lead + one continuation) is one replacement.
  EXPECT_EQ(RepairUtf8("x\xE2\x82y", &n), "x\xEF\xBF\xBDy");
  EXPECT_EQ(n, 1u);
  // Latin-1 text: each accented byte is replaced, the rest kept.
  EXPECT_EQ(RepairUtf8("caf\xE9 na\xEFve", &n), "caf\xEF\xBF\xBD na\xEF\xBF\xBDve");
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(FindInvalidUtf8(RepairUtf8("\xC0\xAF\xED\xA0\x80\xF8\x88\x80\x80\x80")), std::nullopt);
}

}  // namespace
}  // namespace dyad
