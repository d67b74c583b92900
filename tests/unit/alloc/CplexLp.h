// Writes an allocation Problem as a CPLEX LP mixed-integer programme maximising progress.
#ifndef CERTC_TESTS_ALLOC_CPLEXLP_H
#define CERTC_TESTS_ALLOC_CPLEXLP_H

#include "alloc/Allocator.h"

#include <string>
#include <utility>
#include <vector>

namespace certc::alloc::test {

/// Every rational in P must have a finite decimal expansion (denominators
/// 2^a 5^b), so that the model states the problem exactly. Fixed lists
/// (item, option) pairs the model must choose. A problem with shared limits
/// gets a variable per option for the points that count from it.
std::string writeCplexLp(const Problem &P, const std::vector<std::pair<size_t, size_t>> &Fixed = {});

} // namespace certc::alloc::test

#endif
