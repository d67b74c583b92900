// Independent Rational implementation of the allocation semantics for tests.
#include "Reference.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <functional>

namespace certc::alloc::test {

namespace {
// Test data is small; overflow here is a broken test, so stop loudly.
Rational plus(Rational A, Rational B) {
  std::optional<Rational> R = A.add(B);
  if (!R)
    std::abort();
  return *R;
}
Rational minus(Rational A, Rational B) {
  std::optional<Rational> R = A.sub(B);
  if (!R)
    std::abort();
  return *R;
}
Rational lesser(Rational A, Rational B) { return A < B ? A : B; }
Rational greater(Rational A, Rational B) { return A < B ? B : A; }

Rational capCredited(const Problem &P, const std::vector<int32_t> &Choice, uint32_t K) {
  Rational Sum;
  for (size_t I = 0; I < P.Items.size(); ++I)
    if (Choice[I] >= 0 && P.Items[I].Options[Choice[I]].Cap == K)
      Sum = plus(Sum, P.Items[I].Options[Choice[I]].Points);
  for (uint32_t Child = 0; Child < P.Caps.size(); ++Child)
    if (P.Caps[Child].Parent == K)
      Sum = plus(Sum, capCredited(P, Choice, Child));
  return lesser(P.Caps[K].Limit, Sum);
}
} // namespace

ReferenceOutcome referenceEvaluate(const Problem &P, const std::vector<int32_t> &Choice) {
  ReferenceOutcome Out;
  Out.CategoryPoints.assign(P.NumCategories, Rational());
  for (size_t I = 0; I < P.Items.size(); ++I)
    if (Choice[I] >= 0 && P.Items[I].Options[Choice[I]].Cap == NoCap) {
      const Option &O = P.Items[I].Options[Choice[I]];
      Out.CategoryPoints[O.Category] = plus(Out.CategoryPoints[O.Category], O.Points);
    }
  for (uint32_t K = 0; K < P.Caps.size(); ++K)
    if (P.Caps[K].Parent == NoCap)
      Out.CategoryPoints[P.Caps[K].Category] =
          plus(Out.CategoryPoints[P.Caps[K].Category], capCredited(P, Choice, K));

  Out.SpilledIn.assign(P.NumCategories, Rational());
  for (const Spill &S : P.Spills)
    Out.SpilledIn[S.To] = plus(
        Out.SpilledIn[S.To], greater(Rational(), minus(Out.CategoryPoints[S.From], S.Above)));

  for (const Requirement &R : P.Requirements) {
    Rational Points;
    for (uint32_t C : R.Categories)
      Points = plus(Points, Out.CategoryPoints[C]);
    if (R.Categories.size() == 1)
      Points = plus(Points, Out.SpilledIn[R.Categories[0]]);
    Out.RequirementPoints.push_back(Points);
    Out.Progress = plus(Out.Progress, lesser(Points, R.Amount));
    Out.AllMet = Out.AllMet && Points >= R.Amount;
  }

  std::vector<Rational> Room;
  for (const CapLimit &C : P.Caps)
    Room.push_back(C.Limit);
  for (size_t I = 0; I < P.Items.size(); ++I) {
    if (Choice[I] < 0) {
      Out.Credited.push_back(Rational());
      continue;
    }
    const Option &O = P.Items[I].Options[Choice[I]];
    Rational Take = O.Points;
    for (uint32_t At = O.Cap; At != NoCap; At = P.Caps[At].Parent)
      Take = lesser(Take, Room[At]);
    for (uint32_t At = O.Cap; At != NoCap; At = P.Caps[At].Parent)
      Room[At] = minus(Room[At], Take);
    Out.Credited.push_back(Take);
  }
  return Out;
}

uint64_t bruteForceSize(const Problem &P) {
  uint64_t N = 1;
  for (const Item &It : P.Items) {
    N *= It.Pinned >= 0 ? 1 : It.Options.size() + 1;
    if (N > (uint64_t(1) << 40))
      return UINT64_MAX;
  }
  return N;
}

std::vector<int32_t> bruteForceChoice(const Problem &P) {
  const size_t N = P.Items.size();
  // Alternative a of item i: option a, or "not credited" when a == size. A
  // pinned item has one alternative, its pinned option.
  std::vector<size_t> Alt(N, 0);
  auto isLast = [&](size_t I) {
    return P.Items[I].Pinned >= 0 ? Alt[I] == size_t(P.Items[I].Pinned) : Alt[I] == P.Items[I].Options.size();
  };
  auto first = [&](size_t I) { return P.Items[I].Pinned >= 0 ? size_t(P.Items[I].Pinned) : 0; };
  for (size_t I = 0; I < N; ++I)
    Alt[I] = first(I);
  auto toChoice = [&] {
    std::vector<int32_t> C(N);
    for (size_t I = 0; I < N; ++I)
      C[I] = Alt[I] == P.Items[I].Options.size() ? -1 : static_cast<int32_t>(Alt[I]);
    return C;
  };
  std::vector<int32_t> Best = toChoice();
  Rational BestProgress = referenceEvaluate(P, Best).Progress;
  // Odometer with the last item fastest: vectors appear in lexicographic order,
  // so only a strictly better one replaces the incumbent.
  while (true) {
    size_t I = N;
    while (I > 0 && isLast(I - 1)) {
      Alt[I - 1] = first(I - 1);
      --I;
    }
    if (I == 0)
      break;
    ++Alt[I - 1];
    std::vector<int32_t> C = toChoice();
    Rational Progress = referenceEvaluate(P, C).Progress;
    if (Progress > BestProgress) {
      BestProgress = Progress;
      Best = C;
    }
  }
  return Best;
}

std::string checkConsistent(const Problem &P, const Solution &S) {
  if (S.Choice.size() != P.Items.size())
    return "choice vector has the wrong length";
  for (size_t I = 0; I < P.Items.size(); ++I)
    if (S.Choice[I] < -1 || S.Choice[I] >= static_cast<int32_t>(P.Items[I].Options.size()))
      return "choice of item " + std::to_string(I) + " is out of range";
  for (size_t I = 0; I < P.Items.size(); ++I)
    if (P.Items[I].Pinned >= 0 && S.Choice[I] != P.Items[I].Pinned)
      return "item " + std::to_string(I) + " is pinned but not given its pinned option";
  ReferenceOutcome R = referenceEvaluate(P, S.Choice);
  if (R.Credited != S.Credited)
    return "per-item credit differs";
  if (R.CategoryPoints != S.CategoryPoints)
    return "category points differ";
  if (R.SpilledIn != S.SpilledIn)
    return "spillover differs";
  if (R.RequirementPoints != S.RequirementPoints)
    return "requirement points differ";
  if (R.Progress != S.Progress)
    return "progress differs: reference " + R.Progress.str() + ", solution " +
           S.Progress.str();
  if (R.AllMet != S.AllMet)
    return "AllMet differs";
  // Per-item credit must add up to the category totals.
  std::vector<Rational> Sum(P.NumCategories, Rational());
  for (size_t I = 0; I < P.Items.size(); ++I)
    if (S.Choice[I] >= 0) {
      uint32_t C = P.Items[I].Options[S.Choice[I]].Category;
      Sum[C] = plus(Sum[C], S.Credited[I]);
    }
  if (Sum != S.CategoryPoints)
    return "per-item credit does not add up to category points";
  return "";
}

} // namespace certc::alloc::test
