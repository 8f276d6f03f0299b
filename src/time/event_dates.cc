#include "time/event_dates.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "time/timex.h"

namespace dyad {
namespace {

bool Digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

bool ClauseBoundary(const Token& t) {
  std::string_view n = t.norm;
  return n == "," || n == ";" || n == ":" || n == "--" || n == "-" || n == "(" || n == ")";
}

// The event date a time expression gives, or false when it gives none.
bool TextDate(const Timex& t, Event* e) {
  if (!IsSpecificDate(t)) return false;
  std::string_view v = t.value;
  switch (t.precision) {
    case TimexPrecision::kDay:
    case TimexPrecision::kTime:
      if (v.size() < 10) return false;
      e->date = std::string(v.substr(0, 10));
      e->date_precision = "day";
      break;
    case TimexPrecision::kMonth:
      e->date = std::string(v.substr(0, 7));
      e->date_precision = "month";
      break;
    case TimexPrecision::kWeek: {  // "2024-W52": the month of the week's Thursday
      int year = 0, week = 0;
      if (std::sscanf(t.value.c_str(), "%d-W%d", &year, &week) != 2) return false;
      int y, m, d;
      if (!IsoWeekThursday(year, week, &y, &m, &d)) return false;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, m % 100);
      e->date = buf;
      e->date_precision = "month";
      break;
    }
    case TimexPrecision::kQuarter:
    case TimexPrecision::kSeason:
    case TimexPrecision::kYear:
      e->date = std::string(v.substr(0, 4));
      e->date_precision = "year";
      break;
    default:
      return false;
  }
  e->date_basis = "text";
  return true;
}

}  // namespace

void AssignPublicationDates(const Article& article, std::vector<Event>* events) {
  std::string_view p = article.published;
  std::string date, precision = "unknown";
  std::string_view basis = "published";
  // An undated article that its text dates ("33 years to 1992"): GDELT's use of the
  // publication date, with its own basis; a mere lower bound dates nothing.
  if (p.empty() && article.published_estimate.dates_article()) {
    p = article.published_estimate.date;
    basis = kDateBasisEstimated;
  }
  if (p.size() >= 10 && Digits(p.substr(0, 4)) && p[4] == '-' && Digits(p.substr(5, 2)) &&
      p[7] == '-' && Digits(p.substr(8, 2))) {
    date = std::string(p.substr(0, 10));
    precision = "day";
  } else if (p.size() >= 7 && Digits(p.substr(0, 4)) && p[4] == '-' && Digits(p.substr(5, 2))) {
    date = std::string(p.substr(0, 7));
    precision = "month";
  } else if (p.size() >= 4 && Digits(p.substr(0, 4))) {
    date = std::string(p.substr(0, 4));
    precision = "year";
  }
  for (Event& e : *events) {
    if (!e.date.empty()) continue;
    e.date = date;
    e.date_precision = precision;
    e.date_basis = date.empty() ? std::string_view() : basis;
  }
}

}  // namespace dyad

namespace dyad {

void AssignEventDates(const Article& article, const Document& doc, std::vector<Event>* events) {
  static const TimexFinder finder;
  thread_local std::vector<Timex> found;
  const std::string_view published = std::string_view(article.published).substr(0, 10);
  uint32_t found_sentence = UINT32_MAX;
  for (Event& e : *events) {
    if (!e.date.empty() || e.sentence >= doc.sentences.size()) continue;
    if (e.sentence != found_sentence) {
      found.clear();
      finder.FindInSentence(doc, e.sentence, published, &found);
      found_sentence = e.sentence;
    }
    if (found.empty()) continue;
    const Sentence& s = doc.sentences[e.sentence];
    // Clause parts: [part_begin, part_end) token ranges between boundaries.
    auto part_of = [&](uint32_t token, uint32_t* pb, uint32_t* pe) {
      uint32_t b = token, en = token;
      while (b > s.first_token && !ClauseBoundary(doc.tokens[b - 1])) --b;
      while (en < s.end_token && !ClauseBoundary(doc.tokens[en])) ++en;
      *pb = b;
      *pe = en;
    };
    // The token range of a byte span, widened to whole parts; false when no token.
    auto clause_of = [&](uint32_t begin, uint32_t end, uint32_t* cb, uint32_t* ce) {
      uint32_t first = s.end_token, last = s.first_token;
      for (uint32_t k = s.first_token; k < s.end_token; ++k) {
        const Token& t = doc.tokens[k];
        if (t.begin < end && begin < t.end) {
          first = std::min(first, k);
          last = std::max(last, k);
        }
      }
      if (first > last) return false;
      uint32_t unused;
      part_of(first, cb, &unused);
      part_of(last, &unused, ce);
      return true;
    };
    uint32_t clause_begin, clause_end;
    if (!clause_of(e.begin, e.end, &clause_begin, &clause_end)) continue;
    // A verbless first part is a fronted adverbial ("On Monday, ...") for the whole sentence.
    uint32_t lead_begin, lead_end;
    part_of(s.first_token, &lead_begin, &lead_end);
    bool lead_verbless = true;
    for (uint32_t k = lead_begin; k < lead_end; ++k)
      if (doc.tokens[k].tag == Tag::kVerb || doc.tokens[k].tag == Tag::kAux) lead_verbless = false;
    // The nearest date to [near_begin, near_end) in the clause [cb, ce) or the lead.
    auto nearest = [&](uint32_t cb, uint32_t ce, uint32_t near_begin, uint32_t near_end) {
      const Timex* best = nullptr;
      uint32_t best_distance = UINT32_MAX;
      Event dated;
      for (const Timex& t : found) {
        const bool in_clause = t.first_token >= cb && t.end_token <= ce;
        const bool in_lead = lead_verbless && t.end_token <= lead_end;
        if (!(in_clause || in_lead) || !TextDate(t, &dated)) continue;
        const uint32_t distance = t.end <= near_begin ? near_begin - t.end
                                  : t.begin >= near_end ? t.begin - near_end : 0;
        if (distance < best_distance) {
          best = &t;
          best_distance = distance;
        }
      }
      return best;
    };
    // The clause of the event's own words first ("..., made in 1997, and its operation
    // commencing in 2008": the actors may reach back into the part before).
    const Timex* best = nullptr;
    uint32_t trigger_begin, trigger_end;
    if (e.trigger_end > e.trigger_begin &&
        clause_of(e.trigger_begin, e.trigger_end, &trigger_begin, &trigger_end)) {
      best = nearest(trigger_begin, trigger_end, e.trigger_begin, e.trigger_end);
    }
    if (best == nullptr) best = nearest(clause_begin, clause_end, e.begin, e.end);
    if (best) TextDate(*best, &e);
  }
  AssignPublicationDates(article, events);
}

}  // namespace dyad
