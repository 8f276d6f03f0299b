// Test helpers of the store: hand-made coded articles and temporary store files.
#ifndef DYAD_STORE_STORE_TEST_UTIL_H_
#define DYAD_STORE_STORE_TEST_UTIL_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "util/hash.h"

namespace dyad::testing {

// A directory removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad_store_XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) std::abort();
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct EventSpec {
  uint32_t sentence = 0;
  std::string source, source_country, target, target_country, cameo, date;
};

// A coded article whose text is `sentences` joined by spaces, one Sentence per item,
// and one Event per spec, as the pipeline would fill them.
inline std::unique_ptr<CodedArticle> MakeCodedArticle(const std::string& id, const std::string& title,
                                                      const std::vector<std::string>& sentences,
                                                      const std::vector<EventSpec>& events = {}) {
  auto ca = std::make_unique<CodedArticle>();
  Article& a = ca->article;
  a.id = id;
  a.title = title;
  a.outlet = "Test Wire";
  a.published = "2024-12-30";
  a.origin = "test:" + id;
  for (const std::string& s : sentences) {
    if (!a.text.empty()) a.text += ' ';
    Sentence sen;
    sen.begin = static_cast<uint32_t>(a.text.size());
    a.text += s;
    sen.end = static_cast<uint32_t>(a.text.size());
    ca->doc.sentences.push_back(sen);
  }
  ca->doc.text = a.text;
  for (const EventSpec& spec : events) {
    Event e;
    e.article_id = id;
    e.sentence = spec.sentence;
    const Sentence& s = ca->doc.sentences.at(spec.sentence);
    e.begin = s.begin;
    e.end = s.end;
    e.evidence = a.text.substr(s.begin, s.end - s.begin);
    e.date = spec.date.empty() ? a.published : spec.date;
    e.date_precision = "day";
    e.date_basis = "published";
    e.source.code = spec.source;
    e.source.country = spec.source_country;
    e.target.code = spec.target;
    e.target.country = spec.target_country;
    e.cameo = spec.cameo;
    e.goldstein = 1.5;
    e.quad_class = 1;
    e.plover_type = "CONSULT";
    e.pattern = spec.cameo + " test";
    e.event_id = HexId(HashFields({id, std::to_string(spec.sentence), spec.cameo, spec.source, spec.target}));
    ca->events.push_back(std::move(e));
  }
  return ca;
}

}  // namespace dyad::testing

#endif  // DYAD_STORE_STORE_TEST_UTIL_H_
