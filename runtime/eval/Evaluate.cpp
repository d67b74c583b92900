// Puts the audit together: credits -> allocation problem -> solution -> results.
#include "eval/Evaluate.h"
#include "alloc/Allocator.h"
#include "eval/Credits.h"
#include "eval/MemberExceptions.h"
#include "eval/Period.h"
#include "eval/PeriodScope.h"
#include "eval/RequiredAmounts.h"

#include <fmt/format.h>

#include <algorithm>

namespace certc::eval {

namespace {
std::string categoryList(const ir::Policy &P, const std::vector<uint32_t> &Cats) {
  std::string Out;
  for (uint32_t C : Cats)
    Out += (Out.empty() ? "" : " + ") + P.Categories[C].Name;
  return Out;
}

llvm::StringRef spillSourceOf(const ir::Policy &P, uint32_t Category) {
  for (const ir::Spillover &S : P.Spillovers)
    if (S.To == Category)
      return P.Categories[S.From].Name;
  return "";
}

/// What members read for a requirement or prerequisite: its title, else its name.
template <typename Decl> llvm::StringRef titleOf(const Decl &D) { return D.Title.empty() ? D.Name : D.Title; }

/// The item's result as the allocation placed it, or why it has no place, into
/// a fresh R (built in place: an ItemResult is large). Options are the item's:
/// the activity's, or one part's.
void describeItem(ItemResult &R, const ir::Policy &P, const ledger::Activity &A, const ItemCredits &C,
                  llvm::ArrayRef<CreditOption> Options, const alloc::Solution &Solved, size_t Item,
                  const StaffException *Exception) {
  R.Id = A.Id;
  R.Kind = P.Symbols[P.Kinds[A.Kind].Name];
  R.Planned = A.Planned;
  R.Exception = Exception;
  if (Exception && Exception->A == StaffException::Action::Exclude) {
    R.Why.K = Reason::Kind::Excluded;
    return;
  }
  int32_t Choice = Item == SIZE_MAX ? -1 : Solved.Choice[Item];
  if (Choice >= 0) {
    const CreditOption &O = Options[Choice];
    if (O.Rule != ir::None) {
      const ir::Rule &Rule = P.Rules[O.Rule];
      R.Rule = Rule.Name;
      R.Cites = Rule.Cites;
    }
    R.How = O.How;
    R.Points = Solved.Credited[Item];
    const alloc::FullBound &Full = Solved.FullAt[Item];
    if (Full.K == alloc::FullBound::Kind::Cap)
      R.FullCap = &P.Caps[Full.Index];
    else if (Full.K == alloc::FullBound::Kind::Limit)
      R.FullLimit = &P.Limits[Full.Index];
    if (R.Points.isZero()) {
      R.Why.K = Reason::Kind::CapReached;
      return;
    }
    R.Credited = true;
    R.Category = P.Categories[O.Category].Name;
    return;
  }
  if (Item != SIZE_MAX) {
    R.Why.K = Reason::Kind::LeftOut;
    // A part left out still says which part it is and what it would earn.
    if (Options.front().How.Part) {
      R.Rule = P.Rules[Options.front().Rule].Name;
      R.How = Options.front().How;
    }
    return;
  }
  // A condition whose reason is empty says nothing; the item reads as one no
  // rule credits, as it always has.
  if (C.Rejection.K == Reason::Kind::None ||
      (C.Rejection.K == Reason::Kind::Condition && C.Rejection.Text.empty())) {
    R.Why.K = Reason::Kind::NoRule;
    return;
  }
  if (C.RejectingRule != ir::None) {
    R.Rule = P.Rules[C.RejectingRule].Name;
    R.Cites = C.RejectionCites;
  }
  R.Why = C.Rejection;
  R.How = C.RejectedHow;
}

/// The limits the last item's options count against: a rule's own credit into
/// one of a limit's categories, when the limit's condition holds for the item.
void addCoverage(alloc::Problem &Problem, const ir::Policy &P, const ExprEvaluator &Eval,
                 const ledger::Activity &A, llvm::ArrayRef<CreditOption> Options) {
  uint32_t Item = static_cast<uint32_t>(Problem.Items.size() - 1);
  for (uint32_t O = 0; O < Options.size(); ++O) {
    const CreditOption &Opt = Options[O];
    if (Opt.Substituted || Opt.Rule == ir::None)
      continue;
    for (const ir::RuleLimit &L : P.Rules[Opt.Rule].Limits) {
      const std::vector<uint32_t> &Of = P.Limits[L.Limit].Categories;
      if (std::find(Of.begin(), Of.end(), Opt.Category) != Of.end() &&
          (L.Filter == ir::None || Eval.test(L.Filter, &A)))
        Problem.Covered.push_back({Item, O, L.Limit});
    }
  }
}

/// Adds an allocation item with Options. A rule's own credit goes through its
/// innermost cap, else its category's, and counts against the limits covering it.
void addItem(alloc::Problem &Problem, const ir::Policy &P, const ExprEvaluator &Eval, const ledger::Activity &A,
             llvm::ArrayRef<CreditOption> Options, int32_t Pinned) {
  alloc::Item &Item = Problem.Items.emplace_back();
  for (const CreditOption &O : Options) {
    bool OwnCredit = !O.Substituted && O.Rule != ir::None;
    uint32_t Cap = !OwnCredit                          ? alloc::NoCap
                   : P.Rules[O.Rule].Cap != ir::None ? P.Rules[O.Rule].Cap
                                                      : P.Categories[O.Category].Cap;
    Item.Options.push_back({O.Category, O.How.Earned, Cap});
  }
  Item.Pinned = Pinned;
  if (!P.Limits.empty())
    addCoverage(Problem, P, Eval, A, Options);
}

/// Adds each prerequisite's result; an unmet one with a waiver counts as met.
/// Returns whether all are met.
bool checkPrerequisites(Audit &Out, const ir::Policy &P, const ExprEvaluator &Eval,
                        llvm::ArrayRef<const StaffException *> Waivers) {
  bool AllMet = true;
  Out.Requirements.reserve(P.Prerequisites.size() + P.Requirements.size()); // the requirements follow
  for (size_t I = 0; I < P.Prerequisites.size(); ++I) {
    const ir::Prerequisite &Pre = P.Prerequisites[I];
    bool Met = Eval.test(Pre.Test, nullptr);
    if (!Met && Waivers[I]) {
      Out.Requirements.push_back({Pre.Name, titleOf(Pre), true, true, "waived by exception `" + Waivers[I]->Id + "`",
                                  Pre.Cites, Rational(), Rational(), Waivers[I]});
      continue;
    }
    AllMet &= Met;
    Out.Requirements.push_back({Pre.Name, titleOf(Pre), Met, true, Met ? "" : Pre.Reason, Pre.Cites});
    if (!Met)
      Out.Missing.push_back(Pre.Reason);
  }
  return AllMet;
}

/// Granted points, after the activities; their allocation items start at First.
void describeGrants(Audit &Out, const ir::Policy &P, llvm::ArrayRef<const StaffException *> Grants,
                    const alloc::Solution &Solved, size_t First) {
  for (size_t G = 0; G < Grants.size(); ++G) {
    ItemResult &R = Out.Items.emplace_back();
    R.Id = Grants[G]->Id;
    R.Kind = "granted points";
    R.Exception = Grants[G];
    R.Category = P.Categories[Grants[G]->Category].Name;
    R.Points = Solved.Credited[First + G];
    R.Credited = !R.Points.isZero();
    R.How.Earned = *Grants[G]->Points;
  }
}

/// What each requirement asks of the member in the audited period, and the
/// allocation problem with those amounts: a requirement that does not apply
/// asks for 0, and spillover counts as excess what lies above the member's own
/// amount.
llvm::Expected<std::vector<MemberAmount>> memberAmounts(const ExprEvaluator &Eval, const ir::Policy &P,
                                                        alloc::Problem &Problem) {
  std::vector<MemberAmount> Amounts;
  for (size_t I = 0; I < P.Requirements.size(); ++I) {
    llvm::Expected<MemberAmount> A = requiredAmount(P, Eval, P.Requirements[I]);
    if (!A)
      return A.takeError();
    Problem.Requirements[I].Amount = A->Amount;
    Amounts.push_back(std::move(*A));
  }
  for (alloc::Spill &S : Problem.Spills)
    for (size_t I = 0; I < P.Requirements.size(); ++I)
      if (P.Requirements[I].Categories.size() == 1 && P.Requirements[I].Categories[0] == S.From)
        S.Above = Amounts[I].Amount;
  return Amounts;
}

/// A requirement's line: "61 points of 60 required", or why it does not apply.
RequirementResult requirementResult(const ir::Policy &P, const ir::Requirement &Req, const MemberAmount &Amount,
                                    const alloc::Solution &Solved, size_t I) {
  const Rational &Have = Solved.RequirementPoints[I];
  if (!Amount.Applies)
    return {Req.Name, titleOf(Req), true, false, Amount.NotApplying, Req.Cites, Have,
            Rational(0), nullptr, false};
  // Appended rather than fmt::format'ed: the formatting and its buffer's copy
  // were 1.5% of a typical audit, for text that only concatenates.
  std::string Detail;
  Detail.reserve(64);
  Detail += pointsText(P, Have);
  Detail += " of ";
  Detail += Amount.Amount.str();
  Detail += " required";
  if (!Amount.ProRated.empty())
    Detail += " (" + Amount.ProRated + ")";
  if (Req.Categories.size() == 1 && !Solved.SpilledIn[Req.Categories[0]].isZero())
    Detail += fmt::format(" (including {} of excess {})", pointsText(P, Solved.SpilledIn[Req.Categories[0]]),
                          spillSourceOf(P, Req.Categories[0]).str());
  return {Req.Name, titleOf(Req), Have >= Amount.Amount, false, std::move(Detail), Req.Cites, Have, Amount.Amount};
}
} // namespace

llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                               const AuditOptions &Options) {
  return evaluateInScope(Index, M, AsOf, Options, PeriodScope());
}

llvm::Expected<Audit> evaluateInScope(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                                      const AuditOptions &Options, PeriodScope Scope) {
  const ir::Policy &P = Index.P;
  ExprEvaluator Eval(Index, M, AsOf);
  Audit Out;
  if (!Scope.Period) {
    llvm::Expected<std::optional<PeriodDates>> Found = periodContaining(Eval, P, M.Id, Options.PeriodOf.value_or(AsOf));
    if (!Found)
      return Found.takeError();
    Scope.Period = *Found;
  }
  Out.Period = Scope.Period;
  Eval.setPeriod(Scope.Period);
  if (Scope.Period && !Scope.Alone)
    if (llvm::Error E = lookBack(Index, M, AsOf, Eval, *Scope.Period, Scope))
      return std::move(E);
  Out.Previous = Scope.Previous;
  Out.CarriedIn = Scope.CarriedIn;
  Out.Member = M.Id;
  if (P.Designation < P.Symbols.size())
    Out.Designation = P.Symbols[P.Designation];
  Out.AsOf = AsOf;

  // Canonical order: the result must not depend on the order of the ledger.
  llvm::SmallVector<const ledger::Activity *, 64> Order;
  Order.reserve(M.Activities.size());
  for (const ledger::Activity &A : M.Activities)
    Order.push_back(&A);
  auto ById = [](const ledger::Activity *A, const ledger::Activity *B) { return A->Id < B->Id; };
  // Ledgers are mostly written in id order already. Strictly ascending ids have
  // one sorted order, the one they are in; equal ids are still left to the sort.
  auto NotAscending = [&](const ledger::Activity *A, const ledger::Activity *B) { return !ById(A, B); };
  if (std::adjacent_find(Order.begin(), Order.end(), NotAscending) != Order.end())
    std::sort(Order.begin(), Order.end(), ById);

  std::vector<ItemCredits> Credits;
  Credits.reserve(Order.size());
  alloc::Problem Problem = Index.Shape;
  Problem.Items.reserve(Order.size());
  llvm::Expected<ResolvedExceptions> Resolved = resolveExceptions(P, Options.Exceptions, Order, AsOf);
  if (!Resolved)
    return Resolved.takeError();
  llvm::SmallVector<size_t, 64> ItemOfActivity(Order.size(), SIZE_MAX);
  for (size_t I = 0; I < Order.size(); ++I) {
    ItemCredits &C = Credits.emplace_back();
    if (Scope.UsedByPrevious.count(Order[I]->Id) || Scope.Hidden.count(Order[I]->Id)) {
      Reason::Kind Why = Scope.Hidden.count(Order[I]->Id) ? Reason::Kind::OutsidePeriod : Reason::Kind::UsedByPrevious;
      C.Rejection = {Why, {}, Eval.dateOf(*Order[I]), {}};
      continue;
    }
    if (llvm::Error E = creditsFor(Eval, Index, *Order[I], C))
      return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", M.Id.c_str(),
                                     llvm::toString(std::move(E)).c_str());
    int32_t Pinned = -1;
    if (const StaffException *X = Resolved->OfItem[I]) {
      if (X->A == StaffException::Action::Exclude)
        continue;
      llvm::Expected<int32_t> Pin = pinCredit(*X, C);
      if (!Pin)
        return Pin.takeError();
      Pinned = *Pin;
    }
    // Each part of an item credited in parts is an item of its own, after the last.
    if (!C.Parts.empty()) {
      ItemOfActivity[I] = Problem.Items.size();
      for (const PartCredits &Part : C.Parts)
        addItem(Problem, P, Eval, *Order[I], Part.Options, -1);
    } else if (!C.Options.empty()) {
      ItemOfActivity[I] = Problem.Items.size();
      addItem(Problem, P, Eval, *Order[I], C.Options, Pinned);
    }
  }
  // Granted points are items of their own, pinned to their category, outside every cap.
  for (const StaffException *G : Resolved->Grants) {
    alloc::Item &Item = Problem.Items.emplace_back();
    Item.Options.push_back({G->Category, *G->Points, alloc::NoCap});
    Item.Pinned = 0;
  }
  // So is credit carried over from the previous period.
  for (const CarriedCredit &C : Out.CarriedIn) {
    alloc::Item &Item = Problem.Items.emplace_back();
    Item.Options.push_back({C.Rule->Into, C.Points, alloc::NoCap});
    Item.Pinned = 0;
  }
  llvm::Expected<std::vector<MemberAmount>> Amounts = memberAmounts(Eval, P, Problem);
  if (!Amounts)
    return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", M.Id.c_str(),
                                   llvm::toString(Amounts.takeError()).c_str());

  llvm::Expected<alloc::Solution> Solved =
      Options.Scratch ? alloc::allocateCredits(Problem, *Options.Scratch) : alloc::allocateCredits(Problem);
  if (!Solved)
    return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", M.Id.c_str(),
                                   llvm::toString(Solved.takeError()).c_str());

  bool PrerequisitesMet = checkPrerequisites(Out, P, Eval, Resolved->Waivers);

  // Categories and point requirements.
  Out.Categories.reserve(Index.CategoryOrder.size());
  for (uint32_t C : Index.CategoryOrder) {
    CategoryResult R{P.Categories[C].Name, Solved->CategoryPoints[C], Solved->SpilledIn[C], Rational(0),
                     std::nullopt};
    R.Points = R.Points.add(R.SpilledIn).value_or(R.Points);
    for (const CarriedCredit &Carried : Out.CarriedIn)
      if (Carried.Rule->Into == C)
        R.CarriedIn = R.CarriedIn.add(Carried.Points).value_or(R.CarriedIn);
    for (size_t I = 0; I < P.Requirements.size(); ++I)
      if (P.Requirements[I].Categories.size() == 1 && P.Requirements[I].Categories[0] == C && (*Amounts)[I].Applies)
        R.Required = (*Amounts)[I].Amount;
    Out.Categories.push_back(std::move(R));
  }
  for (size_t I = 0; I < P.Requirements.size(); ++I) {
    const ir::Requirement &Req = P.Requirements[I];
    Out.Requirements.push_back(requirementResult(P, Req, (*Amounts)[I], *Solved, I));
    const RequirementResult &Result = Out.Requirements.back();
    if (!Result.Met) {
      Rational Short = Result.Required.sub(Result.Points).value_or(Result.Required);
      // A combination (or aggregate) is named by its title, as the committee wrote it.
      std::string What = Req.Categories.size() > 1 && !Req.Title.empty() ? Req.Title : categoryList(P, Req.Categories);
      // Appended for the reason requirementResult's line is (2.5% as a fmt::format).
      std::string &Line = Out.Missing.emplace_back(std::move(What));
      Line += ": ";
      Line += Short.str();
      Line += " more ";
      Line += countingUnitName(P, /*Plural=*/Short != Rational(1));
    }
  }
  Out.Eligible = PrerequisitesMet && Solved->AllMet;

  // Items, by activity id.
  Out.Items.reserve(Order.size() + Resolved->Grants.size());
  for (size_t I = 0; I < Order.size(); ++I) {
    const ItemCredits &C = Credits[I];
    if (C.Parts.empty() || ItemOfActivity[I] == SIZE_MAX) {
      describeItem(Out.Items.emplace_back(), P, *Order[I], C, C.Options, *Solved, ItemOfActivity[I],
                   Resolved->OfItem[I]);
      continue;
    }
    for (size_t Part = 0; Part < C.Parts.size(); ++Part)
      describeItem(Out.Items.emplace_back(), P, *Order[I], C, C.Parts[Part].Options, *Solved,
                   ItemOfActivity[I] + Part, nullptr);
  }
  describeGrants(Out, P, Resolved->Grants, *Solved,
                 Problem.Items.size() - Out.CarriedIn.size() - Resolved->Grants.size());
  Out.Exceptions = std::move(Resolved->All);
  if (const std::optional<std::string> &E = Eval.dateError())
    return llvm::createStringError(std::errc::value_too_large, "member %s: %s", M.Id.c_str(), E->c_str());
  return Out;
}

} // namespace certc::eval
