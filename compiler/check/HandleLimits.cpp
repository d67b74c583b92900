// The `at most` clauses of a rule: per-item maxima (`each at most`, which may
// be dated and must then tile time) and at most one cap on the rule's total,
// which nests in the enclosing group's cap and limits a single category.
#include "check/Checker.h"

namespace certc {

using namespace sema;

bool Checker::handleLimits(const ast::Rule &R, const GroupFrame &Frame, RuleInfo &Info) {
  bool Ok = true;
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
    Diags.report(diag::CapOfManyCategories, R.Targets.size() > 1 ? R.Targets[1].Range : R.RuleName.Range, R.RuleName.Text);
    Ok = false;
  }
  return Ok;
}

} // namespace certc
