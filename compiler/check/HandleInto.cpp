// The `into` clause of a rule: the categories it credits, each once (also the
// categories of a split's parts, HandleSplit.cpp).
#include "check/Checker.h"

#include "llvm/ADT/StringSet.h"

namespace certc {

using namespace sema;

bool Checker::handleTargets(const ast::Rule &R, RuleInfo &Info) {
  bool Ok = true;
  if (R.Targets.empty()) {
    Diags.report(diag::RuleCreditsNoCategory, R.RuleName.Range, R.RuleName.Text);
    Ok = false;
  }
  return resolveTargets(R.Targets, Info.Targets) && Ok;
}

bool Checker::resolveTargets(llvm::ArrayRef<ast::Name> Names, std::vector<CategoryId> &Out) {
  bool Ok = true;
  llvm::StringSet<> Seen;
  for (const ast::Name &T : Names) {
    CategoryId Category = lookupCategory(T);
    if (Category.isNone()) {
      Ok = false;
      continue;
    }
    if (!Seen.insert(T.Text).second) {
      Diags.report(diag::DuplicateName, T.Range, "target category", T.Text);
      Ok = false;
      continue;
    }
    Out.push_back(Category);
  }
  return Ok;
}

} // namespace certc
