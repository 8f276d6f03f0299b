// The built-in table of people (data/actors/persons.tsv): every line parses, and the actor
// stage takes the office valid at the article's date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/actors_test_util.h"
#include "actors/entity_registry.h"
#include "actors/gazetteer.h"
#include "util/embedded_data.h"

namespace dyad {
namespace {

TEST(GazetteerPeopleTest, EveryLineParses) {
  auto persons = EmbeddedFile("actors/persons.tsv");
  ASSERT_TRUE(persons.has_value());
  std::vector<Diagnostic> seen;
  DiagnosticSink sink = [&](const Diagnostic& d) { seen.push_back(d); };
  std::vector<ActorFileEntry> lines = ParseActorFile(*persons, "actors/persons.tsv", sink);
  for (const Diagnostic& d : seen) ADD_FAILURE() << d.where << ": " << d.message;
  Gazetteer g = Gazetteer::FromText(EmbeddedFile("actors/countries.tsv").value_or(""),
                                    EmbeddedFile("actors/organizations.tsv").value_or(""), *persons, sink);
  EXPECT_TRUE(seen.empty());
  EXPECT_GT(lines.size(), 300u);
  EXPECT_GT(g.people().size(), 250u);
  size_t offices = 0;
  for (uint32_t i = 0; i < g.people().size(); ++i) {
    const KnownPerson& p = g.people()[i];
    SCOPED_TRACE(p.name);
    ASSERT_FALSE(p.offices.empty());
    offices += p.offices.size();
    for (const EntityCode& o : p.offices) {
      // Each office holds from its first day on (a later office starting that day aside).
      EXPECT_FALSE(o.first.empty()) << o.code;
      EXPECT_EQ(g.PersonCodeAt(i, o.first), o.code);
      const std::string prefix = o.code.substr(0, 3);
      EXPECT_TRUE(prefix == "IGO" || g.FindCountry(prefix) != nullptr) << o.code;
    }
    // Before the first office the table says nothing; after the last a former official.
    EXPECT_EQ(g.PersonCodeAt(i, "1900-01-01"), "");
    const EntityCode& latest = p.offices.back();
    const std::string role = latest.code.substr(3, 3);
    const bool state = latest.code.compare(0, 3, "IGO") != 0 &&
                       (role == "GOV" || role == "MIL" || role == "LEG" || role == "JUD");
    const std::string after = latest.last.empty() ? latest.code
                              : state             ? latest.code.substr(0, 3) + "ELI"
                                                  : "";
    EXPECT_EQ(g.PersonCodeAt(i, "9999-01-01"), after);
  }
  EXPECT_EQ(offices, lines.size());
}

TEST(GazetteerPeopleTest, OfficesByDate) {
  const Gazetteer& g = Gazetteer::BuiltIn();
  auto person = [&](const char* name) {
    for (uint32_t i = 0; i < g.people().size(); ++i)
      if (g.people()[i].name == name) return i;
    ADD_FAILURE() << name << " is not in the table";
    return uint32_t{0};
  };
  struct Case {
    const char* name;
    const char* date;
    const char* code;
  };
  const Case cases[] = {
      {"Antony Blinken", "2023-05-01", "USAGOV"}, {"Antony Blinken", "2025-01-20", "USAGOV"},
      {"Antony Blinken", "2025-01-21", "USAELI"}, {"Antony Blinken", "2026-03-01", "USAELI"},
      {"Antony Blinken", "2019-06-01", "USAELI"},  // between his two offices
      {"Antony Blinken", "", "USAGOV"},            // undated: the latest office
      {"Joe Biden", "2024-06-01", "USAGOV"},      {"Joe Biden", "2026-01-10", "USAELI"},
      {"Donald Trump", "2019-01-01", "USAGOV"},   {"Donald Trump", "2022-01-01", "USAELI"},
      {"Donald Trump", "2026-01-01", "USAGOV"},   {"Sergei Lavrov", "2016-01-01", "RUSGOV"},
      {"Sergei Lavrov", "", "RUSGOV"},            {"Masoud Pezeshkian", "2020-01-01", ""},
      {"Benjamin Netanyahu", "2022-03-01", "ISROPP"}, {"Benjamin Netanyahu", "2023-03-01", "ISRGOV"},
      {"Mohamed Hamdan Dagalo", "2021-01-01", "SDNGOV"}, {"Mohamed Hamdan Dagalo", "2024-01-01", "SDNUAF"},
      {"Ahmad al-Sharaa", "2020-01-01", "SYRREB"},  {"Ahmad al-Sharaa", "2025-02-01", "SYRGOV"},
      {"Mark Rutte", "2020-01-01", "NLDGOV"},       {"Mark Rutte", "2025-01-01", "IGONAT"},
      {"Jens Stoltenberg", "2024-12-01", "NORELI"},  // former Norwegian PM, between offices
      {"Ban Ki-moon", "2020-01-01", ""},             // after an international office: no code
      {"Ban Ki-moon", "", "IGOUNO"},
      {"Yahya Sinwar", "2024-01-01", "PSEREBHMS"},  {"Yahya Sinwar", "2025-03-01", ""},
      {"Juan Guaido", "2024-01-01", ""},             // after leading the opposition: no code
  };
  for (const Case& c : cases) {
    EXPECT_EQ(g.PersonCodeAt(person(c.name), c.date), c.code) << c.name << " at '" << c.date << "'";
  }
}

// The actor stage on a text published on `date`.
void AnalyzeOn(std::string_view text, std::string_view date, actors_test::Analyzed* out) {
  out->text = std::string(text);
  actors_test::Analyzer().Analyze(out->text, &out->doc);
  actors_test::Finder().Find(out->doc, &out->mentions, date);
}

std::string CodeOf(std::string_view text, std::string_view span, std::string_view date) {
  actors_test::Analyzed a;
  AnalyzeOn(text, date, &a);
  const ActorMention* m = a.Exactly(span);
  return m == nullptr ? "(none)" : m->code;
}

TEST(GazetteerPeopleTest, BareNamesTakeTheOfficeOfTheDate) {
  struct Case {
    const char* text;
    const char* span;
    const char* date;
    const char* code;  // "(none)": not coded
  };
  const Case cases[] = {
      {"Blinken said the talks were useful.", "Blinken", "2023-05-01", "USAGOV"},
      {"Blinken said the talks were useful.", "Blinken", "2026-02-01T10:00:00Z", "USAELI"},
      {"Biden said the talks were useful.", "Biden", "2024-04-02", "USAGOV"},
      {"Biden said the talks were useful.", "Biden", "2026-04-02", "USAELI"},
      {"Lavrov said the talks were useful.", "Lavrov", "2023-05-01", "RUSGOV"},
      {"Lavrov said the talks were useful.", "Lavrov", "", "RUSGOV"},
      {"Zelenskyy said the talks were useful.", "Zelenskyy", "2024-01-01", "UKRGOV"},
      {"Burhan said the talks were useful.", "Burhan", "2024-01-01", "SDNGOV"},
      {"Hemedti said the talks were useful.", "Hemedti", "2024-01-01", "SDNUAF"},
      {"Former president Obama said the talks were useful.", "Former president Obama", "2020-01-01",
       "USAELI"},
      // Another person of the family is not the listed one.
      {"Hunter Biden said the talks were useful.", "Hunter Biden", "2024-04-02", "(none)"},
      // Two people of the table share "Sharif" and "Aoun": the date decides when it leaves
      // one of them in office.
      {"Sharif said the talks were useful.", "Sharif", "2016-03-01", "PAKGOV"},
      {"Sharif said the talks were useful.", "Sharif", "2024-06-01", "PAKGOV"},
      {"Sharif said the talks were useful.", "Sharif", "", "(none)"},
      {"Aoun said the talks were useful.", "Aoun", "2019-06-01", "(none)"},  // both in office
      {"Aoun said the talks were useful.", "Aoun", "2025-06-01", "LBNGOV"},
      {"Aoun said the talks were useful.", "Aoun", "", "(none)"},
      // ... and so does the article, naming one of them in full.
      {"Shehbaz Sharif met the envoy. Later, Sharif said the talks were useful.", "Sharif", "",
       "PAKGOV"},
      {"Michel Aoun met the envoy. Later, Aoun said the talks were useful.", "Aoun", "2019-06-01",
       "LBNGOV"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CodeOf(c.text, c.span, c.date), c.code) << c.text << " on '" << c.date << "'";
  }
  actors_test::Analyzed a;
  AnalyzeOn("Sharif said the talks were useful.", "2016-03-01", &a);
  const ActorMention* m = a.Exactly("Sharif");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->entity, "Nawaz Sharif");
  AnalyzeOn("Sharif said the talks were useful.", "2024-06-01", &a);
  m = a.Exactly("Sharif");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->entity, "Shehbaz Sharif");
}

}  // namespace
}  // namespace dyad
