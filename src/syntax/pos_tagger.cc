#include "syntax/pos_tagger.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <mutex>

#include "syntax/binary_io.h"
#include "syntax/embedded_models.h"
#include "syntax/frozen_perceptron.h"
#include "text/lemmatizer.h"
#include "text/normalize.h"

namespace dyad {
namespace {

using binary_io::Get;
using binary_io::Put;

constexpr char kMagic[4] = {'D', 'Y', 'T', 'G'};
// Bump when the features change: a model trained on other features would load and
// score nonsense.
constexpr uint32_t kVersion = 3;

enum WordFlag : uint32_t {
  kWordCap = 1 << 0,       // first character an upper-case letter
  kWordAllCaps = 1 << 1,   // two or more letters, all upper case
  kWordDigit = 1 << 2,     // a digit somewhere
  kWordHyphen = 1 << 3,    // a '-' after the first character
  kWordPeriod = 1 << 4,    // a '.' somewhere
  kWordFirst = 1 << 5,     // first word of the sentence
  kWordLast = 1 << 6,      // last word of the sentence
  kWordNonAscii = 1 << 7,  // a byte >= 0x80
  kWordQuote = 1 << 8,     // the normal form is '"' (or `` '')
  kWordInQuotes = 1 << 9,  // after an odd number of quote words
  // How the sentence is capitalised (web text is often all lower case, headlines title
  // case): two bits, the same on every word.
  kCaseShift = 10,
  kCaseMask = 3 << kCaseShift,
};
enum SentenceCase : uint32_t { kCaseNormal, kCaseLower, kCaseTitle, kCaseUpper };

// Feature templates: the first argument of FeatureHash.
enum Template : uint32_t {
  kBias,
  kWord,
  kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kPrefix1, kPrefix2, kPrefix3, kPrefix4,
  kShape,
  kShortShape,
  kFlags,
  kLex,
  kPrevWord, kPrev2Word, kNextWord, kNext2Word,
  kPrevSuffix, kPrev2Suffix, kNextSuffix, kNext2Suffix,
  kTag1, kTag2, kTag12, kTag1Word, kTag1Suffix, kTag1Lex, kTag1NextWord,
  kPrevWordWord, kWordNextWord,
  kPrevLex, kNextLex, kLexSuffix,
  kShapeContext,
  kFirstWord,
  kQuote,
  kSentenceCase,
  kSentenceCaseLex,
  kNextHint, kNext2Hint, kTag1NextHint, kPrevHintNextHint,
  kLastPart, kLastPartClass,
};

// Hash of the k-th Unicode character boundaries of s: prefix or suffix of k characters
// (a character is a lead byte and its continuation bytes).
std::string_view PrefixChars(std::string_view s, size_t k) {
  size_t i = 0;
  for (size_t c = 0; c < k && i < s.size(); ++c) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}

std::string_view SuffixChars(std::string_view s, size_t k) {
  size_t i = s.size();
  for (size_t c = 0; c < k && i > 0; ++c) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return s.substr(i);
}

// Shapes of a raw form: letters X/x, digits d, other characters as themselves, any
// non-ASCII character u. The long shape cuts runs at four, the short one at one; both
// stop at 20 characters.
void Shapes(std::string_view form, uint64_t* shape, uint64_t* short_shape) {
  char lng[24];
  char shrt[24];
  size_t nl = 0;
  size_t ns = 0;
  char last = 0;
  size_t run = 0;
  for (size_t i = 0; i < form.size() && nl < 20; ++i) {
    auto b = static_cast<unsigned char>(form[i]);
    char c;
    if (b >= 'A' && b <= 'Z') {
      c = 'X';
    } else if (b >= 'a' && b <= 'z') {
      c = 'x';
    } else if (b >= '0' && b <= '9') {
      c = 'd';
    } else if (b >= 0x80) {
      if ((b & 0xC0) == 0x80) continue;  // continuation byte
      c = 'u';
    } else {
      c = static_cast<char>(b);
    }
    run = c == last ? run + 1 : 1;
    last = c;
    if (run <= 4) lng[nl++] = c;
    if (run == 1) shrt[ns++] = c;
  }
  *shape = StringHash(std::string_view(lng, nl));
  *short_shape = StringHash(std::string_view(shrt, ns)) ^ 0x5bd1e995ULL;
}

uint32_t WordFlags(std::string_view form) {
  uint32_t f = 0;
  size_t upper = 0;
  size_t lower = 0;
  for (size_t i = 0; i < form.size(); ++i) {
    auto b = static_cast<unsigned char>(form[i]);
    if (b >= 'A' && b <= 'Z') {
      ++upper;
      if (i == 0) f |= kWordCap;
    } else if (b >= 'a' && b <= 'z') {
      ++lower;
    } else if (b >= '0' && b <= '9') {
      f |= kWordDigit;
    } else if (b == '-' && i > 0) {
      f |= kWordHyphen;
    } else if (b == '.') {
      f |= kWordPeriod;
    } else if (b >= 0x80) {
      f |= kWordNonAscii;
    }
  }
  if (upper >= 2 && lower == 0) f |= kWordAllCaps;
  return f;
}

// What the lexicon says a form can be, as one small number (0: not in the lexicon).
uint32_t LexClass(const LexEntry* e) {
  if (e == nullptr) return 0;
  uint32_t c = 1;
  c |= static_cast<uint32_t>(e->verb_forms) << 1;                  // 5 bits
  c |= static_cast<uint32_t>(e->is_noun) << 6;
  c |= static_cast<uint32_t>(e->noun_plural) << 7;
  c |= static_cast<uint32_t>(e->is_adj) << 8;
  c |= static_cast<uint32_t>(e->is_adv) << 9;
  c |= static_cast<uint32_t>(e->closed_tag) << 10;                 // 4 bits
  c |= static_cast<uint32_t>(e->abbrev != AbbrevClass::kNone) << 14;
  // Which open-class use WordNet counts most (ties: none).
  uint16_t counts[4] = {e->noun_count, e->verb_count, e->adj_count, e->adv_count};
  int best = -1;
  uint16_t top = 0;
  for (int k = 0; k < 4; ++k) {
    if (counts[k] > top) {
      top = counts[k];
      best = k;
    } else if (counts[k] == top && top > 0) {
      best = -1;
    }
  }
  c |= static_cast<uint32_t>(best + 1) << 15;  // 3 bits
  return c;
}

// Padding beyond the sentence's ends.
const TaggerWordInfo& Padding(bool before) {
  static const TaggerWordInfo kBefore = [] {
    TaggerWordInfo w;
    w.lower = StringHash("<s>");
    for (auto& s : w.suffix) s = w.lower;
    w.short_shape = w.lower;
    w.lex_class = 1u << 20;
    return w;
  }();
  static const TaggerWordInfo kAfter = [] {
    TaggerWordInfo w;
    w.lower = StringHash("</s>");
    for (auto& s : w.suffix) s = w.lower;
    w.short_shape = w.lower;
    w.lex_class = 1u << 21;
    return w;
  }();
  return before ? kBefore : kAfter;
}

uint64_t TagValue(int cls) { return cls < 0 ? 0xFFFF : static_cast<uint64_t>(cls); }

}  // namespace

Tag ProjectTag(UPos upos, std::string_view xpos, const LexEntry* entry) {
  bool negation = entry != nullptr && entry->closed_tag == Tag::kNeg;
  switch (upos) {
    case UPos::NOUN: return Tag::kNoun;
    case UPos::PROPN: return Tag::kProper;
    case UPos::VERB: return Tag::kVerb;
    case UPos::AUX: return Tag::kAux;
    case UPos::ADJ: return Tag::kAdj;
    case UPos::NUM: return Tag::kNum;
    case UPos::PUNCT: return Tag::kPunct;
    case UPos::SYM: return Tag::kSymbol;
    case UPos::CCONJ: return Tag::kConj;
    case UPos::SCONJ: return Tag::kSubord;
    case UPos::ADP: return Tag::kPrep;
    default: break;
  }
  if (negation) return Tag::kNeg;
  // Wh-words introduce clauses (the project's kSubord); possessive pronouns and the
  // possessive "'s" are determiners there ("its", "their"; text/tagger.cc).
  if (xpos == "WDT" || xpos == "WP" || xpos == "WP$" || xpos == "WRB") return Tag::kSubord;
  if (xpos == "PRP$" || xpos == "POS") return Tag::kDet;
  switch (upos) {
    case UPos::ADV: return Tag::kAdv;
    case UPos::DET: return Tag::kDet;
    case UPos::PRON: return Tag::kPron;
    case UPos::PART: return xpos == "TO" ? Tag::kPrep : Tag::kUnknown;
    default: return Tag::kUnknown;
  }
}

PosTagger::PosTagger(std::vector<std::string> class_names,
                     const std::vector<std::pair<uint64_t, uint16_t>>& dictionary,
                     const PerceptronModel& model, const Lexicon& lexicon)
    : lexicon_(&lexicon) {
  SetClasses(std::move(class_names));
  // Key order, so that the table does not depend on the input's order.
  std::map<uint64_t, WordSlot> merged;
  for (const auto& [key, value] : dictionary) {
    if (key == 0 || (value & ~kDictSure) >= classes_.size()) continue;
    merged[key] = WordSlot{key, value, 0, 0};
  }
  size_t slots = 16;
  while (slots * 7 < merged.size() * 10) slots *= 2;  // load factor at most 0.7
  word_storage_.assign(slots, WordSlot{0, kNoDict, 0, 0});
  for (const auto& [key, slot] : merged) {
    size_t i = key & (slots - 1);
    while (word_storage_[i].key != 0) i = (i + 1) & (slots - 1);
    word_storage_[i] = slot;
    ++dict_size_;
  }
  word_slots_ = word_storage_.data();
  word_mask_ = slots - 1;
  // Fails only beyond 255 classes (TrainPosTagger keeps fewer); the weights then stay
  // empty and every word gets class 0.
  std::optional<FrozenPerceptron> frozen = FrozenPerceptron::Freeze(model, nullptr);
  if (frozen) weights_ = std::move(*frozen);
}

void PosTagger::SetClasses(std::vector<std::string> class_names) {
  for (std::string& name : class_names) {
    Class c;
    size_t bar = name.find('|');
    c.upos = UPosFromName(std::string_view(name).substr(0, bar));
    c.xpos_begin = bar == std::string::npos ? name.size() : bar + 1;
    c.name = std::move(name);
    classes_.push_back(std::move(c));
  }
}

const PosTagger::WordSlot* PosTagger::FindWord(uint64_t key) const {
  if (word_slots_ == nullptr) return nullptr;
  for (size_t i = key & word_mask_;; i = (i + 1) & word_mask_) {
    if (word_slots_[i].key == key) return &word_slots_[i];
    if (word_slots_[i].key == 0) return nullptr;
  }
}

void PosTagger::Serialize(std::string* out) const {
  out->append(kMagic, sizeof kMagic);
  Put(out, kVersion);
  Put(out, static_cast<uint32_t>(classes_.size()));
  for (const Class& c : classes_) {
    Put(out, static_cast<uint8_t>(c.name.size()));
    out->append(c.name);
  }
  while (out->size() % 8 != 0) out->push_back('\0');
  Put(out, static_cast<uint32_t>(word_slots_ == nullptr ? 0 : word_mask_ + 1));
  Put(out, static_cast<uint32_t>(0));
  if (word_slots_ != nullptr) {
    out->append(reinterpret_cast<const char*>(word_slots_), (word_mask_ + 1) * sizeof(WordSlot));
  }
  weights_.Serialize(out);
}

std::optional<PosTagger> PosTagger::Parse(std::string_view bytes, const Lexicon& lexicon,
                                          std::string* error) {
  auto fail = [&](std::string why) -> std::optional<PosTagger> {
    if (error != nullptr) *error = std::move(why);
    return std::nullopt;
  };
  // The tables are used in place and need 8-byte alignment (the embedded model has it;
  // other buffers are copied once).
  std::vector<uint64_t> copy;
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0) {
    copy.resize(bytes.size() / 8 + 1);
    std::memcpy(copy.data(), bytes.data(), bytes.size());
    bytes = std::string_view(reinterpret_cast<const char*>(copy.data()), bytes.size());
  }
  const char* base = bytes.data();
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return fail("not a dyad tagger model (bad magic)");
  bytes.remove_prefix(sizeof kMagic);
  uint32_t version = 0;
  uint32_t num_classes = 0;
  if (!Get(&bytes, &version) || !Get(&bytes, &num_classes))
    return fail("truncated tagger model header");
  if (version != kVersion)
    return fail("tagger model version " + std::to_string(version) + ", this build reads " +
                std::to_string(kVersion) + ": retrain it (data/models/README.md)");
  if (num_classes == 0 || num_classes > 255) return fail("corrupt tagger model header");
  std::vector<std::string> names;
  for (uint32_t c = 0; c < num_classes; ++c) {
    uint8_t len = 0;
    if (!Get(&bytes, &len) || bytes.size() < len) return fail("truncated tagger class names");
    names.emplace_back(bytes.substr(0, len));
    bytes.remove_prefix(len);
  }
  size_t pad = (8 - static_cast<size_t>(bytes.data() - base) % 8) % 8;
  uint32_t word_slots = 0;
  uint32_t reserved = 0;
  if (bytes.size() < pad) return fail("truncated tagger word table");
  bytes.remove_prefix(pad);
  if (!Get(&bytes, &word_slots) || !Get(&bytes, &reserved))
    return fail("truncated tagger word table");
  if (word_slots < 16 || (word_slots & (word_slots - 1)) != 0)
    return fail("corrupt tagger word table");
  if (bytes.size() / sizeof(WordSlot) < word_slots) return fail("truncated tagger word table");
  PosTagger t;
  t.lexicon_ = &lexicon;
  t.SetClasses(std::move(names));
  t.word_slots_ = reinterpret_cast<const WordSlot*>(bytes.data());
  t.word_mask_ = word_slots - 1;
  bytes.remove_prefix(size_t{word_slots} * sizeof(WordSlot));
  size_t empty = 0;
  for (size_t i = 0; i < word_slots; ++i) {
    const WordSlot& w = t.word_slots_[i];
    if (w.key == 0) {
      ++empty;
      continue;
    }
    if (w.dict != kNoDict && (w.dict & ~kDictSure) >= num_classes)
      return fail("corrupt tagger word table");
    t.dict_size_ += w.dict != kNoDict;
  }
  if (empty == 0) return fail("corrupt tagger word table");  // a probe must end
  std::string weights_error;
  std::optional<FrozenPerceptron> weights = FrozenPerceptron::View(base, &bytes, &weights_error);
  if (!weights) return fail("tagger weights: " + weights_error);
  if (weights->num_classes() != static_cast<int>(num_classes))
    return fail("tagger weights do not match its classes");
  if (!bytes.empty()) return fail("trailing bytes after the tagger weights");
  t.weights_ = std::move(*weights);
  t.owned_ = std::move(copy);  // the vector's buffer, and so the views, do not move
  return t;
}

namespace {

struct DefaultTagger {
  std::optional<PosTagger> tagger;
  std::string error;
};

const DefaultTagger& LoadDefault() {
  static const DefaultTagger d = [] {
    DefaultTagger t;
    std::optional<std::string_view> bytes = EmbeddedModel("tagger.model");
    if (!bytes) {
      t.error =
          "no part-of-speech model: this binary was built without data/models/tagger.model "
          "(see data/models/README.md to train it)";
      return t;
    }
    std::string error;
    t.tagger = PosTagger::Parse(*bytes, Lexicon::Default(), &error);
    if (!t.tagger) t.error = "data/models/tagger.model: " + error;
    return t;
  }();
  return d;
}

}  // namespace

const PosTagger* PosTagger::Default() {
  const DefaultTagger& d = LoadDefault();
  return d.tagger ? &*d.tagger : nullptr;
}

std::string_view PosTagger::DefaultError() { return LoadDefault().error; }

const TaggerWordInfo* PosTagger::Prepare(const std::string_view* forms, size_t n,
                                         Workspace* ws) const {
  // Normal forms first, back to back in one buffer (views are taken once it is full).
  ws->chars_.clear();
  if (ws->words_.size() < n) ws->words_.resize(n);
  if (ws->ends_.size() < n) ws->ends_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    NormalizeToken(forms[i], &ws->norm_buf_);
    ws->chars_.append(ws->norm_buf_);
    ws->ends_[i] = ws->chars_.size();
  }
  TaggerWordInfo* words = ws->words_.data();
  size_t begin = 0;
  bool in_quotes = false;
  for (size_t i = 0; i < n; ++i) {
    TaggerWordInfo& w = words[i];
    size_t end = ws->ends_[i];
    std::string_view norm(ws->chars_.data() + begin, end - begin);
    begin = end;
    w.norm = norm;
    w.lower = StringHash(norm);
    for (size_t k = 0; k < 4; ++k) {
      w.prefix[k] = StringHash(PrefixChars(norm, k + 1)) + k;
      w.suffix[k] = StringHash(SuffixChars(norm, k + 1)) + 4 + k;
    }
    Shapes(forms[i], &w.shape, &w.short_shape);
    w.flags = WordFlags(forms[i]);
    if (i == 0) w.flags |= kWordFirst;
    if (i + 1 == n) w.flags |= kWordLast;
    if (norm == "\"" || norm == "``" || norm == "''") {
      w.flags |= kWordQuote;
      if (in_quotes) w.flags |= kWordInQuotes;
      in_quotes = !in_quotes;
    } else if (in_quotes) {
      w.flags |= kWordInQuotes;
    }
    w.entry = norm.empty() ? nullptr : lexicon_->Find(norm);
    w.lex_class = LexClass(w.entry);
    w.last_part = 0;
    w.last_part_class = 0;
    if (size_t hyphen = norm.rfind('-'); hyphen != std::string_view::npos && hyphen > 0 &&
                                          hyphen + 1 < norm.size()) {
      std::string_view part = norm.substr(hyphen + 1);
      w.last_part = StringHash(part);
      w.last_part_class = LexClass(lexicon_->Find(part));
    }
    const WordSlot* known = FindWord(w.lower);
    int d = known == nullptr || known->dict == kNoDict ? -1 : known->dict;
    w.hint_class = d < 0 ? -1 : d & ~kDictSure;
    w.dict_class = d >= 0 && (d & kDictSure) != 0 ? w.hint_class : -1;
  }
  size_t alpha = 0;
  size_t caps = 0;
  size_t all_caps = 0;
  for (size_t i = 0; i < n; ++i) {
    auto b = forms[i].empty() ? 0 : static_cast<unsigned char>(forms[i][0]);
    if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) continue;
    ++alpha;
    caps += (words[i].flags & kWordCap) != 0;
    all_caps += (words[i].flags & kWordAllCaps) != 0;
  }
  uint32_t sentence_case = kCaseNormal;
  if (alpha >= 3 && caps == 0) {
    sentence_case = kCaseLower;
  } else if (alpha >= 3 && all_caps * 5 >= alpha * 3) {
    sentence_case = kCaseUpper;
  } else if (alpha >= 3 && caps * 5 >= alpha * 3) {
    sentence_case = kCaseTitle;
  }
  for (size_t i = 0; i < n; ++i) words[i].flags |= sentence_case << kCaseShift;
  return words;
}

size_t PosTagger::Features(const TaggerWordInfo* words, size_t n, size_t i, int prev1,
                           int prev2, uint64_t* out) {
  const TaggerWordInfo& w = words[i];
  const TaggerWordInfo& p1 = i >= 1 ? words[i - 1] : Padding(true);
  const TaggerWordInfo& p2 = i >= 2 ? words[i - 2] : Padding(true);
  const TaggerWordInfo& n1 = i + 1 < n ? words[i + 1] : Padding(false);
  const TaggerWordInfo& n2 = i + 2 < n ? words[i + 2] : Padding(false);
  uint64_t t1 = TagValue(prev1);
  uint64_t t2 = TagValue(prev2);
  size_t k = 0;
  out[k++] = FeatureHash(kBias, 0);
  out[k++] = FeatureHash(kWord, w.lower);
  for (uint32_t s = 0; s < 4; ++s) {
    out[k++] = FeatureHash(kSuffix1 + s, w.suffix[s]);
    out[k++] = FeatureHash(kPrefix1 + s, w.prefix[s]);
  }
  out[k++] = FeatureHash(kShape, w.shape);
  out[k++] = FeatureHash(kShortShape, w.short_shape);
  out[k++] = FeatureHash(kFlags, w.flags & ~(kWordQuote | kWordInQuotes | kCaseMask));
  out[k++] = FeatureHash(kLex, w.lex_class);
  out[k++] = FeatureHash(kPrevWord, p1.lower);
  out[k++] = FeatureHash(kPrev2Word, p2.lower);
  out[k++] = FeatureHash(kNextWord, n1.lower);
  out[k++] = FeatureHash(kNext2Word, n2.lower);
  out[k++] = FeatureHash(kPrevSuffix, p1.suffix[2]);
  out[k++] = FeatureHash(kPrev2Suffix, p2.suffix[2]);
  out[k++] = FeatureHash(kNextSuffix, n1.suffix[2]);
  out[k++] = FeatureHash(kNext2Suffix, n2.suffix[2]);
  out[k++] = FeatureHash(kTag1, t1);
  out[k++] = FeatureHash(kTag2, t2);
  out[k++] = FeatureHash(kTag12, t1, t2);
  out[k++] = FeatureHash(kTag1Word, t1, w.lower);
  out[k++] = FeatureHash(kTag1Suffix, t1, w.suffix[2]);
  out[k++] = FeatureHash(kTag1Lex, t1, w.lex_class);
  out[k++] = FeatureHash(kTag1NextWord, t1, n1.lower);
  out[k++] = FeatureHash(kPrevWordWord, p1.lower, w.lower);
  out[k++] = FeatureHash(kWordNextWord, w.lower, n1.lower);
  out[k++] = FeatureHash(kPrevLex, p1.lex_class, w.lex_class);
  out[k++] = FeatureHash(kNextLex, w.lex_class, n1.lex_class);
  out[k++] = FeatureHash(kLexSuffix, w.lex_class, w.suffix[2]);
  out[k++] = FeatureHash(kShapeContext, p1.short_shape, w.short_shape, n1.short_shape);
  out[k++] = FeatureHash(kFirstWord, w.flags & (kWordFirst | kWordCap), w.lower);
  out[k++] = FeatureHash(kNextHint, TagValue(n1.hint_class));
  out[k++] = FeatureHash(kNext2Hint, TagValue(n1.hint_class), TagValue(n2.hint_class));
  out[k++] = FeatureHash(kTag1NextHint, t1, TagValue(n1.hint_class));
  uint32_t cap = w.flags & (kWordCap | kWordAllCaps | kWordFirst);
  out[k++] = FeatureHash(kSentenceCase, w.flags & kCaseMask, cap);
  out[k++] = FeatureHash(kSentenceCaseLex, w.flags & kCaseMask, cap, w.lex_class);
  if (w.last_part != 0) {
    out[k++] = FeatureHash(kLastPart, w.last_part);
    out[k++] = FeatureHash(kLastPartClass, w.last_part_class);
  }
  if (w.flags & kWordQuote) out[k++] = FeatureHash(kQuote, (w.flags & kWordInQuotes) != 0);
  return k;
}

void PosTagger::TagClasses(const std::string_view* forms, size_t n, int* cls,
                           Workspace* ws) const {
  if (n == 0) return;
  const TaggerWordInfo* words = Prepare(forms, n, ws);
  if (ws->scores_.size() < classes_.size()) ws->scores_.resize(classes_.size());
  uint64_t features[kMaxFeatures];
  int prev1 = -1;
  int prev2 = -1;
  for (size_t i = 0; i < n; ++i) {
    int c = words[i].dict_class;
    if (c < 0) {
      size_t nf = Features(words, n, i, prev1, prev2, features);
      c = weights_.Best(features, nf, ws->scores_.data());
    }
    cls[i] = c;
    prev2 = prev1;
    prev1 = c;
  }
}

void PosTagger::Tag(const std::string_view* forms, size_t n, TaggedWord* out,
                    Workspace* ws) const {
  if (n == 0) return;
  if (ws->classes_.size() < n) ws->classes_.resize(n);
  int* cls = ws->classes_.data();
  TagClasses(forms, n, cls, ws);
  const TaggerWordInfo* words = ws->words_.data();
  for (size_t i = 0; i < n; ++i) {
    const Class& c = classes_[cls[i]];
    out[i].upos = c.upos;
    out[i].xpos = std::string_view(c.name).substr(c.xpos_begin);
    out[i].tag = ProjectTag(c.upos, out[i].xpos, words[i].entry);
  }
  Lemmatize(n, out, ws);
}

void PosTagger::Tag(const Document& doc, const Sentence& sentence, TaggedWord* out,
                    Workspace* ws) const {
  ws->forms_.clear();
  for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t)
    ws->forms_.push_back(doc.TokenText(doc.tokens[t]));
  std::vector<std::string_view>& forms = ws->forms_;
  Tag(forms.data(), forms.size(), out, ws);
}

namespace {

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

// The base of a comparative or superlative adjective or adverb ("bigger" -> "big",
// "happiest" -> "happy", "better" -> "good"), which the lexicon's lemmatizer leaves alone
// (it lemmatizes verbs and nouns); the form itself when no base is known.
std::string_view DegreeLemma(const Lexicon& lexicon, std::string_view w, bool adverb,
                             std::string* buf) {
  if (w == "better" || w == "best") return adverb ? "well" : "good";
  if (w == "worse" || w == "worst") return "bad";
  if (w == "further" || w == "furthest" || w == "farther" || w == "farthest") return "far";
  size_t cut = EndsWith(w, "est") ? 3 : EndsWith(w, "er") ? 2 : 0;
  if (cut == 0 || w.size() < cut + 2) return w;
  std::string_view stem = w.substr(0, w.size() - cut);
  auto known = [&](std::string_view base) {
    const LexEntry* e = lexicon.Find(base);
    return e != nullptr && (e->is_adj || e->is_adv);
  };
  if (stem.back() == 'i') {  // happier -> happy
    buf->assign(stem.substr(0, stem.size() - 1));
    buf->push_back('y');
    if (known(*buf)) return *buf;
  }
  if (known(stem)) return stem;  // older -> old
  buf->assign(stem);
  buf->push_back('e');
  if (known(*buf)) return *buf;  // later -> late
  size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && known(stem.substr(0, n - 1)))
    return stem.substr(0, n - 1);  // bigger -> big
  return w;
}

}  // namespace

void PosTagger::Lemmatize(size_t n, TaggedWord* out, Workspace* ws) const {
  if (ws->lemma_bufs_.size() < n) ws->lemma_bufs_.resize(n);
  const TaggerWordInfo* words = ws->words_.data();
  for (size_t i = 0; i < n; ++i) {
    std::string_view norm = words[i].norm;
    std::string_view xpos = out[i].xpos;
    if (xpos == "JJR" || xpos == "JJS" || xpos == "RBR" || xpos == "RBS") {
      out[i].lemma = DegreeLemma(*lexicon_, norm, xpos[0] == 'R', &ws->lemma_bufs_[i]);
      continue;
    }
    if (norm == "'s" && (out[i].tag == Tag::kAux || out[i].tag == Tag::kVerb)) {
      // "is", or "has" before a participle of its own ("'s been", "'s got").
      size_t j = i + 1;
      while (j < n && out[j].xpos == "RB") ++j;
      std::string_view next = j < n ? words[j].norm : std::string_view();
      bool has = next == "been" || next == "got" || next == "gotten" || next == "had";
      out[i].lemma = has ? "have" : "be";
      continue;
    }
    out[i].lemma = dyad::Lemmatize(*lexicon_, norm, words[i].entry, out[i].tag,
                                   &ws->lemma_bufs_[i]);
  }
}

}  // namespace dyad
