// Independent Rational implementation of the allocation semantics for tests.
#include "Reference.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <functional>

namespace certc::alloc::test {

namespace {
// Test data is small; overflow here is a broken test, so stop loudly.
Rational orAbort(std::optional<Rational> R) {
  if (!R)
    std::abort();
  return *R;
}
Rational plus(Rational A, Rational B) { return orAbort(A.add(B)); }
Rational minus(Rational A, Rational B) { return orAbort(A.sub(B)); }
Rational times(Rational A, Rational B) { return orAbort(A.mul(B)); }
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

namespace {

/// What each cap and limit holds under S's counts, and each limit's bound.
struct Usage {
  std::vector<Rational> Cap, Limit, LimitBound;
};

Usage usageOf(const Problem &P, const Solution &S, const std::vector<Rational> &CategoryPoints) {
  Usage U{std::vector<Rational>(P.Caps.size()), std::vector<Rational>(P.Limits.size()), {}};
  for (size_t I = 0; I < P.Items.size(); ++I) {
    if (S.Choice[I] < 0)
      continue;
    const Option &O = P.Items[I].Options[S.Choice[I]];
    // Recursion-free on purpose: each cap of the path, walking up.
    for (uint32_t K = O.Cap; K != NoCap; K = P.Caps[K].Parent)
      U.Cap[K] = plus(U.Cap[K], S.Credited[I]);
  }
  for (const Coverage &C : P.Covered)
    if (S.Choice[C.Item] == static_cast<int32_t>(C.Option))
      U.Limit[C.Limit] = plus(U.Limit[C.Limit], S.Credited[C.Item]);
  for (const SharedLimit &L : P.Limits) {
    Rational Base;
    for (uint32_t C : L.ShareOf)
      Base = plus(Base, CategoryPoints[C]);
    U.LimitBound.push_back(L.IsShare ? times(L.Share, Base) : L.Absolute);
  }
  return U;
}

std::string checkFullBound(const Problem &P, const Solution &S, const Usage &U, size_t I) {
  const Option &O = P.Items[I].Options[S.Choice[I]];
  const FullBound &F = S.FullAt[I];
  std::string Item = "item " + std::to_string(I);
  if (S.Credited[I] == O.Points)
    return F.K == FullBound::Kind::None ? "" : Item + " counts in full but names a full bound";
  if (F.K == FullBound::Kind::Cap) {
    bool OnPath = false;
    for (uint32_t K = O.Cap; K != NoCap; K = P.Caps[K].Parent)
      OnPath |= K == F.Index;
    if (!OnPath || U.Cap[F.Index] != P.Caps[F.Index].Limit)
      return Item + " names a cap that is not full or not on its path";
    return "";
  }
  if (F.K == FullBound::Kind::Limit) {
    bool Own = std::any_of(P.Covered.begin(), P.Covered.end(), [&](const Coverage &C) {
      return C.Item == I && static_cast<int32_t>(C.Option) == S.Choice[I] && C.Limit == F.Index;
    });
    if (!Own || U.Limit[F.Index] != U.LimitBound[F.Index])
      return Item + " names a limit that is not full or not its own";
    return "";
  }
  return Item + " counts less than its points but names nothing full";
}
} // namespace

std::string checkLimitSolution(const Problem &P, const Solution &S) {
  const size_t N = P.Items.size();
  if (S.Choice.size() != N || S.Credited.size() != N || S.FullAt.size() != N)
    return "per-item vectors have the wrong length";
  std::vector<Rational> CategoryPoints(P.NumCategories);
  for (size_t I = 0; I < N; ++I) {
    if (S.Choice[I] < -1 || S.Choice[I] >= static_cast<int32_t>(P.Items[I].Options.size()))
      return "choice of item " + std::to_string(I) + " is out of range";
    if (P.Items[I].Pinned >= 0 && S.Choice[I] != P.Items[I].Pinned)
      return "item " + std::to_string(I) + " is pinned but not given its pinned option";
    if (S.Choice[I] < 0) {
      if (!S.Credited[I].isZero())
        return "item " + std::to_string(I) + " is not credited but counts";
      continue;
    }
    const Option &O = P.Items[I].Options[S.Choice[I]];
    if (S.Credited[I].isNegative() || S.Credited[I] > O.Points)
      return "item " + std::to_string(I) + " counts outside [0, its points]";
    CategoryPoints[O.Category] = plus(CategoryPoints[O.Category], S.Credited[I]);
  }
  if (CategoryPoints != S.CategoryPoints)
    return "category points are not the sums of the counts";
  Usage U = usageOf(P, S, CategoryPoints);
  for (size_t K = 0; K < P.Caps.size(); ++K)
    if (U.Cap[K] > P.Caps[K].Limit)
      return "cap " + std::to_string(K) + " holds more than its limit";
  for (size_t L = 0; L < P.Limits.size(); ++L)
    if (U.Limit[L] > U.LimitBound[L])
      return "limit " + std::to_string(L) + " holds more than it allows";
  std::vector<Rational> SpilledIn(P.NumCategories);
  for (const Spill &Sp : P.Spills)
    SpilledIn[Sp.To] = plus(SpilledIn[Sp.To], greater(Rational(), minus(CategoryPoints[Sp.From], Sp.Above)));
  if (SpilledIn != S.SpilledIn)
    return "spillover differs";
  Rational Progress;
  for (size_t R = 0; R < P.Requirements.size(); ++R) {
    const Requirement &Req = P.Requirements[R];
    Rational Have;
    for (uint32_t C : Req.Categories)
      Have = plus(Have, CategoryPoints[C]);
    if (Req.Categories.size() == 1)
      Have = plus(Have, SpilledIn[Req.Categories[0]]);
    if (S.RequirementPoints.size() != P.Requirements.size() || S.RequirementPoints[R] != Have)
      return "requirement " + std::to_string(R) + " points differ from its counts";
    Progress = plus(Progress, lesser(Have, Req.Amount));
  }
  if (Progress != S.Progress)
    return "progress differs from the counts: " + Progress.str() + " vs " + S.Progress.str();
  for (size_t I = 0; I < N; ++I)
    if (S.Choice[I] >= 0)
      if (std::string Why = checkFullBound(P, S, U, I); !Why.empty())
        return Why;
  return "";
}

} // namespace certc::alloc::test
