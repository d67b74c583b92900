// How an audit treats compliance periods beyond finding the member's: the
// previous period's audit (PreviousPeriod.cpp) feeds the audited one the
// items it used in its grace months and the credit that carries over.
// Private to runtime/eval.
#ifndef CERTC_EVAL_PERIODSCOPE_H
#define CERTC_EVAL_PERIODSCOPE_H

#include "eval/Evaluate.h"
#include "eval/ExprEval.h"

#include "llvm/ADT/StringSet.h"

namespace certc::eval {

struct PeriodScope {
  /// The period to audit; none: the one containing AuditOptions::PeriodOf.
  std::optional<PeriodDates> Period;
  /// Audit this period on its own: no look at the previous one, so no carry-in
  /// and no items taken by it (carried credit carries once).
  bool Alone = false;
  /// Ids of grace items this audit treats as outside its period: in the
  /// previous period's own audit, those after the ones it is tried with.
  llvm::StringSet<> Hidden;
  /// Filled by lookBack: the previous period, the ids of the items it credited
  /// in its grace months, and the credit carried in.
  std::optional<PeriodDates> Previous;
  llvm::StringSet<> UsedByPrevious;
  std::vector<CarriedCredit> CarriedIn;
};

llvm::Expected<Audit> evaluateInScope(const PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                                      const AuditOptions &Options, PeriodScope Scope);

/// Audits the period before Current on its own, first without its grace items;
/// fills Scope. Does nothing for a policy without carry-over or grace months.
llvm::Error lookBack(const PolicyIndex &Index, const ledger::Member &M, Date AsOf, const ExprEvaluator &Eval,
                     const PeriodDates &Current, PeriodScope &Scope);

} // namespace certc::eval

#endif
