#include "actors/name_similarity.h"

#include <algorithm>
#include <array>

#include "text/normalize.h"

namespace dyad {
namespace {

// Articles and filial words that transliterations attach, drop or capitalise at will.
constexpr std::array<std::string_view, 16> kParticles = {
    "al", "el", "ad", "ed", "as", "ash", "at", "ath", "az", "ar", "an", "ud", "ul", "bin", "ibn", "bint"};

bool IsParticle(std::string_view w) {
  return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

bool IsVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsVowelClass(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'U' || c == 'Y'; }

// Letters of a folded word: a-z and the bytes of letters outside Latin script, kept as
// they are so that such names still match themselves.
std::string Letters(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (char c : w) {
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) out += c;
  }
  return out;
}

// The class of one vowel run: Y for "ea" (English spelling, not a transliteration
// variant: "Reagan" is not "Regan"), U for any o/u, else I for any i (y read as a vowel is
// i), else E for any e, else A.
char VowelClass(std::string_view run) {
  if (run == "ea") return 'Y';
  bool i = false, e = false;
  for (char c : run) {
    if (c == 'o' || c == 'u') return 'U';
    if (c == 'i') i = true;
    if (c == 'e') e = true;
  }
  return i ? 'I' : e ? 'E' : 'A';
}

bool VowelClassesAgree(char a, char b) {
  if (a == b) return true;
  auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  return pair('A', 'E') || pair('E', 'I');
}

// Splits a folded name into words at spaces, hyphens after a particle ("al-shaibani")
// and dots ("a.shaibani").
std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '.' || s[i] == ',')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '.' && s[i] != ',') ++i;
    std::string_view w = s.substr(b, i - b);
    // A particle joined by a hyphen is a word of its own.
    size_t dash = w.find('-');
    if (dash != std::string_view::npos && IsParticle(w.substr(0, dash))) {
      out.push_back(w.substr(0, dash));
      w.remove_prefix(dash + 1);
    }
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

std::string KeyOfLetters(const std::string& letters) {
  // Pass 1: consonant digraphs and spelling variants to one symbol each; y to a vowel
  // after a vowel or where no vowel follows ("Rafiyev" -> rafiiev, "Yury" -> yuri).
  std::string s;
  s.reserve(letters.size());
  const size_t n = letters.size();
  for (size_t i = 0; i < n; ++i) {
    char c = letters[i];
    char next = i + 1 < n ? letters[i + 1] : '\0';
    if ((c == 's' || c == 'c') && next == 'h') {
      s += '$';
      ++i;
    } else if (c == 'k' && next == 'h') {
      s += 'x';
      ++i;
    } else if (c == 'p' && next == 'h') {
      s += 'f';
      ++i;
    } else if (c == 'g' && next == 'h') {
      s += 'g';
      ++i;
    } else if (c == 'd' && next == 'j') {
      s += 'j';
      ++i;
    } else if ((c == 'z' || (c == 'd' && next == 'z' && i + 2 < n && letters[i + 2] == 'h')) &&
               (next == 'h' || c == 'd')) {
      // Russian zh and dzh, written j in Turkic and French spellings: "Kassym-Zhomart"
      // and "Kassym-Jomart", "Zhaparov" and "Japarov", "Dzhabarov" and "Jabarov".
      s += 'j';
      i += c == 'd' ? 2 : 1;
    } else if (c == 'c' && next == 'k') {
      s += 'k';
      ++i;
    } else if (c == 'q' || c == 'c') {
      s += 'k';
    } else if (c == 'y') {
      bool after_vowel = !s.empty() && IsVowelLetter(s.back());
      bool before_vowel = IsVowelLetter(next);
      s += after_vowel || !before_vowel ? 'i' : 'y';
    } else {
      s += c;
    }
  }
  // A final h after a vowel is silent ("Zadeh", "Fatemeh").
  if (s.size() >= 2 && s.back() == 'h' && IsVowelLetter(s[s.size() - 2])) s.pop_back();
  // Pass 2: doubled symbols collapse, vowel runs become their class.
  std::string key;
  key.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (IsVowelLetter(s[i])) {
      size_t b = i;
      while (i < s.size() && IsVowelLetter(s[i])) ++i;
      key += VowelClass(std::string_view(s).substr(b, i - b));
      continue;
    }
    if (key.empty() || key.back() != s[i]) key += s[i];
    ++i;
  }
  return key;
}

}  // namespace

std::string NameWordKey(std::string_view word) {
  std::string folded = FoldForMatching(word);
  std::string letters = Letters(folded);
  if (letters.empty() || IsParticle(letters)) return "";
  return KeyOfLetters(letters);
}

std::string NameWordFrame(std::string_view key) {
  std::string frame(key);
  for (char& c : frame) {
    if (IsVowelClass(c)) c = '*';
  }
  return frame;
}

bool NameWordKeysMatch(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    bool va = IsVowelClass(a[i]), vb = IsVowelClass(b[i]);
    if (va != vb) return false;
    if (va ? !VowelClassesAgree(a[i], b[i]) : a[i] != b[i]) return false;
  }
  return true;
}

PersonNameKey ParsePersonName(std::string_view name) {
  PersonNameKey out;
  std::string folded = FoldForMatching(name);
  std::string first_letters;
  for (std::string_view w : SplitWords(folded)) {
    std::string letters = Letters(w);
    if (letters.empty() || IsParticle(letters)) continue;
    if (out.words.empty()) first_letters = letters;
    out.words.push_back(KeyOfLetters(letters));
  }
  out.given_is_initial = out.words.size() > 1 && first_letters.size() == 1;
  if (out.given_is_initial) out.words.front() = first_letters;  // the letter itself
  return out;
}

double NameSimilarity(const PersonNameKey& a, const PersonNameKey& b) {
  if (a.empty() || b.empty()) return 0;
  if (!NameWordKeysMatch(a.family(), b.family())) return 0;
  if (a.words.size() == 1 && b.words.size() == 1) return 1.0;
  if (a.words.size() == 1 || b.words.size() == 1) return 0.6;

  double score = 1.0;
  const std::string& ga = a.words.front();
  const std::string& gb = b.words.front();
  if (a.given_is_initial || b.given_is_initial) {
    // The initial is the letter as written; compare it with the other's first letter
    // before keying (a vowel class stands for a vowel, '$' for s or c, 'x' for k).
    const std::string& initial = a.given_is_initial ? ga : gb;
    const std::string& word = a.given_is_initial ? gb : ga;
    const PersonNameKey& other = a.given_is_initial ? b : a;
    if (!other.given_is_initial) {
      char w = word[0];
      char i = initial[0];
      bool ok = w == i || (IsVowelClass(w) && IsVowelLetter(i)) ||
                (w == '$' && (i == 's' || i == 'c')) || (w == 'x' && i == 'k');
      if (!ok) return 0;
    } else if (ga != gb) {
      return 0;
    }
    score = 0.8;
  } else if (!NameWordKeysMatch(ga, gb)) {
    return 0;
  }

  // Middle names: optional, but two names that both give some must share one.
  const size_t ma = a.words.size() - 2, mb = b.words.size() - 2;
  if (ma > 0 && mb > 0) {
    size_t shared = 0;
    for (size_t i = 1; i + 1 < a.words.size(); ++i) {
      for (size_t j = 1; j + 1 < b.words.size(); ++j) {
        if (NameWordKeysMatch(a.words[i], b.words[j])) {
          ++shared;
          break;
        }
      }
    }
    if (shared == 0) return 0;
    if (shared < std::max(ma, mb)) score = std::min(score, 0.9);
  } else if (ma != mb) {
    score = std::min(score, 0.9);
  }
  return score;
}

double NameSimilarity(std::string_view a, std::string_view b) {
  return NameSimilarity(ParsePersonName(a), ParsePersonName(b));
}

}  // namespace dyad
