// Requirement amounts that depend on the member (ir::Requirement).
#include "eval/RequiredAmounts.h"
#include "base/Ordinal.h"

#include <fmt/format.h>

namespace certc::eval {

namespace {
llvm::Error amountError(const ir::Requirement &R, llvm::StringRef Why) {
  return llvm::createStringError(std::errc::value_too_large, "requirement `%s`: %s", R.Name.c_str(),
                                 Why.str().c_str());
}

bool inWindow(const ir::DateWindow &W, Date D) { return (!W.From || *W.From <= D) && (!W.Until || D < *W.Until); }

MemberAmount notApplying(std::string Why) { return {false, Rational(0), std::move(Why), {}}; }
} // namespace

llvm::Expected<MemberAmount> requiredAmount(const ir::Policy &P, const ExprEvaluator &Eval, const ir::Requirement &R) {
  const std::optional<PeriodDates> &Period = Eval.period();
  if (R.EveryNthPeriod && Period) {
    int64_t N = R.EveryNthPeriod, Number = Period->Number;
    if (((Number % N) + N) % N != 0)
      return notApplying(fmt::format("applies every {} period; this is period {}", ordinalText(R.EveryNthPeriod),
                                     Number));
  }
  if (R.When != ir::None && !Eval.test(R.When, nullptr))
    return notApplying("applies only when " + R.WhenText);
  // Dated amounts are judged by the period's start: one amount per period.
  Date Key = Period ? Period->Start : Eval.asOf();
  const ir::RequiredAmount *Dated = nullptr;
  for (const ir::RequiredAmount &A : R.Amounts)
    if (inWindow(A.When, Key))
      Dated = &A;
  if (!Dated)
    return notApplying(fmt::format("the policy states no amount for {} {}",
                                   Period ? "a period starting" : "the audit date", Key.str()));
  MemberAmount Out{true, Dated->Amount, {}, {}};
  if (const std::optional<ir::ProRating> &Pr = R.ProRate) {
    Scalar From = Eval.eval(Pr->From, nullptr), To = Eval.eval(Pr->To, nullptr);
    if (From.K != ir::Value::Kind::Date || To.K != ir::Value::Kind::Date)
      return notApplying("the record does not give the dates it is pro-rated between");
    std::optional<int64_t> Months = monthsFromThrough(From.DateValue, To.DateValue, Pr->RoundUp);
    if (!Months)
      return amountError(R, "the months it is pro-rated over are past the calendar");
    std::optional<Rational> Product = Dated->Amount.mul(Rational(*Months));
    if (!Product)
      return amountError(R, "the pro-rated amount overflows exact arithmetic");
    Out.Amount = Pr->AtMost && *Product > *Pr->AtMost ? *Pr->AtMost : *Product;
    Out.ProRated = fmt::format("{} per {} for {} {} from {} to {}{}", pointsText(P, Dated->Amount),
                               Pr->RoundUp ? "month or partial month" : "whole month", *Months,
                               *Months == 1 ? "month" : "months", From.DateValue.str(), To.DateValue.str(),
                               Out.Amount == *Product ? "" : ", at most " + pointsText(P, Out.Amount));
  }
  if (Out.Amount.isZero())
    return notApplying("nothing is required for this period" + (Out.ProRated.empty() ? "" : " (" + Out.ProRated + ")"));
  return Out;
}

} // namespace certc::eval
