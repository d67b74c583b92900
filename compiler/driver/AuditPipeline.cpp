// The batch pipeline behind `certc run`.
#include "driver/AuditPipeline.h"

#include "eval/Evaluate.h"

#include <algorithm>

namespace certc {

namespace {
/// Large enough to amortise the hand-off, small enough to spread a few
/// thousand members over the threads.
constexpr size_t BatchSize = 64;
} // namespace

AuditPipeline::AuditPipeline(const eval::PolicyIndex &Index, Date AsOf, unsigned Jobs, RenderFn Render)
    : Index(Index), AsOf(AsOf), Render(std::move(Render)) {
  // With one job the reading thread audits each batch itself.
  if (Jobs > 1)
    for (unsigned I = 0; I < Jobs; ++I)
      Workers.emplace_back([this] { work(); });
}

AuditPipeline::~AuditPipeline() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
  }
  WorkReady.notify_all();
  for (std::thread &T : Workers)
    T.join();
}

void AuditPipeline::beginFile(llvm::StringRef Name, llvm::raw_ostream &OS, bool Withdrawals) {
  FileName = Name.str();
  Out = &OS;
  MayWithdraw = Withdrawals;
  Written = 0;
}

void AuditPipeline::add(ledger::Member &&M) {
  if (!Filling) {
    if (Spare.empty()) {
      Filling = std::make_unique<Batch>();
    } else {
      Filling = std::move(Spare.back());
      Spare.pop_back();
    }
    Filling->Members.reserve(BatchSize);
  }
  Filling->Members.push_back(std::move(M));
  if (Filling->Members.size() == BatchSize) {
    submit();
    if (!MayWithdraw)
      writeReady(/*Wait=*/false);
  }
}

void AuditPipeline::submit() {
  if (!Filling)
    return;
  Batch *B = Filling.get();
  FileBatches.push_back(std::move(Filling));
  if (Workers.empty()) {
    run(*B);
    B->Done = true;
    return;
  }
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Queue.push_back(B);
  }
  WorkReady.notify_one();
}

void AuditPipeline::run(Batch &B) {
  // Growing a report buffer copies it and touches fresh pages each time;
  // batches are alike, so the largest so far is a good first size.
  B.Reports.reserve(LargestBatch.load() + LargestBatch.load() / 8);
  llvm::raw_string_ostream OS(B.Reports);
  OS.SetBufferSize(1 << 16);
  B.Failures.resize(B.Members.size());
  for (size_t I = 0; I < B.Members.size(); ++I) {
    llvm::Expected<eval::Audit> A = eval::evaluate(Index, B.Members[I], AsOf);
    if (A)
      Render(OS, *A);
    else
      B.Failures[I] = llvm::toString(A.takeError());
    OS.flush();
    B.Ends.push_back(B.Reports.size());
    ++Audited;
  }
  for (size_t Seen = LargestBatch.load(); Seen < B.Reports.size();)
    if (LargestBatch.compare_exchange_weak(Seen, B.Reports.size()))
      break;
  // The reports are all that is kept of a batch.
  B.Members.clear();
}

void AuditPipeline::work() {
  for (;;) {
    Batch *B;
    {
      std::unique_lock<std::mutex> Guard(Lock);
      WorkReady.wait(Guard, [&] { return Stopping || !Queue.empty(); });
      if (Queue.empty())
        return;
      B = Queue.front();
      Queue.pop_front();
    }
    run(*B);
    {
      std::lock_guard<std::mutex> Guard(Lock);
      B->Done = true;
    }
    BatchDone.notify_all();
  }
}

void AuditPipeline::waitFor(const Batch &B) {
  std::unique_lock<std::mutex> Guard(Lock);
  BatchDone.wait(Guard, [&] { return B.Done; });
}

void AuditPipeline::writeReady(bool Wait, llvm::ArrayRef<size_t> Withdrawn) {
  while (!FileBatches.empty()) {
    Batch &B = *FileBatches.front();
    if (Wait) {
      waitFor(B);
    } else {
      std::lock_guard<std::mutex> Guard(Lock);
      if (!B.Done)
        return;
    }
    size_t Begin = 0;
    for (size_t I = 0; I < B.Ends.size(); ++I, ++Written) {
      bool Gone = std::find(Withdrawn.begin(), Withdrawn.end(), Written) != Withdrawn.end();
      if (!Gone) {
        *Out << llvm::StringRef(B.Reports).slice(Begin, B.Ends[I]);
        if (!B.Failures[I].empty())
          Errors.push_back(std::move(B.Failures[I]));
      }
      Begin = B.Ends[I];
    }
    B.Reports.clear();
    B.Ends.clear();
    B.Failures.clear();
    B.Done = false;
    Spare.push_back(std::move(FileBatches.front()));
    FileBatches.pop_front();
  }
}

void AuditPipeline::endFile(llvm::ArrayRef<size_t> Withdrawn) {
  submit();
  // A file without repeated member ids cannot withdraw any; if its reader
  // disagrees, a report may already be out, which must not pass silently.
  std::vector<size_t> Late;
  for (size_t I : Withdrawn)
    if (!MayWithdraw)
      Late.push_back(I);
  writeReady(/*Wait=*/true, Withdrawn);
  for (size_t I : Late)
    Errors.push_back("internal error: " + FileName + ": member number " + std::to_string(I + 1) +
                     " was withdrawn after its report was written");
  Out = nullptr;
}

} // namespace certc
