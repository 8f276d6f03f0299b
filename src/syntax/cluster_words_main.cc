// dyad_cluster_words: word classes from unlabelled text for the parser's features
// (word_clusters.h), by the exchange algorithm on a predictive class bigram model
// (Kneser and Ney 1993; Uszkoreit and Brants 2008): each word goes to the class that
// best predicts it from the word before, P(w | v) = P(class(w) | v) P(w | class(w)),
// word by word, most frequent first, for a fixed number of passes. Deterministic.
//
//   dyad_cluster_words --corpus news_pool.jsonl [--conllu FILE]... --out clusters.tsv
//                      [--classes K] [--min-count M] [--passes P]
//
// --corpus: JSON Lines with a "text" field, tokenised like dyad's articles
// (text/tokenizer.h); --conllu: the word forms of a treebank, as more plain text.
// Output: "word<TAB>class" (classes 1..K) for every word seen at least M times.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/parser_features.h"
#include "text/lexicon.h"
#include "text/tokenizer.h"
#include "util/diagnostics.h"

namespace dyad {
namespace {

struct Corpus {
  std::unordered_map<std::string, int32_t> ids;  // 0 is the sentence start
  std::vector<std::string> words = {"<s>"};
  std::vector<int32_t> tokens;  // word ids; 0 starts each text

  int32_t Id(const std::string& w) {
    auto [it, added] = ids.emplace(w, static_cast<int32_t>(words.size()));
    if (added) words.push_back(w);
    return it->second;
  }
};

inline double XLogX(double x) { return x > 0 ? x * std::log(x) : 0.0; }

int Main(int argc, char** argv) {
  std::string corpus_path, out_path;
  std::vector<std::string> conllu_paths;
  int classes = 256, min_count = 5, passes = 12;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--corpus") corpus_path = value;
    else if (arg == "--conllu") conllu_paths.push_back(value);
    else if (arg == "--out") out_path = value;
    else if (arg == "--classes") classes = std::atoi(value.c_str());
    else if (arg == "--min-count") min_count = std::atoi(value.c_str());
    else if (arg == "--passes") passes = std::atoi(value.c_str());
    else corpus_path.clear(), out_path.clear(), i = argc;
  }
  if (out_path.empty() || (corpus_path.empty() && conllu_paths.empty()) || classes < 2 ||
      classes > 65535 || (argc % 2) != 1) {
    std::cerr << "usage: dyad_cluster_words --corpus FILE.jsonl [--conllu FILE]... --out FILE "
                 "[--classes K] [--min-count M] [--passes P]\n";
    return 2;
  }
  Corpus corpus;
  std::string norm;
  if (!corpus_path.empty()) {
    std::ifstream in(corpus_path);
    if (!in) {
      std::cerr << "dyad_cluster_words: cannot read " << corpus_path << "\n";
      return 3;
    }
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
      const std::string text = j["text"].get<std::string>();
      Tokenizer tokenizer(text, Lexicon::Default());
      RawToken t;
      corpus.tokens.push_back(0);
      while (tokenizer.Next(&t)) {
        NormalizeParserWord(std::string_view(text).substr(t.begin, t.end - t.begin), &norm);
        corpus.tokens.push_back(corpus.Id(norm));
      }
    }
  }
  for (const std::string& path : conllu_paths) {
    std::vector<ConlluSentence> sentences;
    StderrDiagnostics diagnostics;
    if (!ReadConlluFile(path, &sentences, diagnostics.sink())) return 3;
    for (const ConlluSentence& s : sentences) {
      corpus.tokens.push_back(0);
      for (const ConlluWord& w : s.words) {
        NormalizeParserWord(w.form, &norm);
        corpus.tokens.push_back(corpus.Id(norm));
      }
    }
  }
  // Vocabulary by frequency; rarer words share one id (V) as words and as contexts.
  std::vector<int64_t> count(corpus.words.size(), 0);
  for (int32_t t : corpus.tokens) ++count[t];
  std::vector<int32_t> order;
  for (int32_t w = 1; w < static_cast<int32_t>(corpus.words.size()); ++w) {
    if (count[w] >= min_count) order.push_back(w);
  }
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return count[a] != count[b] ? count[a] > count[b] : corpus.words[a] < corpus.words[b];
  });
  const auto V = static_cast<int32_t>(order.size());
  std::vector<int32_t> remap(corpus.words.size(), V);  // V: rare; V + 1: sentence start
  for (int32_t r = 0; r < V; ++r) remap[order[r]] = r;
  remap[0] = V + 1;
  const int32_t num_ids = V + 2;
  std::cerr << corpus.tokens.size() << " tokens, " << V << " words clustered\n";

  // Predecessor lists per word: (previous id, bigram count), as CSR.
  std::unordered_map<uint64_t, int32_t> bigrams;
  for (size_t i = 1; i < corpus.tokens.size(); ++i) {
    if (corpus.tokens[i] == 0) continue;
    auto prev = static_cast<uint64_t>(remap[corpus.tokens[i - 1]]);
    auto cur = static_cast<uint64_t>(remap[corpus.tokens[i]]);
    ++bigrams[cur << 32 | prev];
  }
  std::vector<std::pair<uint64_t, int32_t>> sorted(bigrams.begin(), bigrams.end());
  bigrams.clear();
  std::sort(sorted.begin(), sorted.end());
  std::vector<size_t> begin(static_cast<size_t>(num_ids) + 1, 0);
  std::vector<int32_t> pred(sorted.size()), pred_count(sorted.size());
  std::vector<int64_t> word_total(static_cast<size_t>(num_ids), 0);
  for (size_t i = 0; i < sorted.size(); ++i) {
    auto cur = static_cast<size_t>(sorted[i].first >> 32);
    pred[i] = static_cast<int32_t>(sorted[i].first & 0xffffffffu);
    pred_count[i] = sorted[i].second;
    ++begin[cur + 1];
    word_total[cur] += sorted[i].second;
  }
  for (size_t i = 1; i < begin.size(); ++i) begin[i] += begin[i - 1];
  std::cerr << sorted.size() << " bigram types\n";

  const auto K = static_cast<size_t>(classes);
  std::vector<int32_t> cls(static_cast<size_t>(num_ids));
  for (int32_t w = 0; w < num_ids; ++w) cls[w] = static_cast<int32_t>(static_cast<size_t>(w) % K);
  std::vector<int32_t> n_vc(static_cast<size_t>(num_ids) * K, 0);  // N(prev, class of next)
  std::vector<int64_t> n_c(K, 0);
  for (int32_t w = 0; w < num_ids; ++w) {
    for (size_t k = begin[w]; k < begin[w + 1]; ++k) {
      n_vc[static_cast<size_t>(pred[k]) * K + static_cast<size_t>(cls[w])] += pred_count[k];
    }
    n_c[cls[w]] += word_total[w];
  }
  // x log x for the counts that occur most, from a table.
  constexpr int32_t kTable = 1 << 16;
  std::vector<double> f(kTable);
  for (int32_t x = 0; x < kTable; ++x) f[x] = XLogX(x);
  auto F = [&](int64_t x) { return x < kTable ? f[x] : XLogX(static_cast<double>(x)); };

  std::vector<double> gain(K);
  for (int pass = 1; pass <= passes; ++pass) {
    size_t moved = 0;
    for (int32_t w = 0; w < num_ids; ++w) {
      if (word_total[w] == 0) continue;
      const auto a = static_cast<size_t>(cls[w]);
      for (size_t k = begin[w]; k < begin[w + 1]; ++k) {
        n_vc[static_cast<size_t>(pred[k]) * K + a] -= pred_count[k];
      }
      n_c[a] -= word_total[w];
      for (size_t c = 0; c < K; ++c) gain[c] = F(n_c[c]) - F(n_c[c] + word_total[w]);
      for (size_t k = begin[w]; k < begin[w + 1]; ++k) {
        const int32_t* row = &n_vc[static_cast<size_t>(pred[k]) * K];
        const int32_t n = pred_count[k];
        for (size_t c = 0; c < K; ++c) gain[c] += F(row[c] + n) - F(row[c]);
      }
      size_t best = a;
      for (size_t c = 0; c < K; ++c) {
        if (gain[c] > gain[best] + 1e-9) best = c;
      }
      if (best != a) ++moved;
      cls[w] = static_cast<int32_t>(best);
      for (size_t k = begin[w]; k < begin[w + 1]; ++k) {
        n_vc[static_cast<size_t>(pred[k]) * K + best] += pred_count[k];
      }
      n_c[best] += word_total[w];
    }
    double objective = 0;
    for (size_t i = 0; i < n_vc.size(); ++i) objective += F(n_vc[i]);
    for (size_t c = 0; c < K; ++c) objective -= F(n_c[c]);
    std::fprintf(stderr, "pass %d: %zu words moved, objective %.6g\n", pass, moved, objective);
    if (moved == 0) break;
  }
  std::ofstream out(out_path);
  for (int32_t r = 0; r < V; ++r) out << corpus.words[order[r]] << '\t' << cls[r] + 1 << '\n';
  if (!out) {
    std::cerr << "dyad_cluster_words: cannot write " << out_path << "\n";
    return 3;
  }
  return 0;
}

}  // namespace
}  // namespace dyad

int main(int argc, char** argv) { return dyad::Main(argc, argv); }
