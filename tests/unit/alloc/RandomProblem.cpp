// Seeded random allocation problems.
#include "RandomProblem.h"

#include <algorithm>

namespace certc::alloc::test {

namespace {
/// Uniform in [Lo, Hi]; the tiny modulo bias is irrelevant here and, unlike
/// std::uniform_int_distribution, the result is the same on every library.
int64_t pick(std::mt19937_64 &Rng, int64_t Lo, int64_t Hi) {
  return Lo + static_cast<int64_t>(Rng() % static_cast<uint64_t>(Hi - Lo + 1));
}
bool chance(std::mt19937_64 &Rng, int Percent) { return pick(Rng, 0, 99) < Percent; }

Rational multiple(std::mt19937_64 &Rng, int64_t Den, int64_t Max) {
  return *Rational::make(pick(Rng, 0, Max * Den), Den);
}
void addRandomLimits(std::mt19937_64 &Rng, Problem &P, int64_t Den) {
  // Shares with finite decimals, so that the glpsol model states them exactly.
  static const int64_t Shares[][2] = {{1, 4}, {2, 5}, {1, 2}, {3, 4}};
  unsigned NumLimits = static_cast<unsigned>(pick(Rng, 1, 2));
  for (unsigned L = 0; L < NumLimits; ++L) {
    SharedLimit Lim;
    std::vector<uint32_t> Categories;
    for (uint32_t C = 0; C < P.NumCategories; ++C)
      if (chance(Rng, 60))
        Categories.push_back(C);
    if (Categories.empty())
      Categories.push_back(static_cast<uint32_t>(pick(Rng, 0, P.NumCategories - 1)));
    Lim.IsShare = chance(Rng, 35);
    if (Lim.IsShare) {
      const int64_t *Share = Shares[pick(Rng, 0, 3)];
      Lim.Share = *Rational::make(Share[0], Share[1]);
      Lim.ShareOf = Categories;
    } else {
      Lim.Absolute = multiple(Rng, Den, 15);
    }
    uint32_t Index = static_cast<uint32_t>(P.Limits.size());
    P.Limits.push_back(std::move(Lim));
    for (uint32_t I = 0; I < P.Items.size(); ++I)
      for (uint32_t O = 0; O < P.Items[I].Options.size(); ++O)
        if (std::find(Categories.begin(), Categories.end(), P.Items[I].Options[O].Category) != Categories.end() &&
            chance(Rng, 60))
          P.Covered.push_back({I, O, Index});
  }
}
} // namespace

Problem randomProblem(std::mt19937_64 &Rng, const RandomShape &Shape) {
  Problem P;
  P.NumCategories = static_cast<unsigned>(pick(Rng, 2, 3));
  const int64_t Den = Shape.Denominator;

  unsigned NumCaps = static_cast<unsigned>(pick(Rng, 0, 4));
  for (unsigned K = 0; K < NumCaps; ++K) {
    CapLimit C;
    C.Category = static_cast<uint32_t>(pick(Rng, 0, P.NumCategories - 1));
    C.Limit = multiple(Rng, Den, 15);
    // Nest under an earlier cap of the same category when there is one.
    std::vector<uint32_t> SameCategory;
    for (uint32_t J = 0; J < K; ++J)
      if (P.Caps[J].Category == C.Category)
        SameCategory.push_back(J);
    if (!SameCategory.empty() && chance(Rng, 50))
      C.Parent = SameCategory[pick(Rng, 0, SameCategory.size() - 1)];
    P.Caps.push_back(C);
  }

  unsigned NumItems = static_cast<unsigned>(pick(Rng, Shape.MinItems, Shape.MaxItems));
  for (unsigned I = 0; I < NumItems; ++I) {
    Item It;
    unsigned NumOptions = static_cast<unsigned>(pick(Rng, 1, Shape.MaxOptions));
    if (chance(Rng, 3))
      NumOptions = 0;
    for (unsigned O = 0; O < NumOptions; ++O) {
      Option Opt;
      Opt.Category = static_cast<uint32_t>(pick(Rng, 0, P.NumCategories - 1));
      Opt.Points = multiple(Rng, Den, Shape.MaxPoints);
      std::vector<uint32_t> Caps;
      for (uint32_t K = 0; K < P.Caps.size(); ++K)
        if (P.Caps[K].Category == Opt.Category)
          Caps.push_back(K);
      if (!Caps.empty() && chance(Rng, 60))
        Opt.Cap = Caps[pick(Rng, 0, Caps.size() - 1)];
      It.Options.push_back(Opt);
    }
    if (Shape.PinPercent > 0 && !It.Options.empty() && chance(Rng, Shape.PinPercent))
      It.Pinned = static_cast<int32_t>(pick(Rng, 0, It.Options.size() - 1));
    P.Items.push_back(std::move(It));
  }

  unsigned NumRequirements = static_cast<unsigned>(pick(Rng, 1, 4));
  for (unsigned R = 0; R < NumRequirements; ++R) {
    Requirement Req;
    if (chance(Rng, 35)) {
      // A combination of two or three distinct categories.
      for (uint32_t C = 0; C < P.NumCategories; ++C)
        if (chance(Rng, 70))
          Req.Categories.push_back(C);
      if (Req.Categories.size() < 2)
        Req.Categories = {0, 1};
      Req.Amount = multiple(Rng, Den, Shape.MaxCombined);
    } else {
      Req.Categories = {static_cast<uint32_t>(pick(Rng, 0, P.NumCategories - 1))};
      Req.Amount = multiple(Rng, Den, Shape.MaxAmount);
    }
    P.Requirements.push_back(std::move(Req));
  }

  unsigned NumSpills = static_cast<unsigned>(pick(Rng, 0, 2));
  for (unsigned S = 0; S < NumSpills; ++S) {
    Spill Sp;
    Sp.From = static_cast<uint32_t>(pick(Rng, 0, P.NumCategories - 1));
    Sp.To = static_cast<uint32_t>(pick(Rng, 0, P.NumCategories - 1));
    // Spilling into itself is legal and worth covering, but rare.
    if (Sp.To == Sp.From && !chance(Rng, 10))
      Sp.To = (Sp.From + 1) % P.NumCategories;
    Sp.Above = multiple(Rng, Den, 20);
    P.Spills.push_back(Sp);
  }
  // Drawn last, so that the rest of a problem is the one the seed gave before.
  if (Shape.LimitPercent > 0 && chance(Rng, Shape.LimitPercent))
    addRandomLimits(Rng, P, Den);
  return P;
}

} // namespace certc::alloc::test
