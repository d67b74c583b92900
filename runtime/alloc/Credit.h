// Turns a choice vector into the reported Solution, with each item's share of its caps.
#ifndef CERTC_ALLOC_CREDIT_H
#define CERTC_ALLOC_CREDIT_H

#include "alloc/Evaluate.h"

namespace certc::alloc {

/// What buildSolution works in, reused from one call to the next.
struct CreditBuffers {
  RawSums Raw;
  Outcome Evaluated;
  std::vector<int64_t> Room, Credited;
};

/// Choice[i] is an option index of item i or -1; P is Original scaled. Per-item
/// credit hands out each cap's room in item order; the per-category sums equal
/// CategoryPoints.
Solution buildSolution(const Problem &Original, const ScaledProblem &P, std::vector<int32_t> Choice,
                       CreditBuffers &B);

} // namespace certc::alloc

#endif
