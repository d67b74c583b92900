// Evaluates IR expressions for one member, one current activity and an audit date.
#ifndef CERTC_EVAL_EXPREVAL_H
#define CERTC_EVAL_EXPREVAL_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace certc::eval {

/// A value computed by an expression; awards are read from the member's field.
struct Scalar {
  ir::Value::Kind K = ir::Value::Kind::Absent;
  bool Bool = false;
  Rational Number;
  Date DateValue;
  ir::SymbolId Symbol = ir::None;
  uint64_t Set = 0;
  /// Text: a view of the ledger's or the policy's text (or of a capital
  /// letter, for `first letter of`), valid while they are.
  llvm::StringRef Text;
};

class ExprEvaluator {
public:
  ExprEvaluator(const PolicyIndex &Index, const ledger::Member &M, Date AsOf);

  /// Current is the activity that bare activity fields read (null for the member).
  Scalar eval(ir::ExprId Id, const ledger::Activity *Current) const;
  /// Whether the test holds: its compiled program when the index has one.
  bool test(ir::ExprId Id, const ledger::Activity *Current) const {
    uint32_t Program = Index.Tests.programOf(Id);
    return Program != ir::None ? Index.Tests.run(Program, *this, Current) : walkTest(Id, Current);
  }
  /// The same by walking the expression tree: what compiled programs leave to
  /// it, and what their tests compare them with.
  bool walkTest(ir::ExprId Id, const ledger::Activity *Current) const {
    Scalar S = eval(Id, Current);
    return S.K == ir::Value::Kind::Bool && S.Bool;
  }
  const ledger::Member &member() const { return M; }
  /// The activity's date (its `date`, or a period's `start`), if it has one.
  /// A must be one of the member's activities.
  std::optional<Date> dateOf(const ledger::Activity &A) const { return Dates[&A - M.Activities.data()]; }
  Date asOf() const { return AsOf; }
  /// The member's compliance period, once evaluate has found it.
  const std::optional<PeriodDates> &period() const { return Period; }
  void setPeriod(std::optional<PeriodDates> P) { Period = P; }
  /// The first date moved past the calendar by a date shift, if any: the
  /// audit cannot be trusted then.
  const std::optional<std::string> &dateError() const { return DateError; }

private:
  static void prefetchFields(const ledger::Activity &A);
  bool compare(ir::Cmp C, const Scalar &L, const Scalar &R) const;
  bool sameFields(const ledger::Activity &A, const ledger::Activity &B,
                  const std::vector<std::pair<uint32_t, uint32_t>> &Pairs) const;
  llvm::ArrayRef<const ledger::Activity *> activitiesOfKind(uint32_t Kind) const {
    return llvm::ArrayRef<const ledger::Activity *>(ByKind).slice(KindStart[Kind],
                                                                  KindStart[Kind + 1] - KindStart[Kind]);
  }

  std::optional<PeriodDates> Period;
  const PolicyIndex &Index;
  const ledger::Member &M;
  Date AsOf;
  /// The member's activities grouped by kind (in ledger order within a kind),
  /// so that "no earlier ... with same" and "count of" look only at their kind.
  llvm::SmallVector<const ledger::Activity *, 64> ByKind;
  llvm::SmallVector<uint32_t, 32> KindStart; ///< kind -> first index in ByKind; one past the end last
  /// Every activity's date, by ledger position, read once: each item's
  /// credits start with it, and "no earlier ... with same" compares it often.
  llvm::SmallVector<std::optional<Date>, 64> Dates;
  mutable std::optional<std::string> DateError;
};

/// A policy constant's or a ledger field's value as an expression's.
Scalar scalarOf(const ir::Value &V);
Scalar scalarOf(const ledger::FieldValue &V);

} // namespace certc::eval

#endif
