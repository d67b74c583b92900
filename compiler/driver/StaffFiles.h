// The staff's files besides the ledgers, shared by `run` and `plan`: staff
// exceptions (--exceptions) and planned activities (--planned), each checked
// like a ledger. A member named in either file with an error is not audited;
// the other members are.
#ifndef CERTC_DRIVER_STAFFFILES_H
#define CERTC_DRIVER_STAFFFILES_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "exceptions/Exceptions.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace certc {

class StaffFiles {
public:
  /// Reads the files whose paths are not empty; their errors go to Errors.
  StaffFiles(const ir::Policy &P, llvm::StringRef ExceptionsPath, llvm::StringRef PlannedPath,
             std::vector<ledger::LedgerError> &Errors);

  /// False when a file could not be read at all (its syntax, its header):
  /// then no member can be audited with confidence.
  bool usable() const { return Usable; }
  /// The paths read, for `-o`'s check that the output is not an input.
  std::vector<std::string> paths() const;

  /// Appends M's planned activities to M and records that a ledger has M.
  /// Safe from any thread (`run --jobs` reads parts of a file on several).
  void addPlanned(ledger::Member &M);
  /// An error for every member these files name that no ledger had.
  void reportUnseen(std::vector<ledger::LedgerError> &Errors) const;

  /// Audits M (already given its planned activities) with its exceptions;
  /// fails for a member with errors in these files. Safe from any thread.
  /// PeriodOf: a date in the compliance period to audit (none: the one containing AsOf).
  /// Scratch: the allocator's buffers of the calling thread (none: its own).
  llvm::Expected<eval::Audit> audit(const eval::PolicyIndex &Index, const ledger::Member &M, Date AsOf,
                                    std::optional<Date> PeriodOf = std::nullopt,
                                    alloc::AllocationScratch *Scratch = nullptr) const;

private:
  /// Where a member is named, for "not in any ledger".
  struct Place {
    std::string File;
    uint32_t Line = 0, Col = 0;
  };

  void readPlanned(const ir::Policy &P, llvm::StringRef Path, std::vector<ledger::LedgerError> &Errors);

  exceptions::ExceptionsFile Exceptions;
  struct PlannedActivities {
    std::string File; ///< where they are (a CSV pair's activities file)
    ledger::Member Record; ///< the planned member record: its activities, and the store of their values
  };
  llvm::StringMap<PlannedActivities> Planned;
  llvm::StringMap<Place> Named;        ///< every member either file names
  llvm::StringMap<bool> Blocked;       ///< members with errors in either file
  llvm::StringMap<bool> Seen;          ///< members some ledger had
  std::mutex SeenLock;
  std::string ExceptionsPath, PlannedPath;
  bool Usable = true;
};

} // namespace certc

#endif
