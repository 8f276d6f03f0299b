// Any input gives well-formed mentions: random bytes, random words from the tables, long
// runs of names and titles. Deterministic (fixed seed), bounded in size.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

void CheckInvariants(const actors_test::Analyzed& a, const std::string& input) {
  uint32_t previous_end = 0;
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const ActorMention& m = a.mentions[i];
    ASSERT_LT(m.sentence, a.doc.sentences.size()) << input;
    const Sentence& s = a.doc.sentences[m.sentence];
    ASSERT_LT(m.first_token, m.end_token) << input;
    ASSERT_GE(m.first_token, s.first_token) << input;
    ASSERT_LE(m.end_token, s.end_token) << input;
    ASSERT_GE(m.head_token, m.first_token) << input;
    ASSERT_LT(m.head_token, m.end_token) << input;
    ASSERT_GE(m.first_token, previous_end) << input;  // ordered, non-overlapping
    previous_end = m.end_token;
    if (m.antecedent >= 0) {
      ASSERT_LT(m.antecedent, static_cast<int>(i)) << input;  // antecedents come first
    }
    if (m.kind == MentionKind::kPronoun) {
      ASSERT_GE(m.antecedent, 0) << input;
    }
  }
}

TEST(RobustnessTest, RandomBytes) {
  std::mt19937 rng(12345);
  actors_test::Analyzed a;
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 400, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    actors_test::Analyze(s, &a);
    CheckInvariants(a, s);
  }
}

TEST(RobustnessTest, RandomWordSalad) {
  static const char* kWords[] = {
      "the", "a", "of", "in", "to", "'s", "’s", ",", ".", "as", "and", "he", "she", "its",
      "their", "him", "Syria", "Syrian", "Syrians", "Damascus", "Azerbaijan", "Azerbaijani",
      "U.S.", "US", "UN", "Hamas", "President", "Foreign", "Minister", "Deputy", "former",
      "minister", "embassy", "government", "troops", "rebels", "people", "Mr.", "Dr.", "al-Assad",
      "Al-Shibani", "Rafiyev", "Khalilzade", "Ali", "Hassan", "Hussein", "bin", "von", "der",
      "said", "met", "Republic", "Turkiye", "Center", "at", "for", "with", "Putin", "Erdogan",
      "chargé", "d’affaires", "staff", "Ministry", "Affairs", "the", "rebel", "commander"};
  const size_t n = sizeof(kWords) / sizeof(kWords[0]);
  std::mt19937 rng(777);
  actors_test::Analyzed a;
  for (int round = 0; round < 500; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) {
      if (!s.empty()) s += ' ';
      s += kWords[rng() % n];
    }
    actors_test::Analyze(s, &a);
    CheckInvariants(a, s);
  }
}

TEST(RobustnessTest, LongArticleStaysLinear) {
  std::string s;
  for (int i = 0; i < 3000; ++i) {
    s += "Syrian Foreign Minister Ali Hassan met Azerbaijani President Farid Mammadov in "
         "Damascus, and he said the embassy would reopen. ";
  }
  actors_test::Analyzed a;
  actors_test::Analyze(s, &a);
  CheckInvariants(a, "long article");
  // two people, "Damascus", "he", "the embassy" per sentence
  EXPECT_EQ(a.mentions.size(), 3000u * 5);
}

}  // namespace
}  // namespace dyad
