// Structural checks on an allocation Problem before any arithmetic is done.
#ifndef CERTC_ALLOC_VALIDATE_H
#define CERTC_ALLOC_VALIDATE_H

#include "alloc/Allocator.h"

namespace certc::alloc {

/// Rejects indices out of range, negative quantities, cap cycles, caps whose
/// category differs from their parent's or from an option routed through
/// them, and requirements that list a category twice.
llvm::Error validateProblem(const Problem &P);

} // namespace certc::alloc

#endif
