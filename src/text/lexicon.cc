#include "text/lexicon.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_set>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "util/embedded_data.h"
#include "util/word_cache.h"

namespace dyad {

namespace {

// Ranks of the analyses of one form; the highest decides the lemma.
constexpr uint8_t kRankAlternative = 1;  // the less likely of two spellings (hopped/hoped)
constexpr uint8_t kRankSelf = 2;         // the form is a lemma itself
constexpr uint8_t kRankRegular = 3;      // regular inflection of another lemma
constexpr uint8_t kRankIrregular = 4;    // listed irregular form

uint32_t HashOf(std::string_view s) {
  return static_cast<uint32_t>(XXH3_64bits(s.data(), s.size()));
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Ends consonant-vowel-consonant (stop, visit, travel), where English may double the
// final consonant before -ed/-ing. w, x and y are never doubled.
bool EndsCvc(std::string_view w) {
  size_t n = w.size();
  if (n < 3) return false;
  char c = w[n - 1], v = w[n - 2], p = w[n - 3];
  return !IsVowel(c) && c != 'w' && c != 'x' && c != 'y' && IsVowel(v) && !IsVowel(p);
}

int VowelGroups(std::string_view w) {
  int groups = 0;
  bool in = false;
  for (char c : w) {
    bool v = IsVowel(c) || c == 'y';
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

std::string SibilantPlural(std::string_view w) {
  std::string out(w);
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh")) {
    out += "es";
  } else if (w.size() > 1 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    out.pop_back();
    out += "ies";
  } else {
    out += 's';
  }
  return out;
}

uint16_t Saturate(long n) { return static_cast<uint16_t>(std::clamp(n, 0L, 65535L)); }

// Calls fn(line_number, fields) for every non-empty, non-comment line of data.
template <typename Fn>
void ForEachRecord(std::string_view data, Fn fn) {
  size_t line_no = 0;
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string_view fields[4];
    size_t count = 0;
    while (count < 4) {
      size_t tab = line.find('\t');
      fields[count++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    fn(line_no, fields, count);
  }
}

void Report(const DiagnosticSink& sink, std::string_view file, size_t line,
            std::string message) {
  if (!sink) return;
  sink(Diagnostic{Severity::kError, "data/lexicon/" + std::string(file) + ":" +
                                        std::to_string(line),
                  std::move(message)});
}

// Splits "a/b/c".
template <typename Fn>
void ForEachAlternative(std::string_view s, Fn fn) {
  while (!s.empty()) {
    size_t slash = s.find('/');
    std::string_view part = s.substr(0, slash);
    if (!part.empty()) fn(part);
    if (slash == std::string_view::npos) break;
    s.remove_prefix(slash + 1);
  }
}

bool ValidForm(std::string_view s) {
  if (s.empty() || s.size() > 255) return false;
  for (char c : s)
    if (c == ' ' || c == '\t' || (c >= 'A' && c <= 'Z')) return false;
  return true;
}

std::string_view Embedded(std::string_view name) {
  std::optional<std::string_view> data = EmbeddedFile(name);
  return data ? *data : std::string_view();
}

}  // namespace

Lexicon::Lexicon(const DiagnosticSink& sink) {
  arena_.reserve(1 << 20);
  entries_.reserve(1 << 17);
  Rehash(1 << 18);
  std::string_view open = Embedded("lexicon/open_class.tsv");
  if (open.empty() && sink)
    sink(Diagnostic{Severity::kError, "data/lexicon/open_class.tsv", "missing lexicon file"});
  LoadOpenClass(open, sink);
  LoadVerbsExtra(Embedded("lexicon/verbs_extra.txt"), sink);
  LoadIrregularVerbs(Embedded("lexicon/irregular_verbs.tsv"), sink);
  for (const std::string& base : verb_bases_) AddVerb(base, 0, true);
  verb_bases_.clear();
  verb_bases_.shrink_to_fit();
  LoadIrregularNouns(Embedded("lexicon/irregular_nouns.tsv"), sink);
  LoadClosedClass(Embedded("lexicon/closed_class.tsv"), sink);
  LoadAbbreviations(Embedded("lexicon/abbreviations.tsv"), sink);
  for (LexEntry& e : entries_) {
    if (e.verb_forms != 0) e.verb_lemma_word = IdOf(FindInTable(VerbLemma(e)));
    if (e.is_noun) e.noun_lemma_word = IdOf(FindInTable(NounLemma(e)));
    if (e.closed_tag != Tag::kUnknown) e.closed_lemma_word = IdOf(FindInTable(ClosedLemma(e)));
  }
  table_id_ = NewTableId();
}

WordId Lexicon::LemmaIdOf(const LexEntry* e, std::string_view lemma) const {
  if (e == nullptr) return IdOf(Find(lemma));
  const char* p = lemma.data();
  if (lemma.size() == e->key_len && p == arena_.data() + e->key_off) return IdOf(e);
  if (e->verb_forms != 0 && p == arena_.data() + e->verb_lemma_off && lemma.size() == e->verb_lemma_len)
    return e->verb_lemma_word;
  if (e->is_noun && p == arena_.data() + e->noun_lemma_off && lemma.size() == e->noun_lemma_len)
    return e->noun_lemma_word;
  if (e->closed_tag != Tag::kUnknown && p == arena_.data() + e->closed_lemma_off &&
      lemma.size() == e->closed_lemma_len)
    return e->closed_lemma_word;
  return IdOf(Find(lemma));
}

const Lexicon& Lexicon::Default() {
  static const Lexicon* lexicon = [] {
    StderrDiagnostics diagnostics;
    return new Lexicon(diagnostics.sink());
  }();
  return *lexicon;
}

namespace {
using LexiconMemo = WordCache<const LexEntry*, 14>;
LexiconMemo& Memo() {
  thread_local LexiconMemo memo;
  return memo;
}
}  // namespace

const LexEntry* Lexicon::Find(std::string_view form) const {
  return Memo().Lookup(table_id_, form, [this](std::string_view f) { return FindInTable(f); });
}

const LexEntry* Lexicon::FindInTable(std::string_view form) const {
  if (form.empty() || form.size() > 255) return nullptr;
  uint32_t h = HashOf(form);
  for (uint32_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot slot = slots_[i];
    if (slot.index == 0) return nullptr;
    if (slot.hash != h) continue;
    const LexEntry& e = entries_[slot.index - 1];
    if (e.key_len == form.size() && std::string_view(arena_.data() + e.key_off, e.key_len) == form)
      return &e;
  }
}

uint32_t Lexicon::Intern(std::string_view s) {
  uint32_t off = static_cast<uint32_t>(arena_.size());
  arena_.append(s);
  return off;
}

void Lexicon::Rehash(size_t capacity) {
  slots_.assign(capacity, Slot());
  mask_ = static_cast<uint32_t>(capacity - 1);
  for (size_t k = 0; k < entries_.size(); ++k) {
    uint32_t i = entries_[k].hash & mask_;
    while (slots_[i].index != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{entries_[k].hash, static_cast<uint32_t>(k + 1)};
  }
}

LexEntry* Lexicon::Upsert(std::string_view form) {
  uint32_t h = HashOf(form);
  uint32_t i = h & mask_;
  for (;; i = (i + 1) & mask_) {
    const Slot slot = slots_[i];
    if (slot.index == 0) break;
    LexEntry& e = entries_[slot.index - 1];
    if (slot.hash == h && Key(e) == form) return &e;
  }
  LexEntry e;
  e.key_off = Intern(form);
  e.key_len = static_cast<uint8_t>(form.size());
  e.hash = h;
  entries_.push_back(e);
  slots_[i] = Slot{h, static_cast<uint32_t>(entries_.size())};
  if (entries_.size() * 2 > slots_.size()) Rehash(slots_.size() * 2);
  return &entries_.back();
}

void Lexicon::AddVerbForm(std::string_view form, std::string_view lemma, uint8_t forms,
                          uint8_t rank, uint16_t count) {
  if (!ValidForm(form)) return;
  LexEntry* e = Upsert(form);
  e->verb_count = std::max(e->verb_count, count);
  if (rank > e->verb_rank) {
    // A stronger analysis replaces the lemma; its forms replace the weaker ones only
    // when the lemma changes (hoped: hope, not hop).
    if (e->verb_forms == 0 || VerbLemma(*e) != lemma) {
      e->verb_lemma_off = Intern(lemma);
      e->verb_lemma_len = static_cast<uint8_t>(lemma.size());
      if (e->verb_rank == kRankAlternative) e->verb_forms = 0;
    }
    e->verb_rank = rank;
    e->verb_forms |= forms;
  } else if (VerbLemma(*e) == lemma || rank >= kRankSelf) {
    e->verb_forms |= forms;
  }
}

void Lexicon::AddNounForm(std::string_view form, std::string_view lemma, bool plural,
                          uint8_t rank, uint16_t count) {
  if (!ValidForm(form)) return;
  LexEntry* e = Upsert(form);
  e->noun_count = std::max(e->noun_count, count);
  e->is_noun = true;
  if (rank > e->noun_rank) {
    e->noun_lemma_off = Intern(lemma);
    e->noun_lemma_len = static_cast<uint8_t>(lemma.size());
    e->noun_rank = rank;
    e->noun_plural = plural;
  }
}

void Lexicon::AddVerb(std::string_view base, uint16_t count, bool regular_past) {
  std::string b(base);
  {
    LexEntry* e = Upsert(b);
    e->verb_count = std::max(e->verb_count, count);
    count = e->verb_count;
  }
  AddVerbForm(b, b, kVerbBase, kRankSelf);
  // Third person singular.
  std::string s;
  if (b.size() > 1 && b.back() == 'o' && !IsVowel(b[b.size() - 2])) {
    s = b + "es";  // goes, vetoes
  } else {
    s = SibilantPlural(b);
  }
  AddVerbForm(s, b, kVerbThirdSing, kRankRegular, count);
  // -ing and -ed with their spelling rules; where doubling is uncertain both spellings
  // are entered, the likelier one with the higher rank.
  const bool cvc = EndsCvc(b);
  bool drop_e = b.size() > 2 && b.back() == 'e' && !EndsWith(b, "ee") && !EndsWith(b, "ye") &&
                !EndsWith(b, "oe");
  if (EndsWith(b, "ie")) {
    AddVerbForm(b.substr(0, b.size() - 2) + "ying", b, kVerbGerund, kRankRegular, count);
  } else if (drop_e) {
    AddVerbForm(b.substr(0, b.size() - 1) + "ing", b, kVerbGerund, kRankRegular, count);
  } else if (!cvc) {
    AddVerbForm(b + "ing", b, kVerbGerund, kRankRegular, count);
  }
  if (regular_past) {
    if (b.back() == 'e') {
      AddVerbForm(b + "d", b, kVerbPast | kVerbParticiple, kRankRegular, count);
    } else if (b.size() > 1 && b.back() == 'y' && !IsVowel(b[b.size() - 2])) {
      AddVerbForm(b.substr(0, b.size() - 1) + "ied", b, kVerbPast | kVerbParticiple,
                  kRankRegular, count);
    } else if (!cvc) {
      AddVerbForm(b + "ed", b, kVerbPast | kVerbParticiple, kRankRegular, count);
    }
  }
  if (cvc) {
    // stop -> stopped (one syllable doubles); visit -> visited (longer words mostly do
    // not, but refer -> referred and British travelled do): enter both spellings.
    std::string doubled = b + b.back();
    bool mono = VowelGroups(b) == 1;
    uint8_t rank_doubled = mono ? kRankRegular : kRankAlternative;
    uint8_t rank_single = mono ? kRankAlternative : kRankRegular;
    if (regular_past) {
      AddVerbForm(doubled + "ed", b, kVerbPast | kVerbParticiple, rank_doubled, count);
      AddVerbForm(b + "ed", b, kVerbPast | kVerbParticiple, rank_single, count);
    }
    AddVerbForm(doubled + "ing", b, kVerbGerund, rank_doubled, count);
    AddVerbForm(b + "ing", b, kVerbGerund, rank_single, count);
  }
  if (b.back() == 'c') {  // panic -> panicked
    if (regular_past) AddVerbForm(b + "ked", b, kVerbPast | kVerbParticiple, kRankRegular, count);
    AddVerbForm(b + "king", b, kVerbGerund, kRankRegular, count);
  }
}

void Lexicon::AddNoun(std::string_view singular, uint16_t count) {
  LexEntry* e = Upsert(singular);
  e->noun_count = std::max(e->noun_count, count);
  count = e->noun_count;
  AddNounForm(singular, singular, false, kRankSelf);
  AddNounForm(SibilantPlural(singular), singular, true, kRankRegular, count);
}

void Lexicon::LoadOpenClass(std::string_view data, const DiagnosticSink& sink) {
  ForEachRecord(data, [&](size_t line, std::string_view* f, size_t n) {
    if (n != 2 || !ValidForm(f[0])) {
      Report(sink, "open_class.tsv", line, "expected word<TAB>counts");
      return;
    }
    std::string word(f[0]);
    std::string_view items = f[1];
    while (!items.empty()) {
      size_t sp = items.find(' ');
      std::string_view item = items.substr(0, sp);
      items = sp == std::string_view::npos ? std::string_view() : items.substr(sp + 1);
      if (item.size() < 2) {
        Report(sink, "open_class.tsv", line, "bad count item '" + std::string(item) + "'");
        continue;
      }
      long value = 0;
      auto [ptr, ec] = std::from_chars(item.data() + 1, item.data() + item.size(), value);
      if (ec != std::errc() || ptr != item.data() + item.size()) {
        Report(sink, "open_class.tsv", line, "bad count item '" + std::string(item) + "'");
        continue;
      }
      uint16_t count = Saturate(value);
      switch (item[0]) {
        case 'v': {
          LexEntry* e = Upsert(word);
          e->verb_count = std::max(e->verb_count, count);
          verb_bases_.push_back(word);
          break;
        }
        case 'n':
          AddNoun(word, count);
          break;
        case 'a': {
          LexEntry* e = Upsert(word);
          e->is_adj = true;
          e->adj_count = count;
          break;
        }
        case 'r': {
          LexEntry* e = Upsert(word);
          e->is_adv = true;
          e->adv_count = count;
          break;
        }
        default:
          Report(sink, "open_class.tsv", line, "unknown part of speech in '" +
                                                   std::string(item) + "'");
      }
    }
  });
}

void Lexicon::LoadVerbsExtra(std::string_view data, const DiagnosticSink& sink) {
  ForEachRecord(data, [&](size_t line, std::string_view* f, size_t n) {
    if (n != 1 || !ValidForm(f[0])) {
      Report(sink, "verbs_extra.txt", line, "expected one lower-case verb per line");
      return;
    }
    LexEntry* e = Upsert(f[0]);
    e->verb_count = std::max<uint16_t>(e->verb_count, 1);
    verb_bases_.emplace_back(f[0]);
  });
}

void Lexicon::LoadIrregularVerbs(std::string_view data, const DiagnosticSink& sink) {
  std::unordered_set<std::string> irregular;
  ForEachRecord(data, [&](size_t line, std::string_view* f, size_t n) {
    if (n != 3 || !ValidForm(f[0]) || f[1].empty() || f[2].empty()) {
      Report(sink, "irregular_verbs.tsv", line, "expected base<TAB>past<TAB>participle");
      return;
    }
    std::string base(f[0]);
    irregular.insert(base);
    const LexEntry* be = Find(base);
    uint16_t count = be != nullptr ? be->verb_count : 1;
    ForEachAlternative(f[1], [&](std::string_view past) {
      uint8_t forms = kVerbPast;
      ForEachAlternative(f[2], [&](std::string_view part) {
        if (part == past) forms |= kVerbParticiple;
      });
      AddVerbForm(past, base, forms, kRankIrregular, count);
    });
    ForEachAlternative(f[2], [&](std::string_view part) {
      AddVerbForm(part, base, kVerbParticiple, kRankIrregular, count);
    });
    LexEntry* e = Upsert(base);
    e->verb_count = std::max<uint16_t>(e->verb_count, 1);
  });
  // Inflect every verb; irregular ones get only -s and -ing from the rules.
  std::vector<std::string> regular;
  for (std::string& base : verb_bases_) {
    if (irregular.count(base) == 0) regular.push_back(std::move(base));
  }
  for (const std::string& base : irregular) AddVerb(base, 0, false);
  verb_bases_ = std::move(regular);
}

void Lexicon::LoadIrregularNouns(std::string_view data, const DiagnosticSink& sink) {
  ForEachRecord(data, [&](size_t line, std::string_view* f, size_t n) {
    if (n != 2 || !ValidForm(f[0]) || !ValidForm(f[1])) {
      Report(sink, "irregular_nouns.tsv", line, "expected form<TAB>lemma");
      return;
    }
    AddNounForm(f[0], f[1], f[0] != f[1], kRankIrregular);
  });
}

void Lexicon::LoadClosedClass(std::string_view data, const DiagnosticSink& sink) {
  static constexpr std::pair<std::string_view, Tag> kTags[] = {
      {"det", Tag::kDet},     {"pron", Tag::kPron}, {"prep", Tag::kPrep},
      {"conj", Tag::kConj},   {"subord", Tag::kSubord}, {"aux", Tag::kAux},
      {"neg", Tag::kNeg},     {"num", Tag::kNum},   {"adv", Tag::kAdv},
      {"adj", Tag::kAdj}};
  ForEachRecord(data, [&](size_t line, std::string_view* f, size_t n) {
    if (n < 2 || n > 3 || !ValidForm(f[0])) {
      Report(sink, "closed_class.tsv", line, "expected form<TAB>tag[<TAB>lemma]");
      return;
    }
    Tag tag = Tag::kUnknown;
    for (const auto& [name, t] : kTags)
      if (name == f[1]) tag = t;
    if (tag == Tag::kUnknown) {
      Report(sink, "closed_class.tsv", line, "unknown tag '" + std::string(f[1]) + "'");
      return;
    }
    std::string_view lemma = n == 3 ? f[2] : f[0];
    LexEntry* e = Upsert(f[0]);
    if (e->closed_tag != Tag::kUnknown) return;  // the first listing wins
    e->closed_tag = tag;
    e->closed_lemma_off = Intern(lemma);
    e->closed_lemma_len = static_cast<uint8_t>(lemma.size());
  });
}

void Lexicon::LoadAbbreviations(std::string_view data, const DiagnosticSink& sink) {
  static constexpr std::pair<std::string_view, AbbrevClass> kClasses[] = {
      {"title", AbbrevClass::kTitle}, {"number", AbbrevClass::kNumber},
      {"month", AbbrevClass::kName},  {"name", AbbrevClass::kName},
      {"inner", AbbrevClass::kInner}, {"final", AbbrevClass::kFinal}};
  ForEachRecord(data, [&](size_t line, std::string_view* f, size_t n) {
    if (n != 2 || !ValidForm(f[0])) {
      Report(sink, "abbreviations.tsv", line, "expected form<TAB>class");
      return;
    }
    AbbrevClass c = AbbrevClass::kNone;
    for (const auto& [name, k] : kClasses)
      if (name == f[1]) c = k;
    if (c == AbbrevClass::kNone) {
      Report(sink, "abbreviations.tsv", line, "unknown class '" + std::string(f[1]) + "'");
      return;
    }
    Upsert(f[0])->abbrev = c;
  });
}

}  // namespace dyad
