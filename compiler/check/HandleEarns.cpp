// The `earns` clauses of a rule: fixed points, a rate per quantity (read from
// a field, or from a period's length in years) and points as awarded. Dated
// earnings must tile time.
#include "check/Checker.h"

namespace certc {

using namespace sema;

bool Checker::handleEarnings(const ast::Rule &R, RuleInfo &Info) {
  bool Ok = true;
  if (R.Earnings.empty()) {
    Diags.report(diag::RuleEarnsNothing, R.RuleName.Range, R.RuleName.Text);
    Ok = false;
  }
  const KindInfo &Kind = S.Kinds[Info.Kind.Index];
  std::vector<const ast::Window *> Windows;
  std::vector<ast::SMRange> WindowRanges;
  for (const ast::Earning &E : R.Earnings) {
    Windows.push_back(&E.When);
    WindowRanges.push_back(E.Range);
    EarningInfo Earning;
    Ok &= handleEarning(E, Kind, Earning);
    Info.Earnings.push_back(Earning);
  }
  checkWindows(Windows, WindowRanges, "earning", R.Range);
  return Ok;
}

bool Checker::handleEarning(const ast::Earning &E, const KindInfo &Kind, EarningInfo &Out) {
  switch (E.K) {
  case ast::Earning::Kind::Awarded:
  case ast::Earning::Kind::Fixed:
    if (E.ProRata) {
      Diags.report(diag::ProRataWithoutPeriod, E.ProRata->Range);
      return false;
    }
    return E.K == ast::Earning::Kind::Awarded ? handleAwarded(E, Kind, Out) : checkPoints(E.Points, "an earning");
  case ast::Earning::Kind::Rate: {
    bool Ok = checkPoints(E.Points, "an earning");
    return handleRate(E, Kind, Out) && Ok;
  }
  }
  llvm_unreachable("every kind of earning is handled");
}

bool Checker::handleAwarded(const ast::Earning &E, const KindInfo &Kind, EarningInfo &Out) {
  auto F = Kind.FieldIndex.find(E.AwardedField.Text);
  if (F == Kind.FieldIndex.end()) {
    reportUnknownField(Kind, E.AwardedField);
    return false;
  }
  Out.Field = F->second;
  const Type &T = Kind.Fields[F->second.Index].Ty;
  if (T.K != Type::Kind::Number || (!T.Unit.isNone() && T.Unit != S.CountingUnit)) {
    Diags.report(diag::AwardedFromNonPointsField, E.AwardedField.Range, E.AwardedField.Text, S.typeName(T));
    return false;
  }
  return true;
}

bool Checker::handleRate(const ast::Earning &E, const KindInfo &Kind, EarningInfo &Out) {
  bool Ok = true;
  if (E.PerAmount <= Rational(0)) {
    Diags.report(diag::NotPositive, E.Range, "a rate's quantity", E.PerAmount.str());
    Ok = false;
  }
  UnitId PerUnit = lookupUnit(E.PerUnit);
  if (PerUnit.isNone())
    return false;
  // A rate per year of a period reads its length, unless a field is named.
  if (Kind.Decl->IsPeriod && !E.OfField && S.conversion(PerUnit, S.YearUnit)) {
    Out.PeriodYears = true;
    if (E.ProRata && !periodInMonths(*E.ProRata, Out.InMonths))
      return false;
    Out.Factor = *S.conversion(Out.InMonths ? S.MonthUnit : S.YearUnit, PerUnit);
    return Ok;
  }
  if (E.ProRata) {
    Diags.report(diag::ProRataWithoutPeriod, E.ProRata->Range);
    return false;
  }
  // Otherwise the field named by `of`, or the one field measured in the unit.
  std::vector<uint32_t> Candidates;
  for (uint32_t I = 0; I < Kind.Fields.size(); ++I) {
    const FieldInfo &FI = Kind.Fields[I];
    if (E.OfField ? FI.Name == E.OfField->Text
                  : (FI.Ty.K == Type::Kind::Number && !FI.Ty.Unit.isNone() && S.conversion(FI.Ty.Unit, PerUnit)))
      Candidates.push_back(I);
  }
  if (Candidates.size() != 1) {
    if (E.OfField && Candidates.empty())
      reportUnknownField(Kind, *E.OfField);
    else if (Candidates.empty())
      Diags.report(diag::NoFieldInRateUnit, E.PerUnit.Range, Kind.Decl->Kind.Text, E.PerUnit.Text);
    else
      Diags.report(diag::AmbiguousRateField, E.PerUnit.Range, Kind.Decl->Kind.Text, E.PerUnit.Text);
    return false;
  }
  Out.Field = FieldId(Candidates[0]);
  const FieldInfo &Field = Kind.Fields[Candidates[0]];
  auto Conv = Field.Ty.K == Type::Kind::Number ? S.conversion(Field.Ty.Unit, PerUnit) : std::nullopt;
  if (!Conv) {
    Diags.report(diag::RateFieldNotQuantity, E.OfField ? E.OfField->Range : E.PerUnit.Range, Field.Name,
                 S.typeName(Field.Ty), E.PerUnit.Text);
    return false;
  }
  Out.Factor = *Conv;
  return Ok;
}

} // namespace certc
