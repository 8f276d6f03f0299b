// dyad parse: text in, CoNLL-U out (the syntax layer every stage reads): one block per
// sentence with its words' lemmas, UD and PTB tags, heads and relations. With
// --input-format conllu it reads treebank sentences and writes them back with its own
// LEMMA, UPOS, XPOS, HEAD and DEPREL, so that anyone can score it against a treebank.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "ingest/reader.h"
#include "syntax/conllu.h"
#include "syntax/syntax_analyzer.h"
#include "text/analyzer.h"
#include "util/diagnostics.h"

namespace dyad {
namespace {

// The words' columns from the analyser's output (FEATS and DEPS are not predicted).
void FillWords(size_t n, const TaggedWord* tagged, const int32_t* heads, const Deprel* deprels,
               ConlluSentence* sentence) {
  for (size_t i = 0; i < n; ++i) {
    ConlluWord& w = sentence->words[i];
    w.lemma = tagged[i].lemma.empty() ? std::string("_") : std::string(tagged[i].lemma);
    w.upos = UPosName(tagged[i].upos);
    w.xpos = tagged[i].xpos.empty() ? std::string("_") : std::string(tagged[i].xpos);
    w.head = heads[i];
    w.deprel = DeprelName(deprels[i]);
  }
}

// A comment value on one line.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

}  // namespace

void AddParseCommand(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "parse",
      "Tag and parse text into Universal Dependencies CoNLL-U on stdout: lemmas, UPOS and "
      "XPOS tags, heads and relations. Reads what `dyad code` reads (plain-text articles, "
      "JSON Lines, directories, .gz/.zst, stdin), or CoNLL-U with --input-format conllu "
      "(its word lines are the tokens; the predicted columns replace the file's).");
  struct Options {
    std::string input_format = "text";
    std::vector<std::string> paths;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("--input-format", opts->input_format, "text (default) or conllu")
      ->check(CLI::IsMember({"text", "conllu"}));
  cmd->add_option("paths", opts->paths, "Files or directories to read ('-' or none: stdin)");
  cmd->callback([opts, &exit_code] {
    SyntaxAnalyzer syntax;
    if (!syntax.ok()) {
      std::fprintf(stderr, "dyad parse: no syntax model: %.*s\n",
                   static_cast<int>(syntax.error().size()), syntax.error().data());
      exit_code = kExitFailure;
      return;
    }
    std::ios::sync_with_stdio(false);
    StderrDiagnostics diagnostics;
    SyntaxAnalyzer::Workspace ws;
    std::vector<std::string> paths =
        opts->paths.empty() ? std::vector<std::string>{"-"} : opts->paths;
    const TaggedWord* tagged = nullptr;
    const int32_t* heads = nullptr;
    const Deprel* deprels = nullptr;
    std::vector<std::string_view> forms;
    if (opts->input_format == "conllu") {
      for (const std::string& path : paths) {
        std::vector<ConlluSentence> sentences;
        size_t skipped = 0;
        if (path == "-") {
          skipped = ReadConllu(std::cin, "<stdin>", &sentences, diagnostics.sink());
        } else if (!ReadConlluFile(path, &sentences, diagnostics.sink(), &skipped)) {
          exit_code = kExitFailure;
          return;
        }
        if (skipped > 0) exit_code = kExitBadInput;
        for (ConlluSentence& s : sentences) {
          forms.clear();
          for (const ConlluWord& w : s.words) forms.push_back(w.form);
          syntax.AnalyzeWords(forms.data(), forms.size(), &ws, &tagged, &heads, &deprels);
          FillWords(forms.size(), tagged, heads, deprels, &s);
          WriteConllu(s, std::cout);
        }
      }
      std::cout.flush();
      return;
    }
    TextAnalyzer text;
    Document doc;
    ReadStats stats = ReadArticles(
        paths,
        [&](Article&& article) {
          text.Analyze(article.text, &doc);
          std::cout << "# newdoc id = " << OneLine(article.id) << '\n';
          for (size_t si = 0; si < doc.sentences.size(); ++si) {
            const Sentence& s = doc.sentences[si];
            ConlluSentence out;
            out.comments.push_back("sent_id = " + OneLine(article.id) + "-" + std::to_string(si + 1));
            out.comments.push_back("text = " + OneLine(doc.SentenceText(s)));
            forms.clear();
            for (uint32_t t = s.first_token; t < s.end_token; ++t) {
              forms.push_back(doc.TokenText(doc.tokens[t]));
              ConlluWord w;
              w.form = OneLine(forms.back());
              if (t + 1 < s.end_token && doc.tokens[t + 1].begin == doc.tokens[t].end)
                w.misc = "SpaceAfter=No";
              out.words.push_back(std::move(w));
            }
            syntax.AnalyzeWords(forms.data(), forms.size(), &ws, &tagged, &heads, &deprels);
            FillWords(forms.size(), tagged, heads, deprels, &out);
            WriteConllu(out, std::cout);
          }
        },
        diagnostics.sink());
    std::cout.flush();
    if (stats.skipped > 0 || diagnostics.errors() > 0) exit_code = kExitBadInput;
  });
}

}  // namespace dyad
