#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dyad {
namespace {

std::vector<Diagnostic> Read(const std::string& text, std::vector<ConlluSentence>* out) {
  std::vector<Diagnostic> diags;
  std::istringstream in(text);
  ReadConllu(in, "t.conllu", out, [&](const Diagnostic& d) { diags.push_back(d); });
  return diags;
}

const char kTwo[] =
    "# sent_id = 1\n"
    "# text = Envoys can't meet.\n"
    "1\tEnvoys\tenvoy\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tmeet\tmeet\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

TEST(ConlluTest, ReadsWordsCommentsAndMultiwordLines) {
  std::vector<ConlluSentence> s;
  EXPECT_TRUE(Read(kTwo, &s).empty());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].Text(), "Envoys can't meet.");
  ASSERT_EQ(s[0].words.size(), 5u);
  EXPECT_EQ(s[0].words[1].form, "ca");
  EXPECT_EQ(s[0].words[3].head, 0);
  EXPECT_EQ(s[0].words[2].deprel, "advmod");
  ASSERT_EQ(s[0].other_lines.size(), 1u);
  EXPECT_EQ(s[0].other_lines[0].first, 1u);
  EXPECT_EQ(s[1].line, 10u);
}

TEST(ConlluTest, WritesBackUnchanged) {
  std::vector<ConlluSentence> s;
  Read(kTwo, &s);
  std::ostringstream out;
  for (const auto& sentence : s) WriteConllu(sentence, out);
  EXPECT_EQ(out.str(), std::string(kTwo) + "\n");
}

TEST(ConlluTest, MalformedSentenceIsReportedAndSkippedTheRestKept) {
  std::string bad =
      "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\n"  // nine columns
      "2\tb\tb\tNOUN\tNN\t_\t0\troot\t_\t_\n"
      "\n"
      "1\tX\tx\tX\tFW\t_\tfoo\tdep\t_\t_\n"  // HEAD not a number
      "\n"
      "1\tY\ty\tX\tFW\t_\t7\tdep\t_\t_\n"  // HEAD past the end
      "\n"
      "2\tZ\tz\tX\tFW\t_\t0\troot\t_\t_\n"  // ID out of order
      "\n"
      "1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n";
  std::vector<ConlluSentence> s;
  auto diags = Read(bad, &s);
  ASSERT_EQ(diags.size(), 4u);
  EXPECT_EQ(diags[0].where, "t.conllu:1");
  EXPECT_EQ(diags[1].where, "t.conllu:4");
  EXPECT_EQ(diags[3].where, "t.conllu:8");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].form, "Ok");
}

}  // namespace
}  // namespace dyad
