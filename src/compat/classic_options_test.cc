#include "compat/classic_options.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(ClassicOptionsTest, TabariLines) {
  ClassicCoderOptions o = ClassicCoderOptions::TabariDefaults();
  EXPECT_EQ(o.code_by, CodeBy::kClause);
  EXPECT_EQ(ApplyTabariOption("SET: CODE ALL", &o), "");
  EXPECT_EQ(o.code_by, CodeBy::kAll);
  EXPECT_EQ(ApplyTabariOption("set:  code by  sentence", &o), "");
  EXPECT_EQ(o.code_by, CodeBy::kSentence);
  EXPECT_EQ(ApplyTabariOption("SET: MINIMUM WORDS = 4", &o), "");
  EXPECT_EQ(o.min_words, 4);
  EXPECT_NE(ApplyTabariOption("SET: MINIMUM WORDS = four", &o), "");
  EXPECT_EQ(o.min_words, 4);
  EXPECT_EQ(ApplyTabariOption("SET: CONVERT AGENT = TRUE", &o), "");
  EXPECT_TRUE(o.convert_lone_agents);
  EXPECT_EQ(ApplyTabariOption("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 255 BMAX = 0", &o), "");
  EXPECT_EQ(o.commas.min, 4);
  EXPECT_EQ(o.commas.end_max, 6);
  EXPECT_GT(o.commas.begin_min, o.commas.begin_max);  // off
  EXPECT_NE(ApplyTabariOption("COMMA: MIN = 4 WIDTH = 6", &o), "");
  EXPECT_EQ(ApplyTabariOption("COMMA: OFF", &o), "");
  EXPECT_FALSE(o.commas.any());
  // Lines that do not concern dyad are accepted.
  EXPECT_EQ(ApplyTabariOption("LABEL: 010=YIELD", &o), "");
  EXPECT_EQ(ApplyTabariOption("SET: TIME SHIFT = FALSE", &o), "");
}

TEST(ClassicOptionsTest, DefaultActorsAndForwarding) {
  ClassicCoderOptions o = ClassicCoderOptions::TabariDefaults();
  EXPECT_FALSE(o.defaults.any());
  EXPECT_EQ(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", &o), "");
  EXPECT_EQ(o.defaults.source, "DEFSRC");
  EXPECT_EQ(o.defaults.target, "DEFTAR");
  EXPECT_TRUE(o.defaults.source_prior);
  EXPECT_TRUE(o.defaults.target_after);
  EXPECT_EQ(ApplyTabariOption("DEFAULT: OFF", &o), "");
  EXPECT_FALSE(o.defaults.any());
  EXPECT_EQ(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER", &o), "");
  EXPECT_FALSE(o.defaults.source_prior);
  EXPECT_TRUE(o.defaults.target_after);
  EXPECT_NE(ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] SOMETIMES", &o), "");
  EXPECT_NE(ApplyTabariOption("DEFAULT: [DEFSRC]", &o), "");

  EXPECT_FALSE(o.forward);
  EXPECT_EQ(ApplyTabariOption("FORWARD: ^^*****NNN*SSS", &o), "");
  EXPECT_TRUE(o.forward);
  EXPECT_EQ(ApplyTabariOption("FORWARD: ^^*****NNN*SSS OFF", &o), "");
  EXPECT_FALSE(o.forward);
}

TEST(ClassicOptionsTest, FilesReportWhatTheyCannotUse) {
  ClassicCoderOptions o = ClassicCoderOptions::TabariDefaults();
  std::vector<Diagnostic> d;
  ReadTabariOptions("// comment\nSET: CODE ALL\nSET: MINIMUM WORDS = x\n", "v.options", &o,
                    [&](const Diagnostic& x) { d.push_back(x); });
  EXPECT_EQ(o.code_by, CodeBy::kAll);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where, "v.options:3");

  ClassicCoderOptions p = ClassicCoderOptions::PetrarchDefaults();
  ReadPetrarchOptions("[Dictionaries]\ncomma_min = 9\n[Options]\ncomma_min = 3\ncomma_max = 7\ncomma_bmax = 0\n",
                      "c.ini", &p, nullptr);
  EXPECT_EQ(p.commas.min, 3);
  EXPECT_EQ(p.commas.max, 7);
  EXPECT_GT(p.commas.begin_min, p.commas.begin_max);  // a maximum of zero turns it off
}

}  // namespace
}  // namespace dyad
