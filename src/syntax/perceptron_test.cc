#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <cstring>

#include <string>
#include <vector>

#include "syntax/frozen_perceptron.h"

namespace dyad {
namespace {

// Two classes told apart by one feature each; a shared feature carries no signal.
PerceptronModel TrainToy() {
  PerceptronTrainer t(3);
  const uint64_t shared = FeatureHash(0, 1);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int cls = 0; cls < 3; ++cls) {
      uint64_t f[2] = {FeatureHash(1, static_cast<uint64_t>(cls)), shared};
      float scores[3];
      t.Score(f, 2, scores);
      int guess = 0;
      for (int c = 1; c < 3; ++c) {
        if (scores[c] > scores[guess]) guess = c;
      }
      t.Update(f, 2, cls, guess);
      t.Tick();
    }
  }
  return t.Finish(0.0f);
}

TEST(PerceptronTest, LearnsSeparableClasses) {
  PerceptronModel m = TrainToy();
  int32_t scratch[3];
  for (int cls = 0; cls < 3; ++cls) {
    uint64_t f[2] = {FeatureHash(1, static_cast<uint64_t>(cls)), FeatureHash(0, 1)};
    EXPECT_EQ(m.Best(f, 2, nullptr, scratch), cls);
  }
}

TEST(PerceptronTest, AllowedMaskRestrictsTheChoice) {
  PerceptronModel m = TrainToy();
  int32_t scratch[3];
  uint64_t f[1] = {FeatureHash(1, 2)};
  bool allowed[3] = {true, true, false};
  EXPECT_NE(m.Best(f, 1, allowed, scratch), 2);
  bool none[3] = {false, false, false};
  EXPECT_EQ(m.Best(f, 1, none, scratch), -1);
}

TEST(PerceptronTest, SerializeRoundTripsExactly) {
  PerceptronModel m = TrainToy();
  std::string bytes;
  m.Serialize(&bytes);
  std::string error;
  auto back = PerceptronModel::Parse(bytes, &error);
  ASSERT_TRUE(back.has_value()) << error;
  EXPECT_EQ(back->num_classes(), 3);
  EXPECT_EQ(back->num_features(), m.num_features());
  std::string again;
  back->Serialize(&again);
  EXPECT_EQ(again, bytes);
  int32_t a[3];
  int32_t b[3];
  uint64_t f[2] = {FeatureHash(1, 1), FeatureHash(9, 9)};
  m.Score(f, 2, a);
  back->Score(f, 2, b);
  EXPECT_EQ(std::vector<int32_t>(a, a + 3), std::vector<int32_t>(b, b + 3));
}

TEST(PerceptronTest, RejectsForeignAndTruncatedBytes) {
  std::string error;
  EXPECT_FALSE(PerceptronModel::Parse("", &error).has_value());
  EXPECT_FALSE(PerceptronModel::Parse("not a model at all", &error).has_value());
  std::string bytes;
  TrainToy().Serialize(&bytes);
  for (size_t cut : {size_t{5}, size_t{20}, bytes.size() - 1}) {
    EXPECT_FALSE(PerceptronModel::Parse(std::string_view(bytes).substr(0, cut), &error))
        << "cut at " << cut;
  }
}

TEST(PerceptronTest, PruningDropsSmallWeights) {
  PerceptronTrainer t(2);
  uint64_t strong[1] = {FeatureHash(1, 1)};
  uint64_t weak[1] = {FeatureHash(1, 2)};
  t.Update(strong, 1, 0, 1, 1.0f);
  t.Update(weak, 1, 0, 1, 0.001f);
  t.Tick();
  EXPECT_EQ(t.Finish(0.0f).num_features(), 2u);
  EXPECT_EQ(t.Finish(0.01f).num_features(), 1u);
}

// A model of `classes` classes with a few hundred features of varied rows.
PerceptronModel TrainWide(int classes) {
  PerceptronTrainer t(classes);
  for (uint64_t i = 0; i < 600; ++i) {
    uint64_t f[2] = {FeatureHash(1, i), FeatureHash(2, i % 7)};
    t.Update(f, 2, static_cast<int>(i % static_cast<uint64_t>(classes)),
             static_cast<int>((i / 3) % static_cast<uint64_t>(classes)), static_cast<float>(1 + i % 5));
    t.Tick();
  }
  return t.Finish(0.0f);
}

TEST(FrozenPerceptronTest, ScoresAsTheModelAndRoundTrips) {
  for (int classes : {2, 3, 5, 40, 255}) {
    SCOPED_TRACE(classes);
    PerceptronModel m = TrainWide(classes);
    std::string error;
    std::optional<FrozenPerceptron> f = FrozenPerceptron::Freeze(m, &error);
    ASSERT_TRUE(f) << error;
    EXPECT_EQ(f->num_features(), m.num_features());
    EXPECT_EQ(f->num_weights(), m.num_weights());
    std::string bytes;
    f->Serialize(&bytes);
    std::vector<uint64_t> aligned(bytes.size() / 8 + 1);
    std::memcpy(aligned.data(), bytes.data(), bytes.size());
    std::string_view view(reinterpret_cast<const char*>(aligned.data()), bytes.size());
    std::optional<FrozenPerceptron> back = FrozenPerceptron::View(view.data(), &view, &error);
    ASSERT_TRUE(back) << error;
    EXPECT_TRUE(view.empty());
    std::vector<int32_t> want(static_cast<size_t>(classes)), got(want), got_back(want);
    for (uint64_t i = 0; i < 700; i += 13) {  // known and unknown features
      uint64_t features[3] = {FeatureHash(1, i), FeatureHash(2, i % 7), FeatureHash(3, i)};
      m.Score(features, 3, want.data());
      f->Score(features, 3, got.data());
      back->Score(features, 3, got_back.data());
      EXPECT_EQ(got, want) << i;
      EXPECT_EQ(got_back, want) << i;
    }
  }
}

TEST(PerceptronTest, FeatureHashIsNeverZeroAndSeparatesTemplates) {
  EXPECT_NE(FeatureHash(0, 0), 0u);
  EXPECT_NE(FeatureHash(1, 5), FeatureHash(2, 5));
  EXPECT_NE(FeatureHash(1, 5, 6), FeatureHash(1, 6, 5));
  EXPECT_EQ(StringHash("visit"), StringHash(std::string("visit")));
}

}  // namespace
}  // namespace dyad
