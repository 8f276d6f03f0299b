#include "time/timex.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace dyad {
namespace {

// ---- Calendar arithmetic (proleptic Gregorian; days since 1970-01-01) ----

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2 ? 1 : 0));
}

int Weekday(int64_t days) {  // Monday 0 .. Sunday 6; 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

int DaysInMonth(int y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

void IsoWeek(int64_t days, int* iso_year, int* week) {
  const int64_t thursday = days - Weekday(days) + 3;
  int y, m, d;
  CivilFromDays(thursday, &y, &m, &d);
  *iso_year = y;
  *week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7 + 1);
}

// ---- The word table ----

enum class Kind : uint8_t { kMonth, kWeekday, kUnit, kNumber, kOrdinal, kSeason, kPartOfDay, kWord };

enum Unit : uint8_t { kDay, kWeek, kMonthUnit, kYear, kDecade, kCentury, kQuarter, kHour, kMinute };

enum Special : uint8_t {
  kToday, kYesterday, kTomorrow, kTonight, kNow, kPastRef, kSoon, kAgo, kEarlier, kLater,
  kLast, kNext, kThis, kPast, kComing, kEarly, kLate, kMid, kThe, kFiscal, kRecent, kFuture,
  kWeekend, kLatest, kEvery, kTimesWord, kFrom, kAm, kPm, kAs, kA, kFew, kHalf, kNear,
  kWill, kContext, kOld, kOf, kFor,
};

struct WordInfo {
  Kind kind;
  int8_t value;      // month 1-12, weekday 0-6, Unit, number (-1 unknown), Special ...
  bool plural = false;
};

// Part-of-day suffixes of TIMEX3 values, by the kPartOfDay value.
const char* const kPartOfDay[] = {"MO", "AF", "EV", "NI"};
// Seasons by the kSeason value.
const char* const kSeason[] = {"SP", "SU", "FA", "WI"};
const char kUnitLetter[] = {'D', 'W', 'M', 'Y', 'E', 'C', 'Q', 'H', 'M'};

}  // namespace

// Open addressing over short words with a bit filter in front: most tokens are rejected
// by one bit test, the rest cost a short hash and one or two probes.
struct TimexWordTable {
  static constexpr size_t kSlots = 512;  // power of two, well above twice the word count
  static constexpr size_t kMaxWord = 15;
  struct Slot {
    char word[kMaxWord] = {};
    uint8_t size = 0;  // 0: empty
    WordInfo info{};
  };
  Slot slots[kSlots];
  uint64_t any_filter[64] = {};      // 4096 bits over (first byte, last byte, size)
  uint64_t starter_filter[64] = {};  // the same for words that can start an expression

  static uint32_t FilterBit(std::string_view w) {
    return (static_cast<unsigned char>(w[0]) * 131u +
            static_cast<unsigned char>(w.back()) * 7u + static_cast<uint32_t>(w.size()) * 1031u) &
           4095u;
  }
  static uint32_t Hash(std::string_view w) {
    uint32_t h = 2166136261u ^ static_cast<uint32_t>(w.size());
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  static bool Starts(Kind k, int v) {
    if (k == Kind::kMonth || k == Kind::kWeekday || k == Kind::kNumber) return true;
    if (k != Kind::kWord) return false;
    switch (v) {
      case kAgo: case kWeekend: case kLatest: case kFrom: case kAm: case kPm: case kAs:
      case kFew: case kHalf: case kNear: case kWill: case kContext: case kOld: case kOf:
      case kFor:
        return false;
      default:
        return true;
    }
  }
  void Add(std::string_view w, Kind k, int v, bool plural = false) {
    size_t at = Hash(w) & (kSlots - 1);
    while (slots[at].size) at = (at + 1) & (kSlots - 1);
    std::memcpy(slots[at].word, w.data(), w.size());
    slots[at].size = static_cast<uint8_t>(w.size());
    slots[at].info = WordInfo{k, static_cast<int8_t>(v), plural};
    const uint32_t bit = FilterBit(w);
    any_filter[bit >> 6] |= uint64_t{1} << (bit & 63);
    if (Starts(k, v)) starter_filter[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  const WordInfo* Lookup(std::string_view w, const uint64_t* filter) const {
    if (w.empty() || w.size() > kMaxWord) return nullptr;
    const uint32_t bit = FilterBit(w);
    if (!(filter[bit >> 6] & (uint64_t{1} << (bit & 63)))) return nullptr;
    for (size_t at = Hash(w) & (kSlots - 1); slots[at].size; at = (at + 1) & (kSlots - 1))
      if (slots[at].size == w.size() && std::memcmp(slots[at].word, w.data(), w.size()) == 0)
        return &slots[at].info;
    return nullptr;
  }
  const WordInfo* Find(std::string_view w) const { return Lookup(w, any_filter); }
  // Like Find, but only for words that can start an expression.
  const WordInfo* FindStarter(std::string_view w) const {
    const WordInfo* info = Lookup(w, starter_filter);
    return info && Starts(info->kind, info->value) ? info : nullptr;
  }

  TimexWordTable() {
    static const char* const kMonths[12][4] = {
        {"january", "jan", "jan.", nullptr}, {"february", "feb", "feb.", nullptr},
        {"march", "mar.", nullptr, nullptr}, {"april", "apr", "apr.", nullptr},
        {"may", nullptr, nullptr, nullptr},  {"june", "jun.", nullptr, nullptr},
        {"july", "jul.", nullptr, nullptr},  {"august", "aug", "aug.", nullptr},
        {"september", "sept", "sept.", "sep."}, {"october", "oct", "oct.", nullptr},
        {"november", "nov", "nov.", nullptr}, {"december", "dec", "dec.", nullptr}};
    for (int m = 0; m < 12; ++m)
      for (const char* w : kMonths[m])
        if (w) Add(w, Kind::kMonth, m + 1);
    static const char* const kDays[7] = {"monday", "tuesday", "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; ++d) Add(kDays[d], Kind::kWeekday, d);
    static const char* const kUnits[][2] = {
        {"day", "days"}, {"week", "weeks"}, {"month", "months"}, {"year", "years"},
        {"decade", "decades"}, {"century", "centuries"}, {"quarter", "quarters"},
        {"hour", "hours"}, {"minute", "minutes"}};
    for (int u = 0; u < 9; ++u) {
      Add(kUnits[u][0], Kind::kUnit, u);
      Add(kUnits[u][1], Kind::kUnit, u, true);
    }
    static const char* const kNumbers[] = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"};
    for (int n = 1; n < 20; ++n) Add(kNumbers[n], Kind::kNumber, n);
    static const char* const kTens[] = {"twenty", "thirty", "forty", "fifty",
                                        "sixty",  "seventy", "eighty", "ninety"};
    for (int t = 0; t < 8; ++t) Add(kTens[t], Kind::kNumber, 20 + 10 * t);
    Add("several", Kind::kNumber, -1);
    Add("many", Kind::kNumber, -1);
    Add("few", Kind::kWord, kFew);
    Add("a", Kind::kWord, kA);
    Add("an", Kind::kWord, kA);
    static const char* const kOrdinals[] = {"first", "second", "third", "fourth"};
    for (int o = 0; o < 4; ++o) Add(kOrdinals[o], Kind::kOrdinal, o + 1);
    Add("spring", Kind::kSeason, 0);
    Add("summer", Kind::kSeason, 1);
    Add("fall", Kind::kSeason, 2);
    Add("autumn", Kind::kSeason, 2);
    Add("winter", Kind::kSeason, 3);
    Add("morning", Kind::kPartOfDay, 0);
    Add("afternoon", Kind::kPartOfDay, 1);
    Add("evening", Kind::kPartOfDay, 2);
    Add("night", Kind::kPartOfDay, 3);
    struct S { const char* w; Special s; };
    static const S kSpecials[] = {
        {"today", kToday}, {"yesterday", kYesterday}, {"tomorrow", kTomorrow},
        {"tonight", kTonight}, {"now", kNow}, {"currently", kNow}, {"nowadays", kNow},
        {"recently", kPastRef}, {"lately", kPastRef}, {"previously", kPastRef},
        {"formerly", kPastRef}, {"soon", kSoon}, {"ago", kAgo}, {"earlier", kEarlier},
        {"later", kLater}, {"last", kLast}, {"next", kNext}, {"this", kThis}, {"past", kPast},
        {"previous", kLast}, {"coming", kComing}, {"early", kEarly}, {"late", kLate},
        {"mid", kMid}, {"the", kThe}, {"fiscal", kFiscal}, {"recent", kRecent},
        {"future", kFuture}, {"weekend", kWeekend}, {"latest", kLatest}, {"every", kEvery},
        {"each", kEvery}, {"per", kEvery}, {"once", kTimesWord}, {"twice", kTimesWord},
        {"times", kTimesWord}, {"from", kFrom}, {"a.m.", kAm}, {"am", kAm}, {"p.m.", kPm},
        {"pm", kPm}, {"as", kAs}, {"half", kHalf}, {"near", kNear}, {"will", kWill},
        {"'ll", kWill}, {"shall", kWill}, {"in", kContext}, {"since", kContext},
        {"until", kContext}, {"till", kContext}, {"by", kContext}, {"during", kContext},
        {"before", kContext}, {"after", kContext}, {"through", kContext},
        {"between", kContext}, {"to", kContext}, {"and", kContext}, {"or", kContext},
        {"on", kContext}, {"of", kOf}, {"old", kOld}, {"for", kFor}};
    for (const S& s : kSpecials) Add(s.w, Kind::kWord, s.s);
  }
};

namespace {

struct Ref {
  int y = 0, m = 0, d = 0;  // 0 when unknown
  int64_t days = 0;         // valid when d != 0
};

Ref ParseRef(std::string_view s) {
  Ref r;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    if (pos + len > s.size()) return -1;
    for (size_t k = pos; k < pos + len; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  int y = num(0, 4);
  if (y <= 0) return r;
  r.y = y;
  if (s.size() >= 7 && s[4] == '-') {
    int m = num(5, 2);
    if (m >= 1 && m <= 12) {
      r.m = m;
      if (s.size() >= 10 && s[7] == '-') {
        int d = num(8, 2);
        if (d >= 1 && d <= DaysInMonth(y, m)) {
          r.d = d;
          r.days = DaysFromCivil(y, m, d);
        }
      }
    }
  }
  return r;
}

// A resolved calendar period: the value's fields and its precision.
struct Period {
  int y = 0, m = 0, d = 0;  // m: month; for kQuarter the quarter; kSeason the season index;
                            // kWeek the ISO week; kDecade/kCentury y holds the prefix digits
  TimexPrecision p = TimexPrecision::kNone;
  int part = -1;            // part of day (kPartOfDay index) for day values
  bool from_anchor = false;
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ParseInt(std::string_view s) {  // digits only, at most 7 of them; else -1
  if (!AllDigits(s) || s.size() > 7) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "30th", "1st" -> 30, 1; else -1.
int ParseOrdinalDay(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return -1;
  std::string_view suffix = s.substr(s.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  return ParseInt(s.substr(0, s.size() - 2));
}

class Scanner {
 public:
  Scanner(const TimexWordTable& table, const Document& doc, const Ref& ref,
          std::vector<Timex>* out)
      : table_(table), doc_(doc), ref_(ref), out_(out) {
    if (ref_.y) {
      anchor_.y = ref_.y;
      anchor_.m = ref_.m;
      anchor_.d = ref_.d;
      anchor_.p = ref_.d ? TimexPrecision::kDay
                         : ref_.m ? TimexPrecision::kMonth : TimexPrecision::kYear;
    }
  }

  void ScanSentence(uint32_t s) {
    const Sentence& sent = doc_.sentences[s];
    sentence_ = s;
    begin_ = sent.first_token;
    end_ = sent.end_token;
    future_ = -1;
    for (uint32_t i = begin_; i < end_;) {
      Match m;
      expr_start_ = i;
      future_ = -1;
      if (TryAt(i, &m)) {
        Emit(i, m);
        i = m.end;
      } else {
        ++i;
      }
    }
  }

 private:
  struct Match {
    uint32_t end = 0;
    TimexType type = TimexType::kDate;
    Period period;
    const char* ref_value = nullptr;  // PRESENT_REF etc.
    int quantity = 0;                 // durations and sets: -1 unknown
    int unit = 0;
  };

  // ---- token access ----
  std::string_view Norm(uint32_t i) const {
    return i < end_ ? std::string_view(doc_.tokens[i].norm) : std::string_view();
  }
  const WordInfo* Word(uint32_t i) const {
    return i < end_ ? table_.Find(doc_.tokens[i].norm) : nullptr;
  }
  bool IsKind(uint32_t i, Kind k) const {
    const WordInfo* w = Word(i);
    return w && w->kind == k;
  }
  bool IsSpecial(uint32_t i, Special s) const {
    const WordInfo* w = Word(i);
    return w && w->kind == Kind::kWord && w->value == s;
  }
  int Value(uint32_t i) const { return Word(i)->value; }
  bool Capitalized(uint32_t i) const { return doc_.tokens[i].Has(kCapitalized); }
  bool Hyphenated(uint32_t i) const { return doc_.tokens[i].Has(kHyphenated); }
  int Year4(uint32_t i) const {  // a four-digit year 1000-2199, else -1
    std::string_view n = Norm(i);
    if (n.size() != 4) return -1;
    int y = ParseInt(n);
    return y >= 1000 && y <= 2199 ? y : -1;
  }
  int DayNumber(uint32_t i) const {
    std::string_view n = Norm(i);
    int d = n.size() <= 2 ? ParseInt(n) : ParseOrdinalDay(n);
    if (d < 1 || d > 31) return -1;
    if ((Norm(i + 1) == ":" && Norm(i + 2).size() == 2 && AllDigits(Norm(i + 2))) ||
        IsSpecial(i + 1, kAm) || IsSpecial(i + 1, kPm))
      return -1;  // a time of day
    return d;
  }

  // Whether the verb governing the expression at expr_start_ speaks of the future: the
  // nearest verb before it (else after it) follows "will", "'ll", "shall" or an
  // infinitive "to", or is "scheduled", "planned", "expected", "due".
  bool Future() {
    if (future_ >= 0) return future_ == 1;
    future_ = 0;
    auto verb_at = [&](uint32_t k) {
      const Tag t = doc_.tokens[k].tag;
      return t == Tag::kVerb || t == Tag::kAux;
    };
    auto future_verb = [&](uint32_t k) {
      if (IsSpecial(k, kWill)) return true;
      std::string_view lemma = doc_.tokens[k].lemma;
      if (lemma == "schedule" || lemma == "plan" || lemma == "expect" || lemma == "due")
        return true;
      for (uint32_t b = k; b > begin_;) {  // back over adverbs and auxiliaries
        --b;
        const Token& t = doc_.tokens[b];
        if (IsSpecial(b, kWill) || t.norm == "to") return true;
        if (t.tag != Tag::kAdv && t.tag != Tag::kNeg && t.tag != Tag::kAux) break;
      }
      return false;
    };
    for (uint32_t k = expr_start_; k > begin_;) {
      --k;
      if (verb_at(k)) {
        future_ = future_verb(k) ? 1 : 0;
        return future_ == 1;
      }
    }
    for (uint32_t k = expr_start_; k < end_; ++k) {
      if (verb_at(k)) {
        future_ = future_verb(k) ? 1 : 0;
        break;
      }
    }
    return future_ == 1;
  }

  // ---- period constructors ----
  Period Day(int64_t days) const {
    Period p;
    CivilFromDays(days, &p.y, &p.m, &p.d);
    p.p = TimexPrecision::kDay;
    return p;
  }
  Period Week(int64_t days) const {
    Period p;
    IsoWeek(days, &p.y, &p.m);
    p.p = TimexPrecision::kWeek;
    return p;
  }
  static Period Month(int y, int m) {
    Period p;
    const int k = y * 12 + (m - 1);
    p.y = k / 12;
    p.m = k % 12 + 1;
    p.p = TimexPrecision::kMonth;
    return p;
  }
  static Period Year(int y) {
    Period p;
    p.y = y;
    p.p = TimexPrecision::kYear;
    return p;
  }
  static Period Quarter(int y, int q) {
    Period p;
    const int k = y * 4 + (q - 1);
    p.y = k / 4;
    p.m = k % 4 + 1;
    p.p = TimexPrecision::kQuarter;
    return p;
  }
  int RefQuarter() const { return (ref_.m - 1) / 3 + 1; }

  // Shift of the reference date by n units (n may be negative); false without a reference
  // fine enough for the unit.
  bool Shift(int unit, int n, Period* out) const {
    if (!ref_.y) return false;
    switch (unit) {
      case kDay:
      case kHour:
      case kMinute:
        if (!ref_.d) return false;
        *out = Day(ref_.days + (unit == kDay ? n : 0));
        return true;
      case kWeek:
        if (!ref_.d) return false;
        *out = Week(ref_.days + 7 * n);
        return true;
      case kMonthUnit:
        if (!ref_.m) return false;
        *out = Month(ref_.y, ref_.m + n);
        return true;
      case kQuarter:
        if (!ref_.m) return false;
        *out = Quarter(ref_.y, RefQuarter() + n);
        return true;
      case kYear:
        *out = Year(ref_.y + n);
        return true;
      case kDecade:
        out->y = ref_.y / 10 + n;
        out->p = TimexPrecision::kDecade;
        return true;
      case kCentury:
        out->y = ref_.y / 100 + n;
        out->p = TimexPrecision::kCentury;
        return true;
    }
    return false;
  }

  // The anchor shifted by n units, keeping the anchor's precision when it is finer than
  // the unit's (a quarter a year earlier is the same quarter of the year before).
  bool ShiftAnchor(int unit, int n, Period* out) const {
    if (anchor_.p == TimexPrecision::kNone) return false;
    const Period& a = anchor_;
    if (a.p == TimexPrecision::kQuarter && (unit == kYear || unit == kQuarter)) {
      *out = Quarter(a.y, a.m + (unit == kYear ? 4 * n : n));
    } else if (unit == kYear) {
      *out = Year(a.y + n);
    } else if (unit == kMonthUnit && a.p >= TimexPrecision::kMonth && a.p != TimexPrecision::kWeek) {
      *out = Month(a.y, a.m + n);
    } else if (unit == kDay && a.p == TimexPrecision::kDay) {
      *out = Day(DaysFromCivil(a.y, a.m, a.d) + n);
    } else if (unit == kWeek && a.p == TimexPrecision::kDay) {
      *out = Week(DaysFromCivil(a.y, a.m, a.d) + 7 * n);
    } else if (unit == kDecade) {
      out->y = a.y / 10 + n;
      out->p = TimexPrecision::kDecade;
    } else {
      return false;
    }
    out->from_anchor = true;
    return true;
  }

  // The month m in the year the context points to: the last one on or before the
  // reference month in past contexts, the next one on or after it in future contexts.
  Period MonthInContext(int m, int direction) {
    if (!ref_.m) {
      Period p;
      p.m = m;
      p.p = TimexPrecision::kMonth;  // year unknown: XXXX-MM
      return p;
    }
    if (direction == 0) direction = Future() ? 1 : -1;
    int y = ref_.y;
    if (direction < 0 && m > ref_.m) --y;
    if (direction > 0 && m < ref_.m) ++y;
    return Month(y, m);
  }
  // Month and day without a year.
  Period MonthDayInContext(int m, int d) {
    Period p;
    p.m = m;
    p.d = d;
    p.p = TimexPrecision::kDay;
    if (!ref_.y) return p;  // XXXX-MM-DD
    p.y = ref_.y;
    if (ref_.d) {
      // The last such date in past contexts, the next one in future contexts.
      int64_t days = DaysFromCivil(ref_.y, m, std::min(d, DaysInMonth(ref_.y, m)));
      // News mentions dates a few months ahead in the past tense too ("said it would
      // vote on March 6"), so only a date further away switches year.
      if (Future()) {
        if (ref_.days - days > 90) ++p.y;
      } else if (days - ref_.days > 90) {
        --p.y;
      }
    }
    if (d > DaysInMonth(p.y, m)) return Period{};
    return p;
  }
  bool WeekdayInContext(int wd, int direction, Period* out) {
    if (!ref_.d) {
      out->p = TimexPrecision::kNone;  // reported as XXXX-WXX-D
      out->d = wd + 1;
      return true;
    }
    if (direction == 0) direction = Future() ? 2 : -2;  // 2: on or after; -2 on or before
    const int ref_wd = Weekday(ref_.days);
    int64_t days;
    if (direction < 0) {
      int back = (ref_wd - wd + 7) % 7;
      if (back == 0 && direction == -1) back = 7;
      days = ref_.days - back;
    } else {
      int ahead = (wd - ref_wd + 7) % 7;
      if (ahead == 0 && direction == 1) ahead = 7;
      days = ref_.days + ahead;
    }
    *out = Day(days);
    return true;
  }
  Period SeasonInContext(int s, int direction) {
    Period p;
    p.m = s;
    p.p = TimexPrecision::kSeason;
    if (!ref_.m) return p;
    static const int kEndMonth[4] = {5, 8, 11, 2};  // winter ends in February
    static const int kStartMonth[4] = {3, 6, 9, 12};
    p.y = ref_.y;
    if (direction < 0) {
      if (s == 3) {
        if (ref_.m <= kEndMonth[3] || ref_.m == 12) --p.y;  // still winter: the last one
      } else if (ref_.m <= kEndMonth[s]) {
        --p.y;
      }
    } else if (direction > 0) {
      if (s != 3 && ref_.m >= kStartMonth[s]) ++p.y;
      if (s == 3 && ref_.m == 12) ++p.y;
    }
    return p;
  }

  // ---- matchers; each returns true and fills m (m->end one past its last token) ----

  bool TryAt(uint32_t i, Match* m) {
    std::string_view n = Norm(i);
    if (n.empty()) return false;
    const char c = n[0];
    if (c >= '0' && c <= '9') return MatchNumber(i, m);
    const WordInfo* w = table_.FindStarter(n);
    if (!w) return Hyphenated(i) && (MatchHyphenated(i, i, m) || MatchQuantityUnit(i, i, m));
    switch (w->kind) {
      case Kind::kMonth:
        return MatchMonth(i, i, m);
      case Kind::kWeekday:
        return MatchWeekday(i, m);
      case Kind::kNumber:
        return MatchQuantityUnit(i, i, m);
      case Kind::kWord:
        return MatchWord(i, static_cast<Special>(w->value), m);
      default:
        return false;
    }
  }

  bool MatchWord(uint32_t i, Special s, Match* m) {
    switch (s) {
      case kToday:
      case kYesterday:
      case kTomorrow:
      case kTonight: {
        if (IsSpecial(i + 1, kAs)) return false;
        m->end = i + 1;
        const int shift = s == kYesterday ? -1 : s == kTomorrow ? 1 : 0;
        if (!ref_.d) {
          m->ref_value = s == kYesterday ? "PAST_REF" : s == kTomorrow ? "FUTURE_REF" : "PRESENT_REF";
          return true;
        }
        m->period = Day(ref_.days + shift);
        if (s == kTonight) {
          m->period.part = 3;
          m->type = TimexType::kTime;
        } else if (IsKind(i + 1, Kind::kPartOfDay)) {
          m->period.part = Value(i + 1);
          m->type = TimexType::kTime;
          m->end = i + 2;
        }
        return true;
      }
      case kNow:
        m->end = i + 1;
        m->ref_value = "PRESENT_REF";
        return true;
      case kPastRef:
        m->end = i + 1;
        m->ref_value = "PAST_REF";
        return true;
      case kSoon:
        if (i > begin_ && IsSpecial(i - 1, kAs)) return false;  // "as soon as"
        m->end = i + 1;
        m->ref_value = "FUTURE_REF";
        return true;
      case kRecent:  // "recent years"
        if (IsKind(i + 1, Kind::kUnit) && Word(i + 1)->plural) {
          m->end = i + 2;
          m->ref_value = "PAST_REF";
          return true;
        }
        return false;
      case kEarly:
      case kLate:
      case kMid:
      case kEarlier:
      case kLater:
        // "early next year", "late yesterday", "earlier this month", "mid-November"
        if (IsSpecial(i + 1, kLast) || IsSpecial(i + 1, kNext) || IsSpecial(i + 1, kThis) ||
            IsSpecial(i + 1, kComing))
          return MatchRelativeUnit(i, i + 1, m) && m->type == TimexType::kDate;
        if (s == kEarlier || s == kLater) return false;
        if (IsSpecial(i + 1, kToday) || IsSpecial(i + 1, kYesterday) ||
            IsSpecial(i + 1, kTomorrow)) {
          if (!MatchWord(i + 1, static_cast<Special>(Value(i + 1)), m)) return false;
          return true;
        }
        if (IsKind(i + 1, Kind::kMonth)) return MatchMonth(i, i + 1, m);
        if (Year4(i + 1) > 0 || (Norm(i + 1).size() == 5 && Norm(i + 1)[4] == 's'))
          return MatchNumber(i + 1, m) && m->type == TimexType::kDate;
        return false;
      case kLast:
      case kNext:
      case kThis:
      case kPast:
      case kComing:
        return MatchRelativeUnit(i, i, m);
      case kThe:
        return MatchThe(i, m);
      case kFiscal:
        if (Year4(i + 1) > 0) {
          m->period = Year(Year4(i + 1));
          m->end = i + 2;
          return true;
        }
        return false;
      case kA:
        return MatchQuantityUnit(i, i, m);
      case kEvery:  // "every week", "each year", "per day"
        if (IsKind(i + 1, Kind::kUnit) && !Word(i + 1)->plural) {
          m->end = i + 2;
          m->type = TimexType::kSet;
          m->quantity = 1;
          m->unit = Value(i + 1);
          return true;
        }
        return false;
      case kTimesWord:  // "twice a year"
        if (IsSpecial(i + 1, kA) && IsKind(i + 2, Kind::kUnit) && !Word(i + 2)->plural) {
          m->end = i + 3;
          m->type = TimexType::kSet;
          m->quantity = 1;
          m->unit = Value(i + 2);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  // "last week", "this year", "next month", "last March", "last Friday", "this summer",
  // "last night", "the past three years" (a duration); start is where the span begins
  // ("earlier this year"), i the this/last/next word.
  bool MatchRelativeUnit(uint32_t start, uint32_t i, Match* m) {
    const Special s = static_cast<Special>(Value(i));
    const int dir = s == kThis ? 0 : (s == kLast || s == kPast) ? -1 : 1;
    const uint32_t j = i + 1;
    const WordInfo* w = Word(j);
    if (!w) return false;
    m->end = j + 1;
    switch (w->kind) {
      case Kind::kUnit: {
        if (w->plural) return false;
        if (s == kPast || s == kComing) {  // "the past year": a duration
          if (w->value >= kHour) return false;
          m->type = TimexType::kDuration;
          m->quantity = 1;
          m->unit = w->value;
          return true;
        }
        if (w->value == kHour || w->value == kMinute) return false;
        if (!Shift(w->value, dir, &m->period)) {
          m->ref_value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
        }
        (void)start;
        return true;
      }
      case Kind::kMonth:
        if (!Capitalized(j)) return false;
        if (dir == 0) {
          m->period = ref_.y ? Month(ref_.y, w->value) : MonthInContext(w->value, 0);
        } else {
          // "last March" said in March is the March of the year before.
          Period p = MonthInContext(w->value, dir);
          if (ref_.m && p.y == ref_.y && p.m == ref_.m) p = Month(p.y + dir, p.m);
          m->period = p;
        }
        return true;
      case Kind::kWeekday:
        return WeekdayInContext(w->value, dir == 0 ? 2 : dir, &m->period);
      case Kind::kSeason:
        m->period = SeasonInContext(w->value, dir);
        return true;
      case Kind::kPartOfDay:  // "this morning", "last night"
        if (!ref_.d) return false;
        if (s == kThis) {
          m->period = Day(ref_.days);
        } else if (s == kLast && w->value == 3) {
          m->period = Day(ref_.days - 1);
        } else {
          return false;
        }
        m->period.part = w->value;
        m->type = TimexType::kTime;
        return true;
      case Kind::kWord:
        if (w->value == kWeekend) {
          if (!ref_.d) return false;
          m->period = Week(ref_.days + 7 * dir);
          m->period.part = 100;  // weekend marker
          return true;
        }
        return false;
      case Kind::kNumber:
        if (s == kThis) return false;
        // "the last three years", "the next two weeks"
        if (MatchQuantityUnit(j, j, m) && m->type == TimexType::kDuration) return true;
        return false;
      default:
        return false;
    }
  }

  // "the third quarter", "the quarter", "the latest quarter", "the future", "the past",
  // "the past three years", "the 1990s", "the weekend".
  bool MatchThe(uint32_t i, Match* m) {
    const uint32_t j = i + 1;
    const WordInfo* w = Word(j);
    if (!w) {
      std::string_view n = Norm(j);
      if (n.size() == 5 && n[4] == 's' && MatchNumber(j, m)) return true;
      return false;
    }
    if (w->kind == Kind::kOrdinal) {
      if (IsKind(j + 1, Kind::kUnit) && Value(j + 1) == kQuarter && !Word(j + 1)->plural) {
        m->end = j + 2;
        OrdinalQuarter(w->value, m);
        return true;
      }
      if (IsSpecial(j + 1, kHalf)) {
        m->end = j + 2;
        OrdinalHalf(w->value, m);
        return m->period.p != TimexPrecision::kNone;
      }
      return false;
    }
    if (w->kind == Kind::kUnit && w->value == kQuarter && !w->plural && ref_.m) {
      m->end = j + 1;  // the quarter last reported: the one before the reference's
      m->period = Quarter(ref_.y, RefQuarter() - 1);
      return true;
    }
    if (w->kind != Kind::kWord) return false;
    switch (w->value) {
      case kLatest:
        if (IsKind(j + 1, Kind::kUnit) && Value(j + 1) == kQuarter && ref_.m) {
          m->end = j + 2;
          m->period = Quarter(ref_.y, RefQuarter() - 1);
          return true;
        }
        return false;
      case kFuture:
        m->end = j + 1;
        m->ref_value = "FUTURE_REF";
        return true;
      case kNear:
        if (!IsSpecial(j + 1, kFuture)) return false;
        m->end = j + 2;
        m->ref_value = "FUTURE_REF";
        return true;
      case kPast:
      case kLast:
      case kNext:
      case kComing: {
        const WordInfo* after = Word(j + 1);
        if (after && (after->kind == Kind::kNumber || after->value == kA ||
                      after->value == kFew) ) {
          uint32_t k = j + 1;
          if (after->kind == Kind::kWord && after->value == kA && !IsSpecial(k + 1, kFew))
            return false;
          if (MatchQuantityUnit(k, k, m) && m->type == TimexType::kDuration) return true;
          return false;
        }
        if (w->value == kPast && !after) {  // "in the past"
          m->end = j + 1;
          m->ref_value = "PAST_REF";
          return true;
        }
        if (w->value == kPast && Norm(j + 1).size() && AllDigits(Norm(j + 1))) {
          return MatchQuantityUnit(j + 1, j + 1, m) && m->type == TimexType::kDuration;
        }
        return false;
      }
      default:
        return false;
    }
  }

  void OrdinalQuarter(int q, Match* m) {
    if (!ref_.m) {
      m->period.m = q;
      m->period.p = TimexPrecision::kQuarter;  // XXXX-Qq
      return;
    }
    // The quarter of the reference year if it has begun, else the year before's.
    const int y = (q - 1) * 3 + 1 <= ref_.m ? ref_.y : ref_.y - 1;
    m->period = Quarter(y, q);
  }
  void OrdinalHalf(int h, Match* m) {
    if (h > 2 || !ref_.m) return;
    m->period.y = h == 1 || ref_.m >= 7 ? ref_.y : ref_.y - 1;
    m->period.m = h;
    m->period.p = TimexPrecision::kSeason;  // reported as YYYY-H1
    m->period.part = 200;                   // half-year marker
  }

  // Month-led: "December 30, 2024", "Dec. 30", "March 2025", "in March"; start is where
  // the span begins ("early December", "mid November").
  bool MatchMonth(uint32_t start, uint32_t i, Match* m) {
    const int month = Value(i);
    std::string_view n = Norm(i);
    if (!Capitalized(i)) return false;
    const bool ambiguous = n == "may" || n == "march" || n == "jan" || n == "dec";
    const int day = DayNumber(i + 1);
    if (day > 0) {
      uint32_t k = i + 2;
      int year = -1;
      if (Norm(k) == "," && Year4(k + 1) > 0) {
        year = Year4(k + 1);
        k += 2;
      } else if (Year4(k) > 0) {
        year = Year4(k);
        k += 1;
      }
      if (year > 0) {
        if (day > DaysInMonth(year, month)) return false;
        m->period.y = year;
        m->period.m = month;
        m->period.d = day;
        m->period.p = TimexPrecision::kDay;
      } else {
        if (ambiguous && n == "may" && doc_.tokens[i].Has(kSentenceStart)) return false;
        m->period = MonthDayInContext(month, day);
        if (m->period.p == TimexPrecision::kNone) return false;
      }
      m->end = k;
      return true;
    }
    const int year = Norm(i + 1) == "," ? Year4(i + 2) : Year4(i + 1);
    if (year > 0) {
      m->period = Month(year, month);
      m->end = Norm(i + 1) == "," ? i + 3 : i + 2;
      return true;
    }
    // A month alone: "May" and "March" only after a word that introduces a date.
    if (ambiguous && start == i) {
      if (i == begin_) return false;
      const WordInfo* before = Word(i - 1);
      if (!before || before->kind != Kind::kWord ||
          (before->value != kContext && before->value != kOf && before->value != kEarly &&
           before->value != kLate && before->value != kMid))
        return false;
      if (n == "may" && !IsKind(i - 1, Kind::kWord)) return false;
    }
    if (doc_.tokens[i].Has(kSentenceStart) && ambiguous) return false;
    m->period = MonthInContext(month, 0);
    m->end = i + 1;
    return true;
  }

  // "Monday", "on Friday", "Monday, Dec. 30".
  bool MatchWeekday(uint32_t i, Match* m) {
    if (!Capitalized(i)) return false;
    const int wd = Value(i);
    if (Norm(i + 1) == "," && IsKind(i + 2, Kind::kMonth) && DayNumber(i + 3) > 0) {
      if (MatchMonth(i + 2, i + 2, m)) return true;
    }
    // "Friday night" is reported as Friday: news rarely means the part of the day exactly.
    if (!WeekdayInContext(wd, 0, &m->period)) return false;
    m->end = i + 1;
    return true;
  }

  // Digit-led: "2024-12-30", "30/12/2024", "30 December 2024", "1992", "the 1990s",
  // "10 a.m.", "3:30 p.m.", "12 years", "two days ago".
  bool MatchNumber(uint32_t i, Match* m) {
    std::string_view n = Norm(i);
    if (n.size() == 10 && n[4] == '-' && n[7] == '-') {  // ISO date
      int y = ParseInt(n.substr(0, 4)), mo = ParseInt(n.substr(5, 2)), d = ParseInt(n.substr(8, 2));
      if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) return false;
      m->period.y = y;
      m->period.m = mo;
      m->period.d = d;
      m->period.p = TimexPrecision::kDay;
      m->end = i + 1;
      return true;
    }
    if (n.size() == 7 && n[4] == '-') {  // "2024-12" (not "2023-24", a season)
      int y = ParseInt(n.substr(0, 4)), mo = ParseInt(n.substr(5, 2));
      if (y < 1000 || mo < 1 || mo > 12) return false;
      m->period = Month(y, mo);
      m->end = i + 1;
      return true;
    }
    if (Hyphenated(i)) return MatchHyphenated(i, i, m);
    if (n.size() <= 2 && Norm(i + 1) == "/" && Norm(i + 3) == "/") {  // 30/12/2024
      int a = ParseInt(n), b = ParseInt(Norm(i + 2)), y = Year4(i + 4);
      if (a < 1 || b < 1 || y < 0 || Norm(i + 2).size() > 2) return false;
      int day = a, month = b;  // day first unless that is impossible
      if (b > 12) {
        day = b;
        month = a;
      }
      if (month > 12 || day > DaysInMonth(y, month)) return false;
      m->period.y = y;
      m->period.m = month;
      m->period.d = day;
      m->period.p = TimexPrecision::kDay;
      m->end = i + 5;
      return true;
    }
    // Time of day.
    {
      int hour = n.size() <= 2 ? ParseInt(n) : -1;
      int minute = 0;
      uint32_t k = i + 1;
      if (hour >= 0 && Norm(k) == ":" && Norm(k + 1).size() == 2) {
        minute = ParseInt(Norm(k + 1));
        k += 2;
      }
      if (hour >= 0 && hour <= 12 && minute >= 0 && minute < 60 &&
          (IsSpecial(k, kAm) || IsSpecial(k, kPm))) {
        if (IsSpecial(k, kPm) && hour < 12) hour += 12;
        if (IsSpecial(k, kAm) && hour == 12) hour = 0;
        m->type = TimexType::kTime;
        m->end = k + 1;
        m->quantity = hour * 100 + minute;
        m->period = ref_.d ? Day(ref_.days) : Period{};
        m->period.p = TimexPrecision::kTime;
        return true;
      }
    }
    // Day and month: "30 December 2024", "30th of December".
    const int day = DayNumber(i);
    if (day > 0) {
      uint32_t k = i + 1;
      if (IsSpecial(k, kOf)) ++k;
      if (IsKind(k, Kind::kMonth) && Capitalized(k)) {
        const int month = Value(k);
        const int year = Year4(k + 1);
        if (year > 0) {
          if (day > DaysInMonth(year, month)) return false;
          m->period.y = year;
          m->period.m = month;
          m->period.d = day;
          m->period.p = TimexPrecision::kDay;
          m->end = k + 2;
        } else {
          m->period = MonthDayInContext(month, day);
          if (m->period.p == TimexPrecision::kNone) return false;
          m->end = k + 1;
        }
        return true;
      }
    }
    // Years and decades.
    const int year = Year4(i);
    if (year > 0) {
      if (IsKind(i + 1, Kind::kUnit)) return MatchQuantityUnit(i, i, m);
      const Token& next = doc_.tokens[i + 1 < end_ ? i + 1 : i];
      if (i + 1 < end_ && next.tag == Tag::kNoun && next.lemma != next.norm)
        return false;  // "2000 troops"
      if (i > begin_) {
        std::string_view prev = Norm(i - 1);
        if (prev == "$" || prev == "#" || prev == "no." || prev == "number") return false;
      }
      if (i + 1 < end_ && (Norm(i + 1) == "%" || Norm(i + 1) == "percent")) return false;
      m->period = Year(year);
      m->end = i + 1;
      return true;
    }
    if (n.size() == 5 && n[4] == 's') {  // "1990s"
      const int y = ParseInt(n.substr(0, 4));
      if (y >= 1000 && y <= 2190 && y % 10 == 0) {
        m->period.y = y / 10;
        m->period.p = TimexPrecision::kDecade;
        m->end = i + 1;
        return true;
      }
      return false;
    }
    return MatchQuantityUnit(i, i, m);
  }

  // Parses a quantity at i: digits, number words ("twenty five", "twenty-five"), "a",
  // "an", "a few", "several". Sets *q (-1 unknown) and returns the token after it, or 0.
  uint32_t Quantity(uint32_t i, int* q) const {
    std::string_view n = Norm(i);
    if (n.empty()) return 0;
    if (n[0] >= '0' && n[0] <= '9') {
      std::string_view digits = n;
      char buf[8];
      size_t len = 0;
      for (char c : digits) {
        if (c == ',') continue;
        if (c < '0' || c > '9' || len == sizeof buf - 1) return 0;
        buf[len++] = c;
      }
      *q = ParseInt(std::string_view(buf, len));
      return *q >= 0 ? i + 1 : 0;
    }
    const WordInfo* w = Word(i);
    if (!w) {  // "twenty-five"
      const size_t dash = n.find('-');
      if (dash == n.npos) return 0;
      const WordInfo* tens = table_.Find(n.substr(0, dash));
      const WordInfo* ones = table_.Find(n.substr(dash + 1));
      if (!tens || !ones || tens->kind != Kind::kNumber || ones->kind != Kind::kNumber ||
          tens->value < 20 || ones->value < 1 || ones->value > 9)
        return 0;
      *q = tens->value + ones->value;
      return i + 1;
    }
    if (w->kind == Kind::kNumber) {
      *q = w->value;
      if (w->value >= 20 && IsKind(i + 1, Kind::kNumber) && Value(i + 1) > 0 && Value(i + 1) < 10) {
        *q += Value(i + 1);
        return i + 2;
      }
      return i + 1;
    }
    if (w->kind == Kind::kWord && w->value == kA) {
      if (IsSpecial(i + 1, kFew)) {
        *q = -1;
        return i + 2;
      }
      *q = 1;
      return i + 1;
    }
    return 0;
  }

  // "12 years", "two days ago", "a year earlier", "several months".
  bool MatchQuantityUnit(uint32_t start, uint32_t i, Match* m) {
    int q = 0;
    const uint32_t j = Quantity(i, &q);
    if (!j) return false;
    const WordInfo* u = Word(j);
    if (!u || u->kind != Kind::kUnit) return false;
    if (q == 0) return false;
    const int unit = u->value;
    // "twice a year" is a set; "the second day" is not ours.
    if (start > begin_ && IsSpecial(start - 1, kTimesWord) && q == 1) {
      m->type = TimexType::kSet;
      m->quantity = 1;
      m->unit = unit;
      m->end = j + 1;
      return true;
    }
    if (IsSpecial(j + 1, kAgo)) {
      m->end = j + 2;
      // In reports on a quarter, "a year ago" is that quarter of the year before.
      const bool quarter = anchor_.p == TimexPrecision::kQuarter && unit == kYear;
      if (q < 0 || !(quarter ? ShiftAnchor(unit, -q, &m->period) : Shift(unit, -q, &m->period)))
        m->ref_value = "PAST_REF";
      m->period.from_anchor = true;
      return true;
    }
    if (IsSpecial(j + 1, kEarlier) || IsSpecial(j + 1, kLater)) {
      m->end = j + 2;
      const int sign = IsSpecial(j + 1, kEarlier) ? -1 : 1;
      if (q < 0 || !ShiftAnchor(unit, sign * q, &m->period))
        m->ref_value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
      return true;
    }
    if (IsSpecial(j + 1, kFrom) && Norm(j + 2) == "now") {
      m->end = j + 3;
      if (q < 0 || !Shift(unit, q, &m->period)) m->ref_value = "FUTURE_REF";
      return true;
    }
    if (IsSpecial(j + 1, kOld)) return false;  // an age
    m->type = TimexType::kDuration;
    m->quantity = q;
    m->unit = unit;
    m->end = j + 1;
    return true;
  }

  // One hyphenated token: "five-year", "12-year", "third-quarter", "first-half",
  // "mid-November", "mid-1990s", "year-earlier", "year-ago".
  bool MatchHyphenated(uint32_t start, uint32_t i, Match* m) {
    std::string_view n = Norm(i);
    std::string_view parts[4];
    size_t count = 0;
    for (size_t pos = 0; count < 4;) {
      size_t dash = n.find('-', pos);
      parts[count++] = n.substr(pos, dash == std::string_view::npos ? n.npos : dash - pos);
      if (dash == std::string_view::npos) break;
      pos = dash + 1;
    }
    if (count < 2 || count > 3) return false;
    m->end = i + 1;
    const WordInfo* first = table_.Find(parts[0]);
    const WordInfo* second = table_.Find(parts[1]);
    if (count == 2 && first && first->kind == Kind::kWord && first->value == kMid) {
      if (second && second->kind == Kind::kMonth) {
        m->period = MonthInContext(second->value, 0);
        return true;
      }
      int y = parts[1].size() == 4 ? ParseInt(parts[1]) : -1;
      if (y >= 1000 && y <= 2199) {
        m->period = Year(y);
        return true;
      }
      if (parts[1].size() == 5 && parts[1][4] == 's') {
        y = ParseInt(parts[1].substr(0, 4));
        if (y >= 1000 && y % 10 == 0) {
          m->period.y = y / 10;
          m->period.p = TimexPrecision::kDecade;
          return true;
        }
      }
      return false;
    }
    if (count == 2 && first && first->kind == Kind::kOrdinal && second) {
      if (second->kind == Kind::kUnit && second->value == kQuarter && !second->plural) {
        OrdinalQuarter(first->value, m);
        return true;
      }
      if (second->kind == Kind::kWord && second->value == kHalf) {
        OrdinalHalf(first->value, m);
        return m->period.p != TimexPrecision::kNone;
      }
      return false;
    }
    if (count == 2 && first && first->kind == Kind::kUnit && first->value == kYear &&
        !first->plural && second && second->kind == Kind::kWord &&
        (second->value == kEarlier || second->value == kAgo)) {
      const bool ok = second->value == kEarlier ? ShiftAnchor(kYear, -1, &m->period)
                                                : Shift(kYear, -1, &m->period);
      if (!ok) m->ref_value = "PAST_REF";
      return true;
    }
    // Quantity-unit adjectives: "five-year", "12-year", "twenty-five-year", "two-day".
    int q = -1;
    size_t unit_part = 1;
    if (AllDigits(parts[0])) {
      q = ParseInt(parts[0]);
    } else if (first && first->kind == Kind::kNumber) {
      q = first->value;
      if (count == 3 && q >= 20 && second && second->kind == Kind::kNumber && second->value < 10) {
        q += second->value;
        unit_part = 2;
      }
    }
    if (q <= 0 || unit_part >= count) return false;
    const WordInfo* u = table_.Find(parts[unit_part]);
    if (!u || u->kind != Kind::kUnit || u->plural) return false;
    if (unit_part + 1 < count) {  // "five-year-old" is an age; "-long" is fine
      if (parts[unit_part + 1] != "long") return false;
    }
    (void)start;
    m->type = TimexType::kDuration;
    m->quantity = q;
    m->unit = u->value;
    return true;
  }

  // ---- output ----

  void Emit(uint32_t first, const Match& m) {
    Timex t;
    t.sentence = sentence_;
    t.first_token = first;
    t.end_token = m.end;
    t.begin = doc_.tokens[first].begin;
    t.end = doc_.tokens[m.end - 1].end;
    t.type = m.type;
    char buf[40];
    int len = 0;
    const Period& p = m.period;
    if (m.ref_value) {
      t.value = m.ref_value;
    } else if (m.type == TimexType::kDuration || m.type == TimexType::kSet) {
      const bool time_unit = m.unit == kHour || m.unit == kMinute;
      int amount = m.quantity;
      char letter = kUnitLetter[m.unit];
      const char* suffix = "";
      if (m.unit == kDecade) {
        letter = 'Y';
        amount = amount > 0 ? amount * 10 : amount;
        if (amount < 0) suffix = "E";  // "PXDE"
      } else if (m.unit == kCentury) {
        letter = 'Y';
        amount = amount > 0 ? amount * 100 : amount;
      }
      if (amount < 0)
        len = std::snprintf(buf, sizeof buf, "P%sX%s%c", time_unit ? "T" : "", suffix, letter);
      else
        len = std::snprintf(buf, sizeof buf, "P%s%d%c", time_unit ? "T" : "", amount, letter);
      t.value.assign(buf, static_cast<size_t>(len));
    } else if (p.p == TimexPrecision::kTime) {
      if (p.y)
        len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", p.y, p.m, p.d,
                            m.quantity / 100, m.quantity % 100);
      else
        len = std::snprintf(buf, sizeof buf, "XXXX-XX-XXT%02d:%02d", m.quantity / 100,
                            m.quantity % 100);
      t.value.assign(buf, static_cast<size_t>(len));
      t.precision = TimexPrecision::kTime;
    } else {
      t.precision = p.p;
      switch (p.p) {
        case TimexPrecision::kDay:
          if (p.y)
            len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.y, p.m, p.d);
          else
            len = std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", p.m, p.d);
          if (p.part >= 0 && p.part < 4)
            len += std::snprintf(buf + len, sizeof buf - static_cast<size_t>(len), "T%s",
                                 kPartOfDay[p.part]);
          break;
        case TimexPrecision::kWeek:
          len = std::snprintf(buf, sizeof buf, "%04d-W%02d%s", p.y, p.m,
                              p.part == 100 ? "-WE" : "");
          break;
        case TimexPrecision::kMonth:
          if (p.y)
            len = std::snprintf(buf, sizeof buf, "%04d-%02d", p.y, p.m);
          else
            len = std::snprintf(buf, sizeof buf, "XXXX-%02d", p.m);
          break;
        case TimexPrecision::kQuarter:
          if (p.y)
            len = std::snprintf(buf, sizeof buf, "%04d-Q%d", p.y, p.m);
          else
            len = std::snprintf(buf, sizeof buf, "XXXX-Q%d", p.m);
          break;
        case TimexPrecision::kSeason:
          if (p.part == 200) {
            len = std::snprintf(buf, sizeof buf, "%04d-H%d", p.y, p.m);
          } else if (p.y) {
            len = std::snprintf(buf, sizeof buf, "%04d-%s", p.y, kSeason[p.m]);
          } else {
            len = std::snprintf(buf, sizeof buf, "XXXX-%s", kSeason[p.m]);
          }
          break;
        case TimexPrecision::kYear:
          len = std::snprintf(buf, sizeof buf, "%04d", p.y);
          break;
        case TimexPrecision::kDecade:
          len = std::snprintf(buf, sizeof buf, "%03d", p.y);
          break;
        case TimexPrecision::kCentury:
          len = std::snprintf(buf, sizeof buf, "%02d", p.y);
          break;
        case TimexPrecision::kNone:  // weekday without a reference date
          len = std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", p.d);
          break;
        case TimexPrecision::kTime:
          break;
      }
      t.value.assign(buf, static_cast<size_t>(len > 0 ? len : 0));
      if (p.y && p.p != TimexPrecision::kNone && !p.from_anchor) anchor_ = p;
    }
    out_->push_back(std::move(t));
  }

  const TimexWordTable& table_;
  const Document& doc_;
  Ref ref_;
  std::vector<Timex>* out_;
  Period anchor_;  // the last specific date, for "a year earlier"
  uint32_t sentence_ = 0, begin_ = 0, end_ = 0;
  int future_ = -1;  // -1 not yet known for the expression at expr_start_
  uint32_t expr_start_ = 0;
};

}  // namespace

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string_view TimexPrecisionName(TimexPrecision precision) {
  switch (precision) {
    case TimexPrecision::kNone: return "";
    case TimexPrecision::kCentury: return "century";
    case TimexPrecision::kDecade: return "decade";
    case TimexPrecision::kYear: return "year";
    case TimexPrecision::kSeason: return "season";
    case TimexPrecision::kQuarter: return "quarter";
    case TimexPrecision::kMonth: return "month";
    case TimexPrecision::kWeek: return "week";
    case TimexPrecision::kDay: return "day";
    case TimexPrecision::kTime: return "time";
  }
  return "";
}

bool IsSpecificDate(const Timex& t) {
  if (t.type != TimexType::kDate || t.value.size() < 4) return false;
  for (int k = 0; k < 4; ++k)
    if (t.value[k] < '0' || t.value[k] > '9') return false;
  return true;
}

bool IsoWeekThursday(int iso_year, int week, int* year, int* month, int* day) {
  if (week < 1 || week > 53 || iso_year < 1 || iso_year > 9999) return false;
  const int64_t jan4 = DaysFromCivil(iso_year, 1, 4);  // always in week 1
  const int64_t thursday = jan4 - Weekday(jan4) + 3 + 7 * (week - 1);
  CivilFromDays(thursday, year, month, day);
  if (week == 53) {
    int y, w;
    IsoWeek(thursday, &y, &w);
    if (w != 53) return false;
  }
  return true;
}

TimexFinder::TimexFinder() {
  static const TimexWordTable* const kTable = new TimexWordTable();
  table_ = kTable;
}

void TimexFinder::Find(const Document& doc, std::string_view reference_date,
                       std::vector<Timex>* out) const {
  out->clear();
  Scanner scanner(*table_, doc, ParseRef(reference_date), out);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) scanner.ScanSentence(s);
}

void TimexFinder::FindInSentence(const Document& doc, uint32_t sentence,
                                 std::string_view reference_date,
                                 std::vector<Timex>* out) const {
  if (sentence >= doc.sentences.size()) return;
  Scanner scanner(*table_, doc, ParseRef(reference_date), out);
  scanner.ScanSentence(sentence);
}

}  // namespace dyad
