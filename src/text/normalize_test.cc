#include "text/normalize.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::string Norm(std::string_view s) {
  std::string out;
  NormalizeToken(s, &out);
  return out;
}

TEST(NormalizeToken, AsciiLowerCase) {
  EXPECT_EQ(Norm("Syria"), "syria");
  EXPECT_EQ(Norm("U.S."), "u.s.");
  EXPECT_EQ(Norm(""), "");
}

TEST(NormalizeToken, QuotesDashesSpaces) {
  EXPECT_EQ(Norm("Azerbaijan’s"), "azerbaijan's");
  EXPECT_EQ(Norm("‘x’"), "'x'");
  EXPECT_EQ(Norm("“x”"), "\"x\"");
  EXPECT_EQ(Norm("ʼs"), "'s");
  EXPECT_EQ(Norm("a–b—c‐d−e"), "a-b-c-d-e");
  EXPECT_EQ(Norm("a\u00A0b"), "a b");
  EXPECT_EQ(Norm("…"), "...");
}

TEST(NormalizeToken, NfcAndDiacriticsKept) {
  EXPECT_EQ(Norm("Türkiye"), "türkiye");
  EXPECT_EQ(Norm("Tu\xCC\x88rkiye"), "türkiye");  // decomposed input composes
  EXPECT_EQ(Norm("CHARGÉ"), "chargé");
  EXPECT_EQ(Norm("ΑΘΗΝΑ"), "αθηνα");
}

TEST(NormalizeToken, InvalidBytesBecomeReplacementCharacter) {
  EXPECT_EQ(Norm("a\xFF"), "a\xEF\xBF\xBD");
}

TEST(NormalizeToken, ReusesCapacity) {
  std::string out;
  out.reserve(64);
  const char* data = out.data();
  NormalizeToken("Counterterrorism", &out);
  EXPECT_EQ(out, "counterterrorism");
  EXPECT_EQ(out.data(), data);
}

TEST(FoldForMatching, StripsDiacritics) {
  EXPECT_EQ(FoldForMatching("Türkiye"), "turkiye");
  EXPECT_EQ(FoldForMatching("Łódź"), "lodz");
  EXPECT_EQ(FoldForMatching("İstanbul"), "istanbul");
  EXPECT_EQ(FoldForMatching("Diyarbakır"), "diyarbakir");
  EXPECT_EQ(FoldForMatching("Straße"), "strasse");
  EXPECT_EQ(FoldForMatching("Ærø"), "aero");
  EXPECT_EQ(FoldForMatching("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(FoldForMatching("São  Tomé\u00A0and Príncipe"), "sao tome and principe");
  EXPECT_EQ(FoldForMatching("Al-Shibani"), "al-shibani");
  EXPECT_EQ(FoldForMatching("Москва"), "москва");
  EXPECT_EQ(FoldForMatching(""), "");
  EXPECT_EQ(FoldForMatching("a\xFF"), "a\xEF\xBF\xBD");
}

}  // namespace
}  // namespace dyad
