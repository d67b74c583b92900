// Builds PolicyIndex's tables.
#include "eval/PolicyIndex.h"

#include <algorithm>

namespace certc::eval {

namespace {
bool sameValue(const ir::Value &A, const ir::Value &B) {
  auto SameAward = [](const ir::Award &X, const ir::Award &Y) {
    return X.Designation == Y.Designation && X.Awarded == Y.Awarded;
  };
  return A.K == B.K && A.Bool == B.Bool && A.Number == B.Number && A.DateValue == B.DateValue &&
         A.Symbol == B.Symbol && A.Set == B.Set && A.Text == B.Text &&
         std::equal(A.Awards.begin(), A.Awards.end(), B.Awards.begin(), B.Awards.end(), SameAward);
}

/// Whether two expressions are written alike, and so have the same value for
/// every member, activity and audit date. The lowering gives each rule its own
/// copy of a shared condition, so the ids differ.
bool sameExpr(const ir::Policy &P, ir::ExprId A, ir::ExprId B) {
  if (A == B)
    return true;
  const ir::Expr &X = P.Exprs[A], &Y = P.Exprs[B];
  if (X.O != Y.O || X.C != Y.C || X.Mask != Y.Mask || X.Pairs != Y.Pairs || X.Args.size() != Y.Args.size())
    return false;
  if (X.O == ir::Op::Const ? !sameValue(P.Consts[X.A], P.Consts[Y.A]) : X.A != Y.A)
    return false;
  for (size_t I = 0; I < X.Args.size(); ++I)
    if (!sameExpr(P, X.Args[I], Y.Args[I]))
      return false;
  return true;
}

/// How many leading conditions the rules share (all of them for a single rule).
uint32_t sharedConditions(const ir::Policy &P, const std::vector<uint32_t> &Rules) {
  if (Rules.empty())
    return 0;
  const std::vector<ir::ItemCondition> &First = P.Rules[Rules[0]].Conditions;
  size_t Shared = First.size();
  for (uint32_t R : Rules) {
    const std::vector<ir::ItemCondition> &Other = P.Rules[R].Conditions;
    size_t I = 0;
    while (I < std::min(Shared, Other.size()) && sameExpr(P, First[I].Test, Other[I].Test))
      ++I;
    Shared = I;
  }
  return static_cast<uint32_t>(Shared);
}
} // namespace

PolicyIndex::PolicyIndex(const ir::Policy &P) : P(P) {
  KindOfSymbol.assign(P.Symbols.size(), ir::None);
  for (uint32_t K = 0; K < P.Kinds.size(); ++K)
    KindOfSymbol[P.Kinds[K].Name] = K;
  RulesOfKind.resize(P.Kinds.size());
  for (uint32_t R = 0; R < P.Rules.size(); ++R)
    RulesOfKind[KindOfSymbol[P.Rules[R].Kind]].push_back(R);
  for (const std::vector<uint32_t> &Rules : RulesOfKind)
    SharedConditions.push_back(sharedConditions(P, Rules));
  for (const ir::ActivityKind &K : P.Kinds) {
    uint32_t Date = ir::None, Start = ir::None;
    for (uint32_t F = 0; F < K.Fields.size(); ++F) {
      if (K.Fields[F].Name == "date" && K.Fields[F].Type == ir::ValueType::Date)
        Date = F;
      if (K.Fields[F].Name == "start" && K.Fields[F].Type == ir::ValueType::Date)
        Start = F;
    }
    DateField.push_back(Date != ir::None ? Date : Start);
  }
  for (const ir::EnumType &E : P.Enums) {
    std::vector<uint32_t> Positions(P.Symbols.size(), ir::None);
    for (uint32_t I = 0; I < E.Values.size(); ++I)
      Positions[E.Values[I]] = I;
    EnumPosition.push_back(std::move(Positions));
  }
  for (uint32_t F = 0; F < P.MemberFields.size(); ++F)
    if (P.MemberFields[F].Type == ir::ValueType::Awards && AwardsField == ir::None)
      AwardsField = F;
  std::vector<bool> Listed(P.Categories.size(), false);
  for (const ir::Requirement &R : P.Requirements)
    for (uint32_t C : R.Categories)
      if (!Listed[C])
        Listed[C] = true, CategoryOrder.push_back(C);
  for (uint32_t C = 0; C < P.Categories.size(); ++C)
    if (!Listed[C])
      CategoryOrder.push_back(C);
  Shape.NumCategories = static_cast<unsigned>(P.Categories.size());
  for (const ir::Cap &C : P.Caps)
    Shape.Caps.push_back({C.Limit, C.Category, C.Parent});
  for (const ir::Limit &L : P.Limits)
    Shape.Limits.push_back({L.Absolute, L.IsShare, L.Share, L.Categories});
  for (const ir::Requirement &R : P.Requirements)
    Shape.Requirements.push_back({R.Categories, R.Amounts.front().Amount}); // the member's, at audit
  for (const ir::Spillover &S : P.Spillovers)
    Shape.Spills.push_back({S.From, S.To, S.Above});
  Tests = CompiledTests(P, KindOfSymbol, EnumPosition);
}

} // namespace certc::eval
