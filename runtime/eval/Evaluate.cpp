// Puts the audit together: credits -> allocation problem -> solution -> results.
#include "eval/Evaluate.h"
#include "alloc/Allocator.h"
#include "eval/Credits.h"
#include "eval/Period.h"
#include "eval/MemberExceptions.h"

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
/// a fresh R (built in place: an ItemResult is large).
void describeItem(ItemResult &R, const ir::Policy &P, const ledger::Activity &A, const ItemCredits &C,
                  const alloc::Solution &Solved, size_t Item, const StaffException *Exception) {
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
    const CreditOption &O = C.Options[Choice];
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
                 const ledger::Activity &A, const ItemCredits &C) {
  uint32_t Item = static_cast<uint32_t>(Problem.Items.size() - 1);
  for (uint32_t O = 0; O < C.Options.size(); ++O) {
    const CreditOption &Opt = C.Options[O];
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

/// Adds each prerequisite's result; an unmet one with a waiver counts as met.
/// Returns whether all are met.
bool checkPrerequisites(Audit &Out, const ir::Policy &P, const ExprEvaluator &Eval,
                        llvm::ArrayRef<const StaffException *> Waivers) {
  bool AllMet = true;
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
} // namespace

llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                               const AuditOptions &Options) {
  const ir::Policy &P = Index.P;
  ExprEvaluator Eval(Index, M, AsOf);
  Audit Out;
  llvm::Expected<std::optional<PeriodDates>> Period = periodContaining(Eval, P, M.Id, Options.PeriodOf.value_or(AsOf));
  if (!Period)
    return Period.takeError();
  Out.Period = *Period;
  Eval.setPeriod(*Period);
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
    if (!C.Options.empty()) {
      alloc::Item &Item = Problem.Items.emplace_back();
      for (const CreditOption &O : C.Options) {
        // A rule's own credit goes through its innermost cap, else its category's.
        bool OwnCredit = !O.Substituted && O.Rule != ir::None;
        uint32_t Cap = !OwnCredit ? alloc::NoCap
                       : P.Rules[O.Rule].Cap != ir::None ? P.Rules[O.Rule].Cap
                                                          : P.Categories[O.Category].Cap;
        Item.Options.push_back({O.Category, O.How.Earned, Cap});
      }
      if (!P.Limits.empty())
        addCoverage(Problem, P, Eval, *Order[I], C);
      Item.Pinned = Pinned;
      ItemOfActivity[I] = Problem.Items.size() - 1;
    }
  }
  // Granted points are items of their own, pinned to their category, outside every cap.
  for (const StaffException *G : Resolved->Grants) {
    alloc::Item &Item = Problem.Items.emplace_back();
    Item.Options.push_back({G->Category, *G->Points, alloc::NoCap});
    Item.Pinned = 0;
  }

  llvm::Expected<alloc::Solution> Solved = alloc::allocateCredits(Problem);
  if (!Solved)
    return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", M.Id.c_str(),
                                   llvm::toString(Solved.takeError()).c_str());

  bool PrerequisitesMet = checkPrerequisites(Out, P, Eval, Resolved->Waivers);

  // Categories and point requirements.
  for (uint32_t C : Index.CategoryOrder) {
    CategoryResult R{P.Categories[C].Name, Solved->CategoryPoints[C], Solved->SpilledIn[C], std::nullopt};
    R.Points = R.Points.add(R.SpilledIn).value_or(R.Points);
    for (const ir::Requirement &Req : P.Requirements)
      if (Req.Categories.size() == 1 && Req.Categories[0] == C)
        R.Required = Req.Amount;
    Out.Categories.push_back(std::move(R));
  }
  for (size_t I = 0; I < P.Requirements.size(); ++I) {
    const ir::Requirement &Req = P.Requirements[I];
    const Rational &Have = Solved->RequirementPoints[I];
    bool Met = Have >= Req.Amount;
    std::string Detail = fmt::format("{} of {} required", pointsText(Have), Req.Amount.str());
    if (Req.Categories.size() == 1 && !Solved->SpilledIn[Req.Categories[0]].isZero())
      Detail += fmt::format(" (including {} of excess {})", pointsText(Solved->SpilledIn[Req.Categories[0]]),
                            spillSourceOf(P, Req.Categories[0]).str());
    Out.Requirements.push_back({Req.Name, titleOf(Req), Met, false, std::move(Detail), Req.Cites, Have, Req.Amount});
    if (!Met) {
      Rational Short = Req.Amount.sub(Have).value_or(Req.Amount);
      Out.Missing.push_back(fmt::format("{}: {} more {}", categoryList(P, Req.Categories), Short.str(),
                                        Short == Rational(1) ? "point" : "points"));
    }
  }
  Out.Eligible = PrerequisitesMet && Solved->AllMet;

  // Items, by activity id.
  Out.Items.reserve(Order.size() + Resolved->Grants.size());
  for (size_t I = 0; I < Order.size(); ++I)
    describeItem(Out.Items.emplace_back(), P, *Order[I], Credits[I], *Solved, ItemOfActivity[I],
                 Resolved->OfItem[I]);
  describeGrants(Out, P, Resolved->Grants, *Solved, Problem.Items.size() - Resolved->Grants.size());
  Out.Exceptions = std::move(Resolved->All);
  if (const std::optional<std::string> &E = Eval.dateError())
    return llvm::createStringError(std::errc::value_too_large, "member %s: %s", M.Id.c_str(), E->c_str());
  return Out;
}

} // namespace certc::eval
