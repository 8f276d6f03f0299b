// Lexicon: every English word form the text stage knows, with what it can be (closed-class
// tag, verb form and lemma, noun lemma, adjective/adverb use, abbreviation class). Built
// once from data/lexicon/ with all regular and irregular inflections expanded, so that
// analysing a token is one hash lookup. Immutable after construction; thread-safe reads.
#ifndef DYAD_TEXT_LEXICON_H_
#define DYAD_TEXT_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "util/diagnostics.h"

namespace dyad {

// How a form relates to its verb lemma. Bit set: "put" is base, past and participle.
enum VerbFormBit : uint8_t {
  kVerbBase = 1 << 0,       // visit
  kVerbThirdSing = 1 << 1,  // visits
  kVerbPast = 1 << 2,       // visited, met
  kVerbParticiple = 1 << 3, // visited, met, given
  kVerbGerund = 1 << 4,     // visiting
};

// Where a sentence may end after an abbreviation written with a final period.
enum class AbbrevClass : uint8_t {
  kNone,
  kTitle,   // Dr. Gen.: never ends a sentence
  kNumber,  // No. Art.: an abbreviation only before a number
  kName,    // U.S. Inc. Jan. Ariz.: ends one only before a sentence-opening word
  kInner,   // e.g. i.e. vs.: never ends a sentence
  kFinal,   // etc. a.m.: ends one before any capitalised word
};

struct LexEntry {
  uint32_t key_off = 0;
  uint32_t hash = 0;
  uint32_t verb_lemma_off = 0;  // valid when verb_forms != 0
  uint32_t noun_lemma_off = 0;  // valid when is_noun
  uint32_t closed_lemma_off = 0;
  uint8_t key_len = 0;
  uint8_t verb_lemma_len = 0;
  uint8_t noun_lemma_len = 0;
  uint8_t closed_lemma_len = 0;
  uint8_t verb_forms = 0;   // VerbFormBit set
  uint8_t verb_rank = 0;    // priority of the verb analysis (internal to the builder)
  uint8_t noun_rank = 0;    // priority of the noun analysis (internal to the builder)
  bool is_noun = false;     // a noun form (singular or plural)
  bool noun_plural = false;
  bool is_adj = false;
  bool is_adv = false;
  Tag closed_tag = Tag::kUnknown;  // kUnknown unless closed-class
  AbbrevClass abbrev = AbbrevClass::kNone;
  // WordNet usage counts of the lemma in each role (saturated at 65535).
  uint16_t verb_count = 0;
  uint16_t noun_count = 0;
  uint16_t adj_count = 0;
  uint16_t adv_count = 0;
  // Word ids (Lexicon::IdOf) of the lemmas above, 0 when a lemma is no entry itself.
  uint32_t verb_lemma_word = 0;
  uint32_t noun_lemma_word = 0;
  uint32_t closed_lemma_word = 0;
};

// A word id: 1 + the index of a form's entry in one Lexicon, 0 for a form it does not
// hold. Later stages index their own per-word tables by it (Token::word), so that a
// token is looked up by its string once, in the text stage.
using WordId = uint32_t;

class Lexicon {
 public:
  // Builds from the embedded data/lexicon/ files; malformed lines are reported to sink.
  explicit Lexicon(const DiagnosticSink& sink = nullptr);
  // Find() hands out pointers into this object and memoises them by its id: no copies.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The shared instance built from the embedded data (built on first use).
  static const Lexicon& Default();

  // Entry for a normalised (lower-case) form, or nullptr. Memoised per thread for
  // short forms (util/word_cache.h): running text repeats a few thousand words.
  const LexEntry* Find(std::string_view form) const;

  std::string_view Key(const LexEntry& e) const { return Str(e.key_off, e.key_len); }
  std::string_view VerbLemma(const LexEntry& e) const {
    return Str(e.verb_lemma_off, e.verb_lemma_len);
  }
  std::string_view NounLemma(const LexEntry& e) const {
    return Str(e.noun_lemma_off, e.noun_lemma_len);
  }
  std::string_view ClosedLemma(const LexEntry& e) const {
    return Str(e.closed_lemma_off, e.closed_lemma_len);
  }
  bool IsVerbBase(std::string_view form) const {
    const LexEntry* e = Find(form);
    return e != nullptr && (e->verb_forms & kVerbBase) != 0;
  }
  size_t size() const { return entries_.size(); }
  // Word ids run from 1 to size(); entry(IdOf(e)) == e.
  WordId IdOf(const LexEntry* e) const {
    return e == nullptr ? 0 : static_cast<WordId>(e - entries_.data()) + 1;
  }
  const LexEntry& entry(WordId id) const { return entries_[id - 1]; }
  // The word id of a lemma that Lemmatize() returned for entry e (0 if not an entry).
  WordId LemmaIdOf(const LexEntry* e, std::string_view lemma) const;

 private:
  std::string_view Str(uint32_t off, uint8_t len) const { return {arena_.data() + off, len}; }
  const LexEntry* FindInTable(std::string_view form) const;
  uint32_t Intern(std::string_view s);
  LexEntry* Upsert(std::string_view form);
  void Rehash(size_t capacity);

  void LoadOpenClass(std::string_view data, const DiagnosticSink& sink);
  void LoadVerbsExtra(std::string_view data, const DiagnosticSink& sink);
  void LoadIrregularVerbs(std::string_view data, const DiagnosticSink& sink);
  void LoadIrregularNouns(std::string_view data, const DiagnosticSink& sink);
  void LoadClosedClass(std::string_view data, const DiagnosticSink& sink);
  void LoadAbbreviations(std::string_view data, const DiagnosticSink& sink);
  void AddVerb(std::string_view base, uint16_t count, bool regular_past);
  void AddVerbForm(std::string_view form, std::string_view lemma, uint8_t forms, uint8_t rank,
                   uint16_t count = 0);
  void AddNoun(std::string_view singular, uint16_t count);
  void AddNounForm(std::string_view form, std::string_view lemma, bool plural, uint8_t rank,
                   uint16_t count = 0);

  std::string arena_;
  std::vector<LexEntry> entries_;
  // Open addressing: the hash beside the entry index, so that probing compares hashes
  // without touching entries (a miss costs one cache line, not three).
  struct Slot {
    uint32_t hash = 0;
    uint32_t index = 0;  // entry index + 1; 0 = empty
  };
  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  std::vector<std::string> verb_bases_;  // bases still to inflect (builder only)
  uint32_t table_id_ = 0;  // for the lookup memo; 0 while building
};

}  // namespace dyad

#endif  // DYAD_TEXT_LEXICON_H_
