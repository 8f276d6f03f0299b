// Diagnostics: problems with the input, reported with where they happened.
// Bad input is reported and skipped; it never stops the rest of the input.
#ifndef DYAD_UTIL_DIAGNOSTICS_H_
#define DYAD_UTIL_DIAGNOSTICS_H_

#include <functional>
#include <string>

namespace dyad {

enum class Severity { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string where;    // "path:line", "path: record 12", "<stdin>:3"
  std::string message;  // what is wrong, in words a user understands
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

// Writes "dyad: where: error: message" to stderr and counts.
class StderrDiagnostics {
 public:
  void operator()(const Diagnostic& d);
  DiagnosticSink sink() {
    return [this](const Diagnostic& d) { (*this)(d); };
  }
  int errors() const { return errors_; }
  int warnings() const { return warnings_; }

 private:
  int errors_ = 0;
  int warnings_ = 0;
};

}  // namespace dyad

#endif  // DYAD_UTIL_DIAGNOSTICS_H_
