// `carry over: excess FROM up to Q into TO [from the last N months]`: the
// previous compliance period's excess over one requirement, credited in the
// next. FROM names the requirement, or a category with exactly one
// single-category requirement (as spillover does).
#include "check/Checker.h"

#include <algorithm>

namespace certc {

using namespace sema;

namespace {
/// The requirement FROM names, or none.
std::optional<uint32_t> requirementNamed(const Sema &S, llvm::StringRef Name) {
  for (uint32_t I = 0; I < S.Requirements.size(); ++I)
    if (S.Requirements[I].Decl->RequirementName.Text == Name)
      return I;
  return std::nullopt;
}
} // namespace

void Checker::handleCarryOver(const ast::CarryOver &C) {
  if (!HasPeriods) {
    Diags.report(diag::CarryOverWithoutPeriod, C.Range);
    return;
  }
  std::optional<uint32_t> Req = requirementNamed(S, C.From.Text);
  if (!Req) {
    auto Cat = S.CategoryByName.find(C.From.Text);
    if (Cat == S.CategoryByName.end()) {
      Diags.report(diag::CarryOverUnknownSource, C.From.Range, C.From.Text);
      return;
    }
    unsigned Own = 0;
    for (uint32_t I = 0; I < S.Requirements.size(); ++I)
      if (S.Requirements[I].Categories.size() == 1 && S.Requirements[I].Categories[0] == Cat->second)
        ++Own, Req = I;
    if (Own != 1) {
      Diags.report(diag::CarryOverWithoutOwnRequirement, C.From.Range, C.From.Text, Own);
      return;
    }
  }
  const RequirementInfo &From = S.Requirements[*Req];
  CategoryId Into;
  if (C.Into) {
    Into = lookupCategory(*C.Into);
  } else if (From.Categories.size() != 1) {
    Diags.report(diag::CarryOverKeepingNeedsOneCategory, C.Range, From.Decl->RequirementName.Text,
                 From.Categories.size());
    return;
  } else {
    Into = From.Categories[0];
  }
  bool Ok = checkPoints(C.UpTo, "a carry-over") && !Into.isNone();
  std::optional<uint32_t> Months =
      C.LastMonths ? wholeMonths(*C.LastMonths, "the part of a period a carry-over counts") : std::optional<uint32_t>(0);
  auto Earlier = std::find_if(S.CarryOvers.begin(), S.CarryOvers.end(),
                              [&](const CarryOverInfo &O) { return O.Requirement == *Req; });
  if (Earlier != S.CarryOvers.end()) {
    Diags.report(diag::DuplicateName, C.From.Range, "carry-over of the excess of", From.Decl->RequirementName.Text);
    Diags.note(Earlier->Decl->Range, "this excess already carries over; it cannot carry twice");
    return;
  }
  if (Ok && Months)
    S.CarryOvers.push_back({&C, *Req, Into, *Months});
}

} // namespace certc
