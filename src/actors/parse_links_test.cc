#include "actors/parse_links.h"

#include <gtest/gtest.h>

#include "actors/actors_test_util.h"
#include "syntax/syntax_analyzer.h"

namespace dyad {
namespace {

using actors_test::Analyze;
using actors_test::Analyzed;
using actors_test::CodeOf;

// Analyses, parses every sentence and links the mentions by the parse.
void AnalyzeParsed(std::string_view text, Analyzed* a) {
  Analyze(text, a);
  static const SyntaxAnalyzer syntax;
  ASSERT_TRUE(syntax.ok()) << "syntax models missing";
  SyntaxAnalyzer::Workspace ws;
  for (uint32_t s = 0; s < a->doc.sentences.size(); ++s) syntax.Analyze(&a->doc, s, &ws);
  LinkActorsByParse(a->doc, &a->mentions);
}

TEST(ParseLinksTest, RoleTakesItsOwnersCountry) {
  Analyzed a;
  AnalyzeParsed("Sudan's army-aligned government severed ties with the UAE on Tuesday.", &a);
  EXPECT_EQ(CodeOf(a, "government"), "SDNGOV");
}

// A diplomatic mission is its owner's, not the host's: "its" is the subject's, and the
// place it sits in gives no country.
TEST(ParseLinksTest, AnEmbassyIsItsOwnersNotTheHosts) {
  Analyzed a;
  AnalyzeParsed("Mexico sued Ecuador over the storming of its embassy in Quito. The government "
                "in Quito protested, and the Ecuadoran embassy in Mexico City closed.", &a);
  EXPECT_EQ(CodeOf(a, "embassy"), "MEXGOV");
  EXPECT_EQ(CodeOf(a, "The government in Quito"), "ECUGOV");
  EXPECT_EQ(CodeOf(a, "the Ecuadoran embassy"), "ECUGOV");
}

TEST(ParseLinksTest, PossessivePronounRefersToTheClauseSubject) {
  Analyzed a;
  AnalyzeParsed("The UAE denied the claims. Sudan recalled its ambassador from the UAE.", &a);
  EXPECT_EQ(CodeOf(a, "its"), "SDN");
}

TEST(ParseLinksTest, PronounInsideTheSubjectIsLeftToCoreference) {
  Analyzed a;
  AnalyzeParsed("Sudan accused the UAE. Its ambassador left Khartoum.", &a);
  const ActorMention* its = a.Exactly("Its");
  if (its != nullptr) {
    EXPECT_NE(its->antecedent, -1) << a.Dump();
  }
}

TEST(ParseLinksTest, ReportedItIsTheReportingState) {
  Analyzed a;
  AnalyzeParsed("Sudan's army-aligned government announced Tuesday that it is severing ties "
                "with the UAE. It is clear that the talks failed.", &a);
  EXPECT_EQ(CodeOf(a, "it"), "SDNGOV");
  const ActorMention* it = a.Exactly("it");
  ASSERT_NE(it, nullptr);
  ASSERT_GE(it->antecedent, 0);
  EXPECT_EQ(a.Span(a.mentions[static_cast<size_t>(it->antecedent)]), "government");
  EXPECT_EQ(a.Exactly("It"), nullptr) << a.Dump();  // expletive
  for (size_t i = 1; i < a.mentions.size(); ++i)
    EXPECT_TRUE(a.mentions[i - 1].first_token < a.mentions[i].first_token) << a.Dump();
}

TEST(ParseLinksTest, ALaterDefiniteRoleAndWhatItOwnsFollowTheRecodedHolder) {
  Analyzed a;
  AnalyzeParsed("Sudan's army-aligned government severed ties with the UAE. The government "
                "recalled its ambassador from Abu Dhabi.", &a);
  EXPECT_EQ(CodeOf(a, "The government"), "SDNGOV");
  EXPECT_EQ(CodeOf(a, "its"), "SDNGOV");
  EXPECT_EQ(CodeOf(a, "ambassador"), "SDNGOV");
}

TEST(ParseLinksTest, UnparsedSentencesAreUnchanged) {
  Analyzed a;
  Analyze("Sudan's army-aligned government severed ties with the UAE.", &a);
  std::vector<ActorMention> before = a.mentions;
  LinkActorsByParse(a.doc, &a.mentions);  // nothing parsed
  ASSERT_EQ(before.size(), a.mentions.size());
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].code, a.mentions[i].code);
}

TEST(MentionParserTest, TitleOfCountryThenName) {
  Analyzed a;
  Analyze("President of Kazakhstan Kassym-Zhomart Tokayev held talks in Tashkent.", &a);
  const ActorMention* m = a.Overlapping(0, 9);
  ASSERT_NE(m, nullptr) << a.Dump();
  EXPECT_EQ(m->code, "KAZGOV") << a.Dump();
  EXPECT_EQ(m->kind, MentionKind::kPerson) << a.Dump();
}

}  // namespace
}  // namespace dyad
