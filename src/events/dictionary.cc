#include "events/dictionary.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "events/ontology.h"
#include "text/lexicon.h"
#include "util/embedded_data.h"

namespace dyad {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Parses one element; returns an error message or "".
std::string ParseElement(std::string_view tok, PatternElement* e) {
  if (tok.size() >= 2 && tok.front() == '(' && tok.back() == ')') {
    e->optional = true;
    tok = tok.substr(1, tok.size() - 2);
  }
  if (tok.empty()) return "empty element";
  if (tok == "SRC") { e->kind = PatternElement::kSource; return ""; }
  if (tok == "TGT") { e->kind = PatternElement::kTarget; return ""; }
  // A slot restricted to actors of some kind: "SRC[embassy|consulate]".
  if (tok.size() >= 4 && (tok.substr(0, 4) == "SRC[" || tok.substr(0, 4) == "TGT[")) {
    if (tok.back() != ']') return "unclosed '[' in '" + std::string(tok) + "'";
    if (tok.size() == 5) return "no actor words in '" + std::string(tok) + "'";
    e->kind = tok[0] == 'S' ? PatternElement::kSource : PatternElement::kTarget;
    std::string_view list = tok.substr(4, tok.size() - 5);
    size_t start = 0;
    while (start <= list.size()) {
      size_t bar = list.find('|', start);
      if (bar == std::string_view::npos) bar = list.size();
      std::string_view w = list.substr(start, bar - start);
      if (w.empty()) return "empty alternative in '" + std::string(tok) + "'";
      e->words.push_back(Lower(w));
      start = bar + 1;
    }
    return "";
  }
  if (tok == "...") { e->kind = PatternElement::kGap; return ""; }
  if (tok == "'s") { e->kind = PatternElement::kPossessive; return ""; }
  bool exact = tok.size() >= 2 && tok.front() == '"' && tok.back() == '"';
  if (exact) tok = tok.substr(1, tok.size() - 2);
  e->kind = exact ? PatternElement::kExact : PatternElement::kWord;
  size_t start = 0;
  while (start <= tok.size()) {
    size_t bar = tok.find('|', start);
    if (bar == std::string_view::npos) bar = tok.size();
    std::string_view w = tok.substr(start, bar - start);
    if (w.empty()) return "empty alternative in '" + std::string(tok) + "'";
    if (w == "SRC" || w == "TGT") return "slot inside alternatives";
    e->words.push_back(Lower(w));
    start = bar + 1;
  }
  return "";
}

}  // namespace

const Dictionary& Dictionary::Builtin() {
  static const Dictionary* dict = [] {
    auto* d = new Dictionary;
    std::string problems;
    DiagnosticSink sink = [&problems](const Diagnostic& diag) {
      problems += diag.where + ": " + diag.message + "\n";
    };
    for (std::string_view name : EmbeddedFileNames()) {
      if (name.rfind("events/", 0) != 0 || name.size() < 4 ||
          name.substr(name.size() - 4) != ".txt")
        continue;
      d->Parse(*EmbeddedFile(name), name, sink);
    }
    if (!problems.empty()) throw std::runtime_error("built-in event dictionary:\n" + problems);
    return d;
  }();
  return *dict;
}

size_t Dictionary::Parse(std::string_view text, std::string_view origin,
                         const DiagnosticSink& diag) {
  const Ontology& ontology = Ontology::Default();
  size_t added = 0;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    std::string where = std::string(origin) + ":" + std::to_string(line_no);
    auto report = [&](const std::string& msg) {
      diag(Diagnostic{Severity::kError, where, msg + " (line skipped)"});
    };
    std::string_view flags_part;
    if (size_t semi = line.find(';'); semi != std::string_view::npos) {
      flags_part = line.substr(semi + 1);
      line = Trim(line.substr(0, semi));
    }
    std::vector<std::string_view> parts = SplitSpaces(line);
    if (parts.size() < 2) {
      report("expected 'CODE PATTERN'");
      continue;
    }
    Pattern p;
    p.origin = where;
    if (parts[0] == "DISCARD") {
      p.action = Pattern::kDiscard;
    } else if (parts[0] == "DISCARD-SENTENCE") {
      p.action = Pattern::kDiscardSentence;
    } else if (ontology.Find(parts[0]) == nullptr) {
      report("unknown CAMEO code '" + std::string(parts[0]) + "'");
      continue;
    }
    p.code = std::string(parts[0]);
    std::string error;
    bool have_anchor = false;
    for (size_t i = 1; i < parts.size() && error.empty(); ++i) {
      PatternElement e;
      error = ParseElement(parts[i], &e);
      if (!error.empty()) break;
      if (e.IsWord()) ++p.specificity;
      if (!have_anchor && e.IsWord() && !e.optional) {
        p.anchor = static_cast<uint32_t>(p.elements.size());
        have_anchor = true;
      }
      p.elements.push_back(std::move(e));
    }
    if (error.empty() && !have_anchor) error = "pattern has no required word to anchor it";
    for (std::string_view f : SplitSpaces(flags_part)) {
      if (f == "symmetric") p.symmetric = true;
      else if (f == "verb") p.verb_only = true;
      else if (f == "noun") p.noun_only = true;
      else if (f == "state") p.state_actors = true;
      else error = "unknown flag '" + std::string(f) + "'";
    }
    if (!error.empty()) {
      report(error);
      continue;
    }
    p.text = std::string(line);
    Add(std::move(p));
    ++added;
  }
  return added;
}

unsigned WordSignature::Bit(std::string_view word) {
  // Fixed-size loads of the first and last bytes (as WordCache::Pack), then a multiply.
  const size_t n = word.size();
  const char* p = word.data();
  uint64_t lo = 0, hi = 0;
  if (n >= 8) {
    std::memcpy(&lo, p, 8);
    std::memcpy(&hi, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    lo = (uint64_t{b} << 32) | a;
  } else if (n > 0) {
    lo = uint64_t{static_cast<unsigned char>(p[0])} |
         (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
         (uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
  }
  uint64_t h = (lo ^ (hi * 0x9E3779B97F4A7C15ull) ^ n) * 0xFF51AFD7ED558CCDull;
  h ^= h >> 32;
  return static_cast<unsigned>(h & (kBits - 1));
}

Dictionary::Dictionary()
    : lexicon_(&Lexicon::Default()), anchors_(lexicon_), discards_(lexicon_) {}

Dictionary::AnchorIndex::AnchorIndex(const Lexicon* lexicon)
    : lexicon_(lexicon), bits_(lexicon->size() / 64 + 1, 0), by_word_(lexicon->size() + 1, nullptr) {}

Dictionary::AnchorIndex::AnchorIndex(const AnchorIndex& o)
    : lexicon_(o.lexicon_), by_string_(o.by_string_) {
  IndexWords();
}

Dictionary::AnchorIndex& Dictionary::AnchorIndex::operator=(const AnchorIndex& o) {
  if (this == &o) return *this;
  lexicon_ = o.lexicon_;
  by_string_ = o.by_string_;
  IndexWords();
  return *this;
}

void Dictionary::AnchorIndex::IndexWords() {
  bits_.assign(lexicon_->size() / 64 + 1, 0);
  by_word_.assign(lexicon_->size() + 1, nullptr);
  for (const auto& [w, ids] : by_string_) {
    if (WordId word = lexicon_->IdOf(lexicon_->Find(w)); word != 0) {
      by_word_[word] = &ids;
      bits_[word >> 6] |= uint64_t{1} << (word & 63);
    }
  }
}

void Dictionary::AnchorIndex::Add(const std::string& word, uint32_t id) {
  auto& ids = by_string_[word];
  if (!ids.empty() && ids.back() == id) return;
  ids.push_back(id);
  // Map nodes do not move: the pointer stays valid as the map grows.
  if (WordId w = lexicon_->IdOf(lexicon_->Find(word)); w != 0) {
    by_word_[w] = &ids;
    bits_[w >> 6] |= uint64_t{1} << (w & 63);
  }
}

const std::vector<uint32_t>* Dictionary::AnchorIndex::ByString(std::string_view word) const {
  auto it = by_string_.find(word);
  return it == by_string_.end() ? nullptr : &it->second;
}

uint32_t Dictionary::Add(Pattern p) {
  if (p.action == Pattern::kDiscardSentence) has_sentence_discards_ = true;
  // Sorted alternatives let the coder search long lists (see WordMatches in coder.cc).
  for (PatternElement& e : p.elements) {
    e.word_ids.clear();
    for (const std::string& w : e.words) {
      if (WordId id = lexicon_->IdOf(lexicon_->Find(w)); id != 0) e.word_ids.push_back(id);
    }
    std::sort(e.word_ids.begin(), e.word_ids.end());
    if (e.words.size() <= 8) continue;
    std::sort(e.words.begin(), e.words.end());
    e.words.erase(std::unique(e.words.begin(), e.words.end()), e.words.end());
  }
  uint32_t id = static_cast<uint32_t>(patterns_.size());
  for (const std::string& w : p.elements[p.anchor].words) {
    anchors_.Add(w, id);
    if (p.action == Pattern::kDiscardSentence) discards_.Add(w, id);
  }
  // A required word element matches a token whose norm or lemma is one of its words
  // (WordMatches in coder.cc), inside the sentence. Long lists are left out: testing them
  // would cost about as much as the try.
  Head head;
  head.required_begin = static_cast<uint32_t>(required_.size());
  head.action = p.action;
  head.specificity = p.specificity;
  for (size_t k = 0; k < p.elements.size(); ++k) {
    const PatternElement& e = p.elements[k];
    if (k == p.anchor || !e.IsWord() || e.optional || e.words.empty() || e.words.size() > 8)
      continue;
    required_.push_back(static_cast<uint16_t>(e.words.size()));
    for (const std::string& w : e.words) required_.push_back(static_cast<uint16_t>(WordSignature::Bit(w)));
  }
  head.required_size = static_cast<uint16_t>(required_.size() - head.required_begin);
  heads_.push_back(head);
  patterns_.push_back(std::move(p));
  id_.Renew();
  return id;
}

const std::vector<uint32_t>* Dictionary::Anchored(std::string_view word) const {
  // Memoised per thread: the coder asks for every token's lemma and norm.
  thread_local WordCache<const std::vector<uint32_t>*> memo;
  return memo.Lookup(id_.get(), word, [this](std::string_view w) -> const std::vector<uint32_t>* {
    return anchors_.ByString(w);
  });
}

}  // namespace dyad
