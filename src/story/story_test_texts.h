// Hand-written example articles for the story tests (invented events, places and
// people). Two fires in two towns, each reported by two outlets in their own words,
// and one long article for the near-duplicate tests.
#ifndef DYAD_STORY_STORY_TEST_TEXTS_H_
#define DYAD_STORY_STORY_TEST_TEXTS_H_

#include <string>
#include <vector>

namespace dyad::story_test {

// Paragraphs of one long wire article about a mill fire in Dunmore.
inline const std::vector<std::string>& MillFireParagraphs() {
  static const std::vector<std::string> paragraphs = {
      "A fire tore through the old Harlow textile mill in Dunmore late on Tuesday, injuring "
      "three workers and forcing the evacuation of about 200 residents from nearby streets.",
      "Fire chief Ruth Okafor said the blaze started in a storage room on the ground floor "
      "shortly after 10 p.m. and spread to the roof within half an hour.",
      "\"We saw flames coming out of every window on the east side,\" said Tomas Beeck, who "
      "lives across the canal from the mill. \"The whole sky was orange.\"",
      "Sixty firefighters from Dunmore and two neighbouring districts fought the fire through "
      "the night. The last flames were put out around 6 a.m. on Wednesday.",
      "The three injured workers, members of the night shift, were taken to St Brennan's "
      "hospital with burns and smoke inhalation. Doctors said none of them was in danger.",
      "Castellane Textiles, which has owned the mill since 1987, said production would stop "
      "for at least a month while engineers checked whether the building was safe.",
      "The company employs 340 people in Dunmore, making it one of the largest employers in "
      "the valley. Union officials asked for wages to be paid during the closure.",
      "Investigators from the regional fire service began searching the site on Wednesday "
      "afternoon. Okafor said it was too early to say what had caused the fire.",
      "Residents were allowed back into their homes on Wednesday morning, although two streets "
      "next to the canal stayed closed because of the risk of falling masonry.",
      "The mill, built in 1884, was listed as a protected monument in 2009. Its brick chimney, "
      "a landmark of the town, survived the fire, the council said.",
  };
  return paragraphs;
}

inline std::string Join(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& p : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  return text;
}

// Another outlet's report of the Dunmore fire, written separately.
inline const char* kMillFireOtherOutlet =
    "Three night-shift workers were hurt when flames engulfed the Harlow mill in Dunmore on "
    "Tuesday night. Chief Ruth Okafor of the Dunmore fire brigade told reporters the fire "
    "broke out in a ground-floor store room. Around 200 people living near the canal had to "
    "leave their homes. Castellane Textiles, the owner, halted production at the mill. About "
    "sixty firefighters worked until dawn on Wednesday to bring the blaze under control. The "
    "injured were treated at St Brennan's hospital for burns. Okafor said investigators would "
    "look for the cause of the fire at the 19th-century building.";

// A different fire (another town, other people): same topic, different event.
inline const char* kWarehouseFire =
    "A fire destroyed a timber warehouse in the harbour district of Port Aldine on Sunday "
    "morning. Fire commander Marcus Feld said 45 firefighters needed five hours to stop the "
    "flames from reaching a fuel depot next door. Nobody was injured, but the smoke forced "
    "the closure of the coastal railway line between Port Aldine and Kessing for most of the "
    "day. The warehouse belonged to Aldine Timber Trading, which said stock worth 2 million "
    "euros had burned. Feld said a faulty electrical cable was the most likely cause. Police "
    "closed the harbour road while cranes pulled down the remains of the roof.";

inline const char* kWarehouseFireOtherOutlet =
    "Smoke from a huge blaze at a Port Aldine timber store shut the Kessing railway on Sunday. "
    "The Aldine Timber Trading warehouse on the harbour was gutted, commander Marcus Feld of "
    "the Port Aldine fire service said, adding that his 45 crews had kept the fire away from "
    "a neighbouring fuel depot. No injuries were reported. The company put its losses at 2 "
    "million euros. Feld suspected an electrical fault. Demolition of the warehouse roof "
    "began in the afternoon and the harbour road remained closed.";

}  // namespace dyad::story_test

#endif  // DYAD_STORY_STORY_TEST_TEXTS_H_
