// The filters of `dyad events` and `dyad relations` from named text values: one place
// that parses and checks them for the command line and for the HTTP API (dyad serve),
// so that both accept the same values and reject the same with the same message.
//
// Names (the flags of `dyad events` without their dashes, and the API's query
// parameters):
//   actor         an actor code prefix (AZE, AZEGOV)
//   pair          two country codes A B (either direction)
//   between       two actor code prefixes A B (either direction)
//   cameo         a CAMEO code prefix: 1 to 4 digits (04, 042)
//   from, to      a date bound: YYYY, YYYY-MM or YYYY-MM-DD, a real date (IsDateBound)
//   outlet        an outlet name (exact, case-insensitive)
//   search        a full-text query (fts_query.h)
//   cluster       a cluster id
//   min-sources, min-articles, limit, offset   a non-negative integer
// Codes are upper-cased. A value that does not parse yields a message naming the
// parameter and the value; nothing is thrown.
#ifndef DYAD_STORE_FILTER_PARAMS_H_
#define DYAD_STORE_FILTER_PARAMS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/store.h"

namespace dyad {

// Sets the filter `name` of `f` from `values` (one value; two for pair and between).
// Returns "" when set, else why not: "from: 2024-13-45 is not a date (expected YYYY,
// YYYY-MM or YYYY-MM-DD)", "no filter named colour".
std::string SetEventFilter(EventFilter* f, std::string_view name, std::span<const std::string> values);

// True when SetEventFilter knows `name`.
bool IsEventFilterName(std::string_view name);

// Sets the filter `name` of a relation (`dyad relations`, /api/relations, the Python
// Store.relations()): a, b (actor code prefixes), cameo, from, to, checked as the event
// filters of the same kind. Returns "" when set, else why not.
std::string SetRelationFilter(RelationFilter* f, std::string_view name, std::string_view value);

// The checks behind SetEventFilter, for other commands' parameters. Each returns "" for
// a good value, else a message naming `name`.
std::string CheckDateBound(std::string_view name, std::string_view value);
std::string CheckCameoPrefix(std::string_view name, std::string_view value);
// Letters, digits and '-' ("---" is the unknown country), at most 32 of them.
std::string CheckActorCode(std::string_view name, std::string_view value);
// A decimal integer in [0, max]; the value in *out.
std::string ParseCount(std::string_view name, std::string_view value, int64_t* out,
                       int64_t max = INT64_MAX);

// ASCII upper case: actor codes are compared in capitals.
std::string UpperCode(std::string_view s);

}  // namespace dyad

#endif  // DYAD_STORE_FILTER_PARAMS_H_
