#include "story/fingerprint.h"

#include <cstring>
#include <limits>

#include <gtest/gtest.h>

#include "story/minhash.h"
#include "story/stopwords.h"
#include "story/story_test_texts.h"
#include "story/term_vector.h"

namespace dyad {
namespace {

StoryFingerprint Example() {
  return Fingerprint("Fire guts historic Dunmore mill", story_test::Join(story_test::MillFireParagraphs()));
}

TEST(Fingerprint, Deterministic) {
  StoryFingerprint a = Example();
  StoryFingerprint b = Example();
  EXPECT_EQ(a, b);
  // Reusing the output (and the thread's scratch tables) gives the same result.
  StoryFingerprint reused = Fingerprint("", story_test::kWarehouseFire);
  ComputeFingerprint("Fire guts historic Dunmore mill", story_test::Join(story_test::MillFireParagraphs()), &reused);
  EXPECT_EQ(a, reused);
}

TEST(Fingerprint, TermsSortedDistinctBoundedPositive) {
  StoryFingerprint fp = Example();
  ASSERT_FALSE(fp.terms.empty());
  EXPECT_LE(fp.terms.size(), kMaxStoryTerms);
  for (size_t i = 0; i < fp.terms.size(); ++i) {
    EXPECT_GT(fp.terms[i].weight, 0.0f);
    if (i > 0) {
      EXPECT_LT(fp.terms[i - 1].hash, fp.terms[i].hash);
    }
  }
}

TEST(Fingerprint, StopwordsAreNotTerms) {
  StoryFingerprint fp = Fingerprint("", "The and of said was were it they Dunmore Dunmore");
  ASSERT_EQ(fp.terms.size(), 1u);
  EXPECT_EQ(fp.terms[0].hash, static_cast<uint32_t>(WordHash("dunmore")));
}

TEST(Fingerprint, NamesNumbersAndTitleWeighMore) {
  // "okafor" (a name, capitalised inside sentences), "1884" (a number), "canal" (title)
  // and "mill" (plain) each occur twice.
  StoryFingerprint fp = Fingerprint("Canal", "Then Okafor left the mill in 1884. Then Okafor saw the mill and the canal in 1884.");
  auto weight = [&fp](const char* word) {
    uint32_t h = static_cast<uint32_t>(WordHash(word));
    for (const StoryTerm& t : fp.terms) {
      if (t.hash == h) return t.weight;
    }
    return 0.0f;
  };
  EXPECT_GT(weight("okafor"), weight("mill"));
  EXPECT_GT(weight("1884"), weight("mill"));
  EXPECT_GT(weight("canal"), weight("mill"));
  EXPECT_GT(weight("mill"), 0.0f);
  EXPECT_EQ(weight("then"), 0.0f);  // capitalised only at sentence starts, and a stopword
}

TEST(Fingerprint, PluralsShareATerm) {
  StoryFingerprint a = Fingerprint("", "earthquakes cities");
  StoryFingerprint b = Fingerprint("", "earthquake city");
  EXPECT_EQ(a.terms.size(), 2u);
  EXPECT_NEAR(EventSimilarity(a, b), 1.0, 1e-6);
}

TEST(Fingerprint, SerializeRoundTrip) {
  for (const StoryFingerprint& fp : {Example(), Fingerprint("", ""), Fingerprint("", "Storm warning")}) {
    std::string blob = Serialize(fp);
    EXPECT_LE(blob.size(), kMaxFingerprintBytes);
    StoryFingerprint back;
    std::string error;
    ASSERT_TRUE(Deserialize(blob, &back, &error)) << error;
    EXPECT_EQ(back, fp);
    EXPECT_EQ(Serialize(back), blob);
  }
}

TEST(Fingerprint, MalformedBlobsAreRejected) {
  const std::string blob = Serialize(Example());
  StoryFingerprint out;
  std::string error;
  // Every truncation and every extension.
  for (size_t n = 0; n < blob.size(); ++n) {
    error.clear();
    EXPECT_FALSE(Deserialize(std::string_view(blob).substr(0, n), &out, &error)) << n;
    EXPECT_FALSE(error.empty());
  }
  EXPECT_FALSE(Deserialize(blob + "x", &out, &error));
  // Every single-bit flip.
  for (size_t i = 0; i < blob.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = blob;
      bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
      EXPECT_FALSE(Deserialize(bad, &out, &error)) << i << ":" << bit;
    }
  }
  EXPECT_FALSE(Deserialize("", &out, nullptr));  // error may be null
  EXPECT_FALSE(Deserialize(std::string(kMaxFingerprintBytes, '\0'), &out, &error));
  EXPECT_FALSE(Deserialize(std::string(kMaxFingerprintBytes, '\xff'), &out, &error));
}

// Blobs that pass the checksum but break the invariants (a buggy or hostile writer).
TEST(Fingerprint, InvalidContentWithValidChecksumIsRejected) {
  StoryFingerprint fp = Example();
  ASSERT_GE(fp.terms.size(), 2u);
  StoryFingerprint out;
  std::string error;

  StoryFingerprint unsorted = fp;
  std::swap(unsorted.terms[0], unsorted.terms[1]);
  EXPECT_FALSE(Deserialize(Serialize(unsorted), &out, &error));
  EXPECT_NE(error.find("sorted"), std::string::npos) << error;

  StoryFingerprint duplicate = fp;
  duplicate.terms[1].hash = duplicate.terms[0].hash;
  EXPECT_FALSE(Deserialize(Serialize(duplicate), &out, &error));

  for (float w : {0.0f, -1.0f, std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN()}) {
    StoryFingerprint bad_weight = fp;
    bad_weight.terms[0].weight = w;
    EXPECT_FALSE(Deserialize(Serialize(bad_weight), &out, &error)) << w;
  }
}

}  // namespace
}  // namespace dyad
