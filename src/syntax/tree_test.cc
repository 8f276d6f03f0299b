#include "syntax/tree.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace dyad {
namespace {

// A parsed one-sentence document from "word/head/deprel" items (heads 1-based, 0 = root).
struct Parsed {
  std::string text;
  Document doc;
};

void Build(const std::string& spec, Parsed* p) {
  std::istringstream in(spec);
  std::string item;
  std::vector<std::tuple<std::string, int, std::string>> words;
  while (in >> item) {
    size_t a = item.find('/');
    size_t b = item.find('/', a + 1);
    words.emplace_back(item.substr(0, a), std::stoi(item.substr(a + 1, b - a - 1)), item.substr(b + 1));
  }
  for (auto& [w, h, d] : words) p->text += (p->text.empty() ? "" : " ") + w;
  p->doc.text = p->text;
  uint32_t pos = 0;
  for (auto& [w, h, d] : words) {
    Token t;
    t.begin = pos;
    t.end = pos + static_cast<uint32_t>(w.size());
    pos = t.end + 1;
    t.norm = w;
    t.lemma = w;
    t.head = h == 0 ? Token::kNoHead : static_cast<uint32_t>(h - 1);
    t.deprel = DeprelFromName(d);
    t.upos = d == "root" || d == "conj" || d == "advcl" || d == "acl" ? UPos::VERB : UPos::NOUN;
    p->doc.tokens.push_back(t);
  }
  Sentence s;
  s.end = static_cast<uint32_t>(p->text.size());
  s.end_token = static_cast<uint32_t>(p->doc.tokens.size());
  s.parsed = true;
  p->doc.sentences.push_back(s);
}

// "Officials met in Ankara and signed a deal made in 1997"
TEST(TreeTest, ClauseOfClimbsToThePredicate) {
  Parsed p;
  Build("Officials/2/nsubj met/0/root in/4/case Ankara/2/obl and/6/cc signed/2/conj a/8/det "
        "deal/6/obj made/8/acl in/11/case 1997/9/obl",
        &p);
  const Sentence& s = p.doc.sentences[0];
  EXPECT_EQ(ClauseOf(p.doc, s, 3), 1u);   // Ankara -> met
  EXPECT_EQ(ClauseOf(p.doc, s, 7), 5u);   // deal -> signed (a coordinated verb)
  EXPECT_EQ(ClauseOf(p.doc, s, 10), 8u);  // 1997 -> made
  EXPECT_EQ(ParentClause(p.doc, s, 8), 5u);
  EXPECT_EQ(ParentClause(p.doc, s, 5), 1u);
  EXPECT_EQ(ParentClause(p.doc, s, 1), Token::kNoHead);
  EXPECT_EQ(CaseOf(p.doc, s, 3), "in");
  EXPECT_EQ(CaseOf(p.doc, s, 7), "");
  EXPECT_EQ(PhraseHead(p.doc, s, 6, 8), 7u);  // "a deal"
  EXPECT_EQ(TokenAtOffset(p.doc, s, 0), 0u);
  EXPECT_EQ(TokenAtOffset(p.doc, s, 15), 2u);  // inside "in"
  EXPECT_EQ(TokenAtOffset(p.doc, s, 999), 10u);
}

TEST(TreeTest, UnparsedSentencesHaveNoClauses) {
  Parsed p;
  Build("a/2/det b/0/root", &p);
  p.doc.sentences[0].parsed = false;
  const Sentence& s = p.doc.sentences[0];
  EXPECT_EQ(ClauseOf(p.doc, s, 0), 0u);
  EXPECT_EQ(ParentClause(p.doc, s, 1), Token::kNoHead);
  EXPECT_EQ(CaseOf(p.doc, s, 1), "");
}

TEST(TreeTest, ACycleInABadParseCannotHang) {
  Parsed p;
  Build("a/2/nmod b/1/nmod", &p);  // not a tree: each the other's head
  const Sentence& s = p.doc.sentences[0];
  ClauseOf(p.doc, s, 0);  // returns after at most the sentence's length of steps
  SUCCEED();
}

}  // namespace
}  // namespace dyad
