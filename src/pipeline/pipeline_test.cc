// The per-article stages together on sentences of their own: what the coder, the actor
// stage and the dates give for one text.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace dyad {
namespace {

std::vector<Event> Code(const std::string& text, const std::string& published, CodedArticle* out) {
  static const Pipeline pipeline;
  out->article.id = "t";
  out->article.published = published;
  out->article.text = text;
  pipeline.Run(out);
  return out->events;
}

const Event* Find(const std::vector<Event>& events, const std::string& cameo, const std::string& date) {
  for (const Event& e : events)
    if (e.cameo == cameo && e.date == date) return &e;
  return nullptr;
}

TEST(PipelineTest, AnEmbassyThatBeginsWorkIsItsStatesActOnTheHost) {
  CodedArticle a;
  std::vector<Event> ev = Code(
      "The Greek embassy in Ankara opened in 1991, and its operations resumed in 2005 after a "
      "long pause.",
      "2024-05-02", &a);
  const Event* opened = Find(ev, "054", "1991");
  ASSERT_NE(opened, nullptr);
  EXPECT_EQ(opened->source.code, "GRC");  // the state, not the embassy (GRCGOV)
  EXPECT_EQ(opened->target.code, "TUR");  // where the embassy is
  EXPECT_EQ(opened->date_basis, "text");
  // "its operations": the embassy's, not Ankara's; dated by its own clause.
  const Event* resumed = Find(ev, "050", "2005");
  ASSERT_NE(resumed, nullptr);
  EXPECT_EQ(resumed->source.code, "GRC");
  EXPECT_EQ(resumed->target.code, "TUR");

  // Not an embassy: an army's operations are no diplomatic act.
  CodedArticle b;
  for (const Event& e : Code("The Greek army in Ankara paused, and its operations resumed in 2005.",
                            "2024-05-02", &b))
    EXPECT_TRUE(e.cameo != "050" && e.cameo != "054") << e.evidence;
}

TEST(PipelineTest, AnUndatedArticleIsDatedByItsTextOnlyWhereNothingElseDatesIt) {
  CodedArticle a;
  std::vector<Event> ev = Code(
      "Ties between the two kingdoms go back 30 years to 1994. Norway's embassy in Ottawa "
      "opened in 1996. On Tuesday the Norwegian minister visited Canada.",
      "", &a);
  EXPECT_EQ(a.article.published, "");
  EXPECT_EQ(a.article.published_estimate.date, "2024");
  EXPECT_EQ(a.article.published_estimate.basis, "elapsed");
  const Event* visit = nullptr;
  for (const Event& e : ev)
    if (e.cameo == "042") visit = &e;
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->date, "2024");  // "on Tuesday" needs a publication date to be a day
  EXPECT_EQ(visit->date_basis, kDateBasisEstimated);
  const Event* embassy = Find(ev, "054", "1996");
  ASSERT_NE(embassy, nullptr);
  EXPECT_EQ(embassy->date_basis, "text");

  // A dated article: no estimate.
  CodedArticle b;
  Code("Ties go back 30 years to 1994.", "2024-05-02", &b);
  EXPECT_TRUE(b.article.published_estimate.empty());
}

// Sentences written for this test, one construction each, through every stage: the code,
// source and target dyad must give (CAMEO codes of the built-in dictionary).
TEST(PipelineTest, NewsConstructions) {
  struct Case {
    const char* text;
    const char* cameo;
    const char* source;
    const char* target;
  };
  const Case cases[] = {
      {"Chile and Peru restored relations on Monday.", "050", "CHL", "PER"},
      {"The EU's foreign policy chief rejected Israel's suggestion on Monday.", "120", "IGOEEC", "ISR"},
      {"Japan is considering sending aid to North Korea.", "014", "JPN", "PRK"},
      {"The Russian and US navies began a joint military exercise on Tuesday.", "062", "RUSMIL", "USAMIL"},
      {"Egypt was alarmed by Turkey's decision.", "012", "EGY", "TUR"},
      {"The government in Bogota asked Havana to release the prisoners.", "0253", "COLGOV", "CUB"},
      {"The Nigerian Air Force says it has killed ten Boko Haram fighters.", "190", "NGAMIL", "NGAREB"},
      {"Since 2001, the United States has provided Egypt with military aircraft.", "070", "USA", "EGY"},
      {"Iran decided to ease sanctions on Iraq.", "085", "IRN", "IRQ"},
      // A passive verb's subject holds the pattern's object words.
      {"Sanctions were imposed on Russia by the European Union on Monday.", "163", "IGOEEC", "RUS"},
      {"Diplomatic ties between Chile and Peru were suspended on Monday.", "161", "CHL", "PER"},
      {"Talks were held between Iran and Oman in Muscat.", "040", "IRN", "OMN"},
      // Force used in a place is used against it; a word the parse hangs on the anchor's
      // clause is the anchor's, however far; "struck" after "military" is still a verb.
      {"Earlier, Israeli military struck a target in the Gaza Strip's eastern border regions "
       "with artillery.", "194", "ISRMIL", "PSE"},
      {"Russian jets bombed villages in Syria on Monday.", "195", "RUSMIL", "SYR"},
      // Diplomats sent home: the envoy the pattern names is the target.
      {"Russia declared the Estonian ambassador persona non grata.", "161", "RUS", "ESTGOV"},
      {"Estonia ordered the Russian envoy to leave the country.", "161", "EST", "RUSGOV"},
      {"Russia told the Estonian charge d'affaires to leave within 72 hours.", "161", "RUS", "ESTGOV"},
      // Scare quotes do not end the clause.
      {"Sudan declared Chad an \"aggressor state\" on Monday.", "1123", "SDN", "TCD"},
  };
  for (const Case& c : cases) {
    CodedArticle a;
    std::vector<Event> ev = Code(c.text, "2024-05-02", &a);
    bool found = false;
    std::string got;
    for (const Event& e : ev) {
      got += e.cameo + " " + e.source.code + "->" + e.target.code + "; ";
      if (e.cameo == c.cameo && e.source.code == c.source && e.target.code == c.target) found = true;
    }
    EXPECT_TRUE(found) << c.text << "\n  want " << c.cameo << " " << c.source << "->" << c.target
                       << "\n  got  " << got;
  }
  // An act asked of someone is not coded as done, however the parse attaches it ("the
  // court to suspend" as the object's infinitive).
  CodedArticle asked;
  for (const Event& e : Code("Mexico has asked the top court of the United Nations to suspend "
                             "Ecuador's membership.", "2024-05-02", &asked))
    EXPECT_NE(e.cameo.substr(0, 2), "16") << e.source.code << "->" << e.target.code;
  // The act inside an accusation is its content, not an event of its own.
  CodedArticle accusation;
  for (const Event& e : Code("Mexico accused Ecuador of violating a treaty by carrying out an armed "
                             "raid on the Mexican embassy.", "2024-05-02", &accusation))
    EXPECT_EQ(e.cameo.substr(0, 2), "11") << e.cameo << " " << e.source.code << "->" << e.target.code;
  // Summoning an envoy to protest is the summoner's protest.
  CodedArticle summoned;
  for (const Event& e : Code("Pakistan summoned Iran's envoy to lodge a strong protest.", "2024-05-02", &summoned))
    EXPECT_EQ(e.source.country, "PAK") << e.cameo << " " << e.source.code << "->" << e.target.code;
  // A list in another clause is not coordinated with the subject.
  CodedArticle lists;
  for (const Event& e : Code("After travelling this week to France, Germany and Italy, Brazil's "
                             "finance minister hopes to visit Canada next week.", "2024-05-02", &lists))
    EXPECT_EQ(e.source.country, "BRA") << e.cameo << " " << e.source.code << "->" << e.target.code;
  // No event: a capital after "in" is where a meeting was, not whom it was with.
  CodedArticle venue;
  for (const Event& e : Code("Canada met recently in Paris.", "2024-05-02", &venue))
    ADD_FAILURE() << "unexpected " << e.cameo << " " << e.source.code << "->" << e.target.code;
}

// "the two countries", "both sides": the pair the article named, in either slot, and a
// mutual act of a list coded once, not once each way nor with the venue.
TEST(PipelineTest, PairPhrasesStandForBothMembers) {
  auto dyads = [](const std::vector<Event>& ev, uint32_t sentence) {
    std::multiset<std::string> out;
    for (const Event& e : ev)
      if (e.sentence == sentence) out.insert(e.cameo.substr(0, 2) + " " + e.source.country + "->" + e.target.country);
    return out;
  };
  CodedArticle a;
  std::vector<Event> ev = Code(
      "Armenia and Azerbaijan signed a peace deal in Washington on Friday. "
      "Washington secured agreements with both countries. "
      "Both sides condemned the attack by Iran.", "2025-08-09", &a);
  EXPECT_EQ(dyads(ev, 0), (std::multiset<std::string>{"05 ARM->AZE"}));
  EXPECT_EQ(dyads(ev, 1), (std::multiset<std::string>{"05 USA->ARM", "05 USA->AZE"}));
  EXPECT_EQ(dyads(ev, 2), (std::multiset<std::string>{"11 ARM->IRN", "11 AZE->IRN"}));
  for (const Event& e : ev) {
    EXPECT_TRUE(e.sentence != 0 || e.symmetric) << e.cameo;
  }
  // A mediation that names no party mediates between the article's pair.
  CodedArticle mediated;
  ev = Code("Armenia and Azerbaijan signed a peace deal on Friday. The ceremony was hosted at the "
            "White House under the facilitation of U.S. President Donald Trump.", "2025-08-09", &mediated);
  EXPECT_EQ(dyads(ev, 1), (std::multiset<std::string>{"04 USA->ARM", "04 USA->AZE"}));
  // "between X and Y" is the pair too, but only for the act it is an argument of.
  CodedArticle b;
  ev = Code("Relations between Chile and Peru entered a new phase after the fall of the junta. "
            "Prospects emerged for cooperation between Chile and Peru.", "2025-08-09", &b);
  for (const Event& e : ev)
    ADD_FAILURE() << "unexpected " << e.cameo << " " << e.source.code << "->" << e.target.code;
}

}  // namespace
}  // namespace dyad
