#include "actors/role_lexicon.h"

#include "util/tsv.h"
#include "util/embedded_data.h"

namespace dyad {

namespace {

bool ParseKind(std::string_view s, RoleKind* kind) {
  if (s == "modifier") *kind = RoleKind::kModifier;
  else if (s == "honorific") *kind = RoleKind::kHonorific;
  else if (s == "title") *kind = RoleKind::kTitle;
  else if (s == "person") *kind = RoleKind::kPerson;
  else if (s == "body") *kind = RoleKind::kBody;
  else if (s == "group") *kind = RoleKind::kGroup;
  else return false;
  return true;
}

bool IsRoleCode(std::string_view s) {
  if (s.empty() || s.size() % 3 != 0) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

RoleLexicon RoleLexicon::FromText(std::string_view roles_tsv, const DiagnosticSink& sink,
                                  std::string_view name) {
  RoleLexicon lex;
  auto report = [&](int line, std::string message) {
    if (sink) sink(Diagnostic{Severity::kError, std::string(name) + ":" + std::to_string(line),
                              std::move(message)});
  };
  tsv::ForEachLine(roles_tsv, [&](int number, std::string_view line) {
    std::vector<std::string_view> f = tsv::Split(line, '\t');
    if (f.size() != 3 && f.size() != 4) {
      report(number, "expected 3 or 4 tab-separated columns (phrase, code, kind[, alone]), found " +
                         std::to_string(f.size()));
      return;
    }
    Role r;
    if (!ParseKind(f[2], &r.kind)) {
      report(number, "unknown kind '" + std::string(f[2]) + "'");
      return;
    }
    std::string_view code = f[1];
    if (!code.empty() && code[0] == '=') {
      r.absolute = true;
      code.remove_prefix(1);
    }
    if (code != "-" && !IsRoleCode(code)) {
      report(number, "bad role code '" + std::string(f[1]) + "'");
      return;
    }
    if (code != "-") r.code = std::string(code);
    if (f.size() == 4) {
      if (f[3] != "yes" && f[3] != "-") {
        report(number, "the alone column must be 'yes' or '-'");
        return;
      }
      r.alone = f[3] == "yes";
    }
    r.phrase = NormalizePhrase(f[0]);
    size_t sp = r.phrase.rfind(' ');
    r.head = sp == std::string::npos ? r.phrase : r.phrase.substr(sp + 1);
    PhraseTable::Options o;
    o.allow_plural = true;
    if (!lex.phrases_.Add(r.phrase, static_cast<uint32_t>(lex.roles_.size()), o)) {
      report(number, "empty phrase");
      return;
    }
    lex.roles_.push_back(std::move(r));
  });
  return lex;
}

const RoleLexicon& RoleLexicon::BuiltIn() {
  static const RoleLexicon* lex = [] {
    StderrDiagnostics diagnostics;
    return new RoleLexicon(FromText(EmbeddedFile("actors/roles.tsv").value_or(""),
                                    diagnostics.sink()));
  }();
  return *lex;
}

bool RoleLexicon::LongestAt(const Document& doc, uint32_t begin, uint32_t limit,
                            RoleFilter filter, uint32_t* role, uint32_t* end) const {
  PhraseTable::Match m;
  auto accept = [&](uint32_t value) {
    RoleKind k = roles_[value].kind;
    switch (filter) {
      case RoleFilter::kAny: return true;
      case RoleFilter::kModifiers: return k == RoleKind::kModifier;
      case RoleFilter::kHonorifics: return k == RoleKind::kHonorific;
      case RoleFilter::kHeads: return k != RoleKind::kModifier && k != RoleKind::kHonorific;
    }
    return false;
  };
  if (!phrases_.LongestAt(doc, begin, limit, accept, &m)) return false;
  *role = m.value;
  *end = m.end;
  return true;
}

}  // namespace dyad
