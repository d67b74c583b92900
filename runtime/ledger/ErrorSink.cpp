// Error collection for the ledger readers.
#include "ledger/ErrorSink.h"

#include <algorithm>

namespace certc::ledger::detail {

void ErrorSink::noteFile() {
  if (FileOrder.empty() || FileOrder.back() != File)
    FileOrder.push_back(File);
}

bool ErrorSink::keep() {
  ++Count;
  noteFile();
  if (Out.size() < Max)
    return true;
  countUnlisted(1);
  return false;
}

void ErrorSink::countUnlisted(size_t N) {
  auto It = std::find_if(Unlisted.begin(), Unlisted.end(), [&](const auto &U) { return U.first == File; });
  if (It == Unlisted.end())
    It = Unlisted.emplace(Unlisted.end(), File, 0);
  It->second += N;
}

void ErrorSink::report(uint32_t Line, uint32_t Col, llvm::StringRef Member,
                       llvm::StringRef Activity, llvm::StringRef Field, std::string Message) {
  if (!keep())
    return;
  LedgerError &E = Out.emplace_back();
  E.File = File;
  E.Line = Line;
  E.Col = Col;
  E.Member = Member.str();
  E.Activity = Activity.str();
  E.Field = Field.str();
  E.Message = std::move(Message);
}

void ErrorSink::add(LedgerError &&E) {
  if (keep())
    Out.push_back(std::move(E));
}

void ErrorSink::addUnlisted(size_t N) {
  if (N == 0)
    return;
  Count += N;
  noteFile();
  countUnlisted(N);
}

void ErrorSink::nameMember(size_t Mark, llvm::StringRef Id) {
  for (size_t I = Mark; I < Out.size(); ++I)
    if (Out[I].Member.empty())
      Out[I].Member = Id.str();
}

void ErrorSink::nameActivity(size_t Mark, llvm::StringRef Id) {
  for (size_t I = Mark; I < Out.size(); ++I)
    if (Out[I].Activity.empty())
      Out[I].Activity = Id.str();
}

void ErrorSink::finish() {
  auto FileRank = [&](const std::string &Name) {
    return std::find(FileOrder.begin(), FileOrder.end(), Name) - FileOrder.begin();
  };
  std::stable_sort(Out.begin(), Out.end(), [&](const LedgerError &A, const LedgerError &B) {
    if (A.File != B.File)
      return FileRank(A.File) < FileRank(B.File);
    if (A.Line != B.Line)
      return A.Line < B.Line;
    return A.Col < B.Col;
  });
  std::stable_sort(Unlisted.begin(), Unlisted.end(),
                   [&](const auto &A, const auto &B) { return FileRank(A.first) < FileRank(B.first); });
  for (const auto &[Name, N] : Unlisted) {
    LedgerError &E = Out.emplace_back();
    E.File = Name;
    E.Message = std::to_string(N) + " more errors were found but not listed (the limit is " +
                std::to_string(Max) + ")";
  }
}

} // namespace certc::ledger::detail
