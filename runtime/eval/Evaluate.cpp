// Puts the audit together: credits -> allocation problem -> solution -> results.
#include "eval/Evaluate.h"
#include "alloc/Allocator.h"
#include "eval/Credits.h"

#include <fmt/format.h>

#include <algorithm>

namespace certc::eval {

namespace {
std::string pointsText(const Rational &R) { return R.str() + (R == Rational(1) ? " point" : " points"); }

std::string categoryList(const ir::Policy &P, const std::vector<uint32_t> &Cats) {
  std::string Out;
  for (uint32_t C : Cats)
    Out += (Out.empty() ? "" : " + ") + P.Categories[C].Name;
  return Out;
}
} // namespace

llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf) {
  const ir::Policy &P = Index.P;
  ExprEvaluator Eval(Index, M, AsOf);
  Audit Out;
  Out.Member = M.Id;
  Out.Designation = P.Designation < P.Symbols.size() ? P.Symbols[P.Designation] : "";
  Out.AsOf = AsOf;

  // Canonical order: the result must not depend on the order of the ledger.
  std::vector<const ledger::Activity *> Order;
  for (const ledger::Activity &A : M.Activities)
    Order.push_back(&A);
  std::sort(Order.begin(), Order.end(),
            [](const ledger::Activity *A, const ledger::Activity *B) { return A->Id < B->Id; });

  std::vector<ItemCredits> Credits;
  alloc::Problem Problem;
  Problem.NumCategories = static_cast<unsigned>(P.Categories.size());
  std::vector<size_t> ItemOfActivity(Order.size(), SIZE_MAX);
  for (size_t I = 0; I < Order.size(); ++I) {
    llvm::Expected<ItemCredits> C = creditsFor(Eval, Index, *Order[I]);
    if (!C)
      return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", M.Id.c_str(),
                                     llvm::toString(C.takeError()).c_str());
    if (!C->Options.empty()) {
      alloc::Item Item;
      for (const CreditOption &O : C->Options)
        Item.Options.push_back({O.Category, O.Points, P.Rules[O.Rule].Cap});
      ItemOfActivity[I] = Problem.Items.size();
      Problem.Items.push_back(std::move(Item));
    }
    Credits.push_back(std::move(*C));
  }
  for (const ir::Cap &C : P.Caps)
    Problem.Caps.push_back({C.Limit, C.Category, C.Parent});
  for (const ir::Requirement &R : P.Requirements)
    Problem.Requirements.push_back({R.Categories, R.Amount});
  for (const ir::Spillover &S : P.Spillovers)
    Problem.Spills.push_back({S.From, S.To, S.Above});

  llvm::Expected<alloc::Solution> Solved = alloc::allocateCredits(Problem);
  if (!Solved)
    return llvm::createStringError(std::errc::invalid_argument, "member %s: %s", M.Id.c_str(),
                                   llvm::toString(Solved.takeError()).c_str());

  // Prerequisites.
  bool PrerequisitesMet = true;
  for (const ir::Prerequisite &Pre : P.Prerequisites) {
    bool Met = Eval.test(Pre.Test, nullptr);
    PrerequisitesMet &= Met;
    Out.Requirements.push_back({Pre.Name, Met, true, Met ? "met" : Pre.Reason, Pre.Cites});
    if (!Met)
      Out.Missing.push_back(Pre.Reason);
  }

  // Categories and point requirements.
  for (uint32_t C = 0; C < P.Categories.size(); ++C) {
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
                            [&] {
                              for (const ir::Spillover &S : P.Spillovers)
                                if (S.To == Req.Categories[0])
                                  return P.Categories[S.From].Name;
                              return std::string();
                            }());
    Out.Requirements.push_back({Req.Name, Met, false, Detail, Req.Cites});
    if (!Met) {
      Rational Short = Req.Amount.sub(Have).value_or(Req.Amount);
      Out.Missing.push_back(fmt::format("{}: {} more {}", categoryList(P, Req.Categories), Short.str(),
                                        Short == Rational(1) ? "point" : "points"));
    }
  }
  Out.Eligible = PrerequisitesMet && Solved->AllMet;

  // Items, by activity id.
  for (size_t I = 0; I < Order.size(); ++I) {
    const ledger::Activity &A = *Order[I];
    const ItemCredits &C = Credits[I];
    ItemResult R;
    R.Id = A.Id;
    R.Kind = P.Symbols[P.Kinds[A.Kind].Name];
    size_t Item = ItemOfActivity[I];
    int32_t Choice = Item == SIZE_MAX ? -1 : Solved->Choice[Item];
    if (Choice >= 0) {
      const CreditOption &O = C.Options[Choice];
      R.Credited = true;
      R.Rule = P.Rules[O.Rule].Name;
      R.Category = P.Categories[O.Category].Name;
      R.Points = Solved->Credited[Item];
      R.Derivation = O.Derivation;
      R.Reason = O.Note;
      R.Cites = P.Rules[O.Rule].Cites;
      if (R.Points != O.Points) {
        const ir::Rule &Rule = P.Rules[O.Rule];
        std::string Cap = Rule.Cap != ir::None ? P.Caps[Rule.Cap].Name : "a cap";
        R.Reason += fmt::format("{}reduced from {} by the {}-point cap of `{}`", R.Reason.empty() ? "" : "; ",
                                O.Points.str(), Rule.Cap != ir::None ? P.Caps[Rule.Cap].Limit.str() : "?", Cap);
      }
      if (R.Points.isZero()) {
        R.Credited = false;
        R.Category.clear();
        R.Reason = fmt::format("the {}-point cap of `{}` is already reached",
                               P.Caps[P.Rules[O.Rule].Cap].Limit.str(), P.Caps[P.Rules[O.Rule].Cap].Name);
      }
    } else if (Item != SIZE_MAX) {
      R.Reason = "left out by the allocation: crediting it would not change the outcome";
    } else if (!C.Rejection.empty()) {
      if (C.RejectingRule != ir::None) {
        R.Rule = P.Rules[C.RejectingRule].Name;
        R.Cites = *C.RejectionCites;
      }
      R.Reason = C.Rejection;
    } else {
      R.Reason = fmt::format("no rule of this policy credits this `{}` item", R.Kind);
    }
    Out.Items.push_back(std::move(R));
  }
  return Out;
}

} // namespace certc::eval
