#include "actors/gazetteer.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "util/tsv.h"
#include "util/embedded_data.h"

namespace dyad {

namespace {

constexpr uint32_t kFormShift = 24;

uint32_t Encode(PlaceForm form, uint32_t index) {
  return (static_cast<uint32_t>(form) << kFormShift) | index;
}

void Report(const DiagnosticSink& sink, std::string_view file, int line, std::string message) {
  if (!sink) return;
  sink(Diagnostic{Severity::kError, std::string(file) + ":" + std::to_string(line),
                  std::move(message)});
}

bool IsCode(std::string_view s) {
  if (s.size() < 3) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || c == '-')) return false;
  }
  return true;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || static_cast<unsigned char>(s[0]) >= 0x80);
}

// The code of a former holder of an office with code `office`: the country's ELI after a
// state office (government, army, legislature, courts), else none.
std::string FormerCode(const std::string& office) {
  if (office.size() < 6 || office.compare(0, 3, "IGO") == 0) return "";
  const std::string role = office.substr(3, 3);
  if (role != "GOV" && role != "MIL" && role != "LEG" && role != "JUD") return "";
  return office.substr(0, 3) + "ELI";
}

}  // namespace

Gazetteer Gazetteer::FromText(std::string_view countries_tsv, std::string_view orgs_tsv,
                              std::string_view persons_tsv, const DiagnosticSink& sink) {
  constexpr std::string_view countries_name = "actors/countries.tsv";
  Gazetteer g;
  tsv::ForEachLine(countries_tsv, [&](int number, std::string_view line) {
    std::vector<std::string_view> f = tsv::Split(line, '\t');
    if (f.size() != 6) {
      Report(sink, countries_name, number,
             "expected 6 tab-separated columns (iso3, cameo, names, adjectives, plurals, "
             "capitals), found " + std::to_string(f.size()));
      return;
    }
    if (f[0].size() != 3 || !IsCode(f[0]) || !IsCode(f[1])) {
      Report(sink, countries_name, number, "bad country code '" + std::string(f[0]) + "'");
      return;
    }
    std::vector<std::string_view> names = tsv::List(f[2]);
    if (names.empty()) {
      Report(sink, countries_name, number, "country without a name");
      return;
    }
    uint32_t index = static_cast<uint32_t>(g.countries_.size());
    g.countries_.push_back(Country{std::string(f[0]), std::string(f[1]), std::string(names[0])});
    g.by_code_.emplace(std::string(f[0]), index);
    g.by_code_.emplace(std::string(f[1]), index);
    const PlaceForm forms[4] = {PlaceForm::kCountryName, PlaceForm::kAdjective,
                                PlaceForm::kPlural, PlaceForm::kCapital};
    for (int col = 0; col < 4; ++col) {
      for (std::string_view v : tsv::List(f[2 + static_cast<size_t>(col)])) {
        PhraseTable::Options o;
        o.needs_capital = StartsUpper(v);
        g.phrases_.Add(v, Encode(forms[col], index), o);
      }
    }
  });
  tsv::ForEachLine(orgs_tsv, [&](int number, std::string_view line) {
    constexpr std::string_view file = "actors/organizations.tsv";
    std::vector<std::string_view> f = tsv::Split(line, '\t');
    if (f.size() != 5) {
      Report(sink, file, number,
             "expected 5 tab-separated columns (code, country, role, name, aliases), found " +
                 std::to_string(f.size()));
      return;
    }
    if (!IsCode(f[0]) || f[3].empty()) {
      Report(sink, file, number, "bad actor code or empty name");
      return;
    }
    std::string country = f[1] == "-" ? "" : std::string(f[1]);
    if (!country.empty() && (country.size() != 3 || !IsCode(country))) {
      Report(sink, file, number, "bad country code '" + country + "'");
      return;
    }
    uint32_t index = static_cast<uint32_t>(g.organizations_.size());
    g.organizations_.push_back(Organization{std::string(f[0]), country,
                                            f[2] == "-" ? "" : std::string(f[2]), std::string(f[3])});
    auto add = [&](std::string_view v) {
      PhraseTable::Options o;
      o.needs_capital = StartsUpper(v);
      g.phrases_.Add(v, Encode(PlaceForm::kOrganization, index), o);
    };
    add(f[3]);
    for (std::string_view v : tsv::List(f[4])) add(v);
  });

  // People: one line per office, in the actor file format; lines with the same first
  // name are one person.
  std::unordered_map<std::string, uint32_t> person_by_name;
  std::unordered_map<std::string, uint32_t> form_by_phrase;
  for (const ActorFileEntry& e : ParseActorFile(persons_tsv, "actors/persons.tsv", sink)) {
    const std::string prefix = e.code.substr(0, 3);
    const bool igo = prefix == "IGO";
    if (!igo && g.FindCountry(prefix) == nullptr) {
      if (sink) {
        sink(Diagnostic{Severity::kError, e.where,
                        "actor code '" + e.code + "' does not start with a country or IGO; line skipped"});
      }
      continue;
    }
    auto [it, fresh] = person_by_name.emplace(e.names[0], static_cast<uint32_t>(g.people_.size()));
    const uint32_t index = it->second;
    if (fresh) g.people_.push_back(KnownPerson{e.names[0], {}, {}, {}});
    KnownPerson& p = g.people_[index];
    p.offices.push_back(EntityCode{e.code, e.from, e.to, 0, true});
    for (const std::string& n : e.names) {
      const std::string key = NormalizePhrase(n);
      const size_t space = key.find(' ');
      if (space != std::string::npos) {
        std::string first = key.substr(0, space);
        if (std::find(p.given.begin(), p.given.end(), first) == p.given.end()) p.given.push_back(first);
      }
      auto [f, new_form] = form_by_phrase.emplace(key, static_cast<uint32_t>(g.person_forms_.size()));
      if (new_form) {
        g.person_forms_.emplace_back();
        PhraseTable::Options o;
        o.needs_capital = StartsUpper(n);
        g.phrases_.Add(n, Encode(PlaceForm::kKnownPerson, f->second), o);
      }
      std::vector<uint32_t>& named = g.person_forms_[f->second];
      if (std::find(named.begin(), named.end(), index) == named.end()) named.push_back(index);
    }
  }
  for (KnownPerson& p : g.people_) {
    std::stable_sort(p.offices.begin(), p.offices.end(),
                     [](const EntityCode& a, const EntityCode& b) { return a.first < b.first; });
    const EntityCode& first = p.offices.front();
    const EntityCode& latest = p.offices.back();
    if (!first.first.empty()) p.codes.push_back(EntityCode{"", "", first.first, 0, true});
    // After the last office (and between offices): a former official of the country (CAMEO
    // ELI) after a state office, no code after one at an IGO, a rebel group or the opposition.
    p.codes.push_back(EntityCode{FormerCode(latest.code), first.first, "9999-12-31", 0, true});
    p.codes.insert(p.codes.end(), p.offices.begin(), p.offices.end());
  }
  return g;
}

const Gazetteer& Gazetteer::BuiltIn() {
  static const Gazetteer* g = [] {
    auto countries = EmbeddedFile("actors/countries.tsv");
    auto orgs = EmbeddedFile("actors/organizations.tsv");
    auto persons = EmbeddedFile("actors/persons.tsv");
    StderrDiagnostics diagnostics;
    return new Gazetteer(FromText(countries.value_or(""), orgs.value_or(""),
                                  persons.value_or(""), diagnostics.sink()));
  }();
  return *g;
}

bool Gazetteer::LongestAt(const Document& doc, uint32_t begin, uint32_t limit,
                          GazetteerMatch* m) const {
  PhraseTable::Match pm;
  if (!phrases_.LongestAt(doc, begin, limit, &pm)) return false;
  m->form = static_cast<PlaceForm>(pm.value >> kFormShift);
  m->index = pm.value & ((1u << kFormShift) - 1);
  m->end = pm.end;
  return true;
}

int Gazetteer::PersonNamed(uint32_t form, std::string_view date) const {
  const std::vector<uint32_t>& named = person_forms_[form];
  if (named.size() == 1) return static_cast<int>(named[0]);
  if (date.empty()) return -1;
  int found = -1;
  for (uint32_t p : named) {
    const std::string code = PersonCodeAt(p, date);
    if (code.empty() || (code.size() >= 6 && code.compare(code.size() - 3, 3, "ELI") == 0)) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(p);
  }
  return found;
}

std::string Gazetteer::PersonCodeAt(uint32_t person, std::string_view date) const {
  return CodeAtDate(people_[person].codes, date);
}

bool Gazetteer::FormHasGivenName(uint32_t form, std::string_view word) const {
  for (uint32_t p : person_forms_[form]) {
    const std::vector<std::string>& given = people_[p].given;
    if (std::find(given.begin(), given.end(), word) != given.end()) return true;
  }
  return false;
}

const Country* Gazetteer::FindCountry(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &countries_[it->second];
}

}  // namespace dyad
