// Relaxation and supply bounds over ranges of choice layers.
#include "alloc/Bounds.h"

#include "alloc/StateOps.h"

namespace certc::alloc {

namespace {
// Supplies are sums over items; saturating keeps them meaningful as bounds.
constexpr int64_t SupplyCap = INT64_MAX / 4;
int64_t satAdd(int64_t A, int64_t B) { return std::min(SupplyCap, A + B); }
} // namespace

SuffixBounds::SuffixBounds(const Reduction &R, StateEvaluator &Eval)
    : R(R), Eval(Eval), NumTerms(Eval.numTerms()) {
  const size_t D = R.Room.size(), L = R.Layers.size();
  MaxSuffix.assign((L + 1) * D, 0);
  SupplySuffix.assign((L + 1) * NumTerms, 0);
  TotalSuffix.assign(L + 1, 0);
  RangeSupply.assign(NumTerms, 0);
  StateVector Largest(D);
  for (size_t I = L; I-- > 0;) {
    const std::vector<Effect> &Effects = R.Layers[I].Effects;
    largestEffects(R.Layers[I], Largest);
    combineStates(&MaxSuffix[(I + 1) * D], Largest.data(), R.Room, &MaxSuffix[I * D]);
    // One item adds one option's points, each counting once per term its
    // coordinate feeds (Eval.multiplicity).
    for (size_t T = 0; T < NumTerms; ++T) {
      int64_t Most = 0;
      for (const Effect &E : Effects)
        if (E.Coord != NoCoord)
          Most = std::max(Most, int64_t(Eval.multiplicity(T, E.Coord)) * E.Points);
      SupplySuffix[I * NumTerms + T] = satAdd(SupplySuffix[(I + 1) * NumTerms + T], Most);
    }
    int64_t Total = 0;
    for (const Effect &E : Effects) {
      if (E.Coord == NoCoord)
        continue;
      int64_t All = 0;
      for (size_t T = 0; T < NumTerms; ++T)
        All += int64_t(Eval.multiplicity(T, E.Coord)) * E.Points;
      Total = std::max(Total, std::min(All, SupplyCap));
    }
    TotalSuffix[I] = satAdd(TotalSuffix[I + 1], Total);
  }
}

int64_t SuffixBounds::upperBound(const int32_t *Base, const int32_t *Relaxed, size_t From,
                                 size_t To) {
  // A saturated suffix sum cannot be differenced, but stays an upper bound.
  for (size_t T = 0; T < NumTerms; ++T) {
    int64_t A = SupplySuffix[From * NumTerms + T], B = SupplySuffix[To * NumTerms + T];
    RangeSupply[T] = A == SupplyCap ? A : A - B;
  }
  int64_t Total = TotalSuffix[From] == SupplyCap ? SupplyCap
                                                 : TotalSuffix[From] - TotalSuffix[To];
  return Eval.progressBound(Base, Relaxed, RangeSupply.data(), Total);
}

} // namespace certc::alloc
