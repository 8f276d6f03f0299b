#include "actors/phrase_table.h"

#include <gtest/gtest.h>

#include <string>

#include "text/document.h"

namespace dyad {
namespace {

// A document built by hand: tokens given as (text, glued-to-previous) pairs, so that the
// table can be tested against tokenizations other than the text stage's.
struct Built {
  std::string text;
  Document doc;
  void Add(const std::string& word, bool glued = false) {
    if (!text.empty() && !glued) text += ' ';
    Token t;
    t.begin = static_cast<uint32_t>(text.size());
    text += word;
    t.end = static_cast<uint32_t>(text.size());
    t.norm = NormalizePhrase(word);
    t.lemma = t.norm;
    doc.tokens.push_back(t);
  }
  void Done() { doc.text = text; }
};

TEST(PhraseTableTest, NormalizePhrase) {
  EXPECT_EQ(NormalizePhrase("Türkiye"), "türkiye");
  EXPECT_EQ(NormalizePhrase("Chargé d\u2019Affaires"), "chargé d'affaires");
  EXPECT_EQ(NormalizePhrase("U.S."), "u.s.");
}

TEST(PhraseTableTest, GluedTokensMatchOneWord) {
  PhraseTable t;
  PhraseTable::Options o;
  ASSERT_TRUE(t.Add("U.S.", 7, o));
  for (int variant = 0; variant < 2; ++variant) {
    Built b;
    if (variant == 0) {
      b.Add("U.S.");
    } else {  // a tokenizer that splits at every dot
      b.Add("U");
      b.Add(".", true);
      b.Add("S", true);
      b.Add(".", true);
    }
    b.Add("said");
    b.Done();
    PhraseTable::Match m;
    ASSERT_TRUE(t.LongestAt(b.doc, 0, static_cast<uint32_t>(b.doc.tokens.size()), &m)) << variant;
    EXPECT_EQ(m.value, 7u);
    EXPECT_EQ(m.end, variant == 0 ? 1u : 4u);
  }
  // Not glued: "U . S ." with spaces is not "U.S.".
  Built spaced;
  spaced.Add("U");
  spaced.Add(".");
  spaced.Add("S");
  spaced.Add(".");
  spaced.Done();
  PhraseTable::Match m;
  EXPECT_FALSE(t.LongestAt(spaced.doc, 0, 4, &m));
}

TEST(PhraseTableTest, LongestWinsAndTiesGoToTheFirst) {
  PhraseTable t;
  PhraseTable::Options o;
  t.Add("foreign minister", 1, o);
  t.Add("foreign", 2, o);
  t.Add("Foreign Minister", 3, o);  // same words, added later
  Built b;
  b.Add("Foreign");
  b.Add("Minister");
  b.Add("Ali");
  b.Done();
  PhraseTable::Match m;
  ASSERT_TRUE(t.LongestAt(b.doc, 0, 3, &m));
  EXPECT_EQ(m.value, 1u);
  EXPECT_EQ(m.end, 2u);
  // The limit cuts the longer phrase off.
  ASSERT_TRUE(t.LongestAt(b.doc, 0, 1, &m));
  EXPECT_EQ(m.value, 2u);
  // accept() may reject a candidate.
  ASSERT_TRUE(t.LongestAt(b.doc, 0, 3, [](uint32_t v) { return v == 2; }, &m));
  EXPECT_EQ(m.value, 2u);
}

TEST(PhraseTableTest, PluralsAndCase) {
  PhraseTable t;
  PhraseTable::Options plural;
  plural.allow_plural = true;
  t.Add("embassy", 1, plural);
  PhraseTable::Options proper;
  proper.needs_capital = true;
  t.Add("Chad", 2, proper);
  t.Add("UN", 3, PhraseTable::Options());  // case-sensitive by its spelling
  Built b;
  b.Add("embassies");
  b.Add("chad");
  b.Add("Chad");
  b.Add("un");
  b.Add("UN");
  b.Done();
  PhraseTable::Match m;
  ASSERT_TRUE(t.LongestAt(b.doc, 0, 5, &m));
  EXPECT_EQ(m.value, 1u);
  EXPECT_FALSE(t.LongestAt(b.doc, 1, 5, &m));
  ASSERT_TRUE(t.LongestAt(b.doc, 2, 5, &m));
  EXPECT_EQ(m.value, 2u);
  EXPECT_FALSE(t.LongestAt(b.doc, 3, 5, &m));
  ASSERT_TRUE(t.LongestAt(b.doc, 4, 5, &m));
  EXPECT_EQ(m.value, 3u);
  EXPECT_FALSE(t.Add("", 9, plural));
  EXPECT_FALSE(t.Add("   ", 9, plural));
}

TEST(PhraseTableTest, WordKeysAgreeWithMayStartAt) {
  // MayStart(WordKeys(norm), WordKeys(lemma), lemma == norm), which callers memoise per
  // word, must say what MayStartAt says, with and without phrases that allow plurals.
  for (bool plurals : {false, true}) {
    PhraseTable t;
    PhraseTable::Options o;
    o.allow_plural = plurals;
    t.Add("embassy", 1, o);
    t.Add("rebel", 2, o);
    t.Add("church", 3, o);
    t.Add("foreign minister", 4, o);
    t.Add("U.S.", 5, PhraseTable::Options());
    Built b;
    for (const char* w : {"embassies", "embassy", "rebels", "churches", "foreign", "ministers",
                          "u", "u.s.", "visit", "s", "es", "ies", "xies", "is", "embassies"})
      b.Add(w);
    b.Done();
    b.doc.tokens[5].lemma = "minister";  // a lemma differing from the norm
    b.doc.tokens.back().lemma = "embassy";
    for (uint32_t i = 0; i < b.doc.tokens.size(); ++i) {
      const Token& tok = b.doc.tokens[i];
      bool split = t.MayStart(t.WordKeys(tok.norm), t.WordKeys(tok.lemma), tok.lemma == tok.norm);
      EXPECT_EQ(split, t.MayStartAt(b.doc, i)) << tok.norm << " plurals=" << plurals;
    }
  }
}

}  // namespace
}  // namespace dyad
