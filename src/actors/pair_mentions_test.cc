#include "actors/pair_mentions.h"

#include <gtest/gtest.h>

#include "actors/actors_test_util.h"
#include "actors/parse_links.h"
#include "syntax/syntax_analyzer.h"

namespace dyad {
namespace {

using actors_test::Analyze;
using actors_test::Analyzed;

// "ARM+AZE" for a pair mention, its code otherwise; a message when there is none.
std::string PairOf(const Analyzed& a, std::string_view span) {
  const ActorMention* m = a.Exactly(span);
  if (m == nullptr) return "(no mention '" + std::string(span) + "')\n" + a.Dump();
  return m->kind == MentionKind::kPair ? m->code + "+" + m->pair_code : m->code;
}

TEST(PairMentionsTest, ThePairIsTheCountriesNamedTogether) {
  Analyzed a;
  // The coordinated pair beats the venue named in the same sentence.
  Analyze("Armenia and Azerbaijan signed a peace deal in Washington on Friday. "
          "Washington secured agreements with both countries. "
          "The two countries agreed to reopen embassies.", &a);
  EXPECT_EQ(PairOf(a, "both countries"), "ARM+AZE");
  EXPECT_EQ(PairOf(a, "The two countries"), "ARM+AZE");
}

TEST(PairMentionsTest, HeadWordGivesTheRole) {
  Analyzed a;
  Analyze("Syria and Azerbaijan restored ties. The two foreign ministers met in Baku, and "
          "both armies held drills. The sides agreed to meet again.", &a);
  EXPECT_EQ(PairOf(a, "The two foreign ministers"), "SYRGOV+AZEGOV");
  EXPECT_EQ(PairOf(a, "both armies"), "SYRMIL+AZEMIL");
  EXPECT_EQ(PairOf(a, "The sides"), "SYR+AZE");
}

TEST(PairMentionsTest, TheLatestPairOfEqualsAndNoPairWithoutTwoCountries) {
  Analyzed a;
  Analyze("The two countries signed a deal. Russia and China met. Peru and Chile met. "
          "Both sides praised the talks.", &a);
  EXPECT_EQ(a.Exactly("The two countries"), nullptr) << a.Dump();  // no pair named yet
  EXPECT_EQ(PairOf(a, "Both sides"), "PER+CHL");
}

TEST(PairMentionsTest, NotAPairPhrase) {
  Analyzed a;
  Analyze("Russia and China met. Both Russia and China gained, and the parties of the "
          "coalition agreed. The two-day visit ended.", &a);
  for (const ActorMention& m : a.mentions) EXPECT_NE(m.kind, MentionKind::kPair) << a.Dump();
}

TEST(PairMentionsTest, ThePairsPossessiveAndWhatItOwnsAreThePair) {
  Analyzed a;
  Analyze("Armenia and Azerbaijan signed a deal. The two countries agreed to reopen their embassies.", &a);
  static const SyntaxAnalyzer syntax;
  ASSERT_TRUE(syntax.ok()) << "syntax models missing";
  SyntaxAnalyzer::Workspace ws;
  for (uint32_t s = 0; s < a.doc.sentences.size(); ++s) syntax.Analyze(&a.doc, s, &ws);
  LinkActorsByParse(a.doc, &a.mentions);
  EXPECT_EQ(PairOf(a, "their"), "ARM+AZE");
  EXPECT_EQ(PairOf(a, "embassies"), "ARMGOV+AZEGOV");
}

}  // namespace
}  // namespace dyad
