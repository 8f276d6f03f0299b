// The output formats. jsonl is the event record itself; csv flattens it; gdelt and plover
// map it onto those projects' published layouts. Every format carries modality and
// negation; which events reach a writer is FilteredEventWriter's (ModalityFilter).
//
// gdelt  The 61 columns of a GDELT 2.0 events export file (tab-separated, no header).
//        GLOBALEVENTID is the event id's 64 hex bits masked to 63 (a positive integer).
//        SQLDATE etc. come from the event date, else from the article's publication
//        date (of any precision); they are empty only when neither is known. A month or
//        year date (GDELT has no precision column) is written as the publication date
//        when that falls in the period (GDELT dates its events by the article), else as
//        the period's first day; MonthYear and Year are exact either way, and the
//        precision is in the other formats' date_precision. FractionDate follows GDELT's
//        own formula, year + ((month - 1) * 30 + day) / 365.
//        IsRootEvent is 1 for events of the article's lead (its first kLeadSentences
//        sentences), GDELT's notion of a root event, else 0.
//        Actor*Code is the CAMEO actor code without the "---" of an unknown country
//        ("GOV", as GDELT writes it), Actor*CountryCode the CAMEO country code or empty,
//        the roles in Actor*Type*Code; all *Geo_CountryCode columns are FIPS 10-4.
//        Actor geo columns: the actor's country centroid (type 1) when its country is known.
//        Action geo: the event location; type 1 when it names a country, 5 when it names
//        a first-level region (name == adm1), else 4 (world city).
//        NumMentions/NumSources/NumArticles are the counts of the event's cluster in the
//        store (EventContext; 1 outside a store). AvgTone is empty: dyad computes no tone.
//        DATEADDED is when the event entered the store (its article's ingest time), so it
//        is the same in every export; outside a store, the time the writer was made.
// plover One PLOVER event record per line (../shared/data/plover/plover_event.schema.json).
//        PLOVER has no category for CAMEO 01 (statements) and 02 (appeals), and needs a
//        date: events without a PLOVER type, or without any date (event or published),
//        are not written (and counted as such by FilteredEventWriter). A month or year
//        date is written as date + enddate spanning it. Actor sectors are PLOVER's own
//        (CAMEO MED is PLOVER JRN, CAMEO HLH is MED, INS and SEP are REB); an unknown
//        country code is null.
#include "export/writers.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "events/ontology.h"
#include "export/actor_code.h"
#include "export/country_codes.h"
#include "export/event_json.h"
#include "util/hash.h"

namespace dyad {
namespace {

using nlohmann::json;

constexpr uint32_t kLeadSentences = 3;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Shortest round-trip form: 1.9 -> "1.9", 33.0 -> "33".
std::string Number(double v) {
  char buf[32];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, p) : std::string("0");
}

std::string Fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

const CameoCode* Lookup(const Event& e) { return Ontology::Default().Find(e.cameo); }

int QuadClass(const Event& e) {
  if (e.quad_class != 0) return e.quad_class;
  const CameoCode* c = Lookup(e);
  return c != nullptr ? c->quad_class : 0;
}

double Goldstein(const Event& e) {
  if (e.quad_class != 0 || e.goldstein != 0) return e.goldstein;
  const CameoCode* c = Lookup(e);
  return c != nullptr ? c->goldstein : 0;
}

std::string PloverType(const Event& e) {
  if (!e.plover_type.empty()) return e.plover_type;
  const CameoCode* c = Lookup(e);
  return c != nullptr ? c->plover_type : std::string();
}

// A calendar date parsed from "YYYY", "YYYY-MM" or "YYYY-MM-DD..." (date-times allowed).
struct Date {
  int year = 0, month = 0, day = 0;  // month/day 0 when the date is coarser
  bool valid() const { return year != 0; }
};

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

Date ParseDate(std::string_view s) {
  Date d;
  if (s.size() < 4 || !ParseInt(s.substr(0, 4), &d.year) || d.year < 1) return Date();
  if (s.size() == 4) return d;
  if (s.size() < 7 || s[4] != '-' || !ParseInt(s.substr(5, 2), &d.month) || d.month < 1 ||
      d.month > 12) {
    return Date();
  }
  if (s.size() == 7) return d;
  if (s.size() < 10 || s[7] != '-' || !ParseInt(s.substr(8, 2), &d.day) || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month) || (s.size() > 10 && s[10] != 'T' && s[10] != ' ')) {
    return Date();
  }
  return d;
}

// The event's date, else the article's published date (of any precision).
Date EventDate(const Event& e, const Article& a) {
  Date d = ParseDate(e.date);
  if (d.valid()) return d;
  return ParseDate(a.published);
}

// A day for a month or year date (see the top of the file): the publication date when it
// falls in the period, else the period's first day.
Date DayOf(Date d, const Article& a) {
  if (d.day != 0) return d;
  Date p = ParseDate(a.published);
  if (p.day != 0 && p.year == d.year && (d.month == 0 || p.month == d.month)) return p;
  if (d.month == 0) d.month = 1;
  d.day = 1;
  return d;
}

// "2024-12-30T10:00:00Z" -> "20241230100000"; "" when not such a time.
std::string GdeltTimestamp(std::string_view iso) {
  std::string out;
  for (char c : iso) {
    if (c >= '0' && c <= '9') out += c;
    if (out.size() == 14) break;
  }
  return out.size() == 14 ? out : std::string();
}

std::string IsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// The text of one TSV field: tabs and line breaks would break the row.
std::string TsvField(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
void WriteCsvField(std::ostream& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

// ---------------------------------------------------------------------------------------

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  bool Write(const Event& event, const Article& a, const EventContext&) override {
    json j = EventToJson(event);
    j["outlet"] = a.outlet.empty() ? json(nullptr) : json(a.outlet);
    j["url"] = a.url.empty() ? json(nullptr) : json(a.url);
    j["published"] = a.published.empty() ? json(nullptr) : json(a.published);
    out_ << Dump(j) << '\n';
    return true;
  }
  void Finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

// One row per event; a missing value is an empty field (never a placeholder), booleans
// are true/false, numbers plain. Columns: kColumns.
class CsvWriter : public EventWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  bool Write(const Event& e, const Article& a, const EventContext& ctx) override {
    WriteHeader();
    const CameoCode* c = Lookup(e);
    const bool has_code = c != nullptr || e.quad_class != 0;
    const std::string lat = e.location.has_coordinates ? Number(e.location.lat) : "";
    const std::string lon = e.location.has_coordinates ? Number(e.location.lon) : "";
    const std::string fields[] = {
        e.event_id, e.article_id, std::to_string(e.sentence), std::to_string(e.begin),
        std::to_string(e.end), e.date, e.date_precision == "unknown" ? "" : e.date_precision,
        e.date_basis,
        e.source.code, e.source.country, e.source.role, e.source.entity, e.source.text,
        e.target.code, e.target.country, e.target.role, e.target.entity, e.target.text,
        e.cameo, c != nullptr ? c->name : "", has_code ? Number(Goldstein(e)) : "",
        QuadClass(e) != 0 ? std::to_string(QuadClass(e)) : "", PloverType(e), e.plover_mode,
        e.location.name, e.location.adm1, e.location.country, lat, lon,
        e.negated ? "true" : "false", e.modality, e.symmetric ? "true" : "false",
        e.quantity, e.pattern, e.evidence,
        a.outlet, a.url, a.published, e.cluster_id,
        std::to_string(ctx.num_mentions), std::to_string(ctx.num_sources),
        std::to_string(ctx.num_articles)};
    static_assert(std::size(fields) == std::size(kColumns));
    WriteRow(fields);
    return true;
  }

  void Finish() override {
    WriteHeader();
    out_.flush();
  }

 private:
  static constexpr const char* kColumns[] = {
      "event_id", "article_id", "sentence", "span_begin", "span_end",
      "date", "date_precision", "date_basis",
      "source_code", "source_country", "source_role", "source_entity", "source_text",
      "target_code", "target_country", "target_role", "target_entity", "target_text",
      "cameo", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode",
      "location_name", "location_adm1", "location_country", "lat", "lon",
      "negated", "modality", "symmetric", "quantity", "pattern", "evidence",
      "outlet", "url", "published", "cluster_id",
      "num_mentions", "num_sources", "num_articles"};

  template <typename Range>
  void WriteRow(const Range& fields) {
    bool first = true;
    for (const auto& f : fields) {
      if (!first) out_ << ',';
      first = false;
      WriteCsvField(out_, f);
    }
    out_ << "\r\n";  // RFC 4180 line ends
  }

  void WriteHeader() {
    if (header_written_) return;
    header_written_ = true;
    WriteRow(kColumns);
  }

  std::ostream& out_;
  bool header_written_ = false;
};

// ---------------------------------------------------------------------------------------

class GdeltWriter : public EventWriter {
 public:
  explicit GdeltWriter(std::ostream& out) : out_(out) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &utc);
    date_added_ = buf;
  }

  bool Write(const Event& e, const Article& a, const EventContext& ctx) override {
    std::vector<std::string> col;
    col.reserve(61);
    col.push_back(std::to_string(GlobalEventId(e)));
    Date period = EventDate(e, a);
    if (period.valid()) {
      Date d = DayOf(period, a);
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
      col.push_back(buf);
      col.push_back(std::string(buf, 6));
      col.push_back(std::string(buf, 4));
      col.push_back(Fixed(d.year + ((d.month - 1) * 30 + d.day) / 365.0, 4));
    } else {
      col.insert(col.end(), 4, std::string());
    }
    AddActor(e.source, &col);
    AddActor(e.target, &col);
    col.push_back(e.sentence < kLeadSentences ? "1" : "0");
    col.push_back(e.cameo);
    col.push_back(e.cameo.size() > 3 ? e.cameo.substr(0, 3) : e.cameo);
    col.push_back(e.cameo.substr(0, 2));
    col.push_back(std::to_string(QuadClass(e)));
    col.push_back(Fixed(Goldstein(e), 1));
    col.push_back(std::to_string(ctx.num_mentions));
    col.push_back(std::to_string(ctx.num_sources));
    col.push_back(std::to_string(ctx.num_articles));
    col.push_back("");  // AvgTone: dyad computes no tone
    AddActorGeo(e.source, &col);
    AddActorGeo(e.target, &col);
    AddActionGeo(e.location, &col);
    std::string added = GdeltTimestamp(ctx.date_added);
    col.push_back(!added.empty() ? added : date_added_);
    const std::string& article_id = e.article_id.empty() ? a.id : e.article_id;
    col.push_back(!a.url.empty() ? a.url : "dyad:" + article_id);

    for (size_t i = 0; i < col.size(); ++i) {
      if (i) out_ << '\t';
      out_ << TsvField(col[i]);
    }
    out_ << '\n';
    return true;
  }

  void Finish() override { out_.flush(); }

 private:
  static uint64_t GlobalEventId(const Event& e) {
    uint64_t id = 0;
    bool hex = !e.event_id.empty() && e.event_id.size() <= 16;
    for (char c : e.event_id) {
      int v = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (v < 0) {
        hex = false;
        break;
      }
      id = id << 4 | static_cast<uint64_t>(v);
    }
    if (!hex) id = Hash64(e.event_id);
    id &= 0x7fffffffffffffffULL;
    return id != 0 ? id : 1;
  }

  // Actor{1,2}: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
  // Religion2Code, Type1Code, Type2Code, Type3Code.
  static void AddActor(const EventActor& actor, std::vector<std::string>* col) {
    if (actor.empty()) {
      col->insert(col->end(), 10, std::string());
      return;
    }
    ActorCodeParts p = SplitActorCode(actor);
    // GDELT writes an actor of unknown country without one: "GOV", not "---GOV".
    std::string_view code = actor.code;
    while (code.substr(0, 3) == "---") code.remove_prefix(3);
    col->push_back(std::string(code));
    col->push_back(!actor.entity.empty() ? actor.entity : actor.text);
    col->push_back(p.country);
    col->push_back(p.known_group);
    col->insert(col->end(), 3, std::string());  // ethnic and religion codes: not coded
    for (size_t i = 0; i < 3; ++i) col->push_back(i < p.types.size() ? p.types[i] : "");
  }

  // Geo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
  static void AddEmptyGeo(std::vector<std::string>* col) {
    col->insert(col->end(), 8, std::string());
  }

  static void AddCountryGeo(const CountryCodes& c, std::vector<std::string>* col) {
    col->insert(col->end(), {"1", std::string(c.name), std::string(c.fips), std::string(c.fips),
                             "", Number(c.lat), Number(c.lon), std::string(c.fips)});
  }

  static void AddActorGeo(const EventActor& actor, std::vector<std::string>* col) {
    const CountryCodes* c = nullptr;
    if (!actor.empty()) {
      ActorCodeParts p = SplitActorCode(actor);
      if (!p.iso3.empty()) c = FindCountry(p.iso3);
    }
    if (c == nullptr || c->fips.empty()) {
      AddEmptyGeo(col);
    } else {
      AddCountryGeo(*c, col);
    }
  }

  static bool SameName(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      char x = a[i], y = b[i];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
      if (x != y) return false;
    }
    return true;
  }

  static void AddActionGeo(const EventLocation& l, std::vector<std::string>* col) {
    const CountryCodes* c = l.country.empty() ? nullptr : FindCountry(l.country);
    if (l.name.empty() && c == nullptr && !l.has_coordinates) {
      AddEmptyGeo(col);
      return;
    }
    bool names_country =
        c != nullptr && (l.name.empty() || SameName(l.name, c->name) ||
                         SameName(l.name, c->iso3) || SameName(l.name, c->cameo));
    if (names_country && l.adm1.empty()) {
      if (c->fips.empty()) {
        AddEmptyGeo(col);
      } else {
        AddCountryGeo(*c, col);
      }
      return;
    }
    int type = !l.adm1.empty() && SameName(l.name, l.adm1) ? 5 : 4;
    std::string fips = c != nullptr ? std::string(c->fips) : std::string();
    // FIPS splits Palestine into the West Bank (WE) and the Gaza Strip (GZ).
    if (fips == "WE" && (l.name.find("Gaza") != std::string::npos ||
                         l.adm1.find("Gaza") != std::string::npos)) {
      fips = "GZ";
    }
    std::string full_name = l.name;
    if (!l.adm1.empty() && !SameName(l.adm1, l.name)) full_name += ", " + l.adm1;
    if (c != nullptr) full_name += ", " + std::string(c->name);
    // ADM1Code is FIPS country + FIPS region ("SY13"); dyad keeps region names, so a code
    // is written only when adm1 is one, else the country code as GDELT does.
    std::string adm1 = fips;
    if (IsRegionCode(l.adm1)) adm1 = l.adm1.size() == 4 ? l.adm1 : fips + l.adm1;
    double lat = l.lat, lon = l.lon;
    bool has_coordinates = l.has_coordinates;
    if (!has_coordinates && c != nullptr && c->has_capital() && SameName(l.name, c->capital)) {
      lat = c->capital_lat;
      lon = c->capital_lon;
      has_coordinates = true;
    }
    col->insert(col->end(),
                {std::to_string(type), full_name, fips, fips.empty() ? "" : adm1, "",
                 has_coordinates ? Number(lat) : "", has_coordinates ? Number(lon) : "", ""});
  }

  static bool IsRegionCode(std::string_view s) {
    if (s.size() != 2 && s.size() != 4) return false;
    for (char ch : s) {
      if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return false;
    }
    return true;
  }

  std::ostream& out_;
  std::string date_added_;
};

// ---------------------------------------------------------------------------------------

// PLOVER quad category of each event type (PLOVER manual), which differs from CAMEO's quad
// class of the source code for some types (REQUEST is verbal conflict in PLOVER).
int PloverQuad(std::string_view type) {
  static constexpr std::pair<std::string_view, int> kQuads[] = {
      {"AGREE", 1},    {"CONSULT", 1},  {"SUPPORT", 1},  {"CONCEDE", 1},
      {"COOPERATE", 2}, {"AID", 2},     {"RETREAT", 2},  {"REQUEST", 3},
      {"ACCUSE", 3},   {"REJECT", 3},   {"THREATEN", 3}, {"PROTEST", 4},
      {"SANCTION", 4}, {"MOBILIZE", 4}, {"COERCE", 4},   {"ASSAULT", 4}};
  for (const auto& [t, q] : kQuads) {
    if (t == type) return q;
  }
  return 0;
}

// PLOVER's sector code for a CAMEO type code, "" when PLOVER has none
// (../shared/data/plover/plover_sectors.tsv): JRN is CAMEO's MED, MED CAMEO's HLH.
std::string_view PloverSector(std::string_view cameo_type) {
  static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
      {"COP", "COP"}, {"GOV", "GOV"}, {"JUD", "JUD"}, {"LEG", "LEG"}, {"MIL", "MIL"},
      {"PTY", "PTY"}, {"REB", "REB"}, {"INS", "REB"}, {"SEP", "REB"}, {"SPY", "SPY"},
      {"UAF", "UAF"}, {"AGR", "AGR"}, {"BUS", "BUS"}, {"CRM", "CRM"}, {"CVL", "CVL"},
      {"EDU", "EDU"}, {"ELI", "ELI"}, {"MED", "JRN"}, {"HLH", "MED"}, {"LAB", "LAB"},
      {"REF", "REF"}, {"OPP", "OPP"}, {"REL", "REL"}, {"PRM", "PRM"},
      {"NGM", "SOC"}, {"HRI", "SOC"}, {"ENV", "SOC"}, {"DEV", "SOC"}};
  for (const auto& [c, p] : kMap) {
    if (c == cameo_type) return p;
  }
  return {};
}

class PloverWriter : public EventWriter {
 public:
  explicit PloverWriter(std::ostream& out) : out_(out) {}

  bool Write(const Event& e, const Article& a, const EventContext&) override {
    std::string type = PloverType(e);
    int quad = PloverQuad(type);
    Date d = EventDate(e, a);
    if (quad == 0 || !d.valid()) return false;  // not representable in PLOVER (see top of file)

    json j = json::object();
    j["id"] = e.event_id;
    if (d.day != 0) {
      j["date"] = IsoDate(d.year, d.month, d.day);
    } else if (d.month != 0) {
      j["date"] = IsoDate(d.year, d.month, 1);
      j["enddate"] = IsoDate(d.year, d.month, DaysInMonth(d.year, d.month));
    } else {
      j["date"] = IsoDate(d.year, 1, 1);
      j["enddate"] = IsoDate(d.year, 12, 31);
    }
    j["actor"] = e.source.empty() ? json::array() : json::array({Entity(e.source)});
    j["recipient"] = e.target.empty() ? json::array() : json::array({Entity(e.target)});
    j["event"] = type;
    const CameoCode* c = Lookup(e);
    std::string mode = !e.plover_mode.empty() ? e.plover_mode
                       : c != nullptr && e.plover_type.empty() ? c->plover_mode
                                                               : std::string();
    if (!mode.empty()) j["mode"] = mode;
    json context = json::array();
    if (c != nullptr && c->plover_type == type) {
      std::string_view rest = c->plover_contexts;
      while (!rest.empty()) {
        size_t semi = rest.find(';');
        context.push_back(std::string(rest.substr(0, semi)));
        rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      }
    }
    j["context"] = std::move(context);
    j["quad_code"] = quad;
    if (!e.location.empty() || !e.location.country.empty()) j["event_loc"] = Location(e.location);
    j["event_text"] = e.evidence;
    if (!a.url.empty()) j["link"] = a.url;
    j["text_info"] = {{"sequence", e.sentence}, {"start", e.begin}, {"end", e.end}};
    json cite = {{"corpus", "dyad"}, {"citation", e.article_id}, {"coder", "dyad"},
                 {"codebook", "CAMEO 1.1b3 mapped to PLOVER"}};
    if (!a.url.empty()) cite["url"] = a.url;
    if (!a.title.empty()) cite["title"] = a.title;
    if (!a.language.empty()) cite["language"] = a.language;
    if (!a.outlet.empty()) cite["publication"] = a.outlet;
    j["cite_info"] = std::move(cite);
    j["coder"] = "dyad";
    // Beyond the PLOVER fields (the schema allows additional properties): the story,
    // the CAMEO code it came from, and what PLOVER's auxiliary modes would carry.
    j["story_id"] = e.article_id.empty() ? a.id : e.article_id;
    j["cameo_code"] = e.cameo;
    j["negated"] = e.negated;
    j["modality"] = e.modality;
    out_ << Dump(j) << '\n';
    return true;
  }

  void Finish() override { out_.flush(); }

 private:
  static json Entity(const EventActor& actor) {
    ActorCodeParts p = SplitActorCode(actor);
    json j = json::object();
    // PLOVER's top-level code is ISO alpha-3 for states (KOS for Kosovo), else IGO, NGO...
    std::string code = !p.iso3.empty() ? p.iso3 : p.top;
    if (code == "XKX") code = "KOS";
    if (code == "EUR" || code == "IGO" || code == "NGO" || code == "IMG" || code == "MNC" ||
        code == "UNO" || (!code.empty() && code != "---" && FindCountry(code) != nullptr)) {
      j["code"] = code;
    } else {
      j["code"] = nullptr;  // no country or PLOVER non-state code known
    }
    std::string sector;
    for (const std::string& t : p.types) {
      std::string_view s = PloverSector(t);
      if (!s.empty() && sector.find(s) == std::string::npos && sector.size() < 6) {
        sector += s;  // at most two sector codes ("GOVMIL")
      }
    }
    if (!sector.empty()) j["sector"] = sector;  // the schema has no null sector
    if (!actor.text.empty()) j["entity_text"] = actor.text;
    if (!actor.entity.empty()) j["identifier_text"] = actor.entity;
    j["actor_code"] = actor.code;  // the full CAMEO actor code, beyond PLOVER's fields
    return j;
  }

  static json Location(const EventLocation& l) {
    json j = json::object();
    if (!l.name.empty()) j["extracted_place"] = l.name;
    if (l.has_coordinates) {
      j["lat"] = l.lat;
      j["lon"] = l.lon;
    }
    if (!l.adm1.empty()) j["province"] = l.adm1;
    const CountryCodes* c = l.country.empty() ? nullptr : FindCountry(l.country);
    if (c != nullptr) {
      j["country"] = std::string(c->name);
      j["country_code"] = std::string(c->iso3);
    } else if (!l.country.empty()) {
      j["country_code"] = l.country;
    }
    bool names_country = c != nullptr && (l.name.empty() || l.name == c->name);
    j["resolution"] = names_country ? 1 : !l.adm1.empty() && l.name == l.adm1 ? 2 : 4;
    return j;
  }

  std::ostream& out_;
};

}  // namespace

bool ModalityFilter::Keeps(const Event& e) const {
  if (e.negated && !negated) return false;
  const std::string& m = e.modality;
  if (m.empty() || m == "asserted" || m == "reported") return asserted;
  if (m == "intended") return intended;
  if (m == "considered") return considered;
  if (m == "hypothetical") return hypothetical;
  if (m == "requested") return requested;
  return false;
}

const char* const kModalityHelp =
    "Which events by modality: 'default' (acts reported as done, and intentions and "
    "considerations under their own codes 03x/014), 'all', or a comma-separated list of "
    "asserted, intended, considered, hypothetical, requested, negated (e.g. "
    "'default,negated'; 'negated' adds the negated events of the listed modalities)";

std::optional<ModalityFilter> ParseModalityFilter(std::string_view spec, std::string* error) {
  ModalityFilter f{false, false, false, false, false, false};
  if (spec.empty()) return ModalityFilter{};
  while (true) {
    size_t comma = spec.find(',');
    std::string_view w = spec.substr(0, comma);
    if (w == "all") {
      f = {true, true, true, true, true, true};
    } else if (w == "default") {
      f.asserted = f.intended = f.considered = true;
    } else if (w == "asserted" || w == "reported") {
      f.asserted = true;
    } else if (w == "intended") {
      f.intended = true;
    } else if (w == "considered") {
      f.considered = true;
    } else if (w == "hypothetical") {
      f.hypothetical = true;
    } else if (w == "requested") {
      f.requested = true;
    } else if (w == "negated") {
      f.negated = true;
    } else {
      if (error != nullptr) {
        *error = "unknown modality '" + std::string(w) +
                 "' (all, default, asserted, intended, considered, hypothetical, requested, "
                 "negated)";
      }
      return std::nullopt;
    }
    if (comma == std::string_view::npos) break;
    spec.remove_prefix(comma + 1);
  }
  return f;
}

void FilteredEventWriter::Write(const Event& e, const Article& a, const EventContext& c) {
  if (!filter_.Keeps(e)) {
    ++filtered_;
  } else if (writer_->Write(e, a, c)) {
    ++written_;
  } else {
    ++unrepresentable_;
  }
}

std::string FilteredEventWriter::Summary(std::string_view destination) const {
  std::string s = std::to_string(written_) + (written_ == 1 ? " event" : " events") + " written";
  if (!destination.empty()) s += " to " + std::string(destination);
  if (unrepresentable_ > 0) {
    s += "; " + std::to_string(unrepresentable_) +
         " not representable in the format (PLOVER: no PLOVER type or no date)";
  }
  if (filtered_ > 0) {
    s += "; " + std::to_string(filtered_) +
         " negated, hypothetical or requested left out (--modality all keeps them)";
  }
  return s;
}

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "gdelt") return Format::kGdelt;
  if (name == "plover") return Format::kPlover;
  return std::nullopt;
}

std::unique_ptr<EventWriter> MakeEventWriter(Format format, std::ostream& out) {
  switch (format) {
    case Format::kJsonl:
      return std::make_unique<JsonlWriter>(out);
    case Format::kCsv:
      return std::make_unique<CsvWriter>(out);
    case Format::kGdelt:
      return std::make_unique<GdeltWriter>(out);
    case Format::kPlover:
      return std::make_unique<PloverWriter>(out);
  }
  return nullptr;
}

}  // namespace dyad
