// The C++ embedding API: load a compiled policy once, then audit members against
// it from any number of threads. Guide: docs/embedding.md; C API: certc/certc.h.
#ifndef CERTC_API_RUNTIME_H
#define CERTC_API_RUNTIME_H

#include "alloc/Allocator.h"
#include "base/Date.h"
#include "eval/Audit.h"
#include "ir/IR.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace certc {

/// The version of the runtime library, e.g. "0.1.0".
const char *runtimeVersion();

/// The outcome of auditing every member of one ledger. Bad input is data, not an
/// error: members read without error are audited, every problem is listed.
/// Audits view their policy's names, rules and citations: use them while the
/// Policy that made them is alive (keep its shared_ptr beside them).
struct LedgerAudits {
  /// One audit per member read and audited without error, in ledger order.
  std::vector<eval::Audit> Audits;
  /// Ledger problems, with file, line, column, member, activity and field where
  /// they apply, in file order; then members whose audit failed (exact
  /// arithmetic overflow, allocation limits), naming the member.
  std::vector<ledger::LedgerError> Errors;

  bool ok() const { return Errors.empty(); }
  /// One error per line, as `certc run` prints them ("file:line:col: error: ...").
  std::string errorText() const;
};

/// A compiled policy, read and verified once, with the lookup tables that reading
/// ledgers and evaluating members need. Immutable: one Policy may be shared by
/// any number of threads, each evaluating its own members. Obtain one with load
/// or loadFile; it lives as long as its last shared_ptr.
class Policy {
public:
  /// Parses IR JSON (what `certc build` writes), checks its format version and
  /// content hash, and verifies it. Name is the file name used in messages. Any
  /// input yields a Policy or an error; nothing is thrown.
  static llvm::Expected<std::shared_ptr<const Policy>> load(llvm::StringRef IRText,
                                                            llvm::StringRef Name);
  /// load() on the contents of the file at Path.
  static llvm::Expected<std::shared_ptr<const Policy>> loadFile(llvm::StringRef Path);

  ~Policy();
  Policy(const Policy &) = delete;
  Policy &operator=(const Policy &) = delete;

  /// The verified IR.
  const ir::Policy &ir() const;
  const std::string &title() const;
  /// The designation the policy awards ("CMC"), empty if none.
  llvm::StringRef designation() const;
  /// Lowercase hex SHA-256 of the IR's content, as reports print it.
  const std::string &contentHash() const;

  /// Reads a JSON ledger (one {"member": ..., "activities": [...]} object or an
  /// array of them; docs/ledger-format.md) against this policy's schema. Name is
  /// the file name used in errors.
  ledger::ReadResult readJson(llvm::StringRef Text, llvm::StringRef Name,
                              const ledger::LedgerLimits &Limits = {}) const;
  /// Reads a CSV ledger: a members file and an activities file.
  ledger::ReadResult readCsv(llvm::StringRef MembersName, llvm::StringRef MembersText,
                             llvm::StringRef ActivitiesName, llvm::StringRef ActivitiesText,
                             const ledger::LedgerLimits &Limits = {}) const;

  /// Audits one member as of a date. M should come from readJson/readCsv of this
  /// policy; a member built by hand is checked against the schema first, and a
  /// mismatch is an error naming the member, activity and field. Also fails when
  /// exact arithmetic overflows or the allocation exceeds its limits.
  llvm::Expected<eval::Audit> evaluate(const ledger::Member &M, Date AsOf) const;
  /// The same, with the allocator's buffers kept by the caller across calls
  /// instead of allocated per call: faster for a series of audits. A scratch
  /// serves one call at a time: keep one per thread (docs/embedding.md).
  llvm::Expected<eval::Audit> evaluate(const ledger::Member &M, Date AsOf,
                                       alloc::AllocationScratch &Scratch) const;

  /// Reads a JSON ledger and audits each of its members (reusing one set of
  /// the allocator's buffers for the call).
  LedgerAudits evaluateJson(llvm::StringRef LedgerText, llvm::StringRef Name, Date AsOf,
                            const ledger::LedgerLimits &Limits = {}) const;
  /// Reads a CSV ledger and audits each of its members.
  LedgerAudits evaluateCsv(llvm::StringRef MembersName, llvm::StringRef MembersText,
                           llvm::StringRef ActivitiesName, llvm::StringRef ActivitiesText,
                           Date AsOf, const ledger::LedgerLimits &Limits = {}) const;

  /// The audit as one line of JSON (ending in a newline), byte for byte what
  /// `certc run --format json` prints; schema in docs/run-output.md.
  std::string toJson(const eval::Audit &A) const;
  /// The audit as the status update `certc run` prints.
  std::string toText(const eval::Audit &A) const;

private:
  struct State;
  explicit Policy(std::unique_ptr<State> S);
  std::unique_ptr<State> S;
};

} // namespace certc

#endif
