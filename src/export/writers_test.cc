#include "export/writers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/event_json.h"

namespace dyad {
namespace {

using nlohmann::json;

Article SeedArticle() {
  Article a;
  a.id = "3b28a4ce30bb7c8f";
  a.outlet = "AzerNews";
  a.url = "https://example.org/azerbaijan-syria";
  a.published = "2024-12-30";
  a.title = "Azerbaijani delegation visits Syria";
  return a;
}

Event VisitEvent() {
  Event e;
  e.event_id = "8f00000000000abc";
  e.article_id = "3b28a4ce30bb7c8f";
  e.sentence = 0;
  e.begin = 0;
  e.end = 80;
  e.date = "2024-12-30";
  e.date_precision = "day";
  e.date_basis = "published";
  e.source = {"AZEGOV", "AZE", "GOV", "Yalchin Rafiyev", "Deputy Foreign Yalchin Rafiyev", 31,
              61};
  e.target = {"SYR", "SYR", "", "", "Syria", 74, 79};
  e.cameo = "042";
  e.goldstein = 1.9;
  e.quad_class = 1;
  e.plover_type = "CONSULT";
  e.plover_mode = "visit";
  e.location = {"Damascus", "SYR", "", 33.51, 36.29, true};
  e.pattern = "042 visit";
  e.evidence = "An Azerbaijani delegation led by Deputy Foreign Yalchin Rafiyev has visited Syria";
  return e;
}

std::string WriteAll(Format f, const std::vector<Event>& events, const Article& a) {
  std::ostringstream out;
  auto w = MakeEventWriter(f, out);
  for (const Event& e : events) w->Write(e, a);
  w->Finish();
  return out.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? p : p - start));
    if (p == std::string::npos) return out;
    start = p + 1;
  }
}

TEST(FormatTest, Parse) {
  EXPECT_EQ(ParseFormat("jsonl"), Format::kJsonl);
  EXPECT_EQ(ParseFormat("csv"), Format::kCsv);
  EXPECT_EQ(ParseFormat("gdelt"), Format::kGdelt);
  EXPECT_EQ(ParseFormat("plover"), Format::kPlover);
  EXPECT_EQ(ParseFormat("xml"), std::nullopt);
  EXPECT_EQ(ParseFormat(""), std::nullopt);
}

TEST(JsonlWriterTest, OneRecordPerLine) {
  Event a = VisitEvent(), b = VisitEvent();
  b.event_id = "b";
  b.evidence = "line one\nline two";
  std::vector<std::string> lines = Lines(WriteAll(Format::kJsonl, {a, b}, SeedArticle()));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(EventFromJson(json::parse(lines[0])).event_id, a.event_id);
  Event back = EventFromJson(json::parse(lines[1]));
  EXPECT_EQ(back.evidence, b.evidence);
  EXPECT_EQ(json::parse(lines[0])["cameo"], "042");
}

// Parses RFC 4180 CSV text into records of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_field = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !in_field) {
      quoted = in_field = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      in_field = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      continue;  // CRLF ends the record at the '\n'
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      in_field = false;
      rows.emplace_back();
    } else {
      EXPECT_NE(c, '"') << "bare quote inside an unquoted field at byte " << i;
      field += c;
      in_field = true;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(CsvWriterTest, HeaderAndQuoting) {
  Event e = VisitEvent();
  e.evidence = "He said, \"we will visit\"\nand left";
  e.source.text = "Deputy Foreign Minister, Yalchin Rafiyev";
  e.quantity = "plain";
  std::string out = WriteAll(Format::kCsv, {e, VisitEvent()}, SeedArticle());
  auto rows = ParseCsv(out);
  ASSERT_EQ(rows.size(), 3u);
  const auto& header = rows[0];
  ASSERT_EQ(header.size(), 42u);
  EXPECT_EQ(header[0], "event_id");
  EXPECT_EQ(header.back(), "num_articles");
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());
  auto col = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    ADD_FAILURE() << "no column " << name;
    return size_t{0};
  };
  EXPECT_EQ(rows[1][col("evidence")], e.evidence);
  EXPECT_EQ(rows[1][col("source_text")], e.source.text);
  EXPECT_EQ(rows[1][col("cameo")], "042");
  EXPECT_EQ(rows[1][col("cameo_name")], "Make a visit");
  EXPECT_EQ(rows[1][col("goldstein")], "1.9");
  EXPECT_EQ(rows[1][col("plover_mode")], "visit");
  EXPECT_EQ(rows[1][col("lat")], "33.51");
  EXPECT_EQ(rows[1][col("negated")], "false");
  EXPECT_EQ(rows[1][col("outlet")], "AzerNews");
  // Quoted only where needed.
  EXPECT_NE(out.find("\"He said, \"\"we will visit\"\"\nand left\""), std::string::npos);
  EXPECT_NE(out.find(",plain,"), std::string::npos);
}

TEST(CsvWriterTest, HeaderEvenWithoutEvents) {
  std::string out = WriteAll(Format::kCsv, {}, SeedArticle());
  auto rows = ParseCsv(out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].size(), 42u);
}

TEST(GdeltWriterTest, SixtyOneColumnsWithLeadingZerosAndFips) {
  Event e = VisitEvent();
  e.cameo = "0331";
  e.goldstein = 5.2;
  e.location = {"Baku", "AZE", "", 40.41, 49.87, true};
  e.evidence = "a\ttab";
  std::vector<std::string> lines = Lines(WriteAll(Format::kGdelt, {e}, SeedArticle()));
  ASSERT_EQ(lines.size(), 1u);
  std::vector<std::string> c = Split(lines[0], '\t');
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[0], std::to_string(0x8f00000000000abcULL & 0x7fffffffffffffffULL));
  EXPECT_EQ(c[1], "20241230");
  EXPECT_EQ(c[2], "202412");
  EXPECT_EQ(c[3], "2024");
  EXPECT_EQ(c[4], "2024.9863");
  EXPECT_EQ(c[5], "AZEGOV");
  EXPECT_EQ(c[6], "Yalchin Rafiyev");
  EXPECT_EQ(c[7], "AZE");
  EXPECT_EQ(c[12], "GOV");
  EXPECT_EQ(c[15], "SYR");
  EXPECT_EQ(c[17], "SYR");
  EXPECT_EQ(c[22], "");
  EXPECT_EQ(c[25], "1");
  EXPECT_EQ(c[26], "0331");
  EXPECT_EQ(c[27], "033");
  EXPECT_EQ(c[28], "03");
  EXPECT_EQ(c[29], "1");
  EXPECT_EQ(c[30], "5.2");
  EXPECT_EQ(c[31], "1");
  EXPECT_EQ(c[34], "");  // AvgTone: not computed
  // Actor geo: country centroids in FIPS.
  EXPECT_EQ(c[35], "1");
  EXPECT_EQ(c[36], "Azerbaijan");
  EXPECT_EQ(c[37], "AJ");
  EXPECT_EQ(c[43], "1");
  EXPECT_EQ(c[45], "SY");
  // Action geo: a city in Azerbaijan.
  EXPECT_EQ(c[51], "4");
  EXPECT_EQ(c[52], "Baku, Azerbaijan");
  EXPECT_EQ(c[53], "AJ");
  EXPECT_EQ(c[54], "AJ");
  EXPECT_EQ(c[56], "40.41");
  EXPECT_EQ(c[57], "49.87");
  EXPECT_EQ(c[59].size(), 14u);
  EXPECT_EQ(c[60], "https://example.org/azerbaijan-syria");
}

TEST(GdeltWriterTest, FallbacksAndSpecialCases) {
  Article a = SeedArticle();
  a.url.clear();
  a.published = "2024-12-30T08:00:00Z";
  Event e = VisitEvent();
  e.date.clear();
  e.sentence = 7;
  e.event_id = "not-hex";
  e.source = {"IGOUNO", "", "", "United Nations", "the UN", 0, 0};
  e.target = {"ROMGOV", "ROU", "GOV", "", "Romania", 0, 0};
  e.location = {"Gaza City", "PSE", "", 0, 0, false};
  Event country_only = VisitEvent();
  country_only.date = "1992";
  country_only.location = {"Syria", "SYR", "", 0, 0, false};
  Event capital = VisitEvent();
  capital.date = "2024-11";
  capital.location = {"Damascus", "SYR", "", 0, 0, false};
  capital.target = EventActor();
  std::vector<std::string> lines =
      Lines(WriteAll(Format::kGdelt, {e, country_only, capital}, a));
  ASSERT_EQ(lines.size(), 3u);
  std::vector<std::string> c = Split(lines[0], '\t');
  ASSERT_EQ(c.size(), 61u);
  EXPECT_GT(std::stoull(c[0]), 0u);
  EXPECT_EQ(c[1], "20241230");  // published date
  EXPECT_EQ(c[5], "IGOUNO");
  EXPECT_EQ(c[7], "");
  EXPECT_EQ(c[8], "UNO");
  EXPECT_EQ(c[12], "IGO");
  EXPECT_EQ(c[35], "");  // no country, no actor geo
  EXPECT_EQ(c[17], "ROM");  // CAMEO country code
  EXPECT_EQ(c[45], "RO");   // FIPS
  EXPECT_EQ(c[25], "0");
  EXPECT_EQ(c[53], "GZ");
  EXPECT_EQ(c[56], "");  // no coordinates known
  EXPECT_EQ(c[60], "dyad:3b28a4ce30bb7c8f");

  std::vector<std::string> d = Split(lines[1], '\t');
  EXPECT_EQ(d[1], "19920101");
  EXPECT_EQ(d[51], "1");
  EXPECT_EQ(d[53], "SY");
  EXPECT_EQ(d[58], "SY");

  std::vector<std::string> k = Split(lines[2], '\t');
  ASSERT_EQ(k.size(), 61u);
  EXPECT_EQ(k[1], "20241101");  // November; published in December: the first day
  EXPECT_EQ(k[15], "");
  EXPECT_EQ(k[43], "");
  EXPECT_EQ(k[51], "4");
  EXPECT_EQ(k[56], "33.51");  // capital coordinates
}

// A small JSON Schema checker for what plover_event.schema.json uses: type, enum, oneOf,
// $ref into $defs, properties, required, items. Collects one message per violation.
class SchemaChecker {
 public:
  explicit SchemaChecker(json root) : root_(std::move(root)) {}

  void Check(const json& value, const json& schema, const std::string& path,
             std::vector<std::string>* errors) const {
    if (schema.contains("$ref")) {
      std::string ref = schema["$ref"];
      if (ref.rfind("#/$defs/", 0) != 0) {
        errors->push_back(path + ": unsupported $ref " + ref);
        return;
      }
      Check(value, root_["$defs"][ref.substr(8)], path, errors);
      return;
    }
    if (schema.contains("oneOf")) {
      int matches = 0;
      for (const json& branch : schema["oneOf"]) {
        std::vector<std::string> branch_errors;
        Check(value, branch, path, &branch_errors);
        matches += branch_errors.empty() ? 1 : 0;
      }
      if (matches != 1) {
        errors->push_back(path + " matches " + std::to_string(matches) + " oneOf branches: " +
                          value.dump());
      }
      return;
    }
    if (schema.contains("type") && !HasType(value, schema["type"])) {
      errors->push_back(path + " should be " + schema["type"].dump() + ": " + value.dump());
    }
    if (schema.contains("enum")) {
      bool found = false;
      for (const json& v : schema["enum"]) found = found || v == value;
      if (!found) errors->push_back(path + " = " + value.dump() + " is not in the enum");
    }
    if (value.is_object()) {
      for (const json& key : schema.value("required", json::array())) {
        if (!value.contains(key.get<std::string>())) {
          errors->push_back(path + " lacks required " + key.dump());
        }
      }
      if (schema.contains("properties")) {
        for (const auto& [key, sub] : schema["properties"].items()) {
          if (value.contains(key)) Check(value[key], sub, path + "." + key, errors);
        }
      }
    }
    if (value.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < value.size(); ++i) {
        Check(value[i], schema["items"], path + "[" + std::to_string(i) + "]", errors);
      }
    }
  }

 private:
  static bool HasType(const json& v, const std::string& type) {
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    if (type == "array") return v.is_array();
    if (type == "object") return v.is_object();
    if (type == "null") return v.is_null();
    return false;
  }

  json root_;
};

TEST(PloverWriterTest, SchemaCheckerCatchesViolations) {
  json schema = json::parse(R"({
    "type": "object", "required": ["id"],
    "properties": {
      "id": {"type": "string"},
      "event": {"oneOf": [{"type": "string", "enum": ["AGREE"]}, {"type": "array"}]}}})");
  SchemaChecker checker(schema);
  std::vector<std::string> errors;
  checker.Check(json{{"id", "x"}, {"event", "AGREE"}}, schema, "$", &errors);
  EXPECT_TRUE(errors.empty());
  checker.Check(json{{"id", 1}, {"event", "AGRE"}}, schema, "$", &errors);
  EXPECT_EQ(errors.size(), 2u);
  errors.clear();
  checker.Check(json{{"event", json::array()}}, schema, "$", &errors);
  EXPECT_EQ(errors.size(), 1u);
}

TEST(PloverWriterTest, ValidatesAgainstSharedSchema) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/data/plover/plover_event.schema.json");
  if (!in) GTEST_SKIP() << "PLOVER schema not found under " << DYAD_SHARED_DIR;
  json schema = json::parse(in);
  ASSERT_TRUE(schema.contains("required"));

  Event month = VisitEvent();
  month.event_id = "m";
  month.date = "2024-11";
  month.cameo = "175";  // context moved from the mode column of the PLOVER table
  month.plover_type = "ASSAULT";
  month.plover_mode = "";
  month.location = {"Aleppo", "SYR", "Aleppo", 0, 0, false};
  month.negated = true;
  Event no_target = VisitEvent();
  no_target.event_id = "t";
  no_target.target = EventActor();
  no_target.cameo = "0333";
  no_target.plover_type.clear();  // taken from the ontology
  no_target.plover_mode.clear();
  std::vector<std::string> lines =
      Lines(WriteAll(Format::kPlover, {VisitEvent(), month, no_target}, SeedArticle()));
  ASSERT_EQ(lines.size(), 3u);
  SchemaChecker checker(schema);
  for (const std::string& line : lines) {
    json record = json::parse(line);
    for (const json& key : schema["required"]) {
      EXPECT_TRUE(record.contains(key.get<std::string>())) << key << " missing: " << line;
    }
    std::vector<std::string> errors;
    checker.Check(record, schema, "$", &errors);
    for (const std::string& error : errors) ADD_FAILURE() << error << "\n  in " << line;
  }
  json visit = json::parse(lines[0]);
  EXPECT_EQ(visit["id"], "8f00000000000abc");
  EXPECT_EQ(visit["date"], "2024-12-30");
  EXPECT_EQ(visit["event"], "CONSULT");
  EXPECT_EQ(visit["mode"], "visit");
  EXPECT_EQ(visit["actor"][0]["code"], "AZE");
  EXPECT_EQ(visit["actor"][0]["sector"], "GOV");
  EXPECT_EQ(visit["actor"][0]["identifier_text"], "Yalchin Rafiyev");
  EXPECT_EQ(visit["recipient"][0]["code"], "SYR");
  EXPECT_EQ(visit["event_loc"]["country_code"], "SYR");
  EXPECT_EQ(visit["story_id"], "3b28a4ce30bb7c8f");
  EXPECT_EQ(visit["link"], "https://example.org/azerbaijan-syria");

  json m = json::parse(lines[1]);
  EXPECT_EQ(m["date"], "2024-11-01");
  EXPECT_EQ(m["enddate"], "2024-11-30");
  EXPECT_EQ(m["context"], json::array({"pro_autocracy", "military"}));
  EXPECT_EQ(m["negated"], true);
  EXPECT_EQ(m["event_loc"]["resolution"], 2);

  json t = json::parse(lines[2]);
  EXPECT_EQ(t["event"], "AGREE");
  EXPECT_EQ(t["recipient"], json::array());
  EXPECT_EQ(t["context"], json::array({"human_security"}));
}

TEST(PloverWriterTest, SkipsWhatPloverCannotRepresent) {
  Event statement = VisitEvent();
  statement.cameo = "010";  // PLOVER has no public-statement category
  statement.plover_type.clear();
  statement.plover_mode.clear();
  Event undated = VisitEvent();
  undated.date.clear();
  Article no_date = SeedArticle();
  no_date.published.clear();
  EXPECT_EQ(WriteAll(Format::kPlover, {statement}, SeedArticle()), "");
  EXPECT_EQ(WriteAll(Format::kPlover, {undated}, no_date), "");
  EXPECT_EQ(Lines(WriteAll(Format::kPlover, {undated}, SeedArticle())).size(), 1u);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

std::vector<std::string> GdeltRow(const Event& e, const Article& a, const EventContext& c = {}) {
  std::ostringstream out;
  auto w = MakeEventWriter(Format::kGdelt, out);
  w->Write(e, a, c);
  return Split(Lines(out.str()).at(0), '\t');
}

TEST(GdeltWriterTest, SqlDateFromAPublicationDateOfAnyPrecision) {
  Article a = SeedArticle();
  a.published = "2024-12";
  Event e = VisitEvent();
  e.date.clear();
  std::vector<std::string> c = GdeltRow(e, a);
  EXPECT_EQ(c[1], "20241201");
  EXPECT_EQ(c[2], "202412");
  a.published.clear();
  EXPECT_EQ(GdeltRow(e, a)[1], "");  // neither date known
}

TEST(GdeltWriterTest, MonthAndYearDatesTakeThePublicationDayInThePeriod) {
  Article a = SeedArticle();  // published 2024-12-30
  Event e = VisitEvent();
  e.date = "2024-12";
  e.date_precision = "month";
  EXPECT_EQ(GdeltRow(e, a)[1], "20241230");
  e.date = "2024";
  EXPECT_EQ(GdeltRow(e, a)[1], "20241230");
  e.date = "1992";
  std::vector<std::string> c = GdeltRow(e, a);
  EXPECT_EQ(c[1], "19920101");
  EXPECT_EQ(c[3], "1992");
}

TEST(GdeltWriterTest, CountsAndDateAddedFromTheStore) {
  EventContext ctx;
  ctx.num_mentions = 5;
  ctx.num_sources = 3;
  ctx.num_articles = 4;
  ctx.date_added = "2025-01-02T03:04:05Z";
  std::vector<std::string> c = GdeltRow(VisitEvent(), SeedArticle(), ctx);
  EXPECT_EQ(c[31], "5");
  EXPECT_EQ(c[32], "3");
  EXPECT_EQ(c[33], "4");
  EXPECT_EQ(c[34], "");
  EXPECT_EQ(c[59], "20250102030405");
}

TEST(GdeltWriterTest, UnknownCountryIsEmptyNotDashes) {
  Event e = VisitEvent();
  e.source = {"---GOV", "", "", "", "the government", 0, 0};
  e.target = {"---MIL", "", "MIL", "", "troops", 0, 0};
  std::vector<std::string> c = GdeltRow(e, SeedArticle());
  EXPECT_EQ(c[5], "GOV");
  EXPECT_EQ(c[7], "");
  EXPECT_EQ(c[12], "GOV");
  EXPECT_EQ(c[15], "MIL");
  EXPECT_EQ(c[17], "");
  EXPECT_EQ(c[22], "MIL");
}

TEST(JsonlWriterTest, CarriesOutletUrlAndPublished) {
  Article a = SeedArticle();
  json j = json::parse(Lines(WriteAll(Format::kJsonl, {VisitEvent()}, a)).at(0));
  EXPECT_EQ(j["outlet"], "AzerNews");
  EXPECT_EQ(j["url"], a.url);
  EXPECT_EQ(j["modality"], "asserted");
  EXPECT_EQ(j["negated"], false);
  a.url.clear();
  j = json::parse(Lines(WriteAll(Format::kJsonl, {VisitEvent()}, a)).at(0));
  EXPECT_TRUE(j["url"].is_null());
}

TEST(CsvWriterTest, EveryFieldOfTheRecord) {
  Event e = VisitEvent();
  e.symmetric = true;
  e.date_precision = "unknown";
  auto rows = ParseCsv(WriteAll(Format::kCsv, {e}, SeedArticle()));
  ASSERT_EQ(rows.size(), 2u);
  std::map<std::string, std::string> r;
  for (size_t i = 0; i < rows[0].size(); ++i) r[rows[0][i]] = rows[1][i];
  EXPECT_EQ(r["date_basis"], "published");
  EXPECT_EQ(r["symmetric"], "true");
  EXPECT_EQ(r["source_role"], "GOV");
  EXPECT_EQ(r["target_role"], "");
  EXPECT_EQ(r["date_precision"], "");  // unknown is empty, as every missing value
  EXPECT_EQ(r["modality"], "asserted");
  EXPECT_EQ(r["url"], SeedArticle().url);
}

TEST(PloverWriterTest, PloverSectorsAndNullCodes) {
  Event e = VisitEvent();
  e.source = {"---MED", "", "MED", "", "journalists", 0, 0};
  e.target = {"SYRHLH", "SYR", "HLH", "", "the health ministry", 0, 0};
  json j = json::parse(Lines(WriteAll(Format::kPlover, {e}, SeedArticle())).at(0));
  EXPECT_TRUE(j["actor"][0]["code"].is_null());
  EXPECT_EQ(j["actor"][0]["sector"], "JRN");
  EXPECT_EQ(j["recipient"][0]["code"], "SYR");
  EXPECT_EQ(j["recipient"][0]["sector"], "MED");
  EXPECT_EQ(j["cite_info"]["url"], SeedArticle().url);
  EXPECT_EQ(j["modality"], "asserted");
  EXPECT_EQ(j["negated"], false);
}

TEST(ModalityFilterTest, DefaultKeepsWhatCameoCodes) {
  ModalityFilter f;
  Event e = VisitEvent();
  EXPECT_TRUE(f.Keeps(e));
  e.modality = "intended";
  EXPECT_TRUE(f.Keeps(e));
  e.modality = "considered";
  EXPECT_TRUE(f.Keeps(e));
  e.modality = "hypothetical";
  EXPECT_FALSE(f.Keeps(e));
  e.modality = "requested";
  EXPECT_FALSE(f.Keeps(e));
  e.modality = "asserted";
  e.negated = true;
  EXPECT_FALSE(f.Keeps(e));
}

TEST(ModalityFilterTest, Parse) {
  std::string error;
  Event e = VisitEvent();
  e.negated = true;
  e.modality = "hypothetical";
  std::optional<ModalityFilter> all = ParseModalityFilter("all", &error);
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->Keeps(e));
  std::optional<ModalityFilter> list = ParseModalityFilter("default,negated", &error);
  ASSERT_TRUE(list);
  EXPECT_FALSE(list->Keeps(e));
  e.modality = "asserted";
  EXPECT_TRUE(list->Keeps(e));
  std::optional<ModalityFilter> only = ParseModalityFilter("requested", &error);
  ASSERT_TRUE(only);
  EXPECT_FALSE(only->Keeps(e));
  EXPECT_FALSE(ParseModalityFilter("maybe", &error));
  EXPECT_NE(error.find("maybe"), std::string::npos);
}

TEST(FilteredEventWriterTest, CountsWhatItWroteAndWhy) {
  std::ostringstream out;
  FilteredEventWriter w(MakeEventWriter(Format::kPlover, out), ModalityFilter{});
  Event statement = VisitEvent();
  statement.cameo = "010";
  statement.plover_type.clear();
  Event negated = VisitEvent();
  negated.negated = true;
  w.Write(VisitEvent(), SeedArticle());
  w.Write(statement, SeedArticle());
  w.Write(negated, SeedArticle());
  w.Finish();
  EXPECT_EQ(w.written(), 1);
  EXPECT_EQ(w.unrepresentable(), 1);
  EXPECT_EQ(w.filtered(), 1);
  EXPECT_EQ(static_cast<int64_t>(Lines(out.str()).size()), w.written());
  EXPECT_EQ(w.Summary().rfind("1 event written", 0), 0u) << w.Summary();
}

}  // namespace
}  // namespace dyad
