#include "pipeline/explain_report.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

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
void WriteTree(const Document& doc, const Sentence& s, std::ostream& out) {
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
    out << "    " << std::string(static_cast<size_t>(std::min(depth, 30)) * 2, ' ')
        << DeprelName(tok.deprel) << ": " << doc.TokenText(tok) << "/" << UPosName(tok.upos)
        << "\n";
    const auto& c = children[t - s.first_token];
    for (auto k = c.rbegin(); k != c.rend(); ++k) stack.emplace_back(*k, depth + 1);
  }
}

}  // namespace

void WriteExplainReport(const Pipeline& pipeline, Article article, std::ostream& out) {
  CodedArticle coded;
  coded.article = std::move(article);
  std::vector<std::string> trace;
  pipeline.Explain(&coded, &trace);
  const Document& doc = coded.doc;
  out << "article " << coded.article.id;
  if (!coded.article.published.empty()) out << ", published " << coded.article.published;
  if (const PublicationEstimate& e = coded.article.published_estimate; !e.empty()) {
    out << ", published " << (e.dates_article() ? "about " : "not before ") << e.date
        << " by its text (\"" << e.evidence << "\")";
  }
  if (!coded.article.outlet.empty()) out << ", outlet " << coded.article.outlet;
  out << "\n";
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    out << "\nsentence " << si << ": " << doc.SentenceText(s) << "\n  tokens:";
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = doc.tokens[t];
      out << " " << doc.TokenText(tok);
      if (tok.lemma != tok.norm) out << "(" << tok.lemma << ")";
      out << "/" << TagName(tok.tag);
    }
    if (s.parsed) {
      out << "\n  tree:\n";
      WriteTree(doc, s, out);
      out << "  actors:";
    } else {
      out << "\n  actors:";
    }
    bool any = false;
    for (size_t mi = 0; mi < coded.actors.size(); ++mi) {
      const ActorMention& m = coded.actors[mi];
      if (m.sentence != si) continue;
      any = true;
      uint32_t b = doc.tokens[m.first_token].begin, e = doc.tokens[m.end_token - 1].end;
      out << "\n    [" << doc.text.substr(b, e - b) << "] " << m.code
          << (m.pair_code.empty() ? "" : " + " + m.pair_code) << " (" << MentionKindName(m.kind);
      if (!m.entity.empty()) out << ", entity " << m.entity;
      if (!m.title.empty()) out << ", title " << m.title;
      if (m.antecedent >= 0) {
        const ActorMention& a = coded.actors[static_cast<size_t>(m.antecedent)];
        uint32_t ab = doc.tokens[a.first_token].begin, ae = doc.tokens[a.end_token - 1].end;
        out << ", refers to [" << doc.text.substr(ab, ae - ab) << "] in sentence " << a.sentence;
      }
      out << ")";
    }
    if (!any) out << " none";
    out << "\n";
  }
  out << "\ncoding:\n";
  for (const std::string& line : trace) out << line << "\n";
  out << "\nevents: " << coded.events.size() << "\n";
  for (const Event& e : coded.events) {
    out << "  " << e.cameo << " " << e.source.code << " -> " << e.target.code
        << "  goldstein " << e.goldstein << ", quad " << e.quad_class << ", PLOVER "
        << e.plover_type << (e.plover_mode.empty() ? "" : "/" + e.plover_mode)
        << (e.negated ? ", negated" : "") << ", " << e.modality << "\n    pattern: "
        << e.pattern << "\n    evidence: " << e.evidence << "\n";
  }
}

void WriteExplainReport(const Pipeline& pipeline, std::string_view text, std::ostream& out) {
  Article article;
  article.id = "explain";
  article.text = std::string(text);
  WriteExplainReport(pipeline, std::move(article), out);
}

}  // namespace dyad
