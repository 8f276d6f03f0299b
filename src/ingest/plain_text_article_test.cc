#include "ingest/plain_text_article.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/hash.h"

namespace dyad {
namespace {

TEST(PlainTextArticleTest, DateHeaderWithDistributorOnTheFirstLine) {
  const Article a = ParsePlainTextArticle(
      " date 2024-12-30 (MENAFN- AzerNews) An Azerbaijani delegation has visited Syria.\n\n"
      "The talks went well.",
      "a.txt");
  EXPECT_EQ(a.published, "2024-12-30");
  EXPECT_EQ(a.distributor, "MENAFN");
  EXPECT_EQ(a.outlet, "AzerNews");
  EXPECT_EQ(a.dateline, "");
  EXPECT_EQ(a.text, "An Azerbaijani delegation has visited Syria.\n\nThe talks went well.");
  EXPECT_EQ(a.origin, "a.txt");
  EXPECT_EQ(a.id, HexId(Hash64("\n" + a.text)));
}

TEST(PlainTextArticleTest, DatelineAndTrailingByline) {
  const Article a = ParsePlainTextArticle(
      "Baku, SANA- Relations between Syria and Azerbaijan have entered a new phase.\n"
      "The embassy reopened in Damascus.\n"
      "Latifa Moammar/Ruaa al-Jazaeri",
      "b.txt");
  EXPECT_EQ(a.outlet, "SANA");
  EXPECT_EQ(a.dateline, "Baku");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.byline, "Latifa Moammar/Ruaa al-Jazaeri");
  EXPECT_EQ(a.text,
            "Relations between Syria and Azerbaijan have entered a new phase.\n"
            "The embassy reopened in Damascus.");
}

TEST(PlainTextArticleTest, WireDatelinesWithDays) {
  Article a = ParsePlainTextArticle("DAMASCUS, Dec. 30 (Xinhua) -- Syria's new government said.\n", "x");
  EXPECT_EQ(a.dateline, "Damascus");
  EXPECT_EQ(a.outlet, "Xinhua");
  EXPECT_EQ(a.text, "Syria's new government said.");
  EXPECT_EQ(nlohmann::json::parse(a.metadata_json)["dateline_day"], "Dec. 30");

  a = ParsePlainTextArticle("MOSCOW (AP) \xE2\x80\x94 Russia and China held talks.", "x");
  EXPECT_EQ(a.dateline, "Moscow");
  EXPECT_EQ(a.outlet, "AP");
  EXPECT_EQ(a.text, "Russia and China held talks.");
}

TEST(PlainTextArticleTest, ByLineAtTheTopThenDateline) {
  const Article a = ParsePlainTextArticle(
      "By Jane Doe\n\nWASHINGTON (Reuters) - The United States imposed sanctions on Iran.\n", "x");
  EXPECT_EQ(a.byline, "Jane Doe");
  EXPECT_EQ(a.dateline, "Washington");
  EXPECT_EQ(a.outlet, "Reuters");
  EXPECT_EQ(a.text, "The United States imposed sanctions on Iran.");
}

TEST(PlainTextArticleTest, HeaderBlock) {
  const Article a = ParsePlainTextArticle(
      "Title: Ministers meet in Doha\n"
      "Date: 30 December 2024\n"
      "Source: Gulf Times\n"
      "URL: https://example.org/a?b=c:d\n"
      "Author: Jane Doe\n"
      "Section: World\n"
      "\n"
      "DOHA, Dec 30 (Reuters) - Qatar hosted talks.\n"
      "Reuter\n",
      "h.txt");
  EXPECT_EQ(a.title, "Ministers meet in Doha");
  EXPECT_EQ(a.published, "2024-12-30");
  EXPECT_EQ(a.outlet, "Gulf Times");  // the header wins over the dateline's credit
  EXPECT_EQ(a.url, "https://example.org/a?b=c:d");
  EXPECT_EQ(a.byline, "Jane Doe");
  EXPECT_EQ(a.dateline, "Doha");
  EXPECT_EQ(a.text, "Qatar hosted talks.");  // end mark "Reuter" removed too
  const auto meta = nlohmann::json::parse(a.metadata_json);
  EXPECT_EQ(meta["section"], "World");
  EXPECT_EQ(a.id, HexId(Hash64("Ministers meet in Doha\nQatar hosted talks.")));
}

TEST(PlainTextArticleTest, HeaderBlockDateFormsAndUnreadableDate) {
  EXPECT_EQ(ParsePlainTextArticle("Date: Dec 30, 2024\n\nText.", "x").published, "2024-12-30");
  EXPECT_EQ(ParsePlainTextArticle("Date: 12/30/2024\n\nText.", "x").published, "2024-12-30");
  const Article a = ParsePlainTextArticle("Published: sometime last winter\nTitle: T\n\nText.", "x");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(nlohmann::json::parse(a.metadata_json)["published"], "sometime last winter");
}

TEST(PlainTextArticleTest, NotAHeaderBlock) {
  // Colon lines without a known key, or not ended by a blank line, are body text.
  Article a = ParsePlainTextArticle("Damascus: Syria welcomed the envoy.\n\nMore text.", "x");
  EXPECT_EQ(a.text, "Damascus: Syria welcomed the envoy.\n\nMore text.");
  a = ParsePlainTextArticle("Title: T\nthe talks began\n", "x");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.text, "Title: T\nthe talks began");
}

TEST(PlainTextArticleTest, DateOnlyLineAndPublishedKeyword) {
  Article a = ParsePlainTextArticle("December 30, 2024\n\nCAIRO (AP) - Egypt mediated.", "x");
  EXPECT_EQ(a.published, "2024-12-30");
  EXPECT_EQ(a.dateline, "Cairo");
  EXPECT_EQ(a.text, "Egypt mediated.");
  a = ParsePlainTextArticle("Published: Monday, 30 December 2024 14:05 GMT\nText here.", "x");
  EXPECT_EQ(a.published, "2024-12-30");
  EXPECT_EQ(a.text, "Text here.");
  // A sentence that starts with a date stays.
  a = ParsePlainTextArticle("30 December 2024 was a busy day for diplomats.", "x");
  EXPECT_EQ(a.published, "");
  EXPECT_EQ(a.text, "30 December 2024 was a busy day for diplomats.");
}

TEST(PlainTextArticleTest, WireCreditAtTheEnd) {
  const Article a = ParsePlainTextArticle(
      "ANKARA (Reuters) - Turkey and Iraq agreed to talks.\n"
      "(Reporting by Jane Doe; Editing by John Roe)\n",
      "x");
  EXPECT_EQ(a.byline, "Reporting by Jane Doe; Editing by John Roe");
  EXPECT_EQ(a.text, "Turkey and Iraq agreed to talks.");
}

TEST(PlainTextArticleTest, LastLineThatIsNotAByline) {
  // A short last line after an unfinished sentence is a heading or a list, not names.
  Article a = ParsePlainTextArticle("The parties listed:\nJordan Egypt", "x");
  EXPECT_EQ(a.byline, "");
  EXPECT_EQ(a.text, "The parties listed:\nJordan Egypt");
  a = ParsePlainTextArticle("Only One Line Of Names", "x");
  EXPECT_EQ(a.byline, "");
}

TEST(PlainTextArticleTest, BodyKeepsItsBytes) {
  const std::string body = "  Indented first line\r\n\r\nSecond paragraph \xE2\x80\x9Cquoted\xE2\x80\x9D.";
  const Article a = ParsePlainTextArticle("\xEF\xBB\xBF\n\n" + body + "\n\n", "x");
  EXPECT_EQ(a.text, "Indented first line\r\n\r\nSecond paragraph \xE2\x80\x9Cquoted\xE2\x80\x9D.");
}

TEST(PlainTextArticleTest, InvalidUtf8IsRepaired) {
  const Article a = ParsePlainTextArticle("Caf\xE9 talks in Baku.", "x");
  EXPECT_EQ(a.text, "Caf\xEF\xBF\xBD talks in Baku.");
}

TEST(PlainTextArticleTest, HeadersOnlyGiveEmptyText) {
  EXPECT_EQ(ParsePlainTextArticle("Title: T\nDate: 2024-12-30\n", "x").text, "");
  EXPECT_EQ(ParsePlainTextArticle("", "x").text, "");
  EXPECT_EQ(ParsePlainTextArticle(" \n\t\n", "x").text, "");
}

// The two seed articles against the hand annotation in ../shared/seeds/gold.json.
TEST(PlainTextArticleTest, SeedsMatchGold) {
  const std::filesystem::path seeds = std::filesystem::path(DYAD_SHARED_DIR) / "seeds";
  if (!std::filesystem::exists(seeds / "gold.json")) {
    GTEST_SKIP() << "shared seeds not found at " << seeds << " (set DYAD_SHARED_DIR)";
  }
  std::ifstream gold_in(seeds / "gold.json");
  const nlohmann::json gold = nlohmann::json::parse(gold_in);
  ASSERT_EQ(gold["documents"].size(), 2u);
  for (const nlohmann::json& doc : gold["documents"]) {
    const std::string file = doc["file"];
    SCOPED_TRACE(file);
    std::ifstream in(seeds / file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    const Article a = ParsePlainTextArticle(content.str(), file);
    auto expected = [&](const char* key) {
      return doc.contains(key) && !doc[key].is_null() ? doc[key].get<std::string>() : "";
    };
    EXPECT_EQ(a.outlet, expected("outlet"));
    EXPECT_EQ(a.distributor, expected("distributor"));
    EXPECT_EQ(a.published, expected("published"));
    EXPECT_EQ(a.dateline, expected("dateline"));
    EXPECT_EQ(a.byline, expected("byline"));
    EXPECT_EQ(a.language, expected("language"));
    // None of the header, dateline or byline strings is left in the text to code.
    const std::string dateline = expected("dateline");
    if (!dateline.empty()) {
      EXPECT_NE(a.text.rfind(dateline, 0), 0u);
    }
    const std::string byline = expected("byline");
    if (!byline.empty()) {
      EXPECT_EQ(a.text.find(byline), std::string::npos);
    }
    EXPECT_EQ(a.text.find("MENAFN"), std::string::npos);
    EXPECT_EQ(a.text.find("SANA-"), std::string::npos);
    EXPECT_EQ(a.text.find("date 20"), std::string::npos);
    // Otherwise the body is the file's own bytes.
    EXPECT_NE(content.str().find(a.text), std::string::npos);
    EXPECT_GT(a.text.size(), content.str().size() - 80);
  }
}

}  // namespace
}  // namespace dyad
