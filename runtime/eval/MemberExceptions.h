// A member's staff exceptions, resolved against the member's items, its
// prerequisites and the audit date; those that cannot apply are errors that
// name their place in the exceptions file.
#ifndef CERTC_EVAL_MEMBEREXCEPTIONS_H
#define CERTC_EVAL_MEMBEREXCEPTIONS_H

#include "eval/Audit.h"
#include "eval/Credits.h"
#include "eval/StaffException.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace certc::eval {

/// An audit that cannot start because of its input files (an exception naming
/// an item the member does not have): every error names its place.
class InputErrors : public llvm::ErrorInfo<InputErrors> {
public:
  static char ID;
  explicit InputErrors(std::vector<ledger::LedgerError> Errors) : Errors(std::move(Errors)) {}
  /// One line per error, as LedgerError::str() writes it.
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;
  const std::vector<ledger::LedgerError> &errors() const { return Errors; }

private:
  std::vector<ledger::LedgerError> Errors;
};

/// The error for exception E, placed at its `item` value.
ledger::LedgerError itemError(const StaffException &E, std::string Message);

struct ResolvedExceptions {
  std::vector<const StaffException *> OfItem;  ///< per item: the credit or exclusion in effect
  std::vector<const StaffException *> Waivers; ///< per prerequisite: the waiver in effect
  std::vector<const StaffException *> Grants;  ///< in effect, in file order
  std::vector<ExceptionResult> All;            ///< every exception of the member, in file order
};

/// Items are the member's activities in canonical order (by id). An exception
/// dated after AsOf is listed but not applied: an audit as of a past date shows
/// the status on that date. Fails with InputErrors when an exception names an
/// item the member does not have, or an item another exception already names.
llvm::Expected<ResolvedExceptions> resolveExceptions(const ir::Policy &P, llvm::ArrayRef<StaffException> Exceptions,
                                                     llvm::ArrayRef<const ledger::Activity *> Items, Date AsOf);

/// Applies credit exception E to an item's options and returns the option to
/// pin: the option a rule offers into E's category, or a substituted one added
/// (with the points of the item's first option, the policy's preferred one),
/// either with E's points when it states them. Fails with InputErrors when E
/// states no points and no rule gives the item any.
llvm::Expected<int32_t> pinCredit(const StaffException &E, ItemCredits &C);

} // namespace certc::eval

#endif
