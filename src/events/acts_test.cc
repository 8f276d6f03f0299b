// The built-in dictionary's patterns for acts analysts code most (mediation, cancelled
// events and walkouts, expulsions of diplomats, strikes from the air and by artillery,
// arrests, sanctions, accusations, grants), through every stage on sentences written for
// this test: the code, source and target each must give, and where none must fire.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad {
namespace {

std::vector<Event> Code(const std::string& text) {
  static const Pipeline pipeline;
  CodedArticle a;
  a.article.id = "acts";
  a.article.published = "2024-05-02";
  a.article.text = text;
  pipeline.Run(&a);
  return a.events;
}

std::string Got(const std::vector<Event>& events) {
  std::string got;
  for (const Event& e : events) got += e.cameo + " " + e.source.code + "->" + e.target.code + "; ";
  return got;
}

struct Case {
  const char* text;
  const char* cameo;
  const char* source;
  const char* target;
};

TEST(ActsTest, EachKindOfActGivesItsCodeAndActors) {
  const Case cases[] = {
      // 046 negotiation taken up again by a coordinated pair.
      {"Morocco and Algeria renewed negotiations on their land border.", "046", "MAR", "DZA"},
      // 045 mediation: the mediator is the source, each party a target.
      {"Armenia and Azerbaijan held talks under the auspices of Russia.", "045", "RUS", "ARM"},
      {"Armenia and Azerbaijan held talks under the auspices of Russia.", "045", "RUS", "AZE"},
      {"Kenya and Somalia settled the dispute through the good offices of Egypt.", "045", "EGY", "KEN"},
      {"Turkey facilitated the prisoner swap between Russia and Ukraine.", "045", "TUR", "UKR"},
      {"The truce between Israel and Hamas was brokered by Egypt.", "045", "EGY", "ISR"},
      // 16x: cancelled, postponed and abandoned events, walkouts, expulsions.
      {"The Chinese president postponed his visit to France.", "160", "CHNGOV", "FRA"},
      {"The British prime minister cancelled a planned visit to Washington.", "160", "GBRGOV", "USA"},
      {"Japan pulled out of the summit with China.", "160", "JPN", "CHN"},
      {"France announced the postponement of the visit to Algeria.", "160", "FRA", "DZA"},
      {"The Russian delegation walked out of the Security Council session.", "164", "RUSGOV", "IGOUNO"},
      {"Poland expelled the Russian ambassador.", "161", "POL", "RUSGOV"},
      {"Niger ordered the French ambassador out of the country.", "161", "NER", "FRAGOV"},
      {"France recalled its ambassador to Algeria.", "161", "FRA", "DZA"},
      // 18x/19x: strikes by air, missile and artillery, fire.
      {"Israel carried out air strikes on Syria.", "195", "ISR", "SYR"},
      {"The Iranian army carried out an aerial attack against Iraq.", "195", "IRNMIL", "IRQ"},
      {"Russian forces fired missiles at Kyiv.", "195", "RUSMIL", "UKR"},
      {"Hamas fired rockets at Israel.", "194", "PSEREBHMS", "ISR"},
      {"Indian troops opened fire on Pakistani soldiers.", "193", "INDMIL", "PAKMIL"},
      // 173 arrests, also passive; 163 sanctions on people.
      {"Nine Afghan migrants were arrested by Iranian police.", "173", "IRNCOP", "AFGREF"},
      {"The United States imposed sanctions on two Iranian officials.", "163", "USA", "IRNGOV"},
      // 112x accusations, labels and evidence.
      {"South Africa accused Israel of genocide.", "1124", "ZAF", "ISR"},
      {"Sudan declared the United Arab Emirates an aggressor state.", "1123", "SDN", "ARE"},
      {"Ukraine presented evidence against Russia.", "112", "UKR", "RUS"},
      // 071 grants.
      {"Japan gave Vietnam a grant of ten million dollars.", "071", "JPN", "VNM"},
      // 03x: readiness to cooperate is an intention, not cooperation.
      {"China expressed readiness to cooperate with Russia.", "030", "CHN", "RUS"},
  };
  for (const Case& c : cases) {
    std::vector<Event> ev = Code(c.text);
    bool found = false;
    for (const Event& e : ev)
      if (e.cameo == c.cameo && e.source.code == c.source && e.target.code == c.target) found = true;
    EXPECT_TRUE(found) << c.text << "\n  want " << c.cameo << " " << c.source << "->" << c.target
                       << "\n  got  " << Got(ev);
  }
}

// Codes (or code prefixes) a sentence must not give.
TEST(ActsTest, WrongActsAreNotCoded) {
  struct Not {
    const char* text;
    const char* cameo_prefix;
  };
  const Not cases[] = {
      // Agreeing to lift sanctions eases them (085, or its intention 0354); it imposes none.
      {"The United States agreed to lift sanctions on Venezuela.", "163"},
      // A cancelled visit is no visit, and "a planned visit" names no policy reversed.
      {"The British prime minister cancelled a planned visit to Washington.", "042"},
      {"The British prime minister cancelled a planned visit to Washington.", "0832"},
      {"France announced the postponement of the visit to Algeria.", "042"},
      // Readiness to cooperate is no cooperation.
      {"China expressed readiness to cooperate with Russia.", "05"},
      // A court that jails someone accuses nobody.
      {"A Turkish court jailed a Greek journalist.", "11"},
      // The mediator is not a signatory: no mediation from "not a signatory".
      {"Qatar, the mediator, is not a signatory to the agreement between Israel and Hamas.", "057"},
  };
  for (const Not& c : cases) {
    std::string p = c.cameo_prefix;
    for (const Event& e : Code(c.text))
      EXPECT_NE(e.cameo.substr(0, p.size()), p) << c.text << "\n  got " << Got({e});
  }
  // Evidence of something, with no one it is against, accuses no one.
  for (const Event& e : Code("Ukraine presented evidence to the court in The Hague."))
    EXPECT_NE(e.cameo, "112") << Got({e});
  // Hosting a signing is no mediation without parties "between" or "under the auspices".
  for (const Event& e : Code("Egypt praised the good work of Jordan."))
    EXPECT_NE(e.cameo, "045") << Got({e});
}

}  // namespace
}  // namespace dyad
