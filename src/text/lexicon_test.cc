#include "text/lexicon.h"

#include <vector>

#include <gtest/gtest.h>

#include "util/embedded_data.h"

namespace dyad {
namespace {

TEST(Lexicon, LoadsEmbeddedDataWithoutErrors) {
  std::vector<Diagnostic> problems;
  Lexicon lex([&](const Diagnostic& d) { problems.push_back(d); });
  for (const Diagnostic& d : problems) ADD_FAILURE() << d.where << ": " << d.message;
  EXPECT_GT(lex.size(), 50000u);
}

TEST(Lexicon, HasManyCommonVerbBases) {
  std::optional<std::string_view> open = EmbeddedFile("lexicon/open_class.tsv");
  ASSERT_TRUE(open.has_value());
  size_t verbs = 0;
  const Lexicon& lex = Lexicon::Default();
  size_t pos = 0;
  while (pos < open->size()) {
    size_t nl = open->find('\n', pos);
    std::string_view line = open->substr(pos, nl - pos);
    pos = nl == std::string_view::npos ? open->size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string_view word = line.substr(0, line.find('\t'));
    const LexEntry* e = lex.Find(word);
    if (e != nullptr && (e->verb_forms & kVerbBase) && e->verb_count > 0) ++verbs;
  }
  EXPECT_GT(verbs, 1500u);
  for (std::string_view v : {"visit", "meet", "reopen", "agree", "use", "stop", "condemn",
                             "airlift", "relaunch", "mediate", "sanction", "criticise"})
    EXPECT_TRUE(lex.IsVerbBase(v)) << v;
  EXPECT_FALSE(lex.IsVerbBase("embassy"));
  EXPECT_FALSE(lex.IsVerbBase("visited"));
}

TEST(Lexicon, Entries) {
  const Lexicon& lex = Lexicon::Default();
  const LexEntry* met = lex.Find("met");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(lex.VerbLemma(*met), "meet");
  EXPECT_TRUE(met->verb_forms & kVerbPast);
  EXPECT_TRUE(met->verb_forms & kVerbParticiple);
  const LexEntry* put = lex.Find("put");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->verb_forms & (kVerbBase | kVerbPast | kVerbParticiple),
            kVerbBase | kVerbPast | kVerbParticiple);
  const LexEntry* talks = lex.Find("talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_TRUE(talks->is_noun);
  EXPECT_TRUE(talks->noun_plural);
  EXPECT_TRUE(talks->verb_forms & kVerbThirdSing);
  EXPECT_EQ(lex.NounLemma(*talks), "talk");
  const LexEntry* the = lex.Find("the");
  ASSERT_NE(the, nullptr);
  EXPECT_EQ(the->closed_tag, Tag::kDet);
  const LexEntry* dr = lex.Find("dr");
  ASSERT_NE(dr, nullptr);
  EXPECT_EQ(dr->abbrev, AbbrevClass::kTitle);
  EXPECT_EQ(lex.Find("zzqx"), nullptr);
  EXPECT_EQ(lex.Find(""), nullptr);
  EXPECT_EQ(lex.Find(std::string(300, 'a')), nullptr);
}

}  // namespace
}  // namespace dyad
