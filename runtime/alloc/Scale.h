// The Problem restated over integers: every rational times one common scale.
#ifndef CERTC_ALLOC_SCALE_H
#define CERTC_ALLOC_SCALE_H

#include "alloc/Allocator.h"

#include "llvm/ADT/ArrayRef.h"

namespace certc::alloc {

struct ScaledOption {
  uint32_t Category = 0;
  int64_t Points = 0;
  uint32_t Cap = NoCap;
};

struct ScaledCap {
  int64_t Limit = 0;
  uint32_t Category = 0;
  uint32_t Parent = NoCap;
};

struct ScaledRequirement {
  llvm::ArrayRef<uint32_t> Categories; ///< the Problem's, which outlives the call
  int64_t Amount = 0;
};

struct ScaledSpill {
  uint32_t From = 0;
  uint32_t To = 0;
  int64_t Above = 0;
};

/// Every quantity of the Problem multiplied by Scale, the least common multiple
/// of all denominators. Scaling is exact and order-preserving, so the optimum
/// and the tie-break are unchanged. Every sum the allocator forms (category
/// points, spillover, requirement points, progress) is guaranteed to fit in
/// int64 with room to spare.
struct ScaledProblem {
  int64_t Scale = 1;
  unsigned NumCategories = 0;
  /// All items' options back to back; item I owns [ItemStart[I], ItemStart[I+1]).
  std::vector<ScaledOption> Options;
  std::vector<uint32_t> ItemStart{0};
  std::vector<ScaledCap> Caps;
  std::vector<ScaledRequirement> Requirements;
  std::vector<ScaledSpill> Spills;
  /// Caps ordered so that every cap comes before its parent.
  std::vector<uint32_t> CapsChildrenFirst;
  /// The unscaled caps that Caps and CapsChildrenFirst were built from, at
  /// scale CapsScale (0: none yet). The caps are the policy's, the same for
  /// every member, so a scratch reused across members scales them once.
  std::vector<CapLimit> CapsScaledFrom;
  int64_t CapsScale = 0;

  size_t numItems() const { return ItemStart.size() - 1; }
  llvm::ArrayRef<ScaledOption> item(size_t I) const {
    return llvm::ArrayRef<ScaledOption>(Options).slice(ItemStart[I],
                                                       ItemStart[I + 1] - ItemStart[I]);
  }
};

/// Scales a validated Problem into Out, reusing Out's buffers (and its caps,
/// when P's caps and the scale are those Out was last built with); fails when
/// the common denominator or the resulting magnitudes are beyond exact 64-bit
/// arithmetic. Out views P's requirements: P must outlive it.
llvm::Error scaleProblem(const Problem &P, ScaledProblem &Out);

/// Converts a scaled integer back to the exact rational it stands for.
Rational unscale(int64_t Value, int64_t Scale);

} // namespace certc::alloc

#endif
