// The plan in words: each unmet prerequisite with why activities can or cannot
// meet it, then each point gap with its options, least effort first.
#include "report/Words.h"
#include "plan/Plan.h"

#include "base/Escape.h"
#include "ir/ExprPrinter.h"

namespace certc::plan {

namespace {
llvm::StringRef kindName(const ir::Policy &P, const ir::Rule &R) { return P.Symbols[R.Kind]; }

uint32_t kindIndex(const ir::Policy &P, const ir::Rule &R) {
  for (uint32_t K = 0; K < P.Kinds.size(); ++K)
    if (P.Kinds[K].Name == R.Kind)
      return K;
  return ir::None;
}

void activities(llvm::raw_ostream &OS, uint64_t N) { OS << N << (N == 1 ? " new activity" : " new activities"); }

/// "add 3 contact hours of `ethics_hours` in `course` activities at 1 point per
/// contact hour": the part of a split rule that credits the category.
void writePart(llvm::raw_ostream &OS, const ir::Policy &P, const ir::Rule &R, const GapOption &O) {
  const ir::Field &F = P.Kinds[kindIndex(P, R)].Fields[O.Part->Field];
  OS << "add ";
  eval::unitText(OS, P, F.Unit, O.Quantity);
  OS << " of `" << F.Name << "`" << (O.Part->Rest ? " beyond the other parts" : "") << " in `" << kindName(P, R)
     << "` activities at 1 point per ";
  eval::unitName(OS, P, F.Unit, false);
}

/// "add 2 `cd_rom_course` activities at 1 point each": what a rule's earning needs.
void writeEarning(llvm::raw_ostream &OS, const ir::Policy &P, const ir::Rule &R, const GapOption &O) {
  const ir::Earning &E = *O.Earning;
  switch (E.K) {
  case ir::Earning::Kind::Fixed:
    OS << "add " << O.Activities << " `" << kindName(P, R) << "` " << (O.Activities == 1 ? "activity" : "activities")
       << " at " << eval::pointsText(P, O.PerItem ? std::min(E.Points, O.PerItem->Max) : E.Points) << " each";
    break;
  case ir::Earning::Kind::Rate:
    OS << "add ";
    eval::unitText(OS, P, E.AmountUnit, O.Quantity);
    OS << " of `" << kindName(P, R) << "` at " << eval::pointsText(P, E.Points) << " per ";
    if (E.Per == Rational(1))
      eval::unitName(OS, P, E.RateUnit, false);
    else
      eval::unitText(OS, P, E.RateUnit, E.Per);
    break;
  case ir::Earning::Kind::Awarded:
    OS << "add " << eval::pointsText(P, O.Quantity) << " as awarded for `" << kindName(P, R) << "`";
    break;
  }
}

void writeOption(llvm::raw_ostream &OS, const ir::Policy &P, const GapOption &O) {
  const ir::Rule &R = P.Rules[O.Rule];
  if (O.Part)
    writePart(OS, P, R, O);
  else
    writeEarning(OS, P, R, O);
  if (R.Filter != ir::None)
    OS << " where " << ir::printExpr(P, R.Filter, kindIndex(P, R));
  OS << " (rule `" << R.Name << "`";
  if (O.ViaSpill != ir::None) {
    const ir::Spillover &S = P.Spillovers[O.ViaSpill];
    OS << ", into " << P.Categories[S.From].Name << ", whose points above " << S.Above << " count toward "
       << P.Categories[S.To].Name;
  }
  OS << "): ";
  activities(OS, O.Activities);
  if (O.PerItem)
    OS << " of at most " << eval::pointsText(P, O.PerItem->Max) << " each";
  if (!O.Overshoot.isZero())
    OS << ", " << eval::pointsText(P, O.Overshoot) << " beyond the gap";
  if (O.Cap != ir::None) {
    const ir::Cap &C = P.Caps[O.Cap];
    if (O.closes() && O.RoomLeft.isZero())
      OS << ", which fills the cap `" << C.Name << "` of " << C.Limit;
    else if (O.closes())
      OS << ", which leaves " << eval::pointsText(P, O.RoomLeft) << " under the cap `" << C.Name << "` of " << C.Limit;
    else
      OS << ", earning only " << eval::pointsText(P, O.Earns) << " before the cap `" << C.Name << "` of " << C.Limit
         << " is full";
  }
}

void writePrerequisite(llvm::raw_ostream &OS, const ir::Policy &P, const PrerequisiteGap &G) {
  const ir::Prerequisite &Pre = P.Prerequisites[G.Prerequisite];
  OS << "Prerequisite " << Pre.Name << ": " << Pre.Reason << "\n  ";
  if (!G.Kinds.empty()) {
    OS << "activities can meet it: it counts `";
    for (size_t I = 0; I < G.Kinds.size(); ++I)
      OS << (I ? "`, `" : "") << P.Symbols[P.Kinds[G.Kinds[I]].Name];
    OS << "` activities";
  } else {
    OS << "no activity can meet it: it depends only on the member's record";
    if (!G.MemberFields.empty()) {
      OS << " (";
      for (size_t I = 0; I < G.MemberFields.size(); ++I)
        OS << (I ? ", " : "") << P.MemberFields[G.MemberFields[I]].Name;
      OS << ")";
    }
    if (G.ReadsAuditDate)
      OS << " and the date, so time alone may meet it";
  }
  OS << "\n  " << (Pre.Waivable ? "staff may waive it by exception" : "the policy does not allow it to be waived")
     << "\n";
}
} // namespace

void writePlan(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A, const Plan &Plan) {
  OS << report::programHeading(P) << " - plan for member " << escapeControls(A.Member) << " as of " << A.AsOf
     << "\n";
  if (Plan.Eligible) {
    OS << "Already eligible: nothing is missing.\n";
    return;
  }
  OS << "Not yet eligible. Ways to close each gap, least effort first (fewest new activities, then fewest "
        "points beyond the gap).\n";
  for (const PrerequisiteGap &G : Plan.Prerequisites) {
    OS << "\n";
    writePrerequisite(OS, P, G);
  }
  for (const PointGap &G : Plan.Gaps) {
    const ir::Requirement &Req = P.Requirements[G.Requirement];
    OS << "\n";
    for (size_t I = 0; I < Req.Categories.size(); ++I)
      OS << (I ? " + " : "") << P.Categories[Req.Categories[I]].Name;
    OS << ": " << G.Short << (G.Short == Rational(1) ? " more point" : " more points") << " (" << G.Have << " of "
       << G.Required << " required)\n";
    if (G.Options.empty())
      OS << "  no rule can credit more points here: each is closed by a full cap, by its dates, or by the "
            "member's own record\n";
    bool Partial = false;
    for (size_t I = 0; I < G.Options.size(); ++I) {
      if (!G.Options[I].closes() && !Partial) {
        Partial = true;
        OS << "  Not enough alone (a cap stops them), to combine:\n";
      }
      OS << "  " << I + 1 << ". ";
      writeOption(OS, P, G.Options[I]);
      OS << "\n";
    }
  }
}

} // namespace certc::plan
