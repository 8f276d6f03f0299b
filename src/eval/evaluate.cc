#include "eval/evaluate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "events/ontology.h"
#include "ingest/reader.h"
#include "util/hash.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Country(const std::string& code) { return code.substr(0, std::min<size_t>(3, code.size())); }

std::string CountryOf(const EventActor& a) { return a.country.empty() ? Country(a.code) : a.country; }

struct GoldEvent {
  std::string id;
  std::vector<std::string> codes;
  std::string source, target;
  bool symmetric = false;
  bool required = true;
  uint32_t sentence = 0;
  bool located = false;
};

bool MatchA(const Event& p, const GoldEvent& g) {
  bool root = false;
  for (const std::string& c : g.codes)
    if (CameoRoot(c) == CameoRoot(p.cameo)) root = true;
  if (!root) return false;
  std::string ps = CountryOf(p.source), pt = CountryOf(p.target);
  std::string gs = Country(g.source), gt = Country(g.target);
  return (ps == gs && pt == gt) || ((g.symmetric || p.symmetric) && ps == gt && pt == gs);
}

bool MatchB(const Event& p, const GoldEvent& g) {
  if (std::find(g.codes.begin(), g.codes.end(), p.cameo) == g.codes.end()) return false;
  return (p.source.code == g.source && p.target.code == g.target) ||
         ((g.symmetric || p.symmetric) && p.source.code == g.target && p.target.code == g.source);
}

std::string Describe(const Event& e) {
  return e.cameo + " " + e.source.code + "->" + e.target.code + " (s" + std::to_string(e.sentence) + ")";
}

// Scores one article's predictions against its gold events at both levels.
void ScoreArticle(const std::vector<Event>& pred, const std::vector<GoldEvent>& gold,
                  EvalReport* r, bool with_diff, const std::string& label) {
  for (int level = 0; level < 2; ++level) {
    Score& score = level == 0 ? r->root_country : r->code_actor;
    auto match = level == 0 ? MatchA : MatchB;
    std::vector<bool> used(pred.size(), false);
    // Required gold events first, so that optional ones never steal a prediction.
    for (int pass = 0; pass < 2; ++pass) {
      for (const GoldEvent& g : gold) {
        if (g.required != (pass == 0)) continue;
        bool hit = false;
        for (size_t i = 0; i < pred.size() && !hit; ++i) {
          if (used[i] || (g.located && pred[i].sentence != g.sentence)) continue;
          if (match(pred[i], g)) { used[i] = true; hit = true; }
        }
        if (g.required) {
          if (hit) ++score.tp; else ++score.fn;
        }
        if (with_diff && level == 0 && g.required && !hit)
          r->diff.push_back(label + " missed " + g.id + ": " + g.codes[0] + " " + g.source + "->" + g.target);
      }
    }
    for (size_t i = 0; i < pred.size(); ++i) {
      if (used[i]) continue;
      ++score.fp;
      if (with_diff && level == 0) r->diff.push_back(label + " extra " + Describe(pred[i]) + ": " + pred[i].evidence);
    }
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The story of an article file named NNN_story_words_outlet.txt: its words without the
// number and the outlet, so that two outlets' reports of one event share a key.
std::string StoryKey(const std::string& file) {
  std::string stem = fs::path(file).stem().string();
  size_t first = stem.find('_');
  size_t last = stem.rfind('_');
  if (first == std::string::npos || last <= first) return stem;
  return stem.substr(first + 1, last - first - 1);
}

EvalReport EvaluateSeeds(const std::string& gold_path, const json& gold, const Pipeline& pipeline,
                         bool with_diff, EvalHalf half) {
  EvalReport r;
  r.name = gold_path;
  fs::path dir = fs::path(gold_path).parent_path();
  for (const json& doc : gold.at("documents")) {
    std::string file = doc.at("file").get<std::string>();
    std::string prefix = file.substr(0, file.find('_'));
    if (!InEvalHalf(StoryKey(file), half)) continue;
    CodedArticle coded;
    bool got = false;
    ReadArticles({(dir / file).string()}, [&](Article&& a) {
      if (!got) { coded.article = std::move(a); got = true; }
    }, [](const Diagnostic&) {});
    if (!got) throw std::runtime_error((dir / file).string() + ": no article read");
    pipeline.Run(&coded);
    std::vector<GoldEvent> events;
    for (const json& e : gold.at("events")) {
      if (e.at("doc").get<std::string>() != prefix) continue;
      GoldEvent g;
      g.id = e.at("id").get<std::string>();
      g.codes = e.at("cameo").get<std::vector<std::string>>();
      g.source = e.at("source").get<std::string>();
      g.target = e.at("target").get<std::string>();
      g.symmetric = e.value("symmetric", false);
      g.required = e.value("required", true);
      std::string evidence = e.at("evidence").get<std::string>();
      size_t at = coded.article.text.find(evidence);
      if (at != std::string::npos) {
        for (uint32_t s = 0; s < coded.doc.sentences.size(); ++s) {
          const Sentence& sen = coded.doc.sentences[s];
          if (at >= sen.begin && at < sen.end) { g.sentence = s; g.located = true; }
        }
      }
      events.push_back(std::move(g));
    }
    ScoreArticle(coded.events, events, &r, with_diff, prefix);
    ++r.records;
  }
  return r;
}

EvalReport EvaluateRecords(const std::string& path, const Pipeline& pipeline, bool with_diff,
                           EvalHalf half) {
  EvalReport r;
  r.name = path;
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::string line;
  size_t line_no = 0;
  CodedArticle coded;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    json rec = json::parse(line, nullptr, false);
    if (rec.is_discarded() || !rec.is_object()) {
      std::fprintf(stderr, "dyad eval: %s:%zu: not a JSON object, skipped\n", path.c_str(), line_no);
      continue;
    }
    if (rec.value("expect", "events") != "events" || !rec.contains("events")) continue;
    coded.article = Article{};
    coded.article.id = rec.value("id", std::to_string(line_no));
    coded.article.text = rec.value("text", "");
    if (!InEvalHalf(coded.article.id, half)) continue;
    pipeline.Run(&coded);
    std::vector<GoldEvent> gold;
    for (const json& e : rec.at("events")) {
      GoldEvent g;
      g.id = coded.article.id;
      g.codes = {e.value("code", "")};
      g.source = e.value("source", "");
      g.target = e.value("target", "");
      gold.push_back(std::move(g));
    }
    EvalReport one;
    ScoreArticle(coded.events, gold, &one, false, coded.article.id);
    r.root_country.tp += one.root_country.tp;
    r.root_country.fp += one.root_country.fp;
    r.root_country.fn += one.root_country.fn;
    r.code_actor.tp += one.code_actor.tp;
    r.code_actor.fp += one.code_actor.fp;
    r.code_actor.fn += one.code_actor.fn;
    ++r.records;
    bool passed = one.code_actor.fn == 0 && one.code_actor.fp == 0;
    if (passed) ++r.records_passed;
    if (with_diff && !passed) {
      std::string want, got;
      for (const GoldEvent& g : gold) want += " " + g.codes[0] + " " + g.source + "->" + g.target;
      for (const Event& e : coded.events) got += " " + Describe(e);
      r.diff.push_back(coded.article.id + ": want" + (want.empty() ? " nothing" : want) + "; got" +
                       (got.empty() ? " nothing" : got));
    }
  }
  return r;
}

EvalReport EvaluatePentaclass(const std::string& path, const Pipeline& pipeline, bool with_diff,
                              EvalHalf half) {
  EvalReport r;
  r.name = path;
  r.classes.resize(5);
  std::vector<Score> events_only(5);
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::string line;
  size_t line_no = 0;
  CodedArticle coded;
  while (std::getline(in, line)) {
    ++line_no;
    size_t tab = line.rfind('\t');
    if (tab == std::string::npos || tab + 1 >= line.size() || line[tab + 1] < '0' || line[tab + 1] > '4') {
      if (line_no > 1 && !line.empty())
        std::fprintf(stderr, "dyad eval: %s:%zu: expected 'sentence<TAB>class', skipped\n", path.c_str(), line_no);
      continue;
    }
    int gold = line[tab + 1] - '0';
    if (!InEvalHalf(std::string_view(line).substr(0, tab), half)) continue;
    coded.article = Article{};
    coded.article.id = "line" + std::to_string(line_no);
    coded.article.text = line.substr(0, tab);
    pipeline.Run(&coded);
    int pred = -1;
    for (const Event& e : coded.events) {
      if (e.negated) continue;
      pred = PentaClass(e.cameo);
      break;
    }
    if (pred == gold) ++events_only[static_cast<size_t>(gold)].tp;
    else {
      ++events_only[static_cast<size_t>(gold)].fn;
      if (pred >= 0) ++events_only[static_cast<size_t>(pred)].fp;
    }
    for (uint32_t s = 0; pred < 0 && s < coded.doc.sentences.size(); ++s) {
      std::string code = pipeline.TriggerCode(coded, s);
      if (!code.empty()) pred = PentaClass(code);
    }
    ++r.records;
    if (pred == gold) {
      ++r.classes[static_cast<size_t>(gold)].tp;
      ++r.records_passed;
    } else {
      ++r.classes[static_cast<size_t>(gold)].fn;
      if (pred >= 0) ++r.classes[static_cast<size_t>(pred)].fp;
      if (with_diff)
        r.diff.push_back("line " + std::to_string(line_no) + ": gold " + std::to_string(gold) + ", got " +
                         (pred < 0 ? std::string("none") : std::to_string(pred)) + ": " + coded.article.text);
    }
  }
  double sum = 0;
  for (const Score& s : r.classes) sum += s.f1();
  r.macro_f1 = sum / 5;
  sum = 0;
  for (const Score& s : events_only) sum += s.f1();
  r.macro_f1_events_only = sum / 5;
  return r;
}

std::string Fmt(const char* name, const Score& s) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "%-34s P %.3f  R %.3f  F1 %.3f  (tp %zu, fp %zu, fn %zu)\n", name,
                s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn);
  return buf;
}

}  // namespace

int PentaClass(const std::string& cameo) {
  int root = std::atoi(std::string(CameoRoot(cameo)).c_str());
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root == 16) return 3;
  return 4;
}

bool InEvalHalf(std::string_view record_key, EvalHalf half) {
  if (half == EvalHalf::kAll) return true;
  bool read = (Hash64(record_key) & 1) == 0;
  return read == (half == EvalHalf::kRead);
}

EvalReport Evaluate(const std::string& gold_path, const Pipeline& pipeline, bool with_diff,
                    EvalHalf half) {
  std::string name = fs::path(gold_path).filename().string();
  EvalReport r;
  if (name.size() > 4 && name.substr(name.size() - 4) == ".tsv") {
    r = EvaluatePentaclass(gold_path, pipeline, with_diff, half);
  } else if (name.size() > 6 && name.substr(name.size() - 6) == ".jsonl") {
    r = EvaluateRecords(gold_path, pipeline, with_diff, half);
  } else {
    json gold = json::parse(ReadFile(gold_path), nullptr, false);
    if (!gold.is_object() || !gold.contains("documents") || !gold.contains("events")) {
      throw std::runtime_error(gold_path +
                               ": unknown gold layout (expected seeds gold.json, records .jsonl "
                               "or sentence<TAB>class .tsv)");
    }
    r = EvaluateSeeds(gold_path, gold, pipeline, with_diff, half);
  }
  if (half == EvalHalf::kRead) r.name += " [read half]";
  if (half == EvalHalf::kScore) r.name += " [score half]";
  return r;
}

std::string FormatReport(const EvalReport& r) {
  std::string out = r.name + ": " + std::to_string(r.records) + " records\n";
  if (!r.classes.empty()) {
    for (size_t c = 0; c < r.classes.size(); ++c) {
      std::string label = "  class " + std::to_string(c);
      out += Fmt(label.c_str(), r.classes[c]);
    }
    char buf[120];
    std::snprintf(buf, sizeof buf,
                  "  five-way macro-F1 %.3f, accuracy %.3f (events with both actors only: "
                  "macro-F1 %.3f)\n",
                  r.macro_f1, r.records ? double(r.records_passed) / double(r.records) : 0.0,
                  r.macro_f1_events_only);
    out += buf;
  } else {
    out += Fmt("  (a) root + source/target country", r.root_country);
    out += Fmt("  (b) full code + full actor codes", r.code_actor);
    if (r.records_passed > 0 || r.name.find(".jsonl") != std::string::npos)
      out += "  records fully right: " + std::to_string(r.records_passed) + " of " +
             std::to_string(r.records) + "\n";
  }
  for (const std::string& d : r.diff) out += "  " + d + "\n";
  return out;
}

}  // namespace dyad
