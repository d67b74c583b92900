// certc's diagnostics: one registry of named messages (DiagnosticKinds.def),
// clang-style text through llvm::SourceMgr, or JSON for tools.
#ifndef CERTC_DIAG_DIAGNOSTICS_H
#define CERTC_DIAG_DIAGNOSTICS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>
#include <cstdint>
#include <string>
#include <vector>

namespace certc {

/// One registry entry: a message with its code and severity.
enum class DiagKind : uint16_t {
#define DIAG(Name, Code, Severity, Format) Name,
#include "diag/DiagnosticKinds.def"
};

enum class Severity { Error, Warning };

/// One tag per registry entry (`diag::WindowEndsBeforeStart`): reporting
/// through a tag checks the arguments against the entry's format when the
/// call site compiles, not when the message is built.
namespace diag {
#define DIAG(Name, Code, Severity, Format)                                                         \
  struct Name##Tag {                                                                             \
    static constexpr DiagKind Kind = DiagKind::Name;                                             \
    template <typename... Args> static std::string format(const Args &...A) {                    \
      return fmt::format(FMT_STRING(Format), A...);                                              \
    }                                                                                            \
  };                                                                                             \
  inline constexpr Name##Tag Name{};
#include "diag/DiagnosticKinds.def"
} // namespace diag

struct DiagNote {
  llvm::SMRange Range;
  std::string Message;
};

struct Diagnostic {
  DiagKind Kind;
  Severity Sev;
  llvm::SMRange Range;
  std::string Message;
  std::vector<DiagNote> Notes;
};

/// The code users look up (`E0020`); several kinds may share one.
llvm::StringRef diagCode(DiagKind Kind);
/// The registry name (`WindowEndsBeforeStart`).
llvm::StringRef diagName(DiagKind Kind);
Severity diagSeverity(DiagKind Kind);

/// Errors kept before "too many errors emitted, stopping now" (clang's
/// -ferror-limit); 0 means no limit.
inline constexpr unsigned DefaultErrorLimit = 20;

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(llvm::SourceMgr &SM) : SM(SM) {}

  /// Reports the entry Tag names (`diag::DuplicateName`), its format filled with A.
  template <typename Tag, typename... Args>
  Diagnostic &report(Tag, llvm::SMRange Range, const Args &...A) {
    return add(Tag::Kind, Range, Tag::format(A...));
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
  Diagnostic &add(DiagKind Kind, llvm::SMRange Range, std::string Message);
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
