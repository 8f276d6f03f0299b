#include "actors/name_similarity.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(NameSimilarityTest, WordKeysFoldTransliterations) {
  EXPECT_EQ(NameWordKey("Shaibani"), "$IbAnI");
  EXPECT_EQ(NameWordKey("Shibani"), "$IbAnI");
  EXPECT_EQ(NameWordKey("Chaibani"), "$IbAnI");
  EXPECT_EQ(NameWordKey("Asaad"), "AsAd");
  EXPECT_EQ(NameWordKey("Assad"), "AsAd");
  EXPECT_EQ(NameWordKey("As'ad"), "AsAd");
  EXPECT_EQ(NameWordKey("As\xE2\x80\x99" "ad"), "AsAd");  // curly apostrophe
  EXPECT_EQ(NameWordKey("Aliyev"), NameWordKey("Aliev"));
  EXPECT_EQ(NameWordKey("Rafiyev"), NameWordKey("Rafiev"));
  EXPECT_EQ(NameWordKey("Yalchin"), "yAl$In");
  EXPECT_EQ(NameWordKey("Türkoğlu"), NameWordKey("Turkoglu"));
  EXPECT_EQ(NameWordKey("Khalilzadeh"), NameWordKey("Khalilzade"));
  EXPECT_EQ(NameWordKey("al"), "");  // a particle
  EXPECT_EQ(NameWordKey("--"), "");
  EXPECT_EQ(NameWordFrame("$IbAnI"), "$*b*n*");
}

TEST(NameSimilarityTest, SpellingVariantsOfOneWordMatch) {
  for (auto [a, b] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Asaad", "Assad"}, {"Asaad", "As'ad"}, {"Shaibani", "Chaibani"},
           {"Aliyev", "Aliev"}, {"Rafiyev", "Rafiev"}, {"Ahmad", "Ahmed"},
           {"Mohammed", "Muhammad"}, {"Mohamed", "Mohammad"}, {"Hussein", "Husain"},
           {"Hussein", "Hossein"}, {"Youssef", "Yousef"}, {"Said", "Saeed"},
           {"Zhaparov", "Japarov"}, {"Kassym-Zhomart", "Kassym-Jomart"}, {"Dzhabarov", "Jabarov"}}) {
    EXPECT_TRUE(NameWordKeysMatch(NameWordKey(a), NameWordKey(b))) << a << " / " << b;
  }
}

TEST(NameSimilarityTest, DifferentNamesStayApart) {
  for (auto [a, b] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Hassan", "Hussein"}, {"Mohammed", "Mahmoud"}, {"Rashid", "Rashad"},
           {"Ali", "Ala"}, {"Aliyev", "Aliyeva"}, {"Reagan", "Regan"}, {"Shaibani", "Shibli"}, {"Omar", "Amar"}}) {
    EXPECT_FALSE(NameWordKeysMatch(NameWordKey(a), NameWordKey(b))) << a << " / " << b;
  }
}

TEST(NameSimilarityTest, FullNames) {
  EXPECT_DOUBLE_EQ(NameSimilarity("Asaad al-Shaibani", "Asaad Al-Shibani"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("Asaad al-Shaibani", "As'ad al Chaibani"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("Asaad al-Shaibani", "Assad Hassan Al-Shibani"), 0.9);
  EXPECT_DOUBLE_EQ(NameSimilarity("Asaad Shaibani", "Assad Hassan Al-Shibani"), 0.9);
  EXPECT_DOUBLE_EQ(NameSimilarity("A. al-Shaibani", "Asaad al-Shaibani"), 0.8);
  EXPECT_DOUBLE_EQ(NameSimilarity("al-Shaibani", "Asaad al-Shaibani"), 0.6);
  EXPECT_DOUBLE_EQ(NameSimilarity("Al-Shibani", "al-Shaibani"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("Ilham Aliyev", "Ilham Aliev"), 1.0);
  EXPECT_DOUBLE_EQ(NameSimilarity("Yalchin Rafiyev", "Yalchin Rafiev"), 1.0);
  EXPECT_TRUE(NamesMatch("Mohammed bin Salman", "Muhammad Salman"));

  EXPECT_EQ(NameSimilarity("Ali Hassan", "Ali Hussein"), 0);
  EXPECT_EQ(NameSimilarity("Mohammed Ali", "Mahmoud Ali"), 0);
  EXPECT_EQ(NameSimilarity("Ilham Aliyev", "Heydar Aliyev"), 0);
  EXPECT_EQ(NameSimilarity("B. al-Shaibani", "Asaad al-Shaibani"), 0);
  // Both give a middle name and they differ: two people of one family.
  EXPECT_EQ(NameSimilarity("Asaad Hassan al-Shaibani", "Asaad Hussein al-Shaibani"), 0);
  EXPECT_EQ(NameSimilarity("", "Asaad al-Shaibani"), 0);
  EXPECT_EQ(NameSimilarity("al-", "al"), 0);
}

TEST(NameSimilarityTest, ParsedNameDropsParticles) {
  PersonNameKey k = ParsePersonName("Assad Hassan Al-Shibani");
  ASSERT_EQ(k.words.size(), 3u);
  EXPECT_EQ(k.family(), "$IbAnI");
  EXPECT_FALSE(k.given_is_initial);
  PersonNameKey i = ParsePersonName("A. el-Shaibani");
  ASSERT_EQ(i.words.size(), 2u);
  EXPECT_TRUE(i.given_is_initial);
  EXPECT_EQ(i.words[0], "a");
}

}  // namespace
}  // namespace dyad
