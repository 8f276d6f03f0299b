// Universal Dependencies inventories: the 17 universal parts of speech and the relation
// labels of the English Web Treebank, as small integers for the per-token layer that
// every stage reads (Token::upos, Token::deprel).
#ifndef DYAD_SYNTAX_UD_H_
#define DYAD_SYNTAX_UD_H_

#include <cstdint>
#include <string_view>

namespace dyad {

enum class UPos : uint8_t {
  kNone,  // not tagged
  ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM,
  VERB, X,
};
inline constexpr int kNumUPos = 18;

// Relation labels with their subtypes (EWT 2.15). kNone: no parse.
enum class Deprel : uint8_t {
  kNone,
  acl, acl_relcl, advcl, advcl_relcl, advmod, amod, appos, aux, aux_pass, case_, cc,
  cc_preconj, ccomp, clf, compound, compound_prt, conj, cop, csubj, csubj_outer, csubj_pass,
  dep, det, det_predet, discourse, dislocated, expl, fixed, flat, goeswith, iobj, list, mark,
  nmod, nmod_desc, nmod_poss, nmod_unmarked, nsubj, nsubj_outer, nsubj_pass, nummod, obj, obl,
  obl_agent, obl_unmarked, orphan, parataxis, punct, reparandum, root, vocative, xcomp,
};
inline constexpr int kNumDeprel = static_cast<int>(Deprel::xcomp) + 1;

std::string_view UPosName(UPos p);              // "NOUN"; "_" for kNone
UPos UPosFromName(std::string_view name);       // kNone when unknown
std::string_view DeprelName(Deprel d);          // "nsubj:pass"; "_" for kNone
Deprel DeprelFromName(std::string_view name);   // exact label, else its base ("obl:tmod" ->
                                                // obl), else dep; kNone for "_" or ""
// The universal relation without its subtype: nsubj_pass -> nsubj, acl_relcl -> acl.
Deprel BaseDeprel(Deprel d);

}  // namespace dyad

#endif  // DYAD_SYNTAX_UD_H_
