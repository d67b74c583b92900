// A rule: its name, kind and conditions (its own and its groups'), then each
// clause by its handler: `earns` (HandleEarns.cpp, or HandleSplit.cpp for an
// item credited in parts), `rounded`, `into` (HandleInto.cpp), `at most` (HandleLimits.cpp) and `counts only from`
// (HandleCountedPart.cpp). A rule with a bad clause
// is reported and left out of Sema::Rules.
#include "check/Checker.h"

namespace certc {

using namespace sema;

void Checker::handleRule(const ast::Rule &R, const GroupFrame &Frame) {
  if (!RuleAndGroupNames.add(R.RuleName))
    return;
  RuleInfo Info;
  Info.Decl = &R;
  Info.Kind = lookupKind(R.Kind);
  if (Info.Kind.isNone())
    return;
  handleRuleConditions(R, Frame, Info);
  // Every clause is checked, so that one bad clause does not hide the next.
  bool Ok = true;
  if (R.Split.empty()) {
    Ok &= handleEarnings(R, Info);
    Ok &= handleTargets(R, Info);
  } else {
    Ok &= handleSplit(R, Info);
  }
  if (R.Round)
    Ok &= checkPoints(R.Round->Step, "a rounding step");
  Ok &= handleLimits(R, Frame, Info);
  Ok &= handleCountedParts(R, Frame, Info);
  if (Ok)
    S.Rules.push_back(std::move(Info));
}

void Checker::handleRuleConditions(const ast::Rule &R, const GroupFrame &Frame, RuleInfo &Info) {
  // The enclosing groups' conditions are checked once per rule, in the rule's
  // kind: the same filter may read different fields in different kinds.
  Context C{Info.Kind};
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
}

} // namespace certc
