// Rule matching, item conditions, dated values, rates, rounding and per-item
// maxima for one activity. Priority: of several rules crediting the same
// category, only the highest-priority one offers an option. No text is built
// here: Explain.cpp renders the Derivation and Reason when they are shown.
#include "eval/Credits.h"

#include <algorithm>

namespace certc::eval {

namespace {
bool inWindow(const ir::DateWindow &W, const std::optional<Date> &D) {
  if (!W.From && !W.Until)
    return true;
  if (!D)
    return false;
  return (!W.From || *W.From <= *D) && (!W.Until || *D < *W.Until);
}

llvm::Error overflow(const ledger::Activity &A, const ir::Rule &R) {
  return llvm::createStringError(std::errc::value_too_large,
                                 "activity %s: the points of rule `%s` overflow exact arithmetic",
                                 A.Id.c_str(), R.Name.c_str());
}

std::optional<Rational> rounded(const ir::Rounding &Round, const Rational &Value) {
  switch (Round.M) {
  case ir::Rounding::Mode::Exact: return Value;
  case ir::Rounding::Mode::Down: return Value.floorTo(Round.Step);
  case ir::Rounding::Mode::Up: return Value.ceilTo(Round.Step);
  case ir::Rounding::Mode::Nearest: return Value.roundTo(Round.Step);
  }
  return std::nullopt;
}

/// The position of the first condition A fails, or Conditions.size().
size_t firstFailed(const ExprEvaluator &Eval, llvm::ArrayRef<ir::ItemCondition> Conditions,
                   const ledger::Activity &A) {
  size_t I = 0;
  while (I < Conditions.size() && Eval.test(Conditions[I].Test, &A))
    ++I;
  return I;
}
} // namespace

llvm::Error creditsFor(const ExprEvaluator &Eval, const PolicyIndex &Index, const ledger::Activity &A,
                       ItemCredits &Out) {
  const ir::Policy &P = Index.P;
  std::optional<Date> When = Eval.dateOf(A);
  auto Reject = [&](uint32_t Rule, Reason Why, llvm::ArrayRef<ir::Citation> Cites) {
    if (Out.RejectingRule != ir::None)
      return false;
    Out.RejectingRule = Rule;
    Out.Rejection = Why;
    Out.RejectionCites = Cites;
    return true;
  };

  // An audit as of a past date must reproduce the status on that date.
  if (When && *When > Eval.asOf()) {
    Out.Rejection = {Reason::Kind::AfterAuditDate, {}, When, {}};
    return llvm::Error::success();
  }
  if (const std::optional<PeriodDates> &Period = Eval.period();
      Period && When && (*When < Period->Start || *When >= Period->GraceEnd)) {
    Out.Rejection = {Reason::Kind::OutsidePeriod, {}, When, {}};
    return llvm::Error::success();
  }
  // The conditions all rules of the kind begin with are tested once, when the
  // first rule's filter admits the item; the item fails them under every rule alike.
  const uint32_t Shared = Index.SharedConditions[A.Kind];
  std::optional<size_t> SharedFailed; ///< Shared when the item meets them all
  for (uint32_t RuleId : Index.RulesOfKind[A.Kind]) {
    const ir::Rule &R = P.Rules[RuleId];
    if (R.Filter != ir::None && !Eval.test(R.Filter, &A))
      continue;
    llvm::ArrayRef<ir::ItemCondition> Conditions = R.Conditions;
    if (!SharedFailed)
      SharedFailed = firstFailed(Eval, Conditions.take_front(Shared), A);
    size_t Failed = *SharedFailed < Shared ? *SharedFailed
                                           : Shared + firstFailed(Eval, Conditions.drop_front(Shared), A);
    if (Failed < Conditions.size()) {
      Reject(RuleId, {Reason::Kind::Condition, Conditions[Failed].Reason, {}, {}}, Conditions[Failed].Cites);
      continue;
    }
    const ir::Earning *E = nullptr;
    for (const ir::Earning &Candidate : R.Earnings)
      if (inWindow(Candidate.When, When))
        E = &Candidate;
    if (!E) {
      Reject(RuleId, {Reason::Kind::NoDatedValue, {}, When, {}}, R.Cites);
      continue;
    }

    Derivation How;
    How.Rule = &R;
    How.Earning = E;
    if (E->K == ir::Earning::Kind::Fixed) {
      How.Earned = E->Points;
    } else {
      Scalar Amount = Eval.eval(E->Amount, &A);
      if (Amount.K != ir::Value::Kind::Number) {
        Reject(RuleId, {Reason::Kind::NoQuantity, {}, {}, {}}, R.Cites);
        continue;
      }
      if (Amount.Number.isNegative()) {
        Reject(RuleId, {Reason::Kind::NegativeQuantity, {}, {}, Amount.Number}, R.Cites);
        continue;
      }
      How.Quantity = Amount.Number;
      if (E->K == ir::Earning::Kind::Awarded) {
        How.Earned = Amount.Number;
      } else {
        auto InRateUnits = Amount.Number.mul(E->AmountToRateUnit);
        auto Result = InRateUnits ? InRateUnits->div(E->Per) : std::nullopt;
        Result = Result ? Result->mul(E->Points) : std::nullopt;
        std::optional<Rational> Rounded = Result ? rounded(R.Round, *Result) : std::nullopt;
        if (!Rounded)
          return overflow(A, R);
        How.Exact = *Result;
        How.Earned = *Rounded;
      }
    }
    How.Rounded = How.Earned;
    for (const ir::ItemLimit &L : R.ItemMax)
      if (inWindow(L.When, When) && How.Earned > L.Max) {
        How.Earned = L.Max;
        How.Limit = &L;
      }
    if (How.Earned.isZero() || How.Earned.isNegative()) {
      if (Reject(RuleId, {Reason::Kind::NoPoints, {}, {}, {}}, R.Cites))
        Out.RejectedHow = How;
      continue;
    }
    for (uint32_t Category : R.Targets) {
      // A higher-priority rule crediting the same category replaces a lower one.
      auto Same = std::find_if(Out.Options.begin(), Out.Options.end(),
                               [&](const CreditOption &O) { return O.Category == Category; });
      if (Same != Out.Options.end()) {
        if (P.Rules[Same->Rule].Priority >= R.Priority)
          continue;
        Out.Options.erase(Same);
      }
      Out.Options.push_back({RuleId, Category, How});
    }
  }
  return llvm::Error::success();
}

} // namespace certc::eval
