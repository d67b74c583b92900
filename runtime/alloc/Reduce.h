// Settles forced choices and turns the rest into layers of a search over saturated states.
#ifndef CERTC_ALLOC_REDUCE_H
#define CERTC_ALLOC_REDUCE_H

#include "alloc/Evaluate.h"

#include "llvm/ADT/SmallVector.h"

namespace certc::alloc {

inline constexpr uint32_t NoCoord = UINT32_MAX;

/// What one surviving option does to the search state: adds Points to
/// coordinate Coord, or nothing that can change progress (Coord == NoCoord).
struct Effect {
  uint32_t Option = 0; ///< index into the item's options
  uint32_t Coord = NoCoord;
  int32_t Points = 0; ///< scaled, at most the coordinate's room
};

/// Most items have two or three options: their effects live inline.
using EffectList = llvm::SmallVector<Effect, 3>;

/// An item that still has a real choice, with its options that can be part of
/// the preferred optimum, in preference order (Effects.size() >= 2).
struct ChoiceLayer {
  uint32_t Item = 0;
  EffectList Effects;
};

struct Reduction {
  /// Per item: the settled choice (-1 or an option index); for layer items the
  /// search fills it in.
  std::vector<int32_t> Choice;
  /// Raw points of every settled item.
  RawSums Base;
  /// Per coordinate: the attachment node (a cap index, or NumCaps + category
  /// for points credited to the category without a cap).
  std::vector<uint32_t> CoordNode;
  /// Per coordinate: added points beyond this cannot change progress.
  std::vector<int32_t> Room;
  std::vector<ChoiceLayer> Layers;
};

/// What reduceProblem works in, reused from one call to the next.
struct ReduceBuffers {
  std::vector<bool> Settled;
  std::vector<int64_t> Bound, SingleAmount, Room;
  Outcome SettledOutcome;
  EffectList Effects;
  std::vector<uint32_t> CoordOfNode;
};

/// Fills Out (reusing its buffers). Fails only when a coordinate's room does
/// not fit the search's 31-bit state.
llvm::Error reduceProblem(const ScaledProblem &P, Reduction &Out, ReduceBuffers &B);

} // namespace certc::alloc

#endif
