#include "geo/event_places.h"

#include <cmath>

namespace dyad {
namespace {

bool IsLocative(std::string_view norm) {
  return norm == "in" || norm == "at" || norm == "near" || norm == "inside" || norm == "outside" ||
         norm == "across" || norm == "throughout" || norm == "within";
}

// The preposition that governs a toponym: the word before it, skipping "the city of",
// "the province of" and determiners ("in the city of Homs", "at an IDP camp in Aleppo").
std::string_view GoverningPreposition(const Document& doc, const Sentence& s, const Toponym& t) {
  uint32_t i = t.first_token;
  for (int skipped = 0; i > s.first_token && skipped < 4; ++skipped) {
    const Token& prev = doc.tokens[i - 1];
    if (prev.tag == Tag::kPrep && prev.norm != "of") return prev.norm;
    if (prev.tag == Tag::kDet || prev.norm == "of" || prev.norm == "city" || prev.norm == "town" ||
        prev.norm == "province" || prev.norm == "region" || prev.norm == "capital" ||
        prev.norm == "village") {
      --i;
      continue;
    }
    break;
  }
  return {};
}

// The token of the event's pattern word ("distributing" of "073 provide|...|distribute"):
// the last token in the evidence span whose lemma or form is one of the first pattern
// element's alternatives, else the first token of the span.
uint32_t AnchorToken(const Document& doc, const Sentence& s, const Event& e) {
  uint32_t first = s.first_token;
  while (first < s.end_token && doc.tokens[first].begin < e.begin) ++first;
  if (first == s.end_token) first = s.first_token;
  std::string_view pattern = e.pattern;
  size_t a = pattern.find(' ');  // after the code
  if (a == std::string_view::npos) return first;
  a = pattern.find_first_not_of(' ', a);
  if (a == std::string_view::npos) return first;
  size_t b = pattern.find(' ', a);
  std::string_view words = pattern.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a);
  uint32_t anchor = first;
  for (uint32_t i = first; i < s.end_token && doc.tokens[i].end <= e.end; ++i) {
    const Token& t = doc.tokens[i];
    size_t pos = 0;
    while (pos <= words.size()) {
      size_t bar = words.find('|', pos);
      if (bar == std::string_view::npos) bar = words.size();
      std::string_view w = words.substr(pos, bar - pos);
      if (!w.empty() && (w == t.lemma || w == t.norm)) {
        anchor = i;
        break;
      }
      pos = bar + 1;
    }
  }
  return anchor;
}

// "Azerbaijan's support": the name owns a noun, it is no place.
bool Possessive(const Document& doc, const Toponym& t) {
  return t.end_token < doc.tokens.size() && (doc.tokens[t.end_token].norm == "'s" || doc.tokens[t.end_token].norm == "'");
}

// True when no comma or semicolon lies between tokens [from, to); ", where" continues the
// place before it ("a visit to Damascus, where he met ...").
bool NoBreakBetween(const Document& doc, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to; ++i) {
    const std::string& w = doc.tokens[i].norm;
    if (w == ";") return false;
    if (w == "," && !(i + 1 < doc.tokens.size() && doc.tokens[i + 1].norm == "where")) return false;
  }
  return true;
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
    uint32_t anchor = AnchorToken(doc, s, e);
    const Toponym* best = nullptr;
    bool sentence_has_place = false;
    // The clause of the anchor: the nearest place after it, else before it, with no comma
    // or semicolon between.
    const Toponym* before = nullptr;
    for (const Toponym& t : toponyms) {
      if (t.sentence != e.sentence) continue;
      sentence_has_place = true;
      std::string_view prep = GoverningPreposition(doc, s, t);
      if (t.first_token > anchor) {
        if (!NoBreakBetween(doc, anchor, t.first_token)) continue;
        bool is_target = prep.empty() && ((t.begin < e.target.end && e.target.begin < t.end) ||
                                          (t.first_token == anchor + 1 && !Possessive(doc, t)));
        if (IsLocative(prep) || prep == "to" || is_target) {
          best = &t;
          break;
        }
      } else if (t.end_token <= anchor && (IsLocative(prep) || prep == "to") &&
                 NoBreakBetween(doc, t.end_token, anchor)) {
        before = &t;
      }
    }
    if (best == nullptr) best = before;
    if (best == nullptr) {
      // Any place after a locative preposition in the sentence, the nearest to the anchor.
      uint32_t best_distance = 0;
      for (const Toponym& t : toponyms) {
        if (t.sentence != e.sentence || !IsLocative(GoverningPreposition(doc, s, t))) continue;
        uint32_t distance = t.first_token > anchor ? t.first_token - anchor : anchor - t.first_token;
        if (best == nullptr || distance < best_distance) {
          best = &t;
          best_distance = distance;
        }
      }
    }
    if (best != nullptr) {
      SetLocation(*best->place, &e.location);
      continue;
    }
    if (sentence_has_place || article.dateline.empty()) continue;
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
