#include "syntax/conllu.h"

#include <charconv>
#include <fstream>

namespace dyad {
namespace {

// Splits a line at tabs into exactly ten fields; false otherwise.
bool SplitColumns(std::string_view line, std::string_view* cols) {
  size_t n = 0;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '\t') {
      if (n == 10) return false;
      cols[n++] = line.substr(start, i - start);
      start = i + 1;
    }
  }
  return n == 10;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string_view ConlluSentence::Text() const {
  for (const std::string& c : comments) {
    std::string_view v = c;
    if (v.rfind("text", 0) == 0) {
      v.remove_prefix(4);
      size_t eq = v.find_first_not_of(' ');
      if (eq != std::string_view::npos && v[eq] == '=') {
        v.remove_prefix(eq + 1);
        if (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        return v;
      }
    }
  }
  return {};
}

size_t ReadConllu(std::istream& in, std::string_view name, std::vector<ConlluSentence>* out,
                  const DiagnosticSink& diagnostics) {
  size_t skipped = 0;
  size_t line_no = 0;
  ConlluSentence current;
  bool bad = false;  // the current sentence has a malformed line
  bool open = false;
  auto report = [&](size_t line, const std::string& message) {
    if (diagnostics) {
      diagnostics({Severity::kError, std::string(name) + ":" + std::to_string(line), message});
    }
  };
  auto finish = [&]() {
    if (!open) return;
    if (!bad) {
      for (const ConlluWord& w : current.words) {
        if (w.head > static_cast<int>(current.words.size())) {
          report(current.line, "HEAD " + std::to_string(w.head) +
                                   " points past the sentence's last word; sentence skipped");
          bad = true;
          break;
        }
      }
    }
    if (bad) {
      ++skipped;
    } else if (!current.words.empty()) {
      out->push_back(std::move(current));
    }
    current = ConlluSentence();
    bad = false;
    open = false;
  };
  std::string raw;
  std::string_view cols[10];
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (!open) {
      open = true;
      current.line = line_no;
    }
    if (bad) continue;
    if (line.front() == '#') {
      std::string_view c = line.substr(1);
      if (!c.empty() && c.front() == ' ') c.remove_prefix(1);
      current.comments.emplace_back(c);
      continue;
    }
    if (!SplitColumns(line, cols)) {
      report(line_no, "expected 10 tab-separated columns; sentence skipped");
      bad = true;
      continue;
    }
    std::string_view id = cols[0];
    if (id.find_first_of("-.") != std::string_view::npos) {
      current.other_lines.emplace_back(current.words.size(), std::string(line));
      continue;
    }
    int id_value = 0;
    if (!ParseInt(id, &id_value) || id_value != static_cast<int>(current.words.size()) + 1) {
      report(line_no, "word ID '" + std::string(id) + "' is not " +
                          std::to_string(current.words.size() + 1) + "; sentence skipped");
      bad = true;
      continue;
    }
    ConlluWord w;
    w.form = cols[1];
    w.lemma = cols[2];
    w.upos = cols[3];
    w.xpos = cols[4];
    w.feats = cols[5];
    if (cols[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(cols[6], &w.head) || w.head < 0) {
      report(line_no, "HEAD '" + std::string(cols[6]) + "' is not a word ID; sentence skipped");
      bad = true;
      continue;
    }
    w.deprel = cols[7];
    w.deps = cols[8];
    w.misc = cols[9];
    current.words.push_back(std::move(w));
  }
  finish();
  return skipped;
}

bool ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out,
                    const DiagnosticSink& diagnostics, size_t* skipped) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (diagnostics) diagnostics({Severity::kError, path, "cannot open the file"});
    return false;
  }
  size_t n = ReadConllu(in, path, out, diagnostics);
  if (skipped != nullptr) *skipped = n;
  return true;
}

void WriteConllu(const ConlluSentence& sentence, std::ostream& out) {
  for (const std::string& c : sentence.comments) out << "# " << c << '\n';
  size_t other = 0;
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    while (other < sentence.other_lines.size() && sentence.other_lines[other].first <= i) {
      out << sentence.other_lines[other++].second << '\n';
    }
    const ConlluWord& w = sentence.words[i];
    out << (i + 1) << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos
        << '\t' << w.feats << '\t';
    if (w.head < 0) {
      out << '_';
    } else {
      out << w.head;
    }
    out << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc << '\n';
  }
  while (other < sentence.other_lines.size()) out << sentence.other_lines[other++].second << '\n';
  out << '\n';
}

}  // namespace dyad
