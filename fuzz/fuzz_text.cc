// libFuzzer target: TextAnalyzer::Analyze on arbitrary bytes. Checks that tokens lie
// inside the text in increasing order, that sentences partition the tokens, and that
// every norm is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <utf8proc.h>

#include "text/analyzer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool ValidUtf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + pos,
                                          static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
    if (n <= 0) return false;
    pos += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const dyad::TextAnalyzer analyzer;
  static dyad::Document doc;  // reused, as the pipeline does
  std::string_view text(reinterpret_cast<const char*>(data), size);
  analyzer.Analyze(text, &doc);
  Check(doc.text.data() == text.data() && doc.text.size() == size);
  uint32_t prev_end = 0;
  for (const dyad::Token& t : doc.tokens) {
    Check(t.begin < t.end);
    Check(t.end <= size);
    Check(t.begin >= prev_end);
    Check(!t.norm.empty() && ValidUtf8(t.norm));
    Check(!t.lemma.empty());
    Check(t.tag != dyad::Tag::kUnknown);
    prev_end = t.end;
  }
  uint32_t next_token = 0;
  for (const dyad::Sentence& s : doc.sentences) {
    Check(s.first_token == next_token);
    Check(s.first_token < s.end_token && s.end_token <= doc.tokens.size());
    Check(s.begin == doc.tokens[s.first_token].begin);
    Check(s.end == doc.tokens[s.end_token - 1].end);
    Check(doc.tokens[s.first_token].Has(dyad::kSentenceStart));
    next_token = s.end_token;
  }
  Check(next_token == doc.tokens.size());
  return 0;
}
