// UTF-8 validation and repair: every text dyad stores is valid UTF-8, so input bytes
// that are not are replaced by U+FFFD before anything else looks at them.
#ifndef DYAD_INGEST_UTF8_REPAIR_H_
#define DYAD_INGEST_UTF8_REPAIR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or
// nullopt when all of `bytes` is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// `bytes` with each ill-formed sequence replaced by one U+FFFD (EF BF BD). An invalid
// lead byte together with the continuation bytes that follow it counts as one
// sequence. Valid input is returned unchanged. *replaced, when given, gets the count.
std::string RepairUtf8(std::string_view bytes, size_t* replaced = nullptr);

}  // namespace dyad

#endif  // DYAD_INGEST_UTF8_REPAIR_H_
