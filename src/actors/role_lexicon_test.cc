#include "actors/role_lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

// The role phrase at the first token of text (kHeads), as "phrase:code:end".
std::string RoleAtStart(const std::string& text, RoleFilter filter = RoleFilter::kHeads) {
  actors_test::Analyzed a;
  a.text = text;
  actors_test::Analyzer().Analyze(a.text, &a.doc);
  uint32_t r = 0, e = 0;
  const RoleLexicon& lex = RoleLexicon::BuiltIn();
  if (!lex.LongestAt(a.doc, 0, static_cast<uint32_t>(a.doc.tokens.size()), filter, &r, &e)) {
    return "none";
  }
  return lex.role(r).phrase + ":" + (lex.role(r).absolute ? "=" : "") + lex.role(r).code + ":" +
         std::to_string(e);
}

TEST(RoleLexiconTest, PhrasesAndCodes) {
  EXPECT_EQ(RoleAtStart("foreign minister said"), "foreign minister:GOV:2");
  EXPECT_EQ(RoleAtStart("Ministry of Foreign Affairs said"), "ministry of foreign affairs:GOV:4");
  EXPECT_EQ(RoleAtStart("defence ministry said"), "defence ministry:GOVMIL:2");
  EXPECT_EQ(RoleAtStart("troops fired"), "troops:MIL:1");
  EXPECT_EQ(RoleAtStart("rebels fired"), "rebel:REB:1");          // plural of a listed singular
  EXPECT_EQ(RoleAtStart("embassies closed"), "embassy:GOV:1");     // -ies plural
  EXPECT_EQ(RoleAtStart("police said"), "police:COP:1");
  EXPECT_EQ(RoleAtStart("peacekeepers left"), "peacekeeper:=IGOPKO:1");
  EXPECT_EQ(RoleAtStart("chargé d'affaires said"), "chargé d'affaires:GOV:2");
  EXPECT_EQ(RoleAtStart("charge d'affaires said"), "charge d'affaires:GOV:2");
  EXPECT_EQ(RoleAtStart("people said"), "people::1");  // the country itself
  EXPECT_EQ(RoleAtStart("table said"), "none");
}

TEST(RoleLexiconTest, Filters) {
  EXPECT_EQ(RoleAtStart("deputy minister", RoleFilter::kHeads), "none");
  EXPECT_EQ(RoleAtStart("deputy minister", RoleFilter::kModifiers), "deputy::1");
  EXPECT_EQ(RoleAtStart("former minister", RoleFilter::kModifiers), "former:ELI:1");
  EXPECT_EQ(RoleAtStart("Dr. Hassan", RoleFilter::kHonorifics).substr(0, 3), "dr.");
}

TEST(RoleLexiconTest, MalformedLinesAreReportedAndSkipped) {
  std::vector<Diagnostic> seen;
  DiagnosticSink sink = [&](const Diagnostic& d) { seen.push_back(d); };
  RoleLexicon lex = RoleLexicon::FromText(
      "# roles\n"
      "minister\tGOV\ttitle\tyes\n"
      "general\tMIL\tsoldier\tyes\n"   // unknown kind
      "army\tmil\tbody\tyes\n"         // bad code
      "navy\tMIL\n"                    // too few columns
      "police\tCOP\tbody\tmaybe\n"     // bad alone column
      "\tGOV\tbody\n"                  // empty phrase
      "peacekeeper\t=IGOPKO\tgroup\tyes\n",
      sink);
  EXPECT_EQ(lex.size(), 2u);
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen[0].where, "actors/roles.tsv:3");
  EXPECT_EQ(seen[4].where, "actors/roles.tsv:7");
  EXPECT_TRUE(lex.role(1).absolute);
  EXPECT_EQ(lex.role(1).code, "IGOPKO");
}

}  // namespace
}  // namespace dyad
