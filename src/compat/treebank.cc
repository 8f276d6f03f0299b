#include "compat/treebank.h"

namespace dyad {
namespace {

bool Blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Unescape(std::string_view w) {
  if (w == "-LRB-" || w == "-LCB-" || w == "-LSB-") return "(";
  if (w == "-RRB-" || w == "-RCB-" || w == "-RSB-") return ")";
  if (w == "``" || w == "''") return "\"";
  return std::string(w);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::vector<TreebankLeaf> TreebankLeaves(std::string_view parse) {
  std::vector<TreebankLeaf> out;
  size_t i = 0;
  while (i < parse.size()) {
    if (parse[i] != '(') {
      ++i;
      continue;
    }
    size_t label = ++i;
    while (i < parse.size() && !Blank(parse[i]) && parse[i] != '(' && parse[i] != ')') ++i;
    std::string_view tag = parse.substr(label, i - label);
    while (i < parse.size() && Blank(parse[i])) ++i;
    if (i >= parse.size() || parse[i] == '(' || parse[i] == ')') continue;  // a phrase
    size_t word = i;
    while (i < parse.size() && parse[i] != ')' && !Blank(parse[i])) ++i;
    out.push_back(TreebankLeaf{std::string(tag), Unescape(parse.substr(word, i - word))});
  }
  return out;
}

size_t ApplyTreebankTags(std::string_view parse, Document* doc) {
  std::vector<TreebankLeaf> leaves = TreebankLeaves(parse);
  if (leaves.empty() || doc->tokens.empty()) return 0;
  // Each leaf's byte span in the text, found in order (a leaf not found within a few
  // bytes of the last one is skipped: the parse and the text disagree there).
  struct Span {
    uint32_t begin, end;
    const std::string* tag;
  };
  std::vector<Span> spans;
  const std::string_view text = doc->text;
  size_t pos = doc->tokens.front().begin;
  for (const TreebankLeaf& leaf : leaves) {
    if (leaf.word.empty()) continue;
    size_t at = text.find(leaf.word, pos);
    if (at == std::string_view::npos || at > pos + 24) continue;
    spans.push_back(Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + leaf.word.size()), &leaf.tag});
    pos = at + leaf.word.size();
  }
  size_t changed = 0, k = 0;
  for (Token& tok : doc->tokens) {
    while (k < spans.size() && spans[k].end <= tok.begin) ++k;
    if (k >= spans.size()) break;
    if (spans[k].begin > tok.begin || spans[k].end < tok.end) continue;  // not one leaf
    std::string_view tag = *spans[k].tag;
    Tag to = tok.tag;
    if (StartsWith(tag, "VB")) {
      if (tok.tag == Tag::kNoun || tok.tag == Tag::kAdj || tok.tag == Tag::kUnknown) to = Tag::kVerb;
    } else if (tag == "MD") {
      if (tok.tag == Tag::kVerb || tok.tag == Tag::kNoun || tok.tag == Tag::kUnknown) to = Tag::kAux;
    } else if (tok.tag == Tag::kVerb) {
      if (StartsWith(tag, "NNP")) to = Tag::kProper;
      else if (StartsWith(tag, "NN")) to = Tag::kNoun;
      else if (StartsWith(tag, "JJ")) to = Tag::kAdj;
      else if (StartsWith(tag, "RB")) to = Tag::kAdv;
      else if (tag == "CD") to = Tag::kNum;
    }
    if (to != tok.tag) {
      tok.tag = to;
      ++changed;
    }
  }
  return changed;
}

}  // namespace dyad
