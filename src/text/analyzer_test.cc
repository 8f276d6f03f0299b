#include "text/analyzer.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace dyad {
namespace {

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

TEST(Analyzer, ReusedDocumentIsClearedAndReused) {
  Document doc;
  Analyzer().Analyze("A long first text with many words in it. And a second sentence here.", &doc);
  size_t capacity = doc.tokens.capacity();
  Analyzer().Analyze("Short.", &doc);
  ASSERT_EQ(doc.tokens.size(), 2u);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.tokens[0].norm, "short");
  EXPECT_EQ(doc.tokens[0].flags & kSentenceStart, kSentenceStart);
  EXPECT_EQ(doc.tokens.capacity(), capacity);
  EXPECT_EQ(doc.text, "Short.");
}

TEST(Analyzer, NormAndCaseFlagsOfAsciiWordsOfEveryLength) {
  // Words of 1..24 letters in four spellings, in the middle and at the very end of the text
  // (the analyser reads short tokens eight bytes at a time where the text allows it).
  for (size_t len = 1; len <= 24; ++len) {
    std::string lower, title, caps, mixed;
    for (size_t i = 0; i < len; ++i) {
      char c = static_cast<char>('a' + (i * 7) % 26);
      lower += c;
      title += i == 0 ? static_cast<char>(c - 32) : c;
      caps += static_cast<char>(c - 32);
      mixed += i % 3 == 1 ? static_cast<char>(c - 32) : c;
    }
    for (bool at_end : {false, true}) {
      std::string text = "x " + lower + " " + title + " " + caps + " " + mixed + " 9" + lower;
      if (!at_end) text += " and more words after it.";
      Document doc;
      Analyzer().Analyze(text, &doc);
      ASSERT_GE(doc.tokens.size(), 6u) << text;
      for (size_t k = 1; k <= 5; ++k) {
        const Token& t = doc.tokens[k];
        std::string expect = k == 5 ? "9" + lower : lower;
        EXPECT_EQ(t.norm, expect) << text;
        // Title and capitals start upper case; only capitals of two letters or more are
        // all-caps; the mixed spelling starts lower case.
        EXPECT_EQ(t.Has(kCapitalized), k == 2 || k == 3) << text << " token " << k;
        EXPECT_EQ(t.Has(kAllCaps), k == 3 && len >= 2) << text << " token " << k;
      }
    }
  }
}

TEST(Analyzer, FirstLetterAfterEightDigits) {
  Document doc;
  Analyzer().Analyze("On 12345678Abc and 12345678abC we wait.", &doc);
  ASSERT_GE(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[1].norm, "12345678abc");
  EXPECT_TRUE(doc.tokens[1].Has(kCapitalized));
  EXPECT_FALSE(doc.tokens[1].Has(kAllCaps));
  EXPECT_FALSE(doc.tokens[3].Has(kCapitalized));
}

TEST(Analyzer, TenMegabyteLineWithoutNewline) {
  std::string text;
  text.reserve(10 << 20);
  const std::string chunk =
      "the minister visited Damascus and met officials, 1,000 aid trucks arrived ";
  while (text.size() + chunk.size() < (10u << 20)) text += chunk;
  Document doc;
  auto start = std::chrono::steady_clock::now();
  Analyzer().Analyze(text, &doc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  EXPECT_GT(doc.tokens.size(), 1000000u);
  EXPECT_GT(doc.sentences.size(), 1000u);  // cut into bounded sentences
  EXPECT_EQ(doc.sentences.back().end_token, doc.tokens.size());
  uint32_t prev = 0;
  for (const Token& t : doc.tokens) {
    ASSERT_GE(t.begin, prev);
    ASSERT_LE(t.end, text.size());
    prev = t.end;
  }
}

TEST(Analyzer, TenMegabytesOfOneWordAndOfPunctuation) {
  std::string word(10 << 20, 'a');
  Document doc;
  Analyzer().Analyze(word, &doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.tokens[0].end, word.size());
  std::string dots(1 << 20, '.');
  Analyzer().Analyze(dots, &doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  std::string commas(1 << 20, ',');
  Analyzer().Analyze(commas, &doc);
  EXPECT_EQ(doc.tokens.size(), commas.size());
  std::string newlines(1 << 20, '\n');
  Analyzer().Analyze(newlines, &doc);
  EXPECT_TRUE(doc.tokens.empty());
  std::string lines;
  for (int i = 0; i < 100000; ++i) lines += "Word\n";
  Analyzer().Analyze(lines, &doc);
  EXPECT_EQ(doc.tokens.size(), 100000u);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Analyzer, SeedArticles) {
  std::string dir = std::string(DYAD_SHARED_DIR) + "/seeds/";
  std::string a = ReadFile(dir + "000_e5f9cd44ed472406.txt");
  std::string b = ReadFile(dir + "004_3b28a4ce30bb7c8f.txt");
  if (a.empty() || b.empty()) GTEST_SKIP() << "shared seeds not found under " << dir;
  Document doc;
  Analyzer().Analyze(a, &doc);
  EXPECT_GE(doc.sentences.size(), 9u);
  bool met = false, reopening = false;
  for (const Token& t : doc.tokens) {
    if (doc.TokenText(t) == "met") met = t.tag == Tag::kVerb && t.lemma == "meet";
    if (doc.TokenText(t) == "reopening") reopening = t.lemma == "reopen";
    if (doc.TokenText(t) == "Azerbaijan’s") ADD_FAILURE() << "possessive not split";
  }
  EXPECT_TRUE(met);
  EXPECT_TRUE(reopening);
  Analyzer().Analyze(b, &doc);
  bool visited = false;
  for (const Token& t : doc.tokens)
    if (doc.TokenText(t) == "visited") visited = t.tag == Tag::kVerb && t.lemma == "visit";
  EXPECT_TRUE(visited);
}

}  // namespace
}  // namespace dyad
