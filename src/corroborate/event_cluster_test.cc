#include "corroborate/event_cluster.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace dyad {
namespace {

// A report of `cameo` from source country `src` to `tgt` by `outlet` in `article`.
EventReport Report(std::string article, std::string outlet, std::string cameo, std::string src,
                   std::string tgt, std::string date = "", std::vector<std::string> anchor = {}) {
  EventReport r;
  r.article_id = article;
  r.event_id = article + "/" + cameo + "/" + src + "/" + tgt + "/" + date;
  r.outlet = outlet;
  r.source_key = outlet;
  r.cameo = cameo;
  r.source.code = src + "GOV";
  r.source.country = src;
  r.target.code = tgt;
  r.target.country = tgt;
  r.date = date;
  r.date_precision = date.empty() ? "unknown" : date.size() == 10 ? "day" : date.size() == 7 ? "month" : "year";
  r.date_basis = date.empty() ? "" : "published";
  r.published = date.size() == 10 ? date : "";
  r.anchor_words = std::move(anchor);
  return r;
}

void Place(EventReport* r, std::string name, std::string country, double lat, double lon) {
  r->place = std::move(name);
  r->place_country = std::move(country);
  r->place_adm1 = "somewhere";
  r->lat = lat;
  r->lon = lon;
  r->has_coordinates = true;
}

TEST(DayNumberTest, DaysSinceEpoch) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2024-12-30").value() - DayNumber("2024-12-23").value(), 7);
  EXPECT_EQ(DayNumber("2025-01-02").value() - DayNumber("2024-12-30").value(), 3);
  EXPECT_FALSE(DayNumber("2024-12"));
  EXPECT_FALSE(DayNumber("2024-02-30"));
  EXPECT_FALSE(DayNumber("20x4-01-01"));
}

TEST(AnchorWordsTest, PatternWordsTheEvidenceUses) {
  EXPECT_EQ(AnchorWords("042 SRC visit TGT", "An Azerbaijani delegation has visited Syria"),
            std::vector<std::string>{"visi"});
  EXPECT_EQ(AnchorWords("040  meet|confer with TGT", "he met with the minister"), std::vector<std::string>{});
  EXPECT_EQ(AnchorWords("051  express|reaffirm ... support|backing for TGT", "reaffirming its support for Syria"),
            (std::vector<std::string>{"reaffi", "suppo"}));
}

TEST(EventClusterTest, SameEventFromAnotherOutletJoinsAndTakesTheDate) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  AssignReports({Report("a1", "AzerNews", "042", "AZE", "SYR", "2024-12-30", {"visi"})}, &clusters, &redated);
  ASSERT_EQ(clusters.size(), 1u);
  std::vector<size_t> got =
      AssignReports({Report("a2", "SANA", "042", "AZE", "SYR", "", {"visi"})}, &clusters, &redated);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(got, std::vector<size_t>{0});
  const EventCluster& c = clusters[0];
  EXPECT_EQ(c.num_articles, 2);
  EXPECT_EQ(c.num_sources, 2);
  EXPECT_EQ(c.date, "2024-12-30");
  ASSERT_EQ(redated.size(), 1u);
  const EventReport& sana = redated[0];
  EXPECT_EQ(sana.article_id, "a2");
  EXPECT_EQ(sana.date, "2024-12-30");
  EXPECT_EQ(sana.date_basis, "corroboration");
  EXPECT_EQ(sana.date_precision, "day");
}

TEST(EventClusterTest, UndatedClusterTakesTheDateOfALaterDatedReport) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  AssignReports({Report("a1", "SANA", "042", "AZE", "SYR", "", {"visi"})}, &clusters, &redated);
  EXPECT_TRUE(redated.empty());
  AssignReports({Report("a2", "AzerNews", "042", "AZE", "SYR", "2024-12-30", {"visi"})}, &clusters, &redated);
  ASSERT_EQ(clusters.size(), 1u);
  ASSERT_EQ(redated.size(), 1u);
  EXPECT_EQ(redated[0].article_id, "a1");
  EXPECT_EQ(redated[0].date, "2024-12-30");
}

TEST(EventClusterTest, TheCodeAloneIsNotEnough) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  AssignReports({Report("a1", "X", "051", "AZE", "SYR", "", {"cong"})}, &clusters, &redated);
  AssignReports({Report("a2", "Y", "051", "AZE", "SYR", "", {"suppo"})}, &clusters, &redated);
  EXPECT_EQ(clusters.size(), 2u);
  // The same day is a second sign.
  AssignReports({Report("a3", "X", "051", "USA", "ISR", "2024-05-01", {"cong"})}, &clusters, &redated);
  AssignReports({Report("a4", "Y", "051", "USA", "ISR", "2024-05-01", {"suppo"})}, &clusters, &redated);
  EXPECT_EQ(clusters.size(), 3u);
}

TEST(EventClusterTest, DatesOutsideTheWindowOrOtherYearsDoNotJoin) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  AssignReports({Report("a1", "X", "042", "AZE", "SYR", "2024-12-30", {"visi"})}, &clusters, &redated);
  AssignReports({Report("a2", "Y", "042", "AZE", "SYR", "2025-01-20", {"visi"})}, &clusters, &redated);
  AssignReports({Report("a3", "Z", "042", "AZE", "SYR", "1992", {"visi"})}, &clusters, &redated);
  EXPECT_EQ(clusters.size(), 3u);
  AssignReports({Report("a4", "W", "042", "AZE", "SYR", "2025-01", {"visi"})}, &clusters, &redated);
  EXPECT_EQ(clusters.size(), 3u);  // January 2025 covers the 20th
  EXPECT_EQ(clusters[1].num_articles, 2);
}

TEST(EventClusterTest, YearDatesAndUnknownCountriesNeedMore) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  // Two attacks "in 1987": the year and the word are not enough.
  AssignReports({Report("a1", "X", "190", "COL", "COL", "1987", {"atta"})}, &clusters, &redated);
  EXPECT_FALSE(clusters[0].MatchScore(Report("a2", "Y", "190", "COL", "COL", "1987", {"atta"})).value_or(0) >= kJoinScore);
  EventReport named = Report("a2", "Y", "190", "COL", "COL", "1987", {"atta"});
  named.source.entity = "Raul Reyes";
  clusters[0].reports[0].source.entity = "Raul Reyes";
  EXPECT_GE(clusters[0].MatchScore(named).value_or(0), kJoinScore);
  // "the soldiers" (---MIL) of one report are not known to be those of another.
  EventReport soldiers = Report("a3", "X", "190", "---", "SLV", "2024-05-01", {"atta"});
  AssignReports({soldiers}, &clusters, &redated);
  EventReport again = soldiers;
  again.article_id = "a4";
  again.event_id = "a4/x";
  EXPECT_FALSE(clusters.back().MatchScore(again));
}

TEST(EventClusterTest, OtherCodesOfTheRootJoinOnlyThroughTheUnspecifiedCode) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  AssignReports({Report("a1", "X", "043", "AZE", "SYR", "2024-12-30", {"talk"})}, &clusters, &redated);
  AssignReports({Report("a2", "Y", "042", "AZE", "SYR", "2024-12-30", {"talk"})}, &clusters, &redated);
  EXPECT_EQ(clusters.size(), 2u);
  // 040 with a shared word on the same day.
  EventReport r = Report("a3", "Z", "040", "AZE", "SYR", "2024-12-30", {"talk"});
  std::optional<double> score = clusters[0].MatchScore(r);
  ASSERT_TRUE(score);
  EXPECT_GE(*score, kJoinScore);
  EXPECT_FALSE(clusters[0].MatchScore(Report("a3", "Z", "190", "AZE", "SYR", "2024-12-30", {"talk"})));
}

TEST(EventClusterTest, DifferentPeopleOrFarPlacesKeepEventsApart) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  EventReport cable = Report("a1", "X", "051", "AZE", "SYR", "", {"cong"});
  cable.source.entity = "Ilham Aliyev";
  AssignReports({cable}, &clusters, &redated);
  EventReport visit = Report("a2", "Y", "051", "AZE", "SYR", "", {"cong"});
  visit.source.entity = "Yalchin Rafiyev";
  EXPECT_FALSE(clusters[0].MatchScore(visit));
  visit.source.entity = "Aliyev";
  EXPECT_TRUE(clusters[0].MatchScore(visit));

  EventReport aleppo = Report("a3", "X", "073", "AZE", "SYR", "", {"aid"});
  Place(&aleppo, "Aleppo", "SYR", 36.20, 37.16);
  AssignReports({aleppo}, &clusters, &redated);
  EventReport damascus = Report("a4", "Y", "073", "AZE", "SYR", "", {"aid"});
  Place(&damascus, "Damascus", "SYR", 33.51, 36.29);
  EXPECT_FALSE(clusters.back().MatchScore(damascus));
  EventReport nearby = damascus;
  Place(&nearby, "Aleppo Citadel", "SYR", 36.199, 37.163);
  ASSERT_TRUE(clusters.back().MatchScore(nearby));
  EXPECT_GE(*clusters.back().MatchScore(nearby), kJoinScore);
}

TEST(EventClusterTest, ReportsOfOneArticleMergeOnlyAsRepeatedMentions) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  EventReport first = Report("a1", "X", "051", "AZE", "SYR", "2024-12-30", {"cong"});
  EventReport other = Report("a1", "X", "051", "AZE", "SYR", "2024-12-30", {"cong"});
  other.event_id += "#2";
  other.source.code = "AZE";  // another actor: another event
  other.sentence = 3;
  EventReport again = first;
  again.event_id += "#3";
  again.sentence = 7;
  EventReport same_sentence = first;
  same_sentence.event_id += "#4";
  std::vector<size_t> got = AssignReports({first, other, again, same_sentence}, &clusters, &redated);
  EXPECT_EQ(got, (std::vector<size_t>{0, 1, 0, 2}));
  EXPECT_EQ(clusters[0].num_mentions, 2);
  EXPECT_EQ(clusters[0].num_articles, 1);
}

TEST(EventClusterTest, ABackgroundEventOfTheArticleIsNotItsNews) {
  // "the consulate began work in 2006" (dated by its words) and "the reopening of the
  // consulate" (undated): two events of one article with one code and one pair.
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  // Both name the consulate; the acts differ (began work, reopened).
  EventReport background = Report("a1", "X", "064", "GRC", "TUR", "2006", {"cons", "work"});
  background.act = "work";
  background.date_basis = "text";
  background.sentence = 5;
  EventReport news = Report("a1", "X", "064", "GRC", "TUR", "", {"cons", "reop"});
  news.act = "reop";
  news.event_id += "#news";
  std::vector<size_t> got = AssignReports({background, news}, &clusters, &redated);
  EXPECT_EQ(got, (std::vector<size_t>{0, 1}));
  EXPECT_TRUE(redated.empty());
  // The same word in both: a repeated mention, dated by the first.
  std::vector<EventCluster> fresh;
  AssignReports({background}, &fresh, &redated);
  EventReport again = Report("a1", "X", "064", "GRC", "TUR", "", {"work"});
  again.act = "work";
  again.event_id += "#again";
  again.sentence = 8;
  got = AssignReports({again}, &fresh, &redated);
  EXPECT_EQ(got, std::vector<size_t>{0});
  ASSERT_EQ(redated.size(), 1u);
  EXPECT_EQ(redated[0].date, "2006");
  EXPECT_EQ(redated[0].date_basis, "corroboration");
}

TEST(EventReportTest, TheActIsTheAnchorWordTheEvidenceUses) {
  EXPECT_EQ(ActWord("064  reopen|open|re-open ... embassy|consulate ... in|to TGT",
                    "the reopening of Greece's embassy in Ankara"),
            "reop");
  EXPECT_EQ(ActWord("064  SRC[embassy|consulate] operation|operations|work ... begin|start",
                    "its operations began"),
            "operati");  // a stem: all but the last two letters of a long word
  EXPECT_EQ(ActWord("042 SRC (officially) visit TGT", "officially visited Syria"), "visi");
  EXPECT_EQ(ActWord("042 SRC visit TGT", "a trip to Syria"), "");
}

TEST(EventReportTest, AnEstimatedDateIsNoDateForCorroboration) {
  Event e;
  e.event_id = "e1";
  e.cameo = "042";
  e.source.code = "AZEGOV";
  e.source.country = "AZE";
  e.target.code = "SYR";
  e.target.country = "SYR";
  e.date = "2025";
  e.date_precision = "year";
  e.date_basis = std::string(kDateBasisEstimated);
  Article a;
  a.id = "a1";
  EventReport r = MakeReport(e, a, "SANA");
  EXPECT_EQ(r.date, "");
  EXPECT_EQ(r.date_precision, "unknown");
  EXPECT_EQ(r.date_basis, "");
  e.date_basis = "published";
  EXPECT_EQ(MakeReport(e, a, "SANA").date, "2025");
}

TEST(EventClusterTest, SymmetricEventsJoinEitherWayRound) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  EventReport a = Report("a1", "X", "040", "AZE", "SYR", "2024-12-30", {"meet"});
  a.symmetric = true;
  a.target.entity = "Asaad al-Shaibani";
  AssignReports({a}, &clusters, &redated);
  EventReport b = Report("a2", "Y", "040", "SYR", "AZE", "2024-12-30", {"talk"});
  b.source.entity = "Assad Hassan Al-Shibani";
  std::vector<size_t> got = AssignReports({b}, &clusters, &redated);
  EXPECT_EQ(got, std::vector<size_t>{0});
  // Not symmetric: the other direction is another event.
  EventReport c = Report("a3", "X", "051", "AZE", "SYR", "2024-12-30", {"prais"});
  AssignReports({c}, &clusters, &redated);
  EventReport d = Report("a4", "Y", "051", "SYR", "AZE", "2024-12-30", {"prais"});
  EXPECT_FALSE(clusters.back().MatchScore(d));
}

TEST(EventClusterTest, SyndicatedCopiesCountOnceAsASource) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  AssignReports({Report("a1", "AzerNews", "042", "AZE", "SYR", "2024-12-30", {"visi"})}, &clusters, &redated);
  EventReport copy = Report("a2", "MENAFN", "042", "AZE", "SYR", "2024-12-30", {"visi"});
  copy.source_key = "AzerNews";  // the story's first article
  AssignReports({copy}, &clusters, &redated);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].num_articles, 2);
  EXPECT_EQ(clusters[0].num_sources, 1);
}

TEST(EventClusterTest, DetailsTellAgreementAndConflict) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  EventReport a = Report("a1", "X", "073", "AZE", "SYR", "2024-12-30", {"convo"});
  a.quantity = "200 tons";
  Place(&a, "Aleppo", "SYR", 36.20, 37.16);
  EventReport b = Report("a2", "Y", "073", "AZE", "SYR", "2024-12-31", {"convo"});
  b.quantity = "250 tons";
  Place(&b, "Aleppo", "SYR", 36.20, 37.16);
  AssignReports({a}, &clusters, &redated);
  AssignReports({b}, &clusters, &redated);
  ASSERT_EQ(clusters.size(), 1u);
  nlohmann::json d = clusters[0].Details();
  EXPECT_TRUE(d["place"]["agree"].get<bool>());
  EXPECT_FALSE(d["quantity"]["agree"].get<bool>());
  EXPECT_EQ(d["quantity"]["values"].size(), 2u);
  EXPECT_FALSE(d["date"]["agree"].get<bool>());
  EXPECT_EQ(clusters[0].date, "2024-12-30");  // the earlier of two day dates
  EXPECT_EQ(clusters[0].first_report, "2024-12-30");
  EXPECT_EQ(clusters[0].last_report, "2024-12-31");
}

TEST(EventClusterTest, RecordRoundTripAndDamagedRecords) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  EventReport a = Report("a1", "X", "073", "AZE", "SYR", "2024-12-30", {"convo"});
  Place(&a, "Aleppo", "SYR", 36.20, 37.16);
  a.source.entity = "Ilham Aliyev";
  AssignReports({a}, &clusters, &redated);
  AssignReports({Report("a2", "Y", "073", "AZE", "SYR", "", {"convo"})}, &clusters, &redated);
  nlohmann::json j = clusters[0].ToJson();
  EventCluster back = EventCluster::FromJson(j);
  EXPECT_EQ(back.ToJson(), j);
  EXPECT_EQ(back.num_sources, 2);

  nlohmann::json no_reports = j;
  no_reports["reports"] = nlohmann::json::array();
  EXPECT_THROW(EventCluster::FromJson(no_reports), nlohmann::json::exception);
  nlohmann::json bad_report = j;
  bad_report["reports"][0].erase("cameo");
  EXPECT_THROW(EventCluster::FromJson(bad_report), nlohmann::json::exception);
  EXPECT_THROW(EventCluster::FromJson(nlohmann::json::parse("[1, 2]")), nlohmann::json::exception);
}

TEST(EventClusterTest, ReportsBeyondTheKeptOnesAreCountedAndDated) {
  std::vector<EventCluster> clusters;
  std::vector<EventReport> redated;
  const int n = static_cast<int>(kMaxKeptReports) + 10;
  for (int i = 0; i < n; ++i) {
    std::string day = i == n - 1 ? "" : "2024-12-" + std::to_string(10 + i % 5);
    EventReport r = Report("a" + std::to_string(i), "outlet" + std::to_string(i % 7), "042", "AZE", "SYR", day, {"visi"});
    AssignReports({r}, &clusters, &redated);
  }
  ASSERT_EQ(clusters.size(), 1u);
  const EventCluster& c = clusters[0];
  EXPECT_EQ(c.reports.size(), kMaxKeptReports);
  EXPECT_EQ(c.num_articles, n);
  EXPECT_EQ(c.num_mentions, n);
  EXPECT_EQ(c.num_sources, 7);
  EXPECT_EQ(c.first_report, "2024-12-10");
  EXPECT_EQ(c.last_report, "2024-12-14");
  // The last, undated, report was not kept but takes the cluster's date.
  ASSERT_FALSE(redated.empty());
  EXPECT_EQ(redated.back().article_id, "a" + std::to_string(n - 1));
  EXPECT_EQ(redated.back().date_basis, "corroboration");
  EventCluster back = EventCluster::FromJson(c.ToJson());
  EXPECT_EQ(back.num_articles, n);
  EXPECT_EQ(back.num_sources, 7);
  EXPECT_EQ(back.ToJson(), c.ToJson());
}

}  // namespace
}  // namespace dyad
