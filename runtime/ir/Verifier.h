// The IR's consistency rules, checked before anything evaluates a policy (docs/ir.md).
#ifndef CERTC_IR_VERIFIER_H
#define CERTC_IR_VERIFIER_H

#include "ir/IR.h"

#include "llvm/Support/Error.h"
#include <cstdint>

namespace certc::ir {

/// Expressions nest at most this deep, so a recursive evaluator's stack is bounded.
inline constexpr unsigned MaxExprDepth = 256;
/// An expression has at most this many nodes counting shared operands each time
/// they are used, so evaluating it once takes bounded time even without memoising.
inline constexpr uint64_t MaxExprTreeSize = uint64_t(1) << 16;
/// AddMonths/AddDays shift by at most about 10000 years, the span of Date, so
/// date arithmetic on any Date stays within int32 day numbers.
inline constexpr int32_t MaxShiftMonths = 12 * 10000;
inline constexpr int32_t MaxShiftDays = 366 * 10000;

/// Checks every rule in docs/ir.md; the error names the first offending entity,
/// e.g. "rule 'athenian' earning 1: window overlaps earning 0". A verified Policy
/// can be evaluated without bounds checks: indices are in range, the expression
/// arena is acyclic with bounded depth and size, and types match their uses.
llvm::Error verifyPolicy(const Policy &P);

} // namespace certc::ir

#endif
