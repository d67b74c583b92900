// Relaxation and supply bounds over ranges of choice layers.
#include "alloc/Bounds.h"

#include "alloc/StateOps.h"

namespace certc::alloc {

namespace {
// Supplies are sums over items; saturating keeps them meaningful as bounds.
constexpr int64_t SupplyCap = INT64_MAX / 4;
int64_t satAdd(int64_t A, int64_t B) { return std::min(SupplyCap, A + B); }
/// Points times a count of terms, at most SupplyCap: a count of 4 or more on a
/// scaled quantity near the scaling limit would overflow int64 otherwise.
int64_t satMul(int64_t Count, int64_t Points) {
  int64_t Product;
  return __builtin_mul_overflow(Count, Points, &Product) ? SupplyCap : std::min(SupplyCap, Product);
}
} // namespace

SuffixBounds::SuffixBounds(const Reduction &R, StateEvaluator &Eval, SuffixBoundsBuffers &Tables)
    : R(R), Eval(Eval), NumTerms(Eval.numTerms()), T(Tables) {
  const size_t D = R.Room.size(), L = R.Layers.size();
  T.MaxSuffix.assign((L + 1) * D, 0);
  T.SupplySuffix.assign((L + 1) * NumTerms, 0);
  T.TotalSuffix.assign(L + 1, 0);
  T.RangeSupply.assign(NumTerms, 0);
  StateVector Largest(D);
  for (size_t I = L; I-- > 0;) {
    llvm::ArrayRef<Effect> Effects = R.Layers[I].Effects;
    largestEffects(R.Layers[I], Largest);
    combineStates(&T.MaxSuffix[(I + 1) * D], Largest.data(), R.Room, &T.MaxSuffix[I * D]);
    // One item adds one option's points, each counting once per term its
    // coordinate feeds (Eval.multiplicity).
    for (size_t Term = 0; Term < NumTerms; ++Term) {
      int64_t Most = 0;
      for (const Effect &E : Effects)
        if (E.Coord != NoCoord)
          Most = std::max(Most, satMul(Eval.multiplicity(Term, E.Coord), E.Points));
      T.SupplySuffix[I * NumTerms + Term] =
          satAdd(T.SupplySuffix[(I + 1) * NumTerms + Term], Most);
    }
    // All terms together rise by at most the coordinate's rate per point.
    int64_t Total = 0;
    for (const Effect &E : Effects)
      if (E.Coord != NoCoord)
        Total = std::max(Total, satMul(Eval.rate(E.Coord), E.Points));
    T.TotalSuffix[I] = satAdd(T.TotalSuffix[I + 1], Total);
  }
}

int64_t SuffixBounds::upperBound(const int32_t *Base, const int32_t *Relaxed, size_t From,
                                 size_t To) {
  // A saturated suffix sum cannot be differenced, but stays an upper bound.
  for (size_t Term = 0; Term < NumTerms; ++Term) {
    int64_t A = T.SupplySuffix[From * NumTerms + Term], B = T.SupplySuffix[To * NumTerms + Term];
    T.RangeSupply[Term] = A == SupplyCap ? A : A - B;
  }
  int64_t Total = T.TotalSuffix[From] == SupplyCap ? SupplyCap
                                                   : T.TotalSuffix[From] - T.TotalSuffix[To];
  return Eval.progressBound(Base, Relaxed, T.RangeSupply.data(), Total);
}

} // namespace certc::alloc
