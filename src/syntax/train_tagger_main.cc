// dyad_train_tagger --train TRAIN.conllu [--dev DEV.conllu] --out MODEL [--epochs N]
//   [--prune W] [--seed S]: trains the part-of-speech tagger (pos_tagger.h) and writes
// its model file. Prints the dev accuracy after each epoch. Deterministic: the same
// inputs and options give the same file (data/models/README.md has the command that
// made the shipped model).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/pos_tagger.h"
#include "syntax/pos_tagger_train.h"

namespace {

int Usage() {
  std::cerr << "usage: dyad_train_tagger --train TRAIN.conllu [--dev DEV.conllu] --out MODEL\n"
               "         [--epochs N] [--prune W] [--seed S] [--dict-min-count N]\n"
               "         [--dict-min-share F] [--hint-min-count N]\n"
               "         [--no-join-hyphens]\n";
  return 2;
}

bool Read(const std::string& path, std::vector<dyad::ConlluSentence>* out) {
  size_t skipped = 0;
  auto report = [](const dyad::Diagnostic& d) {
    std::cerr << d.where << ": " << d.message << "\n";
  };
  bool ok = dyad::ReadConlluFile(path, out, report, &skipped);
  if (ok && skipped > 0) std::cerr << path << ": " << skipped << " sentences skipped\n";
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string train_path;
  std::string dev_path;
  std::string out_path;
  dyad::TaggerTrainOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-join-hyphens") {
      options.join_hyphens = false;
      continue;
    }
    if (i + 1 >= argc) return Usage();
    std::string value = argv[++i];
    if (arg == "--train") {
      train_path = value;
    } else if (arg == "--dev") {
      dev_path = value;
    } else if (arg == "--out") {
      out_path = value;
    } else if (arg == "--epochs") {
      options.epochs = std::atoi(value.c_str());
    } else if (arg == "--prune") {
      options.prune = std::strtof(value.c_str(), nullptr);
    } else if (arg == "--seed") {
      options.seed = std::strtoull(value.c_str(), nullptr, 10);
    } else if (arg == "--dict-min-count") {
      options.dict_min_count = std::atoi(value.c_str());
    } else if (arg == "--dict-min-share") {
      options.dict_min_share = std::strtod(value.c_str(), nullptr);
    } else if (arg == "--hint-min-count") {
      options.hint_min_count = std::atoi(value.c_str());
    } else {
      return Usage();
    }
  }
  if (train_path.empty() || out_path.empty() || options.epochs < 1) return Usage();
  std::vector<dyad::ConlluSentence> train;
  std::vector<dyad::ConlluSentence> dev;
  if (!Read(train_path, &train)) return 3;
  if (!dev_path.empty() && !Read(dev_path, &dev)) return 3;
  auto start = std::chrono::steady_clock::now();
  dyad::PosTagger tagger = dyad::TrainPosTagger(
      train, dev_path.empty() ? nullptr : &dev, options, dyad::Lexicon::Default(),
      [&](const dyad::TaggerEpoch& e) {
        double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("epoch %2d  train %.2f%%", e.epoch, e.train_accuracy);
        if (e.dev.words > 0) {
          std::printf("  dev UPOS %.2f%%  XPOS %.2f%%  both %.2f%%  lemma %.2f%%  features %zu",
                      e.dev.Percent(e.dev.upos), e.dev.Percent(e.dev.xpos),
                      e.dev.Percent(e.dev.both), e.dev.Percent(e.dev.lemma), e.features);
        }
        std::printf("  (%.0f s)\n", secs);
        std::fflush(stdout);
      });
  if (!dev.empty()) {
    // Dev as dyad's tokenizer would give it: hyphenated words whole.
    std::vector<dyad::ConlluSentence> joined = dyad::JoinHyphenatedWords(dev);
    dyad::TaggerAccuracy a = dyad::EvaluateTagger(tagger, joined);
    std::printf("dev sentences with hyphenated words joined (%zu): UPOS %.2f%%  XPOS %.2f%%\n",
                joined.size(), a.Percent(a.upos), a.Percent(a.xpos));
  }
  std::string bytes;
  tagger.Serialize(&bytes);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::cerr << "dyad_train_tagger: cannot write " << out_path << "\n";
    return 3;
  }
  std::printf("wrote %s: %zu bytes, %d classes, %zu dictionary words, %zu features, "
              "%zu weights\n",
              out_path.c_str(), bytes.size(), tagger.num_classes(), tagger.dictionary_size(),
              tagger.weights().num_features(), tagger.weights().num_weights());
  return 0;
}
