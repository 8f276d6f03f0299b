#include "cli/text_cell.h"

namespace dyad {

std::string TextCell(std::string_view s, size_t width, bool pad) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++chars > width) {
      // Cut back so that the "..." fits in the width.
      size_t cut = out.size();
      size_t drop = width < 3 ? width : 3;
      for (size_t n = 0; n < drop && cut > 0; ++n) {
        do --cut; while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80);
      }
      out.resize(cut);
      out.append(std::string_view("...").substr(0, drop));
      return out;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : s[i];
  }
  if (pad) out.append(width - chars, ' ');
  return out;
}

}  // namespace dyad
