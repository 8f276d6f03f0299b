// WordClasses: the few closed word lists the actor stage needs beyond the text stage's
// tags: determiners, locative prepositions, pronouns by gender and number, verbs of saying,
// name particles and words that never start a name. Looked up by Token::norm.
#ifndef DYAD_ACTORS_WORD_CLASSES_H_
#define DYAD_ACTORS_WORD_CLASSES_H_

#include <cstdint>
#include <string_view>

namespace dyad {

enum WordClass : uint32_t {
  kWordDeterminer = 1u << 0,     // the, a, an, this, these ...
  kWordLocative = 1u << 1,       // in, at, near, from ...: a capital after these is a place
  kWordPronounMale = 1u << 2,    // he, him, his
  kWordPronounFemale = 1u << 3,  // she, her, hers
  kWordPronounPlural = 1u << 4,  // they, them, their, theirs
  kWordPronounNeuter = 1u << 5,  // its
  kWordSay = 1u << 6,            // said, told, added, noted ...
  kWordNameParticle = 1u << 7,   // bin, ibn, al, abu, de, van ...
  kWordNotName = 1u << 8,        // function words, months, days: never part of a name
  kWordDefinite = 1u << 9,       // the
  kWordAffiliation = 1u << 10,   // at, with, for: "an analyst at the X Center"
  kWordGivenName = 1u << 11,     // very common given names that mark a person
  kWordFemale = 1u << 12,        // Mrs, Ms, Madam, Queen, spokeswoman ...
  kWordMale = 1u << 13,          // Mr, King, spokesman ...
  kWordInstitution = 1u << 14,   // department, agency, council, university ...: a name
                                 // with one of these names a body, not a person
};

// Bitwise OR of the classes of a normalised word, 0 when none.
uint32_t ClassifyWord(std::string_view norm);

constexpr uint32_t kWordPronoun =
    kWordPronounMale | kWordPronounFemale | kWordPronounPlural | kWordPronounNeuter;

// True for surname shapes typical of the regions the news covers: Arabic "al-"/"el-"
// prefixes, Turkic/Slavic/Persian/Georgian/Armenian suffixes (-ov, -yev, -zade, -oglu,
// -enko, -shvili, -yan ...). Takes Token::norm.
bool HasNameMorphology(std::string_view norm);

// True for "al-shaibani", "el-sisi", "abu-..." style tokens (an Arabic article joined with
// a hyphen). Takes Token::norm.
bool HasArabicPrefix(std::string_view norm);

}  // namespace dyad

#endif  // DYAD_ACTORS_WORD_CLASSES_H_
