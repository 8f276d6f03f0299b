#include "actors/phrase_table.h"

#include <utf8proc.h>

#include <cstdlib>
#include <functional>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace dyad {

namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "ministers" / "churches" / "embassies" against "minister" / "church" / "embassy".
bool IsPluralOf(std::string_view token, std::string_view word) {
  if (token.size() <= word.size()) return false;
  if (token.substr(0, word.size()) == word) {
    std::string_view rest = token.substr(word.size());
    return rest == "s" || rest == "es";
  }
  if (word.size() >= 2 && word.back() == 'y' && token.size() == word.size() + 2 &&
      token.substr(0, word.size() - 1) == word.substr(0, word.size() - 1) &&
      token.substr(word.size() - 1) == "ies") {
    return true;
  }
  return false;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::string NormalizePhrase(std::string_view text) {
  std::string lowered;
  lowered.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: keep it as is
      lowered.push_back(static_cast<char>(*p));
      ++p;
      --left;
      continue;
    }
    p += n;
    left -= n;
    switch (cp) {
      case 0x2018: case 0x2019: case 0x201B: case 0x2032: cp = '\''; break;
      case 0x201C: case 0x201D: case 0x201F: case 0x2033: cp = '"'; break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: cp = '-'; break;
      default: cp = utf8proc_tolower(cp);
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(cp, buf);
    lowered.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(m));
  }
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(lowered.c_str()));
  if (nfc == nullptr) return lowered;
  std::string out(reinterpret_cast<const char*>(nfc));
  std::free(nfc);
  return out;
}

size_t PhraseTable::KeyHash::operator()(std::string_view s) const noexcept {
  return static_cast<size_t>(XXH3_64bits(s.data(), s.size()));  // inlined: short keys
}

bool PhraseTable::Add(std::string_view phrase, uint32_t value, Options options) {
  std::vector<std::string_view> raw = SplitSpaces(phrase);
  if (raw.empty()) return false;
  Phrase p;
  p.value = value;
  p.options = options;
  for (std::string_view w : raw) {
    p.raw_words.emplace_back(w);
    p.words.push_back(NormalizePhrase(w));
    for (size_t i = 1; i < w.size(); ++i) {
      if (w[i] >= 'A' && w[i] <= 'Z') p.options.case_sensitive = true;
    }
  }
  any_plural_ = any_plural_ || options.allow_plural;
  uint32_t id = static_cast<uint32_t>(phrases_.size());
  const std::string& first = p.words[0];
  index_[first].push_back(id);
  filter_.Add(KeyHash()(first));
  // Alphanumeric prefix, for tokenizers that split "u.s." or "al-qaeda" at punctuation.
  size_t k = 0;
  while (k < first.size() && (IsAsciiAlnum(first[k]) || static_cast<unsigned char>(first[k]) >= 0x80)) ++k;
  if (k > 0 && k < first.size()) {
    index_[first.substr(0, k)].push_back(id);
    filter_.Add(KeyHash()(std::string_view(first).substr(0, k)));
  }
  phrases_.push_back(std::move(p));
  id_.Renew();
  return true;
}

int PhraseTable::Candidates(const Token& t, const std::vector<uint32_t>* lists[kMaxLists]) const {
  int n = 0;
  // Most tokens start no phrase, and the same words come back: memoise the index lookups.
  thread_local WordCache<const std::vector<uint32_t>*> memo;
  auto find = [this](std::string_view key) { return FindKey(key); };
  auto look = [&](std::string_view key) {
    if (n >= kMaxLists || key.empty()) return;
    const std::vector<uint32_t>* list = memo.Lookup(id_.get(), key, find);
    if (list == nullptr) return;
    for (int i = 0; i < n; ++i) {
      if (lists[i] == list) return;
    }
    lists[n++] = list;
  };
  std::string_view norm = t.norm;
  look(norm);
  if (!any_plural_) return n;  // only phrases that allow plurals look at lemmas
  if (!t.LemmaIsNorm()) {
    look(t.lemma);
    return n;
  }
  // Singular keys for one-word phrases that allow plurals, when the text stage left the
  // plural unlemmatised: "rebels" -> "rebel", "churches" -> "church", "embassies" -> "embassy".
  if (norm.size() > 3 && norm.back() == 's') {
    look(norm.substr(0, norm.size() - 1));
    if (norm.size() > 4 && norm[norm.size() - 2] == 'e') {
      look(norm.substr(0, norm.size() - 2));
      if (norm[norm.size() - 3] == 'i' && norm.size() < 64) {
        char buf[64];
        size_t m = norm.size() - 3;
        norm.copy(buf, m);
        buf[m] = 'y';
        look(std::string_view(buf, m + 1));
      }
    }
  }
  return n;
}

const std::vector<uint32_t>* PhraseTable::FindKey(std::string_view key) const {
  if (!filter_.MayContain(KeyHash()(key))) return nullptr;
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &it->second;
}

uint8_t PhraseTable::WordKeys(std::string_view w) const {
  auto has = [this](std::string_view key) { return !key.empty() && FindKey(key) != nullptr; };
  uint8_t keys = has(w) ? kKeyWord : 0;
  // The singular keys Candidates() looks up when the lemma is the form itself.
  if (w.size() > 3 && w.back() == 's') {
    bool singular = has(w.substr(0, w.size() - 1));
    if (!singular && w.size() > 4 && w[w.size() - 2] == 'e') {
      singular = has(w.substr(0, w.size() - 2));
      if (!singular && w[w.size() - 3] == 'i' && w.size() < 64) {
        char buf[64];
        size_t m = w.size() - 3;
        w.copy(buf, m);
        buf[m] = 'y';
        singular = has(std::string_view(buf, m + 1));
      }
    }
    if (singular) keys |= kSingularKey;
  }
  return keys;
}

namespace {

bool IsFunctionTag(Tag tag) {
  switch (tag) {
    case Tag::kPron: case Tag::kSubord: case Tag::kDet: case Tag::kPrep:
    case Tag::kConj: case Tag::kAux: case Tag::kNeg:
      return true;
    default:
      return false;
  }
}

// True when a word next to token t is written in capitals too.
bool InCapitals(const Document& doc, uint32_t t, uint32_t limit) {
  auto caps = [&](uint32_t i) { return doc.tokens[i].Has(kAllCaps); };
  return (t > 0 && caps(t - 1)) || (t + 1 < limit && caps(t + 1)) ||
         (t > 1 && doc.tokens[t - 1].tag == Tag::kPunct && caps(t - 2));
}

}  // namespace

bool PhraseTable::MayStartAt(const Document& doc, uint32_t token) const {
  const std::vector<uint32_t>* lists[kMaxLists];
  return Candidates(doc.tokens[token], lists) > 0;
}

bool PhraseTable::MatchPhrase(const Document& doc, const Phrase& p, uint32_t begin,
                              uint32_t limit, uint32_t* end) const {
  uint32_t t = begin;
  const size_t nwords = p.words.size();
  for (size_t w = 0; w < nwords; ++w) {
    if (t >= limit) return false;
    const Token& tok = doc.tokens[t];
    const std::string& word = p.words[w];
    if (w == 0 && p.options.needs_capital && tok.end > tok.begin) {
      char c = doc.text[tok.begin];
      if (c >= 'a' && c <= 'z') return false;
    }
    const bool last = w + 1 == nwords;
    uint32_t next = 0;
    if (tok.norm == word) {
      next = t + 1;
    } else if (last && p.options.allow_plural &&
               (IsPluralOf(tok.norm, word) || tok.lemma == word)) {
      next = t + 1;
    } else if (!tok.norm.empty() && tok.norm.size() < word.size() &&
               word.compare(0, tok.norm.size(), tok.norm) == 0) {
      // Glued tokens: "u" "." "s" "." for "u.s.".
      size_t pos = tok.norm.size();
      uint32_t u = t + 1;
      while (pos < word.size() && u < limit && doc.tokens[u].begin == doc.tokens[u - 1].end) {
        const std::string& n = doc.tokens[u].norm;
        if (n.empty() || word.compare(pos, n.size(), n) != 0) break;
        pos += n.size();
        ++u;
      }
      if (pos != word.size()) return false;
      next = u;
    } else {
      return false;
    }
    if (p.options.case_sensitive) {
      // Text in capitals ("THE MINISTER, WHO HAD BEEN KIDNAPPED") spells function words
      // like acronyms: an acronym that is such a word (WHO, IS, IT) matches only in
      // mixed-case text.
      if (nwords == 1 && next == t + 1 && IsFunctionTag(tok.tag) && InCapitals(doc, t, limit)) return false;
      uint32_t b = tok.begin, e = doc.tokens[next - 1].end;
      std::string_view raw = doc.text.substr(b, e - b);
      const std::string& want = p.raw_words[w];
      if (raw != want) {
        // Accept a plural of a case-sensitive word ("NGOs") on the last word.
        if (!(last && p.options.allow_plural && raw.size() == want.size() + 1 &&
              raw.substr(0, want.size()) == want && raw.back() == 's')) {
          return false;
        }
      }
    }
    t = next;
  }
  *end = t;
  return true;
}

}  // namespace dyad
