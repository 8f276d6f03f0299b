#include "geo/event_places.h"

#include <algorithm>
#include <cmath>

#include "syntax/tree.h"

namespace dyad {
namespace {

bool IsLocative(std::string_view norm) {
  return norm == "in" || norm == "at" || norm == "near" || norm == "inside" || norm == "outside" ||
         norm == "across" || norm == "throughout" || norm == "within";
}

// "Azerbaijan's support": the name owns a noun, it is no place.
bool Possessive(const Document& doc, const Toponym& t) {
  return t.end_token < doc.tokens.size() && (doc.tokens[t.end_token].norm == "'s" || doc.tokens[t.end_token].norm == "'");
}

// How a toponym hangs in the parse: the word it attaches to a clause through (itself, or
// the noun it is a complement of: "at an IDP camp in Aleppo province" attaches through
// "camp") and the preposition that marks it ("in", "to", "" for an object).
struct Attachment {
  uint32_t word = 0;
  uint32_t clause = 0;     // ClauseOf(word)
  std::string_view prep;   // the first case word met climbing up
  bool object = false;     // the word is the object of its clause's verb
};

Attachment Attach(const Document& doc, const Sentence& s, const Toponym& t) {
  Attachment a;
  uint32_t x = PhraseHead(doc, s, t.first_token, t.end_token);
  a.prep = CaseOf(doc, s, x);
  // Noun complements climb to their noun: "the city of Homs", "a camp in Aleppo".
  for (int steps = 0; steps < 4; ++steps) {
    const Deprel d = BaseDeprel(doc.tokens[x].deprel);
    if (d != Deprel::nmod && d != Deprel::compound && d != Deprel::flat && d != Deprel::appos) break;
    const uint32_t h = HeadIn(doc, s, x);
    if (h == Token::kNoHead) break;
    x = h;
    if (a.prep.empty() || a.prep == "of") a.prep = CaseOf(doc, s, x);
  }
  a.word = x;
  a.clause = ClauseOf(doc, s, x);
  a.object = BaseDeprel(doc.tokens[x].deprel) == Deprel::obj;
  return a;
}

// The place of event e from the parse: a toponym attached by a locative preposition or
// "to" to the clause of the event's anchor ("met in Antalya", "a visit to Damascus"), or
// the clause's object when it is the event's target ("visited Syria"); else one attached
// so to a clause that governs it ("During a visit to Moscow, X said it would ...").
// Nearest to the anchor wins. Toponyms [tb, te) are the sentence's.
const Toponym* PlaceFromParse(const Document& doc, const Sentence& s, const Event& e,
                              const Toponym* tb, const Toponym* te) {
  const uint32_t anchor = TokenAtOffset(doc, s, e.anchor);
  uint32_t clause = ClauseOf(doc, s, anchor);
  for (int level = 0; level < 3 && clause != Token::kNoHead; ++level) {
    const Toponym* best = nullptr;
    uint32_t best_distance = 0;
    for (const Toponym* t = tb; t != te; ++t) {
      if (Possessive(doc, *t)) continue;
      const Attachment a = Attach(doc, s, *t);
      if (a.clause != clause) continue;
      const bool is_target = t->begin < e.target.end && e.target.begin < t->end;
      if (!(IsLocative(a.prep) || a.prep == "to" || (level == 0 && a.object && is_target))) continue;
      const uint32_t distance = t->first_token > anchor ? t->first_token - anchor : anchor - t->first_token;
      if (best == nullptr || distance < best_distance) {
        best = t;
        best_distance = distance;
      }
    }
    if (best != nullptr) return best;
    clause = ParentClause(doc, s, clause);
  }
  return nullptr;
}

void SetLocation(const Place& p, EventLocation* out) {
  out->name = std::string(p.name);
  out->country = std::string(p.country);
  out->adm1 = p.kind == PlaceKind::kCountry ? std::string() : std::string(p.adm1_name);
  out->lat = p.lat;
  out->lon = p.lon;
  out->has_coordinates = true;
}

}  // namespace

const Place* ResolveDateline(std::string_view dateline) {
  const PlaceGazetteer& g = PlaceGazetteer::BuiltIn();
  const Place* best = nullptr;
  double best_score = -1;
  for (uint32_t id : g.LookupName(dateline)) {
    const Place& p = g.place(id);
    double score = p.kind == PlaceKind::kCountry ? 9.0 : std::log10(static_cast<double>(p.population) + 10.0);
    if (p.capital) score += 1.5;
    if (score > best_score) {
      best_score = score;
      best = &p;
    }
  }
  return best;
}

void AssignEventPlaces(const Article& article, const Document& doc, std::vector<Event>* events) {
  if (events->empty()) return;
  static const ToponymFinder finder;
  std::vector<Toponym> toponyms;
  finder.Find(doc, &toponyms);
  AssignEventPlaces(article, doc, toponyms, events);
}

void AssignEventPlaces(const Article& article, const Document& doc, const std::vector<Toponym>& toponyms,
                       std::vector<Event>* events) {
  const Place* dateline = nullptr;
  bool dateline_resolved = false;
  for (Event& e : *events) {
    if (e.sentence >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[e.sentence];
    // The sentence's toponyms (they are in text order): linear in the article overall.
    auto by_sentence = [](const Toponym& t, uint32_t si) { return t.sentence < si; };
    const Toponym* tb =
        toponyms.data() + (std::lower_bound(toponyms.begin(), toponyms.end(), e.sentence, by_sentence) -
                           toponyms.begin());
    const Toponym* te = tb;
    const Toponym* all_end = toponyms.data() + toponyms.size();
    while (te != all_end && te->sentence == e.sentence) ++te;
    const Toponym* best = s.parsed ? PlaceFromParse(doc, s, e, tb, te) : nullptr;
    if (best != nullptr) {
      SetLocation(*best->place, &e.location);
      continue;
    }
    if (tb != te || article.dateline.empty()) continue;
    if (!dateline_resolved) {
      dateline = ResolveDateline(article.dateline);
      dateline_resolved = true;
    }
    if (dateline != nullptr && (e.source.country == dateline->country || e.target.country == dateline->country)) {
      SetLocation(*dateline, &e.location);
    }
  }
}

}  // namespace dyad
