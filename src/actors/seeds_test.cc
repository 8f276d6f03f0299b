// Every entity mention of the hand-made seed annotation (shared/seeds/gold.json) is found in
// the seed articles with the annotated actor code.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

#include "actors/actors_test_util.h"

namespace dyad {
namespace {

using actors_test::Analyzed;

constexpr char kSeeds[] = DYAD_SHARED_DIR "/seeds";

// The AzerNews file starts with a header " date YYYY-MM-DD " before the text proper.
std::string StripDateHeader(std::string text) {
  size_t k = text.find_first_not_of(' ');
  if (k != std::string::npos && text.compare(k, 5, "date ") == 0) {
    size_t end = text.find(' ', k + 5);
    if (end != std::string::npos) text.erase(0, end + 1);
  }
  return text;
}

// Occurrences of s in text, with ' also matching the curly ’ the outlets write.
std::vector<std::pair<size_t, size_t>> Occurrences(const std::string& text, const std::string& s) {
  std::vector<std::pair<size_t, size_t>> out;
  std::string curly;
  for (char c : s) {
    if (c == '\'') curly += "\xE2\x80\x99"; else curly += c;
  }
  for (const std::string& form : {s, curly}) {
    for (size_t pos = text.find(form); pos != std::string::npos; pos = text.find(form, pos + 1)) {
      out.emplace_back(pos, pos + form.size());
    }
    if (form == curly && curly == s) break;
  }
  return out;
}

TEST(SeedsTest, EveryGoldEntityMentionHasItsCode) {
  std::string gold_text;
  if (!actors_test::ReadFile(std::string(kSeeds) + "/gold.json", &gold_text)) {
    GTEST_SKIP() << "shared seeds not found at " << kSeeds;
  }
  nlohmann::json gold = nlohmann::json::parse(gold_text);
  std::vector<std::unique_ptr<Analyzed>> docs;
  for (const auto& d : gold["documents"]) {
    std::string text;
    ASSERT_TRUE(actors_test::ReadFile(std::string(kSeeds) + "/" + d["file"].get<std::string>(), &text));
    docs.push_back(std::make_unique<Analyzed>());
    actors_test::Analyze(StripDateHeader(text), docs.back().get());
  }
  int checked = 0, right = 0;
  for (const auto& entity : gold["entities"]) {
    const std::string code = entity["actor"];
    std::set<std::string> entity_names;  // per person, one canonical name per article
    for (const auto& mention : entity["mentions"]) {
      const std::string s = mention;
      int found = 0;
      for (const auto& doc : docs) {
        for (auto [b, e] : Occurrences(doc->text, s)) {
          ++found;
          ++checked;
          const ActorMention* m = doc->Overlapping(b, e);
          if (m == nullptr) {
            ADD_FAILURE() << entity["id"] << " '" << s << "': no mention\n" << doc->Dump();
            continue;
          }
          if (m->code == code) {
            ++right;
          } else {
            ADD_FAILURE() << entity["id"] << " '" << s << "': mention '" << doc->Span(*m)
                          << "' coded " << m->code << ", want " << code;
          }
          if (m->kind == MentionKind::kPerson) entity_names.insert(m->entity);
        }
      }
      EXPECT_GT(found, 0) << "gold mention '" << s << "' not in the seed texts";
    }
    // "Asaad al-Shaibani" and "Assad Hassan Al-Shibani" are written differently by the two
    // outlets (cross-article merging is not this stage's job): at most one name per article.
    EXPECT_LE(entity_names.size(), docs.size()) << entity["id"];
  }
  std::printf("seed entity mentions: %d/%d coded right\n", right, checked);
  EXPECT_EQ(right, checked);
}

TEST(SeedsTest, PronounsInTheSeeds) {
  std::string text;
  if (!actors_test::ReadFile(std::string(kSeeds) + "/000_e5f9cd44ed472406.txt", &text)) {
    GTEST_SKIP() << "shared seeds not found at " << kSeeds;
  }
  Analyzed a;
  actors_test::Analyze(text, &a);
  // "... Rafiyev's visit to Damascus, where he met with Syrian Foreign Minister ..."
  const ActorMention* he = a.Exactly("he");
  ASSERT_NE(he, nullptr) << a.Dump();
  EXPECT_EQ(he->entity, "Yalchin Rafiyev");
  // "She referred to the congratulatory cable ..." is Khalilzade; "inviting him" al-Sharaa.
  const ActorMention* she = a.Exactly("She");
  ASSERT_NE(she, nullptr) << a.Dump();
  EXPECT_EQ(she->entity, "Lala Khalilzade");
  const ActorMention* him = a.Exactly("him");
  ASSERT_NE(him, nullptr) << a.Dump();
  EXPECT_EQ(him->entity, "Ahmad al-Sharaa");
  EXPECT_EQ(him->code, "SYRGOV");
  // "The announcement by Azerbaijan's Ministry of Foreign Affairs, ..., expressing its desire"
  const ActorMention* its = a.Exactly("its");
  ASSERT_NE(its, nullptr) << a.Dump();
  EXPECT_EQ(its->code, "AZEGOV");
  // "the embassy resumed its operations and appointed Elnur Shahhuseynov as chargé d'affaires"
  const ActorMention* embassy = a.Exactly("the embassy");
  ASSERT_NE(embassy, nullptr) << a.Dump();
  EXPECT_EQ(embassy->code, "AZEGOV");
  // The dateline "Baku, SANA-" is not an actor.
  EXPECT_NE(a.mentions.front().code, "AZE") << a.Dump();
}

}  // namespace
}  // namespace dyad
