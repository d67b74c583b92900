// Rule matching, item conditions, dated values, rates, rounding and per-item
// maxima for one activity, and the parts of an activity a split rule credits. Priority: of several rules crediting the same
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

/// Whether A lies outside the member's compliance period and its grace: an item
/// dated outside them, or a period activity (start, end) that does not overlap
/// the period (its part inside is what its rules count).
bool outsidePeriod(const ir::Policy &P, const ledger::Activity &A, Date When, const PeriodDates &Period) {
  if (When >= Period.GraceEnd)
    return true;
  if (When >= Period.Start)
    return false;
  if (!P.Kinds[A.Kind].IsPeriod)
    return true;
  const ledger::FieldValue &End = A.Fields[1]; // a period kind's fields begin with start, end
  return End.K == ir::Value::Kind::Date && End.DateValue < Period.Start;
}

/// The per-item maximum for the item's date lowers How.Earned.
void applyItemMax(const ir::Rule &R, const std::optional<Date> &When, Derivation &How) {
  for (const ir::ItemLimit &L : R.ItemMax)
    if (inWindow(L.When, When) && How.Earned > L.Max) {
      How.Earned = L.Max;
      How.Limit = &L;
    }
}

/// The parts split rule R credits activity A in, each with one option per
/// category; or, with Parts left empty, why A earns nothing under R (Why, and
/// RejectedHow for parts that add up to more than A has).
llvm::Error splitParts(const ir::Policy &P, uint32_t RuleId, const ledger::Activity &A,
                       const std::optional<Date> &When, llvm::SmallVectorImpl<PartCredits> &Parts, Reason &Why,
                       Derivation &RejectedHow) {
  const ir::Rule &R = P.Rules[RuleId];
  const ir::ActivityKind &Kind = P.Kinds[A.Kind];
  llvm::SmallVector<Rational, 4> Amounts;
  Rational OtherParts; ///< the sum of the parts other than the rest
  const ir::SplitPart *Rest = nullptr;
  for (const ir::SplitPart &Part : R.Split) {
    const ledger::FieldValue &V = A.Fields[Part.Field];
    if (V.K != ir::Value::Kind::Number) {
      Why = {Reason::Kind::NoQuantity, {}, {}, {}};
      return llvm::Error::success();
    }
    if (V.Number.isNegative()) {
      Why = {Reason::Kind::NegativeQuantity, {}, {}, V.Number};
      return llvm::Error::success();
    }
    Amounts.push_back(V.Number);
    if (Part.Rest) {
      Rest = &Part;
      continue;
    }
    std::optional<Rational> Sum = OtherParts.add(V.Number);
    if (!Sum)
      return overflow(A, R);
    OtherParts = *Sum;
  }
  Derivation Base;
  Base.Rule = &R;
  Base.PartKind = &Kind;
  if (Rest) {
    size_t RestAt = Rest - R.Split.data();
    Base.Whole = Amounts[RestAt];
    if (OtherParts > Base.Whole) {
      Why = {Reason::Kind::PartsExceedWhole, {}, {}, OtherParts};
      RejectedHow = Base;
      RejectedHow.Part = Rest;
      return llvm::Error::success();
    }
    std::optional<Rational> Left = Base.Whole.sub(OtherParts);
    if (!Left)
      return overflow(A, R);
    Amounts[RestAt] = *Left;
  }
  for (size_t I = 0; I < R.Split.size(); ++I) {
    if (Amounts[I].isZero())
      continue;
    Derivation How = Base;
    How.Part = &R.Split[I];
    How.Quantity = How.Exact = How.Rounded = How.Earned = Amounts[I];
    applyItemMax(R, When, How);
    PartCredits &Out = Parts.emplace_back();
    for (uint32_t Category : R.Split[I].Targets)
      Out.Options.emplace_back(RuleId, Category, How);
  }
  if (Parts.empty())
    Why = {Reason::Kind::NoPoints, {}, {}, {}};
  return llvm::Error::success();
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
  if (const std::optional<PeriodDates> &Period = Eval.period(); Period && When && outsidePeriod(P, A, *When, *Period)) {
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
    if (!R.Split.empty()) {
      // Of several split rules, the highest priority one, then the first, credits the item.
      if (!Out.Parts.empty() && P.Rules[Out.Parts[0].Options[0].Rule].Priority >= R.Priority)
        continue;
      llvm::SmallVector<PartCredits, 0> Parts;
      Reason Why;
      Derivation RejectedHow;
      if (llvm::Error E = splitParts(P, RuleId, A, When, Parts, Why, RejectedHow))
        return E;
      if (Parts.empty()) {
        if (Reject(RuleId, Why, R.Cites))
          Out.RejectedHow = RejectedHow;
        continue;
      }
      Out.Parts = std::move(Parts);
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
    applyItemMax(R, When, How);
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
      Out.Options.emplace_back(RuleId, Category, How);
    }
  }
  // A split rule takes the item, unless a rule crediting it whole has a higher priority.
  if (!Out.Parts.empty()) {
    int32_t SplitPriority = P.Rules[Out.Parts[0].Options[0].Rule].Priority;
    bool WholeWins = std::any_of(Out.Options.begin(), Out.Options.end(),
                                 [&](const CreditOption &O) { return P.Rules[O.Rule].Priority > SplitPriority; });
    if (WholeWins)
      Out.Parts.clear();
    else
      Out.Options.clear();
  }
  return llvm::Error::success();
}

} // namespace certc::eval
