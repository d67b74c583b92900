// `compliance period: N years from DATE[, with M months of grace][ when C]`:
// the maintenance cycle a member is audited in. Several may be declared; a
// member's is the first whose `when` holds, so one after an unconditional
// period could never apply.
#include "check/Checker.h"
#include "ir/IR.h"

namespace certc {

using namespace sema;

std::optional<uint32_t> Checker::wholeMonths(const ast::Quantity &Q, llvm::StringRef What) {
  UnitId Unit = lookupUnit(Q.Unit);
  if (Unit.isNone())
    return std::nullopt;
  std::optional<Rational> PerMonth = S.MonthUnit.isNone() ? std::nullopt : S.conversion(Unit, S.MonthUnit);
  std::optional<Rational> Months = PerMonth ? Q.Amount.mul(*PerMonth) : std::nullopt;
  if (!Months || !Months->isInteger()) {
    Diags.report(diag::PeriodNotInMonths, Q.Range, What.str(), Q.Amount.str() + " " + Q.Unit.Text);
    return std::nullopt;
  }
  if (Months->num() <= 0 || Months->num() > ir::MaxPeriodMonths) {
    Diags.report(diag::PeriodLengthOutOfRange, Q.Range, What.str(), Q.Amount.str() + " " + Q.Unit.Text,
                 ir::MaxPeriodMonths / 12);
    return std::nullopt;
  }
  return static_cast<uint32_t>(Months->num());
}

void Checker::handleCompliancePeriod(const ast::CompliancePeriod &P) {
  if (!S.Periods.empty() && !S.Periods.back().Decl->When) {
    Diags.report(diag::PeriodNeverApplies, P.Range);
    Diags.note(S.Periods.back().Decl->Range, "this period applies to every member");
    return;
  }
  std::optional<uint32_t> Length = wholeMonths(P.Length, "a compliance period");
  std::optional<uint32_t> Grace = P.Grace ? wholeMonths(*P.Grace, "a grace period") : std::optional<uint32_t>(0);
  // The anchor and the choice are about the member: no activity is current.
  InPeriodDecl = true;
  bool Ok = !operandOfKind(*P.Anchor, Context{}, Type::Kind::Date, diag::PeriodAnchorNotDate).isError();
  if (P.When)
    Ok &= checkCondition(*P.When, Context{});
  InPeriodDecl = false;
  if (Length && Grace && *Grace >= *Length) {
    Diags.report(diag::GraceNotShorterThanPeriod, P.Grace->Range);
    Ok = false;
  }
  if (Ok && Length && Grace)
    S.Periods.push_back({&P, *Length, *Grace});
}

Type Checker::handlePeriodBound(const ast::Expr &E) {
  bool Number = E.K == ast::Expr::Kind::PeriodNumber;
  llvm::StringRef Bound = Number ? "number" : E.PeriodEnd ? "end" : "start";
  if (!HasPeriods) {
    Diags.report(diag::PeriodBoundWithoutPeriod, E.Range, Bound.str());
    return Type::error();
  }
  if (InPeriodDecl) {
    Diags.report(diag::PeriodBoundInPeriod, E.Range, Bound.str());
    return Type::error();
  }
  return Number ? Type::number(UnitId::none(), true) : Type::date();
}

} // namespace certc
