// The status update: verdict, points against requirements, what is still
// needed, and every item with its derivation or the reason it does not count.
#include "report/Report.h"
#include "base/Escape.h"

#include <fmt/format.h>

namespace certc::report {

namespace {
std::string citeText(llvm::ArrayRef<ir::Citation> Cites) {
  if (Cites.empty())
    return "";
  const ir::Citation &C = Cites.front();
  return fmt::format("{}, \"{}\": \"{}\"", C.Document, C.Section, C.Quote);
}
} // namespace

void printTextReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const EditionUsed *Edition) {
  OS << fmt::format("{} ({}) - status update for member {} as of {}\n", P.Title, A.Designation.str(),
                    escapeControls(A.Member),
                    A.AsOf.str());
  if (Edition)
    OS << fmt::format("Edition: {} (in force on {}, {})\n", Edition->Edition.str(), Edition->GoverningDate.str(),
                      Edition->GoverningField.empty() ? std::string("the audit date")
                                                      : "the member's " + Edition->GoverningField.str());
  OS << fmt::format("Verdict: {}\n", A.Eligible ? "ELIGIBLE" : "NOT YET ELIGIBLE");

  OS << "\nPoints\n";
  for (const eval::CategoryResult &C : A.Categories) {
    std::string Line = fmt::format("  {:<28} {:>8}", C.Name.str(), C.Points.str());
    if (C.Required)
      Line += fmt::format(" of {} required", C.Required->str());
    if (!C.SpilledIn.isZero())
      Line += fmt::format(" (includes {} of excess from another category)", eval::pointsText(C.SpilledIn));
    OS << Line << "\n";
  }

  OS << "\nRequirements\n";
  for (const eval::RequirementResult &R : A.Requirements)
    OS << fmt::format("  [{}] {}: {}\n", R.Met ? "met" : "NOT MET", R.Name.str(), R.Detail);

  if (!A.Missing.empty()) {
    OS << "\nStill needed\n";
    for (const std::string &M : A.Missing)
      OS << "  - " << M << "\n";
  }

  OS << "\nCredited items\n";
  bool Any = false;
  for (const eval::ItemResult &I : A.Items) {
    if (!I.Credited)
      continue;
    Any = true;
    OS << "  " << escapeControls(I.Id) << " (" << I.Kind << "): " << eval::pointsText(I.Points) << " to " << I.Category << " by rule `"
       << I.Rule << "`: ";
    eval::writeDerivation(OS, P, I);
    OS << "\n";
    if (std::string Note = eval::reasonText(P, A, I); !Note.empty())
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
    OS << "  " << escapeControls(I.Id) << " (" << I.Kind << "): ";
    eval::writeReason(OS, P, A, I);
    OS << "\n";
    if (std::string Cite = citeText(I.Cites); !Cite.empty())
      OS << "      see " << Cite << "\n";
  }
  OS << "\n";
}

} // namespace certc::report
