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

namespace {
/// Source lines longer than this are shown as a window around the column:
/// echoing each line whole, a 3 MB line made 9.4 MB of stderr.
constexpr size_t MaxShownLine = 240;

bool isUtf8Continuation(char C) { return (static_cast<unsigned char>(C) & 0xC0) == 0x80; }

/// clang style: "file:line:col: kind: message", the source line, a caret line.
void printAt(const llvm::SourceMgr &SM, llvm::raw_ostream &OS, llvm::SMRange Range,
             llvm::SourceMgr::DiagKind Kind, const std::string &Message, bool Color) {
  llvm::SmallVector<llvm::SMRange, 1> Ranges;
  if (Range.End.isValid() && Range.Start != Range.End)
    Ranges.push_back(Range);
  llvm::SMDiagnostic D = SM.GetMessage(Range.Start, Kind, Message, Ranges);
  llvm::StringRef Line = D.getLineContents();
  if (Line.size() <= MaxShownLine) {
    D.print(nullptr, OS, Color);
    return;
  }
  size_t Col = static_cast<size_t>(D.getColumnNo());
  size_t Begin = Col > MaxShownLine / 2 ? Col - MaxShownLine / 2 : 0;
  size_t End = std::min(Line.size(), Begin + MaxShownLine);
  // Whole UTF-8 characters only.
  while (Begin < Col && isUtf8Continuation(Line[Begin]))
    ++Begin;
  while (End < Line.size() && End > Col && isUtf8Continuation(Line[End]))
    --End;
  std::string Shown = (Begin ? "..." : "") + Line.slice(Begin, End).str() + (End < Line.size() ? "..." : "");
  size_t Shift = Begin ? 3 : 0;
  // The header keeps the real column: the location is put in the file name
  // and the line number left out, so that print writes no source line.
  std::string Where = (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" + llvm::Twine(Col + 1)).str();
  llvm::SMDiagnostic(SM, D.getLoc(), Where, -1, -1, Kind, Message, "", {}).print(nullptr, OS, Color);
  std::string Caret(Shown.size() + 1, ' '); // + 1: a caret just past the end
  for (const std::pair<unsigned, unsigned> &R : D.getRanges())
    for (size_t I = std::max<size_t>(R.first, Begin); I < std::min<size_t>(R.second, End); ++I)
      Caret[I - Begin + Shift] = '~';
  Caret[Col - Begin + Shift] = '^';
  OS << Shown << "\n" << llvm::StringRef(Caret).rtrim(' ') << "\n";
}
} // namespace

llvm::StringRef diagCode(DiagKind Kind) { return Kinds[static_cast<int>(Kind)].Code; }
llvm::StringRef diagName(DiagKind Kind) { return Kinds[static_cast<int>(Kind)].Name; }
Severity diagSeverity(DiagKind Kind) { return Kinds[static_cast<int>(Kind)].Sev; }

Diagnostic &DiagnosticEngine::add(DiagKind Kind, llvm::SMRange Range, std::string Message) {
  Severity Sev = diagSeverity(Kind);
  if (Sev == Severity::Warning && WarningsAsErrors)
    Sev = Severity::Error;
  // Quadratic analyses can find millions of problems: keeping them all costs
  // gigabytes, and nobody reads past the first screenful.
  if (!LimitReached && Sev == Severity::Error && ErrorLimit != 0 && Errors == ErrorLimit)
    LimitReached = true;
  if (LimitReached) {
    Dropped = {Kind, Sev, Range, std::move(Message), {}};
    return Dropped;
  }
  Errors += Sev == Severity::Error;
  Diags.push_back({Kind, Sev, Range, std::move(Message), {}});
  return Diags.back();
}

void DiagnosticEngine::note(llvm::SMRange Range, std::string Message) {
  if (!Diags.empty() && !LimitReached)
    Diags.back().Notes.push_back({Range, std::move(Message)});
}

unsigned DiagnosticEngine::errorCount() const { return Errors; }

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

std::string DiagnosticEngine::limitMessage() const { return diag::TooManyErrorsTag::format(ErrorLimit); }

void DiagnosticEngine::printText(llvm::raw_ostream &OS, bool Color) const {
  for (const Diagnostic *D : sorted()) {
    std::string Text = D->Message + " [" + diagCode(D->Kind).str() + "]";
    auto Kind = D->Sev == Severity::Error ? llvm::SourceMgr::DK_Error : llvm::SourceMgr::DK_Warning;
    if (D->Range.Start.isValid())
      printAt(SM, OS, D->Range, Kind, Text, Color);
    else
      OS << "certc: " << (D->Sev == Severity::Error ? "error: " : "warning: ") << Text << "\n";
    for (const DiagNote &N : D->Notes) {
      if (N.Range.Start.isValid())
        printAt(SM, OS, N.Range, llvm::SourceMgr::DK_Note, N.Message, Color);
      else
        OS << "note: " << N.Message << "\n";
    }
  }
  // Last, where clang puts it, whatever the order of the others.
  if (LimitReached)
    OS << "certc: error: " << limitMessage() << " [" << diagCode(DiagKind::TooManyErrors) << "]\n";
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
  if (LimitReached)
    All.push_back(llvm::json::Object{{"severity", "error"},
                                     {"code", diagCode(DiagKind::TooManyErrors).str()},
                                     {"message", limitMessage()},
                                     {"notes", llvm::json::Array()}});
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(All))) << "\n";
}

} // namespace certc
