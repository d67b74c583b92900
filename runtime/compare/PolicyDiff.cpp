// Matches declarations by name, compares them aspect by aspect, and reads a
// removed declaration and an added one with the same aspects as a rename.
#include "compare/PolicyDiff.h"
#include "compare/Facets.h"

#include "ir/Lookup.h"
#include "ir/Substance.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

namespace certc::compare {

namespace {
using namespace ir;

/// Adds the changes between two descriptions of one declaration.
void compareFacets(llvm::StringRef Subject, llvm::StringRef Name, const Facets &Old, const Facets &New,
                   std::vector<Change> &Changes) {
  for (size_t I = 0; I < Old.size() && I < New.size(); ++I) {
    const Facet &O = Old[I], &N = New[I];
    auto Add = [&](std::string Before, std::string After) {
      Changes.push_back({Change::Action::Changed, Subject.str(), Name.str(), "", O.Aspect, std::move(Before),
                         std::move(After)});
    };
    if (!O.IsList) {
      std::string Before = O.Items.empty() ? "" : O.Items[0], After = N.Items.empty() ? "" : N.Items[0];
      if (Before != After)
        Add(Before, After);
      continue;
    }
    // List items are compared as multisets: a reordering is no change.
    std::vector<std::string> Gone = O.Items, Came = N.Items;
    llvm::sort(Gone);
    llvm::sort(Came);
    std::vector<std::string> OnlyOld, OnlyNew;
    std::set_difference(Gone.begin(), Gone.end(), Came.begin(), Came.end(), std::back_inserter(OnlyOld));
    std::set_difference(Came.begin(), Came.end(), Gone.begin(), Gone.end(), std::back_inserter(OnlyNew));
    for (const std::string &Item : O.Items)
      if (llvm::is_contained(OnlyOld, Item))
        Add(Item, "");
    for (const std::string &Item : N.Items)
      if (llvm::is_contained(OnlyNew, Item))
        Add("", Item);
  }
}

bool sameFacets(const Facets &A, const Facets &B) {
  std::vector<Change> Changes;
  compareFacets("", "", A, B, Changes);
  return Changes.empty();
}

/// Matches OLD's and NEW's declarations of one kind by name.
void compareDeclarations(llvm::StringRef Subject, const std::vector<Described> &Old,
                         const std::vector<Described> &New, std::vector<Change> &Changes) {
  llvm::StringMap<size_t> NewByName, OldByName;
  for (size_t I = 0; I < New.size(); ++I)
    NewByName.try_emplace(New[I].Name, I);
  for (size_t I = 0; I < Old.size(); ++I)
    OldByName.try_emplace(Old[I].Name, I);
  std::vector<bool> NewUsed(New.size(), false);
  for (const Described &O : Old) {
    auto Same = NewByName.find(O.Name);
    if (Same != NewByName.end()) {
      NewUsed[Same->second] = true;
      compareFacets(Subject, O.Name, O.Aspects, New[Same->second].Aspects, Changes);
      continue;
    }
    // Renamed: a declaration of NEW that OLD does not have, with the same aspects.
    std::optional<size_t> Renamed;
    for (size_t I = 0; I < New.size() && !Renamed; ++I)
      if (!NewUsed[I] && !OldByName.count(New[I].Name) && sameFacets(O.Aspects, New[I].Aspects))
        Renamed = I;
    if (Renamed) {
      NewUsed[*Renamed] = true;
      Changes.push_back({Change::Action::Renamed, Subject.str(), New[*Renamed].Name, O.Name, "", "", ""});
    } else {
      Changes.push_back({Change::Action::Removed, Subject.str(), O.Name, "", "", "", ""});
    }
  }
  for (size_t I = 0; I < New.size(); ++I)
    if (!NewUsed[I])
      Changes.push_back({Change::Action::Added, Subject.str(), New[I].Name, "", "", "", ""});
}

template <typename T, typename DescribeFn, typename NameFn>
std::vector<Described> describeAll(const Policy &P, const std::vector<T> &Items, DescribeFn Describe, NameFn Name) {
  std::vector<Described> Out;
  for (const T &Item : Items)
    Out.push_back({Name(Item), Describe(P, Item)});
  return Out;
}

std::vector<Described> describeAllOf(const Policy &P, int Which) {
  auto ByName = [](const auto &Item) { return Item.Name; };
  auto NoAspects = [](const Policy &, const auto &) { return Facets(); };
  switch (Which) {
  case 0:
    return describeAll(P, P.Categories, NoAspects, ByName);
  case 1:
    return describeAll(P, P.Requirements, describeRequirement, ByName);
  case 2:
    return describeAll(P, P.Spillovers, describeSpillover, [&](const Spillover &S) {
      return categoryName(P, S.From) + " toward " + categoryName(P, S.To);
    });
  case 3:
    return describeAll(P, P.Prerequisites, describePrerequisite, ByName);
  case 4:
    return describeAll(P, P.Caps, describeCap, ByName);
  case 5: {
    // Periods have no names: a member's is the first that applies, so they
    // are matched by position.
    std::vector<Described> Out;
    for (size_t I = 0; I < P.Periods.size(); ++I)
      Out.push_back({"#" + std::to_string(I + 1), describePeriod(P, P.Periods[I])});
    return Out;
  }
  case 6:
    return describeAll(P, P.CarryOvers, describeCarryOver, [&](const CarryOver &C) {
      return "excess of " + P.Requirements[C.Requirement].Name;
    });
  case 7:
    return describeAll(P, P.Limits, describeLimit, ByName);
  default:
    return describeAll(P, P.Rules, describeRule, ByName);
  }
}
} // namespace

PolicyDiff diffPolicies(const Policy &Old, const Policy &New) {
  PolicyDiff Diff;
  Diff.SameSubstance = sameSubstance(Old, New);
  if (Diff.SameSubstance)
    return Diff;
  compareFacets("policy", "", describeHeading(Old), describeHeading(New), Diff.Changes);
  compareFacets("vocabulary", "", describeVocabulary(Old), describeVocabulary(New), Diff.Changes);
  const char *Subjects[] = {"category",          "requirement", "spillover", "prerequisite", "cap",
                            "compliance period", "carry-over",  "limit",     "rule"};
  for (int Which = 0; Which < int(std::size(Subjects)); ++Which)
    compareDeclarations(Subjects[Which], describeAllOf(Old, Which), describeAllOf(New, Which), Diff.Changes);
  // Rule order breaks ties between equally good allocations (docs/allocation.md).
  std::vector<std::string> OldOrder, NewOrder;
  for (const Rule &R : Old.Rules)
    if (llvm::any_of(New.Rules, [&](const Rule &N) { return N.Name == R.Name; }))
      OldOrder.push_back(R.Name);
  for (const Rule &R : New.Rules)
    if (llvm::is_contained(OldOrder, R.Name))
      NewOrder.push_back(R.Name);
  if (OldOrder != NewOrder)
    Diff.Changes.push_back({Change::Action::Changed, "policy", "", "", "order of rules", llvm::join(OldOrder, ", "),
                            llvm::join(NewOrder, ", ")});
  // Whatever the descriptions leave out (a declaration moved in the file, a
  // unit factor the texts round alike) still differs in substance: say so.
  if (Diff.Changes.empty())
    Diff.Changes.push_back({Change::Action::Changed, "policy", "", "", "compiled form",
                            "the compiled policies differ where this report does not look",
                            "compare `certc build --emit=ir` of both"});
  return Diff;
}

} // namespace certc::compare
