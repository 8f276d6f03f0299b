#include "text/tokenizer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace dyad {
namespace {

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

// "text|norm" pairs of every token.
std::vector<std::string> Tokens(std::string_view text) {
  Document doc;
  Analyzer().Analyze(text, &doc);
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.push_back(std::string(doc.TokenText(t)) + "|" + t.norm);
  return out;
}

// Raw token texts only.
std::vector<std::string> Texts(std::string_view text) {
  Document doc;
  Analyzer().Analyze(text, &doc);
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.TokenText(t));
  return out;
}

using V = std::vector<std::string>;

void ExpectOffsetsValid(std::string_view text, const Document& doc) {
  uint32_t prev_end = 0;
  for (const Token& t : doc.tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_GE(t.begin, prev_end);
    // Only whitespace between tokens.
    for (uint32_t k = prev_end; k < t.begin; ++k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      ASSERT_TRUE(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c >= 0x80)
          << "byte " << k << " skipped";
    }
    EXPECT_EQ(doc.TokenText(t), text.substr(t.begin, t.end - t.begin));
    prev_end = t.end;
  }
}

TEST(Tokenizer, OffsetsMatchTheOriginalText) {
  std::string text =
      "Baku, SANA- Bilateral relations between Syria and Azerbaijan’s embassy (reopened "
      "on 12/3) cost $1,000.50 — “a lot”, didn’t they? Visit https://example.com/x?y=1. "
      "Mail info@mfa.gov.az now…\n\n  Türkiye\u00A0and al-Shaibani.";
  Document doc;
  Analyzer().Analyze(text, &doc);
  ASSERT_FALSE(doc.tokens.empty());
  ExpectOffsetsValid(text, doc);
  EXPECT_EQ(doc.text.data(), text.data());
}

TEST(Tokenizer, Words) {
  EXPECT_EQ(Texts("Syria and Azerbaijan"), (V{"Syria", "and", "Azerbaijan"}));
  EXPECT_EQ(Texts("Hello, world!"), (V{"Hello", ",", "world", "!"}));
}

TEST(Tokenizer, HyphenatedWordsAreOneToken) {
  Document doc;
  Analyzer().Analyze("al-Shaibani, Al-Shibani and post-conflict 33-year-old", &doc);
  ASSERT_EQ(doc.tokens.size(), 6u);
  EXPECT_EQ(doc.TokenText(doc.tokens[0]), "al-Shaibani");
  EXPECT_TRUE(doc.tokens[0].Has(kHyphenated));
  EXPECT_EQ(doc.TokenText(doc.tokens[2]), "Al-Shibani");
  EXPECT_EQ(doc.tokens[2].norm, "al-shibani");
  EXPECT_EQ(doc.TokenText(doc.tokens[4]), "post-conflict");
  EXPECT_EQ(doc.TokenText(doc.tokens[5]), "33-year-old");
  EXPECT_FALSE(doc.tokens[3].Has(kHyphenated));
  // A dash with spaces, or at a word end, is its own token.
  EXPECT_EQ(Texts("SANA- Bilateral"), (V{"SANA", "-", "Bilateral"}));
  EXPECT_EQ(Texts("war -- again"), (V{"war", "--", "again"}));
}

TEST(Tokenizer, Possessives) {
  EXPECT_EQ(Tokens("Azerbaijan’s embassy"),
            (V{"Azerbaijan|azerbaijan", "’s|'s", "embassy|embassy"}));
  EXPECT_EQ(Tokens("Syria's"), (V{"Syria|syria", "'s|'s"}));
  EXPECT_EQ(Tokens("the countries' talks"),
            (V{"the|the", "countries|countries", "'|'", "talks|talks"}));
  EXPECT_EQ(Texts("Azerbaijanʼs"), (V{"Azerbaijan", "ʼs"}));
  // Pre-tokenized text keeps the clitic separate too.
  EXPECT_EQ(Tokens("her family 's privacy"),
            (V{"her|her", "family|family", "'s|'s", "privacy|privacy"}));
}

TEST(Tokenizer, Contractions) {
  EXPECT_EQ(Tokens("didn't"), (V{"did|did", "n't|not"}));
  EXPECT_EQ(Tokens("didn’t"), (V{"did|did", "n’t|not"}));
  EXPECT_EQ(Tokens("can't won't"), (V{"ca|ca", "n't|not", "wo|wo", "n't|not"}));
  EXPECT_EQ(Tokens("wo n't"), (V{"wo|wo", "n't|not"}));
  EXPECT_EQ(Texts("they're we've I'll she'd I'm"),
            (V{"they", "'re", "we", "'ve", "I", "'ll", "she", "'d", "I", "'m"}));
  EXPECT_EQ(Texts("O'Brien d’affaires rock'n'roll"), (V{"O'Brien", "d’affaires", "rock'n'roll"}));
}

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(Texts("1,000 orphans, 5.93 mln, 155,221 bags and 12%"),
            (V{"1,000", "orphans", ",", "5.93", "mln", ",", "155,221", "bags", "and", "12",
               "%"}));
  EXPECT_EQ(Texts("in 1992."), (V{"in", "1992", "."}));
  EXPECT_EQ(Texts("1,2 and 3,4567"), (V{"1", ",", "2", "and", "3", ",", "4567"}));
  EXPECT_EQ(Texts("$40 billion"), (V{"$", "40", "billion"}));
}

TEST(Tokenizer, Abbreviations) {
  EXPECT_EQ(Texts("U.S. and U.N. and U.S.A. envoys"),
            (V{"U.S.", "and", "U.N.", "and", "U.S.A.", "envoys"}));
  EXPECT_EQ(Texts("Dr. Smith, Gen. Ali, Lt. Col. Hassan"),
            (V{"Dr.", "Smith", ",", "Gen.", "Ali", ",", "Lt.", "Col.", "Hassan"}));
  EXPECT_EQ(Texts("George W. Bush"), (V{"George", "W.", "Bush"}));
  EXPECT_EQ(Texts("e.g. i.e. etc. vs."), (V{"e.g.", "i.e.", "etc.", "vs."}));
  EXPECT_EQ(Texts("No. 3 but no. and No."), (V{"No.", "3", "but", "no", ".", "and", "No", "."}));
  // A sentence-final word keeps its period separate.
  EXPECT_EQ(Texts("He was ill. Then"), (V{"He", "was", "ill", ".", "Then"}));
  EXPECT_EQ(Texts("CHICAGO, Ill. --"), (V{"CHICAGO", ",", "Ill.", "--"}));
  EXPECT_EQ(Texts("said..."), (V{"said", "..."}));
}

TEST(Tokenizer, Punctuation) {
  EXPECT_EQ(Texts("(a) [b] {c}; d: e/f"),
            (V{"(", "a", ")", "[", "b", "]", "{", "c", "}", ";", "d", ":", "e", "/", "f"}));
  EXPECT_EQ(Texts("What?! Yes... No!!"), (V{"What", "?!", "Yes", "...", "No", "!!"}));
  EXPECT_EQ(Tokens("``Go,'' he said"), (V{"``|\"", "Go|go", ",|,", "''|\"", "he|he", "said|said"}));
  EXPECT_EQ(Tokens("“Go” – now — then…"),
            (V{"“|\"", "Go|go", "”|\"", "–|-", "now|now", "—|-", "then|then", "…|..."}));
}

TEST(Tokenizer, UrlsAndEmails) {
  EXPECT_EQ(Texts("See https://sana.sy/en/?p=123, or www.azernews.az. Mail press@mfa.gov.az."),
            (V{"See", "https://sana.sy/en/?p=123", ",", "or", "www.azernews.az", ".", "Mail",
               "press@mfa.gov.az", "."}));
  EXPECT_EQ(Texts("(http://example.com/a_(b))"), (V{"(", "http://example.com/a_(b)", ")"}));
  EXPECT_EQ(Texts("reuters.com reported"), (V{"reuters.com", "reported"}));
  EXPECT_EQ(Texts("john.smith@example.org"), (V{"john.smith@example.org"}));
}

TEST(Tokenizer, Flags) {
  Document doc;
  Analyzer().Analyze("The IDP camp in Aleppo got aid from UNHCR and al-Shaibani.", &doc);
  const auto& t = doc.tokens;
  EXPECT_TRUE(t[0].Has(kCapitalized));
  EXPECT_TRUE(t[0].Has(kSentenceStart));
  EXPECT_FALSE(t[0].Has(kAllCaps));
  EXPECT_TRUE(t[1].Has(kAllCaps));
  EXPECT_TRUE(t[1].Has(kCapitalized));
  EXPECT_FALSE(t[2].Has(kCapitalized));
  EXPECT_FALSE(t[1].Has(kSentenceStart));
  EXPECT_TRUE(t[4].Has(kCapitalized));
  EXPECT_TRUE(t[10].Has(kHyphenated));
  EXPECT_FALSE(t[10].Has(kCapitalized));
  Document one;
  Analyzer().Analyze("A I", &one);
  EXPECT_FALSE(one.tokens[0].Has(kAllCaps));  // one letter is not "all caps"
}

TEST(Tokenizer, UnicodeNormalisation) {
  // Decomposed e + combining acute becomes NFC é; case folded; diacritics kept.
  EXPECT_EQ(Tokens("Charge\xCC\x81 TÜRKİYE"), (V{"Charge\xCC\x81|chargé", "TÜRKİYE|türki̇ye"}));
  // Non-breaking and other Unicode spaces separate tokens.
  EXPECT_EQ(Texts("a\u00A0b\u2009c\u3000d"), (V{"a", "b", "c", "d"}));
  EXPECT_EQ(Texts("Москва и Дамаск"), (V{"Москва", "и", "Дамаск"}));
  EXPECT_EQ(Tokens("Москва"), (V{"Москва|москва"}));
}

TEST(Tokenizer, InvalidUtf8BecomesSymbols) {
  std::string text = "ab\xFF\xFE cd \xC3 ef \xE2\x80 gh\x80";
  Document doc;
  Analyzer().Analyze(text, &doc);
  ExpectOffsetsValid(text, doc);
  size_t symbols = 0;
  for (const Token& t : doc.tokens) {
    if (t.tag == Tag::kSymbol) {
      ++symbols;
      EXPECT_EQ(t.end - t.begin, 1u);
      EXPECT_EQ(t.norm, "\xEF\xBF\xBD");
    }
  }
  EXPECT_EQ(symbols, 6u);
  EXPECT_EQ(doc.TokenText(doc.tokens[0]), "ab");
}

TEST(Tokenizer, ControlCharactersAndNul) {
  std::string text("a\0b\x01 c", 6);
  Document doc;
  Analyzer().Analyze(text, &doc);
  ExpectOffsetsValid(text, doc);
  EXPECT_EQ(Texts(text), (V{"a", std::string(1, '\0'), "b", "\x01", "c"}));
}

TEST(Tokenizer, EmptyText) {
  Document doc;
  doc.tokens.resize(3);
  doc.sentences.resize(2);
  Analyzer().Analyze("", &doc);
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.sentences.empty());
}

TEST(Tokenizer, DirectUse) {
  std::string_view text = "He met U.S. envoys.";
  Tokenizer tokenizer(text, Lexicon::Default());
  RawToken t;
  std::vector<TokenKind> kinds;
  while (tokenizer.Next(&t)) kinds.push_back(t.kind);
  EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::kWord, TokenKind::kWord,
                                           TokenKind::kAbbrev, TokenKind::kWord,
                                           TokenKind::kPunct}));
}

}  // namespace
}  // namespace dyad
