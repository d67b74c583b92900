// Builds a member's plan from the audit and the policy's rules.
#include "plan/Plan.h"

#include "eval/ExprEval.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>

namespace certc::plan {

namespace {
bool inEffect(const ir::DateWindow &W, Date On) { return (!W.From || *W.From <= On) && (!W.Until || On < *W.Until); }

/// Smallest whole number of Each that reaches Need (both positive).
uint64_t wholeCount(const Rational &Need, const Rational &Each) {
  std::optional<Rational> Ratio = Need.div(Each);
  std::optional<Rational> Up = Ratio ? Ratio->ceilTo(1) : std::nullopt;
  return Up ? static_cast<uint64_t>(Up->num()) : UINT64_MAX;
}

Rational plus(const Rational &A, const Rational &B) { return A.add(B).value_or(A); }
Rational minus(const Rational &A, const Rational &B) { return A.sub(B).value_or(A); }
Rational times(const Rational &A, const Rational &B) { return A.mul(B).value_or(A); }

/// What the audit already used: points per category (with and without
/// spillover) and points credited through each cap. The audit's results are
/// matched to the policy by name, whatever order a report shows them in.
class Usage {
public:
  Usage(const ir::Policy &P, const eval::Audit &A)
      : CategoryPoints(P.Categories.size()), WithSpillover(P.Categories.size()), CapUsed(P.Caps.size()) {
    llvm::StringMap<uint32_t> RuleOf, CategoryOf;
    for (uint32_t R = 0; R < P.Rules.size(); ++R)
      RuleOf[P.Rules[R].Name] = R;
    for (uint32_t C = 0; C < P.Categories.size(); ++C)
      CategoryOf[P.Categories[C].Name] = C;
    for (const eval::CategoryResult &R : A.Categories) {
      auto C = CategoryOf.find(R.Name);
      if (C == CategoryOf.end())
        continue;
      WithSpillover[C->second] = R.Points;
      CategoryPoints[C->second] = minus(R.Points, R.SpilledIn);
    }
    for (const eval::ItemResult &I : A.Items) {
      if (!I.Credited || I.Rule.empty())
        continue;
      auto Rule = RuleOf.find(I.Rule);
      uint32_t Cap = Rule == RuleOf.end() ? ir::None : P.Rules[Rule->second].Cap;
      // A substituted item counts in another category than its rule's cap.
      if (Cap == ir::None || P.Caps[Cap].Category != CategoryOf.lookup(I.Category))
        continue;
      for (uint32_t K = Cap; K != ir::None; K = P.Caps[K].Parent)
        CapUsed[K] = plus(CapUsed[K], I.Points);
    }
  }

  std::vector<Rational> CategoryPoints;
  std::vector<Rational> WithSpillover;
  std::vector<Rational> CapUsed;
};

/// Whether the audit found the prerequisite or requirement called Name met.
bool isMet(const eval::Audit &A, llvm::StringRef Name, bool Prerequisite) {
  for (const eval::RequirementResult &R : A.Requirements)
    if (R.IsPrerequisite == Prerequisite && R.Name == Name)
      return R.Met;
  return true;
}

/// What the audit found the requirement asks of this member in this period
/// (it may depend on the member: dated, pro-rated, not applying).
Rational requiredOf(const eval::Audit &A, llvm::StringRef Name) {
  for (const eval::RequirementResult &R : A.Requirements)
    if (!R.IsPrerequisite && R.Name == Name)
      return R.Required;
  return Rational(0);
}

/// Whether an expression reads only the member and the date, so that it has
/// one value for every activity the member could add.
bool readsNoActivity(const ir::Policy &P, ir::ExprId Root) {
  const ir::Expr &E = P.Exprs[Root];
  switch (E.O) {
  case ir::Op::ActivityField:
  case ir::Op::NoOtherSame:
  case ir::Op::NoEarlierSame:
  case ir::Op::CountActivities:
  case ir::Op::CountDistinct:
    return false;
  default:
    return llvm::all_of(E.Args, [&](ir::ExprId Arg) { return readsNoActivity(P, Arg); });
  }
}

class Planner {
public:
  Planner(const eval::PolicyIndex &Index, const ledger::Member &M, const eval::Audit &A)
      : P(Index.P), A(A), Used(P, A), Member(Index, M, A.AsOf) {}

  PointGap gapOf(uint32_t Requirement);
  PrerequisiteGap prerequisiteGap(uint32_t Prerequisite);

private:
  std::optional<GapOption> option(uint32_t Rule, uint32_t Category, const Rational &Target);
  bool memberFails(ir::ExprId Test) const;
  void collectReads(ir::ExprId Root, PrerequisiteGap &Out);

  const ir::Policy &P;
  const eval::Audit &A;
  Usage Used;
  eval::ExprEvaluator Member; ///< the member's own record, with no activity
};

/// Whether a conjunct of Test reads the member alone and is false for them.
bool Planner::memberFails(ir::ExprId Test) const {
  const ir::Expr &E = P.Exprs[Test];
  if (E.O == ir::Op::And)
    return llvm::any_of(E.Args, [&](ir::ExprId Arg) { return memberFails(Arg); });
  return readsNoActivity(P, Test) && !Member.test(Test, nullptr);
}

std::optional<GapOption> Planner::option(uint32_t RuleId, uint32_t Category, const Rational &Target) {
  const ir::Rule &R = P.Rules[RuleId];
  if ((R.Filter != ir::None && memberFails(R.Filter)) ||
      llvm::any_of(R.Conditions, [&](const ir::ItemCondition &C) { return memberFails(C.Test); }))
    return std::nullopt;
  GapOption O;
  O.Rule = RuleId;
  O.Category = Category;
  O.Target = Target;
  for (const ir::Earning &E : R.Earnings)
    if (inEffect(E.When, A.AsOf))
      O.Earning = &E;
  // A split rule's part for the category: one that prefers it, else one that may credit it.
  for (const ir::SplitPart &Part : R.Split)
    if (!O.Part || (O.Part->Targets[0] != Category && Part.Targets[0] == Category))
      if (llvm::is_contained(Part.Targets, Category))
        O.Part = &Part;
  if (!O.Earning && !O.Part)
    return std::nullopt; // its values no longer apply to new activities
  for (const ir::ItemLimit &L : R.ItemMax)
    if (inEffect(L.When, A.AsOf))
      O.PerItem = &L;

  // The room left under the rule's caps, and the cap with the least.
  std::optional<Rational> Room;
  for (uint32_t K = R.Cap; K != ir::None; K = P.Caps[K].Parent) {
    Rational Left = std::max(Rational(0), minus(P.Caps[K].Limit, Used.CapUsed[K]));
    if (!Room || Left < *Room) {
      Room = Left;
      O.Cap = K;
    }
  }
  if (Room && Room->isZero())
    return std::nullopt;
  Rational Need = Room ? std::min(Target, *Room) : Target;

  std::optional<Rational> PerItem;
  if (O.PerItem)
    PerItem = O.PerItem->Max;
  Rational Earned = Need;
  // A part earns a point per unit of its field, as points as awarded do.
  switch (O.Part ? ir::Earning::Kind::Awarded : O.Earning->K) {
  case ir::Earning::Kind::Fixed: {
    const ir::Earning &E = *O.Earning;
    Rational Each = PerItem ? std::min(E.Points, *PerItem) : E.Points;
    if (!(Each > Rational(0)))
      return std::nullopt;
    O.Activities = wholeCount(Need, Each);
    Earned = times(Rational(static_cast<int64_t>(O.Activities)), Each);
    break;
  }
  case ir::Earning::Kind::Rate: {
    const ir::Earning &E = *O.Earning;
    // Rounding down to a step needs the next whole step's worth.
    if (R.Round.M == ir::Rounding::Mode::Down)
      Earned = Need.ceilTo(R.Round.Step).value_or(Need);
    std::optional<Rational> InRateUnits = Earned.div(E.Points);
    InRateUnits = InRateUnits ? InRateUnits->mul(E.Per) : std::nullopt;
    std::optional<Rational> InAmountUnits = InRateUnits ? InRateUnits->div(E.AmountToRateUnit) : std::nullopt;
    if (!InAmountUnits)
      return std::nullopt;
    O.Quantity = *InAmountUnits;
    O.Activities = PerItem ? wholeCount(Earned, *PerItem) : 1;
    break;
  }
  case ir::Earning::Kind::Awarded:
    O.Quantity = Need;
    O.Activities = PerItem ? wholeCount(Need, *PerItem) : 1;
    break;
  }
  O.Earns = Room ? std::min(Earned, *Room) : Earned;
  O.Overshoot = O.Earns > Target ? minus(O.Earns, Target) : Rational(0);
  if (Room)
    O.RoomLeft = minus(*Room, O.Earns);
  return O;
}

PointGap Planner::gapOf(uint32_t ReqId) {
  const ir::Requirement &Req = P.Requirements[ReqId];
  PointGap Gap;
  Gap.Requirement = ReqId;
  if (Req.Categories.size() == 1) {
    Gap.Have = Used.WithSpillover[Req.Categories[0]]; // as the requirement counts it
  } else {
    for (uint32_t C : Req.Categories)
      Gap.Have = plus(Gap.Have, Used.CategoryPoints[C]);
  }
  Gap.Required = requiredOf(A, Req.Name);
  Gap.Short = minus(Gap.Required, Gap.Have);
  for (uint32_t R = 0; R < P.Rules.size(); ++R)
    for (uint32_t T : P.Rules[R].Targets)
      if (llvm::is_contained(Req.Categories, T))
        if (std::optional<GapOption> O = option(R, T, Gap.Short))
          Gap.Options.push_back(*O);
  // Points of another category above its threshold spill into a single one.
  if (Req.Categories.size() == 1)
    for (uint32_t S = 0; S < P.Spillovers.size(); ++S) {
      const ir::Spillover &Spill = P.Spillovers[S];
      if (Spill.To != Req.Categories[0] || Spill.From == Spill.To)
        continue;
      // Above the member's own amount of From's requirement.
      Rational Above = Spill.Above;
      for (const ir::Requirement &Own : P.Requirements)
        if (Own.Categories.size() == 1 && Own.Categories[0] == Spill.From)
          Above = requiredOf(A, Own.Name);
      Rational BelowThreshold = std::max(Rational(0), minus(Above, Used.CategoryPoints[Spill.From]));
      Rational Target = plus(Gap.Short, BelowThreshold);
      for (uint32_t R = 0; R < P.Rules.size(); ++R)
        if (llvm::is_contained(P.Rules[R].Targets, Spill.From))
          if (std::optional<GapOption> O = option(R, Spill.From, Target)) {
            O->ViaSpill = S;
            Gap.Options.push_back(*O);
          }
    }
  // Least effort first: options that close the gap, by new activities, then by
  // points wasted beyond it; then those a cap stops short, most points first.
  // Ties keep the policy's order (direct before spillover).
  std::stable_sort(Gap.Options.begin(), Gap.Options.end(), [](const GapOption &X, const GapOption &Y) {
    if (X.closes() != Y.closes())
      return X.closes();
    if (!X.closes())
      return X.Earns > Y.Earns;
    if (X.Activities != Y.Activities)
      return X.Activities < Y.Activities;
    return X.Overshoot < Y.Overshoot;
  });
  return Gap;
}

void Planner::collectReads(ir::ExprId Root, PrerequisiteGap &Out) {
  const ir::Expr &E = P.Exprs[Root];
  switch (E.O) {
  case ir::Op::CountActivities:
  case ir::Op::CountDistinct:
    if (!llvm::is_contained(Out.Kinds, E.A))
      Out.Kinds.push_back(E.A);
    return; // its arguments read the counted activities, not the member
  case ir::Op::MemberField:
    if (!llvm::is_contained(Out.MemberFields, E.A))
      Out.MemberFields.push_back(E.A);
    break;
  case ir::Op::AuditDate: Out.ReadsAuditDate = true; break;
  case ir::Op::YearsBetween: Out.ReadsAuditDate |= E.Args.size() == 1; break;
  default: break;
  }
  for (ir::ExprId Arg : E.Args)
    collectReads(Arg, Out);
}

PrerequisiteGap Planner::prerequisiteGap(uint32_t Prerequisite) {
  PrerequisiteGap Out;
  Out.Prerequisite = Prerequisite;
  collectReads(P.Prerequisites[Prerequisite].Test, Out);
  return Out;
}
} // namespace

Plan planFor(const eval::PolicyIndex &Index, const ledger::Member &M, const eval::Audit &A) {
  const ir::Policy &P = Index.P;
  Plan Out;
  Out.Eligible = A.Eligible;
  if (A.Eligible)
    return Out;
  Planner Make(Index, M, A);
  for (uint32_t I = 0; I < P.Prerequisites.size(); ++I)
    if (!isMet(A, P.Prerequisites[I].Name, true))
      Out.Prerequisites.push_back(Make.prerequisiteGap(I));
  for (uint32_t I = 0; I < P.Requirements.size(); ++I)
    if (!isMet(A, P.Requirements[I].Name, false))
      Out.Gaps.push_back(Make.gapOf(I));
  return Out;
}

} // namespace certc::plan
