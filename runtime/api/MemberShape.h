// Checks that a member matches a policy's ledger schema before it is evaluated:
// the evaluator trusts the readers' guarantees, a member built by hand may not
// keep them. Private to runtime/api.
#ifndef CERTC_API_MEMBERSHAPE_H
#define CERTC_API_MEMBERSHAPE_H

#include "ir/IR.h"
#include "ledger/Ledger.h"

#include <optional>

namespace certc::api {

/// The first way M does not fit P (field counts, kind indices, value kinds,
/// enum values), as a ledger error naming the member, activity and field.
std::optional<ledger::LedgerError> checkMemberShape(const ir::Policy &P, const ledger::Member &M);

} // namespace certc::api

#endif
