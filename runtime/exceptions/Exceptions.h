// Readers of staff exceptions files (JSON, and CSV for spreadsheets), checked
// against a policy: every field, action, category and prerequisite, with
// errors naming file:line:col, member, item and field. The format is in
// docs/exceptions-format.md.
#ifndef CERTC_EXCEPTIONS_EXCEPTIONS_H
#define CERTC_EXCEPTIONS_EXCEPTIONS_H

#include "eval/StaffException.h"
#include "ir/IR.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace certc::exceptions {

struct ExceptionsFile {
  /// The records read without error, in file order.
  std::vector<eval::StaffException> Exceptions;
  std::vector<ledger::LedgerError> Errors;
  /// Members with a record in error: auditing them without it would be wrong.
  llvm::StringMap<bool> MembersWithErrors;
  /// The file as a whole could not be read (syntax, header): no member can be
  /// audited with confidence that it has no exception in it.
  bool Unreadable = false;

  /// Member's exceptions, in file order (after groupByMember).
  llvm::ArrayRef<eval::StaffException> of(llvm::StringRef Member) const;
  /// Sorts Exceptions by member (stably) so that `of` finds each member's.
  void groupByMember();

private:
  llvm::StringMap<std::pair<size_t, size_t>> Ranges;
};

/// An array of objects, one per exception.
ExceptionsFile readExceptionsJson(const ir::Policy &P, llvm::StringRef FileName, llvm::StringRef Text);
/// A header row naming the columns, then one row per exception.
ExceptionsFile readExceptionsCsv(const ir::Policy &P, llvm::StringRef FileName, llvm::StringRef Text);
/// Reads Path (at most MaxBytes), as CSV when it ends in `.csv`, else as JSON.
ExceptionsFile readExceptionsFile(const ir::Policy &P, llvm::StringRef Path, uint64_t MaxBytes);

} // namespace certc::exceptions

#endif
