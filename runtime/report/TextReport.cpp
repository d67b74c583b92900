// The status update: verdict, points against requirements, what is still
// needed, and every item with its derivation or the reason it does not count.
#include "report/Report.h"
#include "report/ReportBuffer.h"
#include "report/ReportFragments.h"
#include "report/Words.h"
#include "base/Escape.h"

#include <fmt/format.h>

namespace certc::report {

namespace {
/// " (planned)" after a planned item's id.
const char *plannedMark(const eval::ItemResult &I) { return I.Planned ? " (planned)" : ""; }

/// "course", or "course, part ethics_hours" for a part of an item credited in parts.
std::string kindText(const eval::ItemResult &I) {
  std::string Part = eval::partLabel(I);
  return Part.empty() ? I.Kind.str() : I.Kind.str() + ", part " + Part;
}

/// Who granted an exception, when and why, and whether it is in effect.
void writeExceptions(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A) {
  if (A.Exceptions.empty())
    return;
  OS << "\nExceptions\n";
  for (const eval::ExceptionResult &R : A.Exceptions) {
    const eval::StaffException &E = *R.E;
    OS << "  " << escapeControls(E.Id) << ": " << escapeControls(eval::exceptionText(P, E)) << "\n";
    OS << "      granted by " << escapeControls(E.By) << " on " << E.On << ": " << escapeControls(E.Reason) << "\n";
    if (!R.InEffect)
      OS << "      not in effect: granted after the audit date\n";
  }
}

/// "      see DOCUMENT, "SECTION": "QUOTE"": the first citation, or nothing.
void writeSeeLine(llvm::raw_ostream &OS, const ReportFragments *Fragments, llvm::ArrayRef<ir::Citation> Cites) {
  if (llvm::StringRef Line = Fragments ? Fragments->textSeeLine(Cites) : llvm::StringRef(); !Line.empty()) {
    OS << Line;
    return;
  }
  writeTextSeeLine(OS, Cites);
}

void writeTextReport(llvm::raw_ostream &OS, const ir::Policy &P, const ReportFragments *Fragments,
                     const eval::Audit &A, const EditionUsed *Edition) {
  if (Fragments)
    OS << Fragments->programHeading();
  else
    OS << programHeading(P);
  OS << " - status update for member " << escapeControls(A.Member) << " as of " << A.AsOf << "\n";
  if (Edition)
    OS << fmt::format("Edition: {} (in force on {}, {})\n", Edition->Edition.str(), Edition->GoverningDate.str(),
                      Edition->GoverningField.empty() ? std::string("the audit date")
                                                      : "the member's " + Edition->GoverningField.str());
  if (A.Period) {
    OS << "Compliance period: " << A.Period->Start << " to " << A.Period->lastDay();
    if (A.Period->hasGrace())
      OS << " (grace to " << A.Period->lastGraceDay() << ")";
    OS << "\n";
  }
  for (const eval::CarriedCredit &C : A.CarriedIn)
    OS << "Credit " << eval::carriedText(P, A, C) << "\n";
  OS << fmt::format("Verdict: {}\n", verdictWords(P, A.Eligible, VerdictCase::Upper));

  OS << "\n" << unitHeading(P, /*Plural=*/true) << "\n";
  for (const eval::CategoryResult &C : A.Categories) {
    std::string Line = fmt::format("  {:<28} {:>8}", C.Name.str(), C.Points.str());
    if (C.Required)
      Line += fmt::format(" of {} required", C.Required->str());
    if (!C.SpilledIn.isZero())
      Line += fmt::format(" (includes {} of excess from another category)", eval::pointsText(P, C.SpilledIn));
    if (!C.CarriedIn.isZero())
      Line += fmt::format(" (includes {} carried over from the previous period)", eval::pointsText(P, C.CarriedIn));
    OS << Line << "\n";
  }

  OS << "\nRequirements\n";
  for (const eval::RequirementResult &R : A.Requirements) {
    OS << fmt::format("  [{}] {}", !R.Applies ? "does not apply" : R.Met ? "met" : "NOT MET", R.Title.str());
    // A met prerequisite has nothing to add: "[met] Ethics", not "met: met".
    if (!R.Detail.empty())
      OS << ": " << R.Detail;
    OS << "\n";
  }

  if (!A.Missing.empty()) {
    OS << "\nStill needed\n";
    for (const std::string &M : A.Missing)
      OS << "  - " << M << "\n";
  }

  OS << "\nCredited items\n";
  // An explanation is written only when there is one, after its lead-in: it
  // is rendered here first (a buffered stream, unlike a string's).
  ReportBuffer Explanation;
  bool Any = false;
  for (const eval::ItemResult &I : A.Items) {
    if (!I.Credited)
      continue;
    Any = true;
    OS << "  " << escapeControls(I.Id) << plannedMark(I) << " (" << kindText(I) << "): " << eval::pointsText(P, I.Points)
       << " to " << I.Category;
    if (I.Rule.empty())
      OS << " by exception `" << escapeControls(I.Exception ? I.Exception->Id : "") << "`";
    else
      OS << " by rule `" << I.Rule << "`";
    // Points an exception states have no derivation.
    Explanation.clear();
    eval::writeDerivation(Explanation, P, I);
    if (llvm::StringRef How = Explanation.text(); !How.empty())
      OS << ": " << How;
    OS << "\n";
    Explanation.clear();
    eval::writeReason(Explanation, P, A, I);
    if (llvm::StringRef Note = Explanation.text(); !Note.empty())
      OS << "      note: " << Note << "\n";
  }
  if (!Any)
    OS << "  (none)\n";

  bool Header = false;
  for (const eval::ItemResult &I : A.Items) {
    if (I.Credited)
      continue;
    if (!Header)
      OS << "\nNot credited\n";
    Header = true;
    OS << "  " << escapeControls(I.Id) << plannedMark(I) << " (" << kindText(I) << "): ";
    eval::writeReason(OS, P, A, I);
    OS << "\n";
    writeSeeLine(OS, Fragments, I.Cites);
  }
  writeExceptions(OS, P, A);
  OS << "\n";
}
} // namespace

void printTextReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const EditionUsed *Edition) {
  writeTextReport(OS, P, nullptr, A, Edition);
}

void printTextReport(llvm::raw_ostream &OS, const ReportFragments &Fragments, const eval::Audit &A,
                     const EditionUsed *Edition) {
  writeTextReport(OS, Fragments.policy(), &Fragments, A, Edition);
}

} // namespace certc::report
