// Helpers for the actor stage's tests: analyse a text with the real TextAnalyzer and look
// mentions up by the text they cover.
#ifndef DYAD_ACTORS_ACTORS_TEST_UTIL_H_
#define DYAD_ACTORS_ACTORS_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "actors/actor_finder.h"
#include "text/analyzer.h"
#include "text/document.h"

namespace dyad {
namespace actors_test {

// Owns the text, its Document and its mentions.
struct Analyzed {
  std::string text;
  Document doc;
  std::vector<ActorMention> mentions;

  std::string_view Span(const ActorMention& m) const {
    uint32_t b = doc.tokens[m.first_token].begin, e = doc.tokens[m.end_token - 1].end;
    return std::string_view(text).substr(b, e - b);
  }
  // The first mention whose text is exactly `span`, or nullptr.
  const ActorMention* Exactly(std::string_view span, size_t nth = 0) const {
    for (const ActorMention& m : mentions) {
      if (Span(m) == span && nth-- == 0) return &m;
    }
    return nullptr;
  }
  // The first mention overlapping bytes [b, e), or nullptr.
  const ActorMention* Overlapping(size_t b, size_t e) const {
    for (const ActorMention& m : mentions) {
      size_t mb = doc.tokens[m.first_token].begin, me = doc.tokens[m.end_token - 1].end;
      if (mb < e && b < me) return &m;
    }
    return nullptr;
  }
  std::string Dump() const {
    std::string s;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const ActorMention& m = mentions[i];
      s += std::to_string(i) + " s" + std::to_string(m.sentence) + " '" + std::string(Span(m)) +
           "' " + m.code + " entity='" + m.entity + "' ante=" + std::to_string(m.antecedent) +
           "\n";
    }
    return s;
  }
};

inline const TextAnalyzer& Analyzer() {
  static const TextAnalyzer* a = new TextAnalyzer();
  return *a;
}

inline const ActorFinder& Finder() {
  static const ActorFinder* f = new ActorFinder();
  return *f;
}

// The text must outlive nothing: Analyzed keeps its own copy.
inline void Analyze(std::string_view text, Analyzed* out) {
  out->text = std::string(text);
  Analyzer().Analyze(out->text, &out->doc);
  Finder().Find(out->doc, &out->mentions);
}

inline bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// The code of the nth mention spelt `span`, or a message with every mention when there
// is none (so that a failed expectation shows what the stage found).
inline std::string CodeOf(const Analyzed& a, std::string_view span, size_t nth = 0) {
  const ActorMention* m = a.Exactly(span, nth);
  return m == nullptr ? "(no mention '" + std::string(span) + "')\n" + a.Dump() : m->code;
}

}  // namespace actors_test
}  // namespace dyad

#endif  // DYAD_ACTORS_ACTORS_TEST_UTIL_H_
