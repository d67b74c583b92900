// Finds and reads the ledgers named on a command line: JSON files, CSV pairs
// (NAME.members.csv + NAME.activities.csv), or folders of them.
#ifndef CERTC_DRIVER_LEDGERFILES_H
#define CERTC_DRIVER_LEDGERFILES_H

#include "ledger/Ledger.h"

#include <string>
#include <vector>

namespace certc {

struct LedgerSource {
  std::string Path;          ///< a JSON file, or the members file of a CSV pair
  std::string ActivitiesCsv; ///< empty for JSON
};

/// Expands folders (sorted, not recursive); unusable paths become errors.
std::vector<LedgerSource> findLedgers(const std::vector<std::string> &Paths,
                                      std::vector<ledger::LedgerError> &Errors);

/// Reads one source, handing each member to OnMember as it is read; read
/// failures become errors naming the file. OnStart is called once, before the
/// first member, with whether members handed over may be withdrawn later.
ledger::StreamResult streamLedger(const ledger::LedgerSchema &Schema, const LedgerSource &Source,
                                  ledger::MemberSink OnMember, llvm::function_ref<void(bool)> OnStart);

/// Reads one source whole.
ledger::ReadResult readLedger(const ledger::LedgerSchema &Schema, const LedgerSource &Source);

} // namespace certc

#endif
