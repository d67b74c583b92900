// Rule matching, item conditions, dated values, rates, rounding and per-item
// maxima for one activity. Priority: of several rules crediting the same
// category, only the highest-priority one offers an option.
#include "eval/Credits.h"

#include <fmt/format.h>

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

std::string windowText(const ir::DateWindow &W) {
  if (W.From && W.Until)
    return fmt::format(" (dated {} to {})", W.From->str(), W.Until->addDays(-1).value_or(*W.Until).str());
  if (W.From)
    return fmt::format(" (dated from {})", W.From->str());
  if (W.Until)
    return fmt::format(" (dated before {})", W.Until->str());
  return "";
}

std::string points(const Rational &R) { return R.str() + (R == Rational(1) ? " point" : " points"); }

std::string unitWord(const ir::Policy &P, uint32_t Unit, bool Plural) {
  if (Unit == ir::None)
    return "";
  std::string Name = Plural ? P.Units[Unit].Plural : P.Units[Unit].Singular;
  std::replace(Name.begin(), Name.end(), '_', ' ');
  return Name;
}

std::string unitText(const ir::Policy &P, uint32_t Unit, const Rational &Amount) {
  if (Unit == ir::None)
    return Amount.str();
  return Amount.str() + " " + unitWord(P, Unit, Amount != Rational(1));
}

llvm::Error overflow(const ledger::Activity &A, const ir::Rule &R) {
  return llvm::createStringError(std::errc::value_too_large,
                                 "activity %s: the points of rule `%s` overflow exact arithmetic",
                                 A.Id.c_str(), R.Name.c_str());
}
} // namespace

llvm::Expected<ItemCredits> creditsFor(const ExprEvaluator &Eval, const PolicyIndex &Index,
                                       const ledger::Activity &A) {
  const ir::Policy &P = Index.P;
  ItemCredits Out;
  std::optional<Date> When = Eval.dateOf(A);
  auto Reject = [&](uint32_t Rule, std::string Reason, const std::vector<ir::Citation> &Cites) {
    if (Out.RejectingRule != ir::None)
      return;
    Out.RejectingRule = Rule;
    Out.Rejection = std::move(Reason);
    Out.RejectionCites = &Cites;
  };

  // An audit as of a past date must reproduce the status on that date.
  if (When && *When > Eval.asOf()) {
    Out.Rejection = fmt::format("dated {}, after the audit date {}", When->str(), Eval.asOf().str());
    return Out;
  }
  for (uint32_t RuleId : Index.RulesOfKind[A.Kind]) {
    const ir::Rule &R = P.Rules[RuleId];
    if (R.Filter != ir::None && !Eval.test(R.Filter, &A))
      continue;
    const ir::ItemCondition *Failed = nullptr;
    for (const ir::ItemCondition &C : R.Conditions)
      if (!Eval.test(C.Test, &A)) {
        Failed = &C;
        break;
      }
    if (Failed) {
      Reject(RuleId, Failed->Reason, Failed->Cites);
      continue;
    }
    const ir::Earning *E = nullptr;
    for (const ir::Earning &Candidate : R.Earnings)
      if (inWindow(Candidate.When, When))
        E = &Candidate;
    if (!E) {
      Reject(RuleId, fmt::format("rule `{}` states no value for items dated {}", R.Name,
                                 When ? When->str() : "without a date"),
             R.Cites);
      continue;
    }

    Rational Earned;
    std::string Derivation;
    if (E->K == ir::Earning::Kind::Fixed) {
      Earned = E->Points;
      Derivation = points(Earned) + " each";
    } else {
      Scalar Amount = Eval.eval(E->Amount, &A);
      if (Amount.K != ir::Value::Kind::Number) {
        Reject(RuleId, fmt::format("rule `{}` needs a quantity this item does not give", R.Name), R.Cites);
        continue;
      }
      if (Amount.Number.isNegative()) {
        Reject(RuleId, fmt::format("a negative quantity ({}) earns nothing", Amount.Number.str()), R.Cites);
        continue;
      }
      if (E->K == ir::Earning::Kind::Awarded) {
        Earned = Amount.Number;
        Derivation = points(Earned) + " as awarded";
      } else {
        auto InRateUnits = Amount.Number.mul(E->AmountToRateUnit);
        auto Result = InRateUnits ? InRateUnits->div(E->Per) : std::nullopt;
        Result = Result ? Result->mul(E->Points) : std::nullopt;
        if (!Result)
          return overflow(A, R);
        Earned = *Result;
        Derivation = fmt::format("{} at {} per {}", unitText(P, E->AmountUnit, Amount.Number), points(E->Points),
                                 E->Per == Rational(1) ? unitWord(P, E->RateUnit, false)
                                                       : unitText(P, E->RateUnit, E->Per));
        std::optional<Rational> Rounded = Earned;
        switch (R.Round.M) {
        case ir::Rounding::Mode::Exact: break;
        case ir::Rounding::Mode::Down: Rounded = Earned.floorTo(R.Round.Step); break;
        case ir::Rounding::Mode::Up: Rounded = Earned.ceilTo(R.Round.Step); break;
        case ir::Rounding::Mode::Nearest: Rounded = Earned.roundTo(R.Round.Step); break;
        }
        if (!Rounded)
          return overflow(A, R);
        if (*Rounded != Earned)
          Derivation += fmt::format(" = {}, rounded {} to {}", Earned.str(),
                                    R.Round.M == ir::Rounding::Mode::Down ? "down"
                                    : R.Round.M == ir::Rounding::Mode::Up ? "up"
                                                                          : "to the nearest",
                                    points(R.Round.Step));
        Earned = *Rounded;
        Derivation += " = " + points(Earned);
      }
    }
    std::string Note;
    for (const ir::ItemLimit &L : R.ItemMax)
      if (inWindow(L.When, When) && Earned > L.Max) {
        Note = fmt::format("reduced from {} to the maximum of {} per item{}", Earned.str(), points(L.Max),
                           windowText(L.When));
        Earned = L.Max;
        Derivation += fmt::format(", at most {} each", points(L.Max));
      }
    if (Earned.isZero() || Earned.isNegative()) {
      Reject(RuleId, fmt::format("earns no points ({})", Derivation), R.Cites);
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
      Out.Options.push_back({RuleId, Category, Earned, Derivation, Note});
    }
  }
  return Out;
}

} // namespace certc::eval
