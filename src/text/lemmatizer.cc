#include "text/lemmatizer.h"

namespace dyad {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

bool AllLowerAscii(std::string_view w) {
  for (char c : w)
    if (!(c >= 'a' && c <= 'z') && c != '-') return false;
  return true;
}

bool HasVowel(std::string_view w) {
  for (char c : w)
    if (IsVowel(c) || c == 'y') return true;
  return false;
}

// The stem left after -ed or -ing, with the spelling undone: doubled consonants
// single again (stopp -> stop), a dropped e restored where English drops it (rat -> rate
// for "rated" is wrong, so only after endings that cannot end a word: -v, -iz, -bl...).
std::string_view RestoreStem(std::string_view stem, std::string* buf) {
  size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
      stem[n - 1] != 's' && stem[n - 1] != 'f' && stem[n - 1] != 'z') {
    return stem.substr(0, n - 1);
  }
  static constexpr std::string_view kNeedE[] = {"v", "iz", "is", "bl", "dl", "tl", "ur", "ag",
                                                "ug", "dg", "rg", "nc", "rc", "uc", "at",
                                                "uir", "ir"};
  for (std::string_view e : kNeedE) {
    if (EndsWith(stem, e) && !(e == "at" && EndsWith(stem, "eat"))) {
      buf->assign(stem);
      buf->push_back('e');
      return *buf;
    }
  }
  return stem;
}

}  // namespace

std::string_view GuessVerbLemma(std::string_view w, std::string* buf) {
  if (w.size() < 5 || !AllLowerAscii(w)) return w;
  if (EndsWith(w, "ied") && w.size() > 4) {
    buf->assign(w.substr(0, w.size() - 3));
    buf->push_back('y');
    return *buf;
  }
  if (EndsWith(w, "ed")) {
    std::string_view stem = w.substr(0, w.size() - 2);
    if (EndsWith(stem, "e")) return stem;  // agreed -> agree
    if (HasVowel(stem)) return RestoreStem(stem, buf);
    return w;
  }
  if (EndsWith(w, "ing")) {
    std::string_view stem = w.substr(0, w.size() - 3);
    if (stem.size() >= 2 && HasVowel(stem)) {
      if (EndsWith(stem, "y") && stem.size() == 2) {  // dying -> die
        buf->assign(stem.substr(0, 1));
        buf->append("ie");
        return *buf;
      }
      return RestoreStem(stem, buf);
    }
    return w;
  }
  if (EndsWith(w, "s")) return GuessNounLemma(w, buf);
  return w;
}

std::string_view GuessNounLemma(std::string_view w, std::string* buf) {
  if (w.size() < 4 || !AllLowerAscii(w) || !EndsWith(w, "s")) return w;
  if (EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is") || EndsWith(w, "'s"))
    return w;
  if (EndsWith(w, "ies") && w.size() > 4) {
    buf->assign(w.substr(0, w.size() - 3));
    buf->push_back('y');
    return *buf;
  }
  if (EndsWith(w, "sses") || EndsWith(w, "shes") || EndsWith(w, "ches") || EndsWith(w, "xes") ||
      EndsWith(w, "zes"))
    return w.substr(0, w.size() - 2);
  return w.substr(0, w.size() - 1);
}

std::string_view Lemmatize(const Lexicon& lexicon, std::string_view norm, const LexEntry* e,
                           Tag tag, std::string* buf) {
  if (e != nullptr && e->closed_tag != Tag::kUnknown && tag != Tag::kVerb &&
      tag != Tag::kNoun && tag != Tag::kProper) {
    return lexicon.ClosedLemma(*e);
  }
  switch (tag) {
    case Tag::kVerb:
    case Tag::kAux:
      if (e != nullptr && e->verb_forms != 0) return lexicon.VerbLemma(*e);
      if (e != nullptr && e->closed_tag != Tag::kUnknown) return lexicon.ClosedLemma(*e);
      return GuessVerbLemma(norm, buf);
    case Tag::kNoun:
      if (e != nullptr && e->is_noun && !((e->verb_forms & kVerbGerund) && !e->noun_plural &&
                                          lexicon.NounLemma(*e) == norm && e->noun_count == 0))
        return lexicon.NounLemma(*e);
      if (e != nullptr && (e->verb_forms & kVerbGerund)) return lexicon.VerbLemma(*e);
      if (e != nullptr && e->is_noun) return lexicon.NounLemma(*e);
      if (e != nullptr) return norm;  // a known word that is not a noun form
      return GuessNounLemma(norm, buf);
    default:
      return norm;
  }
}

std::string LemmaOf(const Lexicon& lexicon, std::string_view norm, Tag tag) {
  std::string buf;
  return std::string(Lemmatize(lexicon, norm, lexicon.Find(norm), tag, &buf));
}

}  // namespace dyad
