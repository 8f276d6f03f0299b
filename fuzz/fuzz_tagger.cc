// libFuzzer target: PosTagger on arbitrary bytes. The input's words (split at spaces and
// newlines) are tagged with the embedded model, with one reused workspace as the
// pipeline does; every word must get a tag, and a lemma when it is not empty. The same
// bytes are also offered as a model file, which must be refused or loaded, never read
// out of bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/pos_tagger.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string error;
  std::optional<dyad::PosTagger> parsed =
      dyad::PosTagger::Parse(input, dyad::Lexicon::Default(), &error);
  Check(parsed.has_value() || !error.empty());

  const dyad::PosTagger* tagger = dyad::PosTagger::Default();
  if (tagger == nullptr) return 0;  // a build without data/models/tagger.model
  static dyad::PosTagger::Workspace ws;
  static std::vector<std::string_view> forms;
  static std::vector<dyad::TaggedWord> out;
  forms.clear();
  size_t start = 0;
  for (size_t i = 0; i <= size; ++i) {
    if (i == size || input[i] == ' ' || input[i] == '\n') {
      if (i > start) forms.push_back(input.substr(start, i - start));
      start = i + 1;
    }
  }
  out.assign(forms.size(), dyad::TaggedWord());
  tagger->Tag(forms.data(), forms.size(), out.data(), &ws);
  for (size_t i = 0; i < forms.size(); ++i) {
    Check(out[i].upos != dyad::UPos::kNone);
    Check(!out[i].xpos.empty());
    Check(!out[i].lemma.empty());
  }
  return 0;
}
