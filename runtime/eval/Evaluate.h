// Audits one member: credits every activity, allocates the credits optimally,
// checks prerequisites and requirements, and explains the verdict.
#ifndef CERTC_EVAL_EVALUATE_H
#define CERTC_EVAL_EVALUATE_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"

#include "llvm/Support/Error.h"

namespace certc::eval {

/// Fails (never crashes) only when exact arithmetic overflows or the allocation
/// exceeds its documented limits; the error names the member.
llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf);

} // namespace certc::eval

#endif
