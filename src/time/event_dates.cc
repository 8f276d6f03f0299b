#include "time/event_dates.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "syntax/tree.h"
#include "time/timex.h"

namespace dyad {
namespace {

bool Digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
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
  thread_local std::vector<uint32_t> clause_of_timex;  // ClauseOf each found timex's head
  const std::string_view published = std::string_view(article.published).substr(0, 10);
  uint32_t found_sentence = UINT32_MAX;
  for (Event& e : *events) {
    if (!e.date.empty() || e.sentence >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[e.sentence];
    if (!s.parsed) continue;  // no grammar, no clause: the publication date below
    if (e.sentence != found_sentence) {
      found.clear();
      finder.FindInSentence(doc, e.sentence, published, &found);
      found_sentence = e.sentence;
      clause_of_timex.clear();
      for (const Timex& t : found)
        clause_of_timex.push_back(ClauseOf(doc, s, PhraseHead(doc, s, t.first_token, t.end_token)));
    }
    if (found.empty()) continue;
    // The time expression of the anchor's own clause, nearest to the anchor; else of the
    // clauses that govern it ("..., made in 1997, and its operation commencing in 2008":
    // each act its own year; "On Monday, X said it would ..." dates the saying's clause).
    const uint32_t anchor = TokenAtOffset(doc, s, e.anchor);
    uint32_t clause = ClauseOf(doc, s, anchor);
    // Dates e by the expression nearest the anchor among those whose clause (the
    // ClauseOf their head) passes `in`; false when none does.
    auto date_nearest = [&](auto in) {
      Event dated;
      const Timex* best = nullptr;
      uint32_t best_distance = UINT32_MAX;
      for (size_t k = 0; k < found.size(); ++k) {
        const Timex& t = found[k];
        if (!in(clause_of_timex[k]) || !TextDate(t, &dated)) continue;
        const uint32_t distance = t.first_token > anchor ? t.first_token - anchor : anchor - t.first_token;
        if (distance < best_distance) {
          best = &t;
          best_distance = distance;
        }
      }
      return best != nullptr && TextDate(*best, &e);
    };
    // First a clause that modifies the anchor word itself, a noun ("its operation
    // commencing in 2008").
    if (date_nearest([&](uint32_t c) {
          return c != clause && HeadIn(doc, s, c) == anchor && BaseDeprel(doc.tokens[c].deprel) == Deprel::acl;
        }))
      continue;
    for (int level = 0; level < 3 && clause != Token::kNoHead; ++level) {
      if (date_nearest([&](uint32_t c) { return c == clause; })) break;
      // A loosely joined clause (parataxis, list) is no part of the one before it.
      const Deprel rel = BaseDeprel(doc.tokens[clause].deprel);
      if (rel == Deprel::parataxis || rel == Deprel::list || rel == Deprel::root) break;
      clause = ParentClause(doc, s, clause);
    }
  }
  AssignPublicationDates(article, events);
}

}  // namespace dyad
