#include "story/story_clusterer.h"

#include <gtest/gtest.h>

#include "story/fingerprint.h"
#include "story/story_test_texts.h"
#include "story/term_vector.h"

namespace dyad {
namespace {

using namespace story_test;

struct Examples {
  StoryFingerprint mill_a = Fingerprint("Fire guts historic Dunmore mill", Join(MillFireParagraphs()));
  StoryFingerprint mill_b = Fingerprint("Three hurt in Dunmore mill blaze", kMillFireOtherOutlet);
  StoryFingerprint port_a = Fingerprint("Timber warehouse burns in Port Aldine", kWarehouseFire);
  StoryFingerprint port_b = Fingerprint("Harbour blaze shuts Kessing line", kWarehouseFireOtherOutlet);
};

TEST(EventSimilarity, SameEventScoresAboveSameTopic) {
  Examples e;
  IdfTable idf;
  for (const auto* fp : {&e.mill_a, &e.mill_b, &e.port_a, &e.port_b}) idf.Add(*fp);
  const IdfTable* no_idf = nullptr;
  for (const IdfTable* table : {no_idf, static_cast<const IdfTable*>(&idf)}) {
    double same_mill = EventSimilarity(e.mill_a, e.mill_b, table);
    double same_port = EventSimilarity(e.port_a, e.port_b, table);
    double across = std::max({EventSimilarity(e.mill_a, e.port_a, table), EventSimilarity(e.mill_a, e.port_b, table),
                              EventSimilarity(e.mill_b, e.port_a, table), EventSimilarity(e.mill_b, e.port_b, table)});
    EXPECT_GT(same_mill, 2 * across) << same_mill << " vs " << across;
    EXPECT_GT(same_port, 2 * across) << same_port << " vs " << across;
  }
  EXPECT_NEAR(EventSimilarity(e.mill_a, e.mill_a, &idf), 1.0, 1e-9);
  EXPECT_EQ(EventSimilarity(e.mill_a, Fingerprint("", "")), 0.0);
}

TEST(IdfTable, CountsAndRemoves) {
  Examples e;
  IdfTable idf;
  idf.Add(e.mill_a);
  idf.Add(e.port_a);
  uint32_t shared_term = 0;
  for (const StoryTerm& t : e.mill_a.terms) {
    for (const StoryTerm& u : e.port_a.terms) {
      if (t.hash == u.hash) shared_term = t.hash;
    }
  }
  ASSERT_NE(shared_term, 0u);  // "fire"
  EXPECT_EQ(idf.documents(), 2u);
  EXPECT_LT(idf.Idf(shared_term), idf.Idf(e.mill_a.terms[0].hash == shared_term ? e.mill_a.terms[1].hash
                                                                                 : e.mill_a.terms[0].hash) + 1e-12);
  idf.Remove(e.port_a);
  EXPECT_EQ(idf.documents(), 1u);
  idf.Remove(e.mill_a);
  idf.Remove(e.mill_a);  // more removes than adds: ignored
  EXPECT_EQ(idf.documents(), 0u);
  EXPECT_GE(idf.Idf(shared_term), 0.0);
}

TEST(StoryClusterer, GroupsArticlesOfOneEventIncrementally) {
  Examples e;
  for (double threshold : {kSameEventSimilarity, kSameEventSimilarityOneTopic}) {
    StoryClusterer clusterer(threshold);
    int mill = clusterer.Add(e.mill_a);
    int port = clusterer.Add(e.port_a);
    EXPECT_NE(mill, port);
    EXPECT_EQ(clusterer.Add(e.port_b), port) << threshold;
    EXPECT_EQ(clusterer.Add(e.mill_b), mill) << threshold;
    EXPECT_EQ(clusterer.groups(), 2u);
    EXPECT_EQ(clusterer.size(), 4u);
    EXPECT_EQ(clusterer.GroupOf(3), mill);
  }
}

TEST(StoryClusterer, NearDuplicateJoinsItsOriginal) {
  Examples e;
  StoryClusterer clusterer(0.99);  // no two different texts would group at this threshold
  int mill = clusterer.Add(e.mill_a);
  std::vector<std::string> paragraphs = MillFireParagraphs();
  paragraphs.pop_back();
  EXPECT_EQ(clusterer.Add(Fingerprint("Other title", Join(paragraphs))), mill);
  EXPECT_NE(clusterer.Add(e.mill_b), mill);
}

TEST(StoryClusterer, WithGivenIdfTable) {
  Examples e;
  IdfTable idf;
  for (const auto* fp : {&e.mill_a, &e.mill_b, &e.port_a, &e.port_b}) idf.Add(*fp);
  StoryClusterer clusterer(kSameEventSimilarity, &idf);
  std::vector<int> groups;
  for (const auto* fp : {&e.mill_b, &e.port_b, &e.mill_a, &e.port_a}) groups.push_back(clusterer.Add(*fp));
  EXPECT_EQ(groups, (std::vector<int>{0, 1, 0, 1}));
}

TEST(ClusterAverageLink, SeparatesTheTwoEvents) {
  Examples e;
  std::vector<StoryFingerprint> fps = {e.mill_a, e.port_a, e.mill_b, e.port_b};
  EXPECT_EQ(ClusterAverageLink(fps), (std::vector<int>{0, 1, 0, 1}));
  EXPECT_EQ(ClusterAverageLink(fps, kSameEventSimilarityOneTopic), (std::vector<int>{0, 1, 0, 1}));
  EXPECT_EQ(ClusterAverageLink(fps, 1.01), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(ClusterAverageLink(fps, 0.0), (std::vector<int>{0, 0, 0, 0}));
  EXPECT_TRUE(ClusterAverageLink({}).empty());
}

}  // namespace
}  // namespace dyad
