#include "syntax/pos_tagger.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "syntax/embedded_models.h"
#include "syntax/pos_tagger_train.h"
#include "text/analyzer.h"

namespace dyad {
namespace {

// The shipped model, or skip (a build without data/models/tagger.model).
const PosTagger* Shipped() {
  const PosTagger* t = PosTagger::Default();
  if (t == nullptr) {
    EXPECT_FALSE(PosTagger::DefaultError().empty());
  }
  return t;
}

#define REQUIRE_MODEL(t)                                \
  const PosTagger* t = Shipped();                      \
  if (t == nullptr) {                                  \
    GTEST_SKIP() << PosTagger::DefaultError();         \
  }

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t sp = s.find(' ');
    if (sp != 0) out.push_back(s.substr(0, sp));
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return out;
}

struct Tagged {
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  std::vector<std::string> lemma;
};

Tagged TagText(const PosTagger& tagger, std::string_view sentence, PosTagger::Workspace* ws) {
  std::vector<std::string_view> forms = Split(sentence);
  std::vector<TaggedWord> out(forms.size());
  tagger.Tag(forms.data(), forms.size(), out.data(), ws);
  Tagged t;
  for (const TaggedWord& w : out) {
    t.upos.emplace_back(UPosName(w.upos));
    t.xpos.emplace_back(w.xpos);
    t.lemma.emplace_back(w.lemma);
  }
  return t;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

TEST(EmbeddedModelsTest, UnknownNameIsAbsent) {
  EXPECT_FALSE(EmbeddedModel("no-such.model").has_value());
  EXPECT_FALSE(EmbeddedModel("").has_value());
  std::vector<std::string_view> names = EmbeddedModelNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(PosTaggerTest, DefaultIsTheEmbeddedModel) {
  REQUIRE_MODEL(tagger);
  EXPECT_EQ(PosTagger::Default(), tagger);  // loaded once
  EXPECT_TRUE(PosTagger::DefaultError().empty());
  std::optional<std::string_view> bytes = EmbeddedModel("tagger.model");
  ASSERT_TRUE(bytes.has_value());
  // What it loaded serialises back to the embedded bytes.
  std::string again;
  tagger->Serialize(&again);
  EXPECT_EQ(again, *bytes);
  EXPECT_GT(tagger->num_classes(), 40);
}

TEST(PosTaggerTest, TagsASimpleNewsSentence) {
  REQUIRE_MODEL(tagger);
  PosTagger::Workspace ws;
  Tagged t = TagText(*tagger, "The minister visited Damascus on Tuesday .", &ws);
  EXPECT_EQ(Join(t.upos), "DET NOUN VERB PROPN ADP PROPN PUNCT");
  EXPECT_EQ(Join(t.xpos), "DT NN VBD NNP IN NNP .");
  EXPECT_EQ(Join(t.lemma), "the minister visit damascus on tuesday .");

  t = TagText(*tagger, "Talks between the two countries were held in Baku .", &ws);
  EXPECT_EQ(Join(t.upos), "NOUN ADP DET NUM NOUN AUX VERB ADP PROPN PUNCT");
  EXPECT_EQ(Join(t.lemma), "talk between the two country be hold in baku .");
}

TEST(PosTaggerTest, ClosedClassAndClitics) {
  REQUIRE_MODEL(tagger);
  PosTagger::Workspace ws;
  Tagged t = TagText(*tagger, "He did n't say that it 's over .", &ws);
  EXPECT_EQ(Join(t.upos), "PRON AUX PART VERB SCONJ PRON AUX ADV PUNCT");
  EXPECT_EQ(t.lemma[1], "do");
  EXPECT_EQ(t.lemma[2], "not");
  EXPECT_EQ(t.lemma[6], "be");
  t = TagText(*tagger, "She 's been to Paris twice .", &ws);
  EXPECT_EQ(t.lemma[1], "have");
}

TEST(PosTaggerTest, ComparativesTakeTheirBase) {
  REQUIRE_MODEL(tagger);
  PosTagger::Workspace ws;
  Tagged t = TagText(*tagger, "The new bridge is bigger and safer than the oldest one .", &ws);
  EXPECT_EQ(t.xpos[4], "JJR");
  EXPECT_EQ(t.lemma[4], "big");
  EXPECT_EQ(t.lemma[6], "safe");
  EXPECT_EQ(t.lemma[9], "old");
  t = TagText(*tagger, "This is the best plan , and it is better than the last .", &ws);
  EXPECT_EQ(t.lemma[3], "good");
  EXPECT_EQ(t.lemma[9], "good");
}

TEST(PosTaggerTest, HyphenatedWordsAsTheTokenizerGivesThem) {
  REQUIRE_MODEL(tagger);
  PosTagger::Workspace ws;
  Tagged t = TagText(*tagger, "The U.S.-led coalition began a two-day offensive .", &ws);
  EXPECT_EQ(Join(t.upos), "DET ADJ NOUN VERB DET ADJ NOUN PUNCT");
  t = TagText(*tagger, "Rebels entered al-Hasakah on Monday .", &ws);
  EXPECT_EQ(t.upos[2], "PROPN");
}

TEST(PosTaggerTrainTest, JoinHyphenatedWords) {
  ConlluSentence s;
  auto word = [&](const char* form, const char* upos, const char* xpos, int head,
                  const char* misc) {
    ConlluWord w;
    w.form = form;
    w.upos = upos;
    w.xpos = xpos;
    w.head = head;
    w.misc = misc;
    s.words.push_back(w);
  };
  word("a", "DET", "DT", 5, "_");
  word("two", "NUM", "CD", 4, "SpaceAfter=No");
  word("-", "PUNCT", "HYPH", 4, "SpaceAfter=No");
  word("day", "NOUN", "NN", 5, "_");
  word("visit", "NOUN", "NN", 0, "_");
  word("to", "ADP", "IN", 9, "_");
  word("al", "PROPN", "NNP", 9, "SpaceAfter=No");
  word("-", "PUNCT", "HYPH", 9, "SpaceAfter=No");
  word("Hasakah", "PROPN", "NNP", 5, "_");
  word("-", "PUNCT", ":", 5, "_");  // a dash with spaces stays
  word("today", "NOUN", "NN", 5, "_");
  std::vector<ConlluSentence> joined = JoinHyphenatedWords({s, ConlluSentence()});
  ASSERT_EQ(joined.size(), 1u);
  std::string forms;
  std::string tags;
  for (const ConlluWord& w : joined[0].words) {
    forms += w.form + " ";
    tags += w.upos + "/" + w.xpos + " ";
  }
  EXPECT_EQ(forms, "a two-day visit to al-Hasakah - today ");
  EXPECT_EQ(tags, "DET/DT ADJ/JJ NOUN/NN ADP/IN PROPN/NNP PUNCT/: NOUN/NN ");
}

TEST(PosTaggerTest, ProjectTags) {
  REQUIRE_MODEL(tagger);
  std::vector<std::string_view> forms =
      Split("Their forces did not attack the town , which was empty .");
  std::vector<TaggedWord> out(forms.size());
  PosTagger::Workspace ws;
  tagger->Tag(forms.data(), forms.size(), out.data(), &ws);
  EXPECT_EQ(out[0].tag, Tag::kDet);   // possessive pronoun
  EXPECT_EQ(out[1].tag, Tag::kNoun);
  EXPECT_EQ(out[2].tag, Tag::kAux);
  EXPECT_EQ(out[3].tag, Tag::kNeg);
  EXPECT_EQ(out[4].tag, Tag::kVerb);
  EXPECT_EQ(out[7].tag, Tag::kPunct);
  EXPECT_EQ(out[8].tag, Tag::kSubord);  // which
  EXPECT_EQ(out[10].tag, Tag::kAdj);
}

TEST(PosTaggerTest, ProjectTagMapping) {
  EXPECT_EQ(ProjectTag(UPos::PROPN, "NNP", nullptr), Tag::kProper);
  EXPECT_EQ(ProjectTag(UPos::PRON, "PRP$", nullptr), Tag::kDet);
  EXPECT_EQ(ProjectTag(UPos::PRON, "WP", nullptr), Tag::kSubord);
  EXPECT_EQ(ProjectTag(UPos::PART, "TO", nullptr), Tag::kPrep);
  EXPECT_EQ(ProjectTag(UPos::PART, "POS", nullptr), Tag::kDet);
  EXPECT_EQ(ProjectTag(UPos::SYM, "$", nullptr), Tag::kSymbol);
  EXPECT_EQ(ProjectTag(UPos::X, "FW", nullptr), Tag::kUnknown);
  const LexEntry* never = Lexicon::Default().Find("never");
  EXPECT_EQ(ProjectTag(UPos::ADV, "RB", never), Tag::kNeg);
}

TEST(PosTaggerTest, WorkspaceReuseGivesTheSameTags) {
  REQUIRE_MODEL(tagger);
  const char* sentences[] = {
      "Protesters gathered outside the embassy in Ankara on Friday .",
      "Officials said",
      "The United Nations Security Council condemned the attack , calling it a violation of "
      "international law and urging both sides to exercise restraint .",
      "Yes .",
  };
  PosTagger::Workspace shared;
  for (const char* s : sentences) {
    PosTagger::Workspace fresh;
    Tagged a = TagText(*tagger, s, &shared);
    Tagged b = TagText(*tagger, s, &fresh);
    EXPECT_EQ(a.upos, b.upos) << s;
    EXPECT_EQ(a.xpos, b.xpos) << s;
    EXPECT_EQ(a.lemma, b.lemma) << s;
  }
}

TEST(PosTaggerTest, CaseAndQuotesAreNormalised) {
  REQUIRE_MODEL(tagger);
  PosTagger::Workspace ws;
  // Curly quotes and apostrophes are the straight ones (normalize.h).
  Tagged a = TagText(*tagger,
                     "\xE2\x80\x9C We wo n\xE2\x80\x99t leave , \xE2\x80\x9D he said .", &ws);
  Tagged b = TagText(*tagger, "\" We wo n't leave , \" he said .", &ws);
  EXPECT_EQ(Join(b.upos), "PUNCT PRON AUX PART VERB PUNCT PUNCT PRON VERB PUNCT");
  EXPECT_EQ(Join(a.upos), Join(b.upos));
  EXPECT_EQ(Join(a.lemma), Join(b.lemma));
}

TEST(PosTaggerTest, DocumentSentences) {
  REQUIRE_MODEL(tagger);
  TextAnalyzer analyzer;
  Document doc;
  std::string text =
      "Azerbaijan's deputy foreign minister met Syria's foreign minister in Damascus. "
      "They discussed trade.";
  analyzer.Analyze(text, &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  PosTagger::Workspace ws;
  for (const Sentence& s : doc.sentences) {
    size_t n = s.end_token - s.first_token;
    std::vector<TaggedWord> from_doc(n);
    std::vector<TaggedWord> from_forms(n);
    tagger->Tag(doc, s, from_doc.data(), &ws);
    std::vector<std::string> lemmas;
    for (const TaggedWord& w : from_doc) lemmas.emplace_back(w.lemma);
    std::vector<std::string_view> forms;
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      forms.push_back(doc.TokenText(doc.tokens[t]));
    tagger->Tag(forms.data(), n, from_forms.data(), &ws);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(from_doc[i].upos, from_forms[i].upos);
      EXPECT_EQ(lemmas[i], from_forms[i].lemma);
    }
  }
  std::vector<TaggedWord> out(doc.sentences[0].end_token);
  tagger->Tag(doc, doc.sentences[0], out.data(), &ws);
  EXPECT_EQ(out[0].upos, UPos::PROPN);  // Azerbaijan
  EXPECT_EQ(out[1].xpos, "POS");        // 's
  EXPECT_EQ(out[5].upos, UPos::VERB);   // met
  EXPECT_EQ(out[5].lemma, "meet");
}

TEST(PosTaggerTest, EmptyAndOneWordSentences) {
  REQUIRE_MODEL(tagger);
  PosTagger::Workspace ws;
  tagger->Tag(nullptr, 0, nullptr, &ws);
  std::string_view word = "Hello";
  TaggedWord out;
  tagger->Tag(&word, 1, &out, &ws);
  EXPECT_NE(out.upos, UPos::kNone);
}

TEST(PosTaggerTest, LongSentenceWithoutPunctuation) {
  REQUIRE_MODEL(tagger);
  const char* words[] = {"the", "army", "said", "rebels", "attacked", "villages", "near",
                         "the", "border", "and", "officials", "condemned", "it"};
  std::vector<std::string_view> forms;
  for (size_t i = 0; i < 10000; ++i) forms.push_back(words[i % std::size(words)]);
  std::vector<TaggedWord> out(forms.size());
  PosTagger::Workspace ws;
  auto start = std::chrono::steady_clock::now();
  tagger->Tag(forms.data(), forms.size(), out.data(), &ws);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("10,000 words tagged in %.1f ms\n", ms);
  for (const TaggedWord& w : out) ASSERT_NE(w.upos, UPos::kNone);
  EXPECT_EQ(out[1].upos, UPos::NOUN);
}

TEST(PosTaggerTest, GarbageBytesDoNotCrash) {
  REQUIRE_MODEL(tagger);
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned char>(state >> 56);
  };
  std::vector<std::string> storage;
  for (size_t i = 0; i < 400; ++i) {
    std::string w(1 + next() % 12, ' ');
    for (char& c : w) c = static_cast<char>(next());
    storage.push_back(w);
  }
  storage.push_back("");
  storage.push_back(std::string(100000, 'x'));
  storage.push_back("\xF0\x9F\x98\x80\xC3");  // an emoji and a cut-off character
  storage.push_back(std::string("\0\0", 2));
  std::vector<std::string_view> forms(storage.begin(), storage.end());
  std::vector<TaggedWord> out(forms.size());
  PosTagger::Workspace ws;
  tagger->Tag(forms.data(), forms.size(), out.data(), &ws);
  for (const TaggedWord& w : out) EXPECT_NE(w.upos, UPos::kNone);
}

TEST(PosTaggerTest, ParseRejectsDamagedModels) {
  REQUIRE_MODEL(tagger);
  std::string bytes;
  tagger->Serialize(&bytes);
  std::string error;
  EXPECT_FALSE(PosTagger::Parse("", Lexicon::Default(), &error).has_value());
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(PosTagger::Parse("garbage bytes", Lexicon::Default(), &error).has_value());
  for (size_t cut : {size_t{5}, size_t{9}, size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
    error.clear();
    EXPECT_FALSE(PosTagger::Parse(std::string_view(bytes).substr(0, cut), Lexicon::Default(),
                                  &error)
                     .has_value())
        << cut;
    EXPECT_FALSE(error.empty()) << cut;
  }
}

TEST(PosTaggerTest, ParsesUnalignedBytes) {
  REQUIRE_MODEL(tagger);
  std::string bytes;
  tagger->Serialize(&bytes);
  std::string shifted = "x" + bytes;  // the model one byte off its alignment
  std::string error;
  std::optional<PosTagger> copy =
      PosTagger::Parse(std::string_view(shifted).substr(1), Lexicon::Default(), &error);
  ASSERT_TRUE(copy.has_value()) << error;
  shifted.assign(shifted.size(), '\0');  // the parsed tagger holds its own copy
  PosTagger::Workspace ws;
  Tagged a = TagText(*tagger, "Rebels shelled the northern town overnight .", &ws);
  Tagged b = TagText(*copy, "Rebels shelled the northern town overnight .", &ws);
  EXPECT_EQ(a.upos, b.upos);
  EXPECT_EQ(a.xpos, b.xpos);
}

// A treebank of three sentences written for this test.
std::vector<ConlluSentence> TinyTreebank() {
  const char* rows[][3] = {
      {"The", "DET", "DT"},     {"envoy", "NOUN", "NN"},  {"met", "VERB", "VBD"},
      {"rebels", "NOUN", "NNS"}, {".", "PUNCT", "."},      {nullptr, nullptr, nullptr},
      {"Rebels", "NOUN", "NNS"}, {"met", "VERB", "VBD"},  {"the", "DET", "DT"},
      {"envoy", "NOUN", "NN"},   {"in", "ADP", "IN"},      {"Geneva", "PROPN", "NNP"},
      {".", "PUNCT", "."},       {nullptr, nullptr, nullptr},
      {"They", "PRON", "PRP"},   {"talked", "VERB", "VBD"}, {".", "PUNCT", "."},
  };
  std::vector<ConlluSentence> out(1);
  for (const auto& r : rows) {
    if (r[0] == nullptr) {
      out.emplace_back();
      continue;
    }
    ConlluWord w;
    w.form = r[0];
    w.upos = r[1];
    w.xpos = r[2];
    w.lemma = r[0];
    out.back().words.push_back(w);
  }
  return out;
}

TEST(PosTaggerTrainTest, TrainingIsDeterministicAndLearns) {
  std::vector<ConlluSentence> bank = TinyTreebank();
  TaggerTrainOptions options;
  options.epochs = 5;
  options.prune = 0;
  int reports = 0;
  PosTagger a = TrainPosTagger(bank, &bank, options, Lexicon::Default(),
                               [&](const TaggerEpoch& e) {
                                 ++reports;
                                 EXPECT_EQ(e.epoch, reports);
                               });
  EXPECT_EQ(reports, 5);
  PosTagger b = TrainPosTagger(bank, nullptr, options, Lexicon::Default(), nullptr);
  std::string sa;
  std::string sb;
  a.Serialize(&sa);
  b.Serialize(&sb);
  EXPECT_EQ(sa, sb);
  std::string error;
  std::optional<PosTagger> c = PosTagger::Parse(sa, Lexicon::Default(), &error);
  ASSERT_TRUE(c.has_value()) << error;
  TaggerAccuracy acc = EvaluateTagger(*c, bank);
  EXPECT_EQ(acc.words, 15u);
  EXPECT_EQ(acc.both, acc.words);
}

// Accuracy of the shipped model on the UD English Web Treebank test split (never used
// in training or tuning): the floor sits just below the figure measured when the model
// was made (data/models/README.md).
TEST(PosTaggerAccuracyTest, EnglishWebTreebankTest) {
  REQUIRE_MODEL(tagger);
  std::string path = DYAD_SHARED_DIR "/data/ud/en_ewt-ud-test.conllu";
  std::vector<ConlluSentence> gold;
  if (!std::ifstream(path) || !ReadConlluFile(path, &gold, nullptr)) {
    GTEST_SKIP() << "no " << path << " (the UD treebank from the shared reference data)";
  }
  TaggerAccuracy acc = EvaluateTagger(*tagger, gold);
  std::printf("EWT test: %zu words, UPOS %.2f%%, XPOS %.2f%%, both %.2f%%, lemma %.2f%%\n",
              acc.words, acc.Percent(acc.upos), acc.Percent(acc.xpos), acc.Percent(acc.both),
              acc.Percent(acc.lemma));
  EXPECT_GT(acc.words, 25000u);
  // Measured: UPOS 95.89%, XPOS 95.30%, lemma 96.27% (data/models/README.md).
  EXPECT_GE(acc.Percent(acc.upos), 95.7);
  EXPECT_GE(acc.Percent(acc.xpos), 95.2);
  EXPECT_GE(acc.Percent(acc.lemma), 96.1);
}

}  // namespace
}  // namespace dyad
