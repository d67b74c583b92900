// What each requirement asks of one member in one period: the dated amount for
// the period's start, pro-rated by months, or nothing when it does not apply
// (`when`, `every Nth period`, no amount, an amount of 0).
#ifndef CERTC_EVAL_REQUIREDAMOUNTS_H
#define CERTC_EVAL_REQUIREDAMOUNTS_H

#include "eval/ExprEval.h"

#include "llvm/Support/Error.h"

#include <string>

namespace certc::eval {

struct MemberAmount {
  bool Applies = true;
  Rational Amount;        ///< 0 when it does not apply
  std::string NotApplying; ///< why not, as members read it
  std::string ProRated;    ///< how a pro-rated amount was computed, as members read it
};

/// Fails, naming nothing (the caller names the member), when exact arithmetic
/// overflows or a date is past the calendar.
llvm::Expected<MemberAmount> requiredAmount(const ir::Policy &P, const ExprEvaluator &Eval, const ir::Requirement &R);

} // namespace certc::eval

#endif
