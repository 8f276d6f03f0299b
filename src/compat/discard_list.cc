#include "compat/discard_list.h"

#include "compat/classic_format.h"

namespace dyad {

size_t DiscardList::Read(std::string_view text, std::string_view origin, const DiagnosticSink& diag) {
  size_t added = 0;
  ClassicLines lines(text, ClassicDialect::kPetrarch);
  std::string_view line;
  size_t line_no = 0;
  while (lines.Next(&line, &line_no)) {
    std::string_view t = TrimBlanks(line);
    if (t.empty()) continue;
    Phrase p;
    if (t.front() == '+') {
      p.story = true;
      t = TrimBlanks(t.substr(1));
    }
    // TABARI-style trailing comments (";AB 13 JUN 2005") are not part of the phrase.
    if (size_t semi = t.find(';'); semi != std::string_view::npos) t = TrimBlanks(t.substr(0, semi));
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '_')) ++i;
      size_t j = i;
      while (j < t.size() && t[j] != ' ' && t[j] != '\t' && t[j] != '_') ++j;
      if (j > i) p.words.push_back(LowerAscii(t.substr(i, j - i)));
      i = j;
    }
    if (p.words.empty()) {
      if (diag) diag(Diagnostic{Severity::kError, std::string(origin) + ":" + std::to_string(line_no), "empty discard phrase (line skipped)"});
      continue;
    }
    std::string first = p.words[0];
    by_first_[first].push_back(std::move(p));
    ++added;
  }
  count_ += added;
  return added;
}

bool DiscardList::Apply(const Document& doc, std::vector<bool>* sentences) const {
  sentences->resize(doc.sentences.size(), false);
  bool story = false;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      auto it = by_first_.find(doc.tokens[t].norm);
      if (it == by_first_.end()) continue;
      for (const Phrase& p : it->second) {
        size_t k = 1;
        while (k < p.words.size() && t + k < s.end_token && doc.tokens[t + k].norm == p.words[k]) ++k;
        if (k < p.words.size()) continue;
        if (p.story) story = true;
        else (*sentences)[si] = true;
      }
    }
  }
  return story;
}

}  // namespace dyad
