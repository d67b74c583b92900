// Policy-level statements: the header, requirements, spillovers ("excess X
// counts toward Y"), prerequisites, compliance periods and carry-overs, each by
// its own handler, and the titles
// of requirements and prerequisites.
#include "check/Checker.h"

#include "llvm/ADT/DenseSet.h"

#include <algorithm>

namespace certc {

using namespace sema;

void Checker::checkPolicyLevel(CheckMode Mode) {
  handleHeader(Mode);
  HasPeriods = std::any_of(S.Files.begin(), S.Files.end(), [](const ast::File *F) { return !F->Periods.empty(); });
  // Spillovers read the requirements of every file, so those come first.
  DeclaredNames RequirementNames(Diags, "requirement"), PrerequisiteNames(Diags, "prerequisite");
  for (const ast::File *F : S.Files)
    for (const ast::Requirement &R : F->Requirements)
      handleRequirement(R, RequirementNames);
  for (const ast::File *F : S.Files) {
    for (const ast::Spill &Sp : F->Spills)
      handleSpill(Sp);
    for (const ast::Prerequisite &P : F->Prerequisites)
      handlePrerequisite(P, PrerequisiteNames);
    for (const ast::CompliancePeriod &P : F->Periods)
      handleCompliancePeriod(P);
    for (const ast::CarryOver &C : F->CarryOvers)
      handleCarryOver(C);
    for (const ast::EveryItem &E : F->Root.Conditions)
      S.PolicyConditions.push_back(&E);
  }
}

void Checker::handleHeader(CheckMode Mode) {
  const ast::File &Root = *S.Files.back();
  if (!S.Header && Mode == CheckMode::Policy) {
    llvm::StringRef Text = Diags.sourceMgr().getMemoryBuffer(Root.BufferId)->getBuffer();
    llvm::SMLoc Start = llvm::SMLoc::getFromPointer(Text.begin());
    Diags.report(diag::MissingPolicyHeader, {Start, Start});
  }
  if (S.Header) {
    if (S.Header->Designation)
      lookupDesignation(*S.Header->Designation, false);
    if (S.Header->Source)
      lookupSource(*S.Header->Source);
    if (const std::optional<ast::Name> &Field = S.Header->GoverningField) {
      Type T = fieldType(*Field, Context(), /*Member=*/true);
      if (!T.isError() && T.K != Type::Kind::Date)
        Diags.report(diag::GoverningFieldNotDate, Field->Range, Field->Text, S.typeName(T));
    }
  }
}

void Checker::handleRequirement(const ast::Requirement &R, DeclaredNames &Names) {
  if (!Names.add(R.RequirementName))
    return;
  handleTitle(R.Title, "requirement", R.RequirementName);
  RequirementInfo Info{&R, {}};
  // An aggregate stands for its categories (a combination minimum over them);
  // each category may count once.
  llvm::DenseSet<uint32_t> Seen;
  for (const ast::Name &C : R.Categories) {
    std::vector<CategoryId> Named = lookupCategoryOrAggregate(C);
    if (Named.empty())
      Info.Categories.push_back(CategoryId::none());
    for (CategoryId Leaf : Named) {
      if (!Seen.insert(Leaf.Index).second) {
        Diags.report(diag::DuplicateName, C.Range, "category in requirement", S.Categories[Leaf.Index]->Text);
        break;
      }
      Info.Categories.push_back(Leaf);
    }
  }
  handleRequirementScope(R);
  S.Requirements.push_back(std::move(Info));
}

void Checker::handleSpill(const ast::Spill &Sp) {
  CategoryId From = lookupCategory(Sp.From), To = lookupCategory(Sp.To);
  if (From.isNone() || To.isNone())
    return;
  if (From == To) {
    Diags.report(diag::SpillIntoItself, Sp.Range);
    return;
  }
  // What is excess is what exceeds the one requirement on From alone.
  unsigned Own = 0;
  for (const RequirementInfo &R : S.Requirements)
    Own += R.Categories.size() == 1 && R.Categories[0] == From;
  if (Own != 1) {
    Diags.report(diag::SpillWithoutOwnRequirement, Sp.From.Range, Sp.From.Text, Own);
    return;
  }
  auto Earlier = std::find_if(S.Spills.begin(), S.Spills.end(),
                              [&](const SpillInfo &O) { return O.From == From; });
  if (Earlier != S.Spills.end()) {
    Diags.report(diag::DuplicateName, Sp.From.Range, "spillover from", Sp.From.Text);
    Diags.note(Earlier->Decl->Range, "the excess already goes here; it cannot count twice");
    return;
  }
  S.Spills.push_back({&Sp, From, To});
}

void Checker::handlePrerequisite(const ast::Prerequisite &P, DeclaredNames &Names) {
  if (!Names.add(P.PrerequisiteName))
    return;
  handleTitle(P.Title, "prerequisite", P.PrerequisiteName);
  // An undeclared designation reads differently in a prerequisite (E0014).
  InPrerequisite = true;
  checkCondition(*P.Test, Context{});
  InPrerequisite = false;
  S.Prerequisites.push_back(&P);
}

// A title is what members read in place of the name; one of blanks would show
// them nothing, so it is more likely a slip than a choice.
void Checker::handleTitle(const std::optional<ast::Text> &Title, const char *What, const ast::Name &Of) {
  if (Title && llvm::StringRef(Title->Value).trim().empty())
    Diags.report(diag::EmptyTitle, Title->Range, What, Of.Text);
}

} // namespace certc
