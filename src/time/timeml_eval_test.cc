// Evaluation of TimexFinder on TimeBank and AQUAINT (TempEval-3 "TBAQ-cleaned", TimeML)
// from ../shared/data/dev/timeml. Each document's creation time (the DCT TIMEX3) is the
// reference date. Reports detection (strict: same byte span; relaxed: overlapping spans)
// and the accuracy of normalised values on matched gold expressions. Set
// DYAD_TIMEML_ERRORS=1 to print the value mismatches and misses.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/analyzer.h"
#include "time/timex.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

struct GoldTimex {
  uint32_t begin = 0, end = 0;
  std::string type, value;
};

struct TimeMLDoc {
  std::string dct;   // the creation time's value, "" when the file has none
  std::string text;  // TEXT element without tags, entities decoded
  std::vector<GoldTimex> timexes;
};

std::string Attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == tag.npos) return "";
  p += key.size();
  size_t q = tag.find('"', p);
  return q == tag.npos ? "" : std::string(tag.substr(p, q - p));
}

// Parses one .tml file; false (with *error) when it has no TEXT element.
bool ParseTimeML(const std::string& xml, TimeMLDoc* doc, std::string* error) {
  for (size_t p = xml.find("<TIMEX3"); p != xml.npos; p = xml.find("<TIMEX3", p + 1)) {
    size_t q = xml.find('>', p);
    if (q == xml.npos) break;
    std::string_view tag(xml.data() + p, q - p);
    if (Attribute(tag, "functionInDocument") == "CREATION_TIME") {
      doc->dct = Attribute(tag, "value");
      break;
    }
  }
  size_t start = xml.find("<TEXT>"), stop = xml.find("</TEXT>");
  if (start == xml.npos || stop == xml.npos || stop < start) {
    *error = "no <TEXT> element";
    return false;
  }
  start += 6;
  GoldTimex open;
  bool in_timex = false;
  for (size_t i = start; i < stop;) {
    if (xml[i] == '<') {
      size_t q = xml.find('>', i);
      if (q == xml.npos || q > stop) {
        *error = "unterminated tag at byte " + std::to_string(i);
        return false;
      }
      std::string_view tag(xml.data() + i, q - i + 1);
      if (tag.starts_with("<TIMEX3")) {
        open = GoldTimex();
        open.begin = static_cast<uint32_t>(doc->text.size());
        open.type = Attribute(tag, "type");
        open.value = Attribute(tag, "value");
        in_timex = true;
      } else if (tag.starts_with("</TIMEX3") && in_timex) {
        open.end = static_cast<uint32_t>(doc->text.size());
        doc->timexes.push_back(open);
        in_timex = false;
      }
      i = q + 1;
      continue;
    }
    if (xml[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool decoded = false;
      for (const auto& [entity, c] : kEntities) {
        if (std::string_view(xml).substr(i, entity.size()) == entity) {
          doc->text += c;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    doc->text += xml[i++];
  }
  return true;
}

// TimeBank writes ISO weeks without a leading zero ("2000-W7").
std::string CanonicalValue(std::string v) {
  size_t w = v.find("-W");
  if (w != v.npos && w + 3 < v.size() + 1 && w + 3 <= v.size()) {
    size_t digits = w + 2;
    size_t end = digits;
    while (end < v.size() && v[end] >= '0' && v[end] <= '9') ++end;
    if (end - digits == 1) v.insert(digits, "0");
  }
  return v;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

TEST(TimeMLEvalTest, TimeBankAndAquaint) {
  const fs::path root = fs::path(DYAD_SHARED_DIR) / "data/dev/timeml/TBAQ-cleaned";
  if (!fs::is_directory(root)) GTEST_SKIP() << "TimeML data not found at " << root;
  std::vector<fs::path> files;
  for (const char* sub : {"TimeBank", "AQUAINT"}) {
    if (!fs::is_directory(root / sub)) continue;
    for (const auto& entry : fs::directory_iterator(root / sub))
      if (entry.path().extension() == ".tml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) GTEST_SKIP() << "no .tml files under " << root;
  const bool show_errors = std::getenv("DYAD_TIMEML_ERRORS") != nullptr;

  TextAnalyzer analyzer;
  TimexFinder finder;
  Document doc;
  std::vector<Timex> found;
  size_t gold_total = 0, system_total = 0;
  size_t strict_gold = 0, relaxed_gold = 0, strict_system = 0, relaxed_system = 0;
  size_t date_matched = 0, date_value_right = 0, all_matched = 0, all_value_right = 0;
  size_t bad_files = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    TimeMLDoc tml;
    std::string error;
    if (!ParseTimeML(buf.str(), &tml, &error)) {
      ADD_FAILURE() << path.string() << ": " << error;
      ++bad_files;
      continue;
    }
    analyzer.Analyze(tml.text, &doc);
    finder.Find(doc, tml.dct.substr(0, 10), &found);
    gold_total += tml.timexes.size();
    system_total += found.size();
    for (const Timex& t : found) {
      bool strict = false, relaxed = false;
      for (const GoldTimex& g : tml.timexes) {
        if (t.begin == g.begin && t.end == g.end) strict = true;
        if (t.begin < g.end && g.begin < t.end) relaxed = true;
      }
      strict_system += strict;
      relaxed_system += relaxed;
    }
    for (const GoldTimex& g : tml.timexes) {
      const Timex* best = nullptr;
      bool strict = false;
      for (const Timex& t : found) {
        if (!(t.begin < g.end && g.begin < t.end)) continue;
        if (t.begin == g.begin && t.end == g.end) strict = true;
        if (!best || CanonicalValue(t.value) == CanonicalValue(g.value)) best = &t;
      }
      std::string_view gold_text(tml.text.data() + g.begin, g.end - g.begin);
      if (!best) {
        if (show_errors)
          std::printf("MISS\t%s\t%s\t%s\t%.*s\n", tml.dct.c_str(), g.type.c_str(),
                      g.value.c_str(), static_cast<int>(gold_text.size()), gold_text.data());
        continue;
      }
      ++relaxed_gold;
      strict_gold += strict;
      const bool right = CanonicalValue(best->value) == CanonicalValue(g.value);
      ++all_matched;
      all_value_right += right;
      if (g.type == "DATE") {
        ++date_matched;
        date_value_right += right;
      }
      if (!right && show_errors)
        std::printf("VALUE\t%s\t%s\t%s\t%s\t%.*s\n", tml.dct.c_str(), g.type.c_str(),
                    g.value.c_str(), best->value.c_str(), static_cast<int>(gold_text.size()),
                    gold_text.data());
    }
  }
  ASSERT_GT(gold_total, 0u);
  ASSERT_GT(system_total, 0u);
  const double sp = double(strict_system) / double(system_total);
  const double sr = double(strict_gold) / double(gold_total);
  const double rp = double(relaxed_system) / double(system_total);
  const double rr = double(relaxed_gold) / double(gold_total);
  const double date_acc = date_matched ? double(date_value_right) / double(date_matched) : 0;
  const double all_acc = all_matched ? double(all_value_right) / double(all_matched) : 0;
  std::printf(
      "TimeML: %zu files, %zu gold TIMEX3, %zu found; strict P %.3f R %.3f F1 %.3f; "
      "relaxed P %.3f R %.3f F1 %.3f\n",
      files.size() - bad_files, gold_total, system_total, sp, sr, F1(sp, sr), rp, rr,
      F1(rp, rr));
  std::printf(
      "TimeML: value accuracy %.3f on %zu matched DATE expressions; %.3f on all %zu matched\n",
      date_acc, date_matched, all_acc, all_matched);
  EXPECT_EQ(bad_files, 0u);
  // Floors just below the measured figures (strict F1 0.783, relaxed F1 0.905, DATE
  // value accuracy 0.858 at the time of writing).
  EXPECT_GE(F1(sp, sr), 0.77);
  EXPECT_GE(F1(rp, rr), 0.89);
  EXPECT_GE(date_acc, 0.845);
}

}  // namespace
}  // namespace dyad
