// Reading a parsed sentence's dependency tree (Token::head, Token::deprel): which clause
// a word belongs to, the head of a phrase, the preposition of a noun. Shared by the
// stages after the parse (event dates, event places) so that each asks the same tree the
// same way. Every function is bounded: climbing stops after the sentence's length.
#ifndef DYAD_SYNTAX_TREE_H_
#define DYAD_SYNTAX_TREE_H_

#include <cstdint>
#include <string_view>

#include "text/document.h"

namespace dyad {

// Relations that attach a clause to its governor (or make a word the root).
bool IsClauseRelation(Deprel d);

// The head of token i inside sentence s, or Token::kNoHead for the root, an unparsed
// sentence or a head outside s.
uint32_t HeadIn(const Document& doc, const Sentence& s, uint32_t i);

// The predicate of the clause that token i belongs to: i itself when it heads a clause,
// else its nearest ancestor that does (the sentence's root at the top). An event noun
// belongs to the clause of its verb ("held talks in Ankara": "held"). i when unparsed.
uint32_t ClauseOf(const Document& doc, const Sentence& s, uint32_t i);

// The governing clause of clause head c (the clause c is attached to), or kNoHead.
uint32_t ParentClause(const Document& doc, const Sentence& s, uint32_t c);

// The token of [first, end) whose head lies outside the span: the phrase's head.
uint32_t PhraseHead(const Document& doc, const Sentence& s, uint32_t first, uint32_t end);

// The preposition marking token i (its `case` dependent, the nearest before it: "in" of
// "in the city of Homs"), or "" when none.
std::string_view CaseOf(const Document& doc, const Sentence& s, uint32_t i);

// The token of sentence s that holds byte offset `offset` (the last token starting at or
// before it), by binary search.
uint32_t TokenAtOffset(const Document& doc, const Sentence& s, uint32_t offset);

}  // namespace dyad

#endif  // DYAD_SYNTAX_TREE_H_
