#include "actors/actor_finder.h"

#include <gtest/gtest.h>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

using actors_test::Analyze;
using actors_test::Analyzed;

// Expects a mention covering exactly `span` with `code`.
void ExpectMention(const Analyzed& a, std::string_view span, std::string_view code,
                   MentionKind kind) {
  const ActorMention* m = a.Exactly(span);
  ASSERT_NE(m, nullptr) << "no mention '" << span << "' in:\n" << a.Dump();
  EXPECT_EQ(m->code, code) << span << "\n" << a.Dump();
  EXPECT_EQ(m->kind, kind) << span << "\n" << a.Dump();
}

TEST(ActorFinderTest, CountriesAndNames) {
  Analyzed a;
  Analyze("Syria and the United States met the Republic of Turkiye. The U.S. said it was "
          "ready. Officials from Burma and Ivory Coast attended.",
          &a);
  ExpectMention(a, "Syria", "SYR", MentionKind::kCountry);
  ExpectMention(a, "the United States", "USA", MentionKind::kCountry);
  ExpectMention(a, "the Republic of Turkiye", "TUR", MentionKind::kCountry);
  ExpectMention(a, "The U.S.", "USA", MentionKind::kCountry);
  ExpectMention(a, "Burma", "MMR", MentionKind::kCountry);
  ExpectMention(a, "Ivory Coast", "CIV", MentionKind::kCountry);
  const ActorMention* syria = a.Exactly("Syria");
  ASSERT_NE(syria, nullptr);
  EXPECT_EQ(syria->country, "SYR");
  EXPECT_EQ(syria->role, "");
}

TEST(ActorFinderTest, FunctionWordsInCapitalsAreNotAcronyms) {
  Analyzed caps;
  Analyze("THE MINISTER, WHO HAD BEEN KIDNAPPED BY THE ELN, WAS RELEASED IN BOGOTA.", &caps);
  EXPECT_EQ(caps.Exactly("WHO"), nullptr);
  ExpectMention(caps, "BOGOTA", "COL", MentionKind::kCapital);
  Analyzed mixed;
  Analyze("The WHO said on Monday that the outbreak was over.", &mixed);
  ExpectMention(mixed, "The WHO", "IGOUNOHLHWHO", MentionKind::kOrganization);
}

TEST(ActorFinderTest, ACapitalBeforeARoleIsTheState) {
  Analyzed a;
  Analyze("A Paris court sentenced the man. Kabul police arrested two men.", &a);
  ExpectMention(a, "A Paris court", "FRAJUD", MentionKind::kRole);
  ExpectMention(a, "Kabul police", "AFGCOP", MentionKind::kRole);
}

TEST(ActorFinderTest, AGovernmentInItsCapitalIsTheState) {
  Analyzed a;
  Analyze("The government in Bogota asked Havana for help. US troops in Syria withdrew.", &a);
  ExpectMention(a, "The government in Bogota", "COLGOV", MentionKind::kRole);
  const ActorMention* troops = a.Exactly("US troops");
  ASSERT_NE(troops, nullptr) << a.Dump();
  EXPECT_EQ(troops->code, "USAMIL");  // troops are often another state's
}

TEST(ActorFinderTest, CoordinatedAdjectivesShareTheRole) {
  Analyzed a;
  Analyze("The Russian and US navies began an exercise.", &a);
  ExpectMention(a, "The Russian", "RUSMIL", MentionKind::kRole);
  ExpectMention(a, "US navies", "USAMIL", MentionKind::kRole);
}

TEST(ActorFinderTest, HisIsTheUnnamedOfficeHolderOfItsSentence) {
  Analyzed a;
  Analyze("Turkish Foreign Minister Hakan Fidan hosted his Qatari counterpart. The Qatari foreign "
          "minister rejected criticism of his country's contacts.",
          &a);
  int qatari = 0;
  for (const ActorMention& m : a.mentions)
    if (a.Span(m) == "his" && m.sentence == 1 && m.code == "QATGOV") ++qatari;
  EXPECT_EQ(qatari, 1) << a.Dump();
}

TEST(ActorFinderTest, ItAfterAVerbOfSayingIsTheSpeaker) {
  Analyzed a;
  Analyze("The Nigerian Air Force (NAF) says it has killed ten militants. It is expected to rain.",
          &a);
  ExpectMention(a, "it", "NGAMIL", MentionKind::kPronoun);
  EXPECT_EQ(a.Exactly("It"), nullptr);  // no verb of saying before it
}

TEST(ActorFinderTest, CameoCodeDiffersFromIso) {
  Analyzed a;
  Analyze("Romania signed the deal.", &a);
  const ActorMention* m = a.Exactly("Romania");
  ASSERT_NE(m, nullptr) << a.Dump();
  EXPECT_EQ(m->code, "ROM");
  EXPECT_EQ(m->country, "ROU");
}

TEST(ActorFinderTest, CountryPlusRoleComposes) {
  Analyzed a;
  Analyze("Azerbaijani Deputy Foreign Minister Yalchin Rafiyev arrived. Syrian rebels attacked "
          "Iraqi troops. Syria's transitional government welcomed an Azerbaijani delegation. "
          "Azerbaijan's Ministry of Foreign Affairs reopened the Azerbaijani Embassy in "
          "Damascus. Azerbaijani embassy staff in Syria distributed aid.",
          &a);
  ExpectMention(a, "Azerbaijani Deputy Foreign Minister Yalchin Rafiyev", "AZEGOV",
                MentionKind::kPerson);
  ExpectMention(a, "Syrian rebels", "SYRREB", MentionKind::kRole);
  ExpectMention(a, "Iraqi troops", "IRQMIL", MentionKind::kRole);
  ExpectMention(a, "Syria's transitional government", "SYRGOV", MentionKind::kRole);
  ExpectMention(a, "an Azerbaijani delegation", "AZEGOV", MentionKind::kRole);
  ExpectMention(a, "Azerbaijan's Ministry of Foreign Affairs", "AZEGOV",
                MentionKind::kOrganization);
  // The embassy belongs to Azerbaijan; Damascus is where it is: the country, not its
  // government.
  ExpectMention(a, "the Azerbaijani Embassy", "AZEGOV", MentionKind::kOrganization);
  ExpectMention(a, "Damascus", "SYR", MentionKind::kCapital);
  ExpectMention(a, "Azerbaijani embassy staff", "AZEGOV", MentionKind::kRole);
  const ActorMention* p = a.Exactly("Azerbaijani Deputy Foreign Minister Yalchin Rafiyev");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->entity, "Yalchin Rafiyev");
  EXPECT_EQ(p->title, "Deputy Foreign Minister");
  EXPECT_EQ(p->country, "AZE");
  EXPECT_EQ(p->role, "GOV");
}

TEST(ActorFinderTest, PeopleOfACountryTakeTheBareCode) {
  Analyzed a;
  Analyze("He congratulated the Azerbaijani people and the Syrian people.", &a);
  ExpectMention(a, "the Azerbaijani people", "AZE", MentionKind::kDemonym);
  ExpectMention(a, "the Syrian people", "SYR", MentionKind::kDemonym);
}

TEST(ActorFinderTest, PossessiveInsideOnlyBeforeARole) {
  Analyzed a;
  Analyze("He expressed Azerbaijan's readiness to help Azerbaijan's embassy.", &a);
  ExpectMention(a, "Azerbaijan", "AZE", MentionKind::kCountry);
  ExpectMention(a, "Azerbaijan's embassy", "AZEGOV", MentionKind::kRole);
}

TEST(ActorFinderTest, DefenceAndFormerFollowCameoConventions) {
  Analyzed a;
  Analyze("The Israeli defence minister met former Iraqi president Ali Hassan.", &a);
  ExpectMention(a, "The Israeli defence minister", "ISRGOVMIL", MentionKind::kRole);
  ExpectMention(a, "former Iraqi president Ali Hassan", "IRQELI", MentionKind::kPerson);
}

TEST(ActorFinderTest, RoleOfComplement) {
  Analyzed a;
  Analyze("Rafiyev met Assad Hassan Al-Shibani, the Foreign Minister of Syria's transitional "
          "government, on Monday.",
          &a);
  ExpectMention(a, "Assad Hassan Al-Shibani", "SYRGOV", MentionKind::kPerson);
  ExpectMention(a, "the Foreign Minister of Syria's transitional government", "SYRGOV",
                MentionKind::kRole);
  const ActorMention* role = a.Exactly("the Foreign Minister of Syria's transitional government");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->entity, "Assad Hassan Al-Shibani");
}

TEST(ActorFinderTest, AppositionGivesTheCode) {
  Analyzed a;
  Analyze("Rafiyev, Azerbaijan's deputy foreign minister, said the talks went well.", &a);
  ExpectMention(a, "Rafiyev", "AZEGOV", MentionKind::kPerson);
}

TEST(ActorFinderTest, TitleWithoutCountryTakesItFromTheSentence) {
  Analyzed a;
  Analyze("He wrote to President Karim al-Nouri upon assuming office as President of Syria.",
          &a);
  ExpectMention(a, "President Karim al-Nouri", "SYRGOV", MentionKind::kPerson);
}

TEST(ActorFinderTest, TitleWithoutCountryTakesItFromEarlierText) {
  Analyzed a;
  Analyze("An Azerbaijani delegation led by Deputy Foreign Yalchin Rafiyev has visited Syria.",
          &a);
  ExpectMention(a, "Deputy Foreign Yalchin Rafiyev", "AZEGOV", MentionKind::kPerson);
  ExpectMention(a, "An Azerbaijani delegation", "AZEGOV", MentionKind::kRole);
  ExpectMention(a, "Syria", "SYR", MentionKind::kCountry);
}

TEST(ActorFinderTest, TitleWithoutCountryTakesItFromAnEarlierSentence) {
  Analyzed a;
  Analyze("Al-Shibani offered congratulations to the Azerbaijani people. He praised President "
          "Farid Mammadov as a determined leader.",
          &a);
  ExpectMention(a, "President Farid Mammadov", "AZEGOV", MentionKind::kPerson);
}

TEST(ActorFinderTest, WellKnownPeopleNeedNoTitle) {
  Analyzed a;
  Analyze("Putin said Erdogan would meet President Zelensky. Former president Obama and "
          "Ursula von der Leyen disagreed.",
          &a);
  ExpectMention(a, "Putin", "RUSGOV", MentionKind::kPerson);
  ExpectMention(a, "Erdogan", "TURGOV", MentionKind::kPerson);
  ExpectMention(a, "President Zelensky", "UKRGOV", MentionKind::kPerson);
  ExpectMention(a, "Former president Obama", "USAELI", MentionKind::kPerson);
  ExpectMention(a, "Ursula von der Leyen", "IGOEEC", MentionKind::kPerson);
  const ActorMention* putin = a.Exactly("Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->entity, "Vladimir Putin");
}

TEST(ActorFinderTest, SurnamesResolveToTheFullName) {
  Analyzed a;
  Analyze("Syrian Foreign Minister Asaad al-Shaibani met the envoy. Later, Al-Shaibani said "
          "the meeting was useful. Minister al-Shaibani left.",
          &a);
  const ActorMention* full = a.Exactly("Syrian Foreign Minister Asaad al-Shaibani");
  ASSERT_NE(full, nullptr) << a.Dump();
  const int full_index = static_cast<int>(full - a.mentions.data());
  for (std::string_view s : {"Al-Shaibani", "Minister al-Shaibani"}) {
    const ActorMention* m = a.Exactly(s);
    ASSERT_NE(m, nullptr) << s << "\n" << a.Dump();
    EXPECT_EQ(m->code, "SYRGOV") << s;
    EXPECT_EQ(m->entity, "Asaad al-Shaibani") << s;
    EXPECT_EQ(m->antecedent, full_index) << s;
  }
}

// Family name first (Chinese, Korean) and another outlet's transliteration.
TEST(ActorFinderTest, FamilyNameFirstAndTransliteratedNamesResolve) {
  Analyzed a;
  Analyze("Chinese President Xi Jinping hosted North Korea's leader, Kim Jong-un, and Kazakh "
          "President Kassym-Zhomart Tokayev. Xi praised Kim, and Kassym-Jomart Tokayev left.",
          &a);
  ExpectMention(a, "Xi", "CHNGOV", MentionKind::kPerson);
  ExpectMention(a, "Kim", "PRKGOV", MentionKind::kPerson);
  ExpectMention(a, "Kassym-Jomart Tokayev", "KAZGOV", MentionKind::kPerson);
}

TEST(ActorFinderTest, NameForms) {
  Analyzed a;
  Analyze("Emirati Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan met Turkish Foreign "
          "Minister Mevlut Cavusoglu and Kazakh President Kassym-Jomart Tokayev. Cavusoglu "
          "said Tokayev agreed, and Al Nahyan left. Dr. Leila Hosseinzadeh, Iran's deputy "
          "health minister, said the talks were useful.",
          &a);
  ExpectMention(a, "Emirati Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan", "AREGOV",
                MentionKind::kPerson);
  ExpectMention(a, "Turkish Foreign Minister Mevlut Cavusoglu", "TURGOV", MentionKind::kPerson);
  ExpectMention(a, "Kazakh President Kassym-Jomart Tokayev", "KAZGOV", MentionKind::kPerson);
  ExpectMention(a, "Cavusoglu", "TURGOV", MentionKind::kPerson);
  ExpectMention(a, "Tokayev", "KAZGOV", MentionKind::kPerson);
  ExpectMention(a, "Al Nahyan", "AREGOV", MentionKind::kPerson);
  ExpectMention(a, "Dr. Leila Hosseinzadeh", "IRNHLH", MentionKind::kPerson);
  const ActorMention* uae = a.Exactly("Emirati Foreign Minister Sheikh Abdullah bin Zayed Al Nahyan");
  ASSERT_NE(uae, nullptr);
  EXPECT_EQ(uae->entity, "Abdullah bin Zayed Al Nahyan");
}

TEST(ActorFinderTest, SimilarNamesStayApart) {
  Analyzed a;
  Analyze("Iraqi Prime Minister Ali Hassan met Jordanian Foreign Minister Ali Hussein in "
          "Amman. Hussein said the talks were frank. Hassan said nothing.",
          &a);
  const ActorMention* hussein = a.Exactly("Hussein");
  const ActorMention* hassan = a.Exactly("Hassan");
  ASSERT_NE(hussein, nullptr) << a.Dump();
  ASSERT_NE(hassan, nullptr) << a.Dump();
  EXPECT_EQ(hussein->entity, "Ali Hussein");
  EXPECT_EQ(hussein->code, "JORGOV");
  EXPECT_EQ(hassan->entity, "Ali Hassan");
  EXPECT_EQ(hassan->code, "IRQGOV");
  EXPECT_NE(hussein->antecedent, hassan->antecedent);
}

TEST(ActorFinderTest, PronounsResolveToPeopleAndCountries) {
  Analyzed a;
  Analyze("Syrian Foreign Minister Asaad al-Shaibani met Lala Khalilzade, an analyst at the "
          "Baku Center in Azerbaijan. He praised her work. She thanked him. Azerbaijan said "
          "its embassy would reopen.",
          &a);
  const ActorMention* he = a.Exactly("He");
  ASSERT_NE(he, nullptr) << a.Dump();
  EXPECT_EQ(he->kind, MentionKind::kPronoun);
  EXPECT_EQ(he->code, "SYRGOV");
  EXPECT_EQ(he->entity, "Asaad al-Shaibani");
  ASSERT_GE(he->antecedent, 0);
  const ActorMention* she = a.Exactly("She");
  ASSERT_NE(she, nullptr) << a.Dump();
  EXPECT_EQ(she->entity, "Lala Khalilzade");
  EXPECT_EQ(she->code, "AZE");  // an analyst at a research centre, not the government
  const ActorMention* him = a.Exactly("him");
  ASSERT_NE(him, nullptr) << a.Dump();
  EXPECT_EQ(him->entity, "Asaad al-Shaibani");
  const ActorMention* its = a.Exactly("its");
  ASSERT_NE(its, nullptr) << a.Dump();
  EXPECT_EQ(its->code, "AZE");
}

TEST(ActorFinderTest, WhatABodyHasIsNotThePlaceItIsIn) {
  // "its staff" after "the consulate in Ankara": the consulate's, not Ankara's.
  Analyzed a;
  Analyze("Greece opened the Greek consulate in Ankara, and its staff began work in May.", &a);
  const ActorMention* its = a.Exactly("its");
  ASSERT_NE(its, nullptr) << a.Dump();
  EXPECT_EQ(its->code, "GRCGOV") << a.Dump();
  EXPECT_EQ(its->title, "consulate");
  // A place that is not named as a location keeps it ("Kenya ... its operation").
  Analyzed b;
  Analyze("Kenya sent police officers to Haiti last year and its operation there continues.", &b);
  const ActorMention* its_b = b.Exactly("its");
  ASSERT_NE(its_b, nullptr) << b.Dump();
  EXPECT_EQ(its_b->code, "KEN") << b.Dump();
  // Other possessions stay with the nearest noun phrase ("the talks in Cairo and its
  // streets").
  Analyzed c;
  Analyze("The Greek consulate in Ankara was closed while its streets were cleared.", &c);
  const ActorMention* its_c = c.Exactly("its");
  ASSERT_NE(its_c, nullptr) << c.Dump();
  EXPECT_EQ(its_c->code, "TUR") << c.Dump();
}

TEST(ActorFinderTest, DefiniteRolesResolve) {
  Analyzed a;
  Analyze("Syrian Foreign Minister Asaad al-Shaibani received the Azerbaijani embassy staff. "
          "The minister said the embassy would reopen soon.",
          &a);
  const ActorMention* minister = a.Exactly("The minister");
  ASSERT_NE(minister, nullptr) << a.Dump();
  EXPECT_EQ(minister->code, "SYRGOV");
  EXPECT_EQ(minister->entity, "Asaad al-Shaibani");
  const ActorMention* embassy = a.Exactly("the embassy");
  ASSERT_NE(embassy, nullptr) << a.Dump();
  EXPECT_EQ(embassy->code, "AZEGOV");
}

TEST(ActorFinderTest, CapitalMetonymsAndPlaces) {
  Analyzed a;
  Analyze("Damascus said the visit to Baku was useful. Talks in Ankara continue.", &a);
  ExpectMention(a, "Damascus", "SYRGOV", MentionKind::kCapital);  // a capital that speaks
  ExpectMention(a, "Baku", "AZE", MentionKind::kCapital);         // a destination
  ExpectMention(a, "Ankara", "TUR", MentionKind::kCapital);       // a place: the country
}

TEST(ActorFinderTest, Organisations) {
  Analyzed a;
  Analyze("The UN refugee agency and the World Food Programme asked NATO and the EU for help. "
          "Hamas fighters and the Taliban refused. The ICRC and UNHCR left.",
          &a);
  ExpectMention(a, "The UN refugee agency", "IGOUNOREFHCR", MentionKind::kOrganization);
  ExpectMention(a, "the World Food Programme", "IGOUNOWFP", MentionKind::kOrganization);
  ExpectMention(a, "NATO", "IGONAT", MentionKind::kOrganization);
  ExpectMention(a, "the EU", "IGOEEC", MentionKind::kOrganization);
  ExpectMention(a, "Hamas fighters", "PSEREBHMS", MentionKind::kRole);
  ExpectMention(a, "the Taliban", "AFGREBTAL", MentionKind::kOrganization);
  ExpectMention(a, "The ICRC", "NGOHLHIRC", MentionKind::kOrganization);
  ExpectMention(a, "UNHCR", "IGOUNOREFHCR", MentionKind::kOrganization);
  const ActorMention* un = a.Exactly("The UN refugee agency");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->entity, "UN High Commissioner for Refugees");
}

TEST(ActorFinderTest, NamedBodies) {
  Analyzed a;
  Analyze("The U.S. Treasury Department and the British High Commission said the Commerce "
          "Department would answer. The Defense Department declined.",
          &a);
  ExpectMention(a, "The U.S. Treasury Department", "USAGOV", MentionKind::kOrganization);
  ExpectMention(a, "the British High Commission", "GBRGOV", MentionKind::kOrganization);
  // No country given, and not the same body as the Treasury Department.
  ExpectMention(a, "the Commerce Department", "---GOV", MentionKind::kOrganization);
  // A listed organisation keeps its own code.
  ExpectMention(a, "The Defense Department", "USAGOVMIL", MentionKind::kOrganization);
}

TEST(ActorFinderTest, PronounUsIsNotTheUnitedStates) {
  Analyzed a;
  Analyze("They told us that the US would help.", &a);
  EXPECT_EQ(a.Exactly("us"), nullptr) << a.Dump();
  ExpectMention(a, "the US", "USA", MentionKind::kCountry);
}

TEST(ActorFinderTest, BareRolesGetAnAgentCode) {
  Analyzed a;
  Analyze("Police arrested two protesters.", &a);
  ExpectMention(a, "Police", "---COP", MentionKind::kRole);
}

TEST(ActorFinderTest, MentionsAreOrderedAndDisjoint) {
  Analyzed a;
  Analyze("Azerbaijani President Ilham Aliyev and Syrian President Ahmad al-Sharaa met in "
          "Baku. He said Syria's government and the Azerbaijani people were friends. They "
          "agreed.",
          &a);
  ASSERT_FALSE(a.mentions.empty());
  for (size_t i = 1; i < a.mentions.size(); ++i) {
    EXPECT_LE(a.mentions[i - 1].end_token, a.mentions[i].first_token) << a.Dump();
  }
  for (const ActorMention& m : a.mentions) {
    EXPECT_LT(m.first_token, m.end_token);
    EXPECT_GE(m.head_token, m.first_token);
    EXPECT_LT(m.head_token, m.end_token);
    const Sentence& s = a.doc.sentences[m.sentence];
    EXPECT_GE(m.first_token, s.first_token);
    EXPECT_LE(m.end_token, s.end_token);
    if (m.antecedent >= 0) {
      EXPECT_LT(static_cast<size_t>(m.antecedent), a.mentions.size());
    }
  }
}

TEST(ActorFinderTest, EveryOutputMentionHasACode) {
  Analyzed a;
  Analyze("John Smithson, a farmer, said he was worried. Syrian Foreign Minister Karim "
          "al-Nouri said he was not.",
          &a);
  for (const ActorMention& m : a.mentions) EXPECT_FALSE(m.code.empty()) << a.Dump();
  // "he" of the first sentence is the farmer (no code), not the minister.
  const ActorMention* he = a.Exactly("he");
  ASSERT_NE(he, nullptr) << a.Dump();
  EXPECT_EQ(he->entity, "Karim al-Nouri");
  EXPECT_EQ(he->sentence, 1u);
}

TEST(ActorFinderTest, EmptyAndOddInput) {
  Analyzed a;
  Analyze("", &a);
  EXPECT_TRUE(a.mentions.empty());
  Analyze("\xff\xfe ,,, 's 's the the of of Minister , , as", &a);
  // Malformed sentence bounds are skipped, not read.
  Document doc;
  doc.text = "Syria";
  doc.tokens.push_back(Token{0, 5, "syria", "syria", Tag::kProper, kCapitalized});
  doc.sentences.push_back(Sentence{0, 5, 0, 7});
  std::vector<ActorMention> out;
  actors_test::Finder().Find(doc, &out);
  EXPECT_TRUE(out.empty());
}

TEST(ActorFinderTest, LeaderIsATitleBeforeAName) {
  Analyzed a;
  Analyze("Kyrgyz leader Sadyr Japarov met Tajik President Emomali Rahmon. Japarov said the "
          "border was calm.", &a);
  ExpectMention(a, "Kyrgyz leader Sadyr Japarov", "KGZGOV", MentionKind::kPerson);
  ExpectMention(a, "Japarov", "KGZGOV", MentionKind::kPerson);
}

}  // namespace
}  // namespace dyad
