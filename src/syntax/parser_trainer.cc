#include "syntax/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <unordered_map>

#include "syntax/parser_features.h"
#include "syntax/perceptron.h"
#include "syntax/transition_system.h"

namespace dyad {

bool ParserExampleFromConllu(const ConlluSentence& sentence, ParserExample* out) {
  *out = ParserExample();
  for (const ConlluWord& w : sentence.words) {
    out->forms.push_back(w.form);
    out->upos.push_back(UPosFromName(w.upos));
    out->xpos.push_back(w.xpos);
    out->heads.push_back(w.head);
    out->deprels.push_back(DeprelFromName(w.deprel));
  }
  return !out->forms.empty() && IsTree(out->heads);
}

namespace {

struct Views {
  std::vector<std::string_view> forms, xpos;
  explicit Views(const ParserExample& e) {
    forms.assign(e.forms.begin(), e.forms.end());
    xpos.assign(e.xpos.begin(), e.xpos.end());
  }
};

// A sentence ready for training: codes computed once, gold tree projectivised and in
// the transition system's indices (root = n), labels as label indices.
struct Prepared {
  SentenceCodes codes;
  std::vector<int32_t> head;
  std::vector<int16_t> label;
};

double Uniform(std::mt19937_64& rng) {  // [0, 1), the same on every platform
  return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

}  // namespace

WordClusters TagSets(const std::vector<ParserExample>& sentences) {
  std::unordered_map<uint64_t, uint16_t> sets;
  std::string norm;
  for (const ParserExample& e : sentences) {
    for (size_t i = 0; i < e.forms.size(); ++i) {
      auto u = static_cast<int>(e.upos[i]);
      if (u < 1 || u > 16) continue;
      NormalizeParserWord(e.forms[i], &norm);
      sets[StringHash(norm)] |= static_cast<uint16_t>(1u << (u - 1));
    }
  }
  std::vector<std::pair<uint64_t, uint16_t>> entries(sets.begin(), sets.end());
  std::sort(entries.begin(), entries.end());
  return WordClusters(entries);
}

ParserScore EvaluateParser(const DependencyParser& parser,
                           const std::vector<ParserExample>& sentences) {
  ParserScore score;
  ParserWorkspace ws;
  std::vector<int32_t> heads;
  std::vector<Deprel> deprels;
  for (const ParserExample& e : sentences) {
    Views v(e);
    size_t n = e.forms.size();
    heads.assign(n, -1);
    deprels.assign(n, Deprel::kNone);
    parser.ParseSentence(v.forms.data(), e.upos.data(), v.xpos.data(), n, &ws, heads.data(),
                         deprels.data());
    for (size_t i = 0; i < n; ++i) {
      ++score.words;
      if (heads[i] != e.heads[i]) continue;
      ++score.heads;
      if (deprels[i] == e.deprels[i]) ++score.labelled;
    }
  }
  return score;
}

DependencyParser TrainParser(const std::vector<ParserExample>& train,
                             const std::vector<ParserExample>& dev,
                             const ParserTrainOptions& options, ParserScore* best_dev) {
  // Labels: root first, then every other relation the training data uses, in enum order.
  std::vector<bool> seen(kNumDeprel, false);
  for (const ParserExample& e : train) {
    for (Deprel d : e.deprels) seen[static_cast<size_t>(d)] = true;
  }
  std::vector<Deprel> labels = {Deprel::root};
  std::vector<int16_t> index(kNumDeprel, -1);
  index[static_cast<size_t>(Deprel::root)] = 0;
  for (int d = 1; d < kNumDeprel; ++d) {
    if (!seen[d] || static_cast<Deprel>(d) == Deprel::root) continue;
    index[d] = static_cast<int16_t>(labels.size());
    labels.push_back(static_cast<Deprel>(d));
  }
  const int num_labels = static_cast<int>(labels.size());
  const int num_classes = NumClasses(num_labels);

  std::vector<Prepared> prepared(train.size());
  std::string scratch;
  int lifted = 0;
  for (size_t i = 0; i < train.size(); ++i) {
    const ParserExample& e = train[i];
    Views v(e);
    auto n = static_cast<int32_t>(e.forms.size());
    Prepared& p = prepared[i];
    p.codes.Encode(v.forms.data(), e.upos.data(), v.xpos.data(), n, options.clusters,
                  options.tagsets, &scratch);
    std::vector<int32_t> heads = e.heads;
    lifted += Projectivize(&heads);
    for (int32_t d = 0; d < n; ++d) {
      p.head.push_back(heads[d] == 0 ? n : heads[d] - 1);
      int16_t l = index[static_cast<size_t>(e.deprels[d])];
      if (heads[d] == 0) l = kRootLabel;
      else if (l == kRootLabel) l = index[static_cast<size_t>(Deprel::dep)];
      p.label.push_back(l < 0 ? int16_t{1} : l);
    }
  }
  if (options.log) options.log("labels: " + std::to_string(num_labels) + ", lifted arcs: " +
                               std::to_string(lifted));

  PerceptronTrainer trainer(num_classes);
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  ParseState s;
  Oracle oracle;
  std::vector<float> scores(static_cast<size_t>(num_classes));
  std::vector<int> costs(static_cast<size_t>(num_classes));
  std::unique_ptr<bool[]> legal(new bool[static_cast<size_t>(num_classes)]);
  uint64_t features[kMaxParserFeatures];

  std::optional<DependencyParser> best;
  ParserScore best_score;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const bool explore = epoch >= options.explore_from_epoch;
    size_t decisions = 0, mistakes = 0;
    for (size_t idx : order) {
      const Prepared& p = prepared[idx];
      auto n = static_cast<int32_t>(p.head.size());
      s.Reset(n);
      oracle.Reset(p.head.data(), p.label.data(), n);
      while (!s.Terminal()) {
        if (s.stack.empty()) {
          s.Apply(Move::kShift, -1);
          continue;
        }
        if (s.b == s.n && s.stack.size() == 1) {
          s.Apply(Move::kLeft, kRootLabel);
          continue;
        }
        int k = ExtractParserFeatures(s, p.codes, features);
        trainer.Score(features, static_cast<size_t>(k), scores.data());
        s.LegalClasses(num_labels, legal.get());
        int min_cost = 1 << 30;
        for (int c = 0; c < num_classes; ++c) {
          if (!legal[c]) continue;
          costs[c] = oracle.Cost(s, c, num_labels);
          min_cost = std::min(min_cost, costs[c]);
        }
        int pred = -1, gold = -1;
        for (int c = 0; c < num_classes; ++c) {
          if (!legal[c]) continue;
          if (pred < 0 || scores[c] > scores[pred]) pred = c;
          if (costs[c] == min_cost && (gold < 0 || scores[c] > scores[gold])) gold = c;
        }
        ++decisions;
        if (costs[pred] > min_cost) {
          ++mistakes;
          trainer.Update(features, static_cast<size_t>(k), gold, pred);
        }
        trainer.Tick();
        int next = gold;
        if (explore && costs[pred] > min_cost && Uniform(rng) < options.explore_prob) next = pred;
        s.Apply(MoveOf(next, num_labels), LabelOf(next, num_labels));
      }
    }
    DependencyParser parser(labels, options.clusters, options.tagsets,
                            trainer.Finish(options.prune));
    ParserScore score = EvaluateParser(parser, dev);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (options.log) {
      char line[256];
      std::snprintf(line, sizeof line,
                    "epoch %d: train errors %.2f%%, dev UAS %.2f LAS %.2f, %zu features, "
                    "%zu weights, %.0f s",
                    epoch,
                    100.0 * static_cast<double>(mistakes) /
                        static_cast<double>(std::max<size_t>(decisions, 1)),
                    score.uas(), score.las(), parser.model().num_features(),
                    parser.model().num_weights(), seconds);
      options.log(line);
    }
    for (float prune : options.report_prunes) {
      if (!options.log) break;
      DependencyParser pruned(labels, options.clusters, options.tagsets, trainer.Finish(prune));
      ParserScore ps = EvaluateParser(pruned, dev);
      std::string bytes;
      pruned.Serialize(&bytes);
      char line[160];
      std::snprintf(line, sizeof line, "  prune %g: dev UAS %.2f LAS %.2f, %zu features, %zu bytes",
                    static_cast<double>(prune), ps.uas(), ps.las(), pruned.model().num_features(),
                    bytes.size());
      options.log(line);
    }
    if (!best || dev.empty() || score.labelled > best_score.labelled) {
      best.emplace(std::move(parser));
      best_score = score;
    }
  }
  if (best_dev != nullptr) *best_dev = best_score;
  if (!best) {
    return DependencyParser(labels, options.clusters, options.tagsets,
                            trainer.Finish(options.prune));
  }
  return std::move(*best);
}

}  // namespace dyad
