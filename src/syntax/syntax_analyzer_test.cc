#include "syntax/syntax_analyzer.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace dyad {
namespace {

struct Parse {
  std::vector<std::string_view> forms;
  std::vector<UPos> upos;
  std::vector<int32_t> heads;
  std::vector<Deprel> deprels;
  void Repair() {
    PromoteParticiplePredicate(forms.data(), forms.size(), upos.data(), heads.data(), deprels.data());
  }
};

TEST(PromoteParticiplePredicateTest, TheOnlyVerbOfASentenceIsItsPredicate) {
  // "Tajik forces fired at Kyrgyz guards ." read as a noun phrase with a participle.
  Parse p{{"Tajik", "forces", "fired", "at", "Kyrgyz", "guards", "."},
          {UPos::ADJ, UPos::NOUN, UPos::VERB, UPos::ADP, UPos::ADJ, UPos::NOUN, UPos::PUNCT},
          {2, 0, 2, 6, 6, 3, 2},
          {Deprel::amod, Deprel::root, Deprel::acl, Deprel::case_, Deprel::amod, Deprel::obl, Deprel::punct}};
  p.Repair();
  EXPECT_EQ(p.heads, (std::vector<int32_t>{2, 3, 0, 6, 6, 3, 3}));
  EXPECT_EQ(p.deprels[1], Deprel::nsubj);
  EXPECT_EQ(p.deprels[2], Deprel::root);
}

TEST(PromoteParticiplePredicateTest, PassivesHeadlinesAndCopulasStay) {
  // "Soldiers killed by militants ." keeps its passive participle.
  Parse agent{{"Soldiers", "killed", "by", "militants", "."},
              {UPos::NOUN, UPos::VERB, UPos::ADP, UPos::NOUN, UPos::PUNCT},
              {0, 1, 4, 2, 1},
              {Deprel::root, Deprel::acl, Deprel::case_, Deprel::obl, Deprel::punct}};
  Parse before = agent;
  agent.Repair();
  EXPECT_EQ(agent.heads, before.heads);
  // No full stop: a headline ("Troops deployed to border").
  Parse headline{{"Troops", "deployed", "to", "border"},
                 {UPos::NOUN, UPos::VERB, UPos::ADP, UPos::NOUN},
                 {0, 1, 4, 2},
                 {Deprel::root, Deprel::acl, Deprel::case_, Deprel::obl}};
  before = headline;
  headline.Repair();
  EXPECT_EQ(headline.heads, before.heads);
  // "It is a country torn by war ." has a copula on its noun root.
  Parse copula{{"It", "is", "a", "country", "torn", "apart", "."},
               {UPos::PRON, UPos::AUX, UPos::DET, UPos::NOUN, UPos::VERB, UPos::ADV, UPos::PUNCT},
               {4, 4, 4, 0, 4, 5, 4},
               {Deprel::nsubj, Deprel::cop, Deprel::det, Deprel::root, Deprel::acl, Deprel::advmod, Deprel::punct}};
  before = copula;
  copula.Repair();
  EXPECT_EQ(copula.heads, before.heads);
}

}  // namespace
}  // namespace dyad
