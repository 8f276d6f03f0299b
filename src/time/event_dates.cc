#include "time/event_dates.h"

#include <cctype>

namespace dyad {
namespace {

bool Digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

}  // namespace

void AssignPublicationDates(const Article& article, std::vector<Event>* events) {
  std::string_view p = article.published;
  std::string date, precision = "unknown";
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
    e.date_basis = date.empty() ? "" : "published";
  }
}

}  // namespace dyad
