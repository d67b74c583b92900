// The previous compliance period, audited from the same ledger: which of the
// audited period's items it used in its grace months, and the excess that
// carries over. It is audited on its own (no carry-in, no staff exceptions),
// so the recursion is one period deep and carried credit carries once.
#include "eval/PeriodScope.h"
#include "eval/Period.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>

namespace certc::eval {

namespace {
bool pointRequirementsMet(const Audit &A) {
  return std::all_of(A.Requirements.begin(), A.Requirements.end(),
                     [](const RequirementResult &R) { return R.IsPrerequisite || R.Met; });
}

/// The points items dated from Since credited to Categories.
Rational creditedSince(const Audit &A, const ExprEvaluator &Eval, const llvm::StringMap<const ledger::Activity *> &ById,
                       const std::vector<llvm::StringRef> &Categories, Date Since) {
  Rational Sum = 0;
  for (const ItemResult &I : A.Items) {
    auto It = ById.find(I.Id);
    if (!I.Credited || It == ById.end())
      continue;
    std::optional<Date> When = Eval.dateOf(*It->second);
    if (When && *When >= Since && llvm::is_contained(Categories, I.Category))
      Sum = Sum.add(I.Points).value_or(Sum);
  }
  return Sum;
}

/// The items dated in Before's grace months, earliest first (then by id).
std::vector<const ledger::Activity *> graceItems(const ledger::Member &M, const ExprEvaluator &Eval,
                                                 const PeriodDates &Before) {
  std::vector<const ledger::Activity *> Grace;
  for (const ledger::Activity &A : M.Activities)
    if (std::optional<Date> When = Eval.dateOf(A); When && *When >= Before.End && *When < Before.GraceEnd)
      Grace.push_back(&A);
  std::sort(Grace.begin(), Grace.end(), [&](const ledger::Activity *X, const ledger::Activity *Y) {
    return std::make_pair(*Eval.dateOf(*X), llvm::StringRef(X->Id)) < std::make_pair(*Eval.dateOf(*Y), llvm::StringRef(Y->Id));
  });
  return Grace;
}

/// The audit of Scope's period with the fewest leading Grace items that meet
/// its point requirements, or none when all of them do not. More items never
/// make an optimal allocation worse, so the fewest are found by bisection.
llvm::Expected<std::optional<Audit>> fewestThatComplete(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                                                        llvm::ArrayRef<const ledger::Activity *> Grace,
                                                        PeriodScope Scope) {
  auto WithFirst = [&](size_t Count) {
    Scope.Hidden.clear();
    for (const ledger::Activity *A : Grace.drop_front(Count))
      Scope.Hidden.insert(A->Id);
    return evaluateInScope(Index, M, AsOf, {}, Scope);
  };
  llvm::Expected<Audit> Best = WithFirst(Grace.size());
  if (!Best)
    return Best.takeError();
  if (!pointRequirementsMet(*Best))
    return std::nullopt;
  size_t Low = 0, High = Grace.size(); // High items complete it; Low do not (the audit without grace failed)
  while (High - Low > 1) {
    size_t Middle = Low + (High - Low) / 2;
    llvm::Expected<Audit> Try = WithFirst(Middle);
    if (!Try)
      return Try.takeError();
    if (pointRequirementsMet(*Try))
      High = Middle, Best = std::move(Try);
    else
      Low = Middle;
  }
  return std::optional<Audit>(std::move(*Best));
}

/// What of Before's excess over the carry-over's requirement carries.
std::optional<CarriedCredit> carried(const ir::Policy &P, const ir::CarryOver &C, const Audit &Before,
                                     const ExprEvaluator &Eval, const llvm::StringMap<const ledger::Activity *> &ById) {
  const ir::Requirement &Req = P.Requirements[C.Requirement];
  auto Result = std::find_if(Before.Requirements.begin(), Before.Requirements.end(),
                             [&](const RequirementResult &R) { return !R.IsPrerequisite && R.Name == Req.Name; });
  if (Result == Before.Requirements.end() || Result->Points <= Result->Required)
    return std::nullopt;
  Rational Excess = Result->Points.sub(Result->Required).value_or(Rational(0));
  Rational Points = std::min(Excess, C.UpTo);
  if (C.LastMonths) {
    std::vector<llvm::StringRef> Categories;
    for (uint32_t Cat : Req.Categories)
      Categories.push_back(P.Categories[Cat].Name);
    Date Since = Before.Period->End.addMonths(-static_cast<int>(C.LastMonths)).value_or(Before.Period->Start);
    Points = std::min(Points, creditedSince(Before, Eval, ById, Categories, Since));
  }
  if (Points.isZero() || Points.isNegative())
    return std::nullopt;
  return CarriedCredit{&C, Result->Title, P.Categories[C.Into].Name, Excess, Points};
}
} // namespace

llvm::Error lookBack(const PolicyIndex &Index, const ledger::Member &M, Date AsOf, const ExprEvaluator &Eval,
                     const PeriodDates &Current, PeriodScope &Scope) {
  const ir::Policy &P = Index.P;
  if (P.CarryOvers.empty() && !Current.hasGrace())
    return llvm::Error::success();
  std::optional<Date> DayBefore = Current.Start.addDays(-1);
  if (!DayBefore)
    return llvm::Error::success(); // no period before the calendar's first day
  llvm::Expected<std::optional<PeriodDates>> Found = periodContaining(Eval, P, M.Id, *DayBefore);
  if (!Found)
    return Found.takeError();
  const PeriodDates Before = **Found;
  // Grace items belong to the earlier period only when it needs them.
  PeriodDates WithoutGrace = Before;
  WithoutGrace.GraceEnd = WithoutGrace.End;
  PeriodScope Alone;
  Alone.Period = WithoutGrace;
  Alone.Alone = true;
  llvm::Expected<Audit> Audited = evaluateInScope(Index, M, AsOf, {}, Alone);
  if (!Audited)
    return Audited.takeError();
  llvm::StringMap<const ledger::Activity *> ById;
  for (const ledger::Activity &A : M.Activities)
    ById[A.Id] = &A;
  // Catching up: the earliest grace items that complete the earlier period
  // are its own; a period they cannot complete does not take them.
  if (Before.hasGrace() && !pointRequirementsMet(*Audited)) {
    std::vector<const ledger::Activity *> Grace = graceItems(M, Eval, Before);
    Alone.Period = Before;
    llvm::Expected<std::optional<Audit>> Completed = fewestThatComplete(Index, M, AsOf, Grace, Alone);
    if (!Completed)
      return Completed.takeError();
    if (*Completed) {
      for (const ItemResult &I : (*Completed)->Items) {
        auto It = ById.find(I.Id);
        std::optional<Date> When = It == ById.end() ? std::nullopt : Eval.dateOf(*It->second);
        if (I.Credited && When && *When >= Before.End)
          Scope.UsedByPrevious.insert(I.Id);
      }
      Audited = std::move(**Completed);
    }
  }
  Scope.Previous = Before;
  for (const ir::CarryOver &C : P.CarryOvers)
    if (std::optional<CarriedCredit> Credit = carried(P, C, *Audited, Eval, ById))
      Scope.CarriedIn.push_back(*Credit);
  return llvm::Error::success();
}

} // namespace certc::eval
