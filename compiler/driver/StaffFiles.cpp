// Reads exceptions and planned activities, and audits members with them.
#include "driver/StaffFiles.h"

#include "driver/LedgerFiles.h"
#include "eval/Evaluate.h"
#include "eval/MemberExceptions.h"

#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <tuple>

namespace certc {

StaffFiles::StaffFiles(const ir::Policy &P, llvm::StringRef ExceptionsPath, llvm::StringRef PlannedPath,
                       std::vector<ledger::LedgerError> &Errors)
    : ExceptionsPath(ExceptionsPath), PlannedPath(PlannedPath) {
  if (!ExceptionsPath.empty()) {
    Exceptions = exceptions::readExceptionsFile(P, ExceptionsPath, ledger::LedgerLimits().fileByteLimit());
    Usable &= !Exceptions.Unreadable;
    for (const auto &Member : Exceptions.MembersWithErrors)
      Blocked[Member.getKey()] = true;
    for (const eval::StaffException &E : Exceptions.Exceptions)
      Named.try_emplace(E.Member, Place{E.File, E.MemberLine, E.MemberCol});
    for (ledger::LedgerError &E : Exceptions.Errors)
      Errors.push_back(std::move(E));
  }
  if (!PlannedPath.empty())
    readPlanned(P, PlannedPath, Errors);
}

void StaffFiles::readPlanned(const ir::Policy &P, llvm::StringRef Path, std::vector<ledger::LedgerError> &Errors) {
  std::vector<ledger::LedgerError> FileErrors;
  std::vector<LedgerSource> Sources = findLedgers({Path.str()}, FileErrors);
  // Planned activities belong to members of the ledgers, whose own fields
  // count: a planned member record needs its id only.
  ir::Policy IdOnly = P;
  for (ir::Field &F : IdOnly.MemberFields)
    F.Required = false;
  ledger::LedgerSchema Schema(IdOnly);
  for (const LedgerSource &S : Sources) {
    ledger::ReadResult R = readLedger(Schema, S);
    for (ledger::Member &M : R.Members) {
      Named.try_emplace(M.Id, Place{M.File, M.Line, M.Col});
      for (ledger::Activity &A : M.Activities)
        A.Planned = true;
      std::string Id = M.Id;
      Planned[Id] = {S.ActivitiesCsv.empty() ? S.Path : S.ActivitiesCsv, std::move(M)};
    }
    for (ledger::LedgerError &E : R.Errors)
      FileErrors.push_back(std::move(E));
  }
  for (ledger::LedgerError &E : FileErrors) {
    // An error that names no member, or after which the reader stopped, may
    // hide any member's activities.
    llvm::StringRef Message = E.Message;
    if (E.Member.empty() || Message.contains("was not read") || Message.endswith("(is the file truncated?)"))
      Usable = false;
    else
      Blocked[E.Member] = true;
    Errors.push_back(std::move(E));
  }
}

std::vector<std::string> StaffFiles::paths() const {
  std::vector<std::string> Out;
  for (const std::string &Path : {ExceptionsPath, PlannedPath})
    if (!Path.empty())
      Out.push_back(Path);
  return Out;
}

void StaffFiles::addPlanned(ledger::Member &M) {
  if (Named.empty())
    return; // the files name no member (every planned member is named)
  {
    std::lock_guard<std::mutex> Guard(SeenLock);
    Seen[M.Id] = true;
  }
  auto It = Planned.find(M.Id);
  if (It != Planned.end())
    ledger::copyActivities(M, It->second.Record.Activities);
}

void StaffFiles::reportUnseen(std::vector<ledger::LedgerError> &Errors) const {
  std::vector<std::pair<std::string, const Place *>> Unseen;
  for (const auto &Entry : Named)
    if (!Seen.count(Entry.getKey()))
      Unseen.push_back({Entry.getKey().str(), &Entry.getValue()});
  // StringMap's order is its hashing's; messages come in file order.
  std::sort(Unseen.begin(), Unseen.end(), [](const auto &A, const auto &B) {
    return std::tie(A.second->File, A.second->Line, A.second->Col) < std::tie(B.second->File, B.second->Line, B.second->Col);
  });
  for (const auto &[Member, At] : Unseen) {
    ledger::LedgerError E;
    E.File = At->File;
    E.Line = At->Line;
    E.Col = At->Col;
    E.Member = Member;
    E.Field = At->File == ExceptionsPath ? "member" : "id";
    E.Message = "no ledger has this member";
    Errors.push_back(std::move(E));
  }
}

llvm::Expected<eval::Audit> StaffFiles::audit(const eval::PolicyIndex &Index, const ledger::Member &M,
                                              Date AsOf, std::optional<Date> PeriodOf,
                                              alloc::AllocationScratch *Scratch) const {
  if (Blocked.count(M.Id))
    return llvm::createStringError(std::errc::invalid_argument,
                                   "member %s: not audited: the errors above in its exceptions or planned "
                                   "activities must be fixed first",
                                   M.Id.c_str());
  // The readers keep ids distinct within a file; a planned activity must not
  // reuse an id of the ledger's either.
  std::vector<ledger::LedgerError> Clashes;
  if (auto It = Planned.find(M.Id); It != Planned.end()) {
    llvm::StringSet<> Real;
    for (const ledger::Activity &A : M.Activities)
      if (!A.Planned)
        Real.insert(A.Id);
    for (const ledger::Activity &A : M.Activities)
      if (A.Planned && Real.count(A.Id)) {
        ledger::LedgerError E;
        E.File = It->second.File;
        E.Line = A.Line;
        E.Col = A.Col;
        E.Member = M.Id;
        E.Activity = A.Id;
        E.Field = "id";
        E.Message = "the member's ledger already has an activity with this id; give the planned one its own";
        Clashes.push_back(std::move(E));
      }
  }
  if (!Clashes.empty())
    return llvm::make_error<eval::InputErrors>(std::move(Clashes));
  return eval::evaluate(Index, M, AsOf, {Exceptions.of(M.Id), PeriodOf, Scratch});
}

} // namespace certc
