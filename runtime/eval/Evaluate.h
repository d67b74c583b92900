// Audits one member: credits every activity, allocates the credits optimally,
// checks prerequisites and requirements, and explains the verdict.
#ifndef CERTC_EVAL_EVALUATE_H
#define CERTC_EVAL_EVALUATE_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "eval/StaffException.h"
#include "ledger/Ledger.h"

#include "llvm/Support/Error.h"

namespace certc::eval {

/// Fails (never crashes) when exact arithmetic overflows or the allocation
/// exceeds its documented limits (the error names the member), and with
/// InputErrors (MemberExceptions.h) when one of the member's staff exceptions
/// cannot apply. The Audit refers to Exceptions, which must outlive it.
llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                               llvm::ArrayRef<StaffException> Exceptions = {});

} // namespace certc::eval

#endif
