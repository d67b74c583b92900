// Error collection for the ledger readers.
#include "ledger/ErrorSink.h"

#include <algorithm>

namespace certc::ledger::detail {

void ErrorSink::report(uint32_t Line, uint32_t Col, llvm::StringRef Member,
                       llvm::StringRef Activity, llvm::StringRef Field, std::string Message) {
  ++Count;
  if (Out.size() >= Max)
    return;
  if (FileOrder.empty() || FileOrder.back() != File)
    FileOrder.push_back(File);
  LedgerError &E = Out.emplace_back();
  E.File = File;
  E.Line = Line;
  E.Col = Col;
  E.Member = Member.str();
  E.Activity = Activity.str();
  E.Field = Field.str();
  E.Message = std::move(Message);
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
  if (Count > Out.size()) {
    size_t Unlisted = Count - Out.size();
    LedgerError &E = Out.emplace_back();
    E.File = File;
    E.Message = std::to_string(Unlisted) +
                " more errors were found but not listed (the limit is " +
                std::to_string(Max) + ")";
  }
}

} // namespace certc::ledger::detail
