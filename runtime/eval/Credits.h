// What each activity could earn: every (rule, category, points) option the
// policy offers it, or why no rule credits it.
#ifndef CERTC_EVAL_CREDITS_H
#define CERTC_EVAL_CREDITS_H

#include "eval/Audit.h"
#include "eval/ExprEval.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

namespace certc::eval {

struct CreditOption {
  CreditOption() = default;
  /// Lets emplace_back build an option in place: a braced temporary pushed
  /// back was stored twice, and the second store, stalled on the first, was a
  /// tenth of creditsFor.
  CreditOption(uint32_t Rule, uint32_t Category, const Derivation &How) : Rule(Rule), Category(Category), How(How) {}
  uint32_t Rule = 0; ///< ir::None: points a staff exception states, no rule's
  uint32_t Category = 0;
  Derivation How; ///< How.Earned: the option's points before caps
  /// Added by a staff exception (a substitution): it is not the rule's credit
  /// into Category, so no cap of the rule's limits it.
  bool Substituted = false;
};

/// One part of an activity credited in parts, with its options (one per category
/// of the part).
struct PartCredits {
  llvm::SmallVector<CreditOption, 2> Options;
};

struct ItemCredits {
  /// As ItemResult's: value-initialisation would zero the 500 bytes before the
  /// members' defaults are stored (2% of a typical audit).
  ItemCredits() {}
  llvm::SmallVector<CreditOption, 2> Options; ///< rule order, then target order
  /// Non-empty: the activity is credited in these parts, each an allocation item
  /// of its own, through one split rule; Options is then empty.
  llvm::SmallVector<PartCredits, 0> Parts;
  /// The first rule that matched the item but turned it down, with its reason.
  uint32_t RejectingRule = ir::None;
  Reason Rejection;
  Derivation RejectedHow; ///< when the rule's points came to zero
  llvm::ArrayRef<ir::Citation> RejectionCites;
};

/// Fills Out, which starts empty, in place (an ItemCredits is large). Fails
/// only when exact arithmetic would overflow.
llvm::Error creditsFor(const ExprEvaluator &Eval, const PolicyIndex &Index, const ledger::Activity &A,
                       ItemCredits &Out);

} // namespace certc::eval

#endif
