// What each activity could earn: every (rule, category, points) option the
// policy offers it, or why no rule credits it.
#ifndef CERTC_EVAL_CREDITS_H
#define CERTC_EVAL_CREDITS_H

#include "eval/ExprEval.h"

#include "llvm/Support/Error.h"

namespace certc::eval {

struct CreditOption {
  uint32_t Rule = 0;
  uint32_t Category = 0;
  Rational Points;
  std::string Derivation;
  std::string Note; ///< e.g. a per-item maximum applied
};

struct ItemCredits {
  std::vector<CreditOption> Options; ///< rule order, then target order
  /// The first rule that matched the item but turned it down, with its reason.
  uint32_t RejectingRule = ir::None;
  std::string Rejection;
  const std::vector<ir::Citation> *RejectionCites = nullptr;
};

/// Fails only when exact arithmetic would overflow.
llvm::Expected<ItemCredits> creditsFor(const ExprEvaluator &Eval, const PolicyIndex &Index,
                                       const ledger::Activity &A);

} // namespace certc::eval

#endif
