// The allocation semantics on scaled integers: caps, category points, spillover, progress.
#ifndef CERTC_ALLOC_EVALUATE_H
#define CERTC_ALLOC_EVALUATE_H

#include "alloc/Scale.h"

namespace certc::alloc {

/// Points routed to each place before caps apply: Cap[k] is the sum of the
/// options credited directly through cap k, Uncapped[c] the sum of those
/// credited to category c without a cap.
struct RawSums {
  std::vector<int64_t> Cap;
  std::vector<int64_t> Uncapped;

  RawSums() = default;
  explicit RawSums(const ScaledProblem &P) { reset(P); }
  /// All zero, for P's caps and categories (reusing the buffers).
  void reset(const ScaledProblem &P) {
    Cap.assign(P.Caps.size(), 0);
    Uncapped.assign(P.NumCategories, 0);
  }
  void add(const ScaledOption &O) {
    if (O.Cap == NoCap)
      Uncapped[O.Category] += O.Points;
    else
      Cap[O.Cap] += O.Points;
  }
};

struct Outcome {
  std::vector<int64_t> CapCredited; ///< min(limit, direct + children)
  std::vector<int64_t> CategoryPoints;
  std::vector<int64_t> SpilledIn;
  std::vector<int64_t> RequirementPoints;
  int64_t Progress = 0;
  bool AllMet = true;
};

/// The reference evaluation of docs/allocation.md, section "Semantics". The
/// search uses a specialised copy (StateEval.h); this one defines the result.
/// Out's buffers are reused.
void evaluate(const ScaledProblem &P, const RawSums &Raw, Outcome &Out);

} // namespace certc::alloc

#endif
