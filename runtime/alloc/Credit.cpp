// Solution assembly: totals from the reference evaluation, per-item credit.
#include "alloc/Credit.h"

#include <algorithm>

namespace certc::alloc {

namespace {
std::vector<Rational> unscaleAll(const std::vector<int64_t> &Values, int64_t Scale) {
  std::vector<Rational> Out;
  Out.reserve(Values.size());
  for (int64_t V : Values)
    Out.push_back(unscale(V, Scale));
  return Out;
}

/// Each item takes what the tightest cap on its path still has room for. On a
/// tree every item has a single path, so filling greedily in any order credits
/// exactly the nested-minimum total of each cap. An item that takes less than
/// its points was stopped by the tightest cap (the innermost of equally tight
/// ones), which is then full.
void creditPerItem(const ScaledProblem &P, const std::vector<int32_t> &Choice,
                   std::vector<FullBound> &FullAt, CreditBuffers &B) {
  std::vector<int64_t> &Room = B.Room, &Credited = B.Credited;
  Room.resize(P.Caps.size());
  for (size_t K = 0; K < P.Caps.size(); ++K)
    Room[K] = P.Caps[K].Limit;
  Credited.assign(P.numItems(), 0);
  FullAt.assign(P.numItems(), FullBound());
  for (size_t I = 0; I < P.numItems(); ++I) {
    if (Choice[I] < 0)
      continue;
    const ScaledOption &O = P.item(I)[Choice[I]];
    int64_t Take = O.Points;
    uint32_t Tightest = NoCap;
    for (uint32_t At = O.Cap; At != NoCap; At = P.Caps[At].Parent)
      if (Room[At] < Take) {
        Take = Room[At];
        Tightest = At;
      }
    for (uint32_t At = O.Cap; At != NoCap; At = P.Caps[At].Parent)
      Room[At] -= Take;
    Credited[I] = Take;
    if (Tightest != NoCap)
      FullAt[I] = {FullBound::Kind::Cap, Tightest};
  }
}
} // namespace

Solution buildSolution(const Problem &Original, const ScaledProblem &P, std::vector<int32_t> Choice,
                       CreditBuffers &B) {
  B.Raw.reset(P);
  for (size_t I = 0; I < P.numItems(); ++I)
    if (Choice[I] >= 0)
      B.Raw.add(P.item(I)[Choice[I]]);
  const Outcome &O = B.Evaluated;
  evaluate(P, B.Raw, B.Evaluated);

  Solution S;
  creditPerItem(P, Choice, S.FullAt, B);
  S.Choice = std::move(Choice);
  // Most items count all their points: those keep the option's own rational,
  // sparing a division back from the scale.
  S.Credited.reserve(P.numItems());
  for (size_t I = 0; I < P.numItems(); ++I) {
    if (S.Choice[I] < 0)
      S.Credited.emplace_back(0);
    else if (B.Credited[I] == P.item(I)[S.Choice[I]].Points)
      S.Credited.push_back(Original.Items[I].Options[S.Choice[I]].Points);
    else
      S.Credited.push_back(unscale(B.Credited[I], P.Scale));
  }
  S.CategoryPoints = unscaleAll(O.CategoryPoints, P.Scale);
  S.SpilledIn = unscaleAll(O.SpilledIn, P.Scale);
  S.RequirementPoints = unscaleAll(O.RequirementPoints, P.Scale);
  S.Progress = unscale(O.Progress, P.Scale);
  S.AllMet = O.AllMet;
  return S;
}

} // namespace certc::alloc
