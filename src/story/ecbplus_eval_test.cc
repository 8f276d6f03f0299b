// Same-event grouping measured on ECB+ (Cybulska & Vossen 2014): within each topic the
// *ecb.xml documents report one real-world event and the *ecbplus.xml documents another
// of the same kind (two earthquakes, two celebrities entering rehab). Each topic's
// documents are clustered from their text alone; the file names give only the gold
// grouping. Prints B-cubed precision, recall and F1, micro-averaged over documents and
// as the mean over topics, for the incremental StoryClusterer (documents in file-name
// order, which interleaves the two events) and for offline average-link clustering.
// Skips when the data is absent.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "story/fingerprint.h"
#include "story/story_clusterer.h"
#include "story/term_vector.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// Decodes the five XML entities and numeric character references.
std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp") out.push_back('&');
    else if (name == "lt") out.push_back('<');
    else if (name == "gt") out.push_back('>');
    else if (name == "quot") out.push_back('"');
    else if (name == "apos") out.push_back('\'');
    else if (!name.empty() && name[0] == '#') {
      unsigned long cp = name.size() > 1 && (name[1] == 'x' || name[1] == 'X')
                             ? std::strtoul(std::string(name.substr(2)).c_str(), nullptr, 16)
                             : std::strtoul(std::string(name.substr(1)).c_str(), nullptr, 10);
      if (cp == 0 || cp > 0x10ffff) { out.push_back('&'); continue; }
      if (cp < 0x80) out.push_back(static_cast<char>(cp));
      else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      } else {
        out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
      }
    } else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

// The value of attribute `name` in one start tag, or "".
std::string_view Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    size_t eq = pos + name.size();
    bool starts = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    if (starts && eq + 1 < tag.size() && tag[eq] == '=' && (tag[eq + 1] == '"' || tag[eq + 1] == '\'')) {
      char quote = tag[eq + 1];
      size_t end = tag.find(quote, eq + 2);
      if (end == std::string_view::npos) return {};
      return tag.substr(eq + 2, end - eq - 2);
    }
    pos = eq;
  }
  return {};
}

// The article text of one ECB+ document: its <token> elements, a space between tokens
// and a newline between sentences. A leading sentence that is the page's URL (the
// ECB+ component starts each document with it) is left out: a store keeps the URL in
// its own field, not in the text.
std::string ReadEcbText(const std::string& xml) {
  std::vector<std::pair<std::string, std::string>> tokens;  // (sentence, word)
  size_t pos = 0;
  while ((pos = xml.find("<token", pos)) != std::string::npos) {
    size_t tag_end = xml.find('>', pos);
    if (tag_end == std::string::npos) break;
    std::string_view tag(xml.data() + pos, tag_end - pos);
    if (tag.size() > 6 && tag[6] != ' ' && tag[6] != '\t') { pos = tag_end; continue; }  // <tokens...>
    size_t close = xml.find("</token>", tag_end);
    if (close == std::string::npos) break;
    if (tag.ends_with("/")) { pos = tag_end; continue; }  // <token/>
    tokens.emplace_back(std::string(Attribute(tag, "sentence")),
                        DecodeEntities(std::string_view(xml).substr(tag_end + 1, close - tag_end - 1)));
    pos = close + 8;
  }
  size_t first = 0;
  if (!tokens.empty() && (tokens[0].second == "http" || tokens[0].second == "https")) {
    while (first < tokens.size() && tokens[first].first == tokens[0].first) ++first;
  }
  std::string text;
  for (size_t i = first; i < tokens.size(); ++i) {
    if (i > first) text.push_back(tokens[i].first == tokens[i - 1].first ? ' ' : '\n');
    text += tokens[i].second;
  }
  return text;
}

struct Doc {
  std::string name;
  int gold = 0;  // 0: *ecb.xml, 1: *ecbplus.xml
  StoryFingerprint fingerprint;
};

struct BCubed {
  double precision = 0, recall = 0;
  double F1() const { return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0; }
};

// Sums (not means) of per-document B-cubed precision and recall.
BCubed BCubedSums(const std::vector<int>& predicted, const std::vector<int>& gold) {
  BCubed sums;
  for (size_t i = 0; i < predicted.size(); ++i) {
    double same_both = 0, same_pred = 0, same_gold = 0;
    for (size_t j = 0; j < predicted.size(); ++j) {
      bool p = predicted[j] == predicted[i], g = gold[j] == gold[i];
      same_pred += p;
      same_gold += g;
      same_both += p && g;
    }
    sums.precision += same_both / same_pred;
    sums.recall += same_both / same_gold;
  }
  return sums;
}

struct Scores {
  BCubed micro, macro;
  double macro_f1 = 0;  // mean of per-topic F1
};

using Topics = std::map<int, std::vector<Doc>>;

template <typename ClusterFn>
Scores Evaluate(const Topics& topics, ClusterFn cluster) {
  Scores s;
  size_t docs = 0;
  for (const auto& [topic, list] : topics) {
    std::vector<int> gold;
    for (const Doc& d : list) gold.push_back(d.gold);
    BCubed sums = BCubedSums(cluster(list), gold);
    s.micro.precision += sums.precision;
    s.micro.recall += sums.recall;
    const double n = static_cast<double>(list.size());
    BCubed topic_mean{sums.precision / n, sums.recall / n};
    s.macro.precision += topic_mean.precision;
    s.macro.recall += topic_mean.recall;
    s.macro_f1 += topic_mean.F1();
    docs += list.size();
  }
  const double documents = static_cast<double>(docs), topic_count = static_cast<double>(topics.size());
  s.micro.precision /= documents;
  s.micro.recall /= documents;
  s.macro.precision /= topic_count;
  s.macro.recall /= topic_count;
  s.macro_f1 /= topic_count;
  return s;
}

std::vector<int> Incremental(const std::vector<Doc>& docs, double threshold) {
  StoryClusterer clusterer(threshold);
  std::vector<int> labels;
  for (const Doc& d : docs) labels.push_back(clusterer.Add(d.fingerprint));
  return labels;
}

// The incremental clusterer as a store would run it once it holds a topic's articles:
// document frequencies over all of them.
std::vector<int> IncrementalWithIdf(const std::vector<Doc>& docs, double threshold) {
  IdfTable idf;
  for (const Doc& d : docs) idf.Add(d.fingerprint);
  StoryClusterer clusterer(threshold, &idf);
  std::vector<int> labels;
  for (const Doc& d : docs) labels.push_back(clusterer.Add(d.fingerprint));
  return labels;
}

std::vector<int> Offline(const std::vector<Doc>& docs, double threshold) {
  std::vector<StoryFingerprint> fps;
  for (const Doc& d : docs) fps.push_back(d.fingerprint);
  return ClusterAverageLink(fps, threshold);
}

const Topics* LoadTopics() {
  static const Topics* topics = [] {
    auto* t = new Topics;
    fs::path root = fs::path(DYAD_SHARED_DIR) / "data/dev/ecbplus/ECB+";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return t;
    for (const auto& topic_dir : fs::directory_iterator(root, ec)) {
      if (!topic_dir.is_directory()) continue;
      std::string topic_name = topic_dir.path().filename().string();
      if (topic_name.empty() || !std::all_of(topic_name.begin(), topic_name.end(), ::isdigit)) continue;
      std::vector<Doc> docs;
      for (const auto& f : fs::directory_iterator(topic_dir.path())) {
        std::string name = f.path().filename().string();
        if (!name.ends_with(".xml")) continue;
        std::ifstream in(f.path(), std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        Doc d;
        d.name = name;
        d.gold = name.ends_with("ecbplus.xml") ? 1 : 0;
        d.fingerprint = Fingerprint("", ReadEcbText(buf.str()));
        docs.push_back(std::move(d));
      }
      std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.name < b.name; });
      if (!docs.empty()) (*t)[std::stoi(topic_name)] = std::move(docs);
    }
    return t;
  }();
  return topics;
}

void Print(const char* label, const Scores& s) {
  std::printf("%-34s micro P %.3f R %.3f F1 %.3f | macro P %.3f R %.3f F1 %.3f (mean topic F1 %.3f)\n",
              label, s.micro.precision, s.micro.recall, s.micro.F1(), s.macro.precision,
              s.macro.recall, s.macro.F1(), s.macro_f1);
}

TEST(EcbPlusEval, ReaderDecodesTokensAndEntities) {
  std::string xml =
      "<Document doc_name=\"x\">\n<token t_id=\"1\" sentence=\"0\" number=\"0\">http</token>\n"
      "<token t_id=\"2\" sentence=\"0\" number=\"1\">:</token>\n"
      "<token t_id=\"3\" sentence=\"1\" number=\"0\">Rock</token>\n"
      "<token t_id=\"4\" sentence=\"1\" number=\"1\">&amp;</token>\n"
      "<token t_id=\"5\" sentence=\"1\" number=\"2\">roll&#33;</token>\n"
      "<token t_id=\"6\" sentence=\"2\" number=\"0\">Next</token>\n<Markables>\n</Markables>";
  EXPECT_EQ(ReadEcbText(xml), "Rock & roll!\nNext");
  EXPECT_EQ(ReadEcbText("<token sentence=\"0\">broken"), "");
  EXPECT_EQ(ReadEcbText(""), "");
}

TEST(EcbPlusEval, SameEventGroupingBCubed) {
  const Topics& topics = *LoadTopics();
  if (topics.empty()) GTEST_SKIP() << "ECB+ not found under " << DYAD_SHARED_DIR << "/data/dev/ecbplus/ECB+";
  size_t docs = 0;
  for (const auto& [t, list] : topics) docs += list.size();
  std::printf("ECB+: %zu topics, %zu documents, threshold %.2f\n", topics.size(), docs, kSameEventSimilarity);

  if (const char* sweep = std::getenv("DYAD_STORY_SWEEP"); sweep != nullptr && *sweep != 0) {
    for (double th = 0.05; th < 0.5; th += 0.025) {
      char label[64];
      std::snprintf(label, sizeof(label), "offline %.3f", th);
      Print(label, Evaluate(topics, [th](const auto& d) { return Offline(d, th); }));
      std::snprintf(label, sizeof(label), "incremental %.3f", th);
      Print(label, Evaluate(topics, [th](const auto& d) { return Incremental(d, th); }));
    }
  }

  Scores incremental = Evaluate(topics, [](const auto& d) { return Incremental(d, kSameEventSimilarity); });
  Scores incremental_idf = Evaluate(topics, [](const auto& d) { return IncrementalWithIdf(d, kSameEventSimilarity); });
  Scores offline = Evaluate(topics, [](const auto& d) { return Offline(d, kSameEventSimilarity); });
  Scores one_group = Evaluate(topics, [](const auto& d) { return std::vector<int>(d.size(), 0); });
  Print("incremental (idf so far)", incremental);
  Print("incremental (idf of topic)", incremental_idf);
  Print("offline average-link", offline);
  Print("baseline: one group per topic", one_group);

  EXPECT_GE(incremental.micro.F1(), 0.80);
  EXPECT_GE(offline.micro.F1(), 0.80);
}

}  // namespace
}  // namespace dyad
