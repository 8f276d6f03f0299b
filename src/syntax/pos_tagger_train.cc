#include "syntax/pos_tagger_train.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "text/normalize.h"

namespace dyad {
namespace {

// splitmix64: a fixed generator, so that the shuffle is the same with every standard
// library (std::shuffle's algorithm is unspecified).
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void Shuffle(std::vector<size_t>* order, uint64_t* state) {
  for (size_t i = order->size(); i > 1; --i) {
    size_t j = NextRandom(state) % i;
    std::swap((*order)[i - 1], (*order)[j]);
  }
}

std::string ClassName(const ConlluWord& w) { return w.upos + "|" + w.xpos; }

struct GreedyData {
  const std::vector<std::vector<std::string_view>>& forms;
  const std::vector<std::vector<int>>& gold;
  const std::vector<size_t>& alternate;  // what stands for a sentence in even epochs
  const PosTagger& tagger;  // for Prepare: normal forms and the dictionary
  int num_classes;
};

// Trains the greedy left-to-right tagger on the sentences `subset` (shuffled each epoch
// with options.seed). on_epoch gets each epoch's training accuracy and, when finish_each is set
// or at the last epoch, the averaged model.
PerceptronModel TrainGreedy(
    const GreedyData& data, const std::vector<size_t>& subset,
    const TaggerTrainOptions& options,
    const std::function<void(int, double, const PerceptronModel*)>& on_epoch,
    bool finish_each) {
  PerceptronTrainer trainer(data.num_classes);
  std::vector<size_t> order = subset;
  uint64_t rng = options.seed;
  std::vector<float> scores(data.num_classes);
  uint64_t features[PosTagger::kMaxFeatures];
  PosTagger::Workspace ws;
  PerceptronModel model;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    Shuffle(&order, &rng);
    size_t right_guesses = 0;
    size_t total = 0;
    for (size_t sentence : order) {
      size_t s = epoch % 2 == 0 ? data.alternate[sentence] : sentence;
      const std::vector<std::string_view>& forms = data.forms[s];
      size_t n = forms.size();
      const TaggerWordInfo* words = data.tagger.Prepare(forms.data(), n, &ws);
      int prev1 = -1;
      int prev2 = -1;
      for (size_t i = 0; i < n; ++i) {
        int truth = data.gold[s][i];
        int guess = words[i].dict_class;
        if (guess < 0) {
          size_t nf = PosTagger::Features(words, n, i, prev1, prev2, features);
          trainer.Score(features, nf, scores.data());
          guess = static_cast<int>(std::max_element(scores.begin(), scores.end()) -
                                   scores.begin());
          if (guess != truth) trainer.Update(features, nf, truth, guess);
        }
        trainer.Tick();
        right_guesses += guess == truth;
        ++total;
        // The history is the guess, as at run time.
        prev2 = prev1;
        prev1 = guess;
      }
    }
    double accuracy =
        total == 0 ? 0 : 100.0 * static_cast<double>(right_guesses) / static_cast<double>(total);
    bool finish = finish_each || epoch == options.epochs;
    if (finish) model = trainer.Finish(options.prune);
    if (on_epoch) on_epoch(epoch, accuracy, finish ? &model : nullptr);
  }
  return model;
}

}  // namespace

std::vector<ConlluSentence> JoinHyphenatedWords(const std::vector<ConlluSentence>& treebank,
                                                std::vector<size_t>* sources) {
  auto no_space_after = [](const ConlluWord& w) {
    return w.misc.find("SpaceAfter=No") != std::string::npos;
  };
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  std::vector<ConlluSentence> out;
  if (sources != nullptr) sources->clear();
  for (size_t index = 0; index < treebank.size(); ++index) {
    const ConlluSentence& s = treebank[index];
    const std::vector<ConlluWord>& w = s.words;
    const size_t n = w.size();
    ConlluSentence joined;
    joined.line = s.line;
    bool changed = false;
    size_t i = 0;
    while (i < n) {
      // The run [i, end]: word (- word)* with no space around the hyphens.
      size_t end = i;
      while (end + 2 < n && w[end + 1].form == "-" && no_space_after(w[end]) &&
             no_space_after(w[end + 1]) && !w[end].form.empty() && alnum(w[end].form.back()) &&
             !w[end + 2].form.empty() && alnum(w[end + 2].form.front())) {
        end += 2;
      }
      if (end == i) {
        joined.words.push_back(w[i]);
        joined.words.back().head = -1;
        ++i;
        continue;
      }
      changed = true;
      ConlluWord merged = w[end];
      merged.form.clear();
      for (size_t k = i; k <= end; ++k) merged.form += w[k].form;
      merged.lemma = merged.form;
      merged.head = -1;
      merged.misc = w[end].misc;
      // The head part: the last word whose head lies outside the run.
      size_t head = end;
      bool all_proper = true;
      for (size_t k = i; k <= end; ++k) {
        int h = w[k].head - 1;  // 0-based; -1 root, -2 none
        if (h < static_cast<int>(i) || h > static_cast<int>(end)) head = k;
        if (k % 2 == i % 2 && w[k].upos != "PROPN") all_proper = false;
      }
      merged.upos = w[head].upos;
      merged.xpos = w[head].xpos;
      bool modifies_later = w[head].head - 1 > static_cast<int>(end);
      if (modifies_later && !all_proper && merged.upos != "NUM") {
        merged.upos = "ADJ";
        merged.xpos = "JJ";
      }
      joined.words.push_back(std::move(merged));
      i = end + 1;
    }
    if (!changed) continue;
    out.push_back(std::move(joined));
    if (sources != nullptr) sources->push_back(index);
  }
  return out;
}

TaggerAccuracy EvaluateTagger(const PosTagger& tagger, const std::vector<ConlluSentence>& gold) {
  TaggerAccuracy acc;
  PosTagger::Workspace ws;
  std::vector<std::string_view> forms;
  std::vector<TaggedWord> out;
  std::string gold_lemma;
  for (const ConlluSentence& s : gold) {
    forms.clear();
    for (const ConlluWord& w : s.words) forms.push_back(w.form);
    out.resize(forms.size());
    tagger.Tag(forms.data(), forms.size(), out.data(), &ws);
    for (size_t i = 0; i < forms.size(); ++i) {
      const ConlluWord& w = s.words[i];
      bool upos = UPosName(out[i].upos) == w.upos;
      bool xpos = out[i].xpos == w.xpos;
      NormalizeToken(w.lemma, &gold_lemma);
      ++acc.words;
      acc.upos += upos;
      acc.xpos += xpos;
      acc.both += upos && xpos;
      acc.lemma += out[i].lemma == gold_lemma;
    }
  }
  return acc;
}

PosTagger TrainPosTagger(const std::vector<ConlluSentence>& treebank,
                         const std::vector<ConlluSentence>* dev,
                         const TaggerTrainOptions& options, const Lexicon& lexicon,
                         const std::function<void(const TaggerEpoch&)>& progress) {
  // The sentences with hyphenated words joined follow the treebank's; alternate[s] is
  // the one that stands for sentence s in even epochs.
  const size_t num_sentences = treebank.size();
  std::vector<size_t> sources;
  std::vector<ConlluSentence> train = treebank;
  if (options.join_hyphens) {
    std::vector<ConlluSentence> joined = JoinHyphenatedWords(treebank, &sources);
    train.insert(train.end(), joined.begin(), joined.end());
  }
  std::vector<size_t> alternate(num_sentences);
  for (size_t s = 0; s < num_sentences; ++s) alternate[s] = s;
  for (size_t j = 0; j < sources.size(); ++j) alternate[sources[j]] = num_sentences + j;
  // Classes: every UPOS|XPOS pair of the training data, most frequent first (ties by
  // name), so that class numbers do not depend on hash-map order.
  std::map<std::string, size_t> pair_counts;
  for (size_t s = 0; s < num_sentences; ++s)
    for (const ConlluWord& w : train[s].words) ++pair_counts[ClassName(w)];
  std::vector<std::pair<std::string, size_t>> by_count(pair_counts.begin(), pair_counts.end());
  std::stable_sort(by_count.begin(), by_count.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> class_names;
  std::unordered_map<std::string, int> class_of;
  for (const auto& [name, count] : by_count) {
    // A model holds at most 255 classes (frozen_perceptron.h); words of rarer pairs, if
    // there ever are so many, are left out of training (class -1).
    if (class_names.size() == 255) break;
    class_of[name] = static_cast<int>(class_names.size());
    class_names.push_back(name);
  }
  const int num_classes = static_cast<int>(class_names.size());

  // Gold classes and normal-form hashes, through the tagger's own Prepare so that the
  // dictionary keys are the run-time keys.
  PosTagger base(class_names, {}, PerceptronModel(), lexicon);
  PosTagger::Workspace ws;
  std::vector<std::vector<int>> gold(train.size());
  std::map<uint64_t, std::vector<size_t>> form_counts;  // ordered: deterministic dictionary
  std::vector<std::string_view> forms;
  for (size_t s = 0; s < train.size(); ++s) {
    forms.clear();
    for (const ConlluWord& w : train[s].words) forms.push_back(w.form);
    const TaggerWordInfo* words = base.Prepare(forms.data(), forms.size(), &ws);
    for (size_t i = 0; i < forms.size(); ++i) {
      auto it = class_of.find(ClassName(train[s].words[i]));
      int c = it == class_of.end() ? -1 : it->second;
      gold[s].push_back(c);
      if (c < 0 || s >= num_sentences) continue;  // the dictionary counts the treebank's
      std::vector<size_t>& counts = form_counts[words[i].lower];
      counts.resize(num_classes);
      ++counts[c];
    }
  }
  std::vector<std::pair<uint64_t, uint16_t>> dictionary;
  for (const auto& [key, counts] : form_counts) {
    size_t total = 0;
    for (size_t n : counts) total += n;
    auto top = std::max_element(counts.begin(), counts.end());
    if (total < static_cast<size_t>(options.hint_min_count)) continue;
    auto cls = static_cast<uint16_t>(top - counts.begin());
    if (total >= static_cast<size_t>(options.dict_min_count) &&
        static_cast<double>(*top) >= options.dict_min_share * static_cast<double>(total)) {
      cls |= PosTagger::kDictSure;
    }
    dictionary.emplace_back(key, cls);
  }
  PosTagger with_dict(class_names, dictionary, PerceptronModel(), lexicon);
  std::vector<std::vector<std::string_view>> sentence_forms(train.size());
  for (size_t s = 0; s < train.size(); ++s)
    for (const ConlluWord& w : train[s].words) sentence_forms[s].push_back(w.form);
  GreedyData data{sentence_forms, gold, alternate, with_dict, num_classes};
  std::vector<size_t> all(num_sentences);
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;

  PerceptronModel model = TrainGreedy(
      data, all, options,
      [&](int epoch, double train_accuracy, const PerceptronModel* m) {
        TaggerEpoch r;
        r.epoch = epoch;
        r.train_accuracy = train_accuracy;
        if (dev != nullptr && m != nullptr) {
          PosTagger tagger(class_names, dictionary, *m, lexicon);
          r.features = m->num_features();
          r.dev = EvaluateTagger(tagger, *dev);
        }
        if (progress) progress(r);
      },
      dev != nullptr);
  return PosTagger(class_names, dictionary, model, lexicon);
}

}  // namespace dyad
