// Test oracle: the semantics written again over Rational, and exhaustive search.
#ifndef CERTC_TESTS_ALLOC_REFERENCE_H
#define CERTC_TESTS_ALLOC_REFERENCE_H

#include "alloc/Allocator.h"

#include <string>

namespace certc::alloc::test {

struct ReferenceOutcome {
  std::vector<Rational> Credited;
  std::vector<Rational> CategoryPoints;
  std::vector<Rational> SpilledIn;
  std::vector<Rational> RequirementPoints;
  Rational Progress;
  bool AllMet = true;
};

/// Evaluates a choice vector (-1 = not credited) straight from the documented
/// semantics, recursing over the cap tree instead of ordering it.
ReferenceOutcome referenceEvaluate(const Problem &P, const std::vector<int32_t> &Choice);

/// Enumerates every choice vector that honours the pins, "not credited"
/// included as the last alternative of an unpinned item, and returns the lexicographically first one of maximal progress.
std::vector<int32_t> bruteForceChoice(const Problem &P);

/// Number of choice vectors bruteForceChoice would enumerate (saturating).
uint64_t bruteForceSize(const Problem &P);

/// Empty when S honours the pins and is exactly what referenceEvaluate says of
/// S.Choice; otherwise a
/// description of the first difference.
std::string checkConsistent(const Problem &P, const Solution &S);

/// For a problem with shared limits, where the counts are not a function of the
/// choices: empty when S honours the pins, counts each item between 0 and its
/// points, keeps every cap and limit, reports totals, spillover, requirement
/// points and progress that its counts give, and names for each item counting
/// less than its points a cap or limit of its option that is full; otherwise a
/// description of the first violation.
std::string checkLimitSolution(const Problem &P, const Solution &S);

} // namespace certc::alloc::test

#endif
