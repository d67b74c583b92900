// Writes an allocation Problem as a CPLEX LP mixed-integer programme maximising progress.
#ifndef CERTC_TESTS_ALLOC_CPLEXLP_H
#define CERTC_TESTS_ALLOC_CPLEXLP_H

#include "alloc/Allocator.h"

#include <string>

namespace certc::alloc::test {

/// Every rational in P must have a finite decimal expansion (denominators
/// 2^a 5^b), so that the model states the problem exactly.
std::string writeCplexLp(const Problem &P);

} // namespace certc::alloc::test

#endif
