// The compliance period a member is audited in (ir::CompliancePeriod).
#ifndef CERTC_EVAL_PERIOD_H
#define CERTC_EVAL_PERIOD_H

#include "eval/Audit.h"
#include "eval/ExprEval.h"

#include "llvm/Support/Error.h"

namespace certc::eval {

/// The period of the member's first applicable ir::CompliancePeriod that
/// contains Within; none when the policy declares no period. Fails, naming the
/// member, when no period applies or its start date is not in the record.
llvm::Expected<std::optional<PeriodDates>> periodContaining(const ExprEvaluator &Eval, const ir::Policy &P,
                                                            const std::string &Member, Date Within);

} // namespace certc::eval

#endif
