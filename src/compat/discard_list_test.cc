#include "compat/discard_list.h"

#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace dyad {
namespace {

TEST(DiscardListTest, SentenceAndStoryPhrases) {
  DiscardList d;
  std::vector<Diagnostic> problems;
  EXPECT_EQ(d.Read("# comment\nCROQUET MATCH\n+Eurovision Song Contest  # story\n+\n", "d.txt",
                   [&](const Diagnostic& x) { problems.push_back(x); }),
            2u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "d.txt:4");
  TextAnalyzer a;
  Document doc;
  std::string text = "Freedonia won the croquet match. Sylvania protested.";
  a.Analyze(text, &doc);
  std::vector<bool> flags;
  EXPECT_FALSE(d.Apply(doc, &flags));
  ASSERT_EQ(flags.size(), 2u);
  EXPECT_TRUE(flags[0]);
  EXPECT_FALSE(flags[1]);
  std::string story = "Freedonia sang at the Eurovision Song Contest. Sylvania protested.";
  a.Analyze(story, &doc);
  EXPECT_TRUE(d.Apply(doc, &flags));
}

}  // namespace
}  // namespace dyad
