#include "story/minhash.h"

#include <set>

#include <gtest/gtest.h>

#include "story/fingerprint.h"
#include "story/story_test_texts.h"

namespace dyad {
namespace {

using story_test::Join;
using story_test::MillFireParagraphs;

// A distributor's copy: its own header line, its own title, one paragraph dropped,
// curly quotes and other whitespace.
std::string SyndicatedCopy() {
  std::vector<std::string> paragraphs = MillFireParagraphs();
  paragraphs.erase(paragraphs.begin() + 6);
  std::string text = "VALLEY NEWS SERVICE -- distributed by Northline Wire\n\n" + Join(paragraphs);
  std::string out;
  bool open = true;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') {
      out += open ? "\u201c" : "\u201d";
      open = !open;
    } else if (text[i] == '\'') {
      out += "\u2019";
    } else if (text[i] == ' ' && i % 7 == 0) {
      out += "  ";
    } else {
      out += text[i];
    }
  }
  return out;
}

TEST(MinHash, SyndicatedCopyIsNearDuplicate) {
  StoryFingerprint original = Fingerprint("Fire guts historic Dunmore mill", Join(MillFireParagraphs()));
  StoryFingerprint copy = Fingerprint("Three hurt as blaze hits textile mill", SyndicatedCopy());
  double j = EstimatedJaccard(original, copy);
  EXPECT_GE(j, 0.75) << j;
  EXPECT_TRUE(IsNearDuplicate(original, copy));
  // The store would find it through the band index.
  auto a = LshBands(original), b = LshBands(copy);
  std::set<uint64_t> keys(a.begin(), a.end());
  size_t shared = 0;
  for (uint64_t k : b) shared += keys.count(k);
  EXPECT_GE(shared, 1u);
}

TEST(MinHash, CopyWithParagraphAddedIsNearDuplicate) {
  std::vector<std::string> paragraphs = MillFireParagraphs();
  paragraphs.push_back("Readers with photographs of the fire can send them to our newsroom.");
  StoryFingerprint original = Fingerprint("", Join(MillFireParagraphs()));
  StoryFingerprint longer = Fingerprint("", Join(paragraphs));
  EXPECT_TRUE(IsNearDuplicate(original, longer)) << EstimatedJaccard(original, longer);
}

TEST(MinHash, DifferentArticlesOnTheSameTopicAreNotNearDuplicates) {
  StoryFingerprint mill = Fingerprint("", Join(MillFireParagraphs()));
  StoryFingerprint same_event = Fingerprint("", story_test::kMillFireOtherOutlet);
  StoryFingerprint other_fire = Fingerprint("", story_test::kWarehouseFire);
  EXPECT_LT(EstimatedJaccard(mill, same_event), 0.2);
  EXPECT_LT(EstimatedJaccard(mill, other_fire), 0.2);
  EXPECT_FALSE(IsNearDuplicate(mill, same_event));
  EXPECT_FALSE(IsNearDuplicate(mill, other_fire));
  EXPECT_FALSE(IsNearDuplicate(same_event, other_fire));
}

TEST(MinHash, IdenticalTextsAgreeFully) {
  StoryFingerprint a = Fingerprint("", story_test::kWarehouseFire);
  StoryFingerprint b = Fingerprint("Another title", story_test::kWarehouseFire);
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_DOUBLE_EQ(EstimatedJaccard(a, b), 1.0);
  EXPECT_EQ(LshBands(a), LshBands(b));
}

TEST(MinHash, WordOrderMatters) {
  StoryFingerprint a = Fingerprint("", "police arrested the mayor after the protest in the old square");
  StoryFingerprint b = Fingerprint("", "the mayor arrested police in the old square after the protest");
  EXPECT_LT(EstimatedJaccard(a, b), 0.6);
}

TEST(MinHash, EmptyAndShortTexts) {
  StoryFingerprint empty = Fingerprint("", "");
  StoryFingerprint punctuation = Fingerprint("", " -- ... !!! ");
  EXPECT_EQ(empty.shingle_count, 0u);
  EXPECT_EQ(punctuation.shingle_count, 0u);
  EXPECT_EQ(EstimatedJaccard(empty, empty), 0.0);
  EXPECT_FALSE(IsNearDuplicate(empty, punctuation));
  for (uint64_t k : LshBands(empty)) EXPECT_EQ(k, 0u);
  StoryFingerprint short_text = Fingerprint("", "Storm warning");
  EXPECT_EQ(short_text.shingle_count, 1u);
  EXPECT_TRUE(IsNearDuplicate(short_text, Fingerprint("", "STORM  warning!")));
  for (uint64_t k : LshBands(short_text)) EXPECT_NE(k, 0u);
}

// Stored band keys must stay valid across builds and machines: a fixed text has fixed
// keys. If this fails, the hash scheme changed and stored fingerprints need recomputing
// (bump the blob version).
TEST(MinHash, BandKeysAreStable) {
  StoryFingerprint fp = Fingerprint("", "The quick brown fox jumps over the lazy dog near the river bank.");
  auto bands = LshBands(fp);
  EXPECT_EQ(fp.minhash[0], 2228702650u);
  EXPECT_EQ(bands[0], 14553290461621197999ull);
  EXPECT_EQ(bands[15], 14849639510958129807ull);
}

}  // namespace
}  // namespace dyad
