// Specialised progress evaluation for search states.
#include "alloc/StateEval.h"

#include "llvm/ADT/STLExtras.h"
#include <algorithm>

namespace certc::alloc {

StateEvaluator::StateEvaluator(const ScaledProblem &P, const Reduction &R, Outcome &Settled)
    : P(P), CoordNode(R.CoordNode) {
  const uint32_t NumCaps = static_cast<uint32_t>(P.Caps.size());
  evaluate(P, R.Base, Settled);

  // Caps on the path of a coordinate change with the state; others are constant.
  PolicyVector<bool> CapInvolved(NumCaps, false), CatInvolved(P.NumCategories, false);
  PolicyVector<uint32_t> CoordOfNode(NumCaps + P.NumCategories, NoCoord);
  for (uint32_t J = 0; J < CoordNode.size(); ++J) {
    uint32_t Node = CoordNode[J];
    CoordOfNode[Node] = J;
    if (Node >= NumCaps) {
      CatInvolved[Node - NumCaps] = true;
      continue;
    }
    CatInvolved[P.Caps[Node].Category] = true;
    for (uint32_t At = Node; At != NoCap; At = P.Caps[At].Parent)
      CapInvolved[At] = true;
  }
  for (uint32_t K : P.CapsChildrenFirst)
    if (CapInvolved[K])
      Steps.push_back({K, P.Caps[K].Limit, R.Base.Cap[K], CoordOfNode[K], P.Caps[K].Parent});
  for (uint32_t K = 0; K < NumCaps; ++K) {
    uint32_t Parent = P.Caps[K].Parent;
    if (CapInvolved[K] || Parent == NoCap || !CapInvolved[Parent])
      continue;
    for (CapStep &S : Steps)
      if (S.Cap == Parent)
        S.Constant += Settled.CapCredited[K];
  }

  CategoryConstant.assign(Settled.CategoryPoints.begin(), Settled.CategoryPoints.end());
  CategoryCoord.assign(P.NumCategories, NoCoord);
  for (unsigned C = 0; C < P.NumCategories; ++C) {
    if (!CatInvolved[C])
      continue;
    InvolvedCategories.push_back(C);
    CategoryCoord[C] = CoordOfNode[NumCaps + C];
    // Keep only the settled part: uncapped settled points and uninvolved top caps.
    CategoryConstant[C] = R.Base.Uncapped[C];
    for (uint32_t K = 0; K < NumCaps; ++K)
      if (P.Caps[K].Category == C && P.Caps[K].Parent == NoCap && !CapInvolved[K])
        CategoryConstant[C] += Settled.CapCredited[K];
  }

  // A requirement is affected when it names an involved category, or is a
  // single-category one fed by a spill out of an involved category.
  SpillsInto.resize(P.NumCategories);
  PolicyVector<bool> FedByInvolved(P.NumCategories, false);
  for (uint32_t S = 0; S < P.Spills.size(); ++S) {
    SpillsInto[P.Spills[S].To].push_back(S);
    if (CatInvolved[P.Spills[S].From])
      FedByInvolved[P.Spills[S].To] = true;
  }
  for (size_t I = 0; I < P.Requirements.size(); ++I) {
    const ScaledRequirement &Req = P.Requirements[I];
    bool Affected = std::any_of(Req.Categories.begin(), Req.Categories.end(),
                                [&](uint32_t C) { return CatInvolved[C]; }) ||
                    (Req.Categories.size() == 1 && FedByInvolved[Req.Categories[0]]);
    if (Affected)
      Terms.push_back({Req.Categories, Req.Amount});
    else
      ConstantProgress += std::min(Settled.RequirementPoints[I], Req.Amount);
  }
  CapValue.assign(NumCaps, 0);
  Points.assign(Settled.CategoryPoints.begin(), Settled.CategoryPoints.end());
  TermPoints.assign(Terms.size(), 0);
  RelaxedTermPoints.assign(Terms.size(), 0);

  Multiplicity.assign(Terms.size() * CoordNode.size(), 0);
  for (size_t T = 0; T < Terms.size(); ++T) {
    llvm::ArrayRef<uint32_t> Cats = Terms[T].Categories;
    for (size_t J = 0; J < CoordNode.size(); ++J) {
      uint32_t Node = CoordNode[J];
      uint32_t Cat = Node >= NumCaps ? Node - NumCaps : P.Caps[Node].Category;
      int32_t &M = Multiplicity[T * CoordNode.size() + J];
      M = std::count(Cats.begin(), Cats.end(), Cat) ? 1 : 0;
      if (Cats.size() == 1)
        for (uint32_t S : SpillsInto[Cats[0]])
          M += P.Spills[S].From == Cat ? 1 : 0;
    }
  }
  for (uint32_t Node : CoordNode)
    Rate.push_back(categoryRate(Node >= NumCaps ? Node - NumCaps : P.Caps[Node].Category));
}

int32_t StateEvaluator::categoryRate(uint32_t C) const {
  // With the category at P points, one more point raises every combination
  // naming C, every single-category term on C whose amount is above P (the
  // term is at most its amount, and C alone brings it to P), and every
  // single-category term fed by a spill out of C whose threshold is at most P.
  // The count falls at amounts and rises at thresholds, so its largest value
  // is at P = 0 or at a threshold.
  auto singleOn = [&](const RequirementTerm &T, uint32_t Cat) {
    return T.Categories.size() == 1 && T.Categories[0] == Cat;
  };
  int32_t Combinations = 0;
  for (const RequirementTerm &T : Terms)
    if (T.Categories.size() > 1 && llvm::is_contained(T.Categories, C))
      ++Combinations;
  auto countAt = [&](int64_t Level) {
    int32_t Count = 0;
    for (const RequirementTerm &T : Terms)
      if (singleOn(T, C) && T.Amount > Level)
        ++Count;
    for (const ScaledSpill &S : P.Spills)
      if (S.From == C && S.Above <= Level)
        for (const RequirementTerm &T : Terms)
          if (singleOn(T, S.To))
            ++Count;
    return Count;
  };
  int32_t Most = countAt(0);
  for (const ScaledSpill &S : P.Spills)
    if (S.From == C)
      Most = std::max(Most, countAt(S.Above));
  return Combinations + Most;
}

int64_t StateEvaluator::progress(const int32_t *State) { return evaluateTerms(State); }

int64_t StateEvaluator::progressBound(const int32_t *Base, const int32_t *Relaxed,
                                      const int64_t *Supply, int64_t Total) {
  evaluateTerms(Relaxed);
  RelaxedTermPoints.swap(TermPoints);
  int64_t Progress = evaluateTerms(Base);
  int64_t Gain = 0;
  for (size_t T = 0; T < Terms.size(); ++T) {
    int64_t Lacks = std::max<int64_t>(0, Terms[T].Amount - TermPoints[T]);
    Gain += std::min({Lacks, Supply[T], RelaxedTermPoints[T] - TermPoints[T]});
  }
  return Progress + std::min(Gain, Total);
}

int64_t StateEvaluator::evaluateTerms(const int32_t *State) {
  for (uint32_t C : InvolvedCategories)
    Points[C] = CategoryConstant[C] +
                (CategoryCoord[C] == NoCoord ? 0 : State[CategoryCoord[C]]);
  for (const CapStep &S : Steps)
    CapValue[S.Cap] = S.Constant + (S.Coord == NoCoord ? 0 : State[S.Coord]);
  // Children first: a cap is complete when reached, then clamped and passed up.
  for (const CapStep &S : Steps) {
    int64_t Credited = std::min(S.Limit, CapValue[S.Cap]);
    if (S.Parent == NoCap)
      Points[P.Caps[S.Cap].Category] += Credited;
    else
      CapValue[S.Parent] += Credited;
  }
  int64_t Progress = ConstantProgress;
  for (size_t I = 0; I < Terms.size(); ++I) {
    const RequirementTerm &T = Terms[I];
    int64_t Sum = 0;
    for (uint32_t C : T.Categories)
      Sum += Points[C];
    if (T.Categories.size() == 1)
      for (uint32_t S : SpillsInto[T.Categories[0]])
        Sum += std::max<int64_t>(0, Points[P.Spills[S].From] - P.Spills[S].Above);
    TermPoints[I] = Sum;
    Progress += std::min(Sum, T.Amount);
  }
  return Progress;
}

} // namespace certc::alloc
