// Checks the policy header, requirements, spillovers and prerequisites, then
// flattens groups into rules and checks each rule's clauses.
#include "check/Checker.h"

#include "llvm/ADT/StringSet.h"

#include <algorithm>

namespace certc {

using namespace sema;

namespace {
std::string dateText(const std::optional<Date> &D, bool IsEnd) {
  if (!D)
    return IsEnd ? "on" : "always";
  return D->str();
}
} // namespace

void Checker::checkWindows(const std::vector<const ast::Window *> &Windows,
                           const std::vector<ast::SMRange> &Ranges, llvm::StringRef What,
                           ast::SMRange Whole) {
  std::vector<size_t> Order;
  for (size_t I = 0; I < Windows.size(); ++I) {
    const ast::Window &W = *Windows[I];
    if (W.From && W.Until && *W.Until <= *W.From) {
      Diags.report(diag::WindowEndsBeforeStart, Ranges[I], What.str(), W.From->str());
      return;
    }
    Order.push_back(I);
  }
  if (Windows.size() < 2)
    return;
  auto FromKey = [&](size_t I) { return Windows[I]->From ? Windows[I]->From->dayNumber() : INT32_MIN; };
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) { return FromKey(A) < FromKey(B); });
  for (size_t K = 1; K < Order.size(); ++K) {
    const ast::Window &Prev = *Windows[Order[K - 1]], &Next = *Windows[Order[K]];
    int32_t PrevEnd = Prev.Until ? Prev.Until->dayNumber() : INT32_MAX;
    int32_t NextStart = FromKey(Order[K]);
    if (PrevEnd > NextStart) {
      Diags.report(diag::WindowsOverlap, Ranges[Order[K]], What.str(), dateText(Next.From, false),
                   dateText(Prev.Until, true));
      Diags.note(Ranges[Order[K - 1]], "the overlapping value is here");
      return;
    }
    if (PrevEnd < NextStart) {
      Diags.report(diag::WindowsLeaveGap, Ranges[Order[K]], What.str(), Prev.Until->str(), Next.From->str());
      Diags.note(Ranges[Order[K - 1]], "the previous value ends here");
      Diags.note(Whole, "items dated in the gap would earn nothing; close it or state `0 points` for it");
      return;
    }
  }
}

bool Checker::checkPoints(const ast::Quantity &Q, llvm::StringRef What) {
  UnitId Unit = lookupUnit(Q.Unit);
  if (Unit.isNone())
    return false;
  if (S.PointUnit.isNone() || !S.conversion(Unit, S.PointUnit)) {
    Diags.report(diag::NotCountedInPoints, Q.Unit.Range, What.str(), Q.Unit.Text);
    return false;
  }
  if (Q.Amount <= Rational(0)) {
    Diags.report(diag::NotPositive, Q.Range, What.str(), Q.Amount.str() + " " + Q.Unit.Text);
    return false;
  }
  return true;
}

void Checker::checkPolicyLevel(CheckMode Mode) {
  const ast::File &Root = *S.Files.back();
  if (!S.Header && Mode == CheckMode::Policy) {
    llvm::StringRef Text = Diags.sourceMgr().getMemoryBuffer(Root.BufferId)->getBuffer();
    llvm::SMLoc Start = llvm::SMLoc::getFromPointer(Text.begin());
    Diags.report(diag::MissingPolicyHeader, {Start, Start});
  }
  if (S.Header) {
    lookupDesignation(S.Header->Designation, false);
    if (S.Header->Source)
      lookupSource(*S.Header->Source);
  }

  llvm::StringMap<ast::SMRange> RequirementNames, PrerequisiteNames;
  for (const ast::File *F : S.Files) {
    for (const ast::Requirement &R : F->Requirements) {
      auto [It, Fresh] = RequirementNames.try_emplace(R.RequirementName.Text, R.RequirementName.Range);
      if (!Fresh) {
        Diags.report(diag::DuplicateName, R.RequirementName.Range, "requirement", R.RequirementName.Text);
        Diags.note(It->second, "previously declared here");
        continue;
      }
      RequirementInfo Info{&R, {}};
      llvm::StringSet<> Seen;
      for (const ast::Name &C : R.Categories) {
        Info.Categories.push_back(lookupCategory(C));
        if (!Seen.insert(C.Text).second)
          Diags.report(diag::DuplicateName, C.Range, "category in requirement", C.Text);
      }
      checkPoints(R.Amount, "a requirement");
      S.Requirements.push_back(std::move(Info));
    }
  }
  for (const ast::File *F : S.Files) {
    for (const ast::Spill &Sp : F->Spills) {
      CategoryId From = lookupCategory(Sp.From), To = lookupCategory(Sp.To);
      if (From.isNone() || To.isNone())
        continue;
      if (From == To) {
        Diags.report(diag::SpillIntoItself, Sp.Range);
        continue;
      }
      unsigned Own = 0;
      for (const RequirementInfo &R : S.Requirements)
        Own += R.Categories.size() == 1 && R.Categories[0] == From;
      if (Own != 1) {
        Diags.report(diag::SpillWithoutOwnRequirement, Sp.From.Range, Sp.From.Text, Own);
        continue;
      }
      auto Earlier = std::find_if(S.Spills.begin(), S.Spills.end(),
                                  [&](const SpillInfo &O) { return O.From == From; });
      if (Earlier != S.Spills.end()) {
        Diags.report(diag::DuplicateName, Sp.From.Range, "spillover from", Sp.From.Text);
        Diags.note(Earlier->Decl->Range, "the excess already goes here; it cannot count twice");
        continue;
      }
      S.Spills.push_back({&Sp, From, To});
    }
    for (const ast::Prerequisite &P : F->Prerequisites) {
      auto [It, Fresh] = PrerequisiteNames.try_emplace(P.PrerequisiteName.Text, P.PrerequisiteName.Range);
      if (!Fresh) {
        Diags.report(diag::DuplicateName, P.PrerequisiteName.Range, "prerequisite", P.PrerequisiteName.Text);
        Diags.note(It->second, "previously declared here");
        continue;
      }
      InPrerequisite = true;
      checkCondition(*P.Test, Context{});
      InPrerequisite = false;
      S.Prerequisites.push_back(&P);
    }
    for (const ast::EveryItem &E : F->Root.Conditions)
      S.PolicyConditions.push_back(&E);
  }
}

namespace {
struct GroupFrame {
  std::vector<const ast::Expr *> Filters;
  std::vector<std::pair<const ast::Condition *, const ast::EveryItem *>> Conditions;
  CapId Cap;
};
} // namespace

void Checker::checkRules() {
  // Rules and groups share one namespace: either can name a cap.
  llvm::StringMap<ast::SMRange> RuleNames;
  llvm::StringMap<ast::SMRange> &GroupNames = RuleNames;
  std::vector<const ast::Group *> CapGroups; // parallel to caps created for groups

  std::function<void(const ast::Rule &, const GroupFrame &)> CheckRule =
      [&](const ast::Rule &R, const GroupFrame &Frame) {
    auto [It, Fresh] = RuleNames.try_emplace(R.RuleName.Text, R.RuleName.Range);
    if (!Fresh) {
      Diags.report(diag::DuplicateName, R.RuleName.Range, "rule", R.RuleName.Text);
      Diags.note(It->second, "previously declared here");
      return;
    }
    RuleInfo Info;
    Info.Decl = &R;
    Info.Kind = lookupKind(R.Kind);
    if (Info.Kind.isNone())
      return;
    Context C{Info.Kind};
    bool Ok = true;
    unsigned ErrorsBefore = Diags.errorCount();
    for (const ast::Expr *F : Frame.Filters)
      checkCondition(*F, C);
    for (auto &[Cond, Every] : Frame.Conditions)
      checkCondition(*Cond->Test, C);
    if (Diags.errorCount() != ErrorsBefore)
      Diags.note(R.RuleName.Range, fmt::format("while applying the enclosing conditions to rule `{}`",
                                               R.RuleName.Text));
    if (R.Filter)
      checkCondition(*R.Filter, C);
    for (const ast::Condition &Cond : R.Conditions)
      checkCondition(*Cond.Test, C);
    Info.Filters = Frame.Filters;
    if (R.Filter)
      Info.Filters.push_back(R.Filter.get());
    Info.Conditions = Frame.Conditions;
    for (const ast::Condition &Cond : R.Conditions)
      Info.Conditions.push_back({&Cond, nullptr});

    // Earnings.
    const KindInfo &Kind = S.Kinds[Info.Kind.Index];
    if (R.Earnings.empty()) {
      Diags.report(diag::RuleEarnsNothing, R.RuleName.Range, R.RuleName.Text);
      Ok = false;
    }
    std::vector<const ast::Window *> Windows;
    std::vector<ast::SMRange> WindowRanges;
    for (const ast::Earning &E : R.Earnings) {
      Windows.push_back(&E.When);
      WindowRanges.push_back(E.Range);
      EarningInfo Earning;
      if (E.K == ast::Earning::Kind::Awarded) {
        auto F = Kind.FieldIndex.find(E.AwardedField.Text);
        if (F == Kind.FieldIndex.end()) {
          std::vector<llvm::StringRef> Names;
          for (const FieldInfo &FI : Kind.Fields)
            Names.push_back(FI.Name);
          reportUnknown(fmt::format("field of `{}`", Kind.Decl->Kind.Text), E.AwardedField, Names);
          Ok = false;
        } else {
          const Type &T = Kind.Fields[F->second.Index].Ty;
          if (T.K != Type::Kind::Number || (!T.Unit.isNone() && T.Unit != S.PointUnit)) {
            Diags.report(diag::AwardedFromNonPointsField, E.AwardedField.Range, E.AwardedField.Text,
                         S.typeName(T));
            Ok = false;
          }
          Earning.Field = F->second;
        }
      } else {
        Ok &= checkPoints(E.Points, "an earning");
      }
      if (E.K == ast::Earning::Kind::Rate) {
        if (E.PerAmount <= Rational(0)) {
          Diags.report(diag::NotPositive, E.Range, "a rate's quantity", E.PerAmount.str());
          Ok = false;
        }
        UnitId PerUnit = lookupUnit(E.PerUnit);
        if (PerUnit.isNone()) {
          Ok = false;
        } else if (Kind.Decl->IsPeriod && !E.OfField && S.conversion(PerUnit, S.YearUnit)) {
          Earning.PeriodYears = true;
          Earning.Factor = *S.conversion(S.YearUnit, PerUnit);
        } else {
          std::vector<uint32_t> Candidates;
          for (uint32_t I = 0; I < Kind.Fields.size(); ++I) {
            const FieldInfo &FI = Kind.Fields[I];
            if (E.OfField ? FI.Name == E.OfField->Text
                          : (FI.Ty.K == Type::Kind::Number && !FI.Ty.Unit.isNone() &&
                             S.conversion(FI.Ty.Unit, PerUnit)))
              Candidates.push_back(I);
          }
          if (Candidates.size() != 1) {
            if (E.OfField && Candidates.empty()) {
              std::vector<llvm::StringRef> Names;
              for (const FieldInfo &FI : Kind.Fields)
                Names.push_back(FI.Name);
              reportUnknown(fmt::format("field of `{}`", Kind.Decl->Kind.Text), *E.OfField, Names);
            } else if (Candidates.empty()) {
              Diags.report(diag::NoFieldInRateUnit, E.PerUnit.Range, Kind.Decl->Kind.Text, E.PerUnit.Text);
            } else {
              Diags.report(diag::AmbiguousRateField, E.PerUnit.Range, Kind.Decl->Kind.Text, E.PerUnit.Text);
            }
            Ok = false;
          } else {
            Earning.Field = FieldId(Candidates[0]);
            const Type &T = Kind.Fields[Candidates[0]].Ty;
            auto Conv = T.K == Type::Kind::Number ? S.conversion(T.Unit, PerUnit) : std::nullopt;
            if (!Conv) {
              Diags.report(diag::RateFieldNotQuantity, E.OfField ? E.OfField->Range : E.PerUnit.Range,
                           Kind.Fields[Candidates[0]].Name, S.typeName(T), E.PerUnit.Text);
              Ok = false;
            } else {
              Earning.Factor = *Conv;
            }
          }
        }
      }
      Info.Earnings.push_back(Earning);
    }
    checkWindows(Windows, WindowRanges, "earning", R.Range);

    if (R.Round)
      Ok &= checkPoints(R.Round->Step, "a rounding step");

    // Targets.
    if (R.Targets.empty()) {
      Diags.report(diag::RuleCreditsNoCategory, R.RuleName.Range, R.RuleName.Text);
      Ok = false;
    }
    llvm::StringSet<> SeenTargets;
    for (const ast::Name &T : R.Targets) {
      CategoryId Cat = lookupCategory(T);
      if (Cat.isNone()) {
        Ok = false;
        continue;
      }
      if (!SeenTargets.insert(T.Text).second) {
        Diags.report(diag::DuplicateName, T.Range, "target category", T.Text);
        Ok = false;
        continue;
      }
      Info.Targets.push_back(Cat);
    }

    // Limits: per-item maxima (dated) and at most one rule cap.
    std::vector<const ast::Window *> MaxWindows;
    std::vector<ast::SMRange> MaxRanges;
    const ast::Limit *RuleCap = nullptr;
    for (const ast::Limit &L : R.Limits) {
      Ok &= checkPoints(L.Max, L.Each ? "a per-item maximum" : "a cap");
      if (L.Each) {
        MaxWindows.push_back(&L.When);
        MaxRanges.push_back(L.Range);
        continue;
      }
      if (L.When.From || L.When.Until) {
        Diags.report(diag::DatedRuleCap, L.When.Range);
        Ok = false;
      }
      if (RuleCap) {
        Diags.report(diag::DuplicateName, L.Range, "cap of rule", R.RuleName.Text);
        Diags.note(RuleCap->Range, "previously stated here");
        Ok = false;
        continue;
      }
      RuleCap = &L;
    }
    checkWindows(MaxWindows, MaxRanges, "per-item maximum", R.Range);

    Info.Cap = Frame.Cap;
    if (RuleCap) {
      Info.Cap = CapId(static_cast<uint32_t>(S.Caps.size()));
      S.Caps.push_back({R.RuleName.Text, RuleCap->Max.Amount, Frame.Cap,
                        Info.Targets.empty() ? CategoryId::none() : Info.Targets[0], &R.Cites, RuleCap->Range});
    }
    if (!Info.Cap.isNone() && Info.Targets.size() > 1) {
      Diags.report(diag::CapOfManyCategories, R.Targets[1].Range, R.RuleName.Text);
      Ok = false;
    }
    if (Ok)
      S.Rules.push_back(std::move(Info));
  };

  std::function<void(const ast::Group &, const GroupFrame &, bool)> Walk =
      [&](const ast::Group &G, const GroupFrame &Outer, bool IsRoot) {
    GroupFrame Frame = Outer;
    if (!IsRoot) {
      auto [It, Fresh] = GroupNames.try_emplace(G.GroupName.Text, G.GroupName.Range);
      if (!Fresh) {
        Diags.report(diag::DuplicateName, G.GroupName.Range, "group", G.GroupName.Text);
        Diags.note(It->second, "previously declared here");
        return;
      }
      if (G.Where)
        Frame.Filters.push_back(G.Where.get());
      for (const ast::EveryItem &E : G.Conditions)
        for (const ast::Condition &C : E.Conditions)
          Frame.Conditions.push_back({&C, &E});
      if (G.Cap && checkPoints(*G.Cap, "a cap")) {
        Frame.Cap = CapId(static_cast<uint32_t>(S.Caps.size()));
        S.Caps.push_back({G.GroupName.Text, G.Cap->Amount, Outer.Cap, CategoryId::none(), &G.Cites, G.Cap->Range});
        CapGroups.resize(S.Caps.size(), nullptr);
        CapGroups[Frame.Cap.Index] = &G;
      }
    }
    for (const ast::Rule &R : G.Rules)
      CheckRule(R, Frame);
    for (const ast::Group &Sub : G.Groups)
      Walk(Sub, Frame, false);
  };

  GroupFrame Top;
  for (const ast::EveryItem *E : S.PolicyConditions)
    for (const ast::Condition &C : E->Conditions)
      Top.Conditions.push_back({&C, E});
  for (const ast::File *F : S.Files)
    Walk(F->Root, Top, true);

  // A group cap limits one category: the one every rule under it credits.
  CapGroups.resize(S.Caps.size(), nullptr);
  for (uint32_t Cap = 0; Cap < S.Caps.size(); ++Cap) {
    const ast::Group *G = CapGroups[Cap];
    if (!G)
      continue;
    CategoryId Category;
    for (const RuleInfo &R : S.Rules) {
      bool Under = false;
      for (CapId C = R.Cap; !C.isNone() && !Under; C = S.Caps[C.Index].Parent)
        Under = C.Index == Cap;
      if (!Under)
        continue;
      for (CategoryId T : R.Targets) {
        if (Category.isNone())
          Category = T;
        else if (Category != T) {
          Diags.report(diag::CapOfManyCategories, G->GroupName.Range, G->GroupName.Text);
          Diags.note(R.Decl->RuleName.Range,
                     fmt::format("rule `{}` credits `{}`", R.Decl->RuleName.Text, S.Categories[T.Index]->Text));
        }
      }
    }
    if (Category.isNone() && G->Rules.empty() && G->Groups.empty()) {
      Diags.report(diag::GroupCapWithoutRules, G->GroupName.Range, G->GroupName.Text);
      continue;
    }
    S.Caps[Cap].Category = Category;
  }
}

} // namespace certc
