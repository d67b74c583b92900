// Audits members while the ledgers are read: members go out in batches to Jobs
// threads (or, for a large JSON file, parts of the file that each thread
// reads itself), each batch is rendered where it was audited, and the reports
// come out in ledger order, across files. A file that may withdraw members (a member
// id that repeats) holds its reports until it has been read; the others write
// each batch as soon as the batches before it are written.
#ifndef CERTC_DRIVER_AUDITPIPELINE_H
#define CERTC_DRIVER_AUDITPIPELINE_H

#include "alloc/Allocator.h"
#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"
#include "report/Report.h"
#include "report/ReportBuffer.h"
#include "report/ReportFragments.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace certc {

/// The policy (edition) a member is audited against, chosen per member.
struct EditionChoice {
  const eval::PolicyIndex *Index = nullptr; ///< null: Error says why there is none
  const report::ReportFragments *Fragments = nullptr; ///< the edition's, with Index
  std::optional<report::EditionUsed> Used;  ///< for the report; none with one edition
  std::string Error;
};

class AuditPipeline {
public:
  /// The edition in force for a member (several editions: `run --edition`).
  using ChooseFn = std::function<EditionChoice(const ledger::Member &)>;
  /// Audits one member against the chosen edition, with the allocator's
  /// buffers of the calling job; called from any worker thread.
  using AuditFn = std::function<llvm::Expected<eval::Audit>(const eval::PolicyIndex &, const ledger::Member &,
                                                            alloc::AllocationScratch &)>;
  using RenderFn = std::function<void(llvm::raw_ostream &, const eval::Audit &, const EditionChoice &)>;
  /// Reads one part of a file, handing each member read to the sink, which
  /// audits and renders it; called from any worker thread.
  using ReadPartFn = std::function<ledger::PartResult(ledger::MemberSink)>;

  /// An audit that failed: Located errors (eval::InputErrors) already say
  /// "file:line:col: error: ..."; the others are a bare message.
  struct Failure {
    std::string Text;
    bool Located = false;
  };

  /// Reports go to OS.
  AuditPipeline(ChooseFn Choose, AuditFn Audit, unsigned Jobs, RenderFn Render, llvm::raw_ostream &OS);
  ~AuditPipeline();

  /// Starts a file. MayWithdraw: its reader may withdraw members it has handed
  /// over, so none of its reports is written before endFile.
  void beginFile(llvm::StringRef Name, bool MayWithdraw);
  /// Queues a member of the current file; waits when enough batches are in
  /// flight, so that memory stays bounded however fast the reading is.
  void add(ledger::Member &&M);
  /// Queues a part of the current file, to be read, audited and rendered
  /// on a worker thread; waits as add does. Only for a file that cannot
  /// withdraw members.
  void addPart(ReadPartFn Read);
  /// Waits for the current file's parts and returns what reading each left,
  /// in order, up to the first that ended the reading: the members of the
  /// parts after it are not reported.
  std::vector<ledger::PartResult> endParts();
  /// Ends the current file; the withdrawn members (numbered from the file's
  /// first member) are not reported.
  void endFile(llvm::ArrayRef<size_t> Withdrawn);
  /// Waits for every audit and writes the remaining reports.
  void finish();
  /// Audits that failed, in ledger order (complete after finish).
  const std::vector<Failure> &errors() const { return Errors; }
  /// Reports written so far (withdrawn members and those of parts read in
  /// vain, after a part that ended the reading, are not).
  size_t written() const { return Written; }
  /// Members audited so far (read from any thread, for a progress line).
  size_t audited() const { return Audited; }

private:
  struct FileState {
    std::string Name;
    bool MayWithdraw = false;
    bool Ended = false;
    std::vector<bool> Withdrawn; ///< by member number, once Ended
    std::vector<ledger::PartResult> Parts; ///< of the parts written so far
    bool PartsEnded = false;               ///< a part written ended the reading
  };
  struct Batch {
    size_t File = 0;        ///< index into Files
    size_t FirstMember = 0; ///< number of its first member in the file
    std::vector<ledger::Member> Members;
    ReadPartFn ReadPart; ///< a part of a file, read where it is audited (no Members then)
    ledger::PartResult Read; ///< what reading the part left
    report::ReportBuffer Reports;
    std::vector<size_t> Ends;          ///< per member: end of its report in Reports
    std::vector<Failure> Failures; ///< per member: empty Text when audited
    bool Done = false;
  };

  /// The batch being filled, started if need be.
  Batch &filling();
  /// Submits the batch being filled, writes what is ready, and waits while
  /// too many batches are in flight.
  void submitAndWait();
  void submit();
  void run(Batch &B, alloc::AllocationScratch &Scratch);
  /// Frees the members of the audited batches at the front of Pending.
  void releaseAuditedMembers();
  void work();
  /// Writes, in order, the front batches that are audited and whose file
  /// allows it; with Wait, waits for their audits.
  void writeReady(bool Wait);
  void write(Batch &B);

  ChooseFn Choose;
  AuditFn Audit;
  RenderFn Render;
  llvm::raw_ostream &Out;
  const size_t MaxInFlight;

  std::vector<FileState> Files;
  size_t MembersInFile = 0;
  std::deque<std::unique_ptr<Batch>> Pending; ///< submitted, not yet written, in order
  size_t Released = 0; ///< Pending's first batches whose members are freed
  std::unique_ptr<Batch> Filling;
  std::vector<std::unique_ptr<Batch>> Spare; ///< written batches, kept for their buffers
  std::vector<Failure> Errors;
  std::atomic<size_t> Audited{0};
  size_t Written = 0;
  std::atomic<size_t> LargestBatch{0}; ///< bytes of the largest batch of reports so far

  std::mutex Lock;
  std::condition_variable WorkReady, BatchDone;
  std::deque<Batch *> Queue;
  size_t InFlight = 0; ///< submitted batches not yet audited
  bool Stopping = false;
  std::vector<std::thread> Workers;
  /// The allocator's buffers of the reading thread, which audits the batches
  /// itself with one job (each worker keeps its own).
  alloc::AllocationScratch ReaderScratch;
};

} // namespace certc

#endif
