// Category structure and limits: aggregates (`category Bias = A + B`) resolved
// to the categories they sum, category caps (`category X at most 25 points`),
// which become the outermost cap of their category, and `limit` declarations,
// whose `where` is read in the kind of every rule crediting their categories.
#include "check/Checker.h"

#include "llvm/ADT/DenseSet.h"

#include <algorithm>

namespace certc {

using namespace sema;

void Checker::resolveAggregates() {
  S.CategoryCaps.assign(S.Categories.size(), CapId::none());
  for (uint32_t A = 0; A < S.Aggregates.size(); ++A) {
    std::vector<uint32_t> Path;
    resolveAggregate(A, Path);
  }
}

// Depth first through nested aggregates; Path holds the aggregates being
// expanded, so meeting one of them again is a cycle.
void Checker::resolveAggregate(uint32_t A, std::vector<uint32_t> &Path) {
  AggregateInfo &Info = S.Aggregates[A];
  if (Info.Resolved)
    return;
  if (std::find(Path.begin(), Path.end(), A) != Path.end()) {
    std::string Through;
    auto From = std::find(Path.begin(), Path.end(), A);
    for (auto It = From + 1; It != Path.end(); ++It)
      Through += (Through.empty() ? " through `" : "`, `") + S.Aggregates[*It].Decl->CategoryName.Text;
    Diags.report(diag::AggregateContainsItself, Info.Decl->CategoryName.Range, Info.Decl->CategoryName.Text,
                 Through.empty() ? "" : Through + "`");
    Info.Resolved = true; // reported once; its leaves stay empty
    return;
  }
  Path.push_back(A);
  std::vector<CategoryId> Leaves;
  llvm::DenseSet<uint32_t> Seen;
  for (const ast::Name &M : Info.Decl->Members) {
    std::vector<CategoryId> Named;
    if (auto It = S.CategoryByName.find(M.Text); It != S.CategoryByName.end()) {
      S.CategoryOf[&M] = It->second;
      Named.push_back(It->second);
    } else if (auto Agg = S.AggregateByName.find(M.Text); Agg != S.AggregateByName.end()) {
      resolveAggregate(Agg->second, Path);
      Named = S.Aggregates[Agg->second].Leaves;
    } else {
      lookupCategoryOrAggregate(M); // reports it unknown
    }
    for (CategoryId C : Named) {
      if (!Seen.insert(C.Index).second) {
        Diags.report(diag::DuplicateName, M.Range, fmt::format("category in aggregate `{}`", Info.Decl->CategoryName.Text),
                     S.Categories[C.Index]->Text);
        continue;
      }
      Leaves.push_back(C);
    }
  }
  Path.pop_back();
  if (!Info.Resolved) {
    Info.Leaves = std::move(Leaves);
    Info.Resolved = true;
  }
}

std::vector<CategoryId> Checker::lookupCategoryOrAggregate(const ast::Name &N) {
  if (auto It = S.CategoryByName.find(N.Text); It != S.CategoryByName.end())
    return {S.CategoryOf[&N] = It->second};
  if (auto Agg = S.AggregateByName.find(N.Text); Agg != S.AggregateByName.end())
    return S.Aggregates[Agg->second].Leaves;
  std::vector<llvm::StringRef> Names;
  for (const auto &E : S.CategoryByName)
    Names.push_back(E.getKey());
  for (const auto &E : S.AggregateByName)
    Names.push_back(E.getKey());
  std::sort(Names.begin(), Names.end());
  reportUnknown("category", N, Names);
  return {};
}

void Checker::checkCategoryCapsAndLimits() {
  DeclaredNames LimitNames(Diags, "limit");
  for (const ast::File *F : S.Files)
    for (const ast::CategoryDecl &D : F->CategoryDecls)
      if (D.Cap)
        handleCategoryCap(D);
  for (const ast::File *F : S.Files)
    for (const ast::LimitDecl &D : F->Limits)
      handleLimit(D, LimitNames);
}

void Checker::handleCategoryCap(const ast::CategoryDecl &D) {
  if (!checkPoints(*D.Cap, "a cap"))
    return;
  if (!D.Members.empty()) {
    // A cap across the aggregate's categories is a limit without `where`.
    auto It = S.AggregateByName.find(D.CategoryName.Text);
    if (It == S.AggregateByName.end() || S.Aggregates[It->second].Decl != &D)
      return; // a duplicate name, already reported
    addLimit({D.CategoryName.Text, nullptr, &D, S.Aggregates[It->second].Leaves, nullptr, {}});
    return;
  }
  auto It = S.CategoryByName.find(D.CategoryName.Text);
  if (It == S.CategoryByName.end() || S.Categories[It->second.Index]->Range.Start != D.CategoryName.Range.Start)
    return; // a duplicate name, already reported
  CategoryId Category = It->second;
  // Reports name a cap by its name: the category's must not be a rule's or a group's.
  for (const CapInfo &Other : S.Caps)
    if (Other.Name == D.CategoryName.Text) {
      Diags.report(diag::DuplicateName, D.CategoryName.Range, "cap", D.CategoryName.Text);
      Diags.note(Other.Range, "a rule or group of this name has a cap");
      return;
    }
  // The category's cap is the outermost of its caps: every cap that limited
  // the category alone now nests in it, and options without a cap go through it.
  CapId Cap(static_cast<uint32_t>(S.Caps.size()));
  for (CapInfo &Other : S.Caps)
    if (Other.Category == Category && Other.Parent.isNone())
      Other.Parent = Cap;
  S.Caps.push_back({D.CategoryName.Text, D.Cap->Amount, CapId::none(), Category, &D.Cites, D.Cap->Range});
  S.CategoryCaps[Category.Index] = Cap;
}

void Checker::handleLimit(const ast::LimitDecl &D, DeclaredNames &Names) {
  if (!Names.add(D.LimitName))
    return;
  handleTitle(D.Title, "limit", D.LimitName);
  std::vector<CategoryId> Categories = lookupCategoryOrAggregate(D.Of);
  bool Ok = !Categories.empty();
  if (D.Absolute) {
    Ok &= checkPoints(*D.Absolute, "a limit");
  } else if (D.Share <= Rational(0) || D.Share >= Rational(1)) {
    std::string Percent = D.Share.mul(Rational(100)).value_or(Rational(0)).str() + "%";
    Diags.report(diag::ShareOutOfRange, D.AmountRange, Percent);
    Ok = false;
  } else if (!D.Where) {
    Diags.report(diag::ShareWithoutWhere, D.AmountRange, D.LimitName.Text);
    Ok = false;
  }
  if (!Ok)
    return;
  addLimit({D.LimitName.Text, &D, nullptr, std::move(Categories), D.Where.get(), {}});
}

// Records the rules a limit covers; its condition is checked in each of their kinds.
void Checker::addLimit(LimitInfo L) {
  for (uint32_t R = 0; R < S.Rules.size(); ++R) {
    const RuleInfo &Rule = S.Rules[R];
    bool Credits = std::any_of(Rule.Targets.begin(), Rule.Targets.end(), [&](CategoryId T) {
      return std::find(L.Categories.begin(), L.Categories.end(), T) != L.Categories.end();
    });
    if (!Credits)
      continue;
    if (L.Where && !checkCondition(*L.Where, Context{Rule.Kind}))
      return;
    L.Rules.push_back(R);
  }
  S.Limits.push_back(std::move(L));
}

} // namespace certc
