// Dates: windows `from A through/before B`, designations held and their award
// dates, `years since`, and shifts by whole days, months or years (bounded so
// lowering never narrows one).
#include "check/Checker.h"

namespace certc {

using namespace sema;

Type Checker::handleInWindow(const ast::Expr &E, Context C) {
  bool Ok = true;
  for (const ast::ExprPtr &Kid : E.Kids)
    Ok &= !operandOfKind(*Kid, C, Type::Kind::Date, diag::WindowOfNonDate).isError();
  return Ok ? Type::boolean() : Type::error();
}

Type Checker::handleDesignation(const ast::Expr &E, Type Result) {
  return lookupDesignation(E.Names[0], InPrerequisite).isNone() ? Type::error() : Result;
}

Type Checker::handleYearsSince(const ast::Expr &E, Context C) {
  Type T = operandOfKind(*E.Kids[0], C, Type::Kind::Date, diag::YearsSinceNonDate);
  return T.isError() ? T : Type::number(S.YearUnit, true);
}

Type Checker::handleMonthOperand(const ast::Expr &E, Context C) {
  Type T = operandOfKind(*E.Kids[0], C, Type::Kind::Date, diag::MonthOfNonDate);
  if (T.isError() || E.K == ast::Expr::Kind::MonthEdge)
    return T;
  return Type::number(UnitId::none(), true);
}

Type Checker::handleShift(const ast::Expr &E, Context C) {
  Type T = operandOfKind(*E.Kids[0], C, Type::Kind::Date, diag::ShiftOfNonDate);
  if (T.isError())
    return T;
  UnitId Unit = lookupUnit(*E.Unit);
  if (Unit.isNone())
    return Type::error();
  if ((Unit != S.DayUnit && Unit != S.MonthUnit && Unit != S.YearUnit) || !E.Amount.isInteger()) {
    Diags.report(diag::DateShiftUnit, E.Range, E.Amount.str(), E.Unit->Text);
    return Type::error();
  }
  // Bounded here, not only by the IR verifier: lowering stores the shift in
  // 32 bits, where a larger amount would wrap to a different, valid shift.
  int64_t Limit = Unit == S.DayUnit ? MaxDateShiftDays : Unit == S.MonthUnit ? MaxDateShiftMonths : MaxDateShiftYears;
  if (E.Amount.num() > Limit || E.Amount.num() < -Limit) {
    Diags.report(diag::DateShiftTooLarge, E.Range, MaxDateShiftYears, MaxDateShiftMonths, MaxDateShiftDays,
                 E.Amount.str(), E.Unit->Text);
    return Type::error();
  }
  return Type::date();
}

} // namespace certc
