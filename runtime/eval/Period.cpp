// Periods repeat every LengthMonths from their anchor, in both directions: the
// one containing a date is found by month arithmetic, then corrected by a day
// or so where months have no such day (an anchor on the 31st).
#include "eval/Period.h"
#include "ir/Verifier.h"

namespace certc::eval {

namespace {
llvm::Error periodError(const std::string &Member, const llvm::Twine &Why) {
  return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", Member.c_str(), Why.str().c_str());
}

std::optional<Date> periodStart(Date Anchor, int64_t K, uint32_t Length) {
  int64_t Months = K * int64_t(Length);
  if (Months < -int64_t(ir::MaxShiftMonths) || Months > int64_t(ir::MaxShiftMonths))
    return std::nullopt;
  return Anchor.addMonths(static_cast<int>(Months));
}
} // namespace

llvm::Expected<std::optional<PeriodDates>> periodContaining(const ExprEvaluator &Eval, const ir::Policy &P,
                                                            const std::string &Member, Date Within) {
  if (P.Periods.empty())
    return std::nullopt;
  for (const ir::CompliancePeriod &Pe : P.Periods) {
    if (Pe.When != ir::None && !Eval.test(Pe.When, nullptr))
      continue;
    Scalar Anchor = Eval.eval(Pe.Anchor, nullptr);
    if (Anchor.K != ir::Value::Kind::Date)
      return periodError(Member, "the record does not give the date the compliance period starts from");
    Date A = Anchor.DateValue;
    int64_t Months = int64_t(Within.year() - A.year()) * 12 + (int64_t(Within.month()) - int64_t(A.month()));
    int64_t K = Months >= 0 ? Months / Pe.LengthMonths : -((-Months + Pe.LengthMonths - 1) / Pe.LengthMonths);
    std::optional<Date> Start = periodStart(A, K, Pe.LengthMonths);
    std::optional<Date> End = periodStart(A, K + 1, Pe.LengthMonths);
    // Month arithmetic is off by at most one period where the day of the month
    // differs: step once either way.
    if (Start && *Start > Within)
      End = Start, Start = periodStart(A, --K, Pe.LengthMonths);
    else if (End && *End <= Within)
      Start = End, End = periodStart(A, ++K + 1, Pe.LengthMonths);
    std::optional<Date> GraceEnd = End ? End->addMonths(static_cast<int>(Pe.GraceMonths)) : std::nullopt;
    if (!Start || !End || !GraceEnd)
      return periodError(Member, "the compliance period containing " + Within.str() + " is past the calendar");
    return PeriodDates{*Start, *End, *GraceEnd, K + 1};
  }
  return periodError(Member, "no compliance period of the policy applies to this member");
}

} // namespace certc::eval
