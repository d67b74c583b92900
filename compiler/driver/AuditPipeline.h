// Audits members while the ledgers are read: members go out in batches to Jobs
// threads, each batch is rendered where it was audited, and the reports come
// back in ledger order. Memory holds the batches in flight and the reports of
// the current file, never the whole membership.
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

  /// Queues a member of the current file.
  void add(ledger::Member &&M);
  /// Ends the current file: waits for its audits, writes the reports of all
  /// but the withdrawn members (numbered from the file's first member) to OS,
  /// and keeps the failed audits' messages for errors().
  void endFile(llvm::ArrayRef<size_t> Withdrawn, llvm::raw_ostream &OS);
  /// Audits that failed, in ledger order.
  const std::vector<std::string> &errors() const { return Errors; }
  /// Members audited so far (read from any thread, for a progress line).
  size_t audited() const { return Audited; }

private:
  struct Batch {
    std::vector<ledger::Member> Members;
    std::string Reports;
    std::vector<size_t> Ends;                ///< per member: end of its report in Reports
    std::vector<std::string> Failures;       ///< per member: empty when audited
    bool Done = false;
  };

  void submit();
  void run(Batch &B);
  void work();

  const eval::PolicyIndex &Index;
  Date AsOf;
  RenderFn Render;
  std::vector<std::unique_ptr<Batch>> FileBatches; ///< the current file's, in order
  std::unique_ptr<Batch> Filling;
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
