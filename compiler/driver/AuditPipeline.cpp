// The batch pipeline behind `certc run`.
#include "driver/AuditPipeline.h"

#include "eval/MemberExceptions.h"

#include <algorithm>

namespace certc {

namespace {
/// Large enough to amortise the hand-off, small enough to spread a few
/// thousand members over the threads.
constexpr size_t BatchSize = 64;
} // namespace

AuditPipeline::AuditPipeline(ChooseFn Choose, AuditFn Audit, unsigned Jobs, RenderFn Render, llvm::raw_ostream &OS)
    : Choose(std::move(Choose)), Audit(std::move(Audit)), Render(std::move(Render)), Out(OS),
      MaxInFlight(2 * size_t(Jobs)) {
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

void AuditPipeline::beginFile(llvm::StringRef Name, bool MayWithdraw) {
  FileState &F = Files.emplace_back();
  F.Name = Name.str();
  F.MayWithdraw = MayWithdraw;
  MembersInFile = 0;
}

AuditPipeline::Batch &AuditPipeline::filling() {
  if (!Filling) {
    if (Spare.empty()) {
      Filling = std::make_unique<Batch>();
    } else {
      Filling = std::move(Spare.back());
      Spare.pop_back();
    }
    Filling->File = Files.size() - 1;
    Filling->FirstMember = MembersInFile;
  }
  return *Filling;
}

void AuditPipeline::add(ledger::Member &&M) {
  Batch &B = filling();
  B.Members.reserve(BatchSize);
  B.Members.push_back(std::move(M));
  ++MembersInFile;
  if (B.Members.size() == BatchSize)
    submitAndWait();
}

void AuditPipeline::addPart(ReadPartFn Read) {
  filling().ReadPart = std::move(Read);
  submitAndWait();
}

void AuditPipeline::submitAndWait() {
  submit();
  releaseAuditedMembers();
  writeReady(/*Wait=*/false);
  if (Workers.empty())
    return;
  std::unique_lock<std::mutex> Guard(Lock);
  BatchDone.wait(Guard, [&] { return InFlight < MaxInFlight; });
}

void AuditPipeline::submit() {
  if (!Filling)
    return;
  Batch *B = Filling.get();
  Pending.push_back(std::move(Filling));
  if (Workers.empty()) {
    run(*B, ReaderScratch);
    B->Done = true;
    return;
  }
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Queue.push_back(B);
    ++InFlight;
  }
  WorkReady.notify_one();
}

void AuditPipeline::run(Batch &B, alloc::AllocationScratch &Scratch) {
  // Growing a report buffer copies it and touches fresh pages each time;
  // batches are alike, so the largest so far is a good first size.
  B.Reports.reserve(LargestBatch.load() + LargestBatch.load() / 8);
  llvm::raw_ostream &OS = B.Reports;
  auto AuditOne = [&](const ledger::Member &M) {
    Failure &Failed = B.Failures.emplace_back();
    EditionChoice Edition = Choose(M);
    if (!Edition.Index) {
      Failed = {std::move(Edition.Error), false};
    } else if (llvm::Expected<eval::Audit> A = Audit(*Edition.Index, M, Scratch)) {
      Render(OS, *A, Edition);
    } else {
      llvm::handleAllErrors(
          A.takeError(), [&](const eval::InputErrors &E) { Failed = {E.message(), true}; },
          [&](const llvm::ErrorInfoBase &E) { Failed = {E.message(), false}; });
    }
    B.Ends.push_back(OS.tell());
    ++Audited;
  };
  if (B.ReadPart)
    B.Read = B.ReadPart([&](ledger::Member &&M) { AuditOne(M); });
  else
    for (const ledger::Member &M : B.Members)
      AuditOne(M);
  const size_t Bytes = B.Reports.text().size();
  for (size_t Seen = LargestBatch.load(); Seen < Bytes;)
    if (LargestBatch.compare_exchange_weak(Seen, Bytes))
      break;
}

void AuditPipeline::releaseAuditedMembers() {
  // The reading thread allocated the members; freeing them there too spares
  // the allocator the cross-thread frees that made two jobs slower than one.
  std::lock_guard<std::mutex> Guard(Lock);
  for (; Released < Pending.size() && Pending[Released]->Done; ++Released)
    Pending[Released]->Members.clear();
}

void AuditPipeline::work() {
  // Reused by every audit of this job.
  alloc::AllocationScratch Scratch;
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
    run(*B, Scratch);
    {
      std::lock_guard<std::mutex> Guard(Lock);
      B->Done = true;
      --InFlight;
    }
    BatchDone.notify_all();
  }
}

void AuditPipeline::write(Batch &B) {
  FileState &F = Files[B.File];
  // After a part that ended the reading, reading the whole file would not
  // have reached the members of the parts that follow.
  if (F.PartsEnded)
    return;
  if (B.ReadPart) {
    F.PartsEnded = B.Read.EndsReading;
    F.Parts.push_back(std::move(B.Read));
  }
  // Consecutive reports go out in one write: a report is larger than the
  // stream's buffer, so each would otherwise be a system call of its own.
  llvm::StringRef Reports = B.Reports.text();
  size_t RunBegin = 0, Begin = 0;
  for (size_t I = 0; I < B.Ends.size(); ++I) {
    size_t Number = B.FirstMember + I;
    if (Number < F.Withdrawn.size() && F.Withdrawn[Number]) {
      Out << Reports.slice(RunBegin, Begin);
      RunBegin = B.Ends[I];
    } else if (!B.Failures[I].Text.empty()) {
      Errors.push_back(std::move(B.Failures[I]));
    } else {
      ++Written;
    }
    Begin = B.Ends[I];
  }
  Out << Reports.slice(RunBegin, Begin);
}

void AuditPipeline::writeReady(bool Wait) {
  while (!Pending.empty()) {
    Batch &B = *Pending.front();
    const FileState &F = Files[B.File];
    if (F.MayWithdraw && !F.Ended)
      return;
    {
      std::unique_lock<std::mutex> Guard(Lock);
      if (Wait)
        BatchDone.wait(Guard, [&] { return B.Done; });
      else if (!B.Done)
        return;
    }
    write(B);
    B.Members.clear();
    B.ReadPart = nullptr;
    B.Read = {};
    B.Reports.clear();
    B.Ends.clear();
    B.Failures.clear();
    B.Done = false;
    // Enough spare batches to refill the pipeline; a large held file's
    // buffers are not kept beyond that.
    if (Spare.size() <= MaxInFlight + 1)
      Spare.push_back(std::move(Pending.front()));
    Pending.pop_front();
    Released -= std::min<size_t>(Released, 1);
  }
}

void AuditPipeline::endFile(llvm::ArrayRef<size_t> Withdrawn) {
  submit();
  FileState &F = Files.back();
  F.Ended = true;
  F.Withdrawn.assign(MembersInFile, false);
  for (size_t I : Withdrawn)
    if (I < MembersInFile)
      F.Withdrawn[I] = true;
  // A file without repeated member ids cannot withdraw any; if its reader
  // disagrees, a report may already be out, which must not pass silently.
  if (!F.MayWithdraw && !Withdrawn.empty())
    Errors.push_back({"internal error: " + F.Name + ": " + std::to_string(Withdrawn.size()) +
                          " member(s) withdrawn after their reports may have been written",
                      false});
  writeReady(/*Wait=*/false);
}

std::vector<ledger::PartResult> AuditPipeline::endParts() {
  submit();
  writeReady(/*Wait=*/true);
  return std::move(Files.back().Parts);
}

void AuditPipeline::finish() {
  submit();
  writeReady(/*Wait=*/true);
}

} // namespace certc
