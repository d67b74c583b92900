// `counts only from DATE` (a rule clause, or an `every item` clause of its
// groups): a period counts only its whole years from that date, so a period
// that began before an award counts the years served after it.
#include "check/Checker.h"

namespace certc {

using namespace sema;

/// Whether Measure (`month`, `year`) counts a period in whole months; false
/// (reported) for a unit that is neither.
bool Checker::periodInMonths(const ast::Name &Measure, bool &InMonths) {
  UnitId Unit = lookupUnit(Measure);
  if (Unit.isNone())
    return false;
  if (Unit != S.MonthUnit && Unit != S.YearUnit) {
    Diags.report(diag::PeriodMeasureUnit, Measure.Range, Measure.Text);
    return false;
  }
  InMonths = Unit == S.MonthUnit;
  return true;
}

bool Checker::handleCountedParts(const ast::Rule &R, const GroupFrame &Frame, RuleInfo &Info) {
  const KindInfo &Kind = S.Kinds[Info.Kind.Index];
  // Earnings that failed their own check are not in Info: say nothing more then.
  bool EarningsChecked = Info.Earnings.size() == R.Earnings.size();
  bool PerYear = std::any_of(Info.Earnings.begin(), Info.Earnings.end(),
                             [](const EarningInfo &E) { return E.PeriodYears; });
  auto Check = [&](const ast::CountedPart &Part) {
    Type From = operandOfKind(*Part.From, Context{Info.Kind}, Type::Kind::Date, diag::CountedPartNotDate);
    if (From.isError())
      return false;
    if (!Kind.Decl->IsPeriod) {
      Diags.report(diag::CountedPartNotPeriod, Part.Range, Kind.Decl->Kind.Text);
      return false;
    }
    if (EarningsChecked && !PerYear) {
      Diags.report(diag::CountedPartWithoutYears, Part.Range, R.RuleName.Text);
      return false;
    }
    bool InMonths = false;
    if (Part.Measure && !periodInMonths(*Part.Measure, InMonths))
      return false;
    // Counted in whole months: every earning per year of the period is.
    if (InMonths)
      for (EarningInfo &E : Info.Earnings)
        if (E.PeriodYears && !E.InMonths) {
          E.Factor = E.Factor.div(12).value_or(E.Factor); // a year is 12 months: exact
          E.InMonths = true;
        }
    return true;
  };
  bool Ok = true;
  for (const ast::CountedPart *Part : Frame.Parts)
    if (!Check(*Part)) {
      Ok = false;
      Diags.note(R.RuleName.Range, fmt::format("while applying the enclosing `counts only from` to rule `{}`",
                                               R.RuleName.Text));
    }
  for (const ast::CountedPart &Part : R.Parts)
    Ok &= Check(Part);
  if (!Ok)
    return false;
  Info.Parts = Frame.Parts;
  for (const ast::CountedPart &Part : R.Parts)
    Info.Parts.push_back(&Part);
  return true;
}

} // namespace certc
