#include "text/tagger.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace dyad {
namespace {

struct Tagged {
  Document doc;
  std::string text;
  // Tag of the first token whose text is `word`.
  Tag operator[](std::string_view word) const {
    for (const Token& t : doc.tokens)
      if (doc.TokenText(t) == word) return t.tag;
    ADD_FAILURE() << "no token " << word;
    return Tag::kUnknown;
  }
  std::string Lemma(std::string_view word) const {
    for (const Token& t : doc.tokens)
      if (doc.TokenText(t) == word) return t.lemma;
    ADD_FAILURE() << "no token " << word;
    return "";
  }
};

Tagged Tag_(std::string text) {
  static const TextAnalyzer analyzer;
  Tagged out;
  out.text = std::move(text);
  analyzer.Analyze(out.text, &out.doc);
  return out;
}

TEST(Tagger, NewsSentenceVisit) {
  Tagged s = Tag_(
      "An Azerbaijani delegation led by Deputy Foreign Minister Yalchin Rafiyev has visited "
      "Syria, Azernews reports.");
  EXPECT_EQ(s["An"], Tag::kDet);
  EXPECT_EQ(s["Azerbaijani"], Tag::kProper);
  EXPECT_EQ(s["delegation"], Tag::kNoun);
  EXPECT_EQ(s["led"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("led"), "lead");
  EXPECT_EQ(s["by"], Tag::kPrep);
  EXPECT_EQ(s["Minister"], Tag::kProper);
  EXPECT_EQ(s["has"], Tag::kAux);
  EXPECT_EQ(s.Lemma("has"), "have");
  EXPECT_EQ(s["visited"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("visited"), "visit");
  EXPECT_EQ(s["Syria"], Tag::kProper);
  EXPECT_EQ(s[","], Tag::kPunct);
  EXPECT_EQ(s["reports"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("Syria"), "syria");
}

TEST(Tagger, NounVerbAmbiguity) {
  Tagged a = Tag_("During the visit, he met with the minister and discussed aid.");
  EXPECT_EQ(a["visit"], Tag::kNoun);
  EXPECT_EQ(a["he"], Tag::kPron);
  EXPECT_EQ(a["met"], Tag::kVerb);
  EXPECT_EQ(a.Lemma("met"), "meet");
  EXPECT_EQ(a["discussed"], Tag::kVerb);
  EXPECT_EQ(a["aid"], Tag::kNoun);

  Tagged b = Tag_("He was invited to visit Baku and plans to support the talks.");
  EXPECT_EQ(b["invited"], Tag::kVerb);
  EXPECT_EQ(b["visit"], Tag::kVerb);
  EXPECT_EQ(b["support"], Tag::kVerb);
  EXPECT_EQ(b["talks"], Tag::kNoun);
  EXPECT_EQ(b.Lemma("talks"), "talk");
  EXPECT_EQ(b["plans"], Tag::kVerb);

  Tagged c = Tag_("Talks between the two countries resumed on Monday.");
  EXPECT_EQ(c["Talks"], Tag::kNoun);
  EXPECT_EQ(c["countries"], Tag::kNoun);
  EXPECT_EQ(c.Lemma("countries"), "country");
  EXPECT_EQ(c["resumed"], Tag::kVerb);
  EXPECT_EQ(c["Monday"], Tag::kProper);

  Tagged d = Tag_("Officials attack the plan, and the attack plans were dropped.");
  EXPECT_EQ(d["attack"], Tag::kVerb);
  EXPECT_EQ(d["plan"], Tag::kNoun);
  EXPECT_EQ(d["dropped"], Tag::kVerb);
  EXPECT_EQ(d.Lemma("dropped"), "drop");
}

TEST(Tagger, ParticiplesAndGerunds) {
  Tagged s = Tag_(
      "The embassy, which had been closed for 12 years, is reopening after the reopening of "
      "talks; armed men attacked a convoy loaded with food.");
  EXPECT_EQ(s["closed"], Tag::kVerb);
  EXPECT_EQ(s["12"], Tag::kNum);
  EXPECT_EQ(s["reopening"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("reopening"), "reopen");
  EXPECT_EQ(s["armed"], Tag::kAdj);
  EXPECT_EQ(s["attacked"], Tag::kVerb);
  EXPECT_EQ(s["loaded"], Tag::kVerb);
  EXPECT_EQ(s["which"], Tag::kSubord);
  // The second "reopening" (after "the") is a noun with the verb's lemma.
  const Token* second = nullptr;
  int seen = 0;
  for (const Token& t : s.doc.tokens)
    if (s.doc.TokenText(t) == "reopening" && ++seen == 2) second = &t;
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->tag, Tag::kNoun);
  EXPECT_EQ(second->lemma, "reopen");
}

TEST(Tagger, ClosedClassNegationAndClitics) {
  Tagged s = Tag_("They didn't sign it, but Syria's minister can't refuse.");
  EXPECT_EQ(s["They"], Tag::kPron);
  EXPECT_EQ(s["did"], Tag::kAux);
  EXPECT_EQ(s["n't"], Tag::kNeg);
  EXPECT_EQ(s.Lemma("n't"), "not");
  EXPECT_EQ(s["sign"], Tag::kVerb);
  EXPECT_EQ(s["but"], Tag::kConj);
  EXPECT_EQ(s["'s"], Tag::kDet);
  EXPECT_EQ(s["ca"], Tag::kAux);
  EXPECT_EQ(s.Lemma("ca"), "can");
  EXPECT_EQ(s["refuse"], Tag::kVerb);
  Tagged t = Tag_("It's over and never again.");
  EXPECT_EQ(t["'s"], Tag::kAux);
  EXPECT_EQ(t.Lemma("'s"), "be");
  EXPECT_EQ(t["never"], Tag::kNeg);
}

TEST(Tagger, AdjectivesAdverbsNumbers) {
  Tagged s = Tag_("The humanitarian convoy quickly delivered 200 tons of food and 1,000 blankets.");
  EXPECT_EQ(s["humanitarian"], Tag::kAdj);
  EXPECT_EQ(s["convoy"], Tag::kNoun);
  EXPECT_EQ(s["quickly"], Tag::kAdv);
  EXPECT_EQ(s["delivered"], Tag::kVerb);
  EXPECT_EQ(s["200"], Tag::kNum);
  EXPECT_EQ(s["1,000"], Tag::kNum);
  EXPECT_EQ(s["."], Tag::kPunct);
}

TEST(Tagger, ProperNounsAndNames) {
  Tagged s = Tag_(
      "Foreign Minister Asaad al-Shaibani met Mohammed bin Salman in the United States.");
  EXPECT_EQ(s["Foreign"], Tag::kProper);
  EXPECT_EQ(s["al-Shaibani"], Tag::kProper);
  EXPECT_EQ(s["bin"], Tag::kProper);
  EXPECT_EQ(s["United"], Tag::kProper);
  EXPECT_EQ(s.Lemma("States"), "states");
  EXPECT_EQ(s["met"], Tag::kVerb);
  Tagged u = Tag_("US officials met in May and may meet again.");
  EXPECT_EQ(u["US"], Tag::kProper);
  EXPECT_EQ(u["May"], Tag::kProper);
  EXPECT_EQ(u["may"], Tag::kAux);
}

TEST(Tagger, AllCapsTextIsNotAllProper) {
  Tagged s = Tag_("THE BATTALION REPORTED THAT TERRORISTS KIDNAPPED 50 PEASANTS.");
  EXPECT_EQ(s["THE"], Tag::kDet);
  EXPECT_EQ(s["REPORTED"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("REPORTED"), "report");
  EXPECT_EQ(s["KIDNAPPED"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("KIDNAPPED"), "kidnap");
}

TEST(Tagger, EveryTokenGetsATagAndLemma) {
  Tagged s = Tag_("Zorblax frobnicated the glorbs quickly; «Ça va?» — $5 €3 @ # 😀.");
  for (const Token& t : s.doc.tokens) {
    EXPECT_NE(t.tag, Tag::kUnknown) << s.doc.TokenText(t);
    EXPECT_FALSE(t.lemma.empty()) << s.doc.TokenText(t);
  }
  EXPECT_EQ(s["frobnicated"], Tag::kVerb);
  EXPECT_EQ(s.Lemma("frobnicated"), "frobnicate");
  EXPECT_EQ(s.Lemma("glorbs"), "glorb");
}

TEST(Tagger, HeadlineAndParenthesisVerbs) {
  // A past form that is no participle is a verb after a modifier.
  EXPECT_EQ(Tag_("The U.S. military gave aid to Nicaragua.")["gave"], Tag::kVerb);
  // Headline style: a form mostly used as a verb, before a noun phrase.
  EXPECT_EQ(Tag_("Congo government rejects demands from rebel group.")["rejects"], Tag::kVerb);
  EXPECT_EQ(Tag_("Peace talks resume in Geneva.")["talks"], Tag::kNoun);
  // The word before a parenthesis after a name is the name.
  EXPECT_EQ(Tag_("The Nigerian Air Force (NAF) says it has killed ten militants.")["says"], Tag::kVerb);
}

}  // namespace
}  // namespace dyad
