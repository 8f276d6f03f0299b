#include "actors/country_descriptions.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "actors/mention_list.h"
#include "util/embedded_data.h"
#include "util/tsv.h"

namespace dyad {
namespace {

// Region words ("south american") -> member country codes, sorted.
class RegionTable {
 public:
  static const RegionTable& BuiltIn() {
    static const RegionTable* table = [] {
      auto* t = new RegionTable;
      t->Parse(EmbeddedFile("actors/regions.tsv").value_or(""));
      return t;
    }();
    return *table;
  }

  const std::vector<std::string>* Members(const std::string& words) const {
    auto it = regions_.find(words);
    return it == regions_.end() ? nullptr : &it->second;
  }
  size_t max_words() const { return max_words_; }

 private:
  void Parse(std::string_view text) {
    std::vector<std::string_view> fields, names, codes;
    tsv::ForEachLine(text, [&](int, std::string_view line) {
      tsv::SplitInto(line, '\t', &fields);
      if (fields.size() < 2) return;
      tsv::SplitInto(fields[1], ' ', &codes);
      std::vector<std::string> members(codes.begin(), codes.end());
      std::sort(members.begin(), members.end());
      tsv::SplitInto(fields[0], '|', &names);
      for (std::string_view n : names) {
        max_words_ = std::max(max_words_, static_cast<size_t>(std::count(n.begin(), n.end(), ' ') + 1));
        regions_[std::string(n)] = members;
      }
    });
  }

  std::unordered_map<std::string, std::vector<std::string>> regions_;
  size_t max_words_ = 1;
};

bool IsCountryNoun(const Token& t) {
  static constexpr std::string_view kNouns[] = {"country", "nation", "state", "kingdom", "emirate",
                                                "republic", "monarchy", "neighbour", "neighbor"};
  if (t.norm != t.lemma) return false;  // singular: "the Gulf states" is a group
  for (std::string_view n : kNouns)
    if (t.norm == n) return true;
  return false;
}

// The region phrase after "the" at token i (past up to two adjectives: "the small Gulf
// state", "the oil-rich Gulf nation") and the country noun after it: the members and
// the noun's index, or nullptr.
const std::vector<std::string>* DescriptionAt(const Document& doc, uint32_t i, uint32_t end,
                                              uint32_t* noun) {
  const RegionTable& regions = RegionTable::BuiltIn();
  if (doc.tokens[i].norm != "the") return nullptr;
  // Cheap first: a country noun within reach ("the" is every twentieth word of news).
  bool noun_near = false;
  for (uint32_t k = i + 2; k < end && k <= i + 2 + 2 + regions.max_words() && !noun_near; ++k)
    noun_near = IsCountryNoun(doc.tokens[k]);
  if (!noun_near) return nullptr;
  for (uint32_t start = i + 1, adjectives = 0; start < end && adjectives <= 2; ++start, ++adjectives) {
    std::string words;
    for (uint32_t k = start; k < end && k - start < regions.max_words(); ++k) {
      if (!words.empty()) words += ' ';
      words += doc.tokens[k].norm;
      const std::vector<std::string>* members = regions.Members(words);
      if (members != nullptr && k + 1 < end && IsCountryNoun(doc.tokens[k + 1])) {
        *noun = k + 1;
        return members;
      }
    }
    if (doc.tokens[start].tag != Tag::kAdj) return nullptr;
  }
  return nullptr;
}

}  // namespace

void ResolveCountryDescriptions(const Document& doc, std::vector<ActorMention>* mentions) {
  std::vector<ActorMention> added;
  std::vector<bool> drop;
  std::vector<size_t> sentence_start;  // first mention index of each sentence
  size_t m = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    sentence_start.push_back(m);
    size_t e = m;
    while (e < mentions->size() && (*mentions)[e].sentence == si) ++e;
    if (s.end_token <= doc.tokens.size()) {
      for (uint32_t t = s.first_token; t + 2 < s.end_token; ++t) {
        uint32_t noun = 0;
        const std::vector<std::string>* members = DescriptionAt(doc, t, s.end_token, &noun);
        if (members == nullptr) continue;
        // The latest country of the region named before it: in this sentence, then back.
        int found = -1;
        const size_t lowest = sentence_start[si >= 8 ? si - 8 : 0];
        for (size_t k = e; k-- > lowest && found < 0;) {
          const ActorMention& x = (*mentions)[k];
          if (x.sentence == si && x.first_token >= t) continue;
          if (x.country.size() != 3 || IsUnknownCountryCode(x.code)) continue;
          if (std::binary_search(members->begin(), members->end(), x.country)) found = static_cast<int>(k);
        }
        if (found < 0) continue;
        const ActorMention& antecedent = (*mentions)[static_cast<size_t>(found)];
        ActorMention d;
        d.sentence = si;
        d.first_token = t;
        d.end_token = noun + 1;
        d.head_token = noun;
        d.kind = MentionKind::kCountry;
        d.code = antecedent.country;
        d.country = antecedent.country;
        d.antecedent = found;
        for (size_t k = m; k < e; ++k) {
          const ActorMention& x = (*mentions)[k];
          if (x.first_token < d.end_token && t < x.end_token) {
            if (drop.size() < mentions->size()) drop.resize(mentions->size(), false);
            drop[k] = true;
          }
        }
        added.push_back(std::move(d));
        t = noun;
      }
    }
    m = e;
  }
  MergeMentions(mentions, std::move(added), drop);
}

}  // namespace dyad
