#include "ingest/jsonl_article.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "util/hash.h"

namespace dyad {
namespace {

struct Collected {
  std::vector<Diagnostic> all;
  DiagnosticSink sink() {
    return [this](const Diagnostic& d) { all.push_back(d); };
  }
};

TEST(JsonlArticleTest, CanonicalFields) {
  Collected diag;
  const auto a = ParseJsonLine(
      R"({"id":"a1","url":"https://x.org/1","outlet":"SANA","published":"2024-12-30",)"
      R"("title":"Talks","text":"Syria and Azerbaijan held talks.","dateline":"Damascus",)"
      R"("byline":"Jane Doe","distributor":"MENAFN","language":"en"})",
      "f.jsonl:1", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "a1");
  EXPECT_EQ(a->url, "https://x.org/1");
  EXPECT_EQ(a->outlet, "SANA");
  EXPECT_EQ(a->published, "2024-12-30");
  EXPECT_EQ(a->title, "Talks");
  EXPECT_EQ(a->text, "Syria and Azerbaijan held talks.");
  EXPECT_EQ(a->dateline, "Damascus");
  EXPECT_EQ(a->byline, "Jane Doe");
  EXPECT_EQ(a->distributor, "MENAFN");
  EXPECT_EQ(a->metadata_json, "{}");
  EXPECT_EQ(a->origin, "f.jsonl:1");
  EXPECT_TRUE(diag.all.empty());
}

TEST(JsonlArticleTest, AliasesAndMetadata) {
  Collected diag;
  const auto a = ParseJsonLine(
      R"({"headline":"H","body":"B text.","content":"other","source":"AP",)"
      R"("publish_date":"Dec 30, 2024","dataset":"pool","tags":["a","b"],"score":3.5})",
      "f:2", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title, "H");
  EXPECT_EQ(a->text, "B text.");
  EXPECT_EQ(a->outlet, "AP");
  EXPECT_EQ(a->published, "2024-12-30");
  const auto meta = nlohmann::json::parse(a->metadata_json);
  EXPECT_EQ(meta["content"], "other");  // the less preferred alias is kept
  EXPECT_EQ(meta["dataset"], "pool");
  EXPECT_EQ(meta["tags"], nlohmann::json({"a", "b"}));
  EXPECT_EQ(meta["score"], 3.5);
  EXPECT_EQ(a->id, HexId(Hash64("H\nB text.")));
  EXPECT_TRUE(diag.all.empty());  // unknown fields are no problem
}

TEST(JsonlArticleTest, NewsPoolRecord) {
  Collected diag;
  const auto a = ParseJsonLine(
      R"({"id": "reuters21578:1", "dataset": "reuters21578", "date": "26-FEB-1987 15:01:01.79", )"
      R"("title": "BAHIA COCOA REVIEW", "text": "Showers continued.\n Reuter\n"})",
      "pool.jsonl:1", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "reuters21578:1");
  EXPECT_EQ(a->published, "1987-02-26");
  EXPECT_EQ(a->text, "Showers continued.");  // the wire end mark is gone
  EXPECT_EQ(a->metadata_json, R"({"dataset":"reuters21578"})");
}

TEST(JsonlArticleTest, NumericIdAndObjectSourceAndAuthorList) {
  Collected diag;
  const auto a = ParseJsonLine(
      R"({"id":42,"source":{"id":null,"name":"BBC News"},"authors":["A One","B Two"],"text":"T."})",
      "f:3", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, "42");
  EXPECT_EQ(a->outlet, "BBC News");
  EXPECT_EQ(a->byline, "A One, B Two");
  EXPECT_EQ(nlohmann::json::parse(a->metadata_json)["source"]["name"], "BBC News");
}

TEST(JsonlArticleTest, DatelineInTextIsRead) {
  Collected diag;
  const auto a = ParseJsonLine(
      R"({"text":"HAVANA (AP) --\n\nCuba said it would reopen talks."})", "f:4", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->dateline, "Havana");
  EXPECT_EQ(a->outlet, "AP");
  EXPECT_EQ(a->text, "Cuba said it would reopen talks.");
  // A dateline field given by the record is trusted; the text stays as it is.
  const auto b = ParseJsonLine(R"({"dateline":"Havana","text":"HAVANA (AP) - Cuba said."})",
                               "f:5", diag.sink());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->text, "HAVANA (AP) - Cuba said.");
}

TEST(JsonlArticleTest, UnrecognisedDate) {
  Collected diag;
  auto a = ParseJsonLine(R"({"date":"2004/2005","text":"T."})", "f:6", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->published, "");
  EXPECT_EQ(nlohmann::json::parse(a->metadata_json)["date"], "2004/2005");
  ASSERT_EQ(diag.all.size(), 1u);
  EXPECT_EQ(diag.all[0].severity, Severity::kWarning);
  EXPECT_EQ(diag.all[0].where, "f:6");
  // With a collector the reader can warn once per file instead.
  diag.all.clear();
  std::string first;
  a = ParseJsonLine(R"({"date":"spring","text":"T."})", "f:7", diag.sink(), &first);
  ASSERT_TRUE(a);
  EXPECT_EQ(first, "spring");
  EXPECT_TRUE(diag.all.empty());
}

TEST(JsonlArticleTest, Errors) {
  struct Case {
    const char* line;
    const char* message_part;
  };
  for (const Case& c : {
           Case{R"({"text": "unterminated)", "malformed JSON"},
           Case{R"({"text": "a"} trailing)", "malformed JSON"},
           Case{R"(["text", "a"])", "expected a JSON object, found an array"},
           Case{R"("just a string")", "found a string"},
           Case{R"(42)", "found a number"},
           Case{R"({"title": "no text"})", "no \"text\""},
           Case{R"({"text": ""})", "empty text"},
           Case{R"({"text": "  \n "})", "empty text"},
           Case{R"({"text": null})", "no \"text\""},
           Case{R"({"text": 7})", "not a string"},
           Case{R"({"text": ["a"]})", "not a string"},
           Case{R"({"text": "\ud800"})", "malformed JSON"},
           Case{R"({"text": "MOSCOW (AP) - "})", "besides its dateline"},
       }) {
    Collected diag;
    EXPECT_FALSE(ParseJsonLine(c.line, "f.jsonl:9", diag.sink())) << c.line;
    ASSERT_EQ(diag.all.size(), 1u) << c.line;
    EXPECT_EQ(diag.all[0].severity, Severity::kError);
    EXPECT_EQ(diag.all[0].where, "f.jsonl:9");
    EXPECT_NE(diag.all[0].message.find(c.message_part), std::string::npos)
        << c.line << " -> " << diag.all[0].message;
  }
}

TEST(JsonlArticleTest, DeepNestingIsRefused) {
  Collected diag;
  const std::string deep = R"({"text":"t","x":)" + std::string(100000, '[') +
                           std::string(100000, ']') + "}";
  EXPECT_FALSE(ParseJsonLine(deep, "f:1", diag.sink()));
  ASSERT_EQ(diag.all.size(), 1u);
  EXPECT_NE(diag.all[0].message.find("nested"), std::string::npos);
  EXPECT_TRUE(JsonNestingWithin(R"({"a":"[[[[[[[["})", 2));  // brackets in strings don't count
  EXPECT_TRUE(JsonNestingWithin(R"({"a":"x\"[[[[","b":1})", 2));   // escaped quote
  EXPECT_FALSE(JsonNestingWithin(R"({"a":"x\\","b":[[[1]]]})", 2));  // escaped backslash
  EXPECT_TRUE(JsonNestingWithin(R"({"a":[[1]]})", 3));
  EXPECT_FALSE(JsonNestingWithin(R"({"a":[[1]]})", 2));
}

TEST(JsonlArticleTest, InvalidUtf8IsRepairedWithAWarning) {
  Collected diag;
  const auto a = ParseJsonLine("{\"text\":\"caf\xE9 talks\"}", "f:3", diag.sink());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "caf\xEF\xBF\xBD talks");
  ASSERT_EQ(diag.all.size(), 1u);
  EXPECT_EQ(diag.all[0].severity, Severity::kWarning);
  EXPECT_EQ(diag.all[0].where, "f:3");
  EXPECT_NE(diag.all[0].message.find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace dyad
