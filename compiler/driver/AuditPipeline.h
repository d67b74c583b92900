// Audits members while the ledgers are read: members go out in batches to Jobs
// threads, each batch is rendered where it was audited, and the reports come
// back in ledger order. When a file may withdraw members (a member id that
// repeats), its reports are held until it has been read; otherwise each batch
// is written as soon as the batches before it are, and its memory is reused.
#ifndef CERTC_DRIVER_AUDITPIPELINE_H
#define CERTC_DRIVER_AUDITPIPELINE_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/ArrayRef.h"
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

class AuditPipeline {
public:
  using RenderFn = std::function<void(llvm::raw_ostream &, const eval::Audit &)>;

  AuditPipeline(const eval::PolicyIndex &Index, Date AsOf, unsigned Jobs, RenderFn Render);
  ~AuditPipeline();

  /// Starts a file whose reports go to OS. MayWithdraw: its reader may
  /// withdraw members it has handed over, so nothing is written before endFile.
  void beginFile(llvm::StringRef Name, llvm::raw_ostream &OS, bool MayWithdraw);
  /// Queues a member of the current file.
  void add(ledger::Member &&M);
  /// Ends the current file: waits for its audits and writes the reports not
  /// yet written, but not those of the withdrawn members (numbered from the
  /// file's first member).
  void endFile(llvm::ArrayRef<size_t> Withdrawn);
  /// Audits that failed, in ledger order.
  const std::vector<std::string> &errors() const { return Errors; }
  /// Members audited so far (read from any thread, for a progress line).
  size_t audited() const { return Audited; }

private:
  struct Batch {
    std::vector<ledger::Member> Members;
    std::string Reports;
    std::vector<size_t> Ends;          ///< per member: end of its report in Reports
    std::vector<std::string> Failures; ///< per member: empty when audited
    bool Done = false;
  };

  void submit();
  void run(Batch &B);
  void work();
  void waitFor(const Batch &B);
  /// Writes the reports of the file's finished batches at the front of the
  /// queue, in order; with Wait, waits for each batch instead.
  void writeReady(bool Wait, llvm::ArrayRef<size_t> Withdrawn = {});

  const eval::PolicyIndex &Index;
  Date AsOf;
  RenderFn Render;

  std::string FileName;
  llvm::raw_ostream *Out = nullptr;
  bool MayWithdraw = false;
  size_t Written = 0; ///< members of the current file whose report is settled
  std::deque<std::unique_ptr<Batch>> FileBatches; ///< submitted, not yet written
  std::unique_ptr<Batch> Filling;
  std::vector<std::unique_ptr<Batch>> Spare; ///< written batches, kept for their buffers
  std::vector<std::string> Errors;
  std::atomic<size_t> Audited{0};
  std::atomic<size_t> LargestBatch{0}; ///< bytes of the largest batch of reports so far

  std::mutex Lock;
  std::condition_variable WorkReady, BatchDone;
  std::deque<Batch *> Queue;
  bool Stopping = false;
  std::vector<std::thread> Workers;
};

} // namespace certc

#endif
