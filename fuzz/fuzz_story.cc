// libFuzzer target: story fingerprints on arbitrary bytes. The first byte splits the
// input into title and text. Checks the fingerprint's invariants, that it survives a
// Serialize/Deserialize round trip, and that Deserialize of the raw bytes either
// rejects them with a reason or yields a fingerprint that serialises back to them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "story/fingerprint.h"
#include "story/minhash.h"
#include "story/term_vector.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t split = size == 0 ? 0 : static_cast<size_t>(data[0]) % size;
  std::string_view title = input.substr(0, split), text = input.substr(split);

  dyad::StoryFingerprint fp = dyad::Fingerprint(title, text);
  Check(fp.terms.size() <= dyad::kMaxStoryTerms);
  for (size_t i = 0; i < fp.terms.size(); ++i) {
    Check(fp.terms[i].weight > 0);
    Check(i == 0 || fp.terms[i - 1].hash < fp.terms[i].hash);
  }
  Check(dyad::EstimatedJaccard(fp, fp) == (fp.shingle_count > 0 ? 1.0 : 0.0));
  double self = dyad::EventSimilarity(fp, fp);
  Check(fp.terms.empty() ? self == 0 : self > 0.999);

  std::string blob = dyad::Serialize(fp);
  Check(blob.size() <= dyad::kMaxFingerprintBytes);
  dyad::StoryFingerprint back;
  std::string error;
  Check(dyad::Deserialize(blob, &back, &error));
  Check(back == fp);

  error.clear();
  if (dyad::Deserialize(input, &back, &error)) {
    Check(dyad::Serialize(back) == input);
  } else {
    Check(!error.empty());
  }
  return 0;
}
