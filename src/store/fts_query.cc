#include "store/fts_query.h"

#include <vector>

namespace dyad {
namespace {

struct Part {
  enum Kind { kTerm, kAnd, kOr, kNot } kind = kTerm;
  std::string text;  // for terms: the FTS5 string, quoted, with any trailing '*'
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The tokenizer keeps letters, digits and every non-ASCII character; a term without any
// of them would be an empty phrase.
bool HasWordChar(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) {
      return true;
    }
  }
  return false;
}

// An FTS5 string literal holds anything; only its quote character is doubled.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string FtsQuery(std::string_view text) {
  std::vector<Part> parts;
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
      continue;
    }
    std::string_view word;
    if (text[i] == '"') {
      size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) close = text.size();
      word = text.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      size_t end = i;
      while (end < text.size() && !IsSpace(text[end]) && text[end] != '"') ++end;
      word = text.substr(i, end - i);
      i = end;
      if (word == "AND" || word == "OR" || word == "NOT") {
        parts.push_back({word == "AND" ? Part::kAnd : word == "OR" ? Part::kOr : Part::kNot, ""});
        continue;
      }
    }
    bool prefix = false;
    if (i < text.size() && text[i] == '*') {  // "phrase"*
      prefix = true;
      ++i;
    }
    while (!word.empty() && word.back() == '*') {
      prefix = true;
      word.remove_suffix(1);
    }
    if (!HasWordChar(word)) continue;
    parts.push_back({Part::kTerm, Quote(word) + (prefix ? "*" : "")});
  }

  // Keep an operator only between two terms; elsewhere it would be a syntax error.
  std::string out;
  const Part* pending_op = nullptr;
  bool have_term = false;
  for (const Part& p : parts) {
    if (p.kind != Part::kTerm) {
      if (have_term) pending_op = &p;
      continue;
    }
    if (have_term) {
      out += ' ';
      if (pending_op != nullptr) {
        out += pending_op->kind == Part::kAnd ? "AND " : pending_op->kind == Part::kOr ? "OR " : "NOT ";
      }
    }
    out += p.text;
    have_term = true;
    pending_op = nullptr;
  }
  return out;
}

}  // namespace dyad
