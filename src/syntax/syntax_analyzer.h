// SyntaxAnalyzer: the syntax layer of a Document, the one reading of a sentence's
// grammar that every later stage (actors, events, dates, places) takes instead of
// deriving its own. For each sentence asked for, the statistical tagger (pos_tagger.h)
// replaces the light tags and lemmas, and the dependency parser (dependency_parser.h)
// adds each token's head and relation (Token::upos, head, deprel; Sentence::parsed).
//
// The pipeline parses only the sentences that may hold an event, which keeps coding fast.
#ifndef DYAD_SYNTAX_SYNTAX_ANALYZER_H_
#define DYAD_SYNTAX_SYNTAX_ANALYZER_H_

#include <string_view>
#include <vector>

#include "syntax/dependency_parser.h"
#include "syntax/pos_tagger.h"
#include "text/document.h"

namespace dyad {

class SyntaxAnalyzer {
 public:
  // Per-thread scratch space: reuse one per thread for every sentence.
  class Workspace {
   private:
    friend class SyntaxAnalyzer;
    PosTagger::Workspace tagger;
    ParserWorkspace parser;
    std::vector<std::string_view> forms;
    std::vector<TaggedWord> tagged;
    std::vector<UPos> upos;
    std::vector<std::string_view> xpos;
    std::vector<int32_t> heads;
    std::vector<Deprel> deprels;
  };

  // With the models embedded in the binary. ok() is false when they are missing.
  SyntaxAnalyzer();
  // With the given models (not owned; they must outlive this).
  SyntaxAnalyzer(const PosTagger* tagger, const DependencyParser* parser);

  bool ok() const { return tagger_ != nullptr && parser_ != nullptr; }
  // Why the models are missing ("" when ok()).
  std::string_view error() const;

  // Tags and parses sentence `s` of *doc in place. No-op when !ok(). Linear in the
  // sentence's length; no allocation once the workspace has grown.
  void Analyze(Document* doc, uint32_t s, Workspace* ws) const;

  // Tags and parses forms[0, n) (one sentence): tags into tagged[0, n) (lemmas valid until
  // the workspace's next use), 1-based heads (0 = root) and relations. For `dyad parse`
  // on CoNLL-U input, whose words are not the tokenizer's.
  void AnalyzeWords(const std::string_view* forms, size_t n, Workspace* ws,
                    const TaggedWord** tagged, const int32_t** heads,
                    const Deprel** deprels) const;

 private:
  const PosTagger* tagger_;
  const DependencyParser* parser_;
};

// The repair AnalyzeWords applies to every parse: a greedy parser may read the only verb
// of a full sentence as a participle modifying its subject ("Tajik forces fired at Kyrgyz
// border guards ." as "forces [that were] fired at ..."). When forms[0, n) end in a full
// stop, the root is a noun, a verb after it hangs on it as `acl`, the noun has no copula
// or auxiliary and the verb no passive auxiliary or "by" agent, the verb becomes the root
// and the noun its nsubj. heads are 1-based, 0 = root.
void PromoteParticiplePredicate(const std::string_view* forms, size_t n, const UPos* upos,
                                int32_t* heads, Deprel* deprels);

}  // namespace dyad

#endif  // DYAD_SYNTAX_SYNTAX_ANALYZER_H_
