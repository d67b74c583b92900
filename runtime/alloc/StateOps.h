// Arithmetic on unpacked search states: saturated sums and dominance.
#ifndef CERTC_ALLOC_STATEOPS_H
#define CERTC_ALLOC_STATEOPS_H

#include "alloc/Reduce.h"

#include "llvm/ADT/SmallVector.h"
#include <algorithm>

namespace certc::alloc {

/// One unpacked search state. Typical problems have a few coordinates, so the
/// states a call works with live inline instead of on the heap.
using StateVector = llvm::SmallVector<int32_t, 8>;

/// Out = A + B per coordinate, saturated at the room. Saturated addition of
/// nonnegative values is associative, so sums of suffixes compose.
inline void combineStates(const int32_t *A, const int32_t *B, const std::vector<int32_t> &Room,
                          int32_t *Out) {
  for (size_t J = 0; J < Room.size(); ++J)
    Out[J] = static_cast<int32_t>(std::min<int64_t>(int64_t(A[J]) + B[J], Room[J]));
}

/// Out = S with effect E applied, saturated at the room.
inline void applyEffect(const int32_t *S, const Effect &E, const std::vector<int32_t> &Room,
                        int32_t *Out) {
  std::copy(S, S + Room.size(), Out);
  if (E.Coord != NoCoord)
    Out[E.Coord] = static_cast<int32_t>(
        std::min<int64_t>(int64_t(Out[E.Coord]) + E.Points, Room[E.Coord]));
}

/// A >= B in every coordinate.
inline bool coversState(const int32_t *A, const int32_t *B, size_t Dims) {
  for (size_t J = 0; J < Dims; ++J)
    if (A[J] < B[J])
      return false;
  return true;
}

/// Per coordinate, the most that one option of the layer adds.
inline void largestEffects(const ChoiceLayer &Layer, llvm::MutableArrayRef<int32_t> Out) {
  std::fill(Out.begin(), Out.end(), 0);
  for (const Effect &E : Layer.Effects)
    if (E.Coord != NoCoord)
      Out[E.Coord] = std::max(Out[E.Coord], E.Points);
}

} // namespace certc::alloc

#endif
