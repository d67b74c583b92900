// A policy's substance: what it decides, without where its text put it. Two
// policies compiled from texts that differ only in layout, comments or file
// names have equal substance.
#ifndef CERTC_IR_SUBSTANCE_H
#define CERTC_IR_SUBSTANCE_H

#include "ir/IR.h"

namespace certc::ir {

/// P without source positions, source file names and content hash.
Policy withoutSourcePositions(Policy P);

/// Whether A and B decide the same (equal without source positions).
bool sameSubstance(const Policy &A, const Policy &B);

} // namespace certc::ir

#endif
