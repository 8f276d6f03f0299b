#include "compat/phrase_actor_finder.h"

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace dyad {
namespace {

// Invented actors and agents, in each dialect's own format.
const char* kTabariActors =
    "FREEDON  [FRD]\n"
    "SYLVANIA_  [SYL]\n"
    "GRAND_FENWICK  [GFW]\n"
    "RUFUS T FIREFLY  [FRDGOV]\n"
    "TRENTINO\n\t[SYL <950101]\n\t[SYLELI]\n"
    "MARX_BROTHERS  [FRD/SYL]\n"
    "CHICOLINI  [---]\n"
    "DUCK_SOUP  [###]\n";
const char* kTabariAgents =
    "AMBASSADOR_  [~GOV]\n"
    "SECRET_POLICE_  [~COP]\n"
    "RELIEF_SOCIETY_  [NGO~]\n";

struct Coded {
  std::string text;
  Document doc;
  std::vector<ActorMention> mentions;
  std::vector<bool> discard;
  // "text=CODE" of each mention, in order.
  std::vector<std::string> Shown() const {
    std::vector<std::string> out;
    for (const ActorMention& m : mentions) {
      uint32_t b = doc.tokens[m.first_token].begin, e = doc.tokens[m.end_token - 1].end;
      out.push_back(text.substr(b, e - b) + "=" + m.code);
    }
    return out;
  }
};

class PhraseActorFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ActorDictionary t;
    t.ReadActors(kTabariActors, "t.actors", ClassicDialect::kTabari, nullptr);
    t.ReadAgents(kTabariAgents, "t.agents", ClassicDialect::kTabari, nullptr);
    tabari_ = std::make_unique<PhraseActorFinder>(std::move(t), ClassicDialect::kTabari);
    ActorDictionary p;
    p.ReadActors("FREEDONIA [FRD]\n+FREEDONIAN\nGRAND FENWICK [GFW]\n", "p.txt", ClassicDialect::kPetrarch, nullptr);
    p.ReadAgents("PRESIDENT [~GOV]\nENVOY [~GOV]\n", "a.txt", ClassicDialect::kPetrarch, nullptr);
    petrarch_ = std::make_unique<PhraseActorFinder>(std::move(p), ClassicDialect::kPetrarch);
  }
  Coded Find(const PhraseActorFinder& f, const std::string& text, int32_t date = 0,
             PhraseActorOptions options = {}) {
    Coded c;
    c.text = text;
    analyzer_.Analyze(c.text, &c.doc);
    f.Find(c.doc, date, options, &c.mentions, &c.discard);
    return c;
  }
  TextAnalyzer analyzer_;
  std::unique_ptr<PhraseActorFinder> tabari_, petrarch_;
};

TEST_F(PhraseActorFinderTest, StemsEndingsAndLongestMatch) {
  // "FREEDON" is a stem; "SYLVANIA_" takes noun endings only; "Grand Fenwick" joined.
  EXPECT_EQ(Find(*tabari_, "The Freedonian army entered Sylvanias and Grand Fenwick.").Shown(),
            (std::vector<std::string>{"Freedonian=FRD", "Sylvanias=SYL", "Grand Fenwick=GFW"}));
  EXPECT_TRUE(Find(*tabari_, "Sylvaniax troops and Grand old Fenwick stayed.").Shown().empty());
  // A space lets words come between: Rufus "the leader" T Firefly.
  EXPECT_EQ(Find(*tabari_, "Rufus \"the leader\" T Firefly spoke yesterday.").Shown(),
            (std::vector<std::string>{"Rufus \"the leader\" T Firefly=FRDGOV"}));
}

TEST_F(PhraseActorFinderTest, AgentsComposeWithTheirActor) {
  EXPECT_EQ(Find(*tabari_, "Sylvania's ambassador met the Freedon secret police.").Shown(),
            (std::vector<std::string>{"Sylvania's ambassador=SYLGOV", "Freedon secret police=FRDCOP"}));
  EXPECT_EQ(Find(*tabari_, "The relief society of Grand Fenwick helped.").Shown(),
            (std::vector<std::string>{"relief society of Grand Fenwick=NGOGFW"}));
  // An agent alone codes nothing unless asked to.
  EXPECT_TRUE(Find(*tabari_, "The ambassador left the country yesterday.").Shown().empty());
  PhraseActorOptions convert;
  convert.convert_lone_agents = true;
  EXPECT_EQ(Find(*tabari_, "The ambassador left the country yesterday.", 0, convert).Shown(),
            (std::vector<std::string>{"ambassador=~GOV"}));
  // PETRARCH: a title before a name, and an agent shared across a list.
  EXPECT_EQ(Find(*petrarch_, "President Grand Fenwick spoke.").Shown(),
            (std::vector<std::string>{"President Grand Fenwick=GFWGOV"}));
  EXPECT_EQ(Find(*petrarch_, "The envoys of Freedonia and Grand Fenwick met.").Shown(),
            (std::vector<std::string>{"envoys of Freedonia=FRDGOV", "Grand Fenwick=GFWGOV"}));
  // PETRARCH words are exact: no stems.
  EXPECT_TRUE(Find(*petrarch_, "The Freedonians met.").Shown().empty());
}

TEST_F(PhraseActorFinderTest, DatesNullCodesDiscardsAndSeveralActors) {
  EXPECT_EQ(Find(*tabari_, "Trentino spoke to Freedon today.", 19940101).Shown()[0], "Trentino=SYL");
  EXPECT_EQ(Find(*tabari_, "Trentino spoke to Freedon today.", 19990101).Shown()[0], "Trentino=SYLELI");
  // "---": known, not coded; "###": the sentence is discarded.
  EXPECT_EQ(Find(*tabari_, "Chicolini met Freedon officials.").Shown(), (std::vector<std::string>{"Freedon=FRD"}));
  Coded d = Find(*tabari_, "Freedon watched Duck Soup. Sylvania protested.");
  ASSERT_EQ(d.discard.size(), 2u);
  EXPECT_TRUE(d.discard[0]);
  EXPECT_FALSE(d.discard[1]);
  EXPECT_EQ(Find(*tabari_, "The Marx Brothers left.").Shown(), (std::vector<std::string>{"Marx Brothers=FRD/SYL"}));
}

TEST_F(PhraseActorFinderTest, PronounsTakeTheFirstActor) {
  Coded c = Find(*tabari_, "Freedon and Sylvania said they would talk to Grand Fenwick after it agreed.");
  EXPECT_EQ(c.Shown(), (std::vector<std::string>{"Freedon=FRD", "Sylvania=SYL", "they=FRD/SYL", "Grand Fenwick=GFW",
                                                 "it=FRD"}));
  EXPECT_EQ(c.mentions[2].kind, MentionKind::kPronoun);
  EXPECT_EQ(c.mentions[2].antecedent, 0);
  PhraseActorOptions none;
  none.resolve_pronouns = false;
  EXPECT_EQ(Find(*tabari_, "Freedon said it would talk.", 0, none).Shown().size(), 1u);
}

}  // namespace
}  // namespace dyad
