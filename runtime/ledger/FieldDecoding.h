// How ledger text becomes field values, shared so a ledger means the same in JSON and CSV.
#ifndef CERTC_LEDGER_FIELDDECODING_H
#define CERTC_LEDGER_FIELDDECODING_H

#include "ledger/FieldValue.h"
#include "ledger/LedgerSchema.h"
#include "ledger/ValueStore.h"

#include "base/Date.h"
#include "ir/IR.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace certc::ledger::detail {

/// Ledger text as a message shows it: in backticks, shortened when long, with
/// control and non-ASCII bytes escaped so binary garbage stays readable.
std::string quote(llvm::StringRef Text);

/// "" when Text has no control character; else why an id (What, "member id")
/// may not have one: reports print ids as lines of their own.
std::string controlCharacterIn(llvm::StringRef What, llvm::StringRef Text);

/// " (did you mean `x`?)" for the closest of Candidates, or "".
std::string didYouMean(llvm::StringRef Name, const std::vector<llvm::StringRef> &Candidates);
std::string didYouMeanField(llvm::StringRef Name, const std::vector<ir::Field> &Fields);
std::string didYouMeanKind(const LedgerSchema &S, llvm::StringRef Name);

/// Plain decimal `-?digits(.digits)?`, read exactly; F is Integer or Quantity,
/// and an Integer must be whole and within F's bounds.
std::string decodeNumber(const ir::Field &F, llvm::StringRef Text, FieldValue &V);
/// A calendar date written YYYY-MM-DD.
std::string decodeDate(llvm::StringRef Text, FieldValue &V);
/// One value name of F's enum.
std::string decodeEnum(const LedgerSchema &S, const ir::Field &F, llvm::StringRef Text,
                       FieldValue &V);
/// Adds one value name of F's enum to the set V (already Kind::Set); a name
/// given twice is an error, since it usually means a different one was meant.
std::string addSetElement(const LedgerSchema &S, const ir::Field &F, llvm::StringRef Name,
                          FieldValue &V);
/// Adds an award of the designation called Name to Awards (a field's awards
/// while they are read); a designation awarded twice is an error.
std::string addAward(const LedgerSchema &S, llvm::StringRef Name, Date Awarded,
                     llvm::SmallVectorImpl<ir::Award> &Awards);

/// The textual form of any field type, as CSV cells write it: `true`/`false`,
/// sets as `a;b;c`, awards as `CMC:2018-03-15;MMC:2021-01-01`. Surrounding
/// blanks are ignored except in Text fields. Text and awards are kept in Store.
std::string decodeText(const LedgerSchema &S, const ir::Field &F, llvm::StringRef Text,
                       FieldValue &V, ValueStore &Store);

/// Why the period in Fields (of kind Kind) ends before it starts, or "".
std::string checkPeriod(const LedgerSchema &S, uint32_t Kind,
                        llvm::ArrayRef<FieldValue> Fields);

} // namespace certc::ledger::detail

#endif
