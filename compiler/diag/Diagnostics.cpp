// Diagnostic registry lookups and the two output formats.
#include "diag/Diagnostics.h"

#include "llvm/Support/JSON.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace certc {

namespace {
struct KindInfo {
  const char *Name;
  const char *Code;
  Severity Sev;
};
const KindInfo Kinds[] = {
#define DIAG(Name, Code, Sev, Format) {#Name, #Code, Severity::Sev},
#include "diag/DiagnosticKinds.def"
};
} // namespace

llvm::StringRef diagCode(DiagKind Kind) { return Kinds[static_cast<int>(Kind)].Code; }
llvm::StringRef diagName(DiagKind Kind) { return Kinds[static_cast<int>(Kind)].Name; }
Severity diagSeverity(DiagKind Kind) { return Kinds[static_cast<int>(Kind)].Sev; }

Diagnostic &DiagnosticEngine::add(DiagKind Kind, llvm::SMRange Range, std::string Message) {
  Severity Sev = diagSeverity(Kind);
  if (Sev == Severity::Warning && WarningsAsErrors)
    Sev = Severity::Error;
  Diags.push_back({Kind, Sev, Range, std::move(Message), {}});
  return Diags.back();
}

void DiagnosticEngine::note(llvm::SMRange Range, std::string Message) {
  if (!Diags.empty())
    Diags.back().Notes.push_back({Range, std::move(Message)});
}

unsigned DiagnosticEngine::errorCount() const {
  return static_cast<unsigned>(std::count_if(Diags.begin(), Diags.end(), [](const Diagnostic &D) {
    return D.Sev == Severity::Error;
  }));
}

unsigned DiagnosticEngine::hardErrorCount() const {
  return static_cast<unsigned>(std::count_if(Diags.begin(), Diags.end(), [](const Diagnostic &D) {
    return diagSeverity(D.Kind) == Severity::Error;
  }));
}

std::vector<const Diagnostic *> DiagnosticEngine::sorted() const {
  std::vector<const Diagnostic *> Out;
  for (const Diagnostic &D : Diags)
    Out.push_back(&D);
  // Source order makes the output independent of which pass found what first.
  std::stable_sort(Out.begin(), Out.end(), [&](const Diagnostic *A, const Diagnostic *B) {
    unsigned BufA = A->Range.Start.isValid() ? SM.FindBufferContainingLoc(A->Range.Start) : 0;
    unsigned BufB = B->Range.Start.isValid() ? SM.FindBufferContainingLoc(B->Range.Start) : 0;
    if (BufA != BufB)
      return BufA < BufB;
    return A->Range.Start.getPointer() < B->Range.Start.getPointer();
  });
  // A file imported by several checked files is loaded once per importer; say
  // each of its problems once.
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Seen;
  std::vector<const Diagnostic *> Unique;
  for (const Diagnostic *D : Out) {
    std::string File;
    unsigned Line = 0, Col = 0;
    if (D->Range.Start.isValid()) {
      unsigned Buf = SM.FindBufferContainingLoc(D->Range.Start);
      File = SM.getMemoryBuffer(Buf)->getBufferIdentifier().str();
      std::tie(Line, Col) = SM.getLineAndColumn(D->Range.Start, Buf);
    }
    if (Seen.insert({File, Line, Col, D->Message}).second)
      Unique.push_back(D);
  }
  return Unique;
}

void DiagnosticEngine::printText(llvm::raw_ostream &OS, bool Color) const {
  for (const Diagnostic *D : sorted()) {
    std::string Text = D->Message + " [" + diagCode(D->Kind).str() + "]";
    auto Kind = D->Sev == Severity::Error ? llvm::SourceMgr::DK_Error : llvm::SourceMgr::DK_Warning;
    llvm::SmallVector<llvm::SMRange, 1> Ranges;
    if (D->Range.Start.isValid() && D->Range.End.isValid() && D->Range.Start != D->Range.End)
      Ranges.push_back(D->Range);
    if (D->Range.Start.isValid())
      SM.PrintMessage(OS, D->Range.Start, Kind, Text, Ranges, {}, Color);
    else
      OS << "certc: " << (D->Sev == Severity::Error ? "error: " : "warning: ") << Text << "\n";
    for (const DiagNote &N : D->Notes) {
      llvm::SmallVector<llvm::SMRange, 1> NoteRanges;
      if (N.Range.Start.isValid() && N.Range.End.isValid() && N.Range.Start != N.Range.End)
        NoteRanges.push_back(N.Range);
      if (N.Range.Start.isValid())
        SM.PrintMessage(OS, N.Range.Start, llvm::SourceMgr::DK_Note, N.Message, NoteRanges, {}, Color);
      else
        OS << "note: " << N.Message << "\n";
    }
  }
}

void DiagnosticEngine::printJson(llvm::raw_ostream &OS) const {
  auto Where = [&](llvm::SMLoc Loc, llvm::json::Object &O) {
    if (!Loc.isValid())
      return;
    unsigned Buf = SM.FindBufferContainingLoc(Loc);
    auto [Line, Col] = SM.getLineAndColumn(Loc, Buf);
    O["file"] = SM.getMemoryBuffer(Buf)->getBufferIdentifier().str();
    O["line"] = Line;
    O["column"] = Col;
  };
  llvm::json::Array All;
  for (const Diagnostic *D : sorted()) {
    llvm::json::Object O;
    Where(D->Range.Start, O);
    O["severity"] = D->Sev == Severity::Error ? "error" : "warning";
    O["code"] = diagCode(D->Kind).str();
    O["message"] = D->Message;
    llvm::json::Array Notes;
    for (const DiagNote &N : D->Notes) {
      llvm::json::Object NO;
      Where(N.Range.Start, NO);
      NO["message"] = N.Message;
      Notes.push_back(std::move(NO));
    }
    O["notes"] = std::move(Notes);
    All.push_back(std::move(O));
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(All))) << "\n";
}

} // namespace certc
