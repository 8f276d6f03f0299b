#include "compat/classic_coder.h"
#include "compat/treebank.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include <unistd.h>

namespace dyad {
namespace {

// A small invented TABARI dictionary set.
const char* kVerbs =
    "VISIT_  [042:043]\n"
    "CONDEMN_  [122]\n"
    "ATTACK_  [190]\n"
    "PROMISE_  [050]\n"
    "- * TO_SEND WIDGETS  [075A]\n"
    "PLAY_  [---]\n"
    "- * CROQUET  [###]\n"
    "MEET_  [040]\n"
    "- % * [046]\n";
const char* kActors =
    "FREEDONIA_  [FRD]\n"
    "SYLVANIA_  [SYL]\n"
    "GRAND_FENWICK_  [GFW]\n"
    "MARX_BROTHERS_  [MX1/MX2]\n";
const char* kAgents = "ENVOY_  [~GOV]\n";

using Triple = std::tuple<std::string, std::string, std::string>;

class ClassicCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    VerbDictionary verbs;
    verbs.ReadTabari(kVerbs, "t.verbs", nullptr);
    ActorDictionary actors;
    actors.ReadActors(kActors, "t.actors", ClassicDialect::kTabari, nullptr);
    actors.ReadAgents(kAgents, "t.agents", ClassicDialect::kTabari, nullptr);
    coder_ = std::make_unique<ClassicCoder>(ClassicDialect::kTabari, verbs, std::move(actors), DiscardList{},
                                            ClassicCoderOptions::TabariDefaults(), nullptr);
  }
  std::set<Triple> Code(const std::string& text) {
    article_.id = "a";
    article_.text = text;
    coder_->Code(article_, 0, &doc_, &mentions_, &events_);
    std::set<Triple> out;
    for (const Event& e : events_) out.emplace(e.source.code, e.target.code, e.cameo);
    return out;
  }
  std::unique_ptr<ClassicCoder> coder_;
  Article article_;
  Document doc_;
  std::vector<ActorMention> mentions_;
  std::vector<Event> events_;
};

TEST_F(ClassicCoderTest, PairedCodesAndTheDictionarysOwnCodes) {
  EXPECT_EQ(Code("The Freedonia envoy visited Sylvania on Monday with a large delegation."),
            (std::set<Triple>{{"FRDGOV", "SYL", "042"}, {"SYL", "FRDGOV", "043"}}));
  // CAMEO codes get their Goldstein value; other codes pass through as written.
  ASSERT_FALSE(events_.empty());
  EXPECT_NE(events_[0].goldstein, 0);
  EXPECT_EQ(Code("Freedonia promised to send widgets to Sylvania on Monday."),
            (std::set<Triple>{{"FRD", "SYL", "075A"}}));
  EXPECT_EQ(events_[0].goldstein, 0);
  EXPECT_EQ(events_[0].pattern.substr(0, 4), "075A");
}

TEST_F(ClassicCoderTest, FirstVerbOfEachClauseGrammarAndLists) {
  // TABARI codes the first verb of a clause: "attack" is not coded.
  EXPECT_EQ(Code("Freedonia condemned the attack on Sylvania and promised help to Grand Fenwick today."),
            (std::set<Triple>{{"FRD", "SYL", "122"}, {"FRD", "GFW", "050"}}));
  // dyad's grammar: passive voice.
  EXPECT_EQ(Code("Sylvania was attacked by Freedonia on Monday in the early morning."),
            (std::set<Triple>{{"FRD", "SYL", "190"}}));
  // One event per actor of a list and of an "A/B" code; '%': events among a list.
  EXPECT_EQ(Code("The Marx Brothers condemned Freedonia and Sylvania on Monday morning."),
            (std::set<Triple>{{"MX1", "FRD", "122"}, {"MX2", "FRD", "122"}, {"MX1", "SYL", "122"}, {"MX2", "SYL", "122"}}));
  EXPECT_EQ(Code("Freedonia and Sylvania will meet in the capital on Monday morning."),
            (std::set<Triple>{{"FRD", "SYL", "046"}, {"SYL", "FRD", "046"}}));
}

TEST_F(ClassicCoderTest, OptionsAndDiscards) {
  // A comma clause of 2 to 10 words is dropped before coding.
  EXPECT_EQ(Code("Freedonia, long a rival of Grand Fenwick, condemned Sylvania on Monday."),
            (std::set<Triple>{{"FRD", "SYL", "122"}}));
  // Fewer than 8 words: not coded.
  EXPECT_TRUE(Code("Freedonia condemned Sylvania.").empty());
  ClassicCoderOptions o = coder_->options();
  o.min_words = 0;
  coder_->set_options(o);
  EXPECT_EQ(Code("Freedonia condemned Sylvania.").size(), 1u);
  // "###" in the verbs: the sentence is not coded.
  EXPECT_TRUE(Code("Freedonia played croquet and condemned Sylvania on Monday morning.").empty());
}

TEST_F(ClassicCoderTest, DefaultActorsForMissingSourceAndTarget) {
  ClassicCoderOptions o = coder_->options();
  ASSERT_EQ(ApplyTabariOption("DEFAULT: SOURCE [DSR] PRIOR TARGET [DTG] AFTER", &o), "");
  coder_->set_options(o);
  // An unknown subject or object: the verb is coded with the default there.
  EXPECT_EQ(Code("Xylophonia condemned Sylvania on Monday in a long statement."),
            (std::set<Triple>{{"DSR", "SYL", "122"}}));
  EXPECT_EQ(Code("Freedonia condemned Xylophonia on Monday in a long statement."),
            (std::set<Triple>{{"FRD", "DTG", "122"}}));
  // Without PRIOR the actor after the verb is the source, and the target defaults.
  ASSERT_EQ(ApplyTabariOption("DEFAULT: OFF", &o), "");
  ASSERT_EQ(ApplyTabariOption("DEFAULT: SOURCE [DSR] TARGET [DTG] AFTER", &o), "");
  coder_->set_options(o);
  EXPECT_EQ(Code("Xylophonia condemned Sylvania on Monday in a long statement."),
            (std::set<Triple>{{"SYL", "DTG", "122"}}));
  // Off: nothing is coded without both actors.
  ASSERT_EQ(ApplyTabariOption("DEFAULT: OFF", &o), "");
  coder_->set_options(o);
  EXPECT_TRUE(Code("Xylophonia condemned Sylvania on Monday in a long statement.").empty());
}

TEST_F(ClassicCoderTest, ForwardedPronounsWithinAStory) {
  ClassicCoderOptions o = coder_->options();
  ASSERT_EQ(ApplyTabariOption("FORWARD: ^^*****NNN*SSS", &o), "");
  coder_->set_options(o);
  ClassicStory story;
  auto code = [&](const std::string& id, const std::string& text) {
    article_.id = id;
    article_.text = text;
    coder_->Code(article_, 0, &doc_, &mentions_, &events_, nullptr, &story);
    std::set<Triple> out;
    for (const Event& e : events_) out.emplace(e.source.code, e.target.code, e.cameo);
    return out;
  };
  // The first actor of the story's previous sentence, without its agents.
  EXPECT_EQ(code("S-001", "The Freedonia envoy visited Grand Fenwick on Monday with a delegation."),
            (std::set<Triple>{{"FRDGOV", "GFW", "042"}, {"GFW", "FRDGOV", "043"}}));
  EXPECT_EQ(code("S-002", "He also condemned Sylvania on Tuesday in a long statement."),
            (std::set<Triple>{{"FRD", "SYL", "122"}}));
  // A new story forwards nothing.
  EXPECT_TRUE(code("T-001", "He also condemned Sylvania on Tuesday in a long statement.").empty());
  // Off: pronouns need an antecedent in their sentence.
  ASSERT_EQ(ApplyTabariOption("FORWARD: ^^*****NNN*SSS OFF", &o), "");
  coder_->set_options(o);
  code("U-001", "The Freedonia envoy visited Grand Fenwick on Monday with a delegation.");
  EXPECT_TRUE(code("U-002", "He also condemned Sylvania on Tuesday in a long statement.").empty());
}

TEST_F(ClassicCoderTest, ClauseSourcesAndCodeAllRequestedActs) {
  ClassicCoderOptions o = coder_->options();
  o.min_words = 0;
  coder_->set_options(o);
  // TABARI's source is the clause's first actor, not the verb's grammatical subject.
  EXPECT_EQ(Code("Freedonia said on Monday that Sylvania condemned Grand Fenwick."),
            (std::set<Triple>{{"FRD", "GFW", "122"}}));
  // A subject that is no actor does not hide the verb from the clause's first actor.
  EXPECT_EQ(Code("Freedonia said on Monday that the rebels attacked Sylvania."),
            (std::set<Triple>{{"FRD", "SYL", "190"}}));
  EXPECT_EQ(mentions_.size(), 2u);  // the placeholder subject is gone
  // By clause, an act asked of someone is not coded; CODE ALL codes it with TABARI's
  // roles: the clause's first actor, and the target after the verb unless it is the
  // source, else the actor before the verb.
  EXPECT_EQ(Code("Freedonia urged Sylvania on Monday to attack it."), (std::set<Triple>{}));
  ASSERT_EQ(ApplyTabariOption("SET: CODE ALL", &o), "");
  coder_->set_options(o);
  EXPECT_EQ(Code("Freedonia urged Sylvania on Monday to attack it."), (std::set<Triple>{{"FRD", "SYL", "190"}}));
}

TEST(ClassicCoderPetrarchTest, NegatedVerbsPrepositionObjectsAndTreebankTags) {
  VerbDictionary verbs;
  verbs.ReadPetrarch("--- DISAPPROVE [110] ---\nCLASH\n- * (OVER EFFORTS) [110]\n\n"
                     "--- BARGAIN [050] ---\nDEAL\n\n"
                     "--- BLAME [111] ---\nCONDEMN\n- * ATTACK ON + [112]\n\n"
                     "--- GIVE [070] ---\nSUPPLY\nACCORD\n- * TONNES [073]\n\n"
                     "--- SIGN [057] ---\nSIGN\n",
                     "p.verbs", nullptr);
  ActorDictionary actors;
  actors.ReadActors("FREEDONIA [FRD]\nSYLVANIA [SYL]\nGRAND_FENWICK [GFW]\n", "p.actors", ClassicDialect::kPetrarch,
                    nullptr);
  ClassicCoder coder(ClassicDialect::kPetrarch, verbs, std::move(actors), DiscardList{},
                     ClassicCoderOptions::PetrarchDefaults(), nullptr);
  auto code = [&](const std::string& text, std::string_view parse = {}) {
    Article a;
    a.id = "p";
    a.text = text;
    Document doc;
    std::vector<ActorMention> mentions;
    std::vector<Event> events;
    coder.Code(a, 0, &doc, &mentions, &events, nullptr, nullptr, parse);
    std::set<Triple> out;
    for (const Event& e : events) out.emplace(e.source.code, e.target.code, e.cameo);
    return out;
  };
  EXPECT_EQ(code("Freedonia clashed over the efforts of Sylvania to deal with the floods."),
            (std::set<Triple>{{"FRD", "SYL", "110"}}));
  // A verb negated by its own auxiliaries codes the verb nested in its complement.
  EXPECT_EQ(code("Freedonia did not clash over the efforts of Sylvania to deal with the floods."),
            (std::set<Triple>{{"FRD", "SYL", "050"}}));
  // "ATTACK ON +": the actor is the object of "on", not any actor further on.
  EXPECT_EQ(code("Freedonia condemned the attack on Monday and Sylvania stayed silent."),
            (std::set<Triple>{{"FRD", "SYL", "111"}}));
  // An active verb's source is its subject, never an actor after it; the anchor of a
  // verb pattern is a verb ("accord" is a noun here).
  EXPECT_EQ(code("Freedonia signed an accord to supply Sylvania with 500 tonnes of wheat."),
            (std::set<Triple>{{"FRD", "SYL", "057"}}));
  // The Treebank parse's tags decide what is a verb.
  const std::string text = "Freedonia deal Sylvania a blow.";
  EXPECT_EQ(code(text, "(ROOT (S (NP (NNP Freedonia)) (VP (VBP deal) (NP (NNP Sylvania)) (NP (DT a) (NN blow))) (. .)))"),
            (std::set<Triple>{{"FRD", "SYL", "050"}}));
  EXPECT_EQ(code(text, "(ROOT (NP (NP (NNP Freedonia) (NN deal)) (NP (NNP Sylvania) (DT a) (NN blow)) (. .)))"),
            (std::set<Triple>{}));
}

TEST(TreebankTest, LeavesAndTags) {
  std::vector<TreebankLeaf> leaves = TreebankLeaves("(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB n't) (VP (VB go)))\n (-LRB- -LRB-) (. .)))");
  ASSERT_EQ(leaves.size(), 6u);
  EXPECT_EQ(leaves[0].tag, "NNP");
  EXPECT_EQ(leaves[0].word, "Arnor");
  EXPECT_EQ(leaves[2].word, "n't");
  EXPECT_EQ(leaves[4].word, "(");
  EXPECT_TRUE(TreebankLeaves("not a parse").empty());
}

TEST(ClassicCoderPetrarchTest, PairedCodesAreActiveAndPassiveMeanings) {
  VerbDictionary verbs;
  verbs.ReadPetrarch("--- SIGN [057] ---\nSIGN\n- * PROTOCOL [057:057]\n\n"
                     "--- OBTAIN [---] ---\nRECEIVE\n- * MONEY [:071]\n",
                     "p.verbs", nullptr);
  ActorDictionary actors;
  actors.ReadActors("FREEDONIA [FRD]\nSYLVANIA [SYL]\n", "p.actors", ClassicDialect::kPetrarch, nullptr);
  ClassicCoder coder(ClassicDialect::kPetrarch, verbs, std::move(actors), DiscardList{},
                     ClassicCoderOptions::PetrarchDefaults(), nullptr);
  auto code = [&](const std::string& text) {
    Article a;
    a.id = "p";
    a.text = text;
    Document doc;
    std::vector<ActorMention> mentions;
    std::vector<Event> events;
    coder.Code(a, 0, &doc, &mentions, &events);
    std::set<Triple> out;
    for (const Event& e : events) out.emplace(e.source.code, e.target.code, e.cameo);
    return out;
  };
  // "A:B": the active meaning only, not TABARI's reversed dyad.
  EXPECT_EQ(code("Freedonia signed a protocol with Sylvania."), (std::set<Triple>{{"FRD", "SYL", "057"}}));
  // ":B" alone: the passive meaning, the verb's object is the actor.
  EXPECT_EQ(code("Freedonia received money from Sylvania."), (std::set<Triple>{{"SYL", "FRD", "071"}}));
}

TEST(ClassicCoderLoadTest, ProjectFilesAndUnreadableFiles) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dyad_compat_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const char* name, const char* text) { std::ofstream(dir / name) << text; };
  write("t.verbs", kVerbs);
  write("t.actors", kActors);
  write("t.agents", kAgents);
  write("t.options", "SET: CODE ALL\nSET: MINIMUM WORDS = 3\n");
  write("t.project", "<verbsfile> t.verbs\n<actorsfile>\tt.actors\n<agentsfile> t.agents\n<optionsfile> t.options\n");
  std::ifstream in(dir / "t.project");
  std::string project((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ClassicDictionaryFiles files;
  ASSERT_EQ(ReadTabariProject(project, dir.string(), &files), "");
  EXPECT_EQ(files.verbs, std::vector<std::string>{(dir / "t.verbs").string()});
  std::vector<Diagnostic> problems;
  auto coder = ClassicCoder::Load(files, [&](const Diagnostic& d) { problems.push_back(d); });
  ASSERT_NE(coder, nullptr);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(coder->options().code_by, CodeBy::kAll);
  EXPECT_EQ(coder->options().min_words, 3);

  files.actors.push_back((dir / "missing.actors").string());
  EXPECT_EQ(ClassicCoder::Load(files, [&](const Diagnostic& d) { problems.push_back(d); }), nullptr);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, (dir / "missing.actors").string());

  ClassicDictionaryFiles p;
  EXPECT_EQ(ReadPetrarchConfig("[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a.txt, b.txt\n"
                               "#agentfile_name = x.txt\n[Options]\n",
                               "/d", &p, "/d/PETR_config.ini"),
            "");
  EXPECT_EQ(p.dialect, ClassicDialect::kPetrarch);
  EXPECT_EQ(p.actors, (std::vector<std::string>{"/d/a.txt", "/d/b.txt"}));
  EXPECT_TRUE(p.agents.empty());
  EXPECT_EQ(p.options, std::vector<std::string>{"/d/PETR_config.ini"});
  ClassicDictionaryFiles empty;
  EXPECT_NE(ReadPetrarchConfig("[Options]\n", "/d", &empty), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
