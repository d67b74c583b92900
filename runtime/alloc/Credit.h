// Turns a choice vector into the reported Solution, with each item's share of its caps.
#ifndef CERTC_ALLOC_CREDIT_H
#define CERTC_ALLOC_CREDIT_H

#include "alloc/Evaluate.h"

namespace certc::alloc {

/// Choice[i] is an option index of item i or -1. Per-item credit hands out each
/// cap's room in item order; the per-category sums equal CategoryPoints.
Solution buildSolution(const ScaledProblem &P, const std::vector<int32_t> &Choice);

} // namespace certc::alloc

#endif
