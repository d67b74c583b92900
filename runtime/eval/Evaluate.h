// Audits one member: credits every activity, allocates the credits optimally,
// checks prerequisites and requirements, and explains the verdict.
#ifndef CERTC_EVAL_EVALUATE_H
#define CERTC_EVAL_EVALUATE_H

#include "alloc/Allocator.h"
#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "eval/StaffException.h"
#include "ledger/Ledger.h"

#include "llvm/Support/Error.h"

namespace certc::eval {

/// What an audit takes besides the member and the audit date.
struct AuditOptions {
  /// The member's staff exceptions; the Audit refers to them, so they must
  /// outlive it.
  llvm::ArrayRef<StaffException> Exceptions;
  /// A date in the compliance period to audit (none: the period containing the
  /// audit date); policies without periods ignore it.
  std::optional<Date> PeriodOf;
  /// Buffers for the allocator, kept by the caller across audits (one per
  /// thread; see alloc::AllocationScratch); none: the audit allocates its own.
  alloc::AllocationScratch *Scratch = nullptr;
};

/// Fails (never crashes) when exact arithmetic overflows, the allocation
/// exceeds its documented limits or the member's compliance period cannot be
/// found (the error names the member), and with InputErrors
/// (MemberExceptions.h) when one of the member's staff exceptions cannot apply.
llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                               const AuditOptions &Options = {});

} // namespace certc::eval

#endif
