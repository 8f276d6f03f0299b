#include "syntax/syntax_analyzer.h"

#include "text/lexicon.h"

namespace dyad {

void PromoteParticiplePredicate(const std::string_view* forms, size_t n, const UPos* upos,
                                int32_t* heads, Deprel* deprels) {
  if (n < 3 || (forms[n - 1] != "." && forms[n - 1] != "!")) return;
  size_t root = n;
  for (size_t i = 0; i < n; ++i) {
    if (heads[i] == 0) root = i;
  }
  if (root == n || (upos[root] != UPos::NOUN && upos[root] != UPos::PROPN)) return;
  size_t verb = n;
  for (size_t i = root + 1; i < n && verb == n; ++i) {
    if (heads[i] == static_cast<int32_t>(root + 1) && deprels[i] == Deprel::acl && upos[i] == UPos::VERB)
      verb = i;
  }
  if (verb == n) return;
  const auto root_id = static_cast<int32_t>(root + 1), verb_id = static_cast<int32_t>(verb + 1);
  for (size_t i = 0; i < n; ++i) {
    if (heads[i] == root_id && (deprels[i] == Deprel::cop || deprels[i] == Deprel::aux)) return;
    if (heads[i] == verb_id && (deprels[i] == Deprel::obl_agent || deprels[i] == Deprel::aux_pass))
      return;
  }
  // An oblique marked "by" is an agent too ("soldiers killed by militants .").
  for (size_t i = 0; i < n; ++i) {
    if (deprels[i] != Deprel::case_ || (forms[i] != "by" && forms[i] != "By") || heads[i] <= 0) continue;
    const auto marked = static_cast<size_t>(heads[i] - 1);
    if (heads[marked] == verb_id) return;
  }
  heads[verb] = 0;
  deprels[verb] = Deprel::root;
  heads[root] = verb_id;
  deprels[root] = Deprel::nsubj;
  // What hung on the noun after the verb (the full stop, a later clause) is the verb's.
  for (size_t i = verb + 1; i < n; ++i)
    if (heads[i] == root_id) heads[i] = verb_id;
}

SyntaxAnalyzer::SyntaxAnalyzer()
    : SyntaxAnalyzer(PosTagger::Default(), DependencyParser::Default()) {}

SyntaxAnalyzer::SyntaxAnalyzer(const PosTagger* tagger, const DependencyParser* parser)
    : tagger_(tagger), parser_(parser) {}

std::string_view SyntaxAnalyzer::error() const {
  if (tagger_ == nullptr) return PosTagger::DefaultError();
  if (parser_ == nullptr) return DependencyParser::DefaultError();
  return {};
}

void SyntaxAnalyzer::AnalyzeWords(const std::string_view* forms, size_t n, Workspace* ws,
                                  const TaggedWord** tagged, const int32_t** heads,
                                  const Deprel** deprels) const {
  ws->tagged.resize(n);
  ws->upos.resize(n);
  ws->xpos.resize(n);
  ws->heads.resize(n);
  ws->deprels.resize(n);
  if (!ok() || n == 0) {
    *tagged = ws->tagged.data();
    *heads = ws->heads.data();
    *deprels = ws->deprels.data();
    return;
  }
  tagger_->Tag(forms, n, ws->tagged.data(), &ws->tagger);
  for (size_t i = 0; i < n; ++i) {
    ws->upos[i] = ws->tagged[i].upos;
    ws->xpos[i] = ws->tagged[i].xpos;
  }
  parser_->ParseSentence(forms, ws->upos.data(), ws->xpos.data(), n, &ws->parser,
                         ws->heads.data(), ws->deprels.data());
  PromoteParticiplePredicate(forms, n, ws->upos.data(), ws->heads.data(), ws->deprels.data());
  *tagged = ws->tagged.data();
  *heads = ws->heads.data();
  *deprels = ws->deprels.data();
}

void SyntaxAnalyzer::Analyze(Document* doc, uint32_t si, Workspace* ws) const {
  if (!ok()) return;
  Sentence& s = doc->sentences[si];
  const size_t n = s.end_token - s.first_token;
  ws->forms.resize(n);
  for (size_t i = 0; i < n; ++i) ws->forms[i] = doc->TokenText(doc->tokens[s.first_token + i]);
  const TaggedWord* tagged = nullptr;
  const int32_t* heads = nullptr;
  const Deprel* deprels = nullptr;
  AnalyzeWords(ws->forms.data(), n, ws, &tagged, &heads, &deprels);
  const Lexicon* lex = doc->lexicon;
  for (size_t i = 0; i < n; ++i) {
    Token& t = doc->tokens[s.first_token + i];
    t.upos = tagged[i].upos;
    t.tag = tagged[i].tag;
    if (std::string_view(t.lemma) != tagged[i].lemma) {
      t.lemma.assign(tagged[i].lemma);
      t.lemma_word = lex != nullptr ? lex->IdOf(lex->Find(t.lemma)) : 0;
    }
    t.deprel = deprels[i];
    t.head = heads[i] <= 0 ? Token::kNoHead : s.first_token + static_cast<uint32_t>(heads[i] - 1);
  }
  s.parsed = true;
}

}  // namespace dyad
