#include "syntax/dependency_parser.h"

#include <algorithm>
#include <cstring>
#include <mutex>

#include "syntax/binary_io.h"
#include "syntax/embedded_models.h"

namespace dyad {
namespace {

using binary_io::Get;
using binary_io::Put;

constexpr char kMagic[4] = {'D', 'Y', 'D', 'P'};
constexpr uint32_t kVersion = 1;
// Bump when parser_features.cc changes what a template means: old models then refuse to
// load instead of parsing badly.
constexpr uint32_t kFeatureVersion = 2;

// The best legal class under `scores` (ties to the lower class).
int BestLegal(const ParseState& s, const int32_t* scores, int num_labels) {
  int best = -1;
  auto consider = [&](int c) {
    if (best < 0 || scores[c] > scores[best]) best = c;
  };
  if (s.b < s.n) consider(0);
  if (!s.stack.empty()) {
    if (s.b < s.n) {
      for (int l = 1; l < num_labels; ++l) consider(1 + l);
    } else if (s.stack.size() == 1) {
      consider(1 + kRootLabel);
    }
  }
  if (s.stack.size() >= 2) {
    for (int l = 1; l < num_labels; ++l) consider(1 + num_labels + l);
  }
  return best;
}

}  // namespace

DependencyParser::DependencyParser(std::vector<Deprel> labels, WordClusters clusters,
                                   WordClusters tagsets, FrozenPerceptron model)
    : labels_(std::move(labels)),
      clusters_(std::move(clusters)),
      tagsets_(std::move(tagsets)),
      model_(std::move(model)) {
  EnsureLabels();
}

void DependencyParser::EnsureLabels() {
  // The transition system needs root first and one more label for the other arcs.
  if (labels_.empty() || labels_[0] != Deprel::root) labels_.insert(labels_.begin(), Deprel::root);
  if (labels_.size() < 2) labels_.push_back(Deprel::dep);
}

DependencyParser::DependencyParser(std::vector<Deprel> labels, WordClusters clusters,
                                   WordClusters tagsets, const PerceptronModel& model)
    : labels_(std::move(labels)), clusters_(std::move(clusters)), tagsets_(std::move(tagsets)) {
  EnsureLabels();
  std::string error;
  std::optional<FrozenPerceptron> frozen = FrozenPerceptron::Freeze(model, &error);
  if (frozen) model_ = std::move(*frozen);  // else empty: every sentence still a tree
}

void DependencyParser::Serialize(std::string* out) const {
  out->append(kMagic, sizeof kMagic);
  Put(out, kVersion);
  Put(out, kFeatureVersion);
  Put(out, static_cast<uint32_t>(labels_.size()));
  for (Deprel d : labels_) Put(out, static_cast<uint8_t>(d));
  clusters_.Serialize(out);
  tagsets_.Serialize(out);
  model_.Serialize(out);
}

std::optional<DependencyParser> DependencyParser::Parse(std::string_view bytes,
                                                        std::string* error) {
  const char* base = bytes.data();
  auto fail = [&](const std::string& why) -> std::optional<DependencyParser> {
    if (error != nullptr) *error = why;
    return std::nullopt;
  };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return fail("not a dyad parser model (bad magic)");
  }
  bytes.remove_prefix(sizeof kMagic);
  uint32_t version = 0, features = 0, num_labels = 0;
  if (!Get(&bytes, &version) || !Get(&bytes, &features) || !Get(&bytes, &num_labels)) {
    return fail("truncated parser model header");
  }
  if (version != kVersion) return fail("unsupported parser model version");
  if (features != kFeatureVersion) {
    return fail("parser model built for other features; retrain it (dyad_train_parser)");
  }
  if (num_labels < 2 || num_labels > 64 || bytes.size() < num_labels) {
    return fail("corrupt parser model labels");
  }
  std::vector<Deprel> labels;
  for (uint32_t i = 0; i < num_labels; ++i) {
    auto d = static_cast<uint8_t>(bytes[i]);
    if (d == 0 || d >= kNumDeprel) return fail("parser model names an unknown label");
    labels.push_back(static_cast<Deprel>(d));
  }
  if (labels[0] != Deprel::root) return fail("parser model's first label is not root");
  bytes.remove_prefix(num_labels);
  std::string model_error;
  std::optional<WordClusters> clusters = WordClusters::Parse(&bytes, &model_error);
  if (!clusters) return fail("parser model: " + model_error);
  std::optional<WordClusters> tagsets = WordClusters::Parse(&bytes, &model_error);
  if (!tagsets) return fail("parser model: " + model_error);
  std::optional<FrozenPerceptron> model = FrozenPerceptron::View(base, &bytes, &model_error);
  if (!model) return fail("parser model: " + model_error);
  if (!bytes.empty()) return fail("parser model: trailing bytes");
  if (model->num_classes() != NumClasses(static_cast<int>(num_labels))) {
    return fail("parser model's classes do not match its labels");
  }
  return DependencyParser(std::move(labels), std::move(*clusters), std::move(*tagsets),
                          std::move(*model));
}

namespace {

struct DefaultParser {
  std::optional<DependencyParser> parser;
  std::string error;
};

const DefaultParser& LoadDefault() {
  static const DefaultParser* loaded = [] {
    auto* d = new DefaultParser;
    std::optional<std::string_view> bytes = EmbeddedModel("parser.model");
    if (!bytes) {
      d->error = "this binary was built without data/models/parser.model";
    } else {
      d->parser = DependencyParser::Parse(*bytes, &d->error);
    }
    return d;
  }();
  return *loaded;
}

}  // namespace

const DependencyParser* DependencyParser::Default() {
  const DefaultParser& d = LoadDefault();
  return d.parser ? &*d.parser : nullptr;
}

std::string_view DependencyParser::DefaultError() { return LoadDefault().error; }

void DependencyParser::ParseSentence(const std::string_view* forms, const UPos* upos,
                                     const std::string_view* xpos, size_t n,
                                     ParserWorkspace* ws, int32_t* heads,
                                     Deprel* deprels) const {
  if (n == 0) return;
  auto words = static_cast<int32_t>(n);
  ParseState& s = ws->state_;
  ws->codes_.Encode(forms, upos, xpos, words, clusters_, tagsets_, &ws->scratch_);
  s.Reset(words);
  const int num_labels = this->num_labels();
  // Parse() checks that the weights' classes are the labels' transitions; a parser
  // assembled from mismatched parts must still not write past the buffer.
  ws->scores_.resize(static_cast<size_t>(std::max(NumClasses(num_labels), model_.num_classes())));
  int32_t* scores = ws->scores_.data();
  uint64_t features[kMaxParserFeatures];
  while (!s.Terminal()) {
    int cls;
    if (s.stack.empty()) {
      cls = 0;  // only SHIFT is legal
    } else if (s.b == s.n && s.stack.size() == 1) {
      cls = 1 + kRootLabel;
    } else {
      int k = ExtractParserFeatures(s, ws->codes_, features);
      model_.Score(features, static_cast<size_t>(k), scores);
      cls = BestLegal(s, scores, num_labels);
    }
    s.Apply(MoveOf(cls, num_labels), LabelOf(cls, num_labels));
  }
  for (int32_t i = 0; i < words; ++i) {
    heads[i] = s.head[i] == s.n ? 0 : s.head[i] + 1;
    deprels[i] = labels_[static_cast<size_t>(s.label[i])];
  }
}

}  // namespace dyad
