// Reference evaluation of the allocation semantics on scaled integers.
#include "alloc/Evaluate.h"

#include <algorithm>

namespace certc::alloc {

void evaluate(const ScaledProblem &P, const RawSums &Raw, Outcome &Out) {
  Out.CapCredited.assign(Raw.Cap.begin(), Raw.Cap.end());
  // Children come first, so each cap has received all its children's credit
  // before it is clamped and passed on.
  for (uint32_t K : P.CapsChildrenFirst) {
    int64_t Credited = std::min(P.Caps[K].Limit, Out.CapCredited[K]);
    Out.CapCredited[K] = Credited;
    if (P.Caps[K].Parent != NoCap)
      Out.CapCredited[P.Caps[K].Parent] += Credited;
  }
  Out.CategoryPoints.assign(Raw.Uncapped.begin(), Raw.Uncapped.end());
  for (size_t K = 0; K < P.Caps.size(); ++K)
    if (P.Caps[K].Parent == NoCap)
      Out.CategoryPoints[P.Caps[K].Category] += Out.CapCredited[K];

  Out.SpilledIn.assign(P.NumCategories, 0);
  for (const ScaledSpill &S : P.Spills)
    Out.SpilledIn[S.To] += std::max<int64_t>(0, Out.CategoryPoints[S.From] - S.Above);

  Out.RequirementPoints.clear();
  Out.Progress = 0;
  Out.AllMet = true;
  for (const ScaledRequirement &R : P.Requirements) {
    int64_t Points = 0;
    for (uint32_t C : R.Categories)
      Points += Out.CategoryPoints[C];
    // Only single-category requirements see spillover.
    if (R.Categories.size() == 1)
      Points += Out.SpilledIn[R.Categories.front()];
    Out.RequirementPoints.push_back(Points);
    Out.Progress += std::min(Points, R.Amount);
    Out.AllMet = Out.AllMet && Points >= R.Amount;
  }
}

} // namespace certc::alloc
