#include "text/lemmatizer.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::string Verb(std::string_view w) { return LemmaOf(Lexicon::Default(), w, Tag::kVerb); }
std::string Noun(std::string_view w) { return LemmaOf(Lexicon::Default(), w, Tag::kNoun); }

TEST(Lemmatizer, IrregularVerbs) {
  EXPECT_EQ(Verb("met"), "meet");
  EXPECT_EQ(Verb("held"), "hold");
  EXPECT_EQ(Verb("led"), "lead");
  EXPECT_EQ(Verb("gave"), "give");
  EXPECT_EQ(Verb("given"), "give");
  EXPECT_EQ(Verb("sent"), "send");
  EXPECT_EQ(Verb("struck"), "strike");
  EXPECT_EQ(Verb("fought"), "fight");
  EXPECT_EQ(Verb("was"), "be");
  EXPECT_EQ(Verb("were"), "be");
  EXPECT_EQ(Verb("is"), "be");
  EXPECT_EQ(Verb("has"), "have");
  EXPECT_EQ(Verb("had"), "have");
  EXPECT_EQ(Verb("drew"), "draw");
  EXPECT_EQ(Verb("left"), "leave");
  EXPECT_EQ(Verb("saw"), "see");
  EXPECT_EQ(Verb("found"), "find");
  EXPECT_EQ(Verb("withdrew"), "withdraw");
  EXPECT_EQ(Verb("overthrown"), "overthrow");
  EXPECT_EQ(Verb("shot"), "shoot");
  EXPECT_EQ(Verb("fled"), "flee");
  EXPECT_EQ(Verb("sought"), "seek");
  EXPECT_EQ(Verb("went"), "go");
  EXPECT_EQ(Verb("goes"), "go");
  EXPECT_EQ(Verb("gives"), "give");
  EXPECT_EQ(Verb("giving"), "give");
}

TEST(Lemmatizer, RegularVerbs) {
  EXPECT_EQ(Verb("visited"), "visit");
  EXPECT_EQ(Verb("visiting"), "visit");
  EXPECT_EQ(Verb("visits"), "visit");
  EXPECT_EQ(Verb("talks"), "talk");
  EXPECT_EQ(Verb("reopening"), "reopen");
  EXPECT_EQ(Verb("reopened"), "reopen");
  EXPECT_EQ(Verb("stopped"), "stop");
  EXPECT_EQ(Verb("stopping"), "stop");
  EXPECT_EQ(Verb("used"), "use");
  EXPECT_EQ(Verb("using"), "use");
  EXPECT_EQ(Verb("agreed"), "agree");
  EXPECT_EQ(Verb("agreeing"), "agree");
  EXPECT_EQ(Verb("tries"), "try");
  EXPECT_EQ(Verb("tried"), "try");
  EXPECT_EQ(Verb("hoped"), "hope");
  EXPECT_EQ(Verb("hopped"), "hop");
  EXPECT_EQ(Verb("planned"), "plan");
  EXPECT_EQ(Verb("referred"), "refer");
  EXPECT_EQ(Verb("controlled"), "control");
  EXPECT_EQ(Verb("travelled"), "travel");
  EXPECT_EQ(Verb("traveled"), "travel");
  EXPECT_EQ(Verb("died"), "die");
  EXPECT_EQ(Verb("dying"), "die");
  EXPECT_EQ(Verb("panicked"), "panic");
  EXPECT_EQ(Verb("killed"), "kill");
  EXPECT_EQ(Verb("criticised"), "criticise");
  EXPECT_EQ(Verb("criticized"), "criticize");
  EXPECT_EQ(Verb("reaffirming"), "reaffirm");
  EXPECT_EQ(Verb("condemns"), "condemn");
  EXPECT_EQ(Verb("freed"), "free");
  EXPECT_EQ(Verb("needed"), "need");
  EXPECT_EQ(Verb("rated"), "rate");
  EXPECT_EQ(Verb("noted"), "note");
  EXPECT_EQ(Verb("airlifted"), "airlift");
  EXPECT_EQ(Verb("relaunched"), "relaunch");
}

TEST(Lemmatizer, UnknownVerbsBySuffixRules) {
  std::string buf;
  EXPECT_EQ(GuessVerbLemma("zorbed", &buf), "zorb");
  EXPECT_EQ(GuessVerbLemma("blorpped", &buf), "blorp");
  EXPECT_EQ(GuessVerbLemma("skrivved", &buf), "skriv");
  EXPECT_EQ(GuessVerbLemma("frobnicated", &buf), "frobnicate");
  EXPECT_EQ(GuessVerbLemma("glorified", &buf), "glorify");
  EXPECT_EQ(GuessVerbLemma("zorbing", &buf), "zorb");
  EXPECT_EQ(GuessVerbLemma("ing", &buf), "ing");
}

TEST(Lemmatizer, Nouns) {
  EXPECT_EQ(Noun("talks"), "talk");
  EXPECT_EQ(Noun("countries"), "country");
  EXPECT_EQ(Noun("children"), "child");
  EXPECT_EQ(Noun("people"), "people");
  EXPECT_EQ(Noun("men"), "man");
  EXPECT_EQ(Noun("women"), "woman");
  EXPECT_EQ(Noun("crises"), "crisis");
  EXPECT_EQ(Noun("congratulations"), "congratulation");
  EXPECT_EQ(Noun("discussions"), "discussion");
  EXPECT_EQ(Noun("news"), "news");
  EXPECT_EQ(Noun("relations"), "relation");
  EXPECT_EQ(Noun("embassies"), "embassy");
  EXPECT_EQ(Noun("convoys"), "convoy");
  EXPECT_EQ(Noun("ministries"), "ministry");
  EXPECT_EQ(Noun("lives"), "life");
  EXPECT_EQ(Noun("gunmen"), "gunman");
  EXPECT_EQ(Noun("series"), "series");
  EXPECT_EQ(Noun("analyses"), "analysis");
  EXPECT_EQ(Noun("bus"), "bus");
  EXPECT_EQ(Noun("buses"), "bus");
  EXPECT_EQ(Noun("status"), "status");
  EXPECT_EQ(Noun("process"), "process");
  EXPECT_EQ(Noun("processes"), "process");
  EXPECT_EQ(Noun("boxes"), "box");
  EXPECT_EQ(Noun("data"), "data");
  EXPECT_EQ(Noun("headquarters"), "headquarters");
  EXPECT_EQ(Noun("evening"), "evening");
  // A gerund used as a noun takes its verb's lemma.
  EXPECT_EQ(Noun("reopening"), "reopen");
  // Unknown plurals.
  EXPECT_EQ(Noun("drones"), "drone");
  EXPECT_EQ(Noun("zorbs"), "zorb");
  EXPECT_EQ(Noun("zorbies"), "zorby");
  EXPECT_EQ(Noun("zorbus"), "zorbus");
}

TEST(Lemmatizer, ClosedClassAndOthers) {
  const Lexicon& lex = Lexicon::Default();
  EXPECT_EQ(LemmaOf(lex, "n't", Tag::kNeg), "not");
  EXPECT_EQ(LemmaOf(lex, "'re", Tag::kAux), "be");
  EXPECT_EQ(LemmaOf(lex, "wo", Tag::kAux), "will");
  EXPECT_EQ(LemmaOf(lex, "could", Tag::kAux), "can");
  EXPECT_EQ(LemmaOf(lex, "the", Tag::kDet), "the");
  // Proper nouns and adjectives keep their form.
  EXPECT_EQ(LemmaOf(lex, "states", Tag::kProper), "states");
  EXPECT_EQ(LemmaOf(lex, "united", Tag::kProper), "united");
  EXPECT_EQ(LemmaOf(lex, "armed", Tag::kAdj), "armed");
}

}  // namespace
}  // namespace dyad
