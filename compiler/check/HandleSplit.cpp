// A rule that credits each item in parts (`earns ethics_hours into Ethics,
// the rest of hours into General`): each part a numeric field of the kind, all
// in one unit, each field in one part only, at most one rest, and none of the
// clauses that belong to a whole item (`into`, rounding).
#include "check/Checker.h"

#include "llvm/ADT/StringSet.h"

namespace certc {

using namespace sema;

bool Checker::handleSplit(const ast::Rule &R, RuleInfo &Info) {
  bool Ok = true;
  auto Forbid = [&](bool Present, ast::SMRange Range, const char *What) {
    if (!Present)
      return;
    Diags.report(diag::SplitWithOtherClause, Range, R.RuleName.Text, What);
    Ok = false;
  };
  Forbid(!R.Targets.empty(), R.Targets.empty() ? R.Range : R.Targets[0].Range, "name categories with `into`");
  Forbid(R.Round.has_value(), R.Round ? R.Round->Range : R.Range, "round its points");

  const KindInfo &Kind = S.Kinds[Info.Kind.Index];
  const ast::SplitPart *Rest = nullptr;
  llvm::StringSet<> Fields;
  for (const ast::SplitPart &Part : R.Split) {
    SplitPartInfo PartInfo;
    if (!handleSplitPart(Part, Kind, PartInfo)) {
      Ok = false;
      continue;
    }
    if (Part.Rest && Rest) {
      Diags.report(diag::SplitTwoRests, Part.Range, R.RuleName.Text);
      Diags.note(Rest->Range, "the first one is here");
      Ok = false;
    }
    if (Part.Rest)
      Rest = &Part;
    if (!Fields.insert(Part.Field.Text).second) {
      Diags.report(diag::SplitPartTwice, Part.Field.Range, R.RuleName.Text, Part.Field.Text);
      Ok = false;
    }
    const Type &T = Kind.Fields[PartInfo.Field.Index].Ty;
    const FieldInfo *First = Info.Split.empty() ? nullptr : &Kind.Fields[Info.Split.front().Field.Index];
    if (First && First->Ty.Unit != T.Unit) {
      Diags.report(diag::SplitPartsInTwoUnits, Part.Field.Range, Part.Field.Text, S.typeName(T), First->Name,
                   S.typeName(First->Ty));
      Ok = false;
    }
    Info.Split.push_back(std::move(PartInfo));
    for (CategoryId C : Info.Split.back().Targets)
      if (!llvm::is_contained(Info.Targets, C))
        Info.Targets.push_back(C);
  }
  return Ok;
}

bool Checker::handleSplitPart(const ast::SplitPart &Part, const KindInfo &Kind, SplitPartInfo &Out) {
  Out.Decl = &Part;
  bool Ok = resolveTargets(Part.Targets, Out.Targets);
  auto F = Kind.FieldIndex.find(Part.Field.Text);
  if (F == Kind.FieldIndex.end()) {
    reportUnknownField(Kind, Part.Field);
    return false;
  }
  Out.Field = F->second;
  const Type &T = Kind.Fields[F->second.Index].Ty;
  if (T.K != Type::Kind::Number) {
    Diags.report(diag::SplitPartNotQuantity, Part.Field.Range, Part.Field.Text, S.typeName(T));
    return false;
  }
  return Ok;
}

} // namespace certc
