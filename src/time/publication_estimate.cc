#include "time/publication_estimate.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "time/timex.h"

namespace dyad {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int ParseInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

constexpr std::string_view kUnits[] = {"",        "one",     "two",       "three",    "four",
                                       "five",    "six",     "seven",     "eight",    "nine",
                                       "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                       "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view kTens[] = {"", "", "twenty", "thirty", "forty",
                                      "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::string_view kUnitOrdinals[] = {
    "",           "first",       "second",     "third",        "fourth",      "fifth",
    "sixth",      "seventh",     "eighth",     "ninth",        "tenth",       "eleventh",
    "twelfth",    "thirteenth",  "fourteenth", "fifteenth",    "sixteenth",   "seventeenth",
    "eighteenth", "nineteenth"};
constexpr std::string_view kTenOrdinals[] = {"", "", "twentieth", "thirtieth", "fortieth",
                                             "fiftieth", "sixtieth", "seventieth", "eightieth",
                                             "ninetieth"};

// 1..99 written as a word ("seven", "thirty-three") by the given tables, else 0.
int WordNumber(std::string_view w, const std::string_view (&units)[20],
               const std::string_view (&tens)[10]) {
  for (int k = 1; k < 20; ++k)
    if (w == units[k]) return k;
  for (int k = 2; k < 10; ++k)
    if (w == tens[k]) return 10 * k;
  // "thirty-three", "seventy-fifth": a ten (cardinal) and a unit of the given kind.
  if (size_t dash = w.find('-'); dash != std::string_view::npos) {
    std::string_view ten = w.substr(0, dash), unit = w.substr(dash + 1);
    for (int t = 2; t < 10; ++t) {
      if (ten != kTens[t]) continue;
      for (int k = 1; k < 10; ++k)
        if (unit == units[k]) return 10 * t + k;
    }
  }
  return 0;
}

// A count of years: "33", "three", "thirty-three"; 0 when none.
int Count(const Token& t) {
  if (AllDigits(t.norm) && t.norm.size() <= 3) return ParseInt(t.norm);
  return WordNumber(t.norm, kUnits, kTens);
}

// An ordinal: "30th", "1st", "thirtieth", "seventy-fifth"; 0 when none.
int Ordinal(const Token& t) {
  std::string_view n = t.norm;
  if (n.size() >= 3 && n.size() <= 5) {
    std::string_view digits = n.substr(0, n.size() - 2), suffix = n.substr(n.size() - 2);
    if (AllDigits(digits) && (suffix == "th" || suffix == "st" || suffix == "nd" || suffix == "rd"))
      return ParseInt(digits);
  }
  if (n == "hundredth") return 100;
  return WordNumber(n, kUnitOrdinals, kTenOrdinals);
}

// Words that make a sentence speak of the future: its dates are not past evidence.
bool IsFutureWord(const Token& t) {
  static constexpr std::string_view kWords[] = {
      "will", "shall", "'ll",  "would",  "plan",     "schedule", "expect",
      "upcoming", "forthcoming", "next", "aim", "intend", "deadline", "vision"};
  for (std::string_view w : kWords)
    if (t.norm == w || t.lemma == w) return true;
  return false;
}

// A verb in the past tense or a past participle: "was", "had", "met", "established"
// (the lemma differs and is not a present "-s" or "-ing" form).
bool IsPastTense(const Token& t) {
  if (t.tag == Tag::kAux) return t.norm == "was" || t.norm == "were" || t.norm == "had" || t.norm == "did";
  if (t.tag != Tag::kVerb || t.norm == t.lemma) return false;
  std::string_view n = t.norm;
  return !(n.ends_with("ing") || (n.ends_with("s") && !n.ends_with("ss")));
}

struct YearDate {
  const Timex* timex;
  int year;
};

class Estimator {
 public:
  explicit Estimator(const Document& doc) : doc_(doc) {}

  PublicationEstimate Run() {
    static const TimexFinder finder;
    thread_local std::vector<Timex> found;
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      years_.clear();
      // Every date the estimate can use writes out a year: sentences without a run of four
      // digits are not looked at (most of them).
      const Sentence& sen = doc_.sentences[s];
      bool has_year = false;
      for (uint32_t k = sen.first_token; k < sen.end_token && !has_year; ++k) {
        const std::string& n = doc_.tokens[k].norm;
        for (size_t i = 0, run = 0; i < n.size() && !has_year; ++i) {
          run = std::isdigit(static_cast<unsigned char>(n[i])) ? run + 1 : 0;
          has_year = run >= 4;
        }
      }
      if (!has_year) continue;
      // No reference date: relative expressions ("last week") stay unresolved and are no
      // evidence; only dates the text writes out are.
      found.clear();
      finder.FindInSentence(doc_, s, "", &found);
      for (size_t k = 0; k < found.size(); ++k) {
        const Timex& x = found[k];
        if (x.type != TimexType::kDate || !IsSpecificDate(x) || x.value.size() < 4 ||
            !AllDigits(std::string_view(x.value).substr(0, 4)))
          continue;
        if (x.precision == TimexPrecision::kDecade || x.precision == TimexPrecision::kCentury) continue;
        if (InName(x) || Relative(x)) continue;
        years_.push_back({&x, ParseInt(std::string_view(x.value).substr(0, 4))});
      }
      if (years_.empty()) continue;
      bool future = false;
      for (uint32_t k = sen.first_token; k < sen.end_token && !future; ++k) future = IsFutureWord(doc_.tokens[k]);
      if (future) continue;
      bool past = false;
      for (uint32_t k = sen.first_token; k < sen.end_token && !past; ++k) past = IsPastTense(doc_.tokens[k]);
      for (const YearDate& y : years_) Bound(*y.timex, past);
      Elapsed(sen);
    }
    PublicationEstimate e;
    if (best_year_ > 0 && (bound_.empty() || ParseInt(std::string_view(bound_).substr(0, 4)) <= best_year_)) {
      e.date = std::to_string(best_year_);
      e.precision = "year";
      e.basis = "elapsed";
      e.evidence = best_evidence_;
    } else if (!bound_.empty()) {
      e.date = bound_;
      e.precision = bound_.size() == 10 ? "day" : bound_.size() == 7 ? "month" : "year";
      e.basis = "latest_date";
      e.evidence = bound_evidence_;
    }
    if (!e.empty()) {
      e.not_before = bound_;
      e.not_before_evidence = bound_evidence_;
    }
    return e;
  }

 private:
  // A date counted from another ("nine months later", "two days after"): the finder
  // anchors it on the last date named, which is no date of the text's own.
  bool Relative(const Timex& x) const {
    for (uint32_t k = x.first_token; k < x.end_token; ++k) {
      const std::string& w = doc_.tokens[k].norm;
      if (w == "later" || w == "earlier" || w == "after" || w == "before" || w == "ago") return true;
    }
    return false;
  }

  // A year inside a name: "Vision 2030", "Expo 2020".
  bool InName(const Timex& x) const {
    if (x.first_token == 0 || x.first_token <= doc_.sentences[x.sentence].first_token) return false;
    const Token& before = doc_.tokens[x.first_token - 1];
    return before.tag == Tag::kProper && !before.Has(kSentenceStart);
  }

  std::string Words(uint32_t first, uint32_t end) const {
    std::string out;
    bool space = false;
    for (char c : doc_.text.substr(doc_.tokens[first].begin, doc_.tokens[end - 1].end - doc_.tokens[first].begin)) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  // The latest past date the text names, as precise as written. Only in a sentence that
  // tells of the past (a past-tense verb); and not a date that something is due, runs to
  // or is planned for: "until 2030", "by the end of 2026", "bonds due 2007", "matures in
  // 1998", "from 1987 to early 1988", "the budget for fiscal 1988".
  void Bound(const Timex& x, bool past_sentence) {
    if (!past_sentence || !GovernedByPast(x)) return;
    for (uint32_t k = x.first_token, n = 0; k > doc_.sentences[x.sentence].first_token && n < 3; ++n) {
      const Token& t = doc_.tokens[--k];
      static constexpr std::string_view kNotPast[] = {
          "by", "until", "till", "before", "through", "to", "for", "from", "due", "fiscal",
          "mature", "effective", "expire", "ending", "ended", "beyond", "scheduled"};
      for (std::string_view w : kNotPast)
        if (t.norm == w || t.lemma == w) return;
      if (t.tag == Tag::kPunct || t.tag == Tag::kVerb || t.tag == Tag::kAux) break;
    }
    std::string date;
    switch (x.precision) {
      case TimexPrecision::kDay:
      case TimexPrecision::kTime:
        date = x.value.substr(0, 10);
        break;
      case TimexPrecision::kMonth:
        date = x.value.substr(0, 7);
        break;
      default:
        date = x.value.substr(0, 4);
    }
    if (date > bound_) {
      bound_ = date;
      // With the few words before it that say what it dates: "commencing in 2008".
      uint32_t first = x.first_token;
      for (int n = 0; n < 3 && first > doc_.sentences[x.sentence].first_token; ++n) {
        const Token& w = doc_.tokens[first - 1];
        if (w.tag == Tag::kPunct || w.tag == Tag::kConj || w.tag == Tag::kSubord) break;
        --first;
      }
      bound_evidence_ = Words(first, x.end_token);
    }
  }

  // Whether the verb that governs the date is in the past tense: the nearest verb before
  // it in its clause ("the embassy was established in 1997", "met again in March 2021"),
  // else, for a fronted date ("In 2008, the embassy opened"), the first one after it.
  bool GovernedByPast(const Timex& x) const {
    const Sentence& s = doc_.sentences[x.sentence];
    // "the 1988 budget", "its 1996 notes": a year naming a plan or an issue, not the past.
    if (x.precision == TimexPrecision::kYear && x.end_token < s.end_token &&
        doc_.tokens[x.end_token].tag == Tag::kNoun)
      return false;
    // "can be exercised from ...", "is to be paid in ...": not a past act.
    auto past_act = [&](uint32_t k) {
      // Not a participle in "-ing" ("its operation commencing in 2008"): in news of
      // markets it is mostly what is to come ("a fund beginning in 1998").
      if (!IsPastTense(doc_.tokens[k])) return false;
      if (doc_.tokens[k].tag == Tag::kAux || k == s.first_token) return true;
      const Token& before = doc_.tokens[k - 1];
      return !(before.tag == Tag::kAux && before.norm != "was" && before.norm != "were" &&
               before.norm != "had" && before.norm != "has" && before.norm != "have" &&
               before.norm != "been");
    };
    for (uint32_t k = x.first_token, n = 0; k > s.first_token && n < 10; ++n) {
      const Token& t = doc_.tokens[--k];
      if (t.tag == Tag::kVerb || t.tag == Tag::kAux) return past_act(k);
      if (t.norm == "," || t.norm == ";" || t.norm == ":" || t.tag == Tag::kSubord) {
        if (k > s.first_token) return false;  // another clause's verb
        break;
      }
    }
    for (uint32_t k = x.end_token, n = 0; k < s.end_token && n < 10; ++k, ++n) {
      const Token& t = doc_.tokens[k];
      if (t.tag == Tag::kVerb || t.tag == Tag::kAux) return past_act(k);
    }
    return false;
  }

  // The year date starting at token i (an article before it allowed), or nullptr.
  const YearDate* YearAt(uint32_t i) const {
    for (const YearDate& y : years_) {
      if (y.timex->first_token == i) return &y;
      if (y.timex->first_token == i + 1 && doc_.tokens[i].tag == Tag::kDet) return &y;
    }
    return nullptr;
  }
  // The year date ending just before token i ("in 1992, 33 years ago"), or nullptr.
  const YearDate* YearBefore(uint32_t i) const {
    for (const YearDate& y : years_) {
      uint32_t e = y.timex->end_token;
      if (e == i || (e + 1 == i && doc_.tokens[e].norm == ",")) return &y;
    }
    return nullptr;
  }

  void Found(int year, uint32_t first, uint32_t end) {
    if (year < 1800 || year > 2200 || year < best_year_) return;
    if (year == best_year_ && !best_evidence_.empty()) return;
    best_year_ = year;
    best_evidence_ = Words(first, end);
  }

  bool Is(uint32_t i, std::string_view w, uint32_t end) const { return i < end && doc_.tokens[i].norm == w; }

  void Elapsed(const Sentence& s) {
    const uint32_t end = s.end_token;
    for (uint32_t i = s.first_token; i + 1 < end; ++i) {
      const Token& t = doc_.tokens[i];
      // "the 30th anniversary of the 1995 accords", "the 20th anniversary of the October
      // 1987 crash": the year in the "of" phrase (a year elsewhere is the celebration's:
      // "marked in June 2014 the 70th anniversary", "the 50th anniversary gala in 2003").
      if (int n = Ordinal(t); n > 0 && n <= 300 && doc_.tokens[i + 1].lemma == "anniversary") {
        if (!Is(i + 2, "of", end)) continue;
        for (uint32_t k = i + 3; k < end && k <= i + 8; ++k) {
          const Token& w = doc_.tokens[k];
          if (const YearDate* y = YearAt(k); y != nullptr && y->timex->first_token == k) {
            Found(y->year + n, i, y->timex->end_token);
            break;
          }
          // "the 70th anniversary of the war, which ... in 2015": another clause's year.
          if (w.tag == Tag::kVerb || w.tag == Tag::kAux || w.tag == Tag::kPunct || w.tag == Tag::kSubord)
            break;
        }
        continue;
      }
      const int n = Count(t);
      if (n <= 0 || n > 300 || doc_.tokens[i + 1].lemma != "year") continue;
      uint32_t j = i + 2;
      const YearDate* y = nullptr;
      uint32_t first = i, last = j;
      if (Is(j, "ago", end)) {
        // "33 years ago, in 1992", "in 1992, 33 years ago"
        uint32_t k = j + 1;
        if (Is(k, ",", end)) ++k;
        if (k < end && (doc_.tokens[k].norm == "in" || doc_.tokens[k].norm == "since")) y = YearAt(k + 1);
        if (y != nullptr) {
          last = y->timex->end_token;
        } else if ((y = YearBefore(i)) != nullptr) {
          first = y->timex->first_token;
          last = j + 1;
        }
      } else {
        // "dates back 33 years to 1992"
        if (i > s.first_token && doc_.tokens[i - 1].norm == "back" && Is(j, "to", end)) {
          y = YearAt(j + 1);
          first = i - 1;
          if (first > s.first_token && doc_.tokens[first - 1].tag == Tag::kVerb) --first;  // "dates back"
        } else {
          // "33 years since 1992", "33 years have passed since 1992" (not "had": a past
          // time's count)
          uint32_t k = j;
          while (k < end && k < j + 3 &&
                 (doc_.tokens[k].norm == "have" || doc_.tokens[k].norm == "has" ||
                  doc_.tokens[k].norm == "passed" || doc_.tokens[k].norm == "elapsed" ||
                  doc_.tokens[k].norm == "gone" || doc_.tokens[k].norm == "by" ||
                  doc_.tokens[k].norm == "now"))
            ++k;
          if (Is(k, "since", end)) y = YearAt(k + 1);
        }
        if (y != nullptr) last = y->timex->end_token;
      }
      if (y != nullptr) Found(y->year + n, first, last);
    }
  }

  const Document& doc_;
  std::vector<YearDate> years_;  // of the sentence being read
  int best_year_ = 0;
  std::string best_evidence_;
  std::string bound_, bound_evidence_;
};

}  // namespace

PublicationEstimate EstimatePublicationDate(const Document& doc) { return Estimator(doc).Run(); }

}  // namespace dyad
