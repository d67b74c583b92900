// Finds and reads the ledgers named on a command line: JSON files, CSV pairs
// (NAME.members.csv + NAME.activities.csv), or folders of them.
#ifndef CERTC_DRIVER_LEDGERFILES_H
#define CERTC_DRIVER_LEDGERFILES_H

#include "ledger/Ledger.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"

#include <optional>
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

/// Reads the parts of one JSON file, perhaps in parallel, and returns what
/// each left, in order, up to the first that ended the reading.
using ReadPartsFn = llvm::function_ref<std::vector<ledger::PartResult>(
    const llvm::MemoryBuffer &File, llvm::ArrayRef<ledger::JsonLedgerPart> Parts)>;

/// Reads one source, handing each member to OnMember as it is read; read
/// failures become errors naming the file. OnStart is called once, before the
/// first member, with whether members handed over may be withdrawn later.
/// With ReadParts, a large JSON file that cannot withdraw members is split
/// where its entries begin and handed to ReadParts instead of OnMember.
ledger::StreamResult streamLedger(const ledger::LedgerSchema &Schema, const LedgerSource &Source,
                                  ledger::MemberSink OnMember, llvm::function_ref<void(bool)> OnStart,
                                  std::optional<ReadPartsFn> ReadParts = std::nullopt);

/// The member ids that more than one file of a batch uses. Auditing each
/// record alone would give two contradictory reports for one member, so, as
/// for an id repeated within a file, neither is audited.
class BatchMemberIds {
public:
  /// Another file of the batch (by path) with Id, when File (an index into
  /// the sources) is not the only one; else null.
  const std::string *otherFile(llvm::StringRef Id, size_t File) const;
  /// Whether File has any such id (its reports must wait for its end).
  bool inFile(size_t File) const;

private:
  friend BatchMemberIds memberIdsInSeveralFiles(const ledger::LedgerSchema &, const std::vector<LedgerSource> &);
  std::vector<std::string> Paths;
  llvm::StringMap<std::vector<uint32_t>> Files; ///< id -> the files using it, when more than one
};

/// Reads every source of a batch of more than one for its member ids (a
/// second reading of each file; a batch of one needs none).
BatchMemberIds memberIdsInSeveralFiles(const ledger::LedgerSchema &Schema, const std::vector<LedgerSource> &Sources);

/// The error for a member whose id another file of the batch (Other) uses.
ledger::LedgerError memberInSeveralFiles(const ledger::Member &M, const std::string &Other);

/// Reads one source whole.
ledger::ReadResult readLedger(const ledger::LedgerSchema &Schema, const LedgerSource &Source);

} // namespace certc

#endif
