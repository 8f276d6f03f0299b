#include "export/actor_code.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "export/country_codes.h"
#include "util/embedded_data.h"

namespace dyad {
namespace {

constexpr std::string_view kTable = "cameo/actor_types.tsv";

struct ActorTypes {
  std::unordered_map<std::string_view, std::string_view> type_class;  // first class listed
  std::unordered_set<std::string_view> known_groups;
};

ActorTypes Load() {
  std::optional<std::string_view> data = EmbeddedFile(kTable);
  if (!data) throw std::runtime_error("dyad was built without data/" + std::string(kTable));
  ActorTypes t;
  std::string_view rest = *data;
  size_t line_no = 0;
  while (!rest.empty()) {
    size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || t1 != 3) {
      throw std::runtime_error("data/" + std::string(kTable) + ":" + std::to_string(line_no) +
                               ": expected code<TAB>class<TAB>label");
    }
    std::string_view code = line.substr(0, 3);
    std::string_view cls = line.substr(t1 + 1, t2 - t1 - 1);
    if (cls == "known_group") {
      t.known_groups.insert(code);
    } else {
      t.type_class.emplace(code, cls);
    }
  }
  return t;
}

const ActorTypes& Types() {
  static const ActorTypes kTypes = Load();
  return kTypes;
}

}  // namespace

std::string_view ActorTypeClass(std::string_view code) {
  const ActorTypes& t = Types();
  auto it = t.type_class.find(code);
  if (it != t.type_class.end()) return it->second;
  return t.known_groups.count(code) ? std::string_view("known_group") : std::string_view();
}

bool IsKnownGroup(std::string_view code) { return Types().known_groups.count(code) != 0; }

ActorCodeParts SplitActorCode(const EventActor& actor) {
  ActorCodeParts p;
  std::string_view code = actor.code;
  p.top = std::string(code.substr(0, 3));
  const CountryCodes* country = nullptr;
  if (!actor.country.empty()) country = FindCountry(actor.country);
  if (country == nullptr && code.size() >= 3) country = FindCountry(code.substr(0, 3));
  if (country != nullptr) {
    p.country = std::string(country->cameo);
    p.iso3 = std::string(country->iso3);
  }
  auto add_type = [&p](std::string_view t) {
    if (std::find(p.types.begin(), p.types.end(), t) == p.types.end()) {
      p.types.emplace_back(t);
    }
  };
  if (!actor.role.empty()) add_type(actor.role);
  // The first chunk is the country or a generic international code (IGO, NGO, ...).
  size_t first = 0;
  if (code.size() >= 3) {
    std::string_view top = code.substr(0, 3);
    if (FindCountry(top) != nullptr || top == "---") {  // "---": country unknown
      first = 3;
    } else if (ActorTypeClass(top) == "international") {
      add_type(top);
      first = 3;
    }
  }
  // A region or unknown top-level code is kept whole as the code, not split further.
  if (first == 0) return p;
  for (size_t i = first; i + 3 <= code.size(); i += 3) {
    std::string_view chunk = code.substr(i, 3);
    if (IsKnownGroup(chunk)) {
      if (p.known_group.empty()) p.known_group = std::string(chunk);
    } else if (!ActorTypeClass(chunk).empty()) {
      add_type(chunk);
    }
  }
  return p;
}

}  // namespace dyad
