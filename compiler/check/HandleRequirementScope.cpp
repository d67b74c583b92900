// What makes a requirement depend on the member: dated amounts (judged by the
// period's start), pro-rating by months, `when` and `every Nth period`; and the
// analysis that rejects requirements, and compliance periods, that can never
// apply to anyone.
#include "check/Checker.h"
#include "check/Constraints.h"

namespace certc {

using namespace sema;
using K = ast::Expr::Kind;

void Checker::handleRequirementScope(const ast::Requirement &R) {
  std::vector<const ast::Window *> Windows;
  std::vector<ast::SMRange> Ranges;
  for (const ast::RequiredAmount &A : R.Amounts) {
    checkPoints(A.Amount, R.ProRate ? "a pro-rated amount per month" : "a requirement");
    Windows.push_back(&A.When);
    Ranges.push_back(A.Range);
  }
  checkWindows(Windows, Ranges, "requirement amount", R.Range);
  if (R.ProRate)
    handleProRating(*R.ProRate);
  // Like a prerequisite, a requirement's condition is about the member.
  if (R.When)
    checkCondition(*R.When, Context{});
  if (R.EveryNth && !HasPeriods)
    Diags.report(diag::EveryNthWithoutPeriod, R.EveryRange);
}

void Checker::handleProRating(const ast::ProRating &Pr) {
  UnitId Per = lookupUnit(Pr.PerUnit);
  if (!Per.isNone()) {
    std::optional<Rational> Months = S.MonthUnit.isNone() ? std::nullopt : S.conversion(Per, S.MonthUnit);
    if (!Months || *Months != Rational(1))
      Diags.report(diag::ProRateNotPerMonth, Pr.PerUnit.Range, Pr.PerUnit.Text);
  }
  operandOfKind(*Pr.From, Context{}, Type::Kind::Date, diag::ProRateNotDate);
  operandOfKind(*Pr.To, Context{}, Type::Kind::Date, diag::ProRateNotDate);
  if (Pr.AtMost)
    checkPoints(*Pr.AtMost, "the most a pro-rated requirement asks");
}

namespace {
/// The months a pro-rating counts, when they are the same for every member:
/// between two fixed dates, between the period's own bounds, or from a date
/// to itself.
std::optional<int64_t> fixedMonths(const ast::ProRating &Pr) {
  const ast::Expr &From = *Pr.From, &To = *Pr.To;
  if (From.K == K::DateLit && To.K == K::DateLit)
    return monthsFromThrough(From.DateValue, To.DateValue, Pr.RoundUp);
  if (From.K == K::PeriodBound && To.K == K::PeriodBound && From.PeriodEnd && !To.PeriodEnd)
    return 0; // from the period's last day back to its first
  bool SameDate = (From.K == K::PeriodBound && To.K == K::PeriodBound && From.PeriodEnd == To.PeriodEnd) ||
                  (From.K == K::MemberField && To.K == K::MemberField && From.Names[0].Text == To.Names[0].Text) ||
                  (From.K == K::AuditDate && To.K == K::AuditDate);
  if (SameDate) // one day: a partial month
    return Pr.RoundUp ? 1 : 0;
  return std::nullopt;
}
} // namespace

void Checker::checkRequirementsCanApply() {
  for (const RequirementInfo &Info : S.Requirements) {
    const ast::Requirement &R = *Info.Decl;
    if (R.When) {
      Constraints C;
      C.add(*R.When, S, KindId::none());
      if (const FieldDomain *D = C.contradiction()) {
        Diags.report(diag::RequirementNeverApplies, R.RequirementName.Range, R.RequirementName.Text,
                     "its `when` condition contradicts itself");
        Diags.note(D->LastRange, "this condition excludes every member the others allow");
      }
    }
    if (R.ProRate && fixedMonths(*R.ProRate) == std::optional<int64_t>(0))
      Diags.report(diag::RequirementNeverApplies, R.ProRate->Range, R.RequirementName.Text,
                   "its pro-rating always counts 0 months, so it asks for nothing");
  }
  for (const PeriodInfo &P : S.Periods) {
    if (!P.Decl->When)
      continue;
    Constraints C;
    C.add(*P.Decl->When, S, KindId::none());
    if (const FieldDomain *D = C.contradiction()) {
      Diags.report(diag::PeriodConditionNeverHolds, P.Decl->Range);
      Diags.note(D->LastRange, "this condition excludes every member the others allow");
    }
  }
}

} // namespace certc
