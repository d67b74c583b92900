// Reads the ledgers and audits every member under two editions of a policy,
// for `certc diff OLD NEW LEDGER...`.
#ifndef CERTC_DRIVER_MEMBERSHIPIMPACT_H
#define CERTC_DRIVER_MEMBERSHIPIMPACT_H

#include "compare/Impact.h"
#include "ir/IR.h"

#include <optional>
#include <string>
#include <vector>

namespace certc {

/// The impact of going from Old to New on the members of the ledgers (files
/// or folders). Ledger and audit errors are printed to stderr; any makes the
/// result nullopt. When both editions read ledgers alike (the same
/// vocabulary) each member is read once and audited twice; otherwise the
/// ledgers are read once per edition and members paired by id.
std::optional<compare::ImpactReport> measureMembershipImpact(const ir::Policy &Old, const ir::Policy &New,
                                                             const std::vector<std::string> &Ledgers, Date AsOf);

} // namespace certc

#endif
