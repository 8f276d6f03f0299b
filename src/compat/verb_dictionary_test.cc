#include "compat/verb_dictionary.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace dyad {
namespace {

std::string ReadShared(const std::string& rel) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/" + rel, std::ios::binary);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Collected {
  std::vector<Diagnostic> all;
  DiagnosticSink sink() {
    return [this](const Diagnostic& d) { all.push_back(d); };
  }
};

const ClassicPattern* FindPattern(const VerbGroup& g, std::string_view code) {
  for (const ClassicPattern& p : g.patterns)
    if (p.code == code) return &p;
  return nullptr;
}

TEST(VerbDictionaryTest, TabariRootsFormsPatternsAndSynsets) {
  const char* text =
      "<SYNSETS>\n&GOODS\n+WIDGETS\n+SPARE_PARTS\n</SYNSETS>\n"
      "<TIME>\nNEXT_YEAR [+365]\n</TIME>\n"
      "SHIP_ [071] ;a comment\n"
      "- * &GOODS_TO +  [072]\n"
      "- $ * { FRESH | VERY_OLD } CARGO  [073:074]\n"
      "- NOT_* [---]\n"
      "WHISPL  [---]\n"
      "{ WHISPLED_ WHISPLING_AWAY_ }\n"
      "- % * ^ ABOUT [###]\n"
      "- * BAD{ [010]\n"
      "- NO STAR HERE [010]\n"
      "- * MISSING CODE\n"
      "~~FINISH\n";
  VerbDictionary d;
  Collected c;
  d.ReadTabari(text, "t.verbs", c.sink());
  ASSERT_EQ(d.groups().size(), 2u);
  const VerbGroup& ship = d.groups()[0];
  EXPECT_EQ(ship.code, "071");
  ASSERT_EQ(ship.verbs.size(), 1u);
  // SHIP_: the regular forms, exact.
  std::vector<std::string> forms;
  for (const PhraseWord& f : ship.verbs[0].forms) forms.push_back(f.text);
  EXPECT_EQ(forms, (std::vector<std::string>{"ship", "ships", "shipes", "shiped", "shipen", "shiping"}));
  ASSERT_EQ(ship.patterns.size(), 3u);
  const ClassicPattern* p = FindPattern(ship, "072");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->tokens.size(), 4u);
  EXPECT_EQ(p->tokens[0].kind, PatternToken::kVerb);
  EXPECT_EQ(p->tokens[1].kind, PatternToken::kChoice);
  ASSERT_EQ(p->tokens[1].choices.size(), 2u);
  EXPECT_EQ(p->tokens[1].choices[1].size(), 2u);  // SPARE_PARTS
  EXPECT_TRUE(p->tokens[1].choices[1][1].joined);
  EXPECT_EQ(p->tokens[2].word.text, "to");
  EXPECT_TRUE(p->tokens[2].joined);
  EXPECT_EQ(p->tokens[3].kind, PatternToken::kTarget);
  EXPECT_EQ(p->origin, "t.verbs:10");
  const ClassicPattern* q = FindPattern(ship, "073:074");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->tokens[0].kind, PatternToken::kSource);
  EXPECT_EQ(q->tokens[2].kind, PatternToken::kChoice);
  EXPECT_EQ(q->tokens[3].word.text, "cargo");
  EXPECT_EQ(q->tokens[3].word.match, WordMatch::kStem);
  const ClassicPattern* n = FindPattern(ship, "---");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->tokens[0].word.match, WordMatch::kExact);  // NOT_ binds to the verb
  EXPECT_TRUE(n->tokens[1].joined);

  const VerbGroup& wh = d.groups()[1];
  ASSERT_EQ(wh.verbs.size(), 2u);  // WHISPLING_AWAY is a verb of its own
  EXPECT_EQ(wh.verbs[0].forms[0].match, WordMatch::kStem);
  EXPECT_EQ(wh.verbs[0].forms[1].text, "whispled");
  EXPECT_EQ(wh.verbs[1].phrase.size(), 2u);
  ASSERT_EQ(wh.patterns.size(), 1u);
  EXPECT_EQ(wh.patterns[0].tokens[0].kind, PatternToken::kCompound);
  EXPECT_EQ(wh.patterns[0].tokens[2].kind, PatternToken::kSkip);

  // Malformed patterns are reported with their line and skipped.
  std::vector<std::string> where;
  for (const Diagnostic& diag : c.all) where.push_back(diag.where);
  EXPECT_EQ(where, (std::vector<std::string>{"t.verbs:18", "t.verbs:16", "t.verbs:17"}));
}

TEST(VerbDictionaryTest, PetrarchBlocksMultiWordVerbsAndGroups) {
  const char* text =
      "&GOODS_\n+WIDGETS\n+SPARE PARTS\n\n"
      "---  SHIP   [070]  ---\n"
      "SHIP\n"
      "FERRY {FERRIES FERRIED FERRYING}  # a comment\n"
      "+SEND_OFF {+SENDS_OFF +SENT_OFF} [071]\n"
      "AIR_+LIFT\n"
      "- * &GOODS (TO +)  [072]\n"
      "- * {BIG CARGO}  [:073]\n"
      "\n"
      "STRAY LINE\n"
      "~ a (a b X) SAY = a b 015\n";
  VerbDictionary d;
  Collected c;
  d.ReadPetrarch(text, "p.txt", c.sink());
  ASSERT_EQ(d.groups().size(), 1u);
  const VerbGroup& g = d.groups()[0];
  EXPECT_EQ(g.code, "070");
  ASSERT_EQ(g.verbs.size(), 4u);
  std::vector<std::string> ship;
  for (const PhraseWord& f : g.verbs[0].forms) ship.push_back(f.text);
  EXPECT_EQ(ship, (std::vector<std::string>{"ship", "ships", "shiped", "shiping"}));
  EXPECT_EQ(g.verbs[1].forms.size(), 4u);  // ferry + the three listed
  EXPECT_EQ(g.verbs[2].code, "071");
  ASSERT_EQ(g.verbs[2].phrase.size(), 2u);
  EXPECT_EQ(g.verbs[2].phrase[0].kind, PatternToken::kVerb);
  EXPECT_EQ(g.verbs[2].phrase[1].word.text, "off");
  EXPECT_EQ(g.verbs[2].forms.back().text, "sent");
  ASSERT_EQ(g.verbs[3].phrase.size(), 2u);
  EXPECT_EQ(g.verbs[3].phrase[1].kind, PatternToken::kVerb);  // AIR_+LIFT: LIFT is the verb
  ASSERT_EQ(g.patterns.size(), 2u);
  const ClassicPattern& p = g.patterns[0];
  ASSERT_EQ(p.tokens.size(), 4u);
  EXPECT_EQ(p.tokens[1].kind, PatternToken::kChoice);
  EXPECT_EQ(p.tokens[2].word.text, "to");
  EXPECT_FALSE(p.tokens[2].joined);
  EXPECT_EQ(p.tokens[3].kind, PatternToken::kTarget);
  EXPECT_TRUE(p.tokens[3].joined);  // inside the (PP ...) group
  EXPECT_EQ(g.patterns[1].code, ":073");
  ASSERT_EQ(c.all.size(), 2u);  // the stray line, and the transformation rules dyad ignores
  EXPECT_EQ(c.all[0].where, "p.txt:13");
  EXPECT_EQ(c.all[1].severity, Severity::kWarning);
  EXPECT_NE(c.all[0].message.find("after the block's patterns"), std::string::npos);
}

TEST(VerbDictionaryTest, RegularForms) {
  EXPECT_EQ(VerbDictionary::TabariRegularForms("DEPLORE"),
            (std::vector<std::string>{"deplore", "deplores", "deplorees", "deplored", "deploren", "deploring"}));
  EXPECT_EQ(VerbDictionary::PetrarchRegularForms("CARRY"),
            (std::vector<std::string>{"carry", "carries", "carried", "carrying"}));
  EXPECT_EQ(VerbDictionary::PetrarchRegularForms("PUSH"),
            (std::vector<std::string>{"push", "pushes", "pushed", "pushing"}));
  EXPECT_EQ(VerbDictionary::PetrarchRegularForms("FREE"),
            (std::vector<std::string>{"free", "frees", "freed", "freeing"}));
}

TEST(VerbDictionaryTest, SharedDictionariesRead) {
  struct File { const char* path; bool tabari; size_t min_patterns; };
  const File files[] = {
      {"data/tabari/TABARI.Demo.verbs", true, 400},
      {"data/tabari/CAMEO.091003.master.verbs", true, 15000},
      {"data/petrarch/PETR.Validate.verbs.txt", false, 450},
      {"data/petrarch/CAMEO.2.0.txt", false, 4600},
  };
  for (const File& f : files) {
    std::string text = ReadShared(f.path);
    if (text.empty()) GTEST_SKIP() << "shared data not found: " << DYAD_SHARED_DIR << "/" << f.path;
    VerbDictionary d;
    Collected c;
    auto t0 = std::chrono::steady_clock::now();
    size_t n = f.tabari ? d.ReadTabari(text, f.path, c.sink()) : d.ReadPetrarch(text, f.path, c.sink());
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    size_t patterns = 0;
    for (const VerbGroup& g : d.groups()) patterns += g.patterns.size();
    std::cout << "  " << f.path << ": " << d.groups().size() << " verbs, " << patterns << " patterns, "
              << c.all.size() << " problems, read in " << ms << " ms\n";
    for (const Diagnostic& diag : c.all) std::cout << "    " << diag.where << ": " << diag.message << "\n";
    EXPECT_GE(patterns, f.min_patterns) << f.path;
    EXPECT_GE(n, patterns);
  }
}

}  // namespace
}  // namespace dyad
