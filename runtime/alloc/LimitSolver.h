// Problems with shared limits (cross-category, filtered and share limits):
// which limits can bind, and the exact solver for problems where some can
// (docs/allocation.md, "General limits").
#ifndef CERTC_ALLOC_LIMITSOLVER_H
#define CERTC_ALLOC_LIMITSOLVER_H

#include "alloc/Allocator.h"

namespace certc::alloc {

/// P without the limits that can never bind: an absolute limit whose options'
/// largest points add up to no more than it, a limit no option names. They
/// never change a count, so the problems have the same solutions.
Problem withoutSlackLimits(const Problem &P);

/// Whether some option of P names a limit.
bool hasLimits(const Problem &P);

/// Whether some limit of P can bind: hasLimits(withoutSlackLimits(P)),
/// without copying P.
bool someLimitBinds(const Problem &P);

/// The preferred optimum of a validated P with limits, by exact rational
/// mixed-integer optimisation (Z3), with the tie-break and per-item credit of
/// docs/allocation.md.
llvm::Expected<Solution> allocateWithLimits(const Problem &P);

} // namespace certc::alloc

#endif
