// Groups: flattens them into rules. Each rule gets its groups' filters,
// conditions and innermost cap; a group cap then learns the one category the
// rules under it credit.
#include "check/Checker.h"

namespace certc {

using namespace sema;

void Checker::checkRules() {
  GroupFrame Top;
  for (const ast::EveryItem *E : S.PolicyConditions) {
    for (const ast::Condition &C : E->Conditions)
      Top.Conditions.push_back({&C, E});
    for (const ast::CountedPart &Part : E->Parts)
      Top.Parts.push_back(&Part);
  }
  for (const ast::File *F : S.Files)
    handleGroup(F->Root, Top, /*IsRoot=*/true);
  checkGroupCapCategories();
}

void Checker::handleGroup(const ast::Group &G, const GroupFrame &Outer, bool IsRoot) {
  GroupFrame Frame = Outer;
  if (!IsRoot) {
    if (!RuleAndGroupNames.add(G.GroupName, "group"))
      return;
    if (G.Where)
      Frame.Filters.push_back(G.Where.get());
    for (const ast::EveryItem &E : G.Conditions) {
      for (const ast::Condition &C : E.Conditions)
        Frame.Conditions.push_back({&C, &E});
      for (const ast::CountedPart &Part : E.Parts)
        Frame.Parts.push_back(&Part);
    }
    if (G.Cap && checkPoints(*G.Cap, "a cap")) {
      Frame.Cap = CapId(static_cast<uint32_t>(S.Caps.size()));
      S.Caps.push_back({G.GroupName.Text, G.Cap->Amount, Outer.Cap, CategoryId::none(), &G.Cites, G.Cap->Range});
      CapGroups.resize(S.Caps.size(), nullptr);
      CapGroups[Frame.Cap.Index] = &G;
    }
  }
  for (const ast::Rule &R : G.Rules)
    handleRule(R, Frame);
  for (const ast::Group &Sub : G.Groups)
    handleGroup(Sub, Frame, /*IsRoot=*/false);
}

void Checker::checkGroupCapCategories() {
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
