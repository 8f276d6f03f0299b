#include "events/ontology.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace dyad {
namespace {

TEST(OntologyTest, VisitIsConsult) {
  const CameoCode* c = Ontology::Default().Find("042");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "042");
  EXPECT_EQ(c->name, "Make a visit");
  EXPECT_DOUBLE_EQ(c->goldstein, 1.9);
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ(c->plover_type, "CONSULT");
  EXPECT_EQ(c->plover_mode, "visit");
}

TEST(OntologyTest, CodesAreStringsWithLeadingZeros) {
  const Ontology& o = Ontology::Default();
  EXPECT_NE(o.Find("0331"), nullptr);
  EXPECT_EQ(o.Find("42"), nullptr);
  EXPECT_EQ(o.Find("331"), nullptr);
  EXPECT_EQ(o.Find(""), nullptr);
  EXPECT_EQ(o.Find("99"), nullptr);
}

TEST(OntologyTest, EveryRootPresent) {
  const Ontology& o = Ontology::Default();
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    const CameoCode* c = o.Find(root);
    ASSERT_NE(c, nullptr) << root;
    EXPECT_EQ(CameoRoot(c->code), root);
  }
}

TEST(OntologyTest, EveryParentExistsAndQuadMatchesRoot) {
  const Ontology& o = Ontology::Default();
  ASSERT_GT(o.codes().size(), 300u);
  for (const CameoCode& c : o.codes()) {
    ASSERT_GE(c.code.size(), 2u) << c.code;
    ASSERT_LE(c.code.size(), 4u) << c.code;
    if (c.code.size() > 2) {
      std::string parent = c.code.substr(0, c.code.size() - 1);
      EXPECT_NE(o.Find(parent), nullptr) << c.code << " has no parent " << parent;
    }
    const CameoCode* root = o.Find(CameoRoot(c.code));
    ASSERT_NE(root, nullptr) << c.code;
    EXPECT_EQ(c.quad_class, root->quad_class) << c.code;
    EXPECT_GE(c.goldstein, -10.0);
    EXPECT_LE(c.goldstein, 10.0);
    EXPECT_EQ(o.Find(c.code), &c);
  }
}

TEST(OntologyTest, PloverTypesInheritedAndValid) {
  const std::set<std::string> kTypes = {
      "AGREE",   "CONSULT",  "SUPPORT",  "CONCEDE", "COOPERATE", "AID",
      "RETREAT", "REQUEST",  "ACCUSE",   "REJECT",  "THREATEN",  "PROTEST",
      "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};
  const Ontology& o = Ontology::Default();
  for (const CameoCode& c : o.codes()) {
    std::string root = std::string(CameoRoot(c.code));
    if (root == "01" || root == "02") {
      EXPECT_EQ(c.plover_type, "") << c.code;  // PLOVER has no statements or appeals
      continue;
    }
    EXPECT_EQ(kTypes.count(c.plover_type), 1u) << c.code << " '" << c.plover_type << "'";
  }
  EXPECT_EQ(o.Find("08")->plover_type, "CONCEDE");
  EXPECT_EQ(o.Find("0872")->plover_type, "RETREAT");
  EXPECT_EQ(o.Find("0872")->plover_mode, "withdraw");
  EXPECT_EQ(o.Find("1712")->plover_type, "ASSAULT");
  EXPECT_EQ(o.Find("175")->plover_mode, "");
  EXPECT_EQ(o.Find("175")->plover_contexts, "pro_autocracy;military");
  EXPECT_EQ(o.Find("190")->quad_class, 4);
  EXPECT_DOUBLE_EQ(o.Find("190")->goldstein, -10.0);
}

TEST(OntologyTest, ParsesSixOrSevenColumnsAndComments) {
  Ontology o = Ontology::Parse(
      "# comment\n\n04\tConsult\t1.0\t1\tCONSULT\t-\n"
      "042\tMake a visit\t1.9\t1\tCONSULT\tvisit\tdiplomatic;military\r\n",
      "t.tsv");
  ASSERT_EQ(o.codes().size(), 2u);
  EXPECT_EQ(o.Find("04")->plover_mode, "");
  EXPECT_EQ(o.Find("04")->plover_contexts, "");
  EXPECT_EQ(o.Find("042")->plover_contexts, "diplomatic;military");
}

void ExpectParseError(const std::string& tsv, const std::string& where, const std::string& what) {
  try {
    Ontology::Parse(tsv, "table.tsv");
    ADD_FAILURE() << "no error for: " << tsv;
  } catch (const std::runtime_error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find(where), std::string::npos) << msg;
    EXPECT_NE(msg.find(what), std::string::npos) << msg;
  }
}

TEST(OntologyTest, MalformedLinesNameOriginAndLine) {
  const std::string ok = "# header\n04\tConsult\t1.0\t1\tCONSULT\t-\n";
  ExpectParseError(ok + "042\tMake a visit\t1.9\n", "table.tsv:3:", "columns");
  ExpectParseError(ok + "42\tMake a visit\t1.9\t1\tCONSULT\tvisit\n", "table.tsv:3:", "root");
  ExpectParseError(ok + "04x\tMake a visit\t1.9\t1\tCONSULT\tvisit\n", "table.tsv:3:", "code");
  ExpectParseError(ok + "042\tMake a visit\tlots\t1\tCONSULT\tvisit\n", "table.tsv:3:",
                   "Goldstein");
  ExpectParseError(ok + "042\tMake a visit\t11\t1\tCONSULT\tvisit\n", "table.tsv:3:",
                   "Goldstein");
  ExpectParseError(ok + "042\tMake a visit\t1.9\t5\tCONSULT\tvisit\n", "table.tsv:3:", "quad");
  ExpectParseError(ok + "04\tConsult\t1.0\t1\tCONSULT\t-\n", "table.tsv:3:", "duplicate");
  ExpectParseError(ok + "042\tx\t1.9\t1\tCONSULT\tvisit\ta\tb\n", "table.tsv:3:", "many");
}

// The committed table agrees with the reference table it was generated from.
TEST(OntologyTest, MatchesSharedCameoTable) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/data/cameo/cameo_event_table.tsv");
  if (!in) GTEST_SKIP() << "shared CAMEO table not found under " << DYAD_SHARED_DIR;
  const Ontology& o = Ontology::Default();
  std::string line;
  size_t rows = 0;
  std::getline(in, line);  // column header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string code, level, root, base, name, goldstein, goldstein_icews, quad;
    std::getline(fields, code, '\t');
    std::getline(fields, level, '\t');
    std::getline(fields, root, '\t');
    std::getline(fields, base, '\t');
    std::getline(fields, name, '\t');
    std::getline(fields, goldstein, '\t');
    std::getline(fields, goldstein_icews, '\t');
    std::getline(fields, quad, '\t');
    const CameoCode* c = o.Find(code);
    ASSERT_NE(c, nullptr) << code;
    EXPECT_DOUBLE_EQ(c->goldstein, std::stod(goldstein)) << code;
    EXPECT_EQ(c->quad_class, std::stoi(quad)) << code;
    ++rows;
  }
  EXPECT_EQ(rows, o.codes().size());
}

}  // namespace
}  // namespace dyad
