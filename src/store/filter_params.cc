#include "store/filter_params.h"

#include <cctype>
#include <charconv>

namespace dyad {

std::string UpperCode(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string CheckDateBound(std::string_view name, std::string_view value) {
  if (IsDateBound(value)) return "";
  return std::string(name) + ": '" + std::string(value) +
         "' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, a real date)";
}

std::string CheckCameoPrefix(std::string_view name, std::string_view value) {
  bool ok = !value.empty() && value.size() <= 4;
  for (char c : value) ok = ok && c >= '0' && c <= '9';
  if (ok) return "";
  return std::string(name) + ": '" + std::string(value) + "' is not a CAMEO code prefix (1 to 4 digits: 04, 042)";
}

std::string CheckActorCode(std::string_view name, std::string_view value) {
  bool ok = !value.empty() && value.size() <= 32;
  for (char c : value) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-');
  if (ok) return "";
  return std::string(name) + ": '" + std::string(value) +
         "' is not an actor code (letters and digits: AZE, AZEGOV, IGOUNO)";
}

std::string ParseCount(std::string_view name, std::string_view value, int64_t* out, int64_t max) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || v < 0) {
    return std::string(name) + ": '" + std::string(value) + "' is not a non-negative integer";
  }
  if (v > max) return std::string(name) + ": " + std::string(value) + " is above the maximum " + std::to_string(max);
  *out = v;
  return "";
}

namespace {

constexpr std::string_view kNames[] = {"actor",   "pair",        "between",      "cameo", "from",
                                       "to",      "outlet",      "search",       "cluster",
                                       "min-sources", "min-articles", "limit",   "offset"};

}  // namespace

bool IsEventFilterName(std::string_view name) {
  for (std::string_view n : kNames) {
    if (n == name) return true;
  }
  return false;
}

std::string SetEventFilter(EventFilter* f, std::string_view name, std::span<const std::string> values) {
  const bool two = name == "pair" || name == "between";
  if (!IsEventFilterName(name)) return "no filter named '" + std::string(name) + "'";
  if (values.size() != (two ? 2u : 1u)) {
    return std::string(name) + (two ? ": expected two codes A B" : ": expected one value");
  }
  const std::string& v = values[0];
  std::string error;
  if (two) {
    for (const std::string& code : values) {
      if (error = CheckActorCode(name, code); !error.empty()) return error;
    }
    if (name == "pair") {
      f->country_a = UpperCode(values[0]);
      f->country_b = UpperCode(values[1]);
    } else {
      f->actor_a = UpperCode(values[0]);
      f->actor_b = UpperCode(values[1]);
    }
  } else if (name == "actor") {
    if (error = CheckActorCode(name, v); error.empty()) f->actor = UpperCode(v);
  } else if (name == "cameo") {
    if (error = CheckCameoPrefix(name, v); error.empty()) f->cameo = v;
  } else if (name == "from" || name == "to") {
    if (error = CheckDateBound(name, v); error.empty()) (name == "from" ? f->from : f->to) = v;
  } else if (name == "outlet") {
    f->outlet = v;
  } else if (name == "search") {
    f->search = v;
  } else if (name == "cluster") {
    f->cluster_id = v;
  } else if (name == "min-sources") {
    error = ParseCount(name, v, &f->min_sources);
  } else if (name == "min-articles") {
    error = ParseCount(name, v, &f->min_articles);
  } else if (name == "limit") {
    error = ParseCount(name, v, &f->limit);
  } else if (name == "offset") {
    error = ParseCount(name, v, &f->offset);
  }
  return error;
}

std::string SetRelationFilter(RelationFilter* f, std::string_view name, std::string_view value) {
  std::string error;
  if (name == "a" || name == "b") {
    if (error = CheckActorCode(name, value); error.empty()) (name == "a" ? f->actor_a : f->actor_b) = UpperCode(value);
  } else if (name == "cameo") {
    if (error = CheckCameoPrefix(name, value); error.empty()) f->cameo = value;
  } else if (name == "from" || name == "to") {
    if (error = CheckDateBound(name, value); error.empty()) (name == "from" ? f->from : f->to) = value;
  } else {
    error = "no relation filter named '" + std::string(name) + "'";
  }
  return error;
}

}  // namespace dyad
