// XML character data: the five predefined entities and numeric character references
// (&#233; &#xE9;) decoded to UTF-8. Used by the readers of the XML gold sets.
#ifndef DYAD_UTIL_XML_ENTITIES_H_
#define DYAD_UTIL_XML_ENTITIES_H_

#include <string>
#include <string_view>

namespace dyad {

// `s` with its entities decoded; an '&' that starts no known entity (or a reference
// outside Unicode) is kept as it is.
std::string DecodeXmlEntities(std::string_view s);

}  // namespace dyad

#endif  // DYAD_UTIL_XML_ENTITIES_H_
