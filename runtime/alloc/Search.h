// The exact search over the open choices (docs/allocation.md, "Algorithm"):
// find the optimal progress, then walk the items in order taking the earliest
// option from which the optimum stays reachable. Reachability is settled by
// cheap witnesses when they suffice and by exact Pareto fronts otherwise.
#ifndef CERTC_ALLOC_SEARCH_H
#define CERTC_ALLOC_SEARCH_H

#include "alloc/StateEval.h"

namespace certc::alloc {

/// Documented state limits; beyond them the search fails instead of using
/// unbounded time or memory.
inline constexpr size_t MaxFrontStates = size_t(1) << 20;
inline constexpr size_t MaxStoredWords = size_t(1) << 24;

struct SearchResult {
  /// Per layer: the chosen index into the layer's Effects.
  std::vector<uint32_t> Effect;
  /// The optimal progress (scaled).
  int64_t Progress = 0;
};

llvm::Expected<SearchResult> searchOptimum(const Reduction &R, StateEvaluator &Eval);

} // namespace certc::alloc

#endif
