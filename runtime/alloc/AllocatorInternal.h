// allocateCredits with the search's limits and switches exposed, for tests.
#ifndef CERTC_ALLOC_ALLOCATORINTERNAL_H
#define CERTC_ALLOC_ALLOCATORINTERNAL_H

#include "alloc/Allocator.h"
#include "alloc/Search.h"

namespace certc::alloc {

llvm::Expected<Solution> allocateCreditsWith(const Problem &P, const SearchOptions &Options,
                                             AllocationScratch &Scratch);
/// The same with buffers of its own, allocated for this call.
llvm::Expected<Solution> allocateCreditsWith(const Problem &P, const SearchOptions &Options);

} // namespace certc::alloc

#endif
