// Human-readable dump of an allocation Problem, for failure reports.
#ifndef CERTC_TESTS_ALLOC_PROBLEMTEXT_H
#define CERTC_TESTS_ALLOC_PROBLEMTEXT_H

#include "alloc/Allocator.h"

#include <string>

namespace certc::alloc::test {

std::string describeProblem(const Problem &P);
std::string describeChoice(const std::vector<int32_t> &Choice);

} // namespace certc::alloc::test

#endif
