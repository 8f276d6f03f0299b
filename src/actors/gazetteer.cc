#include "actors/gazetteer.h"

#include <string>

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
  // Organisations and well-known people share a format.
  auto load_named = [&](std::string_view text, std::string_view file, PlaceForm form,
                        std::vector<Organization>* table) {
    tsv::ForEachLine(text, [&](int number, std::string_view line) {
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
      uint32_t index = static_cast<uint32_t>(table->size());
      table->push_back(Organization{std::string(f[0]), country,
                                    f[2] == "-" ? "" : std::string(f[2]), std::string(f[3])});
      auto add = [&](std::string_view v) {
        PhraseTable::Options o;
        o.needs_capital = StartsUpper(v);
        g.phrases_.Add(v, Encode(form, index), o);
      };
      add(f[3]);
      for (std::string_view v : tsv::List(f[4])) add(v);
    });
  };
  load_named(orgs_tsv, "actors/organizations.tsv", PlaceForm::kOrganization, &g.organizations_);
  load_named(persons_tsv, "actors/persons.tsv", PlaceForm::kKnownPerson, &g.people_);
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

const Country* Gazetteer::FindCountry(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &countries_[it->second];
}

}  // namespace dyad
