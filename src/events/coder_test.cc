// Tests of the coder's grammar on hand-built documents, independent of the text and actor
// stages and of the built-in dictionary's contents.
#include "events/coder.h"

#include "actors/pair_mentions.h"
#include "syntax/syntax_analyzer.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

namespace dyad {
namespace {

// A document from "word/TAG[/lemma] ..." and mentions as (first, end, code).
struct Built {
  std::string text;
  Document doc;
  std::vector<ActorMention> mentions;
};

Tag ParseTag(const std::string& t) {
  if (t == "N") return Tag::kNoun;
  if (t == "P") return Tag::kProper;
  if (t == "V") return Tag::kVerb;
  if (t == "AUX") return Tag::kAux;
  if (t == "ADJ") return Tag::kAdj;
  if (t == "ADV") return Tag::kAdv;
  if (t == "DET") return Tag::kDet;
  if (t == "PRON") return Tag::kPron;
  if (t == "PREP") return Tag::kPrep;
  if (t == "CONJ") return Tag::kConj;
  if (t == "SUB") return Tag::kSubord;
  if (t == "NEG") return Tag::kNeg;
  if (t == "NUM") return Tag::kNum;
  return Tag::kPunct;
}

void Build(const std::string& spec, std::vector<std::tuple<uint32_t, uint32_t, std::string>> ms,
           Built* b) {
  std::istringstream in(spec);
  std::string item;
  std::vector<std::tuple<std::string, Tag, std::string>> words;
  while (in >> item) {
    size_t s1 = item.find('/');
    size_t s2 = item.find('/', s1 + 1);
    std::string w = item.substr(0, s1);
    std::string tag = item.substr(s1 + 1, s2 == std::string::npos ? std::string::npos : s2 - s1 - 1);
    std::string lemma = s2 == std::string::npos ? "" : item.substr(s2 + 1);
    words.emplace_back(w, ParseTag(tag), lemma);
  }
  for (auto& [w, tag, lemma] : words) {
    if (!b->text.empty()) b->text += ' ';
    b->text += w;
  }
  b->doc.text = b->text;
  uint32_t pos = 0;
  for (auto& [w, tag, lemma] : words) {
    Token t;
    t.begin = pos;
    t.end = pos + static_cast<uint32_t>(w.size());
    pos = t.end + 1;
    t.norm = w;
    for (char& c : t.norm) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.lemma = lemma.empty() ? t.norm : lemma;
    t.tag = tag;
    b->doc.tokens.push_back(t);
  }
  Sentence s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(b->text.size());
  s.first_token = 0;
  s.end_token = static_cast<uint32_t>(b->doc.tokens.size());
  b->doc.sentences.push_back(s);
  // The grammar the coder reads is the parse: the statistical tags replace the spec's.
  static const SyntaxAnalyzer syntax;
  SyntaxAnalyzer::Workspace ws;
  syntax.Analyze(&b->doc, 0, &ws);
  for (auto& [f, e, code] : ms) {
    ActorMention m;
    m.first_token = f;
    m.end_token = e;
    m.head_token = e - 1;
    m.code = code;
    m.country = code.substr(0, 3);
    b->mentions.push_back(m);
  }
}

class CoderTest : public ::testing::Test {
 protected:
  CoderTest() {
    dict_.Parse(
        "042 SRC visit TGT\n"
        "040 SRC meet with TGT ; symmetric\n"
        "036 SRC invite TGT\n"
        "070 SRC assist TGT\n"
        "051 SRC support for TGT ; noun\n"
        "046 SRC hold talk with TGT ; symmetric\n"
        "DISCARD visit website\n"
        "054 establish ... relation ; symmetric\n"
        "050 reopen ... embassy\n",
        "test", [](const Diagnostic& d) { ADD_FAILURE() << d.where << ": " << d.message; });
  }
  std::vector<Event> Code(const Built& b) {
    EventCoder coder(dict_, Ontology::Default());
    Article a;
    a.id = "t";
    std::vector<Event> out;
    coder.Code(a, b.doc, b.mentions, &out);
    return out;
  }
  Dictionary dict_;
};

TEST_F(CoderTest, SubjectVerbObject) {
  Built b;
  Build("Azerbaijan/P has/AUX/have visited/V/visit Syria/P ./PUNCT", {{0, 1, "AZE"}, {3, 4, "SYR"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "042");
  EXPECT_EQ(ev[0].source.code, "AZE");
  EXPECT_EQ(ev[0].target.code, "SYR");
  EXPECT_EQ(ev[0].goldstein, 1.9);
  EXPECT_EQ(ev[0].plover_type, "CONSULT");
  EXPECT_FALSE(ev[0].negated);
  EXPECT_EQ(ev[0].modality, "asserted");
}

TEST_F(CoderTest, ReducedRelativeIsNotTheSubject) {
  Built b;
  Build("An/DET Azerbaijani/ADJ delegation/N led/V/lead by/PREP Rafiyev/P has/AUX/have visited/V/visit Syria/P",
        {{0, 3, "AZEGOV"}, {5, 6, "AZEGOV"}, {8, 9, "SYR"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.text, "An Azerbaijani delegation");
}

TEST_F(CoderTest, NegationAndIntention) {
  Built b;
  Build("Iran/P did/AUX/do not/NEG meet/V with/PREP Iraq/P", {{0, 1, "IRN"}, {5, 6, "IRQ"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].negated);

  Built c;
  Build("Iran/P plans/V/plan to/PREP visit/V Iraq/P", {{0, 1, "IRN"}, {4, 5, "IRQ"}}, &c);
  ev = Code(c);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "036");  // intention to meet, not the visit itself
  EXPECT_EQ(ev[0].modality, "intended");
  EXPECT_EQ(ev[0].source.code, "IRN");
}

TEST_F(CoderTest, PossessorOfNounGoverningInfinitive) {
  Built b;
  Build("He/PRON expressed/V/express Azerbaijan/P 's/PUNCT readiness/N to/PREP assist/V Syria/P",
        {{0, 1, "AZEGOV"}, {2, 3, "AZE"}, {7, 8, "SYR"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "033");
  EXPECT_EQ(ev[0].source.code, "AZE");
  EXPECT_EQ(ev[0].target.code, "SYR");
}

TEST_F(CoderTest, PassiveVoiceSwapsRoles) {
  Built b;
  Build("Shibani/P was/AUX/be invited/V/invite by/PREP Aliyev/P", {{0, 1, "SYRGOV"}, {4, 5, "AZEGOV"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "036");
  EXPECT_EQ(ev[0].source.code, "AZEGOV");
  EXPECT_EQ(ev[0].target.code, "SYRGOV");
}

TEST_F(CoderTest, NominalEventWithPossessiveAndPreposition) {
  Built b;
  Build("Khalilzade/P praised/V/praise Rafiyev/P 's/PUNCT visit/N to/PREP Damascus/P",
        {{0, 1, "AZE"}, {2, 3, "AZEGOV"}, {6, 7, "SYR"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.code, "AZEGOV");
  EXPECT_EQ(ev[0].target.code, "SYR");
}

TEST_F(CoderTest, RelativeClauseSubjectAndFillerSkipping) {
  Built b;
  Build("Rafiyev/P visited/V/visit Damascus/P ,/PUNCT where/SUB he/PRON met/V/meet with/PREP the/DET Syrian/ADJ minister/N",
        {{0, 1, "AZEGOV"}, {2, 3, "SYR"}, {5, 6, "AZEGOV"}, {9, 11, "SYRGOV"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1].cameo, "040");
  EXPECT_EQ(ev[1].source.code, "AZEGOV");
  EXPECT_EQ(ev[1].target.code, "SYRGOV");
  EXPECT_TRUE(ev[1].symmetric);
}

TEST_F(CoderTest, CompoundActorsGiveOneEventEach) {
  Built b;
  Build("Azerbaijan/P and/CONJ Turkey/P held/V/hold talks/N/talk with/PREP Syria/P",
        {{0, 1, "AZE"}, {2, 3, "TUR"}, {6, 7, "SYR"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 2u);
  std::set<std::string> sources = {ev[0].source.code, ev[1].source.code};
  EXPECT_EQ(sources, (std::set<std::string>{"AZE", "TUR"}));
  EXPECT_EQ(ev[0].cameo, "046");
}

TEST_F(CoderTest, SameActorOnBothSidesIsNoEvent) {
  Built b;
  Build("Syria/P visited/V/visit Syria/P", {{0, 1, "SYR"}, {2, 3, "SYR"}}, &b);
  EXPECT_TRUE(Code(b).empty());
}

TEST_F(CoderTest, DiscardBeatsShorterPattern) {
  Built b;
  Build("Iran/P visited/V/visit the/DET website/N of/PREP Iraq/P", {{0, 1, "IRN"}, {5, 6, "IRQ"}}, &b);
  EXPECT_TRUE(Code(b).empty());
}

TEST_F(CoderTest, TraceSaysWhyNot) {
  Built b;
  Build("Iran/P visited/V/visit yesterday/ADV", {{0, 1, "IRN"}}, &b);
  EventCoder coder(dict_, Ontology::Default());
  Article a;
  std::vector<Event> out;
  std::vector<std::string> trace;
  coder.Code(a, b.doc, b.mentions, &out, &trace);
  EXPECT_TRUE(out.empty());
  std::string all;
  for (auto& l : trace) all += l + "\n";
  EXPECT_NE(all.find("fewer than two actors"), std::string::npos) << all;
}

TEST_F(CoderTest, InvitationToVisitIsTheHostsAct) {
  Built b;
  Build("Shibani/P was/AUX/be invited/V/invite to/PREP visit/V Azerbaijan/P",
        {{0, 1, "SYRGOV"}, {5, 6, "AZE"}}, &b);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "036");
  EXPECT_EQ(ev[0].source.code, "AZE");
  EXPECT_EQ(ev[0].target.code, "SYRGOV");

  Built c;  // object control: the one invited is the one who would visit
  Build("Aliyev/P invited/V/invite him/PRON to/PREP visit/V Baku/P",
        {{0, 1, "AZEGOV"}, {2, 3, "SYRGOV"}, {5, 6, "AZE"}}, &c);
  ev = Code(c);
  bool host_invites = false;
  for (const Event& e : ev)
    if (e.cameo == "036" && e.target.code == "SYRGOV" && e.source.country == "AZE") host_invites = true;
  EXPECT_TRUE(host_invites);
}

TEST_F(CoderTest, StateAndItsGovernmentAreOneActor) {
  Built b;
  Build("Tunisia/P reopened/V/reopen its/PRON embassy/N in/PREP Syria/P",
        {{0, 1, "TUN"}, {2, 4, "TUNGOV"}, {5, 6, "SYR"}}, &b);
  b.mentions[1].role = "GOV";
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].target.code, "SYR");
}

TEST_F(CoderTest, RequestedAndRefusedActs) {
  Built b;  // the act urged on someone is not coded as done
  Build("Iran/P urged/V/urge Iraq/P to/PREP visit/V Syria/P", {{0, 1, "IRN"}, {2, 3, "IRQ"}, {5, 6, "SYR"}}, &b);
  for (const Event& e : Code(b)) EXPECT_NE(e.cameo, "042") << e.source.code << "->" << e.target.code;

  Built c;
  Build("Iran/P refused/V/refuse to/PREP meet/V with/PREP Iraq/P", {{0, 1, "IRN"}, {5, 6, "IRQ"}}, &c);
  auto ev = Code(c);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_TRUE(ev[0].negated);
}

TEST_F(CoderTest, TheTwoCountriesAreTheArticlesPair) {
  Built b;
  Build("Syria/P and/CONJ Azerbaijan/P talk/V ./PUNCT The/DET two/NUM countries/N/country "
        "established/V/establish relations/N/relation in/PREP 1992/NUM",
        {{0, 1, "SYR"}, {2, 3, "AZE"}}, &b);
  // Two sentences: the pair is named in the first, referred to in the second.
  b.doc.sentences[0].end_token = 5;
  Sentence second;
  second.first_token = 5;
  second.end_token = static_cast<uint32_t>(b.doc.tokens.size());
  second.begin = b.doc.tokens[5].begin;
  second.end = static_cast<uint32_t>(b.text.size());
  b.doc.sentences.push_back(second);
  AddPairMentions(b.doc, &b.mentions);  // the actor stage's last step
  ASSERT_EQ(b.mentions.size(), 3u);
  EXPECT_EQ(b.mentions[2].kind, MentionKind::kPair);
  auto ev = Code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "054");
  EXPECT_EQ(ev[0].sentence, 1u);
  EXPECT_TRUE(ev[0].symmetric);
  EXPECT_EQ(ev[0].source.code, "SYR");
  EXPECT_EQ(ev[0].target.code, "AZE");
  EXPECT_EQ(ev[0].source.text, "The two countries");
}

// Codes b with its own dictionary (one pattern a line).
std::vector<Event> CodeWith(const char* patterns, const Built& b) {
  Dictionary dict;
  dict.Parse(patterns, "test", [](const Diagnostic& d) { ADD_FAILURE() << d.where << ": " << d.message; });
  EventCoder coder(dict, Ontology::Default());
  Article a;
  a.id = "t";
  std::vector<Event> out;
  coder.Code(a, b.doc, b.mentions, &out);
  return out;
}

TEST(CoderRulesTest, TheOwnerOfTheMatchedWordIsTheTarget) {
  Built b;
  Build("Iran/P rejected/V/reject Iraq/P 's/DET suggestion/N that/SUB Syria/P would/AUX win/V",
        {{0, 1, "IRN"}, {2, 3, "IRQ"}, {6, 7, "SYR"}}, &b);
  auto ev = CodeWith("120 reject ... suggestion ; verb\n", b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "120");
  EXPECT_EQ(ev[0].target.code, "IRQ");  // not Syria, after the match
}

TEST(CoderRulesTest, TheReadingMatchingMoreWordsWins) {
  Built b;
  Build("Iran/P began/V/begin a/DET joint/ADJ military/ADJ exercise/N with/PREP Iraq/P",
        {{0, 1, "IRN"}, {7, 8, "IRQ"}}, &b);
  auto ev = CodeWith("150 begin ... exercise ; verb\n062 joint military exercise with TGT ; symmetric\n", b);
  ASSERT_FALSE(ev.empty());
  for (const Event& e : ev) EXPECT_EQ(e.cameo, "062");
}

TEST(CoderRulesTest, AVerbWithAnObjectOfItsOwnTakesNoTargetBeforeIt) {
  Built b;
  Build("Iraq/P ,/PUNCT where/SUB Iran/P killed/V/kill many/DET people/N/person",
        {{0, 1, "IRQ"}, {3, 4, "IRN"}}, &b);
  EXPECT_TRUE(CodeWith("190 kill ; verb\n", b).empty());
  Built c;  // without an object the actor before is the other party
  Build("Iraq/P ,/PUNCT where/SUB Iran/P attacked/V/attack", {{0, 1, "IRQ"}, {3, 4, "IRN"}}, &c);
  auto ev = CodeWith("190 attack ; verb\n", c);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].target.code, "IRQ");
}

// "SRC[embassy]": only an actor that is an embassy (or a pronoun standing for one) fills
// the slot; flag "state": the embassy's state is the actor.
TEST(CoderSlotTest, RestrictedSlotAndStateActors) {
  Dictionary dict;
  ASSERT_EQ(dict.Parse("054 SRC[embassy|consulate] work ... begin ; noun state\n", "test",
                       [](const Diagnostic& d) { ADD_FAILURE() << d.where << ": " << d.message; }),
            1u);
  EXPECT_EQ(dict.pattern(0).elements[0].kind, PatternElement::kSource);
  EXPECT_EQ(dict.pattern(0).elements[0].words, (std::vector<std::string>{"embassy", "consulate"}));
  EXPECT_TRUE(dict.pattern(0).state_actors);
  auto code = [&](const Built& b) {
    EventCoder coder(dict, Ontology::Default());
    Article a;
    a.id = "t";
    std::vector<Event> out;
    coder.Code(a, b.doc, b.mentions, &out);
    return out;
  };
  // The pronoun stands for the consulate: its work is the consulate's state's act, and the
  // target is where the consulate is.
  Built b;
  Build("The/DET Greek/ADJ consulate/N in/PREP Cairo/P ,/PUNCT and/CONJ its/DET work/N began/V/begin",
        {{0, 3, "GRCGOV"}, {4, 5, "EGY"}, {7, 8, "GRCGOV"}}, &b);
  b.mentions[0].role = "GOV";
  b.mentions[0].kind = MentionKind::kRole;
  b.mentions[2].role = "GOV";
  b.mentions[2].kind = MentionKind::kPronoun;
  b.mentions[2].antecedent = 0;
  auto ev = code(b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "054");
  EXPECT_EQ(ev[0].source.code, "GRC");
  EXPECT_EQ(ev[0].source.role, "");
  EXPECT_EQ(ev[0].target.code, "EGY");
  // The trigger is the pattern's own words, from the possessive on.
  EXPECT_EQ(b.text.substr(ev[0].trigger_begin, ev[0].trigger_end - ev[0].trigger_begin),
            "its work began");

  // The same words with an army: not an embassy, no event.
  Built c;
  Build("The/DET Greek/ADJ army/N in/PREP Cairo/P ,/PUNCT and/CONJ its/DET work/N began/V/begin",
        {{0, 3, "GRCMIL"}, {4, 5, "EGY"}, {7, 8, "GRCMIL"}}, &c);
  c.mentions[0].role = "MIL";
  c.mentions[2].role = "MIL";
  c.mentions[2].kind = MentionKind::kPronoun;
  c.mentions[2].antecedent = 0;
  EXPECT_TRUE(code(c).empty());

  std::vector<std::string> errors;
  Dictionary bad;
  bad.Parse("064 SRC[embassy work\n064 SRC[] work\n064 TGT[embassy work ; state\n", "bad.txt",
            [&](const Diagnostic& d) { errors.push_back(d.message); });
  EXPECT_EQ(bad.size(), 0u);
  EXPECT_EQ(errors.size(), 3u);
}

TEST(CoderRulesTest, AnOptionConsideredIs014) {
  Built b;
  Build("Japan/P is/AUX/be considering/V/consider sending/V/send aid/N to/PREP Iraq/P",
        {{0, 1, "JPN"}, {6, 7, "IRQ"}}, &b);
  auto ev = CodeWith("073 send ... aid ... to TGT ; verb\n", b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].cameo, "014");
  EXPECT_EQ(ev[0].modality, "considered");
  EXPECT_EQ(ev[0].target.code, "IRQ");
}

TEST(CoderRulesTest, ACapitalAfterInIsTheVenueNotTheTarget) {
  Built b;
  Build("Canada/P met/V/meet recently/ADV in/PREP Paris/P", {{0, 1, "CAN"}, {4, 5, "FRA"}}, &b);
  b.mentions[1].kind = MentionKind::kCapital;
  EXPECT_TRUE(CodeWith("040 meet in ; verb symmetric\n", b).empty());
  Built c;  // a noun's complement: the embassy in Damascus is Syria's business
  Build("Azerbaijan/P reopened/V/reopen its/DET embassy/N in/PREP Damascus/P",
        {{0, 1, "AZE"}, {5, 6, "SYR"}}, &c);
  c.mentions[1].kind = MentionKind::kCapital;
  auto ev = CodeWith("050 reopen ... embassy ; verb\n", c);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].target.code, "SYR");
}

TEST(CoderRulesTest, AParticipleOfFeelingIsNoPassive) {
  Built b;
  Build("Syria/P was/AUX/be alarmed/V/alarm by/PREP Turkey/P 's/DET decision/N",
        {{0, 1, "SYR"}, {4, 5, "TUR"}}, &b);
  auto ev = CodeWith("012 alarm ; verb\n", b);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source.code, "SYR");  // the one alarmed voices the concern
  EXPECT_EQ(ev[0].target.code, "TUR");
  Built c;  // a real passive keeps its by-agent as the source
  Build("Syria/P was/AUX/be attacked/V/attack by/PREP Turkey/P", {{0, 1, "SYR"}, {4, 5, "TUR"}}, &c);
  auto ev2 = CodeWith("190 attack TGT ; verb\n", c);
  ASSERT_EQ(ev2.size(), 1u);
  EXPECT_EQ(ev2[0].source.code, "TUR");
}

TEST(CoderRulesTest, TheClosingAttributionHoldsNoTarget) {
  Built b;
  Build("Iran/P attacked/V/attack ,/PUNCT officials/N/official in/PREP Iraq/P said/V/say",
        {{0, 1, "IRN"}, {3, 6, "IRQGOV"}}, &b);
  EXPECT_TRUE(CodeWith("190 attack ; verb\n", b).empty());
}

TEST(DictionaryTest, MalformedLinesAreReportedWithTheirLine) {
  Dictionary d;
  std::vector<std::string> errors;
  size_t n = d.Parse("042 SRC visit TGT\n999 SRC foo TGT\n040 SRC TGT\n040 SRC meet TGT ; loud\n", "x.txt",
                     [&](const Diagnostic& diag) { errors.push_back(diag.where + " " + diag.message); });
  EXPECT_EQ(n, 1u);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("x.txt:2"), std::string::npos);
  EXPECT_NE(errors[0].find("unknown CAMEO code"), std::string::npos);
  EXPECT_NE(errors[1].find("x.txt:3"), std::string::npos);
  EXPECT_NE(errors[2].find("unknown flag"), std::string::npos);
}

TEST(IntentionCodeTest, MapsRealisedActsToIntentions) {
  EXPECT_EQ(EventCoder::IntentionCode("042"), "036");
  EXPECT_EQ(EventCoder::IntentionCode("073"), "0333");
  EXPECT_EQ(EventCoder::IntentionCode("054"), "032");
  EXPECT_EQ(EventCoder::IntentionCode("064"), "031");
  EXPECT_EQ(EventCoder::IntentionCode("190"), "138");
  EXPECT_EQ(EventCoder::IntentionCode("112"), "112");
}

}  // namespace
}  // namespace dyad
