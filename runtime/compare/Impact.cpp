// Pairs two editions' outcomes member by member and counts what changes.
#include "compare/Impact.h"

#include "llvm/ADT/STLExtras.h"

namespace certc::compare {

EditionShape shapeOf(const eval::Audit &A) {
  EditionShape S;
  for (const eval::CategoryResult &C : A.Categories)
    S.Categories.push_back(C.Name.str());
  for (const eval::RequirementResult &R : A.Requirements)
    S.Requirements.push_back(R.Name.str());
  return S;
}

MemberOutcome outcomeOf(const eval::Audit &A) {
  MemberOutcome O;
  O.Member = A.Member;
  O.Eligible = A.Eligible;
  for (const eval::CategoryResult &C : A.Categories)
    O.Points.push_back(C.Points);
  for (const eval::RequirementResult &R : A.Requirements)
    O.Met.push_back(R.Met);
  return O;
}

namespace {
/// Index of Name in Names, or -1.
int find(const std::vector<std::string> &Names, llvm::StringRef Name) {
  auto It = llvm::find(Names, Name);
  return It == Names.end() ? -1 : int(It - Names.begin());
}

class ImpactCounter {
public:
  ImpactCounter(const EditionShape &OldShape, const EditionShape &NewShape) : OldShape(OldShape), NewShape(NewShape) {
    for (const std::string &C : OldShape.Categories)
      Categories.push_back(C);
    for (const std::string &C : NewShape.Categories)
      if (!llvm::is_contained(Categories, C))
        Categories.push_back(C);
    for (const std::string &C : Categories)
      Report.Categories.push_back({C, 0, 0, Rational(0), Rational(0)});
    Gained.assign(Categories.size(), Rational(0));
    Lost.assign(Categories.size(), Rational(0));
  }

  llvm::Error add(const MemberOutcome &Old, const MemberOutcome &New) {
    ++Report.Members;
    std::vector<CategoryChange> Points;
    for (size_t I = 0; I < Categories.size(); ++I) {
      Rational Before = pointsIn(OldShape, Old, Categories[I]), After = pointsIn(NewShape, New, Categories[I]);
      if (Before == After)
        continue;
      Points.push_back({Categories[I], Before, After});
      CategoryTotals &T = Report.Categories[I];
      std::optional<Rational> Delta = After > Before ? After.sub(Before) : Before.sub(After);
      std::optional<Rational> &Sum = After > Before ? Gained[I] : Lost[I];
      Sum = Delta && Sum ? Sum->add(*Delta) : std::nullopt;
      if (!Sum)
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "the points changed in `" + Categories[I] + "` overflow exact arithmetic");
      ++(After > Before ? T.Gaining : T.Losing);
    }
    if (Old.Eligible == New.Eligible)
      return llvm::Error::success();
    Flip F{Old.Member, New.Eligible, deciding(Old, New), std::move(Points)};
    ++(F.BecomesEligible ? Report.BecomeEligible : Report.NoLongerEligible);
    Report.Flips.push_back(std::move(F));
    return llvm::Error::success();
  }

  ImpactReport finish() {
    for (size_t I = 0; I < Categories.size(); ++I) {
      Report.Categories[I].Gained = *Gained[I];
      Report.Categories[I].Lost = *Lost[I];
    }
    return std::move(Report);
  }

  ImpactReport Report;

private:
  static Rational pointsIn(const EditionShape &Shape, const MemberOutcome &O, llvm::StringRef Category) {
    int I = find(Shape.Categories, Category);
    return I < 0 || size_t(I) >= O.Points.size() ? Rational(0) : O.Points[I];
  }

  /// Whether the edition has the requirement (a name it does not have is
  /// neither met nor unmet there).
  static std::optional<bool> metIn(const EditionShape &Shape, const MemberOutcome &O, llvm::StringRef Name) {
    int I = find(Shape.Requirements, Name);
    if (I < 0 || size_t(I) >= O.Met.size())
      return std::nullopt;
    return bool(O.Met[I]);
  }

  std::vector<std::string> deciding(const MemberOutcome &Old, const MemberOutcome &New) const {
    std::vector<std::string> Names = OldShape.Requirements;
    for (const std::string &R : NewShape.Requirements)
      if (!llvm::is_contained(Names, R))
        Names.push_back(R);
    std::vector<std::string> Deciding;
    for (const std::string &Name : Names) {
      std::optional<bool> Before = metIn(OldShape, Old, Name), After = metIn(NewShape, New, Name);
      // Becoming eligible: what held the member back is met, or gone.
      // No longer eligible: what now holds them back was met, or is new.
      bool Decides = New.Eligible ? Before == false && After != false : After == false && Before != false;
      if (Decides)
        Deciding.push_back(Name);
    }
    return Deciding;
  }

  const EditionShape &OldShape, &NewShape;
  std::vector<std::string> Categories;
  std::vector<std::optional<Rational>> Gained, Lost; ///< per category; empty after an overflow
};
} // namespace

llvm::Expected<ImpactReport> measureImpact(const EditionShape &OldShape, const std::vector<MemberOutcome> &Old,
                                           const EditionShape &NewShape, const std::vector<MemberOutcome> &New) {
  ImpactCounter Counter(OldShape, NewShape);
  llvm::StringMap<size_t> NewById;
  for (size_t I = 0; I < New.size(); ++I)
    NewById.try_emplace(New[I].Member, I);
  size_t Paired = 0;
  for (const MemberOutcome &O : Old) {
    auto It = NewById.find(O.Member);
    if (It == NewById.end()) {
      ++Counter.Report.OnlyOld;
      continue;
    }
    ++Paired;
    if (llvm::Error E = Counter.add(O, New[It->second]))
      return E;
  }
  Counter.Report.OnlyNew = New.size() - Paired;
  return Counter.finish();
}

} // namespace certc::compare
