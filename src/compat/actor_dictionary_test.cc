#include "compat/actor_dictionary.h"

#include <gtest/gtest.h>

#include <fstream>
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

TEST(ClassicFormatTest, PhraseWordsAndMatching) {
  auto w = SplitPhrase("NORTH_FOO BAR_ BAZ= QUX", ClassicDialect::kTabari);
  ASSERT_EQ(w.size(), 5u);
  EXPECT_EQ(w[0].text, "north");
  EXPECT_EQ(w[0].match, WordMatch::kExact);  // bound by '_' to the next word
  EXPECT_FALSE(w[0].joined);
  EXPECT_EQ(w[1].text, "foo");
  EXPECT_TRUE(w[1].joined);
  EXPECT_EQ(w[1].match, WordMatch::kStem);
  EXPECT_EQ(w[2].match, WordMatch::kNounEndings);
  EXPECT_FALSE(w[2].joined);
  EXPECT_EQ(w[3].text, "baz");
  EXPECT_EQ(w[3].match, WordMatch::kExact);
  EXPECT_EQ(w[4].text, "qux");
  EXPECT_EQ(w[4].match, WordMatch::kStem);

  EXPECT_TRUE(WordMatches(w[1], "foolish"));
  EXPECT_TRUE(WordMatches(w[2], "bars"));
  EXPECT_TRUE(WordMatches(w[2], "bar"));
  EXPECT_FALSE(WordMatches(w[2], "barn"));
  EXPECT_FALSE(WordMatches(w[3], "bazs"));

  auto h = SplitPhrase("MINAS-TOR", ClassicDialect::kTabari);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_TRUE(h[1].joined);
  auto p = SplitPhrase("GREEN VALLEY_", ClassicDialect::kPetrarch);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].match, WordMatch::kExact);
  EXPECT_EQ(p[1].match, WordMatch::kExact);
}

TEST(ClassicFormatTest, CodeBlocksAndDates) {
  std::string code;
  DateRange r;
  EXPECT_EQ(ParseCodeBlock("QQQGOV 991201-010114", &code, &r), "");
  EXPECT_EQ(code, "QQQGOV");
  EXPECT_EQ(r.from, 19991201);
  EXPECT_EQ(r.to, 20010114);
  EXPECT_EQ(ParseCodeBlock("QQQ < 950601", &code, &r), "");
  EXPECT_EQ(r.to, 19950600);
  EXPECT_TRUE(r.Contains(19950101));
  EXPECT_FALSE(r.Contains(19950701));
  EXPECT_EQ(ParseCodeBlock("QQQREB >20130119", &code, &r), "");
  EXPECT_TRUE(r.Contains(20140101));
  EXPECT_NE(ParseCodeBlock(" 991201-010114", &code, &r), "");
  EXPECT_NE(ParseCodeBlock("QQQ 991301-010114", &code, &r), "");
  EXPECT_EQ(ParseCodeBlock(" ~GOV", &code, &r), "");
  EXPECT_EQ(code, "~GOV");
}

TEST(ActorDictionaryTest, TabariEntriesSynonymsAndDates) {
  const char* text =
      "<NOUN>\nWIDGETS ;not an actor\n</NOUN>\n"
      "FREEDONIA  [FRD] ;comment\n"
      "SYLVANIA_  [SYL]\n"
      "RUFUS\n+FIREFLY\n\t[FRDGOV <950601]\n\t[FRDELI 950601 - 990815]\n\t[FRD]\n"
      "DUO  [AAA/BBB]\n"
      "NOBODY\n"
      "BROKEN  [991201-010114]\n"
      "~~FINISH\nAFTER_END [ZZZ]\n";
  ActorDictionary d;
  Collected c;
  EXPECT_EQ(d.ReadActors(text, "t.actors", ClassicDialect::kTabari, c.sink()), 4u);
  ASSERT_EQ(d.actors.size(), 4u);
  EXPECT_EQ(d.actors[0].CodeOn(0), "FRD");
  EXPECT_EQ(d.actors[1].phrases[0][0].match, WordMatch::kNounEndings);
  const ActorEntry& rufus = d.actors[2];
  EXPECT_EQ(rufus.phrases.size(), 2u);
  EXPECT_EQ(rufus.CodeOn(19940101), "FRDGOV");
  EXPECT_EQ(rufus.CodeOn(19970101), "FRDELI");
  EXPECT_EQ(rufus.CodeOn(20050101), "FRD");
  EXPECT_EQ(rufus.CodeOn(0), "FRD");
  EXPECT_EQ(d.actors[3].CodeOn(0), "AAA/BBB");
  EXPECT_EQ(d.actors[3].origin, "t.actors:11");
  // "NOBODY" takes the next block's codes? No: BROKEN's only block is malformed, so
  // NOBODY and BROKEN together have no code and are reported.
  ASSERT_FALSE(c.all.empty());
  bool saw_block = false, saw_nocode = false;
  for (const Diagnostic& diag : c.all) {
    if (diag.where == "t.actors:13" && diag.message.find("without a code") != std::string::npos) saw_block = true;
    if (diag.message.find("no code") != std::string::npos) saw_nocode = true;
  }
  EXPECT_TRUE(saw_block);
  EXPECT_TRUE(saw_nocode);
}

TEST(ActorDictionaryTest, PetrarchCommentsAndSynonymsAfterCodes) {
  const char* text =
      "<!-- a comment\n spanning lines -->\n"
      "FREEDONIA [FRD]  # comment\n+FREEDONIAN\n\n"
      "GRAND_FENWICK\n+FENWICK\n\t[GFW]\n";
  ActorDictionary d;
  Collected c;
  EXPECT_EQ(d.ReadActors(text, "p.txt", ClassicDialect::kPetrarch, c.sink()), 2u);
  EXPECT_TRUE(c.all.empty());
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_EQ(d.actors[0].phrases.size(), 2u);
  EXPECT_EQ(d.actors[0].phrases[1][0].text, "freedonian");
  EXPECT_EQ(d.actors[1].CodeOn(0), "GFW");
}

TEST(ActorDictionaryTest, AgentsPluralsSubstitutionsAndPlacement) {
  const char* text =
      "!FOLK! = MAN, WOMAN\n"
      "ENVOY [~GOV]\n"
      "FERRY {} [~BUS]\n"
      "GOOSE {GEESE} [~GSE]\n"
      "CITY [~CTY]\n"
      "SEA!FOLK! [~SEA]\n"
      "RELIEF_BODY [NGO~]\n"
      "NOCODE [GOV]\n";
  ActorDictionary d;
  Collected c;
  EXPECT_EQ(d.ReadAgents(text, "a.txt", ClassicDialect::kPetrarch, c.sink()), 6u);
  ASSERT_EQ(c.all.size(), 1u);
  EXPECT_EQ(c.all[0].where, "a.txt:8");
  ASSERT_EQ(d.agents.size(), 6u);
  EXPECT_EQ(d.agents[0].phrases.size(), 2u);
  EXPECT_EQ(d.agents[0].phrases[1][0].text, "envoys");
  EXPECT_EQ(d.agents[1].phrases.size(), 1u);  // {}: no plural
  EXPECT_EQ(d.agents[2].phrases[1][0].text, "geese");
  EXPECT_EQ(d.agents[3].phrases[1][0].text, "cities");
  EXPECT_EQ(d.agents[4].phrases.size(), 4u);  // seaman seawoman + plurals
  EXPECT_EQ(d.agents[4].phrases[0][0].text, "seaman");
  EXPECT_TRUE(d.agents[5].prefix);
  EXPECT_EQ(d.agents[5].code, "NGO");
  EXPECT_FALSE(d.agents[0].prefix);
  EXPECT_EQ(d.agents[0].code, "GOV");
}

// The real dictionaries read without errors (they are not part of dyad; skip if absent).
TEST(ActorDictionaryTest, SharedDictionariesRead) {
  struct File { const char* path; bool agents; ClassicDialect dialect; size_t min_entries; };
  const File files[] = {
      {"data/tabari/TABARI.Demo.actors", false, ClassicDialect::kTabari, 100},
      {"data/tabari/Validate.agents", true, ClassicDialect::kTabari, 80},
      {"data/tabari/PSU.120522.agents", true, ClassicDialect::kTabari, 1500},
      {"data/petrarch/PETR.Validate.actors.txt", false, ClassicDialect::kPetrarch, 100},
      {"data/petrarch/PETR.Validate.agents.txt", true, ClassicDialect::kPetrarch, 80},
      {"data/petrarch/Phoenix.Countries.actors.txt", false, ClassicDialect::kPetrarch, 10000},
      {"data/petrarch/Phoenix.International.actors.txt", false, ClassicDialect::kPetrarch, 1000},
      {"data/petrarch/Phoenix.MilNonState.actors.txt", false, ClassicDialect::kPetrarch, 500},
      {"data/petrarch/Phoenix.agents.txt", true, ClassicDialect::kPetrarch, 1000},
  };
  for (const File& f : files) {
    std::string text = ReadShared(f.path);
    if (text.empty()) GTEST_SKIP() << "shared data not found: " << DYAD_SHARED_DIR << "/" << f.path;
    ActorDictionary d;
    Collected c;
    size_t n = f.agents ? d.ReadAgents(text, f.path, f.dialect, c.sink())
                        : d.ReadActors(text, f.path, f.dialect, c.sink());
    EXPECT_GE(n, f.min_entries) << f.path;
    for (const Diagnostic& diag : c.all) std::cout << "  " << diag.where << ": " << diag.message << "\n";
  }
}

}  // namespace
}  // namespace dyad
