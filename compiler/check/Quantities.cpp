// Checks shared by the clauses that state amounts and dates: quantities in
// points, and dated values that must tile time without overlaps or gaps.
#include "check/Checker.h"

#include <algorithm>

namespace certc {

using namespace sema;

namespace {
std::string dateText(const std::optional<Date> &D, bool IsEnd) {
  if (!D)
    return IsEnd ? "on" : "always";
  return D->str();
}
} // namespace

void Checker::checkWindows(const std::vector<const ast::Window *> &Windows,
                           const std::vector<ast::SMRange> &Ranges, llvm::StringRef What,
                           ast::SMRange Whole) {
  std::vector<size_t> Order;
  for (size_t I = 0; I < Windows.size(); ++I) {
    const ast::Window &W = *Windows[I];
    if (W.From && W.Until && *W.Until <= *W.From) {
      Diags.report(diag::WindowEndsBeforeStart, Ranges[I], What.str(), W.From->str());
      return;
    }
    Order.push_back(I);
  }
  if (Windows.size() < 2)
    return;
  auto FromKey = [&](size_t I) { return Windows[I]->From ? Windows[I]->From->dayNumber() : INT32_MIN; };
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) { return FromKey(A) < FromKey(B); });
  for (size_t K = 1; K < Order.size(); ++K) {
    const ast::Window &Prev = *Windows[Order[K - 1]], &Next = *Windows[Order[K]];
    int32_t PrevEnd = Prev.Until ? Prev.Until->dayNumber() : INT32_MAX;
    int32_t NextStart = FromKey(Order[K]);
    if (PrevEnd > NextStart) {
      Diags.report(diag::WindowsOverlap, Ranges[Order[K]], What.str(), dateText(Next.From, false),
                   dateText(Prev.Until, true));
      Diags.note(Ranges[Order[K - 1]], "the overlapping value is here");
      return;
    }
    if (PrevEnd < NextStart) {
      Diags.report(diag::WindowsLeaveGap, Ranges[Order[K]], What.str(), Prev.Until->str(), Next.From->str());
      Diags.note(Ranges[Order[K - 1]], "the previous value ends here");
      Diags.note(Whole, "items dated in the gap would earn nothing; close it or state `0 points` for it");
      return;
    }
  }
}

bool Checker::checkPoints(const ast::Quantity &Q, llvm::StringRef What) {
  UnitId Unit = lookupUnit(Q.Unit);
  if (Unit.isNone())
    return false;
  if (S.CountingUnit.isNone() || !S.conversion(Unit, S.CountingUnit)) {
    Diags.report(diag::NotCountedInPoints, Q.Unit.Range, What.str(),
                 S.CountingUnit.isNone() ? std::string("points") : S.unitName(S.CountingUnit), Q.Unit.Text);
    return false;
  }
  if (Q.Amount <= Rational(0)) {
    Diags.report(diag::NotPositive, Q.Range, What.str(), Q.Amount.str() + " " + Q.Unit.Text);
    return false;
  }
  return true;
}

} // namespace certc
