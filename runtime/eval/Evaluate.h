// Audits one member: credits every activity, allocates the credits optimally,
// checks prerequisites and requirements, and explains the verdict.
#ifndef CERTC_EVAL_EVALUATE_H
#define CERTC_EVAL_EVALUATE_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"

#include "llvm/Support/Error.h"

namespace certc::eval {

/// Audits the member as of AsOf, in the compliance period containing PeriodOf
/// (AsOf when not given; policies without periods ignore it). Fails (never
/// crashes) only when exact arithmetic overflows, the allocation exceeds its
/// documented limits or the member's compliance period cannot be found; the
/// error names the member.
llvm::Expected<Audit> evaluate(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                               std::optional<Date> PeriodOf = std::nullopt);

} // namespace certc::eval

#endif
