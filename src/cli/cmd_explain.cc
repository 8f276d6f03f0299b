// dyad explain "SENTENCE": every layer the pipeline adds to a piece of text, and why
// each event was or was not coded.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace dyad {
namespace {

const char* TagName(Tag t) {
  switch (t) {
    case Tag::kNoun: return "NOUN";
    case Tag::kProper: return "PROPN";
    case Tag::kVerb: return "VERB";
    case Tag::kAux: return "AUX";
    case Tag::kAdj: return "ADJ";
    case Tag::kAdv: return "ADV";
    case Tag::kDet: return "DET";
    case Tag::kPron: return "PRON";
    case Tag::kPrep: return "PREP";
    case Tag::kConj: return "CONJ";
    case Tag::kSubord: return "SUB";
    case Tag::kNeg: return "NEG";
    case Tag::kNum: return "NUM";
    case Tag::kPunct: return "PUNCT";
    case Tag::kSymbol: return "SYM";
    default: return "?";
  }
}

// The dependency tree of a parsed sentence, one word a line, dependents indented under
// their head with their relation: "nsubj: minister/NOUN".
void PrintTree(const Document& doc, const Sentence& s) {
  std::vector<std::vector<uint32_t>> children(s.end_token - s.first_token);
  std::vector<uint32_t> roots;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    uint32_t h = doc.tokens[t].head;
    if (h == Token::kNoHead || h < s.first_token || h >= s.end_token) roots.push_back(t);
    else children[h - s.first_token].push_back(t);
  }
  // Iterative, so that a deep tree cannot exhaust the stack.
  std::vector<std::pair<uint32_t, int>> stack;
  for (auto r = roots.rbegin(); r != roots.rend(); ++r) stack.emplace_back(*r, 0);
  while (!stack.empty()) {
    auto [t, depth] = stack.back();
    stack.pop_back();
    const Token& tok = doc.tokens[t];
    std::cout << "    " << std::string(static_cast<size_t>(std::min(depth, 30)) * 2, ' ')
              << DeprelName(tok.deprel) << ": " << doc.TokenText(tok) << "/" << UPosName(tok.upos)
              << "\n";
    const auto& c = children[t - s.first_token];
    for (auto k = c.rbegin(); k != c.rend(); ++k) stack.emplace_back(*k, depth + 1);
  }
}

}  // namespace

void AddExplainCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "explain",
      "Show how dyad reads a sentence or article: sentences, tokens with lemmas and tags, "
      "the actors found and how each was resolved, the patterns tried, and why an event "
      "was or was not coded.");
  struct Options {
    std::string text;
    std::string file;
    std::vector<std::string> dictionaries;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("text", opts->text, "The sentence(s) to explain");
  cmd->add_option("--file", opts->file, "Explain the (first) article of this file instead");
  cmd->add_option("--dictionary", opts->dictionaries, "Extra event dictionary file(s)");
  cmd->callback([opts, &exit_code] {
    PipelineOptions po;
    po.dictionary_files = opts->dictionaries;
    Pipeline pipeline(po);
    CodedArticle coded;
    if (!opts->file.empty()) {
      bool got = false;
      StderrDiagnostics diagnostics;
      ReadArticles({opts->file}, [&](Article&& a) {
        if (!got) { coded.article = std::move(a); got = true; }
      }, diagnostics.sink());
      if (!got) {
        std::fprintf(stderr, "dyad explain: no article in %s\n", opts->file.c_str());
        exit_code = kExitFailure;
        return;
      }
    } else if (!opts->text.empty()) {
      coded.article.id = "explain";
      coded.article.text = opts->text;
    } else {
      std::fprintf(stderr, "dyad explain: give a sentence in quotes or --file PATH\n");
      exit_code = kExitUsage;
      return;
    }
    std::vector<std::string> trace;
    pipeline.Explain(&coded, &trace);
    const Document& doc = coded.doc;
    std::cout << "article " << coded.article.id;
    if (!coded.article.published.empty()) std::cout << ", published " << coded.article.published;
    if (const PublicationEstimate& e = coded.article.published_estimate; !e.empty()) {
      std::cout << ", published " << (e.dates_article() ? "about " : "not before ") << e.date
                << " by its text (\"" << e.evidence << "\")";
    }
    if (!coded.article.outlet.empty()) std::cout << ", outlet " << coded.article.outlet;
    std::cout << "\n";
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      std::cout << "\nsentence " << si << ": " << doc.SentenceText(s) << "\n  tokens:";
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        const Token& tok = doc.tokens[t];
        std::cout << " " << doc.TokenText(tok);
        if (tok.lemma != tok.norm) std::cout << "(" << tok.lemma << ")";
        std::cout << "/" << TagName(tok.tag);
      }
      if (s.parsed) {
        std::cout << "\n  tree:\n";
        PrintTree(doc, s);
        std::cout << "  actors:";
      } else {
        std::cout << "\n  actors:";
      }
      bool any = false;
      for (size_t mi = 0; mi < coded.actors.size(); ++mi) {
        const ActorMention& m = coded.actors[mi];
        if (m.sentence != si) continue;
        any = true;
        uint32_t b = doc.tokens[m.first_token].begin, e = doc.tokens[m.end_token - 1].end;
        std::cout << "\n    [" << doc.text.substr(b, e - b) << "] " << m.code
                  << (m.pair_code.empty() ? "" : " + " + m.pair_code) << " (" << MentionKindName(m.kind);
        if (!m.entity.empty()) std::cout << ", entity " << m.entity;
        if (!m.title.empty()) std::cout << ", title " << m.title;
        if (m.antecedent >= 0) {
          const ActorMention& a = coded.actors[static_cast<size_t>(m.antecedent)];
          uint32_t ab = doc.tokens[a.first_token].begin, ae = doc.tokens[a.end_token - 1].end;
          std::cout << ", refers to [" << doc.text.substr(ab, ae - ab) << "] in sentence " << a.sentence;
        }
        std::cout << ")";
      }
      if (!any) std::cout << " none";
      std::cout << "\n";
    }
    std::cout << "\ncoding:\n";
    for (const std::string& line : trace) std::cout << line << "\n";
    std::cout << "\nevents: " << coded.events.size() << "\n";
    for (const Event& e : coded.events) {
      std::cout << "  " << e.cameo << " " << e.source.code << " -> " << e.target.code
                << "  goldstein " << e.goldstein << ", quad " << e.quad_class << ", PLOVER "
                << e.plover_type << (e.plover_mode.empty() ? "" : "/" + e.plover_mode)
                << (e.negated ? ", negated" : "") << ", " << e.modality << "\n    pattern: "
                << e.pattern << "\n    evidence: " << e.evidence << "\n";
    }
  });
}

}  // namespace dyad
