#include "util/diagnostics.h"

#include <cstdio>

namespace dyad {

void StderrDiagnostics::operator()(const Diagnostic& d) {
  if (d.severity == Severity::kError) ++errors_; else ++warnings_;
  std::fprintf(stderr, "dyad: %s: %s: %s\n", d.where.c_str(),
               d.severity == Severity::kError ? "error" : "warning", d.message.c_str());
}

}  // namespace dyad
