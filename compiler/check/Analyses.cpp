// Whole-policy analyses: rules that can never apply, rules that would credit the
// same item to the same category twice, requirements the caps make unreachable,
// and citations.
#include "check/Checker.h"
#include "check/Constraints.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace certc {

using namespace sema;

namespace {
/// The largest amount a requirement can ask for, as written; null when a
/// pro-rating without `at most` leaves it unbounded.
const ast::Quantity *largestAmount(const ast::Requirement &R) {
  if (R.ProRate)
    return R.ProRate->AtMost ? &*R.ProRate->AtMost : nullptr;
  const ast::Quantity *Most = nullptr;
  for (const ast::RequiredAmount &A : R.Amounts)
    if (!Most || A.Amount.Amount > Most->Amount)
      Most = &A.Amount;
  return Most;
}

/// The least a requirement asks of some member: above it, points are excess.
Rational smallestAmount(const ast::Requirement &R) {
  if (R.ProRate || R.When || R.EveryNth)
    return 0; // it may not apply, or ask for nothing
  Rational Least = R.Amounts.front().Amount.Amount;
  for (const ast::RequiredAmount &A : R.Amounts)
    Least = std::min(Least, A.Amount.Amount);
  return Least;
}

Constraints constraintsOf(const RuleInfo &R, const Sema &S) {
  Constraints C;
  for (const ast::Expr *F : R.Filters)
    C.add(*F, S, R.Kind);
  for (const auto &[Cond, Every] : R.Conditions)
    C.add(*Cond->Test, S, R.Kind);
  return C;
}
} // namespace

void Checker::checkContradictionsAndOverlaps() {
  std::vector<Constraints> All;
  for (const RuleInfo &R : S.Rules) {
    All.push_back(constraintsOf(R, S));
    if (const FieldDomain *D = All.back().contradiction()) {
      Diags.report(diag::RuleNeverApplies, R.Decl->RuleName.Range, R.Decl->RuleName.Text);
      Diags.note(D->LastRange, "this condition excludes every item the others allow");
    }
  }
  // Only rules of one activity kind and one priority that credit a common
  // category can overlap: each rule is compared with the earlier rules of its
  // buckets alone, so unrelated rules cost nothing, and the comparisons stop
  // once the error limit is reached.
  std::map<std::tuple<uint32_t, int32_t, uint32_t>, std::vector<uint32_t>> Buckets;
  auto PriorityOf = [](const RuleInfo &R) { return R.Decl->Priority ? R.Decl->Priority->first : 0; };
  std::vector<uint32_t> Earlier;
  for (uint32_t J = 0; J < S.Rules.size() && !Diags.limitReached(); ++J) {
    const RuleInfo &B = S.Rules[J];
    Earlier.clear();
    for (CategoryId T : B.Targets) {
      std::vector<uint32_t> &Bucket = Buckets[{B.Kind.Index, PriorityOf(B), T.Index}];
      Earlier.insert(Earlier.end(), Bucket.begin(), Bucket.end());
      if (Bucket.empty() || Bucket.back() != J)
        Bucket.push_back(J);
    }
    // Each earlier rule once, in rule order, as the messages have always come.
    std::sort(Earlier.begin(), Earlier.end());
    Earlier.erase(std::unique(Earlier.begin(), Earlier.end()), Earlier.end());
    for (uint32_t I : Earlier) {
      if (Diags.limitReached())
        break;
      const RuleInfo &A = S.Rules[I];
      CategoryId Shared;
      for (CategoryId T : A.Targets)
        for (CategoryId U : B.Targets)
          if (T == U && Shared.isNone())
            Shared = T;
      Constraints Both = All[I];
      Both.merge(All[J]);
      if (Both.contradiction())
        continue;
      Diags.report(diag::RulesCountTwice, B.Decl->RuleName.Range, A.Decl->RuleName.Text,
                   B.Decl->RuleName.Text, B.Decl->Kind.Text, S.Categories[Shared.Index]->Text);
      Diags.note(A.Decl->RuleName.Range,
                 "an item both rules accept could be counted twice; make their conditions exclusive or "
                 "give one a higher `priority`");
    }
  }
}

void Checker::checkReachability() {
  // Most points a category can receive: unbounded when any uncapped rule credits it.
  const size_t N = S.Categories.size();
  std::vector<bool> Unbounded(N, false);
  std::vector<Rational> Max(N, Rational(0));
  std::vector<std::vector<uint32_t>> TopCaps(N);
  std::vector<bool> HasRule(N, false);
  for (const RuleInfo &R : S.Rules) {
    CapId Top = R.Cap;
    while (!Top.isNone() && !S.Caps[Top.Index].Parent.isNone())
      Top = S.Caps[Top.Index].Parent;
    for (CategoryId Target : R.Targets) {
      uint32_t T = Target.Index;
      HasRule[T] = true;
      // A rule without a cap of its own still counts under its category's cap.
      CapId Outer = Top.isNone() ? S.CategoryCaps[T] : Top;
      if (Outer.isNone())
        Unbounded[T] = true;
      else if (std::find(TopCaps[T].begin(), TopCaps[T].end(), Outer.Index) == TopCaps[T].end())
        TopCaps[T].push_back(Outer.Index);
    }
  }
  for (size_t C = 0; C < N; ++C)
    for (uint32_t Cap : TopCaps[C])
      Max[C] = Max[C].add(S.Caps[Cap].Limit).value_or(Max[C]);

  auto Explain = [&](uint32_t C) {
    if (!HasRule[C]) {
      Diags.note(S.Categories[C]->Range, fmt::format("no rule credits `{}`", S.Categories[C]->Text));
      return;
    }
    for (uint32_t Cap : TopCaps[C])
      Diags.note(S.Caps[Cap].Range, fmt::format("`{}` credits at most {} {} to `{}`", S.Caps[Cap].Name,
                                                S.Caps[Cap].Limit.str(), S.unitName(S.CountingUnit),
                                                S.Categories[C]->Text));
  };

  for (const RequirementInfo &Info : S.Requirements) {
    const ast::Requirement *R = Info.Decl;
    const ast::Quantity *Amount = largestAmount(*R);
    if (!Amount)
      continue;
    std::vector<uint32_t> Cats;
    for (CategoryId C : Info.Categories)
      Cats.push_back(C.Index);
    bool Infinite = false;
    Rational Total = 0;
    std::vector<std::string> Terms;
    for (uint32_t C : Cats) {
      Infinite |= Unbounded[C];
      Total = Total.add(Max[C]).value_or(Total);
      Terms.push_back(fmt::format("{} ({})", Max[C].str(), S.Categories[C]->Text));
    }
    if (Cats.size() == 1) {
      for (const SpillInfo &Spill : S.Spills) {
        const ast::Spill *Sp = Spill.Decl;
        if (Spill.To != Info.Categories[0])
          continue;
        // Only what From earns above its own requirement spills over.
        uint32_t From = Spill.From.Index;
        Infinite |= Unbounded[From];
        Rational Above = 0;
        for (const RequirementInfo &Own : S.Requirements)
          if (Own.Categories.size() == 1 && Own.Categories[0] == Spill.From)
            Above = smallestAmount(*Own.Decl);
        Rational Excess = Max[From] > Above ? Max[From].sub(Above).value_or(0) : Rational(0);
        Terms.push_back(fmt::format("{} (excess of `{}` over {})", Excess.str(), Sp->From.Text, Above.str()));
        Total = Total.add(Excess).value_or(Total);
      }
    }
    if (Infinite || Total >= Amount->Amount)
      continue;
    Diags.report(diag::RequirementUnreachable, Amount->Range, R->RequirementName.Text, Total.str(),
                 S.unitName(S.CountingUnit), Amount->Amount.str());
    std::string Sum;
    for (const std::string &T : Terms)
      Sum += (Sum.empty() ? "" : " + ") + T;
    Diags.note(Amount->Range, fmt::format("{} = {}, less than {}", Sum, Total.str(), Amount->Amount.str()));
    for (uint32_t C : Cats)
      Explain(C);
  }
}

void Checker::checkCitations() {
  auto Sources = [&](const std::vector<ast::Citation> &Cites) {
    for (const ast::Citation &C : Cites)
      lookupSource(C.Source);
  };
  auto Warn = [&](const std::vector<ast::Citation> &Cites, llvm::StringRef What, const ast::Name &N) {
    Sources(Cites);
    if (Cites.empty())
      Diags.report(diag::MissingCitation, N.Range, What.str(), N.Text);
  };
  std::function<void(const ast::Group &)> Walk = [&](const ast::Group &G) {
    for (const ast::EveryItem &E : G.Conditions) {
      Sources(E.Cites);
      if (E.Cites.empty())
        Diags.report(diag::MissingCitation, E.Range, "condition", "every item");
    }
    Sources(G.Cites);
    for (const ast::Rule &R : G.Rules)
      Warn(R.Cites, "rule", R.RuleName);
    for (const ast::Group &Sub : G.Groups)
      Walk(Sub);
  };
  for (const ast::File *F : S.Files) {
    for (const ast::Requirement &R : F->Requirements)
      Warn(R.Cites, "requirement", R.RequirementName);
    for (const ast::Prerequisite &P : F->Prerequisites)
      Warn(P.Cites, "prerequisite", P.PrerequisiteName);
    for (const ast::Spill &Sp : F->Spills)
      Warn(Sp.Cites, "spillover from", Sp.From);
    for (const ast::CarryOver &C : F->CarryOvers)
      Warn(C.Cites, "carry-over of", C.From);
    for (const ast::LimitDecl &L : F->Limits)
      Warn(L.Cites, "limit", L.LimitName);
    // A cap encodes guideline text; an aggregate alone only names a sum.
    for (const ast::CategoryDecl &D : F->CategoryDecls) {
      if (D.Cap)
        Warn(D.Cites, "cap of category", D.CategoryName);
      else
        Sources(D.Cites);
    }
    for (const ast::CompliancePeriod &P : F->Periods) {
      Sources(P.Cites);
      if (P.Cites.empty())
        Diags.report(diag::MissingCitation, P.Range, "statement", "compliance period");
    }
    Walk(F->Root);
  }
}

} // namespace certc
