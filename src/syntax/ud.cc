#include "syntax/ud.h"

#include <array>

namespace dyad {
namespace {

constexpr std::array<std::string_view, kNumUPos> kUPosNames = {
    "_",    "ADJ",   "ADP",  "ADV",  "AUX",  "CCONJ", "DET",   "INTJ", "NOUN",
    "NUM",  "PART",  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

constexpr std::array<std::string_view, kNumDeprel> kDeprelNames = {
    "_",          "acl",          "acl:relcl",  "advcl",       "advcl:relcl",   "advmod",
    "amod",       "appos",        "aux",        "aux:pass",    "case",          "cc",
    "cc:preconj", "ccomp",        "clf",        "compound",    "compound:prt",  "conj",
    "cop",        "csubj",        "csubj:outer", "csubj:pass", "dep",           "det",
    "det:predet", "discourse",    "dislocated", "expl",        "fixed",         "flat",
    "goeswith",   "iobj",         "list",       "mark",        "nmod",          "nmod:desc",
    "nmod:poss",  "nmod:unmarked", "nsubj",     "nsubj:outer", "nsubj:pass",    "nummod",
    "obj",        "obl",          "obl:agent",  "obl:unmarked", "orphan",       "parataxis",
    "punct",      "reparandum",   "root",       "vocative",    "xcomp"};

}  // namespace

std::string_view UPosName(UPos p) {
  auto i = static_cast<size_t>(p);
  return i < kUPosNames.size() ? kUPosNames[i] : "_";
}

UPos UPosFromName(std::string_view name) {
  for (size_t i = 1; i < kUPosNames.size(); ++i) {
    if (kUPosNames[i] == name) return static_cast<UPos>(i);
  }
  return UPos::kNone;
}

std::string_view DeprelName(Deprel d) {
  auto i = static_cast<size_t>(d);
  return i < kDeprelNames.size() ? kDeprelNames[i] : "_";
}

Deprel DeprelFromName(std::string_view name) {
  if (name.empty() || name == "_") return Deprel::kNone;
  for (size_t i = 1; i < kDeprelNames.size(); ++i) {
    if (kDeprelNames[i] == name) return static_cast<Deprel>(i);
  }
  size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    std::string_view base = name.substr(0, colon);
    for (size_t i = 1; i < kDeprelNames.size(); ++i) {
      if (kDeprelNames[i] == base) return static_cast<Deprel>(i);
    }
  }
  return Deprel::dep;
}

Deprel BaseDeprel(Deprel d) {
  std::string_view name = DeprelName(d);
  size_t colon = name.find(':');
  if (colon == std::string_view::npos) return d;
  return DeprelFromName(name.substr(0, colon));
}

}  // namespace dyad
