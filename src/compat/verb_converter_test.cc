#include "compat/verb_converter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace dyad {
namespace {

struct Collected {
  std::vector<Diagnostic> all;
  DiagnosticSink sink() {
    return [this](const Diagnostic& d) { all.push_back(d); };
  }
};

bool Has(const std::vector<std::string>& v, std::string_view w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

// The converted patterns whose text starts with prefix.
std::vector<const Pattern*> WithText(const Dictionary& d, std::string_view prefix) {
  std::vector<const Pattern*> out;
  for (uint32_t i = 0; i < d.size(); ++i)
    if (d.pattern(i).text.compare(0, prefix.size(), prefix) == 0) out.push_back(&d.pattern(i));
  return out;
}

TEST(StemExpanderTest, ExpandsOverFormsBeginningWithTheStem) {
  StemExpander e({"restore", "restoration", "leave", "left", "leaving", "rest"});
  std::vector<std::string> out;
  EXPECT_EQ(e.Expand("restor", 10, &out), 2u);
  EXPECT_TRUE(Has(out, "restore"));
  EXPECT_TRUE(Has(out, "restoration"));
  out.clear();
  e.Expand("leave", 10, &out);
  EXPECT_EQ(out, std::vector<std::string>{"leave"});

  std::vector<std::string> f;
  StemExpander::Inflect("stop", &f);
  EXPECT_TRUE(Has(f, "stopped"));
  EXPECT_TRUE(Has(f, "stops"));
  f.clear();
  StemExpander::Inflect("carry", &f);
  EXPECT_TRUE(Has(f, "carried"));
  EXPECT_TRUE(Has(f, "carries"));
  // The built-in lexicon knows the inflections of its words.
  out.clear();
  StemExpander::Default().Expand("restor", 100, &out);
  EXPECT_TRUE(Has(out, "restored"));
  EXPECT_TRUE(Has(out, "restoring"));
}

TEST(ConvertedVerbsTest, TabariPatternsBecomeVerbAnchoredDyadPatterns) {
  const char* text =
      "<SYNSETS>\n&GOODS\n+WIDGETS\n+SPARE_PARTS\n</SYNSETS>\n"
      "SHIP_  [071]\n"
      "- * &GOODS_TO +  [072]\n"
      "- SAID * CARGO  [073:074]\n"
      "- NOT_* [---]\n"
      "- + WAS * BY $  [075]\n"
      "- % * TOGETHER [076]\n"
      "- * FOOTBALL [###]\n"
      "PONDER  [---]\n"
      "- * DEEPLY  [:077]\n";
  VerbDictionary verbs;
  Collected c;
  verbs.ReadTabari(text, "t.verbs", c.sink());
  ConvertedVerbs conv(ClassicDialect::kTabari);
  size_t n = conv.Convert(verbs, c.sink());
  EXPECT_TRUE(c.all.empty());
  const Dictionary& d = conv.dictionary();
  EXPECT_EQ(n, d.size());

  // The verb's default: the regular forms, exact, anchored.
  auto root = WithText(d, "071 SHIP_");
  ASSERT_EQ(root.size(), 1u);
  const Pattern& r = *root[0];
  EXPECT_EQ(r.elements.size(), 1u);
  EXPECT_EQ(r.elements[r.anchor].kind, PatternElement::kExact);
  EXPECT_TRUE(Has(r.elements[r.anchor].words, "shipped") || Has(r.elements[r.anchor].words, "shiped"));
  EXPECT_EQ(r.code, ConvertedVerbs::kPlaceholderCode);
  ASSERT_NE(conv.CodesOf(r.text), nullptr);
  EXPECT_EQ(conv.CodesOf(r.text)->forward, "071");

  // "SAID * CARGO": the anchor is the verb, "said" before it across a gap, a gap after.
  auto said = WithText(d, "073:074");
  ASSERT_EQ(said.size(), 1u);
  const Pattern& p = *said[0];
  ASSERT_EQ(p.elements.size(), 5u);
  EXPECT_EQ(p.anchor, 2u);
  EXPECT_TRUE(Has(p.elements[0].words, "said"));
  EXPECT_EQ(p.elements[1].kind, PatternElement::kGap);
  EXPECT_EQ(p.elements[3].kind, PatternElement::kGap);
  EXPECT_TRUE(Has(p.elements[4].words, "cargoes") || Has(p.elements[4].words, "cargos"));  // a stem
  EXPECT_GT(p.specificity, r.specificity);
  EXPECT_EQ(conv.CodesOf(p.text)->forward, "073");
  EXPECT_EQ(conv.CodesOf(p.text)->reverse, "074");

  // A synonym set of one- and two-word members: two dyad patterns.
  EXPECT_EQ(WithText(d, "072").size(), 2u);
  // Null code: DISCARD; "###": DISCARD-SENTENCE over the words only.
  auto null = WithText(d, "--- SHIP_: NOT_*");
  ASSERT_EQ(null.size(), 1u);
  EXPECT_EQ(null[0]->action, Pattern::kDiscard);
  auto football = WithText(d, "### ");
  ASSERT_EQ(football.size(), 1u);
  EXPECT_EQ(football[0]->action, Pattern::kDiscardSentence);
  EXPECT_EQ(football[0]->elements.size(), 2u);
  // Roles written by the pattern; '%' makes it symmetric.
  auto passive = WithText(d, "075");
  ASSERT_EQ(passive.size(), 1u);
  EXPECT_EQ(passive[0]->elements.front().kind, PatternElement::kTarget);
  EXPECT_EQ(passive[0]->elements.back().kind, PatternElement::kSource);
  auto together = WithText(d, "076");
  ASSERT_EQ(together.size(), 1u);
  EXPECT_TRUE(together[0]->symmetric);
  // A null verb codes nothing by itself; ":077" codes only the reversed dyad.
  EXPECT_TRUE(WithText(d, "--- PONDER").empty());
  auto deeply = WithText(d, ":077");
  ASSERT_EQ(deeply.size(), 1u);
  EXPECT_EQ(conv.CodesOf(deeply[0]->text)->forward, "");
  EXPECT_EQ(conv.CodesOf(deeply[0]->text)->reverse, "077");
  // The anchor index finds the patterns by any form of the verb.
  ASSERT_NE(d.Anchored("ships"), nullptr);
  EXPECT_EQ(d.Anchored("shipment"), nullptr);  // SHIP_ is not a stem
}

TEST(ConvertedVerbsTest, PetrarchVerbsMatchLemmasAndMustBeVerbs) {
  const char* text =
      "--- SEND [070] ---\n"
      "SEND {SENDS SENT SENDING}\n"
      "+HAND_OVER [071]\n"
      "- * AID (TO +) [073]\n";
  VerbDictionary verbs;
  Collected c;
  verbs.ReadPetrarch(text, "p.txt", c.sink());
  ConvertedVerbs conv(ClassicDialect::kPetrarch);
  conv.Convert(verbs, c.sink());
  EXPECT_TRUE(c.all.empty());
  const Dictionary& d = conv.dictionary();
  auto aid = WithText(d, "073");
  ASSERT_EQ(aid.size(), 2u);  // the one-word verbs together, and HAND_OVER
  for (const Pattern* p : aid) {
    EXPECT_TRUE(p->verb_only);
    EXPECT_EQ(p->elements[p->anchor].kind, PatternElement::kWord);
  }
  EXPECT_TRUE(Has(aid[0]->elements[aid[0]->anchor].words, "sent"));
  auto hand = WithText(d, "071");
  ASSERT_EQ(hand.size(), 1u);
  ASSERT_EQ(hand[0]->elements.size(), 2u);
  EXPECT_EQ(hand[0]->elements[1].words, std::vector<std::string>{"over"});
}

// TABARI's CAMEO master verbs (720 KB) must load in well under a second.
TEST(ConvertedVerbsTest, MasterVerbsLoad) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/data/tabari/CAMEO.091003.master.verbs", std::ios::binary);
  if (!in) GTEST_SKIP() << "shared data not found: " << DYAD_SHARED_DIR << "/data/tabari/CAMEO.091003.master.verbs";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  StemExpander::Default();  // the lexicon's forms are built once per process
  auto t0 = std::chrono::steady_clock::now();
  VerbDictionary verbs;
  size_t problems = 0;
  verbs.ReadTabari(text, "CAMEO.091003.master.verbs", [&](const Diagnostic&) { ++problems; });
  auto t1 = std::chrono::steady_clock::now();
  ConvertedVerbs conv(ClassicDialect::kTabari);
  size_t n = conv.Convert(verbs, [&](const Diagnostic&) { ++problems; });
  auto t2 = std::chrono::steady_clock::now();
  double read_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  double convert_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
  std::cout << "CAMEO master verbs: " << text.size() / 1024 << " KB read in " << read_ms << " ms, " << n
            << " dyad patterns converted in " << convert_ms << " ms (" << problems << " problems)\n";
  EXPECT_GT(n, 15000u);  // the time is printed, not asserted: speed belongs to bench/
}

}  // namespace
}  // namespace dyad
