#include "syntax/parser_features.h"

#include <algorithm>
#include <string>

#include "syntax/perceptron.h"
#include "syntax/word_clusters.h"

namespace dyad {
namespace {

constexpr uint64_t kNoWord = 0x6e6f6e65;  // "none": a position past either end
const uint64_t kRootWord = StringHash("<ROOT>");
const uint64_t kRootTag = StringHash("<ROOT-TAG>");

// The parser's own feature hash: two multiplies fewer than FeatureHash (a tenth of the
// parse time goes to hashing ~110 features a decision); a, b, c are hashes or small ints.
inline uint64_t Hash(uint32_t t, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = a * 0x9e3779b97f4a7c15ULL ^ (uint64_t{t} << 40 | t) * 0xd6e8feb86659fd93ULL;
  h = (h ^ (h >> 29) ^ b) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 32) ^ c) * 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

inline uint64_t Distance(int32_t a, int32_t b) {  // bucketed |b - a|, 0 when absent
  if (a < 0 || b < 0) return 0;
  int32_t d = b > a ? b - a : a - b;
  return d <= 4 ? static_cast<uint64_t>(d) : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

}  // namespace

void NormalizeParserWord(std::string_view form, std::string* out) {
  out->assign(form);
  for (char& ch : *out) {
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
    } else if (ch >= '0' && ch <= '9') {
      ch = '0';
    }
  }
}

void SentenceCodes::Encode(const std::string_view* forms, const UPos* upos_in,
                           const std::string_view* xpos, int32_t n,
                           const WordClusters& clusters, const WordClusters& tagsets,
                           std::string* scratch) {
  auto size = static_cast<size_t>(n) + 1;
  word.resize(size);
  tag.resize(size);
  wt.resize(size);
  upos.resize(size);
  cluster.resize(size);
  tagset.resize(size);
  for (int32_t i = 0; i < n; ++i) {
    NormalizeParserWord(forms[i], scratch);
    word[i] = StringHash(*scratch);
    cluster[i] = clusters.Find(word[i]);
    tagset[i] = tagsets.Find(word[i]);
    UPos u = upos_in != nullptr ? upos_in[i] : UPos::kNone;
    upos[i] = static_cast<uint8_t>(u);
    std::string_view x = xpos != nullptr ? xpos[i] : std::string_view();
    if (x.empty() || x == "_") x = UPosName(u);
    tag[i] = StringHash(x);
  }
  word[n] = kRootWord;
  tag[n] = kRootTag;
  upos[n] = 0xff;
  cluster[n] = 0xffff;
  tagset[n] = 0xfffff;
  for (size_t i = 0; i < size; ++i) wt[i] = FeatureHash(0xffff, word[i], tag[i]);
}

int ExtractParserFeatures(const ParseState& s, const SentenceCodes& c, uint64_t* out) {
  auto W = [&](int32_t i) { return i < 0 ? kNoWord : c.word[i]; };
  auto P = [&](int32_t i) { return i < 0 ? kNoWord : c.tag[i]; };
  auto WP = [&](int32_t i) { return i < 0 ? kNoWord : c.wt[i]; };
  auto U = [&](int32_t i) -> uint64_t { return i < 0 ? 0xfe : c.upos[i]; };
  auto C = [&](int32_t i) -> uint64_t { return i < 0 ? 0xfffe : c.cluster[i]; };
  auto A = [&](int32_t i) -> uint64_t { return i < 0 ? 0xffffe : c.tagset[i]; };
  auto L = [&](int32_t i) -> uint64_t { return i < 0 ? 0 : static_cast<uint64_t>(s.label[i] + 1); };
  auto LM = [&](int32_t i) { return i < 0 ? -1 : s.lm1[i]; };
  auto LM2 = [&](int32_t i) { return i < 0 ? -1 : s.lm2[i]; };
  auto RM = [&](int32_t i) { return i < 0 ? -1 : s.rm1[i]; };
  auto RM2 = [&](int32_t i) { return i < 0 ? -1 : s.rm2[i]; };
  auto VL = [&](int32_t i) -> uint64_t { return i < 0 ? 0 : std::min<uint64_t>(s.nl[i], 7); };
  auto VR = [&](int32_t i) -> uint64_t { return i < 0 ? 0 : std::min<uint64_t>(s.nr[i], 7); };
  auto SL = [&](int32_t i) -> uint64_t { return i < 0 ? 0 : s.lset[i]; };
  auto SR = [&](int32_t i) -> uint64_t { return i < 0 ? 0 : s.rset[i]; };

  const int32_t s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int32_t n0 = s.b;
  const int32_t n1 = s.b + 1 <= s.n ? s.b + 1 : -1;
  const int32_t n2 = s.b + 2 <= s.n ? s.b + 2 : -1;
  const int32_t s0l = LM(s0), s0r = RM(s0), n0l = LM(n0), s1l = LM(s1), s1r = RM(s1);
  const int32_t s0l2 = LM2(s0), s0r2 = RM2(s0), n0l2 = LM2(n0), s1r2 = RM2(s1);
  const uint64_t d = Distance(s0, n0), d1 = Distance(s1, s0);

  int k = 0;
  uint32_t t = 0;
  auto F = [&](uint64_t a, uint64_t b = 0, uint64_t x = 0) {
    if (k < kMaxParserFeatures) out[k++] = Hash(++t, a, b, x);  // a guard, never hit
  };

  F(1);  // bias
  // Single items.
  F(W(s0)); F(P(s0)); F(WP(s0)); F(U(s0));
  F(W(n0)); F(P(n0)); F(WP(n0)); F(U(n0));
  F(W(n1)); F(P(n1)); F(WP(n1));
  F(W(n2)); F(P(n2)); F(WP(n2));
  F(W(s1)); F(P(s1)); F(WP(s1)); F(U(s1));
  F(P(s2));
  // Pairs: s0 with n0 (a LEFT candidate), s1 with s0 (a RIGHT candidate).
  F(WP(s0), WP(n0)); F(WP(s0), W(n0)); F(W(s0), WP(n0)); F(WP(s0), P(n0));
  F(P(s0), WP(n0)); F(W(s0), W(n0)); F(P(s0), P(n0)); F(P(n0), P(n1)); F(U(s0), U(n0));
  F(WP(s1), WP(s0)); F(WP(s1), W(s0)); F(W(s1), WP(s0)); F(WP(s1), P(s0));
  F(P(s1), WP(s0)); F(W(s1), W(s0)); F(P(s1), P(s0)); F(U(s1), U(s0));
  F(P(s1), P(n0)); F(W(s1), W(n0));
  // Triples.
  F(P(n0), P(n1), P(n2)); F(P(s0), P(n0), P(n1)); F(P(s1), P(s0), P(n0));
  F(P(s0), P(s0l), P(n0)); F(P(s0), P(s0r), P(n0)); F(P(s0), P(n0), P(n0l));
  F(P(s2), P(s1), P(s0)); F(P(s1), P(s1r), P(s0)); F(P(s1), P(s0), P(s0l));
  F(P(s1), P(s0), P(s0r));
  // Distance.
  F(W(s0), d); F(P(s0), d); F(W(n0), d); F(P(n0), d); F(W(s0), W(n0), d); F(P(s0), P(n0), d);
  F(P(s1), P(s0), d1); F(W(s1), W(s0), d1);
  // Valency.
  F(W(s0), VR(s0)); F(P(s0), VR(s0)); F(W(s0), VL(s0)); F(P(s0), VL(s0));
  F(W(n0), VL(n0)); F(P(n0), VL(n0)); F(W(s1), VR(s1)); F(P(s1), VR(s1)); F(P(s1), VL(s1));
  // Dependents.
  F(W(s0l)); F(P(s0l)); F(L(s0l));
  F(W(s0r)); F(P(s0r)); F(L(s0r));
  F(W(n0l)); F(P(n0l)); F(L(n0l));
  F(W(s1r)); F(P(s1r)); F(L(s1r));
  F(P(s1l)); F(L(s1l));
  // Second dependents (third order).
  F(W(s0l2)); F(P(s0l2)); F(L(s0l2));
  F(W(s0r2)); F(P(s0r2)); F(L(s0r2));
  F(W(n0l2)); F(P(n0l2)); F(L(n0l2));
  F(P(s0), P(s0l), P(s0l2)); F(P(s0), P(s0r), P(s0r2)); F(P(n0), P(n0l), P(n0l2));
  F(P(s1), P(s1r), P(s1r2));
  // Label sets.
  F(W(s0), SR(s0)); F(P(s0), SR(s0)); F(W(s0), SL(s0)); F(P(s0), SL(s0));
  F(W(n0), SL(n0)); F(P(n0), SL(n0)); F(P(s1), SR(s1)); F(P(s1), SL(s1));
  // Word classes (Koo, Carreras and Collins 2008): what the tags and words of rare words
  // miss.
  F(C(s0)); F(C(n0)); F(C(n1)); F(C(s1));
  F(C(s0), C(n0)); F(C(s0), P(n0)); F(P(s0), C(n0)); F(C(n0), C(n1));
  F(C(s1), C(s0)); F(C(s1), P(s0)); F(P(s1), C(s0));
  F(C(s0), C(n0), d); F(C(s0), P(s0r)); F(C(n0), P(n0l));
  // Tag sets: what a word can be whatever the tagger said (its errors cost the parser
  // most where a word is ambiguous).
  F(A(s0), P(s0)); F(A(n0), P(n0)); F(A(n1), P(n1)); F(A(s1), P(s1));
  F(A(s0), A(n0)); F(A(s1), A(s0));
  return k;
}

}  // namespace dyad
