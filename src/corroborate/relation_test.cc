#include "corroborate/relation.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <tuple>

namespace dyad {
namespace {

Event MakeEvent(const std::string& id, const std::string& article, const std::string& source,
                const std::string& target, const std::string& date, int quad_class, double goldstein,
                const std::string& cluster) {
  Event e;
  e.event_id = id;
  e.article_id = article;
  e.source.code = source;
  e.target.code = target;
  e.date = date;
  e.quad_class = quad_class;
  e.goldstein = goldstein;
  e.cluster_id = cluster;
  e.cameo = "042";
  return e;
}

TEST(RelationTest, WeeksAreNamedByTheirMonday) {
  EXPECT_EQ(PeriodOf("2024-12-30", RelationPeriodUnit::kWeek), "2024-12-30");  // a Monday
  EXPECT_EQ(PeriodOf("2025-01-05", RelationPeriodUnit::kWeek), "2024-12-30");  // its Sunday
  EXPECT_EQ(PeriodOf("2025-01-06", RelationPeriodUnit::kWeek), "2025-01-06");
  EXPECT_EQ(PeriodOf("2024-03-01", RelationPeriodUnit::kWeek), "2024-02-26");  // across February 29
  EXPECT_EQ(PeriodOf("2024-12", RelationPeriodUnit::kWeek), "2024-12");        // only a month: its month
  EXPECT_EQ(PeriodOf("1992", RelationPeriodUnit::kWeek), "1992");
  EXPECT_EQ(PeriodOf("", RelationPeriodUnit::kWeek), "undated");
  EXPECT_EQ(PeriodOf("2024-12-30"), "2024-12");

  RelationBuilder weekly("AZE", "SYR", RelationPeriodUnit::kWeek);
  weekly.Add(MakeEvent("e1", "a1", "AZEGOV", "SYR", "2024-12-30", 1, 1.9, "c1"), "Wire");
  weekly.Add(MakeEvent("e2", "a2", "SYR", "AZEGOV", "2025-01-02", 1, 1.9, "c1"), "Post");
  weekly.Add(MakeEvent("e3", "a2", "SYR", "AZE", "2025-01-07", 1, 1.9, "c2"), "Post");
  Relation r = weekly.Finish({}, 10);
  ASSERT_EQ(r.periods.size(), 2u);
  EXPECT_EQ(r.periods[0].period, "2024-12-30");
  EXPECT_EQ(r.periods[0].counts.events, 2);
  EXPECT_EQ(r.periods[0].counts.a_to_b, 1);
  EXPECT_EQ(r.periods[1].period, "2025-01-06");
}

TEST(RelationTest, SummedEventsGiveTheRelationOfTheEvents) {
  const std::vector<std::pair<Event, std::string>> events = {
      {MakeEvent("e1", "a1", "USAGOV", "RUS", "2024-12-30", 1, 1.9, "c1"), "Wire"},
      {MakeEvent("e2", "a2", "RUS", "USAGOV", "2024-12-30", 1, 1.9, "c1"), "Post"},
      {MakeEvent("e3", "a2", "USA", "RUS", "2024-12", 3, -2.0, "c2"), "Post"},
      {MakeEvent("e4", "a3", "RUSMIL", "USAMIL", "", 4, -10.0, ""), ""},
      {MakeEvent("e5", "a3", "USA", "RUS", "1992", 2, 0.1, "c3"), ""},
      {MakeEvent("e6", "a4", "USA", "RUS", "2024-12-01", 2, 0.2, "c2"), "Wire"}};
  RelationBuilder one_by_one("USA", "RUS");
  for (const auto& [e, outlet] : events) one_by_one.Add(e, outlet);

  // The same events summed per pair of codes, date and outlet, as a store keeps them.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, RelationDay> days;
  RelationBuilder summed("USA", "RUS");
  for (const auto& [e, outlet] : events) {
    RelationDay& d = days[{e.source.code, e.target.code, e.date, outlet}];
    d.source_code = e.source.code;
    d.target_code = e.target.code;
    d.date = e.date;
    d.outlet = outlet;
    ++d.events;
    ++d.quad_class[static_cast<size_t>(e.quad_class - 1)];
    d.goldstein_tenths += GoldsteinTenths(e.goldstein);
    summed.AddMember(e.date, e.cluster_id, e.article_id);
  }
  for (const auto& [key, d] : days) summed.AddDay(d);

  Relation a = one_by_one.Finish({}, 10), b = summed.Finish({}, 10);
  EXPECT_EQ(a.ToJson(), b.ToJson());
  EXPECT_EQ(a.totals.events, 6);
  EXPECT_EQ(a.totals.clusters.size(), 3u);
  EXPECT_EQ(a.totals.a_to_b, 4);
  EXPECT_EQ(a.totals.goldstein_tenths, 19 + 19 - 20 - 100 + 1 + 2);
  ASSERT_EQ(b.periods.size(), 3u);
  EXPECT_EQ(b.periods[0].period, "1992");
  EXPECT_EQ(b.periods[1].period, "2024-12");
  EXPECT_EQ(b.periods[1].counts.clusters.size(), 2u);
  EXPECT_EQ(b.periods[2].period, "undated");
  EXPECT_EQ(b.outlets, (std::set<std::string>{"Post", "Wire"}));
}

TEST(RelationTest, KeyEventsRankBySourcesArticlesMentionsScoreAndDate) {
  EXPECT_TRUE(RanksBefore({3, 1, 1, 0, ""}, {2, 9, 9, 10, "2025"}));
  EXPECT_TRUE(RanksBefore({2, 2, 1, 0, ""}, {2, 1, 9, 10, "2025"}));
  EXPECT_TRUE(RanksBefore({2, 2, 2, -7, ""}, {2, 2, 2, 5, "2025"}));
  EXPECT_TRUE(RanksBefore({2, 2, 2, 5, "2025-01"}, {2, 2, 2, -5, "2024-12"}));
  EXPECT_FALSE(RanksBefore({2, 2, 2, 5, "2024"}, {2, 2, 2, 5, "2024"}));
}

}  // namespace
}  // namespace dyad
