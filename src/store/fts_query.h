// FtsQuery: what a user types after --search, as an SQLite FTS5 query that cannot fail
// to parse.
//
// Words match terms (after the index's stemming and diacritic folding, so "visit"
// finds "visited" and "Turkiye" finds "Türkiye"); punctuation inside a word makes it a
// phrase of its parts ("al-Shaibani"); "double quotes" make a phrase; a trailing * makes
// a prefix ("diplom*"); AND, OR and NOT in capitals between terms are operators; terms
// side by side must all match. Anything else is taken literally, never as syntax.
#ifndef DYAD_STORE_FTS_QUERY_H_
#define DYAD_STORE_FTS_QUERY_H_

#include <string>
#include <string_view>

namespace dyad {

// The FTS5 query, or "" when the text holds no searchable word.
std::string FtsQuery(std::string_view text);

}  // namespace dyad

#endif  // DYAD_STORE_FTS_QUERY_H_
