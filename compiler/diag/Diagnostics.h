// certc's diagnostics: one registry of codes (DiagnosticKinds.def), clang-style
// text through llvm::SourceMgr, or JSON for tools.
#ifndef CERTC_DIAG_DIAGNOSTICS_H
#define CERTC_DIAG_DIAGNOSTICS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>
#include <string>
#include <vector>

namespace certc {

enum class DiagCode {
#define DIAG(Code, Severity, Format) Code,
#include "diag/DiagnosticKinds.def"
};

enum class Severity { Error, Warning };

struct DiagNote {
  llvm::SMRange Range;
  std::string Message;
};

struct Diagnostic {
  DiagCode Code;
  Severity Sev;
  llvm::SMRange Range;
  std::string Message;
  std::vector<DiagNote> Notes;
};

llvm::StringRef diagCodeName(DiagCode Code);
Severity diagSeverity(DiagCode Code);
llvm::StringRef diagFormat(DiagCode Code);

/// Errors kept before "too many errors emitted, stopping now" (clang's
/// -ferror-limit); 0 means no limit.
inline constexpr unsigned DefaultErrorLimit = 20;

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(llvm::SourceMgr &SM) : SM(SM) {}

  /// Reports a diagnostic whose message is Code's format filled with Args.
  template <typename... Args>
  Diagnostic &report(DiagCode Code, llvm::SMRange Range, const Args &...A) {
    return add(Code, Range, fmt::format(fmt::runtime(std::string(diagFormat(Code))), A...));
  }
  /// Attaches a note to the last reported diagnostic.
  void note(llvm::SMRange Range, std::string Message);

  void setWarningsAsErrors(bool On) { WarningsAsErrors = On; }
  /// After Limit errors (0: never) every further diagnostic is dropped and the
  /// output ends with E0024; passes may stop early (limitReached).
  void setErrorLimit(unsigned Limit) { ErrorLimit = Limit; }
  bool limitReached() const { return LimitReached; }
  unsigned errorCount() const;
  /// Errors other than warnings promoted by -Werror: what stops later passes.
  unsigned hardErrorCount() const;
  bool hasErrors() const { return errorCount() != 0; }
  const std::vector<Diagnostic> &diagnostics() const { return Diags; }

  /// Prints in source order: clang style with carets, or one JSON array.
  void printText(llvm::raw_ostream &OS, bool Color) const;
  void printJson(llvm::raw_ostream &OS) const;

  llvm::SourceMgr &sourceMgr() { return SM; }

private:
  Diagnostic &add(DiagCode Code, llvm::SMRange Range, std::string Message);
  std::vector<const Diagnostic *> sorted() const;
  std::string limitMessage() const;

  llvm::SourceMgr &SM;
  std::vector<Diagnostic> Diags;
  bool WarningsAsErrors = false;
  unsigned ErrorLimit = DefaultErrorLimit;
  unsigned Errors = 0;
  bool LimitReached = false;
  /// What report returns once the limit is reached: callers may still fill it.
  Diagnostic Dropped;
};

} // namespace certc

#endif
