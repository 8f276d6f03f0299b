// Toponym recognition and resolution on GeoWebNews (Gritta et al. 2019), read at test time
// from ../shared/data/dev/geo/GWN.xml: 200 news articles whose toponyms carry GeoNames
// coordinates. Gold: every annotated toponym with coordinates (literal, metonymic,
// modifier, embedded, mixed). A found toponym matches a gold one when their spans overlap.
// Reports detection precision/recall/F1 and accuracy@161km (share of matched gold
// toponyms resolved within 161 km = 100 miles, the field's standard measure).
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "util/xml_entities.h"

#include "geo/toponyms.h"
#include "text/analyzer.h"

namespace dyad {
namespace {

struct GoldToponym {
  uint32_t begin = 0, end = 0;  // bytes
  double lat = 0, lon = 0;
  std::string name;
  bool matched = false;
};

struct GoldArticle {
  std::string text;
  std::vector<GoldToponym> toponyms;
};

// The text between <tag> and </tag> at or after pos within [pos, limit); "" if absent.
std::string_view Element(std::string_view xml, std::string_view tag, size_t pos, size_t limit) {
  std::string open = "<" + std::string(tag) + ">";
  std::string close = "</" + std::string(tag) + ">";
  size_t a = xml.find(open, pos);
  if (a == std::string_view::npos || a >= limit) return {};
  a += open.size();
  size_t b = xml.find(close, a);
  if (b == std::string_view::npos || b > limit) return {};
  return xml.substr(a, b - a);
}

std::vector<GoldArticle> ReadGold(const std::string& xml) {
  std::vector<GoldArticle> out;
  size_t pos = 0;
  while ((pos = xml.find("<article ", pos)) != std::string::npos) {
    size_t end = xml.find("</article>", pos);
    if (end == std::string::npos) break;
    GoldArticle a;
    a.text = DecodeXmlEntities(Element(xml, "text", pos, end));
    // Gold offsets count code points; map them to bytes.
    std::vector<uint32_t> byte_of;
    for (uint32_t b = 0; b < a.text.size(); ++b) {
      if ((static_cast<unsigned char>(a.text[b]) & 0xC0) != 0x80) byte_of.push_back(b);
    }
    byte_of.push_back(static_cast<uint32_t>(a.text.size()));
    size_t t = pos;
    while ((t = xml.find("<toponym>", t)) != std::string::npos && t < end) {
      size_t t_end = xml.find("</toponym>", t);
      std::string_view lat = Element(xml, "latitude", t, t_end);
      std::string_view lon = Element(xml, "longitude", t, t_end);
      std::string_view start = Element(xml, "start", t, t_end);
      std::string_view stop = Element(xml, "end", t, t_end);
      if (!lat.empty() && !lon.empty() && !start.empty() && start[0] != '-' && !stop.empty()) {
        size_t s = std::stoul(std::string(start)), e = std::stoul(std::string(stop));
        if (s < e && e < byte_of.size()) {
          GoldToponym g;
          g.begin = byte_of[s];
          g.end = byte_of[e];
          g.lat = std::stod(std::string(lat));
          g.lon = std::stod(std::string(lon));
          g.name = DecodeXmlEntities(Element(xml, "extractedName", t, t_end));
          a.toponyms.push_back(g);
        }
      }
      t = t_end;
    }
    out.push_back(std::move(a));
    pos = end;
  }
  return out;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, h)));
}

TEST(GeoWebNewsEval, DetectionAndAccuracyAt161km) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/data/dev/geo/GWN.xml";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "GeoWebNews gold absent: " << path;
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::vector<GoldArticle> articles = ReadGold(buf.str());
  ASSERT_GE(articles.size(), 100u) << path << ": too few articles read";

  TextAnalyzer analyzer;
  ToponymFinder finder;
  Document doc;
  std::vector<Toponym> found;
  size_t gold_total = 0, found_total = 0, found_correct = 0, gold_matched = 0, within = 0;
  double find_seconds = 0;
  size_t bytes = 0;
  const bool verbose = std::getenv("DYAD_GEO_VERBOSE") != nullptr;
  for (GoldArticle& a : articles) {
    analyzer.Analyze(a.text, &doc);
    auto start = std::chrono::steady_clock::now();
    finder.Find(doc, &found);
    find_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes += a.text.size();
    gold_total += a.toponyms.size();
    found_total += found.size();
    for (const Toponym& t : found) {
      GoldToponym* match = nullptr;
      for (GoldToponym& g : a.toponyms) {
        if (g.begin < t.end && t.begin < g.end && (match == nullptr || g.matched == false)) match = &g;
      }
      if (match == nullptr) {
        if (verbose) std::printf("FP  %s -> %s\n", std::string(a.text.substr(t.begin, t.end - t.begin)).c_str(), std::string(t.place->name).c_str());
        continue;
      }
      ++found_correct;
      if (match->matched) continue;
      match->matched = true;
      ++gold_matched;
      double km = DistanceKm(match->lat, match->lon, t.place->lat, t.place->lon);
      if (km <= 161.0) {
        ++within;
      } else if (verbose) {
        std::printf("FAR %s -> %s (%s) %.0f km\n", match->name.c_str(), std::string(t.place->name).c_str(),
                    std::string(t.place->country).c_str(), km);
      }
    }
    if (verbose) {
      for (const GoldToponym& g : a.toponyms) {
        if (!g.matched) std::printf("FN  %s\n", g.name.c_str());
      }
    }
  }
  double p = found_total ? static_cast<double>(found_correct) / static_cast<double>(found_total) : 0;
  double r = gold_total ? static_cast<double>(gold_matched) / static_cast<double>(gold_total) : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  double acc = gold_matched ? static_cast<double>(within) / static_cast<double>(gold_matched) : 0;
  std::printf(
      "GeoWebNews (%zu articles, %zu gold toponyms with coordinates): detection P=%.3f R=%.3f F1=%.3f; "
      "accuracy@161km=%.3f (%zu of %zu matched)\n",
      articles.size(), gold_total, p, r, f1, acc, within, gold_matched);
  // Floors just below the figures reached (P 0.868, R 0.549, accuracy@161km 0.901).
  EXPECT_GE(p, 0.85);
  EXPECT_GE(r, 0.53);
  EXPECT_GE(acc, 0.88);
  std::printf("toponym finder: %.0f MB/s of article text (%zu bytes in %.1f ms)\n",
              static_cast<double>(bytes) / find_seconds / 1e6, bytes, find_seconds * 1e3);
}

}  // namespace
}  // namespace dyad
