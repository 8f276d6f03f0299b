// dyad_train_parser: trains the dependency parser (dependency_parser.h) on a CoNLL-U
// treebank and writes the model file. Not part of set-up or CI; see data/models/README.md
// for the command that made the shipped model.
//
//   dyad_train_parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//                     --out data/models/parser.model [--epochs N] [--seed S]
//                     [--prune P] [--tags gold|model|jackknife] [--folds K]
//                     [--clusters clusters.tsv] [--report-prunes P,P...]
//                     [--save-train-tags FILE | --load-train-tags FILE]
//
// --tags says which tags the parser learns from: the treebank's (gold), the shipped
// tagger's (model), or jackknifed ones (the default): the training set is cut into K
// folds and each fold is tagged by a tagger trained on the others, so that the parser
// sees tagging errors as frequent as at run time. Dev is always tagged by the shipped
// tagger, unless --tags gold. --clusters: word classes from dyad_cluster_words, kept in
// the model. --save-train-tags writes the training set's tags (one "UPOS XPOS"
// line per word, a blank line after each sentence) and --load-train-tags reads them back
// instead of tagging: for experiments that change only the parser (jackknifing takes
// minutes).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/parser_trainer.h"
#include "syntax/pos_tagger.h"
#include "syntax/pos_tagger_train.h"
#include "text/lexicon.h"
#include "util/diagnostics.h"

namespace dyad {
namespace {

int Usage() {
  std::cerr << "usage: dyad_train_parser --train FILE --dev FILE --out FILE [--epochs N] "
               "[--seed S] [--prune P] [--tags gold|model|jackknife] [--folds K] "
               "[--clusters FILE] [--report-prunes P,P...] [--save-train-tags FILE] "
               "[--load-train-tags FILE]\n";
  return 2;
}

bool Read(const std::string& path, std::vector<ConlluSentence>* out) {
  StderrDiagnostics diagnostics;
  return ReadConlluFile(path, out, diagnostics.sink());
}

// Replaces the tags of `examples` (made from `sentences`) by `tagger`'s.
void Retag(const PosTagger& tagger, std::vector<ParserExample>* examples) {
  PosTagger::Workspace ws;
  std::vector<std::string_view> forms;
  std::vector<TaggedWord> tagged;
  for (ParserExample& e : *examples) {
    forms.assign(e.forms.begin(), e.forms.end());
    tagged.assign(forms.size(), TaggedWord());
    tagger.Tag(forms.data(), forms.size(), tagged.data(), &ws);
    for (size_t i = 0; i < forms.size(); ++i) {
      e.upos[i] = tagged[i].upos;
      e.xpos[i] = std::string(tagged[i].xpos);
    }
  }
}

// Writes the tags of `examples`: "UPOS XPOS" per word, a blank line after each sentence.
bool SaveTags(const std::vector<ParserExample>& examples, const std::string& path) {
  std::ofstream out(path);
  for (const ParserExample& e : examples) {
    for (size_t i = 0; i < e.upos.size(); ++i) {
      out << UPosName(e.upos[i]) << ' ' << e.xpos[i] << '\n';
    }
    out << '\n';
  }
  return static_cast<bool>(out);
}

// Reads what SaveTags wrote into the tags of `examples`; false when it does not fit them.
bool LoadTags(const std::string& path, std::vector<ParserExample>* examples) {
  std::ifstream in(path);
  std::string line;
  for (ParserExample& e : *examples) {
    for (size_t i = 0; i < e.upos.size(); ++i) {
      if (!std::getline(in, line)) return false;
      size_t space = line.find(' ');
      if (space == std::string::npos) return false;
      e.upos[i] = UPosFromName(line.substr(0, space));
      e.xpos[i] = line.substr(space + 1);
    }
    if (!std::getline(in, line) || !line.empty()) return false;
  }
  return true;
}

size_t CountTagErrors(const std::vector<ParserExample>& tagged,
                      const std::vector<ParserExample>& gold, size_t* words) {
  size_t errors = 0;
  *words = 0;
  for (size_t s = 0; s < tagged.size(); ++s) {
    for (size_t i = 0; i < tagged[s].xpos.size(); ++i) {
      ++*words;
      if (tagged[s].xpos[i] != gold[s].xpos[i] || tagged[s].upos[i] != gold[s].upos[i]) {
        ++errors;
      }
    }
  }
  return errors;
}

int Main(int argc, char** argv) {
  std::string train_path, dev_path, out_path, clusters_path, tags = "jackknife";
  std::string save_tags, load_tags;
  ParserTrainOptions options;
  int folds = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return Usage();
    std::string value = argv[++i];
    if (arg == "--train") train_path = value;
    else if (arg == "--dev") dev_path = value;
    else if (arg == "--out") out_path = value;
    else if (arg == "--epochs") options.epochs = std::atoi(value.c_str());
    else if (arg == "--seed") options.seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (arg == "--prune") options.prune = std::strtof(value.c_str(), nullptr);
    else if (arg == "--explore-from") options.explore_from_epoch = std::atoi(value.c_str());
    else if (arg == "--tags") tags = value;
    else if (arg == "--folds") folds = std::atoi(value.c_str());
    else if (arg == "--clusters") clusters_path = value;
    else if (arg == "--save-train-tags") save_tags = value;
    else if (arg == "--load-train-tags") load_tags = value;
    else if (arg == "--report-prunes") {
      for (size_t b = 0; b < value.size();) {  // comma-separated thresholds
        size_t e = value.find(',', b);
        if (e == std::string::npos) e = value.size();
        options.report_prunes.push_back(std::strtof(value.substr(b, e - b).c_str(), nullptr));
        b = e + 1;
      }
    }
    else return Usage();
  }
  if (train_path.empty() || out_path.empty() || options.epochs < 1 || folds < 2 ||
      (tags != "gold" && tags != "model" && tags != "jackknife")) {
    return Usage();
  }
  if (!clusters_path.empty()) {
    std::string error;
    std::optional<WordClusters> clusters = WordClusters::ReadTsv(clusters_path, &error);
    if (!clusters) {
      std::cerr << "dyad_train_parser: " << error << "\n";
      return 3;
    }
    options.clusters = std::move(*clusters);
    std::cerr << "word clusters: " << options.clusters.size() << " words\n";
  }
  std::vector<ConlluSentence> train_conllu, dev_conllu;
  if (!Read(train_path, &train_conllu)) return 3;
  if (!dev_path.empty() && !Read(dev_path, &dev_conllu)) return 3;
  auto convert = [](const std::vector<ConlluSentence>& in, std::vector<ConlluSentence>* kept) {
    std::vector<ParserExample> out;
    for (const ConlluSentence& s : in) {
      ParserExample e;
      if (!ParserExampleFromConllu(s, &e)) continue;
      out.push_back(std::move(e));
      if (kept != nullptr) kept->push_back(s);
    }
    return out;
  };
  std::vector<ConlluSentence> train_kept;
  std::vector<ParserExample> train = convert(train_conllu, &train_kept);
  std::vector<ParserExample> dev = convert(dev_conllu, nullptr);
  std::cerr << "train: " << train.size() << " sentences; dev: " << dev.size() << "\n";
  options.tagsets = TagSets(train);  // from the treebank's own tags, before retagging

  if (tags != "gold") {
    const PosTagger* shipped = PosTagger::Default();
    std::optional<PosTagger> own;
    if (shipped == nullptr) {
      // No usable shipped model (e.g. one of an older format): a tagger trained on all of
      // train with the trainer's defaults stands in for it.
      std::cerr << "no shipped tagger (" << PosTagger::DefaultError()
                << "): training one on all of train\n";
      own.emplace(TrainPosTagger(train_kept, nullptr, TaggerTrainOptions(), Lexicon::Default(),
                                 nullptr));
      shipped = &*own;
    }
    std::vector<ParserExample> gold_dev = dev;
    Retag(*shipped, &dev);
    size_t words = 0;
    size_t errors = CountTagErrors(dev, gold_dev, &words);
    std::cerr << "dev tagged by the shipped tagger: " << errors << " of " << words
              << " words with a wrong UPOS or XPOS\n";
    std::vector<ParserExample> gold_train = train;
    if (!load_tags.empty()) {
      if (!LoadTags(load_tags, &train)) {
        std::cerr << "dyad_train_parser: " << load_tags << " does not fit the training set\n";
        return 3;
      }
    } else if (tags == "model") {
      Retag(*shipped, &train);
    } else {
      for (int f = 0; f < folds; ++f) {
        std::vector<ConlluSentence> rest;
        std::vector<size_t> held;
        for (size_t i = 0; i < train_kept.size(); ++i) {
          if (static_cast<int>(i % static_cast<size_t>(folds)) == f) held.push_back(i);
          else rest.push_back(train_kept[i]);
        }
        TaggerTrainOptions tagger_options;
        PosTagger tagger =
            TrainPosTagger(rest, nullptr, tagger_options, Lexicon::Default(), nullptr);
        std::vector<ParserExample> part;
        for (size_t i : held) part.push_back(train[i]);
        Retag(tagger, &part);
        for (size_t k = 0; k < held.size(); ++k) train[held[k]] = std::move(part[k]);
        std::cerr << "fold " << f + 1 << " of " << folds << " tagged\n";
      }
    }
    if (!save_tags.empty() && !SaveTags(train, save_tags)) {
      std::cerr << "dyad_train_parser: cannot write " << save_tags << "\n";
      return 3;
    }
    errors = CountTagErrors(train, gold_train, &words);
    std::cerr << "train tags (" << tags << "): " << errors << " of " << words
              << " words with a wrong UPOS or XPOS\n";
  }

  options.log = [](const std::string& line) { std::cerr << line << std::endl; };
  ParserScore best;
  DependencyParser parser = TrainParser(train, dev, options, &best);
  std::string bytes;
  parser.Serialize(&bytes);
  std::ofstream out(out_path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "dyad_train_parser: cannot write " << out_path << "\n";
    return 3;
  }
  std::fprintf(stderr, "best dev UAS %.2f LAS %.2f; wrote %s (%zu bytes)\n", best.uas(),
               best.las(), out_path.c_str(), bytes.size());
  return 0;
}

}  // namespace
}  // namespace dyad

int main(int argc, char** argv) { return dyad::Main(argc, argv); }
