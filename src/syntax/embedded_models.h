// Binary model files under data/models/ (*.model), linked into the binary with the
// assembler's .incbin (see src/syntax/CMakeLists.txt): megabytes of weights as C++
// string literals (util/embedded_data.h) would take minutes to compile.
#ifndef DYAD_SYNTAX_EMBEDDED_MODELS_H_
#define DYAD_SYNTAX_EMBEDDED_MODELS_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace dyad {

// The bytes of data/models/NAME (e.g. "tagger.model"), or nullopt when the binary was
// built without that file. The bytes live as long as the program.
std::optional<std::string_view> EmbeddedModel(std::string_view name);

// Every embedded model name, sorted.
std::vector<std::string_view> EmbeddedModelNames();

namespace embedded_models_internal {
// The table that the generated embedded_models_data.cc defines.
struct Entry {
  const char* name;
  const char* begin;
  const char* end;
};
extern const Entry kEntries[];
extern const size_t kNumEntries;
}  // namespace embedded_models_internal

}  // namespace dyad

#endif  // DYAD_SYNTAX_EMBEDDED_MODELS_H_
