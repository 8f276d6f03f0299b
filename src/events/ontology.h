// Ontology: the CAMEO event codes with Goldstein score, quad class and PLOVER type and
// mode, loaded from the project's table data/cameo/cameo_codes.tsv.
#ifndef DYAD_EVENTS_ONTOLOGY_H_
#define DYAD_EVENTS_ONTOLOGY_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

struct CameoCode {
  std::string code;  // "042"
  std::string name;  // "Make a visit"
  double goldstein = 0;
  int quad_class = 0;
  std::string plover_type;  // "CONSULT"
  std::string plover_mode;  // "visit"
  std::string plover_contexts;  // ';'-separated PLOVER contexts, "diplomatic;military", or ""
};

class Ontology {
 public:
  // The table compiled into dyad.
  static const Ontology& Default();
  // Parses the TSV format documented at the top of data/cameo/cameo_codes.tsv.
  // Throws std::runtime_error naming the line on malformed input.
  static Ontology Parse(std::string_view tsv, std::string_view origin);

  // The code's entry, or nullptr when unknown. "0331" etc. are exact codes.
  const CameoCode* Find(std::string_view code) const;
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

// Root of a CAMEO code: "0331" -> "03", "190" -> "19".
inline std::string_view CameoRoot(std::string_view code) { return code.substr(0, 2); }

}  // namespace dyad

#endif  // DYAD_EVENTS_ONTOLOGY_H_
