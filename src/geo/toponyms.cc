#include "geo/toponyms.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "text/lexicon.h"
#include "text/normalize.h"
#include "util/embedded_data.h"

namespace dyad {
namespace {

constexpr uint32_t kMaxNameTokens = 8;

enum class Designated : uint8_t { kNone, kRegion, kCity };

Designated DesignatorOf(std::string_view norm) {
  static constexpr std::string_view kRegion[] = {
      "province", "provinces", "governorate", "region", "state", "oblast", "district",
      "prefecture", "department", "territory", "emirate", "canton",
      "voivodeship", "krai", "governorates", "regions"};
  static constexpr std::string_view kCity[] = {"city", "town", "village", "capital"};
  for (std::string_view w : kRegion) {
    if (norm == w) return Designated::kRegion;
  }
  for (std::string_view w : kCity) {
    if (norm == w) return Designated::kCity;
  }
  return Designated::kNone;
}

// Capitalised words that may stand before a place name without being part of a longer
// name: "Northern Syria", "Greater Damascus", "Downtown Beirut".
bool IsPlaceModifier(std::string_view norm) {
  static constexpr std::string_view kWords[] = {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western",
      "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
      "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
      "downtown", "rural", "metro", "metropolitan", "inner", "outer", "mid", "occupied",
      "in", "at", "from", "to", "near", "of", "and", "the"};
  for (std::string_view w : kWords) {
    if (norm == w) return true;
  }
  return false;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Appends the match key form of one token's norm to *key.
void AppendFolded(std::string_view norm, std::string* scratch, std::string* key) {
  if (IsAscii(norm)) {
    key->append(norm);
  } else {
    FoldForMatching(norm, scratch);
    key->append(*scratch);
  }
}

struct Mention {
  uint32_t sentence, first, end;  // tokens [first, end) incl. designator
  std::span<const uint32_t> candidates;
  Designated designated;
  bool all_caps;
  bool in_longer_name;  // followed by a capitalised word that is no designator
};

struct CountryWeight {
  std::string_view iso3;
  int weight;
};

int WeightOf(const std::vector<CountryWeight>& weights, std::string_view iso3) {
  for (const CountryWeight& w : weights) {
    if (w.iso3 == iso3) return w.weight;
  }
  return 0;
}

void AddWeight(std::vector<CountryWeight>* weights, std::string_view iso3, int w) {
  for (CountryWeight& cw : *weights) {
    if (cw.iso3 == iso3) {
      cw.weight += w;
      return;
    }
  }
  weights->push_back({iso3, w});
}

}  // namespace

ToponymFinder::ToponymFinder() : ToponymFinder(PlaceGazetteer::BuiltIn()) {}

ToponymFinder::ToponymFinder(const PlaceGazetteer& gazetteer) : gazetteer_(gazetteer) {
  std::string_view text = EmbeddedFile("geo/not_places.txt").value_or(std::string_view());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    not_places_.insert(PlaceGazetteer::KeyHash(PlaceGazetteer::MatchKey(line)));
  }
  // What Find's first step does with a one-word key, done once per lexicon word.
  lexicon_ = &Lexicon::Default();
  word_may_start_.assign(lexicon_->size() + 1, true);
  std::string key, scratch;
  for (WordId w = 1; w <= lexicon_->size(); ++w) {
    key.clear();
    AppendFolded(lexicon_->Key(lexicon_->entry(w)), &scratch, &key);
    const uint64_t h = PlaceGazetteer::KeyHash(key);
    word_may_start_[w] = !gazetteer_.Lookup(h).empty() || gazetteer_.IsPrefix(h);
  }
}

void ToponymFinder::Find(const Document& doc, std::vector<Toponym>* out,
                         std::span<const std::string_view> context_countries) const {
  out->clear();
  std::vector<Mention> mentions;
  std::string key, scratch;
  key.reserve(64);
  const std::vector<Token>& tokens = doc.tokens;

  // Recognition.
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      const Token& first = tokens[i];
      if (!first.Has(kCapitalized)) continue;
      if (first.word != 0 && doc.lexicon == lexicon_ && !word_may_start_[first.word]) continue;
      key.clear();
      uint32_t best_end = 0;
      uint64_t best_hash = 0;
      std::span<const uint32_t> best;
      uint32_t limit = std::min(sentence.end_token, i + kMaxNameTokens);
      for (uint32_t j = i; j < limit; ++j) {
        if (j > i) {
          uint32_t gap = tokens[j].begin - tokens[j - 1].end;
          if (gap > 1) break;
          if (gap == 1) key.push_back(' ');
        }
        AppendFolded(tokens[j].norm, &scratch, &key);
        uint64_t h = PlaceGazetteer::KeyHash(key);
        std::span<const uint32_t> found = gazetteer_.Lookup(h);
        if (!found.empty() && (tokens[j].Has(kCapitalized) || j == i)) {
          best_end = j + 1;
          best_hash = h;
          best = found;
        }
        if (!gazetteer_.IsPrefix(h)) break;
      }
      if (best_end == 0) continue;
      bool single = best_end == i + 1;
      if (not_places_.count(best_hash) != 0) continue;
      // A common word opening a sentence ("March", "Police") is not a name.
      if (single && first.Has(kSentenceStart) && first.tag != Tag::kProper && first.tag != Tag::kUnknown) {
        continue;
      }
      // Inside a longer capitalised name: "George Washington", "Lake Victoria".
      if (i > sentence.first_token) {
        const Token& prev = tokens[i - 1];
        if (prev.Has(kCapitalized) && !prev.Has(kSentenceStart) && !IsPlaceModifier(prev.norm) &&
            !prev.Has(kAllCaps)) {
          i = best_end - 1;
          continue;
        }
      }
      Mention m{s, i, best_end, best, Designated::kNone, first.Has(kAllCaps), false};
      if (best_end < sentence.end_token) {
        const Token& next = tokens[best_end];
        m.designated = DesignatorOf(next.norm);
        if (m.designated != Designated::kNone) {
          ++m.end;
        } else if (next.Has(kCapitalized) && !next.Has(kAllCaps)) {
          // "Washington Square", "Windsor Castle": a city's name inside a longer name; a
          // country or region before a capitalised word is a modifier ("Texas Governor").
          m.in_longer_name = true;
        }
      }
      if (m.designated == Designated::kNone && i >= sentence.first_token + 2 && tokens[i - 1].norm == "of") {
        m.designated = DesignatorOf(tokens[i - 2].norm);
      }
      mentions.push_back(m);
      i = m.end - 1;
    }
  }
  if (mentions.empty()) return;

  // Context: countries the article names, or that its unambiguous names lie in; regions
  // it names.
  std::vector<CountryWeight> weights;
  for (std::string_view iso3 : context_countries) AddWeight(&weights, iso3, 3);
  std::vector<const Place*> regions;
  struct SentenceCountry {
    uint32_t sentence;
    size_t mention;
    std::string_view iso3;
  };
  std::vector<SentenceCountry> sentence_countries;  // in sentence order
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Mention& m = mentions[k];
    std::string_view only;
    bool one_country = true, has_country = false;
    for (uint32_t id : m.candidates) {
      const Place& p = gazetteer_.place(id);
      if (p.kind == PlaceKind::kCountry) {
        has_country = true;
        AddWeight(&weights, p.country, 2);
        sentence_countries.push_back({m.sentence, k, p.country});
      }
      if (only.empty()) only = p.country;
      else if (only != p.country) one_country = false;
    }
    if (!has_country && one_country) AddWeight(&weights, only, 1);
    if (m.candidates.size() == 1 && gazetteer_.place(m.candidates[0]).kind == PlaceKind::kAdmin1) {
      regions.push_back(&gazetteer_.place(m.candidates[0]));
    }
  }

  // Resolution.
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Mention& m = mentions[k];
    // "X, Y": Y's places, when Y follows X after a comma.
    std::span<const uint32_t> qualifier;
    if (k + 1 < mentions.size() && mentions[k + 1].sentence == m.sentence &&
        mentions[k + 1].first == m.end + 1 && tokens[m.end].norm == ",") {
      qualifier = mentions[k + 1].candidates;
    }
    bool city_in_own_region = false;  // "Aleppo": the city, not the governorate
    for (uint32_t id : m.candidates) {
      const Place& p = gazetteer_.place(id);
      if (p.kind != PlaceKind::kCity) continue;
      for (uint32_t other : m.candidates) {
        const Place& r = gazetteer_.place(other);
        if (r.kind == PlaceKind::kAdmin1 && r.country == p.country && r.adm1 == p.adm1) {
          city_in_own_region = true;
        }
      }
    }
    const Place* best = nullptr;
    double best_score = -1e9;
    for (uint32_t id : m.candidates) {
      const Place& p = gazetteer_.place(id);
      if (m.all_caps && p.kind != PlaceKind::kCountry) continue;
      if (m.in_longer_name && (p.kind == PlaceKind::kCity || (p.kind == PlaceKind::kAdmin1 && city_in_own_region))) {
        continue;
      }
      double score;
      if (p.kind == PlaceKind::kCountry) {
        score = 9.0;
      } else {
        score = std::log10(static_cast<double>(p.population) + 10.0);
        if (p.capital) score += 1.5;
        if (p.seat) score += 0.3;
        if (p.kind == PlaceKind::kAdmin1 && city_in_own_region) score -= 1.0;
      }
      score += 0.5 * std::min(WeightOf(weights, p.country), 4);
      auto first_in_sentence = std::lower_bound(
          sentence_countries.begin(), sentence_countries.end(), m.sentence,
          [](const SentenceCountry& c, uint32_t sentence) { return c.sentence < sentence; });
      for (auto c = first_in_sentence; c != sentence_countries.end() && c->sentence == m.sentence; ++c) {
        if (c->mention != k && c->iso3 == p.country) {
          score += 1.5;
          break;
        }
      }
      if (p.kind == PlaceKind::kCity) {
        for (const Place* r : regions) {
          if (r->country == p.country && r->adm1 == p.adm1) {
            score += 1.5;
            break;
          }
        }
      }
      for (uint32_t qid : qualifier) {
        const Place& q = gazetteer_.place(qid);
        if ((q.kind == PlaceKind::kCountry && q.country == p.country) ||
            (q.kind == PlaceKind::kAdmin1 && q.country == p.country && q.adm1 == p.adm1 &&
             p.kind == PlaceKind::kCity)) {
          score += 4.0;
          break;
        }
      }
      if (m.designated == Designated::kRegion) score += p.kind == PlaceKind::kAdmin1 ? 6.0 : -3.0;
      if (m.designated == Designated::kCity) score += p.kind == PlaceKind::kCity ? 6.0 : -3.0;
      if (score > best_score) {
        best_score = score;
        best = &p;
      }
    }
    if (best == nullptr) continue;
    Toponym t;
    t.sentence = m.sentence;
    t.first_token = m.first;
    t.end_token = m.end;
    t.begin = tokens[m.first].begin;
    t.end = tokens[m.end - 1].end;
    t.place = best;
    out->push_back(t);
  }
}

}  // namespace dyad
